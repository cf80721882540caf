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

from kgraph.lang import EXCLUDED_ITEM, FOOTNOTE_LINE, LOWER, PENDING_ITEM, UNITS, fold
from kgraph.lang.powers import power_group
from kgraph.records import Span
from kgraph.sources.law_support import NUMBER
from kgraph.text import collapse

# --- patterns --------------------------------------------------------------------------------

_CHAPTER = UNITS["chapter"]
# "Глава 2. Задачи и полномочия" / "2-тарау. …". An adapter: the law reader's chapter pattern
# (moving to `sources/law_layout` with Roman numbers) can replace it once that is in main.
CHAPTER = re.compile(
    rf"^[ \t]*(?:(?P<kk>{NUMBER})-{_CHAPTER.heading('kk')}|{_CHAPTER.heading('ru')}\s+(?P<ru>{NUMBER}))\.?[ \t]*(?P<title>.*)$"
)
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
MAX_SECTION_WORDS = 14  # a chapter heading numbered like a paragraph: "2. Основные задачи, функции, права …"
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
    number: str  # as printed; an unnumbered line's position in its list; "s2" for the 2nd unnumbered heading
    numbered: bool
    text: str  # marker, footnotes and the closing ";"/"." left out
    excluded: bool
    span: Span
    children: tuple[Item, ...] = ()
    pending: bool = False  # only a note that its wording comes into force later ("вводится в действие с …")
    header: bool = False  # a lead-in of the nested items ("1) права:") or an unnumbered heading of them


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    number: str
    chapter: str | None
    lead: str  # the paragraph's own text before its items: "Функции:"
    excluded: bool
    span: Span
    items: tuple[Item, ...] = ()
    closing: str = ""  # a sentence of the paragraph after its items


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
    """Can `number` come next after `previous`? 15 -> 16, 15 -> 15-1, 15-1 -> 15-2, 177-78 -> 178,
    19 -> 21-1 (a few numbers may be printed nowhere)."""
    if previous is None:
        return True
    p, c = _parts(previous), _parts(number)
    if c[0] == p[0]:
        return (c[: len(p)] == p and len(c) > len(p)) or (len(c) == len(p) > 1 and c > p)
    return p[0] < c[0] <= p[0] + GAP


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


def text_lines(text: str, start: int) -> list[_Line]:
    """The lines of `text` from `start`, with their offsets."""
    out, pos = [], start
    for raw in text[start:].split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def is_structural(line: _Line) -> bool:
    """Does the line open a chapter, paragraph, item or footnote?"""
    return bool(
        CHAPTER.match(line.text)
        or PARAGRAPH.match(line.text)
        or ITEM.match(line.text)
        or FOOTNOTE_LINE.match(line.text)
    )


def _heading_like(line: _Line) -> bool:
    """A line that titles what follows: no closing punctuation, starts with a capital."""
    body = line.body
    return bool(body) and not is_structural(line) and body[0].isupper() and not body.endswith((*CLOSED, ","))


def _footnote_lines(lines: list[_Line]) -> set[int]:
    """Indices of the lines of footnotes: from "Сноска." / "Ескерту." to a blank or structural line."""
    out, inside = set(), False
    for i, ln in enumerate(lines):
        if FOOTNOTE_LINE.match(ln.text):
            inside = True
        elif not ln.body or is_structural(ln):
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
    header: bool = False  # opens a nested list: "1) права:", "функции ведомств:"

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
    closing: list[Span] = field(default_factory=list)
    dotted: bool = False  # its items are numbered "1.", "2." (a lower-case text after the number)

    def end(self) -> int:
        return max([b for _, b in self.lead + self.closing] + [n.end() for n in self.nodes])


def is_lead_in(text: str) -> bool:
    """A lead-in item that opens a nested list: a few words naming a group of powers, then ":"."""
    return text.endswith(":") and len(text.split()) <= MAX_HEADER_WORDS and power_group(text, True) is not None


def read(text: str, start: int) -> Structure:
    lines = text_lines(text, start)
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
        if m and _section_heading(lines, i, m, chapter):
            chapter = m["num"]  # "1. Общие положения": a chapter numbered like a paragraph
            doc.chapters.append(Chapter(chapter, collapse(ln.text[m.end() :]), (ln.body_start, ln.end)))
            para = None
            continue
        if m and _opens_paragraph(text, paras, para, m["num"]) and not _dotted_item(text, para, ln, m):
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


def _section_heading(lines: list[_Line], i: int, m: re.Match[str], chapter: str | None) -> bool:
    """Is "N. Title" the heading of the next chapter ("1. Общие положения", "2. Негізгі
    міндеттері …"): a few words with no closing punctuation, a line of its own?"""
    title = lines[i].text[m.end() :].strip()
    if not title or not title[0].isupper() or title.endswith((*CLOSED, ",")) or len(title.split()) > MAX_SECTION_WORDS:
        return False
    if not (m["num"] == "1" if chapter is None else follows(chapter, m["num"]) and "-" not in m["num"]):
        return False
    return i + 1 >= len(lines) or not lines[i + 1].body or is_structural(lines[i + 1])


def _opens_paragraph(text: str, paras: list[_Para], para: _Para | None, number: str) -> bool:
    """Does "N." open the next paragraph? It must come next after the last one; after a chapter
    heading (no paragraph open) any higher number does, as lists never hold a chapter heading."""
    last = paras[-1].number if paras else None
    if para is None and last is not None:
        return _parts(number) > _parts(last)
    return follows(last, number) and not _continues_list(text, para, number)


