"""Issue 15's targets on every law golden (ids kz-law-*): competence F1 (with the body, roles
compared as resolved ids), chapter, article and operator F1, one line per source.

    PYTHONPATH=src .venv/bin/python tests/law_scores.py [ID-SUBSTRING ...]

Run it before and after a change to the law reader: no line may go down.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kgraph import evaluate, settings

KINDS = ("competence", "chapter", "article", "operator")


def law_sources(directory: Path = settings.GOLDEN_DIR) -> list[str]:
    return [s for s in evaluate.golden_sources(directory) if s.startswith("kz-law-")]


def main(args: list[str]) -> None:
    ids = [s for s in law_sources() if not args or any(a in s for a in args)]
    print(f"{'source':44} " + " ".join(f"{k:>10}" for k in KINDS))
    for sid in ids:
        s = evaluate.evaluate_source(sid)
        print(f"{sid:44} " + " ".join(f"{s[k].f1:10.3f}" if k in s else f"{'-':>10}" for k in KINDS), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
