"""Deadlines as intervals (kgraph.deadlines), ru and kk, table-driven."""

from __future__ import annotations

import datetime as dt

import pytest

from kgraph.deadlines import Deadline, is_deadline, is_period_word, parse_deadline, plan_period, recurrence_of

D = dt.date

# Plan periods used below: decree 1331 (approved 13.12.2013, plan "до 2020 года"),
# decree 1134 (24.12.2025, "на 2026 – 2035 годы"), decree 631 (19.06.2013, "2013 - 2018 жылдарға").
P1331 = (None, D(2020, 12, 31), D(2013, 12, 13))
P1134 = (D(2026, 1, 1), D(2035, 12, 31), D(2025, 12, 24))
P631 = (D(2013, 1, 1), D(2018, 12, 31), D(2013, 6, 19))
# Corpus plans: the census plan 419 (19.06.2019, no period in its title), the investment plan 482
# (15.07.2022, "до 2026 года"), the bill-drafting plan 991 (31.12.2021, "на 2022 год"), the 1997 akimat
# programme (11.06.1997, "на 1997-2000 годы").
P419 = (None, None, D(2019, 6, 19))
P482 = (None, D(2026, 12, 31), D(2022, 7, 15))
P991 = (D(2022, 1, 1), D(2022, 12, 31), D(2021, 12, 31))
P1997 = (D(1997, 1, 1), D(2000, 12, 31), D(1997, 6, 11))
# Akims' decisions 7-223 (01.07.1998, no period) and 3-86 (24.03.1997, the programme "на 1996-2000 годы").
P7223 = (None, None, D(1998, 7, 1))
P386 = (D(1996, 1, 1), D(2000, 12, 31), D(1997, 3, 24))

