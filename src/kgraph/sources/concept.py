"""Concept documents: structure, terms, act references, bodies and what the
concept asks of them, initiatives, science territories, indicators.

`parse(text, meta)` reads only the concept body: after the approval stamp of
a decree that approves the concept as its annex, up to the action-plan annex
("План действий … прилагается" / "Приложение к Концепции … План …"); a
standalone concept is read whole. Every rule is general (headings, numbered
lists, "(далее – …)" definitions), never an offset into a known file.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import ClassVar

from kgraph.acts import FOREIGN, ActRef, dedupe_refs, find_act_refs, sentence_spans
from kgraph.records import DocumentMeta, Span
from kgraph.text import collapse


@dataclass(frozen=True)
class ConceptInfo:
    kind: ClassVar[str] = "concept-meta"
    title: str | None
    author: str | None  # the developer body as written
    period_start: int | None
    period_end: int | None
    span: Span


@dataclass(frozen=True)
class Section:
    kind: ClassVar[str] = "section"
    number: str  # "6.2"; a "Параграф k" of "Раздел N" is "N.k"
    label: str  # as printed: "Раздел 2", "Параграф 1", "6.2"
    parent: str | None
    title: str
    span: Span  # the heading
    extent: Span = (0, 0)  # heading to the next heading


@dataclass(frozen=True)
class Definition:
    kind: ClassVar[str] = "definition"
    number: str
    term: str
    abbr: bool
    definition: str
    span: Span
    section: str | None = None


@dataclass(frozen=True)
class Institution:
    """A Kazakh body named in a sentence (resolved later, through the registry)."""

    kind: ClassVar[str] = "institution"
    text: str
    span: Span
    sentence: Span
    section: str | None = None


@dataclass(frozen=True)
class MandateStatement:
    kind: ClassVar[str] = "mandate"
    body: str
    action: str
    sentence: str
    span: Span  # the sentence
    body_span: Span
    section: str | None = None


@dataclass(frozen=True)
class Initiative:
    kind: ClassVar[str] = "initiative"
    section: str | None
    number: str | None
    text: str
    span: Span


@dataclass(frozen=True)
class Territory:
    golden_kind: ClassVar[str] = "territory"
    name: str
    kind: str  # "science-city" | "science-and-technology-park"
    base: str | None
    location: str | None
    span: Span


@dataclass(frozen=True)
class Indicator:
    kind: ClassVar[str] = "indicator"
    number: str
    name: str
    unit: str | None
    completion_form: str | None
    values: dict[str, str]
    span: Span
    baseline: dict[str, str] = field(default_factory=dict)


# --- named patterns -------------------------------------------------------------

# Body limits: the approval stamp of the annex and the action-plan annex.
APPROVAL_STAMP = re.compile(r"(?m)^\s*(?:Утвержден\w*|бекітілген)\b")
CONCEPT_HEADING = re.compile(r"(?m)^\s*(?:Концепция|КОНЦЕПЦИЯ|Тұжырымдама|ТҰЖЫРЫМДАМА)\b")
PLAN_ANNEX = re.compile(
    r"(?m)^[ \t]*(?:План\s+(?:действий|мероприятий)[^\n]*прилагается|Приложение\s*\n(?:[^\n]*\n){0,4}?[^\n]*\bк\s+Концепции)"
)
TOC = re.compile(r"(?m)^\s*(?:Содержание|Оглавление|Мазмұны)\s*:?\s*$")
WORD_HEADING = re.compile(r"(?m)^[ \t]*(?P<word>Раздел|Параграф|Направление|Глава)\s+(?P<n>\d+)\.?[ \t]+(?P<title>[^\n]+?)[ \t]*$")
NUM_HEADING = re.compile(r"(?m)^[ \t]*(?P<n>\d+(?:\.\d+)*)\.[ \t]+(?P<title>[А-ЯЁA-ZӘҒҚҢӨҰҮІ][^\n\t]*?)[ \t]*$")
TOP_WORDS = {"Раздел", "Глава"}
TERMS_TITLE = re.compile(r"[Оо]пределени|[Тт]ермин|[Сс]окращени|[Пп]онятия")
TERMS_LEAD = re.compile(r"используются\s+следующие\s+(?:основные\s+)?(?:термины|понятия|определения)")
TERM_ITEM = re.compile(r"(?m)^\s*(?P<n>\d+)\)\s*(?P<term>[^\n–—]{1,60}?)\s+[-–—]\s+")
FOREIGN_SECTION = re.compile(r"[Мм]еждународн\w+\s+опыт|[Зз]арубежн")
# Kazakh bodies as the concepts name them.
BODY_PATTERNS = re.compile("|".join((
    r"Правительств(?:о|а|у|ом|е)\s+Республики\s+Казахстан",
    r"Администраци\w+\s+Президента\s+Республики\s+Казахстан",
    r"(?:Министерств|Агентств|Комитет)\w*\s+(?:(?!Республики)[^\s,.;:()«»]+\s+){1,8}?Республики\s+Казахстан",
    r"Агентств\w*\s+Республики\s+Казахстан\s+по\s+[а-яё ]+?(?=[,.;:()]|\s+(?:и|а|в|на|с)\s)",
    r"[Мм]естн\w+\s+исполнительн\w+\s+орган\w*",
    r"[Цц]ентральн\w+\s+(?:государственн|исполнительн)\w+\s+орган\w*",
    r"[Аа]кимат\w*\s+(?:[А-ЯЁӘҒҚҢӨҰҮІ]\w+\s+области|области\s+[А-ЯЁӘҒҚҢӨҰҮІ]\w+|города\s+[А-ЯЁ]\w+)",
    r"(?:[Оо]траслев\w+\s+)?[Уу]полномоченн\w+\s+орган\w*(?:\s+(?:в\s+области|по)\s+[а-яё\-]+(?:\s+[а-яё\-]+){0,3}?(?=[,.;:()]|\s+(?:по|и|а|с|согласованн\w+)\s|$))?",
    r"Национальн\w+\s+[Аа]кадеми\w+\s+наук\s+Республики\s+Казахстан(?:\s+при\s+Президенте\s+Республики\s+Казахстан)?",
    r"Высш\w+\s+научно-техническ\w+\s+комисси\w+(?:\s+при\s+Правительстве\s+Республики\s+Казахстан)?",
    r"Национальн\w+\s+[Бб]анк\w*\s+Республики\s+Казахстан",
    r"(?:Мажилис\w*\s+)?Парламент\w*\s+Республики\s+Казахстан",
    r"Президент(?:а|у|ом|е)?\s+Республики\s+Казахстан",
    r"(?:Национальн\w+\s+)?[Кк]урулта\w+",
    r"(?:Национальн\w+|[Рр]егиональн\w+(?:\s+научн\w+)?)\s+совет\w*\s+по\s+науке(?:\s+и\s+технологиям)?"
    r"(?:\s+при\s+(?:Президенте\s+Республики\s+Казахстан|акиматах))?",
    r"[Оо]траслев\w+\s+государственн\w+\s+орган\w*",
    r"[Пп]равительств(?:о|а|у|ом|е)(?!\w)",
)))
# A short form stands for a body when its expansion names one.
BODY_WORD = re.compile(
    r"(?:[Мм]инистерств|[Аа]гентств|[Кк]омисси|[Аа]кадеми|[Пп]равительств|\bорган|[Аа]кимат|[Ии]нститут|[Цц]ентр\b"
    r"|[Цц]ентр\w*\s|[Фф]онд|[Уу]ниверситет|[Сс]овет\b|[Кк]омитет|[Бб]юро|организаци\w+\s+(?:высшего|образования))"
)
ALIAS_DEF = re.compile(r"\((?:далее|бұдан\s+әр[іi])\s*[-–—]+\s*([^()]{1,40}?)\)")
# Head nouns of body names and their case endings (nominative vs instrumental).
HEAD_STEMS = ("правительств", "министерств", "агентств", "комитет", "орган", "акимат", "академи", "комисси",
              "банк", "парламент", "администраци", "университет", "институт", "центр", "бюро")
NOM_ENDINGS, INS_ENDINGS = {"", "о", "ы", "я"}, {"ом", "ами", "ей", "ями"}
PREPOSITIONS = {"в", "во", "на", "с", "со", "к", "ко", "по", "от", "для", "при", "у", "о", "об", "из", "за",
                "между", "через", "перед", "над", "под", "до", "после", "без"}
LINKS = {"и", "а", "также", "поэтому", "затем", "кроме", "того", "этом", "при", "тем", "же"}
ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ым|им|ых|их|ую|юю)$")
VERB_LIKE = re.compile(r"(?:ет|ит|ют|ят|ут|ется|ится|ются|ятся|ал|ла|ли|ло|ил|ыл)$")
# Finite verbs and infinitives that assign an action.
ACTION_STEMS = (r"(?:определ|обеспеч|осуществ|утвер|разраб|организ|пров[оеё]д|созда|координ|представ|формир|сформир"
                r"|подготов|направ|внос|внес|принима|прим|оцен|контрол|реализ|разв|разов|выдел|финансир|привле"
                r"|поддерж|присв|присва|устан|назнач|участв|оказ|окаж|рассматрива|рассмотр)")
FINITE_ACTION = re.compile(ACTION_STEMS + r"\w*(?:ет|ит|ут|ют|ат|ят|ёт)(?!\w)")
FUTURE_AUX = re.compile(r"(?:будет|будут|должн\w*)\s+(?:\w+\s+)?(?P<inf>[а-яё]+(?:ть|ти|чь)(?:ся)?)(?!\w)")
NOT_ACTIONS = {"являться", "заключаться", "стать", "становиться", "способствовать", "стремиться", "иметь", "носить",
               "служить", "оставаться", "входить", "позволять", "быть", "рассматриваться", "включать"}
PASSIVE = re.compile(
    r"(?:будет|будут)\s+(?:осуществляться|обеспечиваться|определяться|утверждаться|разрабатываться|проводиться"
    r"|(?:создан|определен|разработан|проведен|утвержден|обеспечен|организован)[аоы]?)(?!\w)"
    r"|(?:осуществляется|определяется|обеспечивается|утверждается|разрабатывается|проводится|предусматривается"
    r"|присваивается)(?!\w)"
)
MODAL = re.compile(r"(?<!\w)(?:может|могут|можно|смогут|сможет|следует|вправе)(?!\w)")
# Initiatives: a numbered list led by "следующие инициативы / механизм … последовательность:".
INITIATIVE_LEAD = re.compile(r"(?:инициатив|механизм|последовательност)[^:]*следующ|следующ[^:]*(?:инициатив|механизм|последовательност)")
LIST_ITEM = re.compile(r"(?m)^\s*(?:[-−–]\s*)?(?P<n>\d+)\)\s*")
PROPOSES = re.compile(r"\s+предлагает\s")
COMMITMENT = re.compile(
    r"(?<!\w)(?:[Бб]уд(?:ет|ут)\s+(?:созданы?|создана|внедрено|внедрен[аы]?|организованы?|выделяться|развиваться|проработан"
    r"|поддерживаться|проводить)|[Пп]ланируется|[Пп]редусматрива(?:ется|ются)|[Пп]редполагается|[Пп]редлагается|вводится"
    r"|продолжится)(?!\w)"
)
IMPERSONAL = re.compile(r"[Пп]ланируется|[Пп]редусматрива|[Пп]редполагается|продолжится")
LEADING_LINK = re.compile(r"(?:Также|Кроме\s+того,?|При\s+этом,?)\s+")
CLAUSE_TAIL = re.compile(r",\s+(?:(?:на|в|для|с)\s+)?(?:котор\w+|включая|в\s+том\s+числе|[а-яё]+вш?и?(?=\s))")
VISION_SECTION = re.compile(r"[Вв]идени|[Пп]одход|[Нн]аправлени|[Ии]нициатив|[Мм]еханизм|[Пп]ринцип")
EXAMPLE_TAIL = re.compile(r"\s*\((?:как|например|в\s+том\s+числе)\b.*$", re.DOTALL)
# Science territories the concept plans.
PARK = r"НТП|научно-технологическ\w+\s+парк\w*|технопарк\w*"
TERRITORY_AT_BASE = re.compile(
    rf"(?:[Сс]озда\w*)\s+(?P<name>(?P<kind>{PARK})\s+(?:для\s+[^,(.;]+?\s+)?на\s+базе\s+(?P<base>[^,.;(]+?))"
    r"(?=\s*(?:\(|,|\.|;|$)|\s+с\s|\s+в\s+город)")
TERRITORY_OF = re.compile(rf"(?:[Сс]озда\w*(?:\s+и\s+развити\w+)?)\s+(?P<name>(?P<kind>{PARK})\s+(?P<base>[А-ЯЁ]\w+\s+[А-ЯЁ]\w+))")
CITY_STATUS = re.compile(r"статус\w*\s+наукоград\w*\s+город\w*\s+(?P<city>[А-ЯЁ]\w+)")
CITIES = re.compile(r"[Сс]озда\w*\s+наукоград\w*\s+в\s+город(?:е|ах)\s+(?P<list>[^.]+?)(?=,\s+[а-яё]+вш?и|\.|$)")
CITY_ITEM = re.compile(r"(?:\((?:i|ii|iii|iv|v)\)\s*)?(?P<city>[А-ЯЁ]\w+)(?:\s+на\s+базе\s+(?P<base>[^()]+?))?"
                       r"(?P<region>,\s*област\w+\s+[А-ЯЁӘҒҚҢӨҰҮІ]\w+)?(?=\s+и\s+\(|\s*$|,\s)")
REGION_IN = re.compile(r"в\s+области\s+(?P<r>[А-ЯЁӘҒҚҢӨҰҮІ]\w+)")
CORE_OF = r"(?:ядром|основой|базой)[^.]*?{city}\w*\s+является\s+(?P<base>[А-ЯЁ][^,.(]+?)(?:\s*\(далее\s*[-–]\s*(?P<abbr>[^)]+)\))?[,.]"
# Indicators: a prose list after "Целевые индикаторы:", a table titled "… индикаторы …".
PLAN_INDICATOR = re.compile(r"(?m)^\s*Целевой\s+индикатор\s+\d")
INDICATOR_LEAD = re.compile(r"(?m)^\s*(?:Целевые\s+(?:индикаторы|показатели)|Показатели\s+результатов)\s*:?\s*$")
INDICATOR_ITEM = re.compile(r"(?ms)^\s*(?P<n>\d+)\.\s+(?P<body>.+?)(?=\n\s*\n\s*(?:\d+\.\s|[-–]?\s*\d+\)|[А-ЯЁ][^\n]*:\s*$)|\Z)")
YEAR_GROUP = re.compile(r"\(([^()]*?\d{4}\s*(?:год|г\.)[^()]*)\)")
YEAR_VALUE = re.compile(r"(\d{4})\s*(?:года|год|г\.)\s*[-–]\s*(.+?)\s*(?=,\s*\d{4}\s*(?:года|год|г\.)|$)")
UNIT_IN_NAME = re.compile(r",\s*(человек|единиц\w*|тенге|процент\w*|%)(?=\s|\(|$)")
TABLE_HEAD = re.compile(r"(?m)^\s*Таблица\s+\d+\s*\n\s*\n?\s*[^\n]*(?:[Ии]ндикатор|[Пп]оказател)[^\n]*$")
YEARS_ROW = re.compile(r"(?m)^\s*((?:\d{4}\s*год\s*){2,})$")
VALUE_TOKEN = re.compile(r"^(?:-|–|—|\d+(?:[.,]\d+)?%?)$")
PASSPORT_AUTHOR = re.compile(r"ответственн\w+\s+за\s+разработку[^\t\n]*\t(?P<a>[^\t\n]+)")
PERIOD = re.compile(r"на\s+(\d{4})\s*[-–]\s*(\d{4})\s+годы|[Сс]роки\s+реализации\s+(\d{4})\s*[-–]\s*(\d{4})"
                    r"|реализации\s+Концепции\s+до\s+(\d{4})\s+года")
SELF_TITLE = re.compile(r"(?:[Нн]астоящ\w+|[Вв]\s+настоящей)\s+(Концепци\w+\s+[^(]+?)\s*(?:\(далее|используются|определяет)")
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
    aliases = _body_aliases(body, definitions, {a for r in refs for a in r.aliases})
    institutions = _institutions(body, sentences, sections, aliases)
    mandates = _mandates(body, institutions, sections)
    # Target indicators that the action-plan annex restates are extracted
    # there (kgraph.sources.plan), once.
    indicators = [] if PLAN_INDICATOR.search(text, end) else _indicators(body)
    records = [info, *sections, *definitions, *refs, *institutions, *mandates, *_initiatives(body, sentences, sections),
               *_territories(body, aliases), *indicators]
    return [_shift(r, start) for r in records if r is not None]


def _shift(rec, offset: int):
    changes = {k: (v[0] + offset, v[1] + offset) for k, v in vars(rec).items()
               if k in {"span", "extent", "sentence", "body_span"} and isinstance(v, tuple)}
    return replace(rec, **changes)


def _section_of(sections: list[Section], pos: int) -> Section | None:
    found = [s for s in sections if s.extent[0] <= pos < s.extent[1]]
    return max(found, key=lambda s: s.number.count("."), default=None)


# --- structure -----------------------------------------------------------------------


def _sections(body: str) -> list[Section]:
    toc = TOC.search(body)
    toc_entries: dict[str, Section] = {}
    scan_from = 0
    if toc:
        for m in WORD_HEADING.finditer(body, toc.end()):
            n = m["n"]
            if n in toc_entries or body[scan_from or toc.end():m.start()].strip() and toc_entries:
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
    return parts[0] == last.get(1) and all(parts[i] == last.get(i + 1) for i in range(level - 1)) \
        and parts[-1] > last.get(level, 0)


def _heading_title(body: str, m: re.Match[str]) -> tuple[str, Span]:
    """A heading title, with a short continuation line the PDF wrapped off."""
    title, end = m["title"], m.end()
    nxt = re.compile(r"\n\s*\n?[ \t]*(?P<c>[^\n]{1,40})[ \t]*(?=\n\s*\n|\Z)").match(body, end)
    if nxt and len(m.group(0).strip()) >= 60 and nxt["c"].strip()[-1:] not in ".;:," and \
            not re.match(r"\s*(?:\d|Рисунок|Таблица|Источник)", nxt["c"]):
        title, end = f"{title} {nxt['c']}", nxt.end()
    return collapse(title), (m.start() + len(m.group(0)) - len(m.group(0).lstrip()), end)


def _info(body: str) -> ConceptInfo:
    head = CONCEPT_HEADING.match(body)
    title, span = None, (0, 0)
    if head:
        stop = re.compile(r"\n\s*\n\s*(?:Содержание|Раздел|\d+\.)").search(body, head.end())
        span = (head.start(), stop.start() if stop else head.end())
        title = collapse(body[span[0]:span[1]])
        first = title.split(" ", 1)[0]
        title = first.capitalize() + title[len(first):] if first.isupper() else title
    else:
        m = SELF_TITLE.search(body)
        if m:
            span = m.span(1)
            title = re.sub(r"^Концепци\w+", "Концепция", collapse(m.group(1)))
    author = PASSPORT_AUTHOR.search(body)
    period = PERIOD.search(title or "") or PERIOD.search(body)
    years = [int(y) for y in period.groups() if y] if period else []
    return ConceptInfo(title, collapse(author["a"]) if author else None, years[0] if len(years) == 2 else None,
                       years[-1] if years else None, span)


def _definitions(body: str, sections: list[Section]) -> list[Definition]:
    scope = next((s for s in sections if TERMS_TITLE.search(s.title)), None)
    if scope is None:
        lead = TERMS_LEAD.search(body)
        if lead is None:
            return []
        nxt = next((s.span[0] for s in sections if s.span[0] > lead.end()), len(body))
        within = _section_of(sections, lead.start())
        region, label = (lead.end(), nxt), within.number if within else None
    else:
        region, label = scope.extent, scope.number
    items = list(TERM_ITEM.finditer(body, *region))
    out = []
    for i, m in enumerate(items):
        stop = items[i + 1].start() if i + 1 < len(items) else region[1]
        end = _item_end(body, m.end(), stop)
        term, definition = collapse(m["term"]), collapse(body[m.end():end])
        out.append(Definition(m["n"], term, _is_abbreviation(term, definition), definition, (m.start(), end), label))
    return out


def _item_end(body: str, start: int, stop: int) -> int:
    """A list item ends at the next item, or at a paragraph that starts a new
    sentence after the item's text has ended."""
    for p in re.finditer(r"\n\s*\n\s*(?=\S)", body[start:stop]):
        before = body[start:start + p.start()].rstrip()
        after = body[start + p.end():start + p.end() + 1]
        if before.endswith(".") and after.isupper():
            return start + len(body[start:start + p.start()].rstrip())
    return start + len(body[start:stop].rstrip())


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


