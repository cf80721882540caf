"""Tests for kgraph.resolve: table-driven cases and accuracy on the golden mentions."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.registry import load
from kgraph.resolve import Resolution, clean, lemma_key, plain_key, resolve, resolve_many

ROOT = Path(__file__).resolve().parents[1]

GOLDEN = ROOT / "tests" / "golden" / "mentions.json"
D2013 = dt.date(2013, 12, 13)
D2015 = dt.date(2015, 6, 1)
D2020 = dt.date(2020, 6, 1)
D2025 = dt.date(2025, 12, 24)

# Each document's own abbreviation note, transcribed from the source (the
# pipeline passes the parsed glossary; these stand in for it).
GLOSSARIES = {
    "kz-gov-decree-2013-1331-ru": {
        "АП": "Администрация Президента Республики Казахстан",
        "МОН": "Министерство образования и науки Республики Казахстан",
        "МФ": "Министерство финансов Республики Казахстан",
        "МНГ": "Министерство нефти и газа Республики Казахстан",
        "МИД": "Министерство иностранных дел Республики Казахстан",
        "МЮ": "Министерство юстиции Республики Казахстан",
        "МИР": "Министерство по инвестициям и развитию Республики Казахстан",
        "МНЭ": "Министерство национальной экономики Республики Казахстан",
        "МЭ": "Министерство энергетики Республики Казахстан",
        "АС": "Агентство Республики Казахстан по статистике",
        "АО «УКСЭЗ «ПИТ»": "акционерное общество «Управляющая компания специальной экономической зоны "
        "«Парк инновационных технологий»",
        "АОО «Назарбаев Университет»": "автономная организация образования «Назарбаев Университет»",
        "АО «KAZNEX INVEST»": "акционерное общество «KAZNEX INVEST»",
        "АО «NADLoC»": "акционерное общество «NADLoC»",
        "НИОКР": "научно-исследовательские и опытно-конструкторские работы",
    },
    "kz-gov-decree-2013-631-kk": {
        "АҚ": "акционерлік қоғам",
        "басқарушы компания": "«Инновациялық технологиялар паркі» арнайы экономикалық аймағының басқарушы "
        "компаниясы» акционерлік қоғамы",
        "ЖШС": "жауапкершілігі шектеулі серіктестік",
        "жұмыс тобы": "«Инновациялық технологиялар паркі» арнайы экономикалық аймағында кластерлерді "
        "дамыту жөніндегі жұмыс тобы",
        "«ИТП» АЭА": "«Инновациялық технологиялар паркі» арнайы экономикалық аймағы",
        "ИЖТМ": "Қазақстан Республикасы Индустрия және жаңа технологиялар министрлігі",
        "«ҚМГИ» АҚ": "«Қазақ мұнай және газ институты» акционерлік қоғамы",
        "«ТДҰА» АҚ": "«Технологиялық даму жөніндегі ұлттық агенттік» акционерлік қоғамы",
        "«KAZNEX INVEST» АҚ": "«KAZNEX INVEST» экспорт және инвестициялар ұлттық агенттігі» акционерлік қоғамы",
    },
    "kz-gov-decree-2025-1134-ru": {
        "АО": "акционерное общество",
        "ААЭ": "Агентство Республики Казахстан по атомной энергии",
        "МНВО": "Министерство науки и высшего образования Республики Казахстан",
        "НО": "научные организации",
        "НИИ": "научно-исследовательский институт",
        "МИО": "местный исполнительный орган",
        "ОВПО": "организации высшего и (или) послевузовского образования",
        "МФ": "Министерство финансов Республики Казахстан",
        "НАН РК": "Национальная академия наук Республики Казахстан при Президенте Республики Казахстан",
        "АРРФР": "Агентство Республики Казахстан по регулированию и развитию финансового рынка",
        'АОО "Назарбаев Университет"': 'автономная организация образования "Назарбаев Университет"',
        'АО "ФНБ "Самрук-Қазына"': 'акционерное общество "Фонд национального благосостояния "Самрук-Қазына"',
        "МНЭ": "Министерство национальной экономики Республики Казахстан",
        "ННС": "научно-технический совет",
        "НБ": "Национальный Банк Республики Казахстан",
        "ИЯФ": 'республиканское государственное предприятие на праве хозяйственного ведения "Институт ядерной физики"',
        "НЯЦ": "республиканское государственное предприятие на праве хозяйственного ведения "
        '"Национальный ядерный центр Республики Казахстан"',
    },
    "kz-law-industrial-innovative-support-kk": {},
    "kz-nas-concept-science-regions-ru": {
        "Академия": "Национальная академия наук Республики Казахстан при Президенте Республики Казахстан",
        "Статбюро": "Бюро национальной статистики Агентства по стратегическому планированию и реформам "
        "Республики Казахстан",
    },
}


@pytest.fixture(scope="module")
def registry():
    return load()


def golden() -> list[dict]:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------
# Table-driven cases, many of them forms that appear in no source


@pytest.mark.parametrize(
    "mention, lang, day, kind, expected",
    [
        # abbreviations, legal forms, quotes, letter-spacing, look-alike letters
        ("МИНТ", "ru", D2013, "body", "mint"),
        ("М И Н Т", "ru", D2013, "body", "mint"),
        ("МИP", "ru", D2015, "body", "mid"),  # Latin P
        ("М H Э", "ru", D2015, "body", "mne"),  # Latin H, letter-spaced
        ('АО "НАТР" (по согласованию)', "ru", D2013, "body", "natd"),
        ("«ТДҰА» АҚ", "kk", D2013, "body", "natd"),
        ("АО “УКСЭЗ “ПИТ”", "ru", D2013, "body", "pit-uk"),
        ("А О О «Назарбаев Университет» (по согласованию)", "ru", D2013, "body", "nu"),
        ('АОО " Назарбаев Университет" (по', "ru", D2025, "body", "nu"),  # flag cut at a page break
        ("«Назарбаев Университеті» ДБҰ", "kk", D2025, "body", "nu"),
        ("KAZNEX INVEST", "ru", D2013, "body", "kaznex-invest"),
        ("MINT", "en", D2013, "body", "mint"),
        ("MID", "en", D2015, "body", "mid"),
        # Russian inflection not in the sources
        ("Министерством индустрии и новых технологий", "ru", D2013, "body", "mint"),
        ("Министерстве промышленности и строительства Республики Казахстан", "ru", D2025, "body", "mps"),
        ("акиматом Туркестанской области", "ru", D2025, "body", "akimat-turkistan-region"),
        ("акимату города Шымкента", "ru", D2025, "body", "akimat-shymkent"),
        ("Агентством по стратегическому планированию и реформам", "ru", D2025, "body", "aspr"),
        ("национальным холдингам и компаниям", "ru", D2013, "group", "national-holdings-and-companies"),
        ("заинтересованными государственными органами", "ru", D2013, "group", "interested-state-bodies"),
        # Kazakh endings not in the sources
        ("ИЖТМ-нің", "kk", D2013, "body", "mint"),
        ("ИЖТМ-мен", "kk", D2013, "body", "mint"),
        ("Қазақстан Республикасы Индустрия және жаңа технологиялар министрлігінің", "kk", D2013, "body", "mint"),
        ("Индустрия және жаңа технологиялар министрлігінен", "kk", D2013, "body", "mint"),
        ("Қазақстан Республикасының Ғылым және жоғары білім министрлігіне", "kk", D2025, "body", "mnvo"),
        ("Қазақстан Республикасының Үкіметімен", "kk", D2013, "body", "government"),
        ("Алматы облысының әкімдігіне", "kk", D2025, "body", "akimat-almaty-region"),
        ("«ТДҰА» АҚ-мен", "kk", D2013, "body", "natd"),
        (
            "технологиялық даму жөніндегі ұлттық операторда",
            "kk",
            D2013,
            "role",
            "national-operator-technological-development",
        ),
        (
            "инвестицияларды тарту жөніндегі ұлттық операторға",
            "kk",
            D2013,
            "role",
            "national-operator-investment-attraction",
        ),
        ("мүдделі мемлекеттік органдарға", "kk", D2013, "group", "interested-state-bodies"),
        ("мүдделi мемлекеттiк органдармен", "kk", D2013, "group", "interested-state-bodies"),  # Latin i
        # roles and groups
        ("уполномоченному органу по государственному планированию", "ru", D2025, "role", "state-planning-body"),
        ("институтам развития", "ru", D2013, "group", "development-institutions"),
        ("орталық және жергілікті атқарушы органдар", "kk", D2013, "group", "central-and-local-executive-bodies"),
    ],
)
def test_resolves_table(registry, mention, lang, day, kind, expected):
    r = resolve(mention, lang, day, registry=registry)
    assert (r.kind, r.id) == (kind, expected), r.reason


@pytest.mark.parametrize(
    "mention, lang, day, glossary, expected",
    [
        # an abbreviation only the document's glossary defines
        ("ДКП", "ru", D2025, {"ДКП": "Министерство финансов Республики Казахстан"}, "mf"),
        # the glossary overrides the registry: МИД as the investment ministry
        ("МИД", "ru", D2015, {"МИД": "Министерство по инвестициям и развитию Республики Казахстан"}, "mid"),
        # a glossary term in another case ("Академией" -> "Академия")
        ("Академией", "ru", D2025, {"Академия": "Национальная академия наук Республики Казахстан"}, "nas"),
        # a Kazakh glossary term with a case ending
        ("басқарушы компаниядан", "kk", D2013, GLOSSARIES["kz-gov-decree-2013-631-kk"], "pit-uk"),
    ],
)
def test_glossary(registry, mention, lang, day, glossary, expected):
    r = resolve(mention, lang, day, glossary, registry=registry)
    assert r.id == expected, r.reason
    assert r.reason.startswith("glossary")


def test_glossary_miss_falls_back_to_registry(registry):
    # ННС's glossary expansion names no registered body; the registry pattern still applies.
    r = resolve("ННС", "ru", D2025, GLOSSARIES["kz-gov-decree-2025-1134-ru"], registry=registry)
    assert (r.kind, r.id) == ("group", "national-scientific-councils")


def test_mid_without_glossary_is_foreign_affairs(registry):
    # Decree 1331's glossary (2015 wording) says МИД = Ministry of Foreign Affairs.
    assert resolve("МИД", "ru", D2015, registry=registry).id == "mfa"
    assert resolve("МИД", "ru", D2020, registry=registry).id == "mfa"


def test_same_institution_in_both_languages_is_one_id(registry):
    ids = {
        resolve(m, lang, D2013, registry=registry).id
        for m, lang in (
            ("МИНТ", "ru"),
            ("ИЖТМ", "kk"),
            ("ИЖТМ-ге", "kk"),
            ("Министерство индустрии и новых технологий Республики Казахстан", "ru"),
            ("Қазақстан Республикасы Индустрия және жаңа технологиялар министрлiгiне", "kk"),
        )
    }
    assert ids == {"mint"}
    assert {resolve(m, "ru", D2013, registry=registry).id for m in ("АО «НАТР»", "«ТДҰА» АҚ")} == {"natd"}


@pytest.mark.parametrize(
    "mention, lang",
    [
        ("Министерство сельского хозяйства Республики Казахстан", "ru"),
        ("Ауыл шаруашылығы министрлігі", "kk"),
        ("ООН", "ru"),
        ("", "ru"),
        ("(по согласованию)", "ru"),
        ("Стэнфордский университет", "ru"),
    ],
)
def test_unresolved(registry, mention, lang):
    r = resolve(mention, lang, D2025, registry=registry)
    assert r.kind == "unresolved" and r.id is None and r.reason


def test_date_picks_the_abbreviation_valid_then(tmp_path):
    # Two bodies sharing an abbreviation in disjoint periods: the date decides.
    (tmp_path / "r.yaml").write_text(
        """
