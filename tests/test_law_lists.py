"""The lists a law gives to a body (kgraph.sources.law_lists): whose list it is, when one
sentence runs through it, when its items are the bodies themselves or their objects."""

from __future__ import annotations

from kgraph.sources import law_lists
from kgraph.sources.law_structure import read_structure
from kgraph.text import normalize


def lists(text: str):
    return read_structure(normalize(text).text).lists


def test_whoever_the_law_gives_a_competence_owns_the_list():
    # technical experts are no organisation, but the law calls the list their competence
    (lst,) = lists(
        "Статья 13. Технические эксперты\n\n2. К компетенции технических экспертов по стандартизации относятся:\n"
        "1) участие в работе технических комитетов;\n2) выполнение иных функций.\n"
    )
    assert law_lists.list_owner(lst, None, {}) == (None, "технических экспертов по стандартизации")


def test_a_prepositional_opening_is_no_part_of_the_owner():
    (lst,) = lists(
        "Статья 28. Выставка\n\n4. Для достижения цели своей деятельности юридическое лицо, основным предметом "
        "деятельности которого является организация выставки, выполняет следующие функции:\n"
        "1) обеспечивает взаимодействие;\n2) иные функции.\n"
    )
    owner = (None, "юридическое лицо, основным предметом деятельности которого является организация выставки")
    assert law_lists.list_owner(lst, None, {}) == owner


def test_kazakh_objects_of_one_body_closed_by_its_verb_are_its_own_items():
    (lst,) = lists(
        "8-бап. Құзыреті\n\nОблыстың, республикалық маңызы бар қаланың, астананың жергілікті атқарушы органдары:\n"
        "1) бағалардың шекті мәндерін;\n2) бағалардың мөлшерін бекітеді.\n"
    )
    assert not law_lists.runs_through(lst, "kk")
    # conditions before the verb are one sentence («… болған; … жағдайларда теріс қорытынды береді»)
    (cond,) = lists(
        "15-бап. Кеңес\n\n3. Сарапшылық кеңес:\n1) аймақты құру орынсыз болған;\n"
        "2) ұсыныс талаптарға сәйкес келмеген жағдайларда теріс қорытынды береді.\n"
    )
    assert law_lists.runs_through(cond, "kk")


def test_what_bodies_make_up_is_no_power_but_what_they_carry_out_is():
    (structure,) = lists(
        "7-бап. Құрылымы\n\nҰлттық стандарттау жүйесінің құрылымын:\n1) Қазақстан Республикасының Үкіметі;\n"
        "2) уәкілетті орган;\n3) өз құзыреті шегінде мемлекеттік органдар;\n"
        "4) стандарттау жөніндегі техникалық комитеттер;\n5) стандарттау жөніндегі техникалық сарапшылар;\n"
        "6) жеке және заңды тұлғалар құрайды.\n"
    )
    assert law_lists.enumerates_bodies(structure, {})
    (monitoring,) = lists(
        "28-бап. Мониторинг\n\n1. Стандарттау саласындағы мониторингті:\n"
        "1) бекітіп берілген объектілер бойынша стандарттау жөніндегі техникалық комитеттер;\n"
        "2) стандарттау жөніндегі ұлттық орган;\n3) өз құзыреті шегінде мемлекеттік органдар жүзеге асырады.\n"
    )
    assert not law_lists.enumerates_bodies(monitoring, {})


def test_subjects_a_lead_in_verb_waits_for():
    (lst,) = lists(
        "Статья 28. Мониторинг\n\n1. Мониторинг в сфере стандартизации ежегодно осуществляют:\n"
        "1) технические комитеты по стандартизации по закрепленным объектам;\n"
        "2) государственные органы в пределах своей компетенции.\n"
    )
    assert [m.role or m.name for _, m in law_lists.listed_subjects(lst, "ru", {}, {})] == [
        "технические комитеты",
        "state-bodies",
    ]
    (organs,) = lists(
        "Статья 15. Органы\n\n4. Органами управления академии являются:\n1) высший орган – совет;\n"
        "2) исполнительный орган – правление.\n"
    )
    assert law_lists.listed_subjects(organs, "ru", {}, {}) == []
