"""Every command and setting is documented in README.md (as datasette does)."""

import re

import typer.main

from kgraph.cli import app
from kgtest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_names(typer_app, prefix=""):
    click_app = typer.main.get_command(typer_app)
    for name, cmd in click_app.commands.items():
        yield prefix + name
        if hasattr(cmd, "commands"):
            for sub in cmd.commands:
                yield f"{prefix}{name} {sub}"


def test_every_command_is_documented():
    missing = [c for c in command_names(app) if f"`kgraph {c}" not in README]
    assert not missing, f"commands missing from README: {missing}"


def test_every_environment_variable_is_documented():
    src = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "kgraph").rglob("*.py"))
    names = set(re.findall(r"KGRAPH_[A-Z_]+", src))
    missing = sorted(n for n in names if n not in README)
    assert not missing, f"environment variables missing from README: {missing}"


def test_readme_opens_with_the_two_setup_commands():
    head = README[:1200]
    assert "make run" in head and "make test" in head
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
