"""The lists a law gives to a body (helper of `kgraph.sources.law_powers`).

A list is a body's when its lead-in names the body or role and nothing else but a
qualifier («Правительство Республики Казахстан:», «Уполномоченный орган в пределах
своей компетенции:», «X осуществляет следующие функции:», «К компетенции X
относятся:», «X-ның құзыретіне … жатады:»), or when its items complete the verb of a
lead-in whose agent is a body («… осуществляется уполномоченным органом путем: 1) …»).
A list one sentence runs through (its verb after the last item) is one power, unless
its lead-in is one body whose objects the items are; a list of the bodies themselves
(«… құрылымын: 1) Үкіметі; … құрайды») grants nothing. `owned_lists(doc, …)` gives
(list, role, body) for every list given to a body. Pure.
"""

from __future__ import annotations

import re

from kgraph.lang import (
    KK_CASE,
    OWN_COMPETENCE,
    RU_ADVERBIAL_OPENING,
    alternation,
    clause_words,
    has_kazakh,
    predicates,
    repair_homoglyphs,
    ru_adjective,
    ru_case,
    ru_preposition,
)
from kgraph.sources import law_bodies
from kgraph.sources.law_agents import KK_LIGHT_VERB_NOUNS, KK_PARTICIPLE_WORD, agents
from kgraph.sources.law_roles import FIELDED, RoleMention, role_mentions
from kgraph.sources.law_structure import ItemList, Structure
from kgraph.text import collapse

# Lead-ins of a body's list: a competence word.
COMPETENCE_WORDS = re.compile(
    r"міндет(?:тер|і(?![а-яәғқңөұүһі]))|функция|құзырет|өкілеттік|задач|функци|компетенц|полномочи", re.I
)
QUALIFIER = re.compile(
    r"^\s*(?:өз\s+(?:өкілеттіктері|құзыреті)\s+(?:шектерінде|шегінде|шеңберінде)"
    r"|в\s+пределах\s+(?:своей\s+компетенции|своих\s+полномочий)"
    r"|осуществляет(?:\s+следующие)?\s+(?:функции|полномочия)|жүзеге\s+асырады"
    r"|мына(?:дай)?\s+(?:функцияларды|өкілеттіктерді|міндеттерді)\s+(?:жүзеге\s+асырады|орындайды))?\s*:\s*$",
    re.I,
)
# A list of rights or duties after the body: "… имеет право:", "… вправе:", "… обязан:", kk "… құқылы:".
RIGHTS_LEAD = re.compile(
    r"^\s*(?:(?:мыналарға|мыналарды)\s+)?(?:имеет\s+право|вправе|обязан[аоы]?|құқылы|міндетті)\s*:\s*$", re.I
)
# A Kazakh list of rights or duties closes with them: "… құқығы бар", "… құқылы", "… міндетті".
KK_RIGHT_CLOSE = re.compile(r"(?:құқы(?:ғы|қтары)\s+бар|құқылы|міндетті|міндеттері\s+бар)\s*[.;]?\s*$", re.I)
# A Kazakh word in the accusative ends an object item: "… мәндерін;" (not a participle: "болған").
KK_ACCUSATIVE_END = re.compile(r"(?:[ыі]н|ны|ні|ды|ді|ты|ті)$")
# A Kazakh word in the locative closing a lead-in: where the body acts ("… шекарасында:").
KK_LOCATIVE_END = re.compile(rf"(?:{alternation(KK_CASE['locative'])})$")
# "X-ның:": a lead-in naming the owner of the rights listed.
KK_GENITIVE_LEAD = re.compile(rf"(?:{alternation(KK_CASE['genitive'])})\s*:\s*$")
# A lead-in of a few words and no verb names the list's subject only ("Қор:", "Уәкілетті орган:").
SHORT_LEAD = 4
# Words after which a list completes the verb: "осуществляется … путем: 1) …".
LIST_COMPLETES_VERB = frozenset({"путем", "посредством", "арқылы", "жолымен"})
# ... naming what the items are ("путем реализации следующих мероприятий:").
LIST_NAMED_BY = frozenset({"следующих", "следующие", "мынадай"})
# ... and where Kazakh closes such a list, after its last item: "… жәрдемдесу жолымен тұрақты жүзеге асырады."
WAYS_CLOSE = re.compile(
    rf"\s(?:{'|'.join(sorted(LIST_COMPLETES_VERB))})\s+(?:[а-яәғқңөұүһі]+\s+){{0,3}}[а-яәғқңөұүһі]+\s*[.;]?\s*$", re.I
)
# The Kazakh object that the items of a list spell out: "X мыналарды жүзеге асырады:".
KK_LIST_OBJECTS = frozenset({"мыналарды", "мыналар", "мынадай"})
# An item that is a term and its meaning: "инновационность – …", "ауқымдылық – …".
TERM_ITEM = re.compile(r"^\S+(?:\s+\S+){0,3}\s+[–—-]\s")
# The word by which a law says a list is someone's competence, whoever that is.
OWN_COMPETENCE_WORD = re.compile(r"компетенц|құзырет", re.I)
# A verb saying what the bodies a list names make up: "… құрылымын: 1) …; 7) … құрайды".
CONSTITUTE = re.compile(r"(?<![а-яәғқңөұүһі])(?:құрайды|составляют|образуют)\s*[.;]?\s*$", re.I)
# A body the role table does not know, named as the owner of the competence:
# "X-ның құзыретіне (мыналар жатады):", "К компетенции X относятся:", "X осуществляет следующие функции:".
BODY_IN_LEAD = [
    re.compile(
        rf"^(?:Мыналар\s+)?(?P<body>[^:]+?)(?:{alternation(KK_CASE['genitive'])})\s+(?:[а-яәғқңөұүһі]+\s+)?"
        r"(?:құзыретіне|міндеттеріне|функцияларына|міндеттері|міндеті|функциялары|өкілеттіктері)(?![а-яәғқңөұүһі])"
    ),
    re.compile(r"^К\s+(?:компетенции|функциям|задачам)\s+(?P<body>[^:]+?)\s+относ"),
    re.compile(r"^(?P<body>[^:]+?)\s+(?:осуществляет|выполняет)\s+следующие\s+(?:функции|полномочия)"),
]
# ... and that body must be an organisation: "орталығы", "комиссия", "центр", "фонд" ...
ORGANISATION_NOUN = law_bodies.ORGANISATION


