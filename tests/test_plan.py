"""Plans (kgraph.sources.plan): golden scores on the three sources, synthetic
plans in other layouts, party splitting, glossary, indicators, RDF and the
"who is responsible for what" query."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

import fuzz_support
from kgraph import evaluate
from kgraph.records import DocumentMeta, GlossaryEntry, Indicator
from kgraph.sources import metadata, plan
from kgraph.sources.plan_table import Piece, find_tables
from kgraph.text import normalize

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
D = dt.date

TASK_COUNTS = {"kz-gov-decree-2013-1331-ru": 60, "kz-gov-decree-2025-1134-ru": 25, "kz-gov-decree-2013-631-kk": 20}
# The corpus plans (the portal mirrors' Markdown, catalogued as folders; goldens by the corpus helpers).
CORPUS = {
    "kz-gov-decree-2019-419-ru": 18,
    "kz-gov-decree-2019-419-kk": 17,  # a later redaction: one task fewer
    "kz-gov-decree-2022-482-ru": 45,
    "kz-gov-decree-2021-991-ru": 26,
    "kz-gov-decree-2021-991-kk": 26,
    "kz-akimat-almaty-region-1997-6-194-ru": 23,  # sections I-IV, numbering restarting in each
    "kz-akimat-almaty-region-1997-6-194-kk": 23,
    # held out until first contact: the header and rows span different columns (the mirror's HTML)
    "kz-gov-decree-2025-934-ru": 44,
    "kz-gov-decree-2025-934-kk": 44,
    # akims' plans added after issue 16 (reports/plans-firstcontact.md): officials named by surname and
    # initials, «акимы районов и городов», unnumbered sections with restarting numbers, a wrapped header
    "kz-akimat-almaty-region-1997-5-150-ru": 10,
    "kz-akimat-almaty-region-1997-5-150-kk": 10,
    "kz-akimat-almaty-region-1998-2-58-ru": 12,
    # held out until first contact (tests/golden/firstcontact.md: party 0.778 / 0.225 / 0.000): a task
    # whose stages carry their own deadlines under one number, a last row without a number, dates in
    # figures («До 01.07.98», «01.07.98-ге дейін»); kk shared plural heads («… Мемсанэпидбақылау
    # басқармалары»); a header cell's second line («№№ / пп»), ditto marks, conditions and qualifiers
    # in the executors column («После выхода Постан. Прав.РК.», «по решению акима»)
    "kz-akimat-almaty-region-1998-7-223-ru": 29,
    "kz-akimat-almaty-region-1998-7-223-kk": 28,
    "kz-akimat-almaty-region-1997-3-86-ru": 19,
}
PLAN_KINDS = ("task", "party", "section", "indicator", "glossary")


# --- helpers ---------------------------------------------------------------------------------


def _entry(source_id: str) -> dict:
    docs = yaml.safe_load((ROOT / "data" / "catalog.yaml").read_text(encoding="utf-8"))["documents"]
    return next(d for d in docs if d["id"] == source_id)


def _document(source_id: str):
    entry = _entry(source_id)
    raw = (ROOT / "data" / "sources" / entry["file"]).read_text(encoding="utf-8")
    norm = normalize(raw)
    meta = metadata.extract(norm.text, fallback_kind="other")
    meta = dataclasses.replace(meta, date=meta.date or entry.get("date"), number=meta.number or entry.get("number"))
    return entry, raw, norm, meta


_CACHE: dict[str, list] = {}


def records(source_id: str) -> list:
    if source_id not in _CACHE:
        _, _, norm, meta = _document(source_id)
        _CACHE[source_id] = plan.parse(norm.text, meta)
    return _CACHE[source_id]


def scores(source_id: str) -> dict[str, evaluate.Score]:
    """Scores of the plan reader against the golden file (its plan part, when the source has
    others: the sections of decree 1134's concept are not the plan's)."""
    part = evaluate.settings.GOLDEN_DIR / f"{source_id}.plan.json"
    golden = evaluate.load_golden(f"{source_id}.plan") if part.exists() else evaluate.load_golden(source_id)
    gold = {k: v for k, v in golden.items() if k in PLAN_KINDS}
    return evaluate.score(gold, evaluate.as_golden(records(source_id)))


def parse_fixture(name: str, approved: dt.date) -> list:
    text = normalize((FIXTURES / name).read_text(encoding="utf-8")).text
    return plan.parse(text, DocumentMeta("decree", None, approved, "1", None, (0, 0)))


def tasks_of(recs) -> dict[int, plan.Task]:
    return {r.number: r for r in recs if isinstance(r, plan.Task)}


# --- golden scores --------------------------------------------------------------------------


@pytest.mark.parametrize("source_id, count", TASK_COUNTS.items())
def test_task_count_exact(source_id, count):
    s = scores(source_id)["task"]
    assert (s.expected, s.extracted, s.tp) == (count, count, count), s.misses + s.extras


@pytest.mark.parametrize("source_id", TASK_COUNTS)
def test_responsible_party_f1(source_id):
    s = scores(source_id)["party"]  # boundaries, by-agreement flag and position (0 = lead) all count
    assert s.f1 >= 0.97, (s.misses[:10], s.extras[:10])


@pytest.mark.parametrize("source_id", TASK_COUNTS)
def test_deadline_intervals(source_id):
    s = scores(source_id)["task"]
    assert s.field_accuracy("deadline_start") >= 0.95
    assert s.field_accuracy("deadline_end") >= 0.95
    assert s.field_accuracy("recurrence") >= 0.95


@pytest.mark.parametrize("source_id", TASK_COUNTS)
def test_task_fields(source_id):
    s = scores(source_id)["task"]
    for name in ("completion_form", "funding_source", "funding_amount", "section", "deadline_text"):
        assert s.field_accuracy(name) >= 0.95, name
    assert s.field_accuracy("text") >= 0.9


def test_indicator_values_exact():
    s = scores("kz-gov-decree-2025-1134-ru")["indicator"]
    assert (s.expected, s.tp, s.extracted) == (6, 6, 6)
    assert s.field_accuracy("values") == 1.0
    assert s.field_accuracy("unit") == 1.0
    assert s.field_accuracy("name") == 1.0


@pytest.mark.parametrize("source_id", TASK_COUNTS)
def test_glossary_exact(source_id):
    s = scores(source_id)["glossary"]
    assert s.f1 == 1.0, (s.misses, s.extras)


@pytest.mark.parametrize("source_id", ["kz-gov-decree-2025-1134-ru", "kz-gov-decree-2013-631-kk"])
def test_sections_exact(source_id):
    s = scores(source_id)["section"]
    assert s.f1 == 1.0 and s.field_accuracy("title") == 1.0


@pytest.mark.parametrize("source_id", TASK_COUNTS)
def test_task_spans_point_at_the_row(source_id):
    _, _, norm, _ = _document(source_id)
    for task in tasks_of(records(source_id)).values():
        start, end = task.span
        row = " ".join(norm.text[start:end].split())
        assert task.text.split()[0] in row
        for party in task.parties:
            assert party.text.split()[0].strip('«"') in norm.text[party.span[0] : party.span[1]]
        norm.source_span(start, end)  # maps back to the raw text


def test_plan_title_and_period():
    info = next(r for r in records("kz-gov-decree-2025-1134-ru") if isinstance(r, plan.PlanInfo))
    assert info.title.startswith("План действий по реализации Концепции")
    assert (info.period_start, info.period_end) == (D(2026, 1, 1), D(2035, 12, 31))


def test_akimat_lists_1134():
    """Every akimat of a list its own party, in the order written, the first keeping the head."""
    t = tasks_of(records("kz-gov-decree-2025-1134-ru"))
    assert [(p.text, p.head) for p in t[17].parties[4:]] == [
        ("акиматы Алматинской области", None),
        ("области Абай", "акиматы"),
        ("города Алматы", "акиматы"),
    ]
    assert [(p.text, p.head) for p in t[12].parties[4:]] == [
        ("акиматы Алматинской области", None),
        ("города Алматы", "акиматы"),
    ]
    assert [(p.text, p.head) for p in t[25].parties[:2]] == [
        ("акиматы Алматинской области", None),
        ("акимат области Абай", None),
    ]


@functools.cache
def corpus_scores(source_id: str) -> dict[str, evaluate.Score]:
    return evaluate.score(evaluate.load_golden(source_id), evaluate.extract(source_id))


@pytest.mark.parametrize("source_id, count", CORPUS.items())
def test_corpus_plans_meet_the_targets(source_id, count):
    """Issue 16: exact task count, party F1 >= 0.97 (boundaries, lead, by agreement), deadline accuracy >= 0.95."""
    s = corpus_scores(source_id)
    assert (s["task"].expected, s["task"].extracted, s["task"].tp) == (count, count, count), s["task"].misses
    assert s["party"].f1 >= 0.97, (s["party"].misses[:10], s["party"].extras[:10])
    for name in ("deadline_start", "deadline_end", "recurrence", "deadline_text"):
        assert s["task"].field_accuracy(name) >= 0.95, name
    for name in ("text", "completion_form", "funding_source", "funding_amount"):
        assert s["task"].field_accuracy(name) >= 0.95, name
    assert s["section"].f1 == 1.0 and s["section"].field_accuracy("title") == 1.0


def test_typed_corpus_plan_meets_the_targets():
    """Decree 2002-470: a plan typed as a fixed-width table and flattened (plan_flat). The issue's
    targets hold; the task texts and forms are rebuilt from pieces of lines, a few with a word of
    the next column (tests/test_plan_flat.py), and the golden joins two words the text prints apart
    («ЕврАз ЭС», «РНи ОН»)."""
    s = corpus_scores("kz-gov-decree-2002-470-ru")
    assert (s["task"].expected, s["task"].extracted, s["task"].tp) == (193, 193, 193), s["task"].misses
    assert s["party"].f1 >= 0.97, (s["party"].misses[:10], s["party"].extras[:10])
    for name in ("deadline_start", "deadline_end", "recurrence", "deadline_text", "subheading"):
        assert s["task"].field_accuracy(name) >= 0.95, name
    assert s["task"].field_accuracy("text") >= 0.93 and s["task"].field_accuracy("completion_form") >= 0.95
    assert s["section"].f1 == 1.0 and s["section"].field_accuracy("title") == 1.0
    assert s["excluded"].f1 == 1.0 and s["glossary"].f1 == 1.0


def test_typed_programme_plan_after_other_tables():
    """Decree 2003-277: the plan is section 8 of a programme, a typed table after the programme's
    other «!» table, its headings the mirror's Markdown headings printed right under a row, and the
    next annex after it; six narrow columns, most rows printing «Определиться по результатам
    конкурса» (no body) for the responsible. The issue's targets hold for tasks, parties and
    deadlines; the cells' texts do not yet (task text 0.19, form 0.76, funding 0.08: the money
    column broken down by year)."""
    s = corpus_scores("kz-gov-decree-2003-277-ru")
    assert (s["task"].expected, s["task"].extracted, s["task"].tp) == (37, 37, 37), s["task"].misses
    assert s["party"].f1 >= 0.97, (s["party"].misses[:10], s["party"].extras[:10])
    for name in ("deadline_start", "deadline_end", "recurrence"):
        assert s["task"].field_accuracy(name) >= 0.95, name
    assert s["section"].f1 == 1.0 and s["section"].field_accuracy("title") == 1.0
    assert s["section"].field_accuracy("parent") == 1.0
    recs = evaluate.extract("kz-gov-decree-2003-277-ru")
    first = recs["task"][0]
    assert [p["text"] for p in first["parties"]] == ["МОН", "МЗ", "МСХ", "МООС"]
    assert (first["section"], first["deadline_start"], first["deadline_end"]) == ("1", D(2003, 10, 1), D(2003, 12, 31))
    assert recs["task"][-1]["section"] == "10" and "Товарищество" not in recs["task"][-1]["text"]


def test_restarting_numbers_are_distinct_tasks():
    recs = evaluate.extract("kz-akimat-almaty-region-1997-6-194-ru")
    keys = [(t["section"], t["number"]) for t in recs["task"]]
    assert len(keys) == len(set(keys)) == 23
    assert [k for k in keys if k[1] == 1] == [("1", 1), ("II", 1), ("III", 1), ("IV", 1)]
    last = recs["task"][-1]
    assert "Бырбаев" not in last["text"] and all("Минбаев" not in p["text"] for p in last["parties"])


def test_ditto_marks_repeat_the_row_above():
    tasks = {(t["section"], t["number"]): t for t in evaluate.extract("kz-akimat-almaty-region-1997-6-194-kk")["task"]}
    above, ditto = tasks[("II", 3)], tasks[("II", 4)]
    assert ditto["deadline_text"] == '-"-'
    assert [p["text"] for p in ditto["parties"]] == [p["text"] for p in above["parties"]]
    assert (ditto["deadline_start"], ditto["deadline_end"]) == (above["deadline_start"], above["deadline_end"])


def test_deadline_stages_and_the_responsible_person():
    task = evaluate.extract("kz-gov-decree-2021-991-ru")["task"][0]
    assert task["deadline_text"] == "январь / январь / февраль"
    assert (task["deadline_start"], task["deadline_end"]) == (D(2022, 1, 1), D(2022, 2, 28))
    assert [p["text"] for p in task["parties"]] == ["МНЭ"] and task["responsible_person"] == "Абдыкадыров А.Е."


# --- synthetic plans in other layouts ----------------------------------------------------------

# (number, text, form, deadline text, start, end, recurrence, amount, source, section, [(party, by agreement)])
RU_TABS = [
    (
        1,
        "Разработка программ обучения цифровой грамотности",
        "приказ МНВО",
        "Июнь 2024 года",
        D(2024, 6, 1),
        D(2024, 6, 30),
        None,
        Decimal("125.5"),
        "РБ",
        "1",
        [("МНВО", False), ("МЦРИАП", False)],
    ),
    (
        2,
        "Обучение государственных служащих основам кибербезопасности",
        "информация в МЦРИАП",
        "ежегодно, до 1 марта",
        D(2025, 3, 1),
        D(2026, 3, 1),
        "annual",
        None,
        "не требуется",
        "1",
        [
            ("МЦРИАП", False),
            ("акиматы областей", False),
            ("городов Астаны", False),
            ("Алматы", False),
            ("Шымкента", False),
        ],
    ),
    (
        3,
        "Создание региональных центров цифровых компетенций на базе колледжей",
        "акт ввода в эксплуатацию",
        "II полугодие 2025 года",
        D(2025, 7, 1),
        D(2025, 12, 31),
        None,
        Decimal("1200"),
        "МБ",
        "1",
        [("акиматы Туркестанской области", False), ("города Шымкента", False), ("МП", False)],
    ),
    (
        4,
        "Подключение сельских школ к широкополосному интернету",
        "информация в Правительство",
        "декабрь 2024 – 2026 годы",
        D(2024, 12, 1),
        D(2026, 12, 31),
        "annual",
        Decimal("3450.75"),
        "РБ, МБ",
        "2",
        [("МЦРИАП", False), ("АО «Казахтелеком»", True), ("заинтересованные государственные органы", False)],
    ),
    (
        5,
        "Проведение ежегодного форума «Digital Bridge»",
        "информация в АП",
        "Ежегодно, октябрь",
        D(2024, 10, 1),
        D(2026, 10, 31),
        "annual",
        None,
        "внебюджетные средства",
        "2",
        [("МЦРИАП", False), ("АОО «Назарбаев Университет»", True)],
    ),
    (
        6,
        "Мониторинг исполнения плана мероприятий",
        "информация в Правительство",
        "раз в полугодие",
        D(2024, 3, 5),  # no month: from the approving act's date
        D(2026, 12, 31),
        "semiannual",
        None,
        "не требуется",
        "2",
        [("МЦРИАП", False)],
    ),
]
KK_PIPES = [
    (
        1,
        "Ұжымдық пайдаланудағы зертханалар желісін құру",
        "ҒЖБМ бұйрығы",
        "2024 жылғы желтоқсан",
        D(2024, 12, 1),
        D(2024, 12, 31),
        None,
        Decimal("1500"),
        "республикалық бюджет",
        "1",
        [("ҒЖБМ", False), ("«ҰИХ» АҚ", True)],
    ),
    (
        2,
        "Өңірлік ғылыми орталықтарды дамыту бағдарламасын әзірлеу",
        "Қазақстан Республикасының Үкіметіне ақпарат",
        "2025 жылғы ІІ тоқсан",
        D(2025, 4, 1),
        D(2025, 6, 30),
        None,
        None,
        "жергілікті бюджет",
        "1",
        [
            ("облыстардың", False),
            ("Астана", False),
            ("Алматы", False),
            ("Шымкент қалаларының әкімдіктері", False),
            ("ҒЖБМ", False),
        ],
    ),
    (
        3,
        "Жас ғалымдарға гранттар беру",
        "ҒЖБМ-ге ақпарат",
        "жыл сайын, наурыз",
        D(2025, 3, 1),
        D(2027, 3, 31),
        "annual",
        Decimal("250.5"),
        "республикалық бюджет",
        "2",
        [("ҒЖБМ", False), ("Алматы облысының", False), ("Алматы қаласының әкімдіктері", False)],
    ),
    (
        4,
        "Шетелдік ғалымдарды тарту",
        "Үкіметке ұсыныс",
        "2024 - 2027 жылдар",
        D(2024, 1, 1),
        D(2027, 12, 31),
        None,
        None,
        "талап етілмейді",
        "2",
        [("ҒЖБМ", False), ("«Назарбаев Университеті» ДБҰ", True), ("мүдделі мемлекеттік органдар", False)],
    ),
    (
        5,
        "Зерттеу нәтижелерін коммерцияландыру",
        "есеп",
        "2026 жылғы қыркүйек",
        D(2026, 9, 1),
        D(2026, 9, 30),
        None,
        None,
        "талап етілмейді",
        "2",
        [("«ҰИХ» АҚ", True), ("ҒЖБМ", False)],
    ),
]
RU_STACKED = [
    (
        1,
        "Разработка туристских маршрутов в горных районах",
        "Информация в МКС",
        "Декабрь 2020 года",
        D(2020, 12, 1),
        D(2020, 12, 31),
        None,
        None,
        None,
        None,
        [("МКС", False), ("акиматы областей", False), ("гг. Нур-Султана", False), ("Алматы", False)],
    ),
    (
        2,
        "Развитие придорожного сервиса на трассах республиканского значения",
        "Предложения в Правительство",
        "Ежегодно, июнь",
        D(2020, 6, 1),
        D(2022, 6, 30),
        "annual",
        None,
        None,
        None,
        [("МИИР", False), ("МНЭ", False), ("АО «НК «КазАвтоЖол»", True)],
    ),
    (
        3,
        "Привлечение инвесторов в туристские кластеры Алматинской области",
        "Информация в МКС",
        "2021 - 2022 гг.",
        D(2021, 1, 1),
        D(2022, 12, 31),
        None,
        None,
        None,
        None,
        [("МНЭ", False), ("МКС", False), ("акимат Алматинской области", False)],
    ),
    (
        4,
        "Совершенствование статистики въездного туризма",
        "Информация в АП",
        "I квартал 2021 года",
        D(2021, 1, 1),
        D(2021, 3, 31),
        None,
        None,
        None,
        None,
        [("АС", False), ("МКС", False)],
    ),
]
RU_FRAMED = [
    (
        "1.1",
        "Подключение поликлиник к единой сети",
        "приказ МЗ",
        "III квартал 2023 года",
        D(2023, 7, 1),
        D(2023, 9, 30),
        None,
        Decimal("1250.5"),
        "РБ",
        "1",
        [
            ("МЗ", False),
            ("МЦРИАП", False),
            ("акиматы областей", False),
            ("городов Астаны", False),
            ("Алматы", False),
            ("Шымкента", False),
        ],
    ),
    (
        "1.2",
        "Внедрение электронных паспортов здоровья",
        "информация в Правительство",
        "Ежегодно, декабрь",
        D(2023, 12, 1),
        D(2025, 12, 31),
        "annual",
        None,
        "не требуется",
        "1",
        [("МЗ", False), ("НАО «ФСМС»", True)],
    ),
    (
        "2.1",
        "Обучение медицинских работников",
        "отчет",
        "2023 - 2025 годы",
        D(2023, 1, 1),
        D(2025, 12, 31),
        None,
        Decimal("320"),
        "МБ",
        "2",
        [("МЗ", False), ("МТСЗН", False)],
    ),
]


def _norm(text):
    return " ".join(text.split()) if isinstance(text, str) else text


@pytest.mark.parametrize(
    "name, approved, expected",
    [
        ("plan-ru-tabs.txt", D(2024, 3, 5), RU_TABS),  # tabs; parties before deadline and form; funding columns
        ("plan-kk-pipes.txt", D(2024, 4, 12), KK_PIPES),  # pipes; Kazakh; parties before form
        ("plan-ru-stacked.txt", D(2020, 1, 10), RU_STACKED),  # no separators; parties before form
        # framed pipes, header wrapped over lines, an unknown column, co-executors in their own column,
        # sub-numbered rows, amount and source in one cell
        ("plan-ru-framed.txt", D(2023, 2, 2), RU_FRAMED),
    ],
)
def test_synthetic_plans(name, approved, expected):
    got = tasks_of(parse_fixture(name, approved))
    assert sorted(got, key=str) == [e[0] for e in expected]
    for number, text, form, dl_text, start, end, rec, amount, source, section, parties in expected:
        t = got[number]
        assert (_norm(t.text), t.completion_form, t.deadline_text) == (text, form, dl_text), number
        assert (t.deadline_start, t.deadline_end, t.recurrence) == (start, end, rec), number
        assert (t.funding_amount, t.funding_source, t.section) == (amount, source, section), number
        assert [(p.text, p.by_agreement) for p in t.parties] == parties, number


def test_synthetic_headings_indicators_glossary():
    recs = parse_fixture("plan-ru-tabs.txt", D(2024, 3, 5))
    assert [(r.number, r.title) for r in recs if isinstance(r, plan.Section)] == [
        ("1", "Подготовка кадров"),
        ("2", "Инфраструктура"),
    ]
    (ind,) = [r for r in recs if isinstance(r, Indicator)]
    assert (ind.number, ind.name, ind.unit, ind.direction) == (
        1,
        "Доля населения с базовыми цифровыми навыками",
        "%",
        1,
    )
    assert ind.values == {"2023": "80 %", "2024": "82 %", "2025": "85 %", "2026": "88,5 %"}
    assert (ind.baseline, ind.baseline_year) == ("80 %", 2023)
    glossary = {r.abbr: r.expansion for r in recs if isinstance(r, GlossaryEntry)}
    assert (
        glossary["МЦРИАП"]
        == "Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан"
    )
    assert glossary["МБ"] == "местный бюджет" and len(glossary) == 6

    kk = parse_fixture("plan-kk-pipes.txt", D(2024, 4, 12))
    assert [(r.number, r.title) for r in kk if isinstance(r, plan.Section)] == [
        ("1", "Ғылыми зертханаларды жаңғырту"),
        ("2", "Ғылыми кадрлар"),
    ]
    assert [(r.abbr, r.expansion) for r in kk if isinstance(r, GlossaryEntry)] == [
        ("ҒЖБМ", "Қазақстан Республикасы Ғылым және жоғары білім министрлігі"),
        ("«ҰИХ» АҚ", "«Ұлттық инновациялық холдинг» акционерлік қоғамы"),
        ("ДБҰ", "дербес білім беру ұйымы"),
        ("мүдделі мемлекеттік органдар", "Қазақстан Республикасының орталық мемлекеттік органдары"),
    ]
    members = tasks_of(kk)[3].parties[1:]  # the head a list shares is kept for resolution
    assert [(p.text, p.head) for p in members] == [
        ("Алматы облысының", "әкімдіктері"),
        ("Алматы қаласының әкімдіктері", None),
    ]


def test_a_header_cell_wrapped_onto_a_continuation_line():
    """The one layout drops a continuation line's trailing empty cells: «Сроки исполне» / «ния»
    is the third column's name, and the table keeps its four columns."""
    text = (
        "№\t|\tНаименование мероприятий\t|\tСроки исполне\t|\tИсполнители\n\t|\t\t|\tния\n1\t|\t2\t|\t3\t|\t4\n"
        "1.\t|\tРазработать планы.\t|\tфевраль 1998 г.\t|\tАкимы районов и городов, департамент сельского хозяйства.\n"
        "2.\t|\tИзучить состояние.\t|\tПостоянно\t|\tОбластной комитет ветеринарии, Горветстанция.\n"
    )
    (table,) = find_tables(normalize(text).text)
    assert table.kinds == ("number", "text", "deadline", "parties")


