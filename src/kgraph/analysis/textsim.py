"""Text similarity for mandates: base forms, the governing action, the object,
and TF-IDF over word and character n-grams.

A text is reduced to base forms by `kgraph.lang.compare_forms` (Russian lemmas,
Kazakh stems). `kgraph.analysis.levels` reads its governing verbs (develops,
approves, implements, controls); what remains, less stopwords, is the
object the power acts on, and the object is what two powers are compared on.
For comparisons across languages a Kazakh object is carried into Russian words
through the correspondences learned from the corpus' parallel texts
(`kgraph.analysis.align`, IBM Model 1+2): each Kazakh stem becomes its most
likely Russian lemma, and a stem without a confident translation stays as it
is, so that words nothing translates still weigh against a match. Character
n-grams over the words catch what lemmas and stems miss (derivations,
international words, spelling variants).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from kgraph.analysis import align, levels
from kgraph.lang import (
    compare_forms,
    detect_lang,
    kk_derivation_bases,
    letter_words,
    ru_adjective,
    ru_derivation_stem,
    ru_noun,
    ru_preposition,
)

_STOP = {
    "ru": "и в во на по с со к о об от до для из за а также или не что как при под через их его ее "
    "том числе т д др который этот год республика казахстан рк сфера свой область вопрос",
    "kk": "және мен бен пен үшін бойынша жөніндегі жөнінде туралы оның олардың олар сондай-ақ немесе "
    "да де қазақстан республикасы өз шегінде шектерінде шеңберінде ету етеді етілетін болып "
    "табылады саласындағы сала оларды тиісті мәселе",
}
PIVOT_MIN = 0.25  # a Kazakh stem is carried into the Russian words whose P(ru | kk) is at least this
PIVOT_MAX = 2  # ... at most this many of them, most likely first


@lru_cache(maxsize=2)
def _stopwords(lang: str) -> frozenset[str]:
    return frozenset(compare_forms(_STOP[lang], lang)) | frozenset(letter_words(_STOP[lang]))


def content(forms: Iterable[str], lang: str) -> list[str]:
    """Forms without stopwords and one-letter words."""
    stop = _stopwords(lang)
    return [f for f in forms if f not in stop and len(f) > 1]


def to_russian(terms: Iterable[str], lang: str) -> list[str]:
    """Terms in Russian words: a Kazakh stem becomes its likely translations (one or
    two), a stem without a confident one stays as it is."""
    if lang == "ru":
        return list(terms)
    out = []
    for t in terms:
        words = _translations(t)
        if not words and "-" in t:  # a compound without a translation: its parts («дата-орталық»)
            words = tuple(w for part in t.split("-") if part for w in (_translations(part) or (part,)))
        out.extend(words or [t])
    return out


@lru_cache(maxsize=50_000)
def _translations(stem: str) -> tuple[str, ...]:
    """A Kazakh stem's likely Russian words; a stem the correspondences lack is looked up
    as the word it derives from (`kgraph.lang.kk_derivation_bases`: "әлемдік" -> "әлем")."""
    table = align.kk_ru()
    for key in (stem, *kk_derivation_bases(stem)):
        words = tuple(r for r, p in table.get(key, ())[:PIVOT_MAX] if p >= PIVOT_MIN)
        if words:
            return words
    return ()


@dataclass(frozen=True)
class Analysed:
    """A power's text as the checker sees it."""

    lang: str
    action: levels.Action
    own: str  # object terms in the text's language
    pivot: str  # object terms in Russian words
    head_own: tuple[str, ...] = ()  # the object's head term (see `head`), in the text's language
    modifier: str = ""  # the adjective right before the head («региональная карта»), or ""


def analyse(text: str, lang: str | None = None) -> Analysed:
    lang = lang or detect_lang(text)
    forms = compare_forms(text, lang)
    action = levels.classify(forms, lang)
    rest = levels.object_forms(forms, action)
    obj = content(rest, lang)
    own = [ru_derivation_stem(t) for t in obj] if lang == "ru" else obj
    pivot = to_russian(obj, lang)
    if lang != "ru":  # a translation may be a Russian stopword («жөні» -> «по»)
        pivot = content(pivot, "ru")
    h = head(rest, lang)
    head_own = (ru_derivation_stem(h),) if h and lang == "ru" else (h,) if h else ()
    mod = modifier(rest, lang, h)
    return Analysed(
        lang,
        action,
        " ".join(own),
        " ".join(_pivot_words(pivot)),
        head_own,
        ru_derivation_stem(mod) if lang == "ru" else mod,
    )


