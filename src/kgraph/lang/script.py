"""Letters of Russian and Kazakh, look-alike repair, folding and language detection.

Three folds, one per use:

* `fold` - what extractor patterns match against: lower case, ё as е, every
  Latin "i" read as the Kazakh "і". Same length as its input, so an offset
  found in the folded text is an offset in the original.
* `fold_words` - what texts are compared by (similarity): NFC, look-alikes
  repaired, lower case, ё as е, dashes as "-", quotes dropped, one space
  between words.
* `fold_search` - what search indexes and queries: `fold_words`, then the
  Kazakh letters as their nearest Russian ones (people type Kazakh on
  Russian keyboards).

Latin "i" inside a Cyrillic word becomes the Kazakh "і" in all three: Russian
has no such letter, Kazakh does, and the PDFs put Latin "i" where the Kazakh
letter belongs ("Үкiметi"). The search fold then folds that "і" to "и", as it
folds every Kazakh letter.
"""

from __future__ import annotations

import re
import unicodedata

# Kazakh letters that Russian lacks. "і" doubles as a Latin "i" look-alike and
# as the Roman numeral one ("І квартал"), so `has_kazakh` can leave it out.
KK_LETTERS = "әғқңөұүһі"
# Bodies of character classes: every Cyrillic letter of either language.
LOWER = "а-яё" + KK_LETTERS
UPPER = "А-ЯЁ" + KK_LETTERS.upper()
LETTERS = LOWER + UPPER

_CYRILLIC = re.compile(f"[{LOWER}]", re.I)
_KAZAKH = re.compile(f"[{KK_LETTERS}]", re.I)
_KAZAKH_NOT_I = re.compile(f"[{KK_LETTERS.replace('і', '')}]", re.I)

# Latin letters that look like Cyrillic ones; PDFs mix them into words.
HOMOGLYPHS = {
    **dict(zip("ABCEHKMOPTXY", "АВСЕНКМОРТХУ", strict=True)),
    **dict(zip("aceopxyk", "асеорхук", strict=True)),
    "I": "І",  # a Latin "I"/"i" in a Cyrillic word is the Kazakh letter (see the module docstring)
    "i": "і",
}
_HOMOGLYPHS = str.maketrans(HOMOGLYPHS)
# Kazakh letters -> the nearest Russian letters (search fold).
KK_TO_RU = dict(zip("әғқңөұүһі", "агкноуухи", strict=True))
_KK_TO_RU = str.maketrans({**KK_TO_RU, **{k.upper(): v.upper() for k, v in KK_TO_RU.items()}, "ё": "е", "Ё": "Е"})

# Dashes of every kind (the ASCII hyphen-minus excluded) and quotation marks, as character-class bodies.
DASHES = "‐‑‒–—−"
QUOTES = "«»“”„\"'"
_DASH = re.compile(f"[{DASHES}]")
_QUOTE = re.compile(f"[{QUOTES}]")

# Words that mark a text as Kazakh even when it has few Kazakh letters.
KK_FUNCTION_WORDS = frozenset(
    ["және", "бойынша", "жөніндегі", "жөнінде", "туралы", "үшін", "немесе", "сондай-ақ", "мен", "бен", "пен"]
)
# Words that introduce a body's field and can be worded either way without naming another body
# («уполномоченный орган в области …» / «… по …», «… саласындағы …» / «… жөніндегі …»).
FIELD_WORDS = frozenset(
    ["область", "области", "сфера", "сфере", "сферы", "саласындағы", "саласы", "саласының", "жөніндегі", "бойынша"]
)
# «уполномоченный государственный орган» is «уполномоченный орган» (kk «уәкілетті мемлекеттік орган»):
# the word "state" between the two names no other body.
_AUTHORIZED = ("уполномоченн", "уәкілетті")
_STATE = ("государственн", "мемлекеттік")
_LETTER_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def without_state_word(words: list[str]) -> list[str]:
    """Lower-case words of a name (forms or lemmas) without "state" between "authorized" and "body"."""
    return [
        w
        for i, w in enumerate(words)
        if not (
            0 < i < len(words) - 1
            and w.startswith(_STATE)
            and words[i - 1].startswith(_AUTHORIZED)
            and words[i + 1].startswith("орган")
        )
    ]


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def has_kazakh(text: str, count_i: bool = True) -> bool:
    """Does the text hold a Kazakh letter? With count_i=False "і" does not count
    (it is also the Roman numeral one in Russian text)."""
    return bool((_KAZAKH if count_i else _KAZAKH_NOT_I).search(text))


def repair_word(word: str) -> str:
    """Latin look-alikes inside a word that holds Cyrillic, as Cyrillic letters
    (case kept); an all-Latin word ("KAZNEX", "NADLoC") stays as it is."""
    return word.translate(_HOMOGLYPHS) if _CYRILLIC.search(word) else word


def repair_homoglyphs(text: str) -> str:
    """`repair_word` on every whitespace-separated word; whitespace is kept, and the length: an
    offset found in the repaired text is one in the text (the law reader matches names on it)."""
    return re.sub(r"\S+", lambda m: repair_word(m.group()), text)


_STRAIGHT_QUOTE = re.compile(r'"')


def guillemets(text: str) -> str:
    """Straight and curly double quotes as «» (same length): a quote after a space, a bracket or
    the start opens, any other closes ("О науке" -> «О науке»)."""
    text = text.replace("“", "«").replace("”", "»").replace("„", "«")

    def swap(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() else " "
        return "«" if before.isspace() or before in "([«-–—" else "»"

    return _STRAIGHT_QUOTE.sub(swap, text)


def fold(text: str) -> str:
    """Extractor matching form: lower case, ё as е, Latin i as Kazakh і; same length as `text`."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): keep such letters
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low.replace("i", "і").replace("ё", "е")


def fold_words(text: str) -> str:
    """Comparison form: NFC, look-alikes repaired, lower case, ё as е, dashes as "-",
    quotes dropped, one space between words."""
    text = unicodedata.normalize("NFC", text or "")
    text = _QUOTE.sub(" ", _DASH.sub("-", text))
    return " ".join(repair_word(w) for w in text.split()).lower().replace("ё", "е")


def fold_kazakh(text: str) -> str:
    """Kazakh letters as the nearest Russian ones (and ё as е)."""
    return text.translate(_KK_TO_RU)


def fold_search(text: str) -> str:
    """Search form: `fold_words`, then the Kazakh letters folded to Russian ones."""
    return fold_kazakh(fold_words(text))


def letter_words(text: str) -> list[str]:
    """Words of letters (hyphenated compounds kept whole) of the comparison form."""
    return _LETTER_WORD.findall(fold_words(text))


def detect_lang(text: str) -> str:
    """'kk' or 'ru'. Kazakh letters alone are not enough (Russian plans print
    "Самрук-Қазына"): a Kazakh function word, or Kazakh letters in a fifth of
    the words, make a text Kazakh."""
    words = letter_words(text)
    if not words:
        return "ru"
    kk_words = sum(1 for w in words if _KAZAKH.search(w))
    if any(w in KK_FUNCTION_WORDS for w in words) or kk_words / len(words) >= 0.2:
        return "kk"
    return "ru"
