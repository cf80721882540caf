"""Regulations of state bodies: «Положение о Министерстве …» / «… министрлігі туралы ереже».

A regulation, approved by a Government decree (usually as its annex) or by an
order, sets the body's status, structure and mandate: its tasks («Задачи»),
rights and duties («Полномочия: 1) права: … 2) обязанности: …») and functions
(«Функции», also «функции центрального аппарата» / «функции ведомств»), each
one numbered item. `parse(text, meta)` finds the regulation in the text (its
title line and the numbered paragraphs after it), reads its structure
(`kgraph.sources.regulation_structure`) and returns:

* `Regulation` — the title, the body it regulates as the title names it (a
  mention: `kgraph.resolve` finds the registry body at the approving act's date);
* `Chapter`, `Paragraph`, `Item` — the structure; an item's `path` joins the
  numbers of the items it is nested in ("1.3": the 3rd right of "1) права:");
* `Competence` — one per task, right, duty and function: the body's own powers
  (granted to the body, not to a role), with their group and the catch-all flag;
* `Excluded` — items and paragraphs an amendment took out («исключен», «алып
  тасталды»): never competences;
* `Amendment` — one per amending act a footnote («Сноска.», «Ескерту.») of the
  regulation names, attached to the paragraph (and item) the footnote names.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import ClassVar

from kgraph import kinds
from kgraph.acts import ActRef, find_act_refs
from kgraph.amendments import TARGET_ITEM, TARGET_PARA, find_amendments
from kgraph.lang import fold
from kgraph.lang.powers import ABOUT, is_residual, power_group
from kgraph.records import DocumentMeta, Span
from kgraph.sources import regulation_structure as structure
from kgraph.sources.regulation_structure import Chapter, Item, Paragraph
from kgraph.text import collapse

# --- the title -----------------------------------------------------------------------------

_WORDS = {lang: kinds.get("regulation").words(lang).word for lang in ("ru", "kk")}
# The first line of a Russian title: "Положение о Министерстве науки …", "ПОЛОЖЕНИЕ" alone
# (then "о Министерстве …" on the next line).
TITLE_RU = re.compile(rf"^(?:{_WORDS['ru']}|{_WORDS['ru'].upper()})(?:\s+(?:{ABOUT['ru']})\s+\S.*)?$", re.IGNORECASE)
ABOUT_RU = re.compile(rf"(?:{ABOUT['ru']})\s+", re.IGNORECASE)
# The last line of a Kazakh title: "… министрлігі туралы ереже", or "ЕРЕЖЕ" alone after "… туралы".
TITLE_KK = re.compile(rf"(?:^|\s){ABOUT['kk']}\s+{_WORDS['kk']}$|^{_WORDS['kk']}$", re.IGNORECASE)
# Words of the approval stamp above a Kazakh title ("… № қаулысымен бекітілген"): not the title.
STAMP_KK = re.compile(r"бекітілген|бекiтiлген|қаулысымен|бұйрығымен", re.IGNORECASE)
# A clause that names the regulation is not its title: "(далее – Положение)", "(бұдан әрі – Ереже)".
ALIAS = re.compile(r"\((?:далее|бұдан\s+әрі)", re.IGNORECASE)
# A name in quotes: "о государственном учреждении «Комитет науки …»" regulates «Комитет науки …».
QUOTED = re.compile(r"«(?P<name>[^«»]*(?:«[^«»]*»[^«»]*)*)»")
MAX_TITLE_LINES = 4


# --- records -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Regulation:
    """The regulation itself: its title and the body it regulates, as written."""

    title: str
    body: str  # "Министерстве науки и высшего образования Республики Казахстан"
    title_span: Span
    body_span: Span
    span: Span  # title to the end of the last paragraph

    def document_fields(self) -> dict[str, str]:
        """What the regulation adds to its document's golden `document` record."""
        return {"regulation_title": self.title}


