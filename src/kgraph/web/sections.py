"""The kind-specific sections of entity pages, each one or two queries of the query layer.

The queries are kgraph.queries': the named ones users run too (tasks_of_body,
successors, provenance) and internal ones (queries/internal/). Every function
returns plain dicts of Terms and strings for the page data; nothing here
formats HTML.
"""

from __future__ import annotations

import datetime as dt

from kgraph import iri, queries
from kgraph.web import body
from kgraph.web.reader import num_key
from kgraph.web.site import Site

CONTEXT = 360  # characters of paragraph shown on each side of a quoted span


def _v(term) -> str | None:
    return term.value if term is not None else None


# --- provenance ---------------------------------------------------------------------


def provenance(s: Site, subject: str, lang: str) -> list[dict]:
    """The source spans of the subject (the named query provenance), each quoted in its paragraph."""
    rows, seen = [], set()
    for r in s.select(queries.named("provenance"), {"fact": subject}, limit=50):
        if r["document"] is not None and r["span"].value not in seen:  # a span stated by two graphs: once
            seen.add(r["span"].value)
            rows.append(r)
    out = []
    rows.sort(key=lambda r: (r["document"].value, int(r["start"].value) if r["start"] else 0))
    for r in rows:
        doc, quote = r["document"].value, _v(r["quote"]) or ""
        start = int(r["start"].value) if r["start"] else None
        end = int(r["end"].value) if r["end"] else None
        item = {
            "doc": doc,
            "quote": quote,
            "start": start,
            "end": end,
            "span": r["span"].value,
            "before": "",
            "mark": quote,
            "after": "",
            "cut_before": False,
            "cut_after": False,
            "href": f"/source/{doc}" + (f"?start={start}&end={end}#span" if start is not None else ""),
        }
        text = s.source_text(doc)
        if text is not None and start is not None and end is not None and end <= len(text):
            if not quote or " ".join(text[start:end].split()) == " ".join(quote.split()):
                item.update(paragraph(text, start, end))
            else:  # the file changed since the build: show the recorded quote, not a wrong highlight
                item["stale"] = True
        out.append(item)
    return out


def paragraph(text: str, start: int, end: int, width: int = CONTEXT) -> dict:
    """The span with its paragraph around it (blank lines bound paragraphs), cut at `width`."""
    a = text.rfind("\n\n", 0, start)
    a = 0 if a < 0 else a + 2
    cut_before = start - a > width
    if cut_before:
        a = start - width
    b = text.find("\n\n", end)
    b = len(text) if b < 0 else b
    cut_after = b - end > width
    if cut_after:
        b = end + width
    return {
        "before": text[a:start],
        "mark": text[start:end],
        "after": text[end:b],
        "cut_before": cut_before,
        "cut_after": cut_after,
    }


def named_graphs(s: Site, subject: str) -> list[str]:
    """Source documents whose named graph states something about the subject."""
    rows = s.select(queries.internal("graphs_stating"), {"s": subject})
    out = []
    for r in rows:
        g = r["g"].value
        prefix = iri.BASE + "graph/"
        out.append(g[len(prefix) :] if g.startswith(prefix) else g)
    return sorted(out)


# --- by kind ------------------------------------------------------------------------


def for_kind(s: Site, subject: str, kind: str, lang: str, day: str | None = None) -> dict:
    if kind == "body":  # kgraph.web.body
        return body.page(s, subject, lang, day) | {"overlaps": overlaps_of(s, subject, lang, body=True)}
    if kind == "role":
        return {"holders": holders_of(s, subject, lang), "competences": body.competences_by_act(s, subject, lang, day)}
    if kind in {"task", "instruction", "mandate"}:
        return {"task": task_detail(s, subject, lang, day), "overlaps": overlaps_of(s, subject, lang)}
    if kind == "competence":
        return {"competence": competence_detail(s, subject, lang), "overlaps": overlaps_of(s, subject, lang)}
    if kind in {"article", "part", "act", "direction"}:  # the text itself: kgraph.web.reader
        return {"plan_tasks": plan_tasks(s, subject, lang) if kind != "article" else []}
    if kind == "finding":
        return {"sides": finding_sides(s, subject, lang)}
    if kind == "source":
        rows = s.select(queries.internal("identifier"), {"s": subject})
        return {"source_doc": rows[0]["doc"].value if rows else None}
    return {}


def holders_of(s: Site, role: str, lang: str) -> list[dict]:
    rows = s.select(queries.internal("tenures"), {"role": role})
    rows.sort(key=lambda r: _v(r["from"]) or "")
    return [
        {
            "tenure": s.term(r["t"], lang),
            "holder": s.term(r["holder"], lang),
            "from": _v(r["from"]),
            "until": _v(r["until"]),
        }
        for r in rows
    ]


