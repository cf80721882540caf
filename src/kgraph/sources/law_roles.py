"""Roles and bodies a law names (helper of `kgraph.sources.law`).

A law names the bodies it empowers by role phrases ("уәкілетті орган" in a
field, "ұлттық оператор" for a field, a council, the Government), which map to
role slugs by general patterns plus one small table of field phrases in
Russian and Kazakh; by the names of organisations ("Национальная академия
наук Республики Казахстан", "Ғылым қоры"); and by the short forms the law
gives them ("(далее – совет)"). `role_mentions(text)` finds them all, with
their case (the subject, or the agent of a passive verb) and the phrase that
names them. Everything here is pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kgraph.lang import (
    KK_CASE,
    KK_PARTICIPLE,
    KK_PLURAL,
    KK_PLURAL_POSSESSIVE,
    KK_POSSESSIVE,
    LOWER,
    alternation,
    base_forms,
    clause_words,
    has_kazakh,
    kk_bare,
    repair_homoglyphs,
    ru_adjective,
    ru_case,
    ru_cases,
)
from kgraph.sources import law_bodies, law_owner_fields
from kgraph.text import collapse

# --- role phrases ---------------------------------------------------------------


def tolerant(pattern: str, flags: int = re.I) -> re.Pattern[str]:
    """Compile a pattern that also matches words split around "і".

    PDF extraction spaces the Kazakh letter і apart ("уәк ілетт і орган
    жүрг і зед і") and the normalizer cannot tell such a space from a word
    boundary; literal "і" outside character classes may carry a space on
    either side.
    """
    out, depth, i = [], 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        depth += c == "["
        depth -= c == "]"
        out.append("[ ]?і[ ]?" if c == "і" and depth == 0 else c)
        i += 1
    return re.compile("".join(out), flags)


# Kazakh puts the field before the role noun ("X саласындағы уәкілетті орган"),
# Russian after it ("уполномоченный орган в области X"): `side` says where to look.
# `suf` captures the case/number ending so that agents (nominative) can be told
# from objects ("операторды", "Үкіметіне").
ROLE_PHRASES: list[tuple[re.Pattern[str], str, str]] = [
    (tolerant(p), kind, side)
    for p, kind, side in [
        (r"(?:Қазақстан\s+Республикасы(?:ның)?\s+)?Үкімет(?P<suf>[а-яәғқңөұүһі]*)", "government", "before"),
        (r"Правительств(?P<suf>[а-я]*)(?:\s+Республики\s+Казахстан)?", "government", "after"),
        # the head of state, capitalised ("президент Национальной академии наук" is another office)
        (r"(?:Қазақстан\s+Республикасы(?:ның)?\s+)?(?-i:Президент)(?P<suf>[а-яәғқңөұүһі]*)", "president", "before"),
        (r"(?-i:Президент)(?P<suf>[а-я]*)(?:\s+Республики\s+Казахстан)?", "president", "after"),
        (r"салалық\s+уәкілетті\s+орган(?P<suf>[а-яәғқңөұүһі]*)", "sectoral-authorized-body", "before"),
        # "the authorized body of the relevant branch" is the branch's authorized body, whatever the branch
        (
            r"тиісті\s+сала(?:лар)?(?:дың|ның)\s+(?:орталық\s+)?уәкілетті\s+(?:мемлекеттік\s+)?орган(?P<suf>[а-яәғқңөұүһі]*)",
            "sectoral-authorized-body",
            "before",
        ),
        (
            r"(?:центральн[а-я]*\s+)?уполномоченн[а-я]*\s+(?:государственн[а-я]*\s+)?орган(?P<suf>[а-я]*)"
            r"\s+соответствующ(?:ей|их)\s+отрасл(?:и|ей)(?![а-я])",
            "sectoral-authorized-body",
            "after",
        ),
        (r"отраслев[а-я]*\s+уполномоченн[а-я]*\s+орган(?P<suf>[а-я]*)", "sectoral-authorized-body", "after"),
        # "центральный уполномоченный орган по исполнению бюджета": "central" is part of its name
        (r"(?:орталық\s+)?уәкілетті\s+(?:мемлекеттік\s+)?орган(?P<suf>[а-яәғқңөұүһі]*)", "authorized-body", "before"),
        (
            r"(?:центральн[а-я]*\s+)?уполномоченн[а-я]*\s+(?:государственн[а-я]*\s+)?орган(?P<suf>[а-я]*)",
            "authorized-body",
            "after",
        ),
        # a body named by what it does in a field ("координирующий орган в области маркировки …")
        (r"(?:үйлестіруші|реттеуші)\s+орган(?P<suf>[а-яәғқңөұүһі]*)", "functional-body", "before"),
        (r"(?:координирующ|регулирующ)[а-я]*\s+орган(?P<suf>[а-я]*)", "functional-body", "after"),
        # a national body for a field ("национальный орган по стандартизации"), named with its field
        (r"ұлттық\s+орган(?P<suf>[а-яәғқңөұүһі]*)", "national-body", "before"),
        (r"национальн[а-я]*\s+орган(?P<suf>[а-я]*)", "national-body", "after"),
        (r"ұлттық\s+оператор(?P<suf>[а-яәғқңөұүһі]*)", "national-operator", "before"),
        (r"национальн[а-я]*\s+оператор(?P<suf>[а-я]*)", "national-operator", "after"),
        # "кеңесші" (adviser) and "кеңестік" (advisory) are not councils.
        (r"кеңес(?P<suf>інің|іне|інде|ін|і|тің|ті|ке|те|тен)?(?![а-яәғқңөұүһі])", "council", "before"),
        (r"совет(?P<suf>а|у|ом|е)?(?![а-я])", "council", "after"),
        (r"орталық\s+мемлекеттік\s+орган(?P<suf>дар[а-яәғқңөұүһі]*)", "central-state-bodies", "before"),
        (
            r"центральн[а-я]*\s+государственн(?:ые|ых|ым|ыми)\s+орган(?P<suf>ами|ы|ов|ам|ах)",
            "central-state-bodies",
            "after",
        ),
        (
            r"орталық\s+және\s+жергілікті\s+атқарушы\s+орган(?P<suf>[а-яәғқңөұүһі]*)",
            "central-and-local-executive-bodies",
            "before",
        ),
        (
            r"центральн[а-я]*\s+и\s+местн[а-я]*\s+исполнительн[а-я]*\s+орган(?P<suf>[а-я]*)",
            "central-and-local-executive-bodies",
            "after",
        ),
        (r"орталық\s+атқарушы\s+орган(?P<suf>дар[а-яәғқңөұүһі]*)", "central-executive-bodies", "before"),
        (
            r"центральн[а-я]*\s+исполнительн(?:ые|ых|ым|ыми)\s+орган(?P<suf>ами|ы|ов|ам|ах)",
            "central-executive-bodies",
            "after",
        ),
        # the tax and customs bodies
        (r"мемлекеттік\s+кіріс\s+орган(?P<suf>[а-яәғқңөұүһі]*)", "state-revenue-bodies", "before"),
        (r"орган(?P<suf>[а-я]*)\s+государственных\s+доходов", "state-revenue-bodies", "after"),
        (r"мемлекеттік\s+орган(?P<suf>дар[а-яәғқңөұүһі]*)", "state-bodies", "before"),
        (r"государственн(?:ые|ых|ым|ыми)\s+орган(?P<suf>ами|ы|ов|ам|ах)", "state-bodies", "after"),
        (r"жергілікті\s+атқарушы\s+орган(?P<suf>[а-яәғқңөұүһі]*)", "local-executive-bodies", "before"),
        (r"местн[а-я]*\s+исполнительн[а-я]*\s+орган(?P<suf>[а-я]*)", "local-executive-bodies", "after"),
        (r"Қазақстан\s+даму\s+банк(?P<suf>[а-яәғқңөұүһі]*)", "development-bank-of-kazakhstan", "before"),
        (r"Банк(?P<suf>[а-я]*)\s+развития\s+Казахстана", "development-bank-of-kazakhstan", "after"),
        (r"қаржы\s+агент(?P<suf>[а-яәғқңөұүһі]*)", "financial-agent", "before"),
        (r"финансов[а-я]*\s+агент(?P<suf>[а-я]*)", "financial-agent", "after"),
        # One national development institute in a field is that field's national operator; all of them, a group.
        (r"ұлттық\s+даму\s+институт(?!тар|тер)(?P<suf>[а-яәғқңөұүһі]*)", "national-operator", "before"),
        (r"ұлттық\s+даму\s+институттар(?P<suf>[а-яәғқңөұүһі]*)", "national-development-institutions", "before"),
        (r"национальн[а-я]*\s+институт(?P<suf>а|у|ом|е)?\s+развития", "national-operator", "after"),
        (
            r"национальн[а-я]*\s+институт(?P<suf>ы|ов|ам|ами|ах)\s+развития",
            "national-development-institutions",
            "after",
        ),
        # the quasi-public sector: its entities or organisations, a group
        (
            r"квазимемлекеттік\s+(?:сектор(?:дың)?\s+субъектілер|ұйымдар)(?P<suf>[а-яәғқңөұүһі]*)",
            "quasi-public-organizations",
            "before",
        ),
        (
            r"(?:субъект|организаци)(?P<suf>[а-я]*)\s+квазигосударственного\s+сектора",
            "quasi-public-organizations",
            "after",
        ),
        (r"квазигосударственн[а-я]*\s+организаци(?P<suf>[а-я]*)", "quasi-public-organizations", "after"),
        # One national managing holding is a role of its own; all of them (and the national companies), a group.
        (r"ұлттық\s+басқару(?:шы)?\s+холдинг(?!тер)(?P<suf>[а-яәғқңөұүһі]*)", "national-managing-holding", "before"),
        # ... with the national holdings and companies listed after them: one group
        (
            r"ұлттық\s+басқару(?:шы)?\s+холдингтер(?P<suf>[а-яәғқңөұүһі]*)"
            r"(?:(?:,|\s+және|\s+мен)\s+ұлттық\s+(?:холдингтер|компаниялар)[а-яәғқңөұүһі]*)*",
            "national-holdings-and-companies",
            "before",
        ),
        (
            r"национальн[а-я]*\s+управляющ[а-я]*\s+холдинг(?P<suf>а|у|ом|е)?(?![а-я])",
            "national-managing-holding",
            "after",
        ),
        (
            r"национальн[а-я]*\s+управляющ[а-я]*\s+холдинг(?P<suf>ами|ам|ах|ов|и)"
            r"(?:(?:,|\s+и)\s+национальн[а-я]*\s+(?:холдинг|компани)[а-я]*)*",
            "national-holdings-and-companies",
            "after",
        ),
    ]
]

# Field phrases (ru/kk) -> English slug. Order matters: specific before general.
FIELDS: list[tuple[re.Pattern[str], str]] = [
    (tolerant(p), slug)
    for p, slug in [
        (r"үдемелі\s+индустриял|форсированн[а-я]*\s+индустриальн", "accelerated-industrial-innovative-development"),
        (
            r"индустриял[а-яәғқңөұүһі]*-инновациял[а-яәғқңөұүһі]*\s+қызмет[а-яәғқңөұүһі]*\s+(?:мемлекеттік\s+)?қолдау"
            r"|поддержк[а-я]*\s+индустриально-инновационн|индустриально-инновационн[а-я]*\s+деятельност",
            "industrial-innovation",
        ),
        (r"мемлекеттік\s+жоспарлау|государственн[а-я]*\s+планировани", "state-planning"),
        (
            r"салалық\s+даму|отраслев[а-я]*\s+развити|индустрияны\s+дамыту|развити[а-я]*\s+индустрии",
            "sectoral-development",
        ),
        (r"технологиялық\s+дам(?:у|ыту)|технологическ[а-я]*\s+развити", "technological-development"),
        (r"технологиялық\s+саясат|технологическ[а-я]*\s+политик", "technological-policy"),
        (r"жергілікті\s+қамту|местного\s+содержания", "local-content"),
        (r"инвестиция[а-яәғқңөұүһі]*\s+тарту|привлечени[а-я]*\s+инвестиций", "investment-attraction"),
        (r"шикізаттық\s+емес\s+экспорт|несырьев[а-я]*\s+экспорт", "non-commodity-export"),
        (r"экспорт[а-яәғқңөұүһі]*\s+дамыту|развити[а-я]*\s+(?:и\s+продвижени[а-я]*\s+)?экспорта", "export-development"),
        (r"білім\s+беру|образовани", "education"),
        (r"ғылым(?!и)|науки", "science"),  # "ғылыми" is "scientific", not the field
    ]
]

# Role kinds that take a field, and registry names that differ from kind-field.
FIELDED = {"authorized-body", "national-operator", "council", "national-body", "functional-body"}
# Role kinds also named with what they serve, as a genitive (`law_owner_fields`): an operator of a system.
OWNER_NAMED = {"national-operator"}
OWNER_NOUN = re.compile(r"оператор", re.I)
ROLE_NAMES = {"authorized-body-state-planning": "state-planning-body"}

# Roles named with the places they serve (`law_bodies.PLACES_BEFORE`, `law_bodies.PLACES_AFTER`).
PLACE_NAMED = {"local-executive-bodies"}
PLACES_BEFORE, PLACES_AFTER = law_bodies.PLACES_BEFORE, law_bodies.PLACES_AFTER
# The bodies of districts (and cities of regional significance) are a level of their own.
DISTRICTS = re.compile(r"^\W*(?:район|аудан)", re.I)
DISTRICT_ROLE = {"local-executive-bodies": "local-executive-bodies-district"}
# Regions down to districts ("области, города республиканского значения, столицы, района, города
# областного значения"): the bodies of every level, wider than those of the regions.
REGIONS = re.compile(r"^\W*(?:област|облыс)", re.I)
DISTRICT_LEVEL = re.compile(r"(?<![а-яәғқңөұүһі])(?:район|аудан)", re.I)
ALL_LEVELS_ROLE = {"local-executive-bodies": "local-executive-bodies-all-levels"}


_places_before, _places_after = law_bodies.places_before, law_bodies.places_after


# How far (characters) a field phrase may sit from its role noun, and how many words it may have.
FIELD_WINDOW = 160
FIELD_WORDS = 8
# The words that give a role its field: ru "в области", "в сфере", "по" after it; kk "саласындағы",
# "жөніндегі" before it (with at most two words between, "… жөніндегі үйлестіру кеңесі").
FIELD_AFTER_RU = re.compile(r"\s+(?:в\s+област[иях]*|в\s+сфер[еахы]*|по)\s+", re.I)
FIELD_MARKER_WORDS = frozenset({"в", "области", "сфере", "по"})
# "по согласованию с …", "по итогам …", kk "… нәтижелері бойынша": what follows "по" / precedes "бойынша"
# is a procedure, not the field of the role noun.
NOT_A_FIELD_RU = re.compile(
    r"(?:согласовани|итог|результат|истечени|решени|запрос|представлени|предложени|заявлени|поручени)[а-я]*(?![а-я])",
    re.I,
)
NOT_A_FIELD_KK = frozenset(
    {
        *("нәтижелері", "нәтижесі", "қорытындылары", "қорытындысы", "келісімі", "келісу", "келісім"),
        *("шешімі", "ұсынысы", "өтініші", "тапсырмасы"),
    }
)
FIELD_BEFORE_KK = re.compile(r"\s+(?:саласындағы|саласында|жөніндегі|бойынша)\s+(?:[^\s,.;:]+\s+){0,2}$", re.I)
# A Kazakh field phrase does not run back over a verb form or a postposition.
# Between the fields of a plural Kazakh role: ", ", "және", or the marker of the field before.
KK_NEXT_FIELD = re.compile(
    r"(?:\s++(?P<marker>саласындағы|жөніндегі))?\s*+(?:,|(?<=\s)және)\s*$|\s++(?P<m2>саласындағы|жөніндегі)\s+$"
)
# The words of a Kazakh field phrase: a verbal noun ("ынталандыру", "даму"), an adjective
# ("мемлекеттік", "пайдалы"), an object in the accusative, and no other case.
KK_VERBAL_NOUN = re.compile(r"(?:у|ю)$")
KK_ADJECTIVE = re.compile(r"(?:лық|лік|тық|тік|дық|дік|ғы|гі|қы|кі|ми|ни|лы|лі)$")
KK_FIELD_OBJECT = re.compile(r"(?:ын|ін|сын|сін|ны|ні|уды|уді|юды|юді)$")
KK_PLURAL_ACCUSATIVE = re.compile(r"(?:лар|лер|дар|дер|тар|тер)(?:ды|ді|ты|ті|ны|ні)$")
KK_FIELD_ACCUSATIVE = re.compile(rf"(?:{alternation(KK_CASE['accusative'])})$")
KK_FIELD_OTHER_CASE = re.compile(
    rf"(?:{alternation(KK_CASE['genitive'] + KK_CASE['dative'][:-2] + KK_CASE['locative'] + KK_CASE['ablative'] + KK_CASE['instrumental'])})$"
)
KK_CONJUNCTIONS = frozenset({"және", "мен", "немесе"})
# Possessive pronouns inside a field phrase ("тауарларды таңбалау мен олардың қадағалануы").
KK_OWNER_PRONOUNS = frozenset({"олардың", "оның"})
# The dative noun of a compound verb right before its verbal noun ("іске асыру", "қолдау көрсету" is nominative).
KK_COMPLEMENT = re.compile(rf"(?:{alternation(KK_CASE['dative'][:-2])})$")
KK_FIELD_STOP = re.compile(
    rf"(?:{alternation(KK_PARTICIPLE)}|ады|еді|йды|йді|туралы|үшін|сәйкес|бойынша|арқылы|саласындағы|жөніндегі)$"
    r"|^(?:орган|институт|оператор|кеңес|агент|үкімет)"
)
# Case endings of a subject (nominative, with possessive/plural): "органы", "Үкіметі".
NOMINATIVE_KK = {"", *KK_POSSESSIVE, *KK_PLURAL, *KK_PLURAL_POSSESSIVE}
NOMINATIVE_RU = {"", "о", "ы", "и"}
INSTRUMENTAL_RU = {"ом", "ем", "ами", "ями"}
# A Kazakh participle right after a body makes it a modifier ("Үкіметі айқындайтын қаржы агенті");
# a capitalised word opens a name instead ("… органдар Қоршаған орта мен табиғи ресурстар …").
PARTICIPLE = re.compile(rf"\s*(?-i:[{LOWER}])[{LOWER}]*(?:{alternation(KK_PARTICIPLE)})(?![{LOWER}])", re.I)
# ... unless it is passive ("берілген өтінімдер": the role is not its agent).
PASSIVE_PARTICIPLE = re.compile(rf"\s*[{LOWER}]+л(?:{alternation(KK_PARTICIPLE)})(?![{LOWER}])", re.I)


@dataclass(frozen=True)
class RoleMention:
    role: str | None  # role slug; None for an organisation named by its name (see `name`)
    start: int
    end: int
    subject: bool  # nominative and not a modifier: can be the agent of its clause
    side: str  # where its field phrase sits: "before" (Kazakh order) or "after" (Russian)
    instrumental: bool = False  # "Правительством", "уполномоченным органом": the agent of a passive verb
    phrase: tuple[int, int] = (0, 0)  # the role noun with its field phrase ("уполномоченный орган в области науки")
    suffix: str = ""  # the ending after the role noun as printed (a case ending)
    name: str | None = None  # an organisation's name as the law gives it in full (a short form expanded)

    @property
    def key(self) -> str:
        """What the mention names: its role slug, else its organisation's name."""
        return self.role or (self.name or "").casefold()

    @property
    def genitive(self) -> bool:
        return self.side == "before" and self.suffix.endswith(KK_CASE["genitive"])


def _field(text: str, start: int, end: int, side: str) -> tuple[str, tuple[int, int]] | None:
    """The known field of a role noun and the extent of the role with it (the first of `fields`)."""
    found = fields_of(text, start, end, side, plural=False)
    if found and found[0][0]:
        return found[0][0], found[0][2]
    return None


def fields_of(
    text: str, start: int, end: int, side: str, plural: bool
) -> list[tuple[str | None, str, tuple[int, int], str]]:
    """The field phrases a role noun is given, as (known field slug or None, the phrase as written,
    extent of the role with it, the word that marks it): "уполномоченный орган в области науки",
    kk "ғылым саласындағы уәкілетті орган"; a plural noun may take several ("органы в области
    углеводородов, твердых полезных ископаемых", kk "… саласындағы және … жөніндегі уәкілетті органдар")."""
    if side == "after":
        marker = FIELD_AFTER_RU.match(text, end)
        if not marker or NOT_A_FIELD_RU.match(text, marker.end()):
            return []
        out = []
        for a, b in _ru_field_items(text, marker.end(), plural):
            word = "по" if re.search(r"(?:^|\s)по\s+$", text[max(0, a - 4) : a]) else collapse(marker.group(0))
            out.append((_known(text[a:b]), text[a:b], (start, b), word))
        return out
    marker = FIELD_BEFORE_KK.search(text[max(0, start - FIELD_WINDOW) : start])
    between = marker.group(0).split()[1:] if marker else []
    owner = clause_words(text[max(0, start - FIELD_WINDOW) : start][: marker.start()]) if marker else []
    if not marker or any(_inflected(w.lower()) for w in between) or (owner and owner[-1][0].lower() in NOT_A_FIELD_KK):
        return []  # "… жөніндегі бас ұйымды уәкілетті орган": the marker's noun is another (an object)
    stop = max(0, start - FIELD_WINDOW) + marker.start()
    word = marker.group(0).split()[0]
    out = []
    while True:
        begin = _kk_field_start(text, stop, plural)
        if begin >= stop:
            break
        out.append((_known(text[begin:stop]), text[begin:stop], (begin, end), word))
        more = KK_NEXT_FIELD.search(text[max(0, begin - 40) : begin]) if plural else None
        if not more:
            break
        word = more["marker"] or more["m2"] or word
        stop = begin - len(more.group(0))
    return list(reversed(out))


def _inflected(word: str) -> bool:
    """A Kazakh word in a case (an object, a dative …), not an adjective or a bare noun."""
    case = KK_FIELD_ACCUSATIVE.search(word) or KK_FIELD_OTHER_CASE.search(word)
    return bool(case) and not KK_ADJECTIVE.search(word) and not kk_bare(word)


def _known(phrase: str) -> str | None:
    hits = [(m.start(), slug) for p, slug in FIELDS for m in p.finditer(phrase)]
    return min(hits)[1] if hits else None


def _ru_field_items(text: str, at: int, plural: bool) -> list[tuple[int, int]]:
    """The Russian field phrases after "в области" / "по": a noun phrase in any case (its adjectives
    agree with it), then the genitive words that depend on it ("по государственному планированию",
    "в области развития и продвижения экспорта"); a plural role noun's list splits at commas and "и"."""
    items: list[tuple[int, int]] = []
    begin = end = pos = at  # pos: after the last word read (a conjunction too)
    head: frozenset[str] | None = None  # the cases of the phrase's first noun phrase, while it runs
    for word, s, e in clause_words(text[at : at + 300]):
        gap = text[pos : at + s].strip()
        lower = word.lower()
        if gap not in ("", ",") or (gap == "," and not plural):
            break
        pos = at + e
        if plural and (gap == "," or lower in ("и", "или")):
            items.append((begin, end))
            begin, head = at + s, None
        if lower in ("и", "или"):
            if plural:
                begin = at + e
            continue
        if lower in FIELD_MARKER_WORDS and head is None:
            begin = at + e
            continue
        cases = ru_cases(word) if ru_case(word) != "None" else frozenset()
        if head is None:
            if not cases:
                break
            head = cases
        elif head and cases & head:
            head = cases & head  # an agreeing word of the first noun phrase
        elif "gent" in cases:
            head = frozenset()  # the genitive words that depend on it
        else:
            break
        end = at + e
    if end > begin:
        items.append((begin, end))
    return [i for i in items if i[1] > i[0]]


def _kk_field_start(text: str, stop: int, plural: bool = False) -> int:
    """Where a Kazakh field phrase ending at `stop` begins. Back over its words: a verbal noun
    next to the marker ("… ынталандыру"; "дамыту және жылжыту" in a singular role's field), one
    object in the possessive accusative ("қызметін"; an ending "-ті" may be an adjective's, as in
    "жергілікті"), adjectives and nouns ("мемлекеттік", "сыртқы сауда"); not over a clause break, a
    comma, another case, a verb form or a postposition ("… қорытындылары бойынша"), nor past FIELD_WORDS words."""
    begin = stop
    offset = max(0, stop - FIELD_WINDOW)
    objects, first, verbal, owned = 0, True, False, False
    governed = False  # a verbal noun read (after in the text) that an object can depend on
    for k, (word, s, e) in enumerate(reversed(clause_words(text[offset:stop]))):
        lower = word.lower()
        between = text[offset + e : begin]
        if re.search(r"[.;:()«»,]", between) or k >= FIELD_WORDS:
            break
        if lower in KK_OWNER_PRONOUNS and not first:
            owned = True  # "таңбалау мен олардың қадағалануы": "their" belongs to the noun after it
            continue
        noun = KK_FIELD_OBJECT.search(lower) and kk_bare(lower[: -len(KK_FIELD_OBJECT.search(lower)[0])])
        if KK_FIELD_STOP.search(lower) and not noun:  # "қызметін" is an object, not a participle "-етін"
            if objects and PARTICIPLE.fullmatch(" " + lower) and not PASSIVE_PARTICIPLE.fullmatch(" " + lower):
                begin = offset + s  # "қоршаған ортаны қорғау": a participle before the object, the phrase's first word
            break
        if verbal and KK_COMPLEMENT.search(lower) and lower not in KK_CONJUNCTIONS:
            verbal = False  # "іске асыру": the noun of a compound verb
            begin = offset + s
            governed = True
            continue
        if lower in KK_CONJUNCTIONS:
            if plural and not owned:
                break  # fields of a plural role, unless "their" ties the second to the first: one field
            first = True  # "дамыту және жылжыту": another verbal noun of the same field
            continue
        adjective = bool(KK_ADJECTIVE.search(lower))
        if not first and KK_VERBAL_NOUN.search(lower) and not adjective:
            break  # a verbal noun closes the phrase: one further back belongs to another
        # an object: "-ын/-ін" and a verbal noun's "-уды" always, "-ті/-ды" (also an adjective's,
        # "жергілікті") only as the first; a second object belongs to another phrase
        if KK_FIELD_OBJECT.search(lower) or (not objects and KK_FIELD_ACCUSATIVE.search(lower) and not adjective):
            objects += 1
            if objects > 1 or (KK_FIELD_OBJECT.search(lower) and not governed):
                break  # "… тәртібін қорғаныс өнеркәсібі саласындағы": an object of the clause's verb, not the field's
        elif objects and KK_PLURAL_ACCUSATIVE.search(lower):
            break  # "талаптарды сауда қызметін реттеу саласындағы": a second object is the clause's verb's
        elif KK_FIELD_OTHER_CASE.search(lower) and not adjective and not kk_bare(lower):
            break  # another case; "сауда", "орта" only look like one
        verbal = first and bool(KK_VERBAL_NOUN.search(lower))
        first = False
        begin = offset + s
        governed = governed or _governs(lower)
    return begin


def _governs(word: str) -> bool:
    """Can a Kazakh word after an object govern it within a field phrase: a verbal noun ("ортаны
    қорғау", "қызметті мемлекеттік қолдау"), or the noun of a compound verb ("саясатты іске асыру")?"""
    verbal = bool(KK_VERBAL_NOUN.search(word)) and not KK_ADJECTIVE.search(word)
    return verbal or bool(KK_COMPLEMENT.search(word))


def _phrase_end(window: str, at: int) -> int:
    """The Russian field phrase runs on from the word the field pattern stopped in over
    the genitive words that depend on it ("… индустриально-инновационной деятельности")."""
    m = re.match(r"\S*", window[at:])
    end = base = at + (m.end() if m else 0)
    for word, s, e in clause_words(window[base:]):
        if window[end : base + s].strip() or ru_case(word) not in ("gent", "None") or len(word) < 3:
            break
        end = base + e
    return end


def role_mentions(
    text: str, default_fields: dict[str, str] | None = None, aliases: dict[str, str] | None = None
) -> list[RoleMention]:
    """Every role or organisation named in `text`, in order.

    Role phrases first (the longest where two overlap), then the short forms the
    law defined (`aliases`: short form -> full name) and organisations named by
    name (`law_bodies`) where no role phrase stands; a role phrase that names no
    field ("совет") gives way to the organisation's name ("национальным научным советом").
    Latin look-alikes in Cyrillic words are read as the letters they stand for ("Үкiметi:" with
    a Latin "i"); offsets are the text's own."""
    text = repair_homoglyphs(text)
    found: list[RoleMention] = []
    more: list[RoleMention] = []  # the other fields of a plural role noun ("органы в области A, B")
    for pattern, kind, side in ROLE_PHRASES:
        for m in pattern.finditer(text):
            if text.count("«", 0, m.start()) > text.count("»", 0, m.start()):
                continue  # inside a quoted name: «Азаматтарға арналған үкімет» мемлекеттік корпорациясы
            suf = (m.group("suf") or "").lower().replace(" ", "")
            nominative = suf in (NOMINATIVE_KK if side == "before" else NOMINATIVE_RU)
            instrumental = side == "after" and suf in INSTRUMENTAL_RU
            modifier = bool(PARTICIPLE.match(text, m.end())) and not PASSIVE_PARTICIPLE.match(text, m.end())
            subject = nominative and not modifier
            fields = fields_of(text, m.start(), m.end(), side, _plural(suf, side)) if kind in FIELDED else []
            if not fields and kind in OWNER_NAMED and OWNER_NOUN.search(m.group(0)) and not _plural(suf, side):
                fields = _owner(text, m, side, suf)  # "национальный оператор космической системы связи"
            if fields:
                # a field the table knows gives the role's slug; any other, the role as the law words it
                named = [
                    RoleMention(
                        ROLE_NAMES.get(f"{kind}-{slug}", f"{kind}-{slug}") if slug else None,
                        m.start(),
                        m.end(),
                        subject,
                        side,
                        instrumental,
                        extent,
                        suf,
                        None if slug else _worded(m.group(0), phrase, word, side, text[extent[0] : m.end()]),
                    )
                    for slug, phrase, extent, word in fields
                ]
                found.append(named[0])
                more.extend(named[1:])
                continue
            role, phrase = kind, (m.start(), m.end())
            if kind in FIELDED:
                field = (default_fields or {}).get(kind)
                role = f"{kind}-{field}" if field else ("national-operators" if kind == "national-operator" else kind)
                role = ROLE_NAMES.get(role, role)
            if kind in PLACE_NAMED:
                phrase = (_places_before(text, phrase[0]), phrase[1]) if side == "before" else phrase
                phrase = (phrase[0], _places_after(text, phrase[1])) if side == "after" else phrase
                places = text[phrase[0] : m.start()] if side == "before" else text[m.end() : phrase[1]]
                role = DISTRICT_ROLE[kind] if DISTRICTS.match(places) else role
                all_levels = REGIONS.match(places) and DISTRICT_LEVEL.search(places)
                role = ALL_LEVELS_ROLE[kind] if all_levels else role
            found.append(RoleMention(role, m.start(), m.end(), subject, side, instrumental, phrase, suf))
    found.sort(key=lambda r: (r.start, -(r.end - r.start)))
    roles: list[RoleMention] = []
    for r in found:
        if roles and r.start < roles[-1].end:
            continue
        roles.append(r)
    roles += [r for r in more if any(k.start == r.start for k in roles)]
    generic = {r for r in roles if r.role in FIELDED}
    short = {_canonical(k): v for k, v in (aliases or {}).items()}
    named = [_from_named(n) for n in law_bodies.alias_mentions(text, aliases or {})]
    named += [_from_named(n, short.get(_canonical(n.name))) for n in law_bodies.named_bodies(text)]
    # "… палатасы ұсынған адамдар": a Kazakh name before an active participle is that participle's subject
    named = [
        replace(n, subject=False)
        if n.side == "before" and PARTICIPLE.match(text, n.end) and not PASSIVE_PARTICIPLE.match(text, n.end)
        else n
        for n in named
    ]
    kept = [r for r in roles if r not in generic]
    # "Уәкілетті орган" at a sentence's start is the role, not a name of its own
    # (a short form the law gave a full name stays that name: "(далее – совет)")
    named = [
        n
        for n in named
        if not (n.name == collapse(text[n.phrase[0] : n.phrase[1]]) and any(g.phrase == n.phrase for g in generic))
    ]
    for n in named:  # short forms first, then names, each only where nothing kept stands
        inside = [k for k in kept if _overlap(n.phrase, k.phrase)]
        if inside and all(_attached(text, k, n) for k in inside):
            kept = [k for k in kept if k not in inside]  # "советы при отраслевых уполномоченных органах"
            inside = []
        if not inside:
            kept.append(n)
    kept += [g for g in generic if not any(_overlap(g.phrase, k.phrase) for k in kept)]
    defined = [m.span() for m in law_bodies.ALIAS.finditer(text)]  # "(далее – совет)" names nobody by itself
    return sorted((r for r in kept if not any(a <= r.start < b for a, b in defined)), key=lambda r: r.start)


def _owner(text: str, m: re.Match[str], side: str, suffix: str) -> list[tuple[str | None, str, tuple[int, int], str]]:
    """The field a role noun is named with as its owner (a genitive), in the shape of `fields_of`."""
    span = law_owner_fields.owner_field(text, m.start(), m.end(), side, suffix)
    if not span:
        return []
    extent = (span[0], m.end()) if side == "before" else (m.start(), span[1])
    return [(_known(text[span[0] : span[1]]), text[span[0] : span[1]], extent, "")]


def _plural(suffix: str, side: str) -> bool:
    """Does a role noun's ending make it plural ("органы", "органдар")?"""
    if side == "before":
        return suffix.startswith(("дар", "дер", "тар", "тер", "лар", "лер"))
    return suffix in ("ы", "ов", "ам", "ами", "ах", "и")


def _worded(noun: str, phrase: str, marker: str, side: str, whole: str = "") -> str:
    """A role as the law words it, with its field: "уполномоченный орган в области углеводородов",
    "көмірсутектер саласындағы уәкілетті орган"; Kazakh keeps the words between the marker and the
    noun (`whole`: "… саласындағы салалық уәкілетті мемлекеттік органдар")."""
    if (
        side == "before"
        and whole.startswith(phrase)
        and len(whole.split()) <= len(f"{phrase} {marker} {noun}".split()) + 2
    ):
        return collapse(whole)
    parts = (phrase, marker, noun) if side == "before" else (noun, marker, phrase)
    return collapse(" ".join(parts))


def _from_named(n: law_bodies.Named, full: str | None = None) -> RoleMention:
    """A named organisation as a role mention; `full`: its full name where the law uses a shorter one."""
    name = collapse(full or n.name)
    return RoleMention(None, n.start, n.end, n.case == "subject", n.side, n.case == "agent", n.phrase, n.suffix, name)


def _canonical(name: str) -> tuple[str, ...]:
    """A name in any case form, comparable: its lemmas (ru) or stems (kk)."""
    return tuple(base_forms(name.lower(), "kk" if has_kazakh(name) else "ru"))


def _attached(text: str, role: RoleMention, named: RoleMention) -> bool:
    """Is a role inside an organisation's name the body it is attached to ("советы при отраслевых
    уполномоченных органах", "салалық уәкілетті органдар жанындағы … кеңестер"), not its subject?"""
    a, b = role.phrase
    within = named.phrase[0] <= a and b <= named.phrase[1] and (a, b) != named.phrase
    after = text[b:].lstrip().lower().startswith(law_bodies.KK_ATTACHED)
    return within and not a <= named.start < b and (not role.subject or after)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def role_aliases(text: str) -> dict[str, str]:
    """Short forms a law gives a role whose field the role table does not know -> the role as the
    law words it: «уполномоченный орган в сфере стандартизации (далее – уполномоченный орган)»,
    kk «стандарттау саласындағы уәкілетті орган (бұдан әрі – уәкілетті орган)». Every later bare
    «уполномоченный орган» is that role, not another authorized body the law names in full
    («уполномоченный орган в области оборонной промышленности»). The first definition of a short
    form holds (the article of definitions comes first). A field the table knows is the business of
    the fields (`kgraph.sources.law.short_form_fields`)."""
    out: dict[str, str] = {}
    text = repair_homoglyphs(text)
    for m in law_bodies.ALIAS.finditer(text):
        short = collapse(m["alias"].strip(' «»"'))
        bare = role_mentions(short)
        if len(bare) != 1 or bare[0].phrase != (0, len(short)) or bare[0].role not in GENERIC_ROLES:
            continue
        before = text[max(0, m.start() - FIELD_WINDOW - 100) : m.start()]
        named = role_mentions(before)
        full = named[-1] if named else None
        if not full or full.role is not None or before[full.phrase[1] :].strip():
            continue  # not a role with a field right before the short form
        noun = role_mentions(before[full.start : full.end])
        fields = fields_of(before, full.start, full.end, full.side, plural=False)
        if not noun or noun[0].role != bare[0].role or not fields or fields[0][0]:
            continue
        _, phrase, _, word = fields[0]
        out.setdefault(short, _worded(short, phrase, word, full.side))
    return out


# The bare roles a short form may stand for: a fielded role kind with no field.
GENERIC_ROLES = frozenset({*FIELDED, "national-operators"})


# The head noun of a term that names who acts: ru "организатор", "партнер", "оператор",
# "исполнитель", "заказчик"; kk "ұйымдастырушы", "әріптес", "оператор".
AGENT_HEAD_RU = re.compile(r"(?:тор|тель|ник|щик|чик|тнер)$")
AGENT_HEAD_KK = re.compile(r"(?:шы|ші|тор|әріптес)$")
# A public actor: its definition's head (ru: the first clause; kk: the last) names a state body,
# a state partner, the Government or an authorized body.
# ("государственно-частное", kk "мемлекеттік-жекешелік" is public-private: no mark).
PUBLIC_MARK = re.compile(r"(?<![а-я])(?:государственн(?![а-я]*-)|мемлекеттік(?!-)|правительств|үкімет)", re.I)


def defined_roles(definitions: list[tuple[str, str]]) -> dict[str, str]:
    """The law's own roles (short form -> the term as defined) from its definitions (term, definition):
    a term whose head is an agent noun and whose definition makes it public («организатор конкурса
    (аукциона) либо прямых переговоров – государственный партнер, осуществляющий …»). The law names
    them by the head noun alone or with part of the term («организатором конкурса (аукциона)»,
    kk «Конкурсты (аукционды) ұйымдастырушы»): the head noun is the short form where one public
    term has it, the whole term where several do («государственный партнер», «частный партнер»).
    Private actors (a private partner, an operator a private partner chooses) are no roles."""
    public: list[tuple[str, str]] = []
    heads: dict[str, int] = {}
    for term, definition in definitions:
        term = collapse(repair_homoglyphs(term)).strip(" .")
        words = term.split()
        kazakh = has_kazakh(term + definition)
        nouns = [w for w in words if not ru_adjective(w)] if not kazakh else words[::-1]
        head = nouns[0].lower() if nouns else ""
        if not head or not (AGENT_HEAD_KK if kazakh else AGENT_HEAD_RU).search(head):
            continue
        heads[head] = heads.get(head, 0) + 1
        clauses = re.split(r",|\s[–—-]\s", collapse(definition))
        clause = clauses[-1] if kazakh else clauses[0]
        if PUBLIC_MARK.search(term) or (PUBLIC_MARK.search(clause) and not NOT_PUBLIC.search(clause)):
            public.append((head, term))
    out: dict[str, str] = {}
    for head, term in public:
        out[head if heads[head] == 1 and len(term.split()) > 1 else term] = term
    return out


# "негосударственный", "за исключением государственных …": a public mark that says the opposite.
NOT_PUBLIC = re.compile(r"негосударств|исключением|мемлекеттік\s+емес", re.I)
