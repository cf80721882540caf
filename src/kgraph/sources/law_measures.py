"""Support measures of laws (helper of `kgraph.sources.law`).

A law lists its support measures in an article titled "... қолдау шаралары" /
"меры ... поддержки"; later articles of the same chapter detail a measure
each, often as a list of its forms; a system's article ("... құралдары")
names its instruments. `measures` reads all three, then fills each measure's
kind (financial, non-financial, service), provider and rules approver from
the other sentences of its article, naming bodies by role slug
(`kgraph.sources.law_roles.role_mentions`). Labels are matched to titles
and sentences by word stems (`coverage`). Everything here is pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from kgraph.lang import KK_DATIVE, LOWER, alternation, prefix_stem
from kgraph.records import Span
from kgraph.sources.law_roles import role_mentions, tolerant
from kgraph.text import collapse

# --- word matching ----------------------------------------------------------------

WORD = re.compile(r"[^\W\d_][\w-]*")
STOPWORDS = {
    "және",
    "мен",
    "бен",
    "пен",
    "бойынша",
    "немесе",
    "үшін",
    "сондай-ақ",
    "оның",
    "олардың",
    "оларды",
    "и",
    "в",
    "на",
    "по",
    "для",
    "или",
    "с",
    "а",
    "также",
    "их",
}


def content_stems(text: str) -> list[str]:
    return [prefix_stem(w) for w in WORD.findall(text) if w.lower() not in STOPWORDS]


def coverage(label: str, text: str) -> float:
    """Share of the label's content words found (by stem) among the words of `text`."""
    need = content_stems(label)
    words = [w.lower() for w in WORD.findall(text)]
    if not need:
        return 0.0
    return sum(any(w.startswith(s) for w in words) for s in need) / len(need)


# --- support measures -------------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    golden_kind: ClassVar[str] = "measure"  # `kind` is a field here, as in the golden file
    label: str
    kind: str  # financial | non-financial | service
    article: str
    provider: str | None
    rules_approved_by: str | None
    paragraph: str | None
    item: str | None
    parent: str | None  # label of the measure this one is a form of
    span: Span


# The article that lists the measures and whose items name the detailing articles.
MEASURES_TITLE = re.compile(r"қолдау\s+шаралары|мер[а-я]*\s+(?:государственной\s+)?поддержки", re.I)
MEASURE_LEAD = re.compile(r"шаралар|мер[аы]", re.I)
# A list of forms of a measure: "... арқылы жүзеге асырылады" / "қамтиды" at its close,
# "осуществляется путем:/посредством:" / "включает" in its lead-in, or "... шаралары:".
FORMS_CLOSE = re.compile(r"(?:арқылы\s+(?:жүзеге|іске)\s+асырылады|қамтиды)\s*[.;]?\s*$", re.I)
FORMS_LEAD = re.compile(
    r"(?:(?:путем|посредством)(?:\s+[^:;.]{1,60}?)?|включа[а-я]*|шаралары|мер[аы]\s+[а-я\s]*поддержки)\s*:\s*$", re.I
)
# System instruments: "X <system> жоспарлау құралдарына жатады", "Y құралы X болып табылады".
INSTRUMENT_TITLE = re.compile(r"құралдары|инструмент", re.I)
INSTRUMENT_PREDICATE = re.compile(r"құрал(?:ы|дары)\s+(?P<x>.+?)\s+болып\s+табылады", re.I)
INSTRUMENT_SUBJECT = re.compile(
    r"^(?P<x>.+?)\s+(?:құрал(?:дарына\s+жатады|ы\s+болып\s+табылады|дары\s+болып\s+табылады)"
    r"|(?:является|являются)\s+инструмент)",
    re.I,
)
INSTRUMENT_RU = re.compile(r"инструмент[а-я]*\s+[^.]*?(?:являются|является|относятся)\s+(?P<x>[^.]+)", re.I)
# "… жоспарлау құралдарына X жатады": the instruments after the system's name.
INSTRUMENT_KK = re.compile(r"құралдарына\s+(?P<x>.+?)\s+жатады", re.I)
# Kazakh participles end a relative clause that precedes the head noun phrase.
RELATIVE_CLAUSE = re.compile(r"^.*\s[а-яәғқңөұүһі]+(?:атын|етін|йтын|йтін)\s+", re.I)
# A Russian participial clause after the noun it qualifies: ", осуществляемой государственными органами …".
RU_PARTICIPLE_CLAUSE = re.compile(r",\s*[а-яё]+(?:ем|им|ущ|ющ|ащ|ящ|енн|анн|нн)[а-яё]*\s.*$", re.I)
COORDINATION = re.compile(r"\s+(?:және|и)\s+", re.I)

