"""Structure of laws: chapters, articles, numbered paragraphs and item lists.

`read_structure(text)` reads the *normalized* text (leading spaces kept) into
a `Structure`: body lines of an article start indented, lines wrapped by the
PDF start at column 0, headings wrap onto lines indented deeper than the
heading or starting in lower case. Kept apart from `kgraph.sources.law`, which
reads definitions, competences and operators out of this structure; the other
helpers (`law_support`, `law_measures`) read it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from kgraph.lang import EXCLUDED_ITEM, FOOTNOTE_LINE, UNITS
from kgraph.records import Span
from kgraph.sources.law_support import NUMBER, sentences
from kgraph.text import collapse

# --- structure patterns ----------------------------------------------------------

_CHAPTER, _ARTICLE = UNITS["chapter"], UNITS["article"]
# "1-тарау. Жалпы ережелер" / "Глава 1. Общие положения"
CHAPTER = re.compile(
    rf"^[ \t]*(?:(?P<kk>{NUMBER})-{_CHAPTER.heading('kk')}|{_CHAPTER.heading('ru')}\s+(?P<ru>{NUMBER}))\.?[ \t]*(?P<title>.*)$"
)
# "11-бап. Қазақстан ..." / "Статья 11. Компетенция ..."
ARTICLE = re.compile(
    rf"^[ \t]*(?:(?P<kk>{NUMBER})-{_ARTICLE.heading('kk')}|{_ARTICLE.heading('ru')}\s+(?P<ru>{NUMBER}))\.[ \t]*(?P<title>.*)$"
)
# A numbered paragraph "1. ..." and an item "1) ..." / "1-1) ...", at the start of a line
# (of an indented line, when the text indents its body: a wrapped line may start "2) ").
PARAGRAPH = re.compile(rf"^[ \t]*(?P<num>{NUMBER})\.[ \t]+(?=\S)")
ITEM = re.compile(rf"^[ \t]*(?P<num>{NUMBER})\)[ \t]*")
# A list terminator left at the end of an item.
TERMINATOR = re.compile(r"[\s;.,]+$")


# --- records -----------------------------------------------------------------------


@dataclass(frozen=True)
class Chapter:
    kind: ClassVar[str] = "chapter"
    number: str
    title: str
    span: Span


@dataclass(frozen=True)
class Article:
    kind: ClassVar[str] = "article"
    number: str
    title: str
    chapter: str | None
    span: Span


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    article: str
    number: str
    text: str
    span: Span


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


# --- reading the structure -------------------------------------------------------------


@dataclass
class _Unit:
    """A run of text owned by one subdivision (article, paragraph or item)."""

    article: str
    paragraph: str | None
    item: str | None
    start: int
    end: int
    footnote: bool = False


@dataclass
class ItemList:
    article: str
    paragraph: str | None
    lead: str | None  # the sentence that introduces the list
    items: list[Item] = field(default_factory=list)
    prefix: str = ""  # IRI segment prefix when the list restarts its parent's numbering


@dataclass
class Structure:
    text: str
    chapters: list[Chapter] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    units: list[_Unit] = field(default_factory=list)
    lists: list[ItemList] = field(default_factory=list)

    def order(self, article: Article) -> int:
        return self.articles.index(article)

    def lists_in(self, article: str) -> list[ItemList]:
        return [lst for lst in self.lists if lst.article == article]

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


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" \t"))

    @property
    def body(self) -> str:
        return self.text.strip()


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _starts_structure(line: _Line) -> bool:
    return bool(
        CHAPTER.match(line.text)
        or ARTICLE.match(line.text)
        or PARAGRAPH.match(line.text)
        or ITEM.match(line.text)
        or FOOTNOTE_LINE.match(line.text)
    )


def _continues_heading(line: _Line, head_indent: int, after_blank: bool) -> bool:
    """Is `line` a wrapped part of the heading above it?

    Body text under a heading starts a sentence (capital letter) at the body
    indent; a heading goes on in lower case, deeper indented, or at column 0
    (a PDF wrap) under an indented heading.
    """
    if not line.body or _starts_structure(line):
        return False
    first = next((c for c in line.body if c.isalpha()), "")
    if first.islower():
        return True
    if after_blank:
        return False
    return line.indent > head_indent or (line.indent == 0 < head_indent)


def _heading(lines: list[_Line], i: int) -> int:
    """Index of the last line of the heading that starts at line i."""
    last, k, blank = i, i + 1, False
    while k < len(lines):
        if not lines[k].body:
            blank, k = True, k + 1
            continue
        if not _continues_heading(lines[k], lines[i].indent, blank):
            break
        last, k, blank = k, k + 1, False
    return last


def _number(m: re.Match[str]) -> str:
    return m["kk"] or m["ru"]


def read_structure(text: str) -> Structure:
    doc = Structure(text)
    lines = _lines(text)
    indented = any(ln.indent > 0 for ln in lines if ln.body)
    chapter = article = paragraph = None
    unit: _Unit | None = None
    chapter_start = article_start = para_start = 0
    open_list: ItemList | None = None
    used: dict[tuple[str, str | None], set[str]] = {}
    lists_in_parent: dict[tuple[str, str | None], int] = {}

    def close_article(end: int) -> None:
        if article is not None:
            i = next(k for k, a in enumerate(doc.articles) if a.number == article)
            a = doc.articles[i]
            doc.articles[i] = Article(a.number, a.title, a.chapter, (article_start, end))

    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.body:
            i += 1
            continue
        head = CHAPTER.match(ln.text) or ARTICLE.match(ln.text)
        if head:
            last = _heading(lines, i)
            title = collapse(" ".join([head["title"]] + [lines[k].text for k in range(i + 1, last + 1)])).rstrip(".")
            end = doc.units[-1].end if doc.units else ln.start
            close_article(end)
            _close_paragraph(doc, article, paragraph, para_start)
            if head.re is CHAPTER:
                if chapter is not None:
                    c = doc.chapters[-1]
                    doc.chapters[-1] = Chapter(c.number, c.title, (chapter_start, end))
                chapter, chapter_start, article = _number(head), ln.start + ln.indent, None
                doc.chapters.append(Chapter(chapter, title, (chapter_start, lines[last].end)))
            else:
                article, article_start = _number(head), ln.start + ln.indent
                doc.articles.append(Article(article, title, chapter, (article_start, lines[last].end)))
            paragraph, unit, open_list = None, None, None
            i = last + 1
            continue
        if article is None:  # preamble
            i += 1
            continue
        block = ln.indent > 0 or not indented
        para_m = PARAGRAPH.match(ln.text) if block else None
        item_m = ITEM.match(ln.text) if block else None
        if FOOTNOTE_LINE.match(ln.text):
            unit = _Unit(article, paragraph, unit.item if unit else None, ln.start + ln.indent, ln.end, footnote=True)
            doc.units.append(unit)
        elif para_m:
            _close_paragraph(doc, article, paragraph, para_start)
            paragraph, para_start, open_list = para_m["num"], ln.start + ln.indent, None
            unit = _Unit(article, paragraph, None, ln.start + para_m.end(), ln.end)
            doc.units.append(unit)
        elif item_m:
            parent = (article, paragraph)
            if open_list is None or unit is None or unit.item is None:
                open_list = ItemList(article, paragraph, _lead_in(text, unit, paragraph))
                doc.lists.append(open_list)
                lists_in_parent[parent] = lists_in_parent.get(parent, 0) + 1
            unit = _Unit(article, paragraph, item_m["num"], ln.start + item_m.end(), ln.end)
            doc.units.append(unit)
            number = item_m["num"]
            seen = used.setdefault(parent, set())
            if not open_list.items and number in seen:  # numbering restarts: "2.1", "2.2", ...
                open_list.prefix = f"{lists_in_parent[parent]}."
            segment = open_list.prefix + number
            seen.add(segment)
            item = Item(article, paragraph, number, "", False, segment, (ln.start + ln.indent, ln.end))
            open_list.items.append(item)
        elif (
            block
            and (unit is None or _ends_sentence(text[unit.start : unit.end]) or unit.footnote)
            and ln.body[0].isupper()
        ):
            unit, open_list = _Unit(article, paragraph, None, ln.start + ln.indent, ln.end), None
            doc.units.append(unit)
        elif unit is not None:
            unit.end = ln.end
        i += 1
    if doc.units:
        close_article(doc.units[-1].end)
        _close_paragraph(doc, article, paragraph, para_start)
        if doc.chapters:
            c = doc.chapters[-1]
            doc.chapters[-1] = Chapter(c.number, c.title, (c.span[0], doc.units[-1].end))
    _fill_items(doc)
    return doc


def _lead_in(text: str, unit: _Unit | None, paragraph: str | None) -> str | None:
    """The sentence that introduces a list: the last one of the text just above it."""
    if unit is None or unit.item is not None or unit.paragraph != paragraph or unit.footnote:
        return None
    found = sentences(text[unit.start : unit.end])
    return collapse(found[-1][0]) if found else None


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?"))


def _close_paragraph(doc: Structure, article: str | None, paragraph: str | None, start: int) -> None:
    if article is None or paragraph is None:
        return
    units = [u for u in doc.units if u.article == article and u.paragraph == paragraph]
    own = " ".join(doc.text[u.start : u.end] for u in units if u.item is None and not u.footnote)
    doc.paragraphs.append(Paragraph(article, paragraph, collapse(own), (start, units[-1].end)))


def _fill_items(doc: Structure) -> None:
    """Give each item its text and full span (an item's unit may run over several lines)."""
    by_key = {}
    for u in doc.units:
        if u.item is not None and not u.footnote:
            by_key.setdefault((u.article, u.paragraph, u.item), []).append(u)
    for lst in doc.lists:
        for k, it in enumerate(lst.items):
            units = by_key.get((it.article, it.paragraph, it.number), [])
            # Restarted numbering reuses a key: pick the unit that starts on this item's line.
            mine = [u for u in units if it.span[0] <= u.start <= it.span[1]]
            u = mine[0] if mine else units[0]
            text = TERMINATOR.sub("", collapse(doc.text[u.start : u.end]))
            new = Item(
                it.article,
                it.paragraph,
                it.number,
                text,
                bool(EXCLUDED_ITEM.match(text)),
                it.segment,
                (it.span[0], u.end),
            )
            lst.items[k] = new
            doc.items.append(new)


__all__ = ["Article", "Chapter", "Item", "Paragraph", "read_structure"]
