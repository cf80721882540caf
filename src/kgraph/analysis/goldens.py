"""The search space of the drafter check's labelled set: mandates of the golden files.

The existing powers of `tests/golden/overlap_calibration.json` are competence items
and plan tasks of the hand-checked golden files (`tests/golden/*.json`), so the set
does not depend on extraction: `golden_corpus` turns those files into the mandates the
check searches (each language version of a bilingual act is its own mandate, so a
Kazakh draft against a Russian text is a real cross-language match); `bilingual`
joins the two texts of a provision as the graph does; `with_registry` adds who is who.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path

from kgraph import iri
from kgraph.analysis.mandates import Corpus, Mandate, Party


def ref_of(record: dict) -> str:
    """'art:6/item:18', 'para:15/item:101', 'task:12' or 'task:2.3' for a golden record."""
    if "article" in record or "paragraph" in record:
        parts = (("art", record.get("article")), ("para", record.get("paragraph")), ("item", record.get("item")))
        return "/".join(f"{p}:{n}" for p, n in parts if n not in (None, ""))
    section = record.get("section")
    number = str(record.get("number", "")).rstrip(".")
    return f"task:{section}.{number}" if section and _restarts(record) else f"task:{number}"


def _restarts(record: dict) -> bool:
    return bool(record.get("_restarts"))


def key_of(source: str, ref: str, role: str | None = None) -> str:
    """The identifier of a golden mandate (not a graph IRI: the golden corpus is not the graph)."""
    return f"golden:{source}/{ref}" + (f"#{role}" if role else "")


def _lost_force(paths: list[Path]) -> dict[tuple, dt.date]:
    """(kind, date, number) of an act -> the day it lost force, from any golden of the act that
    says so (the act's other texts, the seed's text of the same law, inherit it)."""
    out: dict[tuple, dt.date] = {}
    for path in paths:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        doc = ((data.get("records") or {}).get("document") or [{}])[0] if isinstance(data, dict) else {}
        until = _day(doc.get("lost_force_on") or (doc.get("lost_force_by") or {}).get("act_date"))
        if until and doc.get("date") and doc.get("number"):
            out[(doc.get("kind"), doc["date"], doc["number"])] = until
    return out


def golden_corpus(paths: Iterable[Path]) -> Corpus:
    """Competences and tasks of golden files as mandates, with their glossaries."""
    mandates: list[Mandate] = []
    glossary: dict[str, dict[str, str]] = {}
    paths = sorted(paths)
    ended = _lost_force(paths)
    for path in paths:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        records = data.get("records", {}) if isinstance(data, dict) else {}
        if not isinstance(records, dict) or not (records.get("competence") or records.get("task")):
            continue
        source = data.get("source") or Path(path).stem
        lang = source.rsplit("-", 1)[-1] if source[-3:] in ("-ru", "-kk") else ""
        doc = (records.get("document") or [{}])[0]
        date = _day(doc.get("date"))
        until = ended.get((doc.get("kind"), doc.get("date"), doc.get("number")))
        for g in records.get("glossary", []):
            if g.get("abbr") and g.get("expansion"):
                glossary.setdefault(source, {}).setdefault(g["abbr"], g["expansion"])
        for c in records.get("competence", []):
            if not c.get("text"):
                continue
            role = c.get("role") or ""
            ref = ref_of(c)
            mandates.append(
                Mandate(
                    iri=key_of(source, ref, role),
                    kind="competence",
                    text=c["text"],
                    lang=lang,
                    source=source,
                    ref=ref,
                    date=date,
                    container="",
                    parties=(Party(iri.role(role), "role", True),) if role else (),
                    residual=bool(c.get("residual")),
                    until=until,
                )
            )
        tasks = records.get("task", [])
        numbers = [str(t.get("number")) for t in tasks]
        restarts = len(set(numbers)) < len(numbers)  # numbering restarts in each section
        for t in tasks:
            if not t.get("text"):
                continue
            ref = ref_of({**t, "_restarts": restarts})
            mandates.append(
                Mandate(
                    iri=key_of(source, ref),
                    kind="task",
                    text=t["text"],
                    lang=lang,
                    source=source,
                    ref=ref,
                    date=None,
                    container="",
                )
            )
    return Corpus(sorted(mandates, key=lambda m: (m.kind, m.source, m.iri)), glossary=glossary)


def with_registry(corpus: Corpus, reg) -> Corpus:
    """The golden corpus with who is who from a registry (`kgraph.registry.Registry`):
    a grantee that is a registry body becomes that body, roles get their holders,
    bodies their successions and labels, so that detection can tell one party from two."""
    bodies = {b.id for b in reg.bodies}

    def agent(party: Party) -> Party:
        slug = party.agent.rsplit("/", 1)[-1]
        return Party(iri.org(slug), "body", True) if slug in bodies else party

    mandates = [dataclasses.replace(m, parties=tuple(agent(p) for p in m.parties)) for m in corpus.mandates]
    out = Corpus(mandates, glossary=corpus.glossary)
    for role in reg.roles:
        for h in role.holders:
            out.tenures.append((iri.role(role.id), iri.org(h.body), h.valid_from, h.valid_until))
        out.labels[iri.role(role.id)] = role.names.get("ru") or role.id
    for e in reg.events:
        for a in e.from_ids:
            for b in e.to_ids:
                out.events.append((iri.org(a), iri.org(b), e.date, "#Transfer" if e.kind == "transfer" else e.kind))
    for b in reg.bodies:
        out.labels[iri.org(b.id)] = b.names.get("ru") or b.id
    return out


def _day(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def bilingual(corpus: Corpus) -> Corpus:
    """One mandate per provision: the Russian and Kazakh texts of an act's item (same
    key and grantee in `<act>-ru` and `<act>-kk`) as the texts of one mandate, as the
    graph holds a provision stated in both languages."""
    by_key: dict[tuple, list[Mandate]] = {}
    for m in corpus.mandates:
        act = m.source[:-3] if m.source[-3:] in ("-ru", "-kk") else m.source
        by_key.setdefault((act, m.kind, m.ref, m.parties), []).append(m)
    mandates = []
    for (act, *_), group in by_key.items():
        if len(group) == 2 and {m.lang for m in group} == {"ru", "kk"}:
            ru = next(m for m in group if m.lang == "ru")
            texts = tuple(sorted((m.lang, m.text) for m in group))
            mandates.append(dataclasses.replace(ru, source=act, iri=ru.iri.replace(ru.source, act), texts=texts))
        else:
            mandates.extend(group)
    glossary = dict(corpus.glossary)
    for source, entries in corpus.glossary.items():
        if source[-3:] in ("-ru", "-kk"):
            glossary.setdefault(source[:-3], {}).update(entries)
    return Corpus(
        sorted(mandates, key=lambda m: (m.kind, m.source, m.iri)),
        dict(corpus.labels),
        list(corpus.tenures),
        list(corpus.events),
        dict(corpus.members),
        glossary,
        dict(corpus.names),
    )


def golden_files(directory: Path) -> list[Path]:
    return sorted(p for p in Path(directory).glob("*.json") if p.name[:3] == "kz-")
