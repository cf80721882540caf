"""IBM Models 1 and 2 in numpy: the numbers of nltk's IBMModel2, faster."""

from __future__ import annotations

import pytest

from kgraph.analysis import ibm

KK = [["карта", "бекіт"], ["жоспар", "бекіт", "жыл"], ["карта", "әзірл"], ["жоспар", "әзірл"], ["кеңес", "құр"]]
RU = [
    ["утверждать", "карта"],
    ["утверждать", "план", "год"],
    ["разрабатывать", "карта"],
    ["разрабатывать", "план"],
    ["создавать", "совет"],
]


def test_the_same_table_as_nltk():
    from nltk.translate import AlignedSent, IBMModel2

    ours = ibm.train(KK, RU, 3)
    theirs = IBMModel2([AlignedSent(r, k) for k, r in zip(KK, RU, strict=True)], 3).translation_table
    assert set(ours) == set(RU[0]) | {w for s in RU for w in s}
    for target, row in ours.items():
        for source, p in row.items():
            assert p == pytest.approx(theirs[target][source], abs=1e-9), (target, source)


def test_words_find_their_translations():
    t = ibm.train(KK, RU, 5)
    assert max(t["карта"], key=t["карта"].get) == "карта"
    assert max(t["план"], key=t["план"].get) == "жоспар"
    assert max(t["создавать"], key=t["создавать"].get) in ("құр", "кеңес")
    for row in t.values():  # the NULL word is a source too
        assert None in row


def test_empty_and_one_sided_pairs_are_skipped():
    assert ibm.train([], [], 3) == {}
    assert ibm.train([[], ["a"]], [["x"], ["b"]], 2)["b"]["a"] == pytest.approx(1.0, abs=1e-6)
