"""Mint and parse every IRI of the graph.

IRIs are readable and stable across rebuilds: acts follow ELI / Akoma Ntoso
(`act/{kind}/{yyyy}/{mm}/{dd}/{number}/art_5/para_2/item_3`), bodies use
registry ids (`org/mint`). Nothing outside this module builds IRI strings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from kgraph import kinds
from kgraph.lang import act_number

BASE = "https://kgraph.kz/id/"
ONTOLOGY = "https://kgraph.kz/ontology#"

# Prefixes of the vocabularies the graph uses, predeclared in every query. Plain
# strings, so that modules without rdflib (the store, the query workers) share them;
# kgraph.vocab makes rdflib namespaces of them.
PREFIXES = {
    "kg": ONTOLOGY,
    "eli": "http://data.europa.eu/eli/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "time": "http://www.w3.org/2006/time#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

# Act kinds as they appear in IRIs: the segments of the kind registry.
ACT_KINDS = kinds.SEGMENTS

# Subdivision segments: prefix_number. Order matters only for readability.
PART_PREFIXES = (
    "chp",
    "sec",
    "art",
    "para",
    "item",
    "annex",
    "dir",
    "task",
    "ind",
    "y",
    "party",
    "init",
    "terr",
    "stmt",
    "fn",
)

_TRANSLIT = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "ә": "a",
    "ғ": "g",
    "қ": "q",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "і": "i",
}

_SEGMENT = re.compile(r"^(?P<prefix>[a-z]+)_(?P<number>[0-9a-z.\-]+)$")


class IRIError(ValueError):
    """An IRI that this module did not mint (or a malformed one)."""


def slug(text: str) -> str:
    """Readable ASCII slug: transliterate Cyrillic (ru + kk), keep [a-z0-9.-]."""
    out = "".join(_TRANSLIT.get(c, c) for c in text.lower())
    out = re.sub(r"[^a-z0-9.]+", "-", out).strip("-.")
    if not out:
        raise IRIError(f"cannot make a slug of {text!r}")
    return out


def short_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


# --- acts and their parts ----------------------------------------------------


def act(kind: str, date: dt.date | None = None, number: str | None = None, name: str | None = None) -> str:
    """An act by kind (a `kgraph.kinds` name) + date + number (ELI style), or by kind + name slug when undated."""
    if kind not in kinds.BY_NAME:
        raise IRIError(f"unknown act kind {kind!r}; expected one of {', '.join(kinds.BY_NAME)}")
    kind = kinds.BY_NAME[kind].segment
    if date is not None and number:
        return f"{BASE}act/{kind}/{date:%Y/%m/%d}/{slug(act_number(number))}"
    if date is not None:
        return f"{BASE}act/{kind}/{date:%Y/%m/%d}" + (f"/{slug(name)}" if name else "")
    if name:
        return f"{BASE}act/{kind}/{slug(name)}"
    raise IRIError("an act needs a date or a name")


# Redactions and languages of an act (MODEL: work, expressions, parts). The newest
# redaction of an act owns the plain part IRIs (`<act>/art_5`); the parts of an
# older redaction live under a version segment (`<act>/ver_2012-01-09/art_5`); an
# expression (one text in one language at one redaction) is
# `<act>/ver_<date>/lang_<ru|kk>`, or `<act>/lang_<ru|kk>` when its date is unknown.
VERSION_PREFIX = "ver"
LANGUAGE_PREFIX = "lang"


def version_token(version: dt.date | None, language: str | None = None) -> str:
    """The version segment's value: the redaction date, or `undated-<lang>`."""
    if version is not None:
        return version.isoformat()
    return f"undated-{slug(language or 'xx')}"


def version(act_iri: str, token: str) -> str:
    """The node that holds the parts of an older redaction of an act."""
    return f"{act_iri}/{VERSION_PREFIX}_{slug(token)}"


def expression(act_iri: str, language: str, version_date: dt.date | None = None) -> str:
    """One text of an act: its language at its redaction (ELI's LegalExpression)."""
    base = version(act_iri, version_date.isoformat()) if version_date else act_iri
    return f"{base}/{LANGUAGE_PREFIX}_{slug(language)}"


def part(parent: str, *segments: tuple[str, str | int]) -> str:
    """A subdivision of an act, e.g. part(law, ("art", 5), ("item", "1-1"))."""
    out = parent
    for prefix, number in segments:
        if prefix not in PART_PREFIXES:
            raise IRIError(f"unknown part prefix {prefix!r}")
        out += f"/{prefix}_{slug(str(number))}"
    return out


# --- institutions, roles, groups ------------------------------------------------


def org(body_id: str) -> str:
    return f"{BASE}org/{body_id}"


def role(role_id: str) -> str:
    return f"{BASE}role/{role_id}"


def tenure(role_id: str, holder_id: str, start: dt.date | None) -> str:
    return f"{BASE}role/{role_id}/tenure/{holder_id}" + (f"/{start:%Y-%m-%d}" if start else "")