def _dotted_item(text: str, para: _Para | None, ln: _Line, m: re.Match[str]) -> bool:
    """Is "N. …" an item of the open paragraph's list, numbered with dots ("15. Функции:
    1. разработка …; 2. …")? Its text starts in lower case, and it opens the list (a lead-in
    ending ":" and number 1) or goes on a list numbered so."""
    rest = ln.text[m.end() :].lstrip()
    if para is None or not rest[:1].islower():
        return False
    if not para.nodes:
        lead = collapse(" ".join(text[a:b] for a, b in para.lead))
        return lead.endswith(":") and m["num"] == "1"
    last = para.nodes[-1]
    return para.dotted and last.numbered and follows(last.number, m["num"])


def _header(text: str, para: _Para | None) -> _Node | None:
    """The lead-in whose nested list is open ("1) права:", "функции ведомств:"), if any."""
    last = para.nodes[-1] if para is not None and para.nodes else None
    return last if last is not None and last.header else None


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
    if m is None and header is None:
        dot = PARAGRAPH.match(ln.text)
        if dot is not None and _dotted_item(text, para, ln, dot):
            m, para.dotted = dot, True
    if m is None:
        bare = BARE_ITEM.match(ln.text)
        m = bare if bare and previous and follows(previous, bare["num"]) else None
    if m is not None:
        para.closed = False
        lead_in = ITEM.match(ln.text) is not None and is_lead_in(_line_text(ln, m))
        if lead_in:
            siblings = para.nodes  # a lead-in item: "1) права:", then "2) обязанности:"
        for number, a, b in _split_inline(text, ln.start + m.end(), ln.end, m["num"]):
            siblings.append(_Node(number, True, ln.body_start if number == m["num"] else a, [(a, b)], header=lead_in))
        return
    body_text = ln.body
    if body_text.endswith(":") and (is_lead_in(body_text) or (last is not None and last.closed(text))):
        # an unnumbered lead-in ("функции центрального аппарата:") or a heading of the next items
        ordinal = sum(1 for n in para.nodes if n.header and not n.numbered) + 1
        para.nodes.append(_Node(f"s{ordinal}", False, ln.body_start, [(ln.body_start, ln.end)], header=True))
        para.closed = False
        return
    if para.closed:
        para.closing.append((ln.body_start, ln.end))
        return
    if (
        header is not None
        and header.children
        and header.children[-1].text(text).endswith(".")
        and body_text[0].isupper()
    ):
        para.closed = True  # a sentence of the paragraph after its nested list ("Министерство также может …")
        para.closing.append((ln.body_start, ln.end))
        return
    if header is not None:
        kids = header.children
        if not kids or (not kids[-1].numbered and kids[-1].closed(text)):
            kids.append(_Node(str(len(kids) + 1), False, ln.body_start, [(ln.body_start, ln.end)]))
        else:
            kids[-1].parts.append((ln.body_start, ln.end))
        return
    if last is None:
        para.lead.append((ln.body_start, ln.end))
        return
    if last.text(text).endswith(".") and body_text[0].isupper():
        para.closed = True  # a sentence of the paragraph after its list
        para.closing.append((ln.body_start, ln.end))
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


def _freeze(text: str, para: str, node: _Node, path: str, kids_prefix: str, out: list[Item]) -> Item:
    body = TERMINATOR.sub("", node.text(text))
    index = len(out)
    out.append(None)  # keeps text order: the item before its children
    children = tuple(_freeze(text, para, c, kids_prefix + c.number, kids_prefix, out) for c in node.children)
    item = Item(
        para,
        path,
        node.number,
        node.numbered,
        body,
        is_excluded(body),
        (node.start, node.end()),
        children,
        is_pending(body),
        node.header,
    )
    out[index] = item
    return item


def _paragraph(text: str, p: _Para, items: list[Item]) -> Paragraph:
    """The paragraph with its items. Items nested under a numbered lead-in are numbered by it
    ("1.3"); under an unnumbered heading they keep their own numbers unless those repeat
    numbers the paragraph used already (then "s2.3": the 3rd item under the 2nd heading)."""
    lead = collapse(" ".join(text[a:b] for a, b in p.lead))
    used: set[str] = set()
    frozen = []
    for n in p.nodes:
        if n.numbered or not n.header:
            kids_prefix = n.number + "."
        else:
            kids_prefix = f"{n.number}." if {c.number for c in n.children} & used else ""
        item = _freeze(text, p.number, n, n.number, kids_prefix, items)
        used |= {item.path, *(c.path for c in item.children)}
        frozen.append(item)
    closing = collapse(" ".join(text[a:b] for a, b in p.closing))
    excluded = is_excluded(lead) and not frozen
    return Paragraph(p.number, p.chapter, lead, excluded, (p.start, p.end()), tuple(frozen), closing)


def is_pending(text: str) -> bool:
    """An item printed only as the note that its wording comes into force later."""
    return bool(PENDING_ITEM.match(fold(text)))


def is_excluded(text: str) -> bool:
    """An item or paragraph printed only as the note that took it out ("исключен …", "алып тасталды …")."""
    return bool(EXCLUDED_ITEM.match(fold(text).lstrip("( ")))


__all__ = ["Chapter", "Item", "Paragraph", "Structure", "follows", "is_excluded", "is_lead_in", "is_pending", "read"]
