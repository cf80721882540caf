"""Sentences and references of laws (helper of `kgraph.sources.law`).

Sentences of a text, then references to other acts and to provisions of the
law itself, the repeal clause and entry into force. The roles and bodies a
law names are read by `kgraph.sources.law_roles` (its names are re-exported
here), support measures by `kgraph.sources.law_measures`. Everything here is pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from kgraph.dates import find_dates
from kgraph.lang import (
    UNITS,
    guillemets,
)
from kgraph.records import Span
from kgraph.sources.law_roles import FIELDED, FIELDS, ROLE_PHRASES, RoleMention, role_mentions, tolerant
from kgraph.text import collapse

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
        chunk = guillemets(doc.text[u.start : u.end])
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
            s = guillemets(s)
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


__all__ = [
    "FIELDED",
    "FIELDS",
    "ROLE_PHRASES",
    "CrossRef",
    "EntryIntoForce",
    "Repeal",
    "RoleMention",
    "crossrefs",
    "entry_into_force",
    "repeals",
    "role_mentions",
    "sentences",
    "tolerant",
]
