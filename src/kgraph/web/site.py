"""What every page needs from the graph: rows of terms, labels, kinds, links.

Labels and types of all resources are read once when the app starts (two
queries of the query layer, kgraph.queries), so that a page with hundreds of linked values names each of
them without a query per value. A build is immutable (rebuilding swaps the
directory), so a Site's caches and `memo` never go stale: a Site belongs to
one build. When a rebuild swaps the directory, kgraph.web.reload loads a new
Site (and store) in the background and replaces `app.state.site`; pages take
the site from `request.app.state` on each request, never keep one.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kgraph import catalog, inforce, iri, kinds, queries, resource_kinds, settings
from kgraph.iri import PREFIXES
from kgraph.queries import NamedQuery
from kgraph.search import FALLBACK, Index
from kgraph.web.i18n import N_, gettext

LABEL_PREDICATES = ("skos:prefLabel", "rdfs:label", "eli:title")

# The day a page shows things as of (ISO date): `?at=` of the request, else today. Set per request
# (each request runs in a context of its own), read where terms are made: an act's term says
# whether the act was in force that day.
AS_OF: contextvars.ContextVar[str | None] = contextvars.ContextVar("as_of", default=None)


# What a page says of an act's force (kgraph.inforce.status).
FORCE_WORDS = {
    "in-force": N_("in force"),
    "repealed": N_("no longer in force since %(date)s"),
    "repealed-unknown-date": N_("no longer in force"),
    "not-in-force": N_("in force from %(date)s"),
    "not-adopted": N_("not adopted yet"),
}


def as_of() -> str:
    return AS_OF.get() or dt.date.today().isoformat()


ABBR_PREDICATES = ("skos:altLabel", "kg:abbreviation")


class Term(dict):
    """A value as pages show it: a link with a label, or a literal.

    A dict, so that page data holding Terms is JSON as it stands (the JSON twin of a page
    serialises the very dict its template renders); Python code reads the keys as attributes."""

    __slots__ = ()

    def __init__(
        self,
        value: str,
        is_iri: bool,
        label: str = "",
        href: str | None = None,
        prefixed: str | None = None,
        kind: str | None = None,
        lang: str | None = None,
        datatype: str | None = None,
        force: dict | None = None,
    ):
        super().__init__(
            value=value,
            is_iri=is_iri,
            label=label,
            href=href,
            prefixed=prefixed,
            kind=kind,
            lang=lang,
            datatype=datatype,
        )
        if force is not None:
            self["force"] = force

    value = property(lambda self: self["value"])
    is_iri = property(lambda self: self["is_iri"])
    label = property(lambda self: self["label"])
    href = property(lambda self: self["href"])
    prefixed = property(lambda self: self["prefixed"])
    kind = property(lambda self: self["kind"])
    lang = property(lambda self: self["lang"])
    datatype = property(lambda self: self["datatype"])
    force = property(lambda self: self.get("force"))

    def __str__(self) -> str:
        return self["label"] or self["value"]


class Site:
    def __init__(self, store, build_dir: Path, sources_dir: Path | None = None):
        self.store = store
        self.build_dir = Path(build_dir)
        report_file = self.build_dir / settings.REPORT_FILE
        self.report = json.loads(report_file.read_text(encoding="utf-8")) if report_file.is_file() else {}
        # The source texts: beside the catalog the build read (its report says which), else data/sources.
        built_from = Path(self.report.get("catalog") or settings.DEFAULT_CATALOG)
        self.sources_dir = Path(sources_dir) if sources_dir else catalog.sources_dir(built_from)
        self._labels: dict[str, dict[str, str]] = {}
        self._abbrs: dict[str, list[str]] = {}
        self._abbr_lang: dict = {}  # subject -> language -> its abbreviation for short labels
        self._types: dict[str, set[str]] = {}
        self._kind: dict[str, str] = {}
        self.memo: dict[str, dict] = {}  # per-build results that pages compute once
        self._load_caches()
        self.index = Index.for_build(self.build_dir, store)

    # --- queries -------------------------------------------------------------------

    def select(
        self, query: NamedQuery, values: dict[str, object] | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Rows of a query of the query layer (kgraph.queries) as dicts of pyoxigraph terms (None
        when unbound); `values` binds its parameters, `limit` caps the rows."""
        result = queries.run(query, self.store, values, limit=limit)
        names = [v if isinstance(v, str) else v.value for v in result.variables]
        return [{n: sol[i] for i, n in enumerate(names)} for sol in result]

    def _load_caches(self) -> None:
        expand = {p: PREFIXES[p.split(":")[0]] + p.split(":")[1] for p in LABEL_PREDICATES + ABBR_PREDICATES}
        rank = {expand[p]: i for i, p in enumerate(LABEL_PREDICATES)}
        found: dict[str, dict[str, tuple[int, str]]] = {}
        for row in self.select(queries.internal("names"), {"p": list(expand.values())}):
            s, p, o = row["s"].value, row["p"].value, row["o"]
            if not isinstance(o, ox.Literal):
                continue
            if p in rank:
                lang = o.language or ""
                cur = found.setdefault(s, {}).get(lang)
                if cur is None or (rank[p], o.value) < cur:
                    found[s][lang] = (rank[p], o.value)
            else:
                if o.value not in self._abbrs.setdefault(s, []):
                    self._abbrs[s].append(o.value)
                if o.language:
                    self._abbr_lang.setdefault(s, {}).setdefault(o.language, [])
                    if o.value not in self._abbr_lang[s][o.language]:
                        self._abbr_lang[s][o.language].append(o.value)
        self._labels = {s: {lg: v for lg, (_, v) in by_lang.items()} for s, by_lang in found.items()}
        # A body's short name in a language: an abbreviation no other resource has (МИД was two
        # ministries), else the first in alphabetical order.
        shared = Counter(a for by_lang in self._abbr_lang.values() for values in by_lang.values() for a in values)
        self._abbr_lang = {
            s: {lg: min(values, key=lambda a: (shared[a] > 1, a)) for lg, values in by_lang.items()}
            for s, by_lang in self._abbr_lang.items()
        }
        for row in self.select(queries.internal("types")):
            self._types.setdefault(row["s"].value, set()).add(row["t"].value)
        self._kind = {s: resource_kinds.kind_of(ts) for s, ts in self._types.items()}

    # --- naming --------------------------------------------------------------------

    def labels(self, subject: str) -> dict[str, str]:
        return self._labels.get(subject, {})

    def abbreviations(self, subject: str) -> list[str]:
        return self._abbrs.get(subject, [])

    def short_label(self, subject: str, lang: str) -> str:
        """The abbreviation in `lang` (МИНТ, ИЖТМ), else the label: where a row has little room."""
        return self._abbr_lang.get(subject, {}).get(lang) or self.label(subject, lang)

    def types(self, subject: str) -> set[str]:
        return self._types.get(subject, set())

    def kind(self, subject: str) -> str:
        return self._kind.get(subject, resource_kinds.OTHER.key)

    def label(self, subject: str, lang: str) -> str:
        """The resource's label in `lang`, falling back through the other languages."""
        by_lang = self._labels.get(subject)
        if by_lang:
            for lg in FALLBACK.get(lang, FALLBACK["ru"]):
                if by_lang.get(lg):
                    return by_lang[lg]
            return next(iter(by_lang.values()))
        if self._abbrs.get(subject):
            return self._abbrs[subject][0]
        return prefixed(subject) or short_path(subject)

    def short_term(self, t, lang: str) -> Term:
        """A term labelled by its abbreviation in `lang` when it has one (the full label as its title)."""
        term = self.term(t, lang)
        short = self.short_label(term.value, lang) if term.is_iri else term.label
        if short != term.label:
            term["title"] = term.label
            term["label"] = short
        return term

    def term(self, t, lang: str) -> Term:
        """A pyoxigraph term (or an IRI string) as a Term for templates."""
        if isinstance(t, str):
            t = ox.NamedNode(t)
        if isinstance(t, ox.NamedNode):
            v = t.value
            kind = self.kind(v)
            force = self.force_on(v, as_of(), lang) if kind == "act" else None
            return Term(v, True, self.label(v, lang), href(v), prefixed(v), kind, force=force)
        if isinstance(t, ox.BlankNode):
            return Term("_:" + t.value, False, "_:" + t.value)
        dt = t.datatype.value if t.datatype is not None else None
        if dt and dt.endswith(("#string", "#langString")):
            dt = None
        return Term(t.value, False, t.value, lang=t.language, datatype=prefixed(dt) if dt else None)

    # --- force of acts -----------------------------------------------------------------

    def force_facts(self) -> dict[str, dict]:
        """act -> what the graph says of its force (dates, repealing acts, clauses), read once."""
        memo = self.memo.get("force")
        if memo is None:
            memo = {}
            for r in self.select(queries.internal("force")):
                f = memo.setdefault(
                    r["act"].value,
                    {"adopted": None, "entry": None, "end": None, "by": {}, "entry_note": {}, "end_note": {}},
                )
                for key in ("adopted", "entry", "end"):
                    if r[key] is not None and (f[key] is None or r[key].value < f[key]):
                        f[key] = r[key].value  # two texts disagreeing: the earlier day
                if r["by"] is not None:
                    f["by"][r["by"].value] = r["by_date"].value if r["by_date"] is not None else None
                for key in ("entry_note", "end_note"):
                    if r[key] is not None:
                        f[key][r[key].language or ""] = r[key].value
            self.memo["force"] = memo
        return memo

    def force_on(self, act: str, day: str, lang: str) -> dict | None:
        """Whether `act` was in force on `day`: its status (kgraph.inforce.status), the day it
        ended and the acts that ended it; None when the graph says nothing of its force."""
        f = self.force_facts().get(act)
        if f is None:
            return None
        facts = inforce.Facts(
            f["adopted"], f["entry"], f["end"], tuple(d for d in f["by"].values() if d), bool(f["by"])
        )
        status = inforce.status(facts, day)
        return {
            "status": status,
            "text": gettext(lang, FORCE_WORDS[status], date=f["end"] if status == "repealed" else f["entry"]),
            "day": day,
            "entry": f["entry"],
            "end": f["end"],
            "by": [{"value": b, "label": self.label(b, lang), "href": href(b)} for b in sorted(f["by"])],
        }

    # --- acts by kind, date and number ----------------------------------------------------

    def acts_index(self) -> dict[str, tuple[str, str | None, str | None]]:
        """act -> (kind name, date, number), read once."""
        memo = self.memo.get("acts_index")
        if memo is None:
            by_class = {iri.ONTOLOGY + k.cls: k.name for k in kinds.KINDS}
            memo = {}
            for r in self.select(queries.internal("acts_index"), {"cls": sorted(by_class)}):
                kind = by_class.get(r["cls"].value)
                if kind is None:
                    continue
                old = memo.get(r["act"].value)
                date = r["date"].value if r["date"] is not None else None
                number = r["number"].value if r["number"] is not None else None
                if old is None or (old[0] == "other" and kind != "other"):
                    memo[r["act"].value] = (
                        kind,
                        date or (old[1] if old else None),
                        number or (old[2] if old else None),
                    )
            self.memo["acts_index"] = memo
        return memo

    def act_date(self, act: str) -> str | None:
        entry = self.acts_index().get(act)
        return entry[1] if entry else None

    def act_short_label(self, act: str, lang: str, annex: bool = False) -> str:
        """An act named by its kind, number and date («Постановление Правительства № 1331 от
        13.12.2013»); an annex by its kind alone; else its label."""
        entry = self.acts_index().get(act)
        if annex:  # the annex's kind, from its class or its IRI (<act>/annex_plan)
            kind = entry[0] if entry else act.rsplit("/annex_", 1)[-1] if "/annex_" in act else ""
            return kinds.BY_NAME[kind].label.get(lang) if kind in kinds.BY_NAME else self.label(act, lang)
        if entry is None:
            return self.label(act, lang)
        kind, date, number = entry
        name = kinds.get(kind).label.get(lang)
        day = dt.date.fromisoformat(date).strftime("%d.%m.%Y") if date else None
        if day and number:
            return gettext(lang, N_("%(kind)s No. %(number)s of %(date)s"), kind=name, number=number, date=day)
        if number:
            return gettext(lang, N_("%(kind)s No. %(number)s"), kind=name, number=number)
        if day:
            return gettext(lang, N_("%(kind)s of %(date)s"), kind=name, date=day)
        return self.label(act, lang)

    def kinds_count(self) -> dict[str, int]:
        if "kinds_count" not in self.memo:
            out: dict[str, int] = {}
            for s, k in self._kind.items():
                if s.startswith(iri.BASE):
                    out[k] = out.get(k, 0) + 1
            self.memo["kinds_count"] = dict(sorted(out.items(), key=lambda kv: resource_kinds.ORDER.get(kv[0], 99)))
        return self.memo["kinds_count"]

    def resources_of_kind(self, kind: str) -> Iterable[str]:
        return (s for s, k in self._kind.items() if k == kind)

    # --- source documents ------------------------------------------------------------

    def source_docs(self) -> dict[str, str]:
        """doc id -> file name, for the documents in the graph (read once: the graph view asks on
        every page)."""
        if "source_files" not in self.memo:
            rows = self.select(queries.internal("source_files"))
            docs = {r["doc"].value: (r["file"].value if r["file"] else r["doc"].value + ".txt") for r in rows}
            self.memo["source_files"] = {"map": docs}
        return self.memo["source_files"]["map"]

    def source_text(self, doc: str) -> str | None:
        """The raw text the offsets of kg:SourceSpan count in; None if unknown or missing."""
        files = self.source_docs()
        name = files.get(doc)
        if name is None:
            return None
        texts = self.memo.setdefault("source_texts", {})
        if doc not in texts:
            # The build keeps the text the offsets count in (converted from Markdown, HTML,
            # DOCX or PDF); an older build has none, and then the catalog's file is that text.
            kept_dir = (self.build_dir / settings.SOURCE_TEXTS_DIR).resolve()
            kept = (kept_dir / f"{doc}.txt").resolve()
            path = (self.sources_dir / name).resolve()
            if kept.parent == kept_dir and kept.is_file():
                path = kept
            elif path.parent != self.sources_dir.resolve() or not path.is_file():
                return None
            texts[doc] = path.read_text(encoding="utf-8")
        return texts[doc]


def prefixed(value: str | None) -> str | None:
    if not value:
        return None
    for p, ns in PREFIXES.items():
        if value.startswith(ns) and len(value) > len(ns):
            return f"{p}:{value[len(ns) :]}"
    return None


def href(value: str) -> str | None:
    """Where the app serves a resource: kgraph IRIs under /id/, ontology terms on the ontology's page."""
    if value.startswith(iri.BASE):
        return iri.local_path(value)
    if value.startswith(iri.ONTOLOGY):
        return "/ontology#" + value[len(iri.ONTOLOGY) :]
    return None


def short_path(value: str) -> str:
    return value[len(iri.BASE) :] if value.startswith(iri.BASE) else value
