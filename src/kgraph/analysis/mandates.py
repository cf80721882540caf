"""Competences, tasks and the facts around them, read from the graph by SPARQL.

One call (`load(store)`) fetches everything the overlap checker needs as plain
frozen records: the mandates with their parties and provenance spans, agent
labels, role tenures, succession events, group members and glossaries. Nothing
here knows how extractors mint IRIs: relations come from the ontology's
properties; `kgraph.iri.parse` is used only to name a subdivision ("art:5/item:3").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field

from kgraph import iri, queries
from kgraph.results import rows

KG = iri.ONTOLOGY
LEAD = KG + "LeadExecutor"
TRANSFER = KG + "Transfer"  # moves functions only: not organisational succession


@dataclass(frozen=True)
class Span:
    iri: str
    doc: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Party:
    agent: str
    kind: str  # body | group | role | unresolved
    lead: bool
    by_agreement: bool = False
    position: int | None = None


@dataclass(frozen=True)
class Mandate:
    iri: str
    kind: str  # competence | task
    text: str
    lang: str
    source: str  # source document id ("" if unknown)
    ref: str  # "art:5/item:3" or "task:12"
    date: dt.date | None  # date of the act (law or plan) that states it
    container: str  # article IRI (competence) or plan IRI (task)
    parties: tuple[Party, ...] = ()
    residual: bool = False
    spans: tuple[Span, ...] = ()
    texts: tuple[tuple[str, str], ...] = ()  # (language, text) when it is stated in several languages
    until: dt.date | None = None  # the act lost force on this day (None: in force, or not known)

    @functools.cached_property  # read for every pair compared: computed once (a frozen dataclass has a __dict__)
    def lead(self) -> Party | None:
        leads = [p for p in self.parties if p.lead]
        return leads[0] if leads else None


@dataclass
class Corpus:
    mandates: list[Mandate]
    labels: dict[str, str] = field(default_factory=dict)
    tenures: list[tuple[str, str, dt.date | None, dt.date | None]] = field(default_factory=list)
    events: list[tuple[str, str, dt.date | None, str]] = field(default_factory=list)
    members: dict[str, set[str]] = field(default_factory=dict)
    glossary: dict[str, dict[str, str]] = field(default_factory=dict)  # doc id -> abbreviation -> expansion
    names: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # agent -> lang -> names

    def label(self, node: str) -> str:
        return self.labels.get(node) or node.rsplit("/", 1)[-1]

    def by_iri(self) -> dict[str, Mandate]:
        return {m.iri: m for m in self.mandates}


def agent_kind(agent: str) -> str:
    try:
        kind = iri.parse(agent).kind
    except iri.IRIError:
        return "unresolved"
    return {"org": "body", "group": "group", "role": "role"}.get(kind, "unresolved")


def subdivision_ref(node: str) -> str:
    """'art:5/para:3/item:1' for a law subdivision IRI ('' when not one)."""
    try:
        parts = iri.parse(node).parts
    except iri.IRIError:
        return ""
    return "/".join(f"{p}:{n}" for p, n in parts if p in {"art", "para", "item"})


def _glossary_doc(node: str) -> str:
    """The document a glossary (or entry) IRI belongs to: glossary/<doc>[/<abbr>]."""
    try:
        p = iri.parse(node)
    except iri.IRIError:
        return ""
    return p.path[0] if p.kind == "glossary" else ""


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _first(sol, *names: str) -> str:
    for n in names:
        if sol[n] is not None:
            return sol[n].value
    return ""


def _bool(value: str) -> bool:
    return value in {"true", "1"}


def load(store) -> Corpus:
    """Every competence and task of the graph, with what overlap analysis needs."""
    spans: dict[str, list[Span]] = defaultdict(list)
    for r in rows(queries.run(queries.internal("mandate_spans"), store))[1]:
        spans[r["x"]].append(Span(r["s"], r["doc"], int(r["start"]), int(r["end"]), r["quote"]))
    mandates = _competences(store, spans) + _tasks(store, spans)
    corpus = Corpus(sorted(mandates, key=lambda m: (m.kind, m.source, m.iri)))
    _labels(store, corpus)
    for r in rows(queries.run(queries.internal("role_tenures"), store))[1]:
        corpus.tenures.append((r["role"], r["holder"], _date(r["from"]), _date(r["until"])))
    for r in rows(queries.run(queries.internal("change_events"), store))[1]:
        corpus.events.append((r["from"], r["to"], _date(r["date"]), r["kind"]))
    for r in rows(queries.run(queries.internal("group_members"), store))[1]:
        corpus.members.setdefault(r["g"], set()).add(r["m"])
    for r in rows(queries.run(queries.internal("glossary_entries"), store))[1]:
        corpus.glossary.setdefault(_glossary_doc(r["g"] or r["e"]), {}).setdefault(r["abbr"], r["exp"])
    return corpus


def _repealed(store) -> dict[str, dt.date]:
    """Act IRI -> the date of the act that repealed it (the earliest, if several)."""
    out: dict[str, dt.date] = {}
    for r in rows(queries.run(queries.internal("repealed_acts"), store))[1]:
        day = _date(r["until"])
        if day and (r["act"] not in out or day < out[r["act"]]):
            out[r["act"]] = day
    return out


def _until(by: str, repealed: dict[str, dt.date]) -> dt.date | None:
    """The day the act of provision `by` lost force: its parts, of every redaction, are minted
    under the act's IRI (kgraph.iri.part), so the act is the repealed IRI `by` starts with."""
    return next((day for act, day in repealed.items() if by.startswith(act + "/")), None)


