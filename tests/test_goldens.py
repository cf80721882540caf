"""Mandates of the golden files: the search space of the drafter check's labelled set."""

from __future__ import annotations

import pytest

from kgraph.analysis import goldens
from kgtest import GOLDEN


@pytest.mark.parametrize(
    "record, ref",
    [
        ({"article": "6", "item": "18"}, "art:6/item:18"),
        ({"paragraph": "15", "item": "101"}, "para:15/item:101"),
        ({"number": "12."}, "task:12"),
        ({"section": "2", "number": "3", "_restarts": True}, "task:2.3"),
    ],
)
def test_ref_of(record, ref):
    assert goldens.ref_of(record) == ref


def test_both_texts_of_a_provision_are_one_mandate():
    corpus = goldens.golden_corpus([GOLDEN / "kz-law-2009-165-iv-ru.json", GOLDEN / "kz-law-2009-165-iv-kk.json"])
    key = goldens.key_of("kz-law-2009-165-iv-ru", "art:6/item:7-4", "authorized-body-res")
    assert {m.lang for m in corpus.mandates} == {"ru", "kk"} and key in {m.iri for m in corpus.mandates}
    joined = goldens.bilingual(corpus)
    assert len(joined.mandates) == len(corpus.mandates) // 2
    m = next(m for m in joined.mandates if m.ref == "art:6/item:7-4")
    assert dict(m.texts) == {"ru": "утверждает фиксированные тарифы", "kk": "тіркелген тарифтерді бекітеді"}
