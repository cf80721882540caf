"""Acts as they read: the text of an act, a redaction or one of its parts in document order.

`outline(site, root, lang, day)` is the page data of the reader: the subdivisions below `root`
nested as the act nests them (chapter, article, paragraph, item …), siblings in numeric order
of their numbers ("2" before "10", "1-1" after "1"; unnumbered ones where their text stands),
each with its text once per language (the parts of one redaction are shared by its ru and kk
texts: MODEL.md), whether an amendment excluded it and by which act, the acts its footnotes
name, the day a pending provision comes into force, and the powers it grants: to whom, who
held that role on the page's day and today. Long acts come as a table of contents whose
chapters and articles open their own pages.

`act_info(site, act, lang, day)` is the act's force (kgraph.inforce: entry into force, end of
force, the acts that ended it, its status on the day and today) and its texts and redactions.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from kgraph import iri, queries
from kgraph.web.i18n import N_, gettext
from kgraph.web.site import Site, Term, href

# A reader shows the whole text up to this many subdivisions; above, chapters and articles
# are listed (each opens its own page with its text).
FULL_TEXT_MAX = 400
# A table of contents is offered above this many articles (or chapters and sections).
TOC_MIN = 6
HEADINGS = {"chapter", "section", "annex", "direction"}


def num_key(number: str | None) -> tuple:
    """Numbers in numeric order: "2" < "10", "1" < "1-1" < "2"; Roman chapter numbers too."""
    out = []
    for p in (number or "").replace(".", "-").split("-"):
        p = p.strip()
        if p.isdigit():
            out.append((0, int(p), ""))
        elif p and set(p.upper()) <= set("IVXLCDM"):
            out.append((0, _roman(p.upper()), ""))
        else:
            out.append((1, 0, p))
    return tuple(out)


def _roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for a, b in zip(text, text[1:] + " ", strict=True):
        v = values[a]
        total += -v if b != " " and values[b] > v else v
    return total


def unit_of(s: Site, x: str) -> str:
    """The kind of subdivision from its class (kg:Chapter -> "chapter"), else from its IRI."""
    for t in s.types(x):
        name = t.rsplit("#", 1)[-1]
        if name in UNIT_CLASSES:
            return UNIT_CLASSES[name]
    segment = x.rsplit("/", 1)[-1].split("_", 1)[0]
    return SEGMENTS.get(segment, "part")


UNIT_CLASSES = {
    "Chapter": "chapter",
    "Section": "section",
    "Article": "article",
    "Paragraph": "paragraph",
    "Item": "item",
    "Annex": "annex",
    "Direction": "direction",
    "Instruction": "clause",
    "Plan": "annex",
    "Concept": "annex",
}
SEGMENTS = {"chp": "chapter", "sec": "section", "art": "article", "para": "paragraph", "item": "item", "annex": "annex"}


def act_of(s: Site, x: str) -> str | None:
    """The act a part belongs to, or the older redaction whose parts it is (kgraph.iri)."""
    try:
        parsed = iri.parse(x)
        work = iri.act_of(x)
    except iri.IRIError:
        return None
    if parsed.version and (parsed.parts or parsed.language):
        return iri.version(work, parsed.version)
    return work


def redaction_version(x: str) -> str | None:
    """The version segment of an older redaction's node ("2012-01-09", "undated-kk")."""
    try:
        return iri.parse(x).version
    except iri.IRIError:
        return None


def redaction_title(s: Site, redaction: str, lang: str) -> str:
    """An older redaction named by its act: «Закон № 534-IV от 09.01.2012 (прежняя редакция)»."""
    version = redaction_version(redaction) or ""
    said = (
        gettext(lang, N_("older redaction of %(date)s"), date=version)
        if version[:1].isdigit()
        else gettext(lang, N_("older redaction"))
    )
    return f"{s.act_short_label(iri.act_of(redaction), lang)} ({said})"


def breadcrumb(s: Site, x: str, lang: str) -> list[Term]:
    """The act and the parts above `x`, outermost first (chapters included: eli:is_part_of)."""
    chain = []
    seen = {x}
    current = x
    for _ in range(12):
        rows = s.select(queries.internal("part_parent"), {"x": current})
        if not rows or rows[0]["parent"] is None or rows[0]["parent"].value in seen:
            break
        current = rows[0]["parent"].value
        seen.add(current)
        chain.append(s.term(current, lang))
    return list(reversed(chain))


def _holder(tenures: list[tuple[str, str | None, str | None]], day: str) -> str | None:
    for holder, start, until in tenures:
        if (start is None or start <= day) and (until is None or day < until):
            return holder
    return None


