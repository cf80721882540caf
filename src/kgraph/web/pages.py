"""Home, search (page + JSON API), source view, bulk download, ontology terms.

Each page's data is a plain dict, rendered by its template or returned as JSON
(kgraph.web.render.page): `/index.json` (or `/.json`), `/search.json`,
`/source/{doc}.json`, `/ontology.json`.
"""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kgraph import iri, queries, settings
from kgraph import resource_kinds as kinds
from kgraph.vocab import ontology_graph
from kgraph.web.errors import PageError
from kgraph.web.i18n import N_, gettext, lang_of
from kgraph.web.render import JSON_SUFFIX, page, site, wants_json
from kgraph.web.site import href

router = APIRouter()

PAGE = 20

# What the extractors read of a document (the build report's record kinds, by class name), as the
# home page names them in the interface's language.
RECORD_NAMES = {
    "ActRef": N_("act references"),
    "Amendment": N_("amendment notes"),
    "Article": N_("articles"),
    "Chapter": N_("chapters"),
    "Clause": N_("clauses"),
    "Competence": N_("competences"),
    "ConceptInfo": N_("concept details"),
    "CrossRef": N_("cross-references"),
    "Definition": N_("definitions"),
    "EntryIntoForce": N_("entry into force clauses"),
    "Excluded": N_("excluded items"),
    "ExcludedRow": N_("excluded rows"),
    "GlossaryEntry": N_("glossary entries"),
    "Indicator": N_("indicators"),
    "Initiative": N_("initiatives"),
    "Institution": N_("institution details"),
    "Item": N_("items"),
    "LawAmendment": N_("amending laws"),
    "MandateStatement": N_("mandate statements"),
    "Measure": N_("support measures"),
    "Operator": N_("operators"),
    "Paragraph": N_("paragraphs"),
    "PlanInfo": N_("plan details"),
    "Regulation": N_("regulation details"),
    "Repeal": N_("repeals"),
    "Section": N_("sections"),
    "Task": N_("tasks"),
    "Territory": N_("territories"),
}


def record_names(records: dict[str, int], lang: str) -> dict[str, int]:
    """The report's record counts under their names in `lang` (an unknown kind keeps its class name)."""
    return {gettext(lang, RECORD_NAMES[k]) if k in RECORD_NAMES else k: n for k, n in records.items()}


@router.get("/")
@router.get("/.json")
@router.get("/index.json")
def home(request: Request):
    s = site(request)
    lang = lang_of(request)
    rows = s.select(queries.internal("source_documents"))
    rows.sort(key=lambda r: (r["date"].value if r["date"] else "9999", r["doc"].value))
    reports = {d["id"]: d for d in s.report.get("documents", [])}
    sources, seen = [], set()
    for r in rows:
        doc = r["doc"].value
        if doc in seen:
            continue
        seen.add(doc)
        rep = reports.get(doc, {})
        sources.append(
            {
                "doc": doc,
                "act": s.term(r["act"], lang) if r["act"] else None,
                "date": r["date"].value if r["date"] else None,
                "language": r["lang"].value if r["lang"] else rep.get("language", ""),
                "kinds": rep.get("kinds", []),
                "triples": rep.get("triples"),
                "records": record_names(rep.get("records", {}), lang),
                "unresolved": rep.get("unresolved", 0),
                "warnings": len((rep.get("coverage") or {}).get("warnings", [])),  # kgraph.coverage
            }
        )
    counts = {k: n for k, n in s.kinds_count().items() if k not in kinds.PLUMBING}
    return page(
        request,
        "home.html",
        {
            "sources": sources,
            "counts": counts,
            "triples": s.report.get("triples") or len(s.store),
            "violations": len(s.report.get("violations", [])),
            "has_dump": (s.build_dir / settings.GRAPH_FILE).is_file(),
            "failed": len(s.report.get("failed", [])),
        },
    )


def _search(request: Request, q: str, type_: str | None, limit: int, offset: int) -> dict:
    s = site(request)
    lang = lang_of(request)
    if not q.strip() and type_:
        return _browse(request, type_, limit, offset)
    res = s.index.search(q, kind=type_ or None, lang=lang, limit=limit, offset=offset)
    return {
        "query": q,
        "type": type_ or None,
        "total": res.total,
        "truncated": res.truncated,
        "counts": res.counts,
        "offset": offset,
        "limit": limit,
        "results": [h.to_json() | {"url": href(h.iri), "kind_name": kinds.kind_name(h.kind, lang)} for h in res.hits],
    }