def test_layouts_detected():
    def kinds(name):
        text = normalize((FIXTURES / name).read_text(encoding="utf-8")).text
        (table,) = find_tables(text)
        return table.separator, table.kinds

    assert kinds("plan-ru-tabs.txt") == ("\t", ("number", "text", "parties", "deadline", "form", "amount", "source"))
    assert kinds("plan-kk-pipes.txt") == ("|", ("number", "text", "parties", "form", "deadline", "amount", "source"))
    assert kinds("plan-ru-stacked.txt") == (None, ("number", "text", "parties", "form", "deadline"))
    assert kinds("plan-ru-framed.txt") == (
        "|",
        ("number", "text", "other", "form", "parties", "parties2", "deadline", "funding"),
    )


# --- parties, glossary, indicators -----------------------------------------------------------------


def test_run_on_glossary_uses_terms_of_the_table():
    text = (
        "Жауапты: басқарушы компания, жұмыс тобы\n\n"
        "Ескертпе: аббревиатуралардың толық жазылуы: АҚ – акционерлік қоғам басқарушы компания – «ИТП» "
        "басқарушы компаниясы ЖШС – жауапкершілігі шектеулі серіктестік «KAZNEX INVEST» АҚ – «KAZNEX INVEST» "
        "агенттігі."
    )
    assert [(e.abbr, e.expansion) for e in plan.parse_glossary(text)] == [
        ("АҚ", "акционерлік қоғам"),
        ("басқарушы компания", "«ИТП» басқарушы компаниясы"),
        ("ЖШС", "жауапкершілігі шектеулі серіктестік"),
        ("«KAZNEX INVEST» АҚ", "«KAZNEX INVEST» агенттігі"),
    ]


