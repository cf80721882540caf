"""Records that parsers return: frozen dataclasses, each carrying its span.

A span is `(start, end)` in the *normalized* text of its document; the build
maps it back to the raw text for provenance. Records shared by several
document kinds live here; a kind's own records live in its parser module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

Span = tuple[int, int]


@dataclass(frozen=True)
class DocumentMeta:
    """What a document says about itself."""

    kind: str  # act kind, see kgraph.iri.ACT_KINDS
    title: str | None
    date: dt.date | None
    number: str | None
    issuer: str | None  # issuer as written ("Правительство Республики Казахстан")
    span: Span  # the heading or signature line the facts come from


@dataclass(frozen=True)
class Mention:
    """A body, group or role named in the text, as written (resolved later,
    by kgraph.resolve): a responsible party of a plan task, for instance."""

    text: str  # without the by-agreement flag
    span: Span
    by_agreement: bool = False  # "(по согласованию)" / "(келісім бойынша)"
    # The head noun the party shares with the list it is in, which its text omits: «области Абай»
    # in «акиматы Алматинской области и области Абай» has head «акиматы» (resolution reads both).
    head: str | None = None


@dataclass(frozen=True)
class Indicator:
    """A target indicator of a plan or a concept: its values by year, as printed."""

    kind: ClassVar[str] = "indicator"
    number: int | str  # as printed
    name: str
    unit: str | None
    values: dict[str, str]  # year -> value as printed ("2,35 млрд тенге")
    span: Span
    baseline: str | None = None  # the baseline value as printed, when one is given apart
    baseline_year: int | None = None
    completion_form: str | None = None  # how the value is evidenced ("Протокол, отчет")
    direction: int | None = None  # the plan direction the indicator belongs to


@dataclass(frozen=True)
class GlossaryEntry:
    """One line of a document's own abbreviation note."""

    kind: ClassVar[str] = "glossary"
    abbr: str
    expansion: str
    span: Span
