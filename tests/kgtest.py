"""Paths and small helpers shared by the tests (importable as `kgtest`)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
GOLDEN = ROOT / "tests" / "golden"
OUTPUT = ROOT / "test-output"


def source_text(doc_id: str) -> str:
    return (SOURCES / f"{doc_id}.txt").read_text(encoding="utf-8")
