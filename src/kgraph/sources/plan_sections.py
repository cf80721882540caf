"""Sections a plan implies without printing a heading row for them (`kgraph.sources.plan.parse`).

* A plan printed as several tables, each under a title of its own («План мероприятий по
  реализации стратегии …»), whose rows number anew in each table and which print no section
  heading: each table is a section, numbered by its position, titled by the title above it.
* Section headings that start at «2» / «II» with rows before them: those rows are the plan's
  first section («1» / «I»), untitled.
* A row printed without a number between rows n-1 and n+1 is row n (the number cell left empty
  by mistake); elsewhere it keeps no number.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kgraph.sources.plan_table import Heading, Row

# The number a row's printed number starts with ("12", "3.1" -> 3).
LEADING = re.compile(r"\d+")
# The second section's number, and the first's: Arabic, Latin or Cyrillic Roman.
SECOND_FIRST = {"2": "1", "II": "I", "ІІ": "І"}


def _leading(number) -> int | None:
    m = LEADING.match(str(number)) if number is not None else None
    return int(m.group(0)) if m else None


def tables_are_sections(rows_of: list[list]) -> bool:
    """Several tables, none with a section heading, and the rows of every table after the first
    numbered anew (its first number not above the previous table's last)."""
    if len(rows_of) < 2 or any(isinstance(i, Heading) and i.kind == "section" for rows in rows_of for i in rows):
        return False
    last = None
    for rows in rows_of:
        numbers = [n for n in (_leading(i.number) for i in rows if isinstance(i, Row)) if n is not None]
        if not numbers:
            return False
        if last is not None and numbers[0] > last:
            return False
        last = numbers[-1]
    return True


def first_section(records: list, section_cls) -> list:
    """Rows before a first section heading numbered «2» (or «II»): the untitled section «1»."""
    tops = [r for r in records if isinstance(r, section_cls) and r.parent is None]
    if not tops or tops[0].number not in SECOND_FIRST or any(r.number == SECOND_FIRST[tops[0].number] for r in tops):
        return records
    first = records.index(tops[0])
    before = [k for k, r in enumerate(records[:first]) if getattr(r, "kind", None) == "task" and r.section is None]
    if not before:
        return records
    number = SECOND_FIRST[tops[0].number]
    out = list(records)
    for k in before:
        out[k] = replace(out[k], section=number)
    out.insert(before[0], section_cls(number, None, out[before[0]].span))
    return out


def number_gaps(records: list) -> list:
    """A task printed without a number between tasks n-1 and n+1 of its section is task n."""
    tasks = [k for k, r in enumerate(records) if getattr(r, "kind", None) == "task"]
    out = list(records)
    for a, k, b in zip(tasks, tasks[1:], tasks[2:]):
        before, here, after = out[a], out[k], out[b]
        if here.number is not None or not (before.section == here.section == after.section):
            continue
        if isinstance(before.number, int) and isinstance(after.number, int) and after.number == before.number + 2:
            out[k] = replace(here, number=before.number + 1)
    return out


__all__ = ["first_section", "number_gaps", "tables_are_sections"]