def _title_names_body(title: str | None, fields: dict[str, str]) -> bool:
    return bool(title) and (bool(role_mentions(title, fields)) or bool(COMPETENCE_WORDS.search(title)))


def list_owner(
    lst: ItemList, title: str | None, fields: dict[str, str], aliases: dict[str, str] | None = None
) -> tuple[str | None, str] | None:
    """(role slug or None, body as written) when the list's lead-in gives the list to a body.

    * "К компетенции X относятся:", "X-ның құзыретіне/міндеттері …:", "X осуществляет следующие
      функции:": the body X (a role when the role table knows it, else its name to resolve);
    * the role as the lead-in's subject, followed by nothing but a qualifier ("в пределах своей
      компетенции:", "өз құзыреті шегінде:") or by the rest of its name ("… областей, городов …:");
    * a competence word naming the role's tasks ("Основными задачами Совета … являются:")."""
    if not lst.lead or not lst.lead.rstrip().endswith(":"):
        return None
    # "органның (бұдан әрі – уәкілетті орган) құзыретіне"; a Latin "i" in a Kazakh word ("Үкiметi:")
    lead = law_bodies.ALIAS.sub("", repair_homoglyphs(lst.lead))
    named = role_mentions(lead, fields, aliases)
    owner = next((m for p in BODY_IN_LEAD if (m := p.search(lead))), None)
    inner = [r for r in named if owner and r.start < owner.end("body")]
    # "Үкіметінің құзыретіне:" too; whoever the law says has a competence («К компетенции технических экспертов …»)
    if owner and (ORGANISATION_NOUN.search(owner["body"]) or inner or OWN_COMPETENCE_WORD.search(lead[: owner.end()])):
        if inner and inner[0].role is not None and inner[0].role not in FIELDED:
            return inner[0].role, body_name(lead, inner[0])
        expanded = inner and inner[0].name != collapse(lead[inner[0].phrase[0] : inner[0].phrase[1]])
        if expanded and inner[0].role is None and inner[0].start < owner.end("body") <= inner[0].end + 4:
            return None, inner[0].name  # the organisation's full name (a short form expanded)
        # "К компетенции Национального научного совета": a council (or body) without a known field
        # is not the generic role "council" but a body to resolve by its name.
        return None, _without_opening(collapse(owner["body"]))
    if not named:
        return None
    body = named[0]
    if not body.subject:  # "В случае заключения экспертного совета уполномоченный орган:", kk "… жағдайда X:"
        body = next((m for m in reversed(named) if m.subject), body)
    if COMPETENCE_WORDS.search(lead[: body.phrase[0]]) and body.role not in FIELDED:
        return body.role, body_name(lead, body)  # "Задачами Совета … являются:", "К компетенции совета относятся:"
    before, rest = lead[: body.phrase[0]], lead[body.phrase[1] :]
    if body.genitive and not before.strip() and not rest.strip(" :") and _ends_with_right(lst):
        return body.role, body_name(lead, body)  # kk "X-ның: 1) …; 7) … құқығы бар": the rights of X
    if not body.subject:
        return None
    adverbial = body.side == "after" and RU_ADVERBIAL_OPENING.match(before) and not predicates(before, "ru")
    # "Центральный уполномоченный орган по …:": adjectives of the role's own name
    qualified = body.side == "after" and all(ru_adjective(w) for w, _, _ in clause_words(before))
    if before.strip(" «\"'") and not (adverbial or qualified) and (body.side == "after" or predicates(before, "kk")):
        return None  # the role is not the lead-in's subject: the list is not its own
    # Names run on after the role noun ("Местные исполнительные органы областей, …:"), or a field
    # ("… ғылым, ғылыми-техникалық қызмет саласында:"): no verb before the colon.
    lang = "ru" if body.side == "after" else "kk"
    rest_words = clause_words(rest)
    names_only = not predicates(rest, lang) and not any(KK_PARTICIPLE_WORD.search(w) for w, _, _ in rest_words)
    # kk "X … шекарасында:": where the body acts, a place in the locative, its participles inside it
    names_only = names_only or (
        lang == "kk"
        and bool(rest_words)
        and not predicates(rest, lang)
        and bool(KK_LOCATIVE_END.search(rest_words[-1][0]))
    )
    if (
        QUALIFIER.match(rest)
        or RIGHTS_LEAD.match(rest)
        or names_only
        or (COMPETENCE_WORDS.search(lead) and _title_names_body(title, fields))
    ):
        name = body_name(lead, body)
        if qualified and before.strip() and before.strip().lower() not in name.lower():
            name = collapse(before.strip() + " " + name)  # "Центральный уполномоченный орган по …"
        return body.role, name
        return body.role, body_name(lead, body)
    return None


