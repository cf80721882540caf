"""Page responses shared by the routers: the page data as HTML or as JSON.

A page is a plain dict of JSON values (Terms are dicts too) built from
query results; `page` renders it with its Jinja template, or returns
it as JSON to a client that asks for JSON (`Accept: application/json`, or the
URL with a `.json` suffix, as datasette does: `/id/org/mint.json`,
`/search.json?q=…`, `/graph.json?iri=…`, `/index.json`). The template gets the
same dict plus the helpers (gettext callables of the page's language, kind names and colours).

`remembered(request, compute)` keeps a page's finished response per build (a build never
changes), for pages that cost much to compute (the graph view of a large neighbourhood): the
same URL in the same language, as of the same day, is answered from memory.

Autoescaping is on for every template: whatever the documents say is printed
as text. Data reaches scripts only as JSON inside <script type="application/json">
(`|tojson` escapes <, > and & there) or in data- attributes.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates

from kgraph import resource_kinds as kinds
from kgraph.web import i18n

STATIC_DIR = Path(files("kgraph.web") / "static")  # package data (pyproject.toml)


class PageEnvironment(jinja2.Environment):
    """Templates read page data, which is dicts: `x.label` looks up the key first (Jinja's default
    tries the attribute first: an exception per miss made large pages 20% slower)."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, dict):  # Terms too
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


env = PageEnvironment(
    loader=jinja2.PackageLoader("kgraph.web", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    extensions=["jinja2.ext.i18n"],
)
# Messages through Jinja2's i18n extension in its new style (`_("… %(n)s", n=1)`); each render
# passes the gettext callables of its language (kgraph.web.i18n.template_callables).
env.newstyle_gettext = True
# `|tojson` writes page data into <script type="application/json"> (escaping <, >, & and ' as
# always): in the data's own key order and with its letters as they are, not as \uXXXX escapes
# (Jinja's defaults sort the keys and escape: a 1,500-node graph view's data took twice as long).
env.policies["json.dumps_kwargs"] = {"sort_keys": False, "ensure_ascii": False}
templates = Jinja2Templates(env=env)


def site(request: Request):
    return request.app.state.site


def with_params(request: Request, **changes) -> str:
    """The current URL with some query parameters changed (None removes one)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    params += [(k, str(v)) for k, v in changes.items() if v not in (None, "")]
    return request.url.path + ("?" + urlencode(params) if params else "")


def kind_class(key: str) -> str:
    """The CSS class that colours a kind's badge or swatch (styles in /kinds.css, never inline:
    the Content-Security-Policy allows no inline style)."""
    return "kc-" + (key if key in kinds.BY_KEY else kinds.OTHER.key)


JSON_SUFFIX = ".json"
HTML_MEDIA = {"text/html": "html", "application/xhtml+xml": "html", "application/json": "json"}


def preferred(accept: str, media: dict[str, str], default: str) -> str:
    """The value of `media` for the media type the Accept header prefers (q-values honoured; on a
    tie the first listed wins); `default` when it names none of them."""
    best, best_q = default, -1.0
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        found = media.get(fields[0].lower())
        if found and q > best_q:
            best, best_q = found, q
    return best


def wants_json(request: Request) -> bool:
    """Whether the client asks for the page data: a `.json` URL or JSON preferred to HTML."""
    if request.url.path.endswith(JSON_SUFFIX):
        return True
    return preferred(request.headers.get("accept", ""), HTML_MEDIA, "html") == "json"


def page(request: Request, template: str, data: dict, status: int = 200, as_json: bool | None = None) -> Response:
    """A page: its data (a plain dict of JSON values; Terms are dicts) as JSON to a JSON client
    (or when `as_json`), else rendered by its template: the same dict either way."""
    if as_json if as_json is not None else wants_json(request):
        return JSONResponse(data, status_code=status, headers={"Vary": "Accept"})
    response = render(request, template, data, status)
    response.headers["Vary"] = "Accept"
    return response


def render(request: Request, name: str, context: dict, status: int = 200) -> HTMLResponse:
    lang = i18n.lang_of(request)
    ctx = {
        "lang": lang,
        "langs": i18n.LANGS,
        **i18n.template_callables(lang),
        "kind_name": lambda k: kinds.kind_name(k, lang),
        "kind_class": kind_class,
        "with_params": lambda **kw: with_params(request, **kw),
        "path": request.url.path,
    }
    ctx.update(context)
    return templates.TemplateResponse(request, name, ctx, status_code=status)


# --- finished pages kept per build --------------------------------------------------------------

PAGE_CACHE_BYTES = 48 * 1024 * 1024  # finished pages kept per build, in bytes of their bodies
PAGE_CACHE_LARGEST = PAGE_CACHE_BYTES // 4


class PageCache:
    """Finished page bodies by key, least recently used dropped first; thread-safe."""

    def __init__(self, budget: int = PAGE_CACHE_BYTES):
        self.budget, self.largest = budget, min(PAGE_CACHE_LARGEST, budget)
        self._entries: OrderedDict[tuple, tuple[bytes, int, str | None]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: tuple) -> tuple[bytes, int, str | None] | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: tuple, body: bytes, status: int, media_type: str | None) -> None:
        if len(body) > self.largest:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            self._size -= len(old[0]) if old else 0
            self._entries[key] = (body, status, media_type)
            self._size += len(body)
            while self._size > self.budget:
                _, (dropped, _, _) = self._entries.popitem(last=False)
                self._size -= len(dropped)


_page_cache_lock = threading.Lock()


def remembered(request: Request, compute: Callable[[], Response]) -> Response:
    """The page `compute()` answers, kept per build (in the Site's memo) under its URL, the
    interface's language, HTML or JSON, and the day (a page without `at=` shows today). Only
    200 answers are kept; the response's cookies and other per-request headers are not."""
    s = site(request)
    with _page_cache_lock:
        cache = s.memo.setdefault("pages", {}).setdefault("cache", PageCache())
    key = (request.url.path, request.url.query, i18n.lang_of(request), wants_json(request), dt.date.today())
    hit = cache.get(key)
    if hit is not None:
        body, status, media_type = hit
        return Response(body, status_code=status, media_type=media_type, headers={"Vary": "Accept"})
    response = compute()
    if response.status_code == 200 and isinstance(getattr(response, "body", None), bytes):
        cache.put(key, response.body, response.status_code, response.media_type)
    return response