def test_glossary_with_semicolons_on_one_line():
    text = "Примечание: расшифровка аббревиатур: АО – акционерное общество; МФ – Министерство финансов Республики Казахстан."
    assert [(e.abbr, e.expansion) for e in plan.parse_glossary(text)] == [
        ("АО", "акционерное общество"),
        ("МФ", "Министерство финансов Республики Казахстан"),
    ]


def test_indicator_with_year_words_and_commas():
    content = Piece.of(
        text
        := "Численность исследователей, человек (2025 г. – 878 чел.) (2026 г. – 1 100 чел., 2027 г. – 1 350,5 чел.)",
        0,
        len(text),
    )
    ind = plan.parse_indicator(3, content, 2)
    assert ind.name == "Численность исследователей, человек"
    assert ind.values == {"2025": "878 чел.", "2026": "1 100 чел.", "2027": "1 350,5 чел."}
    assert ind.unit == "чел." and ind.baseline == "878 чел."
    assert plan.number_value("1 350,5 чел.") == Decimal("1350.5")
    assert plan.number_value("-") is None


def test_no_table_no_records():
    assert plan.parse("Просто текст без таблицы.", DocumentMeta("other", None, None, None, None, (0, 0))) == []


# --- RDF and the named query --------------------------------------------------------------------------


