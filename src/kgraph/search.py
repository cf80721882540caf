"""Full-text search over labels, abbreviations and texts: SQLite FTS5.

The index is built with the graph (a POST_BUILD hook writes
`<build>/search.sqlite`) and answers in milliseconds where a SPARQL CONTAINS
scan would take hundreds. Every text is indexed as *normalized* tokens, and
each token carries its variants, so that a query in any form finds any form:

* folded by `lang.fold_search`: Latin look-alikes inside Cyrillic words
  fixed (the Latin i that PDFs put in Kazakh words is Kazakh і), case folded,
  ё -> е, Kazakh letters folded to their nearest Russian letter (people type
  Kazakh on Russian keyboards);
* Russian lemma (`lang.ru_lemma`: "министерству" -> "министерство");
* Kazakh stem by ending stripping (`lang.kk_stem_folded`: "министрлігіне"
  -> "министрлиг"; "ИЖТМ-ге" -> "ижтм");
* a crude English singular ("ministries" -> "ministry").

A query token matches when any of its variants is a prefix of any variant in
the entry (prefix queries give autocomplete as you type).
"""

from __future__ import annotations

import json
import re
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef

from kgraph import iri, queries, settings
from kgraph.iri import PREFIXES
from kgraph.lang import KK_FOLDED_HYPHEN_ENDINGS, fold_search, kk_stem_folded, ru_lemma
from kgraph.resource_kinds import ORDER, PLUMBING, kind_of

_PREFIXES = PREFIXES
RDF_TYPE = PREFIXES["rdf"] + "type"

# Indexed properties -> field name. Names and abbreviations rank above texts.
FIELDS: dict[str, str] = {
    _PREFIXES["skos"] + "prefLabel": "name",
    _PREFIXES["rdfs"] + "label": "name",
    _PREFIXES["skos"] + "altLabel": "alias",
    _PREFIXES["skos"] + "hiddenLabel": "alias",
    _PREFIXES["kg"] + "abbreviation": "abbr",
    _PREFIXES["skos"] + "notation": "abbr",
    _PREFIXES["eli"] + "title": "name",
    _PREFIXES["eli"] + "title_short": "alias",
    _PREFIXES["eli"] + "title_alternative": "alias",
    _PREFIXES["dcterms"] + "title": "name",
    _PREFIXES["kg"] + "expansion": "alias",
    _PREFIXES["kg"] + "mentionText": "alias",
    _PREFIXES["dcterms"] + "description": "text",
    _PREFIXES["skos"] + "definition": "text",
}
FIELD_RANK = {"abbr": 0, "name": 1, "alias": 2, "text": 3}
LABEL_PROPS = (_PREFIXES["skos"] + "prefLabel", _PREFIXES["rdfs"] + "label", _PREFIXES["eli"] + "title")
SKIP_GRAPHS = (iri.ONTOLOGY_GRAPH,)
MAX_MATCHES = 5000  # matches read per query; counts above it are reported as "at least"

_STOPWORDS = (
    "и в во на по с со к о об от для из при а или не что the of and for in on to a an by "
    "және мен бен пен үшін бойынша жөніндегі туралы"
)

_WORD = re.compile(r"\w+(?:-\w+)*")


STOPWORDS = frozenset(fold_search(_STOPWORDS).split())


def words(text: str) -> list[str]:
    """Folded words; a hyphenated Kazakh case ending ("ИЖТМ-ге") is dropped."""
    out: list[str] = []
    for m in _WORD.finditer(fold_search(text)):
        parts = [p for p in m.group().split("-") if p and p != "_"]
        if len(parts) > 1 and all(p in KK_FOLDED_HYPHEN_ENDINGS for p in parts[1:]):
            parts = parts[:1]
        out.extend(p.replace("_", "") for p in parts if p.replace("_", ""))
    return out


@lru_cache(maxsize=200_000)
def variants(word: str) -> tuple[str, ...]:
    """The folded word, its Russian lemma, Kazakh stem and English singular."""
    forms = [word]
    if re.search("[а-я]", word):
        forms.append(fold_search(ru_lemma(word)))
        forms.append(kk_stem_folded(word))
    elif word.isascii() and word.isalpha() and len(word) > 3:
        if word.endswith("ies"):
            forms.append(word[:-3] + "y")
        elif word.endswith("s") and not word.endswith("ss"):
            forms.append(word[:-1])
    return tuple(dict.fromkeys(f for f in forms if f))


def index_text(text: str) -> str:
    """What goes into the FTS column: every variant of every word."""
    return " ".join(v for w in words(text) for v in variants(w))


