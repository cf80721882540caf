"""Cut a plan table's body into rows and their cells (see `plan_table`).

* `read_separated`: tab or pipe layouts. A line whose first cell is a number
  starts a row; a line without one is a fragment of a row split by a page
  break, joined to the next row when its text starts a sentence and to the
  previous row otherwise. When a line has fewer cells than the header (empty
  cells dropped, neighbouring cells glued together), its cells are aligned to
  the columns by what they look like, splitting glued cells where the next
  column visibly starts (`align`).
* `read_stacked`: no separators. A line starting with the next task number
  starts a row; the deadline is the block at the end of the row; content after
  it belongs to the next row (its first page part); the other cells are read
  word by word: a completion form starts with a document-kind word, a list of
  parties with an abbreviation or a group word not governed by a preposition,
  and a block after the parties that is not a party list takes the row back to
  its text (the second page part of a split row).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations

from kgraph.lang import BY_AGREEMENT_PART
from kgraph.sources.plan_flat import Excluded, read_flat
from kgraph.sources.plan_table import (
    ABBR,
    COLUMN_NUMBERS,
    DIRECTION_HEAD,
    EMPTY,
    FORM_HEAD,
    FORM_TAIL,
    FUNDING_AMOUNT,
    FUNDING_SOURCE,
    INDICATOR_HEAD,
    NOT_A_HEADING,
    NUMBER_CELL,
    NUMBERED_HEAD,
    PREPOSITION,
    WORD_HEAD,
    Heading,
    Piece,
    Row,
    Table,
    deadline_like,
    framed,
    party_like,
    party_shaped,
    repeated_header,
    split_top,
    starts_party,
)

# An indicator's content is complete once its yearly values are closed: "… 2035 год – 8 млрд тенге)".
VALUES_DONE = re.compile(r"(?:19|20)\d{2}\s*\S*\s*[–—-][^()]*\)\s*$")
SKIP = 0.3  # penalty for a column left empty by an alignment
SPLIT = 0.6  # penalty for cutting a cell in two
MAX_PARTS = 3  # a glued cell holds at most three columns


# --- scoring cells ----------------------------------------------------------------------


@lru_cache(maxsize=65536)
def fit(kind: str, text: str, glossary: frozenset[str] = frozenset()) -> float:
    """How well `text` fits a column of `kind` (higher is better)."""
    t = re.sub(r"\s+", " ", text).strip()
    if not t:
        return 0.0
    if kind == "number":
        return 2.0 if NUMBER_CELL.match(t) else -5.0
    if kind == "deadline":
        return 2.0 if deadline_like(t) else -4.0
    if kind == "source":
        return 2.0 if FUNDING_SOURCE.match(t) else -3.0
    if kind == "amount":
        return (1.0 if t in "-–—" else 1.2) if FUNDING_AMOUNT.match(t) else -3.0
    if kind == "funding":
        return 1.5 if FUNDING_SOURCE.match(t) or FUNDING_AMOUNT.match(t) or _amount_source(t) else -3.0
    if kind == "other":
        return 0.1
    if kind in ("parties", "parties2"):
        if BY_AGREEMENT_PART.match(t) and re.search(r"[()]|согласовани|бойынша", t):
            return 1.0
        return 1.5 if party_like(t, glossary) else -1.5
    if kind == "form":
        if FORM_HEAD.match(t) or FORM_TAIL.search(t):
            return 1.5
        return 0.0 if len(t) <= 60 else -1.0
    # text
    if deadline_like(t) or FUNDING_SOURCE.match(t):
        return -2.0
    return 0.3 + (0.3 if len(t) >= 20 else 0.0)


def _amount_source(t: str) -> bool:
    m = re.match(r"^([\d\s]+(?:[.,]\d+)?)\s+(.+)$", t)
    return bool(m and FUNDING_SOURCE.match(m[2]))


# Where a glued cell may be cut: before a word that can start a column.
_CUT_BEFORE = re.compile(
    r"(?<=\s)(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ«\"(\-–—\d]|(?:информаци|предложени|решени|проект|не\s+требу|в\s+рамках|"
    r"в\s+объеме|другие\s+источники|согласовани|талап|республикалық|жергілікті|внебюджет)\w*)",
    re.IGNORECASE,
)


def _cuts(p: Piece) -> list[int]:
    t = p.text
    cuts = {m.start() for m in _CUT_BEFORE.finditer(t)}
    for m in re.finditer(r"(?<=[)»\"])\s*|(?<=ақпарат)\s+|(?<=ұсыныс)\s+|(?<=бұйрығы)\s+", t):
        if 0 < m.end() < len(t):
            cuts.add(m.end())
    cuts.update(m.end() for m in re.finditer(r"[(]\s*(?=\S)", t) if m.start() > 0)
    return sorted(c for c in cuts if 0 < c < len(t) and t[:c].strip() and t[c:].strip())


# The highest score `fit` gives a column of each kind: a bound that lets `align` skip the cuts
# of a glued cell that cannot win.
FIT_MAX = {"number": 2.0, "deadline": 2.0, "source": 2.0, "amount": 1.2, "funding": 1.5, "other": 0.1}
FIT_MAX_DEFAULT = 1.5  # parties, form; text is lower (0.6)


def align(cells: list[Piece], kinds: tuple[str, ...], glossary: frozenset[str]) -> dict[str, Piece]:
    """Assign a line's cells to columns in order, cutting glued cells; best total fit wins."""
    cells = [c.strip() for c in cells]
    if len(cells) == len(kinds):
        return {k: c for k, c in zip(kinds, cells) if c}
    n, m = len(cells), len(kinds)
    memo: dict[tuple[int, int], tuple[float, list]] = {}
    top_fit = [FIT_MAX.get(k, FIT_MAX_DEFAULT) for k in kinds]

    def best(i: int, j: int) -> tuple[float, list]:
        if i == n:
            return -SKIP * (m - j), []
        if j == m:
            return float("-inf"), []
        key = (i, j)
        if key in memo:
            return memo[key]
        score, plan = best(i, j + 1)
        score -= SKIP
        top = (score, plan)  # the first of the best options, in the order they are tried
        cell = cells[i]
        s, rest = best(i + 1, j + 1)
        here = s + fit(kinds[j], cell.text, glossary)
        if here > top[0]:
            top = (here, [(kinds[j], cell)] + rest)
        if cell and len(cell.text) < 600:
            cuts = _cuts(cell)
            if m - j >= 2:
                for c in cuts:
                    found = _place([cell[:c].strip(), cell[c:].strip()], j, i)
                    if found is not None and found[0] > top[0]:
                        top = found
            if m - j >= 3 and len(cuts) >= 2:
                top = _three_parts(cell, cuts, j, i, top)
        memo[key] = top
        return top

    def _three_parts(cell: Piece, cuts: list[int], j: int, i: int, top: tuple[float, list]) -> tuple[float, list]:
        """The best cut of a cell in three parts at (a, b), placed in columns j < c1 < c2, if it
        passes `top`; ties go to the first cut and placement in order, as if all were tried in
        turn. The last part's best column and the rest of the line are found once per b and c1;
        a cut's bound (the best a middle part can fit) orders the cuts, and the middle parts
        are read until no bound can pass the best found."""
        first = {a: fit(kinds[j], cell[:a].strip().text, glossary) for a in cuts}
        tails = {b: cell[b:].strip() for b in cuts[1:]}
        after: dict[tuple[int, int], tuple[float, int]] = {}  # (b, c1) -> best (score, c2)
        for b, tail in tails.items():
            for c1 in range(j + 1, m - 1):
                for c2 in range(c1 + 1, m):
                    v = best(i + 1, c2 + 1)[0] + (fit(kinds[c2], tail.text, glossary) - SKIP * (c2 - c1 - 1))
                    if (b, c1) not in after or v > after[(b, c1)][0]:
                        after[(b, c1)] = (v, c2)
        reach = {
            b: max(top_fit[c1] - SKIP * (c1 - j - 1) + after[(b, c1)][0] for c1 in range(j + 1, m - 1)) for b in tails
        }
        order = sorted(
            (-(first[a] + reach[b] - 2 * SPLIT), n, a, b)
            for n, (a, b) in enumerate((a, b) for x, a in enumerate(cuts) for b in cuts[x + 1 :])
        )
        win: tuple[float, int, int, int, int] | None = None  # (score, -n, a, b, c1)
        for neg_bound, n, a, b in order:
            if -neg_bound + 1e-9 < (top[0] if win is None else max(top[0], win[0])):
                break
            mid = cell[a:b].strip().text
            value, c1 = None, 0
            for c in range(j + 1, m - 1):
                v = after[(b, c)][0] + (fit(kinds[c], mid, glossary) - SKIP * (c - j - 1))
                if value is None or v > value:
                    value, c1 = v, c
            score = value + first[a] - SPLIT * 2
            if win is None or (score, -n) > win[:2]:
                win = (score, -n, a, b, c1)
        if win is None or not win[0] > top[0]:
            return top
        score, _, a, b, c1 = win
        c2 = after[(b, c1)][1]
        parts = [(kinds[j], cell[:a].strip()), (kinds[c1], cell[a:b].strip()), (kinds[c2], tails[b])]
        return score, parts + best(i + 1, c2 + 1)[1]

    def _place(split: list[Piece], j: int, i: int) -> tuple[float, list] | None:
        """Put the parts of a cut cell in increasing columns from j (gaps cost SKIP each)."""

        seen: dict[tuple[int, int], tuple[float, list] | None] = {}

        def go(k: int, col: int) -> tuple[float, list] | None:
            """The best placement of parts k.. from column col (the first of equal ones, as enumerated)."""
            if k == len(split):
                return best(i + 1, col)
            if (k, col) in seen:
                return seen[(k, col)]
            top = None
            for c in range(col, m - (len(split) - k - 1)):
                if k == 0 and c != col:
                    break
                f = fit(kinds[c], split[k].text, glossary) - SKIP * (c - col)
                rest = go(k + 1, c + 1)
                if rest is not None and (top is None or rest[0] + f > top[0]):
                    top = (rest[0] + f, [(kinds[c], split[k])] + rest[1])
            seen[(k, col)] = top
            return top

        found = go(0, j)
        if found is None:
            return None
        return found[0] - SPLIT * (len(split) - 1), found[1]

    _, plan = best(0, 0)
    out: dict[str, Piece] = {}
    for kind, piece in plan:
        if piece:
            out[kind] = Piece.join([out[kind], piece]) if kind in out else piece
    return out


