"""Namespaces. `KG` is closed over the terms that ontology/kgraph.ttl declares,
so a misspelt term fails loudly instead of minting a stray IRI."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD, ClosedNamespace

from kgraph import iri

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY_FILE = ROOT / "ontology" / "kgraph.ttl"
SHAPES_FILE = ROOT / "ontology" / "shapes.ttl"

# rdflib ships no ELI namespace.
ELI = Namespace("http://data.europa.eu/eli/ontology#")

PREFIXES = {
    "kg": iri.ONTOLOGY,
    "eli": str(ELI),
    "org": str(ORG),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "time": str(TIME),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY_FILE, format="turtle")
    return g


def _ontology_terms() -> list[str]:
    return sorted(
        {str(s)[len(iri.ONTOLOGY) :] for s in ontology_graph().subjects() if str(s).startswith(iri.ONTOLOGY)} - {""}
    )


KG = ClosedNamespace(iri.ONTOLOGY, _ontology_terms())

__all__ = [
    "DCTERMS",
    "ELI",
    "KG",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SKOS",
    "TIME",
    "XSD",
    "URIRef",
    "ontology_graph",
]


def sparql_prefixes() -> str:
    return "".join(f"PREFIX {p}: <{u}>\n" for p, u in PREFIXES.items())
