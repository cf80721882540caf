"""Kazakh bodies a concept names and what it asks of them (mandates).

Called by `kgraph.sources.concept.parse` once the concept's structure, terms
and act references are read (the records and the shared helpers live there):

* `body_aliases(body, definitions, act_aliases)` -> short forms that stand for
  a body: "(далее – ВНТК)", a terms entry "Академия – …".
* `find_institutions(body, sentences, sections, aliases)` -> Kazakh bodies
  named in a sentence (foreign-experience sentences left out).
* `find_mandates(body, institutions, sections)` -> sentences that assign an
  action to one of those bodies.

Kept apart from `kgraph.sources.concept` because reading bodies and their
actions is a grammar of its own (case endings, verb forms, modals).
"""

from __future__ import annotations

import re

from kgraph.acts_reader import FOREIGN
from kgraph.records import Span
from kgraph.sources.concept_records import (
    ALIAS_DEF,
    FOREIGN_SECTION,
    TERMS_TITLE,
    Definition,
    Institution,
    MandateStatement,
    Section,
    section_of,
)
from kgraph.text import collapse

# --- named patterns -------------------------------------------------------------

# Kazakh bodies as the concepts name them.
BODY_PATTERNS = re.compile(
    "|".join(
        (
            r"Правительств(?:о|а|у|ом|е)\s+Республики\s+Казахстан",
            r"Администраци\w+\s+Президента\s+Республики\s+Казахстан",
            r"(?:Министерств|Агентств|Комитет)\w*\s+(?:(?!Республики)[^\s,.;:()«»]+\s+){1,8}?Республики\s+Казахстан",
            r"Агентств\w*\s+Республики\s+Казахстан\s+по\s+[а-яё ]+?(?=[,.;:()]|\s+(?:и|а|в|на|с)\s)",
            r"[Мм]естн\w+\s+исполнительн\w+\s+орган\w*",
            r"[Цц]ентральн\w+\s+(?:государственн|исполнительн)\w+\s+орган\w*",
            r"[Аа]кимат\w*\s+(?:[А-ЯЁӘҒҚҢӨҰҮІ]\w+\s+области|области\s+[А-ЯЁӘҒҚҢӨҰҮІ]\w+|города\s+[А-ЯЁ]\w+)",
            r"(?:[Оо]траслев\w+\s+)?[Уу]полномоченн\w+\s+орган\w*(?:\s+(?:в\s+области|по)\s+[а-яё\-]+(?:\s+[а-яё\-]+){0,3}?(?=[,.;:()]|\s+(?:по|и|а|с|согласованн\w+)\s|$))?",
            r"Национальн\w+\s+[Аа]кадеми\w+\s+наук\s+Республики\s+Казахстан(?:\s+при\s+Президенте\s+Республики\s+Казахстан)?",
            r"Высш\w+\s+научно-техническ\w+\s+комисси\w+(?:\s+при\s+Правительстве\s+Республики\s+Казахстан)?",
            r"Национальн\w+\s+[Бб]анк\w*\s+Республики\s+Казахстан",
            r"(?:Мажилис\w*\s+)?Парламент\w*\s+Республики\s+Казахстан",
            r"Президент(?:а|у|ом|е)?\s+Республики\s+Казахстан",
            r"(?:Национальн\w+\s+)?[Кк]урулта\w+",
            r"(?:Национальн\w+|[Рр]егиональн\w+(?:\s+научн\w+)?)\s+совет\w*\s+по\s+науке(?:\s+и\s+технологиям)?"
            r"(?:\s+при\s+(?:Президенте\s+Республики\s+Казахстан|акиматах))?",
            r"[Оо]траслев\w+\s+государственн\w+\s+орган\w*",
            r"[Пп]равительств(?:о|а|у|ом|е)(?!\w)",
        )
    )
)
# A short form stands for a body when its expansion names one.
BODY_WORD = re.compile(
    r"(?:[Мм]инистерств|[Аа]гентств|[Кк]омисси|[Аа]кадеми|[Пп]равительств|\bорган|[Аа]кимат|[Ии]нститут|[Цц]ентр\b"
    r"|[Цц]ентр\w*\s|[Фф]онд|[Уу]ниверситет|[Сс]овет\b|[Кк]омитет|[Бб]юро|организаци\w+\s+(?:высшего|образования))"
)
# Head nouns of body names and their case endings (nominative vs instrumental).
HEAD_STEMS = (
    "правительств",
    "министерств",
    "агентств",
    "комитет",
    "орган",
    "акимат",
    "академи",
    "комисси",
    "банк",
    "парламент",
    "администраци",
    "университет",
    "институт",
    "центр",
    "бюро",
)
NOM_ENDINGS, INS_ENDINGS = {"", "о", "ы", "я"}, {"ом", "ами", "ей", "ями"}
PREPOSITIONS = {
    "в",
    "во",
    "на",
    "с",
    "со",
    "к",
    "ко",
    "по",
    "от",
    "для",
    "при",
    "у",
    "о",
    "об",
    "из",
    "за",
    "между",
    "через",
    "перед",
    "над",
    "под",
    "до",
    "после",
    "без",
}
LINKS = {"и", "а", "также", "поэтому", "затем", "кроме", "того", "этом", "при", "тем", "же"}
ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ым|им|ых|их|ую|юю)$")
VERB_LIKE = re.compile(r"(?:ет|ит|ют|ят|ут|ется|ится|ются|ятся|ал|ла|ли|ло|ил|ыл)$")
# Finite verbs and infinitives that assign an action.
ACTION_STEMS = (
    r"(?:определ|обеспеч|осуществ|утвер|разраб|организ|пров[оеё]д|созда|координ|представ|формир|сформир"
    r"|подготов|направ|внос|внес|принима|прим|оцен|контрол|реализ|разв|разов|выдел|финансир|привле"
    r"|поддерж|присв|присва|устан|назнач|участв|оказ|окаж|рассматрива|рассмотр)"
)
FINITE_ACTION = re.compile(ACTION_STEMS + r"\w*(?:ет|ит|ут|ют|ат|ят|ёт)(?!\w)")
FUTURE_AUX = re.compile(r"(?:будет|будут|должн\w*)\s+(?:\w+\s+)?(?P<inf>[а-яё]+(?:ть|ти|чь)(?:ся)?)(?!\w)")
NOT_ACTIONS = {
    "являться",
    "заключаться",
    "стать",
    "становиться",
    "способствовать",
    "стремиться",
    "иметь",
    "носить",
    "служить",
    "оставаться",
    "входить",
    "позволять",
    "быть",
    "рассматриваться",
    "включать",
}
PASSIVE = re.compile(
    r"(?:будет|будут)\s+(?:осуществляться|обеспечиваться|определяться|утверждаться|разрабатываться|проводиться"
    r"|(?:создан|определен|разработан|проведен|утвержден|обеспечен|организован)[аоы]?)(?!\w)"
    r"|(?:осуществляется|определяется|обеспечивается|утверждается|разрабатывается|проводится|предусматривается"
    r"|присваивается)(?!\w)"
)
MODAL = re.compile(r"(?<!\w)(?:может|могут|можно|смогут|сможет|следует|вправе)(?!\w)")