bodies:
  - {id: old, type: Ministry, names: {ru: Старое министерство, kk: Ескі министрлік, en: Old},
     abbr: {ru: [МХ]}, valid_until: 2014-08-06}
  - {id: new, type: Ministry, names: {ru: Новое министерство, kk: Жаңа министрлік, en: New},
     abbr: {ru: [МХ]}, valid_from: 2014-08-06}
""",
        encoding="utf-8",
    )
    reg = load(tmp_path / "r.yaml")
    assert resolve("МХ", "ru", dt.date(2013, 1, 1), registry=reg).id == "old"
    assert resolve("МХ", "ru", dt.date(2020, 1, 1), registry=reg).id == "new"


def test_group_members_follow_the_date(registry):
    g2013 = resolve("акиматы областей, гг. Астаны и Алматы", "ru", D2013, registry=registry)
    g2025 = resolve("акиматы областей, гг. Астаны и Алматы", "ru", D2025, registry=registry)
    assert g2013.kind == "group" and len(g2013.members) == 16
    assert "akimat-south-kazakhstan-region" in g2013.members and "akimat-abai-region" not in g2013.members
    assert "akimat-abai-region" in g2025.members and "akimat-shymkent" in g2025.members


@pytest.mark.parametrize(
    "mention, lang, expected",
    [
        # each akimat of a list, read with the head it shares (the plan reader splits the list)
        ("акиматы Алматинской области", "ru", ("body", "akimat-almaty-region")),
        ("акиматы области Абай", "ru", ("body", "akimat-abai-region")),
        ("акиматы города Алматы", "ru", ("body", "akimat-almaty-city")),
        ("акиматы Шымкента", "ru", ("body", "akimat-shymkent")),  # a city's akimat without "города"
        ("акиматы гг. Нур-Султана", "ru", ("body", "akimat-astana")),
        ("акиматы областей", "ru", ("group", "region-akimats")),
        ("Акимы районов", "ru", ("group", "district-akims")),
        ("Абай облысының әкімдіктері", "kk", ("body", "akimat-abai-region")),
    ],
)
def test_listed_akimats(registry, mention, lang, expected):
    r = resolve(mention, lang, D2025, registry=registry)
    assert (r.kind, r.id) == expected, r.reason


def test_a_list_of_akimats_is_no_group(registry):
    r = resolve("акиматы Алматинской области и области Абай, города Алматы", "ru", D2025, registry=registry)
    assert r.kind != "group"


def test_role_carries_its_holder(registry):
    r = resolve(
        "индустриялық-инновациялық қызметті мемлекеттік қолдау саласындағы уәкілетті органға",
        "kk",
        dt.date(2012, 1, 9),
        registry=registry,
    )
    assert (r.kind, r.id, r.members) == ("role", "authorized-body-industrial-innovation", ("mint",))


@pytest.mark.parametrize(
    "mention, lang",
    [
        ("уполномоченными государственными органами в области охраны окружающей среды", "ru"),
        ("уполномоченный государственный орган в области охраны окружающей среды", "ru"),
        ("қоршаған ортаны қорғау саласындағы уәкілетті мемлекеттік органдар", "kk"),
    ],
)
def test_state_between_authorized_and_body_names_no_other_body(registry, mention, lang):
    assert resolve(mention, lang, D2025, registry=registry).id == "authorized-body-environmental-protection"


def test_fuzzy_reports_its_score(registry):
    r = resolve("Министерство национальной экономкии Республики Казахстан", "ru", D2025, registry=registry)
    assert r.id == "mne" and "fuzzy" in r.reason and r.confidence < 0.9


@pytest.mark.parametrize(
    "mention, lang",
    [
        # all words but the head noun agree with the akimats' name: another body, not a misprint
        ("Маслихаты областей, городов республиканского значения и столицы", "ru"),
        ("маслихатов областей, городов республиканского значения и столицы", "ru"),
    ],
)
def test_fuzzy_matching_keeps_the_head_noun(registry, mention, lang):
    assert resolve(mention, lang, D2025, registry=registry).id != "local-executive-bodies"


@pytest.mark.parametrize(
    "mention, lang",
    [
        # one word turned into another (trade -> foreign trade): another role, not a misprint
        ("уполномоченный орган в области регулирования торговой деятельности", "ru"),
        # a word added ("сыртқы", foreign): another role
        ("сауда қызметін реттеу саласындағы уәкілетті орган", "kk"),
    ],
)
def test_fuzzy_matching_neither_adds_nor_changes_a_word(registry, mention, lang):
    assert resolve(mention, lang, D2025, registry=registry).id != "authorized-body-foreign-trade"


def test_normalisers():
    assert clean("М О Н ,") == "МОН"
    assert clean("министрлiгi") == "министрлігі"
    assert plain_key("АО «НАТР»") == plain_key("«НАТР» АҚ") == "натр"
    assert lemma_key("Министерству по инвестициям и развитию Республики Казахстан") == lemma_key(
        "Министерство по инвестициям и развитию"
    )


def test_resolution_is_frozen():
    r = Resolution("body", "mint", 1.0, "x")
    with pytest.raises(AttributeError):
        r.id = "mid"  # type: ignore[misc]


def test_without_a_date_prefers_what_still_exists(registry):
    r = resolve("Министерство национальной экономики", "ru", None, registry=registry)
    assert (r.id, r.members) == ("mne", ())
    g = resolve("институты развития", "ru", None, registry=registry)
    assert g.kind == "group" and g.members == ()  # members need a date


def test_resolve_many_keeps_order(registry):
    out = resolve_many([("МИНТ", "ru", D2013), ("ИЖТМ-ге", "kk", D2013), ("ООН", "ru", D2013)], registry=registry)
    assert [r.id for r in out] == ["mint", "mint", None]


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60),
    st.sampled_from(["ru", "kk"]),
)
def test_any_text_gives_a_resolution(text, lang):
    r = resolve(text, lang, D2025, {"МИР": "Министерство по инвестициям и развитию"}, registry=load())
    assert r.kind in ("body", "group", "role", "unresolved")
    assert (r.id is None) == (r.kind == "unresolved") and 0.0 <= r.confidence <= 1.0


def test_thousands_of_mentions_are_fast(registry):
    rows = golden()
    resolve("МИНТ", "ru", D2013, registry=registry)  # warm the index and the analyzer
    start = time.perf_counter()
    for _ in range(4):
        for m in rows:
            resolve(m["text"], m["lang"], dt.date.fromisoformat(m["date"]), GLOSSARIES[m["source"]], registry=registry)
    assert time.perf_counter() - start < 10, "resolving ~2,300 mentions took over 10 s"


# --------------------------------------------------------------------------
# Golden accuracy


def test_golden_file_is_well_formed():
    rows = golden()
    assert len(rows) >= 300
    for m in rows:
        assert set(m) >= {"source", "text", "lang", "date", "expected", "kind"}
        assert m["source"] in GLOSSARIES and m["lang"] in ("ru", "kk")
        assert m["kind"] in ("body", "group", "role")
    assert {m["lang"] for m in rows} == {"ru", "kk"}


def test_golden_expected_ids_exist(registry):
    for m in golden():
        getter = {"body": registry.body, "group": registry.group, "role": registry.role}[m["kind"]]
        getter(m["expected"])  # raises KeyError for an unknown id


def test_golden_accuracy(registry):
    rows = golden()
    total, right = Counter(), Counter()
    misses, distinct, distinct_right = [], set(), set()
    for m in rows:
        r = resolve(m["text"], m["lang"], dt.date.fromisoformat(m["date"]), GLOSSARIES[m["source"]], registry=registry)
        ok = (r.kind, r.id) == (m["kind"], m["expected"])
        key = (m["source"], m["text"])
        distinct.add(key)
        total[m["kind"]] += 1
        if ok:
            right[m["kind"]] += 1
            distinct_right.add(key)
        else:
            misses.append((m["source"], m["text"], m["expected"], r.kind, r.id, r.reason))
    for kind in sorted(total):
        print(f"{kind:6} {right[kind]}/{total[kind]} = {right[kind] / total[kind]:.3f}")
    accuracy = sum(right.values()) / len(rows)
    distinct_accuracy = len(distinct_right) / len(distinct)
    print(
        f"all    {sum(right.values())}/{len(rows)} = {accuracy:.3f}; "
        f"distinct texts {len(distinct_right)}/{len(distinct)} = {distinct_accuracy:.3f}"
    )
    for miss in misses:
        print("MISS", *miss, sep=" | ")
    assert accuracy >= 0.98 and distinct_accuracy >= 0.98
