"""What a document states about itself: kind, title, date, number, issuer.

Runs on every document before the kind-specific extractors, so that they
and the RDF writers know the act they belong to. The words of an act's
heading come from the kind registry (`kgraph.kinds`: `Words.headings`,
`Words.banner`, `Words.cite`).

An act states its own date and number in a few conventions; a reference to
another act uses the same words, so each convention is read only where it
stands for the act itself. In order of authority:

* the heading line «Постановление Правительства Республики Казахстан от
  13 декабря 2013 года № 1331» (a title above it is the act's title), or the
  portal's requisite line in either language, alone on its line (`requisite`:
  «Закон Республики Казахстан от 1 июля 2024 года № 103-VIII ЗРК.»,
  «Қазақстан Республикасының 2024 жылғы 1 шілдедегі № 103-VIII ҚРЗ Заңы»,
  «Распоряжение Премьер-Министра Республики Казахстан от … № 12-р»,
  «Решение акима … области от … № 6-194. Зарегистрировано …»,
  «Приказ Министра … от … № 123»); a line that goes on after the number with
  anything but a new sentence («№ 498 «Об утверждении …»») cites another act;
* the upper-case banner «ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН» / «ҚАЗАҚСТАН
  РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ» followed by the title;
* the approval stamp of an annex (`stamp`), over one line or several:
  «Утвержден постановлением Правительства Республики Казахстан от 19 июня
  2019 года № 419», «Приложение к решению акима области от 11 июня 1997 года
  № 6-194», «Қазақстан Республикасы Үкіметінің 2019 жылғы 19 маусымдағы № 419
  қаулысымен бекітілген», «… № 6-194 шешіміне қосымша». A stamp left blank
  for the date («от « » 2022 года №») states no date;
* the signature block at the end (`signature`: «Президент Республики Казахстан
  … Астана, Акорда, 1 июля 2024 года № 103-VIII ЗРК»).

Without a heading, the title is the text's first paragraph when it reads as a
title (`first_title`): not a footnote, a structure heading, a numbered item,
a preamble or an enacting formula.

Old texts write Kazakh «і» as Latin "i": the patterns run on the text with
look-alikes repaired (same length), what they return is cut from the text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from kgraph import kinds
from kgraph.dates import parse_date
from kgraph.lang import (
    FOOTNOTE_WORD,
    LETTERS,
    SIGNATORY_AKIM,
    UNITS,
    act_number,
    repair_homoglyphs,
    ru_nominative_head,
)
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

# What may follow an act's own number on its line: nothing, or a full stop and a
# new sentence («. Утратило силу …», «. Зарегистрирован …»). Anything else
# («№ 498 «Об утверждении …»», «№ 917 Жарлығын іске асыру …») cites another act.
_LINE_END = r"[ \t]*(?:[.;][ \t]*(?:[А-ЯЁӘҒҚҢӨҰҮҺІA-Z(«\"][^\n]*)?)?$"

# The heading line of an act as published: "Постановление Правительства
# Республики Казахстан от 13 декабря 2013 года № 1331".
ACT_LINE_RU = re.compile(
    rf"^\s*(?:{_alternatives([(h.words, f'h{i}') for i, (_, h) in enumerate(_RU)])})"
    r"\s+Республики Казахстан\s+от\s+(?P<date>[^\n№]+?)\s*№\s*(?P<number>[\w\-]+(?: ЗРК)?)"
    r"(?:\s*$|(?=" + _LINE_END + "))",
    re.MULTILINE,
)
# Kazakh approval stamp of an annex, or the act's requisite: "Қазақстан
# Республикасы Үкіметінің 2013 жылғы 19 маусымдағы № 631 қаулысымен бекітілген",
# "… № 419 қаулысы."; the words may be broken over lines.
_STAMP_KK_END = r"(?:\s+бек[іi]т[іi]лген|\s+(?:\d+\s*-\s*)?қосымша|" + _LINE_END + ")"
ACT_LINE_KK = re.compile(
    rf"Қазақстан\s+Республикасы\s+(?:{_alternatives([(h.words, f'h{i}') for i, (_, h) in enumerate(_KK)])})"
    r"\s+(?P<date>\d{4}\s*жылғы\s+\d{1,2}\s+\S+)"
    r"\s*№\s*(?P<number>[\w\-]+)\s+"
    rf"(?:{'|'.join(dict.fromkeys(k.kk.cite for k, _ in _KK))})(?={_STAMP_KK_END})",
    re.MULTILINE,
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


# --- requisite lines, approval stamps and signature blocks ---------------------------------

# The number sign: «№», or a Latin «N» before the number as acts printed it before about 2005 («N 470»).
_SIGN = r"(?:№|N(?=\s*\d))"
_NUMBER = r"(?P<number>[\w][\w\-/.]*?(?:\s*(?:ЗРК|ҚРЗ|ЗРКЗ|КРЗ|ҚРКЗ|-р|-ө))?)(?=[\s.,;)]|$)"
_DATE_RU = r"(?P<date>\d{1,2}\s+[^\W\d]+\s+\d{4}\s*(?:года|г\.)?|\d{2}\.\d{2}\.\d{4})"
_DATE_KK = r"(?P<date>\d{4}\s*жылғы\s+\d{1,2}\s*[^\W\d]+|\d{2}\.\d{2}\.\d{4})"
# "<kind words> [issuer] от <date> [года] № <number>", alone on its line.
REQUISITE_RU = re.compile(
    r"^[ \t]*(?P<words>(?:[А-ЯЁ][^\n№]{2,200}?))\s+от\s+"
    + _DATE_RU
    + r"\s*(?:года\s*)?"
    + _SIGN
    + r"\s*"
    + _NUMBER
    + _LINE_END,
    re.MULTILINE,
)
# "[issuer] <date> № <number> <kind word>": the Kazakh requisite, alone on its line.
REQUISITE_KK = re.compile(
    r"^[ \t]*+(?P<words>[^\n№]{0,200}?)\s*+"
    + _DATE_KK
    + r"\S*\s*№\s*"
    + _NUMBER
    + r"\s+(?P<kind>[^\W\d]+[ыі])"  # the nominative: «… Заңы», «… қаулысы», «… шешімі»
    + _LINE_END,
    re.MULTILINE,
)
# A stamp's lines: no blank line and no "№" inside.
_STAMP_WORDS = r"(?P<words>(?:[^\n№]|\n(?![ \t]*\n)){3,250}?)"
# «Утвержден(а, о, ы) <kind word> <issuer> от <date> № <n>» / «Приложение [N] к <kind word> …»
STAMP_RU = re.compile(
    r"^[ \t]*(?P<stamp>(?i:утвержден[аоы]?)|(?i:приложение)(?:[ \t]+(?:№[ \t]*)?\d+)?[ \t]*\n?[ \t]*к)\s+"
    + _STAMP_WORDS
    + r"\s+от\s+"
    + _DATE_RU
    + r"\s*(?:года\s*)?"
    + _SIGN
    + r"\s*"
    + _NUMBER
    + r"[ \t]*\.?[ \t]*$",
    re.MULTILINE,
)
# «<issuer> <date> № <n> <kind word> бекітілген» / «… <kind word>(-)қосымша»
STAMP_KK = re.compile(
    r"^[ \t]*+(?P<words>(?:[^\n№]|\n(?![ \t]*\n)){0,250}?)\s*+"
    + _DATE_KK
    + r"\S*\s*№\s*"
    + _NUMBER
    + r"\s+(?P<kind>[^\W\d]+)\s+(?P<stamp>бек[іi]т[іi]лген|(?:\d+\s*-\s*)?қосымша)[ \t]*\.?[ \t]*$",
    re.MULTILINE,
)
# The signature block: "Астана, Акорда, 1 июля 2024 года № 103-VIII ЗРК" / "Астана, Ақорда, 2024 жылғы 1 шілде № …"
SIGNATURE = re.compile(
    r"(?:Астана|Нур-Султан|Нұр-Сұлтан|Алматы|Акмола|Ақмола)[,\s]+(?:(?:Акорда|Ақорда|Үкімет\s+үйі|Дом\s+Правительства)[,\s]+)?"
    r"(?:" + _DATE_RU.replace("?P<date>", "?P<date_ru>") + "|" + _DATE_KK.replace("?P<date>", "?P<date_kk>") + r")"
    r"\S*\s*(?:года\s*)?(?:\n\s*)?№\s*" + _NUMBER
)
TAIL_CHARS = 2000
# Words that only name the jurisdiction, not an issuer ("Закон Республики Казахстан").
JURISDICTION_ONLY = re.compile(r"^(?:Республики\s+Казахстан|РК|Қазақстан\s+Республикасы(?:ның)?|ҚР)?$")
# An editorial footnote: what it names are the acts that amended this one.
FOOTNOTE_START = re.compile(rf"{FOOTNOTE_WORD}\s*\.")
# The jurisdiction in front of a Kazakh issuer: "Қазақстан Республикасы Үкіметінің".
KK_JURISDICTION = re.compile(r"^(?:Қазақстан\s+Республикасы(?:ның)?|ҚР)\s+")


def _kind_of_words(words: str, lang: str, then: str = "") -> tuple[kinds.Kind, str | None] | None:
    """The kind whose heading or cite word opens `words`, and the issuer the words imply.

    `then` is what follows the words in the text (" от"): some cite words need it
    to match; it is no part of the issuer."""
    words = collapse(words)
    bare = KK_JURISDICTION.sub("", words) if lang == "kk" else words
    for kind, heading in _RU if lang == "ru" else _KK:
        if re.match(rf"(?:{heading.words})(?![{LETTERS}])", bare):
            return kind, heading.issuer
    for name, pattern in kinds.cites(lang):
        m = pattern.search(words + then) if lang == "kk" else pattern.match(words + then)
        if m:
            kind = kinds.get(name)
            issuer = words[min(m.end(), len(words)) :] if lang == "ru" else words[: m.start()]
            found = _issuer(issuer)
            return kind, ru_nominative_head(found) if found and lang == "ru" else found
    return None


def _issuer(words: str | None) -> str | None:
    issuer = collapse(words or "")
    if not issuer or JURISDICTION_ONLY.match(issuer) or "№" in issuer or len(issuer) > 120:
        return None  # only the jurisdiction, or not an issuer at all
    return issuer


def _date_ru(text: str) -> dt.date | None:
    return parse_date(text + ("" if "." in text or "год" in text else " года"))


def requisite(text: str) -> DocumentMeta | None:
    """The first requisite line of `text` in either language: kind, date, number, issuer.

    The line must be the requisite alone (a new sentence may follow the number):
    a line that cites an act inside a sentence is no requisite of the text's own act."""
    fixed = repair_homoglyphs(text)
    for m in REQUISITE_RU.finditer(fixed):
        if FOOTNOTE_START.match(m["words"]):
            continue
        found = _kind_of_words(m["words"], "ru", " от")
        date = _date_ru(m["date"])
        if found and date:
            kind, issuer = found
            words = text[m.start("words") : m.end("words")]
            return DocumentMeta(kind.name, None, date, act_number(m["number"]), issuer or _issuer_ru(words), m.span())
    for m in REQUISITE_KK.finditer(fixed):
        if FOOTNOTE_START.match(m["words"].strip()):
            continue
        found = _kind_of_words(m["kind"], "kk") or _kind_of_words(m["words"] + " " + m["kind"], "kk")
        date = parse_date(m["date"])
        if found and date:
            kind, issuer = found
            issuer = issuer or _issuer(text[m.start("words") : m.end("words")])
            return DocumentMeta(kind.name, None, date, act_number(m["number"]), issuer, m.span())
    return None


