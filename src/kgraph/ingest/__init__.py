"""Reading acts as users get them: each format converted to the plain text the readers take.

`read(path, fmt)` -> `Source`: the text (which becomes the document's source
text: provenance offsets count in it, and the build keeps a copy that
`/source/{doc}` shows), the format, the original file's name and SHA-256.
Formats (`FORMATS`, told by the file's extension unless the catalog names one):
plain text (`txt`), the portal mirrors' Markdown (`md`), HTML saved from the
portal page (`html`), `docx` and `pdf`; see `kgraph.ingest.formats` and
`kgraph.ingest.markdown`. The public corpus layout (a folder with rus.md,
kaz.md and meta.yaml) is read by `kgraph.ingest.corpus`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from kgraph.errors import InputError
from kgraph.ingest import formats, markdown

# format -> (media type, file extensions)
FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "txt": ("text/plain", (".txt", ".text")),
    "md": ("text/markdown", (".md", ".markdown")),
    "html": ("text/html", (".html", ".htm", ".xhtml")),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",)),
    "pdf": ("application/pdf", (".pdf",)),
}


# What a format's line map counts (`Source.locate`).
UNITS = {"docx": "paragraph", "pdf": "page"}


@dataclass(frozen=True)
class Source:
    """A document's text as the readers take it, and what it was made from."""

    text: str
    format: str  # a key of FORMATS
    media_type: str
    name: str  # the original file's name
    sha256: str  # of the original file's bytes
    encoding: str | None = None  # of a plain-text file
    lines: tuple[int, ...] = ()  # per line of `text`: its line (page, paragraph) in the file; () = the same line
    title: str | None = None  # the title the format marks as such (a Markdown `# ` heading)

    def locate(self, offset: int) -> str:
        """Where in the original file the text's character at `offset` comes from:
        "line 12" (txt, md, html), "paragraph 7" (docx) or "page 3" (pdf)."""
        line = self.text.count("\n", 0, max(0, min(offset, len(self.text))))
        if self.lines:
            return f"{UNITS.get(self.format, 'line')} {self.lines[min(line, len(self.lines) - 1)]}"
        return f"line {line + 1}"


def format_of(path: Path) -> str:
    """The format a file's extension names; plain text when it names none."""
    suffix = path.suffix.lower()
    for name, (_, suffixes) in FORMATS.items():
        if suffix in suffixes:
            return name
    return "txt"


def read(path: Path, fmt: str | None = None) -> Source:
    """Read and convert one file; any problem is an InputError naming it."""
    fmt = fmt or format_of(path)
    if fmt not in FORMATS:
        raise InputError(path, f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except OSError as exc:
        raise InputError(path, f"cannot read file: {exc.strerror}") from None
    return convert(data, fmt, path)


def convert(data: bytes, fmt: str, path: Path) -> Source:
    """The text of a file's bytes in a known format."""
    encoding = None
    lines: tuple[int, ...] = ()
    title = None
    try:
        if fmt == "docx":
            text, lines = formats.extract_docx(data)
        elif fmt == "pdf":
            text, lines = formats.extract_pdf(data)
        else:
            text, encoding = formats.decode_text(data)
            if fmt == "md":
                converted = markdown.convert(text)
                text, lines, title = converted.text, converted.lines, converted.title
            elif fmt == "html":
                text, lines = formats.html_to_text(text)
    except formats.FormatError as exc:
        raise InputError(path, f"{exc} (read as {fmt})") from None
    if not text.strip():
        raise InputError(path, f"no text in the file (read as {fmt})")
    digest = hashlib.sha256(data).hexdigest()
    return Source(text, fmt, FORMATS[fmt][0], path.name, digest, encoding, lines, title)


__all__ = ["FORMATS", "Source", "convert", "format_of", "read"]
