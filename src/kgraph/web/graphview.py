"""Graph view: explore the neighbourhood of a resource, node by node, with vis-network.

The neighbourhood is a breadth-first walk over the build's adjacency (kgraph.web.graphindex),
where n-ary plumbing is already folded into edges (task -[lead executor]-> body, role -[held
by]-> body); spans, deadlines and code-list concepts are left out.

Exploring works like a graph explorer: a click on a node opens its details in a side panel
(its kind, its page, its neighbours not shown yet by kind) and expands it: its neighbours join
the view, at most `STEP` at a time ("expand next N" adds the next ones). The whole state lives
in the URL (`iri`, `depth`, `limit`, `kinds`, `doc`, `at`, `expand` — the expanded nodes in
order —, `more` — how many more steps of a node —, `sel`), so a view can be shared and comes
back the same.

Positions are computed here (kgraph.web.graphlayout): a radial tree around the centre, each
expansion on an arc around its node while everything else stays put, and labels pushed apart
until none overlaps; physics stays off, so the view is stable.

As of a day (`at=YYYY-MM-DD`) the view shows the role holders of that day and what documents
adopted by then state; a body that no longer existed is kept, greyed, with dashed edges to the
bodies that had taken over by that day (the registry's reorganisations).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field

import networkx as nx
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from kgraph import iri, queries
from kgraph import resource_kinds as kinds
from kgraph.web import graphlayout as layout
from kgraph.web.errors import PageError, day_param
from kgraph.web.graphindex import CO, HELD, LEAD, Edge, adjacency
from kgraph.web.graphurl import DEFAULT_LIMIT, View, url_of, view_of
from kgraph.web.graphurl import resolve as _resolve
from kgraph.web.graphurl import short as _short
from kgraph.web.i18n import N_, gettext, lang_of
from kgraph.web.render import page, remembered, site
from kgraph.web.site import Site, href

router = APIRouter()

MAX_LIMIT = 2000
STEP = 20  # neighbours an expansion adds at a time
COUNT_FRONTIER_MAX = 3000
REACH_MAX = 3000  # the walk stops counting there ("150 of 3000+"): a depth-3 walk can reach the whole graph
SUCCEEDED = "succeeded"  # the edge from a body gone by the day to one that took over
GONE_COLOR = "#b8bec6"
RELATION_NAMES = {LEAD: N_("lead executor"), CO: N_("co-executor"), HELD: N_("held by"), SUCCEEDED: N_("succeeded by")}


@dataclass
class Neighbourhood:
    center: str
    nodes: dict[str, int] = field(default_factory=dict)  # iri -> distance
    parent: dict[str, str] = field(default_factory=dict)  # iri -> the node it was reached from
    added_by: dict[str, list[str]] = field(default_factory=dict)  # expanded node -> nodes it added
    edges: list[Edge] = field(default_factory=list)
    reached: int = 0  # nodes found before the cap
    truncated: bool = False  # the walk stopped at REACH_MAX
    hidden: Counter = field(default_factory=Counter)  # kind -> nodes cut by the cap
    beyond: Counter = field(default_factory=Counter)  # kind -> nodes one level further
    per_node: dict[str, Counter] = field(default_factory=dict)  # iri -> kind -> neighbours not shown
    gone: dict[str, str] = field(default_factory=dict)  # body -> the day it ceased (dated views)
    succession: list[tuple[str, str]] = field(default_factory=list)  # (gone body, successor)


def explore(s: Site, view: View, lang: str) -> Neighbourhood:
    """The neighbourhood the view asks for; see the module docstring."""
    adj = adjacency(s)
    day, doc = view.day, view.doc
    hood = Neighbourhood(view.center, {view.center: 0})

    seen_ok: dict[str, bool] = {}  # a node meets the walk once per edge: decided once

    def admissible(x: str) -> bool:
        ok = seen_ok.get(x)
        if ok is None:
            k = s.kind(x)
            ok = seen_ok[x] = not (
                k in kinds.PLUMBING or not x.startswith(iri.BASE) or (view.only and k not in view.only)
            ) and (day is None or adj.exists_at(x, day) or k == "body")  # a body gone by then: greyed
        return ok

    def rank(x: str):
        return (kinds.ORDER.get(s.kind(x), 99), s.label(x, lang).casefold(), x)

    frontier = [view.center]
    for d in range(1, view.depth + 1):
        found = adj.around(frontier, doc, day)
        frontier = []
        for e in found:
            for x, other in ((e.a, e.b), (e.b, e.a)):
                if x not in hood.nodes and admissible(x):
                    hood.nodes[x] = d
                    hood.parent[x] = other if other in hood.nodes else view.center
                    frontier.append(x)
            if len(hood.nodes) >= REACH_MAX:
                hood.truncated = True
                break
        if hood.truncated:
            break
    hood.reached = len(hood.nodes)
    kept = _first(hood.nodes, view.limit, lambda x: (hood.nodes[x], kinds.ORDER.get(s.kind(x), 99)), rank)
    shown = set(kept)
    hood.hidden = Counter(s.kind(x) for x in hood.nodes if x not in shown)
    if not hood.hidden and frontier:  # everything reached is shown: what one more level would add
        further = adj.around(frontier[:COUNT_FRONTIER_MAX], doc, day)
        hood.beyond = Counter(
            s.kind(x) for x in {x for e in further for x in (e.a, e.b) if x not in hood.nodes and admissible(x)}
        )
    hood.nodes = {x: hood.nodes[x] for x in kept}
    if day is not None:
        _successions(s, hood, adj, day, list(hood.nodes))
    # expansions, in the order they were asked for: each adds its next neighbours
    more = dict(view.more)
    for x in view.expand:
        if x not in hood.nodes:
            continue
        around = adj.around([x], doc, day)
        new = sorted({o for e in around for o in (e.a, e.b) if o not in hood.nodes and admissible(o)}, key=rank)
        taken = new[: STEP * (more.get(x, 0) + 1)]
        for o in taken:
            hood.nodes[o] = hood.nodes[x] + 1
            hood.parent[o] = x
        hood.added_by[x] = taken
        if day is not None:
            _successions(s, hood, adj, day, taken)
    hood.reached += len(hood.nodes) - len(kept)  # what expansions and successions added
    keep = set(hood.nodes)
    seen = set()
    for e in adj.around(list(hood.nodes), doc, day):  # the edges of the view, and what lies beyond
        if e.a in keep and e.b in keep:
            key = (min(e.a, e.b), max(e.a, e.b), e.label)
            if key not in seen:
                seen.add(key)
                hood.edges.append(e)
        else:
            for x, other in ((e.a, e.b), (e.b, e.a)):
                if x in keep and other not in keep and admissible(other):
                    hood.per_node.setdefault(x, Counter())[s.kind(other)] += 1
    for gone, successor in hood.succession:
        hood.edges.append(Edge(gone, successor, SUCCEEDED, frozenset()))
    return hood


def _first(nodes, limit: int, coarse, fine) -> list[str]:
    """The first `limit` nodes in the order of (coarse, fine) keys, computing the fine key (the
    label) only inside the coarse bucket the cap cuts through: a depth-2 walk reaches thousands."""
    buckets: dict[tuple, list[str]] = {}
    for x in nodes:
        buckets.setdefault(coarse(x), []).append(x)
    out: list[str] = []
    for key in sorted(buckets):
        members = buckets[key]
        if len(out) + len(members) <= limit:
            out.extend(sorted(members, key=fine) if len(members) <= limit else members)
        else:
            out.extend(sorted(members, key=fine)[: limit - len(out)])
        if len(out) >= limit:
            break
    return out


def _successions(s: Site, hood: Neighbourhood, adj, day: str, candidates: list[str]) -> None:
    """Bodies among `candidates` that no longer existed on `day`: greyed, with the bodies that
    carried on by then (through the registry's reorganisations, past bodies gone by then too)."""
    for x in [x for x in candidates if s.kind(x) == "body" and not adj.exists_at(x, day) and x not in hood.gone]:
        start, end = adj.validity.get(x, (None, None))
        if start and day < start:
            continue  # not created yet: left as it is
        hood.gone[x] = end or ""
        todo, seen = [x], {x}
        while todo:
            current = todo.pop(0)
            for r in s.select(queries.internal("reorganisations_of"), {"body": current}):
                if r["from"] is None or r["from"].value != current or r["to"] is None:
                    continue
                nxt = r["to"].value
                if nxt in seen:
                    continue
                seen.add(nxt)
                if adj.exists_at(nxt, day):
                    hood.succession.append((x, nxt))
                    if nxt not in hood.nodes:
                        hood.nodes[nxt] = hood.nodes[x] + 1
                        hood.parent[nxt] = x
                        hood.added_by.setdefault(x, []).append(nxt)
                else:
                    todo.append(nxt)


def positions(s: Site, hood: Neighbourhood, view: View, labels: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Server-side layout (kgraph.web.graphlayout): the radial tree of the first walk, then each
    expansion around its node, earlier nodes fixed."""
    boxes = {x: layout.box_size(labels[x], x == hood.center, _shape(s, x)) for x in hood.nodes}
    added = {o for new in hood.added_by.values() for o in new}
    base = {x: boxes[x] for x in hood.nodes if x not in added}
    pos = layout.radial(hood.center, hood.parent, base)
    layout.separate(pos, base, fixed={hood.center})
    for x, new in hood.added_by.items():
        new = [o for o in new if o not in pos]
        if x in pos and new:
            layout.place_around(x, new, pos, boxes)
            layout.separate(pos, {k: boxes[k] for k in pos}, fixed=set(pos) - set(new))
    for x in hood.nodes:
        pos.setdefault(x, (0.0, 0.0))
    return pos


def _shape(s: Site, x: str) -> str:
    """The vis-network shape of a node (by its kind; a bare text label gets a box)."""
    shape = kinds.BY_KEY.get(s.kind(x), kinds.OTHER).shape
    return "box" if shape == "text" else shape


def to_vis(s: Site, hood: Neighbourhood, view: View, lang: str) -> dict:
    """Nodes (with positions, fixed), edges and options for vis-network, and what the side
    panel shows of each node."""
    fulls = {x: s.label(x, lang) for x in hood.nodes}
    labels = {x: layout.wrap(full) for x, full in fulls.items()}
    pos = positions(s, hood, view, labels)
    few = len(hood.nodes) <= layout.SEPARATE_MAX
    expanded = set(view.expand)
    kind_names = {k.key: kinds.kind_name(k.key, lang) for k in (*kinds.KINDS, kinds.OTHER)}
    nodes = []
    for x in hood.nodes:
        k = kinds.BY_KEY.get(s.kind(x), kinds.OTHER)
        more = hood.per_node.get(x, Counter())
        gone = x in hood.gone
        full = fulls[x]
        shape = "box" if k.shape == "text" else k.shape  # _shape(s, x)
        nodes.append(
            {
                "id": x,
                "label": labels[x] if few else "",
                "title": full if few else "\n".join([full, kind_names[k.key]]),
                "shape": shape,
                "color": GONE_COLOR if gone else k.color,
                "size": 16 if x == hood.center else 10,
                "font": {"size": 16 if x == hood.center else 13, "color": "#8a9099" if gone else "#1f2933"},
                "borderWidth": 3 if x == hood.center else 1,
                "x": pos[x][0],
                "y": round(pos[x][1] + layout.shape_offset(labels[x], x == hood.center, shape), 1),
                "physics": False,
                "kind": k.key,
                "kind_name": kind_names[k.key],
                "url": href(x),
                "full": full,
                "neighbours": {kind_names.get(kk) or kinds.kind_name(kk, lang): n for kk, n in more.most_common()},
                "neighbours_total": sum(more.values()),
                "expanded": x in expanded,
                "gone": hood.gone.get(x) if gone else None,
                "distance": hood.nodes[x],
            }
        )
    edges = []
    relation_labels: dict[str, str] = {}
    for e in hood.edges:
        label = relation_labels.get(e.label)
        if label is None:
            name = RELATION_NAMES.get(e.label)
            label = relation_labels[e.label] = gettext(lang, name) if name else s.label(e.label, lang)
        label = f"{label} {e.period}".strip() if e.period else label
        edges.append(
            {
                "id": f"{e.a} {e.b} {e.label}",
                "from": e.a,
                "to": e.b,
                "title": label,
                "dashes": e.label in (CO, SUCCEEDED),
            }
        )
        if e.label == SUCCEEDED:
            edges[-1]["color"] = {"color": GONE_COLOR, "highlight": "#333"}
    options = {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": len(edges) > 800, "multiselect": False},
        # what every edge shares is said once (a view has thousands): arrows, colour; physics is off
        "edges": {
            "smooth": False,
            "width": 1,
            "arrowStrikethrough": False,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "color": {"color": "#9aa", "highlight": "#333"},
        },
        "nodes": {"shapeProperties": {"borderRadius": 3}},
    }
    return {"nodes": nodes, "edges": edges, "options": options, "center": hood.center}


def top_bodies(s: Site, lang: str, n: int = 12) -> list[dict]:
    """Bodies with the most tasks (the named query top_bodies; groups and roles left out): where to
    start exploring."""
    memo = s.memo.setdefault("top_bodies", {})  # a build never changes: counted once
    if "rows" not in memo:
        memo["rows"] = s.select(queries.named("top_bodies"))
    rows = memo["rows"]
    out = [
        {"term": s.term(r["body"], lang), "tasks": int(r["tasks"].value)}
        for r in rows
        if s.kind(r["body"].value) == "body"
    ]
    return out[:n]


@router.get("/graph/export")
def graph_export(
    request: Request,
    iri_: str = Query(..., alias="iri"),
    depth: int = Query(1, ge=1, le=3),
    kinds_: list[str] = Query([], alias="kinds"),
    doc: str | None = None,
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    format: str = "graphml",
    at: str | None = None,
    expand: str = "",
    more: str = "",
):
    """The current view for Gephi/yEd (GraphML) or a spreadsheet (CSV of edges)."""
    s = site(request)
    lang = lang_of(request)
    view = view_of(s, iri_, depth, kinds_, doc, limit, at, expand, more)
    hood = explore(s, view, lang)
    g = nx.MultiDiGraph()
    for x, d in hood.nodes.items():
        g.add_node(x, label=s.label(x, lang), kind=s.kind(x), distance=d)
    for e in hood.edges:
        name = RELATION_NAMES.get(e.label)
        g.add_edge(e.a, e.b, label=gettext(lang, name) if name else s.label(e.label, lang), predicate=e.label)
    if format == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["source", "source_label", "relation", "target", "target_label"])
        for a, b, data in g.edges(data=True):
            w.writerow([a, g.nodes[a]["label"], data["label"], b, g.nodes[b]["label"]])
        return Response(
            buf.getvalue(),
            media_type="text/csv",
            headers={"Content-Disposition": 'attachment; filename="kgraph-graph.csv"'},
        )
    if format != "graphml":
        raise PageError(400, N_("format must be graphml or csv"))
    return Response(
        "\n".join(nx.generate_graphml(g)),
        media_type="application/graphml+xml",
        headers={"Content-Disposition": 'attachment; filename="kgraph-graph.graphml"'},
    )


@router.get("/graph")
@router.get("/graph.json")
def graph_page(
    request: Request,
    iri_: str | None = Query(None, alias="iri"),
    depth: int = Query(1, ge=1, le=3),
    kinds_: list[str] = Query([], alias="kinds"),
    doc: str | None = None,
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    at: str | None = None,
    expand: str = "",
    more: str = "",
    sel: str | None = None,
):
    """The graph view; a view already drawn for this build is answered from memory (the layout
    of a large neighbourhood costs far more than its page)."""
    return remembered(request, lambda: _graph_page(request, iri_, depth, kinds_, doc, limit, at, expand, more, sel))


def _graph_page(request, iri_, depth, kinds_, doc, limit, at, expand, more, sel):
    s = site(request)
    lang = lang_of(request)
    day = day_param(at)
    docs = sorted(s.source_docs())
    base = {
        "limit": limit,
        "depth": depth,
        "doc": doc if doc in docs else None,
        "docs": docs,
        "all_kinds": [k.key for k in kinds.KINDS if k.key not in kinds.PLUMBING],
        "kinds": sorted({k for part in kinds_ for k in part.split(",") if k in kinds.BY_KEY}),
        "step": STEP,
        "at": day,
    }
    if not iri_:
        return page(request, "graph.html", base | {"center": None, "suggestions": top_bodies(s, lang)})
    view = view_of(s, iri_, depth, kinds_, doc, limit, at, expand, more)
    center = view.center
    if (
        not s.types(center)
        and not s.labels(center)
        and not s.select(queries.internal("outgoing"), {"s": center}, limit=1)
    ):
        raise PageError(404, N_("no resource %(iri)s"), iri=center)
    hood = explore(s, view, lang)
    data = to_vis(s, hood, view, lang)
    centre: dict[str, str] = {}
    for n in data["nodes"]:  # what a click does: expand it (or its next step), or centre on it
        x = n["id"]
        steps = dict(view.more).get(x, 0)
        n["expand_url"] = url_of(
            view, expand=[*view.expand, x] if x not in view.expand else list(view.expand), sel=_short(x)
        )
        n["more_url"] = url_of(view, more={x: steps + 1}, sel=_short(x)) if x in view.expand else None
        n["center_url"] = centre[x] = url_of(view, iri=x, expand=[], more={}, limit=DEFAULT_LIMIT)
    selected = _resolve(sel) if sel else None
    nodes = sorted(hood.nodes, key=lambda x: (hood.nodes[x], kinds.ORDER.get(s.kind(x), 99), s.label(x, lang)))
    return page(
        request,
        "graph.html",
        base
        | {
            "center": s.term(center, lang),
            "data": data,
            "selected": selected if selected in hood.nodes else None,
            "shown": len(hood.nodes),
            "reached": hood.reached,
            "truncated": hood.truncated,
            "hidden": dict(hood.hidden.most_common()),
            "beyond": dict(hood.beyond.most_common()),
            "gone": len(hood.gone),
            "share": url_of(view),
            "export": url_of(view).replace("/graph?", "/graph/export?", 1),
            "expand": url_of(view, limit=min(view.limit + DEFAULT_LIMIT, MAX_LIMIT)),
            "deeper": url_of(view, depth=view.depth + 1) if view.depth < 3 else None,
            "reset": url_of(view, expand=[], more={}) if view.expand else None,
            "node_list": [
                {
                    "term": s.term(x, lang),
                    "distance": hood.nodes[x],
                    "more": sum(hood.per_node.get(x, Counter()).values()),
                    "recenter": centre[x],
                    "gone": x in hood.gone,
                }
                for x in nodes
            ],
            "kind_views": {k: url_of(view, kinds=k) for k in hood.hidden},
        },
    )
