"""Initiatives, science territories and target indicators of a concept document.

Called by `kgraph.sources.concept.parse` once the concept's structure is read
(the records and the shared helpers live there):

* `find_initiatives(body, sentences, sections)` -> what the concept proposes:
  the items of a numbered list led by "следующие инициативы / механизм …:",
  and the committing clause of a sentence ("Будет создан …", "Планируется …")
  in a vision or approach section.
* `find_territories(body, aliases)` -> science-and-technology parks and
  science cities (наукограды) the concept plans, with their base organization
  and location.
* `find_indicators(body)` -> target indicators with their yearly values, from a
  prose list after "Целевые индикаторы:" or from a table titled "… индикаторы …".
"""

from __future__ import annotations

import re
from collections import Counter

from kgraph.records import Indicator, Span
from kgraph.sources.concept_records import (
    ALIAS_DEF,
    FOREIGN_SECTION,
    Initiative,
    Section,
    Territory,
    item_end,
    section_of,
)
from kgraph.text import collapse

# --- named patterns -------------------------------------------------------------

# Initiatives: a numbered list led by "следующие инициативы / механизм … последовательность:".
INITIATIVE_LEAD = re.compile(
    r"(?:инициатив|механизм|последовательност)[^:]*следующ|следующ[^:]*(?:инициатив|механизм|последовательност)"
)
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
    r"(?=\s*(?:\(|,|\.|;|$)|\s+с\s|\s+в\s+город)"
)
TERRITORY_OF = re.compile(
    rf"(?:[Сс]озда\w*(?:\s+и\s+развити\w+)?)\s+(?P<name>(?P<kind>{PARK})\s+(?P<base>[А-ЯЁ]\w+\s+[А-ЯЁ]\w+))"
)
CITY_STATUS = re.compile(r"статус\w*\s+наукоград\w*\s+город\w*\s+(?P<city>[А-ЯЁ]\w+)")
CITIES = re.compile(r"[Сс]озда\w*\s+наукоград\w*\s+в\s+город(?:е|ах)\s+(?P<list>[^.]+?)(?=,\s+[а-яё]+вш?и|\.|$)")
CITY_ITEM = re.compile(
    r"(?:\((?:i|ii|iii|iv|v)\)\s*)?(?P<city>[А-ЯЁ]\w+)(?:\s+на\s+базе\s+(?P<base>[^()]+?))?"
    r"(?P<region>,\s*област\w+\s+[А-ЯЁӘҒҚҢӨҰҮІ]\w+)?(?=\s+и\s+\(|\s*$|,\s)"
)
REGION_IN = re.compile(r"в\s+области\s+(?P<r>[А-ЯЁӘҒҚҢӨҰҮІ]\w+)")
CORE_OF = r"(?:ядром|основой|базой)[^.]*?{city}\w*\s+является\s+(?P<base>[А-ЯЁ][^,.(]+?)(?:\s*\(далее\s*[-–]\s*(?P<abbr>[^)]+)\))?[,.]"
# Indicators: a prose list after "Целевые индикаторы:", a table titled "… индикаторы …".
INDICATOR_LEAD = re.compile(r"(?m)^\s*(?:Целевые\s+(?:индикаторы|показатели)|Показатели\s+результатов)\s*:?\s*$")
INDICATOR_ITEM = re.compile(
    r"(?ms)^\s*(?P<n>\d+)\.\s+(?P<body>.+?)(?=\n\s*\n\s*(?:\d+\.\s|[-–]?\s*\d+\)|[А-ЯЁ][^\n]*:\s*$)|\Z)"
)
YEAR_GROUP = re.compile(r"\(([^()]*?\d{4}\s*(?:год|г\.)[^()]*)\)")
YEAR_VALUE = re.compile(r"(\d{4})\s*(?:года|год|г\.)\s*[-–]\s*(.+?)\s*(?=,\s*\d{4}\s*(?:года|год|г\.)|$)")
UNIT_IN_NAME = re.compile(r",\s*(человек|единиц\w*|тенге|процент\w*|%)(?=\s|\(|$)")
TABLE_HEAD = re.compile(r"(?m)^\s*Таблица\s+\d+\s*\n\s*\n?\s*[^\n]*(?:[Ии]ндикатор|[Пп]оказател)[^\n]*$")
YEARS_ROW = re.compile(r"(?m)^\s*((?:\d{4}\s*год\s*){2,})$")
VALUE_TOKEN = re.compile(r"^(?:-|–|—|\d+(?:[.,]\d+)?%?)$")


# --- initiatives -----------------------------------------------------------------------


def find_initiatives(body: str, sentences: list[Span], sections: list[Section]) -> list[Initiative]:
    out: list[Initiative] = []
    listed: set[str] = set()
    for sent in sentences:
        text = body[sent[0] : sent[1]]
        sec = section_of(sections, sent[0])
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
        subject = re.search(r"(?:^|,\s+|\s)(?P<s>[А-ЯЁ]\w+)\s*$", text[: pm.start()]) if pm else None
        if subject:
            start = sent[0] + subject.start("s")
            out.append(Initiative(secnum, None, _trim_initiative(body[start : sent[1]]), (start, sent[1])))
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
    start = comma + 2 if comma >= 0 and IMPERSONAL.match(text, m.start()) and "(" not in text[comma : m.start()] else 0
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
        end = items[i + 1].start() if i + 1 < len(items) else item_end(body, m.end(), stop)
        out.append(Initiative(secnum, m["n"], collapse(body[m.end() : end]).rstrip(".;"), (m.start(), end)))
    return out


