"""kgraph.footprint: the triples a set of queries can read, and a digest of only those."""

from __future__ import annotations

import pytest

from kgraph import footprint
from kgraph.vocab import KG

X = "PREFIX x: <http://x/> "


@pytest.mark.parametrize(
    ("sparql", "expected"),
    [
        (X + "SELECT * WHERE { ?s x:a ?o }", {"http://x/a"}),
        (
            X + "SELECT * WHERE { ?s a x:C ; x:a/x:b* ?o }",
            {"http://x/a", "http://x/b", "http://x/C", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"},
        ),
        (X + "SELECT * WHERE { VALUES ?p { x:a x:b } ?s ?p ?o }", {"http://x/a", "http://x/b"}),
        (X + "SELECT * WHERE { ?s x:a ?o OPTIONAL { ?o ^x:b ?z } }", {"http://x/a", "http://x/b"}),
        ("SELECT * WHERE { ?s ?p ?o }", None),  # any predicate
        (X + "SELECT * WHERE { ?s !x:a ?o }", None),  # every predicate but one
    ],
)
def test_predicates(sparql, expected):
    got = footprint.predicates([sparql])
    assert (None if got is None else set(got)) == expected


def test_query_names(tmp_path):
    src = tmp_path / "a.py"
    src.write_text('queries.run(queries.internal("one"), s)\nqueries.internal( "two" )\n', encoding="utf-8")
    assert footprint.query_names([src]) == {"one", "two"}
    src.write_text("queries.internal(name)\n", encoding="utf-8")
    assert footprint.query_names([src]) is None


def test_overlap_detection_has_a_footprint():
    got = footprint.overlap_predicates()
    assert got is not None
    assert {str(KG.grantedTo), str(KG.assignee), "http://www.w3.org/2000/01/rdf-schema#label"} <= got
    assert str(KG.sha256) not in got  # the source file's checksum: a changed byte reads nothing new


def test_the_digest_sees_only_the_footprint():
    a = b'<http://s> <http://x/a> "1" <http://g> .\n<http://s> <http://x/z> "1" <http://g> .\n'
    b = b'<http://s> <http://x/z> "2" <http://h> .\n<http://s> <http://x/a> "1" <http://h> .\n'
    c = b'<http://s> <http://x/a> "2" <http://g> .\n'
    fp = frozenset({"http://x/a"})
    assert footprint.digest(a, fp) == footprint.digest(b, fp)  # other predicates, graphs, order aside
    assert footprint.digest(a, fp) != footprint.digest(c, fp)
