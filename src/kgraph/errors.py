"""Domain errors. The CLI and the web app translate them at their edges."""

from __future__ import annotations

import re
from pathlib import Path

_SPAN = re.compile(r"span (\d+):(\d+)")


class KgraphError(Exception):
    """Base class of every error kgraph reports to a user."""


class InputError(KgraphError):
    """Bad input: a missing, unreadable or malformed file. Names the file."""

    def __init__(self, path: Path | str, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class DocumentError(InputError):
    """A document that could not be read or extracted: one line naming its file,
    the line where that is known, the document and the stage."""

    @classmethod
    def of(cls, entry, stage: str, exc: Exception, doc=None) -> DocumentError:
        """`doc` (a `kgraph.catalog.Document`) lets a failure that names a span of its
        normalized text ("span 127027:125380 …") name the line of the source text."""
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        where = ""
        m = _SPAN.search(message)
        if m and doc is not None:
            offset = min(int(m[1]), len(doc.norm.origin) - 1)
            raw_offset = doc.norm.origin[offset]
            where = f"line {doc.raw.count(chr(10), 0, raw_offset) + 1}: "
        return cls(entry.path, f"{where}{stage} of document {entry.id!r} failed: {type(exc).__name__}: {message}")


class ValidationError(KgraphError):
    """The built graph breaks the SHACL shapes (strict mode)."""


class QueryError(KgraphError):
    """A query that cannot be parsed or run."""