def match_expression(query: str) -> str | None:
    """FTS5 MATCH expression: all query words, each as any of its variants, by prefix."""
    ws = words(query)
    content = [w for w in ws if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]
    ws = content or ws
    if not ws:
        return None
    groups = []
    for w in ws:
        alts = " OR ".join(f'"{v}"*' for v in variants(w))
        groups.append(f"({alts})")
    return " AND ".join(groups)


# --- building -------------------------------------------------------------------

Quad = tuple[str, str, str, str | None, str | None]  # subject, predicate, value, lang, graph


def write_index(ds, out_dir: Path) -> Path:
    """Index an rdflib Dataset into the build directory (settings.SEARCH_INDEX_FILE)."""

    def quads() -> Iterator[Quad]:
        for s, p, o, g in ds.quads((None, None, None, None)):
            if not isinstance(s, URIRef):
                continue
            ps = str(p)
            if ps == RDF_TYPE:
                yield str(s), ps, str(o), None, str(getattr(g, "identifier", g))
            elif ps in FIELDS and isinstance(o, Literal):
                yield str(s), ps, str(o), o.language, str(getattr(g, "identifier", g))

    return build_index(quads(), Path(out_dir) / settings.SEARCH_INDEX_FILE)


def quads_from_store(store) -> Iterator[Quad]:
    """The same input from any store, local or a remote SPARQL endpoint, in one query
    (for builds made before the hook, and for an explorer served over a remote store)."""

    rows = queries.run(queries.internal("search_quads"), store, {"p": [RDF_TYPE, *FIELDS]})
    for s, p, o, g in rows:
        if p.value == RDF_TYPE:
            yield s.value, p.value, o.value, None, g.value
        elif isinstance(o, ox.Literal):
            yield s.value, p.value, o.value, o.language, g.value


@dataclass
class Rows:
    """What the index is made of, before the kinds of resources are known (types may come
    from another graph): each resource's types and texts, and every text analysed
    (`index_text`, `words`: the slow part, done where the quads are, per document)."""

    types: dict[str, set[str]] = field(default_factory=dict)
    texts: dict[str, list[tuple[str, str, str | None]]] = field(default_factory=dict)
    analysed: dict[str, tuple[str, str]] = field(default_factory=dict)


def rows(quads: Iterable[Quad]) -> Rows:
    out = Rows()
    for s, p, value, lang, graph in quads:
        if graph in SKIP_GRAPHS:
            continue
        if p == RDF_TYPE:
            out.types.setdefault(s, set()).add(value)
        else:
            out.texts.setdefault(s, []).append((p, value, lang))
            if value not in out.analysed:
                out.analysed[value] = (index_text(value), " ".join(words(value)))
    return out


def merge(parts: Iterable[Rows]) -> Rows:
    """The rows of several graphs, in order."""
    out = Rows()
    for part in parts:
        for s, ts in part.types.items():
            out.types.setdefault(s, set()).update(ts)
        for s, items in part.texts.items():
            out.texts.setdefault(s, []).extend(items)
        for value, analysed in part.analysed.items():
            out.analysed.setdefault(value, analysed)
    return out


def build_index(quads: Iterable[Quad], path: Path) -> Path:
    return write_rows(rows(quads), path)


def write_rows(data: Rows, path: Path) -> Path:
    types, texts = data.types, data.texts
    path = Path(path)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript("""
        CREATE VIRTUAL TABLE entries USING fts5(
            norm, iri UNINDEXED, kind UNINDEXED, field UNINDEXED, lang UNINDEXED,
            text UNINDEXED, exact UNINDEXED,
            tokenize = "unicode61 remove_diacritics 0", prefix = '2 3');
        CREATE TABLE entities (iri TEXT PRIMARY KEY, kind TEXT, labels TEXT);
    """)
    rows_, entities = [], []
    for s, items in texts.items():
        kind = kind_of(types.get(s, ()))
        if kind in PLUMBING:
            continue
        labels: dict[str, str] = {}
        for p, value, lang in sorted(items, key=lambda i: LABEL_PROPS.index(i[0]) if i[0] in LABEL_PROPS else 9):
            if p in LABEL_PROPS:
                labels.setdefault(lang or "", value)
        seen = set()
        for p, value, lang in items:
            f = FIELDS[p]
            key = (f, value)
            if key in seen or not value.strip():
                continue
            seen.add(key)
            norm, exact = data.analysed.get(value) or (index_text(value), " ".join(words(value)))
            if norm:
                rows_.append((norm, s, kind, f, lang or "", value, exact))
        entities.append((s, kind, json.dumps(labels, ensure_ascii=False)))
    con.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)", rows_)
    con.executemany("INSERT OR REPLACE INTO entities VALUES (?, ?, ?)", entities)
    con.execute("INSERT INTO entries(entries) VALUES ('optimize')")
    con.commit()
    con.close()
    tmp.replace(path)
    return path


