"""Build the graph: catalog -> normalized text -> records -> RDF -> store.

The output is replaced atomically: everything is written into a new build
directory that the build path (a symlink) is switched to only when the whole
build (parsing, SHACL in strict mode, store load) has succeeded
(kgraph.buildswap).
"""

from __future__ import annotations

import difflib
import gc
import json
import time
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset
from rdflib.namespace import RDF

from kgraph import assemble, buildfiles, buildswap, iri, parallel, search, settings, validation
from kgraph import cache as cache_mod
from kgraph import catalog as catalog_mod
from kgraph import registry as registry_mod
from kgraph.analysis import index as overlap_index
from kgraph.assemble import Progress
from kgraph.errors import InputError, ValidationError
from kgraph.pipeline import DocumentReport, document_glossary
from kgraph.store import OxigraphStore


@dataclass
class BuildReport:
    documents: list[DocumentReport] = field(default_factory=list)
    triples: int = 0
    classes: dict[str, int] = field(default_factory=dict)
    violations: list[str] = field(default_factory=list)
    seconds: float = 0.0
    catalog: str | None = None  # the catalog built from (absolute path): the web app finds the sources by it
    failed: list[dict] = field(default_factory=list)  # documents that could not be read (--keep-going): id, file, error
    alignment: list[dict] = field(default_factory=list)  # kgraph.rdf.alignment.Shared.report per shared redaction
    texts: dict[str, str] = field(default_factory=dict, repr=False)  # doc id -> the text offsets count in (not in JSON)
    stages: dict[str, float] = field(default_factory=dict)  # wall seconds per step of the build
    workers: dict[str, float] = field(default_factory=dict)  # seconds spent in the per-document stages, summed
    cache: dict[str, dict[str, int]] = field(default_factory=dict)  # step -> cache hits and misses
    jobs: str = "serial"  # where the per-document stages ran (kgraph.parallel)
    warnings: list[str] = field(default_factory=list)  # corpus-wide steps skipped (kgraph.assemble)

    def to_json(self) -> dict:
        return {
            "catalog": self.catalog,
            "documents": [d.__dict__ | {"kinds": list(d.kinds)} for d in self.documents],
            "failed": self.failed,
            "alignment": self.alignment,
            "triples": self.triples,
            "classes": self.classes,
            "violations": self.violations,
            "seconds": round(self.seconds, 3),
            "stages": self.stages,
            "workers": self.workers,
            "cache": self.cache,
            "jobs": self.jobs,
            "warnings": self.warnings,
        }


def build_dataset(
    catalog_path: Path = settings.DEFAULT_CATALOG, progress: Progress | None = None, keep_going: bool = False
) -> tuple[Dataset, BuildReport]:
    """Parse every catalogued document into one named graph each, in this process and
    without the cache, as an rdflib Dataset (the build itself never makes one: `run`).

    A document that cannot be read or extracted is a one-line `DocumentError`
    naming its file (and line, when the failure has one), its id and the stage;
    with `keep_going` it is recorded in `report.failed` and the rest is built."""
    _, out, report = _build(catalog_path, progress, keep_going, parallel.Serial(), cache_mod.NoCache(), True)
    ds = Dataset()
    ds.parse(data=b"".join(out.nquads).decode("utf-8"), format="nquads")
    return ds, report


def _build(catalog_path, progress, keep_going, executor, cache, shacl):
    """The per-document stages and the corpus-wide steps (kgraph.assemble), in memory."""
    start = time.perf_counter()
    entries = catalog_mod.load(catalog_path)
    report = BuildReport(catalog=str(Path(catalog_path).resolve()), jobs=getattr(executor, "name", "serial"))
    registry_path = catalog_mod.registry_path(catalog_path)
    check_issuers(entries, registry_mod.load(registry_path), catalog_path)
    registry_key = assemble.pipeline.registry_key(registry_path, cache_mod.code_version())
    corpus = assemble.collect(catalog_path, entries, registry_key, executor, cache, progress, shacl)
    for entry, failure in corpus.failed:
        if not keep_going:
            raise failure.error()
        report.failed.append({"id": entry.id, "file": str(entry.path), "error": failure.message})
    reads = {r.id: r for r in corpus.reads}
    for w in sorted(corpus.written, key=lambda w: [e.id for e in entries].index(w.id)):
        report.documents.append(w.report)
        report.texts[w.id] = reads[w.id].document.raw
    report.alignment = [g.alignment for g in corpus.groups if g.alignment is not None]
    if progress:
        progress("corpus", None, 0, 0)
    out = assemble.finish(corpus, catalog_path, cache, shacl, executor)
    report.triples = out.triples
    report.classes = out.classes
    report.violations = out.violations
    report.stages, report.workers, report.cache = corpus.stages, corpus.workers, corpus.cache
    report.warnings = corpus.warnings
    report.seconds = time.perf_counter() - start
    return corpus, out, report


