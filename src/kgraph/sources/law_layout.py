"""The lines of a law and the blocks they make, whatever the layout.

Laws reach us in three layouts, and one reader must take them all:

* the portal's Markdown mirrors (`kgraph.ingest.markdown`): one paragraph per
  line, blank lines between, indentation that differs from document to
  document (items at column 0 and nested lists indented, or the reverse);
* text copied from the portal's page: one paragraph per line;
* text extracted from a PDF: paragraphs wrapped over several lines, a
  paragraph's first line indented (or not), continuations at column 0.

`blocks(text)` cuts the text into blocks, one per paragraph as the author
wrote it (a heading, a numbered paragraph, an item, a footnote, a sentence
between them): it first decides whether the lines are wrapped at all
(`wrapped`), and if they are, where a new paragraph starts (a deeper indent
than the continuations, or a line that follows a finished sentence, a blank
line or the previous item's successor number). Headings keep the lines their
title wraps onto (`heading_end`). `contents_span` finds a table of contents
printed before the body (a run of article headings with no text between them
that the body repeats). Pure: text in, blocks out.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from kgraph.lang import FOOTNOTE_LINE, LOWER, SERVICE_NOTE, UNITS, UPPER

# --- line patterns ----------------------------------------------------------------------

NUMBER = r"\d{1,3}(?:-\d{1,3})*"  # "5", inserted "10-1", "7-1-1"
ROMAN = r"[IVXLC]{1,6}"
_CHAPTER, _ARTICLE = UNITS["chapter"], UNITS["article"]
_SUBSECTION, _SECTION, _PART = UNITS["subsection"], UNITS["section"], UNITS["part"]
# The heading number ends with a full stop or the line ("Статья 9.", "Глава 4-1", "9-бап.").
_HEAD_END = r"(?:\.[ \t]*|[ \t]*$|[ \t]+(?=[«(]?[А-ЯӘҒҚҢӨҰҮІ(]))"


def _heading(unit, roman: bool = False) -> re.Pattern[str]:
    number = rf"(?:{NUMBER}|{ROMAN})" if roman else NUMBER
    return re.compile(
        rf"^[ \t]*(?:(?P<kk>{number})[- ]{unit.heading('kk')}|{unit.heading('ru')}\s+(?P<ru>{number})){_HEAD_END}"
        r"(?P<title>.*)$"
    )


# "1-тарау. Жалпы ережелер" / "Глава 4-1. …" / "ГЛАВА II" (kk also "18-3 бап." with a space)
CHAPTER = _heading(_CHAPTER, roman=True)
# "11-бап. Қазақстан ..." / "Статья 7-1. Компетенция ..."
ARTICLE = _heading(_ARTICLE)
# Headings that group articles but are not chapters: "Параграф 1." / "1-параграф.", "Раздел 2" / "2-бөлім",
# a code's "Часть" / "бөлік". Their lines are skipped.
GROUPING = (_heading(_SUBSECTION, roman=True), _heading(_SECTION, roman=True), _heading(_PART, roman=True))
# A numbered paragraph "1. ..." and an item "1) ..." / "1-1) ...".
PARAGRAPH = re.compile(rf"^[ \t]*(?P<num>{NUMBER})\.[ \t]+(?=\S)")
ITEM = re.compile(rf"^[ \t]*(?P<num>{NUMBER})\)[ \t]*")
# Several items taken out at once: "17) - 21) алып тасталды".
ITEM_RANGE = re.compile(rf"^[ \t]*(?P<num>{NUMBER})\)[ \t]*[-–—][ \t]*(?P<last>{NUMBER})\)[ \t]*")
# A sub-point of an item: "а)", "б)", kk "ә)".
LETTER_ITEM = re.compile(rf"^[ \t]*[{LOWER}]\)[ \t]+")
# Ends a sentence, a list lead-in or a list item (closing quotes and brackets allowed after it).
FINISHED = re.compile(r"[.;:!?][»\")\]]*[ \t]*$")
# A line in capitals only (a heading fragment, "ПРЕСС-РЕЛИЗ").
CAPITALS = re.compile(rf"^[^{LOWER}]*[{UPPER}]{{2}}[^{LOWER}]*$")

# A table of contents: at least this many article headings in a row with nothing between them.
CONTENTS_MIN = 2


def heading(text: str) -> re.Match[str] | None:
    """A chapter or article heading at the start of a line (not the portal's note on an article's entry)."""
    if SERVICE_NOTE.match(text):
        return None
    return CHAPTER.match(text) or ARTICLE.match(text)


def grouping(text: str) -> re.Match[str] | None:
    return next((m for p in GROUPING if (m := p.match(text))), None)


def number_of(m: re.Match[str]) -> str:
    return m["kk"] or m["ru"]


def starts_structure(text: str) -> bool:
    return bool(
        heading(text)
        or grouping(text)
        or PARAGRAPH.match(text)
        or ITEM.match(text)
        or LETTER_ITEM.match(text)
        or FOOTNOTE_LINE.match(text)
        or SERVICE_NOTE.match(text)
    )


def number_key(number: str) -> tuple[int, ...]:
    """Sort key of a number as printed: "4" < "4-1" < "4-2" < "5"."""
    return tuple(int(p) for p in re.findall(r"\d+", number)) or (0,)


def follows(number: str, previous: str | None) -> bool:
    """Is `number` the next one after `previous` in a list ("5" after "4" or "4-2", "4-1" after "4")?"""
    if previous is None:
        return number_key(number) in ((1,), (0,))
    a, b = number_key(previous), number_key(number)
    return b > a and (b[0] == a[0] or b == (a[0] + 1,))


# --- lines and blocks -----------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" \t"))

    @property
    def body(self) -> str:
        return self.text.strip()


@dataclass
class Block:
    """One paragraph as the author wrote it: its first line and the lines it wraps onto."""

    first: int  # index of its first line
    last: int  # index of its last line
    start: int  # offset of its first character (indent skipped)
    end: int
    indent: int
    blank_before: bool


def lines(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _first_letter(text: str) -> str:
    return next((c for c in text if c.isalpha()), "")


def _starts_lower(line: Line) -> bool:
    """A line that goes on with a sentence: it starts with a lower-case letter (a line starting with a
    number or a quote begins something of its own)."""
    return line.body[:1].islower() and not starts_structure(line.text)


def wrapped(lns: list[Line]) -> bool:
    """Are paragraphs wrapped over several lines (text from a PDF)?

    In a wrapped text many lines run on into the next one: the line does not
    end a sentence or an item and the next line starts no numbered unit. One
    paragraph per line (Markdown, the portal's page) has hardly any such pair."""
    pairs = runs = 0
    for a, b in itertools.pairwise(lns):
        if not a.body:
            continue
        pairs += 1
        if b.body and not FINISHED.search(a.text) and not heading(a.text) and not starts_structure(b.text):
            runs += 1
    return runs > 0 and runs >= 0.1 * pairs


def heading_end(lns: list[Line], i: int, is_wrapped: bool) -> int:
    """Index of the last line of the heading that starts at line i.

    A heading goes on in lower case; in a wrapped text also on a line indented
    deeper than the heading, or at column 0 under an indented heading (a PDF
    wrap). Body text under a heading starts a sentence at the body indent."""
    last, k, blank = i, i + 1, False
    while k < len(lns):
        ln = lns[k]
        if not ln.body:
            blank, k = True, k + 1
            continue
        if starts_structure(ln.text):
            break
        deeper = ln.indent > lns[i].indent or ln.indent == 0 < lns[i].indent
        if not ln.body[:1].islower() and (blank or not is_wrapped or not deeper):
            break
        last, k, blank = k, k + 1, False
    return last


def blocks(text: str) -> tuple[list[Line], list[Block]]:
    """The lines of a text and its blocks (see the module docstring)."""
    lns = lines(text)
    is_wrapped = wrapped(lns)
    lower_indents = Counter(b.indent for a, b in itertools.pairwise(lns) if a.body and b.body and _starts_lower(b))
    marker_indents = Counter(ln.indent for ln in lns if ITEM.match(ln.text) or PARAGRAPH.match(ln.text))
    wrap_indent = lower_indents.most_common(1)[0][0] if lower_indents else 0
    start_indent = marker_indents.most_common(1)[0][0] if marker_indents else 0
    by_indent = is_wrapped and start_indent > wrap_indent
    out: list[Block] = []
    last_item: str | None = None
    i, blank = 0, True
    while i < len(lns):
        ln = lns[i]
        if not ln.body:
            i, blank = i + 1, True
            continue
        if heading(ln.text) or grouping(ln.text):
            last = heading_end(lns, i, is_wrapped)
            last_item = None
        elif out and blank and by_indent and ln.indent <= wrap_indent and not _own_line(ln):
            # a page break inside a paragraph: it goes on at the continuation indent
            out[-1].last, out[-1].end = i, ln.end
            i, blank = i + 1, False
            continue
        else:
            last = i
            while last + 1 < len(lns) and lns[last + 1].body:
                nxt, prev = lns[last + 1], lns[last]
                if not _continues(nxt, prev, is_wrapped, by_indent, wrap_indent, last_item):
                    break
                last += 1
            item = ITEM.match(ln.text)
            last_item = item["num"] if item else last_item
        out.append(Block(i, last, ln.start + ln.indent, lns[last].end, ln.indent, blank))
        i, blank = last + 1, False
    return lns, out


def _own_line(line: Line) -> bool:
    """A heading, footnote or portal note: never the continuation of a paragraph."""
    return bool(
        heading(line.text) or grouping(line.text) or FOOTNOTE_LINE.match(line.text) or SERVICE_NOTE.match(line.text)
    )


def _continues(nxt: Line, prev: Line, is_wrapped: bool, by_indent: bool, wrap_indent: int, last_item) -> bool:
    """Does line `nxt` go on with the paragraph whose last line so far is `prev`?"""
    if _own_line(nxt):
        return False
    if _starts_lower(nxt):
        return True
    if not is_wrapped:
        return False
    if by_indent:
        return nxt.indent <= wrap_indent
    item = ITEM.match(nxt.text)
    if item and follows(item["num"], last_item):
        return False
    return not FINISHED.search(prev.text)


def contents_span(lns: list[Line], blks: list[Block]) -> tuple[int, int] | None:
    """Block indices [first, stop) of a table of contents printed before the body.

    A run of at least CONTENTS_MIN article headings with no text between them
    (chapter headings and lines in capitals may come between: a chapter title
    the contents list split) whose first article heading comes again later; the
    contents end where the body's own first chapter or article heading begins."""
    heads = [heading(lns[b.first].text) for b in blks]
    first = next((k for k, m in enumerate(heads) if m and m.re is ARTICLE), None)
    if first is None:
        return None
    number, run, k = number_of(heads[first]), 0, first
    while k < len(blks) and (heads[k] or CAPITALS.match(lns[blks[k].first].body)):
        if heads[k] and heads[k].re is ARTICLE:
            if run and number_of(heads[k]) == number:
                break
            run += 1
        k += 1
    if run < CONTENTS_MIN:
        return None
    repeat = next(
        (j for j in range(k, len(blks)) if heads[j] and heads[j].re is ARTICLE and number_of(heads[j]) == number), None
    )
    if repeat is None:
        return None
    start = first
    while start > 0 and (heads[start - 1] or CAPITALS.match(lns[blks[start - 1].first].body)):
        start -= 1
    stop = k  # the contents end where other text begins (the act's title, notes, preamble) ...
    if repeat == k:  # ... or, right before the body, at the body's own first chapter heading
        while stop > start and heads[stop - 1] and heads[stop - 1].re is CHAPTER:
            stop -= 1
    return start, stop


__all__ = [
    "ARTICLE",
    "CHAPTER",
    "ITEM",
    "ITEM_RANGE",
    "LETTER_ITEM",
    "NUMBER",
    "PARAGRAPH",
    "Block",
    "Line",
    "blocks",
    "contents_span",
    "follows",
    "grouping",
    "heading",
    "number_key",
    "number_of",
    "starts_structure",
    "wrapped",
]
