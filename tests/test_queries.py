"""The named-query library: every query's header and SPARQL parse, its parameters bind as typed
values, it returns its declared columns and known rows on a hand-written miniature graph, and it
runs with rows on the full five-source build."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgraph import catalog, queries, settings
from kgraph.errors import KgraphError, QueryError
from kgraph.results import rows
from kgraph.store import OxigraphStore
from sparql_support import mini_nquads

LIBRARY = queries.library()
NAMES = sorted(LIBRARY)
BASE = "https://kgraph.kz/id/"
TASK_1 = BASE + "act/decree/2013/12/13/1331/annex_plan/task_1"

# Must the query return rows on the five-source build? (All should by the end of the project.)
ROWS_REQUIRED = {
    "abbreviations": True,
    "acts_cited": True,
    "body_competences": True,
    "body_powers": True,
    "coassigned_pairs": True,
    "competences": True,
    "indicators": True,
    "institutions": True,
    "instructions": True,
    "legal_basis": True,
    "provenance": True,
    "responsibilities": True,
    "role_holders": True,
    "sources": True,
    "succession_chain": True,
    "support_measures": True,
    "tasks_due": True,
    "tasks_of_body": True,
    "tasks_without_lead": True,
    "top_bodies": True,
    "unresolved_mentions": True,
    "overlaps": True,
}


def test_the_library_has_at_least_fifteen_queries_including_the_extraction_ones():
    assert len(LIBRARY) >= 15
    for name in (
        "tasks_of_body",
        "tasks_due",
        "top_bodies",
        "tasks_without_lead",
        "body_competences",
        "role_holders",
        "succession_chain",
        "acts_cited",
        "support_measures",
        "coassigned_pairs",
        "provenance",
        "unresolved_mentions",
        "sources",
    ):
        assert name in LIBRARY


@pytest.mark.parametrize("name", NAMES)
def test_header_has_title_description_and_columns(name):
    q = LIBRARY[name]
    assert q.title and len(q.description) > 40 and q.columns, name
    assert len(set(q.columns)) == len(q.columns)
    for p in q.parameters:
        assert p.type in queries.TYPES and p.doc, (name, p)


@pytest.mark.parametrize("name", NAMES)
def test_sparql_parses_and_projects_the_declared_columns(name):
    q = LIBRARY[name]
    result = queries.run(q, OxigraphStore())  # an empty store: parses and plans the query
    assert result.kind == "select"
    assert result.variables == list(q.columns)
    assert list(result) == [] or name == "sources"


# --- parameters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, name, default, type_",
    [
        ("body = https://kgraph.kz/id/org/mid  (IRI)", "body", "https://kgraph.kz/id/org/mid", "iri"),
        ("date = 2016-12-31  (a day)", "date", "2016-12-31", "date"),
        ("min_tasks = 2 (count)", "min_tasks", "2", "integer"),
        ("flag = true (a flag)", "flag", "true", "boolean"),
        ("abbr = (empty for all)", "abbr", "", "string"),
        ("number:string = 12 (printed number)", "number", "12", "string"),
        ("share:decimal = 0.5 (a share)", "share", "0.5", "decimal"),
    ],
)
def test_param_lines_give_name_default_and_type(line, name, default, type_):
    q = queries.parse_text(f"# title: t\n# param: {line}\nSELECT * WHERE {{ }}")
    (p,) = q.parameters
    assert (p.name, p.default, p.type) == (name, default, type_)
    assert q.params == {name: default}


def test_bindings_are_typed_terms_and_empty_defaults_stay_unbound():
    q = queries.parse_text(
        "# param: date = 2016-12-31 (d)\n# param: abbr = (a)\n# param: n:integer = 3 (n)\nSELECT * WHERE { }"
    )
    b = q.bindings({"n": "7"})
    assert b == {
        "date": ox.Literal("2016-12-31", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")),
        "n": ox.Literal("7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
    }


@pytest.mark.parametrize(
    "name, values, message",
    [
        ("tasks_due", {"date": "2016-13-45"}, "not a valid date"),
        ("tasks_of_body", {"body": "not an iri"}, "not a valid iri"),
        ("coassigned_pairs", {"min_tasks": "many"}, "not a valid integer"),
        ("tasks_due", {"dates": "2016-01-01"}, "has no parameter 'dates'"),
    ],
)
def test_bad_parameter_values_are_clear_errors(name, values, message):
    with pytest.raises(QueryError, match=message):
        LIBRARY[name].bindings(values)


def test_a_bad_param_line_names_the_file():
    with pytest.raises(KgraphError, match="cannot read parameter line"):
        queries.parse_text("# param: = nothing\nSELECT * {}", "broken")


def test_find_by_name_or_file(tmp_path):
    assert queries.find("tasks_due").name == "tasks_due"
    f = tmp_path / "mine.rq"
    f.write_text("# title: Mine\nSELECT * WHERE { ?s ?p ?o } LIMIT 1\n", encoding="utf-8")
    assert queries.find(str(f)).title == "Mine"
    with pytest.raises(KgraphError, match="no named query 'nope'; known: "):
        queries.find("nope")


# --- known rows on the miniature graph (tests/data/mini.trig) ---------------------------------


@pytest.fixture(scope="module")
def mini() -> OxigraphStore:
    store = OxigraphStore()
    store.load_nquads(mini_nquads())
    return store


def run(store, name, **values) -> list[dict[str, str]]:
    return rows(queries.run(LIBRARY[name], store, values))[1]


def short(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def test_mini_tasks_of_body_direct_and_through_a_group(mini):
    assert [(short(r["task"]), r["role"], r["via_group"]) for r in run(mini, "tasks_of_body")] == [
        ("task_1", "lead", "")
    ]
    got = {
        (short(r["task"]), r["role"], short(r["via_group"]) if r["via_group"] else "")
        for r in run(mini, "tasks_of_body", body=BASE + "org/mne")
    }
    assert got == {
        ("task_1", "co-executor", ""),
        ("task_2", "lead", ""),
        ("task_2", "co-executor", "interested-state-bodies"),
    }


@pytest.mark.parametrize(
    "date, expected",
    [
        ("2016-12-31", {("task_1", "overdue"), ("task_2", "due")}),
        ("2014-01-01", set()),
        ("2014-12-15", {("task_1", "due"), ("task_2", "due")}),
        ("2021-01-01", {("task_1", "overdue"), ("task_2", "overdue"), ("task_3", "overdue")}),
    ],
)
def test_mini_tasks_due(mini, date, expected):
    assert {(short(r["task"]), r["status"]) for r in run(mini, "tasks_due", date=date)} == expected


def test_mini_top_bodies_counts_lead_co_and_agreement(mini):
    got = {
        short(r["body"]): (r["tasks"], r["as_lead"], r["as_co_executor"], r["by_agreement"])
        for r in run(mini, "top_bodies")
    }
    assert got["nb"] == ("2", "1", "1", "2") and got["mid"] == ("1", "1", "0", "0")
    assert "1450" not in got  # the unresolved mention is left out


def test_mini_tasks_without_lead(mini):
    assert [(short(r["task"]), r["problem"]) for r in run(mini, "tasks_without_lead")] == [
        ("task_3", "only by-agreement executors")
    ]


def test_mini_body_competences_of_a_role_and_of_a_body_through_its_tenure(mini):
    by_role = run(mini, "body_competences")
    assert [(r["article"], r["item"], r["residual"]) for r in by_role] == [("7", "1", "false"), ("7", "2", "true")]
    by_body = run(mini, "body_competences", agent=BASE + "org/mint")
    assert {short(r["via_role"]) for r in by_body} == {"authorized-body-industrial-innovation"}
    assert len(by_body) == 2


@pytest.mark.parametrize(
    "agent, date, expected",
    [
        # the role's holder today: the law's powers of the role and the functions its regulation lists
        (
            "role/authorized-body-industrial-innovation",
            "2024-01-01",
            {
                ("mps", "law", "authorized-body-industrial-innovation", "1", None),
                ("mps", "law", "authorized-body-industrial-innovation", "2", None),
                ("mps", "regulation", "", "2", "functions"),
            },
        ),
        # in 2016 the role was held by МИР, which has no regulation in the graph
        (
            "role/authorized-body-industrial-innovation",
            "2016-01-01",
            {
                ("mid", "law", "authorized-body-industrial-innovation", "1", None),
                ("mid", "law", "authorized-body-industrial-innovation", "2", None),
            },
        ),
        # a body: its own regulation and the roles it holds at the date
        (
            "org/mps",
            "2024-01-01",
            {
                ("mps", "law", "authorized-body-industrial-innovation", "1", None),
                ("mps", "law", "authorized-body-industrial-innovation", "2", None),
                ("mps", "regulation", "", "2", "functions"),
            },
        ),
        # before its regulation was approved and before it held the role: nothing
        ("org/mps", "2020-01-01", set()),
    ],
)
def test_mini_body_powers_join_a_role_s_holder_at_a_date_to_its_regulation(mini, agent, date, expected):
    got = {
        (short(r["body"]), r["source"], short(r["via_role"]), r["item"], r["group"] or None)
        for r in run(mini, "body_powers", agent=BASE + agent, date=date)
    }
    assert got == expected


@pytest.mark.parametrize(
    "date, holder",
    [("2013-05-01", "mint"), ("2016-01-01", "mid"), ("2014-08-06", "mid"), ("2020-01-01", ""), ("2024-01-01", "mps")],
)
def test_mini_role_holders_at_a_date(mini, date, holder):
    row = next(r for r in run(mini, "role_holders", date=date) if r["role"].endswith("industrial-innovation"))
    assert short(row["holder_at_date"]) == holder and short(row["current_holder"]) == "mps"


def test_mini_succession_chain_both_directions(mini):
    forward = [(r["direction"], short(r["from"]), short(r["to"])) for r in run(mini, "succession_chain")]
    assert forward == [
        ("after", "mint", "mid"),
        ("after", "mid", "miid"),
        ("after", "miid", "mps"),
        ("after", "miid", "mt"),
    ]
    around = {
        (r["direction"], short(r["from"]), short(r["to"])) for r in run(mini, "succession_chain", body=BASE + "org/mid")
    }
    assert around == {
        ("before", "mint", "mid"),
        ("after", "mid", "miid"),
        ("after", "miid", "mps"),
        ("after", "miid", "mt"),
    }


def test_mini_acts_cited(mini):
    got = {(r["source"], r["relation"], short(r["cited"])) for r in run(mini, "acts_cited")}
    assert got == {
        ("kz-gov-decree-2013-1331-ru", "based_on", "579"),
        ("kz-law-industrial-innovative-support-kk", "cites", "entrepreneurial-code"),
    }
    assert len(run(mini, "acts_cited", source="kz-gov-decree-2013-1331-ru")) == 1


def test_mini_support_measures(mini):
    (row,) = run(mini, "support_measures")
    assert (row["kind"], short(row["provider"]), short(row["current_holder"]), row["article"]) == (
        "financial",
        "national-operator-technological-development",
        "natd",
        "7",
    )


def test_mini_coassigned_pairs(mini):
    got = {(short(r["lead"]), short(r["partner"]), r["tasks"]) for r in run(mini, "coassigned_pairs")}
    assert got == {("mid", "mne", "1"), ("mid", "nb", "1"), ("mne", "interested-state-bodies", "1")}
    assert run(mini, "coassigned_pairs", min_tasks="2") == []


def test_mini_provenance_unresolved_and_sources(mini):
    (span,) = run(mini, "provenance")
    assert (span["document"], span["start"], span["end"]) == ("kz-gov-decree-2013-1331-ru", "1000", "1100")
    (mention,) = run(mini, "unresolved_mentions")
    assert (mention["text"], short(mention["mandate"])) == ("АО «Фонд науки»", "task_3")
    docs = {r["document"] for r in run(mini, "sources") if r["document"]}
    assert docs == {"kz-gov-decree-2013-1331-ru", "kz-law-industrial-innovative-support-kk"}


# --- the full five-source build (tests/conftest.py builds it once per session) ------------------


@pytest.mark.parametrize("name", NAMES)
def test_runs_on_the_built_graph_with_its_columns_and_rows(store, name):
    q = LIBRARY[name]
    names, data = rows(queries.run(q, store))
    assert names == list(q.columns)
    if ROWS_REQUIRED.get(name, True):
        assert data, f"{name}: no rows on the five-source build"


def test_built_succession_of_mint_reaches_the_ministry_of_industry_and_construction(store):
    steps = {(short(r["from"]), short(r["to"])) for r in run(store, "succession_chain")}
    assert {("mint", "mid"), ("mid", "miid"), ("miid", "mps")} <= steps


def test_built_role_holder_in_2016_is_the_ministry_for_investments_and_development(store):
    row = next(
        r
        for r in run(store, "role_holders", date="2016-01-01")
        if r["role"] == BASE + "role/authorized-body-industrial-innovation"
    )
    assert short(row["holder_at_date"]) == "mid"


@pytest.mark.parametrize(
    "date, expected",
    [
        ("2013-12-31", set()),  # the ministry still existed
        ("2016-01-01", {("mid", "merger")}),
        ("2020-01-01", {("miid", "renaming"), ("mfa", "transfer")}),
        ("", {("mps", "split"), ("mt", "split"), ("mfa", "transfer")}),  # today
    ],
)
def test_built_successors_of_the_ministry_that_led_a_2013_roadmap_task(store, date, expected):
    task = BASE + "act/decree/2013/12/13/1331/annex_plan/task_3"
    data = run(store, "successors", **({"date": date} if date else {}))
    got = {(short(r["successor"]), r["step"]) for r in data if r["task"] == task and short(r["party"]) == "mint"}
    assert got == expected
    assert all(r["role"] == "lead" for r in data if r["task"] == task and short(r["party"]) == "mint")


@pytest.mark.parametrize(
    "date, expected",
    [
        ("2016-01-01", {("mid", "merger", "false")}),
        ("", {("mps", "split", "true"), ("mt", "split", "true"), ("mfa", "transfer", "true")}),
    ],
)
def test_built_successors_of_one_task_say_when_the_task_may_rest_with_another_body(store, date, expected):
    task = BASE + "act/decree/2013/12/13/1331/annex_plan/task_3"
    data = run(store, "successors", task=task, **({"date": date} if date else {}))
    assert {r["task"] for r in data} == {task}
    assert {(short(r["successor"]), r["step"], r["shared"]) for r in data if short(r["party"]) == "mint"} == expected
    assert all(r["step_kind"].startswith("https://kgraph.kz/ontology#") for r in data)


def test_built_successors_stop_at_a_body_that_still_exists(store):
    # The 2013 statistics agency merged into the Ministry of National Economy, which exists today:
    # the ministry carries the task; what it later transferred to other bodies is its own succession.
    data = run(store, "successors")
    assert {short(r["successor"]) for r in data if short(r["party"]) in {"as", "mebp", "mrr"}} == {"mne"}


def test_built_successors_cover_decree_instructions_as_the_task_pages_do(store):
    instruction = BASE + "act/decree/2013/06/19/631/para_3"
    assert {short(r["successor"]) for r in run(store, "successors", task=instruction)} >= {"mps", "mt"}


def test_built_tasks_of_mid_come_from_the_2013_roadmap(store):
    data = run(store, "tasks_of_body")
    assert data and {r["source"] for r in data} <= {"kz-gov-decree-2013-1331-ru", "kz-gov-decree-2013-631-kk"}


def test_built_provenance_quotes_the_raw_source_text(store):
    sources = Path(__file__).resolve().parents[1] / "data" / "sources"
    data = run(store, "provenance")
    assert data
    for r in data:
        raw = (sources / r["file"]).read_text(encoding="utf-8")
        assert raw[int(r["start"]) : int(r["end"])] == r["quote"]


def test_built_sources_list_every_catalogued_text(store):
    docs = {r["document"] for r in run(store, "sources") if r["document"]}
    assert len(docs) == len(catalog.load(settings.DEFAULT_CATALOG))


# --- internal queries: the ones the code runs, in queries/internal/ --------------------------------

INTERNAL = queries.internal_library()
SRC = Path(__file__).resolve().parents[1] / "src" / "kgraph"
SPARQL_TEXT = re.compile(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b.*\{", re.S)


def test_internal_queries_live_in_their_subfolder_and_are_not_offered_to_users():
    assert len(INTERNAL) >= 30
    assert all(q.path.parent.name == queries.INTERNAL for q in INTERNAL.values())
    assert not any(q.path.parent.name == queries.INTERNAL for q in LIBRARY.values())


@pytest.mark.parametrize("name", sorted(INTERNAL))
def test_internal_query_has_a_header_and_projects_its_declared_columns(name):
    q = INTERNAL[name]
    assert q.title and len(q.description) > 40 and q.columns, name
    for p in q.parameters:
        assert p.type in queries.TYPES and p.doc, (name, p)
    result = queries.run(q, OxigraphStore())
    assert result.variables == list(q.columns)


def string_constants(tree: ast.AST):
    """String literals of a module (f-string parts included), docstrings left out."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node