def check_issuers(entries, registry, catalog_path: Path) -> None:
    """A catalog `issuer` must be a registry id; the error suggests the closest ones."""
    known = {b.id for b in registry.bodies}
    for e in entries:
        if e.issuer and known and e.issuer not in known:
            close = difflib.get_close_matches(e.issuer, sorted(known), n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(close)}?" if close else "; see the bodies in registry.yaml"
            where = f"line {e.line}: " if e.line else ""
            raise InputError(catalog_path, f"{where}entry {e.id}: issuer {e.issuer!r} is not a registry id{hint}")


def count_classes(ds: Dataset) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for g in ds.graphs():
        if str(g.identifier) == iri.ONTOLOGY_GRAPH:
            continue
        for _, cls in g.subject_objects(RDF.type):
            counts[_short(str(cls))] += 1
    return dict(counts.most_common())


def _short(uri: str) -> str:
    return validation.short(uri)


def validate(ds: Dataset) -> list[str]:
    """SHACL violations of the data graphs, validated at once (`kgraph validate`; a build
    validates per document and across documents: kgraph.validation)."""
    return validation.whole(ds.graphs())


def write(ds: Dataset, report: BuildReport, out: Path) -> None:
    """Write a Dataset made elsewhere (test fixtures, tools) as a build: graph dump, store,
    report and the POST_BUILD artifacts, into a new build directory that `out` then points
    at atomically (kgraph.buildswap). `run` writes its builds with kgraph.buildfiles.write."""

    def write_into(tmp: Path) -> None:
        nq = tmp / settings.GRAPH_FILE
        ds.serialize(destination=str(nq), format="nquads")
        store = OxigraphStore(tmp / settings.STORE_DIR)
        store.load_file(nq)
        store.flush()
        del store
        texts = tmp / settings.SOURCE_TEXTS_DIR
        texts.mkdir()
        for doc_id, text in report.texts.items():
            (texts / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        (tmp / settings.REPORT_FILE).write_text(
            json.dumps(report.to_json(), ensure_ascii=False, indent=2), encoding="utf-8"
        )
        for hook in POST_BUILD:
            hook(ds, tmp)

    buildswap.publish(out, write_into)


# Artifacts derived from a Dataset written by `write`: the full-text search index and the
# drafter-check similarity index (`run` makes them from the per-document results).
POST_BUILD: list[Callable[[Dataset, Path], None]] = [search.write_index, overlap_index.post_build]


def run(
    catalog_path: Path = settings.DEFAULT_CATALOG,
    out: Path = settings.DEFAULTS.build,
    strict: bool = False,
    progress: Progress | None = None,
    shacl: bool = True,
    keep_going: bool = False,
    jobs: int | None = 1,
    scheduler: str | None = None,
    cache: Path | bool | None = True,
) -> BuildReport:
    """Build and publish the graph. `jobs` worker processes (None: one per core) or the Dask
    cluster at `scheduler` run the per-document stages; `cache` is the cache directory
    (True: the settings' default beside `out`; False: no cache)."""
    store = cache_mod.NoCache() if cache is False else cache_mod.Cache(settings.cache_dir(out, cache))
    executor = parallel.executor(jobs, scheduler)
    with _collector_skips_what_is_loaded():
        return _run(catalog_path, out, strict, progress, shacl, keep_going, executor, store)


@contextmanager
def _collector_skips_what_is_loaded():
    """The garbage collector's full passes leave alone the objects that exist when the build
    starts (modules, lemma dictionaries, the registry: most of the heap, and none of it garbage)
    until it ends: a build makes millions of short-lived objects (rdflib terms, pySHACL's
    results), and each full pass over the whole heap cost a tenth of a build's CPU time.
    Forked workers start with them set aside too."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _run(catalog_path, out, strict, progress, shacl, keep_going, executor, store) -> BuildReport:
    try:
        executor.start()  # before the lock: forked workers would hold it after a kill -9 of this process
        with buildswap.locked(out):
            corpus, output, report = _build(catalog_path, progress, keep_going, executor, store, shacl)
            if strict and report.violations:
                raise ValidationError(f"{len(report.violations)} SHACL violation(s); first: {report.violations[0]}")
            if progress:
                progress("writing", None, 0, 0)
            start = time.perf_counter() - report.seconds

            def report_json() -> str:
                report.seconds = time.perf_counter() - start
                return json.dumps(report.to_json(), ensure_ascii=False, indent=2)

            previous = Path(out).resolve() if Path(out).exists() else None
            buildswap.publish(
                out, lambda tmp: buildfiles.write(output, corpus, tmp, report_json, previous), locked=True
            )
            store.prune()
    finally:
        executor.close()
    return report


__all__ = [
    "BuildReport",
    "DocumentReport",
    "InputError",
    "build_dataset",
    "document_glossary",
    "run",
    "validate",
    "write",
]
