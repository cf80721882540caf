"""kgraph.sources.plan_columns: the cheap searches give what trying every cut gives."""

from __future__ import annotations

import itertools

import pytest

from kgraph.sources import plan_cells
from kgraph.sources.plan_columns import OPTIONS, Model, Segmenter
from kgraph.sources.plan_table import Piece

KINDS = ("number", "text", "form", "parties", "deadline", "other")
LINES = [
    "1.1. Обеспечить ежегодную Проект МЭБП, III",
    "разработку Индикативного постановления Нацбанк (по квартал,",
    "плана социально-экономического Правительства согласованию), 2004 года",
    "2. Разработать программу Информация в МИО, МФ ежегодно",
    "Правительство",
    "",
]


def every_cut(seg: Segmenter, words: list[str], i: int) -> list[list[tuple[str, ...]]]:
    """All ways to give the words to the columns in order, best by their pieces' scores first
    (ties in the order of the cut points): what `_options` keeps the best `OPTIONS` of."""
    n, kinds = len(words), seg.m.kinds
    scored = []
    for ends in itertools.combinations_with_replacement(range(n + 1), len(kinds) - 1):
        cuts = (*ends, n)
        pieces = [tuple(words[a:b]) for a, b in zip((0, *cuts[:-1]), cuts)]
        own = sum(seg._piece(k, p, i == 0, "", "") for k, p in zip(kinds, pieces) if p)
        scored.append((own, pieces))
    scored.sort(key=lambda x: -x[0])
    return [p for _, p in scored[:OPTIONS]]


@pytest.mark.parametrize("line", LINES)
@pytest.mark.parametrize("kinds", [KINDS, KINDS[:3], KINDS[1:2]])
def test_the_best_cuts_of_a_line_are_those_of_trying_every_cut(line, kinds):
    seg = Segmenter(Model(kinds))
    words = line.split()
    for i in (0, 1):
        assert seg._options(words, i) == every_cut(seg, words, i)


def test_a_line_longer_than_fourteen_words_goes_to_the_first_column():
    words = ("слово " * 15).split()
    assert Segmenter(Model(KINDS))._options(words, 1) == [[tuple(words), (), (), (), (), ()]]


def brute_align(cells: list[Piece], kinds: tuple[str, ...], glossary=frozenset()) -> dict[str, Piece]:
    """`plan_cells.align` by trying every cut of every cell (the way it was first written)."""
    cells = [c.strip() for c in cells]
    if len(cells) == len(kinds):
        return {k: c for k, c in zip(kinds, cells) if c}
    n, m = len(cells), len(kinds)

    def best(i: int, j: int):
        if i == n:
            return -plan_cells.SKIP * (m - j), []
        if j == m:
            return float("-inf"), []
        score, plan = best(i, j + 1)
        options = [(score - plan_cells.SKIP, plan)]
        s, rest = best(i + 1, j + 1)
        options.append((s + plan_cells.fit(kinds[j], cells[i].text, glossary), [(kinds[j], cells[i])] + rest))
        cuts = plan_cells._cuts(cells[i])
        splits = [[cells[i][:c].strip(), cells[i][c:].strip()] for c in cuts] if m - j >= 2 else []
        if m - j >= 3:
            splits += [
                [cells[i][:a].strip(), cells[i][a:b].strip(), cells[i][b:].strip()]
                for a, b in itertools.combinations(cuts, 2)
            ]
        for split in splits:
            placements = []
            for cols in itertools.combinations(range(j + 1, m), len(split) - 1):
                cols = (j, *cols)
                f = sum(plan_cells.fit(kinds[c], p.text, glossary) for c, p in zip(cols, split))
                f -= plan_cells.SKIP * (cols[-1] - j - (len(split) - 1))
                r, rest = best(i + 1, cols[-1] + 1)
                placements.append(
                    (r + f - plan_cells.SPLIT * (len(split) - 1), [(kinds[c], p) for c, p in zip(cols, split)] + rest)
                )
            if placements:
                options.append(max(placements, key=lambda o: o[0]))
        return max(options, key=lambda o: o[0])

    out: dict[str, Piece] = {}
    for kind, piece in best(0, 0)[1]:
        if piece:
            out[kind] = Piece.join([out[kind], piece]) if kind in out else piece
    return out


GLUED = [
    ["1", "Разработать план мероприятий Проект постановления МИИР, МФ, МНЭ IV квартал 2024 года"],
    ["12.", "Обеспечить участие Информация в Правительство МИО (по согласованию) ежегодно, 25 декабря"],
    ["3", "Внести предложения", "Предложения в МЭБП Нацбанк (по согласованию) 2004 год"],
    ["Провести семинары «Жасыл Ел» Информация Акимы областей 2025–2026 годы, декабрь Республиканский бюджет"],
]


@pytest.mark.parametrize("cells", GLUED)
def test_align_gives_what_trying_every_cut_gives(cells):
    kinds = ("number", "text", "form", "parties", "deadline", "source")
    pieces = [Piece(c, tuple(range(k * 1000, k * 1000 + len(c)))) for k, c in enumerate(cells)]
    got = {k: p.text for k, p in plan_cells.align(pieces, kinds, frozenset()).items()}
    want = {k: p.text for k, p in brute_align(pieces, kinds).items()}
    assert got == want
