"""Russian and Kazakh text rules (kgraph.lang): folding, word forms and the words of acts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgraph import lang
from kgraph.lang import bodies, periods, powers

# --- letters and look-alikes ---------------------------------------------------------


@pytest.mark.parametrize(
    "word, expected",
    [
        ("Үкiметi", "Үкіметі"),  # kk: Latin i in a Kazakh word is the Kazakh letter
        ("бекiтiлсiн", "бекітілсін"),
        ("iс-шара", "іс-шара"),
        ("МHЭ", "МНЭ"),  # ru: Latin H in a Cyrillic abbreviation
        ("Pеспублики", "Республики"),  # ru: Latin P
        ("Министерствo", "Министерство"),  # ru: Latin o
        ("KAZNEX", "KAZNEX"),  # an all-Latin word stays Latin
        ("NADLoC", "NADLoC"),
        ("II", "II"),  # a Roman numeral alone stays Latin
    ],
)
def test_repair_word(word, expected):
    assert lang.repair_word(word) == expected


def test_repair_homoglyphs_keeps_whitespace():
    assert lang.repair_homoglyphs("МИP,  МHЭ\nKAZNEX") == "МИР,  МНЭ\nKAZNEX"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a portal's Kazakh lead line with Latin "i" (the law reader reads its body on the repaired text)
        ("Қазақстан Республикасының Үкiметi:", "Қазақстан Республикасының Үкіметі:"),
        ("8-бап. Қазақстан Республикасы Үкiметiнiң құзыретi", "8-бап. Қазақстан Республикасы Үкіметінің құзыреті"),
        ("Уәкiлеттi орган (бұдан әрi – уәкiлеттi орган)", "Уәкілетті орган (бұдан әрі – уәкілетті орган)"),
    ],
)
def test_repair_homoglyphs_keeps_offsets(text, expected):
    repaired = lang.repair_homoglyphs(text)
    assert repaired == expected and len(repaired) == len(text)


@pytest.mark.parametrize(
    "text, count_i, expected",
    [
        ("Самрук-Қазына", True, True),
        ("Министерство", True, False),
        ("І квартал", True, True),
        ("І квартал", False, False),  # "І" is also the Roman numeral one in Russian text
        ("шаралар қабылдасын", False, True),
        ("бекітілсін", False, False),  # only "і"
    ],
)
def test_has_kazakh(text, count_i, expected):
    assert lang.has_kazakh(text, count_i=count_i) is expected


# --- folds ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Бекiтiлсiн", "бекітілсін"),  # kk: Latin i read as Kazakh і
        ("II квартал", "іі квартал"),  # Roman numerals too: the deadline reader reads "іі"
        ("Ёлка", "елка"),  # ru
        ("ПОСТАНОВЛЯЕТ", "постановляет"),
    ],
)
def test_fold(text, expected):
    assert lang.fold(text) == expected


@given(st.text())
def test_fold_keeps_length(text):
    assert len(lang.fold(text)) == len(text)  # offsets in the folded text are offsets in the text


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Бекiтедi", "бекітеді"),  # kk: Latin i inside a Kazakh word
        ("  «Назарбаев  Университет» ", "назарбаев университет"),
        ("Ёлка – ёж", "елка - еж"),  # ru: ё, an en dash
        ("KAZNEX INVEST", "kaznex invest"),  # Latin words stay Latin
        ("МИP, МHЭ,", "мир, мнэ,"),  # upper-case look-alikes repaired before lower-casing
        ('colspan="3">Срок', "colspan= 3 >срок"),  # a quote separates words: "colspan" stays Latin
    ],
)
def test_fold_words(raw, expected):
    assert lang.fold_words(raw) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Үкiметiне", "укиметине"),  # kk: Latin i, then the Kazakh letters folded
        ("Үкіметіне", "укиметине"),
        ("Қазақстан Республикасы", "казакстан республикасы"),
        ("Министерство по инвестициям", "министерство по инвестициям"),  # ru unchanged but case
        ("Ёлка", "елка"),
    ],
)
def test_fold_search(text, expected):
    assert lang.fold_search(text) == expected


def test_fold_kazakh_maps_every_kazakh_letter_to_a_russian_one():
    folded = lang.fold_kazakh(lang.KK_LETTERS + lang.KK_LETTERS.upper())
    assert folded == "агкноуухи" + "АГКНОУУХИ"
    assert not lang.has_kazakh(folded)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("республикалық индустрияландыру картасын бекітеді", "kk"),
        ("экспортты қолдау жөніндегі отандық институттармен өзара іс-қимыл жасау", "kk"),
        ("Разработка механизма по управлению рисками", "ru"),
        ('Привлечение средств АО "ФНБ "Самрук-Қазына" для финансирования проектов', "ru"),
        ("", "ru"),
    ],
)
def test_detect_lang(text, expected):
    assert lang.detect_lang(text) == expected


# --- Russian lemmas ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "word, lemma",
    [
        ("министерству", "министерство"),
        ("утверждает", "утверждать"),
        ("технологиям", "технология"),
        ("ёлки", "елка"),  # ё as е in the lemma too
        ("KAZNEX", "KAZNEX"),  # no Cyrillic: returned as it is
    ],
)
def test_ru_lemma(word, lemma):
    assert lang.ru_lemma(word) == lemma


def test_one_analyzer_is_shared():
    assert lang.morph() is lang.morph()


@pytest.mark.parametrize(
    "text, code, forms",
    [
        ("утверждает методики оценки эффективности", "ru", ["утверждать", "методика", "оценка", "эффективность"]),
        ("Бағдарламаларды бекітеді", "kk", ["бағдарлам", "бекіт"]),  # the stem, not a word
    ],
)
def test_base_forms(text, code, forms):
    assert lang.base_forms(text, code) == forms


# --- Kazakh endings --------------------------------------------------------------------


@pytest.mark.parametrize(
    "forms",
    [
        ("бекітеді", "бекіту", "бекітуді", "бекітілген"),
        ("әзірлейді", "әзірлеу", "әзірлеуге"),
        ("бағдарламаларды", "бағдарламалар", "бағдарлама"),
        ("картасын", "картасы", "карта"),
        ("тауарлардың", "тауарлар", "тауар"),
        ("мемлекеттің", "мемлекетке", "мемлекет"),
    ],
)
def test_kk_stem_merges_inflected_forms(forms):
    assert len({lang.kk_stem(f) for f in forms}) == 1


@pytest.mark.parametrize(
    "a, b",
    [
        ("салалық", "саласындағы"),  # sectoral vs in the field: derivation is kept
        ("салу", "сала"),  # to build vs field
        ("мемлекеттік", "мемлекет"),
    ],
)
def test_kk_stem_keeps_derivation(a, b):
    assert lang.kk_stem(a) != lang.kk_stem(b)


@pytest.mark.parametrize(
    "forms",
    [
        ("орталығын", "орталығы", "орталық"),  # the voicing an ending caused is undone
        ("министрлігіне", "министрлігі", "министрлік"),
        ("жиынтығы", "жиынтық"),
    ],
)
def test_kk_compare_stem_merges_voiced_forms(forms):
    assert len({lang.kk_compare_stem(f) for f in forms}) == 1
    assert lang.compare_forms(" ".join(forms), "kk") == [lang.kk_compare_stem(f) for f in forms]


@pytest.mark.parametrize(
    "stem, base",
    [
        ("әлемдік", "әлем"),  # world-wide <- world
        ("болжамтану", "болжам"),  # forecasting (the field) <- forecast
        ("жүргізуші", "жүргізу"),  # driver <- to drive
        ("мемлекеттік", "мемлекет"),
    ],
)
def test_kk_derivation_bases(stem, base):
    assert base in lang.kk_derivation_bases(stem)
    assert lang.kk_derivation_bases("ашу") == []  # nothing left of three letters


@pytest.mark.parametrize(
    "lemma, noun, preposition",
    [("перечень", True, False), ("научный", False, False), ("утверждать", False, False), ("об", False, True)],
)
def test_ru_noun_and_preposition(lemma, noun, preposition):
    assert lang.ru_noun(lemma) is noun and lang.ru_preposition(lemma) is preposition


@pytest.mark.parametrize(
    "word, stem",
    [
        ("министрлигине", "министрлиг"),  # folded "министрлігіне"
        ("укиметине", "укимет"),
        ("агенттигинин", "агент"),
        ("акты", "акт"),  # a Russian word loses a one-letter ending too: search matches by prefix
    ],
)
def test_kk_stem_folded(word, stem):
    assert lang.kk_stem_folded(word) == stem


@pytest.mark.parametrize(
    "word, form",
    [
        ("министрлігіне", ("министрлік", "-не-і")),  # dative after the possessive, voicing undone
        ("агенттігінің", ("агенттік", "-нің-і")),
        ("комитетіне", ("комитет", "-не-і")),
        ("ИЖТМ-ге", ("ИЖТМ", "-ге")),  # an ending after an abbreviation
        ("Үкіметі", ("Үкімет", "-і")),
    ],
)
def test_kk_head_forms(word, form):
    assert form in lang.kk_head_forms(word)
    assert (word, "") not in lang.kk_head_forms(word)


@pytest.mark.parametrize(
    "word, bare",
    [
        ("министрлігі", ("министрлік", "і")),
        ("комитеті", ("комитет", "і")),
        ("бағдарламасы", ("бағдарлама", "сы")),
    ],
)
def test_kk_without_possessive(word, bare):
    assert lang.kk_without_possessive(word)[0] == bare


def test_kazakh_endings_are_listed_once_and_longest_first():
    endings = lang.KK_CASE_ENDINGS
    assert len(endings) == len(set(endings))
    assert [len(e) for e in endings] == sorted((len(e) for e in endings), reverse=True)
    assert all(not lang.has_kazakh(e) for e in lang.KK_FOLDED_ENDINGS)


# --- months ------------------------------------------------------------------------------


# Kazakh locative and dative forms of each month, as printed ("2013 жылғы желтоқсанда", "шілдеге дейін").
KK_MONTH_FORMS = (
    ("қаңтарда", "қаңтарға"),
    ("ақпанда", "ақпанға"),
    ("наурызда", "наурызға"),
    ("сәуірде", "сәуірге"),
    ("мамырда", "мамырға"),
    ("маусымда", "маусымға"),
    ("шілдеде", "шілдеге"),
    ("тамызда", "тамызға"),
    ("қыркүйекте", "қыркүйекке"),
    ("қазанда", "қазанға"),
    ("қарашада", "қарашаға"),
    ("желтоқсанда", "желтоқсанға"),
)


def _month_table():
    for n, (ru, kk, kk_forms) in enumerate(zip(lang.MONTHS_RU, lang.MONTHS_KK, KK_MONTH_FORMS, strict=True), 1):
        stem = ru.rstrip("ьй")
        if n == 5:
            ru_forms = {"май", "мая", "мае", "маю", "маем"}
        elif ru.endswith("ь"):  # январь, января, январе, январю, январем
            ru_forms = {ru, stem + "я", stem + "е", stem + "ю", stem + "ем"}
        else:  # март, марта, марте, марту, мартом
            ru_forms = {ru, stem + "а", stem + "е", stem + "у", stem + "ом"}
        for form in ru_forms | {ru.capitalize(), ru.upper()}:
            yield form, n
        for form in (kk, kk.capitalize(), *kk_forms):
            yield form, n


@pytest.mark.parametrize("word, number", list(_month_table()))
def test_month_number_in_every_case_form(word, number):
    assert lang.month_number(word) == number


@pytest.mark.parametrize(
    "word, number",
    [
        ("желтоқсандағы", 12),
        ("шілдеге", 7),
        ("сәуiр", 4),  # kk with a Latin i
        ("маусымдағы", 6),  # June, not May
        ("мамыр", 5),
        ("маяк", None),  # starts like May, is not a month
        ("масло", None),
        ("2013", None),
    ],
)
def test_month_number_edge_cases(word, number):
    assert lang.month_number(word) == number


def test_kazakh_month_pattern_names_every_month():
    assert all(re.fullmatch(lang.MONTHS_KK_PATTERN, m) for m in lang.MONTHS_KK)


# --- structural units -----------------------------------------------------------------


@pytest.mark.parametrize(
    "unit, number, code, label",
    [
        ("article", "5", "ru", "Статья 5"),
        ("article", "5", "kk", "5-бап"),
        ("chapter", "2", "ru", "Глава 2"),
        ("chapter", "2", "kk", "2-тарау"),
        ("paragraph", "3", "ru", "Пункт 3"),
        ("paragraph", "3", "kk", "3-тармақ"),
        ("section", "1", "kk", "1-бөлім"),
        ("annex", "1", "kk", "1-қосымша"),
    ],
)
def test_unit_label(unit, number, code, label):
    assert lang.UNITS[unit].label(number, code) == label


@pytest.mark.parametrize(
    "unit, code, matches, not_matches",
    [
        ("article", "ru", ["статья", "статьи", "статьей", "Статья"], ["статус"]),
        ("article", "kk", ["бап", "бабы", "бабының", "бапқа", "Бап"], ["баға"]),
        ("chapter", "kk", ["тарау", "тарауы"], ["тарату"]),
        ("paragraph", "ru", ["пункт", "пункта", "Пунктом"], ["подпункт"]),
        ("paragraph", "kk", ["тармақ", "тармағы", "тармаққа", "тармағымен"], ["тармақша", "тармақшасы"]),
        ("subparagraph", "kk", ["тармақша", "тармақшасы"], ["тармақ"]),
        ("part", "ru", ["часть", "части"], ["чай"]),
        ("part", "kk", ["бөлік", "бөлігі"], ["бөлім"]),
        ("section", "kk", ["бөлім", "бөлімі"], ["бөлік"]),
        ("annex", "ru", ["приложение", "Приложения"], ["применение"]),
        ("annex", "kk", ["қосымша", "қосымшасы"], ["қосу"]),
    ],
)
def test_unit_forms(unit, code, matches, not_matches):
    pattern = re.compile(lang.UNITS[unit].forms(code))
    assert all(pattern.fullmatch(w) for w in matches)
    assert not any(pattern.fullmatch(w) for w in not_matches)


@pytest.mark.parametrize(
    "unit, code, line, number",
    [
        ("article", "ru", "Статья 11. Компетенция", "11"),
        ("article", "ru", "СТАТЬЯ 11. Компетенция", "11"),
        ("article", "ru", "статья 11. компетенция", None),  # a wrapped line, not a heading
        ("article", "kk", "11-бап. Құзыреті", "11"),
        ("chapter", "kk", "1-ТАРАУ. ЖАЛПЫ ЕРЕЖЕЛЕР", "1"),
    ],
)
def test_unit_heading(unit, code, line, number):
    u = lang.UNITS[unit]
    pattern = rf"(\d+)-{u.heading('kk')}\." if code == "kk" else rf"{u.heading('ru')}\s+(\d+)\."
    m = re.match(pattern, line)
    assert (m.group(1) if m else None) == number


# --- footnotes, excluded items, the by-agreement flag -----------------------------------


@pytest.mark.parametrize(
    "text, body",
    [
        (
            "Сноска. Пункт 2 с изменением, внесенным постановлением Правительства РК от 28.09.2015 № 795.\n3. Текст",
            "Пункт 2 с изменением, внесенным постановлением Правительства РК от 28.09.2015 № 795",
        ),
        (
            "Ескерту. 1-тармақ жаңа редакцияда - ҚР Үкіметінің 28.09.2015 № 795 қаулысымен.\n\n2. Мәтін",
            "1-тармақ жаңа редакцияда - ҚР Үкіметінің 28.09.2015 № 795 қаулысымен",
        ),
        # a footnote without a closing full stop ends at a blank line or at the next numbered clause
        ("Сноска. Пункт 3 в редакции постановления\n\nдалее", "Пункт 3 в редакции постановления"),
        ("Ескерту. 2-тармаққа өзгеріс енгізілді\n3) мәтін", "2-тармаққа өзгеріс енгізілді"),
        ("Примечание. Не сноска.", None),
    ],
)
def test_footnote(text, body):
    m = lang.FOOTNOTE.search(text)
    assert (m.group("body") if m else None) == body


@pytest.mark.parametrize(
    "line, expected",
    [
        ("   Сноска. Пункт 2", True),
        ("Ескерту. 1-тармақ", True),
        ("С носка. В План мероприятий", True),  # the word split by a stray space
        ("Сноска пункта", False),
        ("Текст. Сноска.", False),
    ],
)
def test_footnote_line(line, expected):
    assert bool(lang.FOOTNOTE_LINE.match(line)) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("комитет ветерина\nрии", "комитет ветеринарии"),  # neither piece a word, together one
        ("районов и сельских\nокругов", "районов и сельских\nокругов"),  # two words
        ("сельхоз\nпредприятий", "сельхоз\nпредприятий"),  # the second is a word
        ("Қазақстан\nРеспубликасы", "Қазақстан\nРеспубликасы"),  # not Russian letters only
    ],
)
def test_ru_join_broken(text, expected):
    assert lang.ru_join_broken(text) == expected


@pytest.mark.parametrize(
    "text, body",
    [
        ("Новая редакция - постановлением Правительства РК от 23 октября 2002 г. N 1145.", "Новая редакция"),
        ("Внесены изменения - постановлением Правительства РК от 27 января 2003 г. N 92 .", "Внесены изменения"),
        ("Изменения внесены постановлением от 1.02.2010 № 3", "Изменения внесены"),
        ("Жаңа редакцияда - ҚР Үкіметінің 2002.10.23. N 1145 қаулысымен.", "Жаңа редакцияда"),
        ("Өзгерістер енгізілді - ҚР Үкіметінің 2003.01.27. N 92 қаулысымен.", "Өзгерістер енгізілді"),
        ("1. Внесены изменения", None),
        ("Сноска. Пункт 2 изменен", None),
        ("Текст пункта. Новая редакция", None),
    ],
)
def test_footnote_more(text, body):
    m = lang.FOOTNOTE_MORE.match(text)
    assert (m.group("body").startswith(body) if m else None) == (body and True)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("исключен", True),
        ("исключена", True),
        ("Исключено законом РК от 05.07.2024", True),
        ("исключены", True),
        ("алып тасталды", True),
        ("Алып  тасталды - ҚР 2024.07.05 Заңымен", True),
        ("тасталды", False),
        ("за исключением случаев", False),
    ],
)
def test_excluded_item(text, expected):
    assert bool(lang.EXCLUDED_ITEM.match(text)) is expected


@pytest.mark.parametrize(
    "text, whole, cut",
    [
        ("МИР (по согласованию)", True, False),
        ("НАН РК (келісім бойынша)", True, False),
        ("СЖРА (келісу бойынша)", True, False),
        ("АОО «Назарбаев Университет» (по", False, True),
        ("Министерство финансов", False, False),
    ],
)
def test_by_agreement(text, whole, cut):
    assert bool(lang.BY_AGREEMENT.search(text)) is whole
    assert bool(lang.BY_AGREEMENT_CUT.search(text)) is cut


@pytest.mark.parametrize("cell", ["(по", "согласованию)", "(келісім", "бойынша)"])
def test_by_agreement_part(cell):
    assert lang.BY_AGREEMENT_PART.match(cell)


@pytest.mark.parametrize(
    "word, stem",
    [
        ("субсидирование", "субсидиро"),  # ru: 60 % of the word
        ("мера", "мера"),  # never shorter than 4 letters
        ("Қаржыландыру", "қаржылан"),  # kk, lower-cased
    ],
)
def test_prefix_stem(word, stem):
    assert lang.prefix_stem(word) == stem


@pytest.mark.parametrize(
    "endings, word, matches",
    [
        (lang.KK_DATIVE, "министрлікке", True),
        (lang.KK_DATIVE, "министрлігіне", False),  # after a possessive the dative is "-не"
        (lang.KK_DATIVE_AFTER_POSSESSIVE, "министрлігіне", True),
        (lang.KK_PARTICIPLE, "айқындайтын", True),
        (lang.KK_PARTICIPLE, "айқындайды", False),
    ],
)
def test_alternation_of_endings(endings, word, matches):
    assert bool(re.search(rf"(?:{lang.alternation(endings)})$", word)) is matches


# --- one home -----------------------------------------------------------------------------

_SRC = Path(lang.__file__).parents[1]


@pytest.mark.parametrize(
    "marker",
    [
        "MorphAnalyzer(",  # one Russian analyzer
        "str.maketrans(",  # letter tables (look-alikes, Kazakh folding)
        '"ның"',  # Kazakh ending lists
        "(?:Сноска|Ескерту)",  # footnote words
        "қаңтар",  # month names
    ],
)
def test_language_rules_live_only_in_lang(marker):
    outside = [
        p.relative_to(_SRC).as_posix()
        for p in _SRC.rglob("*.py")
        if "lang" not in p.relative_to(_SRC).parts and marker in p.read_text(encoding="utf-8")
    ]
    assert outside == []


# --- words of periods and of lists of bodies -----------------------------------------------------


@pytest.mark.parametrize(
    "pattern, word, matches",
    [
        (periods.QUARTER_WORD, "кварталы", True),
        (periods.QUARTER_WORD, "тоқсандар", True),
        (periods.QUARTER_WORD, "кв", True),
        (periods.HALF_WORD, "полугодие", True),
        (periods.HALF_WORD, "жартыжылдық", True),
        (periods.QUARTER_WORD, "квота", False),
        (periods.DAY_OF_MONTH, "числа", True),
        (bodies.SHARED_HEAD_RU, "акиматы", True),
        (bodies.SHARED_HEAD_RU, "руководители", True),
        (bodies.SHARED_HEAD_RU, "министерство", False),
        (bodies.SHARED_HEAD_KK, "әкімдіктері", True),
        (bodies.KK_PLURAL_HEAD, "әкімдерімен", True),
        (bodies.KK_PLURAL_HEAD, "басқармасы", False),
        (bodies.ADMIN_UNIT, "областей", True),
        (bodies.ADMIN_UNIT, "гг", True),
        (bodies.BODY_NOUN_KK, "министрлігі", True),
        (bodies.BODY_NOUN_RU, "облуправление", True),
    ],
)
def test_period_and_body_words(pattern, word, matches):
    assert bool(pattern.search(lang.fold(word))) is matches


@pytest.mark.parametrize(
    "text, kind",
    [
        ("ежеквартально", "quarterly"),
        ("тоқсан сайын", "quarterly"),
        ("әр жыл сайын", "annual"),
        ("раз в полугодие", "semiannual"),
    ],
)
def test_recurrence_words(text, kind):
    assert next(k for p, k in periods.RECURRENCE_WORDS if p.search(text)) == kind


@pytest.mark.parametrize(
    "text, collective",
    [
        ("акиматы областей, городов республиканского значения и столицы", True),
        ("облыстар, республикалық маңызы бар қалалар мен астана әкімдіктері", True),
        ("акиматы областей, гг. Нур-Султана, Шымкента и Алматы", False),
    ],
)
def test_collective_formula(text, collective):
    assert bool(bodies.COLLECTIVE.search(lang.fold(text))) is collective


@pytest.mark.parametrize(
    "text, expected",
    [
        ("вводится в действие с 01.01.2025 в соответствии с постановлением Правительства РК от 16.08.2024 № 662", True),
        ("01.01.2025 бастап қолданысқа енгізіледі - ҚР Үкіметінің 16.08.2024 № 662 қаулысымен", True),
        ("разработка правил, вводимых в действие приказом", False),
    ],
)
def test_pending_item(text, expected):
    assert bool(lang.PENDING_ITEM.match(text)) is expected


# --- the powers of a body (lang.powers) -----------------------------------------------------


@pytest.mark.parametrize(
    "lead, under_powers, group",
    [
        ("Задачи:", False, "tasks"),
        ("Полномочия:", False, "powers"),
        ("1) права:", True, "rights"),
        ("2) обязанности:", True, "duties"),
        ("Функции:", False, "functions"),
        ("Міндеттері:", False, "tasks"),
        ("2) міндеттері:", True, "duties"),
        ("1) құқықтары:", True, "rights"),
        ("Өкілеттіктер:", False, "powers"),
        ("Функциялар:", False, "functions"),
        (
            "Министерство в соответствии с возложенными на него задачами осуществляет следующие функции:",
            False,
            "functions",
        ),
        ("Права и обязанности:", False, "other"),
        ("функции ведомств:", True, "functions-departments"),
        ("Функции Комитета:", False, "functions"),  # a committee's own regulation
        ("ведомстволардың функциялары:", True, "functions-departments"),
        ("Полномочия первого руководителя Министерства:", False, None),
        ("Министрліктің бірінші басшысының өкілеттіктері:", False, None),
        ("Министерство науки и высшего образования Республики Казахстан имеет ведомства:", False, None),
    ],
)
def test_power_groups_by_their_lead_in(lead, under_powers, group):
    assert powers.power_group(lead, under_powers) == group


@pytest.mark.parametrize(
    "text, residual",
    [
        ("осуществление иных функций, предусмотренных законами Республики Казахстан", True),
        ("осуществляет иные полномочия, предусмотренные законодательными актами", True),
        ("осуществление иных задач, возложенных на Министерство, в пределах своей компетенции", True),
        ("өз құзыретi шегiнде Министрлікке жүктелген өзге де мiндеттердi жүзеге асыру", True),
        # an operator's «other kinds of activity not prohibited by law»
        ("осуществляет иные виды деятельности, не запрещенные законодательством Республики Казахстан", True),
        ("Қазақстан Республикасының заңнамасында тыйым салынбаған өзге де қызмет түрлерін жүзеге асырады", True),
        ("координация деятельности иных государственных органов и организаций", False),
        ("жеке кәсіпкерлік субъектілерінің бірлестіктерін және өзге де коммерциялық емес ұйымдарды аккредиттеу", False),
    ],
)
def test_the_catch_all_power(text, residual):
    assert powers.is_residual(text) is residual


@pytest.mark.parametrize(
    "word, possessed",
    [
        ("төралқа", "төралқасы"),
        ("кеңес", "кеңесі"),
        ("басқарма", "басқармасы"),
        ("орталық", "орталығы"),
        ("қор", "қоры"),
    ],
)
def test_kk_possessed(word, possessed):
    assert lang.kk_possessed(word) == possessed


@pytest.mark.parametrize(
    "word, bare",
    [
        ("сауда", True),  # ends like a locative, takes a noun's endings ("сауданы")
        ("қызмет", True),  # "қызметін" is its object form, not a participle in "-етін"
        ("салада", False),  # a true locative
        ("мерзімде", False),
        ("жоқсөз", False),  # unknown words: no
    ],
)
def test_kk_bare(word, bare):
    assert lang.kk_bare(word) is bare


@pytest.mark.parametrize(
    "pattern, text, matches",
    [
        (powers.CORPORATE_ORGAN, "советом директоров управляющей компании", True),
        (powers.CORPORATE_ORGAN, "общим собранием участников (акционеров)", True),
        (powers.CORPORATE_ORGAN, "қатысушылардың (акционерлердің) жалпы жиналысы", True),
        (powers.CORPORATE_ORGAN, "басқарушы компанияның бірінші құрылтай жиналысы", True),
        (powers.CORPORATE_ORGAN, "общее собрание академиков", False),  # an academy's, no company's
        (powers.CORPORATE_ORGAN, "попечительский совет", False),
        (powers.PRIVATE_MAKER, "юридическое лицо, создаваемое или определяемое собственником земельного участка", True),
        (powers.PRIVATE_MAKER, "юридическое лицо, создаваемое в соответствии с настоящим Законом", False),
        (powers.PRIVATE_MAKER, "жер учаскесінің меншік иесі құратын немесе айқындайтын заңды тұлға", True),
        (powers.STATUS_GAIN, "приобретает статус индустриальной зоны", True),
        (powers.STATUS_GAIN, "басқарушы компаниясы мәртебесіне ие болады", True),
        (powers.STATUS_GAIN, "шарттар мәртебесін алады", True),
        (powers.STATUS_GAIN, "утверждает положение о статусе", False),
        (powers.PRIVATE_PARTY, "юридическими лицами, заинтересованными", True),
        (powers.PRIVATE_PARTY, "заңды тұлғалар", True),
        (powers.PRIVATE_PARTY, "уполномоченным органом", False),
        (lang.RU_NOMINAL_OPENING, "В случае учреждения управляющей компании ", True),
        (lang.RU_NOMINAL_OPENING, "После вынесения решения ", True),
        (lang.RU_NOMINAL_OPENING, "В течение десяти дней ", False),
        (lang.RU_VERBAL_NOUN, "принятия", True),
        (lang.RU_VERBAL_NOUN, "исполнению", False),  # "подлежат исполнению X-ом": a duty of X
    ],
)
def test_words_of_who_is_not_empowered(pattern, text, matches):
    assert bool(pattern.search(text)) is matches


@pytest.mark.parametrize("word, adverb", [("ежегодно", True), ("регулярно", True), ("органом", False), ("для", False)])
def test_ru_adverb(word, adverb):
    assert lang.ru_adverb(word) is adverb


@pytest.mark.parametrize(
    "word, passive",
    [("белгіленеді", True), ("жоспарланады", True), ("айқындалады", True), ("ұсынады", False), ("бекітеді", False)],
)
def test_kazakh_passive_predicates(word, passive):
    assert lang.predicates(word, "kk")[0].passive is passive


@pytest.mark.parametrize(
    "definition, kazakh, private",
    [
        ("физическое или юридическое лицо, осуществляющее турагентскую деятельность", False, True),
        ("юридическое лицо или индивидуальный предприниматель, оказывающие услуги", False, True),
        ("субъект частного предпринимательства, осуществляющий деятельность", False, True),
        ("юридическое лицо, определяемое Правительством Республики Казахстан", False, False),
        ("государственный орган, осуществляющий руководство", False, False),
        ("турагенттік қызметті жүзеге асыратын жеке немесе заңды тұлға", True, True),
        ("қызмет көрсететін дара кәсіпкер", True, True),
        ("Қазақстан Республикасының Үкіметі айқындайтын заңды тұлға", True, False),
    ],
)
def test_a_definition_of_a_private_person_doing_business(definition, kazakh, private):
    assert powers.private_person(definition, kazakh) is private
