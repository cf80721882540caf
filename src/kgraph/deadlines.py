"""Deadlines of plan tasks as intervals, read from the printed text (ru and kk).

`parse_deadline(text, plan_start, plan_end, approved)` reads a deadline cell
("Декабрь 2013 года", "I – II кварталы 2021 года", "2016 жылғы І-тоқсан",
"Ежегодно с декабря 2014 года", "2014 - 2018 жылдар", "ежегодно, до 1 марта")
into a `Deadline(text, start, end, recurrence)`; the printed text is kept.

Rules (CONTRIBUTING.md, "Deadline intervals"):
* a month and year is that whole month; a quarter its three months, a range of
  quarters ("I – II кварталы") from the first to the last; a half-year its six
  months; a day that day; a year the whole year; "2014 - 2018" is
  2014-01-01..2018-12-31;
* a list of periods ("II квартал 2020 года II – IV кварталы 2021 года",
  "IV квартал 2021 года, 2022 год", "2022 жылғы ІІ тоқсан – 2023 жылғы IV
  тоқсан") runs from the start of the first to the end of the last;
* "до 2030 года" / "2030 жылға дейін" runs from the approving act's date;
* a recurring deadline ("Ежегодно, март", "декабрь 2027 – 2035 годы",
  "2026–2035 годы, декабрь", "жыл сайын") spans from the start of its first
  occurrence to the end of its last one, bounded by the plan period, with
  `recurrence` set; without a start year it starts at its first occurrence
  ending on or after the approving act's date (or the plan start if later);
* a date in figures ("До 01.07.98", "01.07.98-ге дейін") is that day;
  "Немедленно" / "дереу" the approving act's date; "В течении года" /
  "жыл бойы" the act's year; "Постоянно с 01.07.98" starts that day, no end;
  "с 1997/98 учебного года" starts on 1 September; "1 раз в два года" is
  `biennial`;
* a cell naming no period ("по мере необходимости", "постоянно",
  "қажеттілігіне қарай") has no interval; its text is kept.

A cell is read word by word: years (a Kazakh year word "жылғы" makes the year
an attribute of the periods printed after it; otherwise a year closes the
periods printed before it), quarters, half-years, months and days, recurrence
words and "from"/"by" markers (`kgraph.lang.periods`). In strict mode (the
default, and `is_deadline`) any other word means the text is not a deadline;
`lenient=True` (a cell of a deadline column) tolerates words of comment but not
stray numbers.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from kgraph.lang import DASHES, fold, month_number
from kgraph.lang.periods import (
    AS_NEEDED,
    BY_WORDS,
    CONDITIONAL,
    DAY_AFTER_PERIOD,
    DAY_OF_MONTH,
    FILLER,
    FROM_WORDS,
    HALF_TWO_WORDS,
    HALF_WORD,
    IMMEDIATE,
    MONTH_GENITIVE,
    NUMERIC_DATE,
    ONWARD,
    ORDINAL_SUFFIX,
    ORDINALS,
    PERMANENT,
    QUARTER_WORD,
    RANGE_WORDS,
    RECURRENCE_WORDS,
    ROMAN,
    SCHOOL_YEAR,
    THIS_YEAR,
    YEAR_FORWARD,
)

# --- Named patterns -------------------------------------------------------------

# Dashes of every kind become "-" before reading.
DASH_RUN = re.compile(rf"[{DASHES}]+|-{{1,2}}")
# "2016 жылғыІ-тоқсан": "жылғы" glued to what follows it.
GLUED_YEAR_WORD = re.compile(r"(?<=жылғы)(?=\S)")
# A calendar year.
YEAR = r"(?:19|20)\d{2}"
IS_YEAR = re.compile(rf"^{YEAR}$")
# The words of a cell: numbers, letter words and dashes.
WORD = re.compile(r"\d+|[а-яёәғқңөұүһіa-z]+|-")


@dataclass(frozen=True)
class Deadline:
    text: str
    start: dt.date | None
    end: dt.date | None
    recurrence: str | None  # annual | semiannual | quarterly | monthly | biennial | None


# --- reading a cell -----------------------------------------------------------------


@dataclass(frozen=True)
class _Span:
    """The part of a year a deadline names: (month, day) to (month, day); day None = whole month."""

    m1: int
    d1: int | None
    m2: int
    d2: int | None

    def within(self, year: int) -> tuple[dt.date, dt.date]:
        start = dt.date(year, self.m1, self.d1 or 1)
        end = dt.date(year, self.m2, self.d2) if self.d2 else _month_end(year, self.m2)
        return start, end


@dataclass
class _Period:
    years: tuple[int, int] | None  # first and last year; None when no year is printed
    spans: list[_Span]
    forward: bool = False  # a Kazakh attributive year: the spans after it are its own


@dataclass
class _Reading:
    periods: list[_Period] = field(default_factory=list)
    recurrence: str | None = None
    since: bool = False
    by: bool = False
    leftover: list[str] = field(default_factory=list)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _in_words(m: re.Match) -> str:
    """A date printed in figures ("01.07.98") in words ("1 июля 1998"); not a date: as printed."""
    day, month, year = int(m["d"]), int(m["m"]), int(m["y"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return m.group(0)
    if year < 100:
        year += 1900 if year >= 50 else 2000
    return f" {day} {MONTH_GENITIVE[month - 1]} {year} "


def _prepare(text: str) -> tuple[list[str], str | None]:
    """Words of a cell, and the recurrence its words name (those words removed)."""
    t = GLUED_YEAR_WORD.sub(" ", NUMERIC_DATE.sub(_in_words, fold(text)))
    t = DAY_AFTER_PERIOD.sub(" ", t)
    t = DASH_RUN.sub(" - ", t)
    t = AS_NEEDED.sub(" ", t)
    recurrence = None
    for pattern, kind in RECURRENCE_WORDS:  # before «жарты жыл» is read as a half-year
        if pattern.search(t):
            recurrence = recurrence or kind
            t = pattern.sub(" ", t)
    t = HALF_TWO_WORDS.sub("жартыжылдық", t)
    return WORD.findall(t), recurrence


def _numeral(words: list[str], i: int) -> tuple[int | None, int]:
    """A Roman/Arabic numeral or an ordinal word at i (with "-й", "-ші" glued on): (value, next index)."""
    w = words[i]
    value = ROMAN.get(w) if not w.isdigit() or len(w) == 1 else None
    if value is None:
        value = next((n for stem, n in ORDINALS.items() if w.startswith(stem)), None)
    if value is None:
        return None, i
    j = i + 1
    if j + 1 < len(words) and words[j] == "-" and ORDINAL_SUFFIX.match(words[j + 1]):
        j += 2
    elif j < len(words) and ORDINAL_SUFFIX.match(words[j]):
        j += 1
    return value, j


def _part_of_year(words: list[str], i: int) -> tuple[_Span | None, int]:
    """Quarters or half-years at i: "I – II кварталы", "2-й квартал", "ІІ жартыжылдық"."""
    first, j = _numeral(words, i)
    if first is None:
        return None, i
    last = first
    if j + 1 < len(words) and words[j] in RANGE_WORDS:
        second, k = _numeral(words, j + 1)
        if second is not None:
            last, j = second, k
    if j < len(words) and j < len(words) and words[j] == "-":
        j += 1
    if j < len(words) and QUARTER_WORD.match(words[j]) and 1 <= first <= last <= 4:
        return _Span(3 * first - 2, None, 3 * last, None), j + 1
    if j < len(words) and HALF_WORD.match(words[j]) and 1 <= first <= last <= 2:
        return _Span(6 * first - 5, None, 6 * last, None), j + 1
    return None, i


def _day(words: list[str], i: int) -> tuple[int | None, int]:
    """A day of a month at i ("1", "1-го"): (day, next index)."""
    w = words[i]
    if not w.isdigit() or not 1 <= int(w) <= 31:
        return None, i
    j = i + 1
    if j + 1 < len(words) and words[j] == "-" and ORDINAL_SUFFIX.match(words[j + 1]):
        j += 2
    return int(w), j


def _month(words: list[str], i: int) -> int | None:
    w = words[i] if i < len(words) else ""
    return month_number(w) if len(w) >= 3 and not w.isdigit() else None


def _span_at(words: list[str], i: int) -> tuple[_Span | None, int]:
    """A quarter, half-year, month, day or day range starting at word i."""
    span, j = _part_of_year(words, i)
    if span:
        return span, j
    day, j = _day(words, i)
    if day is not None:
        if j + 1 < len(words) and words[j] in RANGE_WORDS:  # "с 1 по 30 октября", "1 – 30 қазан"
            day2, k = _day(words, j + 1)
            month = _month(words, k) if day2 else None
            if month:
                return _Span(month, day, month, day2), k + 1
        month = _month(words, j)
        if month:
            return _Span(month, day, month, day), j + 1
        k = j + 1 if j < len(words) and words[j] == "-" else j
        if k < len(words) and DAY_OF_MONTH.match(words[k]):
            return None, k + 1  # "до 10 числа месяца", "5-күнге": a day of every month, read from the recurrence
        return None, i
    month = _month(words, i)
    if month:
        return _Span(month, None, month, None), i + 1
    return None, i


def _read(text: str, whole: bool = False) -> _Reading:
    """`whole`: only whether the whole text is a deadline matters, so reading stops at the
    first word that is not a deadline's (the reading then holds that word as leftover)."""
    words, recurrence = _prepare(text)
    r = _Reading(recurrence=recurrence)
    pending: list[_Span] = []
    open_: _Period | None = None  # the last year printed, which may take the spans after it
    i = 0
    while i < len(words):
        w = words[i]
        if IS_YEAR.match(w):
            y1 = y2 = int(w)
            j = i + 1
            if j + 1 < len(words) and words[j] in ("-", "по") and IS_YEAR.match(words[j + 1]):
                y2, j = int(words[j + 1]), j + 2
            forward = j < len(words) and words[j] in YEAR_FORWARD
            period = _Period((y1, y2), pending, forward)
            r.periods.append(period)
            open_ = period if forward or not pending else None
            pending = []
            i = j
            continue
        span, j = _span_at(words, i)
        if span is None and j > i:
            i = j
            continue
        if span:
            if open_ is not None and open_.forward:
                open_.spans.append(span)
            else:
                pending.append(span)
            i = j
            continue
        r.since = r.since or w in FROM_WORDS
        r.by = r.by or w in BY_WORDS
        if w not in FILLER and w not in FROM_WORDS and w not in BY_WORDS and not PERMANENT.fullmatch(w):
            r.leftover.append(w)
            if whole:
                return r
        i += 1
    if pending:
        if open_ is not None and not open_.spans:
            open_.spans.extend(pending)  # "2026–2035 годы, декабрь"
        else:
            r.periods.append(_Period(None, pending))
    return r


