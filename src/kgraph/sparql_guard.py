"""What the endpoint refuses to run: updates and federation (SERVICE), judged on the parsed query.

A token scan can be fooled: a comment closed by a carriage return, an escaped
`\\#` in a prefixed name, `\\u0053ERVICE`. So a request is judged twice, and
refused if either check finds an update or a SERVICE:

* `lexical_refusal` (in the server, cheap, before a worker is taken): the
  query's codepoint escapes decoded as the engine decodes them (SPARQL 1.1
  §19.2: `\\uXXXX` and `\\UXXXXXXXX` anywhere in the text, before parsing), then
  lexed by SPARQL's own token rules (a comment ends at CR or LF; `\\#` is part of
  a local name) for a SERVICE keyword or an update form;
* `parsed_refusal` (in the query worker, where parsing a huge query is bounded
  by the timeout and the memory limit): the decoded query parsed by rdflib's
  SPARQL 1.1 grammar, and its syntax tree walked for a `ServiceGraphPattern`
  (plain, SILENT or with a variable, at any depth: OPTIONAL, UNION, MINUS,
  GRAPH, subqueries, FILTER EXISTS); an update parses only as an update.
  Parsing costs more than running most of our queries (30-300 ms), so a named
  query of the project's library with its parameters bound as
  `kgraph.sparql_syntax.bind` binds them (`named_binding`: the library's text
  exactly, and a VALUES block of IRIs and literals where bind puts it, nothing
  else; no codepoint escape anywhere) is not parsed again: the library's texts
  are the project's code, and tests/test_sparql_guard.py parses each of them.

A query rdflib cannot parse but Oxigraph can (SPARQL-star, some escapes) is
judged by the lexical check alone; the worker processes that run queries have
no network either (kgraph.worker_process), so nothing a check misses can leave
the machine: SERVICE fails there, it is never fetched.
"""

from __future__ import annotations

import functools
import re

from kgraph import queries
from kgraph.errors import QueryError
from kgraph.sparql_syntax import analyze

UPDATE_MESSAGE = (
    "this endpoint is read-only: SPARQL updates (INSERT, DELETE, LOAD, CLEAR, DROP, "
    "CREATE, COPY, MOVE, ADD) are refused"
)
SERVICE_MESSAGE = "federated queries (SERVICE) are disabled on this endpoint"


class Refused(QueryError):
    """A request the endpoint will not run (403)."""


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def decode_codepoints(text: str) -> str:
    """The query with its `\\uXXXX` / `\\UXXXXXXXX` escapes replaced, as the parser sees it."""
    if "\\u" not in text and "\\U" not in text:
        return text

    def one(m: re.Match) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else m.group()

    return _CODEPOINT.sub(one, text)


# SPARQL's tokens, as far as telling keywords from everything else needs them.
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\r\n]|\\.)*'|"(?:[^"\\\r\n]|\\.)*")
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<pname>(?:[^\W\d][\w\-.]*)?:(?:[\w\-.:%]|\\.)*)
  | (?P<bnode>_:[\w\-.]+)
  | (?P<word>[^\W\d][\w\-]*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}


@functools.lru_cache(maxsize=1024)
def lexical_refusal(text: str) -> str | None:
    """Why the query must be refused by its tokens (update or SERVICE), or None."""
    form = None
    for m in _TOKEN.finditer(decode_codepoints(text)):
        if m.lastgroup != "word":
            continue
        word = m.group().upper()
        if word == "SERVICE":
            return SERVICE_MESSAGE
        if form is None:
            if word in QUERY_FORMS:
                form = word
            elif word in UPDATE_KEYWORDS:
                return UPDATE_MESSAGE
    return None


def parsed_refusal(text: str) -> str | None:
    """Why the parsed query must be refused (update or SERVICE), or None (see `_parsed_refusal`).
    Queries up to 16 KB are judged once and remembered (named queries repeat); a named query of
    the library with its parameters bound is not parsed (`named_binding`)."""
    if named_binding(text):
        return None
    if len(text) <= 16384:
        return _parsed_refusal_cached(text)
    return _parsed_refusal(text)


@functools.lru_cache(maxsize=512)
def _parsed_refusal_cached(text: str) -> str | None:
    return _parsed_refusal(text)


def _parsed_refusal(text: str) -> str | None:
    """Why the parsed query must be refused (update or SERVICE), or None.

    None also when rdflib cannot parse the text at all: the engine then gives its
    own syntax error (or runs SPARQL rdflib lacks, after the lexical check)."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    # Codepoint escapes decoded (rdflib does the same); a lone CR ends a line, as in the
    # SPARQL grammar (rdflib's comments end only at LF). Outside comments a CR is
    # whitespace or part of a long string, where LF means the same to the structure.
    source = decode_codepoints(text).replace("\r", "\n")
    try:
        tree = parseQuery(source)
    except (ParseException, RecursionError, ValueError, TypeError):
        try:
            parseUpdate(source)
        except (ParseException, RecursionError, ValueError, TypeError):
            return None
        return UPDATE_MESSAGE
    return SERVICE_MESSAGE if _has_service(tree) else None


# What `kgraph.sparql_syntax.bind` puts after the "{" that opens a query's WHERE group: a VALUES
# block of variables and rows of terms as pyoxigraph writes them (an IRI, a string with only the
# escapes ECHAR allows, then a datatype or a language tag), single spaces between.
_IRI = r"<[^<>\"{}|^`\\\x00-\x20]*>"
_LITERAL = r'"(?:[^"\\\n\r]|\\[tbnrf"\'\\])*"(?:\^\^' + _IRI + r"|@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)?"
_TERM = f"(?:{_IRI}|{_LITERAL}|UNDEF)"
_ROW = rf"\({_TERM}(?: {_TERM})*\)"
_VAR = r"\?[A-Za-z_][A-Za-z0-9_]*"
_BOUND_VALUES = re.compile(rf" VALUES \({_VAR}(?: {_VAR})*\) \{{ {_ROW}(?: {_ROW})* \}} ")


@functools.cache
def _library_texts() -> tuple[tuple[str, str, str], ...]:
    """(text, before, after) of each named query: its text split where bind puts the VALUES block."""
    out = []
    for q in queries.library().values():
        where = analyze(q.sparql, stop_at_where=True).where
        if where is not None and "\\u" not in q.sparql and "\\U" not in q.sparql:
            out.append((q.sparql, q.sparql[:where], q.sparql[where:]))
    return tuple(out)


def named_binding(text: str) -> bool:
    """Whether the text is a named query of the library as written, or with its parameters bound
    by `kgraph.sparql_syntax.bind` (only a VALUES block of terms added, where bind adds it)."""
    if "\\u" in text or "\\U" in text:  # codepoint escapes are decoded before parsing: judge it whole
        return False
    for whole, before, after in _library_texts():
        if text == whole:
            return True
        if (
            len(text) > len(whole)
            and text.startswith(before)
            and text.endswith(after)
            and _BOUND_VALUES.fullmatch(text, len(before), len(text) - len(after))
        ):
            return True
    return False


def _has_service(node) -> bool:
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, CompValue):
            if n.name == "ServiceGraphPattern":
                return True
            stack.extend(n.values())
        elif isinstance(n, (list, tuple, ParseResults)):
            stack.extend(n)
        elif isinstance(n, dict):
            stack.extend(n.values())
    return False


def warm_up() -> None:
    """Import and exercise the parser (~0.3 s) before the first query needs it."""
    parsed_refusal(queries.internal("sample_triples").sparql)