def _issuer_ru(words: str) -> str | None:
    """ "Решение акима Алматинской области" -> "Аким Алматинской области" (the holder in the nominative)."""
    parts = words.split(None, 1)
    issuer = _issuer(parts[1]) if len(parts) > 1 else None
    return ru_nominative_head(issuer) if issuer else None


def stamp(text: str) -> DocumentMeta | None:
    """The approving act an annex's stamp names: an «Утвержден …»/«… бекітілген» stamp
    first, else an «Приложение к …»/«… қосымша» one. A blank stamp states no date."""
    fixed = repair_homoglyphs(text)
    found: list[tuple[bool, int, DocumentMeta]] = []
    for m in STAMP_RU.finditer(fixed):
        kind = _kind_of_words(m["words"], "ru", " от")
        date = _date_ru(m["date"])
        if kind and date:
            approved = m["stamp"].lower().startswith("утвержд")
            issuer = kind[1] or _issuer_ru(collapse(text[m.start("words") : m.end("words")]))
            found.append((approved, m.start(), _stamp_meta(kind[0], date, m, issuer)))
    for m in STAMP_KK.finditer(fixed):
        kind = _kind_of_words(m["kind"], "kk") or _kind_of_words(collapse(m["words"]) + " " + m["kind"], "kk")
        date = parse_date(m["date"])
        if kind and date:
            approved = m["stamp"].startswith("бек")
            issuer = kind[1] or _issuer(KK_JURISDICTION.sub("", collapse(text[m.start("words") : m.end("words")])))
            found.append((approved, m.start(), _stamp_meta(kind[0], date, m, issuer)))
    if not found:
        return None
    return min(found, key=lambda f: (not f[0], f[1]))[2]


