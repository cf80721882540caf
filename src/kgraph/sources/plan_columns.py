"""Cut the printed lines of a typed table's row into its columns' pieces (`plan_flat`).

A row of a fixed-width table flattened into text prints, on each line, a piece of every
column still holding words, one space apart: «1.1. Обеспечить ежегодную Проект МЭБП, III»,
«разработку Индикативного постановления Нацбанк (по квартал,». The cut of each line is
chosen for the whole row at once (a beam search over the lines) by what a table is:

* cells are top-aligned: a cell fills its column's first lines without a gap;
* a piece fits its column's width; a line is filled before the cell wraps to the next one
  (not always: typists broke lines early), and a wrapped word («согласова-» «нию)») goes
  on in its column, where its halves make a dictionary word;
* a cell starts with what its column holds: a document kind for a completion form
  («Проект», «Информация»), a body for the responsible ones (an abbreviation, «акимы»),
  a period for a deadline («III», «2004», «Постоянно»); words are of a kind that fits
  their column (abbreviations and «(по согласованию)» are the parties', years and
  quarters the deadline's), and a deadline closes with its year word;
* a cell reads as its column's cells do elsewhere in the same document.

The last point is learned from the document (`learn`, `read_columns`): the rows' first lines, cut
by what their words are, give each column's width; all rows cut with those widths and the
document's own word pairs (which word follows which, anywhere) give each column's words,
word pairs and last words; the rows are cut again with those. A plan repeats its forms,
bodies and periods row after row, so what most rows show settles the rows in doubt.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from kgraph.deadlines import is_period_word
from kgraph.lang import BY_AGREEMENT_PART, fold, has_kazakh, morph
from kgraph.lang.bodies import ADMIN_UNIT, BODY_NOUN_KK, BODY_NOUN_RU, SHARED_HEAD_KK, SHARED_HEAD_RU
from kgraph.lang.periods import PERMANENT, RECURRENCE_WORDS
from kgraph.lang.words import is_word, join_wrapped
from kgraph.sources.plan_table import (
    ABBR,
    FORM_HEAD,
    FORM_TAIL,
    GROUP_WORD,
    OBLIQUE_RU,
    deadline_like,
    party_like,
)

# --- weights (log-odds-like units) ----------------------------------------------------------

BEAM = 8  # states kept from line to line
OPTIONS = 10  # cuts of a line tried against each state
SAMPLE_SHORT = 1  # the first line of each row (pass A)
W_OVER = 0.7  # per character beyond the column's width
W_OVER_FIRST = 0.3  # the first character beyond it (a width measured one short)
W_OVER_WORD = 0.1  # per character beyond it, for a piece of one word
W_GREEDY = {"text": 0.4}  # the next line's first word would have fitted on the line above
W_GREEDY_OTHER = 0.25
W_LATE = 1.5  # a cell starting after the row's first line (twice for the text)
W_GAP = 1.5  # a cell interrupted by a line where its column is empty
W_DANGLING = 1.5  # a wrapped word whose column does not go on
W_WRAP = 1.0  # a wrapped word made whole by the column's piece on the next line
W_BIGRAM = 0.4  # per log-count of a word pair across a line break, seen side by side in the document
W_COMPLETE = 1.0  # a deadline going on after its closing word («… 2003 года», «ежегодно»)
W_LONG = 0.5  # per word beyond a short column's usual length
W_QUOTE = 0.5  # a quote or bracket closed in the cell that opened it (twice that, against, elsewhere)
W_PREP = 1.0  # a preposition or conjunction alone in a column, another column's piece after it
W_NO_SEPARATOR = 1.0  # two nouns naming bodies on two lines of the parties with nothing between
W_TEXT_ON = 0.15  # the task's text going on (the longest cell of most rows)
SHORT = {"form": 8, "deadline": 5}
W_LEARNED = 0.5  # learned evidence: a word's, a pair's, a cell end's column odds (per log unit)
LEARNED_CLIP = 3.0
W_CELL = 0.5  # a cell as other rows print it (or the beginning of one)
PRIOR = 2.0
LEARNING_ROUNDS = 2  # readings with what the reading before learned
LEARNING_SAMPLE = 100  # rows read to learn from (every k-th row of a longer table)  # pseudo-counts per column: a word seen once says little

# A year word that closes a deadline («2003 года», «2004 год», «жылы»).
YEAR_WORD = re.compile(r"год[аыу]?|годов|гг|г|жыл\w*|ж|жж")
_FUNCTION = frozenset({"и", "в", "во", "на", "по", "с", "со", "о", "об", "для", "к", "за", "от", "при", "из", "до"})


@lru_cache(maxsize=65536)
def bare(word: str) -> str:
    """A word as the models count it: folded, without punctuation around it."""
    return fold(word.strip(',;.:()«»"“”!'))


@lru_cache(maxsize=65536)
def token_class(token: str, glossary: frozenset[str]) -> str:
    """What a word looks like: "abbr" (a body's abbreviation), "flag" (a piece of
    «(по согласованию)»), "period" (a deadline's word), "body" (a word naming a kind of
    body or a unit), "func" (a preposition or conjunction), "name" (capitalised) or "word"."""
    b = token.strip(",;.")
    if not b:
        return "func"
    if BY_AGREEMENT_PART.match(b) and re.search(r"[()]|соглас|бойынша|келісім", b, re.IGNORECASE):
        return "flag"
    if is_period_word(b):
        return "period"
    plain = b.strip('«»"“”()')
    f = fold(plain)
    if f in glossary or ABBR.fullmatch(plain):
        return "abbr"
    if f in _FUNCTION:
        return "func"
    if ADMIN_UNIT.match(f) or SHARED_HEAD_RU.match(f) or SHARED_HEAD_KK.match(f):
        return "body"
    if GROUP_WORD.match(f) or BODY_NOUN_RU.match(f) or BODY_NOUN_KK.match(f):
        # a body in the nominative (ru): «Правительству», «органах» are running text
        return "word" if OBLIQUE_RU.search(f) and not has_kazakh(f) else "body"
    return "name" if plain[:1].isupper() else "word"


# How well a word of each class fits each column (added per word).
AFFINITY = {
    "parties": {"abbr": 1.0, "flag": 1.0, "period": -0.8, "body": 0.4, "func": 0.0, "name": 0.0, "word": -0.6},
    "deadline": {"abbr": -2.0, "flag": -1.5, "period": 0.8, "body": -0.8, "func": -0.4, "name": -0.3, "word": -0.4},
    "form": {"abbr": -0.5, "flag": -0.6, "period": -0.3, "body": 0.0, "func": 0.0, "name": 0.0, "word": 0.0},
    "text": {"abbr": -0.2, "flag": -0.8, "period": 0.0, "body": 0.0, "func": 0.0, "name": 0.0, "word": 0.0},
}
AFFINITY["parties2"] = AFFINITY["parties"]
DEFAULT_AFFINITY = {"abbr": -0.3, "flag": -0.8, "period": -0.3, "body": 0.0, "func": 0.0, "name": 0.0, "word": 0.0}


def _start_fit(kind: str, piece: str) -> float:
    """How well a cell's first piece starts its column."""
    first = piece[:1]
    capital = first.isupper() or first.isdigit() or first in '«"“('
    if kind == "form":
        return 1.0 if capital and (FORM_HEAD.match(piece) or FORM_TAIL.search(piece)) else (0.0 if capital else -1.5)
    if kind in ("parties", "parties2"):
        return 0.3 if capital else -0.2
    if kind == "deadline":
        return 0.3 if capital else -1.0
    return 0.3 if capital else -1.5