FINANCIAL = re.compile(
    r"қаржыландыр|кредит|кепілдік|кепілдеме|субсиди|грант|өтеу|ақы\s+төлеу|сақтандыру|жарғылық\s+капитал"
    r"|финансир|гаранти|возмещ|страховани|уставн[а-я]*\s+капитал",
    re.I,
)
SERVICE = re.compile(r"сервистік|сервисн", re.I)
REIMBURSEMENT = re.compile(r"өтеу|возмещ", re.I)
RULES_NOUN = tolerant(
    r"қағида|тәртіб|әдістеме|шарттары\s+мен\s+тетіктер|правил|порядок|методик|услови[а-я]*\s+и\s+механизм"
)
APPROVE_VERB = tolerant(r"бекітеді|айқындайды|бекітетін|бекіткен|утверждает|определяет|утвержда[а-я]*")
PROVIDE_VERB = tolerant(
    r"жүзеге\s+асырады|жүргізеді|көрсетеді|қамтамасыз\s+етеді|орналастырады|міндетті"
    r"|осуществляет|оказывает|предоставляет|обеспечивает|размещает|обязан"
)
# "A-ға және B-ға жәрдем көрсетуге арналған ... қағидасын": rules for two assistances.
PURPOSE = re.compile(r"^(?P<p>.+?)\s+арналған\s", re.I)
DATIVE = re.compile(rf"[{LOWER}]+(?:{alternation(KK_DATIVE)})$", re.I)  # two-letter endings

# "Жер кодексіне сәйкес ..." / "в соответствии с Законом ... «...»,": the legal basis, not the measure.
LEGAL_BASIS = re.compile(
    r"^(?:[^,;]*?(?:кодекс|заң|конституция)[а-яәғқңөұүһі]*\s+сәйкес"
    r"|в\s+соответствии\s+с\s+[^,;]*?(?:кодекс|закон|конституци)[^,;]*?(?:»|Казахстан))[\s,]+",
    re.I,
)

# A measure label must cover this share of a sentence's words to be "the same".
MATCH = 0.8
# A list item names a detailing article when it covers this share of the title.
TITLE_MATCH = 0.5
# Operator functions are only a provider source for labels this specific.
MIN_WORDS_FOR_FUNCTION = 4


def _strip_label(text: str) -> str:
    text = FORMS_CLOSE.sub("", collapse(text))
    text = LEGAL_BASIS.sub("", text)
    return text.strip(" ;.,:")


def _agent(sentence: str, verb: re.Pattern[str], fields: dict[str, str]) -> str | None:
    """The subject of the clause whose verb matches: the first nominative role
    before it, or (Russian puts the subject after the verb too) right after it."""
    m = verb.search(sentence)
    if not m:
        return None
    subjects = [r for r in role_mentions(sentence[: m.start()], fields) if r.subject]
    after = [r for r in role_mentions(sentence[m.end() :], fields) if r.subject and r.side == "after"]
    return subjects[0].role if subjects else after[0].role if after else None


def _approver(sentence: str, fields: dict[str, str]) -> str | None:
    """Who approves the rules a sentence names: the role nearest before the
    approving verb, or (Russian order) the first one after it."""
    if not RULES_NOUN.search(sentence):
        return None
    for m in APPROVE_VERB.finditer(sentence):
        before = role_mentions(sentence[: m.start()], fields)
        after = [r for r in role_mentions(sentence[m.end() :], fields) if r.side == "after"]
        if before or after:
            return before[-1].role if before else after[0].role
    return None


