"""Acts, their expressions and redactions: where each document's parts live.

The model (CONTRIBUTING.md, "Acts, expressions and parts"):

* an act (the work, `eli:LegalResource`) is identified by kind + date + number
  (`kgraph.iri.act`); every catalogued text of it is an expression
  (`eli:LegalExpression`): one language at one redaction (version date);
* expressions of the same redaction (equal version dates) share the act's
  parts: one node per article, item or task, with text per language;
* the newest redaction owns the plain part IRIs (`<act>/art_5`); an older one
  keeps its parts under a version segment (`<act>/ver_2012-01-09/art_5`), so
  the parts of two redactions never collide. A text whose version date is
  unknown counts as older than any dated one (a text without amendment
  footnotes is usually the original publication), and two undated texts are
  two redactions unless the catalog gives them a version date.

`place(texts)` is pure: it takes what each document says about itself and
returns, per document, its act, its expression and the root its parts hang
from. The build and the RDF writers use it through `kgraph.rdf.Context`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from kgraph import iri
from kgraph.errors import KgraphError


@dataclass(frozen=True)
class Text:
    """One catalogued document as the model sees it."""

    id: str
    act: str  # the act IRI (kgraph.iri.act)
    language: str
    version: dt.date | None  # its redaction's date, if known


@dataclass(frozen=True)
class Placement:
    """Where a document's statements go."""

    act: str  # the work
    expression: str  # this text: eli:LegalExpression
    root: str  # the node its parts hang from: the act, or its older redaction
    version: str  # the redaction token (date or "undated-<lang>")
    newest: bool  # this redaction owns the plain part IRIs
    siblings: tuple[str, ...]  # ids of the documents of the same act and redaction (itself included)


class ModelError(KgraphError):
    pass


def place(texts: Iterable[Text]) -> dict[str, Placement]:
    """Each document's act, expression and parts root; see the module docstring."""
    by_act: dict[str, list[Text]] = {}
    for t in texts:
        by_act.setdefault(t.act, []).append(t)
    out: dict[str, Placement] = {}
    for act, group in by_act.items():
        redactions: dict[str, list[Text]] = {}
        for t in group:
            redactions.setdefault(iri.version_token(t.version, t.language), []).append(t)
        newest = _newest(redactions)
        for token, members in redactions.items():
            expressions: dict[str, str] = {}
            for t in members:
                expr = iri.expression(act, t.language, t.version)
                if expr in expressions.values():
                    other = next(k for k, v in expressions.items() if v == expr)
                    raise ModelError(
                        f"documents {other!r} and {t.id!r} are the same text of {act} "
                        f"({t.language}, {'version ' + t.version.isoformat() if t.version else 'undated'}); "
                        "give one of them another version_date in the catalog, or remove one"
                    )
                expressions[t.id] = expr
            root = act if token == newest else iri.version(act, token)
            ids = tuple(t.id for t in members)
            for t in members:
                out[t.id] = Placement(act, expressions[t.id], root, token, token == newest, ids)
    return out


def _newest(redactions: dict[str, list[Text]]) -> str:
    """The redaction that owns the plain IRIs: the latest dated one, else the first listed."""
    dated = [(members[0].version, token) for token, members in redactions.items() if members[0].version]
    if dated:
        return max(dated)[1]
    return next(iter(redactions))


__all__ = ["ModelError", "Placement", "Text", "place"]
