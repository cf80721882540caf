"""Benchmark of the drafter check (not a timed test): time per checked item, warm.

1. The golden corpus (tests/golden/*.json: the laws, regulations and plans in
   both languages, ~3400 mandates): the index is built once, then every draft
   of the labelled set (tests/golden/overlap_calibration.json) is checked
   `--repeat` times; median and 95th percentile milliseconds per item.
2. A whole article (the labelled set's drafts as numbered items, 20 at a time):
   milliseconds per item through `article.check_article`.
3. With --build: the same drafts against a built graph's store.

Target: <= 50 ms per checked item, warm. Prints the tables and writes
bench/results/overlaps.md together with the labelled set's numbers (held-back
half, the f1b39f7 checker's numbers from bench/results/overlaps-before.json).

    python bench/overlaps.py [--build build] [--repeat 3] [--out bench/results/overlaps.md]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from kgraph.analysis import article, bands, calibration, overlaps
from kgraph.analysis.index import Analyzer, analyzer_for
from kgraph.store import open_store

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
SET = GOLDEN / "overlap_calibration.json"
BEFORE = ROOT / "bench" / "results" / "overlaps-before.json"


def times_ms(fn, drafts: list[tuple[str, str]], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        for text, lang in drafts:
            start = time.perf_counter()
            fn(text, lang)
            out.append((time.perf_counter() - start) * 1000)
    return out


def summary(ms: list[float]) -> dict:
    ordered = sorted(ms)
    return {
        "items": len(ms),
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
        "max_ms": round(ordered[-1], 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "overlaps.md")
    args = ap.parse_args(argv)

    pairs = calibration.load_pairs(SET)
    drafts = list(dict.fromkeys((p["draft"], p["draft_lang"]) for p in pairs))
    started = time.perf_counter()
    an = Analyzer(calibration.golden_corpus(calibration.golden_files(GOLDEN)))
    build_s = time.perf_counter() - started
    overlaps.verdict("warm up", analyzer=an)
    rows = {
        "golden corpus, one draft": summary(
            times_ms(lambda t, lg: overlaps.verdict(t, lg, analyzer=an), drafts, args.repeat)
        )
    }

    chunks = [drafts[k : k + 20] for k in range(0, len(drafts), 20)]
    per_item = []
    for _ in range(args.repeat):
        for chunk in chunks:
            text = "\n".join(f"{n}) {t};" for n, (t, _) in enumerate(chunk, 1))
            start = time.perf_counter()
            report = article.check_article(text, analyzer=an)
            per_item.append((time.perf_counter() - start) * 1000 / len(report.items))
    rows["golden corpus, article of 20 items"] = summary(per_item)

    if args.build:
        store = open_store(args.build)
        built = analyzer_for(store)
        overlaps.verdict("warm up", analyzer=built)
        rows[f"build {args.build} ({len(built.items)} mandates), one draft"] = summary(
            times_ms(lambda t, lg: overlaps.verdict(t, lg, analyzer=built), drafts, args.repeat)
        )

    numbers = calibration.report(pairs, an, bands.shipped())
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    before = json.loads(BEFORE.read_text(encoding="utf-8")) if BEFORE.is_file() else {}
    lines = [
        "# Drafter check: time per item and the labelled set's numbers",
        "",
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, {platform.machine()}; "
        f"index of {len(an.items)} mandates ({len(an.rows)} texts) built in {build_s:.1f} s; "
        f"`python bench/overlaps.py` (repeat {args.repeat}); load average {load} (2 cores, shared). "
        "Target: <= 50 ms per checked item, warm.",
        "",
        "| run | items | median ms | p95 ms | max ms |",
        "|---|---|---|---|---|",
    ]
    for name, r in rows.items():
        lines.append(f"| {name} | {r['items']} | {r['median_ms']} | {r['p95_ms']} | {r['max_ms']} |")
    lines += ["", "## The labelled set (tests/golden/overlap_calibration.json)", ""]
    lines += ["| measure | f1b39f7 held | now held | now fit |", "|---|---|---|---|"]
    for key, name in (
        ("duplicate", "precision, duplicate band"),
        ("overlapping", "precision, overlapping band"),
        ("complementary-levels", "precision, complementary (levels) band"),
    ):
        old = before.get("held", {}).get("precision", {}).get(key)
        lines.append(f"| {name} | {old} | {numbers['held']['precision'][key]} | {numbers['fit']['precision'][key]} |")
    for key in (
        "nothing_overlaps_for_unrelated",
        "nothing_shown_for_unrelated",
        "paraphrase_top3",
        "kk_ru_recall",
        "kk_ru_top3",
        "levels_recall",
    ):
        old = before.get("held", {}).get(key)
        lines.append(f"| {key.replace('_', ' ')} | {old} | {numbers['held'][key]} | {numbers['fit'][key]} |")
    try:
        sys.path.insert(0, str(Path(__file__).parent))
        import overlaps_lexicon  # the hand list of f1b39f7 against the learned table, same checker

        hand = overlaps_lexicon.main_numbers()
        lines += [
            "",
            "## kk↔ru: the hand list of f1b39f7 against the learned correspondences (same checker, same bands)",
            "",
        ]
        lines += ["| measure | hand list held | learned held | hand list fit | learned fit |", "|---|---|---|---|---|"]
        for key in ("kk_ru_recall", "kk_ru_top3", "paraphrase_top3"):
            row = [hand["hand list"]["held"][key], hand["learned"]["held"][key], hand["hand list"]["fit"][key]]
            lines.append(
                f"| {key.replace('_', ' ')} | " + " | ".join(map(str, [*row, hand["learned"]["fit"][key]])) + " |"
            )
    except subprocess.CalledProcessError:  # no git history here: the hand list cannot be read
        pass
    lines += [
        "",
        "f1b39f7 had no bands: a score at or above its detection threshold counts as the overlapping band there, "
        "and its kk-ru recall is at that threshold (0.225), where its precision was 0.2.",
        "",
        f"Thresholds (bands.json, fitted on the fit half): `{json.dumps(bands.shipped().as_dict())}`",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
