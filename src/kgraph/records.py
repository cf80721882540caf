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
    """A body, group or role named in the text, as written."""

    text: str
    span: Span
    by_agreement: bool = False


@dataclass(frozen=True)
class GlossaryEntry:
    """One line of a document's own abbreviation note."""

    kind: ClassVar[str] = "glossary"
    abbr: str
    expansion: str
    span: Span