def _stamp_meta(kind: kinds.Kind, date: dt.date, m: re.Match[str], issuer: str | None) -> DocumentMeta:
    start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
    return DocumentMeta(kind.name, None, date, act_number(m["number"]), issuer, (start, m.end()))


def signature(text: str) -> tuple[dt.date, str, tuple[int, int]] | None:
    """The date and number of the signature block at the end of an act."""
    tail_start = max(0, len(text) - TAIL_CHARS)
    for m in reversed(list(SIGNATURE.finditer(text, tail_start))):
        date = _date_ru(m["date_ru"]) if m["date_ru"] else None
        if m["date_kk"]:
            date = parse_date(m["date_kk"])
        if date:
            return date, act_number(m["number"]), m.span()
    return None


# --- the title of a text without a heading ---------------------------------------------

# A first paragraph that is no title: a footnote, a numbered item, a structure heading,
# a preamble («В соответствии с …», «… сәйкес»), a table row, or longer than a title.
NOT_A_TITLE = re.compile(
    rf"^(?:{FOOTNOTE_WORD}\b|[\dIVXLC]+\s*[.)\-]|\(|\*|[-–—•]|"
    rf"(?:{UNITS['chapter'].heading('ru')}|{UNITS['article'].heading('ru')}|{UNITS['section'].heading('ru')})\s+\d|"
    r"\d+-(?:тарау|бап|бөлім)|Оглавление|Мазмұны|В\s+(?:соответствии|целях)|Настоящ|Осы\s)",
    re.IGNORECASE,
)
NOT_A_TITLE_ANYWHERE = re.compile(r"\t\|\t|[А-ЯӘҒҚҢӨҰҮҺІ]{4,}\s*:\s*$|сәйкес\s*[,:]|ПОСТАНОВЛЯ|ҚАУЛЫ\s+ЕТ|ПРИКАЗЫВ")
TITLE_CHARS = (8, 600)


