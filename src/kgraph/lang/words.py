"""Is it a word? Word boundaries inside letter-spaced text.

PDF extraction sets headings and emphasis letter by letter ("П л а н",
"в т о м  ч и с л е") and leaves real one-letter words between single spaces
("15 % и к 2020 году", "Обеспечение а и б"). Joining every run of single
characters glues those words together ("%ик", "аиб", "втом"). Instead, a run
is cut into the words a dictionary knows: pymorphy3's for Russian, and for
Kazakh a word list made from the corpus' own Kazakh texts
(`kk_words.txt`, rebuilt with `python -m kgraph.lang.words OUT FILE…`).

`segment(tokens)` picks, among the ways of joining consecutive tokens, the one
with the fewest unknown words, then the fewest words: "П л а н" -> "План",
"в т о м" -> "в том", "% и к" stays, "М О Н ," -> "МОН,", a letter-spaced
name the dictionaries do not know is still joined ("Н а з а р б а е в").
"""

from __future__ import annotations

import re
import sys
from functools import cache, lru_cache
from importlib.resources import files
from itertools import pairwise
from pathlib import Path

from kgraph.lang.forms import KK_CASE, KK_DATIVE, KK_PLURAL, KK_POSSESSIVE, kk_stem, morph
from kgraph.lang.script import KK_LETTERS, LOWER, fold_words

