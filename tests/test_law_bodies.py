"""Organisations a law names (kgraph.sources.law_bodies): names in both languages, the
short forms a law defines, the organs of a body, shorter names of full ones."""

from __future__ import annotations

import pytest

from kgraph.sources import law_bodies


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Национальная академия наук Республики Казахстан утверждает",
            "Национальная академия наук Республики Казахстан",
        ),
        ("Высшая научно-техническая комиссия при Правительстве Республики Казахстан", None),
        (
            "Қазақстан Республикасының Ұлттық ғылым академиясы бекітеді",
            "Қазақстан Республикасының Ұлттық ғылым академиясы",
        ),
        ("ұлттық ғылыми кеңестер қарайды", "ұлттық ғылыми кеңестер"),
        # owners in the genitive, a word in brackets and a passive participle are part of a Kazakh name
        (
            "Өндірушілердің (импорттаушылардың) кеңейтілген міндеттемелерінің операторы береді",
            "Өндірушілердің (импорттаушылардың) кеңейтілген міндеттемелерінің операторы",
        ),
        # an object before it is not ("… шешімдерін ұлттық ғылыми кеңестер")
        ("Апелляциялық комиссияның шешімдерін ұлттық ғылыми кеңестер орындайды", "ұлттық ғылыми кеңестер"),
        # an alternative in brackets is part of the name
        ("Конкурсной (аукционной) комиссией рассматриваются заявки", "Конкурсной (аукционной) комиссией"),
        ("Конкурстық (аукциондық) комиссия қарайды", "Конкурстық (аукциондық) комиссия"),
        # a postposition ends a Kazakh name; "қорытындысы" (conclusion) is no fund ("қор")
        (
            "келіссөздер жүргізу қорытындысы бойынша конкурстық (аукциондық) комиссия шешім қабылдайды",
            "конкурстық (аукциондық) комиссия",
        ),
        # a Latin "i" in a Kazakh name: the name as the letters stand for
        ("Ұлттық кәсiпкерлер палатасы қатысады", "Ұлттық кәсіпкерлер палатасы"),
        # maslikhats, with the places they serve (Russian after, Kazakh before)
        (
            "Маслихаты областей, городов республиканского значения и столицы: 2) заслушивают отчет",
            "Маслихаты областей, городов республиканского значения и столицы",
        ),
        (
            "Облыстардың, республикалық маңызы бар қалалардың және астананың мәслихаттары: 2) тыңдайды",
            "Облыстардың, республикалық маңызы бар қалалардың және астананың мәслихаттары",
        ),
    ],
)
def test_named_bodies(text, name):
    found = [n.name for n in law_bodies.named_bodies(text)]
    if name is None:  # the name runs on over the body it is attached to
        assert found[0].endswith("при Правительстве Республики Казахстан")
    else:
        assert name in found


def test_kazakh_derived_words_are_no_organisations():
    assert law_bodies.named_bodies("ғылыми кеңестік орган және кеңесші") == []


def test_short_forms_and_the_organs_of_a_body():
    ru = (
        "1. Национальная академия наук (далее – Национальная академия наук) действует.\n"
        "4. Органами управления Национальной академии наук являются:\n"
        "   1) высший орган – попечительский совет (далее – совет);\n"
        "   2) консультативно-совещательный орган – президиум (далее – президиум).\n"
        "5. Совет утверждает.\n"
    )
    assert law_bodies.aliases(ru) == {
        "Национальная академия наук": "Национальная академия наук",
        "совет": "попечительский совет Национальной академии наук",
        "президиум": "президиум Национальной академии наук",
    }
    kk = (
        "4. Ұлттық ғылым академиясының басқару органдары мыналар болып табылады:\n"
        "   1) жоғары орган – қамқоршылық кеңес (бұдан әрі – кеңес);\n"
        "   2) консультативтік-кеңесші орган – төралқа (бұдан әрі – төралқа).\n"
    )
    assert law_bodies.aliases(kk) == {
        "кеңес": "Ұлттық ғылым академиясының қамқоршылық кеңесі",
        "төралқа": "Ұлттық ғылым академиясының төралқасы",
    }


def test_alias_mentions_in_any_case():
    aliases = {"совет": "попечительский совет Национальной академии наук"}
    found = law_bodies.alias_mentions("Председателем совета является лицо. Совет утверждает.", aliases)
    assert [(n.name, n.case) for n in found] == [
        ("попечительский совет Национальной академии наук", "genitive"),
        ("попечительский совет Национальной академии наук", "subject"),
    ]


def test_a_short_form_in_the_singular_does_not_name_the_plural_kind():
    aliases = {
        "технический комитет": "технический комитет по стандартизации",
        "технические комитеты": "Технические комитеты по стандартизации",
    }
    found = law_bodies.alias_mentions("Технические комитеты по стандартизации:", aliases)
    assert [(n.name, n.case) for n in found] == [("Технические комитеты по стандартизации", "subject")]


def test_shortened_names():
    names = [
        "Межведомственная комиссия по промышленной политике",
        "межведомственная комиссия по промышленной политике",  # the same name twice: one entry
        "өнеркәсіптік саясат жөніндегі ведомствоаралық комиссия",
        "Фонд развития промышленности",  # a full name already
        "Компетенция Правительства Республики Казахстан",  # not a name
    ]
    assert law_bodies.shortened(names) == {
        "Межведомственная комиссия": "Межведомственная комиссия по промышленной политике",
        "межведомственная комиссия": "межведомственная комиссия по промышленной политике",
        "ведомствоаралық комиссия": "өнеркәсіптік саясат жөніндегі ведомствоаралық комиссия",
    }
    # two full names sharing a shorter one: it stands for neither
    assert law_bodies.shortened(["комиссия по науке", "комиссия по бюджету"]) == {}


