"""Plain text, HTML, DOCX and PDF -> the plain text the readers take.

Each format goes through a well-kept library and comes out in the layout the
portal's own text has, which the readers already know:

* plain text: UTF-8 as is; a file in another encoding (cp1251, UTF-16 …) is
  recognised by charset-normalizer and converted, or refused;
* HTML as saved from the portal page (lxml): block elements become lines,
  scripts, styles and navigation go, tables become one line per row with
  cells separated as `kgraph.sources.plan_table` reads them (`TABLE_CELL`);
* DOCX (python-docx): paragraphs and tables in document order, tables as for HTML;
* PDF (pdfplumber): the text of each page; the normalizer (`kgraph.text`) then
  repairs letter-spacing and line wraps as for the founding PDF extractions;
* the mirrors' Markdown: `kgraph.ingest.markdown`.

A table row whose cells hold several lines is written as its first line (all
cells) followed by continuation lines holding the next line of each cell
(`kgraph.ingest.markdown.table_lines`), as rows split over lines in the
portal's text are. Every function here is pure except `extract_*`, which take
the file's bytes.
"""

from __future__ import annotations

import io
import re

import lxml.html
from charset_normalizer import from_bytes

from kgraph.ingest.markdown import table_lines

# Elements whose content is not the act's text.
SKIPPED_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "form", "button", "select", "template")
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
        "br",
        "hr",
        "center",
    ]
)
BLANK_RUNS = re.compile(r"\n{3,}")


class FormatError(ValueError):
    """A file that is not what its format promises; the message says what was expected."""


# --- plain text ---------------------------------------------------------------------


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a plain-text file and the encoding it was read in.

    UTF-8 (with or without BOM) is read as is; otherwise charset-normalizer
    names the encoding (cp1251, UTF-16 with a BOM, …). Binary data, or text no
    encoding explains, is a FormatError."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:8192]:
        raise FormatError("binary file, expected text (UTF-8, cp1251 or UTF-16)")
    try:
        return data.decode("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        raise FormatError(f"not UTF-8 text (byte {utf8_error.start}) and no other encoding fits")
    text = str(best)
    if not re.search(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]", text):
        raise FormatError(f"read as {best.encoding}, the text has no Cyrillic letter: not a Kazakh or Russian act")
    return text, best.encoding


# --- HTML -----------------------------------------------------------------------------


def html_to_text(markup: str) -> str:
    """The text of an HTML page: one line per block, tables one line per row."""
    try:
        root = lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise FormatError(f"not an HTML page ({exc})") from None
    for tag in SKIPPED_TAGS:
        for el in root.iter(tag):
            el.drop_tree()
    body = root.find("body")
    lines: list[str] = []
    _walk(body if body is not None else root, lines)
    return _finish(lines)


def _walk(el, lines: list[str]) -> None:
    """Append the text of `el` to `lines`: inline text joins the current line."""
    if not isinstance(el.tag, str):  # comments, processing instructions
        _inline(lines, el.tail)
        return
    tag = el.tag.lower()
    if tag == "table":
        lines.append("")
        lines.extend(table_lines(_html_grid(el)))
        lines.append("")
        _inline(lines, el.tail)
        return
    block = tag in BLOCK_TAGS
    if block:
        lines.append("")
    _inline(lines, el.text)
    for child in el:
        _walk(child, lines)
    if block:
        lines.append("")
    _inline(lines, el.tail)


def _inline(lines: list[str], text: str | None) -> None:
    if not text:
        return
    text = re.sub(r"[ \t\r\n\u00a0]+", " ", text)
    if not lines:
        lines.append("")
    lines[-1] += text


def _html_grid(table) -> list[list[list[str]]]:
    """Rows of cells (each a list of lines) with row and column spans expanded."""
    rows = []
    for tr in table.iter("tr"):
        if _enclosing_table(tr) is not table:
            continue
        cells = []
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
                continue
            cells.append((_cell_text_lines(cell), _int(cell.get("colspan")), _int(cell.get("rowspan"))))
        rows.append(cells)
    return _expand(rows)


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
    _inline(lines, el.text)
    for child in el:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag in BLOCK_TAGS:
            lines.append("")
        if tag:
            _walk_cell(child, lines)
        if tag in BLOCK_TAGS:
            lines.append("")
        _inline(lines, child.tail)


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


def _finish(lines: list[str]) -> str:
    text = "\n".join(ln.strip() if not ln.startswith(" ") else ln.rstrip() for ln in lines)
    return BLANK_RUNS.sub("\n\n", text).strip("\n") + "\n"


# --- DOCX -----------------------------------------------------------------------------


def extract_docx(data: bytes) -> str:
    """Paragraphs and tables of a DOCX file, in document order."""
    import docx  # heavy (python-docx, lxml schemas): only DOCX input needs it
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise FormatError(f"not a DOCX file ({exc})") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
            lines.append("")
        elif isinstance(block, Table):
            lines.append("")
            lines.extend(table_lines(_docx_grid(block)))
            lines.append("")
    return _finish(lines)


def _docx_grid(table) -> list[list[list[str]]]:
    grid = []
    for row in table.rows:
        cells = []
        for cell in row.cells:  # python-docx repeats a merged cell in every column it spans
            text_lines = [ln.strip() for p in cell.paragraphs for ln in p.text.split("\n")]
            cells.append([ln for ln in text_lines if ln] or [""])
        grid.append(cells)
    return grid


# --- PDF -------------------------------------------------------------------------------


def extract_pdf(data: bytes) -> str:
    """The text of every page of a PDF (the normalizer repairs it later)."""
    import pdfplumber  # heavy (pdfminer): only PDF input needs it
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise FormatError(f"not a readable PDF ({type(exc).__name__}: {exc})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise FormatError("the PDF has no text layer (a scan?): OCR it first, or copy the text from the portal")
    return text.rstrip("\n") + "\n"


__all__ = ["FormatError", "decode_text", "extract_docx", "extract_pdf", "html_to_text"]
