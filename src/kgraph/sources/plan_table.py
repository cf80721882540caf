"""Plan tables flattened out of PDFs: find the header (`plan_cells` cuts the body into rows).

Three layouts are told apart by the header row:
* cells separated by tabs, or by pipes ("1.\\t|\\tтекст\\t|\\t…");
* no separators at all: cells follow one another separated by blank lines or
  line breaks, sometimes glued on one line ("Информация в АП МИР, институты").

The header's column names (ru/kk) decide the column order. A row starts with
its task number; rows split over a page break come in fragments (a line with
an empty number cell, or a continuation line after the row) that are aligned
to the columns by what their cells look like and joined to the row.

Every piece of text keeps the offset of each of its characters in the
normalized document (`Piece`), so records can point at their source span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kgraph.deadlines import is_deadline
from kgraph.lang import BY_AGREEMENT, FOOTNOTE_WORD, NOTE_WORD, TOTAL_WORD, UNITS, fold

# --- Pieces of text with offsets ---------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """Text cut from the normalized document; `pos[i]` is the offset of `text[i]`."""

    text: str
    pos: tuple[int, ...]

    @classmethod
    def of(cls, doc: str, start: int, end: int) -> Piece:
        return cls(doc[start:end], tuple(range(start, end)))

    def __bool__(self) -> bool:
        return bool(self.text.strip())

    def __getitem__(self, s: slice) -> Piece:
        return Piece(self.text[s], self.pos[s])

    def strip(self, chars: str | None = None) -> Piece:
        t = self.text
        a, b = 0, len(t)
        while a < b and (t[a].isspace() if chars is None else (t[a].isspace() or t[a] in chars)):
            a += 1
        while b > a and (t[b - 1].isspace() if chars is None else (t[b - 1].isspace() or t[b - 1] in chars)):
            b -= 1
        return self[a:b]

    @property
    def span(self) -> tuple[int, int]:
        return (self.pos[0], self.pos[-1] + 1) if self.pos else (0, 0)

    @property
    def flat(self) -> str:
        """One-line form: whitespace runs become one space."""
        return re.sub(r"\s+", " ", self.text).strip()

    @staticmethod
    def join(pieces: list[Piece], sep: str = " ") -> Piece:
        text, pos = [], []
        for p in pieces:
            p = p.strip()
            if not p.text:
                continue
            if text:
                text.append(sep)
                pos.extend([p.pos[0]] * len(sep))
            text.append(p.text)
            pos.extend(p.pos)
        return Piece("".join(text), tuple(pos))


EMPTY = Piece("", ())


def outside(text: str) -> list[bool]:
    """For each character: is it outside quotes and parentheses?

    Quotes nest but are often left unclosed («УКСЭЗ «ПИТ»): a closing quote
    followed by a space, a punctuation mark or the end closes every open one.
    A straight quote (") opens after a space or an opening bracket and closes
    otherwise.
    """
    out, depth, quotes = [], 0, 0
    for i, ch in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        top = not depth and not quotes
        if ch in "«“" or (ch == '"' and (before.isspace() or before in "(«")):
            quotes += 1
        elif ch in '»”"':
            quotes = 0 if (after.isspace() or after in ",;.)(") else max(0, quotes - 1)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        out.append(top and not depth and not quotes)
    return out


_NESTING = re.compile(r'[«“»”"()]')  # what `outside` looks at


def split_top(piece: Piece, sep: str = ",") -> list[Piece]:
    """Split at `sep` outside quotes and parentheses (see `outside`)."""
    out, start = [], 0
    if not _NESTING.search(piece.text):  # no quote or bracket: every separator is outside
        for i, ch in enumerate(piece.text):
            if ch == sep:
                out.append(piece[start:i])
                start = i + 1
        out.append(piece[start:])
        return out
    for i, (ch, top) in enumerate(zip(piece.text, outside(piece.text))):
        if ch == sep and top:
            out.append(piece[start:i])
            start = i + 1
    out.append(piece[start:])
    return out


# --- Column names ---------------------------------------------------------------------

# Header cell -> column kind; matched on lower-cased text with Latin i/I read as Kazakh і.
COLUMN_NAMES = (
    # the official answerable by name ("Лицо, ответственное за …", "… жауапты адам"): not a party
    ("person", re.compile(r"лицо|\bф\.?\s*и\.?\s*о\b|тұлға|жауапты\s+адам")),
    ("form", re.compile(r"форма\s+заверш|аяқталу\s+нысан|нысаны")),
    ("parties", re.compile(r"ответственн|исполнител|жауапты|орындаушы|разработчик|әзірлеуші")),
    ("deadline", re.compile(r"срок|мерзім")),
    (
        "funding",
        re.compile(r"(?:объ[её]м|сумма|көлем|сомасы).*(?:источник|көз)|(?:источник|көз).*(?:объ[её]м|сомасы|көлем)"),
    ),
    ("amount", re.compile(r"объ[её]м|сумма|көлем|сомасы|расход|шығыс|(?:млн|млрд|тыс)\.?\s*те[нң]ге")),
    ("source", re.compile(r"источник|көзі|көздері")),
    ("number", re.compile(r"^\s*(?:№|п/п|р/с|n)(?:\s*п/п|\s*№|\s*р/с)?\s*$|№")),
    ("text", re.compile(r"мероприяти|наименовани|іс-шара|іс\s+шара|шара|атауы|реформ|задач|міндет")),
    # a year or a forecast: the columns of an indicator table, not of a plan
    ("year", re.compile(r"^\s*(?:19|20)\d{2}\s*(?:год|жыл)|^\s*прогноз|^\s*болжам")),
)
# The first line of a header printed cell by cell: "№", "№ п/п", "№ п/п Мероприятие".
STACKED_HEADER_START = re.compile(
    r"^\s*(?:№|N|Р/с)\s*(?:п/п|р/с|№)?\s*(?:[А-ЯӘҒҚҢӨҰҮҺІA-Z][а-яәғқңөұүһіa-z\-]+\s*){0,3}$"
)
# The row of column numbers under a header: "1 2 3 4 5" or "1\t2\t3".
COLUMN_NUMBERS = re.compile(r"^\s*[!|]?\s*1(?:[\s|!]+\d{1,2}){2,}[\s|!]*$")
# A line with a letter or digit (not blank, not a rule of «_», «-», «!» marks).
RULE_FREE = re.compile(r"[^\W_]")
# Where a table ends: the abbreviation note, a page footer, or the stamp of the next annex
# («Приложение» / «Приложение 2» / «Утверждены» / «Қосымша» alone on a line).
TABLE_END = re.compile(
    rf"^\s*(?:(?:{NOTE_WORD}|{FOOTNOTE_WORD})\s*[:–-]|Расшифровка\s+аббревиатур|"
    r"Аббревиатуралардың\s+толық|©|"
    rf"(?:{UNITS['annex'].title('ru')}|{UNITS['annex'].title('kk')})(?:\s+(?:N|№)?\s*\d+)?\s*$|Утвержден[аоы]?\s*$)",
    re.MULTILINE | re.IGNORECASE,
)


def column_kind(cell: str) -> str | None:
    f = fold(cell)
    for kind, pattern in COLUMN_NAMES:
        if pattern.search(f):
            return kind
    return None


@dataclass(frozen=True)
class Table:
    kinds: tuple[str, ...]  # column kinds in order
    separator: str | None  # "\t", "|" or None (blank-line layout)
    header: tuple[int, int]  # span of the header in the document
    body: tuple[int, int]  # span of the body (rows) in the document
    # The kind of every printed column when a header cell spans columns (the mirrors' HTML
    # tables print such a cell once per column it spans); () when each column is its own.
    grid: tuple[str, ...] = ()


def framed(line: str, sep: str = "|") -> bool:
    """ "| 1 | текст |": outer pipes (or the «!» of a typed table) frame the row (a row
    with an empty first cell, "\t|\tтекст", is not framed)."""
    return line.lstrip(" ").startswith(sep) and line.rstrip().endswith(sep)


def _line_cells(line: str, sep: str, frame: bool | None = None) -> list[str]:
    """A line's cells; `frame` says whether the table's rows are framed (default: this line's look)."""
    cells = [c.strip() for c in line.split(sep)]
    if sep in "|!" and (framed(line, sep) if frame is None else frame and framed(line, sep)):
        cells = cells[1:-1]
    return cells


def _header_kinds(cells: list[str]) -> list[str]:
    """Column kinds of a header row; unknown columns are "other", a second parties column
    "parties2", further deadline columns (one per stage or body) "deadline.2", "deadline.3".
    Without a column named for the tasks, the first unnamed column after the number is theirs."""
    kinds: list[str] = []
    for cell in cells:
        kind = column_kind(cell) or "other"
        if kind == "deadline" and kind in kinds:
            kind = f"deadline.{sum(k.startswith('deadline') for k in kinds) + 1}"
        elif kind in kinds and kind not in ("other", "year"):
            kind = "parties2" if kind == "parties" and "parties2" not in kinds else "other"
        kinds.append(kind)
    if "text" not in kinds and "year" not in kinds and kinds[:1] == ["number"] and "other" in kinds:
        kinds[kinds.index("other")] = "text"
    return kinds


def _spanned(cells: list[str], sep: str) -> tuple[list[str], list[int]]:
    """The header's own columns and, for each printed column, the index of its own: in the pipe
    layout a header cell spanning columns is printed in each, the same text with the same column
    number, and is one column."""
    own: list[str] = []
    index: list[int] = []
    for k, cell in enumerate(cells):
        if sep == "|" and k and cell and cell == cells[k - 1]:
            index.append(len(own) - 1)
            continue
        own.append(cell)
        index.append(len(own) - 1)
    return own, index


def _header_kinds_grid(cells: list[str], sep: str) -> tuple[list[str], tuple[str, ...]]:
    """Kinds of the header's own columns, and the kind of every printed column when they differ."""
    own, index = _spanned(cells, sep)
    kinds = _header_kinds(own)
    return kinds, (tuple(kinds[i] for i in index) if len(own) < len(cells) else ())


def _header_goes_on(line: str, sep: str) -> bool:
    """A wrapped header row continues on this line: it has the separator and is not a row."""
    if not line.strip() or sep not in line or COLUMN_NUMBERS.match(line) or not RULE_FREE.search(line):
        return False
    if sep == "|" and line.lstrip(" ").startswith("|"):
        return False  # a new framed row ("| 1. Направление |"), not the rest of a wrapped cell
    return not NUMBER_CELL.match(_line_cells(line, sep)[0] or "-")


def _column_texts(lines: list[str], sep: str) -> list[str]:
    """Header cells over several lines: column by column when every line has as many cells
    as the first (a second header row, or a cell's second line in a row of its own, as the
    mirrors' tables print them); otherwise cells wrapped onto the next line, read joined."""
    frame = framed(lines[0], sep)  # a header's lines are framed alike ("! ! !(млн. !": empty cells, no frame)
    rows = [_line_cells(line, sep, frame) for line in lines]
    if "\t|\t" in lines[0] and all(
        line.startswith("\t|") and len(r) < len(rows[0]) for line, r in zip(lines[1:], rows[1:])
    ):
        # the one layout (TAB|TAB) drops a continuation line's trailing empty cells («\t|\t\t|\tния»)
        rows = [rows[0], *(r + [""] * (len(rows[0]) - len(r)) for r in rows[1:])]
    if any(len(r) != len(rows[0]) for r in rows[1:]):
        return _line_cells(" ".join(lines), sep)
    # a word hyphenated over two lines is one word («Ответствен-» «ный» -> «Ответственный»)
    return [re.sub(r"(?<=\w)- (?=[а-яёa-z])", "", " ".join(r[i] for r in rows if r[i])) for i in range(len(rows[0]))]


def _header_cell_line(line: str, sep: str | None) -> bool:
    """A line under a header that may be the rest of one of its cells: a word or three
    without the separator and without digits («пп» of «№№ / пп»). It is the header's when
    the row of column numbers follows it or it starts in lower case (no heading does)."""
    words = line.split()
    return bool(sep and words) and sep not in line and len(words) <= 3 and not re.search(r"\d", line)


def _enough(kinds: list[str]) -> bool:
    """A plan's header: tasks, parties and a third column named (an indicator table, with
    columns for years, is not a plan)."""
    named = set(kinds) - {"other", "parties2", "year"}
    return len(named) >= 3 and "parties" in kinds and "text" in kinds and "year" not in kinds


def repeated_header(cells: list[str]) -> bool:
    """A body line that is the header again (printed after a page break)."""
    return len(cells) >= 3 and not NUMBER_CELL.match(cells[0] or "-") and _enough(_header_kinds(cells))


def find_tables(text: str) -> list[Table]:
    """Every plan table: a header naming at least three columns, parties among them.

    A header row whose cells wrap over a few lines ("Форма\nзавершения\tОтветственные\n…")
    is read with those lines joined.
    """
    tables: list[Table] = []
    lines = list(re.finditer(r"^[^\n]*", text, re.MULTILINE))
    i = 0
    while i < len(lines):
        m = lines[i]
        line = m.group(0)
        sep = "|" if "|" in line else "\t" if "\t" in line else "!" if line.count("!") >= 2 else None
        kinds: list[str] = []
        grid: tuple[str, ...] = ()
        end = m.end()
        if sep:
            j, taken = i, [i]
            while j + 1 < len(lines) and j < i + 8:  # the header's lines (blank lines between them skipped)
                if not lines[j + 1].group(0).strip():
                    j += 1
                    continue
                if not _header_goes_on(lines[j + 1].group(0), sep):
                    break
                j += 1
                taken.append(j)
            kinds, grid = _header_kinds_grid(_line_cells(line, sep), sep)
            if len(taken) > 1:
                joined, joined_grid = _header_kinds_grid(_column_texts([lines[k].group(0) for k in taken], sep), sep)
                if _enough(joined):
                    kinds, grid, end = joined, joined_grid, lines[taken[-1]].end()
        elif STACKED_HEADER_START.match(line):
            kinds, end = _stacked_header(text, lines, i)
            kinds = _dedupe(kinds)
            if "|" in text[m.start() : end] or "\t" in text[m.start() : end]:
                kinds = []  # a separated header follows ("№" of an approval stamp, then the table)
        if _enough(kinds):
            start = m.start()
            j = i + 1
            while j < len(lines) and (not RULE_FREE.search(lines[j].group(0)) or lines[j].end() <= end):
                j += 1  # blank lines and rules under the header
            k = j
            while k < len(lines) and k < j + 2 and _header_cell_line(lines[k].group(0), sep):
                k += 1  # the second line of a header cell («№№» / «пп»), printed without the separator
            if k > j and (
                (k < len(lines) and COLUMN_NUMBERS.match(lines[k].group(0))) or lines[j].group(0)[:1].islower()
            ):
                end, j = lines[k - 1].end(), k
            if j < len(lines) and COLUMN_NUMBERS.match(lines[j].group(0)):
                end = lines[j].end()
                while j + 1 < len(lines) and not RULE_FREE.search(lines[j + 1].group(0)):
                    j += 1
                    end = lines[j].end()
            body_start = end
            stop = TABLE_END.search(text, body_start)
            body_end = stop.start() if stop else len(text)
            if sep == "|":
                body_end = min(body_end, _pipe_table_end(text, lines, j, body_end))
            if tables and tables[-1].body[1] > start:
                prev = tables[-1]
                tables[-1] = Table(prev.kinds, prev.separator, prev.header, (prev.body[0], start), prev.grid)
            tables.append(Table(tuple(kinds), sep, (start, end), (body_start, body_end), grid))
            while i < len(lines) and lines[i].start() < body_end:
                i += 1
            continue
        i += 1
    return tables


def _pipe_table_end(text: str, lines, j: int, limit: int) -> int:
    """Where a table in the pipe layout (the mirrors' HTML tables) ends: at a blank line not
    followed by more of the table (a row, a header repeated, or a heading line and then a row).
    Signatures, notes and the abbreviation list after the table never join its last row."""
    k = j
    while k < len(lines) and lines[k].start() < limit:
        if lines[k].group(0).strip():
            k += 1
            continue
        ahead = [m.group(0) for m in lines[k + 1 : k + 6] if m.group(0).strip()][:2]
        if not ahead or not any(_table_line(a) for a in ahead[: 1 if "|" in ahead[0] else 2]):
            return lines[k].start()
        k += 1
    return limit


def _table_line(line: str) -> bool:
    """A row of a pipe table: cells separated by "|", the first a row number or empty."""
    return "|" in line and (bool(NUMBER_CELL.match(_line_cells(line, "|")[0] or "-")) or not line.split("|")[0].strip())


def _dedupe(kinds: list[str]) -> list[str]:
    out: list[str] = []
    for k in kinds:
        if k not in out or k == "text":
            out.append(k)
    return out


def _stacked_header(text: str, lines, i: int) -> tuple[list[str], int]:
    """A header printed one cell after another over several lines ("№\\nп/п\\n\\nМероприятие Форма\\nзавершения")."""
    j, chunk_end = i, lines[i].end()
    while j < len(lines) and j < i + 24 and not COLUMN_NUMBERS.match(lines[j].group(0)):
        chunk_end = lines[j].end()
        j += 1
    chunk = fold(text[lines[i].start() : chunk_end])
    hits = []
    for kind, pattern in COLUMN_NAMES:
        for m in pattern.finditer(chunk):
            if kind == "number" and m.start() > 10:
                continue
            if not any(a <= m.start() < b for _, a, b in hits):
                hits.append((kind, m.start(), m.end()))
    hits.sort(key=lambda h: h[1])
    return [k for k, _, _ in hits], chunk_end


# --- What cells look like ---------------------------------------------------------------

# Completion forms start with the name of a document kind (ru) or end with it (kk).
FORM_HEAD = re.compile(
    r"(?:Информаци[яи]|Предложени[ея]|Постановлени[ея]|Решени[ея]|Совместный\s+приказ|Приказ|Указ|"
    r"Проект[ыа]?|Отч[её]т|Доклад|Закон|Распоряжени[ея]|Меморандум\w*|Соглашени[ея]|Протокол|"
    r"Заключени[ея]|Письмо|Акт|Совместные\s+проекты)(?![\w-])",
    re.IGNORECASE,
)
FORM_TAIL = re.compile(
    r"(?:ақпарат|ұсыныс\w*|бұйрығы|бұйрық|қаулысы|қаулы|шешімі|шешім|есеп|жоба\w*|хат|келісім\w*|"
    r"меморандум\w*)\.?$",
    re.IGNORECASE,
)
# Funding sources as printed: budgets by abbreviation or name, "no funds needed".
FUNDING_SOURCE = re.compile(
    r"^(?:РБ|МБ|ГБ|НФ|ВБ|РБ,\s*МБ|МБ,\s*РБ|республиканский\s+бюджет|местный\s+бюджет|не\s+требу\w+|"
    r"другие\s+источники|внебюджетные\s+средства|собственные\s+средства\w*|средства\s+\w+|"
    r"республикалық\s+бюджет|жергілікті\s+бюджет|талап\s+етілмейді|қажет\s+етілмейді|"
    r"бюджеттен\s+тыс\s+қаражат|басқа\s+көздер|өзге\s+көздер)[\s,.;]*"
    r"(?:(?:и|,|және)\s*(?:РБ|МБ|другие\s+источники|внебюджетные\s+средства))?\.?$",
    re.IGNORECASE,
)
# A funding amount: a number (with a unit), a dash, or a phrase about existing funds.
FUNDING_AMOUNT = re.compile(
    r"^(?:-|–|—|[\d\s]+(?:[.,]\d+)?(?:\s*(?:млн|млрд|тыс)\.?\s*(?:тенге|теңге)?)?|"
    r"(?:в\s+(?:объеме|объёме|рамках|пределах)|шегінде|көлемінде|қаражат)[^\n]*)$",
    re.IGNORECASE,
)

# An abbreviation: two or more capitals (Cyrillic or Latin), maybe with digits,
# dashes or a Kazakh case ending ("МИР", "НАН РК", "ИЖТМ-ге", "R&D").
ABBR = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9&]+(?:-[a-zа-яәғқңөұүһі]+)?(?![a-zа-яёәғқңөұүһі])")
# Words that head a generic group or name a kind of body: the party is whole
# ("заинтересованные государственные органы", "Алматы қаласының әкімдігі").
GROUP_WORD = re.compile(
    r"^(?:заинтересованн|национальн|институт|акимат|местн|центральн|государственн|министерств|"
    r"ведомств|организаци|университет|вуз|холдинг|компани|фонд|агентств|комитет|палат|ассоциаци|"
    r"уполномоченн|иные|мүдделі|жергілікті|әкімдік|әкімдіг|министрлі|агенттіг|комитеті|ұйым|қоры|"
    r"органдар|кеңес|компания|тобы|академи)",
    re.IGNORECASE,
)
# Russian oblique case endings: "национальными холдингами", "управляющим холдингом" are running
# text, not a party (parties are listed in the nominative).
OBLIQUE_RU = re.compile(r"(?<![әғқңөұүһі])(?:ими|ыми|ому|ему|ами|ями|ом|ем|ам|ям|ах|ях|им|ым|ой|ей|у|ю)$")
# Words after which a name goes on (the preceding word governs it): a party cannot start after them.
PREPOSITION = re.compile(r"^(?:в|во|на|к|ко|для|по|от|с|со|и|из|при|о|об|да|және|мен)$", re.IGNORECASE)


def _words(text: str) -> list[str]:
    return re.findall(r"[\w«»\"“”\-&.]+", text)


def party_shaped(text: str, glossary: frozenset[str] = frozenset()) -> bool:
    """Does this look like one responsible party (not running text)?"""
    t = BY_AGREEMENT.sub("", text).strip(" ,;.\n")
    if not t:
        return False
    if fold(t) in glossary:
        return True
    if ABBR.match(t) or (re.match(r"^[«\"“][^»\"”]*[»\"”]", t) and ABBR.search(t)):
        return True
    words = [w.strip('«»"“”.,') for w in _words(fold(t))]
    words = [w for w in words if w]
    if not words:
        return False
    heads = [w for w in words[:2] if GROUP_WORD.match(w) and not OBLIQUE_RU.search(w)]
    if heads or (GROUP_WORD.match(words[-1]) and not OBLIQUE_RU.search(words[-1])):
        return len(words) <= 12
    return False


def party_like(text: str, glossary: frozenset[str] = frozenset()) -> bool:
    """Does a block of text read as a list of responsible parties?"""
    items = [i.flat for i in split_top(Piece(text, tuple(range(len(text)))))]
    items = [i for i in items if i]
    if not items:
        return False
    shaped = sum(party_shaped(i, glossary) for i in items)
    return shaped >= 1 and 2 * shaped >= len(items)


def starts_party(words: list[str], k: int, glossary: frozenset[str] = frozenset()) -> bool:
    """Does a party start at word k (a capitalised abbreviation or a group word, not governed by a preposition)?"""
    w = words[k].strip(",;")
    if k > 0 and PREPOSITION.match(words[k - 1]):
        return False
    if ABBR.match(w.lstrip('«"“')) or (w[:1] in '«"“' and ABBR.search(w)):
        return True
    return bool(GROUP_WORD.match(fold(w))) or fold(" ".join(words[k : k + 2])) in glossary


# --- Rows -----------------------------------------------------------------------------------


@dataclass
class Row:
    number: int | str
    cells: dict[str, list[Piece]] = field(default_factory=dict)
    pieces: list[Piece] = field(default_factory=list)  # everything the row was read from
    layout: tuple[str, ...] = ()  # the kind of each printed cell of its first line (spanned cells)
    stages: list[Row] = field(default_factory=list)  # sub-rows under its number with deadlines of their own

    def cell(self, kind: str, sep: str = " ") -> Piece:
        """The column's text; its pieces (lines of the cell, parts of a split row) joined by `sep`."""
        return Piece.join(self.cells.get(kind, []), sep)

    def add(self, kind: str, piece: Piece, front: bool = False) -> None:
        if not piece:
            return
        lst = self.cells.setdefault(kind, [])
        lst.insert(0, piece) if front else lst.append(piece)
        self.pieces.append(piece)

    @property
    def span(self) -> tuple[int, int]:
        spans = [p.span for p in self.pieces if p]
        return (min(s for s, _ in spans), max(e for _, e in spans)) if spans else (0, 0)


@dataclass(frozen=True)
class Heading:
    """A line of the table body that is not a row: a section heading or a target indicator."""

    kind: str  # "section" | "indicator"
    number: str | None  # as printed ("2", "II"); None for an unnumbered heading
    title: Piece
    span: tuple[int, int]
    excluded: bool = False  # a section printed with an exclusion note only


# A section number: Arabic, or Roman in Latin or Kazakh/Cyrillic letters ("II", "ІІІ", "IV").
SECTION_NUMBER = r"\d{1,2}|[IVXІ]{1,6}(?![\w])"
# "Направление 1. …", "Раздел II …", "1-бағыт. …", "2-бөлім", "I бөлім", "Блок 3"
_DIRECTION, _SECTION = UNITS["direction"], UNITS["section"]
_HEAD_WORD = rf"{_DIRECTION.forms('ru')}|{_DIRECTION.forms('kk')}|{_SECTION.forms('ru')}|{_SECTION.forms('kk')}|Блок"
DIRECTION_HEAD = re.compile(
    rf"^\s*(?:(?:{_HEAD_WORD})\s*(?P<n1>{SECTION_NUMBER})"
    rf"|(?P<n2>{SECTION_NUMBER})\s*-?\s*(?:{_DIRECTION.forms('kk')}|{_SECTION.forms('kk')}))\s*[.:]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
# "1. «ИТП» АЭА кластерлерін …", "II. ПРОФИЛАКТИЧЕСКИЕ МЕРОПРИЯТИЯ" — a numbered heading without cell separators.
NUMBERED_HEAD = re.compile(rf"^\s*(?P<n>{SECTION_NUMBER})\s*\.\s*(?P<title>\S.*)$")
# Any heading word with its number: "Цель 1. …", "Задача 2: …" (ru), "1-мақсат. …" (kk).
WORD_HEAD = re.compile(
    r"^\s*(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+\s+(?P<n1>\d{1,2}(?:\.\d{1,2})*)|(?P<n2>\d{1,2})\s*-\s*[а-яәғқңөұүһі]+)"
    r"\s*[.:]\s*(?P<title>\S.*)$"
)
# A full-width row that groups no tasks: a note, a footnote, a total.
NOT_A_HEADING = re.compile(rf"^\s*(?:\*|{NOTE_WORD}|{FOOTNOTE_WORD}|{TOTAL_WORD})", re.IGNORECASE)
# Roman numerals as Arabic numbers (Latin I/V/X or Kazakh І), for section IRIs and order.
_ROMAN = {"i": 1, "v": 5, "x": 10}


def section_ordinal(number: str) -> int | None:
    """ "II" -> 2, "ІV" -> 4, "3" -> 3; None when `number` is neither."""
    n = number.strip().rstrip(".").replace("І", "I").replace("і", "i").lower()
    if n.isdigit():
        return int(n)
    if not n or any(c not in _ROMAN for c in n):
        return None
    values = [_ROMAN[c] for c in n]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


# "Целевой индикатор 1", "Нысаналы индикатор 2", "Целевые индикаторы:"
INDICATOR_HEAD = re.compile(
    r"^\s*(?:Целев\w+\s+индикатор\w*|Нысаналы\s+индикатор\w*|Индикатор|Показатель\s+результата)\s*(?P<n>\d+)?\s*[.:]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
# A cell holding only a row number: "12", "12.".
NUMBER_CELL = re.compile(r"^(?P<n>\d{1,3}(?:\.\d{1,3})*)\.?$")


@lru_cache(maxsize=4096)
def deadline_like(text: str) -> bool:
    return is_deadline(text)
