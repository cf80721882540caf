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
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from kgraph import ingest, kinds, settings
from kgraph.errors import InputError
from kgraph.ingest import corpus, describe
from kgraph.ingest.corpus import PortalMeta
from kgraph.records import DocumentMeta
from kgraph.text import Normalized, normalize

REQUIRED = {"id"}
OPTIONAL = {
    "file",
    "folder",
    "language",
    "kinds",
    "format",
    "date",
    "number",
    "issuer",
    "title",
    "version_date",
    "work",
    "note",
}
LANGUAGES = {"ru", "kk", "en"}
# A catalog id becomes part of IRIs (source, graph, span): letters, digits, ".", "_", "-".
ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class Entry:
    id: str
    path: Path
    language: str | None  # None: told from the text (kgraph.ingest.detect)
    kinds: tuple[str, ...]  # kgraph.kinds names: the document's own act first, then its annexes; () = detect
    date: dt.date | None = None  # overrides what the text says (only when the text lacks it)
    number: str | None = None
    issuer: str | None = None  # registry id of the issuing body
    note: str | None = None
    title: str | None = None
    version_date: dt.date | None = None  # the redaction this text is of (kgraph.works)
    work: str | None = None  # id of another entry whose act this text is (when its own text lacks date and number)
    format: str | None = None  # kgraph.ingest.FORMATS; default: told by the file's extension
    portal: PortalMeta | None = None  # meta.yaml of a corpus folder
    folder: str | None = None  # the corpus folder (under sources/) this entry comes from
    line: int | None = None  # where the entry starts in the catalog file


def id_problem(doc_id: str) -> str | None:
    """Why `doc_id` cannot be a catalog id (it becomes part of IRIs), with a usable one; None if it can."""
    if ID.match(doc_id):
        return None
    bad = sorted({c for c in doc_id if not re.match(r"[A-Za-z0-9._-]", c)})
    suggestion = re.sub(r"[^A-Za-z0-9._-]+", "-", doc_id).strip("-._") or "document"
    return (
        f"id {doc_id!r} is not usable in IRIs"
        + (f" (character(s) {' '.join(repr(c) for c in bad)})" if bad else "")
        + f"; use letters, digits, '.', '_' and '-', e.g. {suggestion!r}"
    )


def shown(value) -> str:
    """A catalog value as an error message quotes it: as written, or escaped when it holds line
    breaks or other unprintable characters (the message stays one line)."""
    text = str(value)
    return text if text.isprintable() else repr(text)


def sources_dir(catalog_path: Path) -> Path:
    """Where the source texts of a catalog are: `sources/` beside it."""
    return Path(catalog_path).parent / settings.SOURCES_DIR


def registry_path(catalog_path: Path) -> Path:
    """The institution registry that goes with a catalog: `registry.yaml` beside it."""
    return Path(catalog_path).parent / settings.REGISTRY_FILE


