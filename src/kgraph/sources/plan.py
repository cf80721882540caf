"""Action plans and roadmaps: sections, tasks, responsible parties, deadlines,
funding, target indicators and the abbreviation note.

`parse(text, meta)` is pure. The table layout (tabs, pipes or none) and the
column order come from the header (`plan_table`, `plan_cells`); this module
turns rows into records:

* sections: the heading rows that group tasks ("Направление 1.", "II. …",
  "1-бөлім", or unnumbered: numbered by position); a task's key is (section,
  number), so numbering that restarts in each section gives distinct tasks;
* parties: `plan_parties` (every responsible body its own party);
* deadlines: `kgraph.deadlines`, bounded by the plan period from its title;
  several deadline columns (one per stage) are read as one list of periods;
  a ditto mark («-"-») repeats the row above (parties and deadline interval);
* acts a task's text or completion form cites (`kgraph.acts.find_act_refs`),
  and the kind of draft act it produces ("проект постановления …");
* the abbreviation note, line by line or run on in one line (entries then
  split where an abbreviation-shaped name, or a term the table uses, ends
  the previous expansion).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from itertools import pairwise
from typing import ClassVar

from kgraph.acts import ActRef, find_act_refs
from kgraph.deadlines import Deadline, parse_deadline, plan_period
from kgraph.lang import DRAFT_WORD_KK, DRAFT_WORD_RU, FOOTNOTE_WORD, UNITS, fold
from kgraph.records import DocumentMeta, GlossaryEntry, Indicator, Mention, Span
from kgraph.sources.plan_cells import read_rows
from kgraph.sources.plan_flat import Excluded
from kgraph.sources.plan_parties import split_parties
from kgraph.sources.plan_table import (
    Heading,
    Piece,
    Row,
    Table,
    find_tables,
    section_ordinal,
    split_top,
)

# --- Records ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Stage:
    """A stage of a task printed under its number with a deadline of its own («1 этап … | до 1.08.98г.»)."""

    text: str
    deadline_text: str | None
    deadline_start: dt.date | None
    deadline_end: dt.date | None


@dataclass(frozen=True)
class Task:
    kind: ClassVar[str] = "task"
    number: int | str | None  # as printed; sub-numbered rows ("1.2") keep the string; None: printed without
    text: str
    completion_form: str | None
    deadline_text: str | None
    deadline_start: dt.date | None
    deadline_end: dt.date | None
    recurrence: str | None
    funding_amount: Decimal | None
    funding_source: str | None
    section: str | None  # the number of its section as printed ("II"), or its position
    parties: tuple[Mention, ...]  # responsible parties, the lead first
    span: Span
    funding_text: str | None = None
    responsible_person: str | None = None  # an official named in a column of its own (not a party)
    cites: tuple[ActRef, ...] = ()  # acts named in the text or the completion form
    produces: ActRef | None = None  # the draft act the task makes, when the text names it
    subheading: str | None = None  # the unnumbered heading it stands under, inside its section
    stages: tuple[Stage, ...] = ()


@dataclass(frozen=True)
class Section:
    """A heading row that groups tasks ("Направление 1. …", "II. ПРОФИЛАКТИЧЕСКИЕ …")."""

    kind: ClassVar[str] = "section"
    number: str  # as printed ("1", "II", "2.1"); for an unnumbered heading see `parse`
    title: str
    span: Span
    parent: str | None = None  # the number of the section it is part of ("2" for "2.1")
    excluded: bool = False  # printed with an exclusion note only («(исключен - N 92 …)»)


@dataclass(frozen=True)
class ExcludedRow:
    """A row printed only as excluded («2.3.5. (исключена - N 92 от 27.01.2003 г.)»): no task."""

    kind: ClassVar[str] = "excluded"
    section: str | None
    number: str
    text: str
    span: Span


@dataclass(frozen=True)
class PlanInfo:
    """The plan itself: its title and period (no golden kind)."""

    title: str | None
    period_start: dt.date | None
    period_end: dt.date | None
    span: Span


# --- Named patterns ------------------------------------------------------------------------

# Words that start the title of a plan.
PLAN_TITLE = re.compile(
    r"план\w*|дорожн\w+\s+карт\w*|жол\s+картасы|жоспар\w*|іс-шаралар|программ\w*|бағдарлама\w*", re.IGNORECASE
)
# A plan named for its measures: a heading opening with «Меры» / «Мероприятия», kk closing with «шаралар».
MEASURES_TITLE = re.compile(r"^(?:Меры|Мероприятия)\b|\bшаралар\w{0,3}$")
# The full stop that ends a cell's sentence (not the dot of an abbreviation: «1997 ж.», «гг.», «т.д.»).
FINAL_STOP = re.compile(r"(?:(?<=[^\W\d_]{3})|(?<=[)»\"”]))\s*\.\s*$|\s*;\s*$")

# A note on the plan's amendments above the table («В План мероприятий внесены изменения -
# постановлением …», «Новая редакция - …»; kk «… өзгерістер енгізілді»): not its title.
CHANGE_NOTE = re.compile(
    r"внесен[аоы]?\s+(?:изменени|дополнени)|нов(?:ая|ой)\s+редакци|өзгеріс\w*\s+енгізіл|жаңа\s+редакция",
    re.IGNORECASE,
)

# The abbreviation note.
GLOSSARY_HEAD = re.compile(
    r"(?:расшифровка\s+(?:буквенных\s+)?аббревиатур\w*|аббревиатуралардың\s+толық\s+жазылу\w*|"
    r"қысқартулардың\s+толық\s+жазылу\w*|перечень\s+(?:используемых\s+)?сокращений|"
    r"используемые\s+сокращения)\s*[:.]?",
    re.IGNORECASE,
)
# Separator between an abbreviation and its expansion.
# A table row "МНЭ\t|\t–\t|\tМинистерство …" (or without the dash cell) separates at its cells.
GLOSSARY_SEP = re.compile(r"\t\|\t(?:\s*(?:[–—]|-{1,2})\s*\t\|\t)?|\t\s*(?:[–—]|-{1,2})\s*\t?|\s+[–—]\s+|\s+-{1,2}\s+")
# The end of the note: a page footer or a new section.
_ANNEX = UNITS["annex"]
GLOSSARY_STOP = re.compile(rf"^\s*(?:©|{_ANNEX.title('ru')}|{_ANNEX.title('kk')}|Утвержден)", re.MULTILINE)
# An abbreviation-shaped name at the end of a run-on segment: «ИТП» АЭА, «ТДҰА» АҚ, ИЖТМ.
# The word body is possessive (++): a run of capitals is one word, never re-split, else
# a long all-caps name backtracks exponentially (a 70-letter one took 19 s).
ABBR_TAIL = re.compile(r"(?:[«\"][^«»\"]+[»\"]\s*)?(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9&\-]++\s*)+$")

# Target indicator: "name (2025 год – 2,3 млрд тенге) (2026 год – 2,35 млрд тенге, 2027 год – …)".
YEAR_VALUE = re.compile(
    r"(?P<year>(?:19|20)\d{2})\s*(?:[^\s\d–—\-(),]+\.?)?\s*[–—\-]\s*"
    r"(?P<value>.+?)\s*(?=,\s*(?:19|20)\d{2}\s*(?:[^\s\d–—\-(),]+\.?)?\s*[–—\-]|\)|$)"
)
VALUES_START = re.compile(r"\(\s*(?:19|20)\d{2}\s*(?:[^\s\d–—\-(),]+\.?)?\s*[–—\-]")
# Values listed after a colon: "name: 2022 г. – 17,5 %; 2023 г. – 21,0 %".
VALUES_LISTED = re.compile(r":\s*(?=(?:19|20)\d{2}\s*(?:г\.|год\w*|жыл\w*)?\s*[–—\-])")
YEAR_VALUE_LISTED = re.compile(
    r"(?P<year>(?:19|20)\d{2})\s*(?:г\.|год\w*|жыл\w*)?\s*[–—\-]\s*(?P<value>.+?)\s*"
    r"(?=[;,]\s*(?:19|20)\d{2}\s*(?:г\.|год\w*|жыл\w*)?\s*[–—\-]|\.?\s*$)"
)
# Several indicators in one row: "Целевой индикатор 1. … Целевой индикатор 2. …".
NEXT_INDICATOR = re.compile(r"(?:Целев\w+\s+индикатор\w*|Нысаналы\s+индикатор\w*)\s*(?P<n>\d+)\s*[.:]?\s*")
LEADING_NUMBER = re.compile(r"^(?:не\s+(?:менее|более|ниже|выше)\s+|кемінде\s+)?[\d\s]*\d(?:[.,]\d+)?\s*")


# A funding amount as printed: "125,5", "1 200 млн тенге", "не менее 50".
AMOUNT = re.compile(
    r"^\s*(?:не\s+(?:менее|более)\s+)?\d[\d\s]*(?:[.,]\d+)?\s*(?:(?:тыс|млн|млрд)\.?\s*(?:тенге|теңге)?)?\.?\s*$",
    re.IGNORECASE,
)
# A number in a funding cell (not a year): "125,5", "1 200".
FUNDING_NUMBER = re.compile(r"(?<![\d.,])(?!(?:19|20)\d{2}\b)\d[\d\s]*(?:[.,]\d+)?(?![\d.,])")


# --- Glossary --------------------------------------------------------------------------------


def parse_glossary(text: str, start: int = 0) -> list[GlossaryEntry]:
    """The document's abbreviation note (first one after `start`)."""
    head = GLOSSARY_HEAD.search(text, start) or GLOSSARY_HEAD.search(text)
    if not head:
        return []
    stop = GLOSSARY_STOP.search(text, head.end())
    region = Piece.of(text, head.end(), stop.start() if stop else len(text))
    lines = [ln for ln in _lines(region) if ln]
    if lines and len(GLOSSARY_SEP.findall(lines[0].text)) >= 2:
        elsewhere = text[: head.start()]
        return [e for line in lines for e in _run_on(line, elsewhere)]
    return _line_entries(region)


