"""The SPARQL page: YASGUI (served from /vendor) over the app's /sparql endpoint.

The named queries (queries/*.rq) are offered as examples with their default
parameters already bound, so each runs as it stands. `/query?name=NAME` and
`/query?query=TEXT` are shareable links.

The page talks to `/sparql`, the SPARQL 1.1 Protocol endpoint (kgraph.web.sparql),
so what runs here runs the same from any SPARQL client.
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from kgraph import queries
from kgraph.errors import KgraphError
from kgraph.sparql_syntax import bind
from kgraph.web import vendor
from kgraph.web.render import render

router = APIRouter()

ENDPOINT = "/sparql"


def named_queries(request: Request) -> list[dict]:
    directory = getattr(request.app.state, "queries_dir", None)
    try:
        lib = queries.library(directory) if directory else queries.library()
    except KgraphError:
        return []
    return [
        {
            "name": q.name,
            "title": q.title or q.name,
            "description": q.description,
            "params": dict(q.params),
            "sparql": bound_text(q),
        }
        for q in lib.values()
    ]


def bound_text(q) -> str:
    """The query text with its default parameters as a VALUES block, when the SPARQL module can do it."""
    try:
        return bind(q.sparql, q.bindings())
    except Exception:  # noqa: BLE001 - older or missing binder: show the text as written
        return q.sparql


@router.get("/query")
def query_page(request: Request, name: str | None = None, query: str | None = None):
    examples = named_queries(request)
    initial = query
    if initial is None and name:
        initial = next((e["sparql"] for e in examples if e["name"] == name), None)
    if initial is None:
        initial = examples[0]["sparql"] if examples else "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20"
    return render(
        request,
        "query.html",
        {
            "examples": examples,
            "initial": initial,
            "selected": name,
            "endpoint": ENDPOINT,
            "yasgui": vendor.available("yasgui.min.js") and vendor.available("yasgui.min.css"),
        },
    )
