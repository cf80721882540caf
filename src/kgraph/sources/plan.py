"""Action plans and roadmaps: tasks, responsible parties, deadlines, funding,
directions, target indicators and the abbreviation note.

`parse(text, meta)` is pure. The table layout (tabs, pipes or none) and the
column order come from the header (`plan_table`, `plan_cells`); this module
turns rows into records:

* parties: the responsible cell is split at commas outside quotes and
  brackets; "(по согласованию)"/"(келісім бойынша)" is a flag, not text; a
  comma followed by a continuation of a list of places ("гг. Астаны и
  Алматы", "города Алматы", "и области Абай") does not start a new party;
  "акиматы X и Y" is one party whose members are the akimats of X and Y;
* deadlines: `kgraph.deadlines`, bounded by the plan period from its title;
* the abbreviation note, line by line or run on in one line (entries then
  split where an abbreviation-shaped name, or a term the table uses, ends
  the previous expansion).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import ClassVar

from kgraph.deadlines import parse_deadline, plan_period
from kgraph.lang import BY_AGREEMENT, FOOTNOTE_WORD, UNITS, fold
from kgraph.records import DocumentMeta, GlossaryEntry, Indicator, Mention, Span
from kgraph.sources.plan_cells import read_rows
from kgraph.sources.plan_table import (
    FUNDING_SOURCE,
    Heading,
    Piece,
    Row,
    Table,
    find_tables,
    party_shaped,
    split_top,
)

# --- Records ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    kind: ClassVar[str] = "task"
    number: int | str  # as printed; sub-numbered rows ("1.2") keep the string
    text: str
    completion_form: str | None
    deadline_text: str | None
    deadline_start: dt.date | None
    deadline_end: dt.date | None
    recurrence: str | None
    funding_amount: Decimal | None
    funding_source: str | None
    direction: int | None
    parties: tuple[Mention, ...]  # responsible parties, the lead first
    span: Span
    funding_text: str | None = None


@dataclass(frozen=True)
class Direction:
    kind: ClassVar[str] = "direction"
    number: int
    title: str
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
PLAN_TITLE = re.compile(r"план\w*|дорожн\w+\s+карт\w*|жол\s+картасы|жоспар\w*|іс-шаралар", re.IGNORECASE)
# A comma before these words does not start a new party: the list of places goes on.
CONTINUATION = re.compile(
    r"^(?:и|және|гг?\.|город\w*|област\w*|район\w*|облыс\w*|қала\w*|аудан\w*)(?![\w-])", re.IGNORECASE
)
# "акиматы Алматинской области и области Абай" (ru) / "… облысының және … қаласының әкімдіктері" (kk)
AKIMAT_GROUP_RU = re.compile(r"^(?P<head>[Аа]киматы)\s+(?P<tail>.+)$")
AKIMAT_GROUP_KK = re.compile(r"^(?P<tail>.+?)\s+(?P<head>әкімдіктері)$")
AKIMAT_HEAD_RU = re.compile(r"^[Аа]кимат(?:ы)?\s")
AKIMAT_TAIL_KK = re.compile(r"әкімдіктері$|әкімдігі$")
# Places named in the plural: the akimats are not enumerated.
GENERIC_PLACES = re.compile(r"^(?:областей|городов|районов|гг\.|облыстар\w*|қалалар\w*|аудандар\w*)", re.IGNORECASE)

# The abbreviation note.
GLOSSARY_HEAD = re.compile(
    r"(?:расшифровка\s+аббревиатур\w*|аббревиатуралардың\s+толық\s+жазылу\w*|"
    r"қысқартулардың\s+толық\s+жазылу\w*|перечень\s+(?:используемых\s+)?сокращений|"
    r"используемые\s+сокращения)\s*[:.]?",
    re.IGNORECASE,
)
# Separator between an abbreviation and its expansion.
GLOSSARY_SEP = re.compile(r"\t\s*(?:[–—]|-{1,2})\s*\t?|\s+[–—]\s+|\s+-{1,2}\s+")
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
LEADING_NUMBER = re.compile(r"^(?:не\s+(?:менее|более|ниже|выше)\s+|кемінде\s+)?[\d\s]*\d(?:[.,]\d+)?\s*")


# A number in a funding cell (not a year): "125,5", "1 200".
FUNDING_NUMBER = re.compile(r"(?<![\d.,])(?!(?:19|20)\d{2}\b)\d[\d\s]*(?:[.,]\d+)?(?![\d.,])")


# --- Parties ---------------------------------------------------------------------------------


def split_parties(cell: Piece, glossary: frozenset[str] = frozenset()) -> tuple[Mention, ...]:
    """The responsible cell as parties, in the order written (first = lead)."""
    raw = [i for i in split_top(cell) if i.flat]
    items: list[Piece] = []
    for _k, item in enumerate(raw):
        flat = item.flat
        if items and (
            CONTINUATION.match(flat) or BY_AGREEMENT.fullmatch(flat) or _places_go_on(items[-1].flat, flat, glossary)
        ):
            items.append(_cover(cell, items.pop(), item))
            continue
        items.append(item.strip())
    merged: list[Piece] = []
    for item in items:  # Kazakh puts the group noun last: "облыстардың, Астана … қалаларының әкімдіктері"
        while merged and not party_shaped(merged[-1].flat, glossary) and AKIMAT_TAIL_KK.search(item.flat):
            item = _cover(cell, merged.pop(), item)
        merged.append(item)
    parties = []
    for item in merged:
        flat = item.flat
        flag = bool(BY_AGREEMENT.search(flat))
        text = re.sub(r"\s+", " ", BY_AGREEMENT.sub(" ", flat)).strip(" ,;.")
        text = re.sub(r"\s+,", ",", text)
        if not text:
            continue
        parties.append(Mention(text, item.strip().span, flag, _members(text)))
    return tuple(parties)


def _places_go_on(previous: str, current: str, glossary: frozenset[str]) -> bool:
    """ "акиматы областей, городов Астаны, Алматы и Шымкента": a place name after an akimat group."""
    return bool(AKIMAT_HEAD_RU.match(previous)) and current[:1].isupper() and not party_shaped(current, glossary)


def _cover(cell: Piece, a: Piece, b: Piece) -> Piece:
    """The part of `cell` from the start of `a` to the end of `b`."""
    start = cell.pos.index(a.strip().pos[0]) if a.strip().pos else 0
    end = cell.pos.index(b.strip().pos[-1]) + 1 if b.strip().pos else len(cell.text)
    return cell[start:end]


def _members(text: str) -> tuple[str, ...] | None:
    """The akimats an akimat group names one by one, or None."""
    m = AKIMAT_GROUP_RU.match(text)
    if m:
        places = [p.strip() for p in re.split(r",\s*(?:и\s+)?|\s+и\s+", m["tail"]) if p.strip()]
        if len(places) >= 2 and not any(GENERIC_PLACES.match(p) for p in places):
            return tuple(f"акимат {p}" for p in places)
        return None
    m = AKIMAT_GROUP_KK.match(text)
    if m:
        places = [p.strip() for p in re.split(r",\s*|\s+және\s+", m["tail"]) if p.strip()]
        if len(places) >= 2 and not any(GENERIC_PLACES.match(p) for p in places):
            return tuple(f"{p} әкімдігі" for p in places)
    return None


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
    for line in _lines(region):
        if not line:
            blank = True
            continue
        m = GLOSSARY_SEP.search(line.text)
        left = line[: m.start()].strip() if m else None
        if m and left and len(left.text) <= 80 and len(left.text.split()) <= 8:
            entries.append((left, [line[m.end() :]]))
        elif entries and not blank:
            entries[-1][1].append(line)
        elif entries:
            break
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
    name = flat[: m.start()].strip() if m else flat
    values: dict[str, str] = {}
    baseline = baseline_year = None
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
        if re.match(FOOTNOTE_WORD, flat):
            continue
        if PLAN_TITLE.search(flat) and not re.match(rf"^(?:{_ANNEX.title('ru')}|{_ANNEX.title('kk')}|Утвержден)", flat):
            return flat, (start, end)
    return None, (0, 0)


# --- parse --------------------------------------------------------------------------------------


def parse(text: str, meta: DocumentMeta) -> list:
    tables = find_tables(text)
    if not tables:
        return []
    glossary = parse_glossary(text, tables[-1].body[1])
    known = frozenset(fold(e.abbr) for e in glossary)
    title, title_span = plan_title(text, tables[0])
    start, end = plan_period(title, meta.date)
    records: list = [PlanInfo(title, start, end, title_span)]
    direction: int | None = None
    seen_directions = 0
    for table in tables:
        for item in read_rows(text, table, known):
            if isinstance(item, Heading):
                if item.kind == "direction":
                    seen_directions += 1
                    direction = item.number or seen_directions
                    records.append(Direction(direction, item.title.flat, item.span))
                elif item.kind == "indicator" and item.title:
                    n = item.number or 1 + sum(isinstance(r, Indicator) for r in records)
                    records.append(parse_indicator(n, item.title, direction))
                continue
            records.append(_task(item, direction, start, end, meta.date, known))
    records.extend(glossary)
    return records


def _task(row: Row, direction, plan_start, plan_end, approved, glossary: frozenset[str]) -> Task:
    deadline_cell = row.cell("deadline").flat
    d = parse_deadline(deadline_cell, plan_start, plan_end, approved) if deadline_cell else None
    amount_text = row.cell("amount").flat or None
    source = row.cell("source").flat or None
    funding = row.cell("funding").flat or None
    if funding:  # one cell for amount and source: "125,5 РБ", "РБ – 125,5", "не требуется"
        m = FUNDING_NUMBER.search(funding)
        amount_text = m.group(0) if m else None
        rest = (funding[: m.start()] + " " + funding[m.end() :]) if m else funding
        source = re.sub(r"[\s()–—\-,;:]+", " ", rest).strip() or None
    amount = number_value(amount_text) if amount_text and not FUNDING_SOURCE.match(amount_text) else None
    funding_text = " ".join(t for t in (amount_text, source) if t) or None
    return Task(
        number=row.number,
        text=row.cell("text").flat,
        completion_form=row.cell("form").flat or None,
        deadline_text=deadline_cell or None,
        deadline_start=d.start if d else None,
        deadline_end=d.end if d else None,
        recurrence=d.recurrence if d else None,
        funding_amount=amount,
        funding_source=source,
        direction=direction,
        parties=split_parties(Piece.join([row.cell("parties"), row.cell("parties2")], sep=", "), glossary),
        span=row.span,
        funding_text=funding_text,
    )