def load(path: Path) -> list[Entry]:
    """Read and validate the catalog; every problem names the file and entry.

    An entry with `folder` (a corpus folder: rus.md, kaz.md, meta.yaml) stands
    for one document per language it holds, with ids `<id>-ru` and `<id>-kk`."""
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except FileNotFoundError:
        raise InputError(path, "catalog file not found") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(path, f"not a readable YAML catalog: {yaml_problem(exc)}") from None
    except ValueError as exc:  # a value YAML reads as a date but is none ("2024-13-01")
        raise InputError(path, f"{bad_date(text)}not a date: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise InputError(path, "expected a mapping with a 'documents' list")
    lines = _entry_lines(text)
    entries: list[Entry] = []
    seen: set[str] = set()
    for n, raw in enumerate(data["documents"], 1):
        where = (f"line {lines[n - 1]}: " if n <= len(lines) else "") + f"entry {n}"
        where += f" ({shown(raw.get('id'))})" if isinstance(raw, dict) and raw.get("id") else ""
        for entry in _entries(path, where, raw):
            entry = dataclasses.replace(entry, line=lines[n - 1] if n <= len(lines) else None)
            if entry.id in seen:
                raise InputError(path, f"{where}: duplicate id {entry.id!r}")
            seen.add(entry.id)
            entries.append(entry)
    ids = {e.id for e in entries} | {e.folder for e in entries if e.folder}
    for e in entries:
        if e.work and e.work not in ids:
            raise InputError(path, f"entry {e.id}: work {e.work!r} is not the id of another entry")
    return entries


def _entry_lines(text: str) -> list[int]:
    """The line (1-based) where each entry of the `documents` list starts."""
    root = yaml.compose(text)
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if key.value == "documents" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def bad_date(text: str) -> str:
    """ "line N: " of the first value YAML takes for a date that is no date, or ""."""
    stack = [yaml.compose(text)]
    while stack:
        node = stack.pop(0)
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:timestamp":
            try:
                yaml.safe_load(node.value)
            except ValueError:
                return f"line {node.start_mark.line + 1}: {node.value!r} is "
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(v for pair in node.value for v in pair)
    return ""


def yaml_problem(exc: Exception) -> str:
    """A YAML error in one line: where (line and column) and what."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or (str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    return f"line {mark.line + 1}, column {mark.column + 1}: {problem}" if mark is not None else problem


def _entries(path: Path, where: str, raw) -> list[Entry]:
    if not isinstance(raw, dict):
        raise InputError(path, f"{where}: expected a mapping")
    unknown = set(raw) - REQUIRED - OPTIONAL
    if unknown:
        raise InputError(path, f"{where}: unknown field(s) {', '.join(sorted(map(shown, unknown)))}")
    missing = REQUIRED - set(raw)
    if missing:
        raise InputError(path, f"{where}: missing field(s) {', '.join(sorted(missing))}")
    if ("file" in raw) == ("folder" in raw):
        raise InputError(path, f"{where}: give either file (one text) or folder (a corpus folder), not both or neither")
    for name in ("file", "folder", "language", "format", "issuer"):
        if name in raw and not isinstance(raw[name], str) and (raw[name] is not None or name in ("file", "folder")):
            raise InputError(path, f"{where}: {name} must be text, not {shown(raw[name])}")
    doc_id = str(raw["id"])
    problem = id_problem(doc_id)
    if problem:
        raise InputError(path, f"{where}: {problem}")
    language = raw.get("language")
    if language is not None and language not in LANGUAGES:
        raise InputError(path, f"{where}: language must be one of {', '.join(sorted(LANGUAGES))}")
    listed = raw.get("kinds", [])
    known = kinds.extracted()
    if not isinstance(listed, list) or ("kinds" in raw and not listed):
        raise InputError(path, f"{where}: kinds must be a non-empty list")
    bad = [k for k in listed if k not in known]
    if bad:
        raise InputError(path, f"{where}: unknown kind(s) {', '.join(map(shown, bad))}; known: {', '.join(known)}")
    for name in ("date", "version_date"):
        value = raw.get(name)
        if value is not None and not isinstance(value, dt.date):
            raise InputError(path, f"{where}: {name} must be an ISO date (YYYY-MM-DD)")
    fmt = raw.get("format")
    if fmt is not None and fmt not in ingest.FORMATS:
        raise InputError(path, f"{where}: format must be one of {', '.join(ingest.FORMATS)}")
    common = dict(
        kinds=tuple(listed),
        date=raw.get("date"),
        number=str(raw["number"]) if raw.get("number") is not None else None,
        issuer=raw.get("issuer"),
        note=raw.get("note"),
        title=raw.get("title"),
        version_date=raw.get("version_date"),
        work=str(raw["work"]) if raw.get("work") is not None else None,
    )
    if "file" in raw:
        file = sources_dir(path) / raw["file"]
        portal = None
        if file.name in corpus.TEXT_FILES.values() and corpus.is_corpus_folder(file.parent):
            # a mirror's rus.md or kaz.md in its folder: the folder's meta.yaml describes it too
            portal = corpus.read_meta(file.parent)
            lang = next(k for k, v in corpus.TEXT_FILES.items() if v == file.name)
            language = language or lang
            if common["version_date"] is None and language == lang:
                common["version_date"] = portal.version_date.get(lang)
        return [Entry(id=doc_id, path=file, language=language, format=fmt, portal=portal, **common)]
    folder = sources_dir(path) / raw["folder"]
    if not corpus.is_corpus_folder(folder):
        raise InputError(
            path, f"{where}: {folder} is not a corpus folder (expected meta.yaml beside rus.md and/or kaz.md)"
        )
    portal = corpus.read_meta(folder)
    found = corpus.texts(folder)
    if language:
        found = {k: v for k, v in found.items() if k == language}
    if not found:
        raise InputError(folder, f"{where}: no text here (expected rus.md or kaz.md)")
    return [
        Entry(
            id=f"{doc_id}-{lang}",
            path=file,
            language=lang,
            format=fmt or "md",
            portal=portal,
            folder=doc_id,
            **(common | {"version_date": common["version_date"] or portal.version_date.get(lang)}),
        )
        for lang, file in found.items()
    ]


@dataclass(frozen=True)
class Document:
    """A catalogued document read: its text, what it says about itself, its redaction."""

    entry: Entry  # language and kinds filled in (from the text when the catalog omits them)
    source: ingest.Source  # the text the offsets count in, its format and the original file's digest
    norm: Normalized
    meta: DocumentMeta
    version_date: dt.date | None  # the redaction: catalog, meta.yaml, or the text's footnotes
    decisions: tuple[tuple[str, str, str], ...] = ()  # (what, value, evidence), for `kgraph add`

    @property
    def raw(self) -> str:
        return self.source.text


def read_source(entry: Entry, catalog_path: Path) -> ingest.Source:
    """The document's text converted from its format; an unreadable file is an InputError naming it."""
    if not entry.path.is_file():
        raise InputError(entry.path, f"source file of catalog entry {entry.id!r} not found (listed in {catalog_path})")
    return ingest.read(entry.path, entry.format)


def read_text(entry: Entry, catalog_path: Path) -> str:
    """The text provenance offsets count in (the file's, or its conversion's)."""
    return read_source(entry, catalog_path).text


def read(entry: Entry, catalog_path: Path) -> Document:
    """Read one catalogued document; see `kgraph.ingest.describe` for what is told from the text."""
    source = read_source(entry, catalog_path)
    norm = normalize(source.text)
    d = describe.describe(
        norm.text,
        language=entry.language,
        kinds=entry.kinds,
        portal=entry.portal,
        overrides={
            "date": entry.date,
            "number": entry.number,
            "title": entry.title,
            "version_date": entry.version_date,
        },
        title=source.title,
    )
    resolved = dataclasses.replace(entry, language=d.language, kinds=d.kinds)
    return Document(resolved, source, norm, d.meta, d.version_date, d.decisions)


def read_document(entry: Entry, catalog_path: Path) -> tuple[str, Normalized, DocumentMeta]:
    """A document's source text, its normalized text and what it states about itself
    (`kgraph.sources.metadata`), completed by meta.yaml and the catalog."""
    doc = read(entry, catalog_path)
    return doc.raw, doc.norm, doc.meta