# --- references and bodies --------------------------------------------------------------


def _act_refs(body: str, sections: list[Section], info: ConceptInfo) -> list[ActRef]:
    own = (info.title or "").casefold()
    refs = []
    for r in find_act_refs(body):
        if r.kind == "concept" and (r.name or "").casefold() == own:
            continue
        sec = _section_of(sections, r.span[0])
        line = body[body.rfind("\n", 0, r.span[0]) + 1:r.span[0]]
        if BASIS_SECTION.search(line) or (sec and BASIS_SECTION.search(sec.title)):
            r = replace(r, basis=True)
        refs.append(r)
    return dedupe_refs(refs)


def _body_aliases(body: str, definitions: list[Definition], act_aliases: set[str]) -> dict[str, str]:
    """Short forms that stand for a body: "(далее – ВНТК)", a term "Академия – …".
    The expansion must name a body in its last words, not after a preposition
    ("между университетами … (далее – НИОКР)" is not a body)."""
    aliases: dict[str, str] = {}
    for m in ALIAS_DEF.finditer(body):
        alias = collapse(m.group(1))
        words = re.split(r"[,.;:]\s", body[max(0, m.start() - 150):m.start()])[-1].split()[-10:]
        for i, w in enumerate(words):
            if BODY_WORD.match(w + " " + (words[i + 1] if i + 1 < len(words) else "") + " ") and \
                    (i == 0 or words[i - 1].lower() not in PREPOSITIONS - {"при"}):
                if alias not in act_aliases and not re.search(r"\d", alias):
                    aliases[alias] = " ".join(words[i:])
                break
    for d in definitions:
        if BODY_WORD.search(" ".join(d.definition.split()[:2]) + " "):
            aliases[d.term] = d.definition
    return aliases


