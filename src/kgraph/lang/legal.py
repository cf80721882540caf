"""The words acts are built from, in Russian and Kazakh: months, structural
units, amendment footnotes, excluded items and the by-agreement flag.

Patterns here are regex sources (or compiled patterns) that extractors
compose into their own; the words live only here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgraph.lang.script import fold

# --- months -------------------------------------------------------------------------

MONTHS_RU = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
MONTHS_KK = (
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
)
# Every case form of a Russian month starts with its stem ("декабр|я"); May is
# "май", "мая", "мае" (its stem "ма" would catch other words). A Kazakh month
# takes its case endings after the whole name ("желтоқсан|дағы", "шілде|ге").
_RU_STEMS = tuple(m.rstrip("ьй") for m in MONTHS_RU)
_MAY_FORMS = frozenset({"май", "мая", "мае", "маю", "маем"})
# The Kazakh month names as one regex alternation.
MONTHS_KK_PATTERN = "|".join(MONTHS_KK)


def month_number(word: str) -> int | None:
    """The month (1-12) a month word names in any case form ("декабря", "желтоқсандағы")."""
    w = fold(word)
    for n, name in enumerate(MONTHS_KK, 1):
        if w.startswith(name):
            return n
    if w in _MAY_FORMS:
        return 5
    for n, stem in enumerate(_RU_STEMS, 1):
        if n != 5 and w.startswith(stem):
            return n
    return None


# --- structural units -------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """A structural unit of an act, named in Russian and Kazakh.

    `ru`/`kk` are the nominative singular; `ru_forms`/`kk_forms` are regex sources
    matching every inflected form in lower case. Russian numbers follow the word
    ("Статья 5", "подпункт 3)"), Kazakh numbers precede it ("5-бап", "3) тармақша").
    """

    name: str
    ru: str
    kk: str
    ru_forms: str
    kk_forms: str

    def word(self, lang: str) -> str:
        return self.kk if lang == "kk" else self.ru

    def title(self, lang: str) -> str:
        """The word capitalised, as it opens a line ("Приложение", "Қосымша")."""
        return self.word(lang).capitalize()

    def forms(self, lang: str) -> str:
        """Regex source: any inflected form, first letter in either case."""
        src = self.kk_forms if lang == "kk" else self.ru_forms
        return f"[{src[0].upper()}{src[0]}]{src[1:]}"

    def heading(self, lang: str) -> str:
        """Regex source: the word as a heading prints it, capitalised or all capitals."""
        word = self.word(lang)
        return f"(?:{word.capitalize()}|{word.upper()})" if lang != "kk" else f"(?:{word}|{word.upper()})"

    def label(self, number: str, lang: str) -> str:
        """ "Статья 5" / "5-бап"."""
        return f"{number}-{self.kk}" if lang == "kk" else f"{self.ru.capitalize()} {number}"


UNITS: dict[str, Unit] = {
    u.name: u
    for u in (
        Unit("article", "статья", "бап", r"стать[а-я]*", r"ба[пб][а-яәғқңөұүһі]*"),
        Unit("chapter", "глава", "тарау", r"глав[а-я]*", r"тарау[а-яәғқңөұүһі]*"),
        Unit("paragraph", "пункт", "тармақ", r"пункт[а-я]*", r"тарма[қғ](?!ша)[а-яәғқңөұүһі]*"),
        Unit("subparagraph", "подпункт", "тармақша", r"подпункт[а-я]*", r"тармақша[а-яәғқңөұүһі]*"),
        Unit("part", "часть", "бөлік", r"част[а-я]*", r"бөлі[кг][а-яәғқңөұүһі]*"),
        Unit("section", "раздел", "бөлім", r"раздел[а-я]*", r"бөлім[а-яәғқңөұүһі]*"),
        Unit("subsection", "параграф", "параграф", r"параграф[а-я]*", r"параграф[а-яәғқңөұүһі]*"),
        Unit("direction", "направление", "бағыт", r"направлени[а-я]*", r"бағыт[а-яәғқңөұүһі]*"),
        Unit("annex", "приложение", "қосымша", r"приложени[а-я]*", r"қосымша[а-яәғқңөұүһі]*"),
    )
}


# The heading of a table of contents.
TOC_WORD = r"(?:Содержание|Оглавление|Мазмұны)"

# The form marker a law's number carries in its requisite: «№ 103-VIII ЗРК» (Закон
# Республики Казахстан), kk «№ 103-VIII ҚРЗ». It is not part of the number: the
# Russian and Kazakh texts of one law, and citations with or without it, name one act.
ACT_NUMBER_FORM = re.compile(r"[\s-]*(?<![\w])(?:ЗРК|ҚРЗ|КРЗ|ЗРКЗ|ҚРКЗ)\s*$")


# Cyrillic letters printed for the Latin ones of a convocation's Roman numeral ("174-VІ").
_ROMAN_LOOKALIKES = str.maketrans({"І": "I", "Х": "X", "С": "C", "М": "M"})
_CONVOCATION = re.compile(r"-(?P<roman>[IVXLCМІХС]+)$")


def act_number(number: str) -> str:
    """An act's number without its form marker, its Roman numeral in Latin letters:
    "103-VIII ЗРК" -> "103-VIII", "174-VІ" (Cyrillic І) -> "174-VI"."""
    number = ACT_NUMBER_FORM.sub("", number).strip()
    return _CONVOCATION.sub(lambda m: "-" + m["roman"].translate(_ROMAN_LOOKALIKES), number)


# --- amendment footnotes and excluded items ------------------------------------

# The word that opens an editorial amendment footnote ("Сноска. Пункт 2 с
# изменением, внесенным постановлением …", "Ескерту. 1-тармақ жаңа редакцияда …").
# A copy may split the word with one stray space («С носка.»).
FOOTNOTE_WORD = r"(?:С ?н ?о ?с ?к ?а|Е ?с ?к ?е ?р ?т ?у)"
# A footnote with its body: up to a full stop at a line end, a blank line, the
# next numbered clause or item ("\n2. ", "\n3) ") or the end of the text.
FOOTNOTE = re.compile(
    rf"{FOOTNOTE_WORD}\s*\.\s*(?P<body>.+?)(?:\.(?=\s*(?:\n|$))|\n[ \t]*\n|(?=\n[ \t]*\d{{1,2}}[.)]\s)|$)",
    re.DOTALL,
)
# A line that starts a footnote.
FOOTNOTE_LINE = re.compile(rf"^[ \t]*{FOOTNOTE_WORD}\.", re.MULTILINE)
# A further note stacked under a footnote, without the footnote word: a paragraph that opens
# with the change («Новая редакция - постановлением …», «Внесены изменения - …», «Изменения
# внесены …», «Дополнен …», «Жаңа редакцияда - …», «Өзгерістер енгізілді - …»). It names the
# act that made the change; its target is the footnote's.
FOOTNOTE_MORE = re.compile(
    r"[ \t]*+(?P<body>(?:Новая\s+редакция|В\s+редакции|Внесены\s+(?:изменения|дополнения)"
    r"|Изменения(?:\s+и\s+дополнения)?\s+внесены|Дополнен[аоы]?|Исключен[аоы]?"
    r"|Жаңа\s+редакция\w*|Өзгеріс(?:тер)?\s+енгізілді|Толықтырулар?\s+енгізілді)"
    r"(?:[^\n]|\n(?![ \t]*\n))*+)"
)
# An author's note ("Примечание:", "Ескертпе:"), not an amendment.
NOTE_WORD = r"(?:Примечани[ея]|Ескертпе)"
# A row of totals in a table ("Итого", "Всего", "Барлығы", "Жиыны").
TOTAL_WORD = r"(?:[Ии]того|[Вв]сего|[Бб]арлығы|[Жж]иыны)"
# The draft of an act: "проект постановления …" (ru, before the act), "… қаулысының жобасы" (kk, after).
DRAFT_WORD_RU = r"проект\w*"
DRAFT_WORD_KK = r"жоба\w*"

# A power limited to the body's own sphere: «в пределах (своей) компетенции», «по вопросам,
# входящим в компетенцию Министерства», «в соответствующей отрасли», «өз құзыреті шегінде»,
# «Министрліктің құзыретіне кіретін», «тиісті саладағы». The law delimits such a power by
# scope: the body acts in its own sphere, another body in its own or in general.
OWN_COMPETENCE = re.compile(
    r"(?:в\s+пределах\s+(?:своей\s+|их\s+|его\s+)?компетенции|входящ\w*\s+в\s+компетенцию"
    r"|в\s+соответствующей\s+отрасли|құзыреті\w*\s+(?:шегінде|шектерінде|шеңберінде)|құзыретіне\s+кіретін"
    r"|тиісті\s+салада\w*)",
    re.IGNORECASE,
)

# What an amendment printed in place of an item or paragraph it took out
# ("исключен", "исключена", "алып тасталды", "алынып тасталды"); also the change word of a footnote.
EXCLUDED = r"(?:исключен[аоы]?|ал(?:ын)?ып\s+тасталды)"
# An item, paragraph or article that is only such a note, or "утратил силу" / "күші жойылды"
# ("4) исключен Законом РК …", "Статья 9. (исключена)", "5) күші жойылды - ҚР … Заңымен").
EXCLUDED_ITEM = re.compile(
    rf"^\(?\s*(?:{EXCLUDED}|утратил[аио]?\s+силу|күші\s+жойылды)(?![а-яәғқңөұүһі])", re.IGNORECASE
)
# A provision printed only as a note that it comes into force later ("8-1) вводится в действие
# с 01.01.2025 …", kk "01.01.2025 бастап қолданысқа енгізіледі …"): neither text nor excluded.
PENDING_ITEM = re.compile(
    r"^\(?\s*(?:вводится\s+в\s+действие\s+(?:с\s|по\s+истечении\s)|\S+\s+бастап\s+қолданысқа\s+енгізіледі"
    # "… қабылданған күннен бастап он екі ай өткен соң қолданысқа енгізіледі - ҚР 30.06.2022 № 130-VII Заңымен"
    r"|[^;]{0,200}?(?:бастап|соң)\s+қолданысқа\s+енгізіледі\s*[-–—]\s*ҚР\s)",
    re.IGNORECASE,
)
# Notes of the portal's editors, not part of the act ("Примечание РЦПИ!", "Примечание ИЗПИ!",
# "РҚАО-ның ескертпесі!", "ЗҚАИ-ның ескертпесі!") and its press-release banner.
SERVICE_NOTE = re.compile(
    r"^[ \t]*(?:Примечание\s+[А-Я]{3,5}\s*!|[А-ЯӘҒҚҢӨҰҮІ]{3,5}-(?:ның|нің|дың|дің)\s+ескертпесі\s*!"
    r"|ПРЕСС-РЕЛИЗ|БАСПАСӨЗ\s+РЕЛИЗІ"
    # the portal's notes on an article's pending entry or change, printed like a heading or before one:
    # "Статья 22-5. Вводится в действие …", "33-1-бапқа өзгеріс енгізу көзделген - ҚР …"
    r"|Статья\s+\d+(?:-\d+)*\.\s+Вводится\s+в\s+действие|\d+(?:-\d+)*-бап\w*\s+өзгеріс\s+енгізу\s+көзделген)",
)
# The signature that closes a law ("Президент Республики Казахстан Н. Назарбаев").
SIGNATURE = re.compile(
    r"^[ \t]*(?:Президент\s+Республики\s+Казахстан|Қазақстан\s+Республикасының\s+Президенті|Президент)"
    r"(?:\s+[А-ЯӘҒҚҢӨҰҮІ]\.(?:\s*[А-ЯӘҒҚҢӨҰҮІ]\.)?\s*[А-ЯӘҒҚҢӨҰҮІ][а-яәғқңөұүһі-]+)?[ \t]*$"
)

# The signature of an akim's decision: the akim's title on a line of its own («Аким Алматинской
# области», «Аким области», «Алматы облысының әкiмi», «Облыс Әкiмi»), then the signer's initials and
# surname («С. Умбетов», «З.Нұрқаділов»). The akim who signs is the one who decides (the issuer).
SIGNATORY_AKIM = re.compile(
    r"^[ \t]*(?P<title>(?:Аким|АКИМ)(?:[ \t]+[А-ЯЁа-яё\-]+){0,4}|(?:[^\W\d_]+[ \t]+){1,4}(?i:әк[іi]м[іi]))[ \t]*\n(?:[ \t]*\n)*"
    r"[ \t]*[А-ЯӘҒҚҢӨҰҮҺІ]\.[ \t]*(?:[А-ЯӘҒҚҢӨҰҮҺІ]\.[ \t]*)?[А-ЯӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһіi\-]+[ \t]*$",
    re.MULTILINE,
)


# --- the by-agreement flag -----------------------------------------------------------

# A party named "(по согласованию)" / "(келісім бойынша)" (also "келісу бойынша") takes part only if it agrees.
_FLAG_FIRST = r"по|келісім|келісу"
_FLAG_REST = r"согласовани\w*|бойынша"
BY_AGREEMENT_WORDS = r"по\s+согласовани\w*|келісі?м\s+бойынша|келісу\s+бойынша"
BY_AGREEMENT = re.compile(rf"\(\s*(?:{BY_AGREEMENT_WORDS})\s*\)", re.IGNORECASE)
# The flag without its closing bracket, or its opening cut off at the end of a text
# by a cell or page break ("АОО «Назарбаев Университет» (по").
BY_AGREEMENT_OPEN = re.compile(rf"\(\s*(?:{BY_AGREEMENT_WORDS})\s*\)?", re.IGNORECASE)
BY_AGREEMENT_CUT = re.compile(rf"\(\s*(?:{_FLAG_FIRST})?\s*$", re.IGNORECASE)
# A cell holding only a piece of the flag ("(по", "согласованию)").
BY_AGREEMENT_PART = re.compile(rf"^\(?\s*+(?:{_FLAG_FIRST})?\s*+(?:{_FLAG_REST})?\s*+\)?$", re.IGNORECASE)
