"""The SPARQL 1.1 Protocol endpoint at /sparql: a thin FastAPI shell over `kgraph.sparql`.

`app.include_router(sparql.router)` is all an app needs: the endpoint runs over
`app.state.store` with the limits in `app.state.sparql_limits` (else the
KGRAPH_QUERY_TIMEOUT / KGRAPH_MAX_ROWS / KGRAPH_MAX_GET / KGRAPH_QUERY_WORKERS
environment), and is created on first use (again after kgraph.web.reload drops
it for a new build). Responses carry CORS headers so browser tools such as
YASGUI can call it from any origin. A client that disconnects while its query
runs has the query stopped (its worker killed and replaced); the peer address
names the client for the endpoint's per-client limits.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from kgraph import sparql

CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "X-SPARQL-MaxRows, X-Kgraph-Truncated, X-Kgraph-Cache, Content-Type",
}
PREFLIGHT = CORS | {
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type, Authorization",
    "Access-Control-Max-Age": "86400",
}

router = APIRouter()
_lock = threading.Lock()
# Queries wait for a worker in threads of their own, never in the threads that serve the pages
# (the endpoint bounds how many wait: per client and in its queue; beyond, they are refused at once).
_threads = ThreadPoolExecutor(max_workers=64, thread_name_prefix="kgraph-sparql")


def endpoint_of(app: FastAPI) -> sparql.Endpoint:
    """The app's endpoint, created (worker processes started) on first use."""
    ep = getattr(app.state, "sparql", None)
    if ep is None:
        with _lock:
            ep = getattr(app.state, "sparql", None)
            if ep is None:
                limits = getattr(app.state, "sparql_limits", None) or sparql.Limits.from_env()
                ep = app.state.sparql = sparql.Endpoint(app.state.store, limits)
    return ep


@router.api_route("/sparql", methods=["GET", "POST"], summary="SPARQL 1.1 Protocol (read-only)")
async def sparql_endpoint(request: Request) -> Response:
    req = sparql.Request(
        method=request.method,
        params=tuple(request.query_params.multi_items()),
        raw_query_string=request.url.query,
        content_type=request.headers.get("content-type", ""),
        body=await request.body() if request.method == "POST" else b"",
        accept=request.headers.get("accept", ""),
        endpoint_url=str(request.url.replace(query="")),
        client=request.client.host if request.client else "",
    )
    # Taken after the body is read, right before the query runs: after a reload the old
    # endpoint is closed once every query taken so far must have ended (kgraph.web.reload).
    endpoint = getattr(request.app.state, "sparql", None) or await run_in_threadpool(endpoint_of, request.app)
    cancel = threading.Event()
    watcher = asyncio.ensure_future(_watch_disconnect(request, cancel))
    try:
        out = await asyncio.get_running_loop().run_in_executor(_threads, endpoint.handle, req, cancel)
    finally:
        watcher.cancel()
    return Response(out.body, status_code=out.status, media_type=out.media_type, headers=dict(out.headers) | CORS)


async def _watch_disconnect(request: Request, cancel: threading.Event) -> None:
    """Set `cancel` when the client goes away (the body has been read: the next message
    the server receives for this request is the disconnect)."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            cancel.set()
            return


@router.options("/sparql", include_in_schema=False)
async def sparql_preflight() -> Response:
    return Response(status_code=204, headers=PREFLIGHT)


def install(app: FastAPI, store=None, limits: sparql.Limits | None = None) -> sparql.Endpoint:
    """Add /sparql to an app now (workers start at once) rather than on the first request."""
    if store is not None:
        app.state.store = store
    if limits is not None:
        app.state.sparql_limits = limits
    app.include_router(router)
    return endpoint_of(app)