def _mentions(body: str, aliases: dict[str, str]) -> list[tuple[str, Span]]:
    found: list[tuple[str, Span]] = [(m.group(0), m.span()) for m in BODY_PATTERNS.finditer(body)]
    for alias in aliases:
        if re.fullmatch(r"[А-ЯЁA-Z]{2,}(?:\s+[А-ЯЁA-Z]{2,})*", alias):
            pat = re.compile(r"(?<![\w\-])" + re.escape(alias) + r"(?![\w\-])")
        else:
            stem = [re.escape(w[:-1] if len(w) > 5 and w[-1] in "аяыиеуюо" else w) + r"\w{0,3}" for w in alias.split()]
            pat = re.compile(r"(?<![\w«\"])" + r"\s+".join(stem) + r"(?![\w»\"])")
        found += [(m.group(0), m.span()) for m in pat.finditer(body)]
    found.sort(key=lambda f: (f[1][0], -f[1][1]))
    definitions = [m.span(1) for m in ALIAS_DEF.finditer(body)]
    out: list[tuple[str, Span]] = []
    for text, span in found:
        if out and span[0] < out[-1][1][1] or any(a <= span[0] < b for a, b in definitions):
            continue  # overlapped, or the "(далее – X)" definition itself
        out.append((collapse(text), span))
    return out