@pytest.mark.parametrize(
    "text, name",
    [
        # a company; an intransitive active participle right before the noun is part of the name
        (
            "Управляющая компания специальной экономической зоны рассматривает",
            "Управляющая компания специальной экономической зоны",
        ),
        # Kazakh agent nouns and verbal nouns qualify the organisation noun, plain adjectives too
        (
            "кезде арнайы экономикалық аймақтың басқарушы компаниясы:",
            "арнайы экономикалық аймақтың басқарушы компаниясы",
        ),
        ("мақсаттарында бірыңғай үйлестіру орталығы тартуға құқылы", "бірыңғай үйлестіру орталығы"),
        # a pronoun before a Kazakh name is not part of it
        ("оның басқарушы компаниясы береді", "басқарушы компаниясы"),
        # a body named "орган" with its modifiers; an adjective beginning like a determiner («те-», «ин-»)
        ("Национальный орган по стандартизации осуществляет:", "Национальный орган"),
        ("Стандарттау жөніндегі ұлттық орган жүзеге асырады", "ұлттық орган"),
        ("Технические комитеты по стандартизации:", "Технические комитеты"),
        ("Инновационные фонды предоставляют", "Инновационные фонды"),
    ],
)
def test_names_of_companies_and_centres(text, name):
    assert name in [n.name for n in law_bodies.named_bodies(text)]


def test_a_verbal_noun_with_an_object_is_no_name():
    text = "нәтижелерін коммерцияландыру орталықтары қызметінің тиімділігін"
    assert all("коммерцияландыру" not in n.name for n in law_bodies.named_bodies(text))


def test_a_name_case_agrees_with_its_adjective():
    # "управляющей компании": singular genitive, not the plural nominative "компании"
    [n] = law_bodies.named_bodies("Учредителями управляющей компании могут выступать")
    assert n.case != "subject"


def test_a_name_given_in_full_is_no_shorter_form_of_another():
    short = law_bodies.shortened(
        ["индустриялық аймақтың басқарушы компаниясы", "ерекше индустриялық аймақтың басқарушы компаниясы"]
    )
    assert "индустриялық аймақтың басқарушы компаниясы" not in short


@pytest.mark.parametrize(
    "text",
    ["жүргізу қорытындысы бойынша", "қоршаған ортаны қорғау", "қорғаныс өнеркәсібі"],
)
def test_words_that_start_like_a_fund_are_no_fund(text):
    assert law_bodies.named_bodies(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "создается конкурсная (аукционная) комиссия. Конкурсной комиссией рассматриваются",
            {"конкурсная комиссия": "конкурсная (аукционная) комиссия"},
        ),
        (
            "Конкурстық (аукциондық) комиссия қарайды. Конкурстық комиссия шешеді",
            {"Конкурстық комиссия": "Конкурстық (аукциондық) комиссия"},
        ),
        # no alternative in brackets; a name cut inside its brackets
        ("Национальная академия наук утверждает", {}),
        ("директорлар кеңесінің (байқаушы кеңесінің шешімі", {}),
    ],
)
def test_a_name_without_its_bracketed_alternative_stands_for_it(text, expected):
    assert law_bodies.bracket_shortened(text) == expected


@pytest.mark.parametrize("text", ["Иные советы рассматривают", "Такие комиссии рассматривают"])
def test_a_determiner_makes_no_name(text):
    assert law_bodies.named_bodies(text) == []


@pytest.mark.parametrize(
    "text, name, case",
    [
        # a body named by the one function it alone performs
        ("3. Единый закупщик электрической энергии обязан:", "Единый закупщик электрической энергии", "subject"),
        (
            "Затраты распределяются единым закупщиком электрической энергии.",
            "единым закупщиком электрической энергии",
            "agent",
        ),
        ("Электр энергиясын бірыңғай сатып алушы шарт жасасады.", "Электр энергиясын бірыңғай сатып алушы", "subject"),
        # not a buyer: "единые требования" names no agent
        ("Единые требования к покупателям утверждаются.", None, None),
    ],
)
def test_single_function_bodies(text, name, case):
    found = [(n.name, n.case) for n in law_bodies.named_bodies(text)]
    assert found == ([(name, case)] if name else [])


def test_an_article_titled_by_an_organisations_name_names_it():
    title = "Мемлекеттік-жекешелік әріптестікті дамыту орталығы"
    assert law_bodies.titled_name(title) == title
    assert law_bodies.titled_name("Уәкілетті органның құзыреті") is None  # a competence, not a name


@pytest.mark.parametrize(
    "text, name",
    [
        ("осуществляются органами внутренних дел путем формирования ресурса", "органами внутренних дел"),
        ("органы национальной безопасности направляют запрос", "органы национальной безопасности"),
    ],
)
def test_the_bodies_of_a_branch_of_the_state_are_named_without_a_capital(text, name):
    assert name in [n.name for n in law_bodies.named_bodies(text)]


def test_a_bare_lower_case_body_noun_is_no_name():
    assert not law_bodies.named_bodies("органы рассматривают заявление")
