"""Query results in one shape for every store, and the standard result formats.

Both stores (embedded Oxigraph and a remote SPARQL endpoint) return a `Result`
wrapping pyoxigraph's own result objects: for the remote store the response is
parsed by pyoxigraph's native parsers, so the CLI, the web app and the SPARQL
endpoint see the same rows of terms whatever the store. Serialization stays
native (Rust); with a row cap a result is read as a stream that stops the
query once the cap is passed (the cap applies while reading, not after the
whole result was built), then converted natively to the format asked for.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import pyoxigraph as ox

from kgraph.iri import PREFIXES


class Format(NamedTuple):
    name: str
    media_type: str
    native: object  # ox.QueryResultsFormat or ox.RdfFormat


# SELECT / ASK results.
SOLUTION_FORMATS: dict[str, Format] = {
    "json": Format("json", "application/sparql-results+json", ox.QueryResultsFormat.JSON),
    "xml": Format("xml", "application/sparql-results+xml", ox.QueryResultsFormat.XML),
    "csv": Format("csv", "text/csv", ox.QueryResultsFormat.CSV),
    "tsv": Format("tsv", "text/tab-separated-values", ox.QueryResultsFormat.TSV),
}

# CONSTRUCT / DESCRIBE results.
GRAPH_FORMATS: dict[str, Format] = {
    "turtle": Format("turtle", "text/turtle", ox.RdfFormat.TURTLE),
    "ntriples": Format("ntriples", "application/n-triples", ox.RdfFormat.N_TRIPLES),
    "jsonld": Format("jsonld", "application/ld+json", ox.RdfFormat.JSON_LD),
    "rdfxml": Format("rdfxml", "application/rdf+xml", ox.RdfFormat.RDF_XML),
}

# Short names a user may type (CLI --format, the endpoint's ?format=) -> canonical name per kind.
_ALIASES = {
    "select": {"json": "json", "srj": "json", "xml": "xml", "srx": "xml", "csv": "csv", "tsv": "tsv"},
    "graph": {
        "turtle": "turtle",
        "ttl": "turtle",
        "n3": "turtle",
        "ntriples": "ntriples",
        "nt": "ntriples",
        "n-triples": "ntriples",
        "jsonld": "jsonld",
        "json-ld": "jsonld",
        "json": "jsonld",
        "rdfxml": "rdfxml",
        "rdf+xml": "rdfxml",
        "rdf": "rdfxml",
        "xml": "rdfxml",
    },
}


def formats_for(kind: str) -> dict[str, Format]:
    return GRAPH_FORMATS if kind == "graph" else SOLUTION_FORMATS


def format_named(kind: str, name: str) -> Format | None:
    """The format a short name means for a result kind ('xml' is SPARQL XML or RDF/XML)."""
    canonical = _ALIASES["graph" if kind == "graph" else "select"].get(name.lower())
    return formats_for(kind)[canonical] if canonical else None


@dataclass(frozen=True)
class Serialized:
    body: bytes
    media_type: str
    rows: int | None = None  # solutions or triples written; None when not counted
    truncated: bool = False


class Result:
    """A query result: `kind` is 'select', 'ask' or 'graph'.

    Iterating yields pyoxigraph `QuerySolution`s (select; index by name or
    position) or `Triple`s (graph); `bool()` is the answer of an ASK.
    A result is a one-pass stream, like the pyoxigraph object it wraps.
    """

    __slots__ = ("_raw", "_variables", "kind")

    def __init__(self, raw, kind: str | None = None, variables: list[str] | None = None):
        if kind is None:
            if isinstance(raw, ox.QuerySolutions):
                kind = "select"
            elif isinstance(raw, ox.QueryBoolean):
                kind = "ask"
            else:
                kind = "graph"
        self.kind = kind
        self._raw = raw
        self._variables = variables

    @property
    def variables(self) -> list[str]:
        if self._variables is None:
            self._variables = [v.value for v in self._raw.variables] if self.kind == "select" else []
        return self._variables

    @property
    def raw(self):
        return self._raw

    def __iter__(self) -> Iterator:
        if self.kind == "ask":
            raise TypeError("an ASK result has no rows; use bool(result)")
        return iter(self._raw)

    def __bool__(self) -> bool:
        return bool(self._raw) if self.kind == "ask" else True

    def serialize(
        self, fmt: str | Format = "json", max_rows: int | None = None, prefixes: dict[str, str] | None = None
    ) -> Serialized:
        """Write the result in a standard format; past `max_rows` rows it is cut (truncated=True).

        `prefixes` abbreviate IRIs in Turtle (default: the project's, kgraph.vocab.PREFIXES).
        """
        f = fmt if isinstance(fmt, Format) else format_named(self.kind, fmt)
        if f is None:
            names = ", ".join(formats_for(self.kind))
            raise ValueError(f"no {fmt!r} format for a {self.kind.upper()} result; choose {names}")
        if self.kind == "graph":
            return _serialize_graph(self._raw, f, max_rows, prefixes)
        if self.kind == "ask":
            return Serialized(self._raw.serialize(format=f.native), f.media_type)
        return _serialize_solutions(self._raw, f, max_rows)


class _Enough(Exception):
    """Raised into pyoxigraph's serializer to stop the query once the row cap is passed."""


class _CappedSink:
    """A file-like sink for pyoxigraph's streaming serializers: keeps the bytes and stops
    the evaluation (by raising from write) once `lines` lines have been written."""

    def __init__(self, lines: int):
        self.lines = lines
        self.count = 0
        self.stopped = False
        self.buf = bytearray()

    def write(self, data: bytes) -> int:
        self.buf += data
        self.count += data.count(b"\n")
        if self.count >= self.lines:
            self.stopped = True
            raise _Enough
        return len(data)

    def flush(self) -> None:
        pass


def _first_lines(serialize, lines: int) -> tuple[bytes, bool]:
    """Run `serialize(sink)` until `lines` lines are out: (at most lines - 1 lines, cut?)."""
    sink = _CappedSink(lines)
    try:
        serialize(sink)
    except Exception:
        if not sink.stopped:
            raise
    if not sink.stopped:
        return bytes(sink.buf), False
    cut = -1
    for _ in range(lines - 1):
        cut = sink.buf.index(b"\n", cut + 1)
    return bytes(sink.buf[: cut + 1]), True


def _serialize_solutions(solutions, f: Format, max_rows: int | None) -> Serialized:
    """Solutions in format f. With a row cap they are read as a TSV stream (one line per
    solution, newlines in values escaped) that stops the query past the cap, so a
    10^6-row query costs what 10^4 rows cost; then converted natively to f."""
    if max_rows is None:
        out = solutions.serialize(format=f.native)
        return Serialized(out, f.media_type, _row_upper_bound(out, f.name) if f.name in {"tsv", "xml"} else None)
    tsv = SOLUTION_FORMATS["tsv"]
    out, truncated = _first_lines(lambda sink: solutions.serialize(sink, format=tsv.native), max_rows + 2)
    rows = max(out.count(b"\n") - 1, 0)
    if f is not tsv:
        out = ox.parse_query_results(out, tsv.native).serialize(format=f.native)
    return Serialized(out, f.media_type, rows, truncated)


def _row_upper_bound(out: bytes, fmt: str) -> int:
    """Number of solutions in serialized TSV or XML output, without parsing it."""
    if fmt == "tsv":
        return max(out.count(b"\n") - 1, 0)
    return out.count(b"<result>")  # '<' in values is escaped, so only result elements match


def _serialize_graph(triples, f: Format, max_rows: int | None, prefixes: dict[str, str] | None) -> Serialized:
    """Triples in format f, read as an N-Triples stream (one line per triple) that stops
    the query past the row cap; then converted natively to f."""
    nt_format = ox.RdfFormat.N_TRIPLES
    if isinstance(triples, ox.QueryTriples):
        write = lambda sink: triples.serialize(sink, format=nt_format)
    else:
        triples = list(triples) if max_rows is None else list(itertools.islice(triples, max_rows + 1))
        write = lambda sink: ox.serialize(triples, sink, format=nt_format)
    if max_rows is None:
        sink = _CappedSink(1 << 62)
        write(sink)
        nt, truncated = bytes(sink.buf), False
    else:
        nt, truncated = _first_lines(write, max_rows + 1)
    count = nt.count(b"\n")  # N-Triples: one triple per line, newlines in literals are escaped
    if f.name == "ntriples":
        return Serialized(nt, f.media_type, count, truncated)
    parsed = ox.parse(nt, format=nt_format)
    if f.name == "turtle":
        if prefixes is None:
            prefixes = PREFIXES
        return Serialized(ox.serialize(parsed, format=f.native, prefixes=prefixes), f.media_type, count, truncated)
    out = ox.serialize(parsed, format=f.native)
    return Serialized(out, f.media_type, count, truncated)


# --- plain rows (templates, tables, tests) -------------------------------------------------


def term_value(term) -> str:
    """The lexical value of a term (IRI string, literal text), '' when unbound."""
    if term is None:
        return ""
    return term.value


def rows(solutions: Result | Iterable) -> tuple[list[str], list[dict[str, str]]]:
    """Variables and plain-string rows of a SELECT result."""
    if isinstance(solutions, Result):
        names = solutions.variables
    else:
        names = [v.value for v in solutions.variables]
    out = [{n: term_value(sol[i]) for i, n in enumerate(names)} for sol in solutions]
    return names, out


def serialize(result: Result, fmt: str) -> bytes:
    """The whole result in one of the standard formats (see `Result.serialize`)."""
    if not isinstance(result, Result):
        result = Result(result)
    return result.serialize(fmt).body
