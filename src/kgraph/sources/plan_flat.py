"""Plan tables typed as fixed-width text and flattened: every printed line holds a piece
of each column side by side, the spaces between columns collapsed to one.

Old acts on the portal (before about 2005) print their plans this way: a header with
column separators ("N ! Мероприятие ! Форма !Ответственные! Срок"), then lines such as
«1.1. Обеспечить ежегодную Проект МЭБП, III» / «разработку Индикативного
постановления Нацбанк (по квартал,». Nothing marks where a column ends; words are
wrapped inside their column, often with a hyphen («согласова-» / «нию)»).

`read_flat(text, table, glossary)` reads such a body:

* blocks: a line starting with the next number of the numbering («2.1.1.», «5.3.4»,
  «4.1.10.Разработать») starts a block; rule lines (of «_», «-», «=») end one; a block
  of unnumbered lines after a rule is an unnumbered heading;
* headings: a numbered block whose number the next block extends («2.1.» before
  «2.1.1.») or that reads as a heading («II. …», «Раздел 2») is a section; an excluded
  row («(исключена - N 92 от 27.01.2003 г.)») is no task;
* cells: each line of a row is cut into its columns' pieces (`_Segmenter`): cells are
  top-aligned (a column's pieces fill its first lines), each piece fits its column's
  width, a cell starts with what its column holds (a document kind for a completion
  form, a body for the responsible ones, a period for a deadline) and a wrapped word
  goes on in the same column on the next line. Column widths are measured on the
  document itself: the pieces of the rows' first lines, cut by content alone;
* a cell's pieces are joined with the wrap hyphens removed and real hyphens kept
  (`kgraph.lang.words.join_wrapped`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgraph.lang import EXCLUDED_ITEM
from kgraph.lang.words import join_wrapped
from kgraph.sources.plan_columns import goes_on, learn, read_columns
from kgraph.sources.plan_table import (
    COLUMN_NUMBERS,
    DIRECTION_HEAD,
    EMPTY,
    Heading,
    Piece,
    Row,
    Table,
    repeated_header,
)

# A rule line of a typed table: underscores, dashes or equals signs, maybe with column marks.
RULE = re.compile(r"^[\s!|+:]*[_\-=—]+[\s_\-=—!|+:]*$")
# A row or heading number at the start of a line: «2.1.1.», «5.3.4 », «4.1.10.Разработать»,
# «5.3 2.» (a space for a dot), «II.». The text after it starts with a capital, a quote or a bracket.
LINE_NUMBER = re.compile(
    r"^\s*(?P<n>\d{1,2}(?:\.\d{1,3}){0,4})(?:\s(?P<more>\d{1,3})\.)?\.?\s*(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ«\"“(]|$)"
)
ROMAN_NUMBER = re.compile(r"^\s*(?P<n>[IVXІ]{1,5})\s*\.\s*(?=\S)")
# A word; a year word's abbreviation glued to the next column's number is two («2005гг.70,0»).
TOKEN = re.compile(r"\S+?(?:гг?\.|жж?\.)(?=\d)|\S+")
W_GREEDY_OTHER = 0.25
W_LATE = 1.5  # a cell starting after the row's first line
W_GAP = 1.5  # a cell interrupted by a line where its column is empty
W_DANGLING = 1.5  # a wrapped word («согласова-») whose column does not go on
W_WRAP = 1.0  # a wrapped word made whole by the next line's piece of the column («согласова-» «нию)»)
W_BIGRAM = 0.4  # per log-count of the two words across a line break elsewhere side by side
W_COMPLETE = 1.0  # a deadline going on after its year word
BEAM = 16
OPTIONS = 16  # cuts of a line tried against each state of the beam
SAMPLE = 40  # rows cut twice to measure the columns' widths


# --- lines and blocks -----------------------------------------------------------------------


def _lines(text: str, start: int, end: int) -> list[Piece]:
    return [
        Piece(m.group(0), tuple(range(start + m.start(), start + m.end())))
        for m in re.finditer(r"[^\n]+", text[start:end])
        if m.group(0).strip()
    ]


def _number_tuple(n: str) -> tuple[int, ...]:
    return tuple(int(x) for x in n.split("."))


def _plausible(n: tuple[int, ...], last: tuple[int, ...] | None) -> bool:
    """Is `n` a next number after `last` in a hierarchical numbering (a sibling a little
    ahead, a first child, or the next of an ancestor; a first child of an ancestor too,
    for a sub-section after the section's own rows)?"""
    if last is None:
        return True
    for k in range(len(last) + 1):
        prefix = last[:k]
        if len(n) == k + 1 and n[:k] == prefix and (n[k] == 1 or (k < len(last) and 0 < n[k] - last[k] <= 3)):
            return True
    return False


@dataclass
class _Block:
    number: str | None  # as printed (dots normalised), None for an unnumbered block
    lines: list[Piece]  # the first line without its number
    after_rule: bool  # a rule line came right before it


def _blocks(lines: list[Piece]) -> list[_Block]:
    blocks: list[_Block] = []
    last: tuple[int, ...] | None = None
    current: _Block | None = None
    rule = True
    for line in lines:
        if RULE.match(line.text) or COLUMN_NUMBERS.match(line.text.replace("!", " ")):
            current, rule = None, True
            continue
        m = LINE_NUMBER.match(line.text)
        number = None
        if m:
            n = _number_tuple(m["n"])
            if m["more"] and _plausible((*n, int(m["more"])), last):
                n = (*n, int(m["more"]))
            elif m["more"]:
                m = None  # «2 этап - …»: a number inside a cell
            if m and _plausible(n, last):
                number = ".".join(str(x) for x in n)
                last = n
        if number is None and ROMAN_NUMBER.match(line.text) and (current is None or rule):
            m = ROMAN_NUMBER.match(line.text)
            number = m["n"]
        if number is not None:
            current = _Block(number, [line[m.end() :].strip()], rule)
            blocks.append(current)
        elif current is None:
            current = _Block(None, [line.strip()], rule)
            blocks.append(current)
        else:
            current.lines.append(line.strip())
        rule = False
    return blocks


def _child_of(number: str | None, parent: str | None) -> bool:
    return bool(number and parent) and number.startswith(parent + ".")


# --- the reader -------------------------------------------------------------------------------


def _words(line: Piece) -> list[Piece]:
    return [line[m.start() : m.end()] for m in TOKEN.finditer(line.text)]


def _cell_piece(pieces: list[Piece]) -> Piece:
    """A cell's pieces joined: a wrapped word made whole (`join_wrapped`), other pieces one
    line each (a line break may part two bodies: «МСХ, МИД» / «АЧС, КНБ»)."""
    out: Piece = EMPTY
    for p in pieces:
        if not out.text:
            out = p
            continue
        left, right = out.text, p.text
        joined = join_wrapped(left, right)
        keep = len(joined) - len(right)  # the joined text ends with all of `right`
        if keep == len(left) + 1:  # two words apart: a line break between the lines
            out = Piece(left + "\n" + right, out.pos + (p.pos[0],) + p.pos)
        elif keep >= len(left):  # glued, the hyphen kept
            out = Piece(joined, out.pos + p.pos)
        else:  # glued, the hyphen dropped
            out = Piece(joined, out.pos[:keep] + p.pos)
    return out


@dataclass(frozen=True)
class Excluded:
    """A row printed only as excluded («(исключена - N 92 от 27.01.2003 г.)»): no task."""

    number: str
    text: Piece


def read_flat(text: str, table: Table, glossary: frozenset[str]) -> list[Row | Heading | Excluded]:
    kinds = tuple(k for k in table.kinds if k != "number")
    lines = [ln for ln in _lines(text, *table.body) if not repeated_header(re.split(r"\s*!\s*", ln.text))]
    blocks = _blocks(lines)
    model = learn(kinds, _row_lines(blocks), glossary, text)
    if _headings_under_rows(blocks, model):
        model = learn(kinds, _row_lines(blocks), glossary, text)  # what the rows alone say
    roles = _roles(blocks)
    rows = [k for k, role in enumerate(roles) if role == "row"]
    words = {k: [_words(ln) for ln in blocks[k].lines] for k in rows}
    cut = read_columns(kinds, [[[w.text for w in ws] for ws in words[k]] for k in rows], glossary, text, model)
    cols = dict(zip(rows, cut))
    items: list[Row | Heading | Excluded] = []
    for k, (block, role) in enumerate(zip(blocks, roles)):
        joined = Piece.join(block.lines)
        if role == "excluded":
            items.append(Excluded(block.number, joined))
        elif role == "heading":
            title, excluded = _heading_title(block)
            items.append(Heading("section", block.number, title, joined.span, excluded))
        else:
            items.append(_row(block.number, words[k], cols[k], kinds))
    return items


# A line opening a heading's title: a capitalised word (not an abbreviation).
TITLE_START = re.compile(r"^[«\"“]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]")


def _headings_under_rows(blocks: list[_Block], model) -> bool:
    """Heading lines printed right under a row, with no rule between (a heading of the mirror's
    Markdown inside the typed table), made blocks of their own (in place; True if any): from the
    first line of a row that opens with a capitalised word and cannot go on the row (`goes_on`:
    too wide for the columns still holding words), the row's lines are headings, one per line
    opening with a capital (a line in lower case or a bracket goes on the title above)."""
    found = False
    k = 0
    while k < len(blocks):
        block = blocks[k]
        k += 1
        if block.number is None or len(block.lines) < 2:
            continue
        words = [_texts(ln) for ln in block.lines]
        cut = next(
            (
                s
                for s in range(1, len(words))
                if TITLE_START.match(block.lines[s].text) and not goes_on(model, words[:s], words[s])
            ),
            None,
        )
        if cut is None:
            continue
        found = True
        heads, block.lines = block.lines[cut:], block.lines[:cut]
        for line in heads:
            if TITLE_START.match(line.text) or blocks[k - 1] is block:
                blocks.insert(k, _Block(None, [line], False))
                k += 1
            else:
                blocks[k - 1].lines.append(line)
    return found


def _row_lines(blocks: list[_Block]) -> list[list[list[str]]]:
    return [[_texts(ln) for ln in b.lines] for b, role in zip(blocks, _roles(blocks)) if role == "row"]


def _texts(line: Piece) -> list[str]:
    return [m.group(0) for m in TOKEN.finditer(line.text)]


def _roles(blocks: list[_Block]) -> list[str]:
    """What each block is: "heading", "excluded" (a row printed as excluded) or "row"."""
    roles = []
    for k, block in enumerate(blocks):
        nxt = next((b for b in blocks[k + 1 :] if b.number), None)
        if block.number is None:
            roles.append("heading")
        elif EXCLUDED_ITEM.match(Piece.join(block.lines).text.lstrip("(")) and len(block.lines) <= 2:
            roles.append("excluded")
        elif _is_heading(block, nxt):
            roles.append("heading")
        else:
            roles.append("row")
    return roles


def _row(number: str, words: list[list[Piece]], cols: list[list[tuple[int, str]]], kinds: tuple[str, ...]) -> Row:
    """The row's cells from its columns' pieces (a line's pieces take its words in column order)."""
    at = [0] * len(words)
    pieces: list[list[Piece]] = [[] for _ in kinds]
    for i in range(len(words)):
        for k, col in enumerate(cols):
            for line, text in col:
                if line == i:
                    n = len(text.split(" "))
                    pieces[k].append(Piece.join(words[i][at[i] : at[i] + n]))
                    at[i] += n
    row = Row(number)
    for kind, cell in zip(kinds, pieces):
        joined = _cell_piece(cell)
        if joined:
            row.add(kind, joined)
    return row


def _is_heading(block: _Block, nxt: _Block | None) -> bool:
    """A numbered block is a heading when the next block is numbered under it, or when it
    reads as one («II. …», «Раздел 2») and holds no row's columns."""
    if len(block.lines) > 3:
        return False
    if nxt is not None and _child_of(nxt.number, block.number):
        return True
    return bool(DIRECTION_HEAD.match(block.lines[0].text)) or not block.number[:1].isdigit()


def _heading_title(block: _Block) -> tuple[Piece, bool]:
    """A heading's title (a wrapped title joined); an exclusion note under it marks it excluded."""
    kept, excluded = [], False
    for ln in block.lines:
        if EXCLUDED_ITEM.match(ln.text.lstrip("(")):
            excluded = True
            continue
        kept.append(ln)
    return Piece.join(kept), excluded
