"""Every power a law grants, and to whom (helper of `kgraph.sources.law`).

Two ways a law grants a power:

* **a list given to a body** (`listed`; which lists, `kgraph.sources.law_lists`): the items of a list whose lead-in
  names the body or role and nothing else but a qualifier («Правительство
  Республики Казахстан:», «Национальный институт развития в области
  технологического развития:», «Уполномоченный орган в пределах своей
  компетенции:», «X осуществляет следующие функции:», «К компетенции X
  относятся:», «X-ның құзыретіне … жатады:») — one competence per item, in
  any article;
* **a sentence whose agent is a body or role** (`in_sentences`): the subject of
  the clause's verb («Правительство утверждает правила …», «Уполномоченный
  орган … вправе …», «… Үкімет бекітеді»), or the instrumental agent of a
  passive verb («… утверждаются Правительством»). A body named inside a
  participial phrase («в порядке, определяемом уполномоченным органом»), after
  a preposition («с уполномоченным органом») or in a clause that only defines
  («является …») is not empowered. Several such sentences of one paragraph or
  item make one competence per role. Who a sentence empowers is told by
  `kgraph.sources.law_agents`.

Excluded and not-yet-in-force items never give competences. `operators` groups
the functions of each national operator / development institute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import ClassVar

from kgraph.lang import (
    base_forms,
    clause_words,
    fold,
    has_kazakh,
    ru_adjective,
    ru_singular_nominative,
)
from kgraph.lang.powers import CORPORATE_ORGAN, RESIDUAL_IN_LAW, SUPRANATIONAL
from kgraph.records import Span
from kgraph.sources import law_bodies
from kgraph.sources.law_agents import agents
from kgraph.sources.law_lists import body_name, enumerates_bodies, listed_subjects, runs_through
from kgraph.sources.law_structure import ItemList, Structure
from kgraph.sources.law_support import sentences
from kgraph.text import collapse

# Words joining alternative modifiers of one noun («специальной экономической или индустриальной зоны»).
ALTERNATIVE_JOINERS = frozenset({"или", "либо", "немесе"})
# A national operator or development institute named with its field; a single operator or centre the
# law designates for a whole field ("единый координационный центр", "бірыңғай үйлестіру орталығы").
OPERATOR_NAME = re.compile(
    r"национальн\w*\s+(?:оператор|институт\w*\s+развития)|ұлттық\s+(?:оператор|даму\s+институт)"
    r"|един\w*\s+(?:\w+\s+)?(?:оператор|центр)|бірыңғай\s+(?:\w+\s+)?(?:оператор|орталы)",
    re.I,
)
# The catch-all item: "... өзге де өкілеттіктерді жүзеге асырады" / "осуществляет иные полномочия".
# Determiners inside a Russian name are no part of it ("управляющей компанией соответствующей … зоны").
DETERMINERS = frozenset(
    {"соответствующий", "соответствовать", "указанный", "указать", "данный", "такой", "этот", "тот", "иной", "каждый"}
)
# A Kazakh name this short (a modifier and its noun) may stand for a fuller one in view.
KK_SHORT_NAME = 2


@dataclass(frozen=True)
class Competence:
    kind: ClassVar[str] = "competence"
    article: str
    paragraph: str | None
    item: str | None  # None for a power granted in a sentence outside any item
    role: str | None  # role slug; None for a body the role table does not know
    text: str
    residual: bool
    body: str  # the body or role as the text names it
    span: Span


@dataclass(frozen=True)
class Operator:
    kind: ClassVar[str] = "operator"
    role: str | None  # None for an institute whose field the role table does not know (see `body`)
    article: str
    functions: tuple[str, ...]
    span: Span
    paragraph: str | None = None
    body: str = ""  # the operator or institute as the law names it


# --- lists given to a body ---------------------------------------------------------------


def listed(owned: list[tuple[ItemList, str | None, str]]) -> list[Competence]:
    """One competence per live item of the lists given to a body."""
    out = []
    for lst, role, body in owned:
        for it in lst.items:
            if not (it.excluded or it.pending):
                residual = bool(RESIDUAL_IN_LAW.search(it.text))
                out.append(Competence(lst.article, lst.paragraph, it.number, role, it.text, residual, body, it.span))
    return out


# --- powers in sentences -------------------------------------------------------------------


def in_sentences(
    doc: Structure,
    fields: dict[str, str],
    lang: str,
    skip: set[str],
    owned: list[ItemList],
    aliases: dict[str, str] | None = None,
) -> list[Competence]:
    """One competence per (article, paragraph, item, role) for the sentences that empower a body.

    `skip`: articles not to read (the definitions); `owned`: the lists given to a body,
    whose lead-ins and items are already competences."""
    drafts: dict[tuple, list] = {}
    running = [lst for lst in doc.lists if lst not in owned and runs_through(lst, lang)]
    leads = [lst.lead_span for lst in (*owned, *running) if lst.lead_span]
    taken = {(it.article, it.paragraph, it.number) for lst in (*owned, *running) for it in lst.items}
    for lst in running:  # one sentence: the lead-in, the items and the verb after the last one
        if lst.article in skip or enumerates_bodies(lst, aliases):
            continue
        sentence = lst.lead + " " + "; ".join(it.text for it in lst.items if not (it.excluded or it.pending))
        span = (lst.lead_span[0], lst.items[-1].span[1])
        for m in agents(sentence, lang, fields, aliases):
            drafts.setdefault((lst.article, lst.paragraph, None, m.key), [m, body_name(sentence, m), [sentence], span])
    for lst in doc.lists:  # "Мониторинг … осуществляют: 1) технические комитеты …; 2) национальный орган …"
        if lst in owned or lst in running or lst.article in skip or not lst.lead_span:
            continue
        subjects = listed_subjects(lst, lang, fields, aliases)
        sentence = lst.lead + " " + "; ".join(it.text for it in lst.items if not (it.excluded or it.pending))
        for text, m in subjects:
            key = (lst.article, lst.paragraph, None, m.key)
            drafts.setdefault(key, [m, body_name(text, m), [sentence], (lst.lead_span[0], lst.items[-1].span[1])])
    dead = {(it.article, it.paragraph, it.number) for it in doc.items if it.excluded or it.pending}
    for u in doc.units:
        if u.footnote or u.article in skip:
            continue
        key = (u.article, u.paragraph, u.item)
        if u.item is not None and (key in taken or key in dead):
            continue
        for sentence, span in sentences(doc.text[u.start : u.end], u.start):
            if any(a <= span[0] < b for a, b in leads):
                continue  # the lead-in of a list given to a body
            for m in agents(sentence, lang, fields, aliases):
                draft = drafts.setdefault((*key, m.key), [m, body_name(sentence, m), [], span])
                draft[2].append(collapse(sentence))
                draft[3] = (min(draft[3][0], span[0]), max(draft[3][1], span[1]))
    out = []
    for (article, paragraph, item, _key), (m, body, texts, span) in drafts.items():
        text = _clean(" ".join(texts))
        out.append(Competence(article, paragraph, item, m.role, text, bool(RESIDUAL_IN_LAW.search(text)), body, span))
    return out


def _clean(sentence: str) -> str:
    return collapse(sentence).rstrip(" .;:")


def in_context(comps: list[Competence], doc: Structure, defined: list[str] = ()) -> list[Competence]:
    """Organisations named by name, each under the one name the law knows it by.

    * A name that runs on past a term the law defines ("экспертным советом отрицательного
      заключения") is that term ("экспертный совет");
    * a shorter name ("Управляющая компания") is the organisation its article named last in full
      before it ("управляющая компания специальной экономической зоны"), the title included: the
      shorter name of two organisations stands for the one in view;
    * the sentences of one paragraph or item that empower one organisation, under any case form of
      its name, make one competence."""
    spans = {a.number: a.span for a in doc.articles}
    # a plural term names a class ("национальные операторы космических систем"): a name running on
    # past it names one of its members ("национальным оператором космической системы связи")
    named = {tuple(base_forms(d, "ru")): collapse(d) for d in defined if not has_kazakh(d) and not _plural_term(d)}
    terms = [list(t) for t in named if t]
    kk_terms = {tuple(base_forms(d, "kk")) for d in defined if has_kazakh(d)}
    merged: dict[tuple, Competence] = {}
    for c in comps:
        before = doc.text[spans[c.article][0] : c.span[0]] if c.article in spans else ""
        if c.role is None and c.body and not has_kazakh(c.body):
            body = _defined(c.body, terms, named)
            c = replace(c, body=_fuller(body, before, terms) or body)
        elif c.role is None and c.body and len(c.body.split()) <= KK_SHORT_NAME:
            c = replace(c, body=_kk_fuller(c.body, before, kk_terms) or c.body)
        key = (
            c.article,
            c.paragraph,
            c.item,
            c.role or tuple(base_forms(c.body, "kk" if has_kazakh(c.body) else "ru")),
        )
        old = merged.get(key)
        if old is None:
            merged[key] = c
            continue
        text = old.text if c.text in old.text else f"{old.text} {c.text}"
        span = (min(old.span[0], c.span[0]), max(old.span[1], c.span[1]))
        merged[key] = replace(old, text=text, span=span, residual=old.residual or c.residual)
    return list(merged.values())


def distributed(comps: list[Competence]) -> list[Competence]:
    """A name whose modifiers are alternatives sharing one noun names two bodies: «управляющая компания
    специальной экономической или индустриальной зоны» is the management company of a special
    economic zone and that of an industrial zone (kk «Арнайы экономикалық немесе индустриялық аймақтың
    басқарушы компаниясы»); the power is each one's."""
    out = []
    for c in comps:
        names = _alternatives(c.body) if c.role is None and c.body else []
        out.extend(replace(c, body=n) for n in names) if names else out.append(c)
    return out


def _alternatives(name: str) -> list[str]:
    words = name.split()
    joins = [i for i, w in enumerate(words) if w.lower() in ALTERNATIVE_JOINERS]
    if len(joins) != 1:
        return []
    i, kazakh = joins[0], has_kazakh(name)
    kk_adjective = lambda w: (
        bool(law_bodies.KK_MODIFIER.match(w.lower())) or w.lower() in law_bodies.KK_PLAIN_ADJECTIVES
    )
    adjective = kk_adjective if kazakh else ru_adjective
    k = i
    while k > 0 and adjective(words[k - 1]):
        k -= 1
    j = i + 1
    while j < len(words) and adjective(words[j]):
        j += 1
    if k == i or j == i + 1 or j >= len(words) or (not kazakh and (k == 0 or j != len(words) - 1)):
        return []  # Russian: the head noun, the alternatives, their one genitive noun
    head, tail = words[:k], words[j:]
    return [" ".join(head + words[k:i] + tail), " ".join(head + words[i + 1 : j] + tail)]


def public(comps: list[Competence], private_terms: list[str]) -> list[Competence]:
    """The powers of public bodies only: not of a company's organs (its board of directors, its
    general meeting: `CORPORATE_ORGAN`), nor of an organisation the law defines as made by a private
    owner (`private_terms`: "управляющая компания особой индустриальной зоны – юридическое лицо,
    создаваемое … собственником …"), under any case form of its name."""
    private = {tuple(base_forms(t, "kk" if has_kazakh(t) else "ru")) for t in private_terms}
    out = []
    for c in comps:
        name = tuple(base_forms(c.body, "kk" if has_kazakh(c.body) else "ru")) if c.body else ()
        if c.role is None and (CORPORATE_ORGAN.search(fold(c.body)) or name in private or _supranational(c.body)):
            continue
        out.append(c)
    return out


def _plural_term(term: str) -> bool:
    """Is a Russian term's head noun (its first word not an adjective) plural?"""
    head = next((w for w, _, _ in clause_words(term) if not ru_adjective(w)), None)
    return bool(head) and not ru_singular_nominative(head)


def _supranational(body: str) -> bool:
    """Is a body above or outside the state («Евразийская экономическая комиссия»): its name opens with
    the mark (Russian) or has it before the head noun (Kazakh)?"""
    words = body.split()
    return bool(words) and any(SUPRANATIONAL.match(w) for w in words[:2])


def _defined(name: str, terms: list[list[str]], named: dict[tuple, str] | None = None) -> str:
    """The name cut after the longest defined term it starts with (Russian word order); a determiner
    inside it ("управляющей компанией соответствующей индустриальной зоны") is no part of the name.
    A name that only one longer term starts with («Уполномоченный орган по реализации государственной
    политики», its field cut off) is that term (`named`: a term's lemmas -> the term)."""
    words = [
        w
        for w in clause_words(name)
        if base_forms(w[0], "ru")[:1] != [] and base_forms(w[0], "ru")[0] not in DETERMINERS
    ]
    lemmas = [base_forms(w, "ru")[0] for w, _, _ in words]
    best = max((len(t) for t in terms if len(t) <= len(lemmas) and lemmas[: len(t)] == t), default=0)
    longer = [t for t in terms if len(t) > len(lemmas) > best and t[: len(lemmas)] == lemmas]
    if named and best and len(longer) == 1:
        return named[tuple(longer[0])]
    if not best or (best == len(lemmas) and len(words) == len(clause_words(name))):
        return name
    return " ".join(w for w, _, _ in words[:best])


def _fuller(name: str, before: str, terms: list[list[str]]) -> str | None:
    """The last organisation named in `before` whose name starts with `name`'s words (Russian: the
    head noun comes first, its genitive complements after it)."""
    words = base_forms(name, "ru")
    if not words:
        return None
    for n in reversed(law_bodies.named_bodies(before)):
        full_name = _defined(collapse(n.name), terms)
        full = base_forms(full_name, "ru")
        if len(full) > len(words) and full[: len(words)] == words:
            return full_name
    return None


def _kk_fuller(name: str, before: str, terms: set[tuple[str, ...]]) -> str | None:
    """Kazakh: the last organisation named in `before` by a term the law defines whose name ends with
    `name`'s words (the head noun comes last: "басқарушы компания" for "арнайы экономикалық аймақтың
    басқарушы компаниясы")."""
    words = base_forms(name, "kk")
    for n in reversed(law_bodies.named_bodies(before)):
        full = base_forms(n.name, "kk")
        if len(full) > len(words) and full[-len(words) :] == words and tuple(full) in terms:
            return collapse(n.name)
    return None


def operators(comps: list[Competence]) -> list[Operator]:
    """The listed functions of each national operator / development institute (by its role, or by
    its name when its field is not one the role table knows)."""
    out: dict[str, Operator] = {}
    for c in comps:
        operator = (c.role or "").startswith("national-operator-") or (not c.role and OPERATOR_NAME.search(c.body))
        if not operator or c.item is None:
            continue
        key = c.role or c.body.casefold()
        op = out.get(key)
        if op is None:
            out[key] = Operator(c.role, c.article, (c.item,), c.span, c.paragraph, c.body)
        elif (op.article, op.paragraph) == (c.article, c.paragraph):
            out[key] = Operator(
                c.role, c.article, op.functions + (c.item,), (op.span[0], c.span[1]), op.paragraph, op.body
            )
    return list(out.values())


__all__ = [
    "Competence",
    "Operator",
    "agents",
    "distributed",
    "in_context",
    "in_sentences",
    "listed",
    "operators",
    "public",
]
