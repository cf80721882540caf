"""Roles a law names (kgraph.sources.law_roles): role nouns with the fields the law gives
them, known or not, in Russian and Kazakh; the case that tells a subject or an agent."""

from __future__ import annotations

import pytest

from kgraph.sources.law_roles import defined_roles, role_aliases, role_mentions


def first(text: str, aliases: dict[str, str] | None = None):
    return role_mentions(text, aliases=aliases)[0]


@pytest.mark.parametrize(
    "text, role, name",
    [
        # a field the table knows gives the role's slug
        ("уполномоченный орган в области науки утверждает", "authorized-body-science", None),
        # the authorized body of the relevant branch is the sectoral one
        ("уполномоченный государственный орган соответствующей отрасли утверждает", "sectoral-authorized-body", None),
        ("Тиісті саланың уәкілетті мемлекеттік органы бекітеді", "sectoral-authorized-body", None),
        ("ғылым саласындағы уәкілетті орган бекітеді", "authorized-body-science", None),
        # any other field: the role as the law words it (resolved later by the registry, or minted)
        (
            "уполномоченный орган в области углеводородов утверждает",
            None,
            "уполномоченный орган в области углеводородов",
        ),
        ("көмірсутектер саласындағы уәкілетті орган бекітеді", None, "көмірсутектер саласындағы уәкілетті орган"),
        # Kazakh fields: back over an object, adjectives and a verbal noun ...
        (
            "сыртқы сауда қызметін реттеу саласындағы уәкілетті орган бекітеді",
            None,
            "сыртқы сауда қызметін реттеу саласындағы уәкілетті орган",
        ),
        # ... a compound verb's noun and a leading participle ...
        (
            "инвестициялық саясатты іске асыру жөніндегі уәкілетті орган бекітеді",
            None,
            "инвестициялық саясатты іске асыру жөніндегі уәкілетті орган",
        ),
        (
            "қоршаған ортаны қорғау саласындағы уәкілетті орган бекітеді",
            None,
            "қоршаған ортаны қорғау саласындағы уәкілетті орган",
        ),
        # ... an object only where a verbal noun of the field governs it ("тәртібін" is the verb's object)
        (
            "енгізу тәртібін қорғаныс өнеркәсібі және мемлекеттік қорғаныстық тапсырыс саласындағы уәкілетті орган айқындайды",
            None,
            "қорғаныс өнеркәсібі және мемлекеттік қорғаныстық тапсырыс саласындағы уәкілетті орган",
        ),
        (
            "индустриялық-инновациялық қызметті мемлекеттік қолдау саласындағы уәкілетті орган бекітеді",
            "authorized-body-industrial-innovation",
            None,
        ),
        # ... but not over another clause's words
        (
            "ережелерге сәйкес өнеркәсіпті мемлекеттік ынталандыру саласындағы уәкілетті орган бекітеді",
            None,
            "өнеркәсіпті мемлекеттік ынталандыру саласындағы уәкілетті орган",
        ),
        # "central" is part of the role's name, in both languages
        (
            "Центральный уполномоченный орган по исполнению бюджета:",
            None,
            "Центральный уполномоченный орган по исполнению бюджета",
        ),
        (
            "бюджетті атқару жөніндегі орталық уәкілетті орган бекітеді",
            None,
            "бюджетті атқару жөніндегі орталық уәкілетті орган",
        ),
        ("Центральный уполномоченный орган по государственному планированию:", "state-planning-body", None),
        # a national body for a field the law names: the body as the law words it
        (
            "Национальный орган по стандартизации осуществляет",
            None,
            "Национальный орган по стандартизации",
        ),
        ("стандарттау жөніндегі ұлттық орган жүзеге асырады", None, "стандарттау жөніндегі ұлттық орган"),
        # a Latin "i" in a Kazakh lead line ("Үкiметi:")
        ("Қазақстан Республикасының Үкiметi:", "government", None),
        ("уәкiлеттi орган бекiтедi", "authorized-body", None),
        ("Президент Республики Казахстан утверждает", "president", None),
        ("Қазақстан Республикасының Президенті бекітеді", "president", None),
    ],
)
def test_roles_and_their_fields(text, role, name):
    m = first(text)
    assert (m.role, m.name) == (role, name)


