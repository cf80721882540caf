"""A synthetic kgraph dataset of any size, shaped like ours by construction: the
five-source build, replicated.

Why replicate rather than generate: a hand-written generator drifts from what
`kgraph build` emits (the previous one had twice our share of plan tasks and no
overlap findings, so one named query measured nothing at 1M). Copies of the real
graphs keep every class, property, IRI pattern and proportion of the build,
including the ones added later.

* The ontology graph is written once.
* Document copy 0 is the build itself, so the IRIs the named queries default to
  (org/mint, decree 1331's task_1) exist with their real neighbourhood.
* Document copy k > 0 repeats every source graph and the findings graph with its
  own IRIs: every IRI under /id/ that is not a registry entity gets "-c<k>"
  appended to its second path segment (act/decree-c3/2013/12/13/1331/...,
  graph/kz-gov-decree-2013-1331-ru-c3), and a literal equal to a document id is
  renamed the same way.
* The registry is replicated too: one registry copy per DOCS_PER_REGISTRY
  document copies, its entities renamed "-r<n>" (org/mint-r2), and each
  document copy refers to the bodies, roles and groups of one registry. So at 1M
  triples there are ~60 copies of the five documents over 6 registries
  (~500 bodies), and each body carries ten times its real number of mandates, as
  it would after a decade of new plans.

    python bench/synthetic.py --build build --triples 1000000 -o /tmp/synthetic.nq
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections.abc import Iterator
from pathlib import Path

B = "https://kgraph.kz/id/"
ONTOLOGY_GRAPH = f"<{B}graph/ontology>"
REGISTRY_GRAPH = f"<{B}graph/registry>"
DOCS_PER_REGISTRY = 10

_IRI = re.compile(r"<https://kgraph\.kz/id/([^>]*)>")
_GRAPH = re.compile(r"(<[^>]*>) \.\n$")  # the graph term ends an N-Quads line
_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _graph_of(line: str) -> str:
    m = _GRAPH.search(line)
    return m.group(1) if m else ""


def _suffixed(path: str, suffix: str) -> str:
    """'act/decree/2013/...' -> 'act/decree-c3/2013/...' (the second segment carries the copy)."""
    head, sep, rest = path.partition("/")
    if not sep:
        return path + suffix
    second, sep2, tail = rest.partition("/")
    return f"{head}/{second}{suffix}{sep2}{tail}"


class Replicator:
    """Rewrites lines of the build for one (document copy, registry copy)."""

    def __init__(self, registry_paths: set[str], doc_ids: set[str]):
        self.registry_paths = registry_paths
        self.doc_ids = doc_ids

    def lines(self, lines: list[str], doc_copy: int, registry_copy: int) -> Iterator[str]:
        if doc_copy == 0 and registry_copy == 0:
            yield from lines
            return
        doc_suffix = f"-c{doc_copy}" if doc_copy else ""
        reg_suffix = f"-r{registry_copy}" if registry_copy else ""
        cache: dict[str, str] = {}

        def iri(m: re.Match) -> str:
            path = m.group(1)
            new = cache.get(path)
            if new is None:
                if path in self.registry_paths:
                    new = _suffixed(path, reg_suffix) if reg_suffix else path
                else:
                    new = _suffixed(path, doc_suffix) if doc_suffix else path
                cache[path] = new
            return f"<{B}{new}>"

        def literal(m: re.Match) -> str:
            return f'"{m.group(1)}{doc_suffix}"' if m.group(1) in self.doc_ids else m.group(0)

        for line in lines:
            line = _IRI.sub(iri, line)
            if doc_suffix and '"' in line:
                line = _LITERAL.sub(literal, line)
            yield line


def generate(build_nquads: Path, triples: int = 1_000_000) -> Iterator[str]:
    """N-Quads lines, about `triples` of them (never fewer than one copy of the build)."""
    graphs: dict[str, list[str]] = {}
    with open(build_nquads, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                graphs.setdefault(_graph_of(line), []).append(line)
    ontology = graphs.pop(ONTOLOGY_GRAPH, [])
    registry = graphs.pop(REGISTRY_GRAPH, [])
    documents = [line for lines in graphs.values() for line in lines]
    registry_paths = {m.group(1) for line in registry if (m := _IRI.match(line))}
    doc_ids = {g[len(f"<{B}graph/") : -1] for g in graphs if g.startswith(f"<{B}graph/")}
    rep = Replicator(registry_paths, doc_ids)

    # n document copies and ceil(n / DOCS_PER_REGISTRY) registries make `triples`.
    per_copy = len(documents) + len(registry) / DOCS_PER_REGISTRY
    copies = max(1, round((triples - len(ontology)) / per_copy))
    registries = math.ceil(copies / DOCS_PER_REGISTRY)
    yield from ontology
    for r in range(registries):
        yield from rep.lines(registry, 0, r)
    for k in range(copies):
        yield from rep.lines(documents, k, k % registries)


def write(path: Path, build_nquads: Path, triples: int = 1_000_000) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for line in generate(build_nquads, triples):
            f.write(line)
            n += 1
    return n


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", type=Path, default=Path("build"), help="a five-source build directory")
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("-o", "--output", type=Path, default=None, help="N-Quads file (default: stdout)")
    args = ap.parse_args(argv)
    source = args.build / "graph.nq"
    if not source.is_file():
        ap.error(f"{source}: no build here; run `kgraph build` first")
    if args.output:
        n = write(args.output, source, args.triples)
        print(f"{n} quads -> {args.output}", file=sys.stderr)
    else:
        sys.stdout.writelines(generate(source, args.triples))


if __name__ == "__main__":
    main()