def _pivot_words(terms: Iterable[str]) -> list[str]:
    """Russian words of the pivot, a hyphenated compound as its parts: one language often
    writes as a compound what the other writes as two words or one («дата-центр» /
    «дата-орталық» carried as «дата центр»; «мемлекеттік-жекешелік» / «государственно-частный»),
    so across languages compounds are compared by their parts."""
    out = []
    for t in terms:
        parts = [p for p in t.split("-") if len(p) > 1] if "-" in t else [t]
        out.extend(ru_derivation_stem(p) for p in parts or [t])
    return out


def head(rest: Sequence[str], lang: str) -> str:
    """The head of an object (its base forms without the governing verbs): what the power
    is about. A Russian noun phrase opens with its head, the first noun that no preposition
    governs («представляет в Правительство информацию об …» -> «информация»); a Kazakh one
    closes with it («… аумақтардың тізбесі»). A set of rules is the head of nothing in
    particular (`levels.is_rules`: «правила выдачи свидетельства», «куәлікті беру
    қағидалары»), nor is a generic noun (`levels.is_generic`: «работа», «деятельность»,
    «жұмыс»): the word it governs is the head then. "" when no content word is left."""
    stop = _stopwords(lang)

    def skip(w: str) -> bool:
        return w in stop or len(w) < 2 or levels.is_rules(w, lang) or levels.is_generic(w, lang)

    if lang != "ru":
        return next((w for w in reversed(rest) if not skip(w)), "")
    words, after_prep = [], False
    for w in rest:
        if ru_preposition(w):
            after_prep = bool(words)  # a preposition before any word is the verb's («участвует в …»)
            continue
        if not skip(w):
            words.append((w, after_prep))
        after_prep = False
    first = next((w for w, governed in words if not governed and ru_noun(w)), "")
    return first or next((w for w, _ in words if ru_noun(w)), words[0][0] if words else "")


KK_ADJECTIVE = ("лық", "лік", "дық", "дік", "тық", "тік")  # «республикалық», «өңірлік» (Kazakh adjectives)


def modifier(rest: Sequence[str], lang: str, h: str) -> str:
    """The adjective right before the head («региональная карта», «өңірлік карта»): what
    kind of the head the power is about; "" when the word before the head is no adjective."""
    if not h or h not in rest:
        return ""
    k = rest.index(h) if lang == "ru" else len(rest) - 1 - rest[::-1].index(h)
    before = rest[k - 1] if k > 0 else ""
    if lang == "ru":
        return before if before and not levels.is_rules(before, lang) and ru_adjective(before) else ""
    return before if before.endswith(KK_ADJECTIVE) else ""


# --- TF-IDF index ---------------------------------------------------------------------

WORD_WEIGHT = 0.5  # share of the word channel; the rest is character n-grams (fixed a priori)


def _split(doc: str) -> list[str]:
    """Word analyzer: unigrams and bigrams of the term string, a bigram's two words in
    alphabetical order (module-level so it pickles). Unordered, a bigram is the same in
    «карта индустриализации» and «индустрияландыру картасы» carried into Russian words
    (Kazakh puts the head last), and in a paraphrase that turns a phrase round."""
    toks = doc.split()
    return toks + [f"{a} {b}" if a <= b else f"{b} {a}" for a, b in itertools.pairwise(toks)]


def _transform(vectorizer: TfidfVectorizer, docs: list[str]):
    if not docs:  # sklearn refuses an empty batch
        return csr_matrix((0, len(vectorizer.vocabulary_)))
    return vectorizer.transform(docs)


def _fitted(vectorizer: TfidfVectorizer, docs: list[str]):
    """`vectorizer` fitted on `docs` and their rows, reading each document once (fit and then
    transform read them twice); each row's columns sorted, as `transform` leaves them (the
    norms and products downstream sum in that order)."""
    matrix = vectorizer.fit_transform(docs)
    matrix.sort_indices()
    return matrix


def _normalize(matrix):
    return normalize(matrix) if matrix.shape[0] else matrix  # sklearn refuses an empty batch


