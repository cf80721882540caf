"""Entity pages at /id/{path}: every resource of the graph, with content negotiation.

A browser gets HTML: labels, type, every property and incoming link with
labelled values, provenance (the quoted span highlighted in its paragraph)
and, by kind, the sections a reader expects (a body's tasks, competences,
roles and succession; a task's parties and deadline; an article's items).
An RDF client gets the resource's description (its own triples, those of the
nodes it owns such as deadlines, assignments and spans, and the triples that
point at it) as Turtle, JSON-LD or N-Triples.
"""

from __future__ import annotations

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from kgraph import iri
from kgraph import resource_kinds as kinds
from kgraph.vocab import PREFIXES
from kgraph.web import sections
from kgraph.web.i18n import lang_of
from kgraph.web.render import render, site

router = APIRouter()

RDF_FORMATS = {
    "ttl": ("text/turtle", ox.RdfFormat.TURTLE),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "nt": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
}
MEDIA_TO_FORMAT = {
    "text/turtle": "ttl",
    "application/x-turtle": "ttl",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/n-triples": "nt",
    "text/html": "html",
    "application/xhtml+xml": "html",
}
INCOMING_LIMIT = 300
OUTGOING_LIMIT = 2000


def negotiate(accept: str, requested: str | None) -> str:
    """'html', 'ttl', 'jsonld' or 'nt' from ?format= or the Accept header (q-values honoured)."""
    if requested:
        if requested in RDF_FORMATS or requested == "html":
            return requested
        raise HTTPException(406, f"unknown format {requested!r}; choose html, ttl, jsonld or nt")
    best, best_q = "html", -1.0
    for _order, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        fmt = MEDIA_TO_FORMAT.get(media)
        if fmt and q > best_q:
            best, best_q = fmt, q
    return best


@router.get("/id/{path:path}")
def entity(request: Request, path: str, format: str | None = None):
    subject = iri.BASE + path
    fmt = negotiate(request.headers.get("accept", ""), format)
    if fmt != "html":
        return describe(request, subject, fmt)
    return page(request, subject)


def describe(request: Request, subject: str, fmt: str) -> Response:
    s = site(request)
    node = ox.NamedNode(subject)
    triples: dict[str, ox.Triple] = {}
    for row in s.select("SELECT ?p ?o WHERE { ?s ?p ?o }", {"s": subject}):
        triples[str(ox.Triple(node, row["p"], row["o"]))] = ox.Triple(node, row["p"], row["o"])
    # nodes the resource owns (its spans, deadline, assignments) travel with it, as in a CBD
    owned = s.select(
        "SELECT ?x ?p ?o WHERE { ?s (kg:sourceSpan|kg:deadline|kg:hasAssignment)/"
        "(time:hasBeginning|time:hasEnd)? ?x . ?x ?p ?o }",
        {"s": subject},
    )
    for row in owned:
        t = ox.Triple(row["x"], row["p"], row["o"])
        triples[str(t)] = t
    for row in s.select(f"SELECT ?x ?p WHERE {{ ?x ?p ?s }} LIMIT {INCOMING_LIMIT * 10}", {"s": subject}):
        t = ox.Triple(row["x"], row["p"], node)
        triples[str(t)] = t
    if not triples:
        raise HTTPException(404, f"no resource {subject}")
    media, native = RDF_FORMATS[fmt]
    data = list(triples.values())
    body = ox.serialize(data, format=native, prefixes=PREFIXES) if fmt == "ttl" else ox.serialize(data, format=native)
    return Response(body, media_type=media, headers={"Vary": "Accept", "Link": f'<{subject}>; rel="describedby"'})


def page(request: Request, subject: str):
    s = site(request)
    lang = lang_of(request)
    # no ORDER BY in SPARQL: Oxigraph sorted 4,000 incoming links in 1 s at a million triples; Python sorts what is shown
    out = s.select(f"SELECT ?p ?o WHERE {{ ?s ?p ?o }} LIMIT {OUTGOING_LIMIT}", {"s": subject})
    total_in = s.select("SELECT (COUNT(*) AS ?n) WHERE { ?x ?p ?s }", {"s": subject})[0]["n"]
    total_in = int(total_in.value) if total_in is not None else 0
    if not out and not total_in:
        raise HTTPException(404, f"no resource {subject}")
    inc = s.select(f"SELECT ?x ?p WHERE {{ ?x ?p ?s }} LIMIT {INCOMING_LIMIT}", {"s": subject})
    out.sort(key=lambda r: (r["p"].value, str(r["o"])))
    inc.sort(key=lambda r: (r["p"].value, r["x"].value))
    kind = s.kind(subject)
    ctx = {
        "subject": subject,
        "kind": kind,
        "title": s.label(subject, lang),
        "labels": _labels(s, subject),
        "abbrs": s.abbreviations(subject),
        "types": [s.term(t, lang) for t in sorted(s.types(subject))],
        "properties": _group(s, [(r["p"], r["o"]) for r in out], lang),
        "incoming": _group(s, [(r["p"], r["x"]) for r in inc], lang),
        "incoming_total": total_in,
        "incoming_shown": len(inc),
        "provenance": sections.provenance(s, subject, lang),
        "graphs": sections.named_graphs(s, subject),
        "show_graph": kind not in kinds.PLUMBING,
        "formats": list(RDF_FORMATS),
    }
    ctx.update(sections.for_kind(s, subject, kind, lang))
    return render(request, "entity.html", ctx)


def _labels(s, subject: str) -> list[tuple[str, str]]:
    by_lang = s.labels(subject)
    order = ["ru", "kk", "en"] + sorted(k for k in by_lang if k not in {"ru", "kk", "en"})
    return [(lg, by_lang[lg]) for lg in order if lg in by_lang]


def _group(s, pairs, lang: str) -> list[dict]:
    """(predicate, value) pairs grouped by predicate, each value as a Term."""
    groups: dict[str, dict] = {}
    for p, v in pairs:
        g = groups.setdefault(p.value, {"predicate": s.term(p, lang), "values": []})
        g["values"].append(s.term(v, lang))
    return list(groups.values())
