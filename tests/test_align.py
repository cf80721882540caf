"""Kazakh-Russian word correspondences learned from parallel texts (IBM Model 2)."""

from __future__ import annotations

import json

from kgraph.analysis import align
from kgraph.lang import base_forms
from kgtest import GOLDEN


def test_parallel_pairs_are_the_same_keys_in_both_languages(tmp_path):
    def golden(lang, texts):
        recs = [{"article": "5", "paragraph": None, "item": str(k), "role": "government", "text": t} for k, t in texts]
        path = tmp_path / f"kz-law-x-{lang}.json"
        path.write_text(json.dumps({"source": f"kz-law-x-{lang}", "records": {"competence": recs}}), encoding="utf-8")
        return path

    ru = golden("ru", [(1, "утверждает карту"), (2, "создает совет")])
    kk = golden("kk", [(1, "картаны бекітеді"), (3, "кеңес құрады")])
    assert align.parallel_pairs([ru, kk]) == [("картаны бекітеді", "утверждает карту")]


def test_learn_finds_correspondences_in_a_small_bitext():
    kk = [
        "картаны бекітеді",
        "жоспарды бекітеді",
        "картаны әзірлейді",
        "жоспарды әзірлейді",
        "кеңесті құрады",
        "кеңесті бекітеді",
    ]
    ru = [
        "утверждает карту",
        "утверждает план",
        "разрабатывает карту",
        "разрабатывает план",
        "создает совет",
        "утверждает совет",
    ]
    table = align.learn(list(zip(kk, ru, strict=True)), iterations=10)
    stem = lambda w: base_forms(w, "kk")[0]
    assert max(table[stem("бекітеді")], key=table[stem("бекітеді")].get) == "утверждать"
    assert max(table[stem("картаны")], key=table[stem("картаны")].get) == "карта"


def test_the_shipped_table_was_learned_from_the_golden_corpus():
    table = align.kk_ru()
    assert table["бекіт"][0][0] == "утверждение" and table["мемлекеттік"][0][0] == "государственный"
    head = (align.files("kgraph.analysis") / align.TERMS_FILE).read_text(encoding="utf-8").splitlines()[:3]
    assert "IBM Model" in head[0] and "kz-law-2024-103-viii" in " ".join(head)
    assert sum(map(len, table.values())) > 1000
    pairs = align.parallel_pairs(sorted(GOLDEN.glob("kz-*.json")))
    assert len(pairs) > 1500  # the laws' and regulations' items in both languages
