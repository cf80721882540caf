"""Resolve a mention of an institution, as printed in a source, to the registry.

``resolve(mention, lang, date, glossary)`` returns a ``Resolution``: a body, a
collective group, a legal role, or "unresolved" with the reason. Steps, in
order, each tried on progressively normalised forms of the mention:

1. cleaning: the by-agreement flag, quote styles, letter-spaced abbreviations,
   Latin look-alike letters inside Cyrillic words (the PDFs mix Latin "i" and
   Kazakh "і", Latin "P"/"H" and Cyrillic "Р"/"Н"), legal-form words
   (АО, АОО, АҚ, ЖШС, ДБҰ, ...) and "Республики Казахстан"-style qualifiers;
2. the document's own glossary (abbreviation -> expansion, then the expansion
   is resolved): a document's definition beats the registry's;
3. registry abbreviations, preferring those valid on the document date;
4. exact names, variants, group patterns and role names;
5. Russian: word-by-word lemmas (pymorphy3), so any case form matches;
6. Kazakh: case endings stripped from the head word (Kazakh inflects the last
   word of a noun phrase), including "ИЖТМ-ге" style endings;
7. fuzzy matching (rapidfuzz) above a threshold; below it -> "unresolved".

A list of bodies under a shared head ("акиматы Алматинской области и области
Абай") is split by the plan reader into one mention per body, each resolved
with the head it shares ("акиматы области Абай").

The text rules (look-alike letters, Russian lemmas, Kazakh endings, the
by-agreement flag) are `kgraph.lang`'s. The lookup index is built once per
Registry and cached; lemmas are cached per word, so resolving thousands of
mentions costs little after the first.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from kgraph.lang import (
    BY_AGREEMENT_CUT,
    BY_AGREEMENT_OPEN,
    FIELD_WORDS,
    KK_FUNCTION_WORDS,
    has_cyrillic,
    has_kazakh,
    kk_head_forms,
    kk_without_possessive,
    repair_word,
    ru_lemma,
    ru_preposition,
    without_state_word,
)
from kgraph.registry import Registry, load

FUZZY_THRESHOLD = 90.0
# The word for "city" in an akimat's name: "Акимат города Алматы", "Алматы қаласының әкімдігі".
CITY_WORD = re.compile(r"(?<!\w)(?:города|қаласының)(?!\w)")
FUZZY_HEAD = 75.0  # the head nouns of a fuzzy match: one word misspelt (`_same_head`)
FUZZY_MIN_LENGTH = 8  # shorter keys are abbreviations: never fuzzy-match them

# When one key names several things: an abbreviation beats a canonical name,
# which beats a variant or a group pattern.
_PRIORITY = {"abbr": 0, "name": 1, "variant": 2, "pattern": 2}
# A body and a role may share a name ("Үкімет" is both): the body wins.
_KIND_ORDER = {"body": 0, "role": 1, "group": 2}


@dataclass(frozen=True)
class Resolution:
    kind: str  # "body" | "group" | "role" | "unresolved"
    id: str | None
    confidence: float
    reason: str
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Entry:
    kind: str  # body | group | role
    id: str
    how: str  # abbr | name | variant | pattern
    start: dt.date | None = None
    end: dt.date | None = None
    body_type: str | None = None


# --------------------------------------------------------------------------
# Text normalisation

_WORD = re.compile(r"\w+(?:-\w+)*")

_LEGAL_PREFIXES = [
    tuple(p.split())
    for p in (
        "республиканское государственное предприятие на праве хозяйственного ведения",
        "товарищество с ограниченной ответственностью",
        "некоммерческое акционерное общество",
        "автономная организация образования",
        "акционерное общество",
        "ргп на пхв",
        "ргп",
        "ао",
        "аоо",
        "тоо",
        "нао",
        "jsc",
        "llp",
    )
]
_LEGAL_SUFFIXES = [
    tuple(p.split())
    for p in (
        "жауапкершілігі шектеулі серіктестігі",
        "дербес білім беру ұйымы",
        "акционерлік қоғамы",
        "шжқ рмк",
        "рмк",
        "ақ",
        "жшс",
        "дбұ",
        "кеақ",
        "ұк",
        "jsc",
        "llp",
    )
]
_ABBREVIATED = {"г": "город", "гг": "город"}


def clean(mention: str) -> str:
    """Surface clean-up shared by every step (keeps case)."""
    text = unicodedata.normalize("NFC", mention)
    text = BY_AGREEMENT_CUT.sub(" ", BY_AGREEMENT_OPEN.sub(" ", text))
    text = re.sub(r"\s+", " ", text).strip(" ,;.:–-")
    words = text.split(" ") if text else []
    if len(words) > 1 and all(len(w) == 1 for w in words):
        words = ["".join(words)]  # fully letter-spaced: "М О Н"
    return " ".join(_fix_letters(w) for w in _join_capital_runs(words))


def _join_capital_runs(words: list[str]) -> list[str]:
    # "А О О «Назарбаев ..." -> "АОО «Назарбаев ...": runs of single capitals
    # are letter-spaced abbreviations; single lowercase letters ("и") are words.
    out: list[str] = []
    run: list[str] = []
    for w in words + [""]:
        if len(w) == 1 and w.isalpha() and w.isupper():
            run.append(w)
            continue
        out.extend(["".join(run)] if len(run) > 1 else run)
        run = []
        if w:
            out.append(w)
    return out


def _fix_letters(word: str) -> str:
    return repair_word(word).replace("ё", "е").replace("Ё", "Е")


def _tokens(text: str) -> list[tuple[str, str]]:
    """(original, lowercase) word tokens; quotes and punctuation dropped."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group(0).strip("-")
        low = w.lower()
        out.append((w, _ABBREVIATED.get(low, low)))
    return out


