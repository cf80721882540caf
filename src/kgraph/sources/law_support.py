"""Roles and references of laws (helper of `kgraph.sources.law`).

Roles: a law names the bodies it empowers by role phrases ("уәкілетті орган"
in a field, "ұлттық оператор" for a field, a council, the Government). Those
phrases map to role slugs (CONTRIBUTING.md "Law role slugs") by general
patterns plus one small table of field phrases in Russian and Kazakh.

Sentences of a text, then references to other acts and to provisions of the
law itself, the repeal clause and entry into force. Support measures are in
`kgraph.sources.law_measures`. Everything here is pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from kgraph.dates import find_dates
from kgraph.lang import KK_PARTICIPLE, KK_PLURAL, KK_PLURAL_POSSESSIVE, KK_POSSESSIVE, LOWER, UNITS, alternation
from kgraph.records import Span
from kgraph.text import collapse

# --- role phrases ---------------------------------------------------------------


def tolerant(pattern: str, flags: int = re.I) -> re.Pattern[str]:
    """Compile a pattern that also matches words split around "і".

    PDF extraction spaces the Kazakh letter і apart ("уәк ілетт і орган
    жүрг і зед і") and the normalizer cannot tell such a space from a word
    boundary; literal "і" outside character classes may carry a space on
    either side.
    """
    out, depth, i = [], 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        depth += c == "["
        depth -= c == "]"
        out.append("[ ]?і[ ]?" if c == "і" and depth == 0 else c)
        i += 1
    return re.compile("".join(out), flags)


# Kazakh puts the field before the role noun ("X саласындағы уәкілетті орган"),
# Russian after it ("уполномоченный орган в области X"): `side` says where to look.
# `suf` captures the case/number ending so that agents (nominative) can be told
# from objects ("операторды", "Үкіметіне").
ROLE_PHRASES: list[tuple[re.Pattern[str], str, str]] = [
    (tolerant(p), kind, side)
    for p, kind, side in [
        (r"(?:Қазақстан\s+Республикасы(?:ның)?\s+)?Үкімет(?P<suf>[а-яәғқңөұүһі]*)", "government", "before"),
        (r"Правительств(?P<suf>[а-я]*)(?:\s+Республики\s+Казахстан)?", "government", "after"),
        (r"уәкілетті\s+орган(?P<suf>[а-яәғқңөұүһі]*)", "authorized-body", "before"),
        (r"уполномоченн[а-я]*\s+(?:государственн[а-я]*\s+)?орган(?P<suf>[а-я]*)", "authorized-body", "after"),
        (r"ұлттық\s+оператор(?P<suf>[а-яәғқңөұүһі]*)", "national-operator", "before"),
        (r"национальн[а-я]*\s+оператор(?P<suf>[а-я]*)", "national-operator", "after"),
        # "кеңесші" (adviser) and "кеңестік" (advisory) are not councils.
        (r"кеңес(?P<suf>інің|іне|інде|ін|і|тің|ті|ке|те|тен)?(?![а-яәғқңөұүһі])", "council", "before"),
        (r"совет(?P<suf>а|у|ом|е)?(?![а-я])", "council", "after"),
        (r"мемлекеттік\s+орган(?P<suf>дар[а-яәғқңөұүһі]*)", "state-bodies", "before"),
        (r"государственн(?:ые|ых|ым|ыми)\s+орган(?P<suf>ы|ов|ам|ами|ах)", "state-bodies", "after"),
        (r"жергілікті\s+атқарушы\s+орган(?P<suf>[а-яәғқңөұүһі]*)", "local-executive-bodies", "before"),
        (r"местн[а-я]*\s+исполнительн[а-я]*\s+орган(?P<suf>[а-я]*)", "local-executive-bodies", "after"),
        (r"Қазақстан\s+даму\s+банк(?P<suf>[а-яәғқңөұүһі]*)", "development-bank-of-kazakhstan", "before"),
        (r"Банк(?P<suf>[а-я]*)\s+развития\s+Казахстана", "development-bank-of-kazakhstan", "after"),
        (r"қаржы\s+агент(?P<suf>[а-яәғқңөұүһі]*)", "financial-agent", "before"),
        (r"финансов[а-я]*\s+агент(?P<suf>[а-я]*)", "financial-agent", "after"),
        (r"ұлттық\s+даму\s+институт(?P<suf>[а-яәғқңөұүһі]*)", "national-development-institutions", "before"),
        (r"национальн[а-я]*\s+институт(?P<suf>[а-я]*)\s+развития", "national-development-institutions", "after"),
        (r"ұлттық\s+басқару(?:шы)?\s+холдинг(?P<suf>[а-яәғқңөұүһі]*)", "national-holdings-and-companies", "before"),
        (r"национальн[а-я]*\s+управляющ[а-я]*\s+холдинг(?P<suf>[а-я]*)", "national-holdings-and-companies", "after"),
    ]
]

# Field phrases (ru/kk) -> English slug. Order matters: specific before general.
FIELDS: list[tuple[re.Pattern[str], str]] = [
    (tolerant(p), slug)
    for p, slug in [
        (r"үдемелі\s+индустриял|форсированн[а-я]*\s+индустриальн", "accelerated-industrial-innovative-development"),
        (
            r"индустриял[а-яәғқңөұүһі]*-инновациял[а-яәғқңөұүһі]*\s+қызмет[а-яәғқңөұүһі]*\s+(?:мемлекеттік\s+)?қолдау"
            r"|поддержк[а-я]*\s+индустриально-инновационн|индустриально-инновационн[а-я]*\s+деятельност",
            "industrial-innovation",
        ),
        (r"мемлекеттік\s+жоспарлау|государственн[а-я]*\s+планировани", "state-planning"),
        (r"салалық\s+даму|отраслев[а-я]*\s+развити", "sectoral-development"),
        (r"технологиялық\s+дам(?:у|ыту)|технологическ[а-я]*\s+развити", "technological-development"),
        (r"технологиялық\s+саясат|технологическ[а-я]*\s+политик", "technological-policy"),
        (r"жергілікті\s+қамту|местного\s+содержания", "local-content"),
        (r"инвестиция[а-яәғқңөұүһі]*\s+тарту|привлечени[а-я]*\s+инвестиций", "investment-attraction"),
        (r"экспорт[а-яәғқңөұүһі]*\s+дамыту|развити[а-я]*\s+(?:и\s+продвижени[а-я]*\s+)?экспорта", "export-development"),
        (r"білім\s+беру|образовани", "education"),
        (r"ғылым|науки", "science"),
    ]
]

# Role kinds that take a field, and registry names that differ from kind-field.
FIELDED = {"authorized-body", "national-operator", "council"}
ROLE_NAMES = {"authorized-body-state-planning": "state-planning-body"}

# How far (characters) a field phrase may sit from its role noun.
FIELD_WINDOW = 120
# Case endings of a subject (nominative, with possessive/plural): "органы", "Үкіметі".
NOMINATIVE_KK = {"", *KK_POSSESSIVE, *KK_PLURAL, *KK_PLURAL_POSSESSIVE}
NOMINATIVE_RU = {"", "о", "ы", "и"}
# A Kazakh participle right after a body makes it a modifier ("Үкіметі айқындайтын қаржы агенті").
PARTICIPLE = re.compile(rf"\s*[{LOWER}]+(?:{alternation(KK_PARTICIPLE)})(?![{LOWER}])", re.I)


@dataclass(frozen=True)
class RoleMention:
    role: str
    start: int
    end: int
    subject: bool  # nominative and not a modifier: can be the agent of its clause
    side: str  # where its field phrase sits: "before" (Kazakh order) or "after" (Russian)


def _field(text: str, start: int, end: int, side: str) -> str | None:
    """The field phrase next to a role noun, nearest first."""
    if side == "before":
        window = text[max(0, start - FIELD_WINDOW) : start]
        window = re.split(r"[.;:,()]", window)[-1]
        hits = [(m.end(), slug) for p, slug in FIELDS for m in p.finditer(window)]
        return max(hits)[1] if hits else None
    window = re.split(r"[.;:,()]", text[end : end + FIELD_WINDOW])[0]
    hits = [(m.start(), slug) for p, slug in FIELDS for m in p.finditer(window)]
    return min(hits)[1] if hits else None


def role_mentions(text: str, default_fields: dict[str, str] | None = None) -> list[RoleMention]:
    """Every role named in `text`, in order; overlapping matches keep the longest."""
    found: list[RoleMention] = []
    for pattern, kind, side in ROLE_PHRASES:
        for m in pattern.finditer(text):
            role = kind
            if kind in FIELDED:
                field = _field(text, m.start(), m.end(), side) or (default_fields or {}).get(kind)
                role = f"{kind}-{field}" if field else ("national-operators" if kind == "national-operator" else kind)
                role = ROLE_NAMES.get(role, role)
            suf = (m.group("suf") or "").lower()
            suf = suf.replace(" ", "")
            nominative = suf in (NOMINATIVE_KK if side == "before" else NOMINATIVE_RU)
            modifier = bool(PARTICIPLE.match(text, m.end()))
            found.append(RoleMention(role, m.start(), m.end(), nominative and not modifier, side))
    found.sort(key=lambda r: (r.start, -(r.end - r.start)))
    out: list[RoleMention] = []
    for r in found:
        if out and r.start < out[-1].end:
            continue
        out.append(r)
    return out


# --- sentences ------------------------------------------------------------------

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[А-ЯӘҒҚҢӨҰҮҺІA-Z«])")


def sentences(text: str, start: int = 0) -> list[tuple[str, Span]]:
    """Sentences of a text with their spans (offset by `start`)."""
    out, pos = [], 0
    for m in list(SENTENCE_END.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            out.append((chunk.strip(), (start + pos + lead, start + pos + lead + len(chunk.strip()))))
        pos = m.end() if m else len(text)
    return out


# --- references, repeal, entry into force ---------------------------------------

NUMBER = r"\d{1,3}(?:-\d{1,3})*"  # "5", inserted "10-1"
# Cross-references. Kazakh: «title»[, «title»] [date] [Қазақстан Республикасының] Заңы/Кодексі;
# an unclosed quote ends before "Қазақстан Республикасының Заң…".
LAW_REF_KK = re.compile(
    r"(?P<titles>«[^«»]+?(?:»|(?=\s+Қазақстан\s+Республикасы(?:ның)?\s+[Зз]аң))(?:\s*,\s*«[^«»]+?»)*)"
    r"\s*(?:\d{4}\s*жылғы\s+\d{1,2}\s+\S+\s*)?(?:№\s*\S+\s*)?"
    r"(?:Қазақстан\s+Республикасы(?:ның)?\s+)?(?P<word>[Зз]аң|Кодекс)"
)
# Russian: Закон/Кодекс [Республики Казахстан] [от … № …] «title»[, «title»].
LAW_REF_RU = re.compile(
    r"(?P<word>[Зз]акон|[Кк]одекс)[а-я]*\s+(?:Республики\s+Казахстан\s+)?(?:от\s+[^«»]{4,40}?\s+)?"
    r"(?P<titles>«[^«»]+»(?:\s*(?:,|и)\s*«[^«»]+»)*)"
)
CONSTITUTION_KK = re.compile(
    r"(?:Қазақстан\s+Республикасының\s+)?Конституция(?:сы|сына|сында|сын|сынан|ға|да)?(?![а-яәғқңөұүһі])"
)
CONSTITUTION_RU = re.compile(r"Конституци(?:я|и|ю|ей)(?![а-я])(?:\s+Республики\s+Казахстан)?")
# Named codes: "Қазақстан Республикасының Жер кодексіне", "Бюджетного кодекса".
CODE_KK = re.compile(
    r"(?:(?P<rk>Қазақстан\s+Республикасының)\s+)?(?P<name>(?!Республикасы)[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+)\s+кодексі[а-яәғқңөұүһі]*"
)
CODE_RU = re.compile(r"(?P<adj>[А-Я][а-я]+?)(?:ого|ому|ым|ом|ый|ий|ой)\s+кодекс[а-я]*(?:\s+Республики\s+Казахстан)?")
# Provisions of this law: "осы Заңның 19-бабы[ның 2-тармағы[ның 3) тармақшасы]]", "Осы баптың 1-тармағы".
_ARTICLE, _PARAGRAPH, _ITEM = UNITS["article"], UNITS["paragraph"], UNITS["subparagraph"]
INTERNAL_KK = re.compile(
    rf"осы\s+(?:заңның\s+(?P<art>{NUMBER})-{_ARTICLE.kk_forms}|(?P<this>баптың))"
    rf"(?:\s+(?P<para>{NUMBER})-{_PARAGRAPH.kk_forms})?(?:\s+(?P<item>{NUMBER})\)\s*{_ITEM.kk_forms})?",
    re.I,
)
# "подпункт 3) пункта 2 статьи 5 настоящего Закона", "пункта 1 настоящей статьи".
INTERNAL_RU = re.compile(
    rf"(?:{_ITEM.ru_forms}\s+(?P<item>{NUMBER})\)\s+)?(?:{_PARAGRAPH.ru_forms}\s+(?P<para>{NUMBER})\s+)?"
    rf"(?:{_ARTICLE.ru_forms}\s+(?P<art>{NUMBER})\s+настоящего\s+Закона|(?P<this>настоящей\s+статьи))",
    re.I,
)
# Repeal: "… Заңының күші жойылды деп танылсын" / "Признать утратившим силу Закон …".
REPEAL = re.compile(r"күші\s+жойылды\s+деп\s+танылсын|утратившим[и]?\s+силу", re.I)
PUBLICATION = re.compile(r"\((?P<pub>(?:Қазақстан\s+Республикасы\s+Парламентінің\s+Жаршысы|Ведомости)[^()]*)\)")
# Entry into force and its delay after official publication.
IN_FORCE = re.compile(r"қолданысқа\s+енгізіледі|вводится\s+в\s+действие", re.I)
DELAY = re.compile(r"(?P<n>\d+|\w+)\s+(?:күн\s+өткен|календарных\s+дней)", re.I)
NUMERALS = {
    "бір": 1,
    "бес": 5,
    "он": 10,
    "жиырма": 20,
    "отыз": 30,
    "алпыс": 60,
    "тоқсан": 90,
    "десяти": 10,
    "двадцати": 20,
    "тридцати": 30,
    "шестидесяти": 60,
    "девяноста": 90,
}


@dataclass(frozen=True)
class CrossRef:
    kind: ClassVar[str] = "crossref"
    article: str
    paragraph: str | None
    item: str | None
    target: str  # a title as printed, or "art:N[/para:M][/item:K]" in this law
    target_kind: str  # law | code | article | other
    span: Span


@dataclass(frozen=True)
class Repeal:
    kind: ClassVar[str] = "repeal"
    title: str
    date: str | None
    date_iso: str | None
    article: str
    paragraph: str | None
    publication: str | None
    span: Span


@dataclass(frozen=True)
class EntryIntoForce:
    kind: ClassVar[str] = "entry_into_force"
    article: str
    paragraph: str | None
    text: str
    days_after_publication: int | None
    span: Span


def crossrefs(doc: Any) -> list[CrossRef]:
    out: dict[tuple, CrossRef] = {}
    for u in doc.units:
        if u.footnote:
            continue
        chunk = doc.text[u.start : u.end]
        for target, kind, (s, e) in _references(chunk, u.article):
            key = (u.article, u.paragraph, u.item, re.sub(r"\s+", "", target).casefold())
            out.setdefault(key, CrossRef(u.article, u.paragraph, u.item, target, kind, (u.start + s, u.start + e)))
    return list(out.values())


def _references(chunk: str, article: str) -> list[tuple[str, str, Span]]:
    """(target, target kind, span) of every reference in a chunk of article `article`."""
    found = []
    for pattern in (LAW_REF_KK, LAW_REF_RU):
        for m in pattern.finditer(chunk):
            kind = "code" if m["word"].lower().startswith("кодекс") else "law"
            for t in re.findall(r"«([^«»]+)", m["titles"]):
                found.append((collapse(t), kind, m.span()))
    for m in CONSTITUTION_KK.finditer(chunk):
        found.append(("Қазақстан Республикасының Конституциясы", "other", m.span()))
    for m in CONSTITUTION_RU.finditer(chunk):
        found.append(("Конституция Республики Казахстан", "other", m.span()))
    for m in CODE_KK.finditer(chunk):
        found.append(((m["rk"] + " " if m["rk"] else "") + m["name"] + " кодексі", "code", m.span()))
    for m in CODE_RU.finditer(chunk):
        ending = "ий" if m["adj"][-1] in "кгхжшчщ" else "ый"
        found.append((f"{m['adj']}{ending} кодекс Республики Казахстан", "code", m.span()))
    for pattern in (INTERNAL_KK, INTERNAL_RU):
        for m in pattern.finditer(chunk):
            if m["this"] and not (m["para"] or m["item"]):
                continue  # "Осы баптың мақсаттары үшін": no provision named
            target = f"art:{m['art'] or article}"
            target += f"/para:{m['para']}" if m["para"] else ""
            target += f"/item:{m['item']}" if m["item"] else ""
            found.append((target, "article", m.span()))
    return found


def repeals(doc: Any) -> list[Repeal]:
    out = []
    for art in doc.articles:
        for para, s, span in doc.sentences(art.number):
            if not REPEAL.search(s):
                continue
            pub = PUBLICATION.search(s)
            dates = find_dates(s)
            for m in list(LAW_REF_KK.finditer(s)) + list(LAW_REF_RU.finditer(s)):
                for t in re.findall(r"«([^«»]+)", m["titles"]):
                    date = dates[0] if dates else None
                    out.append(
                        Repeal(
                            collapse(t),
                            collapse(s[date[1][0] : date[1][1]]) if date else None,
                            date[0].isoformat() if date else None,
                            art.number,
                            para,
                            collapse(pub["pub"]) if pub else None,
                            span,
                        )
                    )
    return out


def entry_into_force(doc: Any) -> list[EntryIntoForce]:
    out = []
    for art in doc.articles:
        for para, s, span in doc.sentences(art.number):
            if IN_FORCE.search(s) and re.search(r"осы\s+заң|настоящий\s+закон", s, re.I):
                d = DELAY.search(s)
                days = None
                if d:
                    days = int(d["n"]) if d["n"].isdigit() else NUMERALS.get(d["n"].lower())
                out.append(EntryIntoForce(art.number, para, s, days, span))
    return out