def _lines(p: Piece) -> list[Piece]:
    out, start = [], 0
    for m in re.finditer(r"\n", p.text):
        out.append(p[start : m.start()])
        start = m.end()
    out.append(p[start:])
    return out


def _entry(abbr: Piece, expansion: Piece) -> GlossaryEntry | None:
    a = abbr.flat.strip(" ;,")
    e = expansion.flat.strip(" ;,")
    e = e[:-1] if e.endswith(".") and not e.endswith("..") else e
    if not a or not e:
        return None
    return GlossaryEntry(a, e, (abbr.strip().span[0], expansion.strip().span[1]))


def _line_entries(region: Piece) -> list[GlossaryEntry]:
    entries: list[tuple[Piece, list[Piece]]] = []
    blank = False
    lines = _lines(region)
    # a text that prints a blank line after every line (the mirrors' Markdown): blank lines part nothing
    spaced = sum(1 for a, b in pairwise(lines) if a and not b) >= 0.8 * max(1, sum(1 for ln in lines if ln))
    for line in lines:
        if not line:
            blank = not spaced
            continue
        m = GLOSSARY_SEP.search(line.text)
        left = line[: m.start()].strip() if m else None
        if m and left and len(left.text) <= 80 and len(left.text.split()) <= 8:
            entries.append((left, [line[m.end() :]]))
        elif entries and not blank and re.search(r"[^\W\d_]", line.text):
            entries[-1][1].append(line)
        elif entries:
            break  # a blank line, or a line with no letters (a signature's rule «_»)
        blank = False
    out = [_entry(a, Piece.join(parts)) for a, parts in entries]
    return [e for e in out if e]