def _browse(request: Request, type_: str, limit: int, offset: int) -> dict:
    """No query but a kind: every resource of that kind, by label."""
    s = site(request)
    lang = lang_of(request)
    items = sorted(
        ((s.label(x, lang), x) for x in s.resources_of_kind(type_) if x.startswith(iri.BASE)),
        key=lambda p: p[0].casefold(),
    )
    page = items[offset : offset + limit]
    return {
        "query": "",
        "type": type_,
        "total": len(items),
        "truncated": False,
        "counts": {type_: len(items)},
        "offset": offset,
        "limit": limit,
        "results": [
            {
                "iri": x,
                "url": href(x),
                "label": label,
                "kind": type_,
                "matched": label,
                "field": "name",
                "lang": "",
                "exact": False,
                "score": 0,
                "kind_name": kinds.kind_name(type_, lang),
            }
            for label, x in page
        ],
    }


@router.get("/search")
@router.get("/search.json")
def search_page(request: Request, q: str = "", type: str | None = None, offset: int = Query(0, ge=0)):
    data = _search(request, q, type, PAGE, offset) if (q.strip() or type) else None
    lucky = data is not None and data["total"] == 1 and q.strip() and offset == 0
    if lucky and request.query_params.get("go") and not wants_json(request):
        # "I'm feeling lucky" from the header box: one hit goes straight to its page
        return RedirectResponse(data["results"][0]["url"], status_code=303)
    return page(
        request,
        "search.html",
        {
            "q": q,
            "type": type,
            "data": data,
            "page": PAGE,
            "all_kinds": [k.key for k in kinds.KINDS if k.key not in kinds.PLUMBING],
        },
    )


@router.get("/api/search")
def search_api(
    request: Request,
    q: str = "",
    type: str | None = None,
    limit: int = Query(PAGE, ge=1, le=200),
    offset: int = Query(0, ge=0),
):
    """JSON search: the same results as /search (autocomplete asks for limit=8)."""
    return JSONResponse(_search(request, q, type, limit, offset))


@router.get("/source/{doc}")
def source_view(request: Request, doc: str, start: int | None = Query(None, ge=0), end: int | None = None):
    s = site(request)
    doc = doc.removesuffix(JSON_SUFFIX)  # /source/{doc}.json: the page data
    text = s.source_text(doc)
    if text is None:
        raise PageError(404, N_("no source document %(doc)s"), doc=repr(doc))
    lang = lang_of(request)
    if start is not None and (end is None or end < start or end > len(text)):
        raise PageError(400, N_("the span must satisfy 0 <= start <= end <= length of the text"))
    if start is None:
        parts = (text, "", "")
    else:
        parts = (text[:start], text[start:end], text[end:])
    acts = s.select(queries.internal("acts_of_source"), {"doc": doc})
    return page(
        request,
        "source.html",
        {
            "doc": doc,
            "before": parts[0],
            "mark": parts[1],
            "after": parts[2],
            "start": start,
            "end": end,
            "acts": [s.term(r["act"], lang) for r in acts],
        },
    )


@router.get("/download/graph.nq")
def download(request: Request):
    path = site(request).build_dir / settings.GRAPH_FILE
    if not path.is_file():
        raise PageError(404, N_("this build has no N-Quads dump"))
    return FileResponse(path, media_type="application/n-quads", filename="kgraph.nq")


@router.get("/ontology")
@router.get("/ontology.json")
def ontology(request: Request):
    """The ontology's classes and properties with labels (ontology IRIs link here)."""
    lang = lang_of(request)
    g = ontology_graph()
    groups = []
    for title, cls in (
        (N_("Classes"), OWL.Class),
        (N_("Object properties"), OWL.ObjectProperty),
        (N_("Datatype properties"), OWL.DatatypeProperty),
        (N_("Individuals (code lists)"), OWL.NamedIndividual),
    ):
        items = []
        for term in sorted(set(g.subjects(RDF.type, cls))):
            if not isinstance(term, URIRef) or not str(term).startswith(iri.ONTOLOGY):
                continue
            labels = {lit.language: str(lit) for lit in g.objects(term, RDFS.label)}
            items.append(
                {
                    "name": str(term)[len(iri.ONTOLOGY) :],
                    "iri": str(term),
                    "label": labels.get(lang) or labels.get("en", ""),
                    "definition": str(g.value(term, SKOS.definition) or ""),
                }
            )
        groups.append((title, items))
    return page(request, "ontology.html", {"groups": groups})