@dataclass(frozen=True)
class Competence:
    kind: ClassVar[str] = "competence"
    article: None
    paragraph: str
    item: str  # the item's path: "178", "1.3"
    group: str  # tasks | rights | duties | functions | functions-departments | other
    role: None  # a body's own power: no role; `body` names the body
    body: str
    text: str
    residual: bool
    span: Span


@dataclass(frozen=True)
class Excluded:
    kind: ClassVar[str] = "excluded"
    article: None
    paragraph: str
    item: str | None
    span: Span
    repealed_by: tuple[ActRef, ...] = ()  # the acts its note names ("исключен постановлением … № 443")


@dataclass(frozen=True)
class Amendment:
    kind: ClassVar[str] = "amendment"
    article: None
    paragraph: str
    item: str | None
    act_kind: str
    act_date: dt.date | None
    act_number: str
    change: str  # amended | revised | excluded | supplemented (kgraph.amendments)
    span: Span


# --- parse ---------------------------------------------------------------------------------


def find_title(text: str) -> tuple[str, Span, str, Span] | None:
    """(title, its span, the body as the title names it, its span) of the first regulation title:
    a block of lines of its own (a blank or a structural line after it) that opens with
    "Положение о …" or closes with "… туралы ереже"."""
    lines = structure.text_lines(text, 0)
    for i, ln in enumerate(lines):
        body = ln.body
        if not body or structure.is_structural(ln):
            continue
        if TITLE_RU.match(body):
            block = _block_down(lines, i)
        elif TITLE_KK.search(fold(body)):
            block = _block_up(lines, i)
        else:
            continue
        if block is None:
            continue
        first, last = block
        start, end = lines[first].body_start, lines[last].end
        title = collapse(text[start:end])
        if ALIAS.search(title) or title.endswith((".", ";", ",", ":")):
            continue
        return (title, (start, end), *_body(text, start, end))
    return None


def _block_down(lines: list, i: int) -> tuple[int, int] | None:
    """Lines i.. of a title that opens at line i, up to a blank or structural line."""
    k = i
    while k + 1 < len(lines) and k - i + 1 < MAX_TITLE_LINES and _title_line(lines[k + 1]):
        k += 1
    return (i, k) if _ends_block(lines, k) else None


def _block_up(lines: list, i: int) -> tuple[int, int] | None:
    """Lines ..i of a title that closes at line i, from a blank, structural or stamp line."""
    k = i
    while (
        k > 0 and i - k + 1 < MAX_TITLE_LINES and _title_line(lines[k - 1]) and not STAMP_KK.search(lines[k - 1].body)
    ):
        k -= 1
    return (k, i) if _ends_block(lines, i) else None


def _title_line(line) -> bool:
    return bool(line.body) and not structure.is_structural(line)


def _ends_block(lines: list, k: int) -> bool:
    """Is line k the last of a block of its own (the text ends, or a blank or structural line follows)?"""
    return k + 1 >= len(lines) or not lines[k + 1].body or structure.is_structural(lines[k + 1])


def _body(text: str, start: int, end: int) -> tuple[str, Span]:
    """The body a title names: the words after "Положение о" (ru) or before "туралы ереже" (kk);
    a name in quotes when the title names the body's legal form ("… учреждении «Комитет …»")."""
    title = text[start:end]
    ru = TITLE_RU.match(title.strip())
    if ru:
        head = re.match(rf"\s*(?:{_WORDS['ru']})\s+", title, re.IGNORECASE)
        a = head.end() if head else 0
        about = ABOUT_RU.match(title, a)
        a, b = (about.end() if about else a), len(title.rstrip())
    else:
        tail = re.search(rf"\s+{ABOUT['kk']}\s+{_WORDS['kk']}\s*$", fold(title), re.IGNORECASE)
        tail = tail or re.search(rf"\s+{_WORDS['kk']}\s*$", fold(title), re.IGNORECASE)
        a, b = len(title) - len(title.lstrip()), tail.start() if tail else len(title)
    quoted = QUOTED.search(title, a, b)
    if quoted:
        a, b = quoted.span("name")
    return collapse(title[a:b]), (start + a, start + b)