def _graph(source_id: str, resolver=None):
    from rdflib import Dataset, URIRef

    from kgraph import iri
    from kgraph.catalog import Entry
    from kgraph.rdf import Context
    from kgraph.rdf import decree as decree_rdf
    from kgraph.rdf import document as document_rdf
    from kgraph.rdf import plan as plan_rdf
    from kgraph.sources import decree

    entry, raw, norm, meta = _document(source_id)
    doc = Entry(entry["id"], ROOT / "data" / "sources" / entry["file"], entry["language"], tuple(entry["kinds"]))
    ds = Dataset()
    graph = ds.graph(URIRef(iri.graph(doc.id)))
    ctx = Context(
        doc=doc, raw=raw, norm=norm, meta=meta, act=document_rdf.act_iri(doc, meta), graph=graph, resolver=resolver
    )
    recs = plan.parse(norm.text, meta)
    ctx.glossary = {r.abbr: r.expansion for r in recs if isinstance(r, GlossaryEntry)}
    document_rdf.emit(ctx)
    decree_rdf.emit(decree.parse(norm.text, meta), ctx)
    plan_rdf.emit(recs, ctx)
    return ds, graph, ctx


def test_rdf_tasks_assignments_deadlines():
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF, TIME, XSD

    from kgraph import iri
    from kgraph.vocab import KG

    _, g, ctx = _graph("kz-gov-decree-2013-1331-ru")
    plan_node = URIRef(iri.part(str(ctx.act), ("annex", "plan")))
    assert (plan_node, RDF.type, KG.Plan) in g and (plan_node, KG.approvedBy, ctx.act) in g
    tasks = set(g.subjects(RDF.type, KG.Task))
    assert len(tasks) == 60
    task3 = URIRef(iri.part(str(plan_node), ("task", 3)))
    assignments = sorted(g.objects(task3, KG.hasAssignment), key=lambda a: int(g.value(a, KG.position)))
    assert len(assignments) == 7
    assert [g.value(a, KG.assignmentRole) for a in assignments] == [KG.LeadExecutor] + [KG.CoExecutor] * 6
    assert g.value(assignments[5], KG.byAgreement) == Literal(True)
    assert all(g.value(a, KG.assignee) is not None and g.value(a, KG.sourceSpan) is not None for a in assignments)
    deadline = g.value(URIRef(iri.part(str(plan_node), ("task", 1))), KG.deadline)
    assert g.value(deadline, KG.recurrence) == KG.Annual
    start = g.value(g.value(deadline, TIME.hasBeginning), TIME.inXSDDate)
    end = g.value(g.value(deadline, TIME.hasEnd), TIME.inXSDDate)
    assert (start, end) == (Literal("2014-03-01", datatype=XSD.date), Literal("2020-03-31", datatype=XSD.date))
    assert all((t, KG.sourceSpan, None) in g for t in tasks)
    instructions = set(g.subjects(RDF.type, KG.Instruction))
    assert len(instructions) == 6
    report = URIRef(iri.part(str(ctx.act), ("para", 2), ("item", 2)))
    assert g.value(report, KG.instructionKind) == KG.Report
    assert g.value(report, KG.recurrence) == KG.SemiAnnual
    assert g.value(report, KG.recipient) is not None


