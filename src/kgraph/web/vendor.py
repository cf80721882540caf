"""Third-party front-end files, served by the app itself (the machines have no internet).

`make setup` installs them from npm (package.json) and copies them into
static/vendor/. vis-network falls back to the copy pyvis ships, so the graph
view works even where npm was not run; YASGUI has no such fallback, so the
SPARQL page then degrades to a plain editor (see `available`).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

from kgraph.web.render import STATIC_DIR

VENDOR = STATIC_DIR / "vendor"


def _pyvis_lib() -> Path | None:
    """The vis-network copy pyvis ships, found without importing pyvis (heavy)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "lib" / "vis-9.1.2"


FILES: dict[str, list[Path | None]] = {
    "vis-network.min.js": [
        VENDOR / "vis-network" / "vis-network.min.js",
        (_pyvis_lib() or Path("/nonexistent")) / "vis-network.min.js",
    ],
    "vis-network.min.css": [
        VENDOR / "vis-network" / "vis-network.min.css",
        (_pyvis_lib() or Path("/nonexistent")) / "vis-network.css",
    ],
    "yasgui.min.js": [VENDOR / "yasgui" / "yasgui.min.js"],
    "yasgui.min.css": [VENDOR / "yasgui" / "yasgui.min.css"],
}
MEDIA = {".js": "text/javascript", ".css": "text/css"}

router = APIRouter()


def path_of(name: str) -> Path | None:
    return next((p for p in FILES.get(name, []) if p is not None and p.is_file()), None)


def available(name: str) -> bool:
    return path_of(name) is not None


@router.get("/vendor/{name}", include_in_schema=False)
def vendor_file(name: str):
    path = path_of(name)
    if path is None:
        raise HTTPException(404, f"front-end file {name} is not installed; run `make setup`")
    return FileResponse(path, media_type=MEDIA[path.suffix], headers={"Cache-Control": "public, max-age=86400"})
