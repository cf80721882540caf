"""Shared fixtures: the graph of every catalogued source is built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest


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
