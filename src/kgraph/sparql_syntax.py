"""SPARQL text: what a request is, and binding parameters into it.

* `analyze` lexes a request just enough to tell its form (SELECT, ASK,
  CONSTRUCT, DESCRIBE or an update), whether it calls SERVICE, and where its
  WHERE group opens;
* `bind` injects a VALUES block there, built from escaped typed terms, which is
  how parameters are bound on every store (`kgraph.store`) and by the endpoint
  (`kgraph.sparql`).

Depends on nothing of kgraph but its errors, so that both the stores and the
endpoint can use it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from kgraph.errors import QueryError

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<word>[^\W\d][\w\-.]*(?::[\w\-.:%\\]*)?|:[\w\-.:%\\]*|_:[\w\-.]+)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}


@dataclass(frozen=True)
class Analysis:
    form: str | None  # SELECT, ASK, CONSTRUCT, DESCRIBE, UPDATE, or None when unrecognised
    service: bool = False  # calls SERVICE (federation)
    where: int | None = None  # offset just after the '{' that opens the WHERE group

    @property
    def kind(self) -> str:
        """Result kind: 'graph' for CONSTRUCT/DESCRIBE, 'select' for SELECT/ASK (same formats)."""
        return "graph" if self.form in {"CONSTRUCT", "DESCRIBE"} else "select"


def analyze(text: str, stop_at_where: bool = False) -> Analysis:
    """Lex a request (comments, strings and IRIs skipped) for its form and WHERE group.

    With stop_at_where the lexing ends at the WHERE group (`service` is then not known).
    Queries up to 16 KB are analysed once and remembered.
    """
    if len(text) <= 16384:
        return _analyze_cached(text, stop_at_where)
    return _analyze(text, stop_at_where)


@functools.lru_cache(maxsize=512)
def _analyze_cached(text: str, stop_at_where: bool) -> Analysis:
    return _analyze(text, stop_at_where)


def _analyze(text: str, stop_at_where: bool) -> Analysis:
    form = None
    service = False
    where = None
    after_where_kw = False
    paren = brace = 0
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "word":
            word = m.group().upper()
            if ":" in word:
                continue
            if form is None:
                if word in QUERY_FORMS:
                    form = word
                elif word in UPDATE_KEYWORDS:
                    return Analysis("UPDATE")
            elif word == "SERVICE":
                service = True
            elif word == "WHERE" and brace == 0:
                after_where_kw = True
        elif kind == "other" and form is not None:
            c = m.group()
            if c == "(":
                paren += 1
            elif c == ")":
                paren -= 1
            elif c == "{":
                if where is None and brace == 0 and paren == 0 and (form != "CONSTRUCT" or after_where_kw):
                    where = m.end()
                    if stop_at_where:
                        break
                brace += 1
            elif c == "}":
                brace -= 1
    return Analysis(form, service, where)


def term_syntax(term) -> str:
    """A term in SPARQL syntax. pyoxigraph validated it on construction and escapes it."""
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return str(term)
    raise QueryError(f"cannot bind {term!r}: parameters must be IRIs or literals")


def bind(text: str, bindings: Mapping[str, object] | None) -> str:
    """The query with a VALUES block of typed terms opening its WHERE group.

    Never pastes user text into the query: every value goes in as an escaped
    RDF term, so it can only ever be a value. Bound variables are visible in the
    whole top-level group (its FILTERs, OPTIONALs, BINDs and projection), but not
    inside subqueries, which have their own scope.

    A value given as a list binds its variable to each term in turn (one row of
    the VALUES block each; the other variables repeat on every row).
    """
    if not bindings:
        return text
    where = analyze(text, stop_at_where=True).where
    if where is None:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    names = " ".join(f"?{k}" for k in bindings)
    columns = [list(v) if isinstance(v, (list, tuple)) else [v] for v in bindings.values()]
    lists = {len(c) for c, v in zip(columns, bindings.values(), strict=True) if isinstance(v, (list, tuple))}
    if len(lists) > 1:
        raise QueryError("cannot bind parameters: the lists of values differ in length")
    n = lists.pop() if lists else 1
    rows = " ".join("(" + " ".join(term_syntax(c[i] if len(c) == n else c[0]) for c in columns) + ")" for i in range(n))
    return f"{text[:where]} VALUES ({names}) {{ {rows} }} {text[where:]}"


# Calls whose value differs between two runs of one query on one store: random ones, and the clock.
_RANDOM_CALL = re.compile(r"(?<![\w?$])(?:RAND|UUID|STRUUID|BNODE)(?!\w)", re.IGNORECASE)
_CLOCK_CALL = re.compile(r"(?<![\w?$])NOW(?!\w)", re.IGNORECASE)


def volatile(text: str) -> str | None:
    """Whether a query's answer can change between two runs on an unchanged store: "random"
    (it calls RAND, UUID, STRUUID or BNODE), "clock" (it reads NOW()), else None.

    On the safe side: the function's name anywhere but as a variable counts (in a string, a
    comment or a prefixed name too), and a query with codepoint escapes (`\\u0052AND()` is RAND()) counts as random."""
    if "\\u" in text or "\\U" in text or _RANDOM_CALL.search(text):
        return "random"
    return "clock" if _CLOCK_CALL.search(text) else None
