"""The words a regulation of a state body sorts its powers by, in Russian and Kazakh.

A regulation («Положение о Министерстве …», «… министрлігі туралы ереже») lists
the body's tasks, rights, duties and functions under lead-ins such as
"13. Задачи:", "14. Полномочия: 1) права: … 2) обязанности: …", "15. Функции:"
(kk "Міндеттері:", "Өкілеттіктер: 1) құқықтары: … 2) міндеттері: …",
"Функциялар:"). Patterns here work on `fold`ed text (lower case, Latin i as і).
"""

from __future__ import annotations

import re

from kgraph.lang.script import fold

# "Положение о Министерстве …" / "… министрлігі туралы ереже": the word that says
# what an act is about, before (ru) or after (kk) its subject.
ABOUT = {"ru": r"об?", "kk": r"туралы"}

_END = r"(?![а-яәғқңөұүһі])"  # a word ends here

# Groups of powers by the word of their lead-in, most specific first. Kazakh "міндет"
# names both a body's tasks and its duties: `power_group` tells them apart.
POWER_GROUPS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (group, re.compile(pattern))
    for group, pattern in (
        (
            "functions-departments",
            # of the body's departments, never of the body itself ("Функции Комитета:" in the committee's own)
            r"функци\w*\s+(?:\w+\s+)?(?:ведомств|комитетов|департаментов|территориальн|подведомствен)\w*"
            r"|(?:ведомство|ведомстволар|комитеттер|департаменттер|аумақтық)\w*\s+(?:\w+\s+)?функция\w*",
        ),
        ("functions", r"функци\w*|функция\w*"),
        ("rights", rf"прав[ао]?{_END}|құқық(?!тық)\w*|құқы[лғ]\w*"),
        ("duties", rf"обязанност\w*|обязан[аоы]?{_END}|міндетті{_END}"),
        ("tasks", r"задач\w*|міндет\w*"),
    )
)
# The umbrella of rights and duties: "Полномочия:", "Өкілеттіктер:".
POWERS_WORD = re.compile(r"полномочи\w*|өкілеттік\w*|өкілеттіг\w*")
# Posts whose powers a regulation lists apart from the body's own ("Полномочия первого
# руководителя Министерства:", "Министрліктің бірінші басшысының өкілеттіктері:").
POSTS = re.compile(
    r"руководител|председател|заместител|секретар|министр(?!ерств|лі|лік)|директор|начальник"
    r"|басшы|төраға|орынбасар|хатшы|бастығ"
)
# The catch-all power: "осуществление иных функций, предусмотренных законами …",
# "осуществлять иные права …"; kk "… өзге де функцияларды жүзеге асыру".
# ... in a law's item or sentence, anywhere in it: "осуществляют иные полномочия, предусмотренные …",
# "… өзге де өкілеттіктерді жүзеге асырады", an operator's "осуществляет иные виды деятельности, не
# запрещенные законодательством" / "… өзге де қызмет түрлерін жүзеге асырады".
RESIDUAL_IN_LAW = re.compile(
    r"өзге\s+де\s+(?:өкілеттіктер|функциялар|қызмет\s+түрлер)|ин(?:ые|ых)\s+(?:полномочи|функци|вид\w*\s+деятельност)",
    re.I,
)
RESIDUAL_POWER = re.compile(
    r"^осуществл\w*\s+(?:\w+\s+){0,3}?ин(?:ые|ых)\s+(?:прав|обязанност|функци|задач|полномочи|вид\w*\s+деятельност)"
    r"|өзге\s+де\s+(?:құқық|міндет|функция|өкілеттік|өкілеттіг|қызмет\s+түрлер)\w*\s+(?:жүзеге\s+асыр|орында)\w*\s*$"
)


