"""What a document states about itself: kind, title, date, number, issuer.

Runs on every document before the kind-specific extractors, so that they
and the RDF writers know the act they belong to.
"""

from __future__ import annotations

import re

from kgraph.dates import parse_date
from kgraph.records import DocumentMeta
from kgraph.text import collapse

# The heading line of an act as published: "Постановление Правительства
# Республики Казахстан от 13 декабря 2013 года № 1331".
ACT_LINE_RU = re.compile(
    r"^\s*(?P<kind>Постановление Правительства|Указ Президента|Закон|Приказ[^\n]*?|Распоряжение Премьер-Министра)"
    r"\s+Республики Казахстан\s+от\s+(?P<date>[^\n№]+?)\s*№\s*(?P<number>[\w\-]+(?: ЗРК)?)\s*$",
    re.MULTILINE,
)
# Kazakh approval stamp of an annex: "Қазақстан Республикасы Үкіметінің 2013
# жылғы 19 маусымдағы № 631 қаулысымен бекітілген".
ACT_LINE_KK = re.compile(
    r"Қазақстан Республикасы (?P<kind>Үкіметінің|Президентінің)\s+(?P<date>\d{4}\s*жылғы\s+\d{1,2}\s+\S+)"
    r"\s*№\s*(?P<number>[\w\-]+)\s+(?:қаулысымен|Жарлығымен|қаулысы|Жарлығы)"
)
# "ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ <title>" / "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН <title>"
LAW_HEADING = re.compile(
    r"^\s*(?:ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ\s+ЗАҢЫ|ЗАКОН\s+РЕСПУБЛИКИ\s+КАЗАХСТАН)\s+(?P<title>[^\n]+(?:\n[^\n]+)*?)\s*(?:\n\s*\n|$)",
    re.MULTILINE,
)

KINDS = {
    "Постановление Правительства": ("decree", "Правительство Республики Казахстан"),
    "Указ Президента": ("presidential-decree", "Президент Республики Казахстан"),
    "Закон": ("law", None),
    "Распоряжение Премьер-Министра": ("order", "Премьер-Министр Республики Казахстан"),
    "Үкіметінің": ("decree", "Қазақстан Республикасының Үкіметі"),
    "Президентінің": ("presidential-decree", "Қазақстан Республикасының Президенті"),
}

# The heading of a decree or law comes in its first lines.
HEAD_CHARS = 3000


def extract(text: str, fallback_kind: str = "other") -> DocumentMeta:
    head = text[:HEAD_CHARS]
    m = ACT_LINE_RU.search(head)
    if m:
        kind_word = "Приказ" if m["kind"].startswith("Приказ") else m["kind"]
        kind, issuer = KINDS.get(kind_word, ("order", None))
        title = collapse(head[: m.start()]) or None
        return DocumentMeta(kind, title, parse_date(m["date"]), m["number"], issuer, m.span())
    m = LAW_HEADING.search(head)
    if m:
        return DocumentMeta("law", collapse(m["title"]), None, None, None, m.span("title"))
    m = ACT_LINE_KK.search(head)
    if m:
        kind, issuer = KINDS[m["kind"]]
        return DocumentMeta(kind, None, parse_date(m["date"]), m["number"], issuer, m.span())
    return DocumentMeta(fallback_kind, None, None, None, None, (0, 0))
