"""Plain text, HTML, DOCX and PDF -> the plain text the readers take.

Each format goes through a well-kept library and comes out in the layout the
portal's own text has, which the readers already know:

* plain text: UTF-8 as is; a file in another encoding (cp1251, UTF-16 …) is
  recognised by charset-normalizer and converted, or refused;
* HTML as saved from the portal page (lxml): scripts, styles, navigation,
  headers, footers and other page furniture (menus, breadcrumbs, tabs,
  sharing buttons: told by tag, class, id or role) go; when one element holds
  most of the page's text (the act's container), the page is that element,
  with the page's title (`h1`) and a requisite line («… от 1 июля 2024 года
  № 103-VIII ЗРК») found outside it put first; block elements become lines;
  tables become one line per row with cells separated as
  `kgraph.sources.plan_table` reads them (`TABLE_CELL`);
* DOCX (python-docx): paragraphs and tables in document order, tables as for HTML;
* PDF (pdfplumber): the text of each page; the normalizer (`kgraph.text`) then
  repairs letter-spacing and line wraps as for the founding PDF extractions;
* the mirrors' Markdown: `kgraph.ingest.markdown`.

A table row whose cells hold several lines is written as its first line (all
cells) followed by continuation lines holding the next line of each cell
(`kgraph.ingest.markdown.table_lines`), as rows split over lines in the
portal's text are.

Each converter returns the text and, for each of its lines, where in the file
it comes from (`Lines`): the HTML source line, the DOCX paragraph (body block)
and the PDF page, so that an error found in the text names the place in the
file. Every function here is pure.
"""

from __future__ import annotations

import io
import re

import lxml.html
from charset_normalizer import from_bytes

from kgraph.ingest.markdown import table_rows

# Elements whose content is not the act's text.
SKIPPED_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "form", "button", "select", "template")
# Page furniture by class or id (a whole token, or one with a prefix or suffix: "main-menu",
# "nav-tabs", "site-footer"): menus, breadcrumbs, tabs, sharing and print buttons, status labels …
FURNITURE = re.compile(
    r"^(?:\w+[-_])?(?:nav|navbar|navigation|menu|breadcrumbs?|tabs?|footer|sidebar|share|social|cookies?|"
    r"search|login|modal|toolbar|pagination|print|lang|language|status|banner|advert|ads)(?:[-_]\w+)?$|^header$",
    re.IGNORECASE,
)
FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar", "tablist", "toolbar"})
# Elements that start a line of their own.
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "section",
        "article",
        "aside",
        "main",
        "tr",
        "hr",
        "center",
    ]
)
# The act's container holds at least this share of the page's text.
MAIN_SHARE = 0.6
# A line outside the act's container that is kept: the act's requisite («… № 103-VIII …, 2024 года»).
REQUISITE_HINT = re.compile(r"№\s*\S+.*\d{4}|\d{4}.*№\s*\S+")

_CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
# A text that decodes as UTF-8 but for this share of its characters is UTF-8 with damage.
DAMAGED_UTF8 = 0.01

# Where each line of a converted text comes from: a number per line (source line, paragraph or page).
Lines = tuple[int, ...]
_Line = list  # [text, origin]: mutable while inline text is appended


class FormatError(ValueError):
    """A file that is not what its format promises; the message says what was expected."""