def _cell_fit(kind: str, cell: str, glossary: frozenset[str]) -> float:
    """How well a whole cell reads as its column's content."""
    if not cell:
        return -2.0
    if kind == "deadline":
        return 1.5 if deadline_like(cell) else 0.0
    if kind in ("parties", "parties2"):
        return 1.0 if party_like(cell, glossary) else -0.5
    if kind == "form" and FORM_HEAD.fullmatch(cell):
        return -1.0  # «Проект» alone: a form names what it drafts
    return 0.0


@lru_cache(maxsize=65536)
def _balance_words(words: tuple[str, ...], opened: int) -> tuple[int, int, int]:
    good = bad = 0
    for w in words:
        g, b, opened = _balance(w, opened)
        good, bad = good + g, bad + b
    return good, bad, opened


def _balance(word: str, opened: int) -> tuple[int, int, int]:
    """Quotes and brackets of a word, given how many are open before it: (closed of those
    open, closed with none open, open after it). A straight quote opens at the start of a
    word (or after a bracket or another quote) and closes elsewhere."""
    good = bad = 0
    for i, ch in enumerate(word):
        opening = ch in "«(“" or (ch == '"' and (i == 0 or word[i - 1] in '(«"“'))
        if opening:
            opened += 1
        elif ch in '»)”"':
            if opened:
                opened, good = opened - 1, good + 1
            else:
                bad += 1
    return good, bad, opened


