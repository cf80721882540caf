"""Who a sentence of a law empowers (helper of `kgraph.sources.law_powers`).

`agents(sentence, lang, fields, aliases)` gives the bodies or roles a sentence
empowers: the subject of its verb, or the agent of a passive verb
(«… утверждаются Правительством», kk «… уәкілетті орган тарапынан»). Not a
body inside a participial phrase («в порядке, определяемом уполномоченным
органом»), after a preposition («с уполномоченным органом»), in a relative
clause, or in a clause that only defines («является …»). Kazakh puts the verb
last: a clause per closing verb, its agent the nearest free nominative before it.
Everything here is pure.
"""

from __future__ import annotations

import itertools
import re

from kgraph.lang import (
    KK_AGENT_POSTPOSITION,
    KK_BY_DECISION,
    KK_CASE,
    KK_PARTICIPLE,
    KK_POSTPOSITIONS,
    KK_SUBORDINATE_CLOSERS,
    KK_SUBORDINATE_PARTICIPLE,
    KK_TASKS_WORDS,
    RU_BY_DECISION,
    RU_INSTRUMENTAL_PREPOSITIONS,
    RU_NOMINAL_OPENING,
    RU_TASKS_OF,
    RU_VERBAL_NOUN,
    SELF_DESCRIPTION,
    WORKING_BODY,
    alternation,
    clause_words,
    fold,
    predicates,
    repair_homoglyphs,
    ru_adjective,
    ru_adverb,
    ru_attribute_participle,
    ru_case,
    ru_number,
    ru_participle,
)
from kgraph.lang.powers import PRIVATE_PARTY, PROHIBITION, STATUS_GAIN
from kgraph.sources.law_roles import NOMINATIVE_KK, RoleMention, role_mentions

# Russian prepositions: a role right after one is no subject ("в уполномоченный орган").
RU_PREPOSITIONS = (
    frozenset(
        {"в", "во", "на", "через", "о", "об", "по", "при", "для", "до", "от", "из", "к", "ко", "у", "без", "согласно"}
    )
    | RU_INSTRUMENTAL_PREPOSITIONS
)
# Kazakh: a noun in the 3rd-person possessive right after the role makes the role its modifier
# ("Үкімет қаулысымен", "уәкілетті орган басшысы").
KK_IZAFET = re.compile(
    r"^[а-яәғқңөұүһі]{2,}(?:(?:сы|сі)(?:н|на|не|нда|нде|нан|нен|ның|нің|мен)?"
    r"|(?:лар|лер|дар|дер|тар|тер)?[ыі](?:н|на|не|нда|нде|нан|нен|ның|нің|мен)|(?:лар|лер|дар|дер|тар|тер)[ыі])$"
)
# A Kazakh verbal noun owned by its agent: "орналастыруы", "жүзеге асыруы арқылы", "беруіне".
# Adverbs that end like a possessed noun ("Үкіметі бұрын бекітілген …": "earlier", no izafet).
KK_ADVERBS = frozenset({"бұрын", "кейін", "әрдайым"})
KK_VERBAL_NOUN_SUBJECT = re.compile(r"[а-яәғқңөұүһі]{2}[уү][ыі]$")
KK_VERBAL_NOUN_OWNED = re.compile(r"[уү][ыі](?:н|на|не|нда|нде|нан|нен|мен)?$")
# The noun of a Kazakh compound verb: "жүзеге асыру", "іске асыру", "қамтамасыз ету", "басшылыққа алу".
KK_LIGHT_VERB_NOUNS = frozenset({"жүзеге", "іске", "қамтамасыз", "басшылыққа", "назарға", "есепке"})
# A Kazakh participle ("айқындайтын", "бекіткен").
KK_PARTICIPLE_WORD = re.compile(rf"(?:{alternation(KK_PARTICIPLE)})$")
# Prepositions that make the nouns after them in their clause parties or purposes, not agents.
CLAUSE_PREPOSITIONS = frozenset({"для"})
# A relative pronoun opens a clause whose verb is not the sentence's.
RELATIVE = re.compile(r"(?<![а-я])(?:котор[а-я]+|где|куда|откуда)(?![а-я])", re.I)
# Words that join a body to the next party of its list ("органами, юридическими лицами", "Участники и …").
# (Not "либо", "или": "… советами либо юридическими лицами" names alternatives, each bound alike.)
PARTY_JOINER = re.compile(r"\s*(?:,|и|а\s+также|және|мен|бен|пен|сондай-ақ)\s+", re.I)
PARTY_BEFORE = re.compile(
    r"((?:[а-яёәғқңөұүһі]+\s+)?[а-яёәғқңөұүһі]+)(?:\s*,|\s+(?:и|а\s+также|және|мен|бен|пен|сондай-ақ))\s+$", re.I
)
# A modal before a passive participle ("… органом должно быть принято решение").
MODAL_BE = re.compile(r"^\s*(?:может|могут|должн[оаы]?|должен)\s+быть\s+", re.I)
# Words that join coordinated roles ("Банком …, а также другими национальными институтами",
# "Қазақстан даму банкі, сондай-ақ басқа да ұлттық даму институттары").
COORDINATORS = frozenset(
    {"и", "или", "а", "также", "либо", "другие", "другими", "иные", "иными"}
    | {"және", "мен", "бен", "пен", "немесе", "сондай-ақ", "басқа", "өзге", "да", "де"}
)


