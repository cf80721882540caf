"""Domain errors. The CLI and the web app translate them at their edges."""

from __future__ import annotations

from pathlib import Path


class KgraphError(Exception):
    """Base class of every error kgraph reports to a user."""


class InputError(KgraphError):
    """Bad input: a missing, unreadable or malformed file. Names the file."""

    def __init__(self, path: Path | str, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class ValidationError(KgraphError):
    """The built graph breaks the SHACL shapes (strict mode)."""


class QueryError(KgraphError):
    """A query that cannot be parsed or run."""
