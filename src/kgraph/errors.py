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


class TextError(KgraphError):
    """Raised by a reader or writer that finds the text not as expected: names the span of
    the normalized text where, and what was expected there."""

    def __init__(self, span: tuple[int, int], expected: str):
        self.span = span
        self.expected = expected
        super().__init__(f"span {span[0]}:{span[1]}: expected {expected}")


class DocumentError(InputError):
    """A document that could not be read or extracted: one line naming its file,
    the line where that is known (of the original file: `Source.locate`), the
    document and the stage."""

    @classmethod
    def of(cls, entry, stage: str, exc: Exception, doc=None) -> DocumentError:
        """`doc` (a `kgraph.catalog.Document`) lets a failure that names a span of its
        normalized text (a `TextError`, or a message "span 127027:125380 …") name the
        line of the original file."""
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        where = ""
        m = _SPAN.search(message)
        offset = exc.span[0] if isinstance(exc, TextError) else int(m[1]) if m else None
        if offset is not None and doc is not None and doc.norm.origin:
            raw_offset = doc.norm.origin[max(0, min(offset, len(doc.norm.origin) - 1))]
            where = f"{doc.source.locate(raw_offset)}: "
        return cls(entry.path, f"{where}{stage} of document {entry.id!r} failed: {type(exc).__name__}: {message}")


class ValidationError(KgraphError):
    """The built graph breaks the SHACL shapes (strict mode)."""


class QueryError(KgraphError):
    """A query that cannot be parsed or run."""


class DraftError(KgraphError):
    """A draft the overlap check cannot take: empty, too long, or filtered by a body
    the graph does not know. One line, said the same by the CLI and the web form."""
