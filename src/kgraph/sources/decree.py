"""The approving decree's operative clauses: who must do what, report to whom, when.

`parse(text, meta)` is pure. The operative part runs from "ПОСТАНОВЛЯЕТ:" /
"ҚАУЛЫ ЕТЕДІ:" to the signature or the annex stamp; amendment footnotes
("Сноска. …", "Ескерту. …") inside it are not clause text. Clauses are
numbered "1.", "2." (consecutive, also inline as one run-on paragraph), their
items "1)", "2)"; a clause with items yields one record per item, carrying the
lead-in's addressees ("Центральным … органам, а также заинтересованным
организациям:").

The kind comes from the verb: "Утвердить"/"бекітілсін" approve, "представлять
… информацию"/"ақпарат берсін" report, "Контроль … возложить"/"бақылау …
жүктелсін" control, "принять меры"/"шаралар қабылдасын" execute, else other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import ClassVar

from kgraph.acts import dedupe_refs, find_act_refs
from kgraph.amendments import find_amendments
from kgraph.lang import (
    BY_AGREEMENT,
    FOOTNOTE,
    KK_DATIVE,
    KK_DATIVE_AFTER_POSSESSIVE,
    UNITS,
    alternation,
    fold,
    has_kazakh,
    morph,
)
from kgraph.records import DocumentMeta, Span
from kgraph.sources.plan_table import Piece, split_top

# --- Records ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Clause:
    golden_kind: ClassVar[str] = "clause"
    number: int
    item: int | None
    text: str
    kind: str  # execute | report | control | approve | other
    addressees: tuple[str, ...]
    recipient: str | None
    schedule: str | None
    span: Span
    addressee_spans: tuple[Span, ...] = ()
    recipient_span: Span | None = None
    addressee_by_agreement: tuple[bool, ...] = ()


# --- Named patterns ------------------------------------------------------------------------

# Start of the operative part (an akim's or maslikhat's decision: «РЕШИЛ:», «решил:», «ШЕШІМ ЕТТІ:»).
OPERATIVE = re.compile(
    r"(?:ПОСТАНОВЛЯЕТ|ПОСТАНОВЛЯЮ|(?<![^\W\d])постановляет(?=\s*:)|ҚАУЛЫ\s+ЕТЕД[ІI]|қаулы\s+етед[іi](?=\s*:)|ҚАУЛЫ\s+ЕТЕМ[ІI]Н|ПРИКАЗЫВАЮ|БҰЙЫРАМЫН|"
    r"РЕШИЛ|РЕШАЮ|(?<![^\W\d])решил(?=\s*:)|ШЕШ[ІI]М\s+(?:ЕТТ[ІI]|ҚАБЫЛДАДЫ)|ШЕШТ[ІI])[\s:*]*"
)
# End of it: the signature or the approval stamp of the annex.
ANNEX = UNITS["annex"]
SIGNATURE = re.compile(
    r"^[\s*]*(?:Премьер-Министр|Президент\s+Республики|Қазақстан\s+Республикасының\s+(?:Премьер-Министрі|Президенті)|"
    rf"Утвержден|{ANNEX.title('ru')}\b|{ANNEX.title('kk')}\b)|(?:бекітілген|бекiтiлген)\s*$"
    # an akim's or minister's signature on a line of its own: «Аким Алматинской области», «Алматы облысының әкімі»
    r"|^[\s*]*(?:Аким|Министр)\s+[^\n]{0,60}?(?:области|района|города|Казахстан)[\s*]*$"
    r"|^[\s*]*[^\n]{0,60}?(?:облысының|ауданының|қаласының)\s+әк[іi]м[іi][\s*]*$",
    re.MULTILINE,
)
# "1. " / "2) " after a line start, a sentence end or a colon.
CLAUSE_NO = re.compile(r"(?:(?<=^)|(?<=[\s:;.*]))(?P<n>\d{1,2})\.\s+(?=\S)", re.MULTILINE)
ITEM_NO = re.compile(r"(?:(?<=^)|(?<=[\s:;]))(?P<n>\d{1,2})\)\s+(?=\S)", re.MULTILINE)

# Verb rules on folded text (lower case, Latin i read as Kazakh і).
KIND_RULES = (
    ("control", re.compile(r"контроль\s+за\s+(?:исполнени|выполнени|ходом)|(?:бақылау|қадағала)\w*[\s,]+.*жүктелсін")),
    ("approve", re.compile(r"^утвердить|бекітілсін|^одобрить|мақұлдансын")),
    (
        "report",
        re.compile(
            r"(?:представ|направ|внос|информир)\w*\s.*информаци|информаци\w*\s.*(?:представ|направ)|"
            r"(?:представ|направ|внос)\w*\s+(?:\S+\s+){0,3}?(?:в|во)\s+(?:министерств|правительств|агентств|канцеляри|администраци|акимат)|"
            r"(?:министрлігіне|үкіметіне|агенттігіне|кеңсесіне|әкімшілігіне)\s+.*"
            r"(?:ұсынсын|берсін|жіберсін|енгізсін|(?:ұсынып|жіберіп|беріп)\s+тұрсын)|"
            r"ақпарат\w*\s+(?:ұсынсын|берсін|жіберсін|ұсынып)|есеп\w*\s+(?:ұсынсын|берсін)|"
            r"(?:представ|направ)\w*\s.*(?:отч[её]т|доклад)"
        ),
    ),
    (
        "execute",
        re.compile(
            r"принять\s+(?:\w+\s+)?мер|обеспечить|реализовать|исполнить|провести|создать|разработать|"
            r"организовать|подготовить|рассмотреть|внести\s+(?:в|на|предложени)|"
            r"шаралар\s+(?:қабылдасын|қолдансын)|қамтамасыз\s+етсін|орындасын|іске\s+асырсын|өткізілсін|"
            r"өткізсін|құрсын|құрылсын|әзірлесін|ұйымдастырсын|дайындасын|қарасын"
        ),
    ),
)
# Reporting schedules as printed.
SCHEDULE_RU = re.compile(
    r"(?:(?:ежегодно|ежеквартально|ежемесячно|раз\s+в\s+(?:полугодие|год|квартал|месяц)|два\s+раза\s+в\s+год)\s*,?\s*)?"
    r"(?:не\s+позднее|до)\s+\d{1,2}(?:-?го)?\s+(?:числа(?:\s+месяца)?|[а-я]+)(?:\s+года)?"
    r"(?:,?\s*следующ\w+\s+за\s+отч[её]тным\s+\w+)?"
    r"|(?:ежегодно|ежеквартально|ежемесячно|раз\s+в\s+(?:полугодие|год|квартал|месяц))(?=[\s,])"
)
SCHEDULE_KK = re.compile(
    r"(?:жылына\s+(?:бір|екі)\s+рет|жыл\s+сайын|тоқсан\s+сайын|ай\s+сайын|жарты\s+жылда\s+бір\s+рет)"
    r"(?:\s*,?\s*\d{1,2}\s+[а-яәғқңөұүһі]+(?:\s+(?:және|мен)\s+\d{1,2}\s+[а-яәғқңөұүһі]+)*)?"
    r"(?:\s+[а-яәғқңөұүһі]+\s+қорытындылары\s+бойынша)?"
    r"|(?:есепті\s+[а-яәғқңөұүһі]+\s+кейінгі\s+[а-яәғқңөұүһі]+\s+)?\d{1,2}\s+[а-яәғқңөұүһі]+\s+(?:кешіктірмей|дейін)"
)
# ", а также" / "сондай-ақ" join two addressees.
ALSO = re.compile(r",?\s+(?:а\s+также|сондай-ақ|и\s+иным)\s+|,\s+(?=иным\s)")
# A comma inside a list of places does not start a new addressee:
# "акиматам областей, городов Астаны, Алматы и Шымкента".
PLACES_GO_ON = re.compile(r"^(?:и\s|город\w*|гг?\.|област\w*|район\w*|облыс\w*|қала\w*)", re.IGNORECASE)
AKIMATS = re.compile(r"^[Аа]кимат\w*\s|әкімдік", re.IGNORECASE)
# Qualifiers after the addressees ("ответственным за реализацию Концепции"), not addressees.
QUALIFIER = re.compile(
    r"^(?:ответственн|участвующ|задействованн|являющ|осуществляющ|причастн|предусмотренн|указанн|определенн|перечисленн)\w*\s"
)
# Where a Russian clause's addressees end before its verb: a time or a reporting period («по итогам года»).
ADDRESSEE_END = re.compile(r"\s(?:по\s+итогам|ежегодно|ежеквартально|ежемесячно|в\s+\S+\s+срок|до\s+\d|не\s+позднее)\b")
# A Kazakh lead-in's addressees end with a body noun; a Russian one opens with a dative.
LEAD_BODY_KK = re.compile(r"(?:органдар|министрлі|агенттігі|комитеті|әкімдік|әкімдер|әкімі|ұйымдар|Үкімет|кеңсе)\w*$")
# A Russian dative noun phrase opens a clause addressed to bodies ("Министерству …", "Центральным … органам").
DATIVE_START = re.compile(r"^[А-ЯЁ][а-яё]*(?:у|ю|ам|ям|ым|им|ому|ему)\b")
# A Russian infinitive: the verb after the addressees.
INFINITIVE = re.compile(r"(?<![\w-])[а-яё]+(?:ть|ти|чь)(?![\w-])")
# "возложить на <body>" / "<body> жүктелсін".
CONTROL_RU = re.compile(r"возложить\s+на\s+(?P<a>.+?)\s*[.;]?$", re.DOTALL)
CONTROL_KK = re.compile(r"(?:бақылау|қадағала)\w*[\s,]+(?P<a>.+?)\s+жүктелсін", re.DOTALL)
# Recipient of a report: "информацию … в <body>" up to the end or ", а также".
RECIPIENT_RU = re.compile(
    r"информаци\w*(?:(?!\s(?:в|во)\s).)*?\s(?:в|во)\s+(?P<r>[^.;]+?)(?=\s*(?:[.;]|,\s*а\s+также|,\s*и\s|\(|$))",
    re.DOTALL,
)
# … or in the dative: «представлять Министерству экономики … ежеквартально»
RECIPIENT_DATIVE_RU = re.compile(
    r"(?:представ|направ)\w*\s+(?P<r>(?:Министерств|Правительств|Агентств|Канцеляри|Администраци|Акимат|Комитет)\w*"
    r"[^.;,:]*?)(?=\s+(?:ежекварт|ежегодн|ежемесячн|не\s+позднее|до\s+\d|информаци|сводн|отч[её]т|доклад)|\s*[.;,:(]|$)",
    re.DOTALL,
)
# … or before what is sent: «представлять в Министерство юстиции … законопроекты / сводную информацию».
RECIPIENT_FIRST_RU = re.compile(
    r"(?:представ|направ|внос)\w*\s+(?:\S+\s+){0,3}?(?:в|во)\s+(?P<r>[А-ЯЁ][^.;,]+?)"
    r"(?=\s+(?:сводн|информаци|отч[её]т|доклад|предложени|сведени|законопроект|проект|не\s+позднее|до\s+\d|"
    r"ежегодн|ежекварт|ежемесячн|за\s+исключением|и\s+[А-ЯЁ])|\s*[.;,(]|$)",
    re.DOTALL,
)
# Kazakh dative ending of the recipient's head word ("министрлiгiне", "Үкiметiне").
DATIVE_KK = re.compile(rf"(?:{alternation((*KK_DATIVE, *KK_DATIVE_AFTER_POSSESSIVE))})$")
KK_FUNCTION_WORDS = {"және", "мен", "пен", "бен", "жылына"}
# Kazakh body nouns that end the subject of a clause.
KK_BODY_HEAD = re.compile(
    r"(?:министрлігі|агенттігі|комитеті|әкімдіктері|әкімдігі|әкімдері|әкімі|басшылары|басшысы|органдар\w*|"
    r"ұйымдар\w*|Үкіметі|орталығы)$"
)


# Kazakh words that close an adverbial phrase before a clause's subject («… заң жобаларын қоспағанда, …»).
KK_ADVERBIAL = re.compile(r"(?:қоспағанда|сәйкес|үшін|бойынша|кейін|орай|байланысты|мақсатында|негізінде)$")


def _kk(text: str) -> bool:
    return has_kazakh(text, count_i=False)  # "І" is also a Roman numeral in Russian text


# --- parse ----------------------------------------------------------------------------------


def parse(text: str, meta: DocumentMeta) -> list:
    m = OPERATIVE.search(text)
    if not m:
        return []
    sig = SIGNATURE.search(text, m.end())
    end = sig.start() if sig else len(text)
    # Footnotes are blanked (same length) so that offsets stay those of the document.
    masked = FOOTNOTE.sub(lambda f: re.sub(r"[^\n]", " ", f.group(0)), text[:end])
    records: list = []
    for number, body, _ in _numbered(masked, m.end(), end, CLAUSE_NO):
        items = list(_numbered(masked, body.span[0], body.span[1], ITEM_NO))
        if items:
            lead = whole = Piece.of(masked, body.span[0], items[0][2]).strip()
            colon = lead.text.find(":")
            if 0 < colon < len(lead.text.rstrip()) - 1:  # «… органам: в десятидневный срок …; представлять:»
                lead = lead[: colon + 1]
            verb = INFINITIVE.search(lead.text) if not _kk(lead.text) else None
            lead_addr = _split_addressees(lead[: verb.start()] if verb else lead) if _addresses(lead) else None
            for k, item, _ in items:
                records.append(_clause(number, k, item, lead_addr, whole))
        else:
            records.append(_clause(number, None, body, None))
    records.extend(_amendments(text, end))
    heading_end = meta.span[1] if meta.span[1] <= m.start() else 0
    records.extend(_legal_basis(text, heading_end, m.start()))
    return records


def _addresses(lead: Piece) -> bool:
    """Does a lead-in before items name the bodies they are addressed to («Центральным
    государственным органам:», «Орталық … органдар:»), not what they are about
    («Қазақстан Республикасы халқының ұлттық санағы:»)?"""
    flat = BY_AGREEMENT.sub("", lead.flat).rstrip(" :")
    if _kk(flat):
        return bool(LEAD_BODY_KK.search(fold(flat)))
    return bool(DATIVE_START.match(flat) or AKIMATS.match(flat))


def _numbered(text: str, start: int, end: int, pattern: re.Pattern[str]):
    """(number, piece, marker start) for consecutive numbers 1, 2, 3 … between start and end."""
    marks, expected = [], 1
    for m in pattern.finditer(text, start, end):
        if int(m["n"]) == expected:
            marks.append(m)
            expected += 1
    for i, m in enumerate(marks):
        stop = marks[i + 1].start() if i + 1 < len(marks) else end
        yield int(m["n"]), Piece.of(text, m.end(), stop).strip(), m.start()


def _clause(
    number: int, item: int | None, body: Piece, lead_addr: list[tuple[Piece, bool]] | None, lead: Piece | None = None
) -> Clause:
    """A clause or an item of one; an item's kind is read with the lead-in that holds its verb
    («… представлять Правительству ежеквартально: 1) сводную информацию …»)."""
    flat = body.flat
    folded = fold(flat)
    kind = next((k for k, rule in KIND_RULES if rule.search(folded)), None)
    if kind is None and lead:
        kind = next((k for k, rule in KIND_RULES if rule.search(fold(f"{lead.flat} {flat}"))), None)
    kind = kind or "other"
    schedule = _schedule(body) or (_schedule(lead) if lead else None)
    if lead_addr is not None:
        addressees = lead_addr
    elif kind == "control":
        addressees = _control_addressee(body)
    elif kind in ("report", "execute"):
        addressees = _subject(body, schedule)
    else:
        addressees = []
    subject_end = max((a.span[1] for a, _ in addressees if a.span[0] >= body.span[0]), default=0)
    recipient = _recipient(body, schedule, subject_end) if kind == "report" else None
    if kind == "report" and recipient is None and lead:
        recipient = _recipient(lead, None)
    return Clause(
        number,
        item,
        flat,
        kind,
        tuple(re.sub(r"\s+", " ", BY_AGREEMENT.sub(" ", a.flat)).replace(" ,", ",").strip() for a, _ in addressees),
        recipient.flat if recipient else None,
        schedule.flat if schedule else None,
        body.span,
        tuple(a.span for a, _ in addressees),
        recipient.span if recipient else None,
        tuple(flag for _, flag in addressees),
    )


def _schedule(body: Piece) -> Piece | None:
    folded = fold(body.text)
    for pattern in (SCHEDULE_KK, SCHEDULE_RU):
        m = pattern.search(folded)
        if m:
            return body[m.start() : m.end()].strip(" ,")
    return None


def _split_addressees(lead: Piece) -> list[tuple[Piece, bool]]:
    """ "A, а также B:" -> [(A, flag), (B, flag)]; the by-agreement flag is read off the text,
    qualifiers ("ответственным за …") dropped."""
    lead = lead.strip(" :")
    parts: list[Piece] = []
    start = 0
    for m in ALSO.finditer(lead.text):
        parts.append(lead[start : m.start()])
        start = m.end()
    parts.append(lead[start:])
    out: list[tuple[Piece, bool]] = []
    for part in parts:
        items: list[Piece] = []
        for item in split_top(part):
            flat = item.flat
            if items and (
                PLACES_GO_ON.match(flat)
                or (AKIMATS.search(items[-1].flat) and flat[:1].isupper() and not DATIVE_START.match(flat))
            ):
                prev = items.pop()
                item = part[part.pos.index(prev.strip().pos[0]) : part.pos.index(item.strip().pos[-1]) + 1]
            items.append(item)
        for item in items if _kk(part.text) else _modifiers_joined(part, items):
            flat = BY_AGREEMENT.sub("", item.flat).strip(" ,")
            if not flat or QUALIFIER.match(flat):
                continue
            cut = BY_AGREEMENT.search(item.text)
            ends = cut and not item.text[cut.end() :].strip(" ,")  # the flag closes the addressee
            out.append(((item[: cut.start()] if ends else item).strip(" ,"), bool(cut)))
    return out


def _tags(text: str) -> list[str]:
    return [morph().parse(w)[0].tag.POS or "" for w in re.findall(r"[А-Яа-яЁё]+", text)]


def _modifiers_joined(part: Piece, items: list[Piece]) -> list[Piece]:
    """Pieces cut at commas that only modify the body named after them («Центральным,
    местным исполнительным и государственным, непосредственно подчиненным … органам»):
    adjectives without their noun join the next piece, a participle phrase the piece before."""
    out: list[Piece] = []
    pending: Piece | None = None

    def joined(a: Piece, b: Piece) -> Piece:
        return part[part.pos.index(a.strip().pos[0]) : part.pos.index(b.strip().pos[-1]) + 1]

    for item in items:
        if not item.strip().text:
            continue
        if pending is not None:
            item, pending = joined(pending, item), None
        tags = _tags(BY_AGREEMENT.sub("", item.flat))
        if tags and all(t in ("ADJF", "PRTF", "CONJ", "ADVB") for t in tags):
            pending = item  # «местным исполнительным и государственным»
        elif out and tags and tags[0] in ("ADVB", "PRTF"):
            out[-1] = joined(out[-1], item)  # «…, непосредственно подчиненных Президенту»
        else:
            out.append(item)
    if pending is not None:
        out.append(joined(out.pop(), pending) if out else pending)
    if len(out) > 1 and len(re.findall(r"\w+", BY_AGREEMENT.sub("", out[-1].flat))) == 1:
        out[-2:] = [joined(out[-2], out[-1])]  # «…, непосредственно подчиненным Президенту, органам»
    return out


def _control_addressee(body: Piece) -> list[tuple[Piece, bool]]:
    for pattern, kk in ((CONTROL_RU, False), (CONTROL_KK, True)):
        m = pattern.search(fold(body.text) if kk else body.text)
        if m:
            return [(body[m.start("a") : m.end("a")].strip(" .*<>").strip(" ."), False)]
    return []


def _subject(body: Piece, schedule: Piece | None) -> list[tuple[Piece, bool]]:
    """The bodies a clause without items addresses: the dative opening (ru) or the subject (kk)."""
    text = body.text
    stop = schedule.span[0] - body.span[0] if schedule else len(text)
    if _kk(text):
        words = list(re.finditer(r"\S+", text[:stop]))
        start = 0
        for w in words:
            word = fold(w.group(0))
            if KK_ADVERBIAL.search(word.rstrip(",")) and word.endswith(","):
                start = w.end()  # «… қоспағанда,»: what comes before the subject
            if KK_BODY_HEAD.search(word.strip(",")):
                return _split_addressees(body[start : w.end()])
        return []
    if not DATIVE_START.match(text):
        return []
    verb = INFINITIVE.search(text)
    cut = min(stop, verb.start() if verb else stop)
    end = ADDRESSEE_END.search(text, 0, cut)
    return _split_addressees(body[: end.start() if end else cut])


def _recipient(body: Piece, schedule: Piece | None, after: int = 0) -> Piece | None:
    text = body.text
    if not _kk(text):
        m = RECIPIENT_RU.search(text) or RECIPIENT_FIRST_RU.search(text) or RECIPIENT_DATIVE_RU.search(text)
        return body[m.start("r") : m.end("r")].strip() if m else None
    start = schedule.span[1] - body.span[0] if schedule else 0
    start = max(start, after - body.span[0])  # after the subject, when the clause names one
    words = list(re.finditer(r"\S+", text[start:]))
    first = None
    for w in words:
        word = fold(w.group(0)).strip(",.")
        if first is None and not w.group(0)[:1].isupper():
            continue
        first = first if first is not None else w.start()
        if word not in KK_FUNCTION_WORDS and DATIVE_KK.search(word):
            return body[start + first : start + w.end()].strip(" ,")
    return None


def _amendments(text: str, end: int) -> list:
    """Amendment footnotes ("Сноска. Пункт 2 с изменением …"), read by the shared finder.
    After the operative part a footnote's "Пункт 15" is a paragraph of an annex (a
    regulation's), not the decree's: the annex's reader places it; here it only says
    that the act was amended."""
    return [
        a if a.span[0] < end or a.scope != "part" else replace(a, scope="annex", target=())
        for a in find_amendments(text)
    ]


def _legal_basis(text: str, start: int, end: int) -> list:
    """Acts the preamble implements ("В целях реализации Указа … № 579",
    "… № 449 Жарлығын іске асыру мақсатында"): the decree's eli:based_on.
    The preamble is what stands between the act's heading and its operative
    word, so every act it names is part of the stated basis."""
    refs = [r for r in find_act_refs(text) if start <= r.span[0] and r.span[1] <= end]
    return [replace(r, basis=True) for r in dedupe_refs(refs)]