def parse(text: str, meta: DocumentMeta) -> list:
    """The records of the regulation in `text` (none if the text holds no regulation)."""
    found = find_title(text)
    if found is None:
        return []
    title, title_span, body, body_span = found
    doc = structure.read(text, title_span[1])
    if not doc.paragraphs:
        return []
    regulation = Regulation(title, body, title_span, body_span, (title_span[0], doc.end))
    records: list = [regulation, *doc.chapters, *doc.paragraphs, *doc.items]
    records += competences(doc.paragraphs, body)
    records += excluded(text, doc.paragraphs)
    records += amendments(text, doc.footnotes)
    return records


# --- competences ---------------------------------------------------------------------------


def competences(paragraphs: list[Paragraph], body: str) -> list[Competence]:
    """Every task, right, duty and function under a lead-in of the body's own powers."""
    out: list[Competence] = []
    for para in paragraphs:
        group = power_group(para.lead) if para.lead.endswith(":") else None
        if group is None:
            continue
        own = "other" if group == "powers" else group
        for item in para.items:
            if item.header:
                nested = power_group(item.text, under_powers=group in ("powers", "rights"))
                nested = own if nested in (None, "powers") else nested  # a heading that names no group
                out += [_competence(para, child, nested, body) for child in item.children if _power(child)]
            elif _power(item):
                out.append(_competence(para, item, own, body))
    return out


def _power(item: Item) -> bool:
    """An item that states a power: not excluded, not a placeholder that comes into force later."""
    return bool(item.text) and not item.excluded and not item.pending


def _competence(para: Paragraph, item: Item, group: str, body: str) -> Competence:
    return Competence(None, para.number, item.path, group, None, body, item.text, is_residual(item.text), item.span)


def excluded(text: str, paragraphs: list[Paragraph]) -> list[Excluded]:
    """Paragraphs and items printed only as the note that took them out, with the acts it names."""
    out = []
    for para in paragraphs:
        units = [(None, para)] if para.excluded else []
        units += [(i.path, i) for item in para.items for i in (item, *item.children) if i.excluded]
        for path, unit in units:
            a, b = unit.span
            refs = tuple(replace(r, span=(a + r.span[0], a + r.span[1])) for r in find_act_refs(text[a:b]))
            out.append(Excluded(None, para.number, path, unit.span, refs))
    return out


# --- amendment footnotes -----------------------------------------------------------------


def amendments(text: str, footnotes: list[Span]) -> list[Amendment]:
    """One record per amending act a footnote of the regulation names; footnotes that name
    no paragraph (an annexed list's) or no act with a number (an entry-into-force note) give none."""
    out = []
    for start, end in footnotes:
        for a in find_amendments(text[start:end]):
            target = dict(a.target)
            if "para" not in target and a.change == "supplemented":
                target = _added_unit(a.text)
            if "para" not in target:
                continue
            span = (start + a.span[0], start + a.span[1])
            for act in a.acts:
                if act.number:
                    out.append(
                        Amendment(
                            None, target["para"], target.get("item"), act.kind, act.date, act.number, a.change, span
                        )
                    )
    return out


def _added_unit(footnote: str) -> dict[str, str]:
    """The paragraph (and item) a footnote says the act was supplemented with:
    "Положение дополнено пунктом 21-1", "Ереже 21-1-тармақпен толықтырылды"."""
    body = footnote.split(".", 1)[-1]
    para, item = TARGET_PARA.search(body), TARGET_ITEM.search(body)
    out = {}
    if para:
        out["para"] = para.group("n") or para.group("k")
    if item:
        out["item"] = (item.group("n") or item.group("k")).rstrip(")")
    return out


__all__ = ["Amendment", "Chapter", "Competence", "Excluded", "Item", "Paragraph", "Regulation", "parse"]