# --- separated layouts (tabs, pipes) ----------------------------------------------------


def _lines(text: str, start: int, end: int) -> list[Piece]:
    return [
        Piece(m.group(0), tuple(range(start + m.start(), start + m.end())))
        for m in re.finditer(r"[^\n]+", text[start:end])
    ]


def _cells(line: Piece, sep: str) -> list[Piece]:
    out, start = [], 0
    for i, ch in enumerate(line.text):
        if ch == sep:
            out.append(line[start:i])
            start = i + 1
    out.append(line[start:])
    cells = [c.strip() for c in out]
    if sep == "|" and framed(line.text):  # "| 1 | текст |": the outer pipes frame the row
        cells = cells[1:-1]
    return cells


def row_number(text: str) -> int | str:
    """12 -> 12; sub-numbered rows keep their printed number ("1.2")."""
    n = text.rstrip(".")
    return int(n) if n.isdigit() else n


def _heading(line: Piece, allow_numbered: bool) -> tuple[str, str | None, Piece] | None:
    t = line.text
    for kind, pattern in (("section", DIRECTION_HEAD), ("indicator", INDICATOR_HEAD)):
        m = pattern.match(t)
        if m:
            n = next((g for g in (m.groupdict().get(k) for k in ("n1", "n2", "n")) if g), None)
            return kind, n, line[m.start("title") : m.end("title")].strip()
    if allow_numbered:
        for pattern in (NUMBERED_HEAD, WORD_HEAD):
            m = pattern.match(t)
            if m:
                n = next(g for g in (m.groupdict().get(k) for k in ("n", "n1", "n2")) if g)
                return "section", n, line[m.start("title") : m.end("title")].strip()
    return None


