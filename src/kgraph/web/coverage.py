"""`/coverage` and its JSON twin `/coverage.json`: what was read of each document.

The page data is `kgraph.coverage.page` of the served build's report, the
same numbers `kgraph build` and `kgraph stats` print.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from kgraph import coverage
from kgraph.web.render import render, site

router = APIRouter()


@router.get("/coverage")
def coverage_page(request: Request):
    return render(request, "coverage.html", coverage.page(site(request).report) | {"counts": coverage.COUNTS})


@router.get("/coverage.json")
def coverage_json(request: Request):
    return JSONResponse(coverage.page(site(request).report))
