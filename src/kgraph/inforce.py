"""When an act is in force, as its texts and its portal metadata state it (every document kind).

Pure functions over text:

* `read(text)` -> the records a text states about force:
  - `EntryIntoForce`: the act's own clause («Настоящий Закон вводится в действие …», «Осы Заң …
    қолданысқа енгізіледі»): on signing, on a stated date, or so many days after its first
    official publication (a date the corpus does not give: then only the clause is kept);
  - `EndOfForce`: the portal's note that the act lost force («Утрачивает силу Кодексом РК от
    29.10.2015 № 375-V (вводится в действие с 01.01.2016)», «Ескерту. Күші жойылды - …»): the
    act that ended it and, when the note says, the day it took effect;
  - `RepealOf`: an act this text declares no longer in force («Признать утратившими силу: 1)
    Закон Республики Казахстан от 18 февраля 2011 года «О науке»; …», «… Заңының күші жойылды
    деп танылсын»), as the act reference reader finds it.
* `read_requisite(text)` -> the `EndOfForce` of a requisite line (meta.yaml's «… № 534-IV.
  Утратил силу Кодексом Республики Казахстан от 29 октября 2015 года № 375-V»).
* `status(facts, day)` -> whether an act was in force on a day, from its dates and repeals.

`kgraph.rdf.inforce` writes the triples (ELI's `eli:first_date_entry_in_force`,
`eli:date_no_longer_in_force`, `eli:repeals` / `eli:repealed_by`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import ClassVar

from kgraph.acts import ActRef, find_act_refs
from kgraph.amendments import AMENDING_KIND, NUMBER_MARK, AmendingAct
from kgraph.dates import find_dates
from kgraph.lang import act_number, fold
from kgraph.lang import force as words
from kgraph.records import Span
from kgraph.text import collapse


@dataclass(frozen=True)
class EntryIntoForce:
    golden_kind: ClassVar[str] = "entry_into_force"

    date: dt.date | None  # a stated date
    on_signing: bool  # the day the act is signed (its own date)
    days_after_publication: int | None  # so many calendar days after its first official publication
    text: str  # the clause as written
    span: Span


@dataclass(frozen=True)
class EndOfForce:
    golden_kind: ClassVar[str] = "end_of_force"

    act: AmendingAct | None  # the act that ended it
    date: dt.date | None  # the day it took effect, when the note says
    on_signing: bool  # «(вводится в действие со дня его подписания)»: the ending act's own date
    text: str
    span: Span


@dataclass(frozen=True)
class RepealOf:
    golden_kind: ClassVar[str] = "repeal"

    ref: ActRef  # the act this text declares no longer in force
    span: Span


def read(text: str) -> list[EntryIntoForce | EndOfForce | RepealOf]:
    """Everything `text` says about when its act, or acts it repeals, are in force."""
    folded = fold(text)
    out: list = []
    entry = entry_into_force(text, folded)
    if entry is not None:
        out.append(entry)
    out += [e for m in words.LOST_FORCE.finditer(folded) if (e := _end(m, text)) is not None][:1]
    out += repeals(text, folded)
    return out


def entry_into_force(text: str, folded: str | None = None) -> EntryIntoForce | None:
    """The act's own entry-into-force clause (the first one: later ones are exceptions)."""
    folded = fold(text) if folded is None else folded
    found = []
    for m in words.ENTRY_RU.finditer(folded):
        when = words.EXCEPT_RU.split(m["when"])[0]  # the exceptions follow the main part
        found.append((m.start(), m.end(), when, text[m.start() : m.start("when") + len(when)]))
    for verb in words.ENTRY_KK_VERB.finditer(folded):
        start = max(0, verb.start() - KK_SENTENCE)
        heads = [
            h
            for h in words.ENTRY_KK_HEAD.finditer(text, start, verb.start())
            if "." not in text[h.end() : verb.start()]
        ]
        if heads:
            head = heads[-1]
            when = words.EXCEPT_KK.split(folded[head.end() : verb.start()])[-1]  # the exceptions come first
            cut = verb.start() - len(when)
            found.append((head.start(), verb.end(), when, f"{head.group(0)} {text[cut : verb.end()]}"))
    if not found:
        return None
    start, end, when, clause = min(found)
    days = None
    if d := words.AFTER_PUBLICATION.search(when):
        count = collapse(d["n"] or d["k"]).lower()
        days = int(count) if count.isdigit() else words.NUMERALS.get(count)
    dates = find_dates(when)
    on_signing = bool(words.ON_SIGNING.search(when))
    date = dates[0][0] if dates and not on_signing and days is None else None
    if not (date or on_signing or days or words.ON_PUBLICATION.search(when)):
        return None
    return EntryIntoForce(date, on_signing, days, collapse(clause), (start, end))


KK_SENTENCE = 1500  # characters looked back from a Kazakh verb for the head of its sentence


