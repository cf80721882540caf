"""Organisations a law names by their names, and the short forms it gives them.

Besides roles ("уполномоченный орган"), laws empower named organisations:
«Национальная академия наук Республики Казахстан», «Высшая научно-техническая
комиссия», «Фонд науки», «национальные научные советы», kk «Ұлттық ғылым
академиясы», «Ғылым қоры» — a noun phrase whose head is an organisation noun
(академия, комиссия, центр, фонд, совет …; академия, комиссия, орталық, қор,
кеңес …) with its modifiers (Russian: the adjectives before it and the
genitive words after it; Kazakh: the words before it, from a proper name or
an adjective on), and short forms defined in the text: «попечительский совет
(далее – совет)», «(бұдан әрі – кеңес)».

`named_bodies(text)` and `alias_mentions(text, aliases)` give each mention's
extent, the name it stands for and its case (the subject, the agent of a
passive verb, or neither); `aliases(text)` reads the short forms. Pure.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kgraph.lang import (
    KK_CASE,
    KK_PLURAL,
    KK_PLURAL_POSSESSIVE,
    KK_POSSESSIVE,
    LOWER,
    alternation,
    clause_words,
    kk_bare,
    kk_possessed,
    morph,
    predicates,
    repair_homoglyphs,
    ru_adjective,
    ru_attribute_participle,
    ru_case,
    ru_cases,
    ru_lemma,
    ru_participle,
    ru_singular_nominative,
)
from kgraph.lang.powers import SINGLE_AGENT_KK, SINGLE_AGENT_RU
from kgraph.text import collapse

# Organisation nouns, Russian (any case form follows the stem) and Kazakh (stem and its ending;
# "қор" (fund) only with a case or plural ending: "қорытынды", "қорғау", "қоршаған" are other words).
ORG_RU = (
    r"(?:академи|комисси|центр|фонд|совет|палат|агентств|министерств|комитет|правлени|президиум|собрани|корпораци"
    r"|ассоциаци|служб|оператор|компани|маслихат|орган(?!изац))"
)
ORG_KK = (
    r"(?:академия|комиссия|орталы[қғ]|қор(?=(?:ы|ын|ына|ында|ынан|ының|ымен|ға|да|дан|дың|ды|мен|лар[а-яәғқңөұүһі]*)?(?![а-яәғқңөұүһі]))|кеңес|палата|агенттіг|агенттік|министрлі[кг]|комитет|басқарма|төралқа"
    r"|жиналыс|корпорация|қауымдастығ|оператор|компания|мәслихат|орган)"
)
KK_UPPER = "ӘҒҚҢӨҰҮІ"
KAZAKH = re.compile(r"[әғқңөұүһі]", re.I)
# Any organisation noun, for lead-ins that give a list to a body ("К компетенции X", "X-тың құзыретіне").
ORGANISATION = re.compile(
    rf"{ORG_RU}|{ORG_KK}|орган|холдинг|банк|институт|ұйым|кәсіпорн|компания|әкімдік|организаци|предприяти|акимат",
    re.I,
)
# A Russian adjective or participle before the noun (any case); one in brackets is an alternative
# the name gives ("конкурсная (аукционная) комиссия").
_ADJ = (
    rf"(?!{ORG_RU})[А-ЯЁа-яё]+(?:-[а-яё]+)*(?:ая|яя|ый|ий|ой|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ую|юю|ых|их|ыми|ими|ей)"
)
NAMED_RU = re.compile(
    rf"(?<![{LOWER}{KK_UPPER}-])(?P<adj>(?:\(?{_ADJ}\)?\s+){{1,4}})?(?P<head>{ORG_RU}[а-яё]*)(?![а-яё])", re.I
)
# The bodies of a branch of the state, named in the plural by their branch in the genitive: «органы
# внутренних дел», «органами национальной безопасности», «органы прокуратуры» (a class of bodies, no capital).
STATE_BRANCH_HEAD = re.compile(r"^орган(?:ы|ов|ам|ами|ах)$", re.I)
NAMED_KK = re.compile(rf"(?<![{LOWER}-])(?P<head>{ORG_KK})(?P<suf>[{LOWER}]*)(?![{LOWER}])", re.I)
# Kazakh modifiers of an organisation noun: names (capitalised), adjectives, "ұлттық".
KK_MODIFIER = re.compile(rf"^(?:[А-ЯӘҒҚҢӨҰҮІ][{LOWER}-]*|[{LOWER}-]+(?:лық|лік|тық|тік|дық|дік|ми|ни|ғы|гі|қы|кі))$")
# A verbal noun right before the organisation noun names what it does: "үйлестіру орталығы", "басқару органы"
# (not when it takes an object: "нәтижелерін коммерцияландыру орталықтары" is no name).
KK_VERBAL_NOUN = re.compile(r"[а-яәғқңөұүһі]{3}(?:у|ю)$")
# Adjectives of names that take no derivational suffix.
KK_PLAIN_ADJECTIVES = frozenset({"бірыңғай", "арнайы", "ерекше", "жоғары", "жалпы"})
# Postpositions before a Kazakh name end it ("жөніндегі", "саласындағы" end it as locative adjectives).
KK_POSTPOSITIONS = frozenset({"бойынша", "туралы", "үшін", "арқылы", "сәйкес", "кейін", "дейін"})
# Pronouns and adverbs before a Kazakh name are not part of it ("оның", "осы", "мұнда", "көрсетілген").
KK_DETERMINERS = frozenset(
    {"оның", "олардың", "осы", "сол", "бұл", "мұнда", "онда", "өзінің", "өз", "көрсетілген", "аталған", "мұндай"}
)
# An agent noun that qualifies the organisation noun: "басқарушы компания", "үйлестіруші орган".
KK_AGENT_NOUN = re.compile(r"[а-яәғқңөұүһі]{3}(?:шы|ші)$")
# Derivational suffixes make another word of an organisation noun ("кеңестік", "кеңесші", "қорлық").
KK_DERIVED = re.compile(r"^(?:лық|лік|тық|тік|дық|дік|шы|ші)")
# A Kazakh word in a case other than the nominative and genitive (a name's words are neither).
KK_CASE_ENDING = re.compile(
    rf"(?:{alternation(KK_CASE['accusative'][:-1] + KK_CASE['dative'][:-2] + KK_CASE['locative'] + KK_CASE['ablative'] + KK_CASE['instrumental'])})$"
)
# A body noun with no ending: the subject of its own clause, never a modifier of a name.
KK_BARE_BODY = re.compile(r"^(?:орган|органдар)$", re.I)
KK_POSSESSIVE_ACCUSATIVE = re.compile(r"[ыі]н$")
KK_PASSIVE_PARTICIPLE = re.compile(r"л(?:ған|ген|атын|етін)$")
KK_PLURAL_START = re.compile(rf"^(?:{alternation(KK_PLURAL)})")
# "X жанындағы Y": Y attached to (held at) the body X, which is part of Y's name.
KK_ATTACHED = "жанындағы"
KK_ATTACHED_WORD = re.compile(r"(?:лық|лік|тық|тік|дық|дік|ми|ни|тті|шы|ші)$", re.I)
KK_STOP = re.compile(r"(?:дағы|дегі|тағы|тегі|ндағы|ндегі|нан|нен|атын|етін|йтын|йтін|ған|ген|қан|кен)$")
# Words that make "иные советы", "соответствующий совет" no name.
RU_DETERMINERS = re.compile(
    r"^(?:ин(?:ой|ая|ое|ые|ых|ым|ыми|ого|ому|ую|ом)|друг\w*|соответствующ\w*|указанн\w*|данн\w*|кажд\w*"
    r"|так(?:ой|ая|ое|ие|их|им|ими|ого|ому|ую|ом)|эт(?:от|а|о|и|их|им|ими|ого|ому|у|ом)|тот|та|те|то|тех|тем|теми|того|тому"
    r"|вс(?:е|ех|ем|еми)|любо\w*)$"
)  # whole words: "технические" and "инновационные" are no determiners
# Bodies named with the places they serve, in the genitive before them in Kazakh
# ("облыстардың, республикалық маңызы бар қалалардың, астананың жергілікті атқарушы органдары").
PLACES_BEFORE = re.compile(
    rf"(?:\(?(?:[{LOWER}]+\s+маңызы\s+бар\s+)?[{LOWER}]+(?:{alternation(KK_CASE['genitive'])})\)?\s*(?:,|және|мен)?\s*)+$",
    re.I,
)


# ... in the genitive after them in Russian ("местные исполнительные органы районов (городов областного значения)").
PLACES_AFTER = re.compile(
    r"(?:,?+\s++(?:и\s++|или\s++)?+\(?+(?:район|город|област|столиц)[а-я]*+(?:\s++(?:областного|республиканского)\s++значения)?+\)?+)++",
    re.I,
)
# A place a name ends (ru) or starts (kk) with: the list of places runs on.
PLACE_WORD = re.compile(r"^(?:район|город|област|столиц|аудан|қала|облыс|астана)", re.I)
KK_NOMINATIVE = re.compile(rf"^(?:{alternation((*KK_POSSESSIVE, *KK_PLURAL, *KK_PLURAL_POSSESSIVE))})?$")
KK_GENITIVE = re.compile(rf"(?:{alternation(KK_CASE['genitive'])})$")
# A short form the law defines: "(далее – совет)", "(бұдан әрі – кеңес)".
ALIAS = re.compile(r"\((?:далее|бұдан\s+әр[іi])\s*[-–—]+\s*(?P<alias>[^()\n]{1,60}?)\s*\)", re.I)
# Where the full name before a short form begins.
NAME_START = re.compile(r"(?:^|[–—:;(\n]|\s-\s|\d\)\s)\s*(?=[^–—:;(\n]*$)")
# A list of one body's organs: "Органами управления X являются:", kk "X-тың басқару органдары мыналар
# болып табылады:"; the organs it names ("президиум (далее – президиум)") are X's.
ORGANS_OF = [
    (re.compile(r"[Оо]рганами\s+(?:управления\s+)?(?P<owner>[^:;.\n]+?)\s+являются\s*:"), "after"),
    (
        re.compile(
            rf"(?:^|\n)\s*(?:\d+(?:-\d+)?\.\s*)?(?P<owner>[^:;.\n]*?(?:{alternation(KK_CASE['genitive'])}))"
            rf"\s+(?:басқару\s+)?органдары\s+(?:мыналар\s+)?болып\s+табылады\s*:"
        ),
        "before",
    ),
]
LIST_ITEM_LINE = re.compile(r"\s*\d+(?:-\d+)?\)")


class Named(NamedTuple):
    start: int  # the head noun
    end: int
    phrase: tuple[int, int]  # the whole name as it stands in the text
    name: str  # the organisation's full name (a short form expanded)
    case: str  # "subject" | "agent" (Russian instrumental) | "genitive" | "other"
    side: str  # "after" (Russian) | "before" (Kazakh)
    suffix: str


# A Kazakh body named "орган" is an organisation of its own only when national or given a field
# ("стандарттау жөніндегі ұлттық орган"), not a kind of body ("ғылыми кеңестік орган").
KK_ORGAN_NAMED = re.compile(r"ұлттық|жөніндегі|саласындағы", re.I)


def named_bodies(text: str) -> list[Named]:
    """Organisations named by name: an organisation noun with modifiers, or a capitalised one with a genitive
    (Latin look-alikes in Cyrillic words read as the letters they stand for; offsets are the text's own)."""
    text = repair_homoglyphs(text)
    kk = [
        n
        for n in _named_kk(text)
        if not re.match(r"орган", text[n.start : n.end], re.I) or KK_ORGAN_NAMED.search(text[n.phrase[0] : n.end])
    ]
    return [*_named_ru(text), *kk, *_single_agents(text)]


def _single_agents(text: str) -> list[Named]:
    """Bodies named by the one function they alone perform ("единый закупщик электрической энергии",
    kk "электр энергиясын бірыңғай сатып алушы"), `kgraph.lang.powers.SINGLE_AGENT_RU` / `_KK`."""
    out = []
    for m in SINGLE_AGENT_RU.finditer(text):
        if KAZAKH.search(text[max(0, m.start() - 60) : m.end() + 20]) or re.match(ORG_RU, m["head"], re.I):
            continue  # "единый оператор" is an organisation noun of its own
        end = _genitive_tail(text, m.end())
        case = _case(m["head"], m["adj"])
        out.append(Named(m.start("head"), m.end(), (m.start(), end), text[m.start() : end], case, "after", ""))
    for m in SINGLE_AGENT_KK.finditer(text):
        base = start = m.start()
        # its object before it ("электр энергиясын"): an accusative word and the bare noun before that
        for k, (w, ws, we) in enumerate(reversed(clause_words(text[max(0, base - 60) : base]))):
            at = max(0, base - 60)
            if text[at + we : start].strip() or k > 1:
                break
            if KK_POSSESSIVE_ACCUSATIVE.search(w) if k == 0 else not KK_CASE_ENDING.search(w):
                start = at + ws
            else:
                break
        suf = m["suf"].lower()
        kind = "subject" if KK_NOMINATIVE.match(suf) else "genitive" if KK_GENITIVE.search(suf) else "other"
        out.append(Named(m.start("head"), m.end(), (start, m.end()), text[start : m.end()], kind, "before", suf))
    return out


def _named_ru(text: str) -> list[Named]:
    out = []
    for m in NAMED_RU.finditer(text):
        head = m["head"]
        if not re.search(r"[а-яё]", head) or KAZAKH.search(text[max(0, m.start() - 60) : m.end() + 20]):
            continue  # Russian names only
        start = m.start("adj") if m["adj"] else m.start("head")
        adjectives = clause_words(m["adj"] or "")
        while adjectives and not all(ru_adjective(w) for w, _, _ in adjectives):
            adjectives.pop(0)  # "Основной задачей межведомственной комиссии": the adjectives right before it
        if m["adj"] and adjectives:
            start = m.start("adj") + adjectives[0][1]
        while adjectives and (
            RU_DETERMINERS.match(adjectives[0][0].lower())
            or (
                ru_participle(adjectives[0][0])
                and not (len(adjectives) == 1 and ru_attribute_participle(adjectives[0][0]))
            )
        ):  # "иные советы", "рассматриваемых … советами": the name starts after them; "управляющая компания" is one
            start = m.start("adj") + adjectives.pop(0)[2] + 1  # "иные советы": no name
        if not adjectives:
            start = m.start("head")
        end = _genitive_tail(text, m.end())
        branch = STATE_BRANCH_HEAD.match(head) and end > m.end()  # «органы внутренних дел», «органами прокуратуры»
        if not adjectives and not (head[0].isupper() and end > m.end()) and not branch:
            continue  # a bare "совет": a name needs a modifier, or a capital and a genitive ("Фонд науки")
        if end > m.end() and PLACE_WORD.match(text[m.end() : end].split()[-1]):
            end = places_after(text, end)  # "Маслихаты областей, городов республиканского значения и столицы"
        out.append(
            Named(
                m.start("head"),
                m.end("head"),
                (start, end),
                text[start:end],
                _case(head, adjectives[-1][0] if adjectives else None),
                "after",
                "",
            )
        )
    return out


def _genitive_tail(text: str, end: int, case: str = "gent") -> int:
    """Past the genitive words that complete a Russian name ("академия наук Республики Казахстан"),
    and the body it is attached to ("советы при отраслевых уполномоченных органах")."""
    previous, base = "", end
    for word, s, e in clause_words(text[base:]):
        gap = text[end : base + s]
        country = previous.lower() == "республики"  # "Республики Казахстан": the name of the country does not decline
        inflected = (case in ru_cases(word) and ru_case(word) != "None") or word.lower() in ("и", "или") or country
        if gap.strip() or not inflected or len(word) < 2:
            if case == "gent" and not gap.strip() and word.lower() == "при":
                after = _genitive_tail(text, base + e, "loct")
                return _genitive_tail(text, after) if after > base + e else end
            break
        end, previous = base + e, word
    return end


def _named_kk(text: str) -> list[Named]:
    """Kazakh: the organisation noun and the words before it, back to a proper name ("Қазақстан
    Республикасының Ұлттық ғылым академиясы") or over adjectives ("ұлттық ғылыми кеңестер")."""
    out = []
    for m in NAMED_KK.finditer(text):
        if not KAZAKH.search(text[max(0, m.start() - 60) : m.end() + 20]):
            continue  # Kazakh only
        if KK_DERIVED.match(m["suf"].lower()):
            continue  # "кеңестік" (advisory), "кеңесші" (adviser): another word
        offset = max(0, m.start() - 120)
        words = clause_words(text[offset : m.start()])
        if offset and words and words[0][1] == 0 and text[offset - 1].isalpha():
            words = words[1:]  # the window cut a word
        run: list[tuple[str, int]] = []  # (word, start) back from the noun, within the clause
        edge, attached = m.start(), 0
        for w, ws, we in reversed(words):
            if text[offset + we : edge].strip(" ()") or len(run) == 6 + attached:
                break  # a clause break; a word in brackets stays ("Өндірушілердің (импорттаушылардың)")
            if w.lower() == KK_ATTACHED and run and not attached:
                attached = 4  # "… органдар жанындағы ғылыми-техникалық кеңестер": the body it is attached to
            elif KK_STOP.search(w.lower()) and not KK_PASSIVE_PARTICIPLE.search(w.lower()):
                break  # an active participle has an agent of its own; a passive one is an attribute
            elif w.lower() in KK_POSTPOSITIONS:
                break  # "… қорытындысы бойынша конкурстық комиссия": what the postposition governs is no name
            elif w.lower() in KK_DETERMINERS:
                break  # "оның басқарушы компаниясы", "мұнда …": the name starts after them
            elif not attached and KK_BARE_BODY.match(w):
                break  # "Уәкілетті орган ұлттық ғылыми кеңестердің …": another body, the clause's subject
            elif attached and not (w[:1].isupper() or ORGANISATION.match(w) or KK_ATTACHED_WORD.search(w)):
                break  # the attached body's name: its noun and modifiers ("салалық уәкілетті органдар")
            elif not attached and w[:1].islower() and not KK_MODIFIER.match(w) and _object(w.lower()):
                break  # "шешімдерін": an object, not part of the name
            run.append((w, offset + ws))
            edge = offset + ws
        capital = [k for k, (w, _) in enumerate(run) if w[:1].isupper()]
        if attached and run[-1][0].lower() != KK_ATTACHED:
            start = run[-1][1]
        elif capital:
            start = run[capital[-1]][1]
        else:
            k = 0
            while k < len(run) and (
                KK_MODIFIER.match(run[k][0])
                or KK_GENITIVE.search(run[k][0])
                or KK_PASSIVE_PARTICIPLE.search(run[k][0])
                or KK_AGENT_NOUN.search(run[k][0])
                or (k == 0 and KK_VERBAL_NOUN.search(run[k][0]) and not _takes_object(text, run[0][1]))
                or run[k][0].lower() in KK_PLAIN_ADJECTIVES
            ):
                k += 1  # adjectives, owners in the genitive, passive participles, agent nouns ("басқарушы")
            if k == 0:
                continue
            start = run[k - 1][1]
        if PLACE_WORD.match(text[start : m.start()]):
            start = places_before(text, start)  # "Облыстардың, республикалық маңызы бар қалалардың және астананың"
        suf = m["suf"].lower()
        kind = "subject" if KK_NOMINATIVE.match(suf) else "genitive" if KK_GENITIVE.search(suf) else "other"
        out.append(Named(m.start("head"), m.end(), (start, m.end()), text[start : m.end()], kind, "before", suf))
    return out


def places_before(text: str, start: int) -> int:
    """Back over the places in the genitive that name a body before it (Kazakh)."""
    m = PLACES_BEFORE.search(text[max(0, start - 200) : start])
    return start - len(m.group(0)) if m else start


def places_after(text: str, end: int) -> int:
    """On over the places in the genitive that name a body after it (Russian)."""
    m = PLACES_AFTER.match(text, end)
    return m.end() if m else end


def _takes_object(text: str, at: int) -> bool:
    """Is the word before `at` an object (of the verbal noun at `at`)?"""
    before = clause_words(text[max(0, at - 40) : at])
    return bool(before) and not text[max(0, at - 40) + before[-1][2] : at].strip() and _object(before[-1][0].lower())


def _object(word: str) -> bool:
    """A Kazakh word in a case other than the nominative and genitive ("шешімдерін", "органға")."""
    return bool(KK_CASE_ENDING.search(word) or (KK_POSSESSIVE_ACCUSATIVE.search(word) and not kk_bare(word)))


def aliases(text: str) -> dict[str, str]:
    """Short form -> the full name it stands for, for short forms of organisations' names.

    The full name is the organisation's name just before "(далее – …)"; a short form that
    is a name itself ("(далее – Национальная академия наук)") stands for the name before it too."""
    out: dict[str, str] = {}
    text = repair_homoglyphs(text)
    organs = _organ_lists(text)
    for m in ALIAS.finditer(text):
        alias = m["alias"].strip(' «»"')
        if not (re.search(ORG_RU, alias, re.I) or re.search(ORG_KK, alias, re.I)):
            continue
        before = text[max(0, m.start() - 200) : m.start()]
        start = NAME_START.search(before)
        clause = before[start.end() :] if start else before
        itself = [n for n in named_bodies(alias) if n.phrase == (0, len(alias)) and n.case == "subject"]
        names = sorted(named_bodies(clause), key=lambda n: (-n.phrase[1], n.phrase[0]))
        # a short form that is a full name in the nominative names best ("Ұлттық ғылым академиясы");
        # else the name that ends last before it, the longest of them ("попечительский совет")
        full = alias if itself else names[0].name if names else re.sub(r"^\s*\d+(?:-\d+)*\)\s*", "", clause).strip()
        if full:
            out[alias] = _of_owner(full, m.start(), organs)
    return out


def _organ_lists(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, owner, side) of each list of a body's organs: its lead-in and the item lines after it."""
    out = []
    for pattern, side in ORGANS_OF:
        for m in pattern.finditer(text):
            end = m.end()
            for line in re.finditer(r"[^\n]*\n?", text[end:]):
                if not line.group(0):
                    break
                if line.group(0).strip() and not LIST_ITEM_LINE.match(line.group(0)):
                    break
                end = m.end() + line.end()
            out.append((m.start(), end, m["owner"].strip(), side))
    return out


def _of_owner(full: str, at: int, organs: list[tuple[int, int, str, str]]) -> str:
    """The full name of an organ named in a list of a body's organs, with its owner
    ("президиум" -> "президиум Национальной академии наук", kk "төралқа" -> "… академиясының төралқасы")."""
    for start, end, owner, side in organs:
        if not start <= at < end:
            continue
        if side == "after":
            return full if owner.lower() in full.lower() else f"{full} {owner}"
        bare = re.sub(rf"(?:{alternation(KK_CASE['genitive'])})$", "", owner)
        if full.lower().startswith(bare.lower()):
            return full
        words = full.split()
        return " ".join([owner, *words[:-1], kk_possessed(words[-1])])
    return full


def shortened(names: list[str]) -> dict[str, str]:
    """Organisation names a law gives in full (a defined term, an article's title) -> the shorter
    name it uses elsewhere: the organisation noun and its modifiers without the rest
    ("межведомственная комиссия по промышленной политике" -> "межведомственная комиссия",
    kk "өнеркәсіптік саясат жөніндегі ведомствоаралық комиссия" -> "ведомствоаралық комиссия").
    A shorter name two full names share stands for neither."""
    out: dict[str, str] = {}
    ambiguous: set[str] = set()
    fulls = list(dict.fromkeys(collapse(n).strip(" .") for n in names))
    own = {f.casefold() for f in fulls}
    for full in fulls:
        for n in named_bodies(full):
            whole = n.phrase[0] == 0 if n.side == "after" else n.phrase[1] == len(full)
            if not whole or n.case != "subject" or len(n.name) >= len(full):
                continue
            short = n.name.strip()
            if short.casefold() in own:
                continue  # a name the law gives in full itself ("индустриялық аймақтың басқарушы компаниясы")
            if out.get(short, full).casefold() != full.casefold():
                ambiguous.add(short)
            out.setdefault(short, full)
    return {k: v for k, v in out.items() if k not in ambiguous}


def titled_name(title: str) -> str | None:
    """A Kazakh article title that is an organisation's name and nothing else, where the name reader
    does not take it whole ("Мемлекеттік-жекешелік әріптестікті дамыту орталығы": what a centre develops
    stands before it, in the accusative). The law titles the article about the organisation by its name."""
    title = collapse(title).strip(" .")
    words = title.split()
    if not KAZAKH.search(title) or len(words) < 2 or not words[0][:1].isupper() or predicates(title, "kk"):
        return None
    head = NAMED_KK.fullmatch(words[-1])
    if (
        not head
        or not KK_NOMINATIVE.match(head["suf"].lower())
        or any(n.phrase == (0, len(title)) for n in named_bodies(title))
    ):
        return None
    return title


def bracket_shortened(text: str) -> dict[str, str]:
    """A name the law gives with an alternative in brackets ("конкурсная (аукционная) комиссия", kk
    "конкурстық (аукциондық) комиссия") -> the same name without it, which the law also uses
    ("конкурсной комиссией"): the shorter name stands for the full one (the full name in the
    nominative where the law gives it so)."""
    found: dict[tuple[str, ...], tuple[str, str]] = {}
    for n in sorted(named_bodies(text), key=lambda n: n.case != "subject"):
        if "(" not in n.name or n.name.count("(") != n.name.count(")"):
            continue  # no alternative, or a name cut inside its brackets
        short = collapse(re.sub(r"\s*\([^()]*\)", "", n.name))
        key = tuple(w[:5].casefold() for w in short.split())
        if len(key) > 1:
            found.setdefault(key, (short, collapse(n.name)))
    return dict(found.values())


def alias_mentions(text: str, short: dict[str, str]) -> list[Named]:
    """Where the text names an organisation by the short form it gave it, in any case form."""
    text = repair_homoglyphs(text)
    out = []
    for alias, full in short.items():
        words = alias.split()
        if not words:
            continue
        kazakh = bool(re.search(r"[әғқңөұүһі]", alias + full))
        # Russian inflects the end of each word; Kazakh adds endings (and voices a final к/қ/п).
        stems = [w[:-1] if kazakh and w[-1] in "кқп" else w if kazakh else w[: max(3, len(w) - 2)] for w in words]
        pattern = re.compile(
            r"(?<![\w-])" + r"\s+".join(rf"{re.escape(s)}[{LOWER}]*" for s in stems) + r"(?![\w-])", re.I
        )
        for m in pattern.finditer(text):
            last = m.group(0).split()[-1]
            suffix = last[len(stems[-1]) :].lower()
            if kazakh:
                if KK_PLURAL_START.match(suffix) or KK_DERIVED.match(suffix):
                    continue  # "кеңестер", "кеңестік": not the one organisation the short form names
                prev = clause_words(text[max(0, m.start() - 40) : m.start()])
                if prev and prev[-1][0][:1].islower() and KK_MODIFIER.match(prev[-1][0]):
                    continue  # "ғылыми-техникалық кеңес": another council
                case = (
                    "genitive" if KK_GENITIVE.search(suffix) else "subject" if KK_NOMINATIVE.match(suffix) else "other"
                )
            else:
                if ru_lemma(last.lower()) != ru_lemma(words[-1].lower()):
                    continue
                prev = clause_words(text[max(0, m.start() - 40) : m.start()])
                if (
                    prev
                    and not text[prev[-1][2] + max(0, m.start() - 40) : m.start()].strip()
                    and _adjective(prev[-1][0])
                ):
                    continue  # "научно-технический совет": another council
                found = m.group(0).split()
                head = next((w for w in found if re.match(ORG_RU, w, re.I)), found[-1])  # the noun carries the case
                case = _case(head)
                plural = "plur" in {str(p.tag.number) for p in morph().parse(words[-1].lower())[:1]}
                if plural != ("plur" in {str(p.tag.number) for p in morph().parse(last.lower())[:1]}):
                    continue  # "технические комитеты" for the short form "технический комитет": the plural kind
                if case == "subject" and not plural and not ru_singular_nominative(head):
                    case = (
                        "genitive" if "gent" in ru_cases(head) else "other"
                    )  # one organisation: "собрания" is no subject
            out.append(Named(m.start(), m.end(), m.span(), full, case, "before" if kazakh else "after", suffix))
    return out


def _adjective(word: str) -> bool:
    return bool(re.fullmatch(_ADJ, word)) and ru_case(word) != "None"


def _case(word: str, adjective: str | None = None) -> str:
    """A Russian noun's role in its clause, by the cases its form may have ("президиум": nominative or
    accusative) and its adjective agrees with ("управляющей компании": not the plural nominative)."""
    cases = ru_cases(word)
    if adjective and cases & ru_cases(adjective):
        cases = cases & ru_cases(adjective)
    return "subject" if "nomn" in cases else "agent" if "ablt" in cases else "genitive" if "gent" in cases else "other"


__all__ = ["ALIAS", "Named", "alias_mentions", "aliases", "bracket_shortened", "named_bodies", "shortened"]
