"""The similarity index of a store's mandates, and the rules on top of raw similarity.

`Analyzer` holds the competences and tasks of a store (`mandates.load`), their
terms, TF-IDF indexes (all terms; shared bilingual terms only) and who held
which legal role when. `analyzer_for(store)` builds it once per store and keeps
it on disk next to an on-disk store. The thresholds live here because the
rules and the thresholds were tuned together (tests/test_overlaps.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
import re
import weakref
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from kgraph import settings
from kgraph.analysis import align, bands, levels, textsim
from kgraph.analysis.mandates import Corpus, Mandate, load
from kgraph.lang import detect_lang
from kgraph.store import OxigraphStore

METHOD = "tfidf-word+char/object/heads/kk-ru-ibm2/levels v4"


class Analyzer:
    """The corpus of a store with its term index, built once and reused.

    Each text of a mandate is a row of the index (a mandate stated in Russian and
    Kazakh has two); a mandate's score is the best of its rows'. Same-language
    rows are compared on their own object terms, rows of different languages on
    the object terms carried into Russian words (`textsim.to_russian`)."""

    def __init__(self, corpus: Corpus, run: Run | None = None, memo: dict | None = None):
        """`run(fn, items)` -> `[fn(item) for item in items]`, maybe in other processes (a build's
        executor: `kgraph.parallel`); the texts are analysed and the two indexes made through it.
        `memo`: (text, language) -> `textsim.Analysed` of an earlier analyzer made by the same code
        (a build keeps it in its cache): only the texts it lacks are analysed, and it is left
        holding this corpus' texts."""
        self.corpus = corpus
        self.items = corpus.mandates
        self.langs = [m.lang or detect_lang(m.text) for m in self.items]
        texts: list[tuple[int, str, str]] = []
        for k, m in enumerate(self.items):
            for lang, text in _texts(m, self.langs[k]):
                texts.append((k, self._expand(m, text), lang))
        keys = [(text, lang) for _, text, lang in texts]
        known = {} if memo is None else memo
        todo = list(dict.fromkeys(key for key in keys if key not in known))  # each text once
        pieces = _parallel(run, len(todo))(_analyse, _pieces(todo))
        found = dict(zip(todo, (a for piece in pieces for a in piece), strict=True))
        self.rows = [found[key] if key in found else known[key] for key in keys]
        if memo is not None:
            memo.clear()
            memo.update(zip(keys, self.rows, strict=True))
        run = _parallel(run, len(self.rows))
        self.row_item = np.array([k for k, _, _ in texts], dtype=np.int64)
        self.row_lang = np.array([a.lang for a in self.rows])
        self.thresholds = bands.shipped()
        self.word_weight = self.thresholds.word_weight
        docs = [([a.own for a in self.rows], self.word_weight), ([a.pivot for a in self.rows], self.word_weight)]
        self.own, self.pivot = run(_index, docs)
        self.actions = [a.action for a in self.rows]
        self.heads_own = np.array([(a.head_own or ("",))[0] for a in self.rows], dtype=object)  # head terms
        self.modifiers = np.array([a.modifier for a in self.rows], dtype=object)  # the heads' adjectives
        self._matrix: np.ndarray | None = None
        self._holdings = _holdings(corpus)
        self._related = _succession(corpus)

    # -- text ----------------------------------------------------------------------

    def _expand(self, m: Mandate, text: str) -> str:
        """Spell out the document's own abbreviations (they change meaning between
        documents: МИД) so the words of the expansion count."""
        for abbr, expansion in self.corpus.glossary.get(m.source, {}).items():
            if len(abbr) > 1 and abbr in text:
                text = re.sub(rf"(?<!\w){re.escape(abbr)}(?!\w)", f"{abbr} {expansion}", text)
        return text

    def analyse(self, text: str, lang: str | None = None) -> textsim.Analysed:
        return textsim.analyse(text, lang or detect_lang(text))

    # -- similarity ----------------------------------------------------------------

    def channels(self, q: textsim.Analysed, rows: np.ndarray) -> np.ndarray:
        """Word cosine, character cosine, coverage and agreement of heads (4 x rows) of a
        query's object against the rows `rows`: own terms in one language, Russian words across."""
        same = self.row_lang[rows] == q.lang
        out = np.zeros((4, len(rows)))
        for index, text, sel in ((self.own, q.own, same), (self.pivot, q.pivot, ~same)):
            if sel.any():
                for k, values in enumerate(index.query_channels(text)):
                    out[k, sel] = values[rows[sel]]
        out[3] = self.heads_agree(q, rows, same)
        return out

    def heads_agree(self, q: textsim.Analysed, rows: np.ndarray, same: np.ndarray) -> np.ndarray:
        """1.0 where the two objects are about the same thing: the draft's head term
        (`textsim.head`) is among the row's object terms, or the row's head among the
        draft's, and no adjective before the head on each side that the other text lacks
        (`textsim.modifier`); 1.0 too when either side has no head. Compared in one language only:
        across languages a head's synonyms are too often missing from the learned
        correspondences («беру»: предоставление, выдача — not присуждение), so rows in the
        other language are left at 1.0 (`same`: the rows in the draft's language)."""
        out = np.ones(len(rows))
        if not q.head_own or not same.any():
            return out
        at = rows[same]
        words = q.own.split()
        agree = self.own.has_term(q.head_own[0])[at]  # rows whose terms have the draft's head
        theirs = self.heads_own[at]
        agree |= np.isin(theirs, words) | (theirs == "")
        if q.modifier:  # one head, two kinds of it: «региональная карта» / «республиканская карта»
            mods = self.modifiers[at]
            clash = (mods != "") & (mods != q.modifier) & ~np.isin(mods, words)
            clash &= ~self.own.has_term(q.modifier)[at]
            agree &= ~clash
        out[same] = agree
        return out

    def scores_against(self, q: textsim.Analysed, items: list[int], mix: bool = True, floor: float = 0.0):
        """For each mandate of `items`: its best row's score, that row's relation of
        levels to the query (`bands.OTHER_OBJECT` when the heads disagree; None below
        `floor`), whether it is in another language, and the row."""
        items_arr = np.asarray(items, dtype=np.int64)
        wanted = np.zeros(len(self.items), dtype=bool)
        wanted[items_arr] = True
        rows = np.flatnonzero(wanted[self.row_item])
        ch = self.channels(q, rows)
        s = self.thresholds.mix(ch)
        if len(rows) == len(items_arr) and len(self.rows) == len(self.items):
            pos = np.searchsorted(rows, items_arr)  # one text per mandate
        else:  # the best row of each mandate: rows sorted by (mandate, -score), first of each
            order = np.lexsort((-s, self.row_item[rows]))
            first = order[np.r_[True, np.diff(self.row_item[rows][order]) != 0]]
            best = dict(zip(self.row_item[rows][first].tolist(), first.tolist(), strict=True))
            pos = np.array([best[k] for k in items], dtype=np.int64)
        chosen = rows[pos]
        score = s[pos]
        agree = ch[3, pos]
        rel = [
            (levels.relation(q.action, self.actions[r]) if a else bands.OTHER_OBJECT) if v >= floor else None
            for r, v, a in zip(chosen.tolist(), score.tolist(), agree.tolist(), strict=True)
        ]
        if not mix:  # the channels apart (fitting the bands)
            return ch[:, pos], rel, self.row_lang[chosen] != q.lang, chosen
        return score, rel, self.row_lang[chosen] != q.lang, chosen

    def _row_matrix(self) -> np.ndarray:
        return self.row_matrix()

    def row_matrix(self, run: Run | None = None) -> np.ndarray:
        """Scores of every row pair (computed once), mixed as a draft's are
        (`bands.Thresholds.mix`), with the coverage of the pair taken both ways.

        Computed per pair of languages: rows of one language on the own index, rows of two
        languages on the pivot index (the only one their score reads), the second half of a
        cross-language block as the first's transpose (the products are symmetric to the bit:
        each sums the same terms in the same order, `_block`). The same values as products
        over all rows on both indexes, for a third of the work with two languages. Each block
        is made in pieces of its rows, through `run` (as in `__init__`)."""
        if self._matrix is None:
            run = _parallel(run, len(self.rows))
            out = np.zeros((len(self.rows), len(self.rows)), dtype=np.float32)
            groups = [np.flatnonzero(self.row_lang == lang) for lang in dict.fromkeys(self.row_lang.tolist())]
            jobs, places = [], []
            for a, rows_a in enumerate(groups):
                for b in range(a, len(groups)):
                    index = self.own if a == b else self.pivot
                    side_b = _side(index, groups[b])
                    for piece in _pieces(rows_a):
                        piece = np.asarray(piece, dtype=np.intp)
                        jobs.append((_side(index, piece), side_b, self.thresholds))
                        places.append((piece, groups[b], a != b))
            for (rows_a, rows_b, mirror), block in zip(places, run(_block, jobs), strict=True):
                out[np.ix_(rows_a, rows_b)] = block
                if mirror:
                    out[np.ix_(rows_b, rows_a)] = block.T
            self._matrix = out
        return self._matrix

    def _rows_of(self, k: int) -> np.ndarray:
        """The rows of mandate `k` (rows are made mandate by mandate: `row_item` ascends)."""
        lo, hi = np.searchsorted(self.row_item, (k, k + 1))
        return np.arange(lo, hi, dtype=np.intp)

    def pair_matrix(self, items_a: list[int], items_b: list[int]) -> np.ndarray:
        """Scores of mandate pairs (the best of their rows)."""
        if not items_a or not items_b:
            return np.zeros((len(items_a), len(items_b)))
        m = self._row_matrix()
        if len(self.rows) == len(self.items):  # one text per mandate: rows are mandates
            return m[np.ix_(items_a, items_b)]
        ra = [self._rows_of(k) for k in items_a]
        rb = [self._rows_of(k) for k in items_b]
        flat_a, flat_b = np.concatenate(ra), np.concatenate(rb)
        starts_a = np.cumsum([0] + [len(r) for r in ra[:-1]])
        starts_b = np.cumsum([0] + [len(r) for r in rb[:-1]])
        block = m[np.ix_(flat_a, flat_b)]
        return np.maximum.reduceat(np.maximum.reduceat(block, starts_a, axis=0), starts_b, axis=1)

    def mutual_cover(self, i: int, j: int) -> float:
        """How much of each mandate's word weight the other has, the smaller of the
        two (1.0 for the same wording; low when each says something the other does
        not: «ғылым кластері» / «инфо-коммуникациялық технологиялар кластері»)."""
        _, x, y = self._best_rows(i, j)
        index = self.own if self.row_lang[x] == self.row_lang[y] else self.pivot
        m = index.word_matrix  # CSR: the two rows' terms and weights read in place (no sparse copies)
        ta, wa = m.indices[m.indptr[x] : m.indptr[x + 1]], m.data[m.indptr[x] : m.indptr[x + 1]]
        tb, wb = m.indices[m.indptr[y] : m.indptr[y + 1]], m.data[m.indptr[y] : m.indptr[y + 1]]
        _, at, bt = np.intersect1d(ta, tb, assume_unique=True, return_indices=True)
        return float(min(np.sum(wa[at] ** 2), np.sum(wb[bt] ** 2)))

    def best_rows(self, i: int, j: int) -> tuple[int, int]:
        """The rows (texts) of two mandates that score best together."""
        return self._best_rows(i, j)[1:]

    def _best_rows(self, i: int, j: int) -> tuple[float, int, int]:
        m = self._row_matrix()
        ri, rj = self._rows_of(i), self._rows_of(j)
        block = m[np.ix_(ri, rj)]
        a, b = np.unravel_index(int(np.argmax(block)), block.shape)
        return float(block[a, b]), int(ri[a]), int(rj[b])

    def pair(self, i: int, j: int) -> tuple[float, str, bool]:
        """Score, relation of levels and cross-language flag of two mandates (their best rows)."""
        m = self._row_matrix()
        ri, rj = self._rows_of(i), self._rows_of(j)
        block = m[np.ix_(ri, rj)]
        a, b = np.unravel_index(int(np.argmax(block)), block.shape)
        x, y = int(ri[a]), int(rj[b])
        return (
            float(block[a, b]),
            levels.relation(self.actions[x], self.actions[y]),
            bool(self.row_lang[x] != self.row_lang[y]),
        )

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_matrix"] = None  # pair scores are recomputed on demand, never stored (rows x rows)
        return state

    # -- who holds what --------------------------------------------------------------

    def roles_of(self, body: str, day: dt.date | None) -> set[str]:
        """Roles `body` holds on `day`: as holder, as member of a holding group, or
        as successor/predecessor of the holder (acts keep citing old names)."""
        out = set()
        for role, holders in self._holdings.items():
            current = [h for h, start, end in holders if _covers(start, end, day)]
            for h in current:
                if h == body or body in self.corpus.members.get(h, ()) or body in self._related.get(h, ()):
                    out.add(role)
        return out

    def holders_now(self, role: str) -> tuple[str, ...]:
        today = dt.date.today()
        return tuple(self.corpus.label(h) for h, s, e in self._holdings.get(role, []) if _covers(s, e, today))

    def belongs_to(self, m: Mandate, body: str) -> bool:
        for p in m.parties:
            if p.agent == body or body in self.corpus.members.get(p.agent, ()):
                return True
            if p.kind == "role" and any(
                h == body or body in self._related.get(h, ()) or body in self.corpus.members.get(h, ())
                for h, _, _ in self._holdings.get(p.agent, [])
            ):
                return True
        return False

    def same_party(self, a: str, b: str) -> bool:
        """Two agents that are one party for overlap purposes: the same body, bodies
        linked by succession, a role and a body that holds (or held) it, two roles
        held by one body, or a group and its member."""
        if self.related(a, b) or b in self.corpus.members.get(a, ()) or a in self.corpus.members.get(b, ()):
            return True
        ha, hb = self._holders_ever(a), self._holders_ever(b)
        return bool(ha & hb)

    def _holders_ever(self, agent: str) -> set[str]:
        """The agent, the bodies that ever held it (a role), and their successions."""
        out = {agent} | {h for h, _, _ in self._holdings.get(agent, [])}
        for x in list(out):
            out |= self._related.get(x, set())
        return out

    def related(self, a: str, b: str) -> bool:
        return a == b or b in self._related.get(a, ())


