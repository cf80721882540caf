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
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

from kgraph import settings
from kgraph.analysis import textsim
from kgraph.analysis.mandates import Corpus, Mandate, load
from kgraph.lang import base_forms, detect_lang
from kgraph.store import OxigraphStore

METHOD = "tfidf-word+char/kk-ru-lexicon/main-action v1"
THRESHOLD = 0.6  # same-language pairs; tuned on tests/golden/overlaps.json (tests/test_overlaps.py)
CROSS_THRESHOLD = 0.225  # Kazakh-Russian pairs (shared terms only); tuned the same way


class Analyzer:
    """The corpus of a store with its term index, built once and reused."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.items = corpus.mandates
        self.extra = {lang: self._extra_terms(lang) for lang in ("ru", "kk")}
        self.langs = [m.lang or detect_lang(m.text) for m in self.items]
        self.terms = [textsim.terms(self._expand(m), lang, self.extra[lang]) for m, lang in zip(self.items, self.langs)]
        self.actions = [textsim.main_actions(t, lang) for t, lang in zip(self.terms, self.langs)]
        self.full = textsim.Index([" ".join(t) for t in self.terms])
        self.shared = textsim.Index([" ".join(_shared(t)) for t in self.terms])
        self.shared_sets = [frozenset(_shared(t)) for t in self.terms]
        self._set_matrices = None
        self._matrix: np.ndarray | None = None
        self._holdings = _holdings(corpus)
        self._related = _succession(corpus)

    # -- text ----------------------------------------------------------------------

    def _expand(self, m: Mandate) -> str:
        """Spell out the document's own abbreviations (they change meaning between
        documents: МИД) so the words of the expansion count."""
        text = m.text
        for abbr, expansion in self.corpus.glossary.get(m.source, {}).items():
            if len(abbr) > 1 and abbr in text:
                text = re.sub(rf"(?<!\w){re.escape(abbr)}(?!\w)", f"{abbr} {expansion}", text)
        return text

    def _extra_terms(self, lang: str) -> dict[tuple[str, ...], str]:
        """Names of bodies and roles (registry) as one shared term each. Single
        words are left out: lower-cased abbreviations collide with words
        ("МИР" the ministry vs "мир" the world)."""
        out: dict[tuple[str, ...], str] = {}
        for node, by_lang in self.corpus.names.items():
            for name in by_lang.get(lang, []):
                key = tuple(base_forms(name, lang))
                if 2 <= len(key) <= 8:
                    out.setdefault(key, "#agent:" + node.rsplit("/", 1)[-1])
        return out

    def query_terms(self, text: str, lang: str | None = None) -> tuple[list[str], str]:
        lang = lang or detect_lang(text)
        return textsim.terms(text, lang, self.extra[lang]), lang

    # -- similarity ----------------------------------------------------------------

    def _sets(self):
        """Binary item x term matrices of main actions and shared terms, so the
        rules below apply to whole score matrices at once."""
        if self._set_matrices is None:

            def binary(sets):
                vocab = {t: k for k, t in enumerate(sorted(set().union(*sets)))} or {"": 0}
                data = [(r, vocab[t]) for r, ts in enumerate(sets) for t in ts]
                rows_, cols_ = zip(*data) if data else ((), ())
                return csr_matrix(([1.0] * len(data), (rows_, cols_)), shape=(len(sets), len(vocab))), vocab

            self._set_matrices = (binary(self.actions), binary(self.shared_sets))
        return self._set_matrices

    def _vector(self, sets, vocab):
        cols_ = [vocab[t] for t in sets if t in vocab]
        return csr_matrix(([1.0] * len(cols_), ([0] * len(cols_), cols_)), shape=(1, len(vocab)))

    def matrix(self) -> np.ndarray:
        """Adjusted scores of every item pair (computed once)."""
        if self._matrix is None:
            own = (self.full.word_matrix, self.full.char_matrix)
            shr = (self.shared.word_matrix, self.shared.char_matrix)
            self._matrix = self._adjust(
                np.arange(len(self.items)),
                np.arange(len(self.items)),
                self.full.similarity(own, own),
                self.shared.similarity(shr, shr),
            )
        return self._matrix

    def _adjust(self, rows: np.ndarray, cols: np.ndarray, full: np.ndarray, shared: np.ndarray) -> np.ndarray:
        """The rules on top of raw similarity, the same for detection, check and evaluation:
        * a residual item ("other powers provided by law") is a catch-all, never an overlap;
        * across languages only shared terms count, and at least two must be common;
        * different main actions on the same object are stages of one procedure (x ACTION_PENALTY);
        * "the same action in two plans" needs the same main action."""
        (acts, _), (terms, _) = self._sets()
        langs = np.array(self.langs, dtype=object)
        same_lang = langs[rows][:, None] == langs[cols][None, :]
        score = np.where(same_lang, full, shared)
        common_terms = (terms[rows] @ terms[cols].T).toarray()
        score = np.where(same_lang | (common_terms >= 2), score, score * 0.5)
        common_acts = (acts[rows] @ acts[cols].T).toarray()
        has = np.asarray(acts.sum(axis=1)).ravel() > 0
        differ = has[rows][:, None] & has[cols][None, :] & (common_acts == 0)
        score = np.where(differ, score * textsim.ACTION_PENALTY, score)
        kinds = np.array([m.kind for m in self.items], dtype=object)
        task_pair = (kinds[rows][:, None] == "task") & (kinds[cols][None, :] == "task")
        score = np.where(task_pair & (common_acts == 0), 0.0, score)
        residual = np.array([m.residual for m in self.items], dtype=bool)
        return np.where(residual[rows][:, None] | residual[cols][None, :], 0.0, score)

    def pair_matrix(self, rows: list[int], cols: list[int]) -> np.ndarray:
        return self.matrix()[np.ix_(rows, cols)] if rows and cols else np.zeros((len(rows), len(cols)))

    def pair_score(self, i: int, j: int) -> float:
        return float(self.matrix()[i, j])

    def threshold(self, i: int, j: int) -> float:
        return CROSS_THRESHOLD if self.langs[i] != self.langs[j] else THRESHOLD

    def is_overlap(self, i: int, j: int) -> tuple[bool, float]:
        score = self.pair_score(i, j)
        return score > 0 and score >= self.threshold(i, j), score

    def scores_against(self, terms: list[str], lang: str, rows: list[int]) -> np.ndarray:
        """Similarity of a drafted text (as terms) to the items `rows`, by the same rules."""
        full = self.full.query(" ".join(terms))[rows]
        shared_terms = _shared(terms)
        shared = self.shared.query(" ".join(shared_terms))[rows]
        (acts, avocab), (tmat, tvocab) = self._sets()
        r = np.array(rows)
        same_lang = np.array(self.langs)[r] == lang
        common_terms = (tmat[r] @ self._vector(set(shared_terms), tvocab).T).toarray().ravel()
        score = np.where(same_lang, full, np.where(common_terms >= 2, shared, shared * 0.5))
        mine = textsim.main_actions(terms, lang)
        common_acts = (acts[r] @ self._vector(mine, avocab).T).toarray().ravel()
        has = np.asarray(acts[r].sum(axis=1)).ravel() > 0
        return np.where(bool(mine) & has & (common_acts == 0), score * textsim.ACTION_PENALTY, score)

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

    def related(self, a: str, b: str) -> bool:
        return a == b or b in self._related.get(a, ())


def _shared(term_list) -> list[str]:
    return [t for t in term_list if t.startswith("#")]


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
    lexicon = hashlib.sha1(repr((textsim.LEXICON, textsim._STOP)).encode("utf-8")).hexdigest()
    return (METHOD, len(store), textsim.WORD_WEIGHT, lexicon)


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
        an.matrix()
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
