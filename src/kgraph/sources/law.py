"""Laws, Kazakh and Russian alike: structure, definitions, competences,
national operators, support measures, amendments, cross-references, repeal,
entry into force.

`parse(text, meta)` reads the *normalized* text (leading spaces kept). The
structure (chapters, articles, paragraphs, items, exclusions) is read by
`kgraph.sources.law_structure`; definitions and amendment footnotes here;
the powers a law grants and the national operators in
`kgraph.sources.law_powers`; roles, references, repeal and entry into force
in `kgraph.sources.law_support`; support measures in `kgraph.sources.law_measures`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import ClassVar

from kgraph.amendments import acts_in, find_amendments
from kgraph.lang import PENDING_ITEM, UNITS, base_forms, detect_lang, has_kazakh
from kgraph.lang.powers import PRIVATE_MAKER, PUBLIC_TIE, private_person
from kgraph.records import DocumentMeta, Span
from kgraph.sources import law_bodies, law_lists, law_measures, law_powers, law_support
from kgraph.sources.law_measures import Measure
from kgraph.sources.law_powers import Competence, Operator
from kgraph.sources.law_roles import FIELDED, FIELDS, defined_roles, role_aliases, role_mentions
from kgraph.sources.law_structure import Excluded, Structure, read_structure
from kgraph.sources.law_support import CrossRef, EntryIntoForce, Repeal
from kgraph.text import collapse

# --- content patterns --------------------------------------------------------------

# The article of definitions: "негізгі ұғымдар" / "Основные понятия".
DEFINITIONS_TITLE = re.compile(r"ұғымдар|понят|термин", re.I)
# Term – definition separator (en dash, em dash or hyphen between spaces; also ", –").
DEFINITION_DASH = re.compile(r"\s?[,]?\s[–—−-]\s")
# "(бұдан әрі – технопарк)" / "(далее – технопарк)": an alias, not part of the term.
ALIAS = re.compile(r"\s*\((?:бұдан\s+әрі|далее)[^)]*\)", re.I)
SHORT_FORM = re.compile(r"\((?:бұдан\s+әр[іi]|далее)\s*[-–—]+\s*(?P<short>[^()]+?)\s*\)", re.I)
# What an amendment footnote names as changed: "Статья 4", "пункта 2 статьи 5", "4-бапқа", "1-тармаққа",
# "3) тармақшасына" / "подпункт 3)".
_ARTICLE, _PARAGRAPH, _ITEM = UNITS["article"], UNITS["paragraph"], UNITS["subparagraph"]
_N = r"\d{1,3}(?:-\d{1,3})*"
TARGET_ARTICLE = re.compile(rf"{_ARTICLE.forms('ru')}\s+(?P<n>{_N})|(?P<k>{_N})-{_ARTICLE.forms('kk')}")
TARGET_PARAGRAPH = re.compile(rf"{_PARAGRAPH.forms('ru')}\s+(?P<n>{_N})|(?P<k>{_N})-{_PARAGRAPH.forms('kk')}")
TARGET_ITEM = re.compile(rf"{_ITEM.forms('ru')}\s+(?P<n>{_N})\)?|(?P<k>{_N})\)\s*{_ITEM.forms('kk')}")
# A portal note at the head of the act saying it lost force: "Утрачивает силу Кодексом РК от …",
# "Заңның күшін жою көзделген - ҚР … Кодексімен".
REPEAL_NOTE = re.compile(r"[Уу]трачивает\s+силу|[Уу]тратил\s+силу|күш[іи]н\s+жою|күші\s+жойыл", re.I)


# --- records -----------------------------------------------------------------------


@dataclass(frozen=True)
class Definition:
    kind: ClassVar[str] = "definition"
    article: str
    item: str
    term: str
    definition: str
    span: Span
    short: str | None = None  # the short form the term is given: "(далее – уполномоченный орган)"


@dataclass(frozen=True)
class LawAmendment:
    """One act named by an amendment footnote of a law, and the subdivision the footnote changed
    (article, paragraph and item all None: the act itself)."""

    kind: ClassVar[str] = "amendment"
    article: str | None
    paragraph: str | None
    item: str | None
    act_kind: str
    act_date: str | None  # ISO date
    act_number: str | None
    change: str  # amended | revised | excluded | supplemented | repeal
    span: Span
    effect: str | None = None  # "repeal" for the note that the act lost force


# --- content -------------------------------------------------------------------------


def definitions(doc: Structure) -> list[Definition]:
    out = []
    for art in doc.articles:
        if not art.title or not DEFINITIONS_TITLE.search(art.title):
            continue
        for lst in doc.lists_in(art.number):
            for it in lst.items:
                term, definition = _split_definition(it.text)
                if term and definition and not (it.excluded or it.pending):
                    short = SHORT_FORM.search(it.text[: len(it.text) - len(definition)])
                    out.append(
                        Definition(art.number, it.number, term, definition, it.span, short["short"] if short else None)
                    )
    return out


def _split_definition(text: str) -> tuple[str | None, str | None]:
    """Split "term (alias) – definition" at the first dash outside brackets."""
    for m in DEFINITION_DASH.finditer(text):
        depth = text[: m.start()].count("(") - text[: m.start()].count(")")
        if depth == 0:
            return ALIAS.sub("", text[: m.start()]).strip(" ,"), text[m.end() :].strip()
    return None, None


def default_fields(defs: list[Definition]) -> dict[str, str]:
    """Fields of bare role terms defined by the law: "уполномоченный орган – … в области X", or
    "уполномоченный орган в области X (далее – уполномоченный орган) – …"."""
    out = {}
    for d in defs:
        named = role_mentions(d.term)
        if len(named) != 1:
            continue
        kind, field = named[0].role, None
        if kind in FIELDED:
            hit = min(((m.start(), slug) for p, slug in FIELDS for m in p.finditer(d.definition)), default=None)
            field = hit[1] if hit else None
        elif kind and d.short and (bare := role_mentions(d.short)) and bare[0].role in FIELDED:
            kind, field = bare[0].role, named[0].role.removeprefix(bare[0].role + "-")
            field = field if field != named[0].role else None
        if field:
            out[kind] = field
    return out


def short_form_fields(text: str) -> dict[str, str]:
    """Fields of bare role terms a law shortens in its text: "уполномоченного органа в области науки
    (далее – уполномоченный орган)", "ғылым саласындағы уәкілетті орган (бұдан әрі – уәкілетті орган)"."""
    out: dict[str, str] = {}
    for m in SHORT_FORM.finditer(text):
        bare = role_mentions(m["short"])
        if len(bare) != 1 or bare[0].role not in FIELDED:
            continue
        before = [r for r in role_mentions(text[max(0, m.start() - 200) : m.start()]) if r.role]
        if before and before[-1].role.startswith(bare[0].role + "-"):
            out.setdefault(bare[0].role, before[-1].role.removeprefix(bare[0].role + "-"))
    return out