def group(group_id: str, on: dt.date | None = None) -> str:
    """A collective group; with `on`, the group as its members stood that day
    ("акиматы областей" of 2013 and of 2025 have different members)."""
    return f"{BASE}group/{group_id}" + (f"/{on:%Y-%m-%d}" if on else "")


def event(event_id: str) -> str:
    return f"{BASE}event/{event_id}"


# --- documents, provenance, terms ------------------------------------------------


def source(doc_id: str) -> str:
    return f"{BASE}source/{doc_id}"


def span(doc_id: str, start: int, end: int) -> str:
    return f"{BASE}source/{doc_id}/{start}-{end}"


def graph(doc_id: str) -> str:
    """Named graph holding what one source document yields."""
    return f"{BASE}graph/{doc_id}"


REGISTRY_GRAPH = f"{BASE}graph/registry"
ONTOLOGY_GRAPH = f"{BASE}graph/ontology"
FINDINGS_GRAPH = f"{BASE}graph/findings"


def mention(doc_id: str, start: int) -> str:
    return f"{BASE}mention/{doc_id}/{start}"


def glossary(doc_id: str) -> str:
    return f"{BASE}glossary/{doc_id}"


def glossary_entry(doc_id: str, abbr: str) -> str:
    return f"{glossary(doc_id)}/{slug(abbr)}"


def term(term_text: str) -> str:
    """A defined term; the same term text in two documents is one node, two texts two nodes.

    The slug alone would join texts that differ only in letters it spells alike
    ("трансферт технологии" and "трансферт технологий"), so a short hash of the
    case-folded text follows it."""
    text = " ".join(term_text.split()).casefold()
    return f"{BASE}term/{slug(term_text)}-{short_hash(text)[:6]}"


def finding(kind: str, a: str, b: str) -> str:
    return f"{BASE}finding/{kind}/{short_hash(*sorted((a, b)))}"


# --- parsing -------------------------------------------------------------------


@dataclass(frozen=True)
class Parsed:
    """What an IRI names: its top-level kind and the path after it."""

    kind: str  # act, org, role, group, event, source, graph, mention, glossary, term, finding
    path: tuple[str, ...]
    parts: tuple[tuple[str, str], ...] = ()  # act subdivisions, outermost first
    version: str | None = None  # the redaction segment's value (a date or "undated-kk"), if any
    language: str | None = None  # an expression's language

    @property
    def act_kind(self) -> str | None:
        return self.path[0] if self.kind == "act" else None

    @property
    def date(self) -> dt.date | None:
        if self.kind == "act" and len(self.path) >= 4 and all(p.isdigit() for p in self.path[1:4]):
            return dt.date(int(self.path[1]), int(self.path[2]), int(self.path[3]))
        return None


def parse(iri: str) -> Parsed:
    if not iri.startswith(BASE):
        raise IRIError(f"not a kgraph IRI: {iri}")
    segments = tuple(iri[len(BASE) :].split("/"))
    kind, rest = segments[0], segments[1:]
    if (
        kind
        not in {"act", "org", "role", "group", "event", "source", "graph", "mention", "glossary", "term", "finding"}
        or not rest
        or "" in rest
    ):
        raise IRIError(f"malformed kgraph IRI: {iri}")
    if kind != "act":
        return Parsed(kind, rest)
    head: list[str] = []
    parts: list[tuple[str, str]] = []
    version_seg: str | None = None
    language: str | None = None
    for seg in rest:
        if language is not None:
            raise IRIError(f"unexpected segment {seg!r} after the language of {iri}")
        m = _SEGMENT.match(seg)
        prefix = m["prefix"] if m else None
        if prefix == VERSION_PREFIX and len(head) >= 2 and not parts and version_seg is None:
            version_seg = m["number"]
        elif prefix == LANGUAGE_PREFIX and len(head) >= 2 and not parts:
            language = m["number"]
        elif m and prefix in PART_PREFIXES and (parts or version_seg or len(head) >= 2):
            parts.append((m["prefix"], m["number"]))
        elif parts or version_seg:
            raise IRIError(f"unexpected segment {seg!r} after act parts in {iri}")
        else:
            head.append(seg)
    if head[0] not in ACT_KINDS:
        raise IRIError(f"unknown act kind in {iri}")
    return Parsed("act", tuple(head), tuple(parts), version_seg, language)


def act_of(iri: str) -> str:
    """The act (work) an act, redaction, expression or part IRI belongs to."""
    p = parse(iri)
    if p.kind != "act":
        raise IRIError(f"not an act IRI: {iri}")
    return f"{BASE}act/" + "/".join(p.path)


def parent(iri: str) -> str | None:
    """The enclosing act, redaction or subdivision of a subdivision IRI."""
    p = parse(iri)
    if p.kind != "act" or not p.parts:
        return None
    return iri.rsplit("/", 1)[0]


def local_path(iri: str) -> str:
    """Path under which the web app serves an IRI (/id/...)."""
    if not iri.startswith(BASE):
        raise IRIError(f"not a kgraph IRI: {iri}")
    return "/id/" + iri[len(BASE) :]