def agents(
    sentence: str, lang: str, fields: dict[str, str], aliases: dict[str, str] | None = None
) -> list[RoleMention]:
    """The bodies or roles a sentence empowers: the subject of its verb, or the agent of a passive verb."""
    sentence = repair_homoglyphs(sentence)  # a Latin "i" in a Kazakh word ("етедi"); offsets stay
    mentions = role_mentions(sentence, fields, aliases)
    # "Рабочим органом комиссии является X": the working body is a function X is given, not a body
    mentions = [m for m in mentions if not WORKING_BODY.match(sentence, m.phrase[0])]
    if not mentions:
        return []
    if SELF_DESCRIPTION.search(sentence) or STATUS_GAIN.search(sentence) or PROHIBITION.search(sentence):
        return []  # "… осуществляет свою деятельность …", "… приобретает статус …", "… не вправе …": nothing granted
    found = _agents(sentence, mentions, lang)
    if any(_with_private_party(sentence, m) for m in found):
        return []  # "… вносится … органами, юридическими лицами": anyone's right, no body's power
    return found


def _with_private_party(sentence: str, m: RoleMention) -> bool:
    """Is the body one of a list with private persons ("органами, юридическими лицами",
    "Участники и управляющие компании")?"""
    after = PARTY_JOINER.match(sentence[m.phrase[1] :])
    if after and PRIVATE_PARTY.match(fold(sentence[m.phrase[1] + after.end() :])):
        return True
    before = PARTY_BEFORE.search(sentence[: m.phrase[0]])  # the last word or two: "Участники", "Жеке кәсіпкерлік"
    return bool(before) and any(PRIVATE_PARTY.match(w) for w in (fold(before[1]), fold(before[1].split()[-1])))


