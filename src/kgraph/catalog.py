"""The source catalog (data/catalog.yaml): which documents exist and what
the text of each does not say for itself.

The catalog's directory holds the rest of the input: the source texts in
`sources/` and the institution registry `registry.yaml` (`sources_dir`,
`registry_path`), so that `kgraph build --catalog OTHER/catalog.yaml` reads
everything from OTHER/.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from kgraph import kinds, settings
from kgraph.errors import InputError
from kgraph.records import DocumentMeta
from kgraph.sources import metadata
from kgraph.text import Normalized, normalize

REQUIRED = {"id", "file", "language", "kinds"}
OPTIONAL = {"date", "number", "issuer", "note"}
LANGUAGES = {"ru", "kk", "en"}


@dataclass(frozen=True)
class Entry:
    id: str
    path: Path
    language: str
    kinds: tuple[str, ...]  # kgraph.kinds names: the document's own act first, then its annexes
    date: dt.date | None = None  # only when the text lacks it
    number: str | None = None
    issuer: str | None = None  # registry id of the issuing body
    note: str | None = None


def sources_dir(catalog_path: Path) -> Path:
    """Where the source texts of a catalog are: `sources/` beside it."""
    return Path(catalog_path).parent / settings.SOURCES_DIR


def registry_path(catalog_path: Path) -> Path:
    """The institution registry that goes with a catalog: `registry.yaml` beside it."""
    return Path(catalog_path).parent / settings.REGISTRY_FILE


def load(path: Path) -> list[Entry]:
    """Read and validate the catalog; every problem names the file and entry."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(path, "catalog file not found") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(path, f"not a readable YAML catalog: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise InputError(path, "expected a mapping with a 'documents' list")
    entries: list[Entry] = []
    seen: set[str] = set()
    known = kinds.extracted()
    for n, raw in enumerate(data["documents"], 1):
        where = f"entry {n}" + (f" ({raw.get('id')})" if isinstance(raw, dict) and raw.get("id") else "")
        if not isinstance(raw, dict):
            raise InputError(path, f"{where}: expected a mapping")
        unknown = set(raw) - REQUIRED - OPTIONAL
        if unknown:
            raise InputError(path, f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        missing = REQUIRED - set(raw)
        if missing:
            raise InputError(path, f"{where}: missing field(s) {', '.join(sorted(missing))}")
        if raw["id"] in seen:
            raise InputError(path, f"{where}: duplicate id")
        seen.add(raw["id"])
        if raw["language"] not in LANGUAGES:
            raise InputError(path, f"{where}: language must be one of {', '.join(sorted(LANGUAGES))}")
        listed = raw["kinds"]
        if not isinstance(listed, list) or not listed:
            raise InputError(path, f"{where}: kinds must be a non-empty list")
        bad = [k for k in listed if k not in known]
        if bad:
            raise InputError(path, f"{where}: unknown kind(s) {', '.join(map(str, bad))}; known: {', '.join(known)}")
        date = raw.get("date")
        if date is not None and not isinstance(date, dt.date):
            raise InputError(path, f"{where}: date must be an ISO date (YYYY-MM-DD)")
        entries.append(
            Entry(
                id=str(raw["id"]),
                path=sources_dir(path) / raw["file"],
                language=raw["language"],
                kinds=tuple(listed),
                date=date,
                number=str(raw["number"]) if raw.get("number") is not None else None,
                issuer=raw.get("issuer"),
                note=raw.get("note"),
            )
        )
    return entries


def read_text(entry: Entry, catalog_path: Path) -> str:
    """The document's text; a missing or binary file is an InputError naming it."""
    try:
        data = entry.path.read_bytes()
    except FileNotFoundError:
        raise InputError(
            entry.path, f"source file of catalog entry {entry.id!r} not found (listed in {catalog_path})"
        ) from None
    except OSError as exc:
        raise InputError(entry.path, f"cannot read source file: {exc.strerror}") from None
    if b"\x00" in data[:8192]:
        raise InputError(entry.path, "binary file, expected UTF-8 text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(entry.path, f"not UTF-8 text (byte {exc.start})") from None


def read_document(entry: Entry, catalog_path: Path) -> tuple[str, Normalized, DocumentMeta]:
    """A document's raw text, its normalized text and what it states about itself
    (`kgraph.sources.metadata`), completed by the catalog: the date and number its
    text lacks; the kind of its act, when the text does not say, is the first of `kinds`."""
    raw = read_text(entry, catalog_path)
    norm = normalize(raw)
    meta = metadata.extract(norm.text, fallback_kind=entry.kinds[0])
    meta = dataclasses.replace(meta, date=meta.date or entry.date, number=meta.number or entry.number)
    return raw, norm, meta
