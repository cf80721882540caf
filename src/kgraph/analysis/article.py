"""A whole draft article at once: split into its numbered items, each checked.

A drafter pastes an article («Статья 7. Компетенция уполномоченного органа …
Уполномоченный орган: 1) разрабатывает …; 2) утверждает …», or a Kazakh
«7-бап. … 1) … әзірлейді; 2) …»). `split_items` cuts it at the item numbers
(«1)», «1-1)», «2.» at the start of a line, or «N)» after a colon or
semicolon); the text before the first item is the heading. `check_article`
gives each item its verdict (`overlaps.verdict`) and sums them up; `to_csv`
and `to_rows` export the report (the printable page is the web layer's).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass

from kgraph.analysis import bands, overlaps
from kgraph.analysis.index import Analyzer, analyzer_for
from kgraph.store import open_store

# An item number: "1)", "1-1)", "12." at the start of a line, or "N)" after ":" or ";".
_ITEM = re.compile(r"(?:(?<=\n)|^|(?<=[:;]))[ \t]*(\d{1,3}(?:-\d{1,2})?)(?:\)|\.(?=\s))[ \t]*")


@dataclass(frozen=True)
class Item:
    number: str  # "" for a draft without numbered items
    text: str


@dataclass(frozen=True)
class ItemVerdict:
    number: str
    text: str
    verdict: overlaps.Verdict

    @property
    def best(self) -> overlaps.Match | None:
        return self.verdict.matches[0] if self.verdict.matches else None


@dataclass(frozen=True)
class Report:
    heading: str
    items: tuple[ItemVerdict, ...]
    summary: dict  # items per best band, and how many overlap

    def as_dict(self) -> dict:
        return {
            "heading": self.heading,
            "summary": self.summary,
            "items": [{"number": i.number, "text": i.text, "verdict": asdict(i.verdict)} for i in self.items],
        }


def split_items(text: str) -> tuple[str, list[Item]]:
    """(heading, items) of a draft; a draft without item numbers is one item."""
    text = text.replace("\r\n", "\n").strip()
    marks = list(_ITEM.finditer(text))
    if len(marks) < 2:
        return "", [Item("", text)]
    heading = text[: marks[0].start()].strip()
    items = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        body = " ".join(text[m.end() : end].split()).rstrip(";.,")
        if body:
            items.append(Item(m.group(1), body))
    return heading, items


def check_article(
    text: str,
    lang: str | None = None,
    body: str | None = None,
    store=None,
    top: int = 5,
    analyzer: Analyzer | None = None,
) -> Report:
    """Each item's verdict and a summary: how many items have an existing power in
    each band at best, and how many overlap one (duplicate or overlapping)."""
    text = overlaps.validate_text(text)
    an = analyzer or analyzer_for(store if store is not None else open_store())
    heading, items = split_items(text)
    out = []
    for item in items:
        v = overlaps.verdict(item.text, lang, body, top=top, analyzer=an)
        out.append(ItemVerdict(item.number, item.text, v))
    best = [i.best.band if i.best else "" for i in out]
    summary = {
        "items": len(out),
        "overlapping_items": sum(i.verdict.overlaps for i in out),
        "by_band": {b: best.count(b) for b in bands.BANDS},
        "nothing": best.count(""),
    }
    return Report(heading, tuple(out), summary)


COLUMNS = (
    "item",
    "draft",
    "band",
    "score",
    "existing_text",
    "body",
    "legal_basis",
    "source",
    "levels",
    "iri",
)


def to_rows(report: Report) -> list[dict]:
    """One row per (item, shown match); an item with nothing shown gets one row saying so."""
    rows = []
    for i in report.items:
        if not i.verdict.matches:
            rows.append({"item": i.number, "draft": i.text, "band": overlaps.NOTHING} | dict.fromkeys(COLUMNS[3:], ""))
        for m in i.verdict.matches:
            rows.append(
                {
                    "item": i.number,
                    "draft": i.text,
                    "band": m.band_title,
                    "score": f"{m.score:.2f}",
                    "existing_text": m.text or m.quote,
                    "body": m.body_label,
                    "legal_basis": " ".join(x for x in (m.article_label, m.ref) if x),
                    "source": m.source,
                    "levels": m.levels,
                    "iri": m.iri,
                }
            )
    return rows


def to_csv(report: Report) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(to_rows(report))
    return buf.getvalue()