def test_president_of_an_academy_is_not_the_head_of_state():
    assert "president" not in [m.role for m in role_mentions("президент Национальной академии наук")]


def test_plural_role_with_several_fields():
    found = role_mentions("уполномоченные органы в области углеводородов, твердых полезных ископаемых утверждают")
    assert [m.name for m in found] == [
        "уполномоченные органы в области углеводородов",
        "уполномоченные органы в области твердых полезных ископаемых",
    ]


@pytest.mark.parametrize(
    "text, subject, instrumental",
    [
        ("Правительство утверждает", True, False),
        ("утверждается Правительством", False, True),
        ("Үкіметке ұсынады", False, False),
    ],
)
def test_case(text, subject, instrumental):
    m = first(text)
    assert (m.subject, m.instrumental) == (subject, instrumental)


def test_an_organisation_named_in_full_where_the_law_shortens_it():
    # "межведомственная комиссия [по промышленной политике]": the short name stands for the full one
    aliases = {"межведомственная комиссия": "межведомственная комиссия по промышленной политике"}
    assert first("Межведомственная комиссия запрашивает", aliases).name == (
        "межведомственная комиссия по промышленной политике"
    )


def test_a_name_wins_over_the_body_it_is_attached_to():
    m = first("проекты рассматриваются научно-техническими советами при отраслевых уполномоченных органах")
    assert (m.role, m.name) == (None, "научно-техническими советами при отраслевых уполномоченных органах")
    k = first("жобаларды салалық уәкілетті органдар жанындағы ғылыми-техникалық кеңестер қарайды")
    assert k.name == "салалық уәкілетті органдар жанындағы ғылыми-техникалық кеңестер"
    # a role that is the subject stays the subject
    assert first("Уәкілетті орган ұлттық ғылыми кеңестердің құрамдарын бекітеді").role == "authorized-body"


@pytest.mark.parametrize(
    "text, role",
    [
        (
            "Местные исполнительные органы районов (городов областного значения) обеспечивают",
            "local-executive-bodies-district",
        ),
        (
            "Аудандардың (облыстық маңызы бар қалалардың) жергілікті атқарушы органдары қамтамасыз етеді",
            "local-executive-bodies-district",
        ),
        ("Местные исполнительные органы областей утверждают", "local-executive-bodies"),
        ("Центральные исполнительные органы реализуют", "central-executive-bodies"),
        ("центральными и местными исполнительными органами осуществляется", "central-and-local-executive-bodies"),
        ("Органы государственных доходов осуществляют учет", "state-revenue-bodies"),
        # the authorized body of the relevant branch: the whole phrase, not "уполномоченный государственный орган"
        ("Уполномоченный государственный орган соответствующей отрасли:", "sectoral-authorized-body"),
        (
            "Центральные уполномоченные государственные органы соответствующих отраслей рассматривают",
            "sectoral-authorized-body",
        ),
        ("Тиісті саланың уәкілетті мемлекеттік органы:", "sectoral-authorized-body"),
        ("Тиісті салалардың орталық уәкілетті мемлекеттік органдары қарайды", "sectoral-authorized-body"),
        ("Мемлекеттік кіріс органдары есепке алады", "state-revenue-bodies"),
        (
            "национальные управляющие холдинги, национальные холдинги, национальные компании размещают",
            "national-holdings-and-companies",
        ),
    ],
)
def test_role_phrases_of_state_bodies(text, role):
    assert first(text).role == role


@pytest.mark.parametrize(
    "text",
    [
        "принимается уполномоченным органом по согласованию с местным исполнительным органом",
        "Тұжырымдаманы тексеру нәтижелері бойынша уәкілетті орган жібереді",
    ],
)
def test_a_procedure_is_no_field_of_a_role(text):
    m = next(r for r in role_mentions(text) if r.role != "local-executive-bodies")
    assert m.role == "authorized-body" and m.name is None