# --- bodies and mandates ----------------------------------------------------------------


def body_aliases(body: str, definitions: list[Definition], act_aliases: set[str]) -> dict[str, str]:
    """Short forms that stand for a body: "(далее – ВНТК)", a term "Академия – …".
    The expansion must name a body in its last words, not after a preposition
    ("между университетами … (далее – НИОКР)" is not a body)."""
    aliases: dict[str, str] = {}
    for m in ALIAS_DEF.finditer(body):
        alias = collapse(m.group(1))
        words = re.split(r"[,.;:]\s", body[max(0, m.start() - 150) : m.start()])[-1].split()[-10:]
        for i, w in enumerate(words):
            if BODY_WORD.match(w + " " + (words[i + 1] if i + 1 < len(words) else "") + " ") and (
                i == 0 or words[i - 1].lower() not in PREPOSITIONS - {"при"}
            ):
                if alias not in act_aliases and not re.search(r"\d", alias):
                    aliases[alias] = " ".join(words[i:])
                break
    for d in definitions:
        if BODY_WORD.search(" ".join(d.definition.split()[:2]) + " "):
            aliases[d.term] = d.definition
    return aliases


def _mentions(body: str, aliases: dict[str, str]) -> list[tuple[str, Span]]:
    found: list[tuple[str, Span]] = [(m.group(0), m.span()) for m in BODY_PATTERNS.finditer(body)]
    for alias in aliases:
        if re.fullmatch(r"[А-ЯЁA-Z]{2,}(?:\s+[А-ЯЁA-Z]{2,})*", alias):
            pat = re.compile(r"(?<![\w\-])" + re.escape(alias) + r"(?![\w\-])")
        else:
            stem = [re.escape(w[:-1] if len(w) > 5 and w[-1] in "аяыиеуюо" else w) + r"\w{0,3}" for w in alias.split()]
            pat = re.compile(r"(?<![\w«\"])" + r"\s+".join(stem) + r"(?![\w»\"])")
        found += [(m.group(0), m.span()) for m in pat.finditer(body)]
    found.sort(key=lambda f: (f[1][0], -f[1][1]))
    definitions = [m.span(1) for m in ALIAS_DEF.finditer(body)]
    out: list[tuple[str, Span]] = []
    for text, span in found:
        if (out and span[0] < out[-1][1][1]) or any(a <= span[0] < b for a, b in definitions):
            continue  # overlapped, or the "(далее – X)" definition itself
        out.append((collapse(text), span))
    return out


