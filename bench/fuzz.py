"""Fuzz the readers: 10,000 mutated slices of the real sources through every format and extractor.

    .venv/bin/python bench/fuzz.py [--cases 10000] [--seed 0] [--out bench/results/fuzz.md]

Each case is a slice of one file under data/sources (up to 6,000 characters, one
in ten tiny), mutated (lines cut, duplicated, deleted, swapped, re-indented,
blank lines, noise characters, runs of capitals, characters dropped, doubled or
swapped, truncated anywhere, a table included) and read as plain text, the
mirrors' Markdown or HTML the way the build reads a catalogued document, through
every extractor `kgraph.kinds` lists and its RDF writer (tests/fuzz_support.py,
`read_everything`; tests/test_fuzz.py runs the same on fewer cases in CI).

A crash is any exception but the project's own input errors. Time is the CPU
time of the reading (the machine may be loaded), against 1 s per started 10 KB
of input. Writes crashes, the slowest cases and the load average to --out;
exits 1 on any crash or case over its bound.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import fuzz_support as fs  # noqa: E402  (the harness the test suite uses)


def run(cases: int, seed: int, log=print) -> dict:
    rnd = random.Random(seed)
    for name, text in fs.source_texts().items():  # first calls load dictionaries and compile patterns
        fs.read_everything(text[:3000].encode("utf-8"), "md" if name.endswith(".md") else "txt")
    crashes: dict[tuple, list] = collections.defaultdict(list)
    slow: list[tuple[float, float, int, fs.Case]] = []
    by_format: collections.Counter = collections.Counter()
    sizes = []
    errors = 0
    start = time.monotonic()
    for i in range(cases):
        case = fs.random_case(rnd)
        data = case.data()
        by_format[case.fmt] += 1
        sizes.append(len(data))
        try:
            seconds, triples = fs.cpu_seconds(lambda: fs.read_everything(data, case.fmt))
        except fs.Crash as exc:
            where = traceback.extract_tb(exc.__cause__.__traceback__)[-1]
            key = (str(exc).splitlines()[0][:160], f"{where.filename.rsplit('/src/', 1)[-1]}:{where.lineno}")
            if key not in crashes:
                log(f"crash at case {i}: {key[0]} ({key[1]}): {case}")
            crashes[key].append(case)
            continue
        errors += triples == 0
        slow.append((seconds / fs.allowed_seconds(len(data)), seconds, len(data), case))
        if (i + 1) % 500 == 0:
            log(f"{i + 1} cases, {time.monotonic() - start:.0f} s, {sum(map(len, crashes.values()))} crashes")
    slow.sort(key=lambda s: -s[0])
    return {
        "cases": cases,
        "seed": seed,
        "wall": time.monotonic() - start,
        "crashes": crashes,
        "slow": slow,
        "over": [s for s in slow if s[0] > 1.0],
        "input_errors": errors,
        "formats": by_format,
        "sizes": sizes,
    }


def report(r: dict, load_before: str, load_after: str) -> str:
    n_crash = sum(map(len, r["crashes"].values()))
    worst = r["slow"][0] if r["slow"] else (0.0, 0.0, 0, None)
    per10k = max((s[1] / max(s[2], 1) * 10_240 for s in r["slow"] if s[2] >= 10_240), default=0.0)
    lines = [
        "# Fuzz of the readers (bench/fuzz.py)",
        "",
        f"`python bench/fuzz.py --cases {r['cases']} --seed {r['seed']}`: mutated slices of the real sources "
        "(data/sources) read as a catalogued document is, through every format converter (txt, md, html) and "
        "every extractor of `kgraph.kinds` with its RDF writer. Time is CPU time of the reading; the bound is 1 s "
        "per started 10 KB.",
        "",
        f"* load average before: {load_before}; after: {load_after} (2 cores, shared)",
        f"* cases: {r['cases']} ({', '.join(f'{k} {v}' for k, v in sorted(r['formats'].items()))}); input size "
        f"median {sorted(r['sizes'])[len(r['sizes']) // 2]} bytes, max {max(r['sizes'])} bytes; wall {r['wall']:.0f} s",
        f"* cases read as the project's own input error (no text, nothing readable): {r['input_errors']}",
        f"* **crashes: {n_crash}** ({len(r['crashes'])} distinct)",
        f"* **slowest case: {worst[1]:.3f} s CPU for {worst[2]} bytes**; cases over the bound: **{len(r['over'])}**",
        f"* max seconds per 10 KB (cases of 10 KB or more): {per10k:.3f}",
        "",
    ]
    if r["crashes"]:
        lines += ["## Crashes", ""]
        for (message, where), cases in r["crashes"].items():
            lines.append(f"* {len(cases)} x `{message}` at {where}; first: `{cases[0]}`")
        lines.append("")
    lines += ["## Slowest cases", "", "| CPU s | bytes | share of bound | source | format |", "|---|---|---|---|---|"]
    for share, seconds, size, case in r["slow"][:10]:
        lines.append(f"| {seconds:.3f} | {size} | {share:.2f} | {case.source} | {case.fmt} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "fuzz.md")
    args = parser.parse_args()
    load_before = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    r = run(args.cases, args.seed, log=lambda m: print(m, flush=True))
    text = report(r, load_before, ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 1 if r["crashes"] or r["over"] else 0


if __name__ == "__main__":
    sys.exit(main())