def read_separated(text: str, table: Table, glossary: frozenset[str]) -> list[Row | Heading]:
    sep = table.separator
    kinds = table.kinds
    items: list[Row | Heading] = []
    pending: list[dict[str, Piece]] = []
    last: Row | None = None
    waiting: tuple[str, int | None, Piece, tuple[int, int]] | None = None  # heading awaiting its title

    def flush_heading() -> None:
        nonlocal waiting
        if waiting:
            kind, n, title, span = waiting
            items.append(Heading(kind, n, title, (span[0], max(span[1], title.span[1] if title else 0))))
            waiting = None

    pipes = sep == "|"  # the mirrors' HTML tables: a line per row, continuation lines, full-width headings
    target: Row | None = None  # the row (or stage of a row) a continuation line goes on
    for line in _lines(text, *table.body):
        if not line or COLUMN_NUMBERS.match(line.text):
            continue
        printed = _cells(line, sep) if sep in line.text else [line.strip()]
        cells, layout = _unspan(printed, table, glossary)
        filled = [c for c in cells if c]
        if repeated_header([c.text for c in cells]):
            continue  # the header printed again after a page break
        if len(cells) == 1 and not NUMBER_CELL.match(cells[0].text):
            only = filled[0]
            head = _heading(only, allow_numbered=True)
            if head:
                flush_heading()
                kind, n, title = head
                waiting = (kind, n, title, only.span)
                if title and kind == "section":
                    flush_heading()
                continue
            if waiting and (not waiting[2] or (waiting[0] == "indicator" and not VALUES_DONE.search(waiting[2].text))):
                kind, n, title, span = waiting
                waiting = (kind, n, Piece.join([title, only]) if title else only, span)
                continue
            if pipes:  # a row across the whole table without a number: an unnumbered section heading
                flush_heading()
                if not NOT_A_HEADING.match(only.text):
                    items.append(Heading("section", None, only, only.span))
                continue
        flush_heading()
        m = NUMBER_CELL.match(cells[0].text) if cells else None
        if pipes and m and last is not None and items and items[-1] is last and row_number(m["n"]) == last.number:
            stage = _stage(last, cells, kinds, glossary)
            if stage is not None:  # a stage of the task: its own text and deadline under the task's number
                last.stages.append(stage)
                target = stage
                continue
            _continue_row(
                last, *_as_laid(last, printed, cells, kinds)
            )  # a number cell spanning rows is repeated on each
            continue
        if pipes and cells and NOT_A_HEADING.match(cells[0].text):
            continue  # a total ("Итого", "Барлығы") or a note in the first cell: no task's
        unnumbered = pipes and last is not None and _unnumbered_row(cells, kinds)
        if pipes and not (m and len(filled) > 1) and last is not None and len(cells) <= len(kinds) and not unnumbered:
            target = target or last
            _continue_row(target, *_as_laid(target, printed, cells, kinds))  # a line break inside a cell
            continue
        if (m and len(filled) > 1) or unnumbered:
            row = Row(row_number(m["n"]) if m else None, layout=layout)
            for kind, piece in align(cells, kinds, glossary).items():
                if kind != "number":
                    row.add(kind, piece)
            for frag in reversed(pending):
                for kind, piece in frag.items():
                    row.add(kind, piece, front=True)
            pending = []
            items.append(row)
            last = target = row
            continue
        frag = {k: v for k, v in align(cells, kinds, glossary).items() if k != "number"}
        lead = frag.get("text") or next(iter(frag.values()), EMPTY)
        starts_sentence = bool(lead) and (lead.text[0].isupper() or lead.text[0] in '«"“')
        if last is None or ("text" in frag and starts_sentence):
            pending.append(frag)
        else:
            for kind, piece in frag.items():
                last.add(kind, piece)
    flush_heading()
    if pending and last is not None:
        for frag in pending:
            for kind, piece in frag.items():
                last.add(kind, piece)
    return items