def test_rdf_indicators_and_glossary():
    from rdflib import URIRef
    from rdflib.namespace import RDF, SKOS, XSD

    from kgraph import iri
    from kgraph.vocab import KG

    _, g, ctx = _graph("kz-gov-decree-2025-1134-ru")
    indicators = set(g.subjects(RDF.type, KG.Indicator))
    assert len(indicators) == 6
    ind1 = URIRef(iri.part(str(ctx.act), ("annex", "plan"), ("ind", 1)))
    values = {int(g.value(v, KG.year)): g.value(v, KG.value) for v in g.objects(ind1, KG.hasValue)}
    assert len(values) == 11 and values[2026].datatype == XSD.decimal and float(values[2026]) == 2.35
    assert str(g.value(ind1, KG.baseline)) == "2,3 млрд тенге"
    entries = set(g.subjects(RDF.type, KG.GlossaryEntry))
    assert len(entries) == 27
    mnvo = URIRef(iri.glossary_entry(ctx.doc.id, "МНВО"))
    assert str(g.value(mnvo, SKOS.notation)) == "МНВО" and g.value(mnvo, KG.inGlossary) == URIRef(
        iri.glossary(ctx.doc.id)
    )
    assert len(set(g.subjects(RDF.type, KG.Direction))) == 4
    section2 = URIRef(iri.part(str(ctx.act), ("annex", "plan"), ("dir", 2)))
    task7 = URIRef(iri.part(str(section2), ("task", 7)))  # a task's IRI includes its section
    assert g.value(task7, KG.inDirection) == section2