# --- plain text ---------------------------------------------------------------------


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a plain-text file and the encoding it was read in.

    UTF-8 (with or without BOM) is read as is; otherwise charset-normalizer
    names the encoding (cp1251, UTF-16 with a BOM, …). Binary data, or text no
    encoding explains, is a FormatError naming the line of the first bad byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise FormatError(f"not UTF-16 text after its byte-order mark (byte {exc.start})") from None
    if b"\x00" in data[:8192]:
        raise FormatError("binary file, expected text (UTF-8, cp1251 or UTF-16)")
    try:
        return data.decode("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    line = data.count(b"\n", 0, utf8_error.start) + 1
    lenient = data.decode("utf-8", errors="replace")
    if _CYRILLIC.search(lenient) and lenient.count("\ufffd") <= DAMAGED_UTF8 * len(lenient):
        # UTF-8 with a few bad bytes: another encoding would only read it as mojibake
        raise FormatError(
            f"line {line}: bytes that are not UTF-8 (byte {utf8_error.start}) in a UTF-8 text; "
            "expected the whole file in one encoding (UTF-8, cp1251 or UTF-16)"
        )
    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        raise FormatError(
            f"line {line}: not UTF-8 text (byte {utf8_error.start}) and no other encoding fits; "
            "expected text in UTF-8, cp1251 or UTF-16"
        )
    text = str(best)
    if not _CYRILLIC.search(text):
        raise FormatError(
            f"line {line}: not UTF-8 text; read as {best.encoding}, it has no Cyrillic letter: "
            "expected a Kazakh or Russian act"
        )
    return text, best.encoding


# --- HTML -----------------------------------------------------------------------------


def html_to_text(markup: str) -> tuple[str, Lines]:
    """The text of an HTML page (see the module docstring) and the source line of each line."""
    try:
        root = lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise FormatError(f"not an HTML page ({exc})") from None
    for el in list(root.iter()):
        if isinstance(el.tag, str) and el.getparent() is not None and _furniture(el):
            el.drop_tree()
    body = root.find("body")
    body = body if body is not None else root
    main = _main(body)
    lines: list[_Line] = []
    for el in _before(body, main):
        if _keep_outside(el):
            _walk(el, lines, tail=False)
            lines.append(["", el.sourceline])
    _walk(main, lines, tail=False)
    return _finish(lines)


def _furniture(el) -> bool:
    tag = el.tag.lower()
    if tag in SKIPPED_TAGS:
        return True
    names = f"{el.get('class') or ''} {el.get('id') or ''}".split()
    return any(FURNITURE.match(n) for n in names) or (el.get("role") or "").lower() in FURNITURE_ROLES


def _text_length(el) -> int:
    return len(re.sub(r"\s+", "", el.text_content()))


def _main(body):
    """The element that holds most of the page's text: descend while one child holds `MAIN_SHARE` of it."""
    el = body
    while True:
        total = _text_length(el)
        if not total:
            return el
        best = max((c for c in el if isinstance(c.tag, str)), key=_text_length, default=None)
        if best is None or _text_length(best) < MAIN_SHARE * total or best.tag.lower() in ("table", "tr", "p"):
            return el
        el = best


def _before(body, main) -> list:
    """Leaf blocks (h1, h2, p, div) that come before the act's container in the page, outside it."""
    if main is body:
        return []
    out = []
    for el in body.iter():
        if el is main:
            break
        if (
            isinstance(el.tag, str)
            and el.tag.lower() in ("h1", "h2", "p", "div")
            and not any(d is main for d in el.iter())
        ):
            out.append(el)
    return out


def _keep_outside(el) -> bool:
    """Outside the act's container only the page title and a requisite line are kept."""
    if any(isinstance(c.tag, str) and c.tag.lower() in BLOCK_TAGS for c in el):
        return False  # only leaf blocks
    text = " ".join(el.text_content().split())
    return bool(text) and (el.tag.lower() == "h1" or bool(REQUISITE_HINT.search(text)))


def _walk(el, lines: list[_Line], tail: bool = True) -> None:
    """Append the text of `el` to `lines`: inline text joins the current line."""
    if not isinstance(el.tag, str):  # comments, processing instructions
        if tail:
            _inline(lines, el.tail, el)
        return
    tag = el.tag.lower()
    if tag == "table":
        lines.append(["", el.sourceline])
        trs, grid = _html_grid(el)
        for tr, row in zip(trs, table_rows(grid)):
            lines.extend([line, tr.sourceline] for line in row)
        lines.append(["", el.sourceline])
        if tail:
            _inline(lines, el.tail, el)
        return
    if tag == "br":  # a line break: the next text starts a line
        lines.append(["", el.sourceline])
        if tail:
            _inline(lines, el.tail, el)
        return
    block = tag in BLOCK_TAGS
    if block:
        lines.append(["", el.sourceline])
    _inline(lines, el.text, el)
    for child in el:
        _walk(child, lines)
    if block:
        lines.append(["", el.sourceline])
    if tail:
        _inline(lines, el.tail, el)


def _inline(lines: list[_Line], text: str | None, el=None) -> None:
    if not text:
        return
    text = re.sub(r"[ \t\r\n\u00a0]+", " ", text)
    if not lines:
        lines.append(["", getattr(el, "sourceline", None)])
    lines[-1][0] += text
    if lines[-1][1] is None and el is not None:
        lines[-1][1] = el.sourceline


def _html_grid(table) -> tuple[list, list[list[list[str]]]]:
    """The rows (tr elements) and their cells (each a list of lines), row and column spans expanded."""
    rows, trs = [], []
    for tr in table.iter("tr"):
        if _enclosing_table(tr) is not table:
            continue
        cells = []
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
                continue
            cells.append((_cell_text_lines(cell), _int(cell.get("colspan")), _int(cell.get("rowspan"))))
        rows.append(cells)
        trs.append(tr)
    return trs, _expand(rows)


def _enclosing_table(el):
    parent = el.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _cell_text_lines(cell) -> list[str]:
    lines: list[str] = []
    for child in cell:
        if isinstance(child.tag, str) and child.tag.lower() == "table":  # a nested table: its text, row by row
            child.drop_tree()
    _walk_cell(cell, lines)
    out = [ln.strip() for ln in "\n".join(lines).split("\n")]
    return [ln for ln in out if ln] or [""]


def _walk_cell(el, lines: list[str]) -> None:
    _inline_cell(lines, el.text)
    for child in el:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag in BLOCK_TAGS or tag == "br":
            lines.append("")
        if tag:
            _walk_cell(child, lines)
        if tag in BLOCK_TAGS:
            lines.append("")
        _inline_cell(lines, child.tail)


def _inline_cell(lines: list[str], text: str | None) -> None:
    if not text:
        return
    text = re.sub(r"[ \t\r\n\u00a0]+", " ", text)
    if not lines:
        lines.append("")
    lines[-1] += text


def _int(value) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def _expand(rows: list[list[tuple[list[str], int, int]]]) -> list[list[list[str]]]:
    """A grid from rows of (lines, colspan, rowspan): spanned cells repeated."""
    grid: list[list[list[str]]] = []
    pending: dict[int, tuple[list[str], int]] = {}  # column -> (lines, rows left)
    for cells in rows:
        row: list[list[str]] = []
        col = 0
        queue = list(cells)
        while queue or col in pending:
            if col in pending:
                lines, left = pending.pop(col)
                row.append(lines)
                if left > 1:
                    pending[col] = (lines, left - 1)
                col += 1
                continue
            lines, span, down = queue.pop(0)
            for _ in range(span):
                row.append(lines)
                if down > 1:
                    pending[col] = (lines, down - 1)
                col += 1
        grid.append(row)
    return grid


def _finish(lines: list[_Line]) -> tuple[str, Lines]:
    """One text from lines: each stripped (an indented line, or a table row starting with an
    empty cell, keeps its start), never two
    blank lines in a row, none at either end; the origin of each line kept."""
    flat: list[tuple[str, int]] = []
    last = 1
    for text, origin in lines:
        origin = origin or last
        last = origin
        for ln in text.split("\n"):
            # a table's continuation line starts with a tab (its empty first cell): kept
            flat.append((ln.rstrip() if ln.startswith((" ", "\t")) else ln.strip(), origin))
    out: list[tuple[str, int]] = []
    for text, origin in flat:
        if not text and (not out or not out[-1][0]):
            continue
        out.append((text, origin))
    while out and not out[-1][0]:
        out.pop()
    return "\n".join(t for t, _ in out) + "\n", tuple(n for _, n in out)


# --- DOCX -----------------------------------------------------------------------------


def extract_docx(data: bytes) -> tuple[str, Lines]:
    """Paragraphs and tables of a DOCX file, in document order; each line's origin is its
    paragraph (body block) number."""
    import docx  # heavy (python-docx, lxml schemas): only DOCX input needs it
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 -- zip, XML or package errors alike: the file is no DOCX
        raise FormatError(f"not a DOCX file ({type(exc).__name__}: {exc})") from None
    lines: list[_Line] = []
    for n, block in enumerate(document.iter_inner_content(), 1):
        if isinstance(block, Paragraph):
            lines.append([block.text, n])
            lines.append(["", n])
        elif isinstance(block, Table):
            lines.append(["", n])
            lines.extend([line, n] for row in table_rows(_docx_grid(block)) for line in row)
            lines.append(["", n])
    return _finish(lines)


def _docx_grid(table) -> list[list[list[str]]]:
    """Rows of cells, each a list of lines; python-docx repeats a merged cell in every column
    and row it spans (the same XML element): it is the same list there, as `table_rows` expects."""
    seen: dict[int, tuple[object, list[str]]] = {}  # id of the cell element -> (element kept alive, lines)
    grid = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            key = id(cell._tc)
            if key not in seen:
                text_lines = [ln.strip() for p in cell.paragraphs for ln in p.text.split("\n")]
                seen[key] = (cell._tc, [ln for ln in text_lines if ln] or [""])
            cells.append(seen[key][1])
        grid.append(cells)
    return grid


# --- PDF -------------------------------------------------------------------------------


def extract_pdf(data: bytes) -> tuple[str, Lines]:
    """The text of every page of a PDF (the normalizer repairs it later); each line's
    origin is its page. A table ruled with lines (as Word prints them) keeps its cells:
    one line per row, as for HTML; the text around it comes before and after it."""
    import pdfplumber  # heavy (pdfminer): only PDF input needs it

    lines: list[tuple[str, int]] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for n, page in enumerate(pdf.pages, 1):
                lines.extend((line, n) for line in _pdf_page_lines(page))
    except Exception as exc:  # noqa: BLE001 -- pdfminer raises many kinds: the file is no readable PDF
        raise FormatError(
            f"not a readable PDF ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})"
        ) from None
    if not "".join(t for t, _ in lines).strip():
        raise FormatError("the PDF has no text layer (a scan?): OCR it first, or copy the text from the portal")
    while lines and not lines[-1][0].strip():
        lines.pop()
    return "\n".join(t for t, _ in lines) + "\n", tuple(n for _, n in lines)


def _pdf_page_lines(page) -> list[str]:
    """A page's lines: its text, with each ruled table in its place as rows of cells."""
    tables = sorted((t for t in page.find_tables() if len(t.rows) > 1), key=lambda t: t.bbox[1])
    if not tables:
        return (page.extract_text() or "").split("\n")
    out: list[str] = []
    top = page.bbox[1]
    for table in tables:
        _, t_top, _, t_bottom = table.bbox
        if t_top > top:
            out.extend(_band(page, top, t_top))
        out.extend(["", *[line for row in table_rows(_pdf_grid(table.extract())) for line in row], ""])
        top = max(top, t_bottom)
    if top < page.bbox[3]:
        out.extend(_band(page, top, page.bbox[3]))
    return out


def _band(page, top: float, bottom: float) -> list[str]:
    band = page.crop((page.bbox[0], top, page.bbox[2], bottom), strict=False)
    text = band.extract_text() or ""
    return text.split("\n") if text.strip() else []


def _pdf_grid(rows: list[list[str | None]]) -> list[list[list[str]]]:
    """Rows of cells from pdfplumber, each one line (the lines of a cell in a PDF are where
    the text wrapped, not breaks); a cell a merge covers (None) is the cell to its left in
    the row, or above it in the first column."""
    grid: list[list[list[str]]] = []
    for r, row in enumerate(rows):
        cells: list[list[str]] = []
        for c, text in enumerate(row):
            if text is None:
                cell = cells[-1] if cells else grid[r - 1][c] if r and c < len(grid[r - 1]) else [""]
            else:
                cell = [" ".join(text.split())]
            cells.append(cell)
        grid.append(cells)
    return grid


__all__ = ["FormatError", "Lines", "decode_text", "extract_docx", "extract_pdf", "html_to_text"]