CASES = [
    # text, (plan_start, plan_end, approved), start, end, recurrence
    ("Декабрь 2013 года", P1331, D(2013, 12, 1), D(2013, 12, 31), None),
    ("Февраль\n2014 года", P1331, D(2014, 2, 1), D(2014, 2, 28), None),
    ("Декабрь 2013 - 2020 гг.", P1331, D(2013, 12, 1), D(2020, 12, 31), "annual"),
    ("Декабрь 2016 - 2017 гг.", P1331, D(2016, 12, 1), D(2017, 12, 31), "annual"),
    ("Ежегодно, март", P1331, D(2014, 3, 1), D(2020, 3, 31), "annual"),
    ("Ежегодно, декабрь", P1331, D(2013, 12, 1), D(2020, 12, 31), "annual"),
    ("Ежегодно с декабря 2014 года", P1331, D(2014, 12, 1), D(2020, 12, 31), "annual"),
    ("2014 - 2020 гг.", P1331, D(2014, 1, 1), D(2020, 12, 31), None),
    ("2014 год", P1331, D(2014, 1, 1), D(2014, 12, 31), None),
    ("I квартал 2027 года", P1134, D(2027, 1, 1), D(2027, 3, 31), None),
    ("IV квартал 2026 года", P1134, D(2026, 10, 1), D(2026, 12, 31), None),
    ("декабрь 2027 – 2035 годы", P1134, D(2027, 12, 1), D(2035, 12, 31), "annual"),
    ("Декабрь 2029 – 2035 годы", P1134, D(2029, 12, 1), D(2035, 12, 31), "annual"),
    ("март 2026 года", P1134, D(2026, 3, 1), D(2026, 3, 31), None),
    ("Ежегодно, март", P1134, D(2026, 3, 1), D(2035, 3, 31), "annual"),
    ("ежегодно, до 1 марта", P1134, D(2026, 3, 1), D(2035, 3, 1), "annual"),
    ("II полугодие 2026 года", P1134, D(2026, 7, 1), D(2026, 12, 31), None),
    ("декабрь 2030 - 2040 годы", P1134, D(2030, 12, 1), D(2035, 12, 31), "annual"),  # bounded by the plan
    ("2013 жылғы тамыз", P631, D(2013, 8, 1), D(2013, 8, 31), None),
    ("2013 жылғытамыз", P631, D(2013, 8, 1), D(2013, 8, 31), None),
    ("2016 жылғы І-тоқсан", P631, D(2016, 1, 1), D(2016, 3, 31), None),
    ("2016 жылғыІ-тоқсан", P631, D(2016, 1, 1), D(2016, 3, 31), None),
    ("2014 - 2018 жылдар", P631, D(2014, 1, 1), D(2018, 12, 31), None),
    ("2013 жыл", P631, D(2013, 1, 1), D(2013, 12, 31), None),
    ("жыл сайын, наурыз", P631, D(2014, 3, 1), D(2018, 3, 31), "annual"),
    ("2015 жылдан бастап жыл сайын, желтоқсан", P631, D(2015, 12, 1), D(2018, 12, 31), "annual"),
    ("2025 жылғы ІІ тоқсан", P631, D(2025, 4, 1), D(2025, 6, 30), None),
    ("ежегодно, июль и январь", P1331, D(2014, 1, 1), D(2020, 7, 31), "semiannual"),
    ("1 марта 2026 года", P1134, D(2026, 3, 1), D(2026, 3, 1), None),
    ("раз в полугодие", P1134, D(2026, 1, 1), D(2035, 12, 31), "semiannual"),
    ("1 раз в полугодие", P1134, D(2026, 1, 1), D(2035, 12, 31), "semiannual"),
    ("до 25 декабря 2026 года", P1134, D(2026, 12, 25), D(2026, 12, 25), None),
    ("2026 – 2028 годы (ежегодно)", P1134, D(2026, 1, 1), D(2028, 12, 31), "annual"),
    ("жыл сайын, 25 желтоқсанға дейін", P1134, D(2026, 12, 25), D(2035, 12, 25), "annual"),
    ("2026 жылғы ІІ жартыжылдық", P1134, D(2026, 7, 1), D(2026, 12, 31), None),
    # quarter ranges and lists of periods: start of the first .. end of the last
    ("I – II кварталы 2021 года", P419, D(2021, 1, 1), D(2021, 6, 30), None),
    ("III - IV кварталы 2019 года", P419, D(2019, 7, 1), D(2019, 12, 31), None),
    ("I – II кварталы 2020 года II – III кварталы 2021 года", P419, D(2020, 1, 1), D(2021, 9, 30), None),
    ("II квартал 2020 года II – IV кварталы 2021 года", P419, D(2020, 4, 1), D(2021, 12, 31), None),
    ("IV квартал 2021 года, 2022 год", P419, D(2021, 10, 1), D(2022, 12, 31), None),
    ("2022 год, I квартал 2023 года", P419, D(2022, 1, 1), D(2023, 3, 31), None),
    ("с 1 по 30 октября 2021 года", P419, D(2021, 10, 1), D(2021, 10, 30), None),
    ("2-й квартал 2021 года", P419, D(2021, 4, 1), D(2021, 6, 30), None),
    ("2021 жылғы I – II тоқсандар", P419, D(2021, 1, 1), D(2021, 6, 30), None),
    ("2019 жылғы ІІІ – IV тоқсандар 2021 жылғы I – II тоқсандар", P419, D(2019, 7, 1), D(2021, 6, 30), None),
    ("2022 жылғы ІІ тоқсан –2023 жылғы IV тоқсан", P419, D(2022, 4, 1), D(2023, 12, 31), None),
    ("2021 жылғы IV тоқсан, 2022 жыл", P419, D(2021, 10, 1), D(2022, 12, 31), None),
    # half-years
    ("I полугодие 2025 года", P419, D(2025, 1, 1), D(2025, 6, 30), None),
    ("первое полугодие 2025 года", P419, D(2025, 1, 1), D(2025, 6, 30), None),
    ("2025 жылғы бірінші жартыжылдық", P419, D(2025, 1, 1), D(2025, 6, 30), None),
    ("2025 жылғы екінші жарты жыл", P419, D(2025, 7, 1), D(2025, 12, 31), None),
    # "until": from the approving act's date
    ("до 2030 года", P1134, D(2025, 12, 24), D(2030, 12, 31), None),
    ("2030 жылға дейін", P1134, D(2025, 12, 24), D(2030, 12, 31), None),
    # recurring wordings
    ("2026–2035 годы, декабрь", P1134, D(2026, 12, 1), D(2035, 12, 31), "annual"),
    ("ежегодно", P482, D(2022, 7, 15), D(2026, 12, 31), "annual"),
    ("Ежегодно", P1997, D(1997, 6, 11), D(2000, 12, 31), "annual"),
    ("Әр жыл сайын", P1997, D(1997, 6, 11), D(2000, 12, 31), "annual"),
    ("ежегодно, декабрь", P482, D(2022, 12, 1), D(2026, 12, 31), "annual"),
    ("декабрь, 2022-2023 года", P482, D(2022, 12, 1), D(2023, 12, 31), "annual"),
    ("1 июня, 2023–2026 годы", P482, D(2023, 6, 1), D(2026, 6, 1), "annual"),
    ("тоқсан сайын", P1134, D(2026, 1, 1), D(2035, 12, 31), "quarterly"),
    ("ежегодно, IV квартал", P1134, D(2026, 10, 1), D(2035, 12, 31), "annual"),
    ("декабрь, 2022 год", P482, D(2022, 12, 1), D(2022, 12, 31), None),
    ("в течение 2022-2026 годов", P482, D(2022, 1, 1), D(2026, 12, 31), None),
    ("1997 - 2000 жылдарғы", P1997, D(1997, 1, 1), D(2000, 12, 31), None),
    # months without a year: the first occurrence after the act (the plan year), in order
    ("январь / январь / февраль", P991, D(2022, 1, 1), D(2022, 2, 28), None),
    ("қыркүйек / қазан / желтоқсан", P991, D(2022, 9, 1), D(2022, 12, 31), None),
    ("ноябрь / декабрь / январь", P991, D(2022, 11, 1), D(2023, 1, 31), None),
    # abbreviations and days of every month
    ("IV кв. 2024 г.", P419, D(2024, 10, 1), D(2024, 12, 31), None),
    ("2025-2026 жж.", P419, D(2025, 1, 1), D(2026, 12, 31), None),
    ("ежеквартально, до 10 числа", P1134, D(2026, 1, 1), D(2035, 12, 31), "quarterly"),
    ("жыл сайын, 5-күнге дейін", P1134, D(2026, 1, 1), D(2035, 12, 31), "annual"),
    # at least every half-year (or quarter), whatever the wording: from the approving act to the plan's end
    ("по мере необходимости, но не реже 1 раза в полугодие", P1134, D(2026, 1, 1), D(2035, 12, 31), "semiannual"),
    ("1 раз в полугодие", P482, D(2022, 7, 15), D(2026, 12, 31), "semiannual"),
    ("жарты жылда 1 рет", P1134, D(2026, 1, 1), D(2035, 12, 31), "semiannual"),
    ("жарты жылда бір рет", P1134, D(2026, 1, 1), D(2035, 12, 31), "semiannual"),
    ("қажеттілігіне қарай, бірақ жарты жылда кемінде 1 рет", P1134, D(2026, 1, 1), D(2035, 12, 31), "semiannual"),
    ("тоқсанына кемінде бір рет", P1134, D(2026, 1, 1), D(2035, 12, 31), "quarterly"),
    ("не реже одного раза в квартал", P1134, D(2026, 1, 1), D(2035, 12, 31), "quarterly"),
    # the same quarter each year; a period and what follows it («и далее постоянно») up to the plan's end
    (
        "II квартал 2002-2003 годов",
        (D(2002, 1, 1), D(2004, 12, 31), D(2002, 4, 24)),
        D(2002, 4, 1),
        D(2003, 6, 30),
        "annual",
    ),
    (
        "I квартал 2003 года и далее постоянно",
        (D(2002, 1, 1), D(2004, 12, 31), D(2002, 4, 24)),
        D(2003, 1, 1),
        D(2004, 12, 31),
        None,
    ),
    # dates in figures (two-digit years), kk with the case ending after a hyphen
    ("До 01.07.98", P7223, D(1998, 7, 1), D(1998, 7, 1), None),
    ("01.08.98", P7223, D(1998, 8, 1), D(1998, 8, 1), None),
    ("до 1.08.98г.", P7223, D(1998, 8, 1), D(1998, 8, 1), None),
    ("01.07.98-ге\nдейін", P7223, D(1998, 7, 1), D(1998, 7, 1), None),
    ("25.06.98-ге дейiн", P7223, D(1998, 6, 25), D(1998, 6, 25), None),
    ("до 15.03.2026", P1134, D(2026, 3, 15), D(2026, 3, 15), None),
    # at once: the approving act's date; within the year: the act's year
    ("Немедленно", P7223, D(1998, 7, 1), D(1998, 7, 1), None),
    ("дереу", P7223, D(1998, 7, 1), D(1998, 7, 1), None),
    ("В течении года", P7223, D(1998, 1, 1), D(1998, 12, 31), None),
    ("жыл бойы", P7223, D(1998, 1, 1), D(1998, 12, 31), None),
    # standing from a day on: a start, no end printed
    ("Постоянно с 01.07.98", P7223, D(1998, 7, 1), None, None),
    ("үнемі 01.07.98-ден бастап", P7223, D(1998, 7, 1), None, None),
    ("үнемi", P7223, None, None, None),
    # a school year: from its 1 September (on, after «с»)
    ("с 1997/98 гг. учебного года", P386, D(1997, 9, 1), None, None),
    ("с 1997/98 уч.года", P386, D(1997, 9, 1), None, None),
    ("1997/98 учебный год", P386, D(1997, 9, 1), D(1998, 6, 30), None),
    # every two years, over the plan period
    ("1 раз в два года", P386, D(1997, 3, 24), D(2000, 12, 31), "biennial"),
    ("2 жылда бір рет", P386, D(1997, 3, 24), D(2000, 12, 31), "biennial"),
    # by a day after each reporting period: the recurrence gives the periods
    ("тоқсан сайын, есепті кезеңнен кейінгі айдың 10-на дейін", P1134, D(2026, 1, 1), D(2035, 12, 31), "quarterly"),
    ("жартыжылдық сайын", P1134, D(2026, 1, 1), D(2035, 12, 31), "semiannual"),
    ("І-ІІ тоқсандар", P1134, D(2026, 1, 1), D(2026, 6, 30), None),
    # an event, not a period: no interval, the text is kept
    ("по итогам 2024 года", P482, None, None, None),
    ("По результатам проверки", P482, None, None, None),
    ("2023 жылдың қорытындысы бойынша", P482, None, None, None),
    # no period: no interval, the text is kept
    ("по мере необходимости", P1134, None, None, None),
    ("Постоянно", P1997, None, None, None),
    ("қажеттілігіне қарай", P1134, None, None, None),
]