@lru_cache(maxsize=4096)
def _closes_deadline(word: str) -> bool:
    """A deadline's last word: a year word («года»), a recurrence («ежегодно»), «постоянно»."""
    return bool(YEAR_WORD.fullmatch(word) or PERMANENT.fullmatch(word)) or any(
        p.fullmatch(word) for p, _ in RECURRENCE_WORDS
    )


@lru_cache(maxsize=65536)
def _nominative(word: str) -> bool:
    """A lower-case Russian noun that reads as a nominative («министерства», «органы»)."""
    return (
        word[:1].islower()
        and not has_kazakh(word)
        and any(p.is_known and p.tag.POS == "NOUN" and p.tag.case == "nomn" for p in morph().parse(word))
    )


def wrapped(piece: str) -> bool:
    """Does the piece end with a word wrapped with a hyphen («согласова-», not «2002-»)?"""
    return len(piece) > 1 and piece.endswith("-") and piece[-2].isalpha()


# --- what is known of the document ------------------------------------------------------------


@dataclass
class Model:
    kinds: tuple[str, ...]
    glossary: frozenset[str] = frozenset()
    widths: dict[str, int] = field(default_factory=dict)
    bigrams: Counter = field(default_factory=Counter)  # word pairs side by side on a line
    words: dict[str, Counter] = field(default_factory=dict)  # learned: column -> word counts
    pairs: dict[str, Counter] = field(default_factory=dict)  # column -> counts of a word and the next
    ends: dict[str, Counter] = field(default_factory=dict)  # column -> counts of a cell's last word
    goes: dict[str, Counter] = field(default_factory=dict)  # column -> counts of a word followed by more
    cells: dict[str, Counter] = field(default_factory=dict)  # column -> counts of whole cells

    def cell_odds(self, kind: str, cell: str) -> float:
        """A cell printed the same in other rows («Проект постановления Правительства Республики
        Казахстан») is likely whole; one that only begins such a cell is likely cut short."""
        counts = self.cells.get(kind)
        if not counts or kind != "form":  # the one column of set phrases (lists and periods vary)
            return 0.0
        key = " ".join(w for w in (bare(x) for x in cell.split()) if w)
        if any(n >= 2 and c.startswith(key + " ") for c, n in counts.items()):
            return -1.0
        return 1.0 if counts.get(key, 0) >= 2 else 0.0

    @property
    def learned(self) -> bool:
        return bool(self.words)

    def odds(self, table: dict[str, Counter], kind: str, key) -> float:
        """Log odds that `key` (a word or a pair) is of column `kind`, against the columns'
        average, from the counts of the first reading (0 when never seen)."""
        total = sum(t.get(key, 0) for t in table.values())
        if not total:
            return 0.0
        share = (table[kind].get(key, 0) + PRIOR) / (total + PRIOR * len(table))
        return max(-LEARNED_CLIP, min(LEARNED_CLIP, math.log(share * len(table))))

    def end_odds(self, kind: str, word: str, ends: bool) -> float:
        """Log odds of a cell ending (or going on) after `word`, from the first reading."""
        e, g = self.ends[kind].get(word, 0), self.goes[kind].get(word, 0)
        if e + g == 0:
            return 0.0
        p = (e + PRIOR) / (e + g + 2 * PRIOR)
        return max(-LEARNED_CLIP, min(LEARNED_CLIP, math.log(2 * (p if ends else 1 - p))))

    def learn(self, cells: list[list[str]]) -> None:
        """Count each column's words, word pairs and last words in rows read already."""
        self.words = {k: Counter() for k in self.kinds}
        self.pairs = {k: Counter() for k in self.kinds}
        self.ends = {k: Counter() for k in self.kinds}
        self.goes = {k: Counter() for k in self.kinds}
        self.cells = {k: Counter() for k in self.kinds}
        for row in cells:
            for kind, cell in zip(self.kinds, row):
                words = [bare(w) for w in cell.split()]
                words = [w for w in words if w]
                if words:
                    self.cells[kind][" ".join(words)] += 1
                self.words[kind].update(words)
                self.pairs[kind].update(pairwise(words))
                self.goes[kind].update(words[:-1])
                if words:
                    self.ends[kind][words[-1]] += 1


