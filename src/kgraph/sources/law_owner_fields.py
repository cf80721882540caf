"""The field of a role named by what it serves (helper of `kgraph.sources.law_roles`).

A national operator is named with the system it operates as a genitive: ru after
the noun («Национальный оператор космической системы связи»), kk before it
(«Ғарыштық байланыс жүйесінің ұлттық операторы», also without the genitive
ending, «… ғарыш жүйесі ұлттық операторының»). That field is part of the name:
one role per field. `owner_field` reads it where no «в области …» / «… саласындағы»
names the field. Everything here is pure.
"""

from __future__ import annotations

import re

from kgraph.lang import (
    KK_CASE,
    KK_PARTICIPLE,
    KK_POSSESSIVE,
    KK_POSTPOSITIONS,
    alternation,
    clause_words,
    kk_bare,
    ru_cases,
)

# How many words an owner phrase may have.
OWNER_WORDS = 8
# The Kazakh role noun names an owner only with a 3rd-person possessive ending ("операторы",
# "операторының", "операторын"): "ұлттық операторды" has no owner before it.
KK_POSSESSED = re.compile(r"^(?:ы|і|сы|сі)")
# The word right before the Kazakh role noun: a genitive ("жүйесінің") or a possessive ("жүйесі").
KK_OWNER_END = re.compile(rf"(?:{alternation((*KK_CASE['genitive'], *KK_POSSESSIVE))})$")
# Words a Kazakh owner phrase does not run back over: a verb form (a participle, a finite verb,
# a converb "бірлесіп"), a postposition, another body's noun.
KK_OWNER_STOP = re.compile(
    rf"(?:{alternation(KK_PARTICIPLE)}|ады|еді|йды|йді|иды|иді|[а-яәғқңөұүһі]{{3}}(?:ып|іп))$"
    r"|^(?:орган|институт|оператор|кеңес|агент|үкімет|министрлі)"
)
KK_VERBAL_NOUN = re.compile(r"(?:у|ю)$")
KK_OTHER_CASE = re.compile(
    rf"(?:{alternation(KK_CASE['accusative'][:-1] + KK_CASE['dative'][:-2] + KK_CASE['locative'] + KK_CASE['ablative'] + KK_CASE['instrumental'])})$"
)
# The country alone is no field ("Қазақстан Республикасының ұлттық операторы").
COUNTRY_ONLY = re.compile(r"^(?:Қазақстан\s+Республикасы\w*|Республики\s+Казахстан)$", re.I)
COUNTRY_RU = re.compile(r"Республики\s+Казахстан", re.I)
BREAK = re.compile(r"[.;:()«»,\n]")


def owner_field(text: str, start: int, end: int, side: str, suffix: str) -> tuple[int, int] | None:
    """The extent of the owner phrase naming a role's field (ru: after the role noun ending at `end`;
    kk: before the noun starting at `start`, whose case ending is `suffix`), or None."""
    span = _ru_owner(text, end) if side == "after" else _kk_owner(text, start, suffix)
    if span and not COUNTRY_ONLY.match(text[span[0] : span[1]].strip()):
        return span
    return None


def _ru_owner(text: str, at: int) -> tuple[int, int] | None:
    """The genitive words right after a Russian role noun («… космической системы связи»)."""
    last = at
    for k, (word, s, e) in enumerate(clause_words(text[at : at + 300])):
        if text[last : at + s].strip() or k >= OWNER_WORDS or "gent" not in ru_cases(word) or len(word) < 3:
            break
        if COUNTRY_RU.match(text, at + s):
            break  # the country qualifies the name, it is no field
        last = at + e
    return (at, last) if last > at else None


def _kk_owner(text: str, start: int, suffix: str) -> tuple[int, int] | None:
    """The words before a Kazakh role noun that name what it serves, up to a genitive or possessive
    word right before it: adjectives and nouns ("ғарыштық байланыс жүйесінің"), a verbal noun with
    its objects ("Жерді қашықтықтан зондтау ғарыш жүйесінің"); not over a clause break, a verb form,
    a postposition or another body."""
    if not KK_POSSESSED.match(suffix.lower()):
        return None
    offset = max(0, start - 200)
    words = list(reversed(clause_words(text[offset:start])))
    begin = start
    governed = False  # a verbal noun read (after in the text): the cases before it depend on it
    for k, (word, s, e) in enumerate(words):
        lower = word.lower()
        if BREAK.search(text[offset + e : begin]) or k >= OWNER_WORDS:
            break
        if k == 0 and not KK_OWNER_END.search(lower):
            return None
        if KK_OWNER_STOP.search(lower) or lower in KK_POSTPOSITIONS:
            break
        if KK_OTHER_CASE.search(lower) and not kk_bare(lower) and not governed:
            break
        governed = governed or bool(KK_VERBAL_NOUN.search(lower))
        begin = offset + s
    return (begin, start) if begin < start else None