@lru_cache(maxsize=65536)
def is_period_word(word: str) -> bool:
    """A single printed word that belongs to a deadline: a year or range of years
    ("2002", "2003-2004", "2002-"), a quarter or half-year numeral ("III", "2-й"), a
    period, month or recurrence word ("квартал,", "декабрь", "ежегодно", "жыл сайын"'s
    "сайын"), "постоянно" or a year word ("года", "жылғы"). A piece of a typed table
    is told a deadline's by such words."""
    f = fold(word).strip(',.;:()«»"')
    if not f:
        return False
    if re.fullmatch(rf"{YEAR}(?:-(?:{YEAR})?)?|{YEAR}-{YEAR}-?", f):
        return True
    if f in ROMAN and not f.isdigit():
        return True
    if QUARTER_WORD.match(f) or HALF_WORD.match(f) or (month_number(f) and len(f) >= 3):
        return True
    # «гг.», «г.» are years after a year and cities before a name («гг. Астаны»): neither alone
    if f in FILLER and f not in (
        "в",
        "во",
        "и",
        "по",
        "на",
        "с",
        "со",
        "к",
        "-",
        "не",
        "раз",
        "рет",
        "период",
        "г",
        "гг",
    ):
        return True
    if PERMANENT.fullmatch(f):
        return True
    return any(p.fullmatch(f) for p, _ in RECURRENCE_WORDS)