def competences(doc: Structure, fields: dict[str, str], lang: str | None = None) -> list[Competence]:
    """Every power the law grants: the lists given to a body, then the sentences that empower one."""
    # short forms the law defines; then the shorter names of organisations it names in full
    # in a definition or an article's title ("межведомственная комиссия [по промышленной политике]");
    # the short form of a role whose field the table does not know ("(далее – уполномоченный орган)")
    defs = definitions(doc)
    full = [d.term for d in defs] + [a.title for a in doc.articles if a.title]
    aliases = law_bodies.shortened(full) | law_bodies.aliases(doc.text) | role_aliases(doc.text)
    aliases |= defined_roles([(d.term, d.definition) for d in defs])  # the law's own public actors
    aliases = law_bodies.bracket_shortened(doc.text) | aliases  # "конкурсная комиссия" for "конкурсная (аукционная) …"
    # an article titled by an organisation's name alone names it ("Мемлекеттік-жекешелік әріптестікті дамыту орталығы")
    aliases = {t: t for a in doc.articles if (t := law_bodies.titled_name(a.title or ""))} | aliases
    lang = lang or detect_lang(doc.text)
    owned = law_lists.owned_lists(doc, fields, aliases, lang)
    skip = {a.number for a in doc.articles if a.title and DEFINITIONS_TITLE.search(a.title)}
    found = law_powers.listed(owned)
    found += law_powers.in_sentences(doc, fields, lang, skip, [o[0] for o in owned], aliases)
    found = law_powers.distributed(law_powers.in_context(found, doc, [d.term for d in defs]))
    # made by a private owner; a natural person or entrepreneur doing business; or tied to no state at
    # all, unless the law names the list its competence («К компетенции технических экспертов … относятся:»)
    declared = {_lemmas(body) for lst, _, body in owned if law_lists.OWN_COMPETENCE_WORD.search(lst.lead or "")}
    private = [
        d.term
        for d in defs
        if PRIVATE_MAKER.search(d.definition)
        or (
            (private_person(d.definition, has_kazakh(d.term + d.definition)) or not PUBLIC_TIE.search(d.definition))
            and not any(_lemmas(d.term)[: len(b)] == b for b in declared if b)
        )
    ]
    return sorted(law_powers.public(_full_names(found, defs), private), key=lambda c: c.span)


