"""Concept documents: structure, terms and act references; bodies and what the
concept asks of them are read by `kgraph.sources.concept_bodies`; initiatives,
science territories and indicators by `kgraph.sources.concept_items`. The
record types and the helpers all three share are in `kgraph.sources.concept_records`,
but for the indicator, which plans share (`kgraph.records.Indicator`).

`parse(text, meta)` reads only the concept body: after the approval stamp of
a decree that approves the concept as its annex, up to the action-plan annex
("План действий … прилагается" / "Приложение к Концепции … План …"); a
standalone concept is read whole. Every rule is general (headings, numbered
lists, "(далее – …)" definitions), never an offset into a known file.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kgraph.acts import ActRef, dedupe_refs, find_act_refs
from kgraph.lang import TOC_WORD, UNITS
from kgraph.records import DocumentMeta, Span
from kgraph.sentences import sentence_spans
from kgraph.sources.concept_bodies import body_aliases, find_institutions, find_mandates
from kgraph.sources.concept_items import find_indicators, find_initiatives, find_territories
from kgraph.sources.concept_records import (
    TERMS_TITLE,
    ConceptInfo,
    Definition,
    Section,
    item_end,
    section_of,
)
from kgraph.text import collapse

# --- named patterns -------------------------------------------------------------

# Body limits: the approval stamp of the annex and the action-plan annex.
APPROVAL_STAMP = re.compile(r"(?m)^\s*(?:Утвержден\w*|бекітілген)\b")
CONCEPT_HEADING = re.compile(r"(?m)^\s*(?:Концепция|КОНЦЕПЦИЯ|Тұжырымдама|ТҰЖЫРЫМДАМА)\b")
PLAN_ANNEX = re.compile(
    r"(?m)^[ \t]*(?:План\s+(?:действий|мероприятий)[^\n]*прилагается|Приложение\s*\n(?:[^\n]*\n){0,4}?[^\n]*\bк\s+Концепции)"
)
TOC = re.compile(rf"(?m)^\s*{TOC_WORD}\s*:?\s*$")
_HEADING_UNITS = [UNITS[u] for u in ("section", "subsection", "direction", "chapter")]
WORD_HEADING = re.compile(
    rf"(?m)^[ \t]*(?P<word>{'|'.join(u.title('ru') for u in _HEADING_UNITS)})\s+(?P<n>\d+)\.?[ \t]+(?P<title>[^\n]+?)[ \t]*$"
)
NUM_HEADING = re.compile(r"(?m)^[ \t]*(?P<n>\d+(?:\.\d+)*)\.[ \t]+(?P<title>[А-ЯЁA-ZӘҒҚҢӨҰҮІ][^\n\t]*?)[ \t]*$")
TOP_WORDS = {UNITS["section"].title("ru"), UNITS["chapter"].title("ru")}
TERMS_LEAD = re.compile(r"используются\s+следующие\s+(?:основные\s+)?(?:термины|понятия|определения)")
TERM_ITEM = re.compile(r"(?m)^\s*(?P<n>\d+)\)\s*(?P<term>[^\n–—]{1,60}?)\s+[-–—]\s+")
# Target indicators that the action-plan annex restates ("Целевой индикатор 1").
PLAN_INDICATOR = re.compile(r"(?m)^\s*Целевой\s+индикатор\s+\d")
PASSPORT_AUTHOR = re.compile(r"ответственн\w+\s+за\s+разработку[^\t\n]*\t(?P<a>[^\t\n]+)")
PERIOD = re.compile(
    r"на\s+(\d{4})\s*[-–]\s*(\d{4})\s+годы|[Сс]роки\s+реализации\s+(\d{4})\s*[-–]\s*(\d{4})"
    r"|реализации\s+Концепции\s+до\s+(\d{4})\s+года"
)
SELF_TITLE = re.compile(
    r"(?:[Нн]астоящ\w+|[Вв]\s+настоящей)\s+(Концепци\w+\s+[^(]+?)\s*(?:\(далее|используются|определяет)"
)
BASIS_SECTION = re.compile(r"[Оо]сновани\w*\s+для\s+разработки|направлен\w*\s+на\s+реализацию")


def body_bounds(text: str) -> Span:
    """The concept body inside a document that may also hold a decree and a plan."""
    start = 0
    for m in APPROVAL_STAMP.finditer(text):
        h = CONCEPT_HEADING.search(text, m.end(), m.end() + 400)
        if h:
            start = h.start() + (len(h.group(0)) - len(h.group(0).lstrip()))
            break
    end = PLAN_ANNEX.search(text, start)
    return start, end.start() if end else len(text)


def parse(text: str, meta: DocumentMeta) -> list:
    start, end = body_bounds(text)
    body = text[start:end]
    sections = _sections(body)
    sentences = sentence_spans(body, tuple(s.span[0] for s in sections) + tuple(s.span[1] for s in sections))
    info = _info(body)
    definitions = _definitions(body, sections)
    refs = _act_refs(body, sections, info)
    aliases = body_aliases(body, definitions, {a for r in refs for a in r.aliases})
    institutions = find_institutions(body, sentences, sections, aliases)
    mandates = find_mandates(body, institutions, sections)
    # Target indicators that the action-plan annex restates are extracted
    # there (kgraph.sources.plan), once.
    indicators = [] if PLAN_INDICATOR.search(text, end) else find_indicators(body)
    records = [
        info,
        *sections,
        *definitions,
        *refs,
        *institutions,
        *mandates,
        *find_initiatives(body, sentences, sections),
        *find_territories(body, aliases),
        *indicators,
    ]
    return [_shift(r, start) for r in records if r is not None]


def _shift(rec, offset: int):
    changes = {
        k: (v[0] + offset, v[1] + offset)
        for k, v in vars(rec).items()
        if k in {"span", "extent", "sentence", "body_span"} and isinstance(v, tuple)
    }
    return replace(rec, **changes)


# --- structure -----------------------------------------------------------------------


def _sections(body: str) -> list[Section]:
    toc = TOC.search(body)
    toc_entries: dict[str, Section] = {}
    scan_from = 0
    if toc:
        for m in WORD_HEADING.finditer(body, toc.end()):
            n = m["n"]
            if n in toc_entries or (body[scan_from or toc.end() : m.start()].strip() and toc_entries):
                break
            toc_entries[n] = Section(n, f"{m['word']} {n}", None, collapse(m["title"]), m.span())
            scan_from = m.end()
    out: list[Section] = []
    if WORD_HEADING.search(body, scan_from):
        top = None
        for m in WORD_HEADING.finditer(body, scan_from):
            if m["title"].rstrip()[-1:] in ".;,":
                continue
            if m["word"] in TOP_WORDS:
                top, number, parent = m["n"], m["n"], None
            elif top is None:
                continue
            else:
                number, parent = f"{top}.{m['n']}", top
            out.append(Section(number, f"{m['word']} {m['n']}", parent, collapse(m["title"]), m.span()))
    else:
        last: dict[int, int] = {}
        for m in NUM_HEADING.finditer(body):
            title, span = _heading_title(body, m)
            parts = [int(p) for p in m["n"].split(".")]
            if not title or title[-1] in ".;,:" or len(title) > 200 or not _in_sequence(parts, last):
                continue
            last[len(parts)] = parts[-1]
            for deeper in [k for k in last if k > len(parts)]:
                del last[deeper]
            parent = ".".join(m["n"].split(".")[:-1]) or None
            out.append(Section(m["n"], m["n"], parent, title, span))
    numbers = {s.number for s in out}
    out += [s for n, s in toc_entries.items() if n not in numbers]
    out.sort(key=lambda s: s.span)
    ends = [s.span[0] for s in out[1:]] + [len(body)]
    out = [replace(s, extent=(s.span[0], e)) for s, e in zip(out, ends)]
    return sorted(out, key=lambda s: [int(p) for p in s.number.split(".")])


def _in_sequence(parts: list[int], last: dict[int, int]) -> bool:
    level = len(parts)
    if level == 1:
        return parts[0] == last.get(1, 0) + 1
    return (
        parts[0] == last.get(1)
        and all(parts[i] == last.get(i + 1) for i in range(level - 1))
        and parts[-1] > last.get(level, 0)
    )


def _heading_title(body: str, m: re.Match[str]) -> tuple[str, Span]:
    """A heading title, with a short continuation line the PDF wrapped off."""
    title, end = m["title"], m.end()
    nxt = re.compile(r"\n\s*\n?[ \t]*(?P<c>[^\n]{1,40})[ \t]*(?=\n\s*\n|\Z)").match(body, end)
    if (
        nxt
        and len(m.group(0).strip()) >= 60
        and nxt["c"].strip()[-1:] not in ".;:,"
        and not re.match(r"\s*(?:\d|Рисунок|Таблица|Источник)", nxt["c"])
    ):
        title, end = f"{title} {nxt['c']}", nxt.end()
    return collapse(title), (m.start() + len(m.group(0)) - len(m.group(0).lstrip()), end)


def _info(body: str) -> ConceptInfo:
    head = CONCEPT_HEADING.match(body)
    title, span = None, (0, 0)
    if head:
        stop = re.compile(r"\n\s*\n\s*(?:Содержание|Раздел|\d+\.)").search(body, head.end())
        span = (head.start(), stop.start() if stop else head.end())
        title = collapse(body[span[0] : span[1]])
        first = title.split(" ", 1)[0]
        title = first.capitalize() + title[len(first) :] if first.isupper() else title
    else:
        m = SELF_TITLE.search(body)
        if m:
            span = m.span(1)
            title = re.sub(r"^Концепци\w+", "Концепция", collapse(m.group(1)))
    author = PASSPORT_AUTHOR.search(body)
    period = PERIOD.search(title or "") or PERIOD.search(body)
    years = [int(y) for y in period.groups() if y] if period else []
    return ConceptInfo(
        title,
        collapse(author["a"]) if author else None,
        years[0] if len(years) == 2 else None,
        years[-1] if years else None,
        span,
    )


def _definitions(body: str, sections: list[Section]) -> list[Definition]:
    scope = next((s for s in sections if TERMS_TITLE.search(s.title)), None)
    if scope is None:
        lead = TERMS_LEAD.search(body)
        if lead is None:
            return []
        nxt = next((s.span[0] for s in sections if s.span[0] > lead.end()), len(body))
        within = section_of(sections, lead.start())
        region, label = (lead.end(), nxt), within.number if within else None
    else:
        region, label = scope.extent, scope.number
    items = list(TERM_ITEM.finditer(body, *region))
    out = []
    for i, m in enumerate(items):
        stop = items[i + 1].start() if i + 1 < len(items) else region[1]
        end = item_end(body, m.end(), stop)
        term, definition = collapse(m["term"]), collapse(body[m.end() : end])
        out.append(Definition(m["n"], term, _is_abbreviation(term, definition), definition, (m.start(), end), label))
    return out


def _is_abbreviation(term: str, definition: str) -> bool:
    """An acronym (ВРП) or a contraction of two or more words of its expansion (Статбюро)."""
    if re.fullmatch(r"[А-ЯЁA-Z]{2,}(?:\s+[А-ЯЁA-Z]{2,})*", term):
        return True
    if " " in term:
        return False
    words = [w.lower() for w in re.findall(r"\w+", definition)[:12]]

    def split(rest: str, used: int) -> bool:
        if not rest:
            return used >= 2
        return any(rest[:k] == w[:k] and split(rest[k:], used + 1) for w in words for k in range(3, len(rest) + 1))

    return split(term.lower(), 0)


# --- references to acts ----------------------------------------------------------------


def _act_refs(body: str, sections: list[Section], info: ConceptInfo) -> list[ActRef]:
    own = (info.title or "").casefold()
    refs = []
    for r in find_act_refs(body):
        if r.kind == "concept" and (r.name or "").casefold() == own:
            continue
        sec = section_of(sections, r.span[0])
        line = body[body.rfind("\n", 0, r.span[0]) + 1 : r.span[0]]
        if BASIS_SECTION.search(line) or (sec and BASIS_SECTION.search(sec.title)):
            r = replace(r, basis=True)
        refs.append(r)
    return dedupe_refs(refs)
