"""Namespaces. `KG` is closed over the terms that ontology/kgraph.ttl declares,
so a misspelt term fails loudly instead of minting a stray IRI.

The ontology and the SHACL shapes are package data (`kgraph.ontology`, mapped
from the top-level ontology/ folder by pyproject.toml).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD, ClosedNamespace

from kgraph import iri
from kgraph.iri import PREFIXES

ONTOLOGY_DIR = Path(files("kgraph.ontology"))
ONTOLOGY_FILE = ONTOLOGY_DIR / "kgraph.ttl"
LABELS_FILE = ONTOLOGY_DIR / "labels.ttl"  # labels of the external terms it reuses, in en, ru and kk
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"

# rdflib ships no ELI namespace.
ELI = Namespace(PREFIXES["eli"])


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY_FILE, format="turtle")
    g.parse(LABELS_FILE, format="turtle")
    return g


def shapes_graph() -> Graph:
    """The SHACL shapes (a new graph on each call)."""
    return Graph().parse(SHAPES_FILE, format="turtle")


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
    "shapes_graph",
]


def sparql_prefixes() -> str:
    return "".join(f"PREFIX {p}: <{u}>\n" for p, u in PREFIXES.items())