def _competences(store, spans) -> list[Mandate]:
    repealed = _repealed(store)
    result = queries.run(queries.internal("competence_mandates"), store)
    out: dict[str, Mandate] = {}
    texts: dict[str, dict[str, str]] = defaultdict(dict)
    for sol in result:
        c = sol["c"].value
        texts[c].setdefault(sol["text"].language or "", sol["text"].value)
        if c in out:
            continue  # a second label or article path: first one wins
        text = sol["text"]
        agent = sol["agent"].value if sol["agent"] is not None else ""
        by = sol["by"].value if sol["by"] is not None else ""
        doc = _first(sol, "doc", "actdoc")
        out[c] = Mandate(
            iri=c,
            kind="competence",
            text=text.value,
            lang=text.language or "",
            source=doc or (spans[c][0].doc if spans.get(c) else ""),
            ref=subdivision_ref(by),
            date=_date(sol["date"].value) if sol["date"] is not None else None,
            until=_until(by, repealed),
            container=sol["article"].value if sol["article"] is not None else "",
            parties=(Party(agent, agent_kind(agent), True),) if agent else (),
            residual=sol["residual"] is not None and _bool(sol["residual"].value),
            spans=tuple(spans.get(c, ())),
        )
    for c, by_lang in texts.items():
        if len(by_lang) > 1 and "" not in by_lang:  # one competence, its text in each language
            out[c] = dataclasses.replace(out[c], texts=tuple(sorted(by_lang.items())))
    return list(out.values())


def _tasks(store, spans) -> list[Mandate]:
    heads: dict[str, dict] = {}
    parties: dict[str, dict[str, Party]] = defaultdict(dict)
    for sol in queries.run(queries.internal("task_mandates"), store):
        t = sol["t"].value
        if t not in heads:
            text = sol["text"]
            heads[t] = {
                "text": text.value,
                "lang": text.language or "",
                "number": sol["number"].value if sol["number"] is not None else "",
                "plan": sol["plan"].value if sol["plan"] is not None else "",
                "date": _date(sol["date"].value) if sol["date"] is not None else None,
                "doc": _first(sol, "doc", "actdoc"),
            }
        if sol["agent"] is not None:
            agent = sol["agent"].value
            pos = int(sol["pos"].value) if sol["pos"] is not None else None
            lead = (sol["role"] is not None and sol["role"].value == LEAD) or (sol["role"] is None and pos == 0)
            party = Party(agent, agent_kind(agent), lead, sol["agree"] is not None and _bool(sol["agree"].value), pos)
            parties[t].setdefault(agent, party)
    out = []
    for t, h in heads.items():
        date = h["date"]
        if date is None and h["plan"]:
            try:
                date = iri.parse(h["plan"]).date
            except iri.IRIError:
                date = None
        ps = sorted(parties[t].values(), key=lambda p: (p.position is None, p.position or 0, p.agent))
        out.append(
            Mandate(
                iri=t,
                kind="task",
                text=h["text"],
                lang=h["lang"],
                source=h["doc"] or (spans[t][0].doc if spans.get(t) else ""),
                ref=f"task:{h['number']}" if h["number"] else "",
                date=date,
                container=h["plan"],
                parties=tuple(ps),
                spans=tuple(spans.get(t, ())),
            )
        )
    return out


_PREFERENCE = {"prefLabel": 0, "label": 1, "title": 2, "altLabel": 3}
_LANGS = {"ru": 0, "kk": 1, "en": 2, "": 3}


def labels(store) -> tuple[dict[str, str], dict[str, dict[str, list[str]]]]:
    """One display label per agent, article and plan (Russian prefLabel first),
    and all their names by language."""
    best: dict[str, tuple] = {}
    names: dict[str, dict[str, list[str]]] = {}
    for sol in queries.run(queries.internal("agent_labels"), store):
        node, prop, lit = sol["x"].value, sol["p"].value, sol["label"]
        kind = prop.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        lang = lit.language or ""
        rank = (_PREFERENCE.get(kind, 9), _LANGS.get(lang, 4), len(lit.value))
        if node not in best or rank < best[node][0]:
            best[node] = (rank, lit.value)
        names.setdefault(node, {}).setdefault(lang, []).append(lit.value)
    return {k: v[1] for k, v in best.items()}, names


def _labels(store, corpus: Corpus) -> None:
    corpus.labels, corpus.names = labels(store)
