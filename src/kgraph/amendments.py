"""Amendment footnotes, in Russian and Kazakh: which act(s) changed which clause.

Pure functions over normalized text:

* `find_amendments(text)` -> one `Amendment` per "Сноска." / "Ескерту."
  footnote: the changed clause as printed, its subdivision (paragraph, item)
  or the act/annex itself, the kind of change, and the amending acts with
  their dates and numbers.

The footnote pattern (`kgraph.lang.FOOTNOTE`) is shared with `kgraph.acts`,
which skips footnotes when it reads act references; the act-number pattern
comes from `kgraph.acts_reader`.
`kgraph.rdf.acts.emit_amendments` writes the triples.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass

from kgraph import kinds
from kgraph.acts_reader import NUMBER
from kgraph.dates import find_dates
from kgraph.lang import EXCLUDED, FOOTNOTE, FOOTNOTE_MORE, LETTERS, UNITS, act_number
from kgraph.records import Span
from kgraph.text import collapse


@dataclass(frozen=True)
class AmendingAct:
    kind: str
    date: dt.date | None
    number: str | None


@dataclass(frozen=True)
class Amendment:
    """An amendment footnote: the clause it changed and the act(s) that changed it."""

    target_text: str  # as printed: "Пункт 2", "Национальная дорожная карта", "1-тармаққа"
    scope: str  # "part" (a subdivision of the act), "act" (the act itself) or "annex"
    target: tuple[tuple[str, str], ...]  # iri.part segments for scope "part"
    change: str  # "amended", "revised", "excluded", "supplemented"
    acts: tuple[AmendingAct, ...]
    text: str
    span: Span


# What the footnote changed, up to the words naming the change.
FOOTNOTE_TARGET = re.compile(
    r"^(?P<target>.+?)\s*(?=с\s+изменени|с\s+дополнени|в\s+редакции|дополнен|изменен"
    rf"|өзгеріс|толықтыр|жаңа\s+редакция|{EXCLUDED})",
    re.DOTALL,
)
_PARAGRAPH, _ITEM = UNITS["paragraph"], UNITS["subparagraph"]
TARGET_PARA = re.compile(
    rf"(?<![{LETTERS}]){_PARAGRAPH.forms('ru')}\s+(?P<n>[\d\-]+)|(?P<k>[\d\-]+)-{_PARAGRAPH.forms('kk')}"
)
TARGET_ITEM = re.compile(rf"{_ITEM.forms('ru')}\s+(?P<n>[\d\-]+)\)?|(?P<k>[\d\-]+)\)?\s*{_ITEM.forms('kk')}")
CHANGE_WORDS = (
    ("revised", r"в\s+редакции|нов(?:ая|ой)\s+редакци|жаңа\s+редакция"),
    ("excluded", EXCLUDED),
    ("supplemented", r"дополн|толықтыр"),
    ("amended", r"изменени|өзгеріс"),
)
# The kinds that amend, tried in registry order; the footnote names their kind word.
AMENDING_KIND = tuple((k.name, k.stem) for k in kinds.amending())
# The target is the act itself when it opens with the act's own kind word ("Постановление …").
ACT_SELF_WORDS = re.compile(
    r"^(?:" + "|".join(dict.fromkeys(w for k in kinds.amending() for w in (k.ru.word, k.kk.word) if w)) + r")\b"
)
# "№ 124-V"; the Kazakh portal also writes "N 239-V".
# "(вводится в действие с 01.01.2016)": the date the change took effect, not an act's.
IN_FORCE_NOTE = re.compile(
    r"\([^()]*?(?:вводится\s+в\s+действие|қолданысқа\s+енгізіледі)[^()]*\)"
    r"|вводится\s+в\s+действие\s+с\s+\S+|\S+\s+бастап\s+қолданысқа\s+енгізіледі",
    re.IGNORECASE,
)
NUMBER_MARK = re.compile(rf"(?:№|(?<![\w.])N(?=\s*\d))\s*({NUMBER})")


def find_amendments(text: str) -> list[Amendment]:
    """Amendment footnotes. Dates and numbers are paired in order, which also
    repairs footnotes whose numbers the PDF moved after all the dates."""
    out: list[Amendment] = []
    for m in FOOTNOTE.finditer(text):
        body = m.group("body")
        tm = FOOTNOTE_TARGET.match(body)
        target_text = collapse(tm.group("target")) if tm else ""
        segments: tuple[tuple[str, str], ...] = ()
        pm, im = TARGET_PARA.search(target_text), TARGET_ITEM.search(target_text)
        if pm:
            segments = (("para", pm.group("n") or pm.group("k")),)
            if im:
                segments += (("item", im.group("n") or im.group("k")),)
        scope = "part" if segments else ("act" if ACT_SELF_WORDS.match(target_text) else "annex")
        change = next((c for c, p in CHANGE_WORDS if re.search(p, body)), "amended")
        acts = acts_in(body[len(target_text) :], body)
        if acts:
            out.append(Amendment(target_text, scope, segments, change, acts, collapse(m.group(0)), m.span()))
        for more in _stacked(text, m.end()):
            note = more.group("body")
            change = next((c for c, p in CHANGE_WORDS if re.search(p, note, re.IGNORECASE)), "amended")
            out.append(
                Amendment(target_text, scope, segments, change, acts_in(note), collapse(note), more.span("body"))
            )
    return out


# What lies between a footnote and a note stacked under it: the rest of its line and blank lines.
_BETWEEN_NOTES = re.compile(r"[ \t.]*+\n(?:[ \t]*+\n)++")


def _stacked(text: str, end: int) -> list[re.Match[str]]:
    """The notes stacked under the footnote that ends at `end` (`kgraph.lang.FOOTNOTE_MORE`), each
    naming an amending act with its date and number, up to the first paragraph that is not one."""
    out = []
    while gap := _BETWEEN_NOTES.match(text, end):
        more = FOOTNOTE_MORE.match(text, gap.end())
        if not more or not any(a.date and a.number for a in acts_in(more.group("body"))):
            break
        out.append(more)
        end = more.end()
    return out


def acts_in(words: str, text: str | None = None) -> tuple[AmendingAct, ...]:
    """The acts a note names: their kind from the kind word in `words`, dates and numbers
    from `text` (default `words`), paired in order."""
    text = IN_FORCE_NOTE.sub(" ", words if text is None else text)
    kind = next((k for k, p in AMENDING_KIND if re.search(p, words)), "other")
    numbers = [act_number(n.rstrip(".")) for n in NUMBER_MARK.findall(text)]
    dates = _act_dates(text, len(numbers))
    count = max(len(dates), len(numbers))
    return tuple(
        AmendingAct(kind, dates[i] if i < len(dates) else None, numbers[i] if i < len(numbers) else None)
        for i in range(count)
    )


def _act_dates(body: str, numbers: int) -> list[dt.date]:
    """The dates of the amending acts. A date in brackets is when an act's change comes into
    force ("№ 94 (вводится в действие с 12.03.2025)", "(12.03.2025 бастап қолданысқа
    енгізіледі)"), not an act's date: left out when the others pair with the numbers."""
    found = _dates(body)
    outside = [d for d, (start, _) in found if body[:start].count("(") <= body[:start].count(")")]
    return outside if numbers and len(outside) == numbers else [d for d, _ in found]


def _dates(text: str) -> list[tuple[dt.date, Span]]:
    """Full dates, Kazakh "2014.12.09" included."""
    found = find_dates(text)
    for m in re.finditer(r"(?<!\d)(\d{4})\.(\d{2})\.(\d{2})(?!\d)", text):
        with contextlib.suppress(ValueError):
            found.append((dt.date(int(m[1]), int(m[2]), int(m[3])), m.span()))
    return sorted(found, key=lambda f: f[1])


__all__ = ["AmendingAct", "Amendment", "acts_in", "find_amendments"]
