"""The SPARQL page: YASGUI (served from /vendor) over the app's /sparql endpoint.

The named queries (queries/*.rq) are offered as examples with their default
parameters already bound, so each runs as it stands. `/query?name=NAME` (with
`&PARAM=VALUE` for any of its parameters) and `/query?query=TEXT` are
shareable links; `link` makes one for a query the explorer ran.

The page talks to `/sparql`, the SPARQL 1.1 Protocol endpoint (kgraph.web.sparql),
so what runs here runs the same from any SPARQL client.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from fastapi import APIRouter, Request

from kgraph import queries
from kgraph.errors import KgraphError, QueryError
from kgraph.queries import NamedQuery
from kgraph.sparql_syntax import bind
from kgraph.web import vendor
from kgraph.web.i18n import gettext, lang_of
from kgraph.web.render import page

router = APIRouter()

ENDPOINT = "/sparql"


def library(request: Request) -> dict[str, NamedQuery]:
    """The named queries the page offers (the app's queries_dir in tests, else the project's)."""
    directory = getattr(request.app.state, "queries_dir", None)
    try:
        return queries.library(directory) if directory else queries.library()
    except KgraphError:
        return {}


def named_queries(request: Request) -> list[dict]:
    """The named queries with their titles and descriptions in the interface's language (their
    English header lines are message ids of the catalogs: kgraph.web.i18n)."""
    lang = lang_of(request)
    return [
        {
            "name": q.name,
            "title": gettext(lang, q.title) if q.title else q.name,
            "description": gettext(lang, q.description) if q.description else "",
            "params": dict(q.params),
            "sparql": _example_text(q),
        }
        for q in library(request).values()
    ]


def _example_text(q: NamedQuery) -> str:
    try:
        return bound_text(q)
    except QueryError:  # a query file the binder cannot read: offered as written, the endpoint says why
        return q.sparql


def bound_text(q: NamedQuery, values: Mapping[str, object] | None = None) -> str:
    """The query text with its parameters (the given values over the defaults) as a VALUES block."""
    return bind(q.sparql, q.bindings(values))


def link(q: NamedQuery, values: Mapping[str, object] | None = None) -> str:
    """A /query link that opens the query with these parameter values bound."""
    return "/query?" + urlencode({"query": bound_text(q, values)})


@router.get("/query")
@router.get("/query.json")
def query_page(request: Request, name: str | None = None, query: str | None = None):
    examples = named_queries(request)
    initial = query
    chosen = library(request).get(name) if name else None
    if initial is None and chosen is not None:
        values = {k: v for k, v in request.query_params.items() if k in chosen.params}
        initial = bound_text(chosen, values)
    if initial is None:
        initial = examples[0]["sparql"] if examples else queries.internal("sample_triples").sparql
    return page(
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
