"""Build the graph: catalog -> normalized text -> records -> RDF -> store.

The output is replaced atomically: everything is written into a new build
directory that the build path (a symlink) is switched to only when the whole
build (parsing, SHACL in strict mode, store load) has succeeded
(kgraph.buildswap).
"""

from __future__ import annotations

import difflib
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kgraph import buildswap, coverage, iri, kinds, search, settings, works
from kgraph import catalog as catalog_mod
from kgraph import registry as registry_mod
from kgraph import resolve as resolve_mod
from kgraph.analysis import index as overlap_index
from kgraph.errors import DocumentError, InputError, ValidationError
from kgraph.rdf import Context
from kgraph.rdf import acts as acts_rdf
from kgraph.rdf import document as document_rdf
from kgraph.rdf import findings as findings_rdf
from kgraph.rdf import inforce as inforce_rdf
from kgraph.rdf import registry as registry_rdf
from kgraph.rdf.alignment import Shared
from kgraph.records import GlossaryEntry
from kgraph.store import OxigraphStore
from kgraph.vocab import PREFIXES, ontology_graph, shapes_graph

Progress = Callable[[str], None]


@dataclass
class DocumentReport:
    id: str
    language: str
    kinds: tuple[str, ...]
    triples: int
    records: dict[str, int]
    resolved: int = 0
    unresolved: int = 0
    act: str | None = None  # the act (work) this text is of
    expression: str | None = None
    version_date: str | None = None
    format: str | None = None
    file: str | None = None  # the original file
    coverage: dict = field(default_factory=dict)  # kgraph.coverage.document: what was read, warnings


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
        }


def _registry_parts(catalog_path: Path):
    """The registry beside the catalog, its graph and a resolver bound to it."""
    reg = registry_mod.load(catalog_mod.registry_path(catalog_path))

    def resolver(text, lang, date, glossary):
        return resolve_mod.resolve(text, lang, date, glossary, registry=reg)

    return reg, registry_rdf.graph(reg), resolver


def build_dataset(
    catalog_path: Path = settings.DEFAULT_CATALOG, progress: Progress | None = None, keep_going: bool = False
) -> tuple[Dataset, BuildReport]:
    """Parse every catalogued document into one named graph each.

    A document that cannot be read or extracted is a one-line `DocumentError`
    naming its file (and line, when the failure has one), its id and the stage;
    with `keep_going` it is recorded in `report.failed` and the rest is built."""
    entries = catalog_mod.load(catalog_path)
    report = BuildReport(catalog=str(Path(catalog_path).resolve()))
    ds = Dataset()
    ds.graph(URIRef(iri.ONTOLOGY_GRAPH)).__iadd__(ontology_graph())
    registry, registry_graph, resolver = _registry_parts(catalog_path)
    check_issuers(entries, registry, catalog_path)
    ds.graph(URIRef(iri.REGISTRY_GRAPH)).__iadd__(registry_graph)

    def failed(entry, exc: Exception) -> None:
        error = exc if isinstance(exc, InputError) else DocumentError.of(entry, "reading", exc)
        if not keep_going:
            raise error
        report.failed.append({"id": entry.id, "file": str(entry.path), "error": str(error)})

    docs: list[catalog_mod.Document] = []
    for entry in entries:
        try:
            docs.append(catalog_mod.read(entry, catalog_path))
        except Exception as exc:  # noqa: BLE001 -- every failure becomes one line naming the document
            failed(entry, exc)
    placements = works.place(
        works.Text(d.entry.id, str(_act_of(d, docs)), d.entry.language, d.version_date) for d in docs
    )
    shared = _shared_groups(placements, docs)
    for doc in docs:
        entry = doc.entry
        if progress:
            progress(entry.id)
        graph_id = URIRef(iri.graph(entry.id))
        try:
            report.documents.append(_build_document(ds, doc, placements[entry.id], shared, resolver, registry))
            report.texts[entry.id] = doc.raw
        except Exception as exc:  # noqa: BLE001 -- every failure becomes one line naming the document
            ds.remove_graph(ds.graph(graph_id))
            failed(entry, exc)
    report.alignment = [s.report() for s in shared.values()]
    # An act cited without date in one document and with it in another is one act.
    acts_rdf.link_same_acts(ds)
    # A repeal that names an act of the corpus by date and title, without its number, is of that act.
    inforce_rdf.link_repeals(ds)
    if progress:
        progress("overlap detection")
    # Overlap findings are derived data: their own named graph, validated like the rest.
    ds.graph(URIRef(iri.FINDINGS_GRAPH)).__iadd__(findings_rdf.findings_graph(ds))
    report.triples = sum(1 for _ in ds.quads((None, None, None, None)))
    report.classes = count_classes(ds)
    return ds, report