def bigram_counts(text: str) -> Counter:
    """How often two words stand side by side on a line of the document."""
    counts: Counter = Counter()
    for line in text.splitlines():
        words = [bare(w) for w in line.split()]
        counts.update(pairwise(words))
    return counts


# --- the search --------------------------------------------------------------------------------


class _Col(NamedTuple):
    """A column as a row's lines are read: its last piece, on which line, its words so far."""

    line: int
    piece: str
    words: int
    partial: str  # the word the last piece wraps, its pieces so far («формирова» of «фор-» «мирова-»)
    last: str  # the last word of the last piece (`bare`)
    open: int  # quotes and brackets opened in the cell and not closed yet


class _State(NamedTuple):
    score: float
    cols: tuple[_Col | None, ...]
    back: tuple | None  # (the state before, the line's pieces)

    def signature(self, i: int, caps: tuple[int, ...]) -> tuple:
        """What the rest of the row's scoring depends on (states alike in it are merged)."""
        return tuple(
            None if c is None else (c.piece if c.line == i else c.partial, min(c.words, cap), c.line == i, c.open)
            for c, cap in zip(self.cols, caps)
        )

    def pieces(self, n: int) -> list[list[tuple[int, str]]]:
        out: list[list[tuple[int, str]]] = [[] for _ in range(n)]
        lines, state = [], self
        while state.back is not None:
            state, pieces = state.back
            lines.append(pieces)
        for i, pieces in enumerate(reversed(lines)):
            for k, p in enumerate(pieces):
                if p:
                    out[k].append((i, " ".join(p)))
        return out


class _PieceInfo(NamedTuple):
    text: str
    tail: str  # the wrapped word it ends with, without the hyphen ("" if none)
    last: str  # its last word (`bare`)
    function_end: bool  # it ends with a preposition or conjunction
    count: int