Run = Callable[[Callable[[Any], Any], Sequence[Any]], list]  # run(fn, items) -> [fn(item) for item in items]
PARALLEL_ROWS = 2000  # fewer rows than this are analysed and compared in this process: workers cost more
PIECES = 4  # work items per step (and per block of the row matrix) given to `run`


def _serial(fn, items) -> list:
    return [fn(item) for item in items]


def _parallel(run: Run | None, rows: int) -> Run:
    return run if run is not None and rows >= PARALLEL_ROWS else _serial


def _pieces(items: Sequence) -> list:
    """`items` in PIECES consecutive runs (fewer when there are fewer items)."""
    size = max(1, -(-len(items) // PIECES))
    return [items[k : k + size] for k in range(0, len(items), size)]


def _analyse(texts: list[tuple[str, str]]) -> list[textsim.Analysed]:
    return [textsim.analyse(text, lang) for text, lang in texts]


def _index(args: tuple[list[str], float]) -> textsim.Index:
    return textsim.Index(*args)


def _side(index: textsim.Index, rows: np.ndarray) -> tuple:
    """What `_block` reads of some rows of an index: their words, characters, squared word
    weights and word presence (CSR, each row's columns in order)."""
    squares, present = index.squares()
    return index.word_matrix[rows], index.char_matrix[rows], squares[rows], present[rows]


def _block(job: tuple) -> np.ndarray:
    """Mixed scores (float32) of rows a x rows b of one index, from their `_side`s. Each cosine
    is a sparse product whose every entry sums the two rows' common terms in the order of
    their columns, so a block holds the bits the whole product would, and the block of rows
    b x rows a is this one's transpose."""
    (words_a, chars_a, squares_a, present_a), (words_b, chars_b, squares_b, present_b), thresholds = job
    w = (words_a @ words_b.T).toarray()
    c = (chars_a @ chars_b.T).toarray()
    cover = (squares_a @ present_b.T).toarray()
    cover = (cover + (squares_b @ present_a.T).toarray().T) / 2
    return thresholds.mix((w, c, cover)).astype(np.float32)


def _texts(m: Mandate, lang: str) -> list[tuple[str, str]]:
    """(language, text) of each text of a mandate: its texts by language, or its one text."""
    return list(m.texts) if m.texts else [(lang, m.text)]


def _covers(start: dt.date | None, end: dt.date | None, day: dt.date | None) -> bool:
    if day is None:
        return True
    return (start is None or start <= day) and (end is None or day <= end)


def _holdings(corpus: Corpus) -> dict[str, list[tuple[str, dt.date | None, dt.date | None]]]:
    out: dict[str, list] = defaultdict(list)
    for role, holder, start, end in corpus.tenures:
        out[role].append((holder, start, end))
    return dict(out)


def _succession(corpus: Corpus) -> dict[str, set[str]]:
    """Bodies linked by organisational succession, transitively, both directions
    (function transfers are not succession)."""
    edges: dict[str, set[str]] = defaultdict(set)
    for a, b, _, kind in corpus.events:
        if kind.endswith("#Transfer"):
            continue
        edges[a].add(b)
        edges[b].add(a)
    out: dict[str, set[str]] = {}
    for start in edges:
        seen, stack = {start}, [start]
        while stack:
            for nxt in edges[stack.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        out[start] = seen - {start}
    return out


# --- caching: one analyzer per store, and one per build on disk ---------------------------

_CACHE: weakref.WeakKeyDictionary[object, tuple[int, Analyzer]] = weakref.WeakKeyDictionary()


def _cache_path(store) -> Path | None:
    path = getattr(store, "path", None)
    if path is None:
        return None
    path = Path(path)
    return (path.parent if path.name == settings.STORE_DIR else path) / settings.OVERLAP_INDEX_FILE


def _cache_key(store) -> tuple:
    # hash() of str is salted per process; the key must survive a restart
    words = hashlib.sha1(repr((textsim._STOP, levels.VERBS, sorted(align.kk_ru().items()))).encode("utf-8")).hexdigest()
    return (METHOD, len(store), repr(bands.shipped()), words)


def analyzer_for(store) -> Analyzer:
    """The store's analyzer: built once per store object (rebuilt when the store's
    size changes) and kept on disk next to an on-disk store, so a CLI call does not
    lemmatise the corpus again. A build replaces its directory, and the file with it."""
    size = len(store)
    cached = _CACHE.get(store)
    if cached is not None and cached[0] == size:
        return cached[1]
    an = _read_cache(store)
    if an is None:
        an = Analyzer(load(store))
        _write_cache(store, an)
    _CACHE[store] = (size, an)
    return an


def _read_cache(store) -> Analyzer | None:
    path = _cache_path(store)
    if path is None or not path.is_file():
        return None
    try:
        with path.open("rb") as f:
            key, an = pickle.load(f)
    except Exception:  # noqa: BLE001 - a stale or foreign file is only a missed cache
        return None
    return an if key == _cache_key(store) else None


def _write_cache(store, an: Analyzer) -> None:
    path = _cache_path(store)
    if path is None:
        return
    try:
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as f:
            pickle.dump((_cache_key(store), an), f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # read-only build directory: keep the in-memory cache only


def keep(store, an: Analyzer) -> None:
    """Make `an` the analyzer of `store` (built on a store with the same mandates, e.g. the
    build's graph before its findings were added) and write it beside an on-disk store."""
    _write_cache(store, an)
    _CACHE[store] = (len(store), an)


def post_build(ds, out: Path) -> None:
    """POST_BUILD hook: pre-build the drafter-check index of a fresh build."""
    analyzer_for(OxigraphStore(out / settings.STORE_DIR, read_only=True))
