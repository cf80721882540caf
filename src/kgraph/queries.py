"""The query layer: every SPARQL text the code runs, loaded and bound here.

* `queries/*.rq`: the named queries users see (`kgraph queries`, the examples
  on /query); `library()`, `find()`, `named()`.
* `queries/internal/*.rq`: the queries the explorer, the CLI, the store and the
  analysis run for their own needs; `internal()`. Same header, never listed.

Header format (lines starting with '#', before the query):

    # title: Tasks of one body
    # description: One row per (task, assignment) of the body ...
    # description: (further lines continue the paragraph)
    # param: body = https://kgraph.kz/id/org/mid  (IRI of the body)
    # param: date:date = 2016-12-31  (a typed parameter: iri, date, integer, decimal, boolean, string)
    # columns: source, task, number, ...

A parameter's type is declared after a colon or inferred from its default
(an http(s) IRI, a YYYY-MM-DD date, an integer, true/false, else a string).
Parameters are bound as typed RDF terms in a VALUES block (never pasted into
the query text); an empty default leaves the variable unbound (no filter), and
a list of values binds one VALUES row per value. `run` adds a LIMIT when asked:
the one thing a caller may change in a query's text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox

from kgraph.errors import KgraphError, QueryError

QUERY_DIR = Path(files("kgraph.query_files"))  # queries/, installed as package data (pyproject.toml)
INTERNAL = "internal"  # the subfolder of QUERY_DIR with the queries the code runs for itself
HEADER_LINE = re.compile(r"^#\s*(?P<key>title|description|param|columns|page):\s*(?P<value>.*)$")
PARAM = re.compile(r"^(?P<name>\w+)\s*(?::\s*(?P<type>\w+))?\s*=\s*(?P<default>(?!\()\S*)\s*(?:\((?P<doc>.*)\))?\s*$")
XSD = "http://www.w3.org/2001/XMLSchema#"
TYPES = ("iri", "date", "integer", "decimal", "boolean", "string")


@dataclass(frozen=True)
class Param:
    name: str
    default: str = ""  # "" = no default: the variable stays unbound
    type: str = "string"
    doc: str = ""

    def term(self, value) -> ox.NamedNode | ox.Literal:
        """The typed RDF term for a value given as text (a term passes as it is); a clear error for a bad value."""
        if isinstance(value, (ox.NamedNode, ox.Literal)):
            return value
        return typed_term(str(value), self.type, self.name)


def infer_type(default: str) -> str:
    if re.match(r"^(https?|urn):", default):
        return "iri"
    if re.match(r"^\d{4}-\d{2}-\d{2}$", default):
        return "date"
    if re.match(r"^[+-]?\d+$", default):
        return "integer"
    if default in {"true", "false"}:
        return "boolean"
    return "string"


def typed_term(value: str, type_: str, name: str = "value") -> ox.NamedNode | ox.Literal:
    try:
        if type_ == "iri":
            return ox.NamedNode(value.strip("<>"))
        if type_ == "date":
            return ox.Literal(dt.date.fromisoformat(value).isoformat(), datatype=ox.NamedNode(XSD + "date"))
        if type_ == "integer":
            return ox.Literal(str(int(value)), datatype=ox.NamedNode(XSD + "integer"))
        if type_ == "decimal":
            return ox.Literal(str(Decimal(value)), datatype=ox.NamedNode(XSD + "decimal"))
        if type_ == "boolean":
            if value.lower() not in {"true", "false", "1", "0"}:
                raise ValueError("expected true or false")
            return ox.Literal(
                "true" if value.lower() in {"true", "1"} else "false", datatype=ox.NamedNode(XSD + "boolean")
            )
    except (ValueError, InvalidOperation) as exc:
        raise QueryError(f"parameter {name}: {value!r} is not a valid {type_} ({exc})") from None
    return ox.Literal(value)


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    sparql: str
    title: str = ""
    description: str = ""
    params: dict[str, str] = field(default_factory=dict)  # name -> default ("" = none)
    columns: tuple[str, ...] = ()
    parameters: tuple[Param, ...] = ()
    page: int | None = None  # rows per page a user gets by default (`# page: N`); the whole result on request

    def param(self, name: str) -> Param:
        for p in self.parameters:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.parameters) or "none"
        raise QueryError(f"query {self.name!r} has no parameter {name!r}; it takes: {known}")

    def bindings(self, values: Mapping[str, object] | None = None) -> dict[str, object]:
        """Typed terms for the parameters: the given values over the defaults; unset ones (None or
        "") left out. A list of values gives a list of terms (one VALUES row each)."""
        values = dict(values or {})
        for name in values:
            self.param(name)
        out: dict[str, object] = {}
        for p in self.parameters:
            value = values.get(p.name, p.default)
            if value is None or value == "":
                continue
            out[p.name] = [p.term(v) for v in value] if isinstance(value, (list, tuple)) else p.term(value)
        return out

    def text(self, limit: int | None = None, offset: int = 0) -> str:
        """The query text, with a LIMIT (and OFFSET) added when asked (the query must not have one)."""
        if limit is None:
            return self.sparql
        if _LIMIT.search(self.sparql):
            raise KgraphError(f"{self.path}: the query has a LIMIT of its own")
        return f"{self.sparql.rstrip()}\nLIMIT {int(limit)}" + (f" OFFSET {int(offset)}" if offset else "") + "\n"


_LIMIT = re.compile(r"\bLIMIT\s+\d+\s*(OFFSET\s+\d+\s*)?$", re.IGNORECASE)


def parse(path: Path) -> NamedQuery:
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _parsed:
        _parsed[key] = parse_text(path.read_text(encoding="utf-8"), path.stem, path)
    return _parsed[key]


_parsed: dict[tuple, NamedQuery] = {}  # (path, mtime, size) -> parsed query


def parse_text(text: str, name: str = "query", path: Path | None = None) -> NamedQuery:
    """A query with its header; `path` only names it in error messages."""
    meta: dict[str, list[str]] = {}
    for line in text.splitlines():
        m = HEADER_LINE.match(line.strip())
        if m:
            meta.setdefault(m["key"], []).append(m["value"].strip())
    parameters = []
    for p in meta.get("param", []):
        pm = PARAM.match(p)
        if not pm:
            raise KgraphError(
                f"{path or name}: cannot read parameter line {p!r}; expected 'name[:type] = default (doc)'"
            )
        type_ = (pm["type"] or infer_type(pm["default"])).lower()
        if type_ not in TYPES:
            raise KgraphError(
                f"{path or name}: parameter {pm['name']}: unknown type {type_!r}; use one of {', '.join(TYPES)}"
            )
        parameters.append(Param(pm["name"], pm["default"], type_, (pm["doc"] or "").strip()))
    columns = tuple(c.strip() for c in ",".join(meta.get("columns", [])).split(",") if c.strip())
    page = meta.get("page", [None])[-1]
    if page is not None and not page.isdigit():
        raise KgraphError(f"{path or name}: page must be a number of rows, got {page!r}")
    return NamedQuery(
        name=name,
        path=path or Path(f"{name}.rq"),
        sparql=text,
        title=" ".join(meta.get("title", [])),
        description=" ".join(meta.get("description", [])),
        params={p.name: p.default for p in parameters},
        columns=columns,
        parameters=tuple(parameters),
        page=int(page) if page else None,
    )


def library(directory: Path = QUERY_DIR) -> dict[str, NamedQuery]:
    """The named queries: the .rq files at the top of the directory (internal/ is not listed)."""
    return {p.stem: parse(p) for p in sorted(directory.glob("*.rq"))}


def named(name: str) -> NamedQuery:
    """A named query of the project's library, as the code runs it (the same text users run)."""
    path = QUERY_DIR / f"{name}.rq"
    if not path.is_file():
        raise KgraphError(f"no named query {name!r} in {QUERY_DIR}")
    return parse(path)


