"""FastAPI application: the explorer's routers over one build directory.

Each page family lives in its own module with an APIRouter; create_app wires
them, so another router (the SPARQL endpoint) is one include_router line.
Domain errors become HTTP errors here. Every response carries the security
headers (`SECURITY_HEADERS`: scripts, styles, images and connections from this
origin only, never framed, no referrer to other sites); a client that
disconnects while sending its body is logged as one line.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.requests import ClientDisconnect

from kgraph import settings
from kgraph import sparql as sparql_protocol
from kgraph.store import open_store
from kgraph.web import coverage, entity, errors, graphview, i18n, overlaps, pages, querypage, sparql, styles, vendor
from kgraph.web import reload as reload_mod
from kgraph.web.reload import warm_up
from kgraph.web.render import STATIC_DIR
from kgraph.web.site import Site

log = logging.getLogger(__name__)

# Every page's scripts, styles, images and data come from this origin (vendored vis-network
# and YASGUI included); data reaches scripts as JSON in <script type="application/json">,
# which is not executed. data:/blob: images: the graph view's PNG export and YASGUI's icons.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",  # text/plain errors stay text
}


def create_app(
    build_dir: Path = settings.DEFAULTS.build,
    sources_dir: Path | None = None,
    queries_dir: Path | None = None,
    warm: bool = True,
    query_timeout: float | None = None,
    max_rows: int | None = None,
    reload: bool = True,
    store: str | None = None,
) -> FastAPI:
    """The explorer over a build. `query_timeout` and `max_rows` limit the
    SPARQL endpoint (default: KGRAPH_QUERY_TIMEOUT / KGRAPH_MAX_ROWS). With
    `reload` (and KGRAPH_RELOAD not "0") the app switches to a new build when
    `kgraph build` replaces the directory (kgraph.web.reload).

    `store` serves another store instead of the build's own: a SPARQL endpoint URL
    (a cluster the data was loaded into) or a store directory (kgraph.store.open_store).
    The build directory then only lends its report and search index if it has them
    (the index is otherwise made from the store), and nothing is reloaded."""
    build_dir = Path(build_dir)
    if store is None:
        served = reload_mod.identity(build_dir)  # before loading: a swap meanwhile is seen as a change
        store, site = reload_mod.load_build(build_dir, sources_dir)
    else:
        served, reload = None, False
        store = open_store(store)
        site = Site(store, build_dir, sources_dir)
    # No /docs or /redoc: their pages load scripts from a CDN. The API is described by /openapi.json.
    app = FastAPI(title="kgraph explorer", docs_url=None, redoc_url=None)
    # Routes read the store and the site from app.state on each request (never keep them):
    # a reload replaces both, and the SPARQL endpoint with them.
    app.state.store = store
    app.state.sparql_limits = sparql_protocol.Limits.from_env(timeout=query_timeout, max_rows=max_rows)
    app.state.build_dir = build_dir
    app.state.site = site
    app.state.queries_dir = queries_dir  # None: the project's queries/
    enabled = reload and settings.current().reload
    app.state.reloader = reload_mod.Reloader(build_dir, sources_dir, served, enabled, warm)
    if warm:
        threading.Thread(target=warm_up, args=(app.state.site,), daemon=True).start()
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.include_router(vendor.router)
    app.include_router(styles.router)
    app.include_router(pages.router)
    app.include_router(entity.router)
    app.include_router(graphview.router)
    app.include_router(sparql.router)
    app.include_router(querypage.router)
    app.include_router(overlaps.router)
    app.include_router(coverage.router)

    @app.middleware("http")
    async def language_and_headers(request: Request, call_next):
        reload_mod.check(request.app)  # a new build? (throttled; loads in the background)
        started = time.perf_counter()
        try:
            response = await call_next(request)
        except Exception as exc:  # noqa: BLE001 - any failure is answered by the error page
            response = errors.server_error(request, exc)
        # The server's own time for the page (bench/web.py reads it; the browser's devtools show it).
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        lang = request.query_params.get("lang")
        if lang in i18n.LANGS:
            response.set_cookie(i18n.COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax")
        return response

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return RedirectResponse("/static/favicon.svg", status_code=301)

    @app.get("/health")
    def health(request: Request):
        state = request.app.state
        return {"status": "ok", "triples": len(state.store)} | state.reloader.status()

    @app.exception_handler(ClientDisconnect)
    def client_gone(request: Request, exc: ClientDisconnect):
        client = request.client.host if request.client else "?"
        log.info(
            "%s %s: the client (%s) disconnected before sending its whole request",
            request.method,
            request.url.path,
            client,
        )
        return Response(status_code=499)

    errors.install(app)
    return app
