"""What a document is: its language, kinds, act metadata and redaction, with evidence.

Pure: the text (normalized), what the catalog says and the corpus folder's
meta.yaml in; a `Described` out, with one `(what, value, evidence)` decision
per fact, which `kgraph add` prints. The order of authority, for each fact:
the catalog (it may override anything), then meta.yaml's requisite (the
portal's own line: «Закон Республики Казахстан от 1 июля 2024 года № 103-VIII
ЗРК», read by the same reader as the text), then the text itself
(`kgraph.sources.metadata`: heading, requisite line, approval stamp, signature
block).

The redaction (version date) is the catalog's, else the latest of meta.yaml's
version date and the dates of the amending acts the text's footnotes name (a
text cannot cite an amendment made after its redaction), else the text's
«по состоянию на …», else unknown.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from kgraph import kinds as kinds_mod
from kgraph.amendments import find_amendments
from kgraph.dates import parse_date
from kgraph.ingest.corpus import PortalMeta
from kgraph.lang import LETTERS, UNITS, detect_lang, repair_homoglyphs
from kgraph.records import DocumentMeta
from kgraph.sources import metadata

# «(с изменениями и дополнениями по состоянию на 19.05.2025 г.)»
AS_OF = re.compile(r"по\s+состоянию\s+на\s+(?P<date>\d{2}\.\d{2}\.\d{4}|\d{1,2}\s+\w+\s+\d{4})")
HEAD = 20000  # characters the language is told from

Decision = tuple[str, str, str]


@dataclass(frozen=True)
class Described:
    language: str
    kinds: tuple[str, ...]
    meta: DocumentMeta
    version_date: dt.date | None
    decisions: tuple[Decision, ...]


def describe(
    text: str,
    language: str | None = None,
    kinds: tuple[str, ...] = (),
    portal: PortalMeta | None = None,
    overrides: dict | None = None,
    title: str | None = None,
) -> Described:
    """`title`: the title the file's format marks (a Markdown `# ` heading), used when
    the text states none in a heading of its own."""
    overrides = overrides or {}
    decisions: list[Decision] = []
    if language:
        decisions.append(("language", language, "catalog"))
    else:
        language = detect_lang(text[:HEAD])
        decisions.append(("language", language, _language_evidence(language)))
    meta = metadata.extract(text, fallback_kind=kinds[0] if kinds else "other")
    if title and not meta.title:
        meta = dataclasses.replace(meta, title=title)
    decisions.extend(_meta_decisions(meta, "text"))
    if portal is not None:
        meta = _with_portal(meta, portal, language, decisions)
    for name in ("date", "number", "title"):
        value = overrides.get(name)
        if value is not None:
            meta = dataclasses.replace(meta, **{name: value})
            decisions.append((name, str(value), "catalog"))
    if kinds:
        decisions.append(("kinds", ", ".join(kinds), "catalog"))
    else:
        kinds, evidence = detect_kinds(text, meta)
        decisions.append(("kinds", ", ".join(kinds), evidence))
        if meta.kind == "other":
            kind, why = own_kind(text, meta)
            if kind != "other":
                meta = dataclasses.replace(meta, kind=kind)
                decisions.append(("kind", kind, why))
    for name in ("date", "number"):
        if not getattr(meta, name):
            decisions.append(
                (name, "none", "the text states none: the act is labelled undated; give it in the catalog")
            )
    version, evidence = version_date(text, overrides.get("version_date"), portal, language)
    decisions.append(("version", version.isoformat() if version else "unknown", evidence))
    return Described(language, tuple(kinds), meta, version, tuple(decisions))


def _language_evidence(language: str) -> str:
    return "Kazakh letters and function words" if language == "kk" else "no Kazakh function words or letters"


def _meta_decisions(meta: DocumentMeta, where: str) -> list[Decision]:
    out: list[Decision] = [("kind", meta.kind, where if meta.span != (0, 0) else "no heading found: default")]
    for name in ("title", "date", "number", "issuer"):
        value = getattr(meta, name)
        if value:
            out.append((name, str(value), where))
    return out


def _with_portal(meta: DocumentMeta, portal: PortalMeta, language: str, decisions: list[Decision]) -> DocumentMeta:
    """meta.yaml's requisite and title over what the text says."""
    if portal.requisite:
        req = metadata.requisite(portal.requisite)
        if req is not None:
            req_lang = detect_lang(portal.requisite)
            if req.issuer and req_lang != language:
                # the requisite names the issuer in its own language: the text's is the same
                # heading's issuer in the text's language, else the one the text states
                issuer = _issuer_in(req.kind, req.issuer, req_lang, language) or meta.issuer
                req = dataclasses.replace(req, issuer=issuer or req.issuer)
            meta = dataclasses.replace(
                meta,
                kind=req.kind,
                date=req.date or meta.date,
                number=req.number or meta.number,
                issuer=req.issuer or meta.issuer,
            )
            decisions.extend(d for d in _meta_decisions(req, "meta.yaml requisite") if d[0] != "title")
    if meta.kind == "other" and portal.form:
        kind = kinds_mod.by_form(portal.form)
        if kind:
            meta = dataclasses.replace(meta, kind=kind)
            decisions.append(("kind", kind, f"meta.yaml form {portal.form}"))
    title = portal.title.get(language)
    if title:
        meta = dataclasses.replace(meta, title=title)
        decisions.append(("title", title, "meta.yaml title"))
    return meta


