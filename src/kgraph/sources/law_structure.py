"""Structure of laws: chapters, articles, numbered paragraphs, items, exclusions.

`read_structure(text)` reads the *normalized* text (leading spaces kept) into
a `Structure`, whatever the layout: `kgraph.sources.law_layout` cuts the text
into blocks (one per paragraph as written, PDF wraps joined) and finds a table
of contents printed before the body; this module reads the blocks in order:

* headings: chapters («Глава 4-1», «4-1-тарау»), articles («Статья 7-1»,
  «7-1-бап»); grouping headings («Параграф 1», «Раздел», «бөлім») and lines in
  capitals are skipped; an article or chapter printed as excluded («Статья 9.
  (исключена)», «9-бап. алып тасталды») keeps its number, without a title;
* numbered paragraphs «1.» (a «1.» inside an item is a sub-point of the item),
  items «1)», «1-1)» (a list restarting its numbering gets an IRI prefix),
  ranges «17) - 21) алып тасталды»; sub-points «а)» belong to their item, and
  so does a block indented deeper than the item or following an item that
  ends with a colon; any other sentence after a list belongs to the paragraph;
* footnotes («Сноска.», «Ескерту.») are units of their own, never part of an
  item's text; the portal's notes («Примечание РЦПИ!») and the signature are
  skipped.

Excluded paragraphs and items are kept as subdivisions, flagged, with an
`Excluded` record each; items printed only as a later entry into force are
flagged `pending`. Kept apart from `kgraph.sources.law`, which reads
definitions, competences and operators out of this structure; `law_support`,
`law_measures` and other kinds' readers (a regulation's пункты) read it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from kgraph.lang import EXCLUDED, EXCLUDED_ITEM, FOOTNOTE_LINE, PENDING_ITEM, SERVICE_NOTE, SIGNATURE
from kgraph.records import Span
from kgraph.sources import law_layout as layout
from kgraph.sources.law_layout import ARTICLE, ITEM, ITEM_RANGE, LETTER_ITEM, PARAGRAPH, number_key
from kgraph.sources.law_support import sentences
from kgraph.text import collapse

# A list terminator left at the end of an item.
TERMINATOR = re.compile(r"[\s;.,]+$")


# --- records -----------------------------------------------------------------------


@dataclass(frozen=True)
class Chapter:
    kind: ClassVar[str] = "chapter"
    number: str
    title: str | None  # None when the chapter is printed as excluded
    span: Span
    excluded: bool = False


@dataclass(frozen=True)
class Article:
    kind: ClassVar[str] = "article"
    number: str
    title: str | None  # None when the article is printed as excluded
    chapter: str | None
    span: Span
    excluded: bool = False


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    article: str
    number: str
    text: str
    span: Span
    excluded: bool = False


@dataclass(frozen=True)
class Item:
    kind: ClassVar[str] = "item"
    article: str
    paragraph: str | None
    number: str
    text: str  # as printed, marker and terminator removed
    excluded: bool
    segment: str  # IRI segment: the number, prefixed by the list's ordinal when a list restarts numbering
    span: Span
    pending: bool = False  # printed only as "comes into force on …": no wording yet


@dataclass(frozen=True)
class Excluded:
    """A paragraph or item an amendment took out, kept in place as «исключен» / «алып тасталды»."""

    kind: ClassVar[str] = "excluded"
    article: str
    paragraph: str | None
    item: str | None
    span: Span


# --- the structure -----------------------------------------------------------------------


@dataclass
class _Unit:
    """A run of text owned by one subdivision (article, paragraph or item)."""

    article: str
    paragraph: str | None
    item: str | None
    start: int
    end: int
    footnote: bool = False
    indent: int = 0


Unit = _Unit


@dataclass
class ItemList:
    article: str
    paragraph: str | None
    lead: str | None  # the sentence that introduces the list
    items: list[Item] = field(default_factory=list)
    prefix: str = ""  # IRI segment prefix when the list restarts its parent's numbering
    lead_span: Span | None = None


@dataclass
class Structure:
    text: str
    chapters: list[Chapter] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    units: list[_Unit] = field(default_factory=list)
    lists: list[ItemList] = field(default_factory=list)
    excluded: list[Excluded] = field(default_factory=list)
    notes: list[tuple[str | None, Span]] = field(default_factory=list)  # the portal's notes: (article, span)

    def order(self, article: Article) -> int:
        return self.articles.index(article)

    def lists_in(self, article: str) -> list[ItemList]:
        return [lst for lst in self.lists if lst.article == article]

    def footnotes(self) -> list[_Unit]:
        return [u for u in self.units if u.footnote]

    def article_text(self, article: str) -> str:
        return "\n".join(self.text[u.start : u.end] for u in self.units if u.article == article and not u.footnote)

    def sentences(self, article: str) -> list[tuple[str | None, str, Span]]:
        """(paragraph, sentence, span) over the body of an article, footnotes left out."""
        out: list[tuple[str | None, str, Span]] = []
        for para in dict.fromkeys(u.paragraph for u in self.units if u.article == article):
            units = [u for u in self.units if u.article == article and u.paragraph == para and not u.footnote]
            for u in units:
                out.extend((para, collapse(s), sp) for s, sp in sentences(self.text[u.start : u.end], u.start))
        return _join_list_sentences(out)

    def lead_of(self, article: str, paragraph: str | None, item: str | None) -> str:
        for lst in self.lists_in(article):
            if lst.paragraph == paragraph and any(i.number == item for i in lst.items):
                return lst.lead or ""
        return ""


def _join_list_sentences(parts: list[tuple[str | None, str, Span]]) -> list[tuple[str | None, str, Span]]:
    """Units of one sentence (a lead-in ending ":" and its items ending ";") make one sentence."""
    out: list[tuple[str | None, str, Span]] = []
    for para, s, sp in parts:
        if out and out[-1][0] == para and out[-1][1].rstrip().endswith((":", ";")):
            _p0, s0, sp0 = out.pop()
            out.append((para, s0 + " " + s, (sp0[0], sp[1])))
        else:
            out.append((para, s, sp))
    return out


# --- reading ------------------------------------------------------------------------------


class _Reader:
    """Reads the blocks of a law in order into a Structure (see the module docstring)."""

    def __init__(self, doc: Structure, lns: list[layout.Line], blocks: list[layout.Block]):
        self.doc, self.lns, self.blocks = doc, lns, blocks
        self.at = 0  # index of the block being read
        self.chapter: str | None = None
        self.article: str | None = None
        self.paragraph: str | None = None
        self.para_start = 0
        self.unit: _Unit | None = None  # the unit text goes on in
        self.item_unit: _Unit | None = None  # the last item's unit, while its list is open
        self.open_list: ItemList | None = None
        self.sub_last: str | None = None  # the last «N.» sub-point inside the current item
        self.skip_next = False
        self.ended = False
        self.drafts: list[tuple[ItemList, int, _Unit]] = []  # (list, index in it, unit)
        self.used: dict[tuple[str, str | None], set[str]] = {}
        self.lists_in_parent: dict[tuple[str, str | None], int] = {}

    # -- blocks

    def feed(self, b: layout.Block) -> None:
        text = self.doc.text[b.start : b.end]
        first = self.lns[b.first].text
        if self.ended:
            return
        head = layout.heading(first)
        if head:
            self._heading(head, b)
            return
        if layout.grouping(first) or (layout.CAPITALS.match(text) and len(text.split()) > 1):
            self._close_units()
            return
        if SERVICE_NOTE.match(first):
            self.skip_next = not SERVICE_NOTE.sub("", collapse(text)).strip(" !")
            if not self.skip_next:
                self.doc.notes.append((self.article, (b.start, b.end)))
            return
        if self.skip_next:
            self.skip_next = False
            self.doc.notes.append((self.article, (b.start, b.end)))
            return
        if self.article is None:
            return  # the title and preamble
        if SIGNATURE.match(collapse(text)):
            self.ended = True
            return
        if FOOTNOTE_LINE.match(first):
            last = self.unit
            self._add_unit(_Unit(self.article, self.paragraph, last.item if last else None, b.start, b.end, True))
            return
        para = PARAGRAPH.match(first)
        if para and self._is_paragraph(para["num"]):
            self._new_paragraph(para, b)
            return
        ranged, item = ITEM_RANGE.match(first), ITEM.match(first)
        if ranged or item:
            self._new_item(ranged, item, b)
            return
        if para or LETTER_ITEM.match(first) or _first_letter(text).islower():
            if para:
                self.sub_last = para["num"]
            self._continue(b)
            return
        if self._continues_item(b):
            self._continue(b)
            return
        self._add_unit(_Unit(self.article, self.paragraph, None, b.start, b.end, indent=b.indent))
        self.open_list = self.item_unit = None

    def _heading(self, head: re.Match[str], b: layout.Block) -> None:
        extra = [self.lns[k].text for k in range(b.first + 1, b.last + 1)]
        title = collapse(" ".join([head["title"], *extra])).rstrip(".").strip()
        excluded = bool(EXCLUDED_ITEM.match(title))
        number = layout.number_of(head)
        self._close_article(b.start)
        if head.re is ARTICLE:
            self.article = number
            self.doc.articles.append(
                Article(number, None if excluded else title, self.chapter, (b.start, b.end), excluded)
            )
        else:
            self._close_chapter()
            self.chapter, self.article = number, None
            self.doc.chapters.append(Chapter(number, None if excluded else title, (b.start, b.end), excluded))
        self._close_units()

    def _is_paragraph(self, number: str) -> bool:
        inside_item = self.item_unit is not None and self.unit is self.item_unit
        if inside_item and (number == "1" or (self.sub_last and layout.follows(number, self.sub_last))):
            return False  # «1.», «2.» under an item: its sub-points
        if self.paragraph is None:
            return not inside_item
        return number_key(number) > number_key(self.paragraph)

    def _new_paragraph(self, m: re.Match[str], b: layout.Block) -> None:
        self._close_paragraph()
        self.paragraph, self.para_start = m["num"], b.start
        self._close_units()
        self._add_unit(_Unit(self.article, self.paragraph, None, b.start + len(m.group(0)) - b.indent, b.end))

    def _new_item(self, ranged: re.Match[str] | None, m: re.Match[str], b: layout.Block) -> None:
        parent = (self.article, self.paragraph)
        if self.open_list is None or self.item_unit is None:
            lead = self.unit if self.unit and self.unit.item is None and not self.unit.footnote else None
            lead_text, lead_span = _lead_in(self.doc.text, lead)
            self.open_list = ItemList(self.article, self.paragraph, lead_text, lead_span=lead_span)
            self.doc.lists.append(self.open_list)
            self.lists_in_parent[parent] = self.lists_in_parent.get(parent, 0) + 1
        marker = ranged or m
        unit = _Unit(self.article, self.paragraph, m["num"], b.start + len(marker.group(0)) - b.indent, b.end)
        unit.indent = b.indent
        self._add_unit(unit)
        self.item_unit, self.sub_last = unit, None
        numbers = _range(ranged["num"], ranged["last"]) if ranged else [m["num"]]
        for number in numbers:
            seen = self.used.setdefault(parent, set())
            if not self.open_list.items and number in seen:  # numbering restarts: "2.1", "2.2", ...
                self.open_list.prefix = f"{self.lists_in_parent[parent]}."
            segment = self.open_list.prefix + number
            seen.add(segment)
            self.open_list.items.append(
                Item(self.article, self.paragraph, number, "", False, segment, (b.start, b.end))
            )
            self.drafts.append((self.open_list, len(self.open_list.items) - 1, unit))

    def _continues_item(self, b: layout.Block) -> bool:
        """A block after an item's text: more of the item?

        Yes if the item ends with a colon (its sub-lines follow), or if the block
        is indented deeper than the item and either the list goes on after it or
        the item has not ended its sentence; a deeper sentence after the last item
        of a finished list belongs to the paragraph."""
        unit = self.unit
        if unit is None or unit is not self.item_unit:
            return False
        own = self.doc.text[unit.start : unit.end].rstrip()
        if own.endswith(":"):
            return True
        return b.indent > unit.indent and (self._list_goes_on() or not own.endswith("."))

    def _list_goes_on(self) -> bool:
        """Is the next numbered block after the current one an item (footnotes and sentences skipped)?"""
        for b in self.blocks[self.at + 1 :]:
            first = self.lns[b.first].text
            if ITEM.match(first) or ITEM_RANGE.match(first):
                return True
            if layout.heading(first) or PARAGRAPH.match(first):
                return False
        return False

    def _continue(self, b: layout.Block) -> None:
        if self.unit is None or self.unit.footnote:
            self._add_unit(_Unit(self.article, self.paragraph, None, b.start, b.end, indent=b.indent))
            self.open_list = self.item_unit = None
        else:
            self.unit.end = b.end

    # -- units, paragraphs, articles

    def _add_unit(self, unit: _Unit) -> None:
        self.doc.units.append(unit)
        self.unit = unit

    def _close_units(self) -> None:
        self.unit = self.item_unit = self.open_list = None
        self.sub_last = None

    def _close_chapter(self) -> None:
        """The open chapter runs to the end of the last unit read, never less than its heading
        (a chapter with no unit of its own: the last unit is above it)."""
        if self.doc.chapters:
            c = self.doc.chapters[-1]
            end = max(c.span[1], self.doc.units[-1].end if self.doc.units else c.span[1])
            self.doc.chapters[-1] = Chapter(c.number, c.title, (c.span[0], end), c.excluded)

    def _close_paragraph(self) -> None:
        if self.article is None or self.paragraph is None:
            return
        doc = self.doc
        units = [u for u in doc.units if u.article == self.article and u.paragraph == self.paragraph]
        own = collapse(" ".join(doc.text[u.start : u.end] for u in units if u.item is None and not u.footnote))
        excluded = bool(EXCLUDED_ITEM.match(own))
        doc.paragraphs.append(Paragraph(self.article, self.paragraph, own, (self.para_start, units[-1].end), excluded))
        if excluded:
            doc.excluded.append(Excluded(self.article, self.paragraph, None, (self.para_start, units[-1].end)))
        self.paragraph = None

    def _close_article(self, at: int) -> None:
        self._close_paragraph()
        if self.article is None:
            return
        doc = self.doc
        i = max(k for k, a in enumerate(doc.articles) if a.number == self.article)
        a = doc.articles[i]
        body = [u for u in doc.units if u.article == a.number and not u.footnote]
        end = max([a.span[1], *(u.end for u in doc.units if u.article == a.number)])
        own = collapse(" ".join(doc.text[u.start : u.end] for u in body))
        excluded = a.excluded or (bool(own) and bool(EXCLUDED_ITEM.match(own)) and all(u.item is None for u in body))
        if not own:  # a heading and the footnote «Статья 10 исключена …», «10-бап алып тасталды …» only
            notes = " ".join(doc.text[u.start : u.end] for u in doc.units if u.article == a.number and u.footnote)
            said = re.escape(a.number)
            excluded = excluded or bool(
                re.search(rf"(?:Статья\s+{said}\s+{EXCLUDED}|(?<![\d-]){said}-бап\s+{EXCLUDED})", notes, re.I)
            )
        doc.articles[i] = Article(a.number, None if excluded else a.title, a.chapter, (a.span[0], end), excluded)
        self.article = None

    def finish(self) -> None:
        self._close_article(len(self.doc.text))
        self._close_chapter()
        self._fill_items()

    def _fill_items(self) -> None:
        """Give each item its text and full span (an item's unit may run over several blocks)."""
        for lst, k, unit in self.drafts:
            it = lst.items[k]
            text = TERMINATOR.sub("", collapse(self.doc.text[unit.start : unit.end]))
            excluded = bool(EXCLUDED_ITEM.match(text))
            new = Item(
                it.article,
                it.paragraph,
                it.number,
                text,
                excluded,
                it.segment,
                (it.span[0], unit.end),
                bool(PENDING_ITEM.match(text)),
            )
            lst.items[k] = new
            self.doc.items.append(new)
            if excluded:
                self.doc.excluded.append(Excluded(it.article, it.paragraph, it.number, new.span))


def _first_letter(text: str) -> str:
    return next((c for c in text if c.isalpha()), "")


def _range(first: str, last: str) -> list[str]:
    """The item numbers a range «17) - 21)» covers (its two ends when they are not plain numbers)."""
    if first.isdigit() and last.isdigit() and int(first) < int(last):
        return [str(n) for n in range(int(first), int(last) + 1)]
    return [first, last]


def _lead_in(text: str, unit: _Unit | None) -> tuple[str | None, Span | None]:
    """The sentence that introduces a list: the last one of the text just above it."""
    if unit is None:
        return None, None
    found = sentences(text[unit.start : unit.end], unit.start)
    return (collapse(found[-1][0]), found[-1][1]) if found else (None, None)


def read_structure(text: str) -> Structure:
    doc = Structure(text)
    lns, blks = layout.blocks(text)
    contents = layout.contents_span(lns, blks)
    reader = _Reader(doc, lns, blks)
    for k, b in enumerate(blks):
        if contents and contents[0] <= k < contents[1]:
            continue
        reader.at = k
        reader.feed(b)
    reader.finish()
    return doc


__all__ = ["Article", "Chapter", "Excluded", "Item", "ItemList", "Paragraph", "Structure", "Unit", "read_structure"]