def _foreign(body: str, sentence: Span, sec: Section | None) -> bool:
    text = body[sentence[0]:sentence[1]]
    return bool(sec and FOREIGN_SECTION.search(sec.title)) or any(re.search(p, text) for p in FOREIGN.values())


def _institutions(body: str, sentences: list[Span], sections: list[Section], aliases: dict[str, str]) -> list[Institution]:
    out = []
    for text, span in _mentions(body, aliases):
        sent = next((s for s in sentences if s[0] <= span[0] < s[1]), None)
        sec = _section_of(sections, span[0])
        if sent is None or _foreign(body, sent, sec) or "\t" in body[sent[0]:sent[1]]:
            continue
        out.append(Institution(text, span, sent, sec.number if sec else None))
    return out


def _case(mention: str) -> str:
    """'nom', 'ins', 'any' (an indeclinable abbreviation) or 'other'."""
    if re.fullmatch(r"[А-ЯЁA-Z]{2,}(?:\s+[А-ЯЁA-Z]{2,})*", mention):
        return "any"
    for word in mention.lower().split():
        stem = next((s for s in HEAD_STEMS if word.startswith(s)), None)
        if stem:
            end = word[len(stem):]
            return "nom" if end in NOM_ENDINGS else "ins" if end in INS_ENDINGS else "other"
    return "other"


