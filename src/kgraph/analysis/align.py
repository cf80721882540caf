"""Kazakh-Russian word correspondences learned from the corpus' own parallel texts.

The Russian and Kazakh texts of one law or regulation state the same provisions
under the same keys (article, paragraph, item, role): each such pair is a
sentence pair. IBM Model 1 and then Model 2 (`kgraph.analysis.ibm`: expectation
maximisation over flat numpy arrays, the same numbers as nltk's IBMModel2 in seconds
instead of minutes) learn from them the probability that a Russian lemma translates
a Kazakh stem, in both directions. A pair of words is kept when each is among
the other's most likely translations (the intersection heuristic of
statistical word alignment), which removes most of the noise of frequent
words; `kkru_terms.tsv` beside this module holds the result and the similarity
(`kgraph.analysis.textsim`) reads it to carry a Kazakh text into Russian words.

A built graph adds every node it labels in both languages (the provisions, items,
headings and tasks of the acts read in Russian and Kazakh: `store_pairs`), which
is most of the corpus' parallel text. Rebuild it from golden files (or any files
of the same shape) and, optionally, a build:

    python -m kgraph.analysis.align src/kgraph/analysis/kkru_terms.tsv tests/golden/kz-*.json --store build
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path

from kgraph.analysis import ibm
from kgraph.lang import compare_forms, kk_unvoice

TERMS_FILE = "kkru_terms.tsv"
ITERATIONS = 5  # EM iterations of Model 2 (twice as many of Model 1 run first, as nltk does)
TOP = 3  # a word's most likely translations that count for the intersection
MIN_PROB = 0.05  # a translation less likely than this in both directions is noise
MIN_COUNT = 2  # words seen once cannot be aligned with any confidence


def tokens(text: str, lang: str) -> list[str]:
    """Base forms of the content words: lemmas (ru) or stems (kk), numbers and
    one-letter words dropped."""
    return [f for f in compare_forms(text, lang) if len(f) > 1]


def parallel_pairs(paths: Iterable[Path]) -> list[tuple[str, str]]:
    """(kk text, ru text) of every competence or task that two golden files of
    one act (`<id>-kk.json`, `<id>-ru.json`) give under the same key."""
    by_source: dict[str, dict[str, dict]] = defaultdict(dict)
    for path in paths:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        source = data.get("source") or Path(path).stem
        if not isinstance(data, dict) or source[-3:] not in ("-ru", "-kk"):
            continue
        records = data.get("records", {})
        keyed = {}
        for kind in ("competence", "task"):
            for r in records.get(kind, []):
                key = (kind, r.get("article"), r.get("paragraph"), r.get("item"), r.get("role"), r.get("number"))
                if r.get("text"):
                    keyed[key] = r["text"]
        by_source[source[:-3]][source[-2:]] = keyed
    out = []
    for act in sorted(by_source):
        langs = by_source[act]
        if "kk" not in langs or "ru" not in langs:
            continue
        for key in sorted(set(langs["kk"]) & set(langs["ru"]), key=repr):
            out.append((langs["kk"][key], langs["ru"][key]))
    return out


def store_pairs(store) -> list[tuple[str, str]]:
    """(kk text, ru text) of every node of a store labelled in both languages."""
    from kgraph import queries  # the query layer: only learning needs it

    return [(r["kk"].value, r["ru"].value) for r in queries.run(queries.internal("parallel_labels"), store)]


def learn(pairs: Sequence[tuple[str, str]], iterations: int = ITERATIONS) -> dict[str, dict[str, float]]:
    """kk stem -> {ru lemma: P(ru | kk)} for word pairs that align both ways."""
    kk = [tokens(k, "kk") for k, _ in pairs]
    ru = [tokens(r, "ru") for _, r in pairs]
    counts_kk = _counts(kk)
    counts_ru = _counts(ru)
    keep = [(a, b) for a, b in zip(kk, ru, strict=True) if a and b]

    def model(src, tgt):  # t(target word | source word): {target: {source: p}}
        return ibm.train(src, tgt, iterations)

    kk_side = [a for a, _ in keep]
    ru_side = [b for _, b in keep]
    kk_to_ru = model(kk_side, ru_side)  # [ru][kk] = P(ru | kk)
    ru_to_kk = model(ru_side, kk_side)  # [kk][ru] = P(kk | ru)
    best_ru = _best(kk_to_ru, counts_ru, counts_kk)  # kk -> top ru
    best_kk = _best(ru_to_kk, counts_kk, counts_ru)  # ru -> top kk
    table: dict[str, dict[str, float]] = {}
    for k, options in best_ru.items():
        for r, p in options.items():
            q = best_kk.get(r, {}).get(k)
            if q is not None and max(p, q) >= MIN_PROB:
                table.setdefault(k, {})[r] = round(p, 4)
    return table


def _counts(sentences) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for s in sentences:
        for w in set(s):
            out[w] += 1
    return out


def _best(tt, target_counts, source_counts) -> dict[str, dict[str, float]]:
    """source word -> its TOP most likely target words (both seen MIN_COUNT times)."""
    by_source: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for target, row in tt.items():
        if target is None or target_counts.get(target, 0) < MIN_COUNT:
            continue
        for source, p in row.items():
            if source is not None and source_counts.get(source, 0) >= MIN_COUNT and p > 1e-3:
                by_source[source].append((p, target))
    return {s: {t: p for p, t in sorted(options, reverse=True)[:TOP]} for s, options in by_source.items()}


def write(table: dict[str, dict[str, float]], out: Path, about: str) -> None:
    lines = [f"# {line}" for line in about.splitlines()]
    lines.append("# kk stem\tru lemma\tP(ru | kk)")
    for k in sorted(table):
        for r, p in sorted(table[k].items(), key=lambda x: (-x[1], x[0])):
            lines.append(f"{k}\t{r}\t{p}")
    Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")


@cache
def kk_ru() -> dict[str, tuple[tuple[str, float], ...]]:
    """The shipped table: kk stem -> ((ru lemma, P(ru | kk)), ...), most likely first."""
    try:
        text = (files("kgraph.analysis") / TERMS_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    rows: dict[str, dict[str, float]] = defaultdict(dict)
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        k, r, p = line.split("\t")
        key = kk_unvoice(k)  # stems as texts are compared (a table learned before kept "орталығ")
        rows[key][r] = max(float(p), rows[key].get(r, 0.0))
    return {k: tuple(sorted(v.items(), key=lambda x: -x[1])) for k, v in rows.items()}


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: python -m kgraph.analysis.align OUT.tsv GOLDEN.json... [--store BUILD]", file=sys.stderr)
        return 2
    args = list(argv[1:])
    store_dir = None
    if "--store" in args:
        at = args.index("--store")
        store_dir = args[at + 1]
        del args[at : at + 2]
    paths = [Path(p) for p in args]
    pairs = parallel_pairs(paths)
    if store_dir:
        from kgraph.store import open_store

        pairs = list(dict.fromkeys(pairs + store_pairs(open_store(store_dir))))
    table = learn(pairs)
    acts = sorted({p.stem.rsplit("-", 1)[0] for p in paths if p.stem[-3:] in ("-ru", "-kk")})
    write(
        table,
        Path(argv[0]),
        f"Kazakh-Russian word correspondences (kgraph.analysis.align): IBM Model 1+2, iterations {ITERATIONS},\n"
        f"intersection of the top {TOP} of both directions; {len(pairs)} aligned items of {len(acts)} acts"
        + (" (their goldens and every node of a build labelled in both languages)" if store_dir else "")
        + ":\n"
        + ", ".join(acts),
    )
    print(f"{sum(map(len, table.values()))} word pairs for {len(table)} Kazakh stems from {len(pairs)} item pairs")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
