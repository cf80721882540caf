"""Build benchmark (not a timed test): cold, unchanged and one-document rebuilds of the real
corpus, and cold builds of synthetic corpora (bench/corpus.py) at --jobs 1 and 2.

    python bench/build.py five [--jobs 2] [--rounds 3] [--first 5]
    python bench/build.py synthetic --docs 100 1000 [--jobs 1 2]

`five` (the real corpus: data/catalog.yaml, five texts when this was written; `--first 5`:
only its first five entries, the founding documents, as issue 20's target counts): in one
process, per round: a cold build (empty cache), a rebuild with nothing changed, and a
rebuild after one text changed (one byte appended, so that its stages run again) for the
smallest, the median and the largest text; the build time is `kgraph.build.run`'s wall time
(the interpreter's start and imports excluded: they are the same for every build),
and the same three as `kgraph build` commands (start-up included) for reference.
The targets are ratios within one run: no change <= 15 % and one touched document
<= 35 % of the cold build.

`synthetic`: for each size, a corpus from bench/corpus.py, then `kgraph build
--no-cache` as a child process at each --jobs: wall time, peak RSS of the whole
process tree (sampled every 0.1 s), documents per second, speed-up from the first
--jobs value to the others.

Results go to bench/results/build.md (and .json); the machine's load average is
recorded at the start and end of each run, since a shared machine skews wall times.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
KGRAPH = [sys.executable, "-m", "kgraph.cli"]
sys.path.insert(0, str(ROOT / "bench"))


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def copy_corpus(dest: Path) -> Path:
    (dest / "sources").mkdir(parents=True)
    for f in (ROOT / "data" / "sources").iterdir():
        if f.is_dir():
            shutil.copytree(f, dest / "sources" / f.name)
        else:
            shutil.copy(f, dest / "sources" / f.name)
    shutil.copy(ROOT / "data" / "registry.yaml", dest)
    shutil.copy(ROOT / "data" / "catalog.yaml", dest)
    return dest / "catalog.yaml"


def first_entries(cat: Path, n: int) -> None:
    """Keep the catalog's first `n` entries (the first five are the founding documents)."""
    import yaml

    data = yaml.safe_load(cat.read_text(encoding="utf-8"))
    data["documents"] = data["documents"][:n]
    cat.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def five(jobs: int, rounds: int, first: int | None = None) -> dict:
    from kgraph import build, catalog

    out: dict = {"jobs": jobs, "rounds": [], "load_start": load()}
    with tempfile.TemporaryDirectory(prefix="kgraph-bench-build-") as tmp:
        tmp = Path(tmp)
        cat = copy_corpus(tmp / "in")
        if first:
            first_entries(cat, first)
        entries = sorted(catalog.load(cat), key=lambda e: e.path.stat().st_size)
        # touched one at a time: the smallest, the median and the largest text
        sample = list({id(e): e for e in (entries[0], entries[len(entries) // 2], entries[-1])}.values())
        out["documents"] = len(entries)
        build.run(cat, tmp / "warm", cache=False, jobs=jobs)  # imports, lemma dictionaries, pool start
        for r in range(rounds):
            cache = tmp / f"cache{r}"
            res: dict = {}
            t = time.perf_counter()
            rep = build.run(cat, tmp / "build", cache=cache, jobs=jobs)
            res["cold"] = time.perf_counter() - t
            res["cold_stages"] = rep.stages
            t = time.perf_counter()
            rep = build.run(cat, tmp / "build", cache=cache, jobs=jobs)
            res["unchanged"] = time.perf_counter() - t
            res["unchanged_stages"] = rep.stages
            touched = {}
            for e in sample:
                data = e.path.read_bytes()
                e.path.write_bytes(data + b"\n")
                try:
                    t = time.perf_counter()
                    build.run(cat, tmp / "build", cache=cache, jobs=jobs)
                    touched[e.id] = time.perf_counter() - t
                finally:
                    e.path.write_bytes(data)
                build.run(cat, tmp / "build", cache=cache, jobs=jobs)  # back to the cached state
            res["touched"] = touched
            out["rounds"].append(res)
        cli = {}
        env = dict(os.environ, KGRAPH_CACHE=str(tmp / "clicache"))
        for name in ("cold", "unchanged"):
            t = time.perf_counter()
            subprocess.run(
                [*KGRAPH, "build", "--catalog", str(cat), "--out", str(tmp / "cli"), "--jobs", str(jobs)],
                check=True,
                capture_output=True,
                env=env,
            )
            cli[name] = time.perf_counter() - t
        out["cli"] = cli
    out["load_end"] = load()
    cold = statistics.median(r["cold"] for r in out["rounds"])
    unchanged = statistics.median(r["unchanged"] for r in out["rounds"])
    touched = [statistics.median(r["touched"][e] for r in out["rounds"]) for e in out["rounds"][0]["touched"]]
    out["summary"] = {
        "cold_s": round(cold, 3),
        "unchanged_s": round(unchanged, 3),
        "unchanged_ratio": round(unchanged / cold, 3),
        "touched_max_s": round(max(touched), 3),
        "touched_median_s": round(statistics.median(touched), 3),
        "touched_max_ratio": round(max(touched) / cold, 3),
        "touched_median_ratio": round(statistics.median(touched) / cold, 3),
    }
    return out


def run_measured(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a command and all its children."""
    t = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = 0
    while proc.poll() is None:
        try:
            procs = [proc, *proc.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    wall = time.perf_counter() - t
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-2000:]}")
    return wall, peak / 1e6


def synthetic(sizes: list[int], jobs: list[int]) -> dict:
    import corpus as corpus_gen

    out: dict = {"runs": []}
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"kgraph-bench-synth{n}-") as tmp:
            tmp = Path(tmp)
            t = time.perf_counter()
            info = corpus_gen.generate(tmp / "in", n, seed=n)
            made = time.perf_counter() - t
            row: dict = {"docs": n, "texts": info["texts"], "bytes": info["bytes"], "generate_s": round(made, 1)}
            for j in jobs:
                load0 = load()
                wall, rss = run_measured(
                    [*KGRAPH, "build", "--catalog", str(tmp / "in" / "catalog.yaml"), "--out", str(tmp / f"b{j}")]
                    + ["--jobs", str(j), "--no-cache"]
                )
                rep = json.loads((tmp / f"b{j}" / "report.json").read_text(encoding="utf-8"))
                row[f"jobs{j}"] = {
                    "wall_s": round(wall, 1),
                    "peak_rss_mb": round(rss),
                    "docs_per_s": round(info["texts"] / wall, 2),
                    "triples": rep["triples"],
                    "violations": len(rep["violations"]),
                    "failed": len(rep["failed"]),
                    "stages": rep["stages"],
                    "load": f"{load0} -> {load()}",
                }
                print(n, j, row[f"jobs{j}"], flush=True)
            base = row[f"jobs{jobs[0]}"]["wall_s"]
            for j in jobs[1:]:
                row[f"speedup_{jobs[0]}_to_{j}"] = round(base / row[f"jobs{j}"]["wall_s"], 2)
            out["runs"].append(row)
    return out


def write_results(kind: str, data: dict) -> None:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / "build.json"
    all_ = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    data["when"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    data["cores"] = os.cpu_count()
    if kind == "synthetic" and "synthetic" in all_:  # keep the other sizes' runs
        sizes = {r["docs"] for r in data["runs"]}
        data["runs"] = sorted(
            [r for r in all_["synthetic"]["runs"] if r["docs"] not in sizes] + data["runs"], key=lambda r: r["docs"]
        )
    all_[kind] = data
    path.write_text(json.dumps(all_, ensure_ascii=False, indent=2), encoding="utf-8")
    (RESULTS / "build.md").write_text(markdown(all_), encoding="utf-8")


def markdown(all_: dict) -> str:
    lines = ["# Build benchmark (bench/build.py)", ""]
    f = all_.get("five")
    if f:
        s = f["summary"]
        lines += [
            f"## The real corpus ({f.get('documents', 5)} texts), --jobs {f['jobs']} ({f['when']}; load average "
            f"{f['load_start']} -> {f['load_end']})",
            "",
            "In-process `kgraph.build.run` wall time, median of the rounds; 'touched': one document's text changed "
            "(the smallest, the median and the largest text, one at a time).",
            "",
            "| build | seconds | share of cold | target |",
            "|---|---|---|---|",
            f"| cold (empty cache) | {s['cold_s']} | 100 % | ≤ 3 s |",
            f"| nothing changed | {s['unchanged_s']} | {s['unchanged_ratio']:.0%} | ≤ 15 % |",
            f"| one document touched (median over the documents) | {s['touched_median_s']} | "
            f"{s['touched_median_ratio']:.0%} | ≤ 35 % |",
            f"| one document touched (the slowest document) | {s['touched_max_s']} | {s['touched_max_ratio']:.0%} | ≤ 35 % |",
            "",
            f"`kgraph build` as a command (start-up included): cold {f['cli']['cold']:.2f} s, "
            f"unchanged {f['cli']['unchanged']:.2f} s.",
            "",
            "Stages of the last cold build (wall s): "
            + ", ".join(f"{k} {v:.2f}" for k, v in f["rounds"][-1]["cold_stages"].items()),
            "",
            "Stages of the last unchanged rebuild (wall s): "
            + ", ".join(f"{k} {v:.2f}" for k, v in f["rounds"][-1]["unchanged_stages"].items()),
            "",
            "Touched rebuilds per document (s, last round): "
            + ", ".join(f"{k} {v:.2f}" for k, v in f["rounds"][-1]["touched"].items()),
            "",
        ]
    syn = all_.get("synthetic")
    if syn:
        lines += [
            f"## Synthetic corpora, `kgraph build --no-cache` ({syn['when']}, {syn['cores']} cores)",
            "",
            "| documents | texts | MB | --jobs | wall s | docs/s | peak RSS MB | triples | speed-up | load |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for row in syn["runs"]:
            for key, r in row.items():
                if not key.startswith("jobs"):
                    continue
                j = key[4:]
                speed = next((v for k, v in row.items() if k.startswith("speedup") and k.endswith(f"_to_{j}")), "")
                lines.append(
                    f"| {row['docs']} | {row['texts']} | {row['bytes'] / 1e6:.1f} | {j} | {r['wall_s']} | "
                    f"{r['docs_per_s']} | {r['peak_rss_mb']} | {r['triples']} | {speed} | {r['load']} |"
                )
        lines += [""]
        for row in syn["runs"]:
            for key, r in row.items():
                if key.startswith("jobs"):
                    lines.append(
                        f"* {row['docs']} documents, --jobs {key[4:]}: stages "
                        + ", ".join(f"{k} {v:.1f}" for k, v in r["stages"].items())
                    )
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="kind", required=True)
    f = sub.add_parser("five")
    f.add_argument("--jobs", type=int, default=2)
    f.add_argument("--rounds", type=int, default=3)
    f.add_argument("--first", type=int, help="only the catalog's first N entries (5: the founding documents)")
    s = sub.add_parser("synthetic")
    s.add_argument("--docs", type=int, nargs="+", default=[100, 1000])
    s.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    if args.kind == "five":
        data = five(args.jobs, args.rounds, args.first)
        print(json.dumps(data["summary"], indent=2))
    else:
        data = synthetic(args.docs, args.jobs)
    write_results(args.kind, data)
    print((RESULTS / "build.md").read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
