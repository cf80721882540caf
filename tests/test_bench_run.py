"""bench/run.py end to end on a small replica, so that the benchmark keeps working (its
timings are reported in notes, never asserted)."""

from __future__ import annotations

import subprocess
import sys

from kgtest import ROOT


def test_the_benchmark_runs_every_part_and_writes_its_report(built, tmp_path):
    out = tmp_path / "report.md"
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            "--build",
            str(built),
            "--triples",
            "60000",
            "--queries",
            "institutions",
            "provenance",
            "responsibilities",
            "--out",
            str(out),
            "--work",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    report = out.read_text(encoding="utf-8")
    # The engines table (five sources and the replica), and the two layers tables, a row per query.
    assert "| institutions | 86 |" in report and "| provenance | 1 |" in report
    assert report.count("| institutions |") == 3 and "at 1M triples" in report
    assert "Geometric mean over the queries: cli" in report
    # a query that pages by default (`# page: 1000`) has its first page timed too; the others do not
    paged = next(line for line in report.splitlines() if line.startswith("| responsibilities |"))
    assert paged.split(" | ")[7].endswith(" rows)")
    assert next(line for line in report.splitlines() if line.startswith("| provenance |")).split(" | ")[7] == "—"
    assert (tmp_path / "replica-60000.nq").is_file()