class Segmenter:
    def __init__(self, model: Model):
        self.m = model
        self._scores: dict[tuple, float] = {}
        self._infos: dict[tuple, _PieceInfo] = {}
        self._going: dict[tuple, float] = {}
        self._ends: dict[tuple, float] = {}

    def segment(self, lines: list[list[str]], partial: bool = False) -> list[list[tuple[int, str]]]:
        """The pieces of each column: [(line index, piece text), …] per column; `partial`:
        the lines are the row's first ones only (its cells go on)."""
        c = len(self.m.kinds)
        caps = tuple(SHORT.get(k, 0) + 1 for k in self.m.kinds)
        beam = [_State(0.0, (None,) * c, None)]
        for i, words in enumerate(lines):
            merged: dict[tuple, _State] = {}
            for pieces in self._options(words, i):
                for state in beam:
                    new = self._extend(state, i, pieces)
                    sig = new.signature(i, caps)
                    old = merged.get(sig)
                    if old is None or old.score < new.score:
                        merged[sig] = new
            beam = sorted(merged.values(), key=lambda s: -s.score)[:BEAM]
        finals = [(st.score + (self._opening(st) if partial else self._final(st)), st) for st in beam]
        return max(finals, key=lambda x: x[0])[1].pieces(c)

    def _opening(self, state: _State) -> float:
        """The row's first lines alone: cells are top-aligned, so a column with no piece yet is
        one the row leaves empty (or a cell starting late)."""
        return -W_LATE * sum(c is None for k, c in zip(self.m.kinds, state.cols) if k != "other")

    def _options(self, words: list[str], i: int) -> list[list[tuple[str, ...]]]:
        """The line's likeliest cuts by their pieces' own scores: the `OPTIONS` best ways to give
        its words to the columns in order (empty pieces allowed), best first, ties in the order
        of the cut points. A dynamic programme over (column, cut point) keeps the best few
        partial cuts of each state, so a long line of a wide table costs columns x words^2, not
        one score per cut (the number of cuts grows as words^(columns-1)). A long line (a text
        run across the table) goes to the first column."""
        n, c = len(words), len(self.m.kinds)
        if n > 14:
            return [[tuple(words) if k == 0 else () for k in range(c)]]
        kinds = self.m.kinds
        first = i == 0
        # best[e]: the best partial cuts of the columns so far with the last one ending at e,
        # as (score, cut points); the score adds the pieces' scores column by column.
        best = [[(self._piece(kinds[0], tuple(words[:e]), first, "", "") if e else 0, (e,))] for e in range(n + 1)]
        for k in range(1, c):
            kind, last = kinds[k], k == c - 1
            nxt: list[list[tuple[float, tuple[int, ...]]]] = []
            for e in range(n + 1):
                if last and e != n:
                    nxt.append([])
                    continue
                cands = []
                for s in range(e + 1):
                    add = self._piece(kind, tuple(words[s:e]), first, "", "") if e > s else None
                    for score, cuts in best[s]:
                        cands.append((score if add is None else score + add, (*cuts, e)))
                cands.sort(key=lambda x: (-x[0], x[1]))
                nxt.append(cands[:OPTIONS])
            best = nxt
        out = []
        for _, cuts in best[n]:
            starts = (0, *cuts[:-1])
            out.append([tuple(words[a:b]) for a, b in zip(starts, cuts)])
        return out

    def _piece(self, kind: str, words: tuple[str, ...], first: bool, carry: str, before: str) -> float:
        """A piece's own score. `carry`: the word it goes on wrapping («формирова» before
        «нии»); `before`: the column's last word on the line above (a pair across the break)."""
        key = (kind, words, first, carry, before)
        if key in self._scores:
            return self._scores[key]
        m = self.m
        text = " ".join(words)
        score = 0.0
        width = m.widths.get(kind)
        if width and len(text) > width:  # one word alone may be longer than the width measured
            over = len(text) - width
            score -= W_OVER_WORD * over if len(words) == 1 else W_OVER_FIRST + W_OVER * (over - 1)
        table = AFFINITY.get(kind, DEFAULT_AFFINITY)
        prev = before
        for k, w in enumerate(words):
            if k == 0 and carry:
                whole = join_wrapped(carry + "-", w).split(" ")[0]
                score += W_WRAP if is_word(whole) else 0.0
                w, prev = whole, ""
            b = bare(w)
            cls = token_class(w, m.glossary)
            score += table[cls]
            if m.learned and cls != "func":  # «и», «в» are in every column
                score += W_LEARNED * m.odds(m.words, kind, b)
            if m.learned and prev:
                score += W_LEARNED * m.odds(m.pairs, kind, (prev, b))
            elif prev and k == 0:  # a line break inside a phrase the document prints elsewhere
                score += W_BIGRAM * math.log1p(m.bigrams.get((prev, b), 0))
            prev = b
        if first:
            score += _start_fit(kind, text)
        self._scores[key] = score
        return score

    def _info(self, words: tuple[str, ...]) -> _PieceInfo:
        info = self._infos.get(words)
        if info is None:
            text = " ".join(words)
            tail = text.rsplit(" ", 1)[-1][:-1].lstrip('«"“(') if wrapped(text) else ""
            info = _PieceInfo(text, tail, bare(words[-1]), fold(words[-1]) in _FUNCTION, len(words))
            self._infos[words] = info
        return info

    def _extend(self, state: _State, i: int, pieces: list[tuple[str, ...]]) -> _State:
        score = state.score
        cols = list(state.cols)
        for k, words in enumerate(pieces):
            col, kind = cols[k], self.m.kinds[k]
            on = col is not None and col.line == i - 1
            if not words:
                if on:
                    score += self._ending(kind, col)
                continue
            info = self._info(words)
            if info.function_end and info.count == 1 and any(pieces[k + 1 :]):
                score -= W_PREP  # «в» alone in its column while the line goes on in another
            opened = col.open if col is not None else 0
            if col is None:
                score += self._piece(kind, words, True, "", "")
                score -= W_LATE * (2 if kind == "text" else 1) if i > 0 else 0.0
                count = info.count
            else:
                score += self._piece(kind, words, False, col.partial if on else "", col.last if on else "")
                score += self._going_on(kind, col, words[0]) if on else -W_GAP
                count = col.words + info.count
            good, bad, opened = _balance_words(words, opened)  # quotes and brackets the column closes
            score += W_QUOTE * good - 2 * W_QUOTE * bad
            if kind in SHORT:
                score -= W_LONG * max(0, count - max(SHORT[kind], count - info.count))
            partial = info.tail
            if partial and on and col.partial and info.count == 1:
                partial = col.partial + partial
            cols[k] = _Col(i, info.text, count, partial, info.last, opened)
        return _State(score, tuple(cols), (state, pieces))

    def _going_on(self, kind: str, col: _Col, word: str) -> float:
        """A column going on from one line to the next."""
        key = (kind, col.piece, col.partial, col.last, word)
        score = self._going.get(key)
        if score is not None:
            return score
        score = 0.0
        width = self.m.widths.get(kind)
        if width and not col.partial and len(col.piece) + 1 + len(word) <= width:
            score -= W_GREEDY.get(kind, W_GREEDY_OTHER)
        if kind == "text":
            score += W_TEXT_ON
        if kind == "deadline" and not col.partial and _closes_deadline(col.last):
            score -= W_COMPLETE
        if kind in ("parties", "parties2") and not col.partial and self._unseparated(col.piece, word):
            score -= W_NO_SEPARATOR
        if self.m.learned and not col.partial:
            score += W_LEARNED * self.m.end_odds(kind, col.last, ends=False)
        self._going[key] = score
        return score

    def _unseparated(self, piece: str, word: str) -> bool:
        """Two bodies on two lines of the parties with no comma or «и» between: «министерства» /
        «агентства»; after an abbreviation, only its flag, another abbreviation or a quoted name
        goes on («МЭБП» / «Правительства» are two columns' words)."""
        last = piece.rsplit(" ", 1)[-1]
        if last[-1:] in ",;" or word[:1] in '«"“(':
            return False
        if token_class(last, self.m.glossary) == "abbr" and not last.endswith(")"):
            return token_class(word, self.m.glossary) not in ("abbr", "flag", "func")
        return _nominative(bare(last)) and _nominative(bare(word))

    def _ending(self, kind: str, col: _Col) -> float:
        """A column's cell ending after its last piece."""
        key = (kind, col.partial, col.open, col.last)
        score = self._ends.get(key)
        if score is None:
            score = (-W_DANGLING if col.partial else 0.0) - 2 * W_QUOTE * col.open
            if col.last in _FUNCTION:
                score -= W_PREP  # a cell does not end with «в» or «и»
            if self.m.learned and not col.partial:
                score += W_LEARNED * self.m.end_odds(kind, col.last, ends=True)
            self._ends[key] = score
        return score

    def _final(self, state: _State) -> float:
        score = 0.0
        cols = state.pieces(len(self.m.kinds))
        for kind, col, cell in zip(self.m.kinds, state.cols, joined_cells(cols)):
            if kind == "other":
                continue
            score += _cell_fit(kind, cell, self.m.glossary) + W_CELL * self.m.cell_odds(kind, cell)
            if col is not None:
                score += self._ending(kind, col)
        return score