def _build_document(ds: Dataset, doc, placement: works.Placement, shared: dict, resolver, registry) -> DocumentReport:
    entry = doc.entry
    stage = "extraction"
    try:
        records = {}
        for kind in entry.kinds:
            stage = f"{kind} extractor"
            records[kind] = kinds.extractor(kind).parse(doc.norm.text, doc.meta)
        stage = "RDF"
        graph = ds.graph(URIRef(iri.graph(entry.id)))
        ctx = Context(
            doc=entry,
            raw=doc.raw,
            norm=doc.norm,
            meta=doc.meta,
            act=URIRef(placement.act),
            graph=graph,
            resolver=resolver,
            registry=registry,
            root=URIRef(placement.root),
            expression=URIRef(placement.expression),
            shared=shared.get(placement.root),
        )
        ctx.glossary = document_glossary(r for recs in records.values() for r in recs)
        document_rdf.emit(ctx, doc.source, doc.version_date)
        for kind, recs in records.items():
            writer = kinds.writer(kind)
            if writer is not None:
                stage = f"{kind} writer"
                writer.emit(recs, ctx)
    except InputError:
        raise  # names its file already
    except Exception as exc:
        raise DocumentError.of(entry, stage, exc, doc) from exc
    return DocumentReport(
        entry.id,
        entry.language,
        entry.kinds,
        len(graph),
        dict(Counter(type(r).__name__ for recs in records.values() for r in recs)),
        ctx.stats.get("resolved", 0),
        ctx.stats.get("unresolved", 0),
        act=placement.act,
        expression=placement.expression,
        version_date=doc.version_date.isoformat() if doc.version_date else None,
        format=doc.source.format,
        file=doc.source.name,
        coverage=coverage.document(doc, records, ctx.stats),
    )


def _act_of(doc, docs) -> URIRef:
    """The act a document is a text of: its own, or that of the entry its catalog `work` names."""
    if doc.entry.work:
        other = next((d for d in docs if doc.entry.work in (d.entry.id, d.entry.folder) and d is not doc), None)
        if other is not None:
            return document_rdf.act_iri(other.entry, other.meta)
    return document_rdf.act_iri(doc.entry, doc.meta)


def _shared_groups(placements: dict[str, works.Placement], docs) -> dict[str, Shared]:
    """One `Shared` per redaction that two or more texts share, keyed by its parts root."""
    out: dict[str, Shared] = {}
    language = {d.entry.id: d.entry.language for d in docs}
    for p in placements.values():
        if len(p.siblings) > 1 and p.root not in out:
            out[p.root] = Shared(p.act, p.root, p.version, p.siblings, {i: language[i] for i in p.siblings})
    return out


def check_issuers(entries, registry, catalog_path: Path) -> None:
    """A catalog `issuer` must be a registry id; the error suggests the closest ones."""
    known = {b.id for b in registry.bodies}
    for e in entries:
        if e.issuer and known and e.issuer not in known:
            close = difflib.get_close_matches(e.issuer, sorted(known), n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(close)}?" if close else "; see the bodies in registry.yaml"
            where = f"line {e.line}: " if e.line else ""
            raise InputError(catalog_path, f"{where}entry {e.id}: issuer {e.issuer!r} is not a registry id{hint}")