def _run_on(line: Piece, elsewhere: str) -> list[GlossaryEntry]:
    """Entries of a note printed as one line: "АҚ – акционерлік қоғам ЖШС – …"."""
    if ";" in line.text:
        parts = split_top(line, ";")
        if all(len(GLOSSARY_SEP.findall(p.text)) == 1 for p in parts if p):
            out = []
            for p in parts:
                if p:
                    m = GLOSSARY_SEP.search(p.text)
                    out.append(_entry(p[: m.start()], p[m.end() :]))
            return [e for e in out if e]
    cuts = list(GLOSSARY_SEP.finditer(line.text))
    segments = []
    prev = 0
    for m in cuts:
        segments.append(line[prev : m.start()].strip())
        prev = m.end()
    segments.append(line[prev:].strip())
    abbrs = [segments[0]]
    expansions = []
    folded = elsewhere.casefold()
    for seg in segments[1:-1]:
        cut = _abbr_cut(seg.text, folded)
        expansions.append(seg[:cut].strip())
        abbrs.append(seg[cut:].strip())
    expansions.append(segments[-1])
    out = [_entry(a, e) for a, e in zip(abbrs, expansions)]
    return [e for e in out if e]


def _abbr_cut(segment: str, elsewhere: str) -> int:
    """Where the next abbreviation starts in "expansion ABBR"."""
    m = ABBR_TAIL.search(segment)
    if m and m.start() > 0:
        return m.start()
    words = list(re.finditer(r"\S+", segment))
    for k in range(max(1, len(words) - 4), len(words)):  # longest suffix first
        suffix = segment[words[k].start() :].casefold()
        if re.search(r"(?<!\w)" + re.escape(suffix) + r"(?!\w)", elsewhere):
            return words[k].start()
    return words[-1].start() if len(words) > 1 else len(segment)


