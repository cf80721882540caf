"""A whole draft article: numbered items, each with its verdict, and the exports."""

from __future__ import annotations

import csv
import io

import pytest

import golden_graph as sample
from kgraph.analysis import article, overlaps


@pytest.mark.parametrize(
    "text, heading, numbers",
    [
        (
            "Статья 7. Компетенция\nУполномоченный орган:\n1) разрабатывает карту;\n2) утверждает план.",
            "Статья 7. Компетенция\nУполномоченный орган:",
            ["1", "2"],
        ),
        (
            "7-бап. Құзыреті\nУәкілетті орган: 1) картаны әзірлейді; 1-1) жоспарды бекітеді; 2) кеңес құрады.",
            "7-бап. Құзыреті\nУәкілетті орган:",
            ["1", "1-1", "2"],
        ),
        ("1. Первый пункт.\n2. Второй пункт, 2.5 процента.", "", ["1", "2"]),
        ("утверждает правила дорожного движения", "", [""]),
    ],
)
def test_split_items(text, heading, numbers):
    head, items = article.split_items(text)
    assert head == heading and [i.number for i in items] == numbers
    assert all(i.text and not i.text.endswith(";") for i in items)


@pytest.fixture(scope="module")
def golden():
    return sample.golden_store()


def test_check_article_item_by_item(golden):
    draft = (
        "4-бап. Үкіметтің құзыреті\nҮкімет: 1) республикалық индустрияландыру картасын бекітеді;\n"
        "2) жол жүрісі қағидаларын бекітеді;\n3) ғылыми-технологиялық дамытудың салааралық жоспарын әзірлейді."
    )
    report = article.check_article(draft, store=golden)
    assert [i.number for i in report.items] == ["1", "2", "3"]
    one, two, three = report.items
    assert one.verdict.overlaps and one.best.ref == "art:4/item:6" and one.best.band == "duplicate"
    assert not two.verdict.overlaps and two.verdict.summary == overlaps.NOTHING
    assert any(m.band == "complementary-levels" for m in three.verdict.matches)  # the Government approves it
    assert report.summary["items"] == 3 and report.summary["overlapping_items"] >= 2
    data = report.as_dict()
    assert data["items"][0]["verdict"]["matches"][0]["band"] == "duplicate"
    rows = list(csv.DictReader(io.StringIO(article.to_csv(report))))
    assert tuple(rows[0]) == article.COLUMNS and {r["item"] for r in rows} == {"1", "2", "3"}
