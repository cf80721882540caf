"""Decree clauses (kgraph.sources.decree): the three approving decrees against
their golden files, and synthetic clauses for the verb, addressee and schedule rules."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import yaml

from kgraph import evaluate
from kgraph.records import DocumentMeta
from kgraph.sources import decree, metadata
from kgraph.text import normalize

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ["kz-gov-decree-2013-1331-ru", "kz-gov-decree-2025-1134-ru", "kz-gov-decree-2013-631-kk"]
META = DocumentMeta("decree", None, None, None, None, (0, 0))


def clauses(source_id: str) -> list[decree.Clause]:
    docs = yaml.safe_load((ROOT / "data" / "catalog.yaml").read_text(encoding="utf-8"))["documents"]
    entry = next(d for d in docs if d["id"] == source_id)
    text = normalize((ROOT / "data" / "sources" / entry["file"]).read_text(encoding="utf-8")).text
    meta = metadata.extract(text, fallback_kind="other")
    return [r for r in decree.parse(text, meta) if isinstance(r, decree.Clause)]


def golden(source_id: str) -> list[dict]:
    out = []
    for path in sorted((ROOT / "tests" / "golden").glob(f"{source_id}*.json")):
        out.extend(json.loads(path.read_text(encoding="utf-8"))["records"].get("clause", []))
    return out


def _same(a, b) -> bool:
    return evaluate.canon(a) == evaluate.canon(b)


@pytest.mark.parametrize("source_id", SOURCES)
def test_clauses_match_golden(source_id):
    got = {(c.number, c.item): c for c in clauses(source_id)}
    expected = golden(source_id)
    assert sorted(got, key=str) == sorted(((g["number"], g["item"]) for g in expected), key=str)
    for g in expected:
        c = got[(g["number"], g["item"])]
        key = (g["number"], g["item"])
        assert c.kind == g["kind"], key
        assert [evaluate.canon(a) for a in c.addressees] == [evaluate.canon(a) for a in g["addressees"]], key
        assert _same(c.recipient, g["recipient"]), key
        assert _same(c.schedule, g["schedule"]), key
        assert _same(c.text, g["text"]), key


@pytest.mark.parametrize("source_id", SOURCES)
def test_clause_scores(source_id):
    gold = {"clause": golden(source_id)}
    s = evaluate.score(gold, evaluate.as_golden(clauses(source_id)))["clause"]
    assert s.f1 == 1.0
    assert all(s.field_accuracy(f) == 1.0 for f in ("text", "addressees", "recipient", "schedule"))


def test_footnotes_are_not_clause_text_and_spans_hold():
    docs = yaml.safe_load((ROOT / "data" / "catalog.yaml").read_text(encoding="utf-8"))["documents"]
    entry = next(d for d in docs if d["id"] == "kz-gov-decree-2013-1331-ru")
    text = normalize((ROOT / "data" / "sources" / entry["file"]).read_text(encoding="utf-8")).text
    for c in clauses("kz-gov-decree-2013-1331-ru"):
        assert "Сноска" not in c.text and "795" not in c.text
        assert " ".join(text[c.span[0] : c.span[1]].split()).startswith(c.text[:20])
        for a, span in zip(c.addressees, c.addressee_spans):
            assert " ".join(text[span[0] : span[1]].split()) == a


def _parse(text: str) -> dict:
    return {(c.number, c.item): c for c in decree.parse(text, META) if isinstance(c, decree.Clause)}


def test_synthetic_russian_decree():
    text = (
        "Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:\n"
        "1. Утвердить прилагаемый План мероприятий по развитию туризма на 2024 – 2026 годы.\n"
        "2. Министерству туризма и спорта Республики Казахстан, акиматам областей (по согласованию) "
        "обеспечить реализацию Плана мероприятий.\n"
        "3. Центральным государственным органам, а также акиматам областей, городов Астаны, Алматы и Шымкента:\n"
        "1) принять меры по реализации Плана мероприятий;\n"
        "2) ежеквартально, не позднее 10 числа месяца, следующего за отчетным кварталом, представлять "
        "информацию о ходе исполнения Плана мероприятий в Министерство туризма и спорта Республики Казахстан.\n"
        "4. Контроль за исполнением настоящего постановления возложить на Министерство туризма и спорта "
        "Республики Казахстан.\n"
        "5. Признать утратившим силу постановление Правительства Республики Казахстан от 1 июля 2019 года № 450.\n"
        "6. Настоящее постановление вводится в действие со дня его первого официального опубликования.\n"
        "Премьер-Министр\nРеспублики Казахстан\n"
    )
    got = _parse(text)
    assert sorted(got, key=str) == sorted(
        [(1, None), (2, None), (3, 1), (3, 2), (4, None), (5, None), (6, None)], key=str
    )
    assert [got[k].kind for k in [(1, None), (2, None), (3, 1), (3, 2), (4, None), (5, None), (6, None)]] == [
        "approve",
        "execute",
        "execute",
        "report",
        "control",
        "other",
        "other",
    ]
    assert got[(2, None)].addressees == ("Министерству туризма и спорта Республики Казахстан", "акиматам областей")
    assert got[(2, None)].addressee_by_agreement == (False, True)
    assert got[(3, 2)].addressees == (
        "Центральным государственным органам",
        "акиматам областей, городов Астаны, Алматы и Шымкента",
    )
    assert got[(3, 2)].schedule == "ежеквартально, не позднее 10 числа месяца, следующего за отчетным кварталом"
    assert got[(3, 2)].recipient == "Министерство туризма и спорта Республики Казахстан"
    assert got[(4, None)].addressees == ("Министерство туризма и спорта Республики Казахстан",)
    assert got[(1, None)].addressees == () and got[(6, None)].schedule is None


def test_synthetic_kazakh_decree_run_on():
    text = (
        "Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ: 1. Қоса беріліп отырған іс-шаралар жоспары бекітілсін. "
        "2. Қазақстан Республикасы Ғылым және жоғары білім министрлігі жылына бір рет, 25 қаңтарға "
        "Қазақстан Республикасының Үкіметіне жоспардың орындалу барысы туралы ақпарат берсін. "
        "3. Осы қаулының орындалуын бақылау Қазақстан Республикасы Ғылым және жоғары білім министрлігіне жүктелсін. "
        "4. Осы қаулы алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.\n\n"
        "Қазақстан Республикасының Премьер-Министрі А. Смаилов"
    )
    got = _parse(text)
    assert [got[(n, None)].kind for n in (1, 2, 3, 4)] == ["approve", "report", "control", "other"]
    assert got[(2, None)].addressees == ("Қазақстан Республикасы Ғылым және жоғары білім министрлігі",)
    assert got[(2, None)].schedule == "жылына бір рет, 25 қаңтарға"
    assert got[(2, None)].recipient == "Қазақстан Республикасының Үкіметіне"
    assert got[(3, None)].addressees == ("Қазақстан Республикасы Ғылым және жоғары білім министрлігіне",)
    assert got[(4, None)].text.endswith("қолданысқа енгізіледі.")


def test_no_operative_part():
    assert decree.parse("Концепция развития науки.", META) == []


def test_clause_record_shape():
    c = clauses("kz-gov-decree-2013-631-kk")[0]
    d = evaluate.as_golden([c])["clause"][0]
    assert {"number", "item", "text", "kind", "addressees", "recipient", "schedule"} <= set(d)
    assert dataclasses.is_dataclass(c) and decree.Clause.golden_kind == "clause"


def _clauses(text: str) -> dict:
    return {(c.number, c.item): c for c in decree.parse(text, META) if isinstance(c, decree.Clause)}


@pytest.mark.parametrize(
    "text, key, kind, addressees, recipient",
    [
        # a lead-in that names what the items are about, not who does them (kk): no addressee
        (
            "Үкімет ҚАУЛЫ ЕТЕДІ:\n1. Қазақстан Республикасы халқының ұлттық санағы:\n"
            "1) 2021 жылғы 1 – 30 қазан аралығында өткізілсін.\n2. Осы қаулы қолданысқа енгізіледі.",
            (1, 1),
            "execute",
            [],
            None,
        ),
        # a lead-in naming a body with its flag (kk)
        (
            "Үкімет ҚАУЛЫ ЕТЕДІ:\n1. Қазақстан Республикасының Стратегиялық жоспарлау және реформалар агенттігі "
            "(келісу бойынша):\n1) есепті жылдан кейінгі 10 қаңтардан кешіктірмей Қазақстан Республикасы "
            "Премьер-Министрінің Кеңсесіне ақпарат берсін.",
            (1, 1),
            "report",
            ["Қазақстан Республикасының Стратегиялық жоспарлау және реформалар агенттігі"],
            "Қазақстан Республикасы Премьер-Министрінің Кеңсесіне",
        ),
        # an adverbial before the Kazakh subject; a report by «ұсынып тұрсын»
        (
            "Үкімет ҚАУЛЫ ЕТЕДІ:\n1. Жоспардың 10-тармағында көзделген заң жобаларын қоспағанда, заң жобаларын "
            "әзірлеуші мемлекеттік органдар заң жобаларын Қазақстан Республикасының Әділет министрлігіне "
            "айдың 1-күнінен кешіктірмей ұсынып тұрсын.",
            (1, None),
            "report",
            ["заң жобаларын әзірлеуші мемлекеттік органдар"],
            "Қазақстан Республикасының Әділет министрлігіне",
        ),
        # supervision entrusted (kk «қадағалау …, … жүктелсін»)
        (
            "Әкім ШЕШІМ ЕТТІ:\n1. Шешімнің орындалуын қадағалау, облыс әкімінің орынбасары О. Жакияновқа жүктелсін.",
            (1, None),
            "control",
            ["облыс әкімінің орынбасары О. Жакияновқа"],
            None,
        ),
        # lower-case «постановляет:»; adjectives of one addressee over commas; the verb in the lead-in
        (
            "Правительство Республики Казахстан постановляет:\n1. Центральным, местным исполнительным и "
            "государственным, непосредственно подчиненным Президенту Республики Казахстан (по согласованию), "
            "органам представлять Министерству экономики Республики Казахстан ежеквартально:\n"
            "1) информацию о ходе выполнения мероприятий Плана;\n2) аналитическую информацию.",
            (1, 2),
            "report",
            [
                "Центральным, местным исполнительным и государственным, непосредственно подчиненным "
                "Президенту Республики Казахстан, органам"
            ],
            "Министерству экономики Республики Казахстан",
        ),
        # the recipient before what is sent; the addressees end before the reporting period
        (
            "ПОСТАНОВЛЯЕТ:\n1. Министерству национальной экономики Республики Казахстан по итогам года, не "
            "позднее 1 июня, представлять в Правительство Республики Казахстан сводную информацию.",
            (1, None),
            "report",
            ["Министерству национальной экономики Республики Казахстан"],
            "Правительство Республики Казахстан",
        ),
        (
            "ПОСТАНОВЛЯЕТ:\n1. Государственным органам-разработчикам законопроектов, предусмотренных Планом, "
            "представлять законопроекты в Министерство юстиции Республики Казахстан не позднее 1 числа месяца.",
            (1, None),
            "report",
            ["Государственным органам-разработчикам законопроектов, предусмотренных Планом"],
            "Министерство юстиции Республики Казахстан",
        ),
        # tasks of the decree itself are executed («Провести», «создать»)
        (
            "ПОСТАНОВЛЯЕТ:\n1. Провести национальную перепись населения в октябре 2021 года.",
            (1, None),
            "execute",
            [],
            None,
        ),
    ],
)
def test_clause_kinds_addressees_recipients(text, key, kind, addressees, recipient):
    c = _clauses(text)[key]
    assert (c.kind, list(c.addressees), c.recipient) == (kind, addressees, recipient)


def test_an_akims_signature_ends_the_clauses():
    text = (
        "Аким области РЕШИЛ:\n1. Утвердить программу.\n2. Контроль за исполнением настоящего решения возложить "
        "на заместителя Акима области Жакиянова О.М.\n\nАким Алматинской области\n\nС. Умбетов\n"
    )
    c = _clauses(text)[(2, None)]
    assert (c.kind, c.addressees) == ("control", ("заместителя Акима области Жакиянова О.М",))