# --- science territories -------------------------------------------------------------


def _nominative(phrase: str) -> str:
    """Head noun of a genitive name back to the nominative ("Парка …" -> "Парк …")."""
    return re.sub(r"^([А-ЯЁ]\w*[бвгджзклмнпрстфхцчшщ])а(?=\s)", r"\1", phrase)


def _alias_after(body: str, pos: int) -> str | None:
    m = ALIAS_DEF.match(body, pos) or ALIAS_DEF.match(body, pos + 1)
    return collapse(m.group(1)) if m else None


def find_territories(body: str, aliases: dict[str, str]) -> list[Territory]:
    out: list[Territory] = []
    for m in list(TERRITORY_AT_BASE.finditer(body)) + list(TERRITORY_OF.finditer(body)):
        base = collapse(m["base"])
        base = next(
            (
                a
                for a in aliases
                if len(a.split()) == len(base.split())
                and all(w.startswith(x[: max(3, len(x) - 2)]) for w, x in zip(base.split(), a.split()))
            ),
            base,
        )
        abbr = _alias_after(body, m.end("base"))
        where = re.search(rf"на\s+базе\s+{re.escape(abbr)}\s+в\s+городе\s+(?P<c>[А-ЯЁ]\w+)", body) if abbr else None
        out.append(
            Territory(
                collapse(m["name"]),
                "science-and-technology-park",
                _nominative(base) + (f" ({abbr})" if abbr else ""),
                f"город {where['c']}" if where else None,
                m.span("name"),
            )
        )
    for m in CITY_STATUS.finditer(body):
        city = re.sub(r"(ов|ев|ин|ск)(?:у|а|е|ом)$", r"\1", m["city"])
        sent_start = body.rfind(".", 0, m.start()) + 1
        region = REGION_IN.search(body, sent_start, m.start())
        core = re.search(CORE_OF.format(city=re.escape(city)), body)
        base = (
            f"{collapse(core['base'])} ({collapse(core['abbr'])})"
            if core and core["abbr"]
            else (collapse(core["base"]) if core else None)
        )
        out.append(
            Territory(
                f"наукоград {city}",
                "science-city",
                base,
                f"город {city}" + (f", область {region['r']}" if region else ""),
                m.span("city"),
            )
        )
    for m in CITIES.finditer(body):
        for item in CITY_ITEM.finditer(m["list"]):
            city = item["city"]
            base = collapse(item["base"]) if item["base"] else None
            nominal = re.sub(r"(ов|ев|ин|ск)е$", r"\1", city)
            region = (
                (", " + collapse(item["region"].strip(", ")).replace("области", "область")) if item["region"] else ""
            )
            name = f"наукоград в городе {city}" + (f" на базе {base}" if base else "")
            out.append(
                Territory(
                    name,
                    "science-city",
                    _nominative(base) if base else None,
                    f"город {nominal}{region}",
                    (m.start("list") + item.start(), m.start("list") + item.end()),
                )
            )
    return out


# --- indicators --------------------------------------------------------------------------


def find_indicators(body: str) -> list[Indicator]:
    out: list[Indicator] = []
    for lead in INDICATOR_LEAD.finditer(body):
        stop = re.compile(r"\n\s*\n\s*[А-ЯЁ][^\n]*:\s*$", re.M).search(body, lead.end())
        region = body[: stop.start() if stop else len(body)]
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
    name = text[: first.start()].strip()
    baseline = baseline_year = None
    if len(groups) > 1 and len(groups[0]) == 1 and int(groups[0][0][0]) < min(int(y) for g in groups[1:] for y, _ in g):
        (year, baseline), *_ = groups.pop(0)
        baseline_year = int(year)
    values = {y: v for g in groups for y, v in g}
    unit_name = UNIT_IN_NAME.search(name)
    units = Counter(re.sub(r"^[\d\s,.]+", "", v).strip() for v in values.values())
    unit = unit_name.group(1) if unit_name else (units.most_common(1)[0][0] or None if units else None)
    return Indicator(m["n"], name, unit, values, m.span(), baseline, baseline_year)


def _table_indicators(body: str, start: int) -> list[Indicator]:
    years_row = YEARS_ROW.search(body, start, start + 600)
    if not years_row:
        return []
    years = re.findall(r"\d{4}", years_row.group(1))
    lines = [
        (m.start(), m.end(), m.group(0).strip()) for m in re.finditer(r"(?m)^[^\n]*\S[^\n]*$", body[years_row.end() :])
    ]
    out: list[Indicator] = []
    row: list[tuple[int, int, str]] = []
    expected = 1
    for s, e, line in lines:
        if not row and not re.match(rf"{expected}\.\s", line):
            break
        row.append((s, e, line))
        tokens = line.split()
        if len(tokens) >= len(years) and all(VALUE_TOKEN.match(t) for t in tokens[-len(years) :]):
            out.append(_table_row(row, years, years_row.end()))
            row, expected = [], expected + 1
    return out


def _table_row(row: list[tuple[int, int, str]], years: list[str], offset: int) -> Indicator:
    first = re.match(r"(\d+)\.\s+(.*)", row[0][2])
    *cells, last = [line for _, _, line in row[1:]] or [""]
    values_line = last.split() if len(row) > 1 else first.group(2).split()
    values = values_line[-len(years) :]
    lead = " ".join(values_line[: -len(years)])
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
    return Indicator(
        first.group(1),
        collapse(" ".join(name_parts)),
        unit,
        dict(zip(years, values)),
        (offset + row[0][0], offset + row[-1][1]),
        completion_form=form,
    )