def _strip_affixes(words: list[str]) -> list[str]:
    """Drop legal-form words at either end, "Republic of Kazakhstan" qualifiers and "state" in
    «уполномоченный государственный орган»."""
    words = without_state_word(list(words))
    changed = True
    while changed and words:
        changed = False
        for p in _LEGAL_PREFIXES:
            if len(words) > len(p) and tuple(words[: len(p)]) == p:
                words, changed = words[len(p) :], True
        for s in _LEGAL_SUFFIXES:
            if len(words) > len(s) and tuple(words[-len(s) :]) == s:
                words, changed = words[: -len(s)], True
    out: list[str] = []
    i = 0
    while i < len(words):
        w, nxt = words[i], words[i + 1] if i + 1 < len(words) else ""
        if w.startswith("республик") and nxt.startswith("казахстан"):
            i += 2  # Республики Казахстан
        elif w == "қазақстан" and nxt.startswith("республика"):
            i += 2  # Қазақстан Республикасы(ның)
        elif w == "republic" and nxt == "of" and i + 2 < len(words) and words[i + 2] == "kazakhstan":
            if out and out[-1] == "the":
                out.pop()
            if out and out[-1] == "of":
                out.pop()
            i += 3
        elif w in ("рк", "қр") and len(words) > 1:
            i += 1
        else:
            out.append(w)
            i += 1
    return out or words


def plain_key(text: str) -> str:
    return " ".join(_strip_affixes([low for _, low in _tokens(clean(text))]))


def _lemmas(tokens: list[tuple[str, str]]) -> list[str]:
    # All-capital tokens are abbreviations: pymorphy3 would "lemmatize" НАН
    # into "нана". Latin and Kazakh words are left alone too.
    out = []
    for orig, low in tokens:
        if (len(orig) > 1 and orig.isupper()) or not has_cyrillic(low) or has_kazakh(low):
            out.append(low)
        else:
            out.append(ru_lemma(low))
    return out


