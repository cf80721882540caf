"""The build cache: what a document's stages produced, kept under the hash of their input.

`kgraph build` (kgraph.pipeline) asks the cache before reading, extracting,
writing and validating a document: each stage's result is stored under a key
made of everything it depends on (the text's bytes, its catalog entry, the
registry, and `code_version()`: a fingerprint of the package's source files,
ontology and shapes and of the libraries that shape the output). A rebuild
redoes only the documents whose key changed.

The cache lives beside the build (`<build>.cache`, or `KGRAPH_CACHE`). It is
safe to share between builds that run at once: an entry is written to a
temporary file and renamed into place (an entry is complete or absent), and
entries with the same key have the same content. It is safe against
corruption: an entry is framed by a magic string, its key and the SHA-256 of
its payload; one that does not check out (truncated, edited, from another
version, not unpicklable) is a miss and is removed, never an error.

Entries are pickles: the cache is the builder's own directory, like the build;
do not point it at files from elsewhere. `prune()` removes entries unused for
`KEEP_DAYS` days (a hit touches its entry).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Iterable
from functools import cache as memo
from importlib.resources import files
from pathlib import Path
from typing import Any

MAGIC = b"kgraph-cache-1\n"
KEEP_DAYS = 7
# Libraries whose version changes what a stage produces (parsing, lemmas, RDF terms, SHACL).
LIBRARIES = ("rdflib", "pyoxigraph", "pyshacl", "pymorphy3", "pymorphy3-dicts-ru", "scikit-learn")
MISS = object()


def digest(*parts: Any) -> str:
    """A stable hex key of strings, bytes and reprs of plain values (never `hash()`: it is salted)."""
    h = hashlib.sha256()
    for p in parts:
        data = p if isinstance(p, bytes) else str(p).encode("utf-8")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@memo
def code_version() -> str:
    """Fingerprint of the code that builds the graph: every file of the installed package
    (Python sources, ontology and shapes, word lists and tables, queries), Python's version and the
    versions of the libraries in `LIBRARIES`."""
    h = hashlib.sha256()
    root = Path(str(files("kgraph")))
    extra = [Path(str(files("kgraph.ontology"))), Path(str(files("kgraph.query_files")))]
    for base in [root, *extra]:
        for path in sorted(base.rglob("*")):
            if path.suffix in {".py", ".ttl", ".txt", ".rq", ".yaml", ".tsv", ".json"} and "static" not in path.parts:
                h.update(str(path.relative_to(base)).encode())
                h.update(path.read_bytes())
    h.update(sys.version.encode())
    for lib in LIBRARIES:
        try:
            h.update(f"{lib}={importlib.metadata.version(lib)}".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(f"{lib}=none".encode())
    return h.hexdigest()[:32]


class Cache:
    """A directory of entries keyed by hex digests (`digest`)."""

    def __init__(self, root: Path | str):
        self.root = Path(root)
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Any:
        """The value stored under `key`, or `MISS` (absent, or bad: a bad entry is removed)."""
        path = self._path(key)
        try:
            blob = path.read_bytes()
        except OSError:
            self.misses += 1
            return MISS
        value = _unframe(blob, key)
        if value is MISS:
            self.misses += 1
            with contextlib.suppress(OSError):
                path.unlink()
            return MISS
        self.hits += 1
        with contextlib.suppress(OSError):
            os.utime(path)
        return value

    def has(self, key: str) -> bool:
        """Whether an entry is stored under `key` (without reading it; `get` may still miss)."""
        return self._path(key).is_file()

    def put(self, key: str, value: Any) -> None:
        """Store `value` under `key` atomically; a cache that cannot be written is skipped."""
        path = self._path(key)
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(_frame(key, payload))
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            return  # read-only or full disk, or an unpicklable value: a build without this entry cached

    def prune(self, keep_days: float = KEEP_DAYS, keep: Iterable[str] = ()) -> int:
        """Remove entries not used for `keep_days` days (and leftover temporary files); returns their number."""
        if not self.root.is_dir():
            return 0
        keep = {f"{k}.pickle" for k in keep}
        limit = time.time() - keep_days * 86400
        removed = 0
        for path in self.root.glob("*/*.pickle"):
            try:
                if path.name not in keep and path.stat().st_mtime < limit:
                    path.unlink()
                    removed += 1
            except OSError:
                continue
        for tmp in self.root.glob("*/.tmp-*"):
            with contextlib.suppress(OSError):
                if tmp.stat().st_mtime < time.time() - 3600:
                    tmp.unlink()
        return removed


class NoCache(Cache):
    """A cache that keeps nothing (`kgraph build --no-cache`)."""

    def __init__(self) -> None:
        super().__init__(Path(os.devnull))

    def get(self, key: str) -> Any:
        self.misses += 1
        return MISS

    def has(self, key: str) -> bool:
        return False

    def put(self, key: str, value: Any) -> None:
        return None

    def prune(self, keep_days: float = KEEP_DAYS, keep: Iterable[str] = ()) -> int:
        return 0


def _frame(key: str, payload: bytes) -> bytes:
    return MAGIC + key.encode("ascii") + b"\n" + hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload


def _unframe(blob: bytes, key: str) -> Any:
    if not blob.startswith(MAGIC):
        return MISS
    rest = blob[len(MAGIC) :]
    head, _, rest = rest.partition(b"\n")
    check, _, payload = rest.partition(b"\n")
    if head != key.encode("ascii") or hashlib.sha256(payload).hexdigest().encode("ascii") != check:
        return MISS
    try:
        return pickle.loads(payload)
    except Exception:  # noqa: BLE001 -- a payload pickled by other code (a renamed class) is only a miss
        return MISS


__all__ = ["KEEP_DAYS", "MISS", "Cache", "NoCache", "code_version", "digest"]
