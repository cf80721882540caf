"""Laws, Kazakh and Russian alike: structure, definitions, competences,
national operators, support measures, cross-references, repeal, entry into force.

`parse(text, meta)` reads the *normalized* text (leading spaces kept). The
structure (chapters, articles, paragraphs, items) is read by
`kgraph.sources.law_structure`; definitions, competences and national
operators here; roles, references, repeal and entry into force in
`kgraph.sources.law_support`; support measures in `kgraph.sources.law_measures`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from kgraph.records import DocumentMeta, Span
from kgraph.sources import law_measures, law_support
from kgraph.sources.law_measures import Measure
from kgraph.sources.law_structure import Structure, read_structure
from kgraph.sources.law_support import FIELDED, FIELDS, CrossRef, EntryIntoForce, Repeal, role_mentions
from kgraph.text import collapse

# --- content patterns --------------------------------------------------------------

# The article of definitions: "негізгі ұғымдар" / "Основные понятия".
DEFINITIONS_TITLE = re.compile(r"ұғымдар|понят|термин", re.I)
# Term – definition separator (en dash, em dash or hyphen between spaces).
DEFINITION_DASH = re.compile(r"\s[–—-]\s")
# "(бұдан әрі – технопарк)" / "(далее – технопарк)": an alias, not part of the term.
ALIAS = re.compile(r"\s*\((?:бұдан\s+әрі|далее)[^)]*\)", re.I)
# Lead-ins of a body's list: a competence word, or just "<body> [qualifier]:".
COMPETENCE_WORDS = re.compile(r"міндеттер|функция|құзырет|өкілеттік|задач|функци|компетенц|полномочи", re.I)
QUALIFIER = re.compile(
    r"^\s*(?:өз\s+(?:өкілеттіктері|құзыреті)\s+(?:шектерінде|шегінде|шеңберінде)"
    r"|в\s+пределах\s+(?:своей\s+компетенции|своих\s+полномочий)"
    r"|осуществляет(?:\s+следующие)?\s+(?:функции|полномочия)|жүзеге\s+асырады)?\s*:\s*$",
    re.I,
)
# The catch-all item: "... өзге де өкілеттіктерді жүзеге асырады" / "осуществляет иные полномочия".
RESIDUAL = re.compile(r"өзге\s+де\s+(?:өкілеттіктер|функциялар)|ин(?:ые|ых)\s+(?:полномочи|функци)", re.I)
# A body the role table does not know, named as the owner of the competence:
# "X-ның құзыретіне (мыналар жатады):", "К компетенции X относятся:", "X осуществляет следующие функции:".
BODY_IN_LEAD = [
    re.compile(
        r"^(?:Мыналар\s+)?(?P<body>[^:]+?)(?:ның|нің|дың|дің|тың|тің)\s+(?:негізгі\s+)?"
        r"(?:құзыретіне|міндеттеріне|функцияларына|міндеттері|функциялары)"
    ),
    re.compile(r"^К\s+(?:компетенции|функциям|задачам)\s+(?P<body>[^:]+?)\s+относ"),
    re.compile(r"^(?P<body>[^:]+?)\s+(?:осуществляет|выполняет)\s+следующие\s+(?:функции|полномочия)"),
]
# ... and that body must be an organisation: "орталығы", "комиссия", "центр", "фонд" ...
ORGANISATION_NOUN = re.compile(
    r"орталы|кеңес|комиссия|агентті|министрлі|орган|холдинг|қоры|банк|институт|ұйым|кәсіпорн|компания|академия|әкімдік"
    r"|центр|совет|агентств|министерств|фонд|организаци|предприяти|акимат|палат|служб",
    re.I,
)
# A finite Russian verb: a lead-in "<body> <verb> …:" does not just name the body.
RU_FINITE_VERB = re.compile(r"[а-я]+(?:ет|ют|ит|ят|ется|ются|ится|ятся|ал|ала|али)(?![а-я])", re.I)


# --- records -----------------------------------------------------------------------


@dataclass(frozen=True)
class Definition:
    kind: ClassVar[str] = "definition"
    article: str
    item: str
    term: str
    definition: str
    span: Span


@dataclass(frozen=True)
class Competence:
    kind: ClassVar[str] = "competence"
    article: str
    paragraph: str | None
    item: str
    role: str | None  # role slug; None for a body the role table does not know
    text: str
    residual: bool
    body: str  # the body as the lead-in names it
    span: Span


@dataclass(frozen=True)
class Operator:
    kind: ClassVar[str] = "operator"
    role: str
    article: str
    functions: tuple[str, ...]
    span: Span


# --- content -------------------------------------------------------------------------


def definitions(doc: Structure) -> list[Definition]:
    out = []
    for art in doc.articles:
        if not DEFINITIONS_TITLE.search(art.title):
            continue
        for lst in doc.lists_in(art.number):
            for it in lst.items:
                term, definition = _split_definition(it.text)
                if term and definition and not it.excluded:
                    out.append(Definition(art.number, it.number, term, definition, it.span))
    return out


def _split_definition(text: str) -> tuple[str | None, str | None]:
    """Split "term (alias) – definition" at the first dash outside brackets."""
    depth = 0
    for m in DEFINITION_DASH.finditer(text):
        depth = text[: m.start()].count("(") - text[: m.start()].count(")")
        if depth == 0:
            return ALIAS.sub("", text[: m.start()]).strip(), text[m.end() :].strip()
    return None, None


def default_fields(defs: list[Definition]) -> dict[str, str]:
    """Fields of bare role terms defined by the law ("уполномоченный орган – … в области X")."""
    out = {}
    for d in defs:
        named = role_mentions(d.term)
        if len(named) == 1 and named[0].role in FIELDED:
            hit = min(((m.start(), slug) for p, slug in FIELDS for m in p.finditer(d.definition)), default=None)
            if hit:
                out[named[0].role] = hit[1]
    return out


def _title_names_body(title: str, fields: dict[str, str]) -> bool:
    return bool(role_mentions(title, fields)) or bool(COMPETENCE_WORDS.search(title))


def competences(doc: Structure, fields: dict[str, str]) -> list[Competence]:
    """One competence per item of a list that a body's lead-in introduces."""
    out = []
    for lst in doc.lists:
        art = next(a for a in doc.articles if a.number == lst.article)
        if not lst.lead:
            continue
        named = role_mentions(lst.lead, fields)
        owner = next((m for p in BODY_IN_LEAD if (m := p.search(lst.lead))), None)
        if owner and ORGANISATION_NOUN.search(owner["body"]) and (not named or named[0].role in FIELDED):
            # "К компетенции Национального научного совета": a council (or body) without a known field
            # is not the generic role "council" but a body to resolve by its name.
            role, name = None, owner["body"]
        elif named:
            if not (_title_names_body(art.title, fields) or COMPETENCE_WORDS.search(lst.lead)):
                continue
            body, rest = named[0], lst.lead[named[0].end :]
            # Russian names run on after the role noun ("Местные исполнительные органы областей, …:").
            names_only = body.side == "after" and rest.rstrip().endswith(":") and not RU_FINITE_VERB.search(rest)
            if not (QUALIFIER.match(rest) or COMPETENCE_WORDS.search(lst.lead) or names_only):
                continue
            role, name = body.role, lst.lead[body.start : body.end]
        else:
            continue
        for it in lst.items:
            if not it.excluded:
                out.append(
                    Competence(
                        lst.article,
                        lst.paragraph,
                        it.number,
                        role,
                        it.text,
                        bool(RESIDUAL.search(it.text)),
                        collapse(name),
                        it.span,
                    )
                )
    return out


def operators(comps: list[Competence]) -> list[Operator]:
    out: dict[str, Operator] = {}
    for c in comps:
        if c.role and c.role.startswith("national-operator-"):
            op = out.get(c.role)
            if op is None:
                out[c.role] = Operator(c.role, c.article, (c.item,), c.span)
            elif op.article == c.article:
                out[c.role] = Operator(c.role, c.article, op.functions + (c.item,), (op.span[0], c.span[1]))
    return list(out.values())


def parse(text: str, meta: DocumentMeta) -> list:
    """Every record of a law, in document order within each kind."""
    doc = read_structure(text)
    defs = definitions(doc)
    fields = default_fields(defs)
    comps = competences(doc, fields)
    records: list = [*doc.chapters, *doc.articles, *doc.paragraphs, *doc.items, *defs, *comps]
    records += operators(comps)
    records += law_support.crossrefs(doc)
    records += law_support.repeals(doc)
    records += law_support.entry_into_force(doc)
    records += law_measures.measures(doc, comps, fields)
    return records


__all__ = ["Competence", "CrossRef", "Definition", "EntryIntoForce", "Measure", "Operator", "Repeal", "parse"]
