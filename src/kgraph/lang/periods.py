"""Words of periods and deadlines, Russian and Kazakh (`kgraph.deadlines` reads cells with them).

All patterns match the extractor folding of `kgraph.lang.fold` (lower case,
Latin "i" read as Kazakh "і", so a Roman "IV" is "іv").
"""

from __future__ import annotations

import re

# Roman numerals as plans print them (Latin I/V or Kazakh І, folded) and digits, for quarters and halves.
ROMAN = {"і": 1, "іі": 2, "ііі": 3, "іv": 4, "iv": 4, "v": 5, "1": 1, "2": 2, "3": 3, "4": 4}
# Ordinal words before "полугодие"/"жартыжылдық"/"квартал" ("первое полугодие", "бірінші жартыжылдық").
ORDINALS = {
    "перв": 1,
    "втор": 2,
    "трет": 3,
    "четверт": 4,
    "бірінші": 1,
    "екінші": 2,
    "үшінші": 3,
    "төртінші": 4,
}
# Suffixes glued or hyphenated to a numeral ("2-й", "1-ое", "1-ші", "2-ші").
ORDINAL_SUFFIX = re.compile(r"^(?:й|ый|ий|ой|е|ое|ее|го|ші|шы|інші|ыншы)$")
# A quarter and a half-year, in any case form ("кварталы", "тоқсандар", "полугодии", "жартыжылдық").
QUARTER_WORD = re.compile(r"^(?:квартал\w*|кв|тоқсан\w*)$")
HALF_WORD = re.compile(r"^(?:полугоди\w*|жартыжыл\w*)$")
# "жарты жыл" printed as two words.
HALF_TWO_WORDS = re.compile(r"жарты\s+жыл(?=[а-яәғқңөұүһі]*)")

