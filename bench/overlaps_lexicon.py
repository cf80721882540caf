"""kk-ru matching before and after (not a timed test): the hand list of ~150 paired
terms of commit f1b39f7 against the correspondences learned from the parallel texts
(kgraph/analysis/kkru_terms.tsv), in the same checker with the same bands.

The hand list is read from git (`git show f1b39f7:src/kgraph/analysis/textsim.py`) and
turned into the same shape as the learned table (a Kazakh stem -> its Russian lemma;
multi-word entries word by word). Prints kk-ru recall and top 3 on both halves.

    python bench/overlaps_lexicon.py [--commit f1b39f7]
"""

from __future__ import annotations

import argparse
import ast
import json
import subprocess
import sys
from pathlib import Path

from kgraph.analysis import align, bands, calibration, textsim
from kgraph.analysis.index import Analyzer
from kgraph.lang import compare_forms

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"


def hand_table(commit: str) -> dict[str, tuple[tuple[str, float], ...]]:
    src = subprocess.run(
        ["git", "show", f"{commit}:src/kgraph/analysis/textsim.py"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    tree = ast.parse(src)
    node = next(n for n in tree.body if isinstance(n, ast.AnnAssign) and getattr(n.target, "id", "") == "LEXICON")
    table: dict[str, tuple[tuple[str, float], ...]] = {}
    for _, ru, kk in ast.literal_eval(node.value):
        ru_words = [compare_forms(f, "ru") for f in ru.split(";")]
        single = [w[0] for w in ru_words if len(w) == 1] or [w[-1] for w in ru_words if w]
        for words in (compare_forms(f, "kk") for f in kk.split(";")):
            if len(words) == 1 and single:
                table.setdefault(words[0], ((single[0], 1.0),))
            elif len(words) > 1 and ru_words and len(ru_words[0]) == len(words):
                for k, r in zip(words, ru_words[0], strict=True):
                    table.setdefault(k, ((r, 1.0),))
    return table


def numbers() -> dict:
    pairs = calibration.load_pairs(GOLDEN / "overlap_calibration.json")
    an = Analyzer(calibration.golden_corpus(calibration.golden_files(GOLDEN)))
    out = calibration.report(pairs, an, bands.shipped())
    return {h: {k: out[h][k] for k in ("kk_ru_recall", "kk_ru_top3", "paraphrase_top3")} for h in ("held", "fit")}


def main_numbers(commit: str = "f1b39f7") -> dict:
    learned = numbers()
    table = hand_table(commit)
    align.kk_ru.cache_clear()
    textsim._translations.cache_clear()
    original = align.kk_ru
    align.kk_ru = lambda: table  # the checker reads the table through this function
    try:
        hand = numbers()
    finally:
        align.kk_ru = original
        align.kk_ru.cache_clear()
        textsim._translations.cache_clear()
    return {"hand list": hand, "learned": learned, "hand stems": len(table)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--commit", default="f1b39f7")
    args = ap.parse_args(argv)
    print(json.dumps(main_numbers(args.commit), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