def read_requisite(text: str) -> EndOfForce | None:
    """The end of force a requisite line states («… Утратил силу Кодексом …»)."""
    m = words.LOST_FORCE.search(fold(text))
    return _end(m, text) if m else None


def _end(m: re.Match, text: str) -> EndOfForce | None:
    """The note `m` matched on the folded text; its act is read from the text itself."""
    rest = m["rest"]
    effect = words.EFFECT.search(rest)
    start = m.start("rest")
    act = _ending_act(text[start : start + (effect.start() if effect else len(rest))])
    date, on_signing = None, False
    if effect:
        when = effect["ru"] or effect["kk"] or ""
        on_signing = bool(words.ON_SIGNING.search(when))
        dates = [d for d, _ in find_dates(when)]
        date = dates[0] if dates and not on_signing else None
    if act is None and date is None:
        return None
    note = collapse(text[m.start("word") : m.end()]).strip(" >*")
    return EndOfForce(act, date, on_signing, note, m.span())


def _ending_act(words_: str) -> AmendingAct | None:
    """The act a note names: as the reference reader finds it, else by kind word, date and number."""
    refs = [r for r in find_act_refs(words_) if r.date or r.number]
    if refs:
        r = refs[0]
        return AmendingAct(r.kind, r.date, act_number(r.number) if r.number else None)
    kind = next((k for k, p in AMENDING_KIND if re.search(p, words_)), None)
    dates = [d for d, _ in find_dates(words_)]
    numbers = [act_number(n.rstrip(".")) for n in NUMBER_MARK.findall(words_)]
    if kind is None or not (dates or numbers):
        return None
    return AmendingAct(kind, dates[0] if dates else None, numbers[0] if numbers else None)


def repeals(text: str, folded: str | None = None) -> list[RepealOf]:
    """The acts `text` declares no longer in force, each once."""
    folded = fold(text) if folded is None else folded
    out: dict[tuple, RepealOf] = {}
    for m in words.REPEAL_RU.finditer(folded):
        clause = _clause_after(text, m.end())
        if words.BY_ANNEX.search(folded[m.end() : m.end() + 200]):
            continue
        _add(out, text, m.end(), clause)
    for m in words.REPEAL_KK.finditer(folded):
        start = _item_start(text, m.start())
        if words.BY_ANNEX.search(folded[start : m.start()]):
            continue
        _add(out, text, start, m.start())
    return list(out.values())


def _add(out: dict, text: str, start: int, end: int) -> None:
    for r in find_act_refs(text[start:end]):
        if r.date is None and r.number is None:
            continue
        key = (r.kind, r.date, r.number, (r.title or "").casefold())
        span = (start + r.span[0], start + r.span[1])
        out.setdefault(key, RepealOf(_shifted(r, start), span))


def _shifted(r: ActRef, offset: int) -> ActRef:
    return replace(r, span=(r.span[0] + offset, r.span[1] + offset))


# The next numbered paragraph («\n3. ») or article heading ends a repeal clause.
CLAUSE_END = re.compile(r"\n[ \t#*]*(?:\d{1,3}\.\s|Статья\s|\d+-бап|\*\*)")


def _clause_after(text: str, start: int, limit: int = 4000) -> int:
    m = CLAUSE_END.search(text, start, min(len(text), start + limit))
    return m.start() if m else min(len(text), start + limit)


# The start of a numbered paragraph or item («\n2. », «\n 2) ») or of a blank-line paragraph.
ITEM_START = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,3}[.)]|\n)\s")


def _item_start(text: str, end: int, limit: int = 3000) -> int:
    """Where the item or paragraph holding `end` starts."""
    start = max(0, end - limit)
    found = [m.start() for m in ITEM_START.finditer(text, start, end)]
    return found[-1] if found else start


# --- status ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Facts:
    """What the graph says about one act's force (ISO dates)."""

    adopted: str | None = None  # eli:date_document
    entry: str | None = None  # eli:first_date_entry_in_force
    end: str | None = None  # eli:date_no_longer_in_force
    repealed_by_dates: tuple[str, ...] = ()  # dates of the acts that repealed it (eli:repealed_by)
    repealed: bool = False  # some act repealed it


def status(f: Facts, day: str) -> str:
    """The act's force on `day`: "not-adopted" (before its date), "not-in-force" (adopted, not yet
    in force), "in-force", "repealed" (no longer in force), "repealed-unknown-date" (an act that
    ended it was adopted by then, its day of effect unknown)."""
    if f.adopted and day < f.adopted:
        return "not-adopted"
    if f.end and day >= f.end:
        return "repealed"
    if f.entry and day < f.entry:
        return "not-in-force"
    if not f.end and f.repealed:
        dates = [d for d in f.repealed_by_dates if d]
        if not dates or min(dates) <= day:
            return "repealed-unknown-date"
    return "in-force"


__all__ = [
    "EndOfForce",
    "EntryIntoForce",
    "Facts",
    "RepealOf",
    "entry_into_force",
    "read",
    "read_requisite",
    "repeals",
    "status",
]
