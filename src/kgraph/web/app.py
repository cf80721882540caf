"""FastAPI application: home, entity pages. Domain errors become HTTP errors here."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from kgraph import iri
from kgraph.errors import KgraphError
from kgraph.results import rows
from kgraph.store import open_store

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))


def create_app(build_dir: Path = Path("build")) -> FastAPI:
    store = open_store(build_dir)
    report_file = build_dir / "report.json"
    report = json.loads(report_file.read_text(encoding="utf-8")) if report_file.is_file() else {}
    app = FastAPI(title="kgraph explorer")
    app.state.store = store
    app.state.report = report
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/", response_class=HTMLResponse)
    def home(request: Request):
        _, sources = rows(store.query(
            "SELECT ?doc ?act ?title ?date WHERE { ?s a kg:SourceDocument ; dcterms:identifier ?doc ; kg:sourceOf ?act . "
            "OPTIONAL { ?act eli:title ?title } OPTIONAL { ?act eli:date_document ?date } } ORDER BY ?doc"))
        return templates.TemplateResponse(request, "home.html", {
            "sources": sources, "classes": report.get("classes", {}), "triples": report.get("triples", 0),
            "local": iri.local_path,
        })

    @app.get("/id/{path:path}", response_class=HTMLResponse)
    def entity(request: Request, path: str):
        subject = iri.BASE + path
        _, out = rows(store.query("SELECT ?p ?o WHERE { ?s ?p ?o } ORDER BY ?p ?o", {"s": subject}))
        _, inc = rows(store.query("SELECT ?s ?p WHERE { ?s ?p ?o } ORDER BY ?p ?s LIMIT 500", {"o": subject}))
        if not out and not inc:
            raise HTTPException(404, f"no resource {subject}")
        return templates.TemplateResponse(request, "entity.html", {
            "subject": subject, "outgoing": out, "incoming": inc, "local": _local_or_none,
        })

    @app.get("/health")
    def health():
        return {"status": "ok", "triples": len(store)}

    @app.exception_handler(KgraphError)
    def domain_error(request: Request, exc: KgraphError):
        from fastapi.responses import PlainTextResponse

        return PlainTextResponse(str(exc), status_code=400)

    return app


def _local_or_none(value: str) -> str | None:
    return iri.local_path(value) if value.startswith(iri.BASE) else None