# --- querying -------------------------------------------------------------------


@dataclass
class Hit:
    iri: str
    kind: str
    label: str
    matched: str  # the text that matched
    field: str
    lang: str
    exact: bool
    score: float

    def to_json(self) -> dict:
        return {
            "iri": self.iri,
            "kind": self.kind,
            "label": self.label,
            "matched": self.matched,
            "field": self.field,
            "lang": self.lang,
            "exact": self.exact,
            "score": round(self.score, 3),
        }


@dataclass
class Results:
    query: str
    total: int  # distinct resources matched (all kinds, or the filtered kind)
    counts: dict[str, int] = field(default_factory=dict)  # kind -> distinct resources
    hits: list[Hit] = field(default_factory=list)
    truncated: bool = False  # more than MAX_MATCHES entries matched


class Index:
    """A read-only handle on search.sqlite (one short-lived connection per query)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        if not self.path.is_file():
            raise FileNotFoundError(self.path)

    @classmethod
    def for_build(cls, build_dir: Path, store=None) -> Index:
        """The build's index; built from the store if the build predates the hook."""
        path = Path(build_dir) / settings.SEARCH_INDEX_FILE
        if not path.is_file():
            if store is None:
                raise FileNotFoundError(path)
            path = Path(tempfile.mkdtemp(prefix="kgraph-search-")) / settings.SEARCH_INDEX_FILE
            build_index(quads_from_store(store), path)
        return cls(path)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)

    def search(
        self, query: str, kind: str | None = None, lang: str = "ru", limit: int = 20, offset: int = 0
    ) -> Results:
        expr = match_expression(query)
        res = Results(query=query, total=0)
        if not expr:
            return res
        target = " ".join(words(query))
        con = self._connect()
        try:
            matched = con.execute(
                "SELECT iri, kind, field, lang, text, exact, bm25(entries) FROM entries "
                "WHERE entries MATCH ? ORDER BY bm25(entries) LIMIT ?",
                (expr, MAX_MATCHES + 1),
            ).fetchall()
            res.truncated = len(matched) > MAX_MATCHES
            best: dict[str, tuple] = {}
            for subject, k, f, lg, text, exact, score in matched[:MAX_MATCHES]:
                is_exact = exact == target
                key = (not is_exact, FIELD_RANK[f], _kind_rank(k), score, 0 if lg == lang else 1)
                if subject not in best or key < best[subject][0]:
                    best[subject] = (key, subject, k, f, lg, text, is_exact, score)
            for _, _, k, *_ in best.values():
                res.counts[k] = res.counts.get(k, 0) + 1
            chosen = sorted((b for b in best.values() if kind in (None, "", b[2])), key=lambda b: b[0])
            res.total = len(chosen)
            page = chosen[offset : offset + limit]
            labels = _labels(con, [b[1] for b in page])
        finally:
            con.close()
        for _key, subject, k, f, lg, text, is_exact, score in page:
            res.hits.append(
                Hit(subject, k, pick_label(labels.get(subject, {}), lang) or text, text, f, lg, is_exact, -score)
            )
        res.counts = dict(sorted(res.counts.items(), key=lambda kv: _kind_rank(kv[0])))
        return res

    def labels(self, iris: list[str]) -> dict[str, dict[str, str]]:
        con = self._connect()
        try:
            return _labels(con, iris)
        finally:
            con.close()


def _labels(con: sqlite3.Connection, iris: list[str]) -> dict[str, dict[str, str]]:
    if not iris:
        return {}
    marks = ",".join("?" * len(iris))
    return {
        iri: json.loads(labels)
        for iri, labels in con.execute(f"SELECT iri, labels FROM entities WHERE iri IN ({marks})", iris)
    }


FALLBACK = {"ru": ("ru", "", "kk", "en"), "kk": ("kk", "ru", "", "en"), "en": ("en", "ru", "", "kk")}


def pick_label(labels: dict[str, str], lang: str) -> str | None:
    for lg in FALLBACK.get(lang, FALLBACK["ru"]):
        if labels.get(lg):
            return labels[lg]
    return next(iter(labels.values()), None)


def _kind_rank(kind: str) -> int:
    return ORDER.get(kind, len(ORDER))
