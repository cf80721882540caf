"""References to other acts, in Russian and Kazakh.

Shared by every document kind. Pure functions over normalized text:

* `find_act_refs(text)` -> every reference to a law, code, decree, address,
  national plan, strategy, concept, order or instruction, with kind, date,
  number and title parsed; short forms the text defines ("(далее – Закон)",
  a terms entry "Закон – Закон Республики Казахстан от …") resolve to the act
  they stand for wherever they are used later.
* `dedupe_refs(refs)` -> one record per distinct act, aliases collected.

Amendment footnotes ("Сноска." / "Ескерту.") are skipped here and read by
`kgraph.amendments`; sentence boundaries come from `kgraph.sentences`; the
named patterns and the readers of one reference (quoted titles included) are
in `kgraph.acts_reader`.

Russian references name the kind first ("постановлением Правительства … от
<date> № <n> «<title>»"); Kazakh ones name it last ("«<title>» Қазақстан
Республикасы Үкіметінің <date> № <n> қаулысы"). The parser anchors on the
kind word and reads the other elements forward (ru) or backward (kk) in any
order, which also copes with the word order that PDF extraction scrambles.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import ClassVar

from kgraph.acts_reader import (
    BASIS_AFTER_KK,
    BASIS_BEFORE,
    ENACTING,
    FOREIGN,
    KIND_WORDS,
    KK_HEADS,
    RU_HEADS,
    SELF_BEFORE,
    SHORT_FORM,
    TERM_ENTRY,
    YEAR_BEFORE,
    Draft,
    canonical_name,
    read_kk,
    read_ru,
    valid,
)
from kgraph.lang import FOOTNOTE
from kgraph.records import Span
from kgraph.sentences import sentence_at, sentence_spans
from kgraph.text import collapse


@dataclass(frozen=True)
class ActRef:
    """One reference to an act, as written."""

    golden_kind: ClassVar[str] = "actref"

    kind: str  # a kgraph.kinds name
    date: dt.date | None
    number: str | None
    title: str | None  # the quoted title only
    text: str
    span: Span
    jurisdiction: str = "KZ"
    aliases: tuple[str, ...] = ()
    name: str | None = None  # canonical designation when there is no quoted title
    year: int | None = None  # year of adoption stated around an undated reference
    approver: str | None = None  # kind of the act whose date/number these are ("утвержденный указом …")
    basis: bool = False  # the citing act is based on it (decree preamble)
    alias_of: str | None = None  # the short form this reference was written as

    @property
    def label(self) -> str:
        return self.title or self.name or collapse(self.text)


# --- references ---------------------------------------------------------------------


def find_act_refs(text: str) -> list[ActRef]:
    """Every reference to an act in `text`, in order, short-form uses included."""
    spans = sentence_spans(text)
    footnotes = [m.span() for m in FOOTNOTE.finditer(text)]  # amendments, see kgraph.amendments
    drafts: list[Draft] = []
    for lang_heads, reader in ((RU_HEADS, read_ru), (KK_HEADS, read_kk)):
        for kind, pat in lang_heads:
            for m in pat.finditer(text):
                if SELF_BEFORE.search(text, max(0, m.start() - 20), m.start()) or any(
                    a <= m.start() < b for a, b in footnotes
                ):
                    continue
                d = reader(text, kind, m)
                if valid(d):
                    drafts.append(d)
    refs = [_finish(text, d, spans) for d in _resolve_overlaps(drafts)]
    refs += _short_form_uses(text, refs)
    return sorted(refs, key=lambda r: r.span)


def _resolve_overlaps(drafts: list[Draft]) -> list[Draft]:
    """Longest reference first; one that overlaps an accepted reference is
    dropped, unless it lies inside that reference's title and is fully
    identified (a decree named in the title of another decree)."""
    accepted: list[Draft] = []
    for d in sorted(drafts, key=lambda d: (d.start - d.end, d.start)):
        clash = next((a for a in accepted if d.start < a.end and a.start < d.end), None)
        if clash is None or (d.date and d.number and clash.title_span[0] <= d.start and d.end <= clash.title_span[1]):
            accepted.append(d)
    return sorted(accepted, key=lambda d: d.start)


def _finish(text: str, d: Draft, spans: list[Span]) -> ActRef:
    sent = sentence_at(spans, d.start)
    sentence = text[sent[0] : sent[1]]
    jurisdiction = d.jurisdiction
    if (d.title and "Российской Федерации" in d.title) or text[d.start : d.start + 11].lower().startswith("федеральн"):
        jurisdiction = "RU"
    if jurisdiction is None:
        jurisdiction = "KZ"
        before = text[sent[0] : d.start] + " " + sentence
        for code, pat in FOREIGN.items():
            if re.search(pat, before) and "Республики Казахстан" not in text[d.start : d.end]:
                jurisdiction = code
                break
    year = None
    if d.date is None:
        ym = YEAR_BEFORE.search(text, max(sent[0], d.start - 80), d.start)
        year = int(ym.group(1)) if ym else None
    basis = bool(
        BASIS_BEFORE.search(text, max(sent[0], d.start - 40), d.start) or BASIS_AFTER_KK.match(text, d.end)
    ) and bool(ENACTING.search(text, d.end, min(len(text), d.end + 600)))
    raw = text[d.start : d.end]
    aliases = ()
    sm = SHORT_FORM.match(text, d.end)
    if sm and re.search(KIND_WORDS[d.kind], sm.group(1)):
        aliases = (collapse(sm.group(1)),)
    return ActRef(
        d.kind,
        d.date,
        d.number,
        d.title,
        collapse(raw),
        (d.start, d.end),
        jurisdiction,
        aliases,
        canonical_name(raw, d),
        year,
        d.approver,
        basis,
    )


# Case endings stripped from the words of a short form before matching its inflected uses.
ENDING = re.compile(r"(?:ого|его|ому|ему|ый|ий|ой|ая|ое|ые|ие|ым|им|ом|ем|ую|ей|ия|а|я|ы|и|е|у|ю|о|ь)$")


def _alias_pattern(alias: str) -> re.Pattern[str]:
    words = [re.escape(ENDING.sub("", w) if len(w) > 4 else w) + r"\w{0,3}" for w in alias.split()]
    return re.compile(r"(?<![\w«\"])" + r"\s+".join(words) + r"(?![\w»\"])")


# The short form's own definition: "(далее – Закон)".
DEFINING = re.compile(r"(?:далее|бұдан\s+әр[іi])\s*[-–—]+\s*$")
# What follows a kind word that names another act explicitly.
EXPLICIT_AFTER = re.compile(r"\s+(?:Республики|РК|от\s|№|«|\"|о\s|об\s)")


def _short_form_uses(text: str, refs: list[ActRef]) -> list[ActRef]:
    """Later uses of a defined short form, resolved to the act it stands for."""
    defs: list[tuple[int, str, ActRef]] = [(r.span[1], a, r) for r in refs for a in r.aliases]
    for m in TERM_ENTRY.finditer(text):  # "Закон – Закон Республики Казахстан …"
        head = next((r for r in refs if r.span[0] == m.end()), None)
        if head is not None:
            defs.append((0, collapse(m.group(1)), head))
    explicit = [r.span for r in refs]
    out: list[ActRef] = []
    for start_after, alias, target in defs:
        for m in _alias_pattern(alias).finditer(text, start_after):
            if (
                any(a < m.end() and m.start() < b for a, b in explicit)
                or EXPLICIT_AFTER.match(text, m.end())
                or DEFINING.search(text, max(0, m.start() - 30), m.start())
            ):
                continue
            out.append(
                replace(target, text=collapse(m.group(0)), span=m.span(), aliases=(), basis=False, alias_of=alias)
            )
            explicit.append(m.span())
    return out


def _same_act(a: ActRef, b: ActRef) -> bool:
    if a.kind != b.kind or a.jurisdiction != b.jurisdiction:
        return False
    if a.number and b.number:
        return a.number == b.number
    key_a, key_b = (a.title or a.name or "").casefold(), (b.title or b.name or "").casefold()
    if not key_a or key_a != key_b:
        return False
    if a.date and b.date and a.date != b.date:
        return False
    return not (a.year and b.year and a.year != b.year)


def dedupe_refs(refs: list[ActRef]) -> list[ActRef]:
    """One record per distinct act: its first explicit mention, with the aliases
    and the date/number of any later mention that states them. An undated
    mention goes to the latest earlier act it matches (Закон "О науке" after the
    2011 law); a short-form use goes to the act it was defined for."""
    acts: list[ActRef] = []

    def merge(target: ActRef, r: ActRef) -> None:
        acts[acts.index(target)] = replace(
            target,
            date=target.date or r.date,
            number=target.number or r.number,
            title=target.title or r.title,
            aliases=tuple(dict.fromkeys(target.aliases + r.aliases)),
            year=target.year or r.year,
            basis=target.basis or r.basis,
            approver=target.approver or r.approver,
        )

    explicit = sorted((r for r in refs if not r.alias_of), key=lambda r: r.span)
    for r in explicit:
        target = next((a for a in reversed(acts) if a.span < r.span and _same_act(a, r)), None)
        if target is None:
            acts.append(r)
        else:
            merge(target, r)
    for r in (r for r in refs if r.alias_of):
        target = next((a for a in acts if r.alias_of in a.aliases), None) or next(
            (a for a in reversed(acts) if _same_act(a, r)), None
        )
        if target is None:
            acts.append(replace(r, alias_of=None, aliases=(r.alias_of,)))
        elif r.alias_of not in target.aliases:
            merge(target, replace(r, aliases=(r.alias_of,)))
    return acts


__all__ = ["ActRef", "dedupe_refs", "find_act_refs"]
