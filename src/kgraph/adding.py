"""`kgraph add PATH…`: copy a document (or a corpus folder) into the sources and catalog it.

For each path: copy the file or folder verbatim into `sources/` beside the
catalog, read it as the build will (`kgraph.catalog.read`: format, language,
kind, title, date, number, redaction, with the evidence for each), and append
one catalog entry holding only what the user fixed on the command line; the
catalog's comments and layout are kept (ruamel.yaml round trip). `--dry-run`
decides and prints without copying or writing.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from kgraph import catalog, ingest, kinds
from kgraph.errors import InputError
from kgraph.ingest import corpus


@dataclass(frozen=True)
class Added:
    id: str
    source: Path  # where the file or folder now is (or would be, in a dry run)
    decisions: tuple[tuple[str, str, str], ...]  # (document id, what, "value (evidence)")
    entry: dict  # the catalog entry written


def make_id(path: Path) -> str:
    """A catalog id from a file or folder name: IRI-safe letters, digits, '.', '_' and '-'."""
    stem = path.name if path.is_dir() else path.stem
    out = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-._")
    return out or "document"


def add(
    paths: list[Path],
    catalog_path: Path,
    language: str | None = None,
    doc_id: str | None = None,
    kind: str | None = None,
    dry_run: bool = False,
) -> list[Added]:
    if kind and kind not in kinds.extracted():
        raise InputError(catalog_path, f"--kind {kind!r}: kinds with a reader are {', '.join(kinds.extracted())}")
    if doc_id and len(paths) > 1:
        raise InputError(catalog_path, "--id names one document: give one path with it")
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    if catalog_path.is_file():
        data = yaml.load(catalog_path.read_text(encoding="utf-8")) or {}
    else:
        data = {}
    documents = data.setdefault("documents", [])
    taken = {str(d.get("id")) for d in documents if isinstance(d, dict)}
    sources = catalog.sources_dir(catalog_path)
    out: list[Added] = []
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise InputError(path, "no such file or folder")
        new_id = doc_id or make_id(path)
        if new_id in taken:
            raise InputError(catalog_path, f"id {new_id!r} is already in the catalog; give another with --id")
        entry: dict = {"id": new_id}
        folder = corpus.is_corpus_folder(path)
        target = sources / path.name
        if target.exists() and not _same(path, target):
            raise InputError(target, "a different file of this name is already in the sources; rename it or use --id")
        entry["folder" if folder else "file"] = path.name
        if language and not folder:
            entry["language"] = language
        if kind:
            entry["kinds"] = [kind]
        # Read it exactly as the build will, from where it is now.
        staging = catalog.Entry(
            id=new_id, path=path, language=language, kinds=(kind,) if kind else (), format=ingest.format_of(path)
        )
        docs = _read(staging, path, catalog_path, entry)
        decisions = tuple(
            (d.entry.id, what, f"{value} ({evidence})") for d in docs for what, value, evidence in d.decisions
        )
        decisions += tuple((d.entry.id, "format", d.source.format + f" ({d.source.name})") for d in docs)
        if not dry_run:
            sources.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                (shutil.copytree if folder else shutil.copy2)(path, target)
            documents.append(entry)
        taken.add(new_id)
        out.append(Added(new_id, target, decisions, entry))
    if not dry_run and out:
        catalog_path.parent.mkdir(parents=True, exist_ok=True)
        with catalog_path.open("w", encoding="utf-8") as f:
            yaml.dump(data, f)
        catalog.load(catalog_path)  # what was written must load
    return out


def _read(staging: catalog.Entry, path: Path, catalog_path: Path, entry: dict) -> list:
    if not corpus.is_corpus_folder(path):
        return [catalog.read(staging, catalog_path)]
    portal = corpus.read_meta(path)
    found = corpus.texts(path)
    if not found:
        raise InputError(path, "no text here (expected rus.md or kaz.md beside meta.yaml)")
    return [
        catalog.read(
            catalog.Entry(
                id=f"{staging.id}-{lang}",
                path=file,
                language=lang,
                kinds=staging.kinds,
                format="md",
                portal=portal,
                folder=staging.id,
                version_date=portal.version_date.get(lang),
            ),
            catalog_path,
        )
        for lang, file in found.items()
    ]


def _same(a: Path, b: Path) -> bool:
    if a.is_dir() or b.is_dir():
        return a.is_dir() and b.is_dir() and {p.name for p in a.iterdir()} == {p.name for p in b.iterdir()}
    return a.read_bytes() == b.read_bytes()


__all__ = ["Added", "add", "make_id"]