def is_deadline(text: str) -> bool:
    """True when the whole of `text` reads as a deadline that names a year,
    a recurrence or a quarter (a bare month word is not enough)."""
    if not text or not text.strip():
        return False
    r = _read(text, whole=True)
    if r.leftover:
        return False
    return bool(r.recurrence or any(p.years for p in r.periods))


# --- intervals -----------------------------------------------------------------------


def _first_occurrence(span: _Span, ref: dt.date) -> int:
    """Year of the first occurrence of a span ending on or after `ref`."""
    for year in (ref.year, ref.year + 1):
        if span.within(year)[1] >= ref:
            return year
    return ref.year + 1


def _last_occurrence(span: _Span, limit: dt.date) -> int:
    return limit.year if span.within(limit.year)[1] <= limit else limit.year - 1


def parse_deadline(
    text: str,
    plan_start: dt.date | None = None,
    plan_end: dt.date | None = None,
    approved: dt.date | None = None,
    lenient: bool = False,
) -> Deadline:
    """Read a printed deadline; a text naming no period gives start = end = None."""
    printed = re.sub(r"\s+", " ", text or "").strip()
    none = Deadline(printed, None, None, None)
    if not printed:
        return none
    folded = fold(printed)
    if IMMEDIATE.match(folded):  # «Немедленно», «дереу»: on the approving act's date
        return Deadline(printed, approved, approved, None) if approved else none
    if THIS_YEAR.match(folded):  # «В течении года», «жыл бойы»: the approving act's year
        return (
            Deadline(printed, dt.date(approved.year, 1, 1), dt.date(approved.year, 12, 31), None) if approved else none
        )
    school = SCHOOL_YEAR.search(folded)
    if school:  # «с 1997/98 учебного года»: from its 1 September on; without «с», that school year
        y1 = int(school["y1"])
        since = any(w in FROM_WORDS for w in WORD.findall(folded[: school.start()]))
        return Deadline(printed, dt.date(y1, 9, 1), None if since else dt.date(y1 + 1, 6, 30), None)
    onward = ONWARD.search(folded)
    r = _read(ONWARD.sub(" ", fold(printed)) if onward else printed)
    if r.leftover and (not lenient or any(w.isdigit() for w in r.leftover)):
        return none
    if not r.periods and not r.recurrence:
        return none
    if CONDITIONAL.match(fold(printed)) and not r.recurrence:
        return none  # «по итогам 2024 года»: when the event comes, not a period
    refs = [d for d in (approved, plan_start) if d]
    ref = max(refs) if refs else None
    try:
        if r.recurrence or (len(r.periods) == 1 and _spans_years(r.periods[0])):
            return _recurring(printed, r, ref, plan_start, plan_end)
        d = _one_off(printed, r, ref, approved or plan_start)
    except ValueError:
        return none
    if r.since and PERMANENT.search(folded) and d.start:
        return Deadline(printed, d.start, None, None)  # «Постоянно с 01.07.98»: from that day on, no end printed
    if onward and d.start and plan_end and plan_end > d.end:
        return Deadline(printed, d.start, plan_end, None)  # «… и далее постоянно»: to the plan's end
    return d


