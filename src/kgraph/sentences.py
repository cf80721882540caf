"""Sentence boundaries in normalized text that survive PDF page breaks.

Shared by the extractors that work sentence by sentence (act references,
concept documents). Pure functions:

* `sentence_spans(text, breaks)` -> the `(start, end)` of every sentence. A
  paragraph break ends a sentence unless the next paragraph continues it; a
  full stop ends one unless it closes an abbreviation or a heading number.
* `sentence_at(spans, pos)` -> the sentence that holds `pos`.
"""

from __future__ import annotations

import re

from kgraph.records import Span

# A blank line, or a line break before an indented line.
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]{2,}\S)")
# A list item starts its own sentence: "1.", "2.3.", "4)", "–", "•".
ENUMERATOR = re.compile(r"^\s*(?:[-−–•→]\s*)?(?:\d+(?:\.\d+)*[.)]|[-−–•→])\s")
# Final punctuation followed by what can start a sentence.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[«\"(]?[А-ЯЁA-Z0-9ӘҒҚҢӨҰҮІ])")
# Abbreviations and initials whose full stop ends no sentence: "т.е.", "г.", "млн.", "А.".
NO_SPLIT_AFTER = re.compile(
    r"(?:\b(?:т\.\s?е|т\.\s?д|т\.\s?п|т\.\s?ч|г|гг|им|др|п|пп|ст|млн|млрд|тыс|чел|ед|проф|акад|РК)\.|\b[А-ЯЁA-Z]\.)$"
)


# Words that never end a sentence: a paragraph ending with one continues.
DANGLING = {
    "в",
    "во",
    "на",
    "с",
    "со",
    "к",
    "по",
    "от",
    "для",
    "при",
    "у",
    "о",
    "об",
    "из",
    "за",
    "и",
    "а",
    "или",
    "но",
    "что",
    "как",
    "между",
    "через",
    "до",
    "без",
    "под",
    "над",
    "мен",
    "және",
    "бен",
    "пен",
}
# A heading number is not a sentence: "1.", "4.1.", "Раздел 2.", "Параграф 1."
NUMBER_LABEL = re.compile(r"(?:[-–•→]\s*)?(?:[А-ЯЁA-Z]\w+\s+)?\d+(?:\.\d+)*\.")


def sentence_spans(text: str, breaks: tuple[int, ...] = ()) -> list[Span]:
    """Sentence boundaries. A paragraph break ends a sentence unless the next
    paragraph continues it (starts in lower case, or follows a long line
    without final punctuation); `breaks` are extra hard boundaries (headings)."""
    cuts = sorted(set(breaks))
    paras: list[Span] = []
    pos = 0
    for m in PARAGRAPH_BREAK.finditer(text):
        paras.append((pos, m.start()))
        pos = m.end()
    paras.append((pos, len(text)))
    blocks: list[list[int]] = []
    for start, end in paras:
        chunk = text[start:end]
        if not chunk.strip():
            continue
        prev = text[blocks[-1][0] : blocks[-1][1]].rstrip() if blocks else ""
        first = chunk.lstrip()[:1]
        last_word = prev.rsplit(None, 1)[-1].lower() if prev else ""
        joins = (
            bool(blocks)
            and not ENUMERATOR.match(chunk)
            and not any(blocks[-1][1] <= c <= start for c in cuts)
            and (
                first.islower()
                or last_word in DANGLING
                or (len(prev.rsplit("\n", 1)[-1]) > 60 and prev[-1:] not in ".!?:;")
            )
        )
        if joins:
            blocks[-1][1] = end
        else:
            blocks.append([start, end])
    out: list[Span] = []
    for start, end in blocks:
        s = start
        for m in SENTENCE_END.finditer(text, start, end):
            if NO_SPLIT_AFTER.search(text[max(s, m.start() - 8) : m.start()]) or NUMBER_LABEL.fullmatch(
                text[s : m.start()].strip()
            ):
                continue
            out.append(_trim(text, s, m.start()))
            s = m.end()
        out.append(_trim(text, s, end))
    return [sp for sp in out if sp[1] > sp[0]]


# A leading bullet, dropped from the sentence.
BULLET = re.compile(r"\s*(?:[→•−–-]\s+)?")


def _trim(text: str, start: int, end: int) -> Span:
    start = BULLET.match(text, start, end).end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_at(spans: list[Span], pos: int) -> Span:
    """The span in `spans` that holds `pos`; an empty span at `pos` if none does."""
    for s in spans:
        if s[0] <= pos < s[1]:
            return s
    return pos, pos


__all__ = ["sentence_at", "sentence_spans"]
