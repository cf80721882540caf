"""kgraph.works: which redaction owns the act's part IRIs, and the expressions of each text."""

from __future__ import annotations

import datetime as dt

import pytest

from kgraph import iri, works

LAW = iri.act("law", dt.date(2012, 1, 9), "534-IV")
D2015 = dt.date(2015, 10, 29)


def text(doc_id, lang, version=None, act=LAW):
    return works.Text(doc_id, act, lang, version)


@pytest.mark.parametrize(
    "texts, roots",
    [
        # one text: it owns the plain IRIs, dated or not
        ([text("kk", "kk")], {"kk": LAW}),
        ([text("ru", "ru", D2015)], {"ru": LAW}),
        # two languages of one redaction share the parts
        ([text("ru", "ru", D2015), text("kk", "kk", D2015)], {"ru": LAW, "kk": LAW}),
        # the seed law's undated Kazakh PDF text and the mirror's 2015 texts: the dated redaction owns
        (
            [text("seed", "kk"), text("ru", "ru", D2015), text("kk", "kk", D2015)],
            {"seed": iri.version(LAW, "undated-kk"), "ru": LAW, "kk": LAW},
        ),
        # the census plan: ru 2020, kk 2021 -> the newer owns, the older is scoped by its date
        (
            [text("ru", "ru", dt.date(2020, 9, 16)), text("kk", "kk", dt.date(2021, 5, 26))],
            {"ru": iri.version(LAW, "2020-09-16"), "kk": LAW},
        ),
        # two undated texts in two languages: two redactions, the first listed owns
        ([text("a", "ru"), text("b", "kk")], {"a": LAW, "b": iri.version(LAW, "undated-kk")}),
    ],
)
def test_roots(texts, roots):
    placed = works.place(texts)
    assert {k: p.root for k, p in placed.items()} == roots
    # the parts of two redactions never share a root
    by_version = {}
    for p in placed.values():
        by_version.setdefault(p.root, set()).add(p.version)
    assert all(len(v) == 1 for v in by_version.values())


def test_expressions_and_siblings():
    placed = works.place([text("ru", "ru", D2015), text("kk", "kk", D2015), text("seed", "kk")])
    assert placed["ru"].expression == iri.expression(LAW, "ru", D2015)
    assert placed["seed"].expression == iri.expression(LAW, "kk")
    assert placed["ru"].siblings == ("ru", "kk") == placed["kk"].siblings
    assert placed["seed"].siblings == ("seed",)
    assert placed["ru"].newest and not placed["seed"].newest


def test_acts_are_kept_apart():
    other = iri.act("decree", dt.date(2013, 12, 13), "1331")
    placed = works.place([text("a", "ru", D2015), text("b", "ru", D2015, act=other)])
    assert placed["a"].root == LAW and placed["b"].root == other


def test_the_same_text_twice_is_a_clear_error():
    with pytest.raises(works.ModelError, match="'a' and 'b' are the same text"):
        works.place([text("a", "kk"), text("b", "kk")])
