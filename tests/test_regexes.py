"""Regex audit (issue 19): no compiled pattern of kgraph backtracks catastrophically.

Every module-level pattern of every kgraph module (alone or in a tuple, list, set or
dict) is run, with `search` as the readers mostly do, against adversarial strings
built from its own character classes: for each repeated part of the pattern, long
runs of each character it repeats, of all of them in turn and of them with spaces
between, each followed by a tail no pattern wants (so that the engine tries every way
to split the run before it fails). Sizes grow from 16 to 1,500 characters; an
exponential pattern (the old `plan.ABBR_TAIL`: 19 s on 70 characters) is over
0.25 s by about 30, a cubic one (three adjacent runs over the same characters, such
as `\\s*\\.?\\s*` or `[ \\t]*…{0,250}?\\s*`) over 1 s at 1,500. The bound is CPU time, so that a
loaded machine does not fail it.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import re._constants as C
import re._parser as P
import time

import pytest

import kgraph

SIZES = (16, 24, 32, 64, 128, 1500)
BOUND = 1.0  # CPU seconds for one search of one attack string (linear and quadratic ones take milliseconds)
SMALL_BOUND = 0.25  # the same up to 128 characters: past it, an exponential pattern would not end
TAILS = ("\x00", "!")
# Characters standing for a category in the attacks: Latin, Cyrillic and Kazakh letters, digits, spaces.
CATEGORY = {
    C.CATEGORY_DIGIT: "1",
    C.CATEGORY_NOT_DIGIT: "aЖ ",
    C.CATEGORY_WORD: "aЖ1",
    C.CATEGORY_NOT_WORD: " -",
    C.CATEGORY_SPACE: " \t\n",
    C.CATEGORY_NOT_SPACE: "aЖ1-",
}
REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def module_patterns() -> dict[str, re.Pattern]:
    """Every module-level compiled pattern of kgraph, by the first name it has."""
    found: dict[tuple, tuple[str, re.Pattern]] = {}
    for info in pkgutil.walk_packages(kgraph.__path__, "kgraph."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, dict):
                values = list(value.values())
            elif isinstance(value, (tuple, list, set, frozenset)):
                values = list(value)
            else:
                values = [value]
            for v in values:
                if isinstance(v, re.Pattern):
                    found.setdefault((v.pattern, v.flags), (f"{info.name}.{name}", v))
    return dict(found.values())


def chars(items) -> set[str]:
    """Characters a parsed (sub)pattern can match, a few per class or range."""
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.NOT_LITERAL:
            out.update(c for c in "aЖ" if ord(c) != av)
        elif op is C.RANGE:
            out.update({chr(av[0]), chr((av[0] + av[1]) // 2), chr(av[1])})
        elif op is C.CATEGORY:
            out.update(CATEGORY.get(av, ""))
        elif op is C.ANY:
            out.update("aЖ1 ")
        elif op is C.IN or op is C.ATOMIC_GROUP:
            out |= chars(av)
        elif op is C.SUBPATTERN:
            out |= chars(av[-1])
        elif op in REPEATS:
            out |= chars(av[2])
        elif op is C.BRANCH:
            for branch in av[1]:
                out |= chars(branch)
    return out


def repeated_sets(items, acc: list[str]) -> list[str]:
    """For each repeated part of a parsed pattern, the characters it repeats (a few)."""
    for op, av in items:
        if op in REPEATS:
            acc.append("".join(sorted(chars(av[2]))[:6]))
            repeated_sets(av[2], acc)
        elif op is C.SUBPATTERN:
            repeated_sets(av[-1], acc)
        elif op is C.BRANCH:
            for branch in av[1]:
                repeated_sets(branch, acc)
        elif op is C.ATOMIC_GROUP:
            repeated_sets(av, acc)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            repeated_sets(av[1], acc)
    return acc


def attacks(pattern: re.Pattern, n: int) -> set[str]:
    out: set[str] = set()
    for cs in set(repeated_sets(P.parse(pattern.pattern, pattern.flags), [])):
        if not cs:
            continue
        runs = [c * n for c in cs] + [(cs * n)[:n], ((" ".join(cs) + " ") * n)[:n]]
        out.update(run + tail for run in runs for tail in TAILS)
    return out


def over(pattern: re.Pattern) -> str | None:
    """The first attack that takes `pattern` over the bound for its size (CPU seconds), or None."""
    for n in SIZES:
        bound = SMALL_BOUND if n <= 128 else BOUND
        for text in sorted(attacks(pattern, n)):
            start = time.thread_time()
            pattern.search(text)
            seconds = time.thread_time() - start
            if seconds > bound:
                return f"{seconds:.2f} s CPU on {n} characters ({text[:12] + '…' + text[-3:]!r})"
    return None


PATTERNS = module_patterns()


def test_the_audit_sees_the_readers_patterns():
    """The collection is not empty by accident: the patterns the issue names are in it."""
    assert len(PATTERNS) > 300
    assert {"kgraph.sources.plan.ABBR_TAIL", "kgraph.text.DEBRIS", "kgraph.acts_reader.RU_NUMBER"} <= set(PATTERNS)


@pytest.mark.parametrize(
    "source",
    [
        r"(?:[«\"][^«»\"]+[»\"]\s*)?(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9&\-]+\s*)+$",  # plan.ABBR_TAIL before
        r"\s*\.?\s*№\s*(\d+)",  # acts_reader.RU_NUMBER before
        r"^[\t \-]*-{2,}[\t \-]*$",  # text.DEBRIS before
    ],
)
def test_the_audit_finds_catastrophic_patterns(source):
    """The attacks catch what they are for: the patterns this audit fixed, as they were."""
    assert over(re.compile(source, re.MULTILINE)) is not None


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_catastrophic_backtracking(name):
    problem = over(PATTERNS[name])
    assert problem is None, f"{name}: {problem}"