def _agents(sentence: str, mentions: list[RoleMention], lang: str) -> list[RoleMention]:
    """The subjects or passive agents among the roles a sentence names."""
    assigns = bool(WORKING_BODY.search(sentence))  # "Рабочим органом … является X" gives X a function
    tasks = [m for m in mentions if _tasks_of(sentence, m, lang)]  # "Задачами X являются …"
    if tasks and any(p.copula for p in predicates(sentence, lang)):
        return tasks[:1]
    if lang == "kk":
        found: list[RoleMention] = []
        start = 0
        for verb in _kk_main_verbs(sentence):  # "… жариялайды және … жатады": a clause per verb
            clause = [m for m in mentions if start <= m.start < verb.end]
            found += _kk_agents(sentence, clause, verb, assigns)
            start = verb.end
        return _unique(found)
    preds = [p for p in predicates(sentence, lang) if (assigns or not p.copula) and not _relative(sentence, p.start)]
    if not preds:
        return []
    found = []
    if any(p.passive and not (assigns and p.copula) for p in preds):
        passive = [
            m
            for m in mentions
            if ((m.instrumental and _free(sentence, m, mentions)) or _by_decision(sentence, m))
            and not _relative(sentence, m.start)
        ]
        verb = next(p for p in preds if p.passive and not (assigns and p.copula))
        if any(m.start > verb.start for m in passive):  # "… предоставления X-ом … определяются Правительством"
            passive = [m for m in passive if m.start > verb.start or _before_passive(sentence, m)]
        found += passive
    active = [p for p in preds if not p.passive or (assigns and p.copula)]  # "… является X": X is the subject
    if active:
        verb = active[0]
        subjects = [m for m in mentions if m.subject and m.end <= verb.start and _free(sentence, m, mentions)]
        if not subjects:  # "… осуществляет национальный институт развития …": the subject after the verb
            subjects = [
                m
                for m in mentions
                if m.subject
                and m.start >= verb.end
                and not sentence[verb.end : m.start].strip()
                and _agrees(verb.word, sentence[m.start : m.end])
            ]
        found += subjects
    return _unique(found)


def _by_decision(sentence: str, m: RoleMention) -> bool:
    """Is the role the body by whose decision the clause's action is done ("по решению Правительства …
    может быть продлен"), not that of a participle ("предприятием, созданным по решению Правительства")?"""
    by = RU_BY_DECISION.search(sentence[: m.phrase[0]])
    before = clause_words(sentence[: by.start()]) if by else []
    return bool(by) and not (before and ru_participle(before[-1][0]))


def _agrees(verb: str, noun: str) -> bool:
    """Can the noun after the verb be its subject: do their numbers not clash ("уведомляют уполномоченный
    орган": the plural verb has another subject, the body is its object)?"""
    a, b = ru_number(verb), ru_number(noun.split()[-1]) if noun.split() else None
    return not (a and b and a != b)


def _tasks_of(sentence: str, m: RoleMention, lang: str) -> bool:
    """Is the role the owner of the tasks a copula clause states ("Задачами X являются",
    "X-тың міндеттері … болып табылады")?"""
    if lang == "kk":
        return m.genitive and _next_words(sentence, m.end)[:1] in ([w] for w in KK_TASKS_WORDS)
    return bool(RU_TASKS_OF.match(sentence[: m.phrase[0]]))


def _kk_main_verbs(sentence: str) -> list:
    """The verbs that close Kazakh clauses: finite predicates followed by a clause break or the end."""
    every = predicates(sentence, "kk")
    return [
        v
        for k, v in enumerate(every)
        if k == len(every) - 1 or re.match(r"\s*(?:[,;]|және\s|әрі\s|ал\s|бірақ\s)", sentence[v.end :])
    ]


def _kk_agents(sentence: str, mentions: list[RoleMention], verb, assigns: bool) -> list[RoleMention]:
    """The agents of one Kazakh clause, the roles of `mentions` before its `verb`."""
    if verb.copula and not assigns:
        # "… X-тың қарауына жатады": X is to do it; any other copula clause defines
        return [m for m in mentions if m.genitive and _kk_owns_duty(sentence, m, verb.start)]
    if verb.passive and not verb.copula:  # the agent of a passive verb: "X тарапынан", "X-тың … орналастыруы арқылы"
        return [m for m in mentions if _kk_passive_agent(sentence, m, mentions, verb.start)]
    subjects = [
        m
        for m in mentions
        if m.subject
        and m.end <= verb.start
        and not _kk_dependent(sentence, m, mentions)
        and not _kk_subordinate(sentence, m, verb.start, mentions)
    ]
    return _kk_nearest(sentence, subjects, verb.start, mentions)