# Organs of a company (board of directors, general meeting of its participants or shareholders,
# its sole participant, its founding meeting): they act under the company's charter, a law
# grants them no power ("Советом директоров управляющей компании принимается решение",
# "қатысушылардың (акционерлердің) жалпы жиналысы"). An academy's "общее собрание академиков"
# is no company's organ.
CORPORATE_ORGAN = re.compile(
    r"совет\w*\s+директоров|общ\w+\s+собрани\w+\s+(?:участник|акционер|учредител)"
    r"|единственн\w+\s+(?:участник|акционер|учредител)|учредительн\w+\s+собрани"
    r"|директорлар\s+кеңес|(?:қатысушы|акционер|құрылтайшы)\w*\s+(?:\([^)]*\)\s+)?жалпы\s+жиналыс"
    r"|жалғыз\s+(?:қатысушы|акционер|құрылтайшы)|құрылтай\s+жиналыс",
    re.IGNORECASE,
)
# A definition saying an organisation is made by a private owner ("юридическое лицо, создаваемое или
# определяемое собственником земельного участка …", kk "… меншік иесі құратын немесе айқындайтын
# заңды тұлға"): the law regulates that organisation, it grants it no power.
PRIVATE_MAKER = re.compile(
    r"(?:созда\w*|определя\w*|учрежда\w*|учрежден\w*)\s+(?:(?:или|и)\s+\w+\s+)?собственник"
    r"|меншік\s+иес\w*\s+(?:\w+\s+){0,2}(?:құр|айқында|белгіле)\w*",
    re.IGNORECASE,
)
# A definition whose head names a natural person or an individual entrepreneur, alone or with legal
# persons ("туристский оператор – физическое или юридическое лицо, осуществляющее …", kk "… жүзеге
# асыратын жеке немесе заңды тұлға"): a private actor doing business, whom the law regulates and
# grants no power. The head is the definition's first clause in Russian, its last in Kazakh.
PRIVATE_PERSON_RU = re.compile(
    r"^\W*(?:(?:юридическ\w*\s+)?(?:лиц\w*\s+)?(?:или|и|либо)?\s*(?:\(или\)\s+)?)?"
    r"(?:физическ\w*|индивидуальн\w*\s+предпринимател\w*|субъект\w*\s+(?:частного\s+)?предпринимательства)",
    re.IGNORECASE,
)
PRIVATE_PERSON_KK = re.compile(
    r"(?:жеке\s+(?:\S+\s+){0,3}?(?:тұлға|кәсіпкер)|дара\s+кәсіпкер|(?:жеке\s+)?кәсіпкерлік\s+субъекті)\w*\W*$",
    re.IGNORECASE,
)
# What ties an organisation the law defines to the state: a state body, the Government, an authorized or
# local body, the state's participation ("логистический центр, выполняющий …" has none: a private business
# the law regulates, its "functions" no powers).
PUBLIC_TIE = re.compile(
    r"государств|правительств|орган|акимат|министерств|национальн|квазигосударств"
    r"|мемлекет|үкімет|әкімдік|министрлі|ұлттық|квазимемлекет"
    # made or designated under the law itself ("создаваемое или определяемое в соответствии с настоящим Законом")
    r"|(?:созда|определя)\w*\s+в\s+соответствии\s+с\s+настоящим\s+Законом|осы\s+Заңға\s+(?:\S+\s+){0,12}?(?:құр|айқында)",
    re.IGNORECASE,
)
# Bodies above or outside the state: the organs of the Eurasian Economic Union («Евразийская
# экономическая комиссия», «Еуразиялық экономикалық комиссия») and interstate bodies («межгосударственный совет»;
# not every "international" name: «Международный финансовый центр «Астана»» is a Kazakh body).
# A Kazakh law refers to their acts; it grants them no power.
SUPRANATIONAL = re.compile(
    r"евразийск|еуразиялық|межгосударствен|мемлекетаралық",
    re.IGNORECASE,
)
# A prohibition grants nothing: "Организатор конкурса … не вправе предъявлять …", "не могут …",
# kk "… талап қоюға құқылы емес", "… құқығы жоқ".
PROHIBITION = re.compile(
    r"(?<![а-яё])не\s+(?:вправе|может|могут|имеет\s+права|имеют\s+права)(?![а-яё])"
    r"|құқылы\s+емес|құқ(?:ығы|ықтары)\s+(?:жоқ|болмайды)"
    # ... and so does a rule's exception ("… не распространяется …", kk "… қолданылмайды")
    r"|(?<![а-яё])не\s+(?:распространя|применя)\w*|(?<![а-яәғқңөұүһі])(?:қолданылмайды|таралмайды)"
    # ... and a negated passive ("… органами контроля не принимаются меры", "не допускается")
    r"|(?<![а-яё])не\s+[а-яё]+(?:ется|ются|ится|ятся)(?![а-яё])",
    re.IGNORECASE,
)
# A sentence that gives a status: acquiring one is no power ("приобретает статус управляющей компании",
# "… басқарушы компаниясы мәртебесіне ие болады", "шарттар … мәртебесін алады").
STATUS_GAIN = re.compile(
    r"(?:приобрета\w*|получа\w*|сохраня\w*)\s+(?:\w+\s+)?статус|мәртебе\w*\s+(?:ие\s+бол|ал[аы]|сақта)\w*",
    re.IGNORECASE,
)
# Private persons coordinated with a body as the subject ("… органами, юридическими лицами",
# "органдар, заңды тұлғалар", "Участники и управляющие компании"): the sentence regulates anyone
# of them alike, it is no power of the body.
PRIVATE_PARTY = re.compile(
    r"^(?:юридическ|физическ|индивидуальн\w*\s+предпринимател|участник|заявител|собственник"
    r"|субъект\w*\s+частного\s+предпринимательств|заңды\s+тұлға|жеке\s+тұлға|жеке\s+кәсіпкер|қатысушы|өтініш\s+беруш|меншік\s+иес"
    r"|частн\w*\s+партнер|жекеше\s+әріптес)\w*",
    re.IGNORECASE,
)