def lemma_key(text: str) -> str:
    return " ".join(_strip_affixes(_lemmas(_tokens(clean(text)))))


def _script(text: str) -> str:
    return "kk" if has_kazakh(text) else "ru"


# --------------------------------------------------------------------------
# The lookup index, built once per registry


class _Index:
    def __init__(self, registry: Registry):
        self.exact: dict[str, list[_Entry]] = {}  # plain keys, incl. kk bare heads
        self.abbr: dict[str, list[_Entry]] = {}  # abbreviations (plain and spaceless)
        self.lemma: dict[str, list[_Entry]] = {}  # Russian lemma keys
        for b in registry.bodies:
            for a in b.abbreviations:
                start, end = b.abbreviation_window(a)
                self._add_abbr(a.text, _Entry("body", b.id, "abbr", start, end, b.type))
            for name in b.names.values():
                self._add_name(name, _Entry("body", b.id, "name", b.valid_from, b.valid_until, b.type))
            for v in b.variants:
                self._add_name(v, _Entry("body", b.id, "variant", b.valid_from, b.valid_until, b.type))
        for r in registry.roles:
            for text in (*r.names.values(), *r.variants):
                self._add_name(text, _Entry("role", r.id, "name"))
        for g in registry.groups:
            for text in (*g.names.values(), *g.patterns):
                entry = _Entry("group", g.id, "pattern")
                if text.isupper() and " " not in text:
                    self._add_abbr(text, entry)  # ОВПО, МИО, ННС
                else:
                    self._add_name(text, entry)
        self.fuzzy_lemma = [k for k in self.lemma if len(k) >= FUZZY_MIN_LENGTH]
        self.fuzzy_exact = [k for k in self.exact if len(k) >= FUZZY_MIN_LENGTH]

    def _add_abbr(self, text: str, entry: _Entry) -> None:
        key = plain_key(text)
        for k in {key, key.replace(" ", "")}:
            self.abbr.setdefault(k, []).append(entry)

    def _add_name(self, text: str, entry: _Entry) -> None:
        if entry.body_type == "LocalExecutiveBody":
            # A city's akimat is also named without the word "город" ("акиматы Шымкента" in
            # a list "акиматы областей, гг. Нур-Султана, Шымкента и Алматы").
            bare = CITY_WORD.sub(" ", text)
            if bare != text:
                self._add_name(
                    re.sub(r"\s+", " ", bare).strip(), _Entry(entry.kind, entry.id, "variant", entry.start, entry.end)
                )
        key = plain_key(text)
        self.exact.setdefault(key, []).append(entry)
        if _script(text) == "kk":
            # Kazakh names end in a possessive head ("министрлігі"); a mention
            # may drop it before a case ending ("министрлікке").
            words = key.split(" ")
            for form, _ in kk_without_possessive(words[-1]):
                self.exact.setdefault(" ".join(words[:-1] + [form]), []).append(entry)
        else:
            self.lemma.setdefault(lemma_key(text), []).append(entry)


@functools.lru_cache(maxsize=8)
def _index(registry: Registry) -> _Index:
    return _Index(registry)


# --------------------------------------------------------------------------
# Choosing among candidates


def _distance(day: dt.date, e: _Entry) -> int:
    if e.start and day < e.start:
        return (e.start - day).days
    if e.end and day >= e.end:
        return (day - e.end).days + 1
    return 0


