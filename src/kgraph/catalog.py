"""The source catalog (data/catalog.yaml): which documents exist and what
the text of each does not say for itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from kgraph.errors import InputError
from kgraph.sources import EXTRACTORS

REQUIRED = {"id", "file", "language", "kinds"}
OPTIONAL = {"date", "number", "issuer", "note", "kind"}
LANGUAGES = {"ru", "kk", "en"}


@dataclass(frozen=True)
class Entry:
    id: str
    path: Path
    language: str
    kinds: tuple[str, ...]
    date: dt.date | None = None  # only when the text lacks it
    number: str | None = None
    issuer: str | None = None  # registry id of the issuing body
    kind: str | None = None  # act kind, only when the text does not say
    note: str | None = None


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
        kinds = raw["kinds"]
        if not isinstance(kinds, list) or not kinds:
            raise InputError(path, f"{where}: kinds must be a non-empty list")
        bad = [k for k in kinds if k not in EXTRACTORS]
        if bad:
            raise InputError(
                path, f"{where}: unknown kind(s) {', '.join(map(str, bad))}; known: {', '.join(sorted(EXTRACTORS))}"
            )
        date = raw.get("date")
        if date is not None and not isinstance(date, dt.date):
            raise InputError(path, f"{where}: date must be an ISO date (YYYY-MM-DD)")
        entries.append(
            Entry(
                id=str(raw["id"]),
                path=(path.parent / "sources" / raw["file"]),
                language=raw["language"],
                kinds=tuple(kinds),
                date=date,
                number=str(raw["number"]) if raw.get("number") is not None else None,
                issuer=raw.get("issuer"),
                kind=raw.get("kind"),
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
