"""Concept records, and the patterns and helpers that every concept reader shares.

The readers: `kgraph.sources.concept` (structure, terms, act references; its
`parse` is the extractor), `kgraph.sources.concept_bodies` (bodies and what
the concept asks of them) and `kgraph.sources.concept_items` (initiatives,
science territories, indicators). They import from here; this module imports
none of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from kgraph.records import Span


@dataclass(frozen=True)
class ConceptInfo:
    kind: ClassVar[str] = "concept-meta"
    title: str | None
    author: str | None  # the developer body as written
    period_start: int | None
    period_end: int | None
    span: Span


@dataclass(frozen=True)
class Section:
    kind: ClassVar[str] = "section"
    number: str  # "6.2"; a "Параграф k" of "Раздел N" is "N.k"
    label: str  # as printed: "Раздел 2", "Параграф 1", "6.2"
    parent: str | None
    title: str
    span: Span  # the heading
    extent: Span = (0, 0)  # heading to the next heading


@dataclass(frozen=True)
class Definition:
    kind: ClassVar[str] = "definition"
    number: str
    term: str
    abbr: bool
    definition: str
    span: Span
    section: str | None = None

    def glossary_entry(self) -> tuple[str, str] | None:
        """A short form for the resolver: "Академия – Национальная академия
        наук …, высшая научная организация" defines "Академия" as the name
        before the first comma."""
        head = re.split(r",\s|;\s|\s[–-]\s", self.definition, maxsplit=1)[0].strip()
        return (self.term, head) if head else None


@dataclass(frozen=True)
class Institution:
    """A Kazakh body named in a sentence (resolved later, through the registry)."""

    kind: ClassVar[str] = "institution"
    text: str
    span: Span
    sentence: Span
    section: str | None = None


@dataclass(frozen=True)
class MandateStatement:
    kind: ClassVar[str] = "mandate"
    body: str
    action: str
    sentence: str
    span: Span  # the sentence
    body_span: Span
    section: str | None = None


@dataclass(frozen=True)
class Initiative:
    kind: ClassVar[str] = "initiative"
    section: str | None
    number: str | None
    text: str
    span: Span


@dataclass(frozen=True)
class Territory:
    golden_kind: ClassVar[str] = "territory"
    name: str
    kind: str  # "science-city" | "science-and-technology-park"
    base: str | None
    location: str | None
    span: Span


# --- shared patterns and helpers -------------------------------------------------------

TERMS_TITLE = re.compile(r"[Оо]пределени|[Тт]ермин|[Сс]окращени|[Пп]онятия")
FOREIGN_SECTION = re.compile(r"[Мм]еждународн\w+\s+опыт|[Зз]арубежн")
ALIAS_DEF = re.compile(r"\((?:далее|бұдан\s+әр[іi])\s*[-–—]+\s*([^()]{1,40}?)\)")


def section_of(sections: list[Section], pos: int) -> Section | None:
    """The innermost section whose extent holds `pos`."""
    found = [s for s in sections if s.extent[0] <= pos < s.extent[1]]
    return max(found, key=lambda s: s.number.count("."), default=None)


def item_end(body: str, start: int, stop: int) -> int:
    """A list item ends at the next item, or at a paragraph that starts a new
    sentence after the item's text has ended."""
    for p in re.finditer(r"\n\s*\n\s*(?=\S)", body[start:stop]):
        before = body[start : start + p.start()].rstrip()
        after = body[start + p.end() : start + p.end() + 1]
        if before.endswith(".") and after.isupper():
            return start + len(body[start : start + p.start()].rstrip())
    return start + len(body[start:stop].rstrip())