def _without_opening(body: str) -> str:
    """A body named after a prepositional opening, without it: «Для достижения цели своей деятельности
    юридическое лицо …» -> «юридическое лицо …» (the preposition's genitives run up to the nominative)."""
    words = clause_words(body)
    if len(words) < 3 or not ru_preposition(words[0][0]) or has_kazakh(body):
        return body.rstrip(" ,")
    for word, start, _ in words[1:]:
        if ru_case(word) != "gent":
            return body[start:].rstrip(" ,") if ru_case(word) == "nomn" else body.rstrip(" ,")
    return body.rstrip(" ,")


def _ends_with_right(lst: ItemList) -> bool:
    """Does the list's last item close the sentence with a right or duty ("… құқығы бар", "… құқылы")?"""
    last = next((it for it in reversed(lst.items) if not (it.excluded or it.pending)), None)
    return bool(last) and bool(KK_RIGHT_CLOSE.search(last.text))


def owned_lists(
    doc: Structure, fields: dict[str, str], aliases: dict[str, str] | None = None, lang: str = "ru"
) -> list[tuple[ItemList, str | None, str]]:
    """(list, role slug or None, body as written) for every list a lead-in gives to a body
    (a list one sentence runs through, its verb after the last item, is no such list), and for
    every list that completes a lead-in's verb whose agent is a body ("… государственными органами
    осуществляются: 1) поиск …; 2) …", "… осуществляется уполномоченным органом путем: 1) …"):
    one entry per agent."""
    titles = {a.number: a.title for a in doc.articles}
    out = []
    for lst in doc.lists:
        # a sentence running through the list is one power, unless it names the body's competence
        if runs_through(lst, lang) and not COMPETENCE_WORDS.search(lst.lead or ""):
            live = [it for it in lst.items if not (it.excluded or it.pending)]
            close = WAYS_CLOSE.search(live[-1].text)
            if close and predicates(close.group(0), lang):  # "X: 1) …; 3) … жолымен жүзеге асырады": X's ways
                sentence = lst.lead + " " + "; ".join(it.text for it in live)
                out.extend((lst, m.role, body_name(sentence, m)) for m in agents(sentence, lang, fields, aliases))
            continue
        owner = list_owner(lst, titles.get(lst.article), fields, aliases)
        if owner:
            out.append((lst, *owner))
        elif lst.lead and lst.items and _verb_lead(lst.lead, lang) and not _terms(lst):
            out.extend((lst, m.role, body_name(lst.lead, m)) for m in agents(lst.lead, lang, fields, aliases))
    return out