def successors(s: Site, task: str, lang: str, day: str) -> dict[str, list[dict]]:
    """For each party of the task that no longer existed on `day` (ISO date), the bodies existing
    then that carry on its functions (the named query successors): successions before transfers,
    each with the kind of the last step (a term); `shared` when a split or a transfer lies on the
    way (the task may rest with another body). The query runs once per build and day for every
    task (a few dozen abolished parties), and each task page picks its rows."""
    memo = s.memo.get("successors")
    if memo is None or memo["day"] != day:
        by_task: dict[str, list] = {}
        for r in s.select(queries.named("successors"), {"date": day}):
            by_task.setdefault(r["task"].value, []).append(r)
        memo = {"day": day, "by_task": by_task}
        s.memo["successors"] = memo
    found: dict[str, dict[str, dict]] = {}
    for r in memo["by_task"].get(task, ()):
        item = {
            "body": s.term(r["successor"], lang),
            "step": s.term(r["step_kind"], lang) if r["step_kind"] else None,
            "transfer": _v(r["step"]) == "transfer",
            "shared": _v(r["shared"]) in {"true", "1"},
        }
        by_body = found.setdefault(r["party"].value, {})
        old = by_body.get(item["body"].value)
        if old is None or (old["transfer"], old["shared"]) > (item["transfer"], item["shared"]):
            by_body[item["body"].value] = item  # reached two ways: the plainer step
    return {
        party: sorted(by_body.values(), key=lambda x: (x["transfer"], x["body"].label))
        for party, by_body in found.items()
    }


def overlaps_of(s: Site, subject: str, lang: str, body: bool = False) -> list[dict]:
    """Overlap findings with a side that is the subject, or (for a body) one of its mandates."""
    query = queries.internal("overlaps_of_body") if body else queries.internal("overlaps_of_mandate")
    rows = s.select(query, {"x": subject})
    rows.sort(key=lambda r: -float(r["score"].value) if r["score"] is not None else 0.0)
    return [
        {
            "finding": s.term(r["f"], lang),
            "side": s.term(r["side"], lang),
            "other": s.term(r["other"], lang) if r["other"] else None,
            "kind": _v(r["fkind"]),
            "score": _v(r["score"]),
            "reason": _v(r["reason"]),
        }
        for r in rows
    ]


def task_detail(s: Site, task: str, lang: str, day: str | None = None) -> dict:
    """Parties, deadline, plan; a party gone by `day` (default today) names the bodies that
    carried on its functions then."""
    today = day or dt.date.today().isoformat()
    parties = s.select(queries.internal("task_parties"), {"task": task})
    parties.sort(key=lambda p: int(p["pos"].value) if p["pos"] is not None else 99)
    gone = any((_v(p["until"]) or "9999") <= today for p in parties)
    heirs = successors(s, task, lang, today) if gone else {}
    info = s.select(queries.internal("task_facts"), {"task": task})
    r = info[0] if info else {}
    return {
        "parties": [
            {
                "who": s.term(p["who"], lang),
                "lead": (_v(p["role"]) or "").endswith("LeadExecutor"),
                "by_agreement": _v(p["agree"]) in {"true", "1"},
                "position": _v(p["pos"]),
                "abolished": _v(p["until"]) if (_v(p["until"]) or "9999") <= today else None,
                "successors": heirs.get(p["who"].value, []) if (_v(p["until"]) or "9999") <= today else [],
            }
            for p in parties
        ],
        "day": today,
        "plan": s.term(r["plan"], lang) if r.get("plan") else None,
        "direction": s.term(r["dir"], lang) if r.get("dir") else None,
        "number": _v(r.get("num")),
        "form": _v(r.get("form")),
        "recurrence": s.term(r["rec"], lang) if r.get("rec") else None,
        "deadline": {"text": _v(r.get("dtext")), "start": _v(r.get("dstart")), "end": _v(r.get("dend"))} if r else {},
    }


def competence_detail(s: Site, c: str, lang: str) -> dict:
    rows = s.select(queries.internal("competence_facts"), {"c": c})
    r = rows[0] if rows else {}
    holders = holders_of(s, r["to"].value, lang) if r.get("to") and s.kind(r["to"].value) == "role" else []
    return {
        "to": s.term(r["to"], lang) if r.get("to") else None,
        "item": s.term(r["item"], lang) if r.get("item") else None,
        "article": article_term(s, r.get("item"), lang),
        "holders": holders,
    }


def article_term(s: Site, item, lang: str):
    """The article an item belongs to, from the item's IRI (ELI paths nest), or None.

    Walking IRIs is ~20x faster here than an eli:is_part_of* path in an OPTIONAL."""
    value = getattr(item, "value", item)
    for _ in range(6):
        if not value:
            return None
        if s.kind(value) == "article":
            return s.term(value, lang)
        try:
            value = iri.parent(value)
        except iri.IRIError:
            return None
    return None


def plan_tasks(s: Site, plan: str, lang: str) -> list[dict]:
    rows = s.select(queries.internal("tasks_in_plan"), {"p": plan})
    out = [
        {
            "task": s.term(r["task"], lang),
            "number": _v(r["num"]),
            "lead": s.term(r["lead"], lang) if r["lead"] else None,
        }
        for r in rows
    ]
    out.sort(key=lambda t: num_key(t["number"]))
    return out


def finding_sides(s: Site, f: str, lang: str) -> list[dict]:
    rows = s.select(queries.internal("finding_sides"), {"f": f})
    return [{"side": s.term(r["side"], lang), "provenance": provenance(s, r["side"].value, lang)} for r in rows]
