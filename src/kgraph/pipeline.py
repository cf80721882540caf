"""The per-document stages of a build: pure functions that a process pool or Dask runs.

A build (kgraph.build) runs two stages per document, then the corpus-wide steps
(kgraph.assemble):

1. `read_document(ReadJob)`: the source file -> its text, normalized text, what it
   says about itself (`kgraph.catalog.read`) and the records of each of its kinds'
   extractors. Depends on the file's bytes, its catalog entry and the code only.
2. `write_group(GroupJob)`: the documents that share one act's parts (the texts of
   one redaction in two languages, `kgraph.works`; most groups are one document)
   -> per document its named graph as N-Quads and its `DocumentReport`, the
   group's alignment report, its SHACL results (`kgraph.validation`, with the
   registry as context), the inputs of the corpus-wide steps (what the act linkers
   read, `act_titles`, the search index's rows with their analysed texts) and
   class counts. Texts of one redaction are written together because the
   second text states only what the first did not (`kgraph.rdf.alignment`).

Both take and return plain picklable values (no open files, no rdflib graphs), so
they run in another process or on a Dask worker; their results are cached under
`key` (kgraph.cache): the hash of everything they depend on. A failure is carried
back as `Failure` (the error's class and text), never raised across processes.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import OWL, RDF
from rdflib.plugins.serializers.nquads import _nq_row

from kgraph import cache, coverage, errors, footprint, iri, kinds, search, validation, works
from kgraph import catalog as catalog_mod
from kgraph import registry as registry_mod
from kgraph import resolve as resolve_mod
from kgraph.rdf import Context
from kgraph.rdf import document as document_rdf
from kgraph.rdf import registry as registry_rdf
from kgraph.rdf.alignment import Shared
from kgraph.records import GlossaryEntry
from kgraph.vocab import ELI

# --- results ---------------------------------------------------------------------------


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


@dataclass(frozen=True)
class Failure:
    """An error raised in a worker, carried back as data (exceptions with their own
    constructor arguments do not survive pickling)."""

    kind: str  # "input" (InputError/DocumentError: path + problem) or "other"
    message: str
    path: str | None = None
    problem: str | None = None
    phase: int = 0  # 0 reading, 1 extracting, 2 writing: the build reports failures in this order

    @classmethod
    def of(cls, exc: Exception, phase: int = 0) -> Failure:
        if isinstance(exc, errors.InputError):
            return cls("input", str(exc), str(exc.path), exc.problem, phase)
        return cls("other", str(exc), phase=phase)

    def error(self) -> errors.KgraphError:
        if self.kind == "input":
            return errors.DocumentError(self.path, self.problem)
        return errors.KgraphError(self.message)


@dataclass(frozen=True)
class ReadJob:
    entry: catalog_mod.Entry
    catalog: str
    key: str


@dataclass
class ReadResult:
    id: str
    key: str
    document: catalog_mod.Document | None = None
    records: dict[str, list] | None = None
    failure: Failure | None = None
    seconds: float = 0.0


@dataclass(frozen=True)
class GroupJob:
    members: tuple[ReadResult, ...]  # in catalog order
    placements: tuple[works.Placement, ...]
    registry: str  # registry.yaml
    registry_key: str
    key: str
    shacl: bool = True  # validate the group's graphs (`kgraph build --no-shacl`: not)
    footprints: bool = False  # digest what overlap detection reads of each graph (`kgraph.footprint`)


@dataclass
class Written:
    id: str
    report: DocumentReport | None = None
    nquads: bytes = b""
    failure: Failure | None = None
    footprint: str | None = None  # `footprint.digest` of `nquads` by overlap detection's predicates, if asked


@dataclass
class GroupResult:
    key: str
    documents: list[Written]
    alignment: dict | None = None
    shacl: validation.UnitResult | None = None
    titles: list[tuple] = field(default_factory=list)  # the linkers' input: `act_titles`
    search: search.Rows | None = None
    classes: Counter = field(default_factory=Counter)  # class IRI -> typed nodes, over its graphs
    seconds: dict[str, float] = field(default_factory=dict)


# --- keys ------------------------------------------------------------------------------


def read_key(entry: catalog_mod.Entry, code: str) -> str:
    """What stage 1 depends on: the file's bytes, the catalog entry, the code."""
    try:
        data = cache.digest(entry.path.read_bytes())
    except OSError:
        data = "unreadable"
    return cache.digest("read", code, repr(entry), data)


