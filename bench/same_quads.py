"""Do two builds hold the same quads? (a check for changes that must not change the graph)

    python bench/same_quads.py BUILD_A BUILD_B

Compares BUILD_A/graph.nq and BUILD_B/graph.nq as sets of lines: the lines without a blank
node must be the same; the lines with one (the ontology's class expressions: rdflib names
them anew in every process) are compared with every blank node label replaced by one
placeholder. Prints the counts and the first differences of each graph; exits 1 when they differ.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

BLANK = re.compile(rb"_:\S+")


def quads(build: Path) -> tuple[set[bytes], Counter]:
    named, blank = set(), Counter()
    for line in (build / "graph.nq").read_bytes().splitlines():
        if not line.strip():
            continue
        if BLANK.search(line):
            blank[BLANK.sub(b"_:b", line)] += 1
        else:
            named.add(line)
    return named, blank


def graph_of(line: bytes) -> bytes:
    return line.rsplit(b" ", 2)[-2]


def main() -> None:
    a, b = Path(sys.argv[1]), Path(sys.argv[2])
    (named_a, blank_a), (named_b, blank_b) = quads(a), quads(b)
    only_a, only_b = sorted(named_a - named_b), sorted(named_b - named_a)
    print(f"{a}: {len(named_a)} quads + {sum(blank_a.values())} with blank nodes")
    print(f"{b}: {len(named_b)} quads + {sum(blank_b.values())} with blank nodes")
    for name, lines in ((a, only_a), (b, only_b)):
        if lines:
            print(f"only in {name}: {len(lines)}, by graph: {dict(Counter(graph_of(x).decode() for x in lines))}")
            for x in lines[:5]:
                print("  ", x.decode()[:300])
    if blank_a != blank_b:
        print(
            "the quads with blank nodes differ:", sum((blank_a - blank_b).values()), sum((blank_b - blank_a).values())
        )
    same = not only_a and not only_b and blank_a == blank_b
    print("SAME" if same else "DIFFERENT")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
