"""Template rendering shared by the routers: language, translator, helpers.

Autoescaping is on for every template: whatever the documents say is printed
as text. Data reaches scripts only as JSON inside <script type="application/json">
(`|tojson` escapes <, > and & there) or in data- attributes.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from urllib.parse import urlencode

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from kgraph import resource_kinds as kinds
from kgraph.web import i18n

STATIC_DIR = Path(files("kgraph.web") / "static")  # package data (pyproject.toml)
env = jinja2.Environment(
    loader=jinja2.PackageLoader("kgraph.web", "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True
)
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


def render(request: Request, name: str, context: dict, status: int = 200) -> HTMLResponse:
    lang = i18n.lang_of(request)
    ctx = {
        "lang": lang,
        "langs": i18n.LANGS,
        "t": i18n.translator(lang),
        "kind_name": lambda k: kinds.kind_name(k, lang),
        "kind_class": kind_class,
        "with_params": lambda **kw: with_params(request, **kw),
        "path": request.url.path,
    }
    ctx.update(context)
    return templates.TemplateResponse(request, name, ctx, status_code=status)