def role_tenures(s: Site) -> dict[str, list[tuple[str, str | None, str | None]]]:
    """role -> (holder, from, until) of every tenure, read once per build."""
    memo = s.memo.get("role_tenures")
    if memo is None:
        memo = defaultdict(list)
        for r in s.select(queries.internal("role_tenures")):
            memo[r["role"].value].append(
                (r["holder"].value, r["from"].value if r["from"] else None, r["until"].value if r["until"] else None)
            )
        s.memo["role_tenures"] = memo = dict(memo)
    return memo


def holders(s: Site, agent: str, lang: str, day: str, today: str) -> dict:
    """Who held a role on `day` and today (a body holds itself)."""
    if s.kind(agent) != "role":
        return {"day": s.short_term(agent, lang), "today": s.short_term(agent, lang), "role": False}
    tenures = role_tenures(s).get(agent, [])
    at_day, at_today = _holder(tenures, day), _holder(tenures, today)
    return {
        "day": s.short_term(at_day, lang) if at_day else None,
        "today": s.short_term(at_today, lang) if at_today else None,
        "role": True,
    }


def outline(s: Site, root: str, lang: str, day: str | None = None) -> dict:
    """The reader's data for `root` (an act, a redaction or a part); see the module docstring."""
    today = dt.date.today().isoformat()
    day = day or today
    rows = s.select(queries.internal("act_parts"), {"root": root})
    parts: dict[str, dict] = {}
    children: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        x = r["x"].value
        if x in parts:
            continue
        parts[x] = {
            "parent": r["parent"].value,
            "number": r["num"].value if r["num"] else None,
            "excluded": r["excluded"] is not None and r["excluded"].value in ("true", "1"),
            "pending": r["pending"].value if r["pending"] else None,
            "start": int(r["start"].value) if r["start"] is not None else None,
        }
        children[r["parent"].value].append(x)
    changes: dict[str, dict[str, list[Term]]] = defaultdict(lambda: {"changed": [], "repealed": []})
    for r in s.select(queries.internal("act_changes"), {"root": root}):
        changes[r["x"].value][r["how"].value].append(s.term(r["act"], lang))
    grants: dict[str, list[dict]] = defaultdict(list)
    for r in s.select(queries.internal("grants_within"), {"p": root}):
        grants[r["g"].value].append({"c": r["c"].value, "to": r["to"].value if r["to"] else None})
    languages = _languages(s, parts, lang)
    full = len(parts) <= FULL_TEXT_MAX

    def node(x: str, depth: int) -> dict:
        p = parts[x]
        unit = unit_of(s, x)
        labels = s.labels(x)
        kids = sorted(children.get(x, ()), key=lambda k: (num_key(parts[k]["number"]), parts[k]["start"] or 0, k))
        show_kids = full or unit in HEADINGS  # a long act: chapters list their articles, articles open their pages
        return {
            "iri": x,
            "href": href(x),
            "anchor": anchor(root, x),
            "unit": unit,
            "number": p["number"],
            "text": {lg: labels.get(lg) for lg in languages},
            "excluded": p["excluded"],
            "repealed_by": changes[x]["repealed"] if x in changes else [],
            "changed_by": changes[x]["changed"] if x in changes else [],
            "pending": p["pending"],
            "grants": [_grant(s, g, labels, lang, day, today) for g in grants.get(x, ())],
            "children": [node(k, depth + 1) for k in kids] if show_kids else [],
            "more": len(kids) if kids and not show_kids else 0,
        }

    top = sorted(children.get(root, ()), key=lambda k: (num_key(parts[k]["number"]), parts[k]["start"] or 0, k))
    nodes = [node(x, 0) for x in top]
    shared = _group_grants(nodes)
    own = changes.get(root, {"changed": [], "repealed": []})
    return {
        "languages": languages,
        "nodes": nodes,
        "count": len(parts),
        "full": full,
        "toc": _toc(nodes) if _articles(nodes) >= TOC_MIN or not full else [],
        "changed_by": own["changed"],
        "repealed_by": own["repealed"],
        "grants": [_grant(s, g, s.labels(root), lang, day, today) for g in grants.get(root, ())],
        "shared_grant": shared,
        "day": day,
        "today": today,
    }


