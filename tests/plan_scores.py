"""Issue 16's targets on every plan golden (a golden with task records): party F1, task count
(expected / extracted / matched), deadline accuracy (start, end, recurrence, printed text),
section F1 and task text accuracy, one line per source.

    PYTHONPATH=src .venv/bin/python tests/plan_scores.py [ID-SUBSTRING ...]

A source whose golden has a `.plan` part (decree 1134: concept and plan) is scored on the plan's
kinds only (its sections are still extracted with the concept's: the section F1 counts the
concept's as extras; tests/test_plan.py scores the plan reader's records alone).
"""

from __future__ import annotations

import sys

from kgraph import evaluate, settings

PLAN_KINDS = ("task", "party", "section", "indicator", "glossary")


def plan_sources(directory=settings.GOLDEN_DIR) -> list[str]:
    return [s for s in evaluate.golden_sources(directory) if evaluate.load_golden(s, directory).get("task")]


def scores(source_id: str, directory=settings.GOLDEN_DIR) -> dict[str, evaluate.Score]:
    if (directory / f"{source_id}.plan.json").exists():
        gold = evaluate.load_golden(f"{source_id}.plan", directory)
        gold = {k: v for k, v in gold.items() if k in PLAN_KINDS}
    else:
        gold = evaluate.load_golden(source_id, directory)
    return evaluate.score(gold, evaluate.extract(source_id))


def main(args: list[str]) -> None:
    ids = [s for s in plan_sources() if not args or any(a in s for a in args)]
    fields = ("deadline_start", "deadline_end", "recurrence", "deadline_text")
    print(
        f"{'source':44} {'party F1':>8} {'tasks e/x/ok':>14} {'start':>6} {'end':>6} {'recur':>6} {'text':>6} {'sect':>5}"
    )
    for sid in ids:
        s = scores(sid)
        t, p, sec = s["task"], s.get("party"), s.get("section")
        acc = " ".join(f"{t.field_accuracy(f):6.3f}" for f in fields)
        party = f"{p.f1:8.3f}" if p else f"{'-':>8}"
        print(f"{sid:44} {party} {t.expected:>4}/{t.extracted:>4}/{t.tp:>4} {acc} {sec.f1 if sec else 1.0:5.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
