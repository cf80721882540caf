"""Query results as rows and in the standard SPARQL result formats."""

from __future__ import annotations

import pyoxigraph as ox

FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}


def term_value(term) -> str:
    if term is None:
        return ""
    return term.value


def rows(solutions: ox.QuerySolutions) -> tuple[list[str], list[dict[str, str]]]:
    """Variables and plain-string rows of a SELECT result."""
    names = [v.value for v in solutions.variables]
    out = [{n: term_value(sol[n]) for n in names} for sol in solutions]
    return names, out


def serialize(solutions, fmt: str) -> bytes:
    return solutions.serialize(format=FORMATS[fmt])
