"""Entity pages at /id/{path}: every resource of the graph, with content negotiation.

A browser gets HTML: labels, type, every property and incoming link with
labelled values, provenance (the quoted span highlighted in its paragraph)
and, by kind, the sections a reader expects (a body's tasks, competences,
roles and succession; a task's parties and deadline; an article's items).
A JSON client (`Accept: application/json`, `/id/….json` or `?format=json`)
gets the same page data as JSON. An RDF client gets the resource's
description (its own triples, those of the nodes it owns such as deadlines,
assignments and spans, and the triples that point at it) as Turtle, JSON-LD
(`application/ld+json`) or N-Triples.
"""

from __future__ import annotations

import contextlib
import datetime as dt

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import Response

from kgraph import iri, queries
from kgraph import resource_kinds as kinds
from kgraph.vocab import PREFIXES
from kgraph.web import querypage, reader, sections
from kgraph.web.errors import PageError, day_param
from kgraph.web.i18n import N_, lang_of
from kgraph.web.render import JSON_SUFFIX, page, preferred, site
from kgraph.web.site import AS_OF

router = APIRouter()
ELI, KG, RDFS, SKOS = PREFIXES["eli"], PREFIXES["kg"], PREFIXES["rdfs"], PREFIXES["skos"]

RDF_FORMATS = {
    "ttl": ("text/turtle", ox.RdfFormat.TURTLE),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "nt": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
}
MEDIA_TO_FORMAT = {
    "text/turtle": "ttl",
    "application/x-turtle": "ttl",
    "application/ld+json": "jsonld",
    "application/json": "json",  # the page data; JSON-LD is application/ld+json
    "application/n-triples": "nt",
    "text/html": "html",
    "application/xhtml+xml": "html",
}
PAGE_FORMATS = ("html", "json")
INCOMING_LIMIT = 300
OUTGOING_LIMIT = 2000


def negotiate(accept: str, requested: str | None) -> str:
    """'html', 'json', 'ttl', 'jsonld' or 'nt' from ?format= or the Accept header (q-values honoured)."""
    if requested:
        if requested in RDF_FORMATS or requested in PAGE_FORMATS:
            return requested
        raise PageError(
            406, N_("unknown format %(format)s; choose html, json, ttl, jsonld or nt"), format=repr(requested)
        )
    return preferred(accept, MEDIA_TO_FORMAT, "html")


@router.get("/id/{path:path}")
def entity(request: Request, path: str, format: str | None = None, at: str | None = None):
    day = day_param(at)
    if path.endswith(JSON_SUFFIX):  # the page data of /id/<path>
        return entity_page(request, iri.BASE + path[: -len(JSON_SUFFIX)], as_json=True, day=day)
    subject = iri.BASE + path
    fmt = negotiate(request.headers.get("accept", ""), format)
    if fmt in RDF_FORMATS:
        return describe(request, subject, fmt)
    return entity_page(request, subject, as_json=fmt == "json", day=day)


def describe(request: Request, subject: str, fmt: str) -> Response:
    s = site(request)
    node = ox.NamedNode(subject)
    triples: dict[str, ox.Triple] = {}
    for row in s.select(queries.internal("outgoing"), {"s": subject}):
        triples[str(ox.Triple(node, row["p"], row["o"]))] = ox.Triple(node, row["p"], row["o"])
    # nodes the resource owns (its spans, deadline, assignments) travel with it, as in a CBD
    for row in s.select(queries.internal("owned_nodes"), {"s": subject}):
        t = ox.Triple(row["x"], row["p"], row["o"])
        triples[str(t)] = t
    for row in s.select(queries.internal("incoming"), {"s": subject}, limit=INCOMING_LIMIT * 10):
        t = ox.Triple(row["x"], row["p"], node)
        triples[str(t)] = t
    if not triples:
        raise PageError(404, N_("no resource %(iri)s"), iri=subject)
    media, native = RDF_FORMATS[fmt]
    data = list(triples.values())
    body = ox.serialize(data, format=native, prefixes=PREFIXES) if fmt == "ttl" else ox.serialize(data, format=native)
    return Response(body, media_type=media, headers={"Vary": "Accept", "Link": f'<{subject}>; rel="describedby"'})


