"""Helpers for tests that bound the running time of text rules (and, later, the parser fuzz test).

Bounds are generous absolutes measured on the slowest of a few runs, never a
tight timing: catastrophic backtracking is exponential, so an input that takes
milliseconds when the rule is linear takes minutes or hours when it is not.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

KAZAKH_UPPER = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
RUSSIAN_UPPER = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"


def seconds(fn: Callable[[], object], repeat: int = 3) -> float:
    """The slowest of `repeat` runs of fn(), in seconds."""
    worst = 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        worst = max(worst, time.perf_counter() - start)
    return worst


def caps_name(length: int, alphabet: str = KAZAKH_UPPER, seed: int = 0, spaces: bool = True) -> str:
    """An all-caps name of `length` characters (words of 2-12 letters), the shape that
    makes nested quantifiers over capital letters backtrack."""
    rnd = random.Random(seed)
    out: list[str] = []
    while sum(map(len, out)) + len(out) < length:
        out.append("".join(rnd.choice(alphabet) for _ in range(rnd.randint(2, 12))))
    text = (" " if spaces else "").join(out)
    return text[:length]


def mutations(text: str, n: int, seed: int = 0) -> list[str]:
    """`n` mutated slices of a text: a random slice with characters dropped, doubled or swapped."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        a = rnd.randrange(0, max(len(text), 1))
        piece = list(text[a : a + rnd.randint(0, 2000)])
        for _ in range(rnd.randint(0, 8)):
            if not piece:
                break
            i = rnd.randrange(len(piece))
            op = rnd.random()
            if op < 0.33:
                del piece[i]
            elif op < 0.66:
                piece.insert(i, piece[i])
            else:
                j = rnd.randrange(len(piece))
                piece[i], piece[j] = piece[j], piece[i]
        out.append("".join(piece))
    return out
