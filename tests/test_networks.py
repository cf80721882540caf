"""Networks built from the graph by SPARQL, their metrics and exports."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib import namespace as rns

import golden_graph as sample
from kgraph import iri
from kgraph.analysis import networks
from kgraph.results import rows
from kgraph.store import OxigraphStore
from kgraph.vocab import ELI, KG

PLAN = iri.part(iri.act("decree", dt.date(2013, 12, 13), "1331"), ("annex", "plan"))
LAW = iri.act("law", dt.date(2012, 1, 9), "534-IV")


def _store(build) -> OxigraphStore:
    ds = Dataset()
    g = ds.graph(URIRef(iri.graph("test")))
    build(g)
    store = OxigraphStore()
    store.load_nquads(ds.serialize(format="nquads").encode("utf-8"))
    return store


def _task(g, number: int, *parties: tuple[str, bool]) -> None:
    """A task with parties (agent IRI, by agreement); the first is the lead."""
    t = URIRef(iri.part(PLAN, ("task", number)))
    g.add((t, rns.RDF.type, KG.Task))
    g.add((t, rns.RDFS.label, Literal(f"task {number}", lang="ru")))
    g.add((t, KG.inPlan, URIRef(PLAN)))
    for pos, (agent, agree) in enumerate(parties):
        a = URIRef(iri.part(str(t), ("party", pos)))
        g.add((t, KG.hasAssignment, a))
        g.add((a, KG.assignee, URIRef(agent)))
        g.add((a, KG.assignmentRole, KG.LeadExecutor if pos == 0 else KG.CoExecutor))
        g.add((a, KG.byAgreement, Literal(agree)))
        g.add((a, KG.position, Literal(pos, datatype=rns.XSD.integer)))


MINT, MON, NATD = iri.org("mint"), iri.org("mon"), iri.org("natd")
GROUP = iri.group("interested-state-bodies")


@pytest.fixture(scope="module")
def small():
    def build(g):
        g.add((URIRef(MINT), rns.RDFS.label, Literal("МИНТ", lang="ru")))
        _task(g, 1, (MINT, False), (MON, False), (NATD, True))
        _task(g, 2, (MINT, False), (MON, False))
        _task(g, 3, (MON, False), (GROUP, False))
        _task(g, 4)  # no executor: an isolated task node
        role = URIRef(iri.role("authorized-body-industrial-innovation"))
        art = URIRef(iri.part(LAW, ("art", 5)))
        g.add((art, rns.RDF.type, KG.Article))
        for n in (1, 2):
            item = URIRef(iri.part(str(art), ("item", n)))
            g.add((item, ELI.is_part_of, art))
            c = URIRef(iri.part(str(item), ("stmt", "competence")))
            g.add((c, rns.RDF.type, KG.Competence))
            g.add((c, rns.RDFS.label, Literal(f"competence {n}", lang="kk")))
            g.add((c, KG.grantedTo, role))
            g.add((c, KG.grantedBy, item))
        g.add((role, rns.RDF.type, KG.LegalRole))
        for holder, start in ((MINT, "2012-01-09"), (iri.org("mid"), "2014-08-06")):
            t = URIRef(
                iri.tenure(
                    "authorized-body-industrial-innovation", holder.rsplit("/", 1)[-1], dt.date.fromisoformat(start)
                )
            )
            g.add((t, rns.RDF.type, KG.RoleTenure))
            g.add((t, KG.roleOf, role))
            g.add((t, KG.holder, URIRef(holder)))
            g.add((t, KG.validFrom, Literal(start, datatype=rns.XSD.date)))
        e = URIRef(iri.event("ev-2014-mint-mid"))
        g.add((e, rns.RDF.type, rns.ORG.ChangeEvent))
        g.add((e, rns.ORG.originalOrganization, URIRef(MINT)))
        g.add((e, rns.ORG.resultingOrganization, URIRef(iri.org("mid"))))
        g.add((e, rns.DCTERMS.date, Literal("2014-08-06", datatype=rns.XSD.date)))
        g.add((e, KG.changeKind, KG.Merger))

    return _store(build)


def test_body_task_network(small):
    g = networks.body_task(small)
    tasks = [n for n, d in g.nodes(data=True) if d["kind"] == "task"]
    assert len(tasks) == 4 and g.number_of_edges() == 7
    assert g.nodes[MINT]["label"] == "МИНТ" and g.nodes[GROUP]["kind"] == "group"
    t1 = iri.part(PLAN, ("task", 1))
    assert g.edges[MINT, t1] == {"role": "lead", "by_agreement": False, "position": 0}
    assert g.edges[NATD, t1]["by_agreement"] is True and g.edges[NATD, t1]["role"] == "co-executor"
    assert nx.is_bipartite(g)


def test_coassignment_projection_is_weighted(small):
    p = networks.coassignment(networks.body_task(small))
    assert set(p) == {MINT, MON, NATD, GROUP}
    assert p.edges[MINT, MON]["weight"] == 2
    assert p.edges[MON, GROUP]["weight"] == 1
    assert not p.has_edge(NATD, GROUP)


def test_competence_network(small):
    g = networks.competence_network(small)
    role = iri.role("authorized-body-industrial-innovation")
    art = iri.part(LAW, ("art", 5))
    assert g.nodes[art]["kind"] == "article" and g.degree(art) == 2
    assert g.degree(role) == 4  # two competences, two holders
    assert g.edges[role, MINT]["rel"] == "held_by"
    assert networks.competence_network(small, holders=False).degree(role) == 2


def test_succession_network_is_directed(small):
    g = networks.succession(small)
    assert list(g.edges(data="kind")) == [(MINT, iri.org("mid"), "merger")]


def test_metrics_do_not_mutate_and_cover_every_node(small):
    g = networks.coassignment(networks.body_task(small))
    before = (dict(g.nodes(data=True)), list(g.edges(data=True)))
    m = networks.metrics(g)
    assert (dict(g.nodes(data=True)), list(g.edges(data=True))) == before
    assert set(m) >= {"degree", "weighted_degree", "betweenness", "community", "component"}
    assert all(set(values) == set(g) for values in m.values())
    assert m["weighted_degree"][MINT] == 3 and m["degree"][MINT] == 2
    assert m["betweenness"][MON] > m["betweenness"][GROUP]
    assert networks.top(g, m["weighted_degree"], 1, ("body",))[0][0] == MON


def test_body_task_metrics_count_leads(small):
    m = networks.metrics(networks.body_task(small))
    assert m["lead"][MINT] == 2 and m["lead"][NATD] == 0
    assert len(set(m["component"].values())) == 2  # task 4 stands alone


def test_betweenness_is_sampled_on_large_graphs(monkeypatch):
    g = nx.path_graph(60)
    monkeypatch.setattr(networks, "SAMPLE_ABOVE", 50)
    monkeypatch.setattr(networks, "SAMPLE_K", 10)
    sampled = networks.betweenness(g, seed=1)
    assert set(sampled) == set(g) and sampled != networks.betweenness(g, k=60)


def test_export_writes_readable_files(small, tmp_path):
    g = networks.body_task(small)
    paths = networks.export(g, tmp_path, "body-task", networks.metrics(g))
    assert [p.name for p in paths] == [
        "body-task.graphml",
        "body-task.gexf",
        "body-task-nodes.csv",
        "body-task-edges.csv",
    ]
    back = nx.read_graphml(paths[0])
    assert back.number_of_nodes() == g.number_of_nodes() and back.number_of_edges() == g.number_of_edges()
    assert nx.read_gexf(paths[1]).number_of_nodes() == g.number_of_nodes()
    assert len(paths[3].read_text(encoding="utf-8").splitlines()) == g.number_of_edges() + 1


# --- the networks agree with SPARQL counts of the same things -----------------------------

COUNTS = {
    "tasks": "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a kg:Task }",
    "parties": "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?t a kg:Task ; kg:hasAssignment/kg:assignee ?a }",
    "assignments": "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?t ?a WHERE "
    "{ ?t a kg:Task ; kg:hasAssignment/kg:assignee ?a } }",
    "copairs": "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?x ?y WHERE { ?t a kg:Task ; "
    "kg:hasAssignment/kg:assignee ?x , ?y . FILTER (STR(?x) < STR(?y)) } }",
    "competence_nodes": """SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE {
        { ?n a kg:Competence } UNION { ?c0 a kg:Competence ; kg:grantedTo ?n }
        UNION { ?c1 a kg:Competence ; kg:grantedBy/eli:is_part_of* ?n . ?n a kg:Article }
        UNION { ?t a kg:RoleTenure ; kg:roleOf ?n ; kg:holder ?h } UNION { ?t2 a kg:RoleTenure ; kg:roleOf ?r ; kg:holder ?n }
        UNION { ?n a kg:LegalRole ; org:heldBy ?h2 } UNION { ?r2 a kg:LegalRole ; org:heldBy ?n } }""",
    "competence_edges": """SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?x ?y WHERE {
        { ?y a kg:Competence ; kg:grantedTo ?x }
        UNION { ?x a kg:Competence ; kg:grantedBy/eli:is_part_of* ?y . ?y a kg:Article }
        UNION { ?t a kg:RoleTenure ; kg:roleOf ?x ; kg:holder ?y } UNION { ?x a kg:LegalRole ; org:heldBy ?y } } }""",
    "succession_nodes": """SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE {
        ?e a org:ChangeEvent ; org:originalOrganization ?a ; org:resultingOrganization ?b . VALUES ?which { 0 1 }
        BIND (IF(?which = 0, ?a, ?b) AS ?o) }""",
    "succession_edges": "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?b WHERE "
    "{ ?e a org:ChangeEvent ; org:originalOrganization ?a ; org:resultingOrganization ?b } }",
}


def _count(store, name: str) -> int:
    _, data = rows(store.query(COUNTS[name]))
    return int(next(iter(data[0].values())))


def assert_counts_agree(store) -> dict[str, int]:
    nets = networks.networks(store)
    bt, co, comp, succ = nets["body-task"], nets["coassignment"], nets["competence"], nets["succession"]
    assert bt.number_of_nodes() == _count(store, "tasks") + _count(store, "parties")
    assert bt.number_of_edges() == _count(store, "assignments")
    assert co.number_of_nodes() == _count(store, "parties")
    assert co.number_of_edges() == _count(store, "copairs")
    assert comp.number_of_nodes() == _count(store, "competence_nodes")
    assert comp.number_of_edges() == _count(store, "competence_edges")
    assert succ.number_of_nodes() == _count(store, "succession_nodes")
    assert succ.number_of_edges() == _count(store, "succession_edges")
    return {name: g.number_of_edges() for name, g in nets.items()}


def test_an_empty_graph_gives_empty_networks():
    assert all(g.number_of_nodes() == 0 for g in networks.networks(OxigraphStore()).values())


def test_counts_agree_with_sparql_on_small_graph(small):
    assert_counts_agree(small)


def test_counts_agree_with_sparql_on_golden_sample():
    edges = assert_counts_agree(sample.golden_store())
    assert edges["body-task"] > 300 and edges["competence"] > 90


def test_counts_agree_with_sparql_on_built_graph(store):
    edges = assert_counts_agree(store)
    print("built graph network edges:", edges)


def test_analyze_command_prints_and_writes(tmp_path):
    from typer.testing import CliRunner

    from kgraph.cli import app

    path = tmp_path / "build" / "store"
    path.mkdir(parents=True)
    st = OxigraphStore(path)
    st.load_nquads(sample.nquads())
    st.flush()
    del st
    result = CliRunner().invoke(
        app, ["analyze", "--build", str(tmp_path / "build"), "--out", str(tmp_path / "net"), "--top", "3"]
    )
    assert result.exit_code == 0, result.output
    assert "coassignment" in result.output and "weighted degree" in result.output
    assert len(list((tmp_path / "net").iterdir())) == 16
