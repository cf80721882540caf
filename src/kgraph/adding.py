"""`kgraph add PATH…`: copy a document (or a corpus folder) into the sources and catalog it.

For each path: read it as the build will (`kgraph.catalog.read`: format,
language, kind, title, date, number, redaction, with the evidence for each),
then copy the file or folder verbatim into `sources/` beside the catalog and
append one catalog entry holding only what the user fixed on the command line;
the catalog's comments and layout are kept (ruamel.yaml round trip).

Paths given:
* a file (txt, md, html, docx, pdf): an entry `file:`;
* a corpus folder (`rus.md`, `kaz.md`, `meta.yaml`): one entry `folder:`, one
  document per language;
* a mirror's `rus.md` or `kaz.md` inside its corpus folder: the folder, for that
  language only (`folder:` and `language:`), so that meta.yaml is read with it.

Nothing is half-written: every path is read and checked before anything is
copied; the new catalog is written beside the old one, loaded, then renamed
over it; a failure removes what this run copied. `--dry-run` decides and
prints without copying or writing.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from kgraph import catalog, ingest, kinds
from kgraph.errors import InputError, KgraphError
from kgraph.ingest import corpus


@dataclass(frozen=True)
class Added:
    id: str
    source: Path  # where the file or folder now is (or would be, in a dry run)
    decisions: tuple[tuple[str, str, str, str], ...]  # (document id, what, value, evidence)
    entry: dict  # the catalog entry written


@dataclass(frozen=True)
class _Plan:
    path: Path  # what is copied: a file or a corpus folder
    target: Path
    folder: bool
    added: Added


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
        raise KgraphError(f"--kind {kind!r}: kinds with a reader are {', '.join(kinds.extracted())}")
    if doc_id and len(paths) > 1:
        raise KgraphError("--id names one document: give one path with it")
    if doc_id and catalog.id_problem(doc_id):
        raise KgraphError(f"--id: {catalog.id_problem(doc_id)}")
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    data = _load(yaml, catalog_path)
    documents = data.setdefault("documents", [])
    taken = {str(d.get("id")) for d in documents if isinstance(d, dict)}
    sources = catalog.sources_dir(catalog_path)
    plans: list[_Plan] = []
    for path in map(Path, paths):
        plan = _decide(path, doc_id, language, kind, catalog_path, sources, taken)
        taken.add(plan.added.id)
        plans.append(plan)
    if dry_run or not plans:
        return [p.added for p in plans]
    copied: list[Path] = []
    try:
        sources.mkdir(parents=True, exist_ok=True)
        for p in plans:
            if not p.target.exists():
                (shutil.copytree if p.folder else shutil.copy2)(p.path, p.target)
                copied.append(p.target)
        documents.extend(p.added.entry for p in plans)
        _write(yaml, data, catalog_path)
    except BaseException:
        for target in copied:
            shutil.rmtree(target) if target.is_dir() else target.unlink(missing_ok=True)
        raise
    return [p.added for p in plans]


def _load(yaml: YAML, catalog_path: Path) -> dict:
    if not catalog_path.is_file():
        return {}
    try:
        data = yaml.load(catalog_path.read_text(encoding="utf-8")) or {}
    except Exception as exc:  # noqa: BLE001 -- ruamel's parser and scanner errors alike
        raise InputError(catalog_path, f"not a readable YAML catalog: {catalog.yaml_problem(exc)}") from None
    if not isinstance(data, dict) or not isinstance(data.get("documents", []), list):
        raise InputError(catalog_path, "expected a mapping with a 'documents' list")
    return data


def _decide(path: Path, doc_id, language, kind, catalog_path: Path, sources: Path, taken: set[str]) -> _Plan:
    """Read one path as the build will and decide its entry; raise before anything is written."""
    if not path.exists():
        raise InputError(path, "no such file or folder")
    entry: dict = {}
    source = path
    if path.is_file() and path.name in corpus.TEXT_FILES.values() and corpus.is_corpus_folder(path.parent):
        # a mirror's text in its folder: add the folder, for this language
        source = path.parent
        language = language or next(k for k, v in corpus.TEXT_FILES.items() if v == path.name)
    folder = corpus.is_corpus_folder(source)
    if source.is_dir() and not folder:
        raise InputError(
            path,
            f"a folder without {corpus.META_FILE}: expected a file or a corpus folder "
            "(rus.md and/or kaz.md beside meta.yaml)",
        )
    new_id = doc_id or make_id(source)
    if new_id in taken:
        raise InputError(catalog_path, f"id {new_id!r} is already in the catalog; give another with --id")
    target = sources / source.name
    if target.exists() and not _same(source, target):
        raise InputError(target, "a different file of this name is already in the sources; rename it or use --id")
    entry["id"] = new_id
    entry["folder" if folder else "file"] = source.name
    if language:
        entry["language"] = language
    if kind:
        entry["kinds"] = [kind]
    staging = catalog.Entry(
        id=new_id,
        path=source,
        language=language,
        kinds=(kind,) if kind else (),
        format=ingest.format_of(source),
    )
    docs = _read(staging, source, catalog_path)
    decisions = tuple((d.entry.id, what, value, evidence) for d in docs for what, value, evidence in d.decisions)
    decisions += tuple((d.entry.id, "format", d.source.format, d.source.name) for d in docs)
    return _Plan(source, target, folder, Added(new_id, target, decisions, entry))


def _read(staging: catalog.Entry, path: Path, catalog_path: Path) -> list:
    if not corpus.is_corpus_folder(path):
        return [catalog.read(staging, catalog_path)]
    portal = corpus.read_meta(path)
    found = corpus.texts(path)
    if staging.language:
        found = {k: v for k, v in found.items() if k == staging.language}
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


def _write(yaml: YAML, data: dict, catalog_path: Path) -> None:
    """Write the catalog beside the old one, check that it loads, then rename it over the old one."""
    catalog_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = catalog_path.with_name(f".{catalog_path.name}.new")
    try:
        with tmp.open("w", encoding="utf-8") as f:
            yaml.dump(data, f)
        catalog.load(tmp)  # what is written must load (sources are found beside it, as for the catalog)
        os.replace(tmp, catalog_path)
    finally:
        tmp.unlink(missing_ok=True)


def _same(a: Path, b: Path) -> bool:
    if a.is_dir() or b.is_dir():
        return a.is_dir() and b.is_dir() and {p.name for p in a.iterdir()} == {p.name for p in b.iterdir()}
    return a.read_bytes() == b.read_bytes()


__all__ = ["Added", "add", "make_id"]