# --- reading a table ---------------------------------------------------------------------------


def joined_cells(cols: list[list[tuple[int, str]]]) -> list[str]:
    out = []
    for col in cols:
        text = ""
        for _, piece in col:
            text = join_wrapped(text, piece) if text else piece
        out.append(text)
    return out


def _widths(kinds, cols_of_rows: list[list[list[tuple[int, str]]]], share: float) -> dict[str, int]:
    lengths: dict[str, list[int]] = {k: [] for k in kinds}
    for cols in cols_of_rows:
        for kind, col in zip(kinds, cols):
            lengths[kind].extend(len(piece) for _, piece in col)
    out = {}
    for kind, values in lengths.items():
        if len(values) >= 2:
            values.sort()
            out[kind] = values[min(len(values) - 2, int(share * len(values)))]
    return out


def goes_on(model: Model, lines: list[list[str]], words: list[str]) -> bool:
    """Can `words` be the next line of a row printed as `lines`: its words, in order, pieces of
    the columns that hold a piece on the row's last line (cells are top-aligned, so a column
    that has ended does not start again), each piece within its column's width?"""
    cut = Segmenter(model).segment(lines, partial=True)
    last = len(lines) - 1
    widths = [model.widths.get(k, 99) for k, col in zip(model.kinds, cut) if col and col[-1][0] == last]

    def fit(i: int, k: int) -> bool:  # words[i:] into the open columns from the k-th on
        if i == len(words):
            return True
        return any(
            len(" ".join(words[i:j])) <= widths[c] + 1 and fit(j, c + 1)
            for c in range(k, len(widths))
            for j in range(i + 1, len(words) + 1)
        )

    return fit(0, 0)