def _lemmas(name: str) -> tuple[str, ...]:
    return tuple(base_forms(name, "kk" if has_kazakh(name) else "ru"))


def _full_names(comps: list[Competence], defs: list[Definition]) -> list[Competence]:
    """A body named by the short form the law defines for a full name its role table does not know
    ("уполномоченный орган в сфере стандартизации (далее – уполномоченный орган)") is that full name."""
    lang = lambda text: "kk" if has_kazakh(text) else "ru"
    full = {tuple(base_forms(d.short, lang(d.short))): d.term for d in defs if d.short}
    out = []
    for c in comps:
        name = full.get(tuple(base_forms(c.body, lang(c.body)))) if c.role is None and c.body else None
        out.append(dataclasses.replace(c, body=name) if name else c)
    return out


def amendments(doc: Structure) -> list[LawAmendment]:
    """One record per act an amendment footnote names, on the subdivision it names; and the
    portal's note that the act lost force, on the act itself."""
    out = []
    paragraphs = {(p.article, p.number) for p in doc.paragraphs}
    for u in doc.footnotes():
        text = doc.text[u.start : u.end]
        for a in find_amendments(text):
            target = _target(a.target_text, u.article, u.paragraph)
            if target[1] and target[2] is None and (target[0], target[1]) not in paragraphs:
                target = (target[0], None, None)  # "1-тармаққа" of an article without numbered paragraphs
            # an act is named with its number; a bare date is when a provision comes into force
            for act in (act for act in a.acts if act.number):
                date = act.date.isoformat() if act.date else None
                out.append(LawAmendment(*target, act.kind, date, act.number, a.change, (u.start, u.end)))
    # a provision printed only as "вводится в действие с … в соответствии с Законом РК от … № …":
    # the act that inserted it
    pending = [(i.article, i.paragraph, i.number, i.text, i.span) for i in doc.items if i.pending]
    pending += [(p.article, p.number, None, p.text, p.span) for p in doc.paragraphs if PENDING_ITEM.match(p.text)]
    for article, paragraph, item, text, span in pending:
        for act in acts_in(text):
            if act.number:
                date = act.date.isoformat() if act.date else None
                out.append(LawAmendment(article, paragraph, item, act.kind, date, act.number, "supplemented", span))
    for article, span in doc.notes:
        note = collapse(doc.text[span[0] : span[1]])
        said = REPEAL_NOTE.search(note)
        if article is None and said:
            for act in acts_in(note[said.end() :]):
                date = act.date.isoformat() if act.date else None
                out.append(LawAmendment(None, None, None, act.kind, date, act.number, "repeal", span, "repeal"))
    return out


def _target(words: str, article: str | None, paragraph: str | None) -> tuple[str | None, str | None, str | None]:
    """(article, paragraph, item) a footnote's words name, read where the footnote stands."""
    art, para, item = (TARGET_ARTICLE.search(words), TARGET_PARAGRAPH.search(words), TARGET_ITEM.search(words))

    def num(m: re.Match[str] | None) -> str | None:
        return (m["n"] or m["k"]) if m else None

    if art and not para and not item:
        return num(art), None, None
    if para or item:
        return num(art) or article, num(para) or (paragraph if item else None), num(item)
    return article, None, None


def parse(text: str, meta: DocumentMeta) -> list:
    """Every record of a law, in document order within each kind."""
    doc = read_structure(text)
    defs = definitions(doc)
    fields = short_form_fields(text) | default_fields(defs)
    comps = competences(doc, fields)
    records: list = [*doc.chapters, *doc.articles, *doc.paragraphs, *doc.items, *doc.excluded, *defs, *comps]
    records += law_powers.operators(comps)
    records += amendments(doc)
    records += law_support.crossrefs(doc)
    records += law_support.repeals(doc)
    records += law_support.entry_into_force(doc)
    records += law_measures.measures(doc, comps, fields)
    return records


__all__ = [
    "Competence",
    "CrossRef",
    "Definition",
    "EntryIntoForce",
    "Excluded",
    "LawAmendment",
    "Measure",
    "Operator",
    "Repeal",
    "competences",
    "parse",
]