def _kk_subordinate(sentence: str, m: RoleMention, verb: int, mentions: list[RoleMention]) -> bool:
    """Is the role the subject of a subordinate clause that closes before the main clause's own subject
    ("Сарапшылық кеңес оң қорытынды шығарғаннан кейін уәкілетті орган … енгізеді")?"""
    words = clause_words(sentence[m.end : verb])
    for k, (w, _, e) in enumerate(words):
        w = w.lower()
        closes = KK_SUBORDINATE_PARTICIPLE.search(w) or (
            w in KK_SUBORDINATE_CLOSERS and k and KK_PARTICIPLE_WORD.search(words[k - 1][0].lower())
        )
        if closes:
            return any(r.subject and m.end + e <= r.start < verb for r in mentions)
    return False


def _relative(sentence: str, at: int) -> bool:
    """Is the word at `at` in a relative clause ("…, которых … принадлежат")?"""
    clause = re.split(r"[,;:()]", sentence[:at])[-1]
    return bool(RELATIVE.search(clause))


def _unique(mentions: list[RoleMention]) -> list[RoleMention]:
    seen, out = set(), []
    for m in mentions:
        if m.key not in seen:
            seen.add(m.key)
            out.append(m)
    return out


def _free(sentence: str, m: RoleMention, mentions: list[RoleMention]) -> bool:
    """Is the role the agent of the clause, not of a participle ("определяемым Правительством",
    "осуществляемых государственными органами, местными исполнительными органами") or the
    object of a preposition ("с уполномоченным органом")?"""
    start = m.phrase[0]
    while True:  # back over the roles coordinated with this one
        words = clause_words(sentence[:start])
        while words and words[-1][0].lower() in COORDINATORS:
            words.pop()
        if not words:
            return True
        prev = next((r for r in mentions if r.phrase[1] <= words[-1][2] <= r.phrase[1] + 1 and r is not m), None)
        if prev is None or re.search(r"[^\w\s,]", re.sub(r"\((?:и|или|либо)\)", " ", sentence[words[-1][2] : start])):
            break
        start = prev.phrase[0]
    last = words[-1][0].lower()
    # "Соответствующий местный исполнительный орган": an attribute of the role, no phrase of its own
    attribute = ru_attribute_participle(last) and not sentence[words[-1][2] : start].strip()
    if attribute and len(words) > 1 and words[-2][0].lower() in RU_PREPOSITIONS:
        return False  # "с соответствующим местным исполнительным органом"
    if last in RU_PREPOSITIONS:
        return False
    prefix = re.sub(r"\((?:и|или|либо)\)", "     ", sentence[:start])  # "научной и (или) научно-технической"
    if "между" in (w.lower() for w, _, _ in clause_words(prefix)):
        return False  # "заключается между … и уполномоченным органом"
    if m.instrumental and not _before_passive(sentence, m):
        segment = re.split(r"[,;:()]", prefix)[-1]
        clause = clause_words(segment)
        purpose = [e for w, _, e in clause if w.lower() in CLAUSE_PREPOSITIONS]
        if purpose and not predicates(segment[purpose[-1] :], "ru"):
            return False  # "для рассмотрения … советом": the agent of the purpose (no verb in between)
        # the verb comes after the role: it follows a verbal noun, or an adverbial's action when the
        # main clause's own subject stands between it and the verb ("В случае учреждения компании
        # Правительством руководитель … назначается"; not "После вынесения решения … органом … создается
        # компания", where the body is the agent of "создается")
        if not predicates(segment, "ru") and not _chain_before_passive(sentence, m, mentions):
            if clause and RU_VERBAL_NOUN.match(clause[-1][0]) and _object_follows(sentence, m, mentions):
                return False  # "со дня принятия Правительством решения" (not "… значения органом …")
            if RU_NOMINAL_OPENING.match(segment) and _subject_follows(sentence, m, mentions):
                return False
    # a participle right before the role, or before the noun the role follows ("по выдаваемым кредитам Банком"),
    # unless a passive verb follows the role ("… о принимаемых мерах Правительством ежегодно вносится …")
    in_role = any(r.phrase[0] <= words[-1][1] < r.phrase[1] for r in mentions)
    after_noun = len(words) > 1 and not in_role and ru_participle(words[-2][0]) and _noun(last)
    purpose = words[-2][0].lower() in CLAUSE_PREPOSITIONS if len(words) > 1 else False  # "для управления X-ами"
    if after_noun and m.instrumental and not purpose and _chain_before_passive(sentence, m, mentions):
        after_noun = False
    return (attribute or not ru_participle(last)) and not after_noun


