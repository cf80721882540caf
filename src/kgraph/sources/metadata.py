"""What a document states about itself: kind, title, date, number, issuer.

Runs on every document before the kind-specific extractors, so that they
and the RDF writers know the act they belong to. The words of an act's
heading come from the kind registry (`kgraph.kinds`: `Words.headings`,
`Words.banner`, `Words.cite`).

Conventions read, in this order:

* the heading line «Постановление Правительства Республики Казахстан от
  13 декабря 2013 года № 1331» (a title above it is the act's title);
* the upper-case banner «ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН» / «ҚАЗАҚСТАН
  РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ» followed by the title;
* the Kazakh approval stamp «Қазақстан Республикасы Үкіметінің 2013 жылғы
  19 маусымдағы № 631 қаулысымен бекітілген»;
* the portal's requisite line anywhere in the head, in either language
  (`requisite`: «Закон Республики Казахстан от 1 июля 2024 года № 103-VIII ЗРК»,
  «Қазақстан Республикасының 2024 жылғы 1 шілдедегі № 103-VIII ҚРЗ Заңы»,
  «Распоряжение Премьер-Министра Республики Казахстан от … № 12-р»,
  «Решение акима … области от … № 6-194», «Приказ Министра … от … № 123»);
* the signature block at the end (`signature`: «Президент Республики Казахстан
  … Астана, Акорда, 1 июля 2024 года № 103-VIII ЗРК»), which gives the date
  and number a heading without them lacks.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from kgraph import kinds
from kgraph.dates import parse_date
from kgraph.lang import LETTERS, act_number
from kgraph.records import DocumentMeta
from kgraph.text import collapse


def _alternatives(pairs: list[tuple[str, str]]) -> str:
    """One named group per (words, group name), in registry order."""
    return "|".join(f"(?P<{name}>{words})" for words, name in pairs)


def _headings(lang: str) -> list[tuple[kinds.Kind, kinds.Heading]]:
    return [(k, h) for k in kinds.KINDS for h in k.words(lang).headings]


_RU = _headings("ru")
_KK = _headings("kk")
_BANNERS = [(k, b) for k in kinds.KINDS for b in (k.ru.banner, k.kk.banner) if b]

# The heading line of an act as published: "Постановление Правительства
# Республики Казахстан от 13 декабря 2013 года № 1331".
ACT_LINE_RU = re.compile(
    rf"^\s*(?:{_alternatives([(h.words, f'h{i}') for i, (_, h) in enumerate(_RU)])})"
    r"\s+Республики Казахстан\s+от\s+(?P<date>[^\n№]+?)\s*№\s*(?P<number>[\w\-]+(?: ЗРК)?)\s*$",
    re.MULTILINE,
)
# Kazakh approval stamp of an annex: "Қазақстан Республикасы Үкіметінің 2013
# жылғы 19 маусымдағы № 631 қаулысымен бекітілген".
ACT_LINE_KK = re.compile(
    rf"Қазақстан Республикасы (?:{_alternatives([(h.words, f'h{i}') for i, (_, h) in enumerate(_KK)])})"
    r"\s+(?P<date>\d{4}\s*жылғы\s+\d{1,2}\s+\S+)"
    r"\s*№\s*(?P<number>[\w\-]+)\s+"
    rf"(?:{'|'.join(dict.fromkeys(k.kk.cite for k, _ in _KK))})"
)
# "ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ <title>" / "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН <title>"
TITLE_BANNER = re.compile(
    rf"^\s*(?:{_alternatives([(b, f'b{i}') for i, (_, b) in enumerate(_BANNERS)])})"
    r"\s+(?P<title>[^\n]+(?:\n[^\n]+)*?)\s*(?:\n\s*\n|$)",
    re.MULTILINE,
)

# The heading of a decree or law comes in its first lines.
HEAD_CHARS = 3000


def _which(m: re.Match[str], prefix: str, options: list):
    return next(options[i] for i in range(len(options)) if m[f"{prefix}{i}"] is not None)


# --- requisite lines and signature blocks -------------------------------------------------

_NUMBER = r"(?P<number>[\w][\w\-/.]*?(?:\s*(?:ЗРК|ҚРЗ|ЗРКЗ|КРЗ|ҚРКЗ|-р|-ө))?)(?=[\s.,;)]|$)"
_DATE_RU = r"(?P<date>\d{1,2}\s+[^\W\d]+\s+\d{4}\s*(?:года|г\.)?|\d{2}\.\d{2}\.\d{4})"
_DATE_KK = r"(?P<date>\d{4}\s*жылғы\s+\d{1,2}\s*[^\W\d]+|\d{2}\.\d{2}\.\d{4})"
# "<kind words> [issuer] от <date> [года] № <number>" on one line.
REQUISITE_RU = re.compile(
    r"^[ \t]*(?P<words>(?:[А-ЯЁ][^\n№]{2,200}?))\s+от\s+" + _DATE_RU + r"\s*(?:года\s*)?№\s*" + _NUMBER,
    re.MULTILINE,
)
# "[issuer] <date> № <number> <kind word>": the Kazakh requisite.
REQUISITE_KK = re.compile(
    r"^[ \t]*(?P<words>[^\n№]{0,200}?)\s*" + _DATE_KK + r"\S*\s*№\s*" + _NUMBER + r"\s+(?P<kind>[^\W\d]+)",
    re.MULTILINE,
)
# The signature block: "Астана, Акорда, 1 июля 2024 года № 103-VIII ЗРК" / "Астана, Ақорда, 2024 жылғы 1 шілде № …"
SIGNATURE = re.compile(
    r"(?:Астана|Нур-Султан|Нұр-Сұлтан|Алматы|Акмола|Ақмола)[,\s]+(?:(?:Акорда|Ақорда|Үкімет\s+үйі|Дом\s+Правительства)[,\s]+)?"
    r"(?:" + _DATE_RU.replace("?P<date>", "?P<date_ru>") + "|" + _DATE_KK.replace("?P<date>", "?P<date_kk>") + r")"
    r"\S*\s*(?:года\s*)?(?:\n\s*)?№\s*" + _NUMBER
)
TAIL_CHARS = 2000


def _kind_of_words(words: str, lang: str) -> tuple[kinds.Kind, str | None] | None:
    """The kind whose heading or cite word opens `words`, and the issuer the words imply."""
    for kind, heading in _RU if lang == "ru" else _KK:
        if re.match(rf"(?:{heading.words})(?![{LETTERS}])", words):
            return kind, heading.issuer
    for name, pattern in kinds.cites(lang):
        m = pattern.search(words) if lang == "kk" else pattern.match(words)
        if m:
            kind = kinds.get(name)
            issuer = collapse(words[m.end() :]) if lang == "ru" else collapse(words[: m.start()])
            return kind, issuer or None
    return None


def requisite(text: str) -> DocumentMeta | None:
    """The first requisite line of `text` in either language: kind, date, number, issuer."""
    for m in REQUISITE_RU.finditer(text):
        found = _kind_of_words(m["words"], "ru")
        date = parse_date(m["date"] + ("" if "." in m["date"] or "год" in m["date"] else " года"))
        if found and date:
            kind, issuer = found
            return DocumentMeta(
                kind.name, None, date, act_number(m["number"]), issuer or _issuer_ru(m["words"]), m.span()
            )
    for m in REQUISITE_KK.finditer(text):
        found = _kind_of_words(m["kind"], "kk") or _kind_of_words(m["words"] + " " + m["kind"], "kk")
        date = parse_date(m["date"])
        if found and date:
            kind, issuer = found
            issuer = issuer or collapse(m["words"]) or None
            if issuer and (JURISDICTION_ONLY.match(issuer) or "№" in issuer or len(issuer) > 120):
                issuer = None  # only the jurisdiction, or not an issuer at all
            return DocumentMeta(kind.name, None, date, act_number(m["number"]), issuer, m.span())
    return None


# Words that only name the jurisdiction, not an issuer ("Закон Республики Казахстан").
JURISDICTION_ONLY = re.compile(r"^(?:Республики\s+Казахстан|РК|Қазақстан\s+Республикасы(?:ның)?|ҚР)?$")


def _issuer_ru(words: str) -> str | None:
    """ "Постановление Правительства Республики Казахстан" -> "Правительства Республики Казахстан"."""
    parts = words.split(None, 1)
    issuer = collapse(parts[1]) if len(parts) > 1 else ""
    return None if JURISDICTION_ONLY.match(issuer) else issuer


def signature(text: str) -> tuple[dt.date, str, tuple[int, int]] | None:
    """The date and number of the signature block at the end of an act."""
    tail_start = max(0, len(text) - TAIL_CHARS)
    for m in reversed(list(SIGNATURE.finditer(text, tail_start))):
        date = parse_date(m["date_ru"] + ("" if "год" in m["date_ru"] else " года")) if m["date_ru"] else None
        if m["date_kk"]:
            date = parse_date(m["date_kk"] + "")
        if date:
            return date, act_number(m["number"]), m.span()
    return None


def extract(text: str, fallback_kind: str = "other") -> DocumentMeta:
    meta = _heading(text, fallback_kind)
    if meta.date and meta.number:
        return meta
    req = requisite(text[:HEAD_CHARS])
    if req is not None:
        kind = meta.kind if meta.span != (0, 0) else req.kind
        return dataclasses.replace(
            meta,
            kind=kind,
            date=meta.date or req.date,
            number=meta.number or req.number,
            issuer=meta.issuer or req.issuer,
            span=meta.span if meta.span != (0, 0) else req.span,
        )
    sig = signature(text)
    if sig is not None:
        date, number, span = sig
        return dataclasses.replace(
            meta, date=meta.date or date, number=meta.number or number, span=meta.span if meta.span != (0, 0) else span
        )
    return meta


def _heading(text: str, fallback_kind: str) -> DocumentMeta:
    head = text[:HEAD_CHARS]
    m = ACT_LINE_RU.search(head)
    if m:
        kind, heading = _which(m, "h", _RU)
        title = collapse(head[: m.start()]) or None
        return DocumentMeta(kind.name, title, parse_date(m["date"]), act_number(m["number"]), heading.issuer, m.span())
    m = TITLE_BANNER.search(head)
    if m:
        kind, _ = _which(m, "b", _BANNERS)
        return DocumentMeta(kind.name, collapse(m["title"]), None, None, None, m.span("title"))
    m = ACT_LINE_KK.search(head)
    if m:
        kind, heading = _which(m, "h", _KK)
        return DocumentMeta(kind.name, None, parse_date(m["date"]), m["number"], heading.issuer, m.span())
    return DocumentMeta(fallback_kind, None, None, None, None, (0, 0))
