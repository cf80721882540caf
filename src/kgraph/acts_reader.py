"""Reading one reference to an act, in Russian or Kazakh (helper of `kgraph.acts`).

Holds the named patterns of references (kind words, dates, numbers, issuers,
short forms, the context around a reference) and the low-level readers:

* `read_quoted(text, pos)` -> a quoted title «…» that may have lost a mark.
* `read_ru(text, kind, m)` / `read_kk(text, kind, m)` -> a `Draft` of the
  reference anchored on the kind word `m`, its other elements read forward
  (ru) or backward (kk) in any order.
* `valid(draft)` and `canonical_name(raw, draft)` -> whether a draft is a
  reference, and its designation when it has no quoted title.

Kept apart from `kgraph.acts`, which finds every reference in a text, builds
the `ActRef` records, resolves short forms and dedupes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kgraph import kinds
from kgraph.dates import DATE_KK, DATE_NUMERIC, DATE_RU, parse_date
from kgraph.records import Span
from kgraph.text import collapse

# --- named patterns -------------------------------------------------------------

_CYR = "А-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі"
# Russian kind words (all case forms), each with the kind it names (kgraph.kinds).
RU_HEADS: tuple[tuple[str, re.Pattern[str]], ...] = kinds.cites("ru")
# Kazakh kind words; the kind word closes the reference.
KK_HEADS: tuple[tuple[str, re.Pattern[str]], ...] = kinds.cites("kk")
# An act number: "611", "103-VIII ЗРК", "25-01-11.1", "534-IV".
NUMBER = r"\d+(?:[-./]\d+)*(?:-[IVXLCА-ЯІ]+)?(?:\s+ЗРК)?"
DATE_ANY = rf"(?:{DATE_RU.pattern}|{DATE_NUMERIC.pattern})"
_DATE_GROUPS = re.compile(r"\(\?P<(\w)>")


def _plain(pattern: str) -> str:
    return _DATE_GROUPS.sub("(?:", pattern)


DATE_PLAIN = _plain(DATE_ANY)
# Elements that may follow a Russian kind word, tried in any order.
RU_JURISDICTION = re.compile(r"\s+(?:Республики\s+Казахстан|РК|Российской\s+Федерации)(?!\w)")
RU_ISSUER = re.compile(
    r"\s+(?:Президента|Правительства|Премьер-Министра|Главы\s+государства|Министра\s+[^\s,.;]+(?:\s+[^\s,.;№]+){0,5}?"
    r"|акимата\s+[^\s,.;]+(?:\s+[^\s,.;№]+){0,2}?)(?=\s+(?:Республики|РК|от|№|народу)|[\s,])"
)
RU_GIVEN = re.compile(r"\s*,\s*данн\w+\s+[^,]{3,150},")  # ", данного на заседании …,"
RU_DATE = re.compile(rf"\s*от\s+({DATE_PLAIN})")
RU_NUMBER = re.compile(rf"\s*+(?:\.\s*+)?№\s*+({NUMBER})")
RU_POINT = re.compile(r"\s*\((?:пункт|подпункт|п\.|пп\.)\s*[\d.]+\)")
RU_AUDIENCE = re.compile(r"\s+народу\s+Казахстана")
# Unquoted "о …" title of a law ("Закон о поддержке науки и техники"), up to
# punctuation or a participle that starts another clause.
RU_ABOUT = re.compile(r"\s+(об?\s+[^,.;:()«»\"\n]+?)(?=\s*[,.;:()\n]|\s+и\s+\w+(?:ющ|ущ|ащ|ящ|вш|нн)\w*|$)")
LATIN_GLOSS = re.compile(r"\s*\([A-Za-z][^()]*\)")
# Designation of a plan, strategy or concept: "… развития Республики Казахстан до 2029 года".
RU_TAIL = re.compile(r"\s+((?=[а-яё])[^,.;:«»()\"]{2,200}?(?:до\s+\d{4}\s+года|на\s+\d{4}\s*[-–]\s*\d{4}\s+годы))")
# A tail never spans a term/definition dash or another kind word.
TAIL_BREAKERS = re.compile(r"\s[-–—]\s|Стратеги|Концепци|[Пп]лан\w*\s|[Зз]акон|[Уу]каз|[Пп]остановлени")
RU_APPROVED = re.compile(r"\s*,\s*утвержденн\w+\s+")
# Word order the PDF scrambled: "Президента Республики Казахстан от <date> Указа № 579".
RU_ISSUER_BEFORE = re.compile(
    rf"(?:Президента|Правительства)\s+(?:Республики\s+Казахстан|РК)\s+от\s+({DATE_PLAIN})\s*$"
)
# Kazakh elements, read backward from the kind word.
KK_NUMBER = re.compile(rf"№\s*({NUMBER})\s*$")
KK_DATE = re.compile(rf"({_plain(DATE_KK.pattern)}\w*|{_plain(DATE_NUMERIC.pattern)})\s*$")
KK_ISSUER = re.compile(
    r"(?:(?:Қазақстан\s+Республикасы(?:ның)?|ҚР)\s+)?(?:Президент[іi]н[іi]ң|Үк[іi]мет[іi]н[іi]ң|Мемлекет\s+басшысының)\s*$"
)
KK_JURISDICTION = re.compile(r"(?:Қазақстан\s+Республикасы(?:ның)?|ҚР)\s*$")
KK_CODE_NAME = re.compile(r"([А-ЯӘҒҚҢӨҰҮІ][\wәғқңөұүһі]+)\s*$")  # "Жер кодексі", "Салық кодексі"
KK_AUDIENCE = re.compile(r"(?:атты\s+)?Қазақстан\s+халқына\s*$")
KK_SELF = re.compile(r"[Оо]сы\s*$")
# A short form stands for a reference only if it repeats its kind word.
KIND_WORDS = {k.name: k.stem for k in kinds.KINDS if k.stem}
# "(далее – Закон)", "(бұдан әрі – Заң)"
SHORT_FORM = re.compile(r"\s*\((?:далее|бұдан\s+әр[іi])\s*[-–—]+\s*([^()]{1,60}?)\)")
# A terms-section entry "Закон – <reference>".
TERM_ENTRY = re.compile(rf"(?m)^\s*(?:\d+\)\s*)?([А-ЯЁӘҒҚҢӨҰҮІ][{_CYR}\- ]{{1,40}}?)\s+[-–—]\s+")
# Self references that are never another act.
SELF_BEFORE = re.compile(
    r"(?:[Нн]астоящ\w+|[Дд]анн\w+|[Пп]рилагаем\w+|[Уу]казанн\w+|[Ээ]т(?:от|ого|ому|им|ом)|[Оо]сы)\s+$"
)
# Year of adoption near an undated reference: "в 2001 году был принят", "2011 год, когда".
YEAR_BEFORE = re.compile(r"(?<!\d)(\d{4})\s+год(?:у)?(?:\s*[,–-]\s*|\s+)[^.;\d]{0,40}$")
# Foreign jurisdictions named in a sentence.
FOREIGN = {
    "RU": r"Росси|Российск",
    "JP": r"Япони",
    "KR": r"Коре",
    "US": r"США|Соединенн\w+\s+Штат",
    "CN": r"Кита",
    "GB": r"Великобритани",
    "DE": r"Германи",
    "FR": r"Франци",
    "NO": r"Норвеги",
    "BR": r"Бразили",
    "AU": r"Австрали",
    "CH": r"Швейцари",
}
# Decree preambles: the act the decree implements.
BASIS_BEFORE = re.compile(r"(?:В\s+целях\s+реализации|Во\s+исполнение|В\s+соответствии\s+с|На\s+основании)\s*$")
BASIS_AFTER_KK = re.compile(r"\s*(?:[іi]ске\s+асыру\s+мақсатында|сәйкес|негізінде)")
ENACTING = re.compile(r"ПОСТАНОВЛЯ|ПРИКАЗЫВА|ҚАУЛЫ\s+ЕТЕД|БҰЙЫРАМЫН")


# --- titles -----------------------------------------------------------------------


def read_quoted(text: str, pos: int) -> tuple[str, int] | None:
    """A quoted title starting at `pos` (after spaces): «…» with nesting, or "…".

    An unbalanced «…» (the PDF lost a closing mark) closes at the last » before
    the sentence ends."""
    i = pos
    while i < len(text) and text[i] in " \t\n":
        i += 1
    if i >= len(text) or text[i] not in '«"“':
        return None
    if text[i] == "«":
        depth, j, last = 0, i, None
        while j < len(text):
            c = text[j]
            if c == "«":
                depth += 1
            elif c == "»":
                depth -= 1
                last = j
                if depth == 0:
                    return text[i + 1 : j], j + 1
            elif c == "." and j + 1 < len(text) and text[j + 1].isspace() and depth > 0 and last is not None:
                return text[i + 1 : last + 1], last + 1  # the lost mark is the outer closing one
            elif c == "\n" and text[j + 1 : j + 2] == "\n" and j - i > 400:
                break
            j += 1
        return (text[i + 1 : last + 1], last + 1) if last else None
    close = '"' if text[i] == '"' else "”"
    m = re.compile(rf"{re.escape(close)}(?=[\s,.;:)]|$)").search(text, i + 1, min(len(text), i + 400))
    return (text[i + 1 : m.start()], m.end()) if m else None


# --- reading one reference -----------------------------------------------------------


@dataclass
class Draft:
    kind: str
    start: int
    end: int
    date: dt.date | None = None
    number: str | None = None
    title: str | None = None
    about: str | None = None
    tail: str | None = None
    issuer: bool = False
    jurisdiction: str | None = None
    approver: str | None = None
    title_span: Span = (0, 0)


def read_ru(text: str, kind: str, m: re.Match[str]) -> Draft:
    d = Draft(kind, m.start(), m.end())
    pos = m.end()
    steps = [
        ("jur", RU_JURISDICTION),
        ("issuer", RU_ISSUER),
        ("given", RU_GIVEN),
        ("date", RU_DATE),
        ("number", RU_NUMBER),
        ("point", RU_POINT),
        ("audience", RU_AUDIENCE),
    ]
    done: set[str] = set()
    progressed = True
    while progressed:
        progressed = False
        for name, pat in steps:
            if name in done:
                continue
            sm = pat.match(text, pos)
            if not sm:
                continue
            done.add(name)
            pos, progressed = sm.end(), True
            if name == "jur":
                d.jurisdiction = "RU" if "Росси" in sm.group(0) else "KZ"
            elif name == "issuer":
                d.issuer = True
                if "акимат" in sm.group(0):
                    d.kind = "other"
            elif name == "date":
                d.date = parse_date(sm.group(1))
            elif name == "number":
                d.number = collapse(sm.group(1))
        if "title" not in done:
            q = read_quoted(text, pos)
            if q and (q[1] - pos) < 400:
                d.title, d.title_span, pos, progressed = collapse(q[0]), (pos, q[1]), q[1], True
                done.add("title")
    if d.kind in {"law", "code"} and not (d.title or d.date or d.number):
        am = RU_ABOUT.match(text, pos)
        if am:
            d.about, pos = collapse(am.group(1)), am.end()
            gm = LATIN_GLOSS.match(text, pos)
            pos = gm.end() if gm else pos
    if kinds.get(d.kind).named and not (d.title or d.date):
        tm = RU_TAIL.match(text, pos)
        if tm and not TAIL_BREAKERS.search(tm.group(1)):
            d.tail, pos = collapse(tm.group(1)), tm.end()
            am = RU_APPROVED.match(text, pos)
            if am:
                sub = _ref_at(text, am.end())
                if sub is not None and (sub.date or sub.number):
                    d.date, d.number, d.approver, pos = sub.date, sub.number, sub.kind, sub.end
    if d.date is None:  # scrambled word order: issuer and date before the kind word
        bm = RU_ISSUER_BEFORE.search(text, max(0, m.start() - 120), m.start())
        if bm and not text[bm.end() : m.start()].strip():
            d.date, d.start, d.issuer = parse_date(bm.group(1)), bm.start(), True
    d.end = pos
    return d


def _ref_at(text: str, pos: int) -> Draft | None:
    for kind, pat in RU_HEADS:
        m = pat.match(text, pos)
        if m:
            return read_ru(text, kind, m)
    return None


def read_kk(text: str, kind: str, m: re.Match[str]) -> Draft:
    d = Draft(kind, m.start(), m.end())
    floor = max(0, m.start() - 400)
    end = m.start()
    steps = [
        ("number", KK_NUMBER),
        ("date", KK_DATE),
        ("issuer", KK_ISSUER),
        ("jur", KK_JURISDICTION),
        ("audience", KK_AUDIENCE),
    ] + ([("name", KK_CODE_NAME)] if kind == "code" else [])
    done: set[str] = set()
    progressed = True
    while progressed:
        progressed = False
        window = text[floor:end]
        for name, pat in steps:
            if name in done:
                continue
            sm = pat.search(window)
            if not sm:
                continue
            done.add(name)
            end, progressed = floor + sm.start(), True
            if name == "number":
                d.number = collapse(sm.group(1))
            elif name == "date":
                d.date = parse_date(sm.group(1))
            elif name in {"issuer", "jur"}:
                d.issuer, d.jurisdiction = True, "KZ"
            elif name == "name":
                d.about = sm.group(1)
            break
        if not progressed and "title" not in done:
            t = _quoted_before(text, floor, end)
            if t:
                d.title, d.title_span, progressed = collapse(t[0]), (t[1], end), True
                end = t[1]
                done.add("title")
    d.start = end
    return d


def _quoted_before(text: str, floor: int, end: int) -> tuple[str, int] | None:
    """A «…» title that ends right before `end` (nesting respected)."""
    j = end - 1
    while j >= floor and text[j].isspace():
        j -= 1
    if j < floor or text[j] != "»":
        return None
    depth, i, outermost = 0, j, None
    while i >= floor:
        if text[i] == "»":
            depth += 1
        elif text[i] == "«":
            depth -= 1
            outermost = i
            if depth == 0:
                return text[i + 1 : j], i
        elif text[i] in ".;" and text[i + 1 : i + 2].isspace() and outermost is not None:
            break
        i -= 1
    # An opening mark was lost: the title starts at the outermost « found.
    return (text[outermost + 1 : j], outermost) if outermost is not None else None


def valid(d: Draft) -> bool:
    if d.kind in {"law", "code"}:
        return bool(d.title or d.date or d.number or d.about or (d.kind == "code" and d.jurisdiction))
    if d.kind == "other":
        return bool(d.date and d.number)
    if d.kind == "address":
        return d.issuer or bool(d.title or d.date)
    if kinds.get(d.kind).named:
        return bool(d.title or d.tail or d.date)
    return bool(d.date or d.number or d.title)


def canonical_name(text: str, d: Draft) -> str | None:
    """A designation that is the same in every case form ("Национальному плану …" -> "Национальный план …")."""
    if d.title:
        return None
    if d.kind == "address" and not d.date:
        return "Послание Президента Республики Казахстан народу Казахстана"
    if d.kind == "code" and d.about:
        return f"{d.about} кодексі"
    if d.kind == "code":
        m = re.match(rf"([А-ЯӘҒҚҢӨҰҮІ][{_CYR}]+?)(?:ым|ом|ый|ий|ого|ому|ой|ем|им)\s", text)
        if m:
            stem = m.group(1)
            return stem + ("ий" if stem[-1] in "кгхжшщч" else "ый") + " кодекс"
        return None
    if kinds.get(d.kind).named and d.tail:
        return f"{kinds.get(d.kind).label.ru} {d.tail}"
    if d.about:
        return f"Закон {d.about}"
    return None
