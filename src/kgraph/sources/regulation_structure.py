"""Structure of a regulation of a state body: chapters, numbered paragraphs and items.

`read(text, start)` reads from the end of the regulation's title. A regulation is
numbered by paragraph («15.» / «15.»), with items «1)», inserted «1-1)»; a lead-in
item («1) права:», «2) міндеттері:», «функции ведомств:») opens a nested list, its
items numbered again or not at all (then each line closing with «;» or «.» is one
item, numbered by its position). No rule depends on indentation: the portal's
text, a PDF's and the mirrors' Markdown indent differently (a list may sit at
column 0). Layout damage read as the list means it: a marker without its
parenthesis («131-1 разработка», «431 )разработка»), two items on one line
(«…; 522) оказание …»), when the number is the one that comes next.

The regulation ends where the numbering of paragraphs starts again at «1.» after
a heading (an annexed list of organisations: «Перечень …») or at an annex stamp
(«Приложение к Положению …»); footnotes («Сноска.», «Ескерту.») are kept apart
as spans, never in an item's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from kgraph.lang import EXCLUDED_ITEM, FOOTNOTE_LINE, LOWER, UNITS, fold
from kgraph.lang.powers import power_group
from kgraph.records import Span
from kgraph.sources.law_structure import CHAPTER, NUMBER
from kgraph.text import collapse

# --- patterns --------------------------------------------------------------------------------

PARAGRAPH = re.compile(rf"^[ \t]*(?P<num>{NUMBER})\.[ \t]+(?=\S)")
ITEM = re.compile(rf"^[ \t]*(?P<num>{NUMBER})[ \t]*\)[ \t]*")
# A marker that lost its parenthesis: "131-1 разработка …" (only as the next number).
BARE_ITEM = re.compile(rf"^[ \t]*(?P<num>{NUMBER})[ \t]+(?=[{LOWER}])")
# The next item run onto the line of the previous one: "…; 522) оказание …".
INLINE_ITEM = re.compile(rf";[ \t]+(?P<num>{NUMBER})\)[ \t]*")
# An annex stamp that closes the regulation: "Приложение к Положению …", "Ережеге қосымша".
ANNEX_STAMP = re.compile(
    rf"^[ \t]*(?:{UNITS['annex'].title('ru')}|{UNITS['annex'].title('kk')})(?:\s+\d+)?[ \t]*$"
    rf"|^[ \t]*{UNITS['annex'].title('ru')}\s+(?:\d+\s+)?к\s+",
)
# What closes an item or a line of a list.
TERMINATOR = re.compile(r"[\s;.,]+$")
CLOSED = (";", ".", ":")
MAX_HEADER_WORDS = 6  # a lead-in item names its group in a few words: "функции центрального аппарата:"
GAP = 5  # numbers may skip this many (items printed nowhere)


# --- records -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Chapter:
    kind: ClassVar[str] = "chapter"
    number: str
    title: str
    span: Span


@dataclass(frozen=True)
class Item:
    kind: ClassVar[str] = "item"
    paragraph: str
    path: str  # numbers of the enclosing lead-in item and this one: "1.3", "178"
    number: str  # as printed; for an unnumbered line, its position in the list
    numbered: bool
    text: str  # marker, footnotes and the closing ";"/"." left out
    excluded: bool
    span: Span
    children: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    number: str
    chapter: str | None
    lead: str  # the paragraph's own text (before its items, and any sentence after them)
    excluded: bool
    span: Span
    items: tuple[Item, ...] = ()


@dataclass
class Structure:
    chapters: list[Chapter] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)  # every item, nested ones too, in text order
    footnotes: list[Span] = field(default_factory=list)
    end: int = 0


# --- numbers ---------------------------------------------------------------------------------


def _parts(number: str) -> tuple[int, ...]:
    return tuple(int(x) for x in number.split("-"))


def follows(previous: str | None, number: str) -> bool:
    """Can `number` come next after `previous`? 15 -> 16, 15 -> 15-1, 15-1 -> 15-2, 177-78 -> 178
    (and a few numbers skipped)."""
    if previous is None:
        return True
    p, c = _parts(previous), _parts(number)
    if c[0] == p[0]:
        return (c[: len(p)] == p and len(c) > len(p)) or (len(c) == len(p) > 1 and c > p)
    return (p[0] < c[0] <= p[0] + GAP and len(c) == 1) or (c[0] == p[0] + 1 and len(c) > 1)


# --- lines -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str

    @property
    def body(self) -> str:
        return self.text.strip()

    @property
    def body_start(self) -> int:
        return self.start + len(self.text) - len(self.text.lstrip())


def _lines(text: str, start: int) -> list[_Line]:
    out, pos = [], start
    for raw in text[start:].split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _structural(line: _Line) -> bool:
    return bool(
        CHAPTER.match(line.text)
        or PARAGRAPH.match(line.text)
        or ITEM.match(line.text)
        or FOOTNOTE_LINE.match(line.text)
    )


def _heading_like(line: _Line) -> bool:
    """A line that titles what follows: no closing punctuation, starts with a capital."""
    body = line.body
    return bool(body) and not _structural(line) and body[0].isupper() and not body.endswith((*CLOSED, ","))


def _footnote_lines(lines: list[_Line]) -> set[int]:
    """Indices of the lines of footnotes: from "Сноска." / "Ескерту." to a blank or structural line."""
    out, inside = set(), False
    for i, ln in enumerate(lines):
        if FOOTNOTE_LINE.match(ln.text):
            inside = True
        elif not ln.body or _structural(ln):
            inside = False
        if inside:
            out.add(i)
    return out


def _end(lines: list[_Line], notes: set[int]) -> int:
    """Index of the first line after the regulation."""
    seen_paragraph = False
    for i, ln in enumerate(lines):
        if i in notes:
            continue
        if ANNEX_STAMP.match(ln.text) and seen_paragraph:
            return i
        m = PARAGRAPH.match(ln.text)
        if not m:
            continue
        if seen_paragraph and m["num"] == "1":
            k = i - 1
            while k >= 0 and (not lines[k].body or k in notes):
                k -= 1
            if k >= 0 and _heading_like(lines[k]):
                while k > 0 and (not lines[k - 1].body or (k - 1) in notes or _heading_like(lines[k - 1])):
                    k -= 1
                while k < i and not lines[k].body:
                    k += 1
                return k
        seen_paragraph = True
    return len(lines)


# --- reading -----------------------------------------------------------------------------------


@dataclass
class _Node:
    number: str
    numbered: bool
    start: int
    parts: list[Span]
    children: list[_Node] = field(default_factory=list)

    def text(self, text: str) -> str:
        return collapse(" ".join(text[a:b] for a, b in self.parts))

    def closed(self, text: str) -> bool:
        return self.text(text).endswith(CLOSED)

    def end(self) -> int:
        return max([b for _, b in self.parts] + [c.end() for c in self.children])


@dataclass
class _Para:
    number: str
    chapter: str | None
    start: int
    lead: list[Span]
    nodes: list[_Node] = field(default_factory=list)
    closed: bool = False  # a sentence after the items: later lines are the paragraph's own

    def end(self) -> int:
        return max([b for _, b in self.lead] + [n.end() for n in self.nodes])


def is_lead_in(text: str) -> bool:
    """A lead-in item that opens a nested list: a few words naming a group of powers, then ":"."""
    return text.endswith(":") and len(text.split()) <= MAX_HEADER_WORDS and power_group(text, True) is not None


def read(text: str, start: int) -> Structure:
    lines = _lines(text, start)
    notes = _footnote_lines(lines)
    stop = _end(lines, notes)
    doc = Structure()
    chapter: str | None = None
    paras: list[_Para] = []
    para: _Para | None = None
    for i, ln in enumerate(lines[:stop]):
        if not ln.body:
            continue
        if i in notes:
            if FOOTNOTE_LINE.match(ln.text):
                doc.footnotes.append((ln.body_start, ln.end))
            else:
                doc.footnotes[-1] = (doc.footnotes[-1][0], ln.end)
            continue
        head = CHAPTER.match(ln.text)
        if head:
            chapter = head["kk"] or head["ru"]
            doc.chapters.append(Chapter(chapter, collapse(head["title"]).rstrip("."), (ln.body_start, ln.end)))
            para = None
            continue
        m = PARAGRAPH.match(ln.text)
        if m and follows(paras[-1].number if paras else None, m["num"]) and not _continues_list(text, para, m["num"]):
            para = _Para(m["num"], chapter, ln.body_start, [(ln.start + m.end(), ln.end)])
            paras.append(para)
            continue
        if para is None:
            continue  # between a chapter heading and its first paragraph: nothing of ours
        _add_line(text, para, ln)
    doc.end = max((p.end() for p in paras), default=start)
    for p in paras:
        doc.paragraphs.append(_paragraph(text, p, doc.items))
    return doc


def _header(text: str, para: _Para | None) -> _Node | None:
    """The lead-in item whose nested list is open ("1) права:"), if any."""
    last = para.nodes[-1] if para is not None and para.nodes else None
    return last if last is not None and is_lead_in(last.text(text)) else None


def _continues_list(text: str, para: _Para | None, number: str) -> bool:
    """Does "N." go on a nested list numbered "1.", "2." rather than open paragraph N?"""
    header = _header(text, para)
    kids = header.children if header is not None else []
    return bool(kids) and kids[-1].numbered and follows(kids[-1].number, number)


def _add_line(text: str, para: _Para, ln: _Line) -> None:
    """An item line, a nested item, or text that goes on."""
    last = para.nodes[-1] if para.nodes else None
    header = _header(text, para)
    siblings = header.children if header is not None else para.nodes
    previous = siblings[-1].number if siblings and siblings[-1].numbered else None
    m = ITEM.match(ln.text) or PARAGRAPH.match(ln.text) if header is not None else ITEM.match(ln.text)
    if m is None:
        bare = BARE_ITEM.match(ln.text)
        m = bare if bare and previous and follows(previous, bare["num"]) else None
    if m is not None:
        para.closed = False
        if header is not None and ITEM.match(ln.text) and is_lead_in(_line_text(ln, m)):
            siblings = para.nodes  # the next lead-in: "2) обязанности:"
        for number, a, b in _split_inline(text, ln.start + m.end(), ln.end, m["num"]):
            siblings.append(_Node(number, True, ln.body_start if number == m["num"] else a, [(a, b)]))
        return
    body_text = ln.body
    if header is not None:
        kids = header.children
        if not kids or (not kids[-1].numbered and kids[-1].closed(text)):
            kids.append(_Node(str(len(kids) + 1), False, ln.body_start, [(ln.body_start, ln.end)]))
        else:
            kids[-1].parts.append((ln.body_start, ln.end))
        return
    if last is None or para.closed:
        para.lead.append((ln.body_start, ln.end))
        return
    if last.text(text).endswith(".") and body_text[0].isupper():
        para.closed = True  # a sentence of the paragraph after its list
        para.lead.append((ln.body_start, ln.end))
        return
    last.parts.append((ln.body_start, ln.end))


def _line_text(ln: _Line, m: re.Match[str]) -> str:
    return collapse(ln.text[m.end() :])


def _split_inline(text: str, a: int, b: int, number: str) -> list[tuple[str, int, int]]:
    """(number, start, end) of the items on one line: usually one; "…; 522) …" holds two."""
    out = [(number, a, b)]
    for m in INLINE_ITEM.finditer(text, a, b):
        current, start, _ = out[-1]
        if follows(current, m["num"]) and current != m["num"]:
            out[-1] = (current, start, m.start() + 1)
            out.append((m["num"], m.end(), b))
    return out


def _freeze(text: str, para: str, node: _Node, prefix: str, out: list[Item]) -> Item:
    body = TERMINATOR.sub("", node.text(text))
    path = prefix + node.number
    index = len(out)
    out.append(None)  # keeps text order: the item before its children
    children = tuple(_freeze(text, para, c, path + ".", out) for c in node.children)
    item = Item(para, path, node.number, node.numbered, body, is_excluded(body), (node.start, node.end()), children)
    out[index] = item
    return item


def _paragraph(text: str, p: _Para, items: list[Item]) -> Paragraph:
    lead = collapse(" ".join(text[a:b] for a, b in p.lead))
    frozen = tuple(_freeze(text, p.number, n, "", items) for n in p.nodes)
    return Paragraph(p.number, p.chapter, lead, is_excluded(lead) and not frozen, (p.start, p.end()), frozen)


def is_excluded(text: str) -> bool:
    """An item or paragraph printed only as the note that took it out ("исключен …", "алып тасталды …")."""
    return bool(EXCLUDED_ITEM.match(fold(text).lstrip("( ")))


__all__ = ["Chapter", "Item", "Paragraph", "Structure", "follows", "is_excluded", "is_lead_in", "read"]
