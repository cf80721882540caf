"""The corpus-wide steps of a build, on the per-document results of kgraph.pipeline.

`collect` runs the two per-document stages (through the cache and an executor of
kgraph.parallel) and returns a `Corpus`; `finish` does what needs every document:

* the ontology and registry graphs (cached per code and registry version);
* `owl:sameAs` between an undated act reference and the dated act
  (`kgraph.rdf.acts.link_same_acts`) and repeals of corpus acts named without their number
  (`kgraph.rdf.inforce.link_repeals`), on what the groups reported of their acts;
* the overlap findings graph (`kgraph.rdf.findings`) and the drafter-check
  analyzer: cached under the key of the whole corpus, so redone only when some
  document, the registry or the code changed;
* SHACL: the units' results plus one cross-document pass (kgraph.validation).

The files of a build are written from its `Output` by kgraph.buildfiles.

Every step's wall time goes into `Corpus.stages` (the build report's `stages`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from kgraph import cache as cache_mod
from kgraph import catalog as catalog_mod
from kgraph import footprint as footprint_mod
from kgraph import iri, parallel, pipeline, search, settings, validation, works
from kgraph.analysis import index as overlap_index
from kgraph.analysis import mandates as mandates_mod
from kgraph.rdf import acts as acts_rdf
from kgraph.rdf import document as document_rdf
from kgraph.rdf import findings as findings_rdf
from kgraph.rdf import inforce as inforce_rdf
from kgraph.store import OxigraphStore
from kgraph.vocab import KG, ontology_graph

MANDATES = {str(KG.Competence), str(KG.Task)}  # what overlap detection compares pairwise
# progress(stage, item, done, total): a stage starts (item None, done 0) or one item of it is done.
Progress = Callable[[str, str | None, int, int], None]


@dataclass
class Corpus:
    """Everything the per-document stages produced, in catalog order."""

    reads: list[pipeline.ReadResult] = field(default_factory=list)
    groups: list[pipeline.GroupResult] = field(default_factory=list)
    failed: list[tuple[catalog_mod.Entry, pipeline.Failure]] = field(default_factory=list)
    registry_key: str = ""
    code: str = ""
    stages: dict[str, float] = field(default_factory=dict)  # wall seconds per step
    workers: dict[str, float] = field(default_factory=dict)  # seconds spent in the workers per step
    cache: dict[str, dict[str, int]] = field(default_factory=dict)  # step -> hits, misses
    warnings: list[str] = field(default_factory=list)  # corpus-wide steps not done, and why

    @property
    def key(self) -> str:
        """The whole corpus: every group, the registry, the code."""
        return cache_mod.digest("corpus", self.code, self.registry_key, *(g.key for g in self.groups))

    @property
    def written(self) -> list[pipeline.Written]:
        return [w for g in self.groups for w in g.documents if w.failure is None]


@dataclass
class Output:
    nquads: list[bytes]  # every graph; graph.nq is their concatenation
    triples: int
    classes: dict[str, int]
    violations: list[str]
    search: Callable[[], search.Rows]  # made only when the index is written
    analyzer: Callable[[], object | None]  # the drafter-check analyzer (from the cache), when written


class Clock:
    def __init__(self, stages: dict[str, float]):
        self.stages = stages
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.stages[name] = round(self.stages.get(name, 0.0) + now - self.last, 4)
        self.last = now


def collect(
    catalog_path: Path,
    entries: list[catalog_mod.Entry],
    registry_key: str,
    executor: parallel.Executor,
    cache: cache_mod.Cache,
    progress: Progress | None = None,
    shacl: bool = True,
) -> Corpus:
    """Run the per-document stages: from the cache where their key is there, else on `executor`."""
    code = cache_mod.code_version()
    corpus = Corpus(registry_key=registry_key, code=code)
    clock = Clock(corpus.stages)
    # Absolute paths: a Dask worker may run elsewhere than here (with the same files at the same paths).
    absolute = [dataclasses.replace(e, path=e.path.absolute()) for e in entries]
    jobs = [pipeline.ReadJob(e, str(Path(catalog_path).resolve()), pipeline.read_key(e, code)) for e in absolute]
    corpus.reads = _cached_map(pipeline.read_document, jobs, "read", executor, cache, corpus, progress, _read_ok)
    clock.lap("read")
    ok = []
    for entry, r in zip(entries, corpus.reads):
        if r.failure is not None:
            corpus.failed.append((entry, r.failure))
        else:
            ok.append(r)
    docs = [r.document for r in ok]
    placements = works.place(
        works.Text(d.entry.id, str(act_of(d, docs)), d.entry.language, d.version_date) for d in docs
    )
    by_id = {r.id: r for r in ok}
    group_jobs, seen = [], set()
    registry = str(catalog_mod.registry_path(catalog_path).resolve())
    for r in ok:
        p = placements[r.id]
        if r.id in seen:
            continue
        ids = [i for i in p.siblings if i in by_id] if len(p.siblings) > 1 else [r.id]
        seen.update(ids)
        members = [by_id[i] for i in ids]
        places = [placements[i] for i in ids]
        key = pipeline.group_key(members, places, registry_key, code, shacl)
        footprints = not isinstance(cache, cache_mod.NoCache)  # only a cache remembers findings by them
        group_jobs.append(
            pipeline.GroupJob(tuple(members), tuple(places), registry, registry_key, key, shacl, footprints)
        )
    corpus.groups = _cached_map(pipeline.write_group, group_jobs, "write", executor, cache, corpus, progress, _group_ok)
    clock.lap("write")
    entry_of = {e.id: e for e in entries}
    for g in corpus.groups:
        for w in g.documents:
            if w.failure is not None:
                corpus.failed.append((entry_of[w.id], w.failure))
    order = {e.id: n for n, e in enumerate(entries)}
    # as a serial build meets them: every text is read before any is extracted or written
    corpus.failed.sort(key=lambda f: (f[1].phase, order[f[0].id]))
    return corpus


def _read_ok(r: pipeline.ReadResult) -> bool:
    return r.failure is None


def _group_ok(g: pipeline.GroupResult) -> bool:
    return all(w.failure is None for w in g.documents)


def _cached_map(fn, jobs, stage, executor, cache, corpus: Corpus, progress, ok) -> list:
    """fn(job) for every job whose result is not cached under job.key; results cached unless failed."""
    results: list = [cache.get(j.key) for j in jobs]
    # Largest first: the long documents start at once and the short ones fill the gaps.
    todo = sorted((n for n, r in enumerate(results) if r is cache_mod.MISS), key=lambda n: -_size(jobs[n]))
    corpus.cache[stage] = {"hits": len(jobs) - len(todo), "misses": len(todo)}
    total = len(jobs)
    if progress:
        progress(stage, None, total - len(todo), total)
    done_count = [total - len(todo)]

    def done(i: int, result) -> None:
        job = jobs[todo[i]]
        if ok(result):
            cache.put(job.key, result)
        done_count[0] += 1
        if progress:
            progress(stage, _name(job), done_count[0], total)

    for n, result in zip(todo, executor.map(fn, [jobs[n] for n in todo], done)):
        results[n] = result
    for n in todo:
        for name, seconds in _seconds(results[n]).items():
            corpus.workers[f"{stage}:{name}"] = round(corpus.workers.get(f"{stage}:{name}", 0.0) + seconds, 4)
    return results


def _size(job) -> int:
    """How much work a job is, roughly: the length of its text(s)."""
    if isinstance(job, pipeline.ReadJob):
        try:
            return job.entry.path.stat().st_size
        except OSError:
            return 0
    return sum(len(m.document.raw) for m in job.members)


def _name(job) -> str:
    if isinstance(job, pipeline.ReadJob):
        return job.entry.id
    return " + ".join(m.id for m in job.members)


def _seconds(result) -> dict[str, float]:
    if isinstance(result, pipeline.ReadResult):
        return {"extract": result.seconds}
    return result.seconds


def act_of(doc, docs) -> URIRef:
    """The act a document is a text of: its own, or that of the entry its catalog `work` names."""
    if doc.entry.work:
        other = next((d for d in docs if doc.entry.work in (d.entry.id, d.entry.folder) and d is not doc), None)
        if other is not None:
            return document_rdf.act_iri(other.entry, other.meta)
    return document_rdf.act_iri(doc.entry, doc.meta)


# --- corpus-wide -------------------------------------------------------------------------


@dataclass
class Static:
    """The ontology and registry graphs and what the corpus-wide steps need of them."""

    ontology: bytes
    registry: bytes
    unit: validation.UnitResult
    search: search.Rows
    classes: Counter
    titles: list


def static(catalog_path: Path, registry_key: str, cache: cache_mod.Cache) -> Static:
    key = cache_mod.digest("static", cache_mod.code_version(), registry_key)
    got = cache.get(key)
    if got is not cache_mod.MISS:
        return got
    _, _, reg = pipeline.registry_parts(str(catalog_mod.registry_path(catalog_path).resolve()), registry_key)
    out = Static(
        ontology=pipeline.nquads(ontology_graph(), URIRef(iri.ONTOLOGY_GRAPH)),
        registry=pipeline.nquads(reg),
        unit=validation.validate_unit([reg]),
        search=search.rows(pipeline.search_quads([reg])),
        classes=Counter(str(c) for _, c in reg.subject_objects(RDF.type)),
        titles=pipeline.act_titles([reg]),
    )
    cache.put(key, out)
    return out


def links(titles: list) -> Dataset:
    """What the corpus-wide linkers add: `owl:sameAs` between undated and dated nodes of one act
    (kgraph.rdf.acts.link_same_acts) and repeals of corpus acts named without their number
    (kgraph.rdf.inforce.link_repeals), as a Dataset's quads, each in the graph the linker put it
    in. `titles` is what they read (`pipeline.act_titles`), in the order of the graphs."""
    ds = Dataset()
    for s, p, o, graph in titles:
        ds.graph(URIRef(graph)).add((s, p, o))
    before = {(s, p, o, _name(g)) for s, p, o, g in ds.quads((None, None, None, None))}
    acts_rdf.link_same_acts(ds)
    inforce_rdf.link_repeals(ds)
    out = Dataset()
    for s, p, o, g in ds.quads((None, None, None, None)):
        if (s, p, o, _name(g)) not in before:
            out.graph(_name(g)).add((s, p, o))
    return out


def _name(g) -> URIRef:
    return g.identifier if hasattr(g, "identifier") else g


@dataclass
class Wide:
    """What the corpus-wide steps made, cached under the corpus key."""

    links: bytes  # owl:sameAs links, N-Quads
    findings: bytes  # the findings graph, N-Quads
    classes: Counter  # typed nodes of the findings graph
    rows: search.Rows  # the findings graph's search rows
    subjects: set[str]  # subjects of the links and findings (the cross-document SHACL pass re-checks them)
    triples: int  # quads in every graph
    analyzer: str | None = None  # the key of the findings' drafter-check analyzer (`analyzer_of`)


def finish(
    corpus: Corpus,
    catalog_path: Path,
    cache: cache_mod.Cache,
    shacl: bool = True,
    executor: parallel.Executor | None = None,
) -> Output:
    """The corpus-wide steps: links, findings, cross-document validation; from the cache when
    nothing changed (the whole graph is then never loaded)."""
    clock = Clock(corpus.stages)
    fixed = static(catalog_path, corpus.registry_key, cache)
    parts = [fixed.ontology, fixed.registry, *(w.nquads for w in corpus.written)]
    digests = [None, None, *(w.footprint for w in corpus.written)]  # footprints the workers made
    loaded: list[OxigraphStore] = []

    def store() -> OxigraphStore:
        if not loaded:
            s = OxigraphStore()
            s.load_nquads(b"".join(parts))
            loaded.append(s)
        return loaded[0]

    mandates = sum(n for g in corpus.groups for c, n in g.classes.items() if c in MANDATES)
    limit = settings.current().findings_limit
    wide_key = cache_mod.digest("findings", corpus.key, mandates <= limit)
    wide = cache.get(wide_key)
    corpus.cache["findings"] = {"hits": int(wide is not cache_mod.MISS), "misses": int(wide is cache_mod.MISS)}
    if wide is cache_mod.MISS:
        linked = links(fixed.titles + [t for g in corpus.groups for t in g.titles])
        link_nq = _serialize(linked)
        parts.append(link_nq)
        clock.lap("link")
        found, analyzer_key = (
            overlap_findings(store, cache, parts, corpus.cache, executor, digests)
            if mandates <= limit
            else (Findings.of(Graph()), None)
        )
        store().load_nquads(found.nquads)
        wide = Wide(
            links=link_nq,
            findings=found.nquads,
            classes=found.classes,
            rows=found.rows,
            subjects=found.subjects | {str(s) for s, _, _, _ in linked.quads((None, None, None, None))},
            triples=len(store()),
            analyzer=analyzer_key,
        )
        cache.put(wide_key, wide)
    else:
        parts.append(wide.links)
    parts.append(wide.findings)
    if mandates > limit:
        corpus.warnings.append(
            f"overlap findings skipped: {mandates} competences and tasks, more than "
            f"{settings.env('findings_limit')}={limit}"
        )
    clock.lap("findings")
    violations: list[str] = []
    if shacl:
        cross_key = cache_mod.digest("cross", corpus.key)
        got = cache.get(cross_key)
        corpus.cache["validate"] = {"hits": int(got is not cache_mod.MISS), "misses": int(got is cache_mod.MISS)}
        if got is cache_mod.MISS:
            units = [g.shacl for g in corpus.groups if g.shacl is not None]
            verdicts_key = cache_mod.digest("verdicts", cache_mod.code_version())
            verdicts = cache.get(verdicts_key)
            verdicts = {} if verdicts is cache_mod.MISS else verdicts
            state, changed = _cross_state(corpus, fixed, wide, cache)
            got = validation.cross(units, fixed.unit, store().raw, wide.subjects, executor, verdicts, **changed)
            cache.put(verdicts_key, verdicts)
            cache.put(_cross_state_key(), state)
            cache.put(cross_key, got)
        violations = got
    clock.lap("validate")
    classes = Counter(fixed.classes)
    for g in corpus.groups:
        classes.update(g.classes)
    classes.update(wide.classes)

    def rows() -> search.Rows:
        return search.merge([fixed.search, *(g.search for g in corpus.groups if g.search), wide.rows])

    def analyzer():
        return analyzer_of(wide.analyzer, cache)

    return Output(
        nquads=parts,
        triples=wide.triples,
        classes={validation.short(c): n for c, n in classes.most_common()},
        violations=violations,
        search=rows,
        analyzer=analyzer,
    )


def _cross_state_key() -> str:
    return cache_mod.digest("cross-state", cache_mod.code_version())


def _cross_state(corpus: Corpus, fixed: Static, wide: Wide, cache: cache_mod.Cache) -> tuple[dict, dict]:
    """What the cross-document SHACL pass keeps between builds: the units of the graph (a key
    naming each one's content -> the subjects it states) and each re-checked node's
    neighbourhood (`validation.cross`'s `previous`). Returns this build's state (its nodes
    filled in by the pass) and the arguments of `validation.cross` that let it skip the
    nodes of the last build whose neighbourhood no changed unit states anything about."""
    units = {g.key: g.shacl.subjects for g in corpus.groups if g.shacl is not None}
    units[cache_mod.digest("registry-unit", corpus.registry_key)] = fixed.unit.subjects
    units[cache_mod.digest("wide-unit", wide.links, wide.findings)] = frozenset(wide.subjects)
    state = {"units": units, "nodes": {}}
    last = cache.get(_cross_state_key())
    if last is cache_mod.MISS:
        return state, {"previous": state["nodes"]}
    changed: set[str] = set()
    for key in last["units"].keys() ^ units.keys():  # units gone or new: what they state may differ
        changed.update(last["units"][key] if key in last["units"] else units[key])
    state["nodes"] = last["nodes"]
    return state, {"previous": state["nodes"], "changed": changed}


@dataclass
class Findings:
    """The overlap findings graph and what the other corpus-wide steps need of it."""

    nquads: bytes
    classes: Counter
    rows: search.Rows
    subjects: set[str]

    @classmethod
    def of(cls, g: Graph) -> Findings:
        named = g
        if str(g.identifier) != iri.FINDINGS_GRAPH:  # (findings_graph names its graph already)
            named = Graph(identifier=URIRef(iri.FINDINGS_GRAPH))
            named += g
        return cls(
            pipeline.nquads(named),
            Counter(str(c) for _, c in named.subject_objects(RDF.type)),
            search.rows(pipeline.search_quads([named])),
            {str(x) for x in named.subjects()},
        )


def overlap_findings(
    store: Callable[[], OxigraphStore],
    cache: cache_mod.Cache,
    parts: list[bytes] = (),
    stats: dict | None = None,
    executor: parallel.Executor | None = None,
    digests: list[str | None] = (),
) -> tuple[Findings, str]:
    """The findings of the graph in `store()`, cached under what overlap detection reads
    (`kgraph.analysis.mandates.load`: mandates, labels, tenures, events, members, glossaries):
    a change that leaves them as they were does not redo the analysis. That is asked first
    without a query: the digest of the triples the detection's queries can read in `parts`
    (the graph's N-Quads, `kgraph.footprint`) names the key of an earlier build's findings.
    Returns the findings and their key (the drafter-check analyzer is kept under it: `analyzer_of`);
    `stats["overlaps"]` counts a hit when no query ran; `digests`: the footprints of the first
    parts, where known (None: not known). The texts' analysis, the indexes and the
    pair scores are made on `executor`'s workers (`kgraph.analysis.index.Analyzer`); the texts'
    analyses are kept in the cache, so that a change analyses only the texts it brings."""
    stats = {} if stats is None else stats
    stats["overlaps"] = {"hits": 0, "misses": 1}
    quick = _footprint_key(parts, cache, digests)
    if quick is not None:
        key = cache.get(quick)
        if key is not cache_mod.MISS:
            found = cache.get(key)
            if found is not cache_mod.MISS and cache.has(cache_mod.digest("analyzer", key)):
                stats["overlaps"] = {"hits": 1, "misses": 0}
                return found, key
    inputs = mandates_mod.load(store())
    key = cache_mod.digest("overlaps", cache_mod.code_version(), dt.date.today(), _canonical(inputs))
    found = cache.get(key)
    if found is cache_mod.MISS:
        run = executor.map if executor is not None else None
        memo_key = cache_mod.digest("analyses", cache_mod.code_version())  # the last build's texts' analyses
        memo = cache.get(memo_key)
        memo = {} if memo is cache_mod.MISS else memo
        analyzer = overlap_index.Analyzer(inputs, run, memo)
        cache.put(memo_key, memo)
        analyzer.row_matrix(run)
        overlap_index.keep(store(), analyzer)  # what findings_graph's detection asks for
        found = Findings.of(findings_rdf.findings_graph(store()))
        cache.put(key, found)
        cache.put(cache_mod.digest("analyzer", key), analyzer)
        _ANALYZERS.clear()
        _ANALYZERS[key] = analyzer  # for a build without a cache
    if quick is not None:
        cache.put(quick, key)
    return found, key


def _footprint_key(parts: list[bytes], cache: cache_mod.Cache, digests: list[str | None] = ()) -> str | None:
    """The digest of what overlap detection can read in `parts`, or None when that is unknown.
    Each part's digest is `digests`' (the documents': made by the workers), else cached under the part's bytes."""
    if isinstance(cache, cache_mod.NoCache) or not parts:
        return None  # nothing to remember it by
    footprint = footprint_mod.overlap_predicates()
    if footprint is None:
        return None
    code = cache_mod.code_version()
    known = list(digests)[: len(parts)]
    out = []
    for part, d in zip(parts, known + [None] * (len(parts) - len(known)), strict=True):
        if d is None:
            key = cache_mod.digest("footprint", code, part)
            d = cache.get(key)
            if d is cache_mod.MISS:
                d = footprint_mod.digest(part, footprint)
                cache.put(key, d)
        out.append(d)
    return cache_mod.digest("overlap-reads", code, dt.date.today(), *out)


_ANALYZERS: dict[str, object] = {}


def analyzer_of(key: str | None, cache: cache_mod.Cache):
    """The drafter-check analyzer of the findings under `key`, if there is one."""
    if key is None:
        return None
    if key in _ANALYZERS:
        return _ANALYZERS.pop(key)
    an = cache.get(cache_mod.digest("analyzer", key))
    return None if an is cache_mod.MISS else an


def _canonical(value) -> str:
    """A stable text of plain data (dataclasses, sets, dates): sets sorted, keys sorted."""

    def plain(o):
        if dataclasses.is_dataclass(o) and not isinstance(o, type):  # its fields, as `dataclasses.asdict`
            return {f.name: getattr(o, f.name) for f in dataclasses.fields(o)}  # (without its deep copy)
        if isinstance(o, set | frozenset):
            return sorted(o)
        if isinstance(o, dt.date):
            return o.isoformat()
        raise TypeError(type(o).__name__)

    return json.dumps(value, default=plain, sort_keys=True, ensure_ascii=False)


def _serialize(ds: Dataset) -> bytes:
    return pipeline.nquad_lines(ds.serialize(format="nquads"))


__all__ = ["Clock", "Corpus", "Output", "Progress", "act_of", "collect", "finish", "links", "static"]