def _before_passive(sentence: str, m: RoleMention) -> bool:
    """Does a passive verb follow the role right away ("… уполномоченным органом … разрабатываются",
    "… органом должно быть принято решение")?"""
    after = sentence[m.phrase[1] :]
    words = clause_words(after)
    start = words[0][2] if words and ru_adverb(words[0][0]) and not after[: words[0][1]].strip() else 0
    modal = MODAL_BE.match(after[start:])  # "… органом ежегодно вносится", "… органом должно быть принято"
    start += modal.end() if modal else 0
    nxt = clause_words(after[start:])
    return (
        bool(nxt)
        and not after[start : start + nxt[0][1]].strip()
        and any(p.passive for p in predicates(nxt[0][0], "ru"))
    )


def _chain_end(sentence: str, m: RoleMention, mentions: list[RoleMention]) -> int:
    """Where the roles coordinated with this one end."""
    while True:
        nxt = next((r for r in mentions if r.phrase[0] >= m.phrase[1]), None)
        gap = sentence[m.phrase[1] : nxt.phrase[0]] if nxt else "-"
        if nxt is None or any(w.lower() not in COORDINATORS for w, _, _ in clause_words(gap)) or ";" in gap:
            return m.phrase[1]
        m = nxt


def _object_follows(sentence: str, m: RoleMention, mentions: list[RoleMention]) -> bool:
    """Is the next word after the roles a noun in the genitive, the object of the verbal noun before
    them ("принятия Правительством решения")?"""
    nxt = clause_words(sentence[_chain_end(sentence, m, mentions) :])[:1]
    return bool(nxt) and ru_case(nxt[0][0]) == "gent" and _noun(nxt[0][0])


def _subject_follows(sentence: str, m: RoleMention, mentions: list[RoleMention]) -> bool:
    """Does a noun in the nominative stand between the roles and the clause's verb after them
    ("… Правительством или местным исполнительным органом руководитель … назначается")?"""
    end = _chain_end(sentence, m, mentions)
    verb = next(iter(predicates(sentence[end:], "ru")), None)
    between = clause_words(sentence[end : end + verb.start] if verb else "")
    return any(ru_case(w) == "nomn" and _noun(w) for w, _, _ in between)


def _chain_before_passive(sentence: str, m: RoleMention, mentions: list[RoleMention]) -> bool:
    """Does a passive verb follow the roles coordinated with this one ("Правительством … или местным
    исполнительным органом … должно быть принято")?"""
    while not _before_passive(sentence, m):
        nxt = next((r for r in mentions if r.phrase[0] >= m.phrase[1]), None)
        gap = sentence[m.phrase[1] : nxt.phrase[0]] if nxt else "-"
        if nxt is None or any(w.lower() not in COORDINATORS for w, _, _ in clause_words(gap)) or ";" in gap:
            return False
        m = nxt
    return True


def _noun(word: str) -> bool:
    return not ru_adjective(word) and ru_case(word) != "None"


