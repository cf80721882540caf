"""Overlap check for drafters: paste a drafted competence or a whole article, see
the existing powers it duplicates or overlaps, item by item, in verdict bands.

The verdicts are kgraph.analysis' job (`article.check_article`), imported
lazily so that the rest of the explorer runs without it. The page, its JSON
twin and /api/overlaps show the same report; /overlaps/report.csv and
/overlaps/report.html export it (the HTML one is printable). A draft the check
refuses (empty, too long, an unknown body) gets the check's one-line message.
"""

from __future__ import annotations

import importlib
import time

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from kgraph import queries
from kgraph.errors import DraftError
from kgraph.web.i18n import lang_of
from kgraph.web.render import STATIC_DIR, env, page, site
from kgraph.web.site import Site

router = APIRouter()

MAX_RESULTS = 20  # matches per item
MAX_FIELD = 20_000  # the textarea's limit (the check says the same when a longer text comes in)


def checker():
    """kgraph.analysis.article, or None when that module is not installed."""
    try:
        return importlib.import_module("kgraph.analysis.article")
    except ImportError:
        return None


def run_check(s: Site, text: str, text_lang: str | None, body: str | None):
    """The analysis report (`kgraph.analysis.article.Report`); DraftError for a refused draft."""
    module = checker()
    if module is None:
        raise LookupError("kgraph.analysis.overlaps is not installed")
    return module.check_article(text, text_lang or None, body or None, s.store, top=MAX_RESULTS)


def report_data(s: Site, report, ui_lang: str) -> dict:
    """The report as page data: plain values, IRIs as Terms."""

    def term(value: str):
        return s.term(value, ui_lang) if isinstance(value, str) and value.startswith("http") else value

    items = []
    for item in report.items:
        v = item.verdict
        items.append(
            {
                "number": item.number,
                "text": item.text,
                "summary": v.summary,
                "overlaps": v.overlaps,
                "matches": [
                    {
                        "band": m.band,
                        "band_title": m.band_title,
                        "levels": m.levels,
                        "score": m.score,
                        "kind": m.kind,
                        "quote": m.quote,
                        "text": m.text,
                        "basis": " ".join(x for x in (m.source, m.ref) if x),
                        "iri": term(m.iri),
                        "body": term(m.body),
                        "article": term(m.article),
                        "holders": list(m.holders),
                    }
                    for m in v.matches
                ],
            }
        )
    return {"heading": report.heading, "summary": report.summary, "items": items}


def report_html(report, standalone: bool = True) -> str:
    """A printable page of an article report: a standalone file with its style inside
    (CLI --format html), or a page whose style is the app's /static/report.css
    (/overlaps/report.html: the Content-Security-Policy allows no inline style)."""
    css = (STATIC_DIR / "report.css").read_text(encoding="utf-8") if standalone else ""
    return env.get_template("overlaps_report.html").render(
        report=report, title=report.heading or "Overlap check", inline_css=css
    )


def _bodies(s: Site, lang: str) -> list:
    """Bodies that hold a competence or a task: the choices of the body filter (one query per build)."""
    cache = s.memo.setdefault("overlap_bodies", {})
    if "iris" not in cache:
        rows = s.select(queries.internal("mandate_holders"))
        cache["iris"] = [r["b"].value for r in rows if s.kind(r["b"].value) == "body"]
    terms = [s.term(b, lang) for b in cache["iris"]]
    return sorted(terms, key=lambda t: t.label.casefold())


def warm_up(s: Site) -> None:
    """Import the checker and build its index ahead of the first drafter (seconds, once per build)."""
    try:
        if checker() is not None:
            run_check(s, "warm up", None, None)
    except Exception:  # noqa: BLE001 - a broken checker shows its error on the page, not at start-up
        pass


def _page(request: Request, text: str, text_lang: str | None, body: str | None):
    s = site(request)
    lang = lang_of(request)
    report, error, elapsed, status = None, None, None, 200
    if text or request.method == "POST":
        started = time.perf_counter()
        try:
            report = report_data(s, run_check(s, text, text_lang, body), lang)
        except LookupError:
            error = "missing"
        except DraftError as exc:
            error, status = str(exc), 400
        elapsed = round((time.perf_counter() - started) * 1000)
    return page(
        request,
        "overlaps.html",
        {
            "text": text,
            "text_lang": text_lang or "",
            "body": body or "",
            "report": report,
            "error": error,
            "elapsed": elapsed,
            "max_text": MAX_FIELD,
            "bodies": _bodies(s, lang),
            "available": checker() is not None,
        },
        status,
    )


@router.get("/overlaps")
@router.get("/overlaps.json")
def overlaps_get(request: Request, text: str = "", text_lang: str | None = None, body: str | None = None):
    return _page(request, text, text_lang, body)


@router.post("/overlaps")
@router.post("/overlaps.json")
def overlaps_post(
    request: Request, text: str = Form(""), text_lang: str | None = Form(None), body: str | None = Form(None)
):
    return _page(request, text, text_lang, body)


@router.get("/api/overlaps")
def overlaps_api(request: Request, text: str = "", text_lang: str | None = None, body: str | None = None):
    s = site(request)
    try:
        report = run_check(s, text, text_lang, body)
    except LookupError as exc:
        return JSONResponse({"error": str(exc)}, status_code=501)
    except DraftError as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    return JSONResponse(report.as_dict())


def _export(request: Request, text: str, text_lang: str | None, body: str | None, fmt: str) -> Response:
    s = site(request)
    try:
        report = run_check(s, text, text_lang, body)
    except LookupError as exc:
        return Response(str(exc), status_code=501, media_type="text/plain")
    except DraftError as exc:
        return Response(str(exc), status_code=400, media_type="text/plain")
    if fmt == "csv":
        headers = {"Content-Disposition": 'attachment; filename="overlaps.csv"'}
        return Response(checker().to_csv(report), media_type="text/csv; charset=utf-8", headers=headers)
    return HTMLResponse(report_html(report, standalone=False))


@router.get("/overlaps/report.{fmt}")
def overlaps_export_get(
    request: Request, fmt: str, text: str = "", text_lang: str | None = None, body: str | None = None
):
    if fmt not in ("csv", "html"):
        return Response("report.csv or report.html", status_code=404, media_type="text/plain")
    return _export(request, text, text_lang, body, fmt)


@router.post("/overlaps/report.{fmt}")
def overlaps_export_post(
    request: Request,
    fmt: str,
    text: str = Form(""),
    text_lang: str | None = Form(None),
    body: str | None = Form(None),
):
    if fmt not in ("csv", "html"):
        return Response("report.csv or report.html", status_code=404, media_type="text/plain")
    return _export(request, text, text_lang, body, fmt)