def _stage(row: Row, cells: list[Piece], kinds: tuple[str, ...], glossary: frozenset[str]) -> Row | None:
    """A line under a row's number (a number cell spanning rows is printed on each) that is a stage
    of the task: a text and a deadline of its own («1 этап … | до 1.08.98г.»), the other cells
    repeated. None when the line only goes on with the row's cells."""
    frag = align(cells, kinds, glossary)
    text, deadline = frag.get("text"), frag.get("deadline")
    own = row.cells.get("deadline")
    if not (text and deadline and own) or deadline.flat == own[0].flat or text.flat == row.cell("text").flat:
        return None
    stage = Row(row.number)
    stage.add("text", text)
    stage.add("deadline", deadline)
    return stage


def _unnumbered_row(cells: list[Piece], kinds: tuple[str, ...]) -> bool:
    """A row of its own printed without a number: the number cell empty, every other cell filled,
    its text a new sentence (a row going on after a page break leaves cells empty)."""
    if len(cells) != len(kinds) or kinds[0] != "number" or cells[0].text or "text" not in kinds:
        return False
    text = cells[kinds.index("text")].text
    return all(c.text for c in cells[1:]) and text[:1].isupper()


def _unspan(cells: list[Piece], table: Table, glossary: frozenset[str]) -> tuple[list[Piece], tuple[str, ...]]:
    """A line's cells, one per column, and the kind of each printed cell (() when unknown).

    A cell spanning columns is printed once per column it spans, and the columns it spans
    need not be the header's (one row spans form and parties, the next text and form): the
    cell is read once, by what it holds (`align`). Columns of one kind (deadline stages, two
    parties columns) and dashes may hold the same text in their own right. When the header
    itself spans columns (`Table.grid`), a row printed over the whole grid has as many repeats
    to fold as the header has: of its repeats, those whose folding puts each cell in the column
    it fits best (`fit`), the leftmost first on a tie; without enough repeats, the grid's own."""
    kinds, grid = table.kinds, table.grid
    if grid and len(cells) == len(grid):
        return _fold(cells, kinds, grid, glossary)
    if len(cells) != len(kinds):
        return cells, ()
    out: list[Piece] = []
    for k, c in enumerate(cells):
        same_kind = k and kinds[k].split(".")[0].rstrip("2") == kinds[k - 1].split(".")[0].rstrip("2")
        if k and c.text and c.text == cells[k - 1].text and len(c.text.strip()) > 3 and not same_kind:
            continue
        out.append(c)
    return out, ()