def _kk_nearest(
    sentence: str, subjects: list[RoleMention], verb: int, mentions: list[RoleMention]
) -> list[RoleMention]:
    """A subject right before the Kazakh verb ("… әдістемесін уәкілетті орган бекітеді") and the roles
    coordinated with it; roles further back are then another clause's ("органдар … жүзеге асыратын").
    Between coordinated roles stand only conjunctions and a participial modifier of the next one
    ("банкі, сондай-ақ Үкіметі айқындайтын басқа да ұлттық даму институттары")."""
    near = next((m for m in reversed(subjects) if len(clause_words(sentence[m.end : verb])) <= 1), None)
    if near is None:
        return subjects
    chain = [near]
    for m in reversed(subjects[: subjects.index(near)]):
        gap_start = m.end
        gap = [
            w.lower()
            for w, a, b in clause_words(
                re.sub(r"\((?:немесе|және|или|и)\)", "        ", sentence[gap_start : chain[-1].start])
            )
            if not any(r.phrase[0] <= gap_start + a and gap_start + b <= r.phrase[1] for r in mentions)
        ]
        between = re.sub(r"\((?:немесе|және|или|и)\)", " ", sentence[m.end : chain[-1].start])
        if re.search(r"[^\w\s,-]", between) or any(
            w not in COORDINATORS and not KK_PARTICIPLE_WORD.search(w) for w in gap
        ):
            break
        chain.append(m)
    return list(reversed(chain))


def _kk_passive_agent(sentence: str, m: RoleMention, mentions: list[RoleMention], verb: int) -> bool:
    """ "X тарапынан" (by X), or X in the genitive owning the verbal noun of the action
    ("қаржы агентінің … орналастыруы арқылы жүзеге асырылады")."""
    if _next_words(sentence, m.end)[:1] == [KK_AGENT_POSTPOSITION]:
        return True
    if m.genitive and any(tuple(_next_words(sentence, m.end, len(by))) == by for by in KK_BY_DECISION):
        return True  # "Үкіметінің шешімі бойынша ұзартылуы мүмкін"
    if not m.genitive or any(r.genitive and m.end <= r.start < verb for r in mentions):
        return False
    words = [w.lower() for w, _, _ in clause_words(sentence[m.end : verb])]
    if any(KK_VERBAL_NOUN_OWNED.search(w) and nxt == "арқылы" for w, nxt in itertools.pairwise(words)):
        return True
    # "X органдарының сауда қызметін қолдауы мынадай … арқылы жүзеге асырылады": X's action, done by these means
    owned = next((k for k, w in enumerate(words[:3]) if KK_VERBAL_NOUN_SUBJECT.search(w)), None)
    return owned is not None and any(w in ("арқылы", "жолымен") for w in words[owned + 1 :])


def _kk_owns_duty(sentence: str, m: RoleMention, verb: int) -> bool:
    """X in the genitive owning the verbal noun a copula closes on ("комиссиясының қарауына жатады")."""
    words = [w.lower() for w, _, _ in clause_words(sentence[m.end : verb])]
    return bool(words) and bool(KK_VERBAL_NOUN_OWNED.search(words[-1]))


def _next_words(sentence: str, at: int, n: int = 1) -> list[str]:
    return [w.lower() for w, _, _ in clause_words(sentence[at:])[:n]]


