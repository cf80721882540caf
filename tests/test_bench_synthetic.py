"""The benchmark's synthetic graph (bench/synthetic.py) is shaped like the build: the same
share of every property and class, distinct IRIs per copy, each copy joined to one registry."""

from __future__ import annotations

import collections
import sys

import pyoxigraph as ox
import pytest

from kgtest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import synthetic

KG = "https://kgraph.kz/ontology#"


def _load(lines) -> ox.Store:
    store = ox.Store()
    store.bulk_load("".join(lines).encode("utf-8"), ox.RdfFormat.N_QUADS)
    return store


def _shares(store: ox.Store) -> dict[str, float]:
    """Share of each property among the quads of the document and findings graphs."""
    shared = {synthetic.ONTOLOGY_GRAPH[1:-1], synthetic.REGISTRY_GRAPH[1:-1]}
    counts = collections.Counter(q.predicate.value for q in store if q.graph_name.value not in shared)
    total = sum(counts.values())
    return {p: n / total for p, n in counts.items()}


@pytest.fixture(scope="module")
def real_and_replica(built):
    """The build and a replica of 12 times its size (14 document copies, 2 registries)."""
    source = built / "graph.nq"
    with open(source, encoding="utf-8") as f:
        real = _load(f)
    return real, _load(synthetic.generate(source, 12 * len(real)))


def test_replica_has_the_build_proportions(real_and_replica):
    real, replica = real_and_replica
    target = 12 * len(real)
    # Copies never collapse into each other: the size is close to the target.
    assert abs(len(replica) - target) / target < 0.05
    want, got = _shares(real), _shares(replica)
    assert set(got) == set(want)
    # In the documents every property keeps its share exactly (the ontology is written once
    # and a registry once per ten copies: those graphs are left out of the shares).
    for p, share in want.items():
        assert abs(got[p] - share) < 1e-9, p


def test_copies_refer_to_their_own_registry(real_and_replica):
    _, store = real_and_replica
    q = f"""SELECT DISTINCT ?g ?party WHERE {{ GRAPH ?g {{ ?a <{KG}assignee> ?party }} }}"""
    graphs_by_party = collections.defaultdict(set)
    for row in store.query(q):
        graphs_by_party[row["party"].value].add(row["g"].value)
    # The first copy keeps the real IRIs; with two registries, odd copies use the second.
    mint = graphs_by_party[synthetic.B + "org/mint"]
    mint_r1 = graphs_by_party[synthetic.B + "org/mint-r1"]
    assert synthetic.B + "graph/kz-gov-decree-2013-1331-ru" in mint
    assert mint_r1 and all(int(g.rsplit("-c", 1)[1]) % 2 == 1 for g in mint_r1)
    # Every party of a copy is a registry entity of that copy's registry or a mention of the copy.
    registry = {
        row["s"].value
        for row in store.query("SELECT DISTINCT ?s WHERE { GRAPH <https://kgraph.kz/id/graph/registry> { ?s ?p ?o } }")
    }
    for party, _graphs in graphs_by_party.items():
        if "/mention/" in party or ("/group/" in party and party not in registry):
            continue
        assert party in registry, party