# Words of comment in a deadline column are tolerated when asked (lenient), stray numbers never.
LENIENT = [
    (
        "2021 жылғы 1 қыркүйектен бастап 15 қазан аралығындағы кезеңде интернет желісі арқылы онлайн "
        "режимінде, 2021 жылғы 1 – 30 қазан аралығында планшеттерді пайдалану арқылы",
        P419,
        D(2021, 9, 1),
        D(2021, 10, 30),
    ),
    ("В соответствии положения об аттестации рабочих мест", P1997, None, None),
    ("к 2020 году не менее 50", P1331, None, None),
]


@pytest.mark.parametrize("text, period, start, end", LENIENT, ids=[c[0][:30] for c in LENIENT])
def test_parse_deadline_lenient(text, period, start, end):
    d = parse_deadline(text, *period, lenient=True)
    assert (d.start, d.end) == (start, end)
    assert d.text == " ".join(text.split())
    if start:
        assert parse_deadline(text, *period).start is None  # strict: the comment words are not a deadline


@pytest.mark.parametrize("text, period, start, end, recurrence", CASES, ids=[c[0] for c in CASES])
def test_parse_deadline(text, period, start, end, recurrence):
    d = parse_deadline(text, *period)
    assert (d.start, d.end, d.recurrence) == (start, end, recurrence)
    assert d.text == " ".join(text.split())