def _spans_years(p: _Period) -> bool:
    """A month (quarter, day) over a range of years recurs every year: "Декабрь 2013 - 2020 гг."."""
    return bool(p.years and p.years[0] < p.years[1] and p.spans)


def _one_off(printed: str, r: _Reading, ref: dt.date | None, approved: dt.date | None) -> Deadline:
    bounds: list[tuple[dt.date, dt.date]] = []
    for p in r.periods:
        if p.years is None:
            if ref is None:
                return Deadline(printed, None, None, None)
            year = _first_occurrence(p.spans[0], ref)
            previous = None
            for span in p.spans:  # months in order: "ноябрь / декабрь / январь" rolls over
                if previous is not None and span.m1 < previous.m1:
                    year += 1
                bounds.append(span.within(year))
                previous = span
            continue
        y1, y2 = p.years
        if not p.spans:
            if r.by and y1 == y2 and len(r.periods) == 1:  # "до 2030 года": from the approving act
                end = dt.date(y2, 12, 31)
                bounds.append((min(approved or dt.date(y1, 1, 1), end), end))
            else:
                bounds.append((dt.date(y1, 1, 1), dt.date(y2, 12, 31)))
            continue
        bounds.append((min(s.within(y1)[0] for s in p.spans), max(s.within(y2)[1] for s in p.spans)))
    return Deadline(printed, min(b[0] for b in bounds), max(b[1] for b in bounds), None)