DEFENCE_RU = "определяется уполномоченным органом в области оборонной промышленности. "
DEFENCE_KK = "қорғаныс өнеркәсібі саласындағы уәкілетті орган айқындайды. "


@pytest.mark.parametrize(
    "definition, later, short, full",
    [
        # a field the role table does not know: every later bare role is the one the law shortened,
        # not the last authorized body it named in full
        (
            "26) уполномоченный орган в сфере стандартизации (далее – уполномоченный орган) – орган;",
            DEFENCE_RU + "Уполномоченный орган утверждает стандарты",
            "уполномоченный орган",
            "уполномоченный орган в сфере стандартизации",
        ),
        (
            "26) стандарттау саласындағы уәкілетті орган (бұдан әрі – уәкілетті орган) – орган;",
            DEFENCE_KK + "Уәкілетті орган стандарттарды бекітеді",
            "уәкілетті орган",
            "стандарттау саласындағы уәкілетті орган",
        ),
        # in another case form, in a lead-in
        (
            "В компетенцию уполномоченного органа в сфере туризма (далее – уполномоченный орган) входят:",
            "уполномоченным органом утверждается",
            "уполномоченный орган",
            "уполномоченный орган в сфере туризма",
        ),
    ],
)
def test_the_short_form_of_a_role_stands_for_the_role_the_law_shortened(definition, later, short, full):
    aliases = role_aliases(definition + "\n" + later)
    assert aliases == {short: full}
    named = [m for m in role_mentions(later, aliases=aliases) if m.start >= later.find(". ") + 1]
    assert [m.name for m in named] == [full]


@pytest.mark.parametrize(
    "text",
    [
        # a field the table knows is a field (kgraph.sources.law.short_form_fields), not a short form
        "уполномоченный орган в области науки (далее – уполномоченный орган)",
        # a short form of something else
        "Национальная академия наук (далее – академия)",
        "уполномоченный орган (далее – орган) утверждает",
    ],
)
def test_no_role_short_form(text):
    assert role_aliases(text) == {}


ORGANIZER_RU = (
    "организатор конкурса (аукциона) либо прямых переговоров",
    "государственный партнер, осуществляющий организацию и проведение конкурса (аукциона)",
)
ORGANIZER_KK = (
    "конкурсты (аукционды) не тікелей келіссөздерді ұйымдастырушы",
    "конкурсты (аукционды) ұйымдастыруды және өткізуді жүзеге асыратын мемлекеттік әріптес",
)
PRIVATE_RU = (
    "частный партнер",
    "индивидуальный предприниматель, юридическое лицо, за исключением государственных учреждений",
)
PRIVATE_KK = ("жекеше әріптес", "мемлекеттік заңды тұлғаларды қоспағанда, дара кәсіпкер, консорциум немесе заңды тұлға")


@pytest.mark.parametrize(
    "definitions, expected",
    [
        # a public actor the law defines: named later by its head noun
        ([ORGANIZER_RU], {"организатор": ORGANIZER_RU[0]}),
        ([ORGANIZER_KK], {"ұйымдастырушы": ORGANIZER_KK[0]}),
        # a state partner (the mark in the term itself); its head noun shared with a private partner
        (
            [("государственный партнер", "Республика Казахстан, от имени которой выступают органы"), PRIVATE_RU],
            {"государственный партнер": "государственный партнер"},
        ),
        # private actors and an operator a private partner chooses are no roles of the state
        ([PRIVATE_RU, PRIVATE_KK], {}),
        ([("оператор", "юридическое лицо, при необходимости определенное частным партнером")], {}),
        (
            [("оператор", "жекеше әріптес айқындаған, мемлекеттік-жекешелік әріптестік шартын орындайтын заңды тұлға")],
            {},
        ),
        # a term that names no one who acts
        ([("плата за доступность", "денежная выплата, осуществляемая государственным партнером")], {}),
    ],
)
def test_roles_the_law_defines(definitions, expected):
    assert defined_roles(definitions) == expected


