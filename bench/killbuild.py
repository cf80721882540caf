"""Kill `kgraph build` with SIGKILL at random points and check that a servable build always remains.

    .venv/bin/python bench/killbuild.py [--iterations 50] [--seed 0]

A first build is made; then each iteration starts `kgraph build` (a one-document
catalog, SHACL off) and kills it at a random moment between its start and a
little past its usual end, then checks the build path: `build/report.json`
exists and the store under it opens with triples in it. Prints one line per
iteration and a summary; exits 1 if any iteration found no servable build.
tests/test_buildswap.py runs 20 iterations; the issue's check is 50.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = "kz-gov-decree-2013-631-kk"


def catalog(tmp: Path) -> Path:
    (tmp / "sources").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "data" / "sources" / f"{DOC}.txt", tmp / "sources" / f"{DOC}.txt")
    shutil.copy(ROOT / "data" / "registry.yaml", tmp / "registry.yaml")  # read beside the catalog
    cat = tmp / "catalog.yaml"
    cat.write_text(
        f"documents:\n  - {{id: {DOC}, file: {DOC}.txt, language: kk, kinds: [decree, plan]}}\n", encoding="utf-8"
    )
    return cat


def command(cat: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "kgraph.cli", "build", "--catalog", str(cat), "--out", str(out), "--no-shacl"]


def servable(out: Path) -> str | None:
    """None if `out` is a servable build, else what is wrong."""
    from kgraph.store import open_store

    if not (out / "report.json").is_file():
        return "no report.json"
    try:
        n = len(open_store(out))
    except Exception as exc:  # noqa: BLE001 - reported
        return f"store does not open: {exc}"
    return None if n > 0 else "empty store"


def kill_loop(iterations: int, work: Path, seed: int = 0, log=print) -> list[str]:
    """Run the loop in `work`; returns the failures (empty when every kill left a servable build)."""
    rnd = random.Random(seed)
    cat = catalog(work)
    out = work / "build"
    start = time.monotonic()
    subprocess.run(command(cat, out), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    usual = time.monotonic() - start
    failures = []
    for i in range(iterations):
        at = rnd.uniform(0.0, usual * 1.1)
        proc = subprocess.Popen(command(cat, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(at)
        finished = proc.poll() is not None
        if not finished:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        problem = servable(out)
        log(f"{i + 1:3d}: killed at {at:5.2f} s{' (already done)' if finished else ''}: {problem or 'servable'}")
        if problem:
            failures.append(f"iteration {i + 1} (kill at {at:.2f} s): {problem}")
    leftovers = [p.name for p in work.iterdir() if p.name.startswith(".build.") and p.name != ".build.lock"]
    subprocess.run(command(cat, out), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = [p.name for p in work.iterdir() if p.name.startswith(".build.") and p.name != ".build.lock"]
    kept = sorted(p.name for p in work.iterdir() if p.name.startswith("build.") and p.name != f"{out.name}.cache")
    log(
        f"temporaries left by the kills: {len(leftovers)}; after one more build: {after or 'none'}; builds kept: {kept}"
    )
    if after:
        failures.append(f"temporaries not cleaned by the next build: {after}")
    if len(kept) > 2:
        failures.append(f"old builds not cleaned: {kept}")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kgraph-killbuild-") as tmp:
        failures = kill_loop(args.iterations, Path(tmp), args.seed)
    print(
        f"{args.iterations - len([f for f in failures if f.startswith('iteration')])} of {args.iterations} kills left a servable build"
    )
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
