"""Stylesheets made from the code: /kinds.css colours each kind's badges and swatches.

Templates give an element the class `kind_class(key)` instead of an inline style,
so the Content-Security-Policy can allow styles from the app's own files only.
"""

from __future__ import annotations

import functools

from fastapi import APIRouter
from fastapi.responses import Response

from kgraph import resource_kinds as kinds
from kgraph.web.render import kind_class

router = APIRouter()


@functools.cache
def kinds_css() -> str:
    rules = []
    for kind in (*kinds.KINDS, kinds.OTHER):
        cls = kind_class(kind.key)
        rules.append(f".kind.{cls} {{ border-color: {kind.color}; }}\n.swatch.{cls} {{ background: {kind.color}; }}")
    return "\n".join(rules) + "\n"


@router.get("/kinds.css", include_in_schema=False)
def kinds_stylesheet() -> Response:
    return Response(kinds_css(), media_type="text/css", headers={"Cache-Control": "public, max-age=3600"})