def document_glossary(records) -> dict[str, str]:
    """Short forms a document defines for itself, for the resolver: its
    abbreviation note and any record that defines a short form (a concept's
    "Академия – Национальная академия наук …" offers `glossary_entry()`)."""
    glossary: dict[str, str] = {}
    for r in records:
        if isinstance(r, GlossaryEntry):
            glossary[r.abbr] = r.expansion
        elif hasattr(r, "glossary_entry"):
            entry = r.glossary_entry()
            if entry:
                glossary.setdefault(*entry)
    return glossary


def count_classes(ds: Dataset) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for g in ds.graphs():
        if str(g.identifier) == iri.ONTOLOGY_GRAPH:
            continue
        for _, cls in g.subject_objects(RDF.type):
            counts[_short(str(cls))] += 1
    return dict(counts.most_common())


def _short(uri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if uri.startswith(ns):
            return f"{prefix}:{uri[len(ns) :]}"
    return uri


def validate(ds: Dataset) -> list[str]:
    """SHACL violations of the data graphs (ontology supplies the class tree)."""
    import pyshacl  # heavy (0.3 s): only validation needs it, and `kgraph build --no-shacl` skips it

    data = Graph()
    for g in ds.graphs():
        if str(g.identifier) != iri.ONTOLOGY_GRAPH:
            data += g
    shapes = shapes_graph()
    # The class tree is added as plain subClassOf triples: pyshacl's own
    # ontology mix-in clones the ontology node by node and takes minutes.
    data += ontology_graph().triples((None, RDFS.subClassOf, None))
    conforms, results, _ = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
    )
    if conforms:
        return []
    return _violation_messages(results)


def _violation_messages(results: Graph) -> list[str]:
    SH = "http://www.w3.org/ns/shacl#"
    out = []
    for r in results.subjects(RDF.type, URIRef(SH + "ValidationResult")):
        severity = results.value(r, URIRef(SH + "resultSeverity"))
        if severity is not None and not str(severity).endswith("Violation"):
            continue
        focus = results.value(r, URIRef(SH + "focusNode"))
        message = results.value(r, URIRef(SH + "resultMessage"))
        path = results.value(r, URIRef(SH + "resultPath"))
        out.append(f"{focus}: {message}" + (f" ({_short(str(path))})" if path is not None else ""))
    return sorted(out)


def write(ds: Dataset, report: BuildReport, out: Path) -> None:
    """Write graph dump, store and report into a new build directory and make `out` point
    at it atomically (kgraph.buildswap: `out` is a symlink to `out.<id>`)."""

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
        _post_build(ds, tmp)

    buildswap.publish(out, write_into)


def _post_build(ds: Dataset, out: Path) -> None:
    """Artifacts derived from the graph (search index); modules register here."""
    for hook in POST_BUILD:
        hook(ds, out)


# Artifacts derived from the finished graph, written into the new build
# directory before it is swapped in: the full-text search index and the
# drafter-check similarity index.
POST_BUILD: list[Callable[[Dataset, Path], None]] = [search.write_index, overlap_index.post_build]


def run(
    catalog_path: Path = settings.DEFAULT_CATALOG,
    out: Path = settings.DEFAULTS.build,
    strict: bool = False,
    progress: Progress | None = None,
    shacl: bool = True,
    keep_going: bool = False,
) -> BuildReport:
    start = time.perf_counter()
    ds, report = build_dataset(catalog_path, progress, keep_going)
    if shacl:
        if progress:
            progress("SHACL validation")
        report.violations = validate(ds)
        if strict and report.violations:
            raise ValidationError(f"{len(report.violations)} SHACL violation(s); first: {report.violations[0]}")
    if progress:
        progress("writing store")
    report.seconds = time.perf_counter() - start
    write(ds, report, out)
    return report


__all__ = ["BuildReport", "InputError", "build_dataset", "run", "validate", "write"]
