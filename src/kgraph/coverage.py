"""What was read of each document: the coverage report.

`document(doc, records, stats)` is computed in the build from the extractors'
records (not from the graph) and stored in the build report. `page(report)`
is what is shown of it, the same everywhere: `kgraph build` and `kgraph stats`
print it as a table, the explorer shows it on the home page and at `/coverage`
(JSON twin: `/coverage.json`), with the documents that failed and the
alignment of the texts of one redaction (`kgraph.rdf.alignment`).

Per document: kind, language, title, date, number, version date; counts of
chapters, articles, items, competences, tasks, parties, unresolved mentions;
the share of the text outside any recognised structure; and warnings when a
document looks under-read:

* a law (or code) with no competences; a law with no articles;
* a plan with at most one task; a plan whose tasks never name a party, a
  deadline or a completion form (a table column that never parsed);
* more than `OUTSIDE_LIMIT` of the text outside every record's span.

"Outside" is measured honestly from the records' spans: the characters of the
normalized text, whitespace not counted, that no record's span covers.
Records that stand for the document as a whole (a plan's or concept's info
record spanning its annex) are left out of that measure, so that a title
cannot cover a body the readers did not understand.
"""

from __future__ import annotations

from collections import Counter

OUTSIDE_LIMIT = 0.05
# Records that describe a whole document or annex rather than a piece of its text.
WHOLE = frozenset({"PlanInfo", "ConceptInfo"})
COUNTED = {
    "chapters": ("Chapter",),
    "articles": ("Article",),
    "items": ("Item", "Paragraph"),
    "competences": ("Competence",),
    "tasks": ("Task",),
    "clauses": ("Clause",),
}


def document(doc, records: dict, stats: dict) -> dict:
    """The coverage of one document (see the module docstring)."""
    flat = [r for recs in records.values() for r in recs]
    names = Counter(type(r).__name__ for r in flat)
    meta = doc.meta
    counts = {key: sum(names[n] for n in kinds) for key, kinds in COUNTED.items()}
    counts["parties"] = sum(len(getattr(r, "parties", ()) or ()) for r in flat if type(r).__name__ == "Task")
    counts["unresolved"] = stats.get("unresolved", 0)
    outside = outside_share(doc.norm.text, [r.span for r in flat if type(r).__name__ not in WHOLE and _span(r)])
    return {
        "kind": meta.kind,
        "language": doc.entry.language,
        "title": meta.title,
        "date": meta.date.isoformat() if meta.date else None,
        "number": meta.number,
        "version_date": doc.version_date.isoformat() if doc.version_date else None,
        **counts,
        "outside": round(outside, 4),
        "warnings": warnings(meta, doc.entry.kinds, counts, flat, outside),
    }


def _span(record) -> bool:
    span = getattr(record, "span", None)
    return isinstance(span, tuple) and len(span) == 2 and span[1] > span[0]


def outside_share(text: str, spans: list[tuple[int, int]]) -> float:
    """The share of the text's non-space characters that no span covers."""
    covered = bytearray(len(text))
    for start, end in spans:
        covered[max(0, start) : max(0, min(end, len(text)))] = b"\x01" * (max(0, min(end, len(text))) - max(0, start))
    total = outside = 0
    for ch, c in zip(text, covered):
        if ch.isspace():
            continue
        total += 1
        outside += not c
    return outside / total if total else 0.0


def warnings(meta, kinds: tuple[str, ...], counts: dict, records: list, outside: float) -> list[str]:
    out: list[str] = []
    if not meta.date or not meta.number:
        missing = " and ".join(n for n, v in (("date", meta.date), ("number", meta.number)) if not v)
        out.append(f"no {missing} found: give them in the catalog if the text lacks them")
    if "law" in kinds:
        if not counts["articles"]:
            out.append("a law with no articles")
        elif not counts["competences"]:
            out.append("a law with no competences")
    if "plan" in kinds:
        tasks = [r for r in records if type(r).__name__ == "Task"]
        if len(tasks) <= 1:
            out.append(f"a plan with {len(tasks)} task(s)")
        else:
            for column, field in (
                ("responsible parties", "parties"),
                ("deadline", "deadline_text"),
                ("completion form", "completion_form"),
            ):
                if not any(getattr(t, field, None) for t in tasks):
                    out.append(f"the {column} column never parsed ({len(tasks)} tasks)")
    if outside > OUTSIDE_LIMIT:
        out.append(f"{outside:.0%} of the text is outside any recognised structure")
    return out


# The counts of a document, in the order tables show them.
COUNTS = ("chapters", "articles", "items", "competences", "clauses", "tasks", "parties", "unresolved")


def page(report: dict) -> dict:
    """The coverage of a build (its report, as `kgraph.build.BuildReport.to_json` writes it):
    one row per document read, the failed documents, the alignment of shared redactions,
    and totals."""
    rows = []
    for d in report.get("documents", []):
        c = d.get("coverage") or {}
        if not c:
            continue
        rows.append(
            {
                "id": d["id"],
                "file": d.get("file"),
                "format": d.get("format"),
                "act": d.get("act"),
                **{k: c.get(k) for k in ("kind", "language", "title", "date", "number", "version_date")},
                **{k: c.get(k, 0) for k in COUNTS},
                "outside": c.get("outside", 0.0),
                "warnings": list(c.get("warnings", [])),
            }
        )
    failed = [{"id": f["id"], "file": f.get("file"), "error": f["error"]} for f in report.get("failed", [])]
    alignment = [
        {
            "act": a["act"],
            "redaction": a["redaction"],
            "parts": a["parts"],
            "only_in": {doc: len(parts) for doc, parts in a.get("only_in", {}).items()},
            "conflicts": len(a.get("conflicts", [])),
        }
        for a in report.get("alignment", [])
    ]
    totals = {k: sum(r[k] or 0 for r in rows) for k in COUNTS}
    totals |= {
        "documents": len(rows),
        "failed": len(failed),
        "warned": sum(1 for r in rows if r["warnings"]),
        "undated": sum(1 for r in rows if not (r["date"] and r["number"])),
    }
    return {"documents": rows, "failed": failed, "alignment": alignment, "totals": totals}


__all__ = ["COUNTS", "OUTSIDE_LIMIT", "document", "outside_share", "page", "warnings"]