def measures(doc: Any, competences: list[Any], fields: dict[str, str]) -> list[Measure]:
    """Support measures of a law.

    * The measures list (a list whose lead-in names measures, in an article
      titled "... қолдау шаралары" / "меры ... поддержки"): each item is
      recorded once, under the later article of the same chapter whose title
      matches it, with that title as label (else under the list's article).
    * In each such detailing article, every list of forms of the measure
      (closing "арқылы жүзеге асырылады"/"қамтиды", or a lead-in "шаралары:",
      "путем:") gives one measure per item.
    * Instruments of a system (an article titled "... құралдары"): each
      instrument named in "X ... құралдарына жатады" / "құралы X болып табылады".
    Provider, rules approver and kind come from the other sentences of the
    same article (see _complete).
    """
    found: list[Measure] = []
    detailing: dict[str, str] = {}  # article number -> label of its measure
    for art in doc.articles:
        lists = [lst for lst in doc.lists_in(art.number) if lst.lead and MEASURE_LEAD.search(lst.lead)]
        if not art.title or not MEASURES_TITLE.search(art.title) or not lists:
            continue
        later = [a for a in doc.articles if a.title and a.chapter == art.chapter and doc.order(a) > doc.order(art)]
        for item in lists[0].items:
            label = _strip_label(item.text)
            best = max(later, key=lambda a: coverage(label, a.title), default=None)
            if best is not None and coverage(label, best.title) >= TITLE_MATCH and best.number not in detailing:
                detailing[best.number] = best.title
                found.append(Measure(best.title, "", best.number, None, None, None, None, None, best.span))
            elif not item.excluded:
                found.append(
                    Measure(label, "", art.number, None, None, lists[0].paragraph, item.number, None, item.span)
                )
        break
    for number, parent in detailing.items():
        for lst in doc.lists_in(number):
            if not lst.items or not (FORMS_CLOSE.search(lst.items[-1].text + ".") or FORMS_LEAD.search(lst.lead or "")):
                continue
            found.extend(
                Measure(_strip_label(it.text), "", number, None, None, lst.paragraph, it.number, parent, it.span)
                for it in lst.items
                if not it.excluded
            )
    for art in doc.articles:
        if art.title and INSTRUMENT_TITLE.search(art.title):
            found.extend(_instruments(doc, art))
    found = [_complete(doc, m, competences, fields) for m in found]
    found += _purposes(doc, found, fields)
    seen: set[str] = set()
    out = []
    for m in found:
        key = re.sub(r"\s+", "", m.label).casefold()
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _instruments(doc: Any, art: Any) -> list[Measure]:
    out = []
    title_stems = content_stems(art.title)[:2]
    for para, sentence, span in doc.sentences(art.number):
        m = INSTRUMENT_PREDICATE.search(sentence) or INSTRUMENT_RU.search(sentence) or INSTRUMENT_KK.search(sentence)
        if not m:
            m = INSTRUMENT_SUBJECT.search(sentence)
            # The subject ends where the system's name (the article title's words) begins.
            if m:
                words = m["x"].split()
                # the system's name closes the subject: its last mention, words before it may name it too
                cut = max(
                    (k for k in range(len(words)) if title_stems and words[k].lower().startswith(title_stems[0])),
                    default=None,
                )
                x = " ".join(words[:cut]) if cut else m["x"]
            else:
                continue
        else:
            x = m["x"]
        x = RELATIVE_CLAUSE.sub("", collapse(x))
        x = RU_PARTICIPLE_CLAUSE.sub("", x)
        for part in _coordinated(x):
            label = part.strip(" ,.;")
            if label and len(label.split()) <= 12:
                out.append(Measure(label, "", art.number, None, None, para, None, None, span))
    return out