def _group_grants(nodes: list[dict]) -> dict | None:
    """Powers that all the parts of a list grant to the same agent are said once, above the list
    (`shared_grant` of the parent); each part keeps a mark linking its power (`marks`). Returns
    the shared grant of `nodes` themselves, if any."""
    for n in nodes:
        n["shared_grant"] = _group_grants(n["children"]) if n["children"] else None
    granting = [n for n in nodes if n["grants"]]
    agents = {g["to"]["value"] if g["to"] else None for n in granting for g in n["grants"]}
    if len(granting) < 2 or len(agents) != 1 or any(g["text"] for n in granting for g in n["grants"]):
        for n in nodes:
            n["marks"] = []
        return None
    shared = dict(granting[0]["grants"][0])
    for n in nodes:
        n["marks"] = [g["competence"] for g in n["grants"]]
        n["grants"] = []
    return shared


def anchor(root: str, x: str) -> str:
    """The element id of a part on its ancestor's page: its IRI below the root, "/" as "-"."""
    rest = x[len(root) :].strip("/") if x.startswith(root) else x.rsplit("/", 1)[-1]
    return rest.replace("/", "-") or "top"


def _languages(s: Site, parts: dict, lang: str) -> list[str]:
    """The languages the parts are written in, the interface's first."""
    seen: dict[str, int] = {}
    for x in list(parts)[:200]:
        for lg in s.labels(x):
            if lg:
                seen[lg] = seen.get(lg, 0) + 1
    order = sorted(seen, key=lambda lg: (lg != lang, lg not in ("ru", "kk"), lg))
    return order or [lang]


def _grant(s: Site, g: dict, item_labels: dict, lang: str, day: str, today: str) -> dict:
    """A power a part grants: the competence, its text when it is not the part's own text, the
    agent it is granted to and who held that role on the day and today."""
    texts = s.labels(g["c"])
    own = {lg: (t or "").strip().rstrip(";.").casefold() for lg, t in texts.items()}
    said = {
        lg: t
        for lg, t in texts.items()
        if t and not any(own[lg] and own[lg] in (v or "").casefold() for v in item_labels.values())
    }
    out = {"competence": s.term(g["c"], lang), "text": said, "to": s.term(g["to"], lang) if g["to"] else None}
    if g["to"]:
        out |= holders(s, g["to"], lang, day, today)
    return out


def _articles(nodes: list[dict]) -> int:
    return sum(1 + _articles(n["children"]) if n["unit"] in ("article", "chapter", "section") else 0 for n in nodes)


def _toc(nodes: list[dict]) -> list[dict]:
    """Chapters, sections and articles (with their titles in the first language)."""
    out = []
    for n in nodes:
        if n["unit"] in ("chapter", "section", "article", "annex", "direction"):
            label = next((t for t in n["text"].values() if t), n["number"] or "")
            out.append(
                {
                    "anchor": n["anchor"],
                    "href": n["href"],
                    "label": label,
                    "unit": n["unit"],
                    "children": _toc(n["children"]),
                }
            )
    return out


def act_info(s: Site, act: str, lang: str, day: str) -> dict:
    """The act's force on the day and today, with the clauses as written, and its texts."""
    today = dt.date.today().isoformat()
    facts = s.force_facts().get(act, {})
    texts, redactions = [], []
    for r in s.select(queries.internal("expressions"), {"act": act}):
        if r["expr"] is not None:
            texts.append(
                {
                    "expression": s.term(r["expr"], lang),
                    "lang": r["lang"].value if r["lang"] else None,
                    "version": r["version"].value if r["version"] else None,
                    "doc": r["doc"].value if r["doc"] else None,
                }
            )
        if r["redaction"] is not None:
            term = s.term(r["redaction"], lang)
            term["label"] = redaction_title(s, term.value, lang)
            redactions.append(
                {
                    "redaction": term,
                    "version": r["redaction_version"].value if r["redaction_version"] else None,
                }
            )
    texts.sort(key=lambda t: (t["version"] or "", t["lang"] or ""), reverse=True)
    return {
        "adopted": facts.get("adopted"),
        "entry": facts.get("entry"),
        "end": facts.get("end"),
        "entry_note": _in_language(facts.get("entry_note", {}), lang),
        "end_note": _in_language(facts.get("end_note", {}), lang),
        "ended_by": [s.term(b, lang) for b in sorted(facts.get("by", {}))],
        "on_day": s.force_on(act, day, lang),
        "today": s.force_on(act, today, lang),
        "texts": texts,
        "redactions": sorted(redactions, key=lambda r: r["version"] or ""),
    }


def _in_language(notes: dict[str, str], lang: str) -> str | None:
    if not notes:
        return None
    return notes.get(lang) or notes.get("ru") or next(iter(notes.values()))
