"""`/coverage` and its JSON twin `/coverage.json`: what was read of each document.

The page data is `kgraph.coverage.page` of the served build's report, the
same numbers `kgraph build` and `kgraph stats` print; HTML or JSON by
`kgraph.web.render.page` (the `.json` URL or `Accept: application/json`).
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from kgraph import coverage
from kgraph.web.render import page, site

router = APIRouter()


@router.get("/coverage")
@router.get("/coverage.json")
def coverage_page(request: Request):
    return page(request, "coverage.html", coverage.page(site(request).report) | {"counts": list(coverage.COUNTS)})
