"""Shared fixtures: the five-source graph is built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
GOLDEN = ROOT / "tests" / "golden"
OUTPUT = ROOT / "test-output"


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """Build directory of the full graph from data/catalog.yaml."""
    from kgraph import build

    out = tmp_path_factory.mktemp("kgraph") / "build"
    build.run(out=out)
    return out


@pytest.fixture(scope="session")
def store(built):
    from kgraph.store import open_store

    return open_store(built)


def source_text(doc_id: str) -> str:
    return (SOURCES / f"{doc_id}.txt").read_text(encoding="utf-8")
