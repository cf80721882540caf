"""DOCX and PDF files made by the tests from text (no binary is committed).

`docx_bytes(blocks)`: paragraphs (str) and tables (lists of rows of cells; a cell
`MERGED` joins the cell to its left) through python-docx.
`pdf_bytes(pages)`: each page a list of items drawn top-down through reportlab:
a line of text (str), a letter-spaced line (`Spaced(text)`) or a ruled table
(`Grid(rows)`). The font is made by fontTools with a box glyph for every
character used: PDF text extraction reads the font's character map, not the
glyphs' shapes, and no system font is needed.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

MERGED = object()  # a table cell merged with the one to its left


@dataclass(frozen=True)
class Spaced:
    """A line set with wide letter spacing, as headings of the portal's PDFs are."""

    text: str
    char_space: float = 4.0


@dataclass(frozen=True)
class Grid:
    """A table ruled with lines, one list of cell texts per row."""

    rows: list[list[str]]


def docx_bytes(blocks: list) -> bytes:
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        width = max(len(r) for r in block)
        table = document.add_table(rows=len(block), cols=width)
        for r, row in enumerate(block):
            for c, text in enumerate(row):
                if text is MERGED:
                    table.cell(r, c - 1).merge(table.cell(r, c))
                    continue
                cell = table.cell(r, c)
                paragraphs = text.split("\n")
                cell.text = paragraphs[0]
                for more in paragraphs[1:]:
                    cell.add_paragraph(more)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


FONT = "KgraphTest"


def _font(chars: str, name: str) -> bytes:
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    chars = sorted(set(chars) - {" ", "\n"})
    names = [".notdef", "space"] + [f"uni{ord(c):04X}" for c in chars]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({32: "space", **{ord(c): f"uni{ord(c):04X}" for c in chars}})
    pen = TTGlyphPen(None)
    pen.moveTo((50, 0))
    pen.lineTo((50, 700))
    pen.lineTo((450, 700))
    pen.lineTo((450, 0))
    pen.closePath()
    box = pen.glyph()
    fb.setupGlyf({n: (TTGlyphPen(None).glyph() if n == "space" else box) for n in names})
    fb.setupHorizontalMetrics({n: (250 if n == "space" else 500, 50) for n in names})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": name, "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=800, usWinAscent=800, usWinDescent=200)
    fb.setupPost()
    buf = io.BytesIO()
    fb.save(buf)
    return buf.getvalue()


def _all_text(pages: list[list]) -> str:
    out = []
    for page in pages:
        for item in page:
            if isinstance(item, Grid):
                out.extend(c for row in item.rows for c in row)
            else:
                out.append(item if isinstance(item, str) else item.text)
    return "".join(out)


def pdf_bytes(pages: list[list], size: float = 9) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph, Table, TableStyle

    chars = "".join(sorted(set(_all_text(pages) + "0123456789")))
    # reportlab keeps fonts (and their faces, by family name) for the process: a font per
    # character set, named by it
    font = f"{FONT}{hashlib.sha1(chars.encode()).hexdigest()[:10]}"
    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(font, io.BytesIO(_font(chars, font))))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    width, height = 595, 842
    style = ParagraphStyle("cell", fontName=font, fontSize=size, leading=size * 1.3)
    for page in pages:
        y = height - 60
        for item in page:
            if isinstance(item, Grid):
                data = [[Paragraph(cell, style) for cell in row] for row in item.rows]
                n = max(len(r) for r in item.rows)
                table = Table(data, colWidths=[(width - 80) / n] * n)
                table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
                _, h = table.wrapOn(c, width - 80, y)
                table.drawOn(c, 40, y - h)
                y -= h + 20
                continue
            text = c.beginText(40, y)
            text.setFont(font, size)
            text.setCharSpace(item.char_space if isinstance(item, Spaced) else 0)
            text.textLine(item.text if isinstance(item, Spaced) else item)
            text.setCharSpace(0)  # the text state outlives the text object: later text is set plainly
            c.drawText(text)
            y -= size * 2
        c.showPage()
    c.save()
    return buf.getvalue()


__all__ = ["MERGED", "Grid", "Spaced", "docx_bytes", "pdf_bytes"]