def _pick(entries: list[_Entry], day: dt.date | None) -> tuple[_Entry, float, str]:
    """The best entry for a date, a confidence factor and a note."""

    def rank(e: _Entry) -> tuple:
        return (_distance(day, e) if day else 0), _PRIORITY[e.how], _KIND_ORDER[e.kind]

    def recency(e: _Entry) -> tuple:
        # Without a date, prefer what still exists, then the newest.
        return e.end is not None, -(e.start or dt.date.min).toordinal()

    ranked = sorted(entries, key=lambda e: (rank(e), recency(e)))
    best = ranked[0]
    factor, note = 1.0, ""
    if day is not None and _distance(day, best) > 0:
        factor, note = 0.9, f"not valid on {day.isoformat()}"
    elif day is not None and (best.start or best.end):
        note = f"valid on {day.isoformat()}"
    rivals = {e.id for e in ranked if rank(e) == rank(best)}
    if len(rivals) > 1:
        factor, note = factor * 0.7, f"ambiguous: {sorted(rivals)}" + ("" if day else " (no date)")
    return best, factor, note


def _result(registry: Registry, entry: _Entry, confidence: float, reason: str, day: dt.date | None) -> Resolution:
    members: tuple[str, ...] = ()
    if entry.kind == "group" and day is not None:
        members = registry.members(entry.id, day)
    elif entry.kind == "role" and day is not None:
        role = registry.role(entry.id)
        if role.group:
            members = registry.members(role.group, day)
        else:
            holder = registry.holder(entry.id, day)
            members = (holder,) if holder else ()
    return Resolution(entry.kind, entry.id, round(confidence, 3), reason, members)


# --------------------------------------------------------------------------
# The resolver


def resolve(
    mention: str,
    lang: str,
    date: dt.date | None,
    glossary: Mapping[str, str] | None = None,
    registry: Registry | None = None,
) -> Resolution:
    """Resolve one mention written in ``lang`` in a document dated ``date``."""
    registry = registry if registry is not None else load()
    if isinstance(date, dt.datetime):
        date = date.date()
    text = clean(mention)
    if not _tokens(text):
        return Resolution("unresolved", None, 0.0, f"empty mention {mention!r}")
    if glossary:
        expansion = _glossary_lookup(text, glossary)
        if expansion is not None:
            inner = _resolve(expansion, lang, date, registry)
            if inner.kind != "unresolved":
                return Resolution(
                    inner.kind,
                    inner.id,
                    round(inner.confidence * 0.98, 3),
                    f"glossary: {text!r} = {expansion!r}; {inner.reason}",
                    inner.members,
                )
    return _resolve(text, lang, date, registry)


def _glossary_lookup(text: str, glossary: Mapping[str, str]) -> str | None:
    table = _glossary_table(tuple(glossary.items()))
    plain = plain_key(text)
    keys = [plain, plain.replace(" ", ""), lemma_key(text)]
    if _script(text) == "kk" or "-" in plain:
        words = plain.split(" ")
        keys += [" ".join(words[:-1] + [form]) for form, _ in kk_head_forms(words[-1])]
    for key in keys:
        if key in table:
            return table[key]
    return None


@functools.lru_cache(maxsize=64)
def _glossary_table(items: tuple[tuple[str, str], ...]) -> dict[str, str]:
    # Cached: a document's glossary is passed again with each of its mentions.
    table: dict[str, str] = {}
    for abbr, expansion in items:
        plain = plain_key(abbr)
        for key in (plain, plain.replace(" ", ""), lemma_key(abbr)):
            table.setdefault(key, expansion)
    return table


