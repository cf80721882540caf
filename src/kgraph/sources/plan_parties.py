"""The responsible cell of a plan task -> its parties, every responsible body its own party.

`split_parties(cell, glossary)` returns `kgraph.records.Mention`s in the order
written (the first is the lead executor). The rules (CONVENTIONS §6):

* the cell is cut at commas, semicolons and the list words of `kgraph.lang.bodies`
  («и», «а также», «совместно с»; «және», «мен») outside quotes and brackets,
  and at a line break when a new body starts after it; the collective formula
  «акиматы областей, городов республиканского значения и столицы» (kk alike)
  is never cut;
* "(по согласованию)" / "(келісім бойынша)" flags the piece it follows;
* a piece that does not name a body of its own goes back to the body it
  belongs to: «управление труда | и социальной защиты населения» is one body;
* a head noun shared by a list of bodies is distributed: after a Russian plural
  head («акиматы», «акимы», «руководители») each member is a party with its own
  words (the first keeps the head): «акиматы Алматинской области и области
  Абай» -> «акиматы Алматинской области», «области Абай»; «Акимы районов и гг.
  Капчагая, Талдыкоргана, Текели» -> «Акимы районов», «гг. Капчагая»,
  «Талдыкоргана», «Текели». Kazakh puts the head last («Алматы облысының және
  Абай облысының әкімдіктері» -> «Алматы облысының», «Абай облысының
  әкімдіктері»); a singular Kazakh head keeps its modifiers in one body
  («Облыстық еңбек, әлеуметтiк басқармасы»);
* a member's `head` field keeps the head it shares, so that the resolver can
  read «области Абай» as «акиматы области Абай»;
* a kind of body named with adjectives and extended by a bare plural noun
  («заинтересованные государственные органы и организации», «национальные
  холдинги и компании») and a list of adjectives before one plural noun
  («центральные и местные исполнительные органы») stay one collective party.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from kgraph.lang import BY_AGREEMENT, BY_AGREEMENT_PART, fold, has_kazakh, morph, ru_infinitive, ru_join_broken
from kgraph.lang.bodies import (
    ADMIN_UNIT,
    BETWEEN_INITIALED_NAMES,
    BETWEEN_NAMES,
    BETWEEN_PLACE_ADJECTIVES,
    BETWEEN_SENTENCES,
    BODY_NOUN_KK,
    BODY_NOUN_RU,
    COLLECTIVE,
    ENDS_WITH_INITIAL,
    KK_ATTACHING,
    KK_GENITIVE,
    KK_HEAD_ENDING,
    KK_PLURAL_HEAD,
    LIST_WORDS_KK,
    LIST_WORDS_RU,
    NOT_A_BODY_RU,
    ORG_FORM,
    SHARED_HEAD_KK,
    SHARED_HEAD_RU,
    SHARED_UNIT_RU,
    STUMP_BODY,
    WITH_AFTER_KK,
    WITH_WORDS,
)
from kgraph.lang.words import ends_cut_short
from kgraph.records import Mention
from kgraph.sources.plan_table import ABBR, Piece, outside

# Where a list is cut: a comma, a semicolon, a line break, or a list word between spaces.
_WORDS = "|".join(re.escape(w) for w in sorted((*LIST_WORDS_RU, *LIST_WORDS_KK), key=len, reverse=True))
CUT = re.compile(rf",|;|\n|(?<=\s)(?P<word>{_WORDS})(?=\s)")
WORD = re.compile(r"[\w\-]+")
# A Kazakh compound abbreviation of a ministry: "Қаржымині", "Еңбекмині", "Әділетмині".
KK_MINISTRY = re.compile(r"мині\w*$")


@dataclass
class _Part:
    piece: Piece  # as printed, the flag included
    after: str  # what cut it from the piece before: ",", ";", "\n", a list word, or "" for the first
    flag: bool = False

    @property
    def text(self) -> str:
        return _clean(self.piece.flat)


def _clean(flat: str) -> str:
    text = re.sub(r"\s+", " ", BY_AGREEMENT.sub(" ", flat)).strip(" ,;.")
    if flat.rstrip(" ,;").endswith(".") and (ENDS_WITH_INITIAL.search(text) or ends_cut_short(text)):
        text += "."  # «Садыкбаев С.К.»: the initial's full stop; «… басқ.»: a word cut short
    text = re.sub(r"\s+,", ",", text)
    if text.count("»") > text.count("«") and text.endswith("»") and text[:-1].rstrip().endswith("»"):
        text = text[:-1].rstrip()  # «АО «Казпочта» (по согласованию)»: the flag printed inside the quotes
    return text


def _outside(text: str) -> list[bool]:
    """`outside` read body by body: «(по согласованию)» ends a body's name, so a quote the
    name left open («АО «Казахтелеком (по согласованию), МИО») does not swallow the list."""
    out: list[bool] = []
    start = 0
    for m in BY_AGREEMENT.finditer(text):
        out.extend(outside(text[start : m.end()]))
        start = m.end()
    out.extend(outside(text[start:]))
    return out


def _parts(cell: Piece) -> list[_Part]:
    """The cell cut at list separators outside quotes, brackets and collective formulas."""
    with_after = WITH_AFTER_KK.search(fold(cell.text))
    if with_after:  # "…, қалалық әкiмдерiмен бiрлесiп": the co-executors' postposition goes
        cell = cell[: with_after.start()]
    if not has_kazakh(cell.text):  # conditions and qualifiers in the cell are blanked (positions kept)
        blank = NOT_A_BODY_RU.sub(lambda m: " " * len(m.group(0)), fold(cell.text))
        cell = Piece("".join(c if b != " " or c.isspace() else " " for c, b in zip(cell.text, blank)), cell.pos)
    text = cell.text
    top = _outside(text)
    folded = fold(text)
    for m in COLLECTIVE.finditer(folded):
        top[m.start() : m.end()] = [False] * (m.end() - m.start())
    cuts = [(m.start(), m.end(), m["word"] or m.group(0)) for m in CUT.finditer(folded)]
    cuts += [(m.start(), m.end(), ",") for m in BETWEEN_NAMES.finditer(text)]  # two officials, no comma
    cuts += [(m.start("gap"), m.end("gap"), ",") for m in BETWEEN_INITIALED_NAMES.finditer(text)]
    cuts += [(m.start(), m.end(), ".") for m in BETWEEN_SENTENCES.finditer(text)]
    cuts += [(m.start(), m.end(), ",") for m in BETWEEN_PLACE_ADJECTIVES.finditer(text) if _capitalised_before(text, m)]
    cuts += [(k, k, ",") for k in _kk_heads_inside(text)]
    parts: list[_Part] = []
    start, after = 0, ""
    for cut_start, cut_end, sep in sorted(cuts):
        if not top[cut_start] or cut_start < start:
            continue
        parts.append(_Part(cell[start:cut_start], after))
        start, after = cut_end, sep
    parts.append(_Part(cell[start:], after))
    out: list[_Part] = []
    carried = None  # the separator before an empty piece ("и\n"): it, not the line break, joins the next
    for p in parts:
        flat = p.piece.flat
        if not flat.strip(" ,;."):
            carried = carried or p.after
            continue
        if carried and p.after == "\n":
            p.after = carried
        carried = None
        if out and BY_AGREEMENT_PART.match(flat) and re.search(r"[()]|согласовани|бойынша", flat):
            out[-1].flag = True  # "(по согласованию)" printed after a separator
            continue
        p.flag = bool(BY_AGREEMENT.search(flat))
        out.append(p)
    return out


def _capitalised_before(text: str, m: re.Match) -> bool:
    word = text[: m.start()].split()[-1:] or [""]
    return word[0][:1].isupper()


def _kk_heads_inside(text: str) -> list[int]:
    """Kazakh: where a body's name ends inside a piece, the next body following with no comma
    («Мемсанэпидбақылау басқармалары аудандардың бас дәрiгерлерi»): after a head noun in the
    nominative when the words after it end with a body noun again."""
    if not has_kazakh(text):
        return []
    words = list(re.finditer(r"[^\s,;]+", text))
    out = []
    for w, nxt in pairwise(words):
        f = fold(w.group(0))
        if not (BODY_NOUN_KK.match(f) and KK_HEAD_ENDING.search(f)) or KK_GENITIVE.search(f):
            continue
        rest = text[nxt.start() :].split(",")[0].split(";")[0]
        first = fold(nxt.group(0))
        if (
            rest.strip()
            and BODY_NOUN_KK.match(_kk_last(rest))
            and first[:1].isalpha()
            and not KK_ATTACHING.search(first)
        ):
            out.append(w.end())
    return out


# --- what a piece names -----------------------------------------------------------------


def _named_by_abbreviation(text: str, glossary: frozenset[str]) -> bool:
    if fold(text) in glossary or ABBR.match(text) or (text[:1] in '«"“' and ABBR.search(text)):
        return True
    words = text.split()
    return bool(words) and (fold(words[0]) in glossary or fold(words[-1]) in glossary)


def _stump(text: str) -> bool:
    """One word naming a body by a stump compound («облтубдиспансер», «раймолтурспортуправления»)."""
    words = WORD.findall(text)
    return len(words) == 1 and bool(STUMP_BODY.match(fold(words[0])))


def _ru_head(text: str) -> tuple[int, object] | None:
    """The first noun of a Russian piece (adjectives, participles and personal names before it
    skipped): (its word index, its pymorphy parses)."""
    for i, word in enumerate(WORD.findall(text)[:5]):
        if i and word == "и":
            continue  # «областное и районные СЭС»: adjectives joined before their noun
        parses = morph().parse(word)
        if i and ABBR.fullmatch(word):
            return i, parses  # «областное и районные СЭС»
        best = parses[0].tag
        named = word[:1].isupper() and ("Surn" in best or "Name" in best)
        if best.POS in ("ADJF", "PRTF", "NUMR") or (named and not BODY_NOUN_RU.match(fold(word))):
            continue  # a personal name, but not «Акимы» (pymorphy knows «Аким» as a first name)
        if best.POS == "NOUN" or any(p.tag.POS == "NOUN" for p in parses[:2]):
            return i, parses
        return None
    return None


def _ru_own(part: _Part, glossary: frozenset[str], instrumental: bool = False) -> bool:
    """Does a Russian piece name a body (an official, a kind of organisation) of its own?
    After "совместно с" (`instrumental`) the bodies are named in the instrumental case."""
    text = part.text
    if _named_by_abbreviation(text, glossary) or _stump(text):
        return True
    head = _ru_head(text)
    if head is None:
        return False
    i, parses = head
    printed = WORD.findall(text)[i]
    if ABBR.fullmatch(printed):
        return True  # «областное и районные СЭС»
    word = fold(printed)
    if ADMIN_UNIT.match(word) or not BODY_NOUN_RU.match(word):
        return False
    cases = ("nomn", "ablt") if instrumental else ("nomn",)
    if not parses[0].is_known:
        return True  # a body noun misprinted or glued to the next word («управлениев районах»)
    return any(p.tag.POS == "NOUN" and p.tag.case in cases for p in parses)


def _genitive_phrase(text: str) -> bool:
    """A capitalised piece that names no body but continues the one before it, its head noun
    in the genitive («… области. Государственного санитарно-эпидемиологического надзора»)."""
    head = _ru_head(text)
    if head is None:
        return False
    _, parses = head
    return parses[0].is_known and not any(p.tag.case == "nomn" for p in parses[:2])


def _ru_shared_head(text: str) -> str | None:
    """The words up to a plural head that a list shares ("акиматы", "Районные акимы"), or None
    (a collective phrase, «акимы районов и городов», shares none)."""
    if COLLECTIVE.fullmatch(fold(text)):
        return None
    words = text.split()
    for i, word in enumerate(words[:3]):
        w = fold(word.strip('«»"“”,.'))
        if SHARED_HEAD_RU.match(w) or SHARED_UNIT_RU.match(w):
            parses = morph().parse(word)
            if any(p.tag.number == "plur" for p in parses[:2]):
                return " ".join(words[: i + 1])
            return None
    return None


def _adjectives_only(text: str) -> bool:
    words = WORD.findall(text)
    return bool(words) and all(morph().parse(w)[0].tag.POS in ("ADJF", "PRTF") for w in words)


def _kk_last(text: str) -> str:
    words = WORD.findall(fold(text))
    return words[-1] if words else ""


def _kk_own(part: _Part, glossary: frozenset[str]) -> bool:
    """Does a Kazakh piece end with the name of a body (its head noun), or name one by abbreviation?"""
    text = part.text
    if _named_by_abbreviation(text, glossary) or _stump(text):
        return True
    last = _kk_last(text)
    return bool(BODY_NOUN_KK.match(last) or KK_MINISTRY.search(last))


def _kk_shared(text: str) -> str | None:
    """The plural head noun a Kazakh list shares ("әкімдіктері", "басшылары"), or None."""
    words = text.split()
    if not words:
        return None
    last = fold(words[-1].strip(".,"))
    return words[-1] if SHARED_HEAD_KK.match(last) and KK_PLURAL_HEAD.search(last) else None


# --- grouping ---------------------------------------------------------------------------


@dataclass
class _Party:
    parts: list[_Part]
    head: str | None = None  # the head shared with the list, which the text omits
    shares: str | None = None  # the head this party passes on to the members after it

    def mention(self, cell: Piece) -> Mention | None:
        first, last = self.parts[0].piece.strip(), self.parts[-1].piece.strip()
        start = cell.pos.index(first.pos[0]) if first.pos else 0
        end = cell.pos.index(last.pos[-1]) + 1 if last.pos else len(cell.text)
        whole = cell[start:end]
        text = _clean(ru_join_broken(whole.text))
        if not text:
            return None
        flag = any(p.flag for p in self.parts)
        return Mention(text, whole.strip().span, flag, self.head)


def _unit_cuts(part: _Part) -> list[_Part]:
    """A member of a list under a shared head that names two units without a comma
    («областей гг.» of «акимы областей гг. Астаны и Алматы»): cut before the second unit."""
    words = list(re.finditer(r"\S+", part.piece.text))
    cuts = [m.start() for m in words[1:] if ADMIN_UNIT.match(fold(m.group(0)).strip(".,"))]
    if not cuts or not ADMIN_UNIT.match(fold(words[0].group(0)).strip(".,")):
        return [part]
    bounds = [0, *cuts, len(part.piece.text)]
    return [
        _Part(part.piece[a:b], part.after if i == 0 else ",", part.flag and i == len(cuts))
        for i, (a, b) in enumerate(pairwise(bounds))
    ]


def _group_ru(parts: list[_Part], glossary: frozenset[str]) -> list[_Party]:
    out: list[_Party] = []
    instrumental = False
    adjectives: list[_Part] = []  # "центральные и | местные органы", "заинтересованные\nгосударственные органы"
    k = 0
    while k < len(parts):
        part = parts[k]
        k += 1
        if out and out[-1].shares and len(cuts := _unit_cuts(part)) > 1:
            parts[k - 1 : k] = cuts
            part = cuts[0]
        text = part.text
        instrumental = instrumental or part.after in WITH_WORDS
        in_list = bool(out and out[-1].shares)  # members under a shared head («акимы Акмолинской, …»)
        if adjectives:
            part = _Part(part.piece, adjectives[0].after, part.flag)
            shares = _ru_shared_head(text)
            if shares:  # "районные и городские акимы": adjectives of a shared head, one party each
                out.extend(_Party([a]) for a in adjectives)
                adjectives = []
            else:
                part.piece = Piece.join([a.piece for a in adjectives] + [part.piece])
                text = part.text
                adjectives = []
                if k < len(parts) and _adjectives_only(text):  # «центральные и | местные | исполнительные»
                    adjectives = [part]
                    continue
        elif k < len(parts) and not in_list and _adjectives_only(text):
            adjectives.append(part)
            continue
        if not out:
            out.append(_Party([part], shares=_ru_shared_head(part.text)))
            continue
        current = out[-1]
        own = _ru_own(part, glossary, instrumental)
        if part.after == "\n" and part.text[:1] in '«"“' and ORG_FORM.match(current.parts[-1].text):
            current.parts.append(part)  # «ЗАО» / «"Фонд развития …"»: the form and the name of one body
        elif part.after == "\n" and not own:
            current.parts.append(part)  # a line break inside a name
        elif current.shares:  # members of a list under a shared head
            if own:
                out.append(_Party([part], shares=_ru_shared_head(text)))
            else:
                out.append(_Party([part], head=current.shares, shares=current.shares))
        elif own or (text[:1].isupper() and not _genitive_phrase(text)):
            first = current.parts[0].text
            if part.after == "и" and len(current.parts) == 1 and (_category(first) or _bare(first)) and _bare(text):
                current.parts.append(
                    part
                )  # «заинтересованные государственные органы и организации», «министерства и агентства»
            else:
                out.append(_Party([part], shares=_ru_shared_head(text)))
        else:
            current.parts.append(part)  # "управление труда и | социальной защиты населения"
    return out


def _category(text: str) -> bool:
    """A kind of body named in the plural with adjectives only ("национальные холдинги",
    "заинтересованные государственные органы"): no name, no abbreviation, no dependents."""
    words = WORD.findall(text)
    if len(words) < 2 or not text[:1].islower():
        return False
    *adjectives, noun = words
    return all(morph().parse(w)[0].tag.POS in ("ADJF", "PRTF") for w in adjectives) and _plural_noun(noun)


def _plural_noun(word: str) -> bool:
    """A noun that reads as a plural nominative («министерства», not only the genitive singular)."""
    return any(p.tag.POS == "NOUN" and p.tag.number == "plur" and p.tag.case == "nomn" for p in morph().parse(word))


def _bare(text: str) -> bool:
    """One plural noun on its own ("организации", "компании"): it shares the adjectives before it."""
    words = WORD.findall(text)
    return len(words) == 1 and text[:1].islower() and _plural_noun(words[0])


def _group_kk(parts: list[_Part], glossary: frozenset[str]) -> list[_Party]:
    """Kazakh puts the head last: the pieces before a piece ending in a body noun are its members."""
    out: list[_Party] = []
    pending: list[_Part] = []
    for part in parts:
        if part.after == "\n" and ORG_FORM.match(part.text) and (pending or out):
            if pending:  # «"Самұрық-Қазына"» / «АҚ»: the name and its form, one body
                out.append(_Party([*pending, part]))
                pending = []
            else:
                out[-1].parts.append(part)
            continue
        if not _kk_own(part, glossary):
            pending.append(part)
            continue
        shared = _kk_shared(part.text)
        if pending and shared:
            out.extend(_Party([p], head=shared) for p in pending)
            out.append(_Party([part]))
        else:
            out.append(_Party([*pending, part]))
        pending = []
    out.extend(_Party([p]) for p in pending)
    return out


def split_parties(cell: Piece, glossary: frozenset[str] = frozenset()) -> tuple[Mention, ...]:
    """The responsible cell as parties, in the order written (first = lead). A cell that opens
    with an infinitive names no body («Определиться по результатам конкурса»: to be settled)."""
    first = WORD.match(cell.text.lstrip(' «"(')) if cell.text else None
    if first and ru_infinitive(first.group(0)):
        return ()
    parts = _parts(cell)
    if not parts:
        return ()
    kk = has_kazakh(cell.text)
    groups = _group_kk(parts, glossary) if kk else _group_ru(parts, glossary)
    return tuple(m for m in (g.mention(cell) for g in groups) if m)
