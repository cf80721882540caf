"""Dates as Kazakh acts write them, in Russian and Kazakh."""

from __future__ import annotations

import datetime as dt
import re

# Month stems: Russian genitive/nominative/prepositional forms and Kazakh
# names with their case endings all start with these.
MONTHS_RU = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}
MONTHS_KK = {
    "қаңтар": 1,
    "ақпан": 2,
    "наурыз": 3,
    "сәуір": 4,
    "мамыр": 5,
    "маусым": 6,
    "шілде": 7,
    "тамыз": 8,
    "қыркүйек": 9,
    "қазан": 10,
    "қараша": 11,
    "желтоқсан": 12,
}


def month_number(word: str) -> int | None:
    """Month of a month word in any case form ("декабря", "желтоқсандағы")."""
    w = word.lower().replace("i", "і")
    for stem, n in MONTHS_KK.items():
        if w.startswith(stem):
            return n
    if w in {"мая", "май", "мае"}:
        return 5
    for stem, n in MONTHS_RU.items():
        if stem != "ма" and w.startswith(stem):
            return n
    return None


MONTH_WORD = r"[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІіi]+"
# "13 декабря 2013 года"
DATE_RU = re.compile(r"(?P<d>\d{1,2})\s+(?P<m>" + MONTH_WORD + r")\s+(?P<y>\d{4})\s*(?:года|г\.)")
# "2013 жылғы 19 маусымдағы"
DATE_KK = re.compile(r"(?P<y>\d{4})\s*жылғы\s+(?P<d>\d{1,2})\s+(?P<m>" + MONTH_WORD + r")")
# "28.09.2015"
DATE_NUMERIC = re.compile(r"(?<!\d)(?P<d>\d{2})\.(?P<m>\d{2})\.(?P<y>\d{4})(?!\d)")


def find_dates(text: str) -> list[tuple[dt.date, tuple[int, int]]]:
    """Every full date in `text` with its span, in order."""
    found: list[tuple[dt.date, tuple[int, int]]] = []
    for pattern in (DATE_RU, DATE_KK, DATE_NUMERIC):
        for m in pattern.finditer(text):
            month = int(m["m"]) if m["m"].isdigit() else month_number(m["m"])
            if month is None:
                continue
            try:
                found.append((dt.date(int(m["y"]), month, int(m["d"])), m.span()))
            except ValueError:
                continue
    return sorted(found, key=lambda f: f[1])


def parse_date(text: str) -> dt.date | None:
    dates = find_dates(text)
    return dates[0][0] if dates else None