# --- Indicators ------------------------------------------------------------------------------


def parse_indicator(number: int, content: Piece, direction: int | None) -> Indicator:
    flat = content.flat
    m = VALUES_START.search(flat)
    listed = None if m else VALUES_LISTED.search(flat)
    name = flat[: (m or listed).start()].strip(" :") if (m or listed) else flat
    values: dict[str, str] = {}
    baseline = baseline_year = None
    if listed:  # "…, % от ВВП: 2022 г. – 17,5 %; 2023 г. – 21,0 %"
        for v in YEAR_VALUE_LISTED.finditer(flat, listed.end()):
            values.setdefault(v["year"], v["value"].strip())
    groups = re.findall(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)", flat[m.start() :]) if m else []
    for gi, group in enumerate(groups):
        found = list(YEAR_VALUE.finditer(group))
        for v in found:
            values.setdefault(v["year"], v["value"].strip())
        if gi == 0 and len(found) == 1 and len(groups) > 1:
            baseline, baseline_year = found[0]["value"].strip(), int(found[0]["year"])
    units = [LEADING_NUMBER.sub("", v).strip() for v in values.values()]
    units = [u for u in units if u]
    unit = max(set(units), key=units.count) if units else None
    return Indicator(number, name, unit, values, content.span, baseline, baseline_year, direction=direction)


def _indicators(number: int | str, title: Piece) -> list[tuple[int | str, Piece]]:
    """One heading row may hold several indicators, each with its number."""
    cuts = list(NEXT_INDICATOR.finditer(title.text))
    out, start, n = [], 0, number
    for m in cuts:
        if m.start() > start:
            out.append((n, title[start : m.start()].strip()))
        start, n = m.end(), m["n"]
    out.append((n, title[start:].strip()))
    return [(int(k) if isinstance(k, str) and k.isdigit() else k, p) for k, p in out if p]


def number_value(text: str) -> Decimal | None:
    """The number in a printed value ("2,35 млрд тенге" -> 2.35), if any."""
    m = re.match(r"^\s*(?:не\s+(?:менее|более)\s+)?(\d[\d\s]*(?:[.,]\d+)?)", text or "")
    if not m:
        return None
    try:
        return Decimal(re.sub(r"\s", "", m[1]).replace(",", "."))
    except InvalidOperation:
        return None


# --- Plan title and period -----------------------------------------------------------------------


