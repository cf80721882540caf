"""Score extraction against hand-checked golden files (tests/golden/*.json).

The golden files are found in the working directory's tests/golden/ or the
directory given (`kgraph eval --golden DIR`), the sources through the catalog
(`--catalog`); nothing is looked up beside the installed package. Any file can
be scored against any golden file too (`evaluate_file`, `kgraph eval --file
PATH --golden FILE`): the file is read as the build reads a source (the
mirrors' Markdown converted, then normalized), its metadata and its kind's
records extracted.

A record dataclass names its golden kind in a `kind` class attribute and uses
the golden field names (CONTRIBUTING.md); `asdict` then gives the golden shape.
Records are matched by their key fields; a match counts as a true positive
only if its strict fields agree too. Texts compare word by word, case folded:
words and punctuation marks are tokens, so spacing around punctuation does
not count but two words glued into one (normalizer damage) does.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kgraph import amendments, catalog, ingest, kinds, settings
from kgraph import registry as registry_mod
from kgraph import resolve as resolve_mod
from kgraph.errors import InputError
from kgraph.ingest import corpus, describe
from kgraph.lang import base_forms, detect_lang, letter_words
from kgraph.records import DocumentMeta
from kgraph.sources import metadata
from kgraph.text import normalize

# kind -> (key fields, strict fields that must agree for a true positive)
KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "task": (("section", "number"), ()),
    "party": (("section", "task", "position"), ("text", "by_agreement")),
    "clause": (("number", "item"), ()),
    "direction": (("number",), ()),
    "indicator": (("number",), ()),
    "glossary": (("abbr",), ("expansion",)),
    "chapter": (("number",), ("title",)),
    "article": (("number",), ("title",)),
    "definition": (("article", "item", "number"), ("term",)),
    # The role is part of the key: one sentence may grant powers to several roles.
    "competence": (("article", "paragraph", "item", "role"), ()),
    "operator": (("role",), ("article",)),
    "measure": (("label",), ("article",)),
    "crossref": (("article", "paragraph", "item", "target"), ()),
    "repeal": (("title",), ()),
    "section": (("number",), ("title",)),
    "actref": (("kind", "date", "number"), ()),
    "mandate": (("sentence",), ()),
    "initiative": (("text",), ()),
    "territory": (("name",), ()),
    "document": ((), ("date", "number")),
    "excluded": (("article", "paragraph", "item"), ()),
    "amendment": (("article", "paragraph", "item", "act_date", "act_number"), ("act_kind",)),
}
# Kazakh names compare by their words' first letters (case and possessive endings differ).
KK_NAME_PREFIX = 5
# Kinds whose records name a body or role in a `role` field (compared as resolved ids, see RoleCanon).
ROLE_KINDS = ("competence", "operator")
NESTED = {"task": ("parties", "party", "number")}  # kind -> (list field, child kind, parent key)
IGNORED_FIELDS = {"span", "kind", "notes", "members"}
# A token of a compared text: a word (letters, digits) or one punctuation mark.
TOKEN = re.compile(r"\w+|[^\w\s]")


def canon(value: Any) -> Any:
    """Comparison form of a golden or extracted value."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return str(value).rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    if isinstance(value, str):
        # Word by word: words and punctuation marks as tokens, so spacing around
        # punctuation does not count but two words glued into one do ("%ик").
        return " ".join(TOKEN.findall(value.casefold()))
    if isinstance(value, dict):
        return tuple(sorted((str(k), canon(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(canon(v) for v in value)
    if hasattr(value, "isoformat"):
        return canon(value.isoformat())
    return canon(str(value))


def as_golden(records: Iterable[Any]) -> dict[str, list[dict]]:
    """Group extracted records by golden kind, in golden shape."""
    out: dict[str, list[dict]] = {}
    records = list(records)
    # an annex's own reader (a regulation's) places the footnotes in the annex: the decree's
    # reader only says that the act was amended
    placed = any(getattr(type(r), "kind", None) == "amendment" for r in records)
    for r in records:
        if isinstance(r, amendments.Amendment):  # a decree's footnote: one record per act it names
            if not (placed and r.scope == "annex"):
                out.setdefault("amendment", []).extend(_footnote_records(r))
            continue
        kind = getattr(type(r), "kind", None) or getattr(r, "golden_kind", None)
        if not kind or not dataclasses.is_dataclass(r):
            continue
        out.setdefault(kind, []).append(dataclasses.asdict(r))
    return out


def _footnote_records(a: amendments.Amendment) -> list[dict]:
    """A footnote of the shared reader (`kgraph.amendments`, as decrees and plans keep them) in
    the golden shape of an amendment: one record per amending act, the subdivision it changed
    (a decree's пункт is the paragraph; the act, its title or its annex: all None)."""
    where = dict(a.target) if a.scope == "part" else {}
    return [
        {
            "article": None,
            "paragraph": where.get("para"),
            "item": where.get("item"),
            "act_kind": act.kind,
            "act_date": act.date,
            "act_number": act.number,
            "change": a.change,
            "span": a.span,
        }
        for act in a.acts
    ]


def flatten(records: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Explode nested lists (task parties) into records of their own kind."""
    out = {k: list(v) for k, v in records.items()}
    for kind, (list_field, child, parent_key) in NESTED.items():
        if records.get(child):
            continue  # already listed as records of their own (some golden files do)
        for rec in records.get(kind, []):
            for pos, sub in enumerate(rec.get(list_field) or []):
                parent = {"section": rec.get("section"), "task": rec.get(parent_key), "position": pos}
                out.setdefault(child, []).append({**parent, **sub})
    return out


@dataclass
class Score:
    kind: str
    expected: int = 0
    extracted: int = 0
    tp: int = 0
    fields: dict[str, list[int]] = field(default_factory=dict)  # field -> [correct, compared]
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.extracted if self.extracted else (1.0 if not self.expected else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def field_accuracy(self, name: str) -> float:
        c, n = self.fields.get(name, [0, 0])
        return c / n if n else 1.0


# The golden files name a local body's act by who issued it; the readers by the kind of act
# (`kgraph.kinds`: "local-act" for akims', akimats' and maslikhats' decisions).
ACT_KIND_ALIASES = {
    "akim-decision": "local-act",
    "akimat-decree": "local-act",
    "akimat-decision": "local-act",
    "maslikhat-decision": "local-act",
}


def _field(name: str, value: Any) -> Any:
    """A field's comparison form (`canon`; an act's kind by its kind of act)."""
    if name == "act_kind" and isinstance(value, str):
        value = ACT_KIND_ALIASES.get(value, value)
    return canon(value)


def _key(kind: str, rec: dict) -> tuple:
    keys, _ = KINDS[kind]
    return tuple(canon(rec.get(k)) for k in keys)


def score_kind(kind: str, expected: list[dict], extracted: list[dict]) -> Score:
    s = Score(kind, expected=len(expected), extracted=len(extracted))
    _, strict = KINDS[kind]
    got: dict[tuple, list[dict]] = {}  # records sharing a key (a plan's sections and its concept's)
    for rec in extracted:
        got.setdefault(_key(kind, rec), []).append(rec)
    for exp in expected:
        k = _key(kind, exp)
        candidates = got.get(k)
        if not candidates:
            s.misses.append(repr(k))
            continue
        # among records sharing the key, the one whose strict fields agree
        ext = next(
            (c for c in candidates if all(_field(f, exp.get(f)) == _field(f, c.get(f)) for f in strict)), candidates[0]
        )
        candidates.remove(ext)
        ok = True
        for name, value in exp.items():
            if (
                name in IGNORED_FIELDS
                or name in KINDS[kind][0]
                or (isinstance(value, list) and value and isinstance(value[0], dict))
            ):
                continue
            if name not in ext:
                continue  # a field the extractor does not produce is not scored
            same = _field(name, value) == _field(name, ext.get(name))
            tally = s.fields.setdefault(name, [0, 0])
            tally[0] += same
            tally[1] += 1
            if name in strict and not same:
                ok = False
        if ok:
            s.tp += 1
        else:
            s.misses.append(repr(k) + " (fields differ)")
    s.extras = [repr(k) for k, rest in got.items() for _ in rest]
    return s


def load_golden(source_id: str, directory: Path = settings.GOLDEN_DIR) -> dict[str, list[dict]]:
    """Merge every golden file of a source (`<id>.json`, `<id>.<part>.json`)."""
    merged: dict[str, list[dict]] = {}
    for path in sorted(directory.glob(f"{source_id}*.json")):
        if path.stem != source_id and not path.stem.startswith(source_id + "."):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for kind, recs in data.get("records", {}).items():
            merged.setdefault(kind, []).extend(recs)
    return merged


def score(expected: dict[str, list[dict]], extracted: dict[str, list[dict]]) -> dict[str, Score]:
    """Per-kind scores over the kinds the golden file covers."""
    expected, extracted = flatten(expected), flatten(extracted)
    return {kind: score_kind(kind, recs, extracted.get(kind, [])) for kind, recs in expected.items() if kind in KINDS}


def extract_text(text: str, kinds_run: Iterable[str], fallback_kind: str | None = None) -> dict[str, list[dict]]:
    """The records of a normalized text, in golden shape, with its `document` record."""
    listed = tuple(kinds_run)
    meta = metadata.extract(text, fallback_kind=fallback_kind or listed[0])
    return _with_document(meta, [r for kind in listed for r in kinds.extractor(kind).parse(text, meta)])


def _with_document(meta: DocumentMeta, records: list) -> dict[str, list[dict]]:
    out = as_golden(records)
    out["document"] = [document_record(meta, records)]
    return out


def extract(source_id: str, catalog_path: Path = settings.DEFAULT_CATALOG) -> dict[str, list[dict]]:
    """Run the extractors of one catalogued source, in golden shape."""
    entry = next((e for e in catalog.load(catalog_path) if e.id == source_id), None)
    if entry is None:
        raise KeyError(f"no catalog entry {source_id!r} in {catalog_path}")
    doc = catalog.read(entry, catalog_path)  # kinds told from the text where the catalog omits them
    records = [r for kind in doc.entry.kinds for r in kinds.extractor(kind).parse(doc.norm.text, doc.meta)]
    out = as_golden(records)
    out["document"] = [document_record(doc.meta, records)]
    registry = registry_mod.load(catalog.registry_path(catalog_path))
    return resolve_bodies(out, doc.entry.language or "ru", doc.meta.date, registry)


def document_record(meta, records: Iterable[Any] = ()) -> dict:
    """What a document states about itself, in the golden `document` shape (a record may add
    fields: a regulation its title)."""
    out = {"kind": meta.kind, "title": meta.title, "date": meta.date, "number": meta.number, "issuer": meta.issuer}
    for r in records:
        if hasattr(r, "document_fields"):
            out.update(r.document_fields())
    return out


def resolve_bodies(records: dict[str, list[dict]], lang: str, date, registry) -> dict[str, list[dict]]:
    """A competence granted to a body the text names (`role` None, `body` as written: a
    regulation's own powers) gets the registry id `kgraph.resolve` finds for it, as the build does."""
    for rec in records.get("competence", []):
        if rec.get("role") is None and rec.get("body"):
            res = resolve_mod.resolve(rec["body"], lang, date, registry=registry)
            rec["role"] = res.id if res.kind != "unresolved" else None
    return records


# --- any file against any golden file ----------------------------------------------------

# The mirrors name a folder's two texts rus.md and kaz.md; sources elsewhere end -ru / -kk.
LANGUAGE_IN_NAME = {"rus": "ru", "ru": "ru", "kaz": "kk", "kk": "kk"}


def read_source_file(path: Path) -> str:
    """The plain text of a source file as the build reads it (`kgraph.ingest`: the mirrors'
    Markdown converted, HTML, DOCX and PDF extracted)."""
    return ingest.read(Path(path)).text


def file_language(path: Path, text: str) -> str:
    """ru or kk: from the file name (rus.md, kaz.md, …-ru.txt), else from the letters."""
    stem = Path(path).stem.lower()
    for part in reversed(re.split(r"[-_.]", stem)):
        if part in LANGUAGE_IN_NAME:
            return LANGUAGE_IN_NAME[part]
    return detect_lang(text)


def load_golden_file(path: Path) -> dict:
    """A golden file as a mapping (records, roles, notes); a clear error if it is not one."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(path, "golden file not found") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(path, f"not a JSON golden file: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("records"), dict):
        raise InputError(path, 'expected a JSON object with a "records" mapping')
    return data


def evaluate_file(
    path: Path,
    golden_path: Path,
    language: str | None = None,
    kind: str | None = None,
    catalog_path: Path = settings.DEFAULT_CATALOG,
) -> dict[str, Score]:
    """Score any source file against any golden file.

    The kind whose extractor runs is `kind`, else the golden `document` record's
    kind when it has an extractor, else `law`; competence and operator roles are
    compared as resolved ids (`RoleCanon`) with the registry beside the catalog."""
    golden = load_golden_file(golden_path)
    text = normalize(read_source_file(path)).text
    lang = language or file_language(path, text)
    doc_kind = next((d.get("kind") for d in golden["records"].get("document", [])), None)
    if kind is None:
        kind = doc_kind if doc_kind in kinds.extracted() else "law"
    folder = Path(path).parent
    portal = corpus.read_meta(folder) if corpus.is_corpus_folder(folder) else None
    # As the build reads a file: what the text states, completed by the meta.yaml of its corpus folder.
    meta = describe.describe(text, lang, (kind,), portal).meta
    extracted = _with_document(meta, kinds.extractor(kind).parse(text, meta))
    canon_roles = RoleCanon(_registry(catalog_path), lang, golden.get("roles") or {})
    expected = canon_roles.golden_records(golden["records"])
    return score(expected, canon_roles.extracted_records(extracted, expected))


def evaluate_source(
    source_id: str, directory: Path = settings.GOLDEN_DIR, catalog_path: Path = settings.DEFAULT_CATALOG
) -> dict[str, Score]:
    """Score a catalogued source against its golden file(s), roles compared as resolved ids."""
    entry = next((e for e in catalog.load(catalog_path) if e.id == source_id), None)
    lang = entry.language if entry else "ru"
    canon_roles = RoleCanon(_registry(catalog_path), lang, load_golden_roles(source_id, directory))
    expected = canon_roles.golden_records(load_golden(source_id, directory))
    return score(expected, canon_roles.extracted_records(extract(source_id, catalog_path), expected))


def load_golden_roles(source_id: str, directory: Path = settings.GOLDEN_DIR) -> dict[str, dict]:
    """The `roles` objects of a source's golden files (id -> names)."""
    roles: dict[str, dict] = {}
    for path in sorted(directory.glob(f"{source_id}*.json")):
        if path.stem == source_id or path.stem.startswith(source_id + "."):
            roles.update(json.loads(path.read_text(encoding="utf-8")).get("roles") or {})
    return roles


def _registry(catalog_path: Path) -> registry_mod.Registry:
    return registry_mod.load(catalog.registry_path(catalog_path))


# How `kgraph.resolve` words a resolution found by fuzzy matching alone.
FUZZY_REASON = "fuzzy "


@dataclass
class RoleCanon:
    """Roles of competences and operators in one comparable form.

    A registry id when the registry knows the body, group or role: directly (the
    id itself), or by resolving a name (an extracted record's `body` as the
    text writes it; a golden id the registry lacks, by its names in the golden's
    `roles` object). A role nobody registered compares by the lemmas of its name."""

    registry: registry_mod.Registry
    lang: str
    golden_roles: Mapping[str, Any]
    ids: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        reg = self.registry
        self.ids = frozenset(x.id for x in (*reg.bodies, *reg.roles, *reg.groups))

    def known(self, role_id: str | None) -> bool:
        return role_id in self.ids

    def _resolved(self, name: str | None, lang: str) -> str | None:
        """The registry id a name resolves to by abbreviation, name or lemmas. A fuzzy match is no
        identity: «маслихаты областей …» is one letter-run from «акиматы областей …», and taking it
        for them would score the akimats' powers as the maslikhats' (and the reverse) as right."""
        if not name:
            return None
        res = resolve_mod.resolve(name, lang, None, registry=self.registry)
        return res.id if res.kind != "unresolved" and not res.reason.startswith(FUZZY_REASON) else None

    def _by_name(self, name: str, lang: str) -> str:
        """Russian lemmas; Kazakh word beginnings (a stemmer would cut "кеңесі" and "кеңес" differently)."""
        words = base_forms(name, lang) if lang != "kk" else [w.lower()[:KK_NAME_PREFIX] for w in letter_words(name)]
        return "name:" + " ".join(words)

    def golden(self, role_id: str | None) -> str | None:
        if role_id is None or self.known(role_id):
            return role_id
        names = self.golden_roles.get(role_id) or {}
        other = "ru" if self.lang == "kk" else "kk"
        for lang in (self.lang, other):
            found = self._resolved(names.get(lang), lang) if isinstance(names, Mapping) else None
            if found:
                return found
        name = names.get(self.lang) if isinstance(names, Mapping) else None
        return self._by_name(name, self.lang) if name else role_id

    def extracted(self, role: str | None, body: str | None) -> str | None:
        if self.known(role):
            return role
        return self._resolved(body, self.lang) or (self._by_name(body, self.lang) if body else role)

    def golden_records(self, records: dict[str, list[dict]]) -> dict[str, list[dict]]:
        return self._rewrite(records, lambda r: self.golden(r.get("role")))

    def extracted_records(
        self, records: dict[str, list[dict]], golden: dict[str, list[dict]] | None = None
    ) -> dict[str, list[dict]]:
        """Extracted roles as comparable ids; an unregistered body named by the start of a golden
        role's name ("президиум" for "президиум Национальной академии наук") compares as that role."""
        names = {
            r["role"] for recs in (golden or {}).values() for r in recs if str(r.get("role", "")).startswith("name:")
        }

        def canon_role(r: dict) -> str | None:
            role = self.extracted(r.get("role"), r.get("body"))
            if role and role.startswith("name:") and role not in names:
                words = role[5:].split()
                # Russian names its head first ("президиум Национальной академии наук"), Kazakh last
                # ("Ұлттық ғылым академиясының төралқасы"): a name may stop short of the owner's.
                end = (lambda n: n[: len(words)]) if self.lang != "kk" else (lambda n: n[-len(words) :])
                role = next((n for n in sorted(names) if end(n[5:].split()) == words), role)
            return role

        return self._rewrite(records, canon_role)

    @staticmethod
    def _rewrite(records: dict[str, list[dict]], role_of) -> dict[str, list[dict]]:
        out = dict(records)
        for kind in ROLE_KINDS:
            if kind in records:
                out[kind] = [{**r, "role": role_of(r)} for r in records[kind]]
        return out


def golden_sources(directory: Path = settings.GOLDEN_DIR) -> list[str]:
    not_sources = {"mentions", "overlaps", "paraphrases", "overlap_calibration", "overlap_findings"}  # other stages
    ids = {p.name.split(".")[0] for p in directory.glob("*.json") if p.stem not in not_sources}
    return sorted(ids)