def _mandates(body: str, institutions: list[Institution], sections: list[Section]) -> list[MandateStatement]:
    """Sentences that assign an action to a Kazakh body. Precision first: the
    body is the subject of a future/obligation or action verb, or the agent of
    a passive one, in a present or future sentence without a modal."""
    by_sentence: dict[Span, list[Institution]] = {}
    for inst in institutions:
        by_sentence.setdefault(inst.sentence, []).append(inst)
    out = []
    for sent, mentions in sorted(by_sentence.items()):
        text = body[sent[0]:sent[1]]
        if MODAL.search(text) or (sections and _in_terms(sections, sent[0])):
            continue
        for inst in mentions:
            action = _active(body, inst, sent) or _passive(body, inst, sent)
            if action:
                out.append(MandateStatement(inst.text, action, collapse(text), sent, inst.span, inst.section))
                break
    return out


def _in_terms(sections: list[Section], pos: int) -> bool:
    sec = _section_of(sections, pos)
    return bool(sec and TERMS_TITLE.search(sec.title))


def _active(body: str, inst: Institution, sent: Span) -> str | None:
    case = _case(inst.text)
    if case not in {"nom", "any"}:
        return None
    before = body[sent[0]:inst.span[0]].split()
    prev = before[-1].lower().strip("(«\"") if before else ""
    if prev in PREPOSITIONS:
        return None
    if case == "any" and before and not (before[-1][-1:] in ",:;(" or prev in LINKS or ADJECTIVE.search(prev)):
        return None  # an abbreviation right after a noun depends on it ("площадки ИЯФ")
    rest = body[inst.span[1]:sent[1]]
    for m in re.finditer(r"\s+", rest):
        gap, tail = rest[:m.start()], rest[m.end():]
        if len(gap.split()) > 6 or re.search(r"[,;:]", gap) or any(VERB_LIKE.search(w.strip("()")) for w in gap.split()):
            break
        fm, am = FINITE_ACTION.match(tail), FUTURE_AUX.match(tail)
        if am and am["inf"] not in NOT_ACTIONS:
            return _clause(tail)
        if fm and not tail[fm.end():fm.end() + 7].startswith(" собой"):
            return _clause(tail)
    return None