def test_rdf_passes_shacl():
    pyshacl = pytest.importorskip("pyshacl")
    from rdflib import Graph

    from kgraph.vocab import SHAPES_FILE, ontology_graph

    _, g, _ = _graph("kz-gov-decree-2013-631-kk")
    conforms, _, report = pyshacl.validate(
        Graph() + g,
        shacl_graph=Graph().parse(SHAPES_FILE),
        ont_graph=ontology_graph(),
        inference="none",
        allow_warnings=True,
    )
    assert conforms, report


def test_responsibilities_query():
    from rdflib import URIRef

    from kgraph import iri, queries
    from kgraph.results import rows
    from kgraph.store import OxigraphStore
    from kgraph.vocab import ontology_graph

    ds, _, _ = _graph("kz-gov-decree-2013-631-kk")
    ds.graph(URIRef(iri.ONTOLOGY_GRAPH)).__iadd__(ontology_graph())  # as the build does
    store = OxigraphStore()
    data = ds.serialize(format="nquads")
    store.load_nquads(data.encode("utf-8") if isinstance(data, str) else data)
    q = queries.find("responsibilities")
    assert q.columns == (
        "source",
        "task",
        "number",
        "text",
        "party",
        "party_label",
        "party_abbr",
        "role",
        "by_agreement",
        "deadline_start",
        "deadline_end",
    )
    names, data = rows(store.query(q.sparql))
    assert tuple(names) == q.columns
    assert len(data) == 52  # one row per (task, party)
    assert {r["source"] for r in data} == {"kz-gov-decree-2013-631-kk"}
    leads = [r for r in data if r["role"] == "lead"]
    assert len(leads) == 20 and {r["role"] for r in data} == {"lead", "co-executor"}
    first = next(r for r in data if r["number"] == "1" and r["role"] == "lead")
    assert (first["party_label"], first["by_agreement"], first["deadline_start"], first["deadline_end"]) == (
        "ИЖТМ",
        "false",
        "2013-08-01",
        "2013-08-31",
    )
    assert sum(r["by_agreement"] == "true" for r in data) == 40  # as in the golden file


def test_kazakh_stacked_layout():
    text = normalize(
        "Қазақстан Республикасы Үкіметінің 2024 жылғы 12 сәуірдегі № 280 қаулысымен бекітілген\n\n"
        "Ғылымды дамыту жөніндегі 2024 - 2026 жылдарға арналған жол картасы\n\n"
        "Р/с №\n\nІс-шаралар\n\nАяқталу нысаны\n\nЖауапты орындаушылар\n\nОрындау мерзімі\n\n1 2 3 4 5\n\n"
        "1 Зертханалар желісін\nқұру\n\nҒЖБМ-ге ақпарат\n\nҒЖБМ, «ҰИХ» АҚ (келісім\nбойынша)\n\n"
        "2024 жылғы желтоқсан\n\n"
        "2 Жас ғалымдарға гранттар беру\n\nҚазақстан Республикасының Үкіметіне ақпарат\n\nҒЖБМ\n\n"
        "2025 - 2026 жылдар\n"
    ).text
    recs = plan.parse(text, DocumentMeta("decree", None, D(2024, 4, 12), "280", None, (0, 0)))
    got = tasks_of(recs)
    assert [(t.number, t.text, t.completion_form, t.deadline_start, t.deadline_end) for t in got.values()] == [
        (1, "Зертханалар желісін құру", "ҒЖБМ-ге ақпарат", D(2024, 12, 1), D(2024, 12, 31)),
        (
            2,
            "Жас ғалымдарға гранттар беру",
            "Қазақстан Республикасының Үкіметіне ақпарат",
            D(2025, 1, 1),
            D(2026, 12, 31),
        ),
    ]
    assert [(p.text, p.by_agreement) for p in got[1].parties] == [("ҒЖБМ", False), ("«ҰИХ» АҚ", True)]


# --- no catastrophic backtracking -------------------------------------------------------

_OLD_ABBR_TAIL = r"(?:[«\"][^«»\"]+[»\"]\s*)?(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9&\-]+\s*)+$"


@pytest.mark.parametrize("spaces", [True, False])
@pytest.mark.parametrize("length", [70, 300, 2000])
def test_abbr_tail_is_fast_on_long_caps_names(length, spaces):
    """A long all-caps Kazakh name followed by a lowercase word took 19 s at 70 characters
    (exponential); linear-per-start now: a generous 0.5 s bound even at 2,000 characters."""
    text = fuzz_support.caps_name(length, spaces=spaces) + " бойынша"
    assert fuzz_support.seconds(lambda: plan.ABBR_TAIL.search(text)) < 0.5


