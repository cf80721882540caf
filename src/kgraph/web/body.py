"""A body's page: its tasks grouped by the document that assigns them, the tasks of the bodies
it descends from, its powers grouped by the act that grants them, its roles and succession, and
whether it existed on the page's day.

Documents are named by a short title (kind, number and date: «Постановление Правительства
№ 1331 (13.12.2013)»; an annex as «План мероприятий · …»), never by the long title each row
used to repeat; an act's term says whether it was in force on the day (kgraph.web.site).
Everything is page data (plain dicts of Terms); entity.html renders it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from kgraph import queries
from kgraph.lang import UNITS
from kgraph.web import reader
from kgraph.web.site import Site

ROWS = 200  # rows a group shows; its count says how many there are


def _v(term) -> str | None:
    return term.value if term is not None else None


def page(s: Site, body: str, lang: str, day: str | None = None) -> dict:
    today = dt.date.today().isoformat()
    return {
        "existence": existence(s, body, lang, day or today),
        "tasks": tasks_by_document(s, [body], lang)[body],
        "inherited": inherited_tasks(s, body, lang),
        "competences": competences_by_act(s, body, lang, day),
        "roles": roles_of(s, body, lang, day),
        "succession": succession(s, body, lang),
    }


def existence(s: Site, body: str, lang: str, day: str) -> dict:
    """When the body existed (kg:validFrom / kg:validUntil of the registry) and whether on `day`."""
    rows = s.select(queries.internal("validity_of"), {"x": body})
    start = _v(rows[0]["from"]) if rows else None
    until = _v(rows[0]["until"]) if rows else None
    status = "existed"
    if start and day < start:
        status = "not-yet"
    elif until and day >= until:
        status = "abolished"
    return {"from": start, "until": until, "day": day, "status": status}


# --- tasks, grouped by document ---------------------------------------------------------


def tasks_by_document(s: Site, bodies: list[str], lang: str) -> dict[str, dict]:
    """For each body, its tasks (the named query tasks_of_body: plan tasks and decree
    instructions, direct or through a group) grouped by the plan or act that assigns them, in
    the order of the acts' dates; within a group lead tasks first, then by number. A task
    assigned to a body twice is shown once: as lead before co-executor, directly before
    through a group."""
    picked: dict[str, dict[str, tuple[tuple, dict]]] = {b: {} for b in bodies}
    for r in s.select(queries.named("tasks_of_body"), {"body": bodies}) if bodies else ():
        lead = _v(r["role"]) == "lead"
        rank = (not lead, r["via_group"] is not None)
        mine = picked[r["body"].value]
        key = r["task"].value
        if key in mine and mine[key][0] <= rank:
            continue
        mine[key] = (
            rank,
            {
                "task": s.term(r["task"], lang),
                "lead": lead,
                "via": s.term(r["via_group"], lang) if r["via_group"] else None,
                "number": _v(r["number"]),
                "by_agreement": _v(r["by_agreement"]) in {"true", "1"},
                "doc": _v(r["plan"]) or reader.act_of(s, key) or "",
                "deadline": {"text": _v(r["deadline_text"]), "start": _v(r["start"]), "end": _v(r["end"])},
            },
        )
    return {body: _grouped(s, [row for _, row in mine.values()], lang) for body, mine in picked.items()}


def _grouped(s: Site, rows: list[dict], lang: str) -> dict:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row.pop("doc")].append(row)
    out = []
    for doc, members in groups.items():
        members.sort(key=lambda t: (not t["lead"], reader.num_key(t["number"]), t["task"]["value"]))
        out.append(
            {
                "doc": s.term(doc, lang) if doc else None,
                "short": document_title(s, doc, lang) if doc else "",
                "date": s.act_date(reader.act_of(s, doc) or doc) if doc else None,
                "rows": members[:ROWS],
                "total": len(members),
                "lead": sum(1 for t in members if t["lead"]),
            }
        )
    out.sort(key=lambda g: (g["date"] or "9999", g["short"]))
    return {"groups": out, "total": len(rows), "lead": sum(g["lead"] for g in out)}


def document_title(s: Site, doc: str, lang: str) -> str:
    """A short title: the act's kind, number and date; an annex («План мероприятий») before it;
    an older redaction («прежняя редакция») after it."""
    act = doc if reader.redaction_version(doc) else (reader.act_of(s, doc) or doc)
    if reader.redaction_version(act):
        return reader.redaction_title(s, act, lang)
    short = s.act_short_label(act, lang)
    if act != doc:
        return f"{s.act_short_label(doc, lang, annex=True)} · {short}"
    return short


SHARING = {"split", "transfer"}  # after these, a task may rest with another body too


def predecessors(s: Site, body: str, lang: str, max_steps: int = 40):
    """Bodies `body` descends from through reorganisations, nearest first, each once: pairs of
    (body term, the steps from it to `body` as (code, kind term), oldest first)."""
    todo, seen = [(body, ())], {body}
    while todo and len(seen) < max_steps:
        current, steps = todo.pop(0)
        for r in s.select(queries.internal("reorganised_from"), {"body": current}):
            nxt = r["next"].value
            if nxt in seen:
                continue
            seen.add(nxt)
            path = ((_v(r["code"]), s.term(r["kind"], lang) if r["kind"] else None),) + steps
            todo.append((nxt, path))
            yield s.term(r["next"], lang), path


def inherited_tasks(s: Site, body: str, lang: str) -> list[dict]:
    """The tasks of the bodies this one descends from, nearest predecessor first, each with its
    tasks (grouped as tasks_by_document) and the kinds of the reorganisations from it to this
    body (terms, oldest first); `shared` when a split or a transfer lies on the way."""
    found = list(predecessors(s, body, lang))
    tasks_by_body = tasks_by_document(s, [p.value for p, _ in found], lang)
    out = []
    for predecessor, path in found:
        tasks = tasks_by_body[predecessor.value]
        if tasks["total"]:
            out.append(
                {
                    "body": predecessor,
                    "steps": [term for _, term in path],
                    "tasks": tasks,
                    "shared": any(code in SHARING for code, _ in path),
                }
            )
    return out


# --- powers, grouped by act ---------------------------------------------------------------

SEGMENT_UNITS = {"chp": "chapter", "art": "article", "para": "paragraph", "item": "subparagraph", "sec": "section"}


def provision_ref(s: Site, item: str | None, lang: str) -> str:
    """Where a provision stands in its act, from its IRI: «Статья 5, пункт 1, подпункт 2» /
    «5-бап, 1-тармақ, 2-тармақша»."""
    if not item:
        return ""
    words = []
    for segment in item.split("/"):
        unit, _, number = segment.partition("_")
        if unit in SEGMENT_UNITS and number and unit != "chp":
            label = UNITS[SEGMENT_UNITS[unit]].label(number, lang)
            words.append(label if not words else label[:1].lower() + label[1:])
    return ", ".join(words)


def competences_by_act(s: Site, agent: str, lang: str, day: str | None = None) -> dict:
    """Powers granted to the agent, or to a legal role it holds or held, grouped by the act that
    grants them (each group says through which roles, and when the agent held them); rows in
    document order with where each stands and its text. `now` marks the roles held on the day."""
    today = day or dt.date.today().isoformat()
    rows = s.select(queries.internal("competences_of_agent"), {"agent": agent})
    merged: dict[tuple, dict] = {}
    for r in rows:
        item = _v(r["item"])
        key = (r["c"].value, _v(r["via"]))
        m = merged.setdefault(
            key,
            {
                "competence": s.term(r["c"], lang),
                "via": _v(r["via"]),
                "periods": [],
                "item": s.term(item, lang) if item else None,
                "where": provision_ref(s, item, lang),
                "act": reader.act_of(s, item) if item else None,
                "order": reader.num_key("-".join(p.partition("_")[2] for p in (item or "").split("/") if "_" in p)),
            },
        )
        period = (_v(r["from"]), _v(r["until"]))
        if any(period) and period not in m["periods"]:
            m["periods"].append(period)
    groups: dict[tuple, dict] = {}
    for m in merged.values():
        g = groups.setdefault(
            (m["act"], m["via"]),
            {
                "act": s.term(m["act"], lang) if m["act"] else None,
                "short": document_title(s, m["act"], lang) if m["act"] else "",
                "via": s.term(m["via"], lang) if m["via"] else None,
                "periods": m["periods"],
                "held_now": not m["periods"]
                or any((a or "") <= today and (b is None or today < b) for a, b in m["periods"]),
                "rows": [],
            },
        )
        g["rows"].append({"competence": m["competence"], "item": m["item"], "where": m["where"], "order": m["order"]})
    out = sorted(groups.values(), key=lambda g: (not g["held_now"], g["short"]))
    for g in out:
        g["rows"].sort(key=lambda r: r.pop("order"))
        g["total"] = len(g["rows"])
    return {"groups": out, "total": len(merged)}


def roles_of(s: Site, body: str, lang: str, day: str | None = None) -> list[dict]:
    today = day or dt.date.today().isoformat()
    rows = s.select(queries.internal("tenures"), {"holder": body})
    rows.sort(key=lambda r: _v(r["from"]) or "")
    return [
        {
            "tenure": s.term(r["t"], lang),
            "role": s.term(r["role"], lang),
            "from": _v(r["from"]),
            "until": _v(r["until"]),
            "now": (_v(r["from"]) or "") <= today and (r["until"] is None or today < r["until"].value),
        }
        for r in rows
    ]


def succession(s: Site, body: str, lang: str, max_steps: int = 40) -> list[dict]:
    """Reorganizations along the whole line the body belongs to, oldest first."""
    events: dict[str, dict] = {}
    todo, seen = [body], {body}
    while todo and len(seen) < max_steps:
        current = todo.pop()
        for r in s.select(queries.internal("reorganisations_of"), {"body": current}):
            e = events.setdefault(
                r["e"].value, {"event": s.term(r["e"], lang), "date": _v(r["date"]), "from": [], "to": []}
            )
            for side in ("from", "to"):
                if r[side] is not None and r[side].value not in [t.value for t in e[side]]:
                    e[side].append(s.short_term(r[side], lang))
                    if r[side].value not in seen:
                        seen.add(r[side].value)
                        todo.append(r[side].value)
    return sorted(events.values(), key=lambda e: (e["date"] or "9999", e["event"].value))


__all__ = [
    "competences_by_act",
    "document_title",
    "existence",
    "inherited_tasks",
    "page",
    "provision_ref",
    "roles_of",
    "succession",
    "tasks_by_document",
]