# Russian words of one letter (conjunctions, prepositions, the pronoun "я");
# pymorphy3 also "knows" every letter as an abbreviation, which is no help here.
ONE_LETTER_WORDS = frozenset("авиксоуя")
# Parts of speech of the two-letter words that count (pymorphy3's tags).
FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "NPRO"})
KK_WORDS_FILE = "kk_words.txt"
# The letters of a token, without punctuation around it.
_LETTERS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_KK_LETTER = re.compile(f"[{KK_LETTERS}]")
_CYRILLIC = re.compile(f"[{LOWER}]")
# A word with punctuation at most at its edges ("МОН,", "(реализация", "«ҰИХ»").
_EDGES = re.compile(r"[(«\"“„']*[^\W\d_]+(?:-[^\W\d_]+)*[.,;:!?)»\"”']*")
# Numbers, dates and numbered units as printed: "2015", "28.09.2015", "11-бап.", "1)", "15%".
_NUMBER = re.compile(r"[(«]?\d[\d.,:/–-]*(?:-[^\W\d_]+)?[.,;:)»%]*")
# An unknown word of several letters weighs more than an unknown single letter,
# so that "а и б" keeps its one-letter words but "Н а з а р б а е в" is joined.
UNKNOWN_LETTER, UNKNOWN_WORD = 1.0, 1.5
# A Kazakh word in a text (for the word list): letters, inner hyphens allowed.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@cache
def kk_words() -> frozenset[str]:
    """The Kazakh word list shipped with the package (lower case, folded)."""
    try:
        text = (files("kgraph.lang") / KK_WORDS_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return frozenset()
    return frozenset(w for line in text.splitlines() if (w := line.strip()) and not w.startswith("#"))


@cache
def kk_stems() -> frozenset[str]:
    return frozenset(kk_stem(w) for w in kk_words())


# Endings a bare Kazakh noun takes (genitive, accusative, dative, possessive, plural).
_KK_NOUN_ENDINGS = (
    *KK_CASE["genitive"],
    *(e for e in KK_CASE["accusative"] if len(e) > 1),
    *KK_DATIVE,
    *KK_POSSESSIVE,
    *KK_PLURAL,
)


@lru_cache(maxsize=100_000)
def kk_bare(word: str) -> bool:
    """Is a Kazakh word that ends like a case or verb form ("сауда", "орта": like a locative "-да",
    a dative "-а"; "қызмет": like a participle in "қызметін") a bare noun? Yes when the word list also has it with a noun's ending after it
    ("сауданы", "ортаның"); a true locative ("салада") takes none. Unknown words: no."""
    low = word.lower()
    words = kk_words()
    return low in words and any(low + e in words for e in _KK_NOUN_ENDINGS)


@lru_cache(maxsize=100_000)
def is_word(token: str) -> bool:
    """A token a reader would accept as written: a dictionary word (Russian or
    Kazakh) with at most punctuation at its edges, a real one-letter word, or
    something that is not a word of letters at all (numbers, dates,
    punctuation, "11-бап.")."""
    if any(c.isdigit() for c in token):
        return _NUMBER.fullmatch(token) is not None
    letters = _LETTERS.findall(token)
    if not letters:
        return True
    if len(letters) > 1 or _EDGES.fullmatch(token) is None:
        return False
    word = fold_words(letters[0]).replace(" ", "")
    if len(word) == 1:
        return word in ONE_LETTER_WORDS
    if word in kk_words() or (_KK_LETTER.search(word) and kk_stem(word) in kk_stems()):
        return True
    return all(_ru_known(part) for part in word.split("-"))


@lru_cache(maxsize=100_000)
def _ru_known(word: str) -> bool:
    """pymorphy3 knows the word as a word, not only as an abbreviation or initial;
    a word of two letters only as a function word ("во", "до", "не", "он"): the
    two-letter nouns it knows ("аи") are rarer than two glued one-letter words."""
    parses = [p for p in morph().parse(word) if p.is_known and "Abbr" not in p.tag and "Init" not in p.tag]
    if len(word) == 2:
        return any(p.tag.POS in FUNCTION_POS for p in parses)
    return bool(parses)


def segment(tokens: list[str]) -> list[str]:
    """Join consecutive tokens into words: fewest unknown words, then fewest words.
    A run of capital letters is one word (an abbreviation or a heading word:
    "М О Н ," -> "МОН,", "« Ұ И Х »" -> "«ҰИХ»")."""
    letters = [t for t in tokens if any(c.isalpha() for c in t)]
    if letters and all(t.isupper() for t in letters):
        return ["".join(tokens)]
    n = len(tokens)
    # best[i] = (weight of unknown words, words, cut points) for tokens[:i]
    best: list[tuple[float, int, tuple[int, ...]] | None] = [None] * (n + 1)
    best[0] = (0, 0, ())
    for end in range(1, n + 1):
        for start in range(end):
            prev = best[start]
            if prev is None:
                continue
            word = "".join(tokens[start:end])
            unknown = prev[0] + (0 if is_word(word) else UNKNOWN_LETTER if len(word) == 1 else UNKNOWN_WORD)
            cand = (unknown, prev[1] + 1, (*prev[2], end))
            if best[end] is None or cand[:2] < best[end][:2]:
                best[end] = cand
    cuts = (0, *best[n][2]) if best[n] else (0, n)
    return ["".join(tokens[a:b]) for a, b in pairwise(cuts)]


def join_fragments(tokens: list[str]) -> list[str]:
    """Rejoin a word a PDF split at its Kazakh "і" ("жерг іл ікт і" ->
    "жергілікті", "тиімділіг ін" -> "тиімділігін"): tokens are joined only
    where one of them is not a word on its own and the result is, and only if
    that leaves fewer unknown words; two words that stand alone stay apart."""
    n = len(tokens)

    def weight(word: str) -> float:
        return 0.0 if is_word(word) else UNKNOWN_LETTER if len(word) == 1 else UNKNOWN_WORD

    before = sum(weight(t) for t in tokens)
    best: list[tuple[float, int, tuple[int, ...]] | None] = [None] * (n + 1)
    best[0] = (0.0, 0, ())
    for end in range(1, n + 1):
        for start in range(end):
            prev = best[start]
            if prev is None or (end - start > 1 and all(is_word(t) for t in tokens[start:end])):
                continue
            cand = (prev[0] + weight("".join(tokens[start:end])), prev[1] + 1, (*prev[2], end))
            if best[end] is None or cand[:2] < best[end][:2]:
                best[end] = cand
    if best[n] is None or best[n][0] >= before:
        return tokens
    cuts = (0, *best[n][2])
    return ["".join(tokens[a:b]) for a, b in pairwise(cuts)]


# Words after which a hanging hyphen is a real one and the space stays ("много- и двусторонние").
_CONJUNCTIONS = frozenset({"и", "или", "либо", "және", "мен", "немесе"})
# The linking vowel of a compound adjective's first part ("социально-", "учетно-", "весенне-").
_LINKING_VOWEL = re.compile(r"[оеОЕ]$")


CUT_SHORT_MAX = 7  # letters of a word cut short («ұйымд», «басқ»); a long one is a stump compound


def ends_cut_short(text: str) -> bool:
    """Does the text end with a word cut short («басқ», «Біл», «ұйымд»): lower-case letters after
    at most a capital, no dictionary word (an acronym with an ending, «ЦУЗы», is no such word)."""
    m = re.search(r"(?:^|[\s.,])([^\W\d_]+)$", text)
    word = m.group(1) if m else ""
    if not 2 <= len(word) <= CUT_SHORT_MAX or not word[-1].islower() or sum(c.isupper() for c in word) > 1:
        return False
    return not is_word(word)


@lru_cache(maxsize=65_536)  # a table's reader joins the same lines again and again
def join_wrapped(left: str, right: str) -> str:
    """Join two lines of a cell, the first maybe ending with a hyphen where a word was
    wrapped: the hyphen goes when the two halves make a dictionary word («согласова-»
    «нию)» -> «согласованию)») or neither half is one («Казмортранс-» «флот»); it stays
    in a compound («социально-» «экономического», «Северо-» «Казахстанской»,
    «2002-» «2003», «государств-» «участников») and with its space before a conjunction
    («много-» «и»)."""
    if not left.endswith("-") or len(left) < 2 or not left[-2].isalnum():
        return f"{left} {right}"
    head = left[:-1]
    m = re.match(r"[^\s,;.)»\"”]+", right)
    nxt = m.group(0) if m else ""
    if not nxt or nxt[0].isupper() or nxt[0].isdigit() or head[-1].isdigit():
        return left + right
    if fold_words(nxt) in _CONJUNCTIONS:
        return f"{left} {right}"
    first = re.search(r"[^\s«\"“(]+$", head)
    first = first.group(0) if first else head
    if is_word(first + nxt):
        return head + right
    linked = _LINKING_VOWEL.search(first) and (first[0].islower() or is_word(first))  # not «Продкорпо-»
    if is_word(nxt) and (linked or _apposition(first, nxt)):
        return left + right
    return head + right


def _apposition(a: str, b: str) -> bool:
    """Two nouns in the same case and number («государств-участников», «стран-участниц»)."""

    def forms(word: str) -> set[tuple[str, str]]:
        return {
            (p.tag.case, p.tag.number)
            for p in morph().parse(word.lower())
            if p.is_known and p.tag.POS == "NOUN" and "Abbr" not in p.tag
        }

    return bool(forms(a) & forms(b))


def build_wordlist(texts: list[str]) -> list[str]:
    """Kazakh word forms of some texts: words holding a Kazakh-only letter, and
    every word of a text that is mostly Kazakh; lower case, folded, sorted."""
    out: set[str] = set()
    for text in texts:
        words = [fold_words(w).replace(" ", "") for w in _WORD.findall(text)]
        kazakh = sum(1 for w in words if _KK_LETTER.search(w)) >= 0.2 * max(1, len(words))
        out.update(w for w in words if len(w) > 1 and _CYRILLIC.search(w) and (kazakh or _KK_LETTER.search(w)))
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    """`python -m kgraph.lang.words OUT FILE…`: write the word list of FILEs to OUT."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2:
        print("usage: python -m kgraph.lang.words OUT FILE...", file=sys.stderr)
        return 2
    out, paths = Path(args[0]), [Path(p) for p in args[1:]]
    words = build_wordlist([p.read_text(encoding="utf-8") for p in paths])
    header = "# Kazakh word forms of the corpus (kgraph.lang.words); built from:\n"
    header += "".join(f"#   {p.parent.name}/{p.name}\n" for p in paths)
    out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words from {len(paths)} files -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
