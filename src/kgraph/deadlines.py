"""Deadlines of plan tasks as intervals, read from the printed text (ru and kk).

`parse_deadline(text, plan_start, plan_end, approved)` reads a deadline cell
("Декабрь 2013 года", "Ежегодно с декабря 2014 года", "I квартал 2027 года",
"2016 жылғы І-тоқсан", "2014 - 2018 жылдар", "ежегодно, до 1 марта") into a
`Deadline(text, start, end, recurrence)`.

Rules (CONTRIBUTING.md, "Deadline intervals"):
* a month and year is that whole month; a quarter its three months; a half
  year its six; a year the whole year; "2014 - 2018" is 2014-01-01..2018-12-31;
* a recurring deadline ("Ежегодно, март", "декабрь 2027 – 2035 годы",
  "Ежегодно с декабря 2014 года") spans from the start of its first
  occurrence to the end of its last one, bounded by the plan period, with
  `recurrence` set; a month with a range of years recurs every year;
* a recurring deadline without a start year starts at its first occurrence
  ending on or after the approving act's date (or the plan start if later).

The cell is read as a bag of recognised tokens (years, months, quarters,
recurrence words, "from"/"by" markers); anything left over that is not a
filler word ("года", "жылғы", "с", ...) means the text is not a deadline.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from kgraph.lang import DASHES, fold, month_number

# --- Named patterns -------------------------------------------------------------

# Dashes of every kind become "-" before matching.
DASH_RUN = re.compile(rf"[{DASHES}]+|-{{1,2}}")
# "2016 жылғыІ-тоқсан": "жылғы" glued to what follows it.
GLUED_YEAR_WORD = re.compile(r"(?<=жылғы)(?=\S)")
# A calendar year.
YEAR = r"(?:19|20)\d{2}"
# A year range "2014 - 2018" (spaces and dash kinds already normalised).
YEAR_RANGE = re.compile(rf"(?<!\d)(?P<y1>{YEAR})\s*-\s*(?P<y2>{YEAR})(?!\d)")
YEAR_ALONE = re.compile(rf"(?<!\d)(?P<y>{YEAR})(?!\d)")
# Roman numerals (Latin I/V or Kazakh І, already lower-cased) or digits 1-4.
ROMAN = {"і": 1, "іі": 2, "ііі": 3, "іv": 4, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_NUMERAL = r"(?P<n>іv|iv|і{1,3}|[1-4])"
# "I квартал", "2-й квартал", "І-тоқсан", "1 тоқсаны".
QUARTER = re.compile(rf"(?<![\wі]){_NUMERAL}\s*-?\s*(?:й\s+|ші\s+|шы\s+)?(?:квартал\w*|тоқсан\w*)")
# "II полугодие", "1-ое полугодие", "ІІ жартыжылдық".
HALF = re.compile(rf"(?<![\wі]){_NUMERAL}\s*-?\s*(?:ое\s+|е\s+|ші\s+|шы\s+)?(?:полугоди\w*|жарты\s*жыл\w*)")
# A day of a month: "1 марта", "5 шілдеге".
DAY_MONTH = re.compile(r"(?<!\d)(?P<d>\d{1,2})\s*-?\s*(?:го\s+|ші\s+|шы\s+)?(?P<m>[а-яәғқңөұүһі]+)")
WORD = re.compile(r"[а-яәғқңөұүһіa-z]+")

# Recurrence words, tried longest first on the lower-cased text.
RECURRENCE_WORDS = (
    (re.compile(r"ежеквартальн\w*|тоқсан\s+сайын|поквартальн\w*|каждый\s+квартал"), "quarterly"),
    (re.compile(r"ежемесячн\w*|ай\s+сайын|каждый\s+месяц"), "monthly"),
    (
        re.compile(
            r"(?:(?:1|один)\s+)?раз\s+в\s+полугоди\w*|ежеполугодн\w*|по\s+полугодиям|(?:2|два)\s+раза\s+в\s+год|"
            r"жарты\s+жылда\s+(?:бір|бiр)\s+рет|жылына\s+(?:екі|екi)\s+рет"
        ),
        "semiannual",
    ),
    (
        re.compile(
            r"ежегодн\w*|жыл\s+сайын\w*|каждый\s+год|(?:(?:1|один)\s+)?раз\s+в\s+год|"
            r"жылына\s+(?:1|бір)\s+рет"
        ),
        "annual",
    ),
)
# "с декабря 2014 года", "2014 жылдан бастап": the first occurrence is given.
FROM_MARKER = re.compile(r"(?<![\wі])(?:с|со|начиная\s+с|бастап|жылдан)(?![\wі])")
# "до 1 марта", "не позднее", "дейін", "кешіктірмей": a due date.
BY_MARKER = re.compile(r"(?<![\wі])(?:до|не\s+позднее|дейін|кешіктірмей|к)(?![\wі])")

# Words that carry no information of their own in a deadline cell.
FILLER = {
    "года",
    "год",
    "годы",
    "годов",
    "гг",
    "г",
    "годах",
    "в",
    "во",
    "течение",
    "и",
    "по",
    "на",
    "с",
    "со",
    "до",
    "не",
    "позднее",
    "начиная",
    "к",
    "числа",
    "числу",
    "месяца",
    "жылғы",
    "жыл",
    "жылы",
    "жылдар",
    "жылдары",
    "жылдарда",
    "жылдың",
    "жылдан",
    "жылға",
    "ж",
    "бастап",
    "дейін",
    "кешіктірмей",
    "және",
    "мен",
    "аралығында",
    "ішінде",
    "сайын",
    "рет",
    "раз",
}


@dataclass(frozen=True)
class Deadline:
    text: str
    start: dt.date | None
    end: dt.date | None
    recurrence: str | None  # annual | semiannual | quarterly | monthly | None


# --- helpers ---------------------------------------------------------------------


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _clean(text: str) -> str:
    t = GLUED_YEAR_WORD.sub(" ", fold(text))
    t = DASH_RUN.sub(" - ", t)
    t = re.sub(r"[,;:()]", " ", t)
    return re.sub(r"\s+", " ", t).strip(" .")


@dataclass
class _Tokens:
    """What a deadline cell states, token by token."""

    recurrence: str | None = None
    years: list[int] | None = None
    year_range: tuple[int, int] | None = None
    months: list[int] | None = None
    days: list[tuple[int, int]] | None = None  # (day, month)
    quarter: int | None = None
    half: int | None = None
    since: bool = False
    by: bool = False
    leftover: list[str] | None = None


def _tokens(text: str) -> _Tokens:
    t = _clean(text)
    tok = _Tokens(years=[], months=[], days=[], leftover=[])
    for pattern, kind in RECURRENCE_WORDS:
        if pattern.search(t):
            tok.recurrence = tok.recurrence or kind
            t = pattern.sub(" ", t)
    m = QUARTER.search(t)
    if m:
        tok.quarter = ROMAN[m["n"]]
        t = t[: m.start()] + " " + t[m.end() :]
    m = HALF.search(t)
    if m and ROMAN[m["n"]] <= 2:
        tok.half = ROMAN[m["n"]]
        t = t[: m.start()] + " " + t[m.end() :]
    m = YEAR_RANGE.search(t)
    if m:
        tok.year_range = (int(m["y1"]), int(m["y2"]))
        t = t[: m.start()] + " " + t[m.end() :]
    for m in DAY_MONTH.finditer(t):
        month = month_number(m["m"])
        if month and not re.fullmatch(YEAR, m["d"]):
            tok.days.append((int(m["d"]), month))
    t = DAY_MONTH.sub(lambda m: " " if month_number(m["m"]) else m.group(0), t)
    for y in YEAR_ALONE.finditer(t):
        tok.years.append(int(y["y"]))
    t = YEAR_ALONE.sub(" ", t)
    tok.since = bool(FROM_MARKER.search(t)) or "бастап" in t
    tok.by = bool(BY_MARKER.search(t))
    for w in WORD.findall(t):
        n = month_number(w)
        if n and len(w) >= 3:
            tok.months.append(n)
        elif w not in FILLER:
            tok.leftover.append(w)
    t2 = re.sub(r"[\s.\-]+", "", YEAR_ALONE.sub("", WORD.sub("", t)))
    if t2:
        tok.leftover.append(t2)
    return tok


def is_deadline(text: str) -> bool:
    """True when the whole of `text` reads as a deadline that names a year,
    a recurrence or a quarter (a bare month word is not enough)."""
    if not text or not text.strip():
        return False
    tok = _tokens(text)
    if tok.leftover:
        return False
    if not (tok.years or tok.year_range or tok.recurrence):
        return False
    return bool(tok.years or tok.year_range or tok.months or tok.days or tok.recurrence)


def _first_occurrence(month: int, day: int | None, ref: dt.date) -> int:
    """Year of the first occurrence of a month (or day of a month) ending on or after `ref`."""
    for year in (ref.year, ref.year + 1):
        end = dt.date(year, month, day) if day else _month_end(year, month)
        if end >= ref:
            return year
    return ref.year + 1


def _last_occurrence(month: int, day: int | None, limit: dt.date) -> int:
    end = dt.date(limit.year, month, day) if day else _month_end(limit.year, month)
    return limit.year if end <= limit else limit.year - 1


def _occurrence(year: int, month: int, day: int | None) -> tuple[dt.date, dt.date]:
    if day:
        d = dt.date(year, month, day)
        return d, d
    return dt.date(year, month, 1), _month_end(year, month)


def parse_deadline(
    text: str,
    plan_start: dt.date | None = None,
    plan_end: dt.date | None = None,
    approved: dt.date | None = None,
) -> Deadline:
    """Read a printed deadline; unreadable text gives start = end = None."""
    printed = re.sub(r"\s+", " ", text or "").strip()
    none = Deadline(printed, None, None, None)
    if not printed:
        return none
    try:
        tok = _tokens(printed)
    except (KeyError, ValueError):
        return none
    if tok.leftover:
        return none
    ref_candidates = [d for d in (approved, plan_start) if d]
    ref = max(ref_candidates) if ref_candidates else None
    recurrence = tok.recurrence
    months = sorted(set(tok.months))
    day = tok.days[0][0] if tok.days else None
    if tok.days and not months:
        months = sorted({m for _, m in tok.days})
    try:
        return _interval(printed, tok, recurrence, months, day, ref, plan_start, plan_end)
    except ValueError:
        return none


def _interval(printed, tok, recurrence, months, day, ref, plan_start, plan_end) -> Deadline:
    years = tok.years
    # Quarter or half of a year.
    if tok.quarter and years:
        y, q = years[0], tok.quarter
        return Deadline(printed, dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q), recurrence)
    if tok.half and years:
        y, h = years[0], tok.half
        return Deadline(printed, dt.date(y, 6 * h - 5, 1), _month_end(y, 6 * h), recurrence)
    # A range of years: with a month it recurs every year of the range.
    if tok.year_range:
        y1, y2 = tok.year_range
        if months:
            recurrence = recurrence or "annual"
            first, last = months[0], months[-1]
            start = _occurrence(y1, first, day)[0]
            end = _occurrence(y2, last, day)[1]
            if plan_end and end > plan_end >= start:
                end = _occurrence(_last_occurrence(last, day, plan_end), last, day)[1]
            return Deadline(printed, start, end, _semi(recurrence, months))
        return Deadline(printed, dt.date(y1, 1, 1), dt.date(y2, 12, 31), recurrence)
    if recurrence:
        return _recurring(printed, tok, recurrence, months, day, ref, plan_start, plan_end)
    # One-off deadlines.
    if years and months:
        y = years[0]
        if tok.by and day is None:  # "до марта 2026 года": by the start of that month
            return Deadline(printed, dt.date(y, months[0], 1), _month_end(y, months[-1]), None)
        start = _occurrence(y, months[0], day)[0]
        end = _occurrence(y, months[-1], day)[1]
        return Deadline(printed, start, end, None)
    if years:
        y = years[-1]
        if tok.by and len(years) == 1:  # "до 2020 года": from the plan start to the end of that year
            start = plan_start or ref or dt.date(y, 1, 1)
            return Deadline(printed, min(start, dt.date(y, 12, 31)), dt.date(y, 12, 31), None)
        return Deadline(printed, dt.date(years[0], 1, 1), dt.date(y, 12, 31), None)
    if months and ref:  # a month without a year: its first occurrence after the act
        y = _first_occurrence(months[0], day, ref)
        start = _occurrence(y, months[0], day)[0]
        return Deadline(printed, start, _occurrence(y, months[-1], day)[1], None)
    return Deadline(printed, None, None, None)


def _semi(recurrence: str, months: list[int]) -> str:
    """Two months a year ("ежегодно, июль и январь") recur semi-annually."""
    return "semiannual" if recurrence == "annual" and len(months) == 2 else recurrence


def _recurring(printed, tok, recurrence, months, day, ref, plan_start, plan_end) -> Deadline:
    years = tok.years
    if months:
        first_month, last_month = months[0], months[-1]
        if years:
            y1 = years[0]
        elif ref:
            y1 = _first_occurrence(first_month, day, ref)
        else:
            return Deadline(printed, None, None, recurrence)
        start = _occurrence(y1, first_month, day)[0]
        if len(years) > 1:
            end = _occurrence(years[-1], last_month, day)[1]
        elif plan_end:
            end = _occurrence(_last_occurrence(last_month, day, plan_end), last_month, day)[1]
        else:
            end = None
        if end is not None and end < start:
            end = _occurrence(y1, last_month, day)[1]
        return Deadline(printed, start, end, _semi(recurrence, months))
    # No month: the period from the given (or plan) start to the plan end.
    if years:
        start = dt.date(years[0], 1, 1)
        end = dt.date(years[-1], 12, 31) if len(years) > 1 else plan_end
        return Deadline(printed, start, end, recurrence)
    start = plan_start or ref
    return Deadline(printed, start, plan_end, recurrence)


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
    t = _clean(text)
    return next((kind for pattern, kind in RECURRENCE_WORDS if pattern.search(t)), None)