def test_abbr_tail_matches_as_before():
    """The possessive word body changes speed, not what matches: the same match as the old
    pattern on short random strings of capitals, digits, dashes, quotes and spaces."""
    import random
    import re

    old = re.compile(_OLD_ABBR_TAIL)
    rnd = random.Random(19)
    alphabet = "АӘҚЖҰ" + "ab" + "0-&" + "  " + '«»"' + "ик"
    cases = ["«ИТП» АЭА", "ТДҰА» АҚ", "Министерство ИЖТМ", "ҚР ИИДМ", "x A1-B"]
    cases += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14))) for _ in range(3000)]
    for text in cases:
        a, b = old.search(text), plan.ABBR_TAIL.search(text)
        assert (a and a.span()) == (b and b.span()), text


# --- the mirrors' layout, acts cited ----------------------------------------------------------------


def test_mirror_markdown_plan():
    """A portal mirror's HTML table (through kgraph.ingest.markdown): a two-row header with a
    colspan over the deadline stages, a person column, sections I-II restarting the numbering,
    a line break inside a cell, a number cell spanning two rows, ditto marks, a note row and
    signatures after the table."""
    from kgraph.ingest.markdown import convert

    text = normalize(convert((FIXTURES / "plan-ru-mirror.md").read_text(encoding="utf-8")).text).text
    recs = plan.parse(text, DocumentMeta("decree", None, D(2024, 3, 3), "5-12", None, (0, 0)))
    assert [(r.number, r.title) for r in recs if isinstance(r, plan.Section)] == [
        ("I", "ОРГАНИЗАЦИОННЫЕ РАБОТЫ"),
        ("II", "КОНТРОЛЬ"),
    ]
    tasks = [r for r in recs if isinstance(r, plan.Task)]
    assert [(t.section, t.number) for t in tasks] == [("I", 1), ("I", 2), ("II", 1), ("II", 2)]
    first, second, third, ditto = tasks
    assert (first.deadline_text, first.deadline_start, first.deadline_end) == (
        "I квартал 2024 года / II квартал 2024 года",
        D(2024, 1, 1),
        D(2024, 6, 30),
    )
    assert first.responsible_person == "Иванов И.И."
    assert [(p.text, p.head) for p in first.parties] == [
        ("Акимы районов", None),
        ("гг. Капчагая", "Акимы"),
        ("Текели", "Акимы"),
    ]
    assert second.text == "Провести семинары для руководителей" and second.recurrence == "annual"
    assert [(p.text, p.by_agreement) for p in third.parties] == [
        ("управление труда и социальной защиты населения", False),
        ("акиматы Алматинской области", False),
        ("области Абай", True),
    ]
    assert third.text == "Проверить аттестацию рабочих мест"  # the spanning cell is not read twice
    assert [p.text for p in ditto.parties] == [p.text for p in third.parties]
    assert (ditto.deadline_start, ditto.deadline_end) == (D(2024, 1, 1), D(2025, 12, 31))
    assert "Бырбаев" not in ditto.text and "Примечание" not in ditto.text


def test_acts_cited_and_the_draft_a_task_makes():
    task2 = tasks_of(records("kz-gov-decree-2025-1134-ru"))[2]
    ((cited),) = [(r.kind, r.date, r.number) for r in task2.cites]
    assert cited == ("decree", D(2024, 10, 7), "826")
    assert task2.produces.kind == "decree" and task2.produces.title.startswith("О внесении изменений")
    assert task2.produces.date is None  # the draft is not the act it amends


def test_rdf_cites_drafts_and_undated_groups():
    from rdflib import URIRef
    from rdflib.namespace import RDF, RDFS, SKOS

    from kgraph import iri, resolve
    from kgraph.registry import load
    from kgraph.vocab import ELI, KG

    reg = load(ROOT / "data" / "registry.yaml")

    def resolver(text, lang, date, glossary):
        return resolve.resolve(text, lang, date, glossary, registry=reg)

    _, g, ctx = _graph("kz-gov-decree-2025-1134-ru", resolver)
    section1 = URIRef(iri.part(str(ctx.act), ("annex", "plan"), ("dir", 1)))
    task2 = URIRef(iri.part(str(section1), ("task", 2)))
    decree826 = URIRef(iri.act("decree", D(2024, 10, 7), "826"))
    assert (task2, ELI.cites, decree826) in g and (decree826, RDF.type, KG.GovernmentDecree) in g
    draft = g.value(task2, KG.produces)
    assert draft is not None and draft != decree826 and (draft, RDFS.label, None) in g
    # «акиматы Алматинской области и области Абай»: two parties, each resolved to its akimat
    task9 = URIRef(iri.part(str(ctx.act), ("annex", "plan"), ("dir", 2), ("task", 9)))
    assignees = {g.value(a, KG.assignee) for a in g.objects(task9, KG.hasAssignment)}
    assert {URIRef(iri.org("akimat-almaty-region")), URIRef(iri.org("akimat-abai-region"))} <= assignees
    groups = [o for o in g.objects(None, KG.assignee) if "/group/" in str(o)]
    assert groups and all(len(iri.parse(str(o)).path) == 1 for o in groups)  # no dated group node
    assert not any("(20" in str(label) for s in groups for label in g.objects(s, SKOS.prefLabel))


def test_indicators_query_gives_numbers():
    from rdflib import URIRef

    from kgraph import iri, queries
    from kgraph.results import rows
    from kgraph.store import OxigraphStore
    from kgraph.vocab import ontology_graph

    ds, _, _ = _graph("kz-gov-decree-2025-1134-ru")
    ds.graph(URIRef(iri.ONTOLOGY_GRAPH)).__iadd__(ontology_graph())
    store = OxigraphStore()
    data = ds.serialize(format="nquads")
    store.load_nquads(data.encode("utf-8") if isinstance(data, str) else data)
    q = queries.find("indicators")
    assert q.columns == ("source", "indicator", "name", "year", "value", "unit", "value_text")
    names, found = rows(store.query(q.sparql))
    assert tuple(names) == q.columns
    row = next(r for r in found if r["indicator"].endswith("/ind_1") and r["year"] == "2026")
    assert (float(row["value"]), row["unit"], row["value_text"]) == (2.35, "млрд тенге", "2,35 млрд тенге")
    people = next(r for r in found if r["indicator"].endswith("/ind_3") and r["value_text"].startswith("1 100"))
    assert float(people["value"]) == 1100


