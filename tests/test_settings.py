"""Settings (kgraph.settings): every KGRAPH_* variable declared once, documented in README, read at call time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kgraph import settings
from kgraph.errors import KgraphError
from kgtest import ROOT

SRC = ROOT / "src" / "kgraph"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_settings_table() -> set[tuple[str, str, str]]:
    section = README.split("## Settings", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(KGRAPH_\w+)` \| (.+?) \| (.+?) \|$", section, re.MULTILINE)
    return set(rows)


def test_readme_table_lists_every_variable_with_its_default_and_meaning():
    expected = {(v.name, v.default, v.meaning) for v in settings.VARIABLES}
    assert readme_settings_table() == expected


def test_only_the_settings_module_reads_the_environment():
    readers = [
        p.relative_to(SRC).as_posix()
        for p in SRC.rglob("*.py")
        if p.name != "settings.py" and re.search(r"os\.environ|getenv\(", p.read_text(encoding="utf-8"))
    ]
    assert readers == []


def test_every_variable_named_in_the_code_is_a_setting():
    named = set()
    for p in SRC.rglob("*.py"):
        named |= set(re.findall(r"KGRAPH_[A-Z_]+", p.read_text(encoding="utf-8")))
    assert named <= {v.name for v in settings.VARIABLES} | {"KGRAPH_"}


def test_build_file_names_are_defined_once():
    names = [settings.GRAPH_FILE, settings.REPORT_FILE, settings.SEARCH_INDEX_FILE, settings.OVERLAP_INDEX_FILE]
    for p in SRC.rglob("*.py"):
        if p.name == "settings.py":
            continue
        text = p.read_text(encoding="utf-8")
        assert not [n for n in names if f'"{n}"' in text], p


@pytest.mark.parametrize(
    "environ, field, value",
    [
        ({}, "query_timeout", 10.0),
        ({"KGRAPH_QUERY_TIMEOUT": "2.5"}, "query_timeout", 2.5),
        ({"KGRAPH_QUERY_TIMEOUT": "  "}, "query_timeout", 10.0),  # blank: the default
        ({"KGRAPH_MAX_ROWS": "7"}, "max_rows", 7),
        ({"KGRAPH_BUILD": "out"}, "build", Path("out")),
        ({"KGRAPH_STORE": "memory"}, "store", "memory"),
        ({}, "store", None),
        ({"KGRAPH_RELOAD": "0"}, "reload", False),
        ({"KGRAPH_RELOAD": "1"}, "reload", True),
        ({"KGRAPH_MEMORY_LOAD_MB": "0.5"}, "memory_load_bytes", 500_000),
        ({"KGRAPH_QUERY_WORKERS": "3"}, "query_workers", 3),
    ],
)
def test_values_from_the_environment(environ, field, value):
    assert getattr(settings.current(environ), field) == value


def test_read_at_call_time(monkeypatch):
    monkeypatch.setenv("KGRAPH_MAX_GET", "100")
    assert settings.current().max_get == 100
    monkeypatch.delenv("KGRAPH_MAX_GET")
    assert settings.current().max_get == settings.DEFAULTS.max_get == 8192


@pytest.mark.parametrize(
    "environ, message",
    [
        ({"KGRAPH_MAX_ROWS": "many"}, "KGRAPH_MAX_ROWS='many' is not a whole number"),
        ({"KGRAPH_QUERY_TIMEOUT": "10s"}, "KGRAPH_QUERY_TIMEOUT='10s' is not a number"),
    ],
)
def test_bad_value_is_a_one_line_error(environ, message):
    with pytest.raises(KgraphError) as exc:
        settings.current(environ)
    assert str(exc.value) == message


def test_env_names():
    assert settings.env("store_gsp") == "KGRAPH_STORE_GSP"
    with pytest.raises(KeyError, match="no setting 'colour'"):
        settings.env("colour")