def _verb_lead(lead: str, lang: str) -> bool:
    """Does a lead-in end with its verb (or "путем", "посредством"), the list completing it?
    A Kazakh verb always closes its clause: there the list must be its object "мыналарды"."""
    words = [w.lower() for w, _, _ in clause_words(lead)]
    if not words or not lead.rstrip().endswith(":"):
        return False
    if lang == "kk":
        if len(words) < 2 or not predicates(words[-1], lang):
            return False
        rest = words[:-1]  # "мыналарды жүзеге асырады:", "мыналар арқылы жүзеге асырады:"
        if rest[-1] in KK_LIGHT_VERB_NOUNS:
            rest = rest[:-1]
        means = bool(rest) and rest[-1] in LIST_COMPLETES_VERB
        rest = rest[:-1] if means else rest
        # "мыналарды жүзеге асырады:"; by the means the items name: "мынадай іс-шараларды іске асыру арқылы …:"
        return bool(rest) and (rest[-1] in KK_LIST_OBJECTS or (means and "мынадай" in rest[-4:-1]))
    if any(w in LIST_COMPLETES_VERB for w in words[-4:-2]) and words[-2] in LIST_NAMED_BY:
        return True  # "… осуществляется посредством реализации следующих мероприятий:"
    return words[-1] in LIST_COMPLETES_VERB or bool(predicates(words[-1], lang))


def _terms(lst: ItemList) -> bool:
    """Are the items terms with their meanings ("инновационность – …"): criteria, not powers?"""
    live = [it for it in lst.items if not (it.excluded or it.pending)]
    return sum(bool(TERM_ITEM.match(it.text)) for it in live) * 2 > len(live)


def listed_subjects(
    lst: ItemList, lang: str, fields: dict[str, str], aliases: dict[str, str] | None
) -> list[tuple[str, RoleMention]]:
    """The subjects a lead-in's verb is waiting for, one per item («Мониторинг … ежегодно осуществляют:
    1) технические комитеты по стандартизации …; 2) национальный орган …; 3) государственные органы …»):
    a Russian lead-in that ends with its verb and names no agent, every item opening with a body."""
    live = [it for it in lst.items if not (it.excluded or it.pending)]
    if lang != "ru" or len(live) < 2 or not _verb_lead(lst.lead, lang) or agents(lst.lead, lang, fields, aliases):
        return []
    words, verbs = clause_words(lst.lead), predicates(lst.lead, lang)
    if not words or words[-1][0].lower() in LIST_COMPLETES_VERB or not verbs or verbs[-1].copula or verbs[-1].passive:
        return []  # "Органами управления … являются:": what the organs are, no power
    out = []
    for it in live:
        text = it.text.strip()
        named = role_mentions(text, fields, aliases)
        if not named or named[0].phrase[0] != 0 or not named[0].subject or predicates(text, lang):
            return []
        out.append((text, named[0]))
    return out


def body_name(text: str, m: RoleMention) -> str:
    """The body as the law names it: its full name (a short form expanded), else the phrase as written."""
    return m.name or collapse(text[m.phrase[0] : m.phrase[1]])