def group_key(
    members: list[ReadResult], placements: list[works.Placement], registry_key: str, code: str, shacl: bool = True
) -> str:
    """What stage 2 depends on: its documents' stage-1 keys, where they are placed, the registry, the code."""
    parts = (*(m.key for m in members), *(repr(p) for p in placements))
    return cache.digest("group", code, registry_key, shacl, *parts)


def registry_key(path: Path, code: str) -> str:
    """The registry file's bytes and today's date (the registry graph states what holds today)."""
    try:
        data = cache.digest(Path(path).read_bytes())
    except OSError:
        data = "missing"
    return cache.digest("registry", code, data, dt.date.today().isoformat())


# --- stage 1 ---------------------------------------------------------------------------


def read_document(job: ReadJob) -> ReadResult:
    """Read one catalogued document and run its kinds' extractors."""
    start = time.perf_counter()
    entry = job.entry
    out = ReadResult(entry.id, job.key)
    try:
        doc = catalog_mod.read(entry, Path(job.catalog))
    except Exception as exc:  # noqa: BLE001 -- every failure becomes one line naming the document
        error = exc if isinstance(exc, errors.InputError) else errors.DocumentError.of(entry, "reading", exc)
        out.failure = Failure.of(error)
        return out
    stage = "extraction"
    try:
        records = {}
        for kind in doc.entry.kinds:
            stage = f"{kind} extractor"
            records[kind] = kinds.extractor(kind).parse(doc.norm.text, doc.meta)
    except errors.InputError as exc:  # names its file already
        out.failure = Failure.of(exc, 1)
        return out
    except Exception as exc:  # noqa: BLE001 -- every failure becomes one line naming the document
        out.failure = Failure.of(errors.DocumentError.of(doc.entry, stage, exc, doc), 1)
        return out
    out.document, out.records = doc, records
    out.seconds = time.perf_counter() - start
    return out


# --- stage 2 ---------------------------------------------------------------------------


@lru_cache(maxsize=4)
def registry_parts(path: str, key: str):
    """The registry, a resolver bound to it and its graph (once per process and registry version)."""
    reg = registry_mod.load(Path(path))

    def resolver(text, lang, date, glossary):
        return resolve_mod.resolve(text, lang, date, glossary, registry=reg)

    return reg, resolver, registry_rdf.graph(reg)


def write_group(job: GroupJob) -> GroupResult:
    """Write the graphs of one group of documents, validate them, prepare their search rows."""
    timer = _Timer()
    reg, resolver, registry_graph = registry_parts(job.registry, job.registry_key)
    shared = shared_groups(job.placements, {m.id: m.document.entry.language for m in job.members})
    ds = Dataset()
    result = GroupResult(job.key, [])
    for member, placement in zip(job.members, job.placements):
        doc = member.document
        graph_id = URIRef(iri.graph(doc.entry.id))
        try:
            report = build_document(ds, doc, member.records, placement, shared, resolver, reg)
        except Exception as exc:  # noqa: BLE001 -- every failure becomes one line naming the document
            ds.remove_graph(ds.graph(graph_id))
            error = exc if isinstance(exc, errors.InputError) else errors.DocumentError.of(doc.entry, "RDF", exc)
            result.documents.append(Written(doc.entry.id, failure=Failure.of(error, 2)))
            continue
        result.documents.append(Written(doc.entry.id, report))
    result.alignment = next((s.report() for s in shared.values()), None)
    timer.lap("write")
    graphs = [ds.graph(URIRef(iri.graph(w.id))) for w in result.documents if w.failure is None]
    for w, g in zip([w for w in result.documents if w.failure is None], graphs):
        w.nquads = nquads(g)
        result.classes.update(str(c) for _, c in g.subject_objects(RDF.type))
    timer.lap("serialize")
    predicates = footprint.overlap_predicates() if job.footprints else None
    if predicates is not None:  # here, not in the corpus-wide step: a worker's, and cached with the group
        for w in result.documents:
            if w.failure is None:
                w.footprint = footprint.digest(w.nquads, predicates)
        timer.lap("footprint")
    result.titles = act_titles(graphs)
    result.search = search.rows(search_quads(graphs))
    timer.lap("search")
    # last: validated in place (the graphs are then the unit's data, not the documents')
    result.shacl = validation.validate_unit(graphs, registry_graph, consume=True) if job.shacl else None
    timer.lap("validate")
    result.seconds = timer.laps
    return result