def _passive(body: str, inst: Institution, sent: Span) -> str | None:
    if _case(inst.text) not in {"ins", "any"}:
        return None
    before, after = body[sent[0]:inst.span[0]], body[inst.span[1]:sent[1]]
    pm = re.search(r"(?:" + PASSIVE.pattern + r")\s*$", before)
    if pm or PASSIVE.match(after.lstrip()):
        clause_start = max(before.rfind(", "), -1) + 1 if not pm else max(before[:pm.start()].rfind(", "), -1) + 1
        return _clause(collapse(before[clause_start:] + after))
    return None


def _clause(text: str) -> str:
    return collapse(re.split(r",\s|;|\.\s|\.$", text, maxsplit=1)[0]).rstrip(".")


# --- initiatives, territories, indicators -------------------------------------------------


def _initiatives(body: str, sentences: list[Span], sections: list[Section]) -> list[Initiative]:
    out: list[Initiative] = []
    listed: set[str] = set()
    for sent in sentences:
        text = body[sent[0]:sent[1]]
        sec = _section_of(sections, sent[0])
        secnum = sec.number if sec else None
        if text.rstrip().endswith(":") and INITIATIVE_LEAD.search(text):
            out += _list_items(body, sent[1], sec, secnum)
            listed.add(secnum or "")
            continue
        if sec is None or FOREIGN_SECTION.search(sec.title) or "\t" in text:
            continue
        parent = next((s for s in sections if s.number == sec.parent), None)
        if not (VISION_SECTION.search(sec.title) or (parent and VISION_SECTION.search(parent.title))):
            continue
        pm = PROPOSES.search(text)
        subject = re.search(r"(?:^|,\s+|\s)(?P<s>[А-ЯЁ]\w+)\s*$", text[:pm.start()]) if pm else None
        if subject:
            start = sent[0] + subject.start("s")
            out.append(Initiative(secnum, None, _trim_initiative(body[start:sent[1]]), (start, sent[1])))
            listed.add(secnum or "")
        elif COMMITMENT.search(text) and secnum not in listed:
            start, end = _commitment_clause(text)
            out.append(Initiative(secnum, None, _trim_initiative(text[start:end]), (sent[0] + start, sent[0] + end)))
    return out


