"""Where builds live on disk, and how a new one replaces the old one atomically.

Layout, next to the build path `build` (any name):

    build -> build.20250101T120000-1234     a symlink: the build that readers see
    build.20250101T120000-1234/             the current build
    build.20241231T090000-987/              the previous one (kept for a server still on it)
    .build.lock                             held by a running `kgraph build`

`publish` writes a build into `.build.<id>.tmp`, renames it to `build.<id>` once
complete, and swaps the symlink with one rename(2) (a new symlink under a
temporary name, then os.replace over `build`), so `build` always names a whole
build: a build killed at any point leaves the previous one served and, at
worst, a temporary directory that the next build removes. At its start a
build also removes old `build.<id>` directories, except the current one, the
previous one and any that a running server holds (`pin`: a shared lock on the
build's report.json), and again after the swap. An old-style plain directory `build` is moved aside as
`build.legacy-<id>` by an atomic exchange with the symlink (renameat2) where
the kernel offers it.

Readers go through the symlink: open `build/graph.nq`, `build/report.json`;
a server resolves it once (`Path.resolve()`) so all it loads comes from one build.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
import re
import shutil
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from kgraph import settings
from kgraph.errors import KgraphError

PIN_FILE = settings.REPORT_FILE  # every complete build has it


class BuildDirError(KgraphError):
    """The build cannot be written where asked (permissions, disk full)."""


def _id() -> str:
    now = time.time()
    return time.strftime("%Y%m%dT%H%M%S", time.gmtime(now)) + f"{int(now * 1000) % 1000:03d}-{os.getpid()}"


def _one_line(exc: OSError, where: Path) -> BuildDirError:
    target = exc.filename or where
    if isinstance(exc, PermissionError):
        return BuildDirError(f"cannot write the build: {target} is not writable ({exc.strerror})")
    return BuildDirError(f"cannot write the build in {where}: {exc.strerror or exc}")


@contextlib.contextmanager
def _locked(parent: Path, name: str) -> Iterator[None]:
    """One build at a time per build path (the lock goes with the process, even on kill -9)."""
    with open(parent / f".{name}.lock", "a+b") as f:
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildDirError(f"another `kgraph build` is writing {parent / name}; wait for it") from None
        yield


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the build lock of `out` for a whole build (its cache is written under it too);
    then `publish(..., locked=True)`."""
    out = Path(out).absolute()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _one_line(exc, out.parent) from None
    with _locked(out.parent, out.name):
        yield


def publish(out: Path, write_into: Callable[[Path], None], locked: bool = False) -> Path:
    """Write a new build with `write_into(directory)` and make `out` point at it. Returns its directory.
    `locked`: the caller holds the lock already (`locked(out)`)."""
    out = Path(out).absolute()
    parent, name = out.parent, out.name
    try:
        parent.mkdir(parents=True, exist_ok=True)
        with contextlib.nullcontext() if locked else _locked(parent, name):
            clean(out)
            build_id = _id()
            tmp, final = parent / f".{name}.{build_id}.tmp", parent / f"{name}.{build_id}"
            tmp.mkdir()
            try:
                write_into(tmp)
                _fsync_tree(tmp)
                os.rename(tmp, final)
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)
                raise
            _point(out, final, build_id)
            clean(out)  # now the replaced build is the previous one: older ones go
            return final
    except OSError as exc:
        raise _one_line(exc, parent) from None


def _point(out: Path, final: Path, build_id: str) -> None:
    """Make `out` a symlink to `final` with one rename (an old plain directory is moved aside)."""
    link = out.parent / f".{out.name}.{build_id}.link"
    os.symlink(final.name, link)  # relative: the pair can be moved together
    try:
        if out.is_dir() and not out.is_symlink():
            legacy = out.parent / f"{out.name}.legacy-{build_id}"
            if _exchange(link, out):  # atomic: `out` is the symlink now, `link` the old directory
                os.rename(link, legacy)
            else:  # no renameat2 here: two renames, a moment without `out` (repaired by `clean`)
                os.rename(out, legacy)
                os.replace(link, out)
        else:
            os.replace(link, out)
    finally:
        with contextlib.suppress(FileNotFoundError):
            if link.is_symlink():
                link.unlink()
    _fsync_dir(out.parent)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two names atomically (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_tree(root: Path) -> None:
    """Flush a finished build to disk before it is renamed into place."""
    for dirpath, _, files in os.walk(root):
        for f in files:
            with contextlib.suppress(OSError):
                fd = os.open(os.path.join(dirpath, f), os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
        _fsync_dir(Path(dirpath))


def builds(out: Path) -> list[Path]:
    """Complete build directories of a build path, oldest first."""
    out = Path(out).absolute()
    pattern = re.compile(rf"^{re.escape(out.name)}\.(?:legacy-)?\d{{8}}T\d{{9}}-\d+$")
    found = [p for p in out.parent.iterdir() if pattern.match(p.name) and p.is_dir() and not p.is_symlink()]
    return sorted(found, key=lambda p: p.name.rsplit(".", 1)[1].removeprefix("legacy-"))


def clean(out: Path) -> None:
    """Remove what killed builds left (temporary directories and links, the old scheme's
    `.build.tmp-*` / `.build.old-*`) and old builds: all but the current one, the previous
    one and those a server holds. Repairs a missing `build` link from the newest build."""
    out = Path(out).absolute()
    parent, name = out.parent, out.name
    stale = re.compile(rf"^\.{re.escape(name)}\.(?:.+\.tmp|.+\.link|tmp-\d+|old-\d+)$")
    for p in parent.iterdir():
        if stale.match(p.name):
            _remove(p)
    done = builds(out)
    if not out.exists() and not out.is_symlink() and done:
        os.symlink(done[-1].name, parent / f".{name}.repair.link")
        os.replace(parent / f".{name}.repair.link", out)
    current = out.resolve() if out.is_symlink() else None
    keep = {current}
    older = [b for b in done if b != current]
    if older:
        keep.add(older[-1])
    for b in done:
        if b not in keep and not _pinned(b):
            _remove(b)


def _remove(path: Path) -> None:
    """Delete a file, link or tree, making read-only directories writable on the way."""
    if path.is_symlink() or path.is_file():
        with contextlib.suppress(OSError):
            path.unlink()
        return

    def writable(func, p, _exc):
        with contextlib.suppress(OSError):
            os.chmod(os.path.dirname(p), stat.S_IRWXU)
            os.chmod(p, stat.S_IRWXU)
            func(p)

    with contextlib.suppress(OSError):
        os.chmod(path, stat.S_IRWXU)
    shutil.rmtree(path, onerror=writable)
    if path.exists():
        print(f"warning: could not remove the old build {path}", file=sys.stderr)


def pin(build_dir: Path):
    """Hold a build so that later builds do not remove it (a shared lock on its report.json,
    released when the returned file is closed or the process ends); None if it has none."""
    try:
        f = open(Path(build_dir) / PIN_FILE, "rb")  # noqa: SIM115 - held open while served
    except OSError:
        return None
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        f.close()
        return None
    return f


def _pinned(build_dir: Path) -> bool:
    try:
        f = open(build_dir / PIN_FILE, "rb")  # noqa: SIM115
    except OSError:
        return False
    with f:
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)
        return False