def entity_page(request: Request, subject: str, as_json: bool = False, day: str | None = None):
    """The page of any resource; `day` (?at=) shows it as of that day (acts' force, role holders,
    a body's roles and tasks), else as of today."""
    AS_OF.set(day)  # this request's context: terms of acts say whether they were in force that day
    s = site(request)
    lang = lang_of(request)
    # no ORDER BY in SPARQL: Oxigraph sorted 4,000 incoming links in 1 s at a million triples; Python sorts what is shown
    out = s.select(queries.internal("outgoing"), {"s": subject}, limit=OUTGOING_LIMIT)
    total_in = s.select(queries.internal("incoming_count"), {"s": subject})[0]["n"]
    total_in = int(total_in.value) if total_in is not None else 0
    if not out and not total_in:
        raise PageError(404, N_("no resource %(iri)s"), iri=subject)
    inc = s.select(queries.internal("incoming"), {"s": subject}, limit=INCOMING_LIMIT)
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
        "incoming_query": querypage.link(queries.internal("incoming"), {"s": subject}),
    }
    ctx["at"] = day
    ctx["today"] = dt.date.today().isoformat()
    ctx.update(sections.for_kind(s, subject, kind, lang, day))
    if kind == "body":
        ctx["tasks_query"] = querypage.link(queries.named("tasks_of_body"), {"body": subject})
    if kind in READER_KINDS:
        ctx.update(_reader(s, subject, kind, lang, day))
        ctx["properties"] = [g for g in ctx["properties"] if g["predicate"].value not in READER_OUT]
        ctx["incoming"] = [g for g in ctx["incoming"] if g["predicate"].value not in READER_IN]
        return page(request, "act.html", ctx, as_json=as_json)
    return page(request, "entity.html", ctx, as_json=as_json)


# Acts and their parts read as text (kgraph.web.reader); what the reader shows is left out of
# their property tables: the parts and the text (labels), the powers granted, the texts.
READER_KINDS = {"act", "part", "article", "direction"}
READER_OUT = {ELI + "has_part", ELI + "is_realized_by", RDFS + "label", SKOS + "prefLabel", ELI + "title"}
READER_IN = {ELI + "is_part_of", KG + "grantedBy", ELI + "realizes", KG + "redactionOf"}


def _reader(s, subject: str, kind: str, lang: str, day: str | None) -> dict:
    act = reader.act_of(s, subject) if kind != "act" else subject
    out = {
        "reader": reader.outline(s, subject, lang, day),
        "act": s.term(act, lang) if act else None,
        "breadcrumb": reader.breadcrumb(s, subject, lang) if kind != "act" else [],
        "unit": reader.unit_of(s, subject) if kind != "act" else "act",
        "texts": {lg: t for lg, t in s.labels(subject).items() if lg},
        # the most specific class: the ontology's own (kg:Article) before ELI's
        "class_label": next(
            (s.label(t, lang) for t in sorted(s.types(subject), key=lambda t: not t.startswith(KG))), kind
        ),
    }
    work = act
    if act and act.startswith(iri.BASE + "act/"):
        with contextlib.suppress(iri.IRIError):  # an IRI under act/ not minted by kgraph.iri: as named
            work = iri.act_of(act)
    if work:
        out["info"] = reader.act_info(s, work, lang, day or dt.date.today().isoformat())
    return out


def _labels(s, subject: str) -> list[tuple[str, str]]:
    by_lang = s.labels(subject)
    order = ["ru", "kk", "en"] + sorted(k for k in by_lang if k not in {"ru", "kk", "en"})
    return [(lg, by_lang[lg]) for lg in order if lg in by_lang]


def _group(s, pairs, lang: str) -> list[dict]:
    """(predicate, value) pairs grouped by predicate, each value as a Term. Plumbing nodes (a
    task's assignments, role tenures, spans, deadlines) are left out: the page shows what they
    say (parties, roles, provenance, deadline), and the RDF description carries them."""
    groups: dict[str, dict] = {}
    for p, v in pairs:
        if isinstance(v, ox.NamedNode) and s.kind(v.value) in kinds.PLUMBING:
            continue
        g = groups.setdefault(p.value, {"predicate": s.term(p, lang), "values": []})
        g["values"].append(s.term(v, lang))
    return list(groups.values())
