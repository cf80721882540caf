"""Every power a law grants (kgraph.sources.law_powers): lists given to a body, sentences
whose subject or passive agent is a body, in Russian and Kazakh; what is not a power."""

from __future__ import annotations

from kgraph.sources import law
from kgraph.sources.law_powers import operators
from kgraph.sources.law_structure import read_structure
from kgraph.text import normalize


def powers(body: str, fields: dict[str, str] | None = None):
    doc = read_structure(normalize(body).text)
    return [(c.article, c.paragraph, c.item, c.role or c.body) for c in law.competences(doc, fields or {})]


def test_a_list_given_to_a_body_and_sentences_in_other_articles():
    got = powers(
        "Статья 4. Компетенция Правительства\n\nПравительство Республики Казахстан:\n"
        "1) утверждает правила;\n2) исключен Законом РК от 10.07.2012 № 36-V;\n3) осуществляет иные функции.\n\n"
        "Статья 9. Гранты\n\n1. Гранты выдаются фондом.\n\n"
        "2. Порядок выдачи грантов утверждается Правительством Республики Казахстан.\n"
    )
    assert got == [("4", None, "1", "government"), ("4", None, "3", "government"), ("9", "2", None, "government")]


def test_a_kazakh_list_closing_with_a_right_belongs_to_its_subject():
    got = powers(
        "15-бап. Қор\n\n1. Өнеркәсіпті дамыту қоры (бұдан әрі – қор) акционерлік қоғам болып табылады.\n\n"
        "7. Қор:\n   1) сарапшыларды тартуға;\n   2) қаражатты орналастыруға құқылы.\n"
    )
    assert got == [("15", "7", "1", "Өнеркәсіпті дамыту қоры"), ("15", "7", "2", "Өнеркәсіпті дамыту қоры")]


def test_a_lead_in_whose_verb_the_list_completes():
    got = powers(
        "38-бап. Экспорт\n\n1. Шараларды ұсынуды ғылым саласындағы уәкілетті орган мыналар арқылы жүзеге асырады:\n"
        "   1) шығындарды өтеу;\n   2) кредиттеу.\n"
    )
    assert got == [("38", "1", "1", "authorized-body-science"), ("38", "1", "2", "authorized-body-science")]


def test_a_list_of_bodies_grants_no_power():
    # "… басқаруды: 1) Президенті; 2) Үкіметі; … 3) … органдары жүзеге асырады": who takes part, not a power
    got = powers(
        "18-бап. Басқару\n\nҒылыми қызметті басқаруды:\n1) Қазақстан Республикасының Президенті;\n"
        "2) Қазақстан Республикасының Үкіметі;\n3) жергілікті атқарушы органдар жүзеге асырады.\n"
    )
    assert got == []


def test_excluded_and_pending_items_are_no_powers():
    got = powers(
        "Статья 5. Компетенция уполномоченного органа\n\nУполномоченный орган в области науки:\n"
        "1) исключен Законом РК от 10.07.2012 № 36-V;\n"
        "2) вводится в действие с 01.01.2025 Законом РК от 01.07.2024 № 103-VIII;\n3) утверждает правила.\n"
    )
    assert got == [("5", None, "3", "authorized-body-science")]


def test_a_shorter_name_is_the_organisation_its_article_named_in_full():
    got = powers(
        "Статья 1. Основные понятия\n\n1) управляющая компания специальной экономической зоны – юридическое лицо;\n"
        "2) управляющая компания индустриальной зоны – юридическое лицо.\n\n"
        "Статья 17. Земельные участки\n\n1. Управляющая компания специальной экономической зоны рассматривает заявления.\n\n"
        "2. Управляющая компания передает земельные участки. Земельные участки передаются управляющей компанией "
        "соответствующей специальной экономической зоны.\n"
    )
    assert got == [
        ("17", "1", None, "Управляющая компания специальной экономической зоны"),
        ("17", "2", None, "Управляющая компания специальной экономической зоны"),
    ]


def test_a_list_after_an_adverbial_opening_is_its_subjects():
    got = powers(
        "Статья 15. Создание\n\n4. В случае отрицательного заключения экспертного совета уполномоченный орган "
        "в области науки:\n1) возвращает предложение;\n2) вносит проект.\n"
    )
    assert got == [("15", "4", "1", "authorized-body-science"), ("15", "4", "2", "authorized-body-science")]