class Index:
    """TF-IDF over the term strings of a corpus: a word channel (unigrams +
    bigrams of terms) and a character channel (3-5-grams within word bounds).
    Cosine similarities of the two channels are mixed with `word_weight`.

    A query's words that the corpus never uses are not dropped, as a fitted
    vectorizer would drop them: they count in its length with the weight of the
    rarest word, so a draft about something the corpus does not know («пожарный
    контроль») is not reduced to the words it shares («контроль»)."""

    def __init__(self, docs: Sequence[str], word_weight: float = WORD_WEIGHT):
        self.word_weight = word_weight
        corpus = list(docs)
        # An empty graph (or one without any term) still needs a fitted vocabulary.
        fit = corpus if any(d.strip() for d in corpus) else ["empty"]
        self._word = TfidfVectorizer(analyzer=_split, sublinear_tf=True, norm=None)
        self._char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, norm=None)
        if fit is corpus:
            self.word_matrix = _normalize(_fitted(self._word, corpus))
            self.char_matrix = _normalize(_fitted(self._char, corpus))
        else:
            self._word.fit(fit)
            self._char.fit(fit)
            self.word_matrix = _normalize(_transform(self._word, corpus))
            self.char_matrix = _normalize(_transform(self._char, corpus))
        self.size = len(corpus)
        self._columns = None  # transposed matrices for queries, made at the first query
        self._squares = None  # squared word weights and word presence, made at the first use

    @staticmethod
    def _vectors(vectorizer: TfidfVectorizer, docs: list[str]):
        """L2-normalised TF-IDF rows whose length counts the unknown features too."""
        raw = _transform(vectorizer, docs)
        analyze = vectorizer.build_analyzer()
        vocab = vectorizer.vocabulary_
        rare = float(vectorizer.idf_.max()) if len(vocab) else 1.0
        known = np.asarray(raw.multiply(raw).sum(axis=1)).ravel()
        unknown = np.zeros(len(docs))
        for k, doc in enumerate(docs):
            counts: dict[str, int] = {}
            for feature in analyze(doc):
                if feature not in vocab:
                    counts[feature] = counts.get(feature, 0) + 1
            unknown[k] = sum(((1 + np.log(c)) * rare) ** 2 for c in counts.values())
        length = np.sqrt(known + unknown)
        length[length == 0] = 1.0
        return csr_matrix(raw.multiply(1 / length[:, None]))

    def transform(self, docs: Iterable[str]):
        docs = list(docs)
        return self._vectors(self._word, docs), self._vectors(self._char, docs)

    def similarity(self, a, b) -> np.ndarray:
        """Mixed cosine similarity of two transformed batches (rows of a x rows of b)."""
        wa, ca = a
        wb, cb = b
        w = (wa @ wb.T).toarray()
        c = (ca @ cb.T).toarray()
        return self.word_weight * w + (1 - self.word_weight) * c

    def own(self):
        return self.word_matrix, self.char_matrix

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_squares"] = None  # made again when needed, never stored (as large as the word matrix)
        return state

    def squares(self):
        """The squared word weights and the word presence (1.0) of the indexed documents (CSR),
        made once: the coverage of two documents is one's squares over the other's presence."""
        if getattr(self, "_squares", None) is None:  # (an index pickled before it had them)
            words = self.word_matrix
            self._squares = (words.multiply(words).tocsr(), (words > 0).astype(np.float64))
        return self._squares

    def query_channels(self, doc: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Word cosine, character cosine and coverage of one term string against every
        indexed document. Coverage is the share of the string's word weight (squared
        TF-IDF) that a document has at all: an abridged paraphrase covers little of
        its original but is covered by it, an unrelated text sharing generic words
        covers only their small weight."""
        w, c = self.transform([doc])
        words, chars, present = self._by_column()
        cover = (w.multiply(w) @ present).toarray()[0]
        return (w @ words).toarray()[0], (c @ chars).toarray()[0], cover

    def has_term(self, term: str) -> np.ndarray:
        """Which indexed documents have `term` among their words (booleans, one per document)."""
        out = np.zeros(self.size, dtype=bool)
        col = self._word.vocabulary_.get(term)
        if col is not None:
            out[self._by_column()[0][col].indices] = True
        return out

    def _by_column(self):
        """The matrices by column, made once: a query is then one product each."""
        if self._columns is None:
            present = (self.word_matrix > 0).astype(np.float64)
            self._columns = (self.word_matrix.T.tocsr(), self.char_matrix.T.tocsr(), present.T.tocsr())
        return self._columns

    def query(self, doc: str) -> np.ndarray:
        """Similarity of one term string to every indexed document."""
        return self.similarity(self.transform([doc]), self.own())[0]
