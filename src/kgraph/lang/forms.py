"""Word forms: Russian lemmas (pymorphy3) and Kazakh endings.

Russian has a lemmatiser: one pymorphy3 analyzer, made on first use (loading
its dictionaries takes a tenth of a second) and shared; lemmas are cached.

Kazakh is agglutinative and has none here, so its endings are stripped from
the end of a word. The endings are listed once, by what they mark; each use
takes the ones it needs:

* `kk_stem` (similarity): inflection only - case, possessive, plural, the
  locative attribute "-дағы", verb forms - stripped right to left while at
  least 3 letters stay (4 when a one-letter ending goes); derivational
  suffixes (-лық/-лік, -шы/-ші) stay, they make new words ("салалық"
  sectoral vs "сала" field);
* `kk_stem_folded` (search, on text with the Kazakh letters folded to Russian
  ones): case (without the accusative "-н"), possessive, plural and the
  attributive "-ғы", stripped while 3 letters stay;
* `kk_head_forms` (resolution): the nominative a case-inflected head word
  may stand for, one case ending and a possessive at most, with the voicing
  before the possessive undone ("министрлігіне" -> "министрлік").
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache

import pymorphy3

from kgraph.lang.script import fold_kazakh, has_cyrillic, letter_words

# --- Russian ------------------------------------------------------------------


@cache
def morph() -> pymorphy3.MorphAnalyzer:
    """The one Russian morphological analyzer."""
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=20_000)
def ru_infinitive(word: str) -> bool:
    """Is a Russian word an infinitive («Определиться», «определить»): what a cell asks to do,
    not what it names."""
    return has_cyrillic(word) and any(p.tag.POS == "INFN" for p in morph().parse(word)[:1])


def ru_nominative_head(phrase: str) -> str:
    """A Russian name read after a kind word, in the genitive («акима Алматинской области»), as its
    holder is named (the first word in the nominative, capitalised: «Аким Алматинской области»);
    a phrase whose first word is no genitive noun is returned as it is."""
    words = phrase.split(" ", 1)
    if not words[0] or not has_cyrillic(words[0]):
        return phrase
    parse = next((p for p in morph().parse(words[0])[:2] if p.tag.POS == "NOUN" and p.tag.case == "gent"), None)
    if parse is None:
        return phrase
    nominative = parse.inflect({"nomn"})
    if nominative is None:
        return phrase
    head = nominative.word
    head = head[:1].upper() + head[1:]
    return " ".join([head, *words[1:]])


# Two pieces of letters parted by a line break (no hyphen): «ветерина» / «рии».
_BROKEN = re.compile(r"(?<![а-яёА-ЯЁ])([а-яёА-ЯЁ]++)[ \t]*+\n[ \t]*+([а-яё]++)(?![а-яё])")


def ru_join_broken(text: str) -> str:
    """A Russian word a line break cut without a hyphen made one again («комитет ветерина\nрии» ->
    «комитет ветеринарии»): only where neither piece is a known word and the two together are."""

    def join(m: re.Match[str]) -> str:
        a, b = m.group(1), m.group(2)
        if _known(a.lower()) or _known(b) or not _known((a + b).lower()):
            return m.group(0)
        return a + b

    return _BROKEN.sub(join, text)


def _known(word: str) -> bool:
    return morph().word_is_known(word)


@lru_cache(maxsize=200_000)
def ru_lemma(word: str) -> str:
    """The normal form of a Russian word (ё as е); a word without Cyrillic is returned as it is."""
    if not has_cyrillic(word):
        return word
    return morph().parse(word)[0].normal_form.replace("ё", "е")


@lru_cache(maxsize=50_000)
def ru_noun(lemma: str) -> bool:
    """Is a Russian lemma a noun in its likeliest reading («перечень», «поддержка»; not
    «научный», «утверждать»)? The head of a Russian noun phrase is its first noun."""
    return has_cyrillic(lemma) and morph().parse(lemma)[0].tag.POS == "NOUN"


@lru_cache(maxsize=5_000)
def ru_preposition(word: str) -> bool:
    """Is a Russian word a preposition («в», «об», «по»)?"""
    return has_cyrillic(word) and morph().parse(word)[0].tag.POS == "PREP"


# Suffixes that make a verb and its verbal noun differ («создавать» / «создание»,
# «координировать» / «координация»), longest first.
RU_DERIVATION = (
    "ирование", "ировать", "ировка", "ование", "овать", "ывать", "ивать", "ация", "яция",
    "ание", "яние", "ение", "тие", "вать", "ать", "ять", "ить", "еть",
)  # fmt: skip


@lru_cache(maxsize=200_000)
def ru_derivation_stem(lemma: str) -> str:
    """A Russian lemma without the suffix that tells a verb from its verbal noun:
    «создавать», «создание» -> «созд»; «координировать», «координация» -> «координ».
    A vowel left at the end goes too («созда» -> «созд»). Lemmas of other words,
    and stems shorter than three letters, are kept."""
    for suffix in RU_DERIVATION:
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 3:
            stem = lemma[: -len(suffix)]
            return stem[:-1] if stem[-1] in "аяеиыо" and len(stem) > 3 else stem
    return lemma


# --- Kazakh endings -----------------------------------------------------------------

KK_DATIVE = ("ға", "ге", "қа", "ке")  # after a bare stem: "министрлікке"
KK_DATIVE_AFTER_POSSESSIVE = ("на", "не")  # after a 3rd-person possessive: "министрлігі|не"
KK_CASE: dict[str, tuple[str, ...]] = {
    "dative": (*KK_DATIVE, *KK_DATIVE_AFTER_POSSESSIVE, "а", "е"),  # "а"/"е" after 1st/2nd-person possessives
    "genitive": ("ның", "нің", "дың", "дің", "тың", "тің"),
    "accusative": ("ны", "ні", "ды", "ді", "ты", "ті", "н"),
    "locative": ("да", "де", "та", "те", "нда", "нде"),
    "ablative": ("дан", "ден", "тан", "тен", "нан", "нен"),
    "instrumental": ("мен", "бен", "пен"),
}
KK_POSSESSIVE = ("сы", "сі", "ы", "і")  # 3rd person
KK_POSSESSIVE_DATIVE = ("ына", "іне")  # 3rd person possessive + dative, as one ending
KK_POSSESSIVE_CASE = ("сын", "сін", "сына", "сіне", "сының", "сінің")  # after an abbreviation: "ИЖТМ-сының"
KK_PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")
KK_PLURAL_POSSESSIVE = ("лары", "лері", "дары", "дері", "тары", "тері")  # "органдары"
KK_ATTRIBUTIVE = ("ғы", "гі", "қы", "кі")  # "жылғы"
KK_LOCATIVE_ATTRIBUTIVE = ("дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі")  # "саласындағы"
KK_PARTICIPLE = (
    *("ылатын", "ілетін", "атын", "етін", "йтын", "йтін"),  # present-future
    *("ған", "ген", "қан", "кен"),  # past
)
KK_VERBAL = (
    *KK_PARTICIPLE,
    *("ады", "еді", "йды", "йді"),  # 3rd person present-future
    *("ыл", "іл"),  # passive
    *("ып", "іп"),  # converb
    "у",  # verbal noun
)
_CASE_ENDINGS = tuple(e for endings in KK_CASE.values() for e in endings)


def _longest_first(endings) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(endings), key=len, reverse=True))


def alternation(endings) -> str:
    """Regex source matching any of `endings`, longest first: "ға|ге|қа|ке"."""
    return "|".join(_longest_first(endings))


# Every case ending, longest first (one of each length can end a word).
KK_CASE_ENDINGS = _longest_first(_CASE_ENDINGS)
_STEM_ENDINGS = _longest_first((*_CASE_ENDINGS, *KK_POSSESSIVE, *KK_PLURAL, *KK_LOCATIVE_ATTRIBUTIVE, *KK_VERBAL))
# Folded endings for search, which stems Russian words too: the accusative "-н"
# is left out ("закон" would lose it), and "-ндағы" goes as "-нда" + "-ғы".
KK_FOLDED_ENDINGS = _longest_first(
    fold_kazakh(e)
    for e in (
        *(e for e in _CASE_ENDINGS if e != "н"),
        *KK_POSSESSIVE_DATIVE,
        *KK_POSSESSIVE,
        *KK_PLURAL,
        *KK_ATTRIBUTIVE,
        *(e for e in KK_LOCATIVE_ATTRIBUTIVE if not e.startswith("н")),
    )
)
# Endings that may follow an abbreviation after a hyphen ("ИЖТМ-ге"), folded.
KK_FOLDED_HYPHEN_ENDINGS = frozenset(KK_FOLDED_ENDINGS) | {fold_kazakh(e) for e in KK_POSSESSIVE_CASE}
_VOICING = {"г": "к", "ғ": "қ", "б": "п"}  # "министрлігі" <- "министрлік"
_MIN_STEM = 3


def _strip(word: str, endings: tuple[str, ...], min_after_one_letter: int) -> str:
    """Strip endings right to left while enough of the word stays."""
    while True:
        for ending in endings:
            keep = len(word) - len(ending)
            if word.endswith(ending) and keep >= (min_after_one_letter if len(ending) == 1 else _MIN_STEM):
                word = word[:keep]
                break
        else:
            return word


@lru_cache(maxsize=200_000)
def kk_stem(word: str) -> str:
    """A Kazakh word without its inflection ("бағдарламаларды" -> "бағдарлама")."""
    return _strip(word, _STEM_ENDINGS, _MIN_STEM + 1)


def kk_stem_folded(word: str) -> str:
    """A search-folded word without Kazakh endings ("министрлигине" -> "министрлиг")."""
    return _strip(word, KK_FOLDED_ENDINGS, _MIN_STEM)


def kk_without_possessive(word: str) -> list[tuple[str, str]]:
    """(bare word, possessive ending) for each 3rd-person possessive the word may end
    in, with the voicing before it undone ("министрлігі" -> "министрлік")."""
    out = []
    for poss in KK_POSSESSIVE:
        if word.endswith(poss) and len(word) - len(poss) >= _MIN_STEM:
            bare = word[: -len(poss)]
            out.append((bare[:-1] + _VOICING.get(bare[-1], bare[-1]), poss))
    return out


_BACK_VOWELS = frozenset("аоұыя")
_FRONT_VOWELS = frozenset("әеөүіэ")
_DEVOICING = {v: k for k, v in _VOICING.items()}


def kk_possessed(word: str) -> str:
    """A bare Kazakh noun with the 3rd-person possessive a genitive owner asks for
    ("академиясының" + "төралқа" -> "төралқасы", "кеңес" -> "кеңесі", "орталық" -> "орталығы")."""
    low = word.lower()
    last = next((c for c in reversed(low) if c in _BACK_VOWELS or c in _FRONT_VOWELS), "а")
    back = last in _BACK_VOWELS
    if low[-1:] in _BACK_VOWELS or low[-1:] in _FRONT_VOWELS:
        return word + ("сы" if back else "сі")
    stem = word[:-1] + _DEVOICING.get(word[-1], word[-1])
    return stem + ("ы" if back else "і")


def kk_head_forms(word: str) -> list[tuple[str, str]]:
    """Nominative forms an inflected Kazakh head word may stand for, each with the
    ending removed ("-ге", "-не-і"); the unchanged word is not included."""
    forms: list[tuple[str, str]] = []
    if "-" in word:
        base, _, ending = word.rpartition("-")
        if ending in KK_CASE_ENDINGS or ending in KK_POSSESSIVE:
            forms.append((base, "-" + ending))  # ИЖТМ-ге, АҚ-ның
    stems = [(word, "")]
    for ending in KK_CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            stems.append((word[: -len(ending)], "-" + ending))
    for stem, ending in stems:
        if ending:
            forms.append((stem, ending))
        forms.extend((bare, ending + "-" + poss) for bare, poss in kk_without_possessive(stem))
    return forms


# --- both ---------------------------------------------------------------------------


def prefix_stem(word: str) -> str:
    """A crude stem of a word of either language: its first 60% (4 letters at
    least), lower-cased. Good enough to match a label's words against a title's."""
    w = word.lower()
    return w[: max(4, math.ceil(len(w) * 0.6))]


def base_forms(text: str, lang: str) -> list[str]:
    """Lemmas (ru) or stems (kk) of the letter words of `text`, in order."""
    words = letter_words(text)
    if lang == "kk":
        return [kk_stem(w) for w in words]
    return [ru_lemma(w) for w in words]


@lru_cache(maxsize=200_000)
def kk_compare_stem(word: str) -> str:
    """A Kazakh stem for comparing texts: `kk_stem` with a final voiced consonant read as
    its voiceless pair (`kk_unvoice`), so that a word with and without its endings is one
    term ("орталығын" -> "орталығ" -> "орталық", as "орталық"; "министрлігі" -> "министрлік")."""
    return kk_unvoice(kk_stem(word))


def kk_unvoice(stem: str) -> str:
    """A stem's final г, ғ, б as к, қ, п (a vowel-initial ending voices them: "орталық" ->
    "орталығы"); stems of three letters or fewer are kept."""
    if len(stem) > _MIN_STEM and stem[-1] in _VOICING:
        return stem[:-1] + _VOICING[stem[-1]]
    return stem


def compare_forms(text: str, lang: str) -> list[str]:
    """Base forms for comparing texts (the overlap checker and its Kazakh-Russian
    correspondences): Russian lemmas, Kazakh stems as `kk_compare_stem` makes them."""
    words = letter_words(text)
    if lang == "kk":
        return [kk_compare_stem(w) for w in words]
    return [ru_lemma(w) for w in words]


# Kazakh derivational suffixes that make an adjective, an abstract noun, an agent or a field of
# study of a word: "әлемдік" world-wide <- "әлем" world, "болжамтану" <- "болжам" forecast.
KK_DERIVATION = ("тану", "лық", "лік", "дық", "дік", "тық", "тік", "шы", "ші", "ш", "лы", "лі", "ды", "ді", "ты", "ті")


def kk_derivation_bases(stem: str) -> list[str]:
    """The words a Kazakh stem may be derived from by one derivational suffix
    (`KK_DERIVATION`), most likely first; each keeps at least 3 letters."""
    out = []
    for suffix in KK_DERIVATION:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= _MIN_STEM:
            base = stem[: -len(suffix)]
            out.append(base[:-1] + _VOICING[base[-1]] if base[-1] in _VOICING else base)
    return out