def _foreign(body: str, sentence: Span, sec: Section | None) -> bool:
    text = body[sentence[0] : sentence[1]]
    return bool(sec and FOREIGN_SECTION.search(sec.title)) or any(re.search(p, text) for p in FOREIGN.values())


def find_institutions(
    body: str, sentences: list[Span], sections: list[Section], aliases: dict[str, str]
) -> list[Institution]:
    out = []
    for text, span in _mentions(body, aliases):
        sent = next((s for s in sentences if s[0] <= span[0] < s[1]), None)
        sec = section_of(sections, span[0])
        if sent is None or _foreign(body, sent, sec) or "\t" in body[sent[0] : sent[1]]:
            continue
        out.append(Institution(text, span, sent, sec.number if sec else None))
    return out


def _case(mention: str) -> str:
    """'nom', 'ins', 'any' (an indeclinable abbreviation) or 'other'."""
    if re.fullmatch(r"[А-ЯЁA-Z]{2,}(?:\s+[А-ЯЁA-Z]{2,})*", mention):
        return "any"
    for word in mention.lower().split():
        stem = next((s for s in HEAD_STEMS if word.startswith(s)), None)
        if stem:
            end = word[len(stem) :]
            return "nom" if end in NOM_ENDINGS else "ins" if end in INS_ENDINGS else "other"
    return "other"


def find_mandates(body: str, institutions: list[Institution], sections: list[Section]) -> list[MandateStatement]:
    """Sentences that assign an action to a Kazakh body. Precision first: the
    body is the subject of a future/obligation or action verb, or the agent of
    a passive one, in a present or future sentence without a modal."""
    by_sentence: dict[Span, list[Institution]] = {}
    for inst in institutions:
        by_sentence.setdefault(inst.sentence, []).append(inst)
    out = []
    for sent, mentions in sorted(by_sentence.items()):
        text = body[sent[0] : sent[1]]
        if MODAL.search(text) or (sections and _in_terms(sections, sent[0])):
            continue
        for inst in mentions:
            action = _active(body, inst, sent) or _passive(body, inst, sent)
            if action:
                out.append(MandateStatement(inst.text, action, collapse(text), sent, inst.span, inst.section))
                break
    return out


def _in_terms(sections: list[Section], pos: int) -> bool:
    sec = section_of(sections, pos)
    return bool(sec and TERMS_TITLE.search(sec.title))


def _active(body: str, inst: Institution, sent: Span) -> str | None:
    case = _case(inst.text)
    if case not in {"nom", "any"}:
        return None
    before = body[sent[0] : inst.span[0]].split()
    prev = before[-1].lower().strip('(«"') if before else ""
    if prev in PREPOSITIONS:
        return None
    if case == "any" and before and not (before[-1][-1:] in ",:;(" or prev in LINKS or ADJECTIVE.search(prev)):
        return None  # an abbreviation right after a noun depends on it ("площадки ИЯФ")
    rest = body[inst.span[1] : sent[1]]
    for m in re.finditer(r"\s+", rest):
        gap, tail = rest[: m.start()], rest[m.end() :]
        if (
            len(gap.split()) > 6
            or re.search(r"[,;:]", gap)
            or any(VERB_LIKE.search(w.strip("()")) for w in gap.split())
        ):
            break
        fm, am = FINITE_ACTION.match(tail), FUTURE_AUX.match(tail)
        if am and am["inf"] not in NOT_ACTIONS:
            return _clause(tail)
        if fm and not tail[fm.end() : fm.end() + 7].startswith(" собой"):
            return _clause(tail)
    return None


def _passive(body: str, inst: Institution, sent: Span) -> str | None:
    if _case(inst.text) not in {"ins", "any"}:
        return None
    before, after = body[sent[0] : inst.span[0]], body[inst.span[1] : sent[1]]
    pm = re.search(r"(?:" + PASSIVE.pattern + r")\s*$", before)
    if pm or PASSIVE.match(after.lstrip()):
        clause_start = max(before.rfind(", "), -1) + 1 if not pm else max(before[: pm.start()].rfind(", "), -1) + 1
        return _clause(collapse(before[clause_start:] + after))
    return None


def _clause(text: str) -> str:
    return collapse(re.split(r",\s|;|\.\s|\.$", text, maxsplit=1)[0]).rstrip(".")