def _recurring(printed: str, r: _Reading, ref, plan_start, plan_end) -> Deadline:
    recurrence = r.recurrence or "annual"
    spans = sorted({s for p in r.periods for s in p.spans}, key=lambda s: (s.m1, s.d1 or 0))
    dated = [p for p in r.periods if p.years]
    first_year = dated[0].years[0] if dated else None
    last_year = dated[-1].years[1] if dated and (len(dated) > 1 or dated[-1].years[1] > first_year) else None
    if spans:
        first, last = spans[0], spans[-1]
        if first_year is not None:
            y1 = first_year
        elif ref:
            y1 = _first_occurrence(first, ref)
        else:
            return Deadline(printed, None, None, recurrence)
        start = first.within(y1)[0]
        if last_year is not None:
            end = last.within(last_year)[1]
            if plan_end and end > plan_end >= start:
                end = last.within(_last_occurrence(last, plan_end))[1]
        elif plan_end:
            end = last.within(_last_occurrence(last, plan_end))[1]
        else:
            end = None
        if end is not None and end < start:
            end = last.within(y1)[1]
        two_months = recurrence == "annual" and len(spans) == 2 and all(s.m1 == s.m2 for s in spans)
        return Deadline(printed, start, end, "semiannual" if two_months else recurrence)
    # No month: the period from the given (or plan) start to the plan end.
    if first_year is not None:
        end = dt.date(last_year, 12, 31) if last_year is not None else plan_end
        return Deadline(printed, dt.date(first_year, 1, 1), end, recurrence)
    return Deadline(printed, ref or plan_start, plan_end, recurrence)


# --- plan period -----------------------------------------------------------------

# "на 2026 – 2035 годы", "2013 - 2018 жылдарға", "2011-2020 годы"
PERIOD_RANGE = re.compile(rf"(?<!\d)(?P<y1>{YEAR})\s*[-{DASHES}]+\s*(?P<y2>{YEAR})(?!\d)")
# "до 2020 года", "2020 жылға дейін", "на период до 2030 года"
PERIOD_UNTIL = re.compile(rf"(?:до\s+(?P<y1>{YEAR})\s+год\w*|(?P<y2>{YEAR})\s+жыл\w*\s+дейін)", re.I)
# "на 2026 год", "2026 жылға арналған"
PERIOD_YEAR = re.compile(rf"(?:на\s+(?P<y1>{YEAR})\s+год\b|(?P<y2>{YEAR})\s+жылға\s+арналған)", re.I)


def plan_period(title: str | None, approved: dt.date | None = None) -> tuple[dt.date | None, dt.date | None]:
    """The period a plan covers, from its title: (first day, last day).

    "до 2020 года" names only the end; the start is then left open (None).
    """
    if not title:
        return None, None
    m = PERIOD_RANGE.search(title)
    if m:
        return dt.date(int(m["y1"]), 1, 1), dt.date(int(m["y2"]), 12, 31)
    m = PERIOD_UNTIL.search(title)
    if m:
        return None, dt.date(int(m["y1"] or m["y2"]), 12, 31)
    m = PERIOD_YEAR.search(title)
    if m:
        y = int(m["y1"] or m["y2"])
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    return None, None


def recurrence_of(text: str | None) -> str | None:
    """The recurrence a schedule or deadline names ("раз в полугодие" -> semiannual), if any."""
    if not text:
        return None
    _, recurrence = _prepare(text)
    return recurrence
