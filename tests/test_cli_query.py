"""`kgraph query` and `kgraph queries` on a miniature build and on a remote SPARQL endpoint."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kgraph.cli import app
from kgraph.store import RemoteStore
from sparql_support import build_dir, mini_nquads, oxigraph_server

runner = CliRunner()


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    return build_dir(tmp_path_factory.mktemp("cli") / "build")


def kgraph(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input, env={"COLUMNS": "400"})


def test_query_prints_a_table_with_the_title_by_default(build):
    out = kgraph("query", "tasks_of_body", "--store", str(build))
    assert out.exit_code == 0, out.output
    assert "Tasks of one body" in out.output and "task_1" in out.output and "1 row(s)" in out.output


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv", "xml"])
def test_query_writes_each_standard_format(build, fmt):
    out = kgraph("query", "top_bodies", "--store", str(build), "--format", fmt)
    assert out.exit_code == 0, out.output
    if fmt == "json":
        assert len(json.loads(out.stdout)["results"]["bindings"]) == 4
    elif fmt == "csv":
        table = list(csv.reader(io.StringIO(out.stdout)))
        assert table[0] == ["body", "name", "tasks", "as_lead", "as_co_executor", "by_agreement"] and len(table) == 5
    else:
        native = ox.QueryResultsFormat.TSV if fmt == "tsv" else ox.QueryResultsFormat.XML
        assert len(list(ox.parse_query_results(out.stdout_bytes, native))) == 4


def test_a_table_shows_our_iris_relative_to_the_base_and_says_so(build):
    out = kgraph("query", "tasks_of_body", "--store", str(build))
    cells = [line for line in out.output.splitlines() if line.startswith("│")]
    assert any("annex_plan/task_1" in line for line in cells)
    assert not any("https://kgraph.kz/id/" in line for line in cells)
    assert "IRIs relative to https://kgraph.kz/id/" in out.output


def test_a_table_shows_the_first_rows_and_the_total(build):
    out = kgraph("query", "top_bodies", "--store", str(build), "--limit", "2")
    assert out.exit_code == 0, out.output
    assert "showing 2 of 4 rows" in out.output and "4 row(s)" not in out.output


@pytest.mark.parametrize("fmt, rows", [("csv", 2), ("json", 2)])
def test_limit_cuts_every_format_and_says_so(build, fmt, rows):
    out = kgraph("query", "top_bodies", "--store", str(build), "-f", fmt, "-n", "2")
    assert out.exit_code == 0, out.output
    if fmt == "csv":
        assert len(list(csv.reader(io.StringIO(out.stdout)))) == rows + 1
    else:
        assert len(json.loads(out.stdout)["results"]["bindings"]) == rows
    assert "cut at 2 rows" in out.stderr


def test_query_binds_params_as_typed_values(build):
    out = kgraph("query", "tasks_due", "--store", str(build), "-p", "date=2014-12-15", "-f", "json")
    assert out.exit_code == 0, out.output
    tasks = {b["task"]["value"].rsplit("/", 1)[1] for b in json.loads(out.stdout)["results"]["bindings"]}
    assert tasks == {"task_1", "task_2"}


@pytest.mark.parametrize(
    "args, message",
    [
        (["-p", "date=31.12.2016"], "not a valid date"),
        (["-p", "when=2016-01-01"], "has no parameter 'when'"),
        (["-p", "date"], "expects k=v"),
        (["-f", "yaml"], "no 'yaml' format"),
    ],
)
def test_bad_arguments_fail_with_one_line(build, args, message):
    out = kgraph("query", "tasks_due", "--store", str(build), *args)
    assert out.exit_code == 1 and message in out.output and "Traceback" not in out.output


def test_an_unknown_query_lists_the_known_ones(build):
    out = kgraph("query", "nope", "--store", str(build))
    assert out.exit_code == 1 and "known: " in out.output and "tasks_due" in out.output


def test_a_rq_file_and_stdin(build, tmp_path):
    f = tmp_path / "count.rq"
    f.write_text("# title: Count tasks\nSELECT (COUNT(*) AS ?n) WHERE { ?t a kg:Task }\n", encoding="utf-8")
    out = kgraph("query", str(f), "--store", str(build), "-f", "csv")
    assert out.exit_code == 0 and out.stdout.splitlines() == ["n", "3"]
    out = kgraph("query", "-", "--store", str(build), "-f", "csv", input="SELECT ?t WHERE { ?t a kg:Task }")
    assert out.exit_code == 0 and len(out.stdout.splitlines()) == 4


def test_malformed_query_is_one_line_with_the_parsers_position(build):
    out = kgraph("query", "-", "--store", str(build), input="SELECT ?t WHERE { ?t }")
    assert out.exit_code == 1 and "malformed query: error at 1:" in out.output


def test_construct_and_ask_from_the_cli(build):
    out = kgraph("query", "-", "--store", str(build), "-f", "nt", input="CONSTRUCT WHERE { ?t a kg:Task }")
    assert out.exit_code == 0 and len(out.stdout.strip().splitlines()) == 3
    out = kgraph("query", "-", "--store", str(build), input="ASK { ?t a kg:Task }")
    assert out.exit_code == 0 and out.stdout.strip() == "yes"


def test_store_from_the_environment(build, monkeypatch):
    monkeypatch.setenv("KGRAPH_STORE", str(build))
    out = kgraph("query", "sources", "-f", "csv")
    assert out.exit_code == 0 and "kz-gov-decree-2013-1331-ru" in out.stdout


@pytest.mark.server
def test_store_url_runs_the_same_query_on_a_remote_endpoint(build, tmp_path):
    with oxigraph_server(tmp_path / "remote") as base:
        RemoteStore(base + "/query").load_nquads(mini_nquads())
        local = kgraph("query", "coassigned_pairs", "--store", str(build), "-f", "csv")
        remote = kgraph("query", "coassigned_pairs", "--store", base + "/query", "-f", "csv")
    assert remote.exit_code == 0, remote.output
    assert remote.stdout == local.stdout and len(remote.stdout.splitlines()) == 4


def test_queries_lists_names_titles_and_parameters():
    out = kgraph("queries")
    assert out.exit_code == 0
    for text in (
        "tasks_of_body",
        "Tasks of one body",
        "body: iri = https://kgraph.kz/id/org/mid",
        "succession_chain",
        "date: date = 2016-12-31",
    ):
        assert text in out.output


def test_a_paged_query_answers_its_first_page_by_default_and_everything_on_request(build, tmp_path):
    q = tmp_path / "paged.rq"
    q.write_text("# title: Tasks\n# page: 2\nSELECT ?t WHERE { ?t a kg:Task } ORDER BY ?t\n", encoding="utf-8")

    def rows(*args):
        out = kgraph("query", str(q), "--store", str(build), "--format", "csv", *args)
        assert out.exit_code == 0, out.output
        return list(csv.reader(io.StringIO(out.stdout)))[1:]

    first, second, every = rows(), rows("--page", "2"), rows("--all")
    assert len(first) == 2 and len(every) == 3
    assert first + second == every
    assert "--all for every row" in kgraph("query", str(q), "--store", str(build), "-f", "csv").stderr


def test_responsibilities_is_read_in_pages():
    from kgraph import queries

    assert queries.find("responsibilities").page == 1000