def _resolve(text: str, lang: str, date: dt.date | None, registry: Registry) -> Resolution:
    idx = _index(registry)
    text = clean(text)
    tokens = _tokens(text)
    plain = " ".join(_strip_affixes([low for _, low in tokens]))

    def hit(entries, confidence, reason):
        entry, factor, note = _pick(entries, date)
        return _result(registry, entry, confidence * factor, reason + (f" ({note})" if note else ""), date)

    for key in (plain, plain.replace(" ", "")):
        if key in idx.abbr:
            return hit(idx.abbr[key], 1.0, f"abbreviation {key!r}")
    if plain in idx.exact:
        return hit(idx.exact[plain], 1.0, f"name {plain!r}")
    if lang != "kk" or _script(text) == "ru":
        lemmas = " ".join(_strip_affixes(_lemmas(tokens)))
        if lemmas in idx.lemma:
            return hit(idx.lemma[lemmas], 0.97, f"lemmas {lemmas!r}")
    kk_forms: list[str] = []
    words = [low for _, low in tokens]
    if lang == "kk" or _script(text) == "kk" or "-" in words[-1]:
        for form, ending in kk_head_forms(words[-1]):
            key = " ".join(_strip_affixes(words[:-1] + [form]))
            kk_forms.append(key)
            for k in (key, key.replace(" ", "")):
                if k in idx.abbr:
                    return hit(idx.abbr[k], 0.97, f"abbreviation {k!r} with ending {ending!r}")
            if key in idx.exact:
                return hit(idx.exact[key], 0.95, f"Kazakh ending {ending!r} stripped: {key!r}")
    return _fuzzy(plain, text, tokens, kk_forms, lang, date, registry)


def _fuzzy(plain, text, tokens, kk_forms, lang, date, registry) -> Resolution:
    idx = _index(registry)
    queries: list[tuple[str, dict, list]] = []
    if lang != "kk":
        queries.append((" ".join(_strip_affixes(_lemmas(tokens))), idx.lemma, idx.fuzzy_lemma))
    queries.append((plain, idx.exact, idx.fuzzy_exact))
    queries.extend((k, idx.exact, idx.fuzzy_exact) for k in kk_forms)
    best = None
    for query, table, choices in queries:
        if len(query) < FUZZY_MIN_LENGTH or not choices:
            continue
        found = next(
            (
                f
                for f in process.extract(query, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD, limit=5)
                if _same_head(query, f[0], lang)
            ),
            None,
        )
        if found and (best is None or found[1] > best[1]):
            best = (found[0], found[1], table, query)
    if best is None:
        return Resolution(
            "unresolved", None, 0.0, f"no abbreviation, name, lemma or fuzzy match >= {FUZZY_THRESHOLD:g} for {text!r}"
        )
    key, score, table, query = best
    entry, factor, note = _pick(table[key], date)
    reason = f"fuzzy {score:.1f} {query!r} ~ {key!r}" + (f" ({note})" if note else "")
    return _result(registry, entry, score / 100 * 0.9 * factor, reason, date)


def _same_head(query: str, key: str, lang: str) -> bool:
    """Fuzzy matching mends misprints, not another body. Compared on the names' content words (no
    prepositions, no words that introduce a field: «в области …» and «по …» name one field):
    * the head nouns (Russian first, Kazakh last) are one word misspelt, not two words («маслихаты
      областей …» is not «акиматы областей …», though all their other words agree);
    * no word is turned into another («… торговой деятельности» is not «… внешнеторговой деятельности»);
    * a word is added only after a Russian name («оператор … производителей (импортеров)»), never
      before a Kazakh one, where it restricts the name («сыртқы сауда қызметін …» is not «сауда қызметін …»)."""
    q, k = _content_words(query), _content_words(key)
    if not q or not k:
        return True
    head = -1 if lang == "kk" else 0
    if fuzz.ratio(q[head], k[head]) < FUZZY_HEAD:
        return False
    if len(q) != len(k) and (lang == "kk" or has_kazakh(query)):
        return False
    return all(fuzz.ratio(a, b) >= FUZZY_HEAD for a, b in zip(q, k))


def _content_words(name: str) -> list[str]:
    return [w for w in name.split() if w not in FIELD_WORDS and w not in KK_FUNCTION_WORDS and not ru_preposition(w)]


def resolve_many(
    mentions: Iterable[tuple[str, str, dt.date | None]],
    glossary: Mapping[str, str] | None = None,
    registry: Registry | None = None,
) -> list[Resolution]:
    """Resolve (mention, lang, date) triples against one registry."""
    registry = registry if registry is not None else load()
    return [resolve(m, lang, day, glossary, registry) for m, lang, day in mentions]
