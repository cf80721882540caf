"""Overlap check for drafters: paste a drafted competence, see similar existing ones.

The ranking is kgraph.analysis.overlaps' job, imported lazily so that the
rest of the explorer runs without it. Its interface, as agreed:

    check(text: str, lang: str | None, body: str | None, store) -> list of results
    with attributes (or keys) kind, iri, body, article, score, quote
"""

from __future__ import annotations

import importlib
import time

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import JSONResponse

from kgraph import queries
from kgraph.web.i18n import lang_of
from kgraph.web.render import page, site
from kgraph.web.site import Site, href

router = APIRouter()

MAX_TEXT = 4000
MAX_RESULTS = 20


def checker():
    """kgraph.analysis.overlaps.check, or None when that module is not installed."""
    try:
        module = importlib.import_module("kgraph.analysis.overlaps")
    except ImportError:
        return None
    return getattr(module, "check", None)


def _field(item, name):
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def run_check(s: Site, text: str, text_lang: str | None, body: str | None, ui_lang: str) -> list[dict]:
    check = checker()
    if check is None:
        raise LookupError("kgraph.analysis.overlaps is not installed")
    results = check(text, text_lang or None, body or None, s.store)
    out = []
    for item in list(results)[:MAX_RESULTS]:
        row = {"kind": _field(item, "kind"), "score": _field(item, "score"), "quote": _field(item, "quote") or ""}
        for name in ("iri", "body", "article"):
            value = _field(item, name)
            value = getattr(value, "value", value)  # a pyoxigraph term or a string
            row[name] = s.term(str(value), ui_lang) if isinstance(value, str) and value.startswith("http") else value
        out.append(row)
    return out


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
        check = checker()
        if check is not None:
            check("warm up", None, None, s.store)
    except Exception:  # noqa: BLE001 - a broken checker shows its error on the page, not at start-up
        pass


def _page(request: Request, text: str, text_lang: str | None, body: str | None):
    s = site(request)
    lang = lang_of(request)
    text = (text or "").strip()
    if len(text) > MAX_TEXT:
        raise HTTPException(413, f"the text is longer than {MAX_TEXT} characters")
    results, error, elapsed = None, None, None
    if text:
        started = time.perf_counter()
        try:
            results = run_check(s, text, text_lang, body, lang)
        except LookupError:
            error = "missing"
        elapsed = round((time.perf_counter() - started) * 1000)
    return page(
        request,
        "overlaps.html",
        {
            "text": text,
            "text_lang": text_lang or "",
            "body": body or "",
            "results": results,
            "error": error,
            "elapsed": elapsed,
            "bodies": _bodies(s, lang),
            "available": checker() is not None,
        },
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
def overlaps_api(request: Request, text: str, text_lang: str | None = None, body: str | None = None):
    s = site(request)
    lang = lang_of(request)
    if len(text) > MAX_TEXT:
        raise HTTPException(413, f"the text is longer than {MAX_TEXT} characters")
    try:
        rows = run_check(s, text, text_lang, body, lang)
    except LookupError as exc:
        raise HTTPException(501, str(exc)) from None

    def plain(v):
        if hasattr(v, "is_iri"):
            return {"iri": v.value, "label": v.label, "url": href(v.value)}
        return v

    return JSONResponse({"text": text, "results": [{k: plain(v) for k, v in r.items()} for r in rows]})
