"""Roles a law names (kgraph.sources.law_roles): role nouns with the fields the law gives
them, known or not, in Russian and Kazakh; the case that tells a subject or an agent."""

from __future__ import annotations

import pytest

from kgraph.sources.law_roles import role_mentions


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
        # ... but not over another clause's words
        (
            "ережелерге сәйкес өнеркәсіпті мемлекеттік ынталандыру саласындағы уәкілетті орган бекітеді",
            None,
            "өнеркәсіпті мемлекеттік ынталандыру саласындағы уәкілетті орган",
        ),
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