def _commitment_clause(text: str) -> Span:
    """The committing clause of a sentence: from the clause that holds the
    commitment word, without a leading "Также", up to a relative or
    participial clause that only describes."""
    m = COMMITMENT.search(text)
    comma = text.rfind(", ", 0, m.start())
    start = comma + 2 if comma >= 0 and IMPERSONAL.match(text, m.start()) and "(" not in text[comma:m.start()] else 0
    lead = LEADING_LINK.match(text, start)
    start = lead.end() if lead else start
    tail = CLAUSE_TAIL.search(text, m.end())
    return start, tail.start() if tail else len(text)


def _trim_initiative(text: str) -> str:
    return collapse(EXAMPLE_TAIL.sub("", text)).rstrip(".;")


def _list_items(body: str, start: int, sec: Section | None, secnum: str | None) -> list[Initiative]:
    stop = sec.extent[1] if sec else len(body)
    items = []
    expected = 1
    for m in LIST_ITEM.finditer(body, start, stop):
        if int(m["n"]) != expected:
            break
        items.append(m)
        expected += 1
    out = []
    for i, m in enumerate(items):
        end = items[i + 1].start() if i + 1 < len(items) else _item_end(body, m.end(), stop)
        out.append(Initiative(secnum, m["n"], collapse(body[m.end():end]).rstrip(".;"), (m.start(), end)))
    return out


def _nominative(phrase: str) -> str:
    """Head noun of a genitive name back to the nominative ("Парка …" -> "Парк …")."""
    return re.sub(r"^([А-ЯЁ]\w*[бвгджзклмнпрстфхцчшщ])а(?=\s)", r"\1", phrase)


def _alias_after(body: str, pos: int) -> str | None:
    m = ALIAS_DEF.match(body, pos) or ALIAS_DEF.match(body, pos + 1)
    return collapse(m.group(1)) if m else None


def _territories(body: str, aliases: dict[str, str]) -> list[Territory]:
    out: list[Territory] = []
    for m in list(TERRITORY_AT_BASE.finditer(body)) + list(TERRITORY_OF.finditer(body)):
        base = collapse(m["base"])
        base = next((a for a in aliases if len(a.split()) == len(base.split()) and
                     all(w.startswith(x[:max(3, len(x) - 2)]) for w, x in zip(base.split(), a.split()))), base)
        abbr = _alias_after(body, m.end("base"))
        where = re.search(rf"на\s+базе\s+{re.escape(abbr)}\s+в\s+городе\s+(?P<c>[А-ЯЁ]\w+)", body) if abbr else None
        out.append(Territory(collapse(m["name"]), "science-and-technology-park",
                             _nominative(base) + (f" ({abbr})" if abbr else ""),
                             f"город {where['c']}" if where else None, m.span("name")))
    for m in CITY_STATUS.finditer(body):
        city = re.sub(r"(ов|ев|ин|ск)(?:у|а|е|ом)$", r"\1", m["city"])
        sent_start = body.rfind(".", 0, m.start()) + 1
        region = REGION_IN.search(body, sent_start, m.start())
        core = re.search(CORE_OF.format(city=re.escape(city)), body)
        base = f"{collapse(core['base'])} ({collapse(core['abbr'])})" if core and core["abbr"] else \
            (collapse(core["base"]) if core else None)
        out.append(Territory(f"наукоград {city}", "science-city", base,
                             f"город {city}" + (f", область {region['r']}" if region else ""), m.span("city")))
    for m in CITIES.finditer(body):
        for item in CITY_ITEM.finditer(m["list"]):
            city = item["city"]
            base = collapse(item["base"]) if item["base"] else None
            nominal = re.sub(r"(ов|ев|ин|ск)е$", r"\1", city)
            region = (", " + collapse(item["region"].strip(", ")).replace("области", "область")) if item["region"] else ""
            name = f"наукоград в городе {city}" + (f" на базе {base}" if base else "")
            out.append(Territory(name, "science-city", _nominative(base) if base else None, f"город {nominal}{region}",
                                 (m.start("list") + item.start(), m.start("list") + item.end())))
    return out


