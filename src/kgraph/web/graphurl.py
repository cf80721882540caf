"""The graph view's URL: the view it asks for (`View`, `view_of`) and the URL of a view with some
of its parameters changed (`url_of`). The whole state of a view lives in its URL (kgraph.web.graphview):
a page of a large view makes thousands of these URLs, so the view's own parameters and the quoting
of each value are computed once."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import quote_plus

from kgraph import iri
from kgraph import resource_kinds as kinds
from kgraph.web.errors import day_param
from kgraph.web.site import Site

DEFAULT_LIMIT = 150


@dataclass(frozen=True)
class View:
    """What the URL asks for."""

    center: str
    depth: int = 1
    only: frozenset[str] = frozenset()
    doc: str | None = None
    limit: int = DEFAULT_LIMIT
    day: str | None = None
    expand: tuple[str, ...] = ()
    more: tuple[tuple[str, int], ...] = ()


def resolve(value: str) -> str:
    """Accept a full IRI, a /id/... path or a path under the base."""
    value = value.strip()
    if value.startswith("/id/"):
        return iri.BASE + value[4:]
    if value.startswith(("http://", "https://")):
        return value
    return iri.BASE + value.lstrip("/")


def short(x: str) -> str:
    """An IRI as the URL carries it: its path under the base."""
    return x[len(iri.BASE) :] if x.startswith(iri.BASE) else x


def view_of(
    s: Site,
    iri_: str,
    depth: int,
    kinds_: list[str],
    doc: str | None,
    limit: int,
    at: str | None,
    expand: str,
    more: str,
) -> View:
    """The view a URL asks for (unknown kinds, documents and expanded nodes left out)."""
    only = frozenset(k for part in kinds_ for k in part.split(",") if k in kinds.BY_KEY)
    docs = s.source_docs()
    steps: dict[str, int] = {}
    for item in (more or "").split(","):
        node, _, n = item.rpartition(":")
        if node and n.isdigit():
            steps[resolve(node)] = min(int(n), 50)
    expanded = tuple(dict.fromkeys(resolve(x) for x in (expand or "").split(",") if x.strip()))
    return View(
        resolve(iri_),
        depth,
        only,
        doc if doc in docs else None,
        limit,
        day_param(at),
        expanded[:100],
        tuple(sorted(steps.items())),
    )


def url_of(view: View, **changes) -> str:
    """The /graph URL of a view (changes: iri, depth, limit, expand (list), more (dict), at …)."""
    params = _params(view)
    if "more" in changes:
        more = dict(view.more) | changes.pop("more")
        params = params | {"more": ",".join(f"{short(k)}:{n}" for k, n in sorted(more.items()) if n) or None}
    if "expand" in changes:
        params = params | {"expand": ",".join(short(x) for x in changes.pop("expand")) or None}
    params = params | changes
    if params["iri"] and params["iri"].startswith(iri.BASE):
        params["iri"] = short(params["iri"])
    # what urlencode makes of the params, its quoting of each value remembered (a view of 1,500
    # nodes makes three URLs per node, each repeating the same IRIs)
    return "/graph?" + "&".join(f"{k}={_quoted(str(v))}" for k, v in params.items() if v not in (None, ""))


@functools.lru_cache(maxsize=64)
def _params(view: View) -> dict:
    """The URL parameters of the view itself (a page makes thousands of URLs of one view)."""
    return {
        "iri": short(view.center),
        "depth": view.depth,
        "limit": view.limit,
        "kinds": ",".join(sorted(view.only)) or None,
        "doc": view.doc,
        "at": view.day,
        "expand": ",".join(short(x) for x in view.expand) or None,
        "more": ",".join(f"{short(k)}:{n}" for k, n in sorted(dict(view.more).items()) if n) or None,
    }


@functools.lru_cache(maxsize=1 << 16)
def _quoted(value: str) -> str:
    # quote_plus leaves letters, digits and -._~ as they are and makes "/" %2F: the IRI paths
    # of a view (thousands on a large one) are quoted so without quote_plus's byte loop
    return value.replace("/", "%2F") if _PLAIN.fullmatch(value) else quote_plus(value)


_PLAIN = re.compile(r"[A-Za-z0-9_.~/-]*")
