"""Normalizer for text extracted from official PDFs.

`normalize(raw)` repairs extraction damage and keeps, for every character of
the result, the offset of the raw character it came from, so that provenance
can point at the exact source span.

Guarantees (checked by property tests):
* idempotent: normalize(normalize(x).text).text == normalize(x).text;
* non-space characters are never dropped or reordered, except page-break
  debris (HTML paragraph tags, rule lines of dashes) which is recorded in
  `Normalized.removed`;
* `origin` maps every normalized offset back into the raw text.

Every repair is a pass `(text, origin) -> (text, origin)` built on `_rewrite`,
which only lets a pass change whitespace or cut debris.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kgraph.lang import MONTHS_KK_PATTERN, has_kazakh
from kgraph.lang.words import join_fragments, segment

# --- Named patterns ---------------------------------------------------------

# Horizontal whitespace as PDF extraction emits it (no-break and thin spaces too).
_HSPACE = "[ \\t\\u00a0\\u2007\\u202f\\u2009]"

# Page-break and markup debris: HTML paragraph tags and lines made only of
# dashes/tabs (table rules from a flattened layout).
# (a line of dashes, spaces and tabs with two dashes in a row: one possessive run, so that a long
# line of dashes that is not debris fails in linear time)
DEBRIS = re.compile(r"</?p>|^(?=[^\n]*?--)[\t \-]*+$", re.MULTILINE)

# A letter-spaced run: at least three single characters separated by single
# spaces ("П л а н", "1 1 - б а п ."), or two before a wider gap and more
# ("в о  и с п о л н е н и е"); words inside it are separated by two or more
# spaces ("М О Н ,  заинтересованные"). Where the words inside a group of
# single characters begin and end is decided by a dictionary (`_join_letter_spaced`).
LETTER_SPACED = re.compile(
    r"(?<![^\s«(\"“])"  # starts after whitespace, an opening quote/paren or at start
    r"(?:(?:\S {1}){2,}\S|\S \S(?= {2,}\S \S))"  # c c c ..., or c c before more spaced words
    r"(?:(?: {2,}|\n)(?:\S {1})+\S)*"  # more letter-spaced words after wider gaps
    r"(?!\S)"
)


def _is_spaced_text(run: str) -> bool:
    """Tell letter-spaced text from rows of table cells.

    Without a letter, a run is a row of single-character cells ("1 2 3 4 5",
    "- 1 2 4 7") unless it holds a full stop, as spaced dates and numbers
    do ("2 8 . 0 9 . 2 0 1 5", "7 9 5 .").
    """
    return any(c.isalpha() for c in run) or "." in run


# Justified lines whose words are two spaces apart sometimes split a word
# around the Kazakh letter "і", which the PDF set as a glyph of its own
# ("уәк ілетт і  орган  жүрг і зед і ."). In such lines, single spaces next
# to "і" are inside words.
WIDE_SPACED_LINE = re.compile(r"^[^\n]*\S {2,}\S[^\n]*\S {2,}\S[^\n]*$", re.MULTILINE)
SPACE_AT_KK_I = re.compile(r"(?<=[^\W\d_]) (?=[іІ])|(?<=[іІ]) (?=[^\W\d_])")


# A Kazakh word split around its "і" in an ordinary line ("жерг іл ікт і
# қамтуды", "тиімділіг ін"): a run of words with one that begins with "і".
SPLIT_AT_KK_I = re.compile(r"(?<![^\s«(])(?:[^\W\d_]+ ){0,3}[іІ][^\W\d_]*(?: [^\W\d_]+){0,3}(?![^\s.,;:)»])")


def _join_kk_fragments(m: re.Match[str]) -> str:
    run = m.group(0)
    return " ".join(join_fragments(run.split(" "))) if has_kazakh(run, count_i=False) else run


def _join_split_kk_i(m: re.Match[str]) -> str:
    return SPACE_AT_KK_I.sub("", m.group(0)) if re.search(r"(?<! )[іІ] |(?<= )[іІ]", m.group(0)) else m.group(0)


# A word hyphenated over a line break: "научно-\nтехнический".
HYPHEN_BREAK = re.compile(r"(?<=\w-)" + _HSPACE + r"*\n" + _HSPACE + r"*(?=\w)")

# Whitespace just inside guillemets or brackets: "АО «\nУКСЭЗ" / "(реализация\n)".
SPACE_AFTER_OPEN = re.compile(r"(?<=[«(])\s+(?=\S)")
SPACE_BEFORE_CLOSE = re.compile(r"(?<=\S)\s+(?=[»)])")

# Space before punctuation left by letter-spacing: "мероприятий ) ." -> "мероприятий).".
SPACE_BEFORE_PUNCT = re.compile(_HSPACE + r"+(?=[.,;:)»](?:\s|$))")

# Glued tokens: Kazakh "жылғы" ("of the year", always a word of its own) stuck
# to the month or quarter after it ("2013 жылғытамыз", "2016 жылғыІ-тоқсан").
GLUED_YEAR_MONTH = re.compile(r"(?<=\bжылғы)(?=(?:" + MONTHS_KK_PATTERN + r"|[IІVХX]+\b))", re.IGNORECASE)
# A lower-case Cyrillic letter directly followed by an upper-case word of
# two or more letters ("проектаМИНТ") is two words glued together; but one lower-case
# letter between capitals is inside an abbreviation ("КПСиСУ", "ЕврАзЭС", "ҚСжАЕК").
GLUED_CASE = re.compile(r"(?<![А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі])(?<=[а-яәғқңөұүһі])(?=[А-ЯӘҒҚҢӨҰҮҺІ]{2})")

# Runs of horizontal whitespace after the first non-space character of a line.
INNER_SPACES = re.compile(r"(?<=\S)" + _HSPACE + r"{2,}(?=\S)")
TRAILING_SPACES = re.compile(_HSPACE + r"+$", re.MULTILINE)
BLANK_LINES = re.compile(r"\n(?:" + _HSPACE + r"*\n){2,}")


@dataclass(frozen=True)
class Normalized:
    """Normalized text plus a map back to the raw text."""

    text: str
    origin: tuple[int, ...]  # len(text) + 1 entries; the last is len(raw)
    removed: tuple[tuple[int, int], ...] = field(default=())

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalized text to the raw text."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside text of length {len(self.text)}")
        if start == end:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


Pass = Callable[[str, list[int]], tuple[str, list[int], list[tuple[int, int]]]]


def _rewrite(
    text: str,
    origin: list[int],
    pattern: re.Pattern[str],
    replace: Callable[[re.Match[str]], str],
    debris: bool = False,
) -> tuple[str, list[int], list[tuple[int, int]]]:
    """Apply `replace` to every match, keeping the offset map.

    A replacement must keep the match's non-space characters in order (it may
    only drop, add or change whitespace); debris passes may drop everything.
    Each output character inherits the origin of the raw character it keeps,
    inserted whitespace the origin of the next kept character.
    """
    out: list[str] = []
    out_origin: list[int] = []
    removed: list[tuple[int, int]] = []
    pos = 0
    for m in pattern.finditer(text):
        out.append(text[pos : m.start()])
        out_origin.extend(origin[pos : m.start()])
        new = replace(m)
        if debris:
            removed.append((origin[m.start()], origin[m.end()]))
            out.append(new)
            out_origin.extend([origin[m.start()]] * len(new))
        else:
            src = m.group(0)
            i = 0  # index into the matched text
            for ch in new:
                if not ch.isspace():
                    while src[i] != ch:
                        if not src[i].isspace():
                            raise AssertionError(f"pass {pattern.pattern!r} dropped {src[i]!r}")
                        i += 1
                    out_origin.append(origin[m.start() + i])
                    i += 1
                else:
                    out_origin.append(origin[m.start() + min(i, len(src) - 1)] if src else origin[m.start()])
                out.append(ch)
            if any(not c.isspace() for c in src[i:]):
                raise AssertionError(f"pass {pattern.pattern!r} dropped text in {src!r}")
        pos = m.end()
    out.append(text[pos:])
    out_origin.extend(origin[pos:])
    return "".join(out), out_origin, removed


def _join_letter_spaced(m: re.Match[str]) -> str:
    """Join a letter-spaced run into the words a dictionary knows: "П л а н" ->
    "План", "в т о м  ч и с л е" -> "в том числе"; real one-letter words stay
    apart ("15 % и к 2020", "а и б"): see `kgraph.lang.words.segment`. Kazakh
    has no one-letter words: a run with Kazakh letters is joined group by group."""
    run = m.group(0)
    if not _is_spaced_text(run):
        return run
    words = re.split(r" {2,}|\n", run)
    if has_kazakh(run, count_i=False):
        return " ".join(w.replace(" ", "") for w in words)
    return " ".join(" ".join(segment(w.split(" "))) for w in words)


# Windows and old Mac line ends.
CARRIAGE_RETURN = re.compile(r"\r\n?")

_PASSES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str], bool]] = [
    (CARRIAGE_RETURN, lambda m: "\n", False),
    (DEBRIS, lambda m: "", True),
    (TRAILING_SPACES, lambda m: "", False),
    (LETTER_SPACED, _join_letter_spaced, False),
    (WIDE_SPACED_LINE, _join_split_kk_i, False),
    (SPLIT_AT_KK_I, _join_kk_fragments, False),
    (HYPHEN_BREAK, lambda m: "", False),
    (SPACE_AFTER_OPEN, lambda m: "", False),
    (SPACE_BEFORE_CLOSE, lambda m: "", False),
    (SPACE_BEFORE_PUNCT, lambda m: "", False),
    (GLUED_YEAR_MONTH, lambda m: " ", False),
    (GLUED_CASE, lambda m: " ", False),
    (INNER_SPACES, lambda m: " ", False),
    (TRAILING_SPACES, lambda m: "", False),
    (BLANK_LINES, lambda m: "\n\n", False),
]


def _normalize_once(text: str, origin: list[int]) -> tuple[str, list[int], list[tuple[int, int]]]:
    removed: list[tuple[int, int]] = []
    for pattern, replace, debris in _PASSES:
        text, origin, cut = _rewrite(text, origin, pattern, replace, debris)
        removed.extend(cut)
    return text, origin, removed


def normalize(raw: str) -> Normalized:
    """Repair PDF-extraction damage; see the module docstring for guarantees."""
    text, origin, removed = raw, list(range(len(raw) + 1)), []
    # Repairs can expose new ones (a debris cut joins two letter-spaced runs);
    # iterate to a fixed point so that the result is idempotent.
    for _ in range(4):
        new_text, origin, cut = _normalize_once(text, origin)
        removed.extend(cut)
        if new_text == text:
            break
        text = new_text
    return Normalized(text, tuple(origin), tuple(sorted(removed)))


# Detector used by tests and `kgraph stats`: a run of four or more single
# letters separated by single spaces is letter-spacing left unrepaired.
LEFTOVER_LETTER_SPACING = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")


def letter_spaced_runs(text: str) -> list[str]:
    return [m.group(0) for m in LEFTOVER_LETTER_SPACING.finditer(text)]


def collapse(text: str) -> str:
    """One-line form of a span: whitespace runs become one space."""
    return re.sub(r"\s+", " ", text).strip()
