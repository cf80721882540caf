"""Errors as pages: every error the explorer answers is a page in the interface's language for a
browser, JSON (`{"status", "detail"}`) for a JSON or API client, plain text for the SPARQL
protocol and for clients that ask for neither; never the framework's own output.

`PageError(status, N_("no resource %(iri)s"), iri=…)` raises an error whose message is a
message id of the catalogs: API clients read it in English, the page shows it translated.
Invalid query parameters (FastAPI's validation errors) are said the same way, one line per
parameter ("depth must be at most 3").
"""

from __future__ import annotations

import datetime as dt
import logging
from http import HTTPStatus

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException

from kgraph.errors import KgraphError
from kgraph.web.i18n import N_, gettext, lang_of
from kgraph.web.render import render, wants_json

log = logging.getLogger(__name__)

TITLES = {
    400: N_("Bad request"),
    404: N_("Not found"),
    405: N_("Method not allowed"),
    406: N_("Not acceptable"),
    413: N_("Request too large"),
    414: N_("Address too long"),
    415: N_("Unsupported media type"),
    422: N_("Invalid parameters"),
    429: N_("Too many requests"),
    500: N_("Server error"),
    503: N_("Busy, try again shortly"),
}
OTHER_TITLE = N_("Error")

# FastAPI's validation error types -> what the page says (the parameter's name is %(param)s).
VALIDATION = {
    "missing": N_("%(param)s is required"),
    "less_than_equal": N_("%(param)s must be at most %(le)s"),
    "less_than": N_("%(param)s must be less than %(lt)s"),
    "greater_than_equal": N_("%(param)s must be at least %(ge)s"),
    "greater_than": N_("%(param)s must be greater than %(gt)s"),
    "int_parsing": N_("%(param)s must be a whole number"),
    "float_parsing": N_("%(param)s must be a number"),
}
INVALID = N_("%(param)s is not valid")


class PageError(HTTPException):
    """An HTTP error with a message id and its parameters (translated on the error page)."""

    def __init__(self, status: int, message: str, headers: dict | None = None, **params) -> None:
        super().__init__(status, message % params if params else message, headers)
        self.message = message
        self.params = params


def day_param(value: str | None, name: str = "at") -> str | None:
    """A date parameter (YYYY-MM-DD) as an ISO date; None when empty; a 400 page otherwise."""
    if not value or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise PageError(
            400, N_("%(name)s=%(value)s is not a date (YYYY-MM-DD)"), name=name, value=repr(value)
        ) from None


def _validation_lines(exc: RequestValidationError) -> list[tuple[str, dict]]:
    out = []
    for e in exc.errors():
        loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body", "header")]
        params = {"param": ".".join(loc) or "?"} | {k: v for k, v in (e.get("ctx") or {}).items() if k != "error"}
        out.append((VALIDATION.get(e.get("type", ""), INVALID), params))
    return out


def error_response(
    request: Request,
    status: int,
    detail: str,
    headers: dict | None = None,
    lines: list[tuple[str, dict]] | None = None,
) -> Response:
    """The error for this client: plain text on /sparql, JSON for a JSON or API client, the error
    page for a browser, plain text otherwise. `lines`: (message id, parameters) to translate."""
    if request.url.path.startswith("/sparql"):
        return PlainTextResponse(str(detail), status_code=status, headers=headers)
    if request.url.path.startswith("/api/") or wants_json(request):
        return JSONResponse({"status": status, "detail": detail}, status_code=status, headers=headers)
    if "text/html" in request.headers.get("accept", ""):
        lang = lang_of(request)
        shown = [gettext(lang, m, **p) for m, p in lines] if lines else [str(detail)]
        data = {"status": status, "title": gettext(lang, TITLES.get(status, OTHER_TITLE)), "lines": shown}
        response = render(request, "error.html", data, status=status)
        for k, v in (headers or {}).items():
            response.headers[k] = v
        return response
    return PlainTextResponse(str(detail), status_code=status, headers=headers)


def install(app) -> None:
    """The exception handlers of the app."""

    @app.exception_handler(KgraphError)
    def domain_error(request: Request, exc: KgraphError):
        return error_response(request, 400, str(exc))

    @app.exception_handler(HTTPException)
    def http_error(request: Request, exc: HTTPException):
        lines = [(exc.message, exc.params)] if isinstance(exc, PageError) else None
        if lines is None and exc.status_code in TITLES and exc.detail == _default_detail(exc.status_code):
            lines = [(TITLES[exc.status_code], {})]  # the framework's own "Not Found": said in the language
        return error_response(request, exc.status_code, exc.detail, exc.headers, lines)

    @app.exception_handler(RequestValidationError)
    def invalid_parameters(request: Request, exc: RequestValidationError):
        lines = _validation_lines(exc)
        detail = "; ".join(m % p for m, p in lines)
        return error_response(request, 422, detail, lines=lines)

    app.exception_handler(Exception)(server_error)


def server_error(request: Request, exc: Exception) -> Response:
    """The error page of an unexpected failure (logged with its traceback). The app's middleware
    answers with it too, so the exception never reaches the server, which would drop the connection."""
    log.exception("%s %s failed", request.method, request.url.path, exc_info=exc)
    return error_response(request, 500, "server error", lines=[(TITLES[500], {})])


def _default_detail(status: int) -> str:
    return HTTPStatus(status).phrase
