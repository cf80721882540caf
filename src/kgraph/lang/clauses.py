"""What makes a clause in Russian and Kazakh: its predicates, participles and
the prepositions that take a noun out of the subject's role.

Russian words are read by the one pymorphy3 analyzer (`kgraph.lang.forms.morph`);
Kazakh, which has none here, by its verb endings (a Kazakh clause ends with its
verb). Used by the law reader to tell which body a sentence empowers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kgraph.lang.forms import morph
from kgraph.lang.script import LOWER

WORD = re.compile(rf"[{LOWER}A-Za-z]+(?:-[{LOWER}A-Za-z]+)*", re.IGNORECASE)

# Russian predicates that grant a right or a duty without a finite verb, and copulas (defining, not empowering).
RU_MODALS = frozenset(
    {"вправе", "обязан", "обязана", "обязано", "обязаны", "может", "могут", "должен", "должна", "должны"}
)
# What stands between a modal and the passive participle it makes a predicate of ("может быть создана").
RU_MODAL_PASSIVE = re.compile(r"\s+быть\s+(?:[а-яё]+\s+)?", re.IGNORECASE)
RU_COPULAS = frozenset({"являться", "относиться", "входить", "состоять", "называться", "признаваться"})
# A clause about the body's own activity or composition describes it and grants nothing
# ("осуществляет свою деятельность", "объединяет в своем составе", "өз қызметін … жүзеге асырады").
SELF_DESCRIPTION = re.compile(
    r"сво(?:ю|ей|ем|его)\s+(?:деятельност|состав)|өз\s+(?:қызмет|құрам)"
    # "… фонд … функционирует в соответствии с законодательством", kk "… жұмыс істейді": it operates
    r"|(?<![а-я])функциониру(?:ет|ют)(?![а-я])|(?<![а-яәғқңөұүһі])жұмыс\s+істейді",
    re.IGNORECASE,
)
# "подлежит исполнению X-ом", "подлежат рассмотрению X-ом": a duty of the body in the instrumental, as a passive verb.
RU_PASSIVE_LIKE = frozenset({"подлежать"})
# Prepositions after which an instrumental noun is not the agent ("с уполномоченным органом").
RU_INSTRUMENTAL_PREPOSITIONS = frozenset({"с", "со", "между", "над", "под", "перед", "за", "совместно"})
# Kazakh: the 3rd-person present-future ("бекітеді", "жасайды", "қамтиды"), the modal predicates
# ("құқылы" entitled, "міндетті" obliged, "тиіс" must) and the copulas ("болып табылады", "жатады", "кіреді").
KK_FINITE = re.compile(r"(?:ады|еді|йды|йді|иды|иді)$|^(?:құқылы|міндетті|тиіс|болады|мүмкін)$")
# "құқығы бар" (has the right): "бар" alone is also "having" ("маңызы бар қалалар").
KK_HAS_RIGHT = re.compile(r"құқы(?:ғы|қтары)\s+бар(?![а-яәғқңөұүһі])")
KK_PASSIVE = re.compile(r"(?:ыл|іл|[а-яәғқңөұүһі]{3}[аеыіу]л|[а-яәғқңөұүһі]{2}(?:ле|ла)н)(?:ады|еді)$")
# A passive verbal noun before "мүмкін" makes the predicate passive: "ұзартылуы мүмкін", "мақұлдануы мүмкін".
KK_PASSIVE_VERBAL_NOUN = re.compile(r"(?:ыл|іл|[аеыіу]л|[аеыіу]н)(?:уы|уі)$")
KK_COPULAS = frozenset({"табылады", "жатады", "кіреді", "саналады"})
# A Russian adverbial opening a sentence before its subject ("В случае …", "При поступлении …", "После …").
RU_ADVERBIAL_OPENING = re.compile(
    r"^\s*(?:в\s+случае|при|после|до|по\s+итогам|по\s+результатам|с\s+учетом|в\s+течение|в\s+целях|для)(?![а-яё])",
    re.IGNORECASE,
)
# ... with the verbal noun of an action after it ("В случае учреждения …", "После вынесения решения …"):
# an instrumental body further on, before the clause's own subject or verb, is that action's agent
# ("В случае учреждения компании Правительством руководитель … назначается").
RU_VERBAL_NOUN = re.compile(r"^[а-яё]{2,}(?:ни|ти)я$|^дачи$", re.IGNORECASE)
RU_NOMINAL_OPENING = re.compile(
    r"^\s*(?:в\s+случае|при|после|до|по\s+итогам|по\s+результатам|с\s+учетом)\s+"
    r"(?:[а-яё]{2,}(?:ни|ти)[яеию]|дачи)(?![а-яё])",
    re.IGNORECASE,
)
# A copula clause that states a body's tasks or functions: "Задачами X являются …", kk "X-тың міндеттері …
# болып табылады": X is given them.
RU_TASKS_OF = re.compile(r"^\s*(?:основн[а-я]*\s+)?(?:задач|функци)[а-я]*\s+$", re.IGNORECASE)
KK_TASKS_WORDS = frozenset({"міндеттері", "міндеті", "функциялары", "функциясы"})
# A copula clause that gives a body a function: "Рабочим органом Совета является …", "Кеңестің жұмыс органы … болып табылады".
WORKING_BODY = re.compile(r"рабоч[а-я]+\s+орган|жұмыс\s+орган", re.IGNORECASE)
# Kazakh postpositions: a noun before one is not the clause's subject ("X мен Y арасында", "X туралы").
KK_POSTPOSITIONS = frozenset(
    {"арасында", "арасындағы", "туралы", "бойынша", "үшін", "сияқты", "секілді", "жанындағы", "жанынан", "қатысуымен"}
)
# A Kazakh subordinate clause closes with a participle in a case ("шығарғаннан", "қабылдағанға") or a
# participle and a postposition ("берген жағдайда", "берген кезде"): its subject is not the main verb's.
KK_SUBORDINATE_PARTICIPLE = re.compile(r"(?:ған|ген|қан|кен)(?:нан|нен|ға|ге|да|де|ша|ше)$")
KK_SUBORDINATE_CLOSERS = frozenset({"жағдайда", "кезде", "кейін", "соң", "дейін"})
# The agent of a Kazakh passive verb: "уәкілетті орган тарапынан".
KK_AGENT_POSTPOSITION = "тарапынан"
# The body whose decision a passive verb's action follows decides it: "по решению Правительства … может
# быть продлен", kk "Үкіметінің шешімі бойынша ұзартылуы мүмкін", "Үкіметінің шешімімен құрылады".
RU_BY_DECISION = re.compile(r"(?<![а-яё])(?:по\s+решению|решением)\s+$", re.IGNORECASE)
KK_BY_DECISION = (("шешімі", "бойынша"), ("шешімімен",))


@dataclass(frozen=True)
class Predicate:
    start: int
    end: int
    word: str
    passive: bool  # "утверждаются", "утверждены", kk "бекітіледі"
    copula: bool  # "является", kk "болып табылады": the clause defines, it grants nothing
    modal: bool  # "вправе", "обязан", kk "құқылы"


@lru_cache(maxsize=100_000)
def _ru_tag(word: str) -> tuple[str, str, bool, bool, str]:
    """(part of speech, normal form, passive, indicative, case) of the likeliest parse."""
    p = morph().parse(word)[0]
    tag = p.tag
    return (str(tag.POS), p.normal_form, "pssv" in tag, "indc" in tag, str(tag.case))


def predicates(text: str, lang: str) -> list[Predicate]:
    """The finite predicates of a text, in order."""
    out = []
    if lang == "kk":
        out = [Predicate(m.end() - 3, m.end(), "бар", False, False, True) for m in KK_HAS_RIGHT.finditer(text)]
    previous = ""
    for m in WORD.finditer(text):
        w = m.group(0).lower()
        if lang == "kk":
            if KK_FINITE.search(w):
                passive = bool(KK_PASSIVE.search(w)) or (
                    w == "мүмкін" and bool(KK_PASSIVE_VERBAL_NOUN.search(previous))
                )
                out.append(Predicate(m.start(), m.end(), w, passive, w in KK_COPULAS, not w.endswith(("ды", "ді"))))
            previous = w
            continue
        prev, previous = previous, w
        if w in RU_MODALS:
            out.append(Predicate(m.start(), m.end(), w, False, False, True))
            continue
        pos, normal, passive, indicative, _ = _ru_tag(w)
        if pos == "INFN" and prev in RU_MODALS and w.endswith(("ся", "сь")):
            # "может осуществляться X-ом": the modal's reflexive infinitive is a passive verb as well
            out.append(Predicate(m.start(), m.end(), w, True, False, False))
        elif pos == "VERB" and indicative:
            passive = w.endswith(("ся", "сь")) or normal in RU_PASSIVE_LIKE
            out.append(Predicate(m.start(), m.end(), w, passive, normal in RU_COPULAS, False))
        elif pos == "PRTS" and passive:
            out.append(Predicate(m.start(), m.end(), w, True, False, False))
    out = sorted(out, key=lambda p: p.start)
    if lang != "kk":  # "может быть создана", "должно быть принято": the modal is part of a passive predicate
        passive = [p for p in out if p.passive]
        out = [
            p for p in out if not (p.modal and any(RU_MODAL_PASSIVE.fullmatch(text[p.end : q.start]) for q in passive))
        ]
    return out


@lru_cache(maxsize=100_000)
def ru_adjective(word: str) -> bool:
    """Can the Russian word be an adjective or a participle in its full form ("научные", "определенным")?"""
    return any(str(p.tag.POS) in ("ADJF", "PRTF") for p in morph().parse(word.lower()))


@lru_cache(maxsize=100_000)
def ru_participle(word: str) -> bool:
    """A full participle ("определяемым", "утвержденных"; also when it may be read as an adjective,
    "определенным") or a gerund: it starts a phrase of its own."""
    return any(str(p.tag.POS) in ("PRTF", "GRND") for p in morph().parse(word.lower()))


@lru_cache(maxsize=100_000)
def ru_adverb(word: str) -> bool:
    """Is the likeliest reading of the Russian word an adverb ("ежегодно", "регулярно")?"""
    parses = morph().parse(word.lower())
    return bool(parses) and str(parses[0].tag.POS) == "ADVB"


@lru_cache(maxsize=100_000)
def ru_number(word: str) -> str | None:
    """ "sing" or "plur" when every reading of a Russian word agrees on it ("уведомляют": plur), else None."""
    numbers = {str(p.tag.number) for p in morph().parse(word.lower()) if p.tag.number}
    return numbers.pop() if len(numbers) == 1 else None


@lru_cache(maxsize=100_000)
def ru_attribute_participle(word: str) -> bool:
    """An intransitive active participle ("управляющая", "действующий"): it takes no object, so right
    before its noun it is an attribute ("управляющая компания"), not the start of a phrase of its own."""
    parses = [p for p in morph().parse(word.lower()) if str(p.tag.POS) == "PRTF"]
    return bool(parses) and all("intr" in p.tag and "actv" in p.tag for p in parses)


@lru_cache(maxsize=100_000)
def ru_cases(word: str) -> frozenset[str]:
    """Every grammatical case a Russian word may be in ("национальной": gent, datv, ablt, loct)."""
    return frozenset(str(p.tag.case) for p in morph().parse(word.lower()) if p.tag.case)


@lru_cache(maxsize=100_000)
def ru_singular_nominative(word: str) -> bool:
    """Can the Russian word be a nominative singular ("президиум" yes, "собрания" no: genitive or plural)?"""
    return any(p.tag.case == "nomn" and p.tag.number != "plur" for p in morph().parse(word.lower()))


def ru_case(word: str) -> str:
    """The grammatical case of a Russian word's likeliest parse ("nomn", "ablt", …; "None" if none)."""
    return _ru_tag(word.lower())[4]


def words(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) of the letter words of a text."""
    return [(m.group(0), m.start(), m.end()) for m in WORD.finditer(text)]


__all__ = [
    "KK_AGENT_POSTPOSITION",
    "KK_COPULAS",
    "KK_POSTPOSITIONS",
    "RU_INSTRUMENTAL_PREPOSITIONS",
    "RU_MODALS",
    "RU_NOMINAL_OPENING",
    "RU_VERBAL_NOUN",
    "SELF_DESCRIPTION",
    "WORKING_BODY",
    "Predicate",
    "predicates",
    "ru_adjective",
    "ru_adverb",
    "ru_case",
    "ru_cases",
    "ru_participle",
    "ru_singular_nominative",
    "words",
]
