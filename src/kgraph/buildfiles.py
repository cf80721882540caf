"""The files of a build, from what kgraph.assemble made: graph.nq (the graphs' N-Quads,
concatenated), the Oxigraph store, the search index (from the rows the groups analysed),
the drafter-check analyzer and the source texts, into a new build directory
(kgraph.buildswap). What a previous build already holds is reused: the whole build when
it was made from the same corpus, else its store brought up to date when little changed.

Every step's wall time goes into `Corpus.stages` (the build report's `stages`).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from kgraph import search, settings
from kgraph.analysis import index as overlap_index
from kgraph.assemble import Clock, Corpus, Output
from kgraph.store import OxigraphStore

KEY_FILE = "corpus.key"  # in a build directory: the key of the corpus it was built from (Corpus.key)
REUSED = (settings.GRAPH_FILE, settings.STORE_DIR, settings.SEARCH_INDEX_FILE, settings.OVERLAP_INDEX_FILE)


def write(
    out: Output, corpus: Corpus, directory: Path, report_json: Callable[[], str], previous: Path | None = None
) -> None:
    """The files of a build into `directory` (a new build directory, kgraph.buildswap). When
    the `previous` build was made from the same corpus (same key: every document, the
    registry, the code), its graph, store and indexes are the same: they are copied
    (the store's immutable table files hard-linked) instead of made again."""
    clock = Clock(corpus.stages)
    if not _reuse(previous, directory, corpus.key):
        _make(out, directory, clock, previous)
    (directory / KEY_FILE).write_text(corpus.key, encoding="utf-8")
    texts = directory / settings.SOURCE_TEXTS_DIR
    texts.mkdir()
    built = {w.id for w in corpus.written}
    for r in corpus.reads:
        if r.id in built:
            (texts / f"{r.id}.txt").write_text(r.document.raw, encoding="utf-8")
    clock.lap("files")
    (directory / settings.REPORT_FILE).write_text(report_json(), encoding="utf-8")


def _make(out: Output, directory: Path, clock: Clock, previous: Path | None = None) -> None:
    nq = directory / settings.GRAPH_FILE
    with nq.open("wb") as f:
        for part in out.nquads:
            f.write(part)
    disk = _updated_store(previous, directory, nq)
    if disk is None:
        disk = OxigraphStore(directory / settings.STORE_DIR)
        disk.load_file(nq)
    disk.flush()
    clock.lap("store")
    search.write_rows(out.search(), directory / settings.SEARCH_INDEX_FILE)
    clock.lap("search")
    analyzer = out.analyzer()
    if analyzer is not None:
        overlap_index.keep(disk, analyzer)
    del disk
    clock.lap("analyzer")


UPDATE_LIMIT = 0.2  # share of the quads changed beyond which a bulk load is the faster way


def _updated_store(previous: Path | None, directory: Path, nq: Path) -> OxigraphStore | None:
    """The previous build's store brought to the quads of `nq`: its table files hard-linked,
    the quads it has that `nq` lacks removed, those `nq` adds inserted. None (make the store
    anew) when there is no previous build, when a changed line has a blank node (its label
    need not name the same node in the store) or when much changed."""
    try:
        if previous is None or not (previous / settings.STORE_DIR).is_dir():
            return None
        old = set((previous / settings.GRAPH_FILE).read_bytes().splitlines())
        new = set(nq.read_bytes().splitlines())
        gone, added = old - new - {b""}, new - old - {b""}
        if any(b"_:" in line for line in (*gone, *added)) or len(gone) + len(added) > UPDATE_LIMIT * len(new):
            return None
        target = directory / settings.STORE_DIR
        shutil.copytree(previous / settings.STORE_DIR, target, copy_function=_link_or_copy)
        disk = OxigraphStore(target)
        for quad in ox.parse(b"\n".join(gone), format=ox.RdfFormat.N_QUADS):
            disk.raw.remove(quad)
        disk.raw.extend(ox.parse(b"\n".join(added), format=ox.RdfFormat.N_QUADS))
        return disk
    except (OSError, SyntaxError, ValueError):
        shutil.rmtree(directory / settings.STORE_DIR, ignore_errors=True)
        return None


def _reuse(previous: Path | None, directory: Path, key: str) -> bool:
    """Copy the previous build's graph, store and indexes if it was built from `key`."""
    try:
        if previous is None or (previous / KEY_FILE).read_text(encoding="utf-8") != key:
            return False
        if not all((previous / name).exists() for name in REUSED):
            return False
        for name in REUSED:
            src, dst = previous / name, directory / name
            if src.is_dir():
                shutil.copytree(src, dst, copy_function=_link_or_copy)
            else:
                shutil.copy2(src, dst)
        return True
    except OSError:
        for name in REUSED:
            dst = directory / name
            if dst.is_dir():
                shutil.rmtree(dst, ignore_errors=True)
            else:
                dst.unlink(missing_ok=True)
        return False


def _link_or_copy(src: str, dst: str) -> None:
    """RocksDB's table files (*.sst) never change once written: a hard link will do."""
    if src.endswith(".sst"):
        try:
            os.link(src, dst)
            return
        except OSError:
            pass
    shutil.copy2(src, dst)


__all__ = ["KEY_FILE", "REUSED", "UPDATE_LIMIT", "write"]