def _indicators(body: str) -> list[Indicator]:
    out: list[Indicator] = []
    for lead in INDICATOR_LEAD.finditer(body):
        stop = re.compile(r"\n\s*\n\s*[А-ЯЁ][^\n]*:\s*$", re.M).search(body, lead.end())
        region = body[:stop.start() if stop else len(body)]
        for m in INDICATOR_ITEM.finditer(region, lead.end()):
            ind = _prose_indicator(m)
            if ind:
                out.append(ind)
    for t in TABLE_HEAD.finditer(body):
        out += _table_indicators(body, t.end())
    return out


def _prose_indicator(m: re.Match[str]) -> Indicator | None:
    text = collapse(m["body"]).rstrip(";.")
    groups = [[(y, v.strip()) for y, v in YEAR_VALUE.findall(g)] for g in YEAR_GROUP.findall(text)]
    groups = [g for g in groups if g]
    if not groups:
        return None
    first = YEAR_GROUP.search(text)
    name = text[:first.start()].strip()
    baseline: dict[str, str] = {}
    if len(groups) > 1 and len(groups[0]) == 1 and int(groups[0][0][0]) < min(int(y) for g in groups[1:] for y, _ in g):
        baseline = dict(groups.pop(0))
    values = {y: v for g in groups for y, v in g}
    unit_name = UNIT_IN_NAME.search(name)
    units = Counter(re.sub(r"^[\d\s,.]+", "", v).strip() for v in values.values())
    unit = unit_name.group(1) if unit_name else (units.most_common(1)[0][0] or None if units else None)
    return Indicator(m["n"], name, unit, None, values, m.span(), baseline)


def _table_indicators(body: str, start: int) -> list[Indicator]:
    years_row = YEARS_ROW.search(body, start, start + 600)
    if not years_row:
        return []
    years = re.findall(r"\d{4}", years_row.group(1))
    lines = [(m.start(), m.end(), m.group(0).strip()) for m in re.finditer(r"(?m)^[^\n]*\S[^\n]*$", body[years_row.end():])]
    out: list[Indicator] = []
    row: list[tuple[int, int, str]] = []
    expected = 1
    for s, e, line in lines:
        if not row:
            if not re.match(rf"{expected}\.\s", line):
                break
        row.append((s, e, line))
        tokens = line.split()
        if len(tokens) >= len(years) and all(VALUE_TOKEN.match(t) for t in tokens[-len(years):]):
            out.append(_table_row(row, years, years_row.end()))
            row, expected = [], expected + 1
    return out


def _table_row(row: list[tuple[int, int, str]], years: list[str], offset: int) -> Indicator:
    first = re.match(r"(\d+)\.\s+(.*)", row[0][2])
    *cells, last = [line for _, _, line in row[1:]] or [""]
    values_line = last.split() if len(row) > 1 else first.group(2).split()
    values = values_line[-len(years):]
    lead = " ".join(values_line[:-len(years)])
    name_parts = [first.group(2)]
    groups: list[str] = []
    for piece in [*cells, *re.findall(r"\S+", lead)] if len(row) > 1 else []:
        if piece[:1].isupper() or piece[:1] in "%№":
            groups.append(piece)
        elif groups:
            groups[-1] += " " + piece
        else:
            name_parts.append(piece)  # the indicator name wrapped onto this line
    while len(groups) > 2:
        name_parts.append(groups.pop(0))
    unit = groups[0] if groups else None
    form = groups[1] if len(groups) > 1 else None
    return Indicator(first.group(1), collapse(" ".join(name_parts)), unit, form, dict(zip(years, values)),
                     (offset + row[0][0], offset + row[-1][1]))
