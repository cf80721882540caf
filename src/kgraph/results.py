"""Query results in one shape for every store, and the standard result formats.

Both stores (embedded Oxigraph and a remote SPARQL endpoint) return a `Result`
wrapping pyoxigraph's own result objects: for the remote store the response is
parsed by pyoxigraph's native parsers, so the CLI, the web app and the SPARQL
endpoint see the same rows of terms whatever the store. Serialization stays
native (Rust) in the common case; the row cap costs a native re-parse only
when a result may exceed it.
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


def _serialize_solutions(solutions, f: Format, max_rows: int | None) -> Serialized:
    # CSV is lossy (no datatypes) and pyoxigraph cannot read it back: produce TSV, convert at the end.
    work = SOLUTION_FORMATS["tsv"] if f.name == "csv" else f
    out = solutions.serialize(format=work.native)
    bound = _row_upper_bound(out, work.name)
    truncated = False
    rows = bound if work.name in {"tsv", "xml"} else None  # exact counts for these two
    if max_rows is not None and bound > max_rows:
        parsed = ox.parse_query_results(out, work.native)
        variables = parsed.variables
        head = list(itertools.islice(parsed, max_rows + 1))
        rows = min(len(head), max_rows)
        if len(head) > max_rows:
            truncated = True
            out = _tsv(variables, head[:max_rows])
            work = SOLUTION_FORMATS["tsv"]
    if work is not f:
        out = ox.parse_query_results(out, work.native).serialize(format=f.native)
    return Serialized(out, f.media_type, rows, truncated)


def _row_upper_bound(out: bytes, fmt: str) -> int:
    """Number of solutions in serialized output, without parsing it.

    Exact for TSV and XML; for JSON exact unless a value holds "{}" or an RDF-star
    triple term (each adds one), so that a result under the row cap is never re-parsed.
    """
    if fmt == "tsv":
        return max(out.count(b"\n") - 1, 0)
    if fmt == "xml":
        return out.count(b"<result>")  # '<' in values is escaped, so only result elements match
    # JSON: a quote inside a string value is escaped, so '{"' only opens an object: the
    # three of the frame ({"head", {"vars", {"bindings"), one per solution ('{}' when it
    # binds nothing) and one per bound value ({"type"). Braces inside values can only
    # add to the count.
    return max(out.count(b'{"') + out.count(b"{}") - 3 - out.count(b'{"type"'), 0)


def _tsv(variables, solutions) -> bytes:
    """SPARQL TSV of solutions (pyoxigraph's str() of a term is its N-Triples form, as TSV wants)."""
    names = [v.value for v in variables]
    lines = ["\t".join("?" + n for n in names)]
    for sol in solutions:
        lines.append("\t".join("" if (t := sol[i]) is None else str(t) for i in range(len(names))))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _serialize_graph(triples, f: Format, max_rows: int | None, prefixes: dict[str, str] | None) -> Serialized:
    if isinstance(triples, ox.QueryTriples):
        nt = triples.serialize(format=ox.RdfFormat.N_TRIPLES)
    else:
        nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    count = nt.count(b"\n")  # N-Triples: one triple per line, newlines in literals are escaped
    truncated = max_rows is not None and count > max_rows
    if truncated:
        cut = -1
        for _ in range(max_rows):
            cut = nt.index(b"\n", cut + 1)
        nt = nt[: cut + 1]
        count = max_rows
    if f.name == "ntriples":
        return Serialized(nt, f.media_type, count, truncated)
    parsed = ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)
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
