"""The act's node (kgraph.rdf.document): who passed it."""

from __future__ import annotations

import functools
from pathlib import Path
from types import SimpleNamespace

from rdflib import URIRef

from kgraph import catalog, iri, registry, resolve
from kgraph.rdf import document as document_rdf

ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def _registry():
    return registry.load(catalog.registry_path(ROOT / "data" / "catalog.yaml"))


def _ctx(issuer_lang: str, requisite: str | None):
    def resolver(text, lang, date, glossary):
        return resolve.resolve(text, lang, date, registry=_registry())

    portal = SimpleNamespace(requisite=requisite) if requisite else None
    return SimpleNamespace(
        doc=SimpleNamespace(portal=portal, language=issuer_lang),
        resolver=resolver,
        date=None,
        glossary={},
        agent=lambda text, span: URIRef("https://kgraph.kz/id/mention/x/0"),
    )


def test_an_issuer_the_text_names_without_its_region_is_the_requisites():
    """«Облыс Әкiмi» signs a Kazakh text; meta.yaml's Russian requisite names the region."""
    meta = SimpleNamespace(issuer="Облыс Әкiмi", span=(0, 0))
    ctx = _ctx("kk", "Решение акима Алматинской области от 1 июля 1998 года № 7-223")
    assert document_rdf._issuer(ctx, meta) == URIRef(iri.org("akimat-almaty-region"))


def test_an_issuer_the_text_names_is_kept_without_a_requisite():
    meta = SimpleNamespace(issuer="Облыс Әкiмi", span=(0, 0))
    assert document_rdf._issuer(_ctx("kk", None), meta) == URIRef("https://kgraph.kz/id/mention/x/0")