def _fold(
    cells: list[Piece], kinds: tuple[str, ...], grid: tuple[str, ...], glossary: frozenset[str]
) -> tuple[list[Piece], tuple[str, ...]]:
    extra = len(grid) - len(kinds)
    repeats = [k for k in range(1, len(cells)) if cells[k].text and cells[k].text == cells[k - 1].text]
    best: tuple[float, tuple[int, ...]] | None = None
    for folded in combinations(repeats, extra):
        kept = [c for k, c in enumerate(cells) if k not in folded]
        score = sum(fit(kind, c.text, glossary) for kind, c in zip(kinds, kept))
        if best is None or score > best[0]:
            best = (score, folded)
    if best is not None:
        layout, col = [], -1
        for k in range(len(cells)):
            col += k not in best[1]
            layout.append(kinds[col])
        return [c for k, c in enumerate(cells) if k not in best[1]], tuple(layout)
    out: list[Piece] = []  # the header's grid: spanned columns joined
    for k, c in enumerate(cells):
        if k and grid[k] == grid[k - 1]:
            out[-1] = out[-1] if not c or c.text == out[-1].text else Piece.join([out[-1], c]) if out[-1] else c
        else:
            out.append(c)
    return out, grid


def _as_laid(row: Row, printed: list[Piece], cells: list[Piece], kinds: tuple[str, ...]) -> tuple:
    """A continuation line's cells with their kinds: by the printed layout of the row it goes
    on when it is printed over as many columns (a spanned cell repeated is added once)."""
    if row.layout and len(printed) <= len(row.layout):
        return printed, row.layout
    return cells, kinds


def _continue_row(row: Row, cells: list[Piece], kinds: tuple[str, ...]) -> None:
    """Add a continuation line's cells to the row's columns, cell by cell; a cell that
    repeats the column's last piece (a cell spanning rows) is not added again."""
    for kind, piece in zip(kinds, cells):
        if kind == "number" or not piece:
            continue
        previous = row.cells.get(kind, [])
        if previous and previous[-1].flat == piece.flat:
            continue
        row.add(kind, piece)


# --- stacked layout (no separators) -------------------------------------------------------