def test_the_governments_competence_as_a_kazakh_genitive_lead_in():
    got = powers(
        "10-бап. Үкіметтің құзыреті\n\nҚазақстан Республикасы Үкіметінің құзыретіне:\n"
        "1) саясатты әзірлеу;\n2) өзге де функцияларды орындау жатады.\n"
    )
    assert got == [("10", None, "1", "government"), ("10", None, "2", "government")]


def test_no_power_of_a_companys_organs_nor_of_an_organisation_a_private_owner_makes():
    got = powers(
        "Статья 1. Основные понятия\n\n1) управляющая компания особой зоны – юридическое лицо, создаваемое или "
        "определяемое собственником земельного участка особой зоны;\n"
        "2) управляющая компания зоны – юридическое лицо, создаваемое в соответствии с настоящим Законом;\n\n"
        "Статья 5. Компании\n\n1. Управляющая компания особой зоны вправе осуществлять энергоснабжение.\n\n"
        "2. Управляющая компания зоны заключает договоры с участниками.\n\n"
        "3. Решение о ликвидации компании принимается общим собранием участников (акционеров).\n\n"
        "4. Советом директоров управляющей компании принимается решение о заключении трудового договора.\n"
    )
    assert got == [("5", "2", None, "Управляющая компания зоны")]


def test_a_kazakh_list_closing_with_its_ways_is_one_power_per_item():
    # "… субъектілері: 1) …; 2) … жолымен жүзеге асырады" as the Russian "осуществляется … путем: 1) …"
    got = powers(
        "19-бап. Ақпараттық қамтамасыз ету\n\nАқпараттық қамтамасыз етуді жергілікті атқарушы органдар:\n"
        "1) ресурстарды пайдалануды насихаттау;\n2) көрмелерді ұйымдастыруға жәрдемдесу жолымен тұрақты жүзеге асырады.\n"
    )
    assert got == [("19", None, "1", "local-executive-bodies"), ("19", None, "2", "local-executive-bodies")]


def test_a_single_centre_the_law_designates_is_an_operator():
    doc = read_structure(
        normalize(
            "Статья 37. Функции единого координационного центра\n\n"
            "Единый координационный центр:\n1) проводит мониторинг;\n2) оказывает содействие.\n\n"
            "Статья 38. Центр\n\nРегиональный центр:\n1) проводит обучение;\n2) ведет учет.\n"
        ).text
    )
    got = [(o.article, o.functions, o.body) for o in operators(law.competences(doc, {}))]
    assert got == [("37", ("1", "2"), "Единый координационный центр")]


def test_a_short_form_the_law_defines_stands_for_its_full_name():
    got = powers(
        "Статья 1. Основные понятия\n\nВ настоящем Законе используются следующие понятия:\n"
        "1) уполномоченный орган в сфере стандартизации (далее – уполномоченный "
        "орган) – центральный исполнительный орган;\n2) стандарт – документ.\n\n"
        "Статья 9. Компетенция\n\nК компетенции уполномоченного органа относятся:\n"
        "1) формирование политики;\n2) координация.\n\n"
        "Статья 20. Планирование\n\nЦентральный уполномоченный орган по исполнению бюджета:\n"
        "1) ведет учет;\n2) проводит мониторинг.\n"
    )
    assert got == [
        ("9", None, "1", "уполномоченный орган в сфере стандартизации"),
        ("9", None, "2", "уполномоченный орган в сфере стандартизации"),
        ("20", None, "1", "Центральный уполномоченный орган по исполнению бюджета"),
        ("20", None, "2", "Центральный уполномоченный орган по исполнению бюджета"),
    ]


def test_a_kazakh_lead_in_with_a_latin_i_names_its_body():
    # the portal's Latin "i" in "Үкiметi" is the Kazakh "і"
    got = powers(
        "8-бап. Үкіметтің құзыреті\n\nҚазақстан Республикасының Үкiметi:\n1) саясатты әзірлейді;\n2) бекітеді.\n"
    )
    assert got == [("8", None, "1", "government"), ("8", None, "2", "government")]