def test_no_sparql_text_is_left_in_the_code():
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in string_constants(ast.parse(path.read_text(encoding="utf-8"))):
            if SPARQL_TEXT.search(node.value):
                found.append(f"{path.relative_to(SRC)}:{node.lineno}: {node.value[:60]!r}")
    for path in sorted((SRC / "web" / "templates").glob("*.html")):
        if re.search(r"\b(SELECT|CONSTRUCT|DESCRIBE)\b", path.read_text(encoding="utf-8")):
            found.append(str(path.relative_to(SRC)))
    assert not found, "SPARQL belongs in queries/: " + "; ".join(found)


def test_the_scan_would_see_sparql_in_code():
    code = '"""SELECT in a docstring { }"""\nQ = "SELECT ?s WHERE { ?s ?p ?o }"\nR = f"ASK {{ <{x}> ?p ?o }}"'
    found = [n.value.split()[0] for n in string_constants(ast.parse(code)) if SPARQL_TEXT.search(n.value)]
    assert found == ["SELECT", "ASK"]


def query_calls() -> dict[str, set[str]]:
    """The names the code asks queries.internal(...) and queries.named(...) for."""
    calls: dict[str, set[str]] = {"internal": set(), "named": set()}
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in calls
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "queries"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                calls[node.func.attr].add(node.args[0].value)
    return calls


def test_every_internal_query_is_run_by_the_code_and_every_query_it_names_exists():
    calls = query_calls()
    assert calls["internal"] == set(INTERNAL)
    assert calls["named"] <= set(LIBRARY)
    # the web, the CLI and the analysis share queries rather than each writing its own
    assert {"tasks_of_body", "successors", "provenance", "top_bodies", "unresolved_mentions"} <= calls["named"]


def test_a_list_of_values_binds_one_row_each_and_a_limit_is_added_on_request(mini):
    q = INTERNAL["names"]
    skos = "http://www.w3.org/2004/02/skos/core#"
    got = rows(queries.run(q, mini, {"p": [skos + "prefLabel", skos + "altLabel"]}))[1]
    assert got and {r["p"] for r in got} == {skos + "prefLabel", skos + "altLabel"}
    assert len(rows(queries.run(q, mini, {"p": [skos + "prefLabel"]}, limit=2))[1]) == 2
    with pytest.raises(KgraphError, match="LIMIT of its own"):
        INTERNAL["identifier"].text(limit=5)
    with pytest.raises(KgraphError, match="no internal query"):
        queries.internal("nope")
