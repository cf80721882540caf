"""Kinds of resources as a person browsing or searching the graph sees them.

(Not document kinds: those are `kgraph.kinds`.) Shared by the search index
(`kgraph.search`) and the web explorer (colours, shapes and names per kind).

The ontology has ~60 classes; search filters, graph colours and page layouts
need a dozen coarse kinds. A resource's kind is the first kind in KINDS whose
root class is among its types or their superclasses (from ontology/kgraph.ttl),
so more specific kinds come first (an article before a subdivision, a
subdivision before an act).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rdflib import URIRef
from rdflib.namespace import RDFS

from kgraph.iri import PREFIXES
from kgraph.vocab import ontology_graph

KG = PREFIXES["kg"]
ORG = PREFIXES["org"]
ELI = PREFIXES["eli"]
SKOS = PREFIXES["skos"]
TIME = PREFIXES["time"]


@dataclass(frozen=True)
class Kind:
    key: str
    roots: tuple[str, ...]
    color: str
    shape: str  # vis-network shape
    names: dict[str, str]  # ui language -> plural name


KINDS: tuple[Kind, ...] = (
    Kind(
        "body",
        (ORG + "Organization",),
        "#1d3557",
        "dot",
        {"en": "Bodies and organizations", "ru": "Органы и организации", "kk": "Органдар мен ұйымдар"},
    ),
    Kind(
        "role",
        (KG + "LegalRole",),
        "#e76f51",
        "diamond",
        {"en": "Legal roles", "ru": "Роли по закону", "kk": "Заңдағы рөлдер"},
    ),
    Kind(
        "group",
        (KG + "CollectiveGroup",),
        "#8d99ae",
        "hexagon",
        {"en": "Groups of bodies", "ru": "Группы органов", "kk": "Органдар топтары"},
    ),
    Kind(
        "mention",
        (KG + "UnresolvedMention",),
        "#adb5bd",
        "text",
        {"en": "Unresolved mentions", "ru": "Нераспознанные упоминания", "kk": "Танылмаған атаулар"},
    ),
    Kind(
        "task",
        (KG + "Task",),
        "#2a9d8f",
        "box",
        {"en": "Plan tasks", "ru": "Мероприятия планов", "kk": "Жоспар іс-шаралары"},
    ),
    Kind(
        "instruction",
        (KG + "Instruction",),
        "#52b788",
        "box",
        {"en": "Instructions", "ru": "Поручения", "kk": "Тапсырмалар"},
    ),
    Kind(
        "competence",
        (KG + "Competence",),
        "#f4a261",
        "ellipse",
        {"en": "Competences", "ru": "Компетенции", "kk": "Құзыреттер"},
    ),
    Kind(
        "mandate",
        (KG + "Mandate",),
        "#74c69d",
        "box",
        {"en": "Other mandates", "ru": "Иные мандаты", "kk": "Өзге мандаттар"},
    ),
    Kind("article", (KG + "Article",), "#6d597a", "square", {"en": "Articles", "ru": "Статьи", "kk": "Баптар"}),
    Kind(
        "direction",
        (KG + "Direction",),
        "#b5838d",
        "square",
        {"en": "Plan directions", "ru": "Направления планов", "kk": "Жоспар бағыттары"},
    ),
    Kind(
        "part",
        (ELI + "LegalResourceSubdivision",),
        "#9d8189",
        "square",
        {"en": "Act subdivisions", "ru": "Структурные части актов", "kk": "Акт бөліктері"},
    ),
    Kind(
        "act",
        (ELI + "LegalResource",),
        "#457b9d",
        "star",
        {"en": "Acts and documents", "ru": "Акты и документы", "kk": "Актілер мен құжаттар"},
    ),
    Kind(
        "measure",
        (KG + "SupportMeasure",),
        "#e9c46a",
        "triangle",
        {"en": "Support measures", "ru": "Меры поддержки", "kk": "Қолдау шаралары"},
    ),
    Kind(
        "indicator",
        (KG + "Indicator", KG + "IndicatorValue"),
        "#90be6d",
        "triangleDown",
        {"en": "Indicators", "ru": "Индикаторы", "kk": "Индикаторлар"},
    ),
    Kind(
        "term",
        (KG + "DefinedTerm", KG + "TermScheme"),
        "#577590",
        "ellipse",
        {"en": "Defined terms", "ru": "Понятия", "kk": "Ұғымдар"},
    ),
    Kind(
        "abbr",
        (KG + "GlossaryEntry", KG + "Glossary"),
        "#43aa8b",
        "ellipse",
        {"en": "Abbreviations", "ru": "Сокращения", "kk": "Қысқартулар"},
    ),
    Kind(
        "event",
        (ORG + "ChangeEvent",),
        "#bc4749",
        "diamond",
        {"en": "Reorganizations", "ru": "Реорганизации", "kk": "Қайта ұйымдастырулар"},
    ),
    Kind(
        "tenure",
        (KG + "RoleTenure",),
        "#ffb4a2",
        "diamond",
        {"en": "Role tenures", "ru": "Периоды исполнения ролей", "kk": "Рөлді атқару кезеңдері"},
    ),
    Kind(
        "finding",
        (KG + "OverlapFinding",),
        "#d62828",
        "triangle",
        {"en": "Overlap findings", "ru": "Пересечения полномочий", "kk": "Өкілеттік қайталанулары"},
    ),
    Kind(
        "source",
        (KG + "SourceDocument",),
        "#264653",
        "database",
        {"en": "Source documents", "ru": "Исходные документы", "kk": "Бастапқы құжаттар"},
    ),
    Kind(
        "span",
        (KG + "SourceSpan",),
        "#ced4da",
        "dot",
        {"en": "Source spans", "ru": "Фрагменты источников", "kk": "Мәтін үзінділері"},
    ),
    Kind(
        "assignment",
        (KG + "Assignment",),
        "#ced4da",
        "dot",
        {"en": "Assignments", "ru": "Назначения исполнителей", "kk": "Тағайындаулар"},
    ),
    Kind(
        "deadline",
        (KG + "Deadline", TIME + "TemporalEntity"),
        "#ced4da",
        "dot",
        {"en": "Deadlines", "ru": "Сроки", "kk": "Мерзімдер"},
    ),
    Kind(
        "concept",
        (SKOS + "Concept", SKOS + "ConceptScheme"),
        "#dee2e6",
        "dot",
        {"en": "Code list entries", "ru": "Элементы классификаторов", "kk": "Жіктеуіш элементтері"},
    ),
)
OTHER = Kind("other", (), "#adb5bd", "dot", {"en": "Other", "ru": "Прочее", "kk": "Басқа"})
BY_KEY = {k.key: k for k in KINDS} | {OTHER.key: OTHER}
ORDER = {k.key: i for i, k in enumerate(KINDS)} | {OTHER.key: len(KINDS)}

# Kinds that are plumbing of n-ary relations: the graph view folds them into
# edges and search does not offer them.
PLUMBING = frozenset({"span", "assignment", "deadline", "concept", "tenure"})


@lru_cache(maxsize=1)
def _superclasses() -> dict[str, frozenset[str]]:
    g = ontology_graph()
    out: dict[str, frozenset[str]] = {}
    for cls in set(g.subjects(RDFS.subClassOf)) | set(g.objects(None, RDFS.subClassOf)):
        if isinstance(cls, URIRef):
            out[str(cls)] = frozenset(str(c) for c in g.transitive_objects(cls, RDFS.subClassOf))
    return out


@lru_cache(maxsize=4096)
def kind_of_class(cls: str) -> str:
    ancestors = _superclasses().get(cls, frozenset({cls}))
    for kind in KINDS:
        if any(root in ancestors for root in kind.roots):
            return kind.key
    return OTHER.key


def kind_of(types: Iterable[str]) -> str:
    """The kind of a resource from all its rdf:types (most specific kind wins)."""
    keys = [kind_of_class(t) for t in types]
    return min(keys, key=ORDER.__getitem__) if keys else OTHER.key


def kind_name(key: str, lang: str) -> str:
    return BY_KEY.get(key, OTHER).names.get(lang) or BY_KEY.get(key, OTHER).names["en"]
