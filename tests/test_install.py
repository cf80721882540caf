"""The package is self-contained: installed non-editable into a fresh virtualenv, it builds
the graph from a catalog anywhere, reading the registry and the sources beside that catalog.

Fast and offline: the fresh virtualenv sees the test environment's third-party packages
(through a .pth file pointing at a directory of links to them, kgraph's own left out), and
the wheel is built without build isolation (setuptools comes from the test environment).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

from kgraph import settings
from kgtest import ROOT

PACKAGE_FILES = ("pyproject.toml", "README.md", "src", "ontology", "queries")


def _venv_with_dependencies(where: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True)
    python = where / "bin" / "python"
    purelib = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    deps = where / "deps"
    deps.mkdir()
    ours = Path(sysconfig.get_paths()["purelib"])
    for entry in ours.iterdir():
        if "kgraph" not in entry.name.lower():  # the editable install of this worktree stays out
            (deps / entry.name).symlink_to(entry)
    (purelib / "test-environment.pth").write_text(f"{deps}\n", encoding="utf-8")
    return python


def _copy_package(to: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "vendor", "node_modules")
    to.mkdir()
    for name in PACKAGE_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, to / name, ignore=ignore)
        else:
            shutil.copy2(src, to / name)
    return to


def _quads(path: Path) -> list[str]:
    return sorted(line for line in path.read_text(encoding="utf-8").splitlines() if "_:" not in line)


@pytest.mark.timeout(600)
def test_installed_package_builds_from_a_catalog_elsewhere(tmp_path, built):
    python = _venv_with_dependencies(tmp_path / "venv")
    package = _copy_package(tmp_path / "package")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps"]
        + ["--no-build-isolation", "--no-index", str(package)],
        check=True,
    )
    shutil.rmtree(package)  # nothing may be read from the source tree any more
    where = subprocess.run(
        [str(python), "-c", "import kgraph.vocab as v; print(v.__file__, v.ONTOLOGY_FILE)"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert str(tmp_path / "venv") in where and str(ROOT) not in where

    data = shutil.copytree(ROOT / "data", tmp_path / "elsewhere")  # catalog, registry.yaml, sources/
    work = tmp_path / "work"  # the working directory has no data/ of its own
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KGRAPH_")}
    kgraph = str(tmp_path / "venv" / "bin" / "kgraph")
    out = work / "out"
    subprocess.run(
        [kgraph, "build", "--catalog", str(data / "catalog.yaml"), "--out", str(out), "--no-shacl"],
        check=True,
        cwd=work,
        env=env,
        capture_output=True,
    )
    assert _quads(out / settings.GRAPH_FILE) == _quads(built / settings.GRAPH_FILE)

    listed = subprocess.run(
        [kgraph, "query", "sources", "--build", str(out), "--format", "csv"],
        check=True,
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    ).stdout  # the named queries come with the package
    assert "kz-law-industrial-innovative-support-kk" in listed

    scored = subprocess.run(
        [kgraph, "eval", "kz-gov-decree-2013-631-kk", "--golden", str(ROOT / "tests" / "golden")]
        + ["--catalog", str(data / "catalog.yaml")],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert scored.returncode == 0, scored.stderr
    assert "1.000" in scored.stdout

    missing = subprocess.run([kgraph, "build", "--out", str(work / "x")], cwd=work, env=env, capture_output=True)
    assert missing.returncode == 1  # no data/catalog.yaml in the working directory: a clear error
    assert b"catalog file not found" in missing.stderr


def test_every_subpackage_is_listed_in_pyproject():
    """pyproject.toml lists the packages (it maps ontology/ and queries/ into the package)."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT / "src").parts) for p in (ROOT / "src" / "kgraph").rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert {"kgraph.ontology", "kgraph.query_files"} <= listed
