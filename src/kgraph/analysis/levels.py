"""Levels of one function: what a power does with its object.

A function passes through levels: a body develops something (rules, a plan, a
list), another approves it, others implement it and someone controls it. Two
powers over the same object at different levels are a division of labour (a
ministry develops the rules, the Government approves them), not a duplicate.

`classify(forms, lang)` reads the governing verbs of a power from its base
forms (Russian lemmas, Kazakh stems: `kgraph.lang.compare_forms`): in Russian the
verbs open the item («разрабатывает и утверждает правила …», «Разработка …»),
in Kazakh they close it («… әзірлейді және бекітеді»). Light verbs
(«осуществляет», «обеспечивает», «участвует», «жүзеге асырады», «қамтамасыз
етеді») pass to the verbal noun they govern («осуществляет мониторинг» is
control). An object that is itself a set of rules (правила, порядок,
методика, қағида, әдістеме …) marks rule-making: making the rules for X and
doing X are levels of one function too.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from kgraph.lang import compare_forms

ORDER = ("propose", "develop", "agree", "approve", "implement", "control")

# (level, Russian forms, Kazakh forms): forms are reduced by the same lemmatiser
# and stemmer as the texts, so any inflected form meets its entry.
VERBS: tuple[tuple[str, str, str], ...] = (
    ("propose", "вносить;внесение;предлагать", "ұсыну;ұсынады"),
    (
        "develop",
        "разрабатывать;разработка;разработать;вырабатывать;выработка;выработать;подготавливать;подготовка;"
        "подготовить;готовить;формировать;формирование;сформировать",
        "әзірлеу;әзірлейді;әзірлеп;дайындау;дайындайды;қалыптастыру;қалыптастырады;пысықтау;пысықтайды",
    ),
    (
        # Agreeing another body's act or decision is not taking it: «согласовывает решение о
        # создании» (the Government's authorized body) against «принимает решение о создании».
        "agree",
        "согласовывать;согласование;согласовать",
        "келісу;келіседі;келісіп",
    ),
    (
        "approve",
        "утверждать;утверждение;утвердить;определять;определение;определить;устанавливать;установление;"
        "установить;принимать;принятие",
        "бекіту;бекітеді;бекітіп;айқындау;айқындайды;белгілеу;белгілейді;қабылдау;қабылдайды",
    ),
    (
        "implement",
        "реализовывать;реализация;реализовать;"
        "вести;ведение;оказывать;оказание;предоставлять;предоставление;выдавать;выдача;исполнять;исполнение;"
        "внедрять;внедрение",
        "іске асыру;іске асырады;өткізу;өткізеді;көрсету;көрсетеді;беру;береді",
    ),
    (
        "control",
        "контролировать;контроль;надзор;мониторинг;проверка;проверять;наблюдение;оценка;оценивать",
        "бақылау;бақылайды;қадағалау;қадағалайды;мониторинг;тексеру;тексереді;бағалау;бағалайды",
    ),
)
# Light verbs: the level is that of the verbal noun they govern; alone, they implement.
LIGHT = (
    "осуществлять;осуществление;обеспечивать;обеспечение;проводить;проведение;провести;организовывать;организовать",
    "жүзеге асыру;жүзеге асырады;қамтамасыз ету;қамтамасыз етеді;жүргізу;жүргізеді;ұйымдастыру;ұйымдастырады",
)
PARTICIPATE = (
    "участвовать;участие;принимать участие;содействовать;содействие",
    "қатысу;қатысады;жәрдемдесу;жәрдемдеседі",
)
# Proposals: вносит предложения, ұсыныстар енгізеді (the level below developing).
PROPOSE = ("предложение", "ұсыныс;ұсыныстар;енгізу;енгізеді")
# Objects that are rules: making them is rule-making.
RULES = (
    "правило;порядок;методика;методология;положение;требование;норма;норматив;стандарт;критерий;регламент;инструкция",
    "қағида;қағидалары;тәртіп;тәртібі;әдістеме;әдістемесі;ереже;ережесі;талап;талаптары;норма;нормалары;"
    "норматив;стандарт;стандарттары;өлшемшарт;өлшемшарттары;нұсқаулық;нұсқаулығы",
)
# Generic nouns: what they govern is the object («обеспечение работы комиссии», «деятельность
# комиссии»: the commission), not a head of its own.
GENERIC = (
    "работа;деятельность;функционирование;вопрос;мера;меры;мероприятие;услуга",
    "жұмыс;жұмысы;қызмет;қызметі;мәселе;шара;шаралар;іс-шара",
)
# A model of the object («типовое положение», «үлгілік ереже»): making the model is a level above
# making each instance on it («утверждает типовое положение» against «утверждает положение о зоне»).
TEMPLATE = ("типовой", "үлгілік;үлгі;үлгілері")
# Words between governing verbs («разрабатывает и утверждает», «әзірлейді және бекітеді»).
LINKS = (
    "и;в;а также;в пределах свой компетенция;в пределах компетенция;ежегодно;ежегодный",
    "және;мен;бен;пен;сондай-ақ;жыл сайын;жыл сайынғы;өз құзыреті шегінде;құзыреті шегінде",
)


@dataclass(frozen=True)
class Action:
    levels: frozenset[str]  # subset of ORDER; empty when no governing verb is known
    rules: bool  # the object is a set of rules
    span: tuple[int, int]  # the governing words' positions in the forms (start, end)
    participates: bool = False  # «участвует в …», «… қатысады»: a share in the action, not the action
    template: bool = False  # the object is a model («типовое …»): making it is a level above the instance


def _phrases(words: str, lang: str) -> list[tuple[str, ...]]:
    """Entries separated by ";" as tuples of base forms."""
    return [key for w in words.split(";") if (key := tuple(compare_forms(w, lang)))]


@cache
def _table(lang: str) -> dict[tuple[str, ...], str]:
    """Phrase (tuple of base forms) -> its kind: a level, 'light', 'propose', 'link' or 'rules'."""
    col, k = (1, 0) if lang == "ru" else (2, 1)
    out: dict[tuple[str, ...], str] = {}
    for kind, words in (
        ("link", LINKS[k]),
        ("rules", RULES[k]),
        ("generic", GENERIC[k]),
        ("template", TEMPLATE[k]),
        ("propose", PROPOSE[k]),
        ("light", LIGHT[k]),
        ("participate", PARTICIPATE[k]),
    ):
        for key in _phrases(words, lang):
            out[key] = kind
    for entry in VERBS:
        for key in _phrases(entry[col], lang):
            out.setdefault(key, entry[0])
    return out


def _units(forms: Sequence[str], lang: str) -> list[tuple[int, int, str]]:
    """The forms cut into known phrases (longest first) and single other words: (start, end, kind)."""
    table = _table(lang)
    longest = max(map(len, table))
    out, i = [], 0
    while i < len(forms):
        for n in range(min(longest, len(forms) - i), 0, -1):
            kind = table.get(tuple(forms[i : i + n]))
            if kind:
                out.append((i, i + n, kind))
                i += n
                break
        else:
            out.append((i, i + 1, "other"))
            i += 1
    return out


def classify(forms: Sequence[str], lang: str) -> Action:
    """The governing levels of a power given as base forms (see the module doc).

    The governing words are read from where the language puts them (the start in
    Russian, the end in Kazakh): verbs joined by link words («и», «және»); a light
    verb may govern one verbal noun; a level word not followed by a link ends the
    run (in «мониторинг реализации» the second noun is the object)."""
    units = _units(forms, lang)
    if lang != "ru":
        units = units[::-1]
    levels: set[str] = set()
    light = proposing = participates = False
    used: list[tuple[int, int]] = []
    want_head = True  # a verb may come next (start, or after a link or a light verb)
    for k, (start, end, kind) in enumerate(units):
        word = forms[start]
        if kind in ORDER and (want_head or _listed(units, k, lang) or _converb(word, lang)):
            levels.add(kind)
            want_head = _converb(word, lang)
        elif kind in ("light", "participate") and (want_head or lang != "ru"):
            light = light or kind == "light"
            participates = participates or kind == "participate"
            want_head = True
        elif kind == "propose":
            proposing = want_head = True
        elif kind == "link":
            want_head = want_head or bool(used)
        else:
            break
        used.append((start, end))
    while used and _table(lang).get(tuple(forms[used[-1][0] : used[-1][1]])) == "link":
        used.pop()  # a trailing link word belongs to the object
    if proposing and not levels:
        levels.add("propose")
    if (light or participates) and not levels:
        levels.add("implement")
    lo = min((u[0] for u in used), default=0)
    hi = max((u[1] for u in used), default=0)
    rest = [j for j in range(len(forms)) if not lo <= j < hi]
    head = rest[:2] if lang == "ru" else rest[-2:]
    rules = any(_table(lang).get((forms[j],)) == "rules" for j in head)
    template = any(_table(lang).get((forms[j],)) == "template" for j in head)
    return Action(frozenset(levels), rules, (lo, hi), participates, template)


def is_rules(form: str, lang: str) -> bool:
    """Is a base form a word for a set of rules (правило, порядок, қағида, әдістеме …)?"""
    return _table(lang).get((form,)) == "rules"


def is_generic(form: str, lang: str) -> bool:
    """Is a base form a generic noun (работа, деятельность, жұмыс, қызмет …: `GENERIC`)?"""
    return _table(lang).get((form,)) == "generic"


def _converb(word: str, lang: str) -> bool:
    """A Kazakh converb («әзірлеп, бекітеді») joins verbs as a link does."""
    return lang == "kk" and word.endswith("п")


def _listed(units, k: int, lang: str) -> bool:
    """A level word right after another one is part of a list of verbs («разработка,
    утверждение и реализация») when a link and a level word follow before any other word."""
    table_kinds = [kind for _, _, kind in units[k + 1 :]]
    for a, b in itertools.pairwise(table_kinds):
        if a == "link" and b in ORDER:
            return True
        if a not in ORDER:
            return False
    return False


def object_forms(forms: Sequence[str], action: Action) -> list[str]:
    """The forms without the governing words."""
    lo, hi = action.span
    return [f for j, f in enumerate(forms) if not lo <= j < hi]


SAME, PARTIAL, LEVELS, UNKNOWN = "same", "partial", "levels", "unknown"


def relation(a: Action, b: Action) -> str:
    """How two powers over one object divide the work: the same levels, some in
    common, different levels of one function, or unknown (a side without a
    known governing verb)."""
    if not a.levels or not b.levels:
        return UNKNOWN
    if a.rules != b.rules or a.template != b.template:
        return LEVELS  # making the rules (or the model) for X vs doing X
    if a.levels == b.levels:
        return SAME if a.participates == b.participates else PARTIAL
    return PARTIAL if a.levels & b.levels else LEVELS


def describe(a: Action, b: Action) -> str:
    """'develops → approves' style words for a pair of levels (for the verdict)."""

    def words(x: Action) -> str:
        names = [lv for lv in ORDER if lv in x.levels] or ["acts on"]
        verbs = {"propose": "proposes", "develop": "develops", "agree": "agrees", "approve": "approves"}
        verbs |= {"implement": "implements", "control": "controls"}
        text = " and ".join(verbs.get(n, n) for n in names)
        return text + (" the rules of" if x.rules else "")

    return f"{words(a)} / {words(b)}"