# Recurrence words, tried in this order on the folded text (the longest phrases first).
RECURRENCE_WORDS = (
    (
        re.compile(
            r"ежеквартальн\w*|тоқсан\s+сайын|поквартальн\w*|каждый\s+квартал|(?:(?:1|один|одного)\s+)?раза?\s+в\s+квартал|"
            r"тоқсанына\s+(?:кемінде\s+)?(?:бір|1)\s+рет"
        ),
        "quarterly",
    ),
    (re.compile(r"ежемесячн\w*|ай\s+сайын|каждый\s+месяц|(?:(?:1|один|одного)\s+)?раза?\s+в\s+месяц"), "monthly"),
    (
        re.compile(
            r"(?:(?:1|один|одного)\s+)?раза?\s+в\s+полугоди\w*|ежеполугодн\w*|по\s+полугодиям|"
            r"(?:2|два|двух)\s+раза?\s+в\s+год|"
            r"жарты\s+жылда\s+(?:кемінде\s+)?(?:бір|бiр|1)\s+рет|жылына\s+(?:кемінде\s+)?(?:екі|екi|2)\s+рет|жартыжылдық\s+сайын"
        ),
        "semiannual",
    ),
    (
        re.compile(
            r"(?:(?:1|один|одного)\s+)?раза?\s+в\s+(?:2|два|двух)\s+года|(?:2|екі|екi)\s+жылда\s+(?:бір|бiр|1)\s+рет"
        ),
        "biennial",
    ),
    (
        re.compile(
            r"ежегодн\w*|(?:әр\s+)?жыл\s+сайын\w*|каждый\s+год|(?:(?:1|один|одного)\s+)?раза?\s+в\s+год|"
            r"жылына\s+(?:кемінде\s+)?(?:1|бір)\s+рет"
        ),
        "annual",
    ),
)
# «When needed»: no period, but no obstacle to one printed with it («по мере необходимости, но не
# реже 1 раза в полугодие»).
AS_NEEDED = re.compile(
    r"по\s+мере\s+(?:необходимости|поступления)|при\s+необходимости|қажеттілігіне\s+қарай|"
    r"қажет\s+болған\s+(?:жағдайда|кезде)"
)
# A deadline that waits on an event («по итогам года», «по результатам проверки», kk «… қорытындысы
# бойынша»): no interval of its own, unless it also recurs («…, но не реже 1 раза в полугодие»).
CONDITIONAL = re.compile(r"^\W*(?:по\s+итогам|по\s+результатам|\S+\s+(?:қорытындысы|нәтижелері|нәтижесі)\s+бойынша)")
# A period that goes on after its first one: «I квартал 2003 года и далее постоянно», «… әрі қарай тұрақты».
ONWARD = re.compile(r"(?:и\s+)?далее(?:\s+постоянно)?|и\s+в\s+дальнейшем|әрі\s+қарай(?:\s+тұрақты)?|одан\s+әрі")
# A deadline with no period of its own: "постоянно", "тұрақты", "ұдайы", "үнемі" (and the first half of a
# wrapped «Постоян-но»).
PERMANENT = re.compile(r"постоян\w*-?|тұрақты\w*|ұдайы|үнемі")
# "с декабря 2014 года", "2014 жылдан бастап": the first occurrence is given.
FROM_WORDS = frozenset({"с", "со", "начиная", "бастап", "жылдан"})
# "до 1 марта", "не позднее", "дейін", "кешіктірмей", "к": a due date.
BY_WORDS = frozenset({"до", "позднее", "дейін", "кешіктірмей", "к"})
# "10 числа" (of the month), "5-күнге": a day of any month, no period of its own.
DAY_OF_MONTH = re.compile(r"^(?:числ\w*|күн\w*)$")
# A range between two days or numerals: "с 1 по 30 октября", "1 – 30 қазан", "I и II кварталы".
RANGE_WORDS = frozenset({"-", "по", "и", "және", "мен"})
# A year word that makes the year an attribute of what follows (Kazakh puts the year first:
# "2021 жылғы I тоқсан", "2021 жылдың қаңтары"); other year words close what went before.
YEAR_FORWARD = frozenset({"жылғы", "жылдың", "жылдарғы", "жылдардағы"})
# Words that carry nothing of their own in a deadline cell.
FILLER = frozenset(
    {
        "года",
        "год",
        "годы",
        "годов",
        "гг",
        "г",
        "годах",
        "году",
        "в",
        "во",
        "течение",
        "период",
        "и",
        "по",
        "на",
        "с",
        "со",
        "до",
        "не",
        "позднее",
        "начиная",
        "к",
        "числа",
        "числу",
        "месяца",
        "жылғы",
        "жыл",
        "жылы",
        "жылдар",
        "жылдары",
        "жылдарда",
        "жылдардағы",
        "жылдарғы",
        "жылдың",
        "жылдан",
        "жылға",
        "ж",
        "жж",
        "бастап",
        "дейін",
        "кешіктірмей",
        "және",
        "мен",
        "аралығында",
        "аралығындағы",
        "кезеңде",
        "ішінде",
        "но",
        "бірақ",
        "реже",
        "чаще",
        "кемінде",
        "сайын",
        "рет",
        "раз",
        "-",
    }
)
# A date printed in figures: "01.07.98", "1.08.98г.", "15.06.1998", kk "01.07.98-ге дейін" (the case
# ending after a hyphen goes with it). Two-digit years are 19xx from 50 on, 20xx below.
NUMERIC_DATE = re.compile(
    r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2}|\d{2})(?![\d.]\d)"
    r"(?:\s*-\s*(?:ге|ке|ға|қа|ден|тен|нен|дан|тан|нан))?"
)
# Month words in the genitive, to write such a date in words ("1 июля 1998").
MONTH_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
# «Немедленно», «незамедлительно», kk «дереу», «шұғыл»: due on the approving act's date.
IMMEDIATE = re.compile(r"^\W*(?:немедленно|незамедлительно|безотлагательно|срочно|дереу|шұғыл|жедел)\W*$")
# «В течение года», «в течении текущего года», kk «жыл бойы», «ағымдағы жыл ішінде»: the approving act's year.
THIS_YEAR = re.compile(
    r"^\W*(?:в\s+течени[еи]\s+(?:текущего\s+)?года|жыл\s+бойы|ағымдағы\s+жыл(?:\s+(?:ішінде|бойы))?)\W*$"
)
# A school year: «1997/98 учебного года», «1997/98 уч.года», «1997/1998 оқу жылы» (1 September to 30 June).
SCHOOL_YEAR = re.compile(
    r"(?P<y1>(?:19|20)\d{2})\s*/\s*(?P<y2>\d{2}|(?:19|20)\d{2})\s*(?:гг?\.?\s*)?(?:учебн\w*|уч\.|оқу\s+жыл)"
)
# The day of the month after each reporting period («… айдың 10-на дейін», «есепті кезеңнен кейінгі
# айдың 5-іне дейін», «до 10 числа месяца, следующего за отчетным»): when within each period, not a
# period of its own (the recurrence says which periods).
DAY_AFTER_PERIOD = re.compile(
    r"(?:есепті\s+\w+\s+кейінгі\s+)?айдың\s+\d{1,2}\s*-?\s*(?:на|не|ына|іне|сына|сіне)?(?:\s+дейін)?"
    r"|(?:до\s+)?\d{1,2}\s*(?:-?го\s+)?числа\s+месяца\s*,?\s*следующего\s+за\s+отчетн\w*(?:\s+(?:периодом|кварталом|месяцем))?"
)