def _coordinated(text: str) -> list[str]:
    """Coordinated names ("A и B"); a one-word part completes the part before it
    ("карта приоритетных товаров и услуг")."""
    parts: list[str] = []
    for part in COORDINATION.split(text):
        if parts and len(part.split()) == 1:
            parts[-1] += (
                " и " + part if re.search(r"[а-яё]", part) and not re.search(r"[әғқңөұүһі]", part) else f" және {part}"
            )
        else:
            parts.append(part)
    return parts


def _complete(doc: Any, m: Measure, competences: list[Any], fields: dict[str, str]) -> Measure:
    """Fill kind, provider and rules approver from the other sentences of the measure's article.

    A sentence speaks of the measure when it covers the label's words; its
    approving verb gives who approves the rules, its providing verb's subject
    who provides. An instrument or a fallback item looks in its own paragraph,
    the others in the whole article.
    """
    whole_article = m.parent is not None or (m.item is None and m.paragraph is None)
    scope = [(s, sp) for p, s, sp in doc.sentences(m.article) if whole_article or p == m.paragraph]
    provider = rules = None
    context = ""
    for s, sp in scope:
        if sp[0] <= m.span[0] < sp[1] or coverage(m.label, s) < MATCH:
            continue  # the measure's own sentence, or another topic
        if RULES_NOUN.search(s):
            rules = rules or _approver(s, fields)
        elif provider is None and (who := _agent(s, PROVIDE_VERB, fields)):
            provider, context = who, s
    if provider is None:  # "... ұлттық оператордың веб-порталында ... орналастыру"
        named = role_mentions(m.label, fields)
        provider = named[0].role if named else None
    if provider is None and m.item is not None and len(content_stems(m.label)) >= MIN_WORDS_FOR_FUNCTION:
        provider = _operator_function(m.label, competences)
    if FINANCIAL.search(m.label) or REIMBURSEMENT.search(context):
        kind = "financial"
    elif SERVICE.search(
        doc.lead_of(m.article, m.paragraph, m.item) if m.item else doc.article_text(m.article) if whole_article else ""
    ):
        kind = "service"
    else:
        kind = "non-financial"
    return Measure(m.label, kind, m.article, provider, rules, m.paragraph, m.item, m.parent, m.span)


def _operator_function(label: str, competences: list[Any]) -> str | None:
    """A national operator whose own function (competence item) is this measure."""
    for c in competences:
        if (
            (c.role or "").startswith("national-operator-")
            and not RULES_NOUN.search(c.text)
            and coverage(label, c.text) >= MATCH
        ):
            return c.role
    return None


def _purposes(doc: Any, found: list[Measure], fields: dict[str, str]) -> list[Measure]:
    """Measures that only a rules sentence of a detailing article names.

    "A-ға және B-ға жәрдем көрсетуге арналған шығындардың бір бөлігін өтеу
    қағидасын Үкімет бекітеді" sets rules for two assistances, "A-ға жәрдем
    көрсету" and "B-ға жәрдем көрсету"; one no list names is a measure too.
    """
    out: list[Measure] = []
    for number in dict.fromkeys(m.article for m in found if m.parent is not None):
        labels = [m.label for m in found if m.article == number]
        for para, s, span in doc.sentences(number):
            who, p = _approver(s, fields), PURPOSE.match(s)
            parts = COORDINATION.split(p["p"]) if who and p else []
            last = parts[-1].split() if len(parts) > 1 else []
            datives = [k for k, w in enumerate(last) if DATIVE.search(w)]
            if len(datives) < 2:
                continue
            head = last[datives[-2] + 1 :]  # "жәрдем көрсетуге"
            verb = DATIVE.sub(lambda d: d.group(0)[:-2], head[-1])  # "көрсету"
            for k, part in enumerate(parts):
                words = part.split()
                if k == len(parts) - 1:
                    label = " ".join(words[:-1] + [verb])
                elif DATIVE.search(words[-1]):
                    label = " ".join(words + head[:-1] + [verb])
                else:
                    continue
                if any(coverage(label, x) >= MATCH and coverage(x, label) >= MATCH for x in labels):
                    continue
                kind = "financial" if REIMBURSEMENT.search(s) else "non-financial"
                out.append(Measure(label, kind, number, None, who, para, None, None, span))
    return out