def _issuer_in(kind: str, issuer: str, have: str, want: str) -> str | None:
    """The issuer a kind's heading implies in language `want`, for the one it implies in `have`
    («Правительство Республики Казахстан» -> «Қазақстан Республикасының Үкіметі»)."""
    k = kinds_mod.BY_NAME.get(kind)
    if k is None:
        return None
    theirs = [h.issuer for h in k.words(have).headings]
    ours = [h.issuer for h in k.words(want).headings]
    i = theirs.index(issuer) if issuer in theirs else -1
    return ours[i] if 0 <= i < len(ours) else None


# Article headings at the start of a line: «Статья 7-1.», «7-1-бап.»
ARTICLE_HEADING = re.compile(
    rf"(?m)^[ \t]*(?:{UNITS['article'].heading('ru')}\s+\d+(?:-\d+)*\.|\d+(?:-\d+)*-{UNITS['article'].heading('kk')}\.)"
)
# A text with no heading that names its kind but this many article headings is read as a law.
ARTICLES_FOR_A_LAW = 2
# The enacting formula comes after the heading and preamble.
ENACTING_CHARS = 10000
# A text calls itself «настоящий Закон», «настоящего постановления», «осы Заң», «осы қаулының».
SELF_REFERENCE = r"(?<![{letters}])(?:[Нн]астоящ\w*|[Оо]сы)\s+(?:{stem})"
SELF_REFERENCES = 2  # so many make the kind


def own_kind(text: str, meta: DocumentMeta) -> tuple[str, str]:
    """The kind of the text's own act and the evidence: the heading, requisite or stamp
    (`kgraph.sources.metadata`), else the enacting formula («Правительство Республики
    Казахстан ПОСТАНОВЛЯЕТ», «ПРИКАЗЫВАЮ», «ШЕШІМ ЕТТІ»), else what the text calls
    itself most («настоящий Закон», «осы қаулы»), else a law if it has articles."""
    if meta.kind != "other":
        return meta.kind, "stated"
    head = repair_homoglyphs(text[:ENACTING_CHARS])
    formulas = []
    for kind in kinds_mod.KINDS:
        for lang in ("ru", "kk"):
            words = kind.words(lang).enacts
            m = re.search(words, head) if words else None
            if m:
                formulas.append((m.start(), kind.name, m.group(0)))
    if formulas:
        _, name, words = min(formulas)
        return name, f"enacting formula «{collapse_ws(words)[-60:]}»"
    counts = []
    for kind in kinds_mod.KINDS:
        if kind.stem and (kind.extractor or kind.reader):
            n = len(re.findall(SELF_REFERENCE.format(letters=LETTERS, stem=kind.stem), text))
            if n >= SELF_REFERENCES:
                counts.append((-n, kinds_mod.KINDS.index(kind), kind.name))
    if counts:
        n, _, name = min(counts)
        return name, f"calls itself a {name} {-n} times («настоящий …», «осы …»)"
    articles = len(ARTICLE_HEADING.findall(text))
    if articles >= ARTICLES_FOR_A_LAW:
        return "law", f"no kind stated; {articles} article headings: read as a law"
    return "other", "no kind stated"


def detect_kinds(text: str, meta: DocumentMeta) -> tuple[tuple[str, ...], str]:
    """The extractors to run: the act's own kind's, then the annexes the text holds."""
    kind, why = own_kind(text, meta)
    own = kinds_mod.reader_of(kind)
    found = [own]
    evidence = [f"{kind} ({why}) read as {own}"]
    for annex in kinds_mod.annexes():
        if annex.extractor and annex.name not in found and annex.detect:
            m = re.search(annex.detect, text)
            if m:
                found.append(annex.name)
                shown = m["title"] if "title" in m.re.groupindex else m.group(0)
                evidence.append(f"{annex.name}: «{collapse_ws(shown)[:60]}»")
    return tuple(found), "; ".join(evidence)


def version_date(
    text: str, declared: dt.date | None, portal: PortalMeta | None, language: str
) -> tuple[dt.date | None, str]:
    """The text's redaction date and where it comes from (see the module docstring)."""
    if declared is not None and (portal is None or declared != portal.version_date.get(language)):
        return declared, "catalog"
    amended = [a.date for f in find_amendments(text) for a in f.acts if a.date and a.number]
    latest = max(amended, default=None)
    stated = portal.version_date.get(language) if portal else declared
    if stated and (latest is None or latest <= stated):
        return stated, "meta.yaml version_date"
    if latest:
        return latest, "latest amending act named in the footnotes" + (
            f" (after meta.yaml's {stated.isoformat()})" if stated else ""
        )
    m = AS_OF.search(text[:HEAD])
    if m:
        date = parse_date(m["date"])
        if date:
            return date, f"«{collapse_ws(m.group(0))}»"
    return None, "no footnote, version date or «по состоянию на»"


def collapse_ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


__all__ = ["Described", "describe", "detect_kinds", "own_kind", "version_date"]