def learn(kinds: tuple[str, ...], rows: list[list[list[str]]], glossary: frozenset[str], text: str) -> Model:
    """What the document says of its columns (see the module docstring for the readings)."""
    model = Model(kinds, glossary, bigrams=bigram_counts(text))
    first = Segmenter(model)
    model.widths = _widths(kinds, [first.segment(r[:1], partial=True) for r in rows if r], 1.0)
    sample = rows[:: max(1, len(rows) // LEARNING_SAMPLE)]
    cut = [Segmenter(model).segment(r) for r in sample]
    every = _widths(kinds, cut, 0.98)
    model.widths = {k: max(model.widths.get(k, 0), every.get(k, 0)) for k in kinds}
    for _ in range(LEARNING_ROUNDS - 1):
        model.learn([joined_cells(c) for c in cut])
        again = Segmenter(model)
        cut = [again.segment(r) for r in sample]
    model.learn([joined_cells(c) for c in cut])
    return model


def read_columns(
    kinds: tuple[str, ...], rows: list[list[list[str]]], glossary: frozenset[str], text: str, model: Model | None = None
) -> list[list[list[tuple[int, str]]]]:
    """The pieces of every row's columns, with what the document says of its columns (`model`:
    learned already)."""
    final = Segmenter(model or learn(kinds, rows, glossary, text))
    return [final.segment(r) for r in rows]
