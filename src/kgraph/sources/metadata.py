"""What a document states about itself: kind, title, date, number, issuer.

Runs on every document before the kind-specific extractors, so that they
and the RDF writers know the act they belong to. The words of an act's
heading come from the kind registry (`kgraph.kinds`: `Words.headings`,
`Words.banner`).
"""

from __future__ import annotations

import re

from kgraph import kinds
from kgraph.dates import parse_date
from kgraph.records import DocumentMeta
from kgraph.text import collapse


def _alternatives(pairs: list[tuple[str, str]]) -> str:
    """One named group per (words, group name), in registry order."""
    return "|".join(f"(?P<{name}>{words})" for words, name in pairs)


def _headings(lang: str) -> list[tuple[kinds.Kind, kinds.Heading]]:
    return [(k, h) for k in kinds.KINDS for h in k.words(lang).headings]


_RU = _headings("ru")
_KK = _headings("kk")
_BANNERS = [(k, b) for k in kinds.KINDS for b in (k.ru.banner, k.kk.banner) if b]

# The heading line of an act as published: "Постановление Правительства
# Республики Казахстан от 13 декабря 2013 года № 1331".
ACT_LINE_RU = re.compile(
    rf"^\s*(?:{_alternatives([(h.words, f'h{i}') for i, (_, h) in enumerate(_RU)])})"
    r"\s+Республики Казахстан\s+от\s+(?P<date>[^\n№]+?)\s*№\s*(?P<number>[\w\-]+(?: ЗРК)?)\s*$",
    re.MULTILINE,
)
# Kazakh approval stamp of an annex: "Қазақстан Республикасы Үкіметінің 2013
# жылғы 19 маусымдағы № 631 қаулысымен бекітілген".
ACT_LINE_KK = re.compile(
    rf"Қазақстан Республикасы (?:{_alternatives([(h.words, f'h{i}') for i, (_, h) in enumerate(_KK)])})"
    r"\s+(?P<date>\d{4}\s*жылғы\s+\d{1,2}\s+\S+)"
    r"\s*№\s*(?P<number>[\w\-]+)\s+"
    rf"(?:{'|'.join(dict.fromkeys(k.kk.cite for k, _ in _KK))})"
)
# "ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ <title>" / "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН <title>"
TITLE_BANNER = re.compile(
    rf"^\s*(?:{_alternatives([(b, f'b{i}') for i, (_, b) in enumerate(_BANNERS)])})"
    r"\s+(?P<title>[^\n]+(?:\n[^\n]+)*?)\s*(?:\n\s*\n|$)",
    re.MULTILINE,
)

# The heading of a decree or law comes in its first lines.
HEAD_CHARS = 3000


def _which(m: re.Match[str], prefix: str, options: list):
    return next(options[i] for i in range(len(options)) if m[f"{prefix}{i}"] is not None)


def extract(text: str, fallback_kind: str = "other") -> DocumentMeta:
    head = text[:HEAD_CHARS]
    m = ACT_LINE_RU.search(head)
    if m:
        kind, heading = _which(m, "h", _RU)
        title = collapse(head[: m.start()]) or None
        return DocumentMeta(kind.name, title, parse_date(m["date"]), m["number"], heading.issuer, m.span())
    m = TITLE_BANNER.search(head)
    if m:
        kind, _ = _which(m, "b", _BANNERS)
        return DocumentMeta(kind.name, collapse(m["title"]), None, None, None, m.span("title"))
    m = ACT_LINE_KK.search(head)
    if m:
        kind, heading = _which(m, "h", _KK)
        return DocumentMeta(kind.name, None, parse_date(m["date"]), m["number"], heading.issuer, m.span())
    return DocumentMeta(fallback_kind, None, None, None, None, (0, 0))