# A line that starts a row: its number, then nothing or the start of the text.
ROW_START = re.compile(r"^[ \t]*(?P<n>\d{1,3})\.?(?:[ \t]+(?=[^\s%])|[ \t]*$)(?!и\s)", re.MULTILINE)
BLOCK_GAP = re.compile(r"\n[ \t]*\n\s*")
TOKEN = re.compile(r"\S+")


def _row_starts(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(number, line start, end of the number) of each row, numbers consecutive."""
    out, expected = [], None
    for m in ROW_START.finditer(text, start, end):
        n = int(m["n"])
        if expected is None or n == expected:
            out.append((n, m.start(), m.end("n")))
            expected = n + 1
    return out


def _blocks(p: Piece) -> list[Piece]:
    out, start = [], 0
    for m in BLOCK_GAP.finditer(p.text):
        out.append(p[start : m.start()].strip())
        start = m.end()
    out.append(p[start:].strip())
    return [b for b in out if b]


def _tail_deadline(blocks: list[Piece]) -> tuple[int, Piece, Piece] | None:
    """The last block ending in a deadline: (block index, block without it, deadline)."""
    for b in range(len(blocks) - 1, -1, -1):
        block = blocks[b]
        starts = [m.start() for m in TOKEN.finditer(block.text)][-12:]
        found = None
        for s in starts:
            if deadline_like(block[s:].flat):
                found = s
                break
        if found is not None:
            return b, block[:found].strip(), block[found:].strip()
    return None


def read_stacked(text: str, table: Table, glossary: frozenset[str]) -> list[Row | Heading]:
    kinds = table.kinds
    starts = _row_starts(text, *table.body)
    items: list[Row | Heading] = []
    carry: list[Piece] = []  # blocks of the next row printed before its number
    for k, (n, _, num_end) in enumerate(starts):
        end = starts[k + 1][1] if k + 1 < len(starts) else table.body[1]
        region = Piece(text[num_end:end], tuple(range(num_end, end)))
        blocks = _blocks(region)
        headings: list[Heading] = []
        kept: list[Piece] = []
        for b in blocks:
            head = _heading(b, allow_numbered=False)
            if head and head[0] in ("section", "indicator") and (head[0] == "section" or head[1]):
                headings.append(Heading(head[0], head[1], head[2], b.span))
            else:
                kept.append(b)
        blocks = kept
        row = Row(n)
        deadline_last = kinds[-1] == "deadline"
        found = _tail_deadline(blocks) if "deadline" in kinds else None
        next_carry: list[Piece] = []
        if found:
            b, before, deadline = found
            row.add("deadline", deadline)
            if deadline_last and k + 1 < len(starts):
                next_carry = blocks[b + 1 :]
                blocks = blocks[:b] + ([before] if before else [])
            else:
                blocks = blocks[:b] + ([before] if before else []) + blocks[b + 1 :]
        _read_cells(row, carry, blocks, glossary, kinds)
        carry = next_carry
        items.append(row)
        items.extend(headings)
    return items


def _words(block: Piece) -> list[tuple[Piece, str]]:
    """Words of a block with the gap before each: 'blank' (the first), 'line' or 'space'."""
    out: list[tuple[Piece, str]] = []
    prev_end = None
    for m in TOKEN.finditer(block.text):
        gap = "blank" if prev_end is None else ("line" if "\n" in block.text[prev_end : m.start()] else "space")
        out.append((block[m.start() : m.end()], gap))
        prev_end = m.end()
    return out


def _read_cells(
    row: Row, carry: list[Piece], blocks: list[Piece], glossary: frozenset[str], kinds: tuple[str, ...]
) -> None:
    """Give each word of a stacked row to a column (see the module docstring)."""
    cols: dict[str, list[Piece]] = {}
    state = "text"
    order = [("carry", b) for b in carry] + [("row", b) for b in blocks]
    first_row_block = True
    for origin, block in order:
        if "source" in kinds and FUNDING_SOURCE.match(block.flat):
            cols.setdefault("source", []).append(block)
            continue
        if "amount" in kinds and FUNDING_AMOUNT.match(block.flat) and block.flat not in "-–—":
            cols.setdefault("amount", []).append(block)
            continue
        words = _words(block)
        texts = [w.text for w, _ in words]
        for i, (w, gap) in enumerate(words):
            if i == 0:
                if origin == "row" and first_row_block:
                    state = "text"  # the words right after the row number are its text
                elif _form_starts(texts, 0, cols) or _form_block_kk(block, cols):
                    state = "form"
                elif party_like(block.flat, glossary) and cols.get("text"):
                    state = "parties"
                elif state != "form" or not _form_open(cols):
                    state = "text"
            elif state in ("text", "parties") and _form_starts(texts, i, cols):
                state = "form"
            elif (state == "text" and gap == "line" and _party_line(block, w, glossary)) or (
                state == "form" and (_form_complete(cols) or starts_party(texts, i, glossary))
            ):
                state = "parties"
            cols.setdefault(state, []).append(w)
        if origin == "row":
            first_row_block = False
    for kind, words in cols.items():
        row.add(kind, _join_words(words))


def _form_starts(texts: list[str], i: int, cols: dict[str, list[Piece]]) -> bool:
    """A completion form starts here: a capitalised document-kind word after some text."""
    if not cols.get("text"):
        return False
    word = texts[i]
    if not word[:1].isupper() or ABBR.match(word) or (i > 0 and PREPOSITION.match(texts[i - 1])):
        return False
    return bool(FORM_HEAD.match(" ".join(texts[i : i + 2])))


def _form_block_kk(block: Piece, cols: dict[str, list[Piece]]) -> bool:
    """A Kazakh completion form names the document kind last: "ИЖТМ-ге ақпарат", "… Үкіметіне ұсыныс"."""
    return bool(cols.get("text")) and len(block.flat.split()) <= 8 and bool(FORM_TAIL.search(block.flat))


def _party_line(block: Piece, word: Piece, glossary: frozenset[str]) -> bool:
    """A line inside a text block that is plainly a list of parties ("АС, МКС"): two or more
    comma-separated items, each shaped like a party (one item alone may be running text)."""
    start = block.pos.index(word.pos[0])
    end = block.text.find("\n", start)
    line = block[start : end if end >= 0 else len(block.text)]
    if line.text.count("«") != line.text.count("»"):
        return False  # a quotation opened or closed on another line: running text
    items = [i.flat for i in split_top(line)]
    filled = [i for i in items if i]
    if len(filled) < 2 and not line.text.rstrip().endswith(","):
        return False
    return all(party_shaped(i, glossary) and len(i.split()) <= 8 for i in filled)


def _form_complete(cols: dict[str, list[Piece]]) -> bool:
    """ "Информация в АП": a form ends with a preposition and an abbreviation."""
    words = [w.text for w in cols.get("form", [])]
    return len(words) >= 3 and bool(PREPOSITION.match(words[-2])) and bool(ABBR.fullmatch(words[-1].strip(",")))


def _form_open(cols: dict[str, list[Piece]]) -> bool:
    words = [w.text for w in cols.get("form", [])]
    return bool(words) and bool(PREPOSITION.match(words[-1]))


def _join_words(words: list[Piece]) -> Piece:
    """Words of one cell, in order, with the original spacing where they were adjacent."""
    if not words:
        return EMPTY
    text, pos = [words[0].text], list(words[0].pos)
    for w in words[1:]:
        text.append(" ")
        pos.append(w.pos[0])
        text.append(w.text)
        pos.extend(w.pos)
    return Piece("".join(text), tuple(pos))


def read_rows(text: str, table: Table, glossary: frozenset[str] = frozenset()) -> list[Row | Heading | Excluded]:
    """The rows of a table: cells between separators, stacked one per line, or typed side
    by side without separators under a separated header (`plan_flat`)."""
    if table.separator and not _separated_body(text, table):
        return read_flat(text, table, glossary)
    if table.separator:
        return read_separated(text, table, glossary)
    return read_stacked(text, table, glossary)


def _separated_body(text: str, table: Table) -> bool:
    """Do the body's lines carry the header's separator (most of those with words)?"""
    lines = [ln for ln in _lines(text, *table.body) if re.search(r"[^\W_]", ln.text)]
    marked = sum(table.separator in ln.text for ln in lines)
    return not lines or 2 * marked >= len(lines)