def first_title(text: str) -> str | None:
    """The first paragraph of the text, when it reads as a title (see the module docstring)."""
    m = re.search(r"\S(?:[^\n]|\n(?![ \t]*\n))*", text[:HEAD_CHARS])
    if m is None:
        return None
    title = collapse(m.group(0))
    if not TITLE_CHARS[0] <= len(title) <= TITLE_CHARS[1] or not re.match(rf"[{LETTERS}\d«\"]", title):
        return None
    if NOT_A_TITLE.match(title) or NOT_A_TITLE_ANYWHERE.search(m.group(0)) or title.endswith(":"):
        return None
    return title


# --- the whole -----------------------------------------------------------------------------


def signatory(text: str) -> str | None:
    """The akim who signs the decision («Аким Алматинской области», «Облыс Әкiмi»), as printed."""
    m = SIGNATORY_AKIM.search(text)
    return collapse(m["title"]) if m else None


def extract(text: str, fallback_kind: str = "other") -> DocumentMeta:
    meta = _heading(text, fallback_kind)
    found = meta.span != (0, 0)
    stated = meta.issuer or (req.issuer if (req := requisite(text[:HEAD_CHARS])) else None)
    if not stated and (signed := signatory(text)):  # the akim who signs decides; an annex stamp only cites
        meta = dataclasses.replace(meta, issuer=signed)
    if not (meta.date and meta.number):
        for other in (requisite(text[:HEAD_CHARS]), stamp(text), _signature_meta(text, meta.kind)):
            if other is None:
                continue
            meta = dataclasses.replace(
                meta,
                kind=meta.kind if found else other.kind,
                date=meta.date or other.date,
                number=meta.number or other.number,
                issuer=meta.issuer or other.issuer,
                span=meta.span if found else other.span,
            )
            found = True
            if meta.date and meta.number:
                break
    if meta.title is None:
        title = first_title(text)
        if title:
            meta = dataclasses.replace(meta, title=title)
    return meta


def _signature_meta(text: str, kind: str) -> DocumentMeta | None:
    sig = signature(text)
    if sig is None:
        return None
    date, number, span = sig
    return DocumentMeta(kind, None, date, number, None, span)


def _heading(text: str, fallback_kind: str) -> DocumentMeta:
    head = text[:HEAD_CHARS]
    fixed = repair_homoglyphs(head)
    m = ACT_LINE_RU.search(fixed)
    if m:
        kind, heading = _which(m, "h", _RU)
        title = collapse(head[: m.start()]) or None
        issuer = heading.issuer or _issuer_ru(re.sub(r"\s+от\s*$", "", head[m.start() : m.start("date")]))
        return DocumentMeta(kind.name, title, parse_date(m["date"]), act_number(m["number"]), issuer, m.span())
    m = TITLE_BANNER.search(fixed)
    if m:
        kind, _ = _which(m, "b", _BANNERS)
        return DocumentMeta(
            kind.name, collapse(head[m.start("title") : m.end("title")]), None, None, None, m.span("title")
        )
    m = ACT_LINE_KK.search(fixed)
    if m:
        kind, heading = _which(m, "h", _KK)
        return DocumentMeta(kind.name, None, parse_date(m["date"]), m["number"], heading.issuer, m.span())
    return DocumentMeta(fallback_kind, None, None, None, None, (0, 0))


__all__ = ["extract", "first_title", "requisite", "signatory", "signature", "stamp"]