@cache
def internal(name: str) -> NamedQuery:
    """A query the code runs for its own needs: queries/internal/NAME.rq."""
    path = QUERY_DIR / INTERNAL / f"{name}.rq"
    if not path.is_file():
        raise KgraphError(f"no internal query {name!r} in {path.parent}")
    return parse_text(path.read_text(encoding="utf-8"), name, path)


def internal_library() -> dict[str, NamedQuery]:
    return {p.stem: internal(p.stem) for p in sorted((QUERY_DIR / INTERNAL).glob("*.rq"))}


def find(name_or_file: str, directory: Path = QUERY_DIR) -> NamedQuery:
    """A named query by file stem, or any .rq file by path."""
    path = Path(name_or_file)
    if path.suffix == ".rq" and path.is_file():
        return parse(path)
    candidate = directory / f"{name_or_file}.rq"
    if "/" not in name_or_file and candidate.is_file():
        return parse(candidate)
    known = ", ".join(library(directory)) or "none"
    raise KgraphError(f"no named query {name_or_file!r}; known: {known}")


def run(
    query: NamedQuery, store, values: Mapping[str, object] | None = None, limit: int | None = None, offset: int = 0
):
    """Run a query on a store with its parameters bound (defaults unless given)."""
    return store.query(query.text(limit, offset), query.bindings(values))
