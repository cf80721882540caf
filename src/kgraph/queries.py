"""The named-query library: `queries/*.rq`, each with a header comment.

Header format (lines starting with '#', before the query):

    # title: Who is responsible for what
    # description: One row per (task, party) ...
    # param: body = https://kgraph.kz/id/org/mid  (IRI of the body)
    # columns: source, task, number, ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kgraph.errors import KgraphError
from kgraph.vocab import ROOT

QUERY_DIR = ROOT / "queries"
HEADER_LINE = re.compile(r"^#\s*(?P<key>title|description|param|columns):\s*(?P<value>.*)$")
PARAM = re.compile(r"^(?P<name>\w+)\s*=\s*(?P<default>\S*)\s*(?:\((?P<doc>.*)\))?\s*$")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    sparql: str
    title: str = ""
    description: str = ""
    params: dict[str, str] = field(default_factory=dict)  # name -> default ("" = none)
    columns: tuple[str, ...] = ()


def parse(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, list[str]] = {}
    for line in text.splitlines():
        m = HEADER_LINE.match(line.strip())
        if m:
            meta.setdefault(m["key"], []).append(m["value"].strip())
    params = {}
    for p in meta.get("param", []):
        pm = PARAM.match(p)
        if pm:
            params[pm["name"]] = pm["default"]
    columns = tuple(c.strip() for c in ",".join(meta.get("columns", [])).split(",") if c.strip())
    return NamedQuery(
        name=path.stem, path=path, sparql=text,
        title=" ".join(meta.get("title", [])), description=" ".join(meta.get("description", [])),
        params=params, columns=columns,
    )


def library(directory: Path = QUERY_DIR) -> dict[str, NamedQuery]:
    return {p.stem: parse(p) for p in sorted(directory.glob("*.rq"))}


def find(name_or_file: str, directory: Path = QUERY_DIR) -> NamedQuery:
    """A named query by file stem, or any .rq file by path."""
    path = Path(name_or_file)
    if path.suffix == ".rq" and path.is_file():
        return parse(path)
    lib = library(directory)
    if name_or_file in lib:
        return lib[name_or_file]
    raise KgraphError(f"no named query {name_or_file!r}; known: {', '.join(lib) or 'none'}")
