"""Dates as Kazakh acts write them, in Russian and Kazakh."""

from __future__ import annotations

import datetime as dt
import re

from kgraph.lang import LETTERS, month_number

# A month in any case form (read by `lang.month_number`); Latin "i" for Kazakh "і".
MONTH_WORD = rf"[{LETTERS}i]+"
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