def runs_through(lst: ItemList, lang: str) -> bool:
    """Does one sentence run through the list: a lead-in without a verb, items without one
    but the last, whose verb closes the sentence ("… мынадай талаптарға: 1) …; 2) … жүзеге асырады.")?"""
    if not lst.lead or not lst.lead_span or not lst.items or not lst.lead.rstrip().endswith(":"):
        return False
    live = [it for it in lst.items if not (it.excluded or it.pending)]
    if len(live) < 2 or predicates(lst.lead, lang) or any(predicates(it.text, lang) for it in live[:-1]):
        return False  # one live item is the list's own, whatever its verb
    if _objects_of_subject(lst, live) or (
        _ends_with_right(lst)
        and (
            KK_GENITIVE_LEAD.search(lst.lead)
            or len(clause_words(lst.lead)) <= SHORT_LEAD
            or _ends_with_subject(lst.lead)
        )
    ):
        return False  # "X-ның: 1) …; 7) … құқығы бар", "Қор: 1) …; 3) … құқылы", "X органдары: 1) …; 2) … бекітеді"
    return bool(predicates(live[-1].text, lang))


def _ends_with_subject(lead: str) -> bool:
    """Does a lead-in end with its subject, a body ("… кезде арнайы экономикалық аймақтың басқарушы компаниясы:")?"""
    named = role_mentions(lead)
    return bool(named) and named[-1].subject and not lead[named[-1].phrase[1] :].strip(" :")


def _objects_of_subject(lst: ItemList, live: list) -> bool:
    """Are the items the objects of one body's verb, closed by the last ("Облыстың, … жергілікті атқарушы
    органдары: 1) … шекті мәндерін; 2) … мөлшерін бекітеді"): a lead-in that is one body and nothing else,
    the items but the last in the accusative? Each is the body's own power."""
    named = role_mentions(lst.lead)
    if len(named) != 1 or not named[0].subject:
        return False
    if (lst.lead[: named[0].phrase[0]] + lst.lead[named[0].phrase[1] :]).strip(" :"):
        return False
    ends = [clause_words(it.text)[-1][0].lower() for it in live[:-1] if clause_words(it.text)]
    return len(ends) == len(live) - 1 and all(KK_ACCUSATIVE_END.search(w) for w in ends)


def enumerates_bodies(lst: ItemList, aliases: dict[str, str] | None) -> bool:
    """Are the items the bodies themselves ("… басқаруды: 1) Президенті; 2) Үкіметі; … 9) … органдары
    жүзеге асырады", "… құрылымын: 1) Үкіметі; … 5) стандарттау жөніндегі техникалық комитеттер; …
    7) … құрайды")? Such a sentence describes who takes part, item by item, and grants no one a power.
    An item is a body when a body's name covers most of it; where the verb says what the bodies make up
    («құрайды», «составляют»), also when the name closes it (Kazakh) / opens it (Russian) after a field
    or scope, and one item in four may be another participant («техникалық сарапшылар»). Bodies listed
    with their scopes before an action verb («мониторингті: 1) … техникалық комитеттер; … жүзеге
    асырады») each carry it out."""
    live = [it for it in lst.items if not (it.excluded or it.pending)][:-1]
    if not live:
        return False
    bodies = 0
    for it in live:
        # the scope is no word of the name: "өз құзыреті шегінде мемлекеттік органдар"
        text = it.text.strip(" ;.,")
        words = len([w for w in OWN_COMPETENCE.sub(" ", text).split() if w.lower() != "өз"])
        named = [m for m in role_mentions(text, aliases=aliases) if m.phrase[1] > m.phrase[0]]
        covered = sum(len(text[a:b].split()) for a, b in (m.phrase for m in named)) >= 0.7 * words
        edge = (
            bool(CONSTITUTE.search(lst.items[-1].text))
            and bool(named)
            and (named[-1].phrase[1] == len(text) if named[-1].side == "before" else named[0].phrase[0] == 0)
        )
        bodies += bool(named) and (covered or edge)
    last = [it for it in lst.items if not (it.excluded or it.pending)][-1].text
    return bodies == len(live) or (len(live) >= 4 and bodies * 4 >= len(live) * 3 and bool(CONSTITUTE.search(last)))


__all__ = [
    "COMPETENCE_WORDS",
    "OWN_COMPETENCE_WORD",
    "body_name",
    "enumerates_bodies",
    "list_owner",
    "listed_subjects",
    "owned_lists",
    "runs_through",
]