def test_a_group_covers_the_bodies_that_existed_on_the_date_of_its_act():
    """«акиматы областей» of 2013 is the sixteen akimats of then: the South Kazakhstan region's,
    not the Abai region's (formed in 2022). One undated group node; the date comes from the act."""
    from rdflib import URIRef

    from kgraph import iri, queries, resolve
    from kgraph.rdf import registry as registry_rdf
    from kgraph.registry import load
    from kgraph.results import rows
    from kgraph.store import OxigraphStore
    from kgraph.vocab import ontology_graph

    reg = load(ROOT / "data" / "registry.yaml")
    ds, _, _ = _graph("kz-gov-decree-2013-1331-ru", lambda t, lang, d, g: resolve.resolve(t, lang, d, g, registry=reg))
    ds.graph(URIRef(iri.REGISTRY_GRAPH)).__iadd__(registry_rdf.graph(reg))
    ds.graph(URIRef(iri.ONTOLOGY_GRAPH)).__iadd__(ontology_graph())
    store = OxigraphStore()
    data = ds.serialize(format="nquads")
    store.load_nquads(data.encode("utf-8") if isinstance(data, str) else data)
    q = queries.find("tasks_of_body")

    def tasks(body: str) -> set[tuple[str, str]]:
        _, found = rows(store.query(q.sparql, {"body": URIRef(iri.org(body))}))
        return {(r["number"], r["via_group"].rsplit("/", 1)[-1]) for r in found}

    assert ("6", "region-akimats") in tasks("akimat-south-kazakhstan-region")
    assert tasks("akimat-abai-region") == set()
    assert ("39", "") in tasks("akimat-almaty-region")  # «акиматы г. Алматы и Алматинской области»: its own party


# --- the mirrors' HTML tables: header artefacts, stages, unnumbered rows ------------------------

PIPES_TABLE = (
    "ПЛАН мероприятий\n\n"
    "№№\t|\tМероприятия\t|\tСроки исполн.\t|\tИсполнители\n"
    "пп\n"
    "1\t|\t2\t|\t3\t|\t4\n"
    "1.\t|\tСоздание сети клубов здоровья\t|\tПостоянно\t|\tАкимы районов и г. Капшагая\n"
    "2.\t|\tВнедрить поэтапно выявление и лечение больных:\t|\tВ течении года\t|\tОбластное управление здравоохранения,\n"
    "\t| | |\tглавные врачи районов\n"
    "2.\t|\t1 этап\t|\tдо 1.08.98г.\t|\tОбластное управление здравоохранения,\n"
    "\t|\tБалхашский, Енбекшиказахский районы\t| |\tглавные врачи районов\n"
    "2.\t|\t2 этап\t|\tдо 1.11.98г.\t|\tОбластное управление здравоохранения,\n"
    "\t|\tАксуский, Алакольский районы\t| |\tглавные врачи районов\n"
    "3.\t|\tОткрыть туберкулезные отделения\t|\t01.08.98\t|\tАкимы районов\n"
    "\t|\tПринять неотложные меры по снижению смертности\t|\tПостоянно\t|\tОбластное управление здравоохранения\n"
)


def _pipes_plan() -> list:
    return plan.parse(
        normalize(PIPES_TABLE).text, DocumentMeta("local-act", None, D(1998, 7, 1), "7-223", None, (0, 0))
    )


def test_a_header_cells_second_line_and_the_column_numbers_are_no_section():
    recs = _pipes_plan()
    assert not [r for r in recs if isinstance(r, plan.Section)]
    assert {r.section for r in recs if isinstance(r, plan.Task)} == {None}


def test_stages_under_a_tasks_number_keep_their_own_deadlines():
    task = tasks_of(_pipes_plan())[2]
    assert task.text == "Внедрить поэтапно выявление и лечение больных"
    assert (task.deadline_text, task.deadline_start, task.deadline_end) == (
        "В течении года",
        D(1998, 1, 1),
        D(1998, 12, 31),
    )
    assert [p.text for p in task.parties] == ["Областное управление здравоохранения", "главные врачи районов"]
    assert [(s.text, s.deadline_start) for s in task.stages] == [
        ("1 этап Балхашский, Енбекшиказахский районы", D(1998, 8, 1)),
        ("2 этап Аксуский, Алакольский районы", D(1998, 11, 1)),
    ]


def test_a_row_printed_without_a_number_is_a_task_of_its_own():
    recs = [r for r in _pipes_plan() if isinstance(r, plan.Task)]
    assert [r.number for r in recs] == [1, 2, 3, None]
    assert recs[2].text == "Открыть туберкулезные отделения" and recs[2].deadline_start == D(1998, 8, 1)
    assert recs[3].text.startswith("Принять неотложные меры") and recs[3].deadline_text == "Постоянно"


def test_an_unnumbered_task_has_an_iri_of_its_own_and_no_number():
    from rdflib import Dataset, URIRef
    from rdflib.namespace import RDF

    from kgraph import iri
    from kgraph.catalog import Entry
    from kgraph.rdf import Context
    from kgraph.rdf import document as document_rdf
    from kgraph.rdf import plan as plan_rdf
    from kgraph.vocab import ELI, KG

    norm = normalize(PIPES_TABLE)
    meta = DocumentMeta("local-act", None, D(1998, 7, 1), "7-223", None, (0, 0))
    doc = Entry("test-pipes-ru", FIXTURES / "none.txt", "ru", ("plan",))
    ds = Dataset()
    g = ds.graph(URIRef(iri.graph(doc.id)))
    ctx = Context(doc=doc, raw=PIPES_TABLE, norm=norm, meta=meta, act=document_rdf.act_iri(doc, meta), graph=g)
    plan_rdf.emit(plan.parse(norm.text, meta), ctx)
    tasks = set(g.subjects(RDF.type, KG.Task))
    assert len(tasks) == 4
    unnumbered = URIRef(iri.part(str(ctx.act), ("annex", "plan"), ("task", "u1")))
    assert unnumbered in tasks and g.value(unnumbered, ELI.number) is None