@pytest.mark.parametrize(
    "text, aliases, name",
    [
        ("Организатором конкурса (аукциона) создается комиссия", {"организатор": ORGANIZER_RU[0]}, ORGANIZER_RU[0]),
        ("Конкурсты (аукционды) ұйымдастырушы хабарлама жібереді", {"ұйымдастырушы": ORGANIZER_KK[0]}, ORGANIZER_KK[0]),
    ],
)
def test_a_defined_role_is_named_by_its_head(text, aliases, name):
    assert first(text, aliases).name == name


@pytest.mark.parametrize(
    "text, name",
    [
        # a national operator is named with what it operates, a genitive: one role per system
        (
            "Национальный оператор космической системы связи организует",
            "Национальный оператор космической системы связи",
        ),
        (
            "2. Полномочия Национального оператора системы высокоточной спутниковой навигации:",
            "Национального оператора системы высокоточной спутниковой навигации",
        ),
        (
            "2. Жерді қашықтықтан зондтау ғарыш жүйесінің ұлттық операторы ұйымдастырады",
            "Жерді қашықтықтан зондтау ғарыш жүйесінің ұлттық операторы",
        ),
        # kk also without the genitive ending; not over a comma, a converb or another body
        (
            "Министрлігімен бірлесіп, дәлдігі жоғары спутниктік навигация жүйесі ұлттық операторының тәртібін",
            "дәлдігі жоғары спутниктік навигация жүйесі ұлттық операторының",
        ),
    ],
)
def test_a_national_operator_named_with_what_it_operates(text, name):
    m = next(m for m in role_mentions(text) if "перат" in (m.name or m.role or ""))
    assert (m.role, m.name) == (None, name)


@pytest.mark.parametrize(
    "text",
    [
        "Үкіметі ұлттық операторды айқындайды",  # no possessive on the noun: no owner before it
        "национальный оператор определяет",
        "ғарыш жүйелерінің ұлттық операторларын айқындайды",  # all of them: the group
        "Қазақстан Республикасының ұлттық операторы",  # the country alone is no field
    ],
)
def test_a_national_operator_without_an_owner_is_the_generic_role(text):
    assert [m.role for m in role_mentions(text) if m.role != "government"] == ["national-operators"]


def test_a_capitalised_word_after_a_kazakh_body_opens_a_name_not_a_participle():
    found = role_mentions("жер ресурстарын басқару саласындағы уәкілетті органдар Қоршаған орта мен ресурстар жүйесі")
    assert found[0].subject
    assert not role_mentions("Үкіметі айқындайтын қаржы агенті")[0].subject


@pytest.mark.parametrize(
    "text, role, name",
    [
        # the bodies of every level, from the regions down to the districts
        (
            "Местные исполнительные органы области, города республиканского значения, столицы, района, города "
            "областного значения:",
            "local-executive-bodies-all-levels",
            None,
        ),
        (
            "Облыстың, республикалық маңызы бар қаланың, астананың, ауданның, облыстық маңызы бар қаланың "
            "жергілікті атқарушы органдары:",
            "local-executive-bodies-all-levels",
            None,
        ),
        (
            "Местные исполнительные органы областей, городов республиканского значения и столицы:",
            "local-executive-bodies",
            None,
        ),
        # a body named by what it does in a field
        (
            "Координирующий орган в области маркировки и прослеживаемости товаров:",
            None,
            "Координирующий орган в области маркировки и прослеживаемости товаров",
        ),
        # kk: a plural object before the field is the clause verb's, not the field's
        (
            "Қағидаларды, талаптарды сауда қызметін реттеу саласындағы уәкілетті орган бекітеді.",
            None,
            "сауда қызметін реттеу саласындағы уәкілетті орган",
        ),
        # kk: the words between the field's marker and the noun stay; "A мен олардың B" is one field
        (
            "Тауарларды таңбалау мен олардың қадағалануы саласындағы салалық уәкілетті мемлекеттік органдар:",
            None,
            "Тауарларды таңбалау мен олардың қадағалануы саласындағы салалық уәкілетті мемлекеттік органдар",
        ),
    ],
)
def test_roles_named_by_level_and_function(text, role, name):
    m = first(text)
    assert (m.role, m.name) == (role, name)