def plan_title(text: str, table: Table) -> tuple[str | None, Span]:
    """The title printed above the table: the nearest paragraph naming a plan or roadmap."""
    before = text[max(0, table.header[0] - 3000) : table.header[0]]
    offset = max(0, table.header[0] - 3000)
    paras = [(m.start() + offset, m.end() + offset, m.group(0)) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", before)]
    for start, end, para in reversed(paras):
        flat = re.sub(r"\s+", " ", para).strip()
        if re.match(FOOTNOTE_WORD, flat) or CHANGE_NOTE.search(flat):
            continue
        if (PLAN_TITLE.search(flat) or MEASURES_TITLE.search(flat)) and not re.match(
            rf"^(?:{_ANNEX.title('ru')}|{_ANNEX.title('kk')}|Утвержден)", flat
        ):
            return flat, (start, end)
    return None, (0, 0)


# --- parse --------------------------------------------------------------------------------------


def parse(text: str, meta: DocumentMeta) -> list:
    """Sections: a numbered heading is part of the nearest heading before it whose number
    is a prefix of its own ("2" for "2.1"); an unnumbered heading under a numbered one
    is numbered "<that number>:<k>" (its k-th) and its tasks stay in the numbered section
    (their numbers carry its prefix), unless their numbering restarts under it; an
    unnumbered heading with no numbered one before it is numbered by its position."""
    tables = find_tables(text)
    if not tables:
        return []
    glossary = parse_glossary(text, tables[-1].body[1])
    known = frozenset(fold(e.abbr) for e in glossary)
    title, title_span = plan_title(text, tables[0])
    start, end = plan_period(title, meta.date)
    records: list = [PlanInfo(title, start, end, title_span)]
    state = _Sections()
    previous: Task | None = None
    for table in tables:
        for item in read_rows(text, table, known):
            if isinstance(item, Excluded):
                records.append(
                    ExcludedRow(state.task_section(item.number), item.number, item.text.flat, item.text.span)
                )
                continue
            if isinstance(item, Heading):
                if item.kind == "section":
                    records.append(state.heading(item, sum(isinstance(r, Section) for r in records)))
                elif item.kind == "indicator" and item.title:
                    n = item.number or 1 + sum(isinstance(r, Indicator) for r in records)
                    ordinal = section_ordinal(state.current.number) if state.current else None
                    for number, content in _indicators(n, item.title):
                        records.append(parse_indicator(number, content, ordinal))
                continue
            task = _task(item, state.task_section(item.number), (start, end, meta.date), known, previous)
            if state.sub is not None:
                task = replace(task, subheading=state.sub.number)
            records.append(task)
            previous = task
    records.extend(glossary)
    return records


class _Sections:
    """The headings read so far: the numbered ones enclosing the current row, the
    unnumbered one under them, and the task numbers each section has used."""

    def __init__(self) -> None:
        self.stack: list[Section] = []  # numbered headings, outermost first
        self.current: Section | None = None  # the section tasks go to
        self.sub: Section | None = None  # an unnumbered heading under a numbered one
        self.subs: dict[str, int] = {}
        self.used: dict[str | None, set[str]] = {}
        self.group: Section | None = None  # an unnumbered heading grouping the unnumbered ones after it
        self.bare = False  # the current section has no task yet

    def heading(self, item: Heading, count: int) -> Section:
        title = _unstopped(item.title.flat).removesuffix(":").rstrip()  # «… мероприятия:» introduces the rows
        if item.number:
            while self.stack and not item.number.startswith(self.stack[-1].number + "."):
                self.stack.pop()
            parent = self.stack[-1].number if self.stack else None
            section = Section(item.number, title, item.span, parent, item.excluded)
            self.stack.append(section)
            self.current, self.sub = section, None
            return section
        if self.stack:
            top = self.stack[-1]
            self.subs[top.number] = self.subs.get(top.number, 0) + 1
            self.sub = Section(f"{top.number}:{self.subs[top.number]}", title, item.span, top.number, item.excluded)
            return self.sub
        if self.group is None and self.bare and self.current is not None and self.current.parent is None:
            self.group = self.current  # a heading right under another: the one above groups what follows
        parent = self.group.number if self.group else None
        self.current = Section(str(count + 1), title, item.span, parent, excluded=item.excluded)
        self.bare = True
        return self.current

    def task_section(self, number) -> str | None:
        """The task's section; the unnumbered heading's when the number is used already."""
        self.bare = False
        section = self.current.number if self.current else None
        if str(number) in self.used.setdefault(section, set()) and self.sub is not None:
            section = self.sub.number
        self.used.setdefault(section, set()).add(str(number))
        return section


# A cell that repeats the one above: «-"-», «-«-», «--"--», «—"—», «"».
DITTO = re.compile(r'^\s*[-–—]*\s*(?:["«»“”]+|//)\s*[-–—]*\s*$')
# The act a task drafts: "проект(а) постановления …" (ru), "… қаулысының жобасы" (kk).
DRAFT_BEFORE = re.compile(rf"{DRAFT_WORD_RU}\s+$", re.IGNORECASE)
DRAFT_AFTER = re.compile(rf"^\S*\s*{DRAFT_WORD_KK}", re.IGNORECASE)


def _unstopped(text: str) -> str:
    """A cell without the full stop (or semicolon) that ends its sentence."""
    return FINAL_STOP.sub("", text)


def _refs(row: Row) -> list[tuple[ActRef, bool]]:
    """Acts named in the task's text and completion form: (reference, is it the draft the task makes)."""
    out = []
    for piece in (row.cell("text"), row.cell("form")):
        flat = piece.flat
        for r in find_act_refs(flat):
            draft = bool(DRAFT_BEFORE.search(flat[: r.span[0]]) or DRAFT_AFTER.match(flat[r.span[1] :]))
            out.append((replace(r, span=_piece_span(piece, flat, r.span)), draft))
    return out


def _piece_span(piece: Piece, flat: str, span: Span) -> Span:
    """A span of `piece.flat` as a span of the document (whitespace runs count once in `flat`)."""
    text, k = piece.text.strip(), 0
    offsets = []
    for i, ch in enumerate(text):
        if ch.isspace() and i and text[i - 1].isspace():
            continue
        offsets.append(i)
        k += 1
    lead = len(piece.text) - len(piece.text.lstrip())
    start = piece.pos[lead + offsets[min(span[0], len(offsets) - 1)]] if offsets else 0
    end = piece.pos[lead + offsets[min(span[1], len(offsets)) - 1]] + 1 if offsets else 0
    return (start, end)


def _task(row: Row, section: str | None, period, glossary: frozenset[str], previous: Task | None) -> Task:
    plan_start, plan_end, approved = period
    stages = [row.cell(k).flat for k in sorted(row.cells) if k == "deadline" or k.startswith("deadline.")]
    deadline_cell = " / ".join(_unstopped(t) for t in stages if t)
    if stages and all(DITTO.match(t) for t in stages if t) and any(stages) and previous is not None:
        d = Deadline(deadline_cell, previous.deadline_start, previous.deadline_end, previous.recurrence)
    else:
        d = parse_deadline(deadline_cell, plan_start, plan_end, approved, lenient=True) if deadline_cell else None
    amount_text = row.cell("amount").flat or None
    source = row.cell("source").flat or None
    funding = row.cell("funding").flat or None
    if funding:  # one cell for amount and source: "125,5 РБ", "РБ – 125,5", "не требуется"
        m = FUNDING_NUMBER.search(funding)
        amount_text = m.group(0) if m else None
        rest = (funding[: m.start()] + " " + funding[m.end() :]) if m else funding
        source = re.sub(r"[\s()–—\-,;:]+", " ", rest).strip() or None
    # an amount is a number printed on its own (with its unit), not a budget programme's code in a sentence
    amount = number_value(amount_text) if amount_text and AMOUNT.match(amount_text) else None
    funding_text = " ".join(t for t in (amount_text, source) if t) or None
    # the lines of a cell stay apart: a line break may separate two bodies
    party_cell = Piece.join([row.cell("parties", "\n"), row.cell("parties2", "\n")], sep=", ")
    if DITTO.match(party_cell.text or "-") and previous is not None:
        parties = tuple(Mention(p.text, party_cell.span, p.by_agreement, p.head) for p in previous.parties)
    else:
        parties = split_parties(party_cell, glossary)
    text = _unstopped(row.cell("text").flat).removesuffix(":").rstrip()
    form = _unstopped(row.cell("form").flat) or None
    refs = _refs(row)
    stages = []
    for stage in row.stages:
        printed = _unstopped(stage.cell("deadline").flat) or None
        sd = parse_deadline(printed, plan_start, plan_end, approved, lenient=True) if printed else None
        stages.append(Stage(stage.cell("text").flat, printed, sd.start if sd else None, sd.end if sd else None))
    return Task(
        number=row.number,
        text=text,
        completion_form=form,
        deadline_text=deadline_cell or None,
        deadline_start=d.start if d else None,
        deadline_end=d.end if d else None,
        recurrence=d.recurrence if d else None,
        funding_amount=amount,
        funding_source=source,
        section=section,
        parties=parties,
        span=row.span,
        funding_text=funding_text,
        responsible_person=row.cell("person").flat or None,
        cites=tuple(r for r, draft in refs if not draft),
        produces=next((r for r, draft in refs if draft), None),
        stages=tuple(stages),
    )
