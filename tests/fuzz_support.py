"""Helpers for tests that bound the running time of text rules and the parser fuzz test (tests/test_fuzz.py, bench/fuzz.py).

Bounds are generous absolutes measured on the slowest of a few runs, never a
tight timing: catastrophic backtracking is exponential, so an input that takes
milliseconds when the rule is linear takes minutes or hours when it is not.
"""

from __future__ import annotations

import functools
import html
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

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


# --- the parser fuzz test (tests/test_fuzz.py, bench/fuzz.py) ----------------------------

SOURCES = ROOT / "data" / "sources"
CATALOG = ROOT / "data" / "catalog.yaml"
FORMATS = ("txt", "md", "html")
# Characters inserted as noise: table separators, quotes, brackets, dashes, numbering,
# spaces of every kind, line breaks, and letters of both languages in both cases.
NOISE = "\t|!«»\"'()[]№-–—.,;:/\\#*_ \u00a0\u2009\r\n0123456789IVXLCMАӘБҒҚҢӨҰҮІаәбғқңөұүізжЁ" + KAZAKH_UPPER


@dataclass(frozen=True)
class Case:
    """One fuzz input: `ops` applied to text[start:start + length] of one source file, read as `fmt`."""

    source: str  # a path under data/sources
    start: int
    length: int
    ops: tuple[tuple[str, int, int], ...]
    fmt: str

    def text(self) -> str:
        whole = source_texts()[self.source]
        start = self.start % (len(whole) + 1)
        return mutate(whole[start : start + self.length], self.ops)

    def data(self) -> bytes:
        text = self.text()
        return (as_html(text) if self.fmt == "html" else text).encode("utf-8")


@functools.cache
def source_texts() -> dict[str, str]:
    """The real sources: every text and Markdown file under data/sources."""
    files = sorted(p for p in SOURCES.rglob("*") if p.suffix in (".txt", ".md"))
    return {str(p.relative_to(SOURCES)): p.read_text(encoding="utf-8") for p in files}


# The mutations, each (name, a, b) with non-negative ints read modulo what they index.
OPS = (
    "dup_line",
    "del_line",
    "swap_lines",
    "indent",
    "dedent",
    "noise",
    "del_char",
    "dup_char",
    "swap_chars",
    "cut",
    "caps",
    "blank",
)


def mutate(text: str, ops) -> str:
    """`text` with the mutations `ops` applied in order (kept total: every op applies to any text)."""
    for name, a, b in ops:
        lines = text.split("\n")
        i, j = a % len(lines), b % len(lines)
        if name == "dup_line":
            lines.insert(i, lines[i])
        elif name == "del_line":
            del lines[i]
        elif name == "swap_lines":
            lines[i], lines[j] = lines[j], lines[i]
        elif name == "indent":
            lines[i] = ("\t" if b % 3 == 0 else " " * (b % 17)) + lines[i]
        elif name == "dedent":
            lines[i] = lines[i].lstrip()
        elif name == "blank":
            lines.insert(i, " " * (b % 3))
        if name in ("dup_line", "del_line", "swap_lines", "indent", "dedent", "blank"):
            text = "\n".join(lines)
            continue
        k = a % (len(text) + 1)
        if name == "noise":
            text = text[:k] + "".join(NOISE[(b + 7 * n) % len(NOISE)] for n in range(1 + b % 5)) + text[k:]
        elif name == "del_char":
            text = text[:k] + text[k + 1 + b % 3 :]
        elif name == "dup_char" and text:
            k = min(k, len(text) - 1)
            text = text[: k + 1] + text[k] * (1 + b % 3) + text[k + 1 :]
        elif name == "swap_chars" and text:
            k, m = sorted((k % len(text), b % len(text)))
            text = text[:k] + text[m] + text[k + 1 : m] + text[k] + text[m + 1 :] if k < m else text
        elif name == "cut":
            text = text[:k]
        elif name == "caps":  # a long run of capitals (abbreviation rules), spaced or not
            text = text[:k] + caps_name(20 + b % 200, seed=b, spaces=b % 2 == 0) + text[k:]
    return text


def as_html(text: str) -> str:
    """A page holding `text`: its HTML fragments (the mirrors' tables) as they are, other lines as paragraphs."""
    body = "\n".join(
        line if line.lstrip().startswith("<") else f"<p>{html.escape(line)}</p>" for line in text.split("\n")
    )
    return f"<!DOCTYPE html><html><head><title>t</title></head><body><main>{body}</main></body></html>"


def random_case(rnd: random.Random, max_length: int = 6000) -> Case:
    """A case drawn with `rnd` (bench/fuzz.py), as the hypothesis strategy draws one."""
    texts = source_texts()
    source = rnd.choice(sorted(texts))
    fmt = "md" if source.endswith(".md") and rnd.random() < 0.6 else rnd.choice(FORMATS)
    ops = tuple((rnd.choice(OPS), rnd.randrange(1 << 20), rnd.randrange(1 << 20)) for _ in range(rnd.randint(0, 12)))
    length = rnd.choice((0, 1, 2, 10, 80, 400)) if rnd.random() < 0.1 else rnd.randint(0, max_length)
    return Case(source, rnd.randrange(len(texts[source]) + 1), length, ops, fmt)


class Crash(Exception):
    """A reader raised something other than the project's own input errors."""


@functools.cache
def _registry():
    from kgraph import build

    reg, _, resolver = build._registry_parts(CATALOG)
    return reg, resolver


def read_everything(data: bytes, fmt: str) -> int:
    """Read `data` as a file of format `fmt` the way the build reads a catalogued document, through
    every extractor in `kgraph.kinds` and its RDF writer, then its coverage. Returns the number of
    triples. A project error (`kgraph.errors.KgraphError`) that is not wrapping another exception
    is what bad input may give; anything else is raised as `Crash` with its traceback as cause."""
    from rdflib import Dataset

    from kgraph import build, catalog, ingest, kinds, works
    from kgraph.errors import KgraphError
    from kgraph.ingest import describe
    from kgraph.text import normalize

    path = Path(f"fuzz.{fmt}")
    try:
        source = ingest.convert(data, fmt, path)
        norm = normalize(source.text)
        d = describe.describe(norm.text, title=source.title)
        entry = catalog.Entry("fuzz", path, d.language, tuple(kinds.extracted()), format=fmt)
        doc = catalog.Document(entry, source, norm, d.meta, d.version_date, d.decisions)
        act = str(build._act_of(doc, [doc]))
        placements = works.place([works.Text(entry.id, act, entry.language, doc.version_date)])
        reg, resolver = _registry()
        report = build._build_document(Dataset(), doc, placements[entry.id], {}, resolver, reg)
        return report.triples
    except KgraphError as exc:
        cause = exc.__cause__
        if cause is None or isinstance(cause, KgraphError):
            return 0
        raise Crash(f"{type(cause).__name__}: {cause}") from cause
    except Exception as exc:
        raise Crash(f"{type(exc).__name__}: {exc}") from exc


def cpu_seconds(fn: Callable[[], object]) -> tuple[float, object]:
    """The CPU time of this thread running fn() (robust to a loaded machine), and its result."""
    start = time.thread_time()
    out = fn()
    return time.thread_time() - start, out


def allowed_seconds(size: int) -> float:
    """The bound: 1 s per started 10 KB of input (1 s for anything up to 10 KB)."""
    return float(max(1, math.ceil(size / 10_240)))