@pytest.mark.parametrize(
    "text",
    [
        "Информация в АП МИР Ежегодно, декабрь",
        "к 2020 году не менее 50",
        "МИНТ, МОН",
        "",
        "Декабрь",
        "в рамках предусмотренных средств",
    ],
)
def test_not_deadlines(text):
    assert not is_deadline(text)
    if text and text != "Декабрь":
        assert parse_deadline(text, *P1331) == Deadline(" ".join(text.split()), None, None, None)


@pytest.mark.parametrize("text", ["Ежегодно,\nмарт", "Декабрь 2013 - 2020 гг.", "2016 жылғыІ-тоқсан", "2014 год"])
def test_is_deadline(text):
    assert is_deadline(text)


@pytest.mark.parametrize(
    "title, period",
    [
        (
            "Национальная дорожная карта по реализации Концепции инновационного развития Республики Казахстан до 2020 года",
            (None, D(2020, 12, 31)),
        ),
        ("План действий по реализации Концепции … на 2026 – 2035 годы", (D(2026, 1, 1), D(2035, 12, 31))),
        (
            "… кластерлер қалыптастыру жөніндегі 2013 - 2018 жылдарға арналған жол картасы",
            (D(2013, 1, 1), D(2018, 12, 31)),
        ),
        ("… 2030 жылға дейінгі тұжырымдама", (None, D(2030, 12, 31))),
        ("Жоспар 2030 жылға дейін", (None, D(2030, 12, 31))),
        ("План мероприятий на 2024 год", (D(2024, 1, 1), D(2024, 12, 31))),
        (None, (None, None)),
    ],
)
def test_plan_period(title, period):
    assert plan_period(title) == period


@pytest.mark.parametrize(
    "text, recurrence",
    [
        ("раз в полугодие не позднее 5 числа месяца", "semiannual"),
        ("раз в год не позднее 30 января", "annual"),
        ("жылына екi рет, 5 қаңтарға және 5 шiлдеге", "semiannual"),
        ("ежеквартально", "quarterly"),
        ("не позднее 1 апреля года, следующего за отчетным годом", None),
        (None, None),
    ],
)
def test_recurrence_of(text, recurrence):
    assert recurrence_of(text) == recurrence


@pytest.mark.parametrize(
    ("word", "period"),
    [
        ("III", True),
        ("квартал,", True),
        ("2003", True),
        ("2002-", True),
        ("2003-2004", True),
        ("года", True),
        ("ежегодно", True),
        ("Постоян-", True),  # a wrapped «Постоянно»
        ("декабрь", True),
        ("тоқсан", True),
        ("гг.", False),  # years after a year, cities before a name («гг. Астаны»)
        ("и", False),
        ("МФ", False),
        ("постановления", False),
    ],
)
def test_is_period_word(word, period):
    """A word of a typed table's deadline column, told apart from its neighbours' words."""
    assert is_period_word(word) is period