def build_document(ds: Dataset, doc, records: dict, placement: works.Placement, shared: dict, resolver, registry):
    """One document's named graph in `ds`: its act, expression and source, then each kind's writer."""
    entry = doc.entry
    stage = "RDF"
    try:
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
    except errors.InputError:
        raise  # names its file already
    except Exception as exc:
        raise errors.DocumentError.of(entry, stage, exc, doc) from exc
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


def shared_groups(placements, languages: dict[str, str]) -> dict[str, Shared]:
    """One `Shared` per redaction that two or more texts share, keyed by its parts root."""
    out: dict[str, Shared] = {}
    for p in placements:
        if len(p.siblings) > 1 and p.root not in out:
            out[p.root] = Shared(p.act, p.root, p.version, p.siblings, {i: languages[i] for i in p.siblings})
    return out


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


def nquads(graph, name: URIRef | None = None) -> bytes:
    """A named graph (`graph` named `name`, default its own identifier) as N-Quads, line for
    line as rdflib writes it in a Dataset (the build's graph.nq is their concatenation),
    without copying it into one."""
    name = graph.identifier if name is None else name
    return nquad_lines("".join([_nq_row(t, name) for t in graph]).encode("utf-8", "replace"))


def nquad_lines(data: str | bytes) -> bytes:
    """N-Quads text ending in one newline (rdflib adds a blank line), or nothing."""
    data = (data.encode("utf-8") if isinstance(data, str) else data).strip(b"\n")
    return data + b"\n" if data else b""


LINKED = (
    RDF.type,
    ELI.title,
    ELI.date_document,
    ELI.number,
    ELI.is_realized_by,
    ELI.date_no_longer_in_force,
    ELI.repeals,
    ELI.repealed_by,
    OWL.sameAs,
)  # what the corpus-wide linkers read (and may add) of the nodes `act_titles` names


def act_titles(graphs) -> list[tuple]:
    """What the corpus-wide linkers (`kgraph.rdf.acts.link_same_acts`, `kgraph.rdf.inforce.link_repeals`)
    read of a graph, as (subject, predicate, object, graph) tuples: the `LINKED` statements about
    its titled nodes, its works (`eli:is_realized_by`) and both ends of its repeals."""
    out = []
    for g in graphs:
        nodes = set(g.subjects(ELI.title)) | set(g.subjects(ELI.is_realized_by))
        for s, o in g.subject_objects(ELI.repeals):
            nodes.update((s, o))
        name = str(g.identifier)
        for node in sorted(nodes, key=str):
            for p in LINKED:
                out.extend((node, p, o, name) for o in g.objects(node, p))
    return out


def search_quads(graphs):
    for g in graphs:
        gid = str(g.identifier)
        for s, p, o in g:
            if not isinstance(s, URIRef):
                continue
            ps = str(p)
            if ps == search.RDF_TYPE:
                yield str(s), ps, str(o), None, gid
            elif ps in search.FIELDS and isinstance(o, Literal):
                yield str(s), ps, str(o), o.language, gid


class _Timer:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = self.laps.get(name, 0.0) + now - self._last
        self._last = now


__all__ = [
    "DocumentReport",
    "Failure",
    "GroupJob",
    "GroupResult",
    "ReadJob",
    "ReadResult",
    "Written",
    "build_document",
    "document_glossary",
    "group_key",
    "read_document",
    "read_key",
    "registry_key",
    "registry_parts",
    "search_quads",
    "shared_groups",
    "write_group",
]