def _kk_dependent(sentence: str, m: RoleMention, mentions: list[RoleMention]) -> bool:
    """Is a Kazakh nominative role a modifier ("Үкімет қаулысымен", "органдар басшыларынан") or
    the complement of a postposition ("X мен Y арасында", "X туралы")?"""
    end = m.end
    while True:  # over the roles coordinated with this one
        after = sentence[end:]
        nxt = clause_words(after)
        if not nxt or after[: nxt[0][1]].strip(" ,"):
            return False
        word = nxt[0][0].lower()
        follower = next((r for r in mentions if r.phrase[0] >= end and r is not m), None)
        if follower and follower.subject and follower.phrase[0] == end + nxt[0][1] and "," in after[: nxt[0][1]]:
            end = follower.end  # "кеңес, жиналыс және төралқа шешімдерін": a list of owners
            continue
        if word in COORDINATORS:
            gap = re.sub(
                r"\((?:немесе|және|или|и)\)", " ", sentence[end + nxt[0][2] : follower.phrase[0] if follower else end]
            )
            if follower and follower.subject and not clause_words(gap):
                end = follower.end
                continue
            return False
        if word in KK_LIGHT_VERB_NOUNS and len(nxt) > 1 and KK_PARTICIPLE_WORD.search(nxt[1][0].lower()):
            return True  # "уәкілетті орган жүзеге асыратын …": the subject of a participle
        if KK_PARTICIPLE_WORD.search(word):
            return False
        return (
            (bool(KK_IZAFET.match(word)) and word not in KK_ADVERBS)
            or word in KK_POSTPOSITIONS
            or _kk_participle_subject(sentence, m, mentions)
        )


# How far (words) after a Kazakh role its participle may stand, over the adverbials of a co-agent
# ("… министрлігімен бірлесіп") or of a norm ("… стандарттарға сәйкес"): names (capitalised), words
# in the genitive, instrumental or dative, adjectives, conjunctions. An object (accusative) or another
# case opens the participle's own clause ("… қызметті жүзеге асыратын тұлғаларды").
KK_PARTICIPLE_REACH = 8
KK_ADVERBIAL_WORD = re.compile(
    rf"(?:{alternation((*KK_CASE['genitive'], *KK_CASE['instrumental'], *KK_CASE['dative'][:-2]))}"
    r"|лық|лік|тық|тік|дық|дік)$|^(?:сәйкес|бірлесіп|бірлесе|отырып)$"
)
# ... the adverbial closing right before the participle (a nominative there is its own subject).
KK_ADVERBIAL_CLOSERS = frozenset({"сәйкес", "бірлесіп", "отырып"})
# A passive participle ("белгіленген", "алынатын") has no agent before it.
KK_PASSIVE_PARTICIPLE = re.compile(r"[лн](?:ған|ген|қан|кен|атын|етін)$")


def _kk_participle_subject(sentence: str, m: RoleMention, mentions: list[RoleMention]) -> bool:
    """Is a Kazakh role the subject of an attributive participle that comes, over adverbials only,
    before any finite verb ("уәкілетті орган … министрлігімен бірлесіп айқындайтын тәртіппен",
    "уәкілетті орган … заңнамасына сәйкес айқындайтын таңбалар")? Not when another subject stands
    between, nor a participle that closes a subordinate clause ("… берген жағдайда")."""
    after = sentence[m.end :]
    words = clause_words(after)
    for k, (w, s, e) in enumerate(words[:KK_PARTICIPLE_REACH]):
        if re.search(r"[^\w\s()-]", after[words[k - 1][2] if k else 0 : s]):
            return False
        if any(r is not m and m.end + s <= r.start < m.end + e and r.suffix in NOMINATIVE_KK for r in mentions):
            return False  # "… орган Қазақстан Республикасының Үкіметі айқындайтын": the other one's participle
        lower = w.lower()
        if KK_PARTICIPLE_WORD.search(lower) and k and k + 1 < len(words):
            passive = KK_PASSIVE_PARTICIPLE.search(lower)
            closes = words[k - 1][0].lower() in KK_ADVERBIAL_CLOSERS  # not "Республикасы ратификациялаған"
            return closes and not passive and words[k + 1][0].lower() not in KK_SUBORDINATE_CLOSERS
        if not (w[:1].isupper() or lower in COORDINATORS or KK_ADVERBIAL_WORD.search(lower)):
            return False  # "… орган өтініш келіп түскен күннен": the participle has a subject of its own
    return False
