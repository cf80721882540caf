"""The build swap (kgraph.buildswap): a symlink switched by one rename, stale builds cleaned,
one-line errors, old-style directories migrated, and kill -9 at any point leaves a servable build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kgraph import buildswap
from kgtest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import killbuild


def fake_build(marker: str):
    def write_into(d: Path) -> None:
        (d / "report.json").write_text(marker, encoding="utf-8")

    return write_into


def test_the_build_path_is_a_symlink_to_the_newest_build_and_two_are_kept(tmp_path):
    out = tmp_path / "build"
    made = [buildswap.publish(out, fake_build(str(i))) for i in range(3)]
    assert out.is_symlink() and out.resolve() == made[2]
    assert (out / "report.json").read_text() == "2"
    assert not os.path.isabs(os.readlink(out))  # relative: the pair can be moved together
    assert buildswap.builds(out) == made[1:]  # the current and the previous one


def test_a_build_a_server_holds_is_not_removed(tmp_path):
    out = tmp_path / "build"
    first = buildswap.publish(out, fake_build("0"))
    held = buildswap.pin(out.resolve())
    try:
        for i in range(3):
            buildswap.publish(out, fake_build(str(i + 1)))
        assert first.is_dir()
    finally:
        held.close()
    buildswap.publish(out, fake_build("x"))
    assert not first.exists()


def test_temporaries_of_killed_builds_are_removed_by_the_next_build(tmp_path):
    out = tmp_path / "build"
    buildswap.publish(out, fake_build("0"))
    for name in (".build.20250101T000000000-1.tmp", ".build.tmp-1700000000000", ".build.old-1700000000000"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "junk").write_text("x")
    os.symlink("nowhere", tmp_path / ".build.20250101T000000000-1.link")
    buildswap.publish(out, fake_build("1"))
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == [".build.lock"]


def test_an_old_plain_build_directory_is_migrated(tmp_path):
    out = tmp_path / "build"
    out.mkdir()
    (out / "report.json").write_text("old", encoding="utf-8")
    os.chmod(out, 0o555)  # even a read-only one
    buildswap.publish(out, fake_build("new"))
    assert out.is_symlink() and (out / "report.json").read_text() == "new"
    legacy = [p for p in tmp_path.iterdir() if p.name.startswith("build.legacy-")]
    assert len(legacy) == 1 and (legacy[0] / "report.json").read_text() == "old"


def test_a_missing_link_is_repaired_from_the_newest_build(tmp_path):
    out = tmp_path / "build"
    newest = buildswap.publish(out, fake_build("0"))
    out.unlink()  # as a kill between the two renames of a migration without renameat2 would
    buildswap.clean(out)
    assert out.resolve() == newest


def test_a_failed_build_keeps_the_previous_one(tmp_path):
    out = tmp_path / "build"
    first = buildswap.publish(out, fake_build("0"))

    def broken(d: Path) -> None:
        (d / "half").write_text("x")
        raise ValueError("extraction failed")

    with pytest.raises(ValueError):
        buildswap.publish(out, broken)
    assert out.resolve() == first
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_permission_problems_are_one_line_errors(tmp_path, monkeypatch):
    def denied(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "mkdir", denied)
    with pytest.raises(buildswap.BuildDirError) as err:
        buildswap.publish(tmp_path / "ro" / "build", fake_build("0"))
    assert str(err.value) == f"cannot write the build: {tmp_path / 'ro'} is not writable (Permission denied)"


@pytest.mark.skipif(os.geteuid() != 0, reason="runs the CLI as an unprivileged user")
def test_a_read_only_parent_gives_one_line_and_no_traceback(tmp_path):
    parent = tmp_path / "ro"
    parent.mkdir()
    os.chmod(tmp_path, 0o755)
    os.chmod(parent, 0o555)
    cat = killbuild.catalog(tmp_path / "src")
    os.chmod(tmp_path / "src", 0o755)
    code = f"""
import os, sys
from kgraph.cli import app
import kgraph.build  # imported as root: the interpreter's files may be closed to others
os.setgid(65534); os.setuid(65534)
sys.argv = {killbuild.command(cat, parent / "build")[2:]!r}
sys.argv[0] = "kgraph"
app()
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    if "setuid" in out.stderr or "ModuleNotFoundError" in out.stderr:
        pytest.skip("cannot run as an unprivileged user here")
    assert out.returncode == 1
    lines = [line for line in out.stderr.splitlines() if line.strip()]
    assert lines == [f"error: cannot write the build: {parent} is not writable (Permission denied)"], out.stderr


@pytest.mark.server
def test_kill_9_at_random_points_always_leaves_a_servable_build(tmp_path):
    """20 kills here (bench/killbuild.py does 50)."""
    failures = killbuild.kill_loop(int(os.environ.get("KGRAPH_KILL_ITERATIONS", "20")), tmp_path, seed=19)
    assert failures == []