# A body the law names by the one function it alone performs: "единый закупщик электрической
# энергии", "единым закупщиком …" (the single buyer), kk "электр энергиясын бірыңғай сатып алушы".
# The word "single" and an agent noun make it one designated entity, not anyone who buys. Russian:
# the adjective in any case and the agent noun (its genitive words follow); Kazakh: "бірыңғай", at most
# one word of a compound verb, the agent noun with its ending (its object stands before).
SINGLE_AGENT_RU = re.compile(
    r"(?<![а-яё])(?P<adj>един(?:ый|ого|ому|ым|ом|ая|ой|ую|ые|ых|ым|ыми))\s+"
    r"(?P<head>[а-яё]{3,}(?:щик|чик|тель|тор)(?:а|у|ом|е|и|ов|ам|ами|ах)?)(?![а-яё])",
    re.IGNORECASE,
)
SINGLE_AGENT_KK = re.compile(
    r"(?<![а-яәғқңөұүһі])(?P<adj>бірыңғай)\s+(?:[а-яәғқңөұүһі]+\s+)?"
    r"(?P<head>[а-яәғқңөұүһі]{2,}(?:шы|ші))(?P<suf>[а-яәғқңөұүһі]*)(?![а-яәғқңөұүһі])",
    re.IGNORECASE,
)


def private_person(definition: str, kazakh: bool) -> bool:
    """Does a law's definition make its term a private person doing business (`PRIVATE_PERSON_RU`)?"""
    clauses = [c for c in re.split(r",|\s[–—-]\s|;", definition) if c.strip()]
    if not clauses:
        return False
    return bool(PRIVATE_PERSON_KK.search(clauses[-1]) if kazakh else PRIVATE_PERSON_RU.search(clauses[0]))


def power_group(lead: str, under_powers: bool = False) -> str | None:
    """The group a lead-in opens ("Задачи:" -> tasks, "2) міндеттері:" under "Өкілеттіктер:"
    -> duties), "powers" for the umbrella, None when it is not a lead-in of the body's own
    powers (a post's powers, or no group word). The group word nearest the colon decides
    ("… в соответствии с задачами осуществляет следующие функции:" -> functions); a lead-in
    naming both rights and duties is "other"."""
    text = fold(lead)
    if POSTS.search(text):
        return None
    # (end, -rank, group): where two groups' words end together the earlier listed one wins.
    found = [(m.end(), -rank, group) for rank, (group, p) in enumerate(POWER_GROUPS) for m in p.finditer(text)]
    groups = {g for *_, g in found}
    if {"rights", "duties"} <= groups or ("rights" in groups and _kk_duties(text)):
        return "other"
    if found:
        group = max(found)[2]
        if group == "tasks" and (under_powers or "rights" in groups) and _kk_duties(text):
            return "duties"
        return group
    return "powers" if POWERS_WORD.search(text) else None


def _kk_duties(text: str) -> bool:
    """Kazakh "міндеттері" where it means duties (beside rights, or under the powers)."""
    return bool(re.search(r"міндет", text))


def is_residual(text: str) -> bool:
    """Is an item the catch-all "иные функции, предусмотренные законами"?"""
    return bool(RESIDUAL_POWER.search(fold(text).strip(" ;.,")))


__all__ = [
    "ABOUT",
    "CORPORATE_ORGAN",
    "POSTS",
    "POWERS_WORD",
    "POWER_GROUPS",
    "PRIVATE_MAKER",
    "PRIVATE_PARTY",
    "PRIVATE_PERSON_KK",
    "PRIVATE_PERSON_RU",
    "PROHIBITION",
    "PUBLIC_TIE",
    "RESIDUAL_IN_LAW",
    "RESIDUAL_POWER",
    "SINGLE_AGENT_KK",
    "SINGLE_AGENT_RU",
    "STATUS_GAIN",
    "SUPRANATIONAL",
    "is_residual",
    "power_group",
    "private_person",
]
