"""Networks of the graph, built by SPARQL, and their metrics (networkx).

* body-task      bipartite: tasks and the parties assigned to them; edge attributes
                 role (lead | co-executor), by_agreement, position
* coassignment   its projection onto parties; weight = number of shared tasks
* competence     roles/bodies - competences - articles, plus role - holder edges
* succession     directed: original organization -> resulting organization

Node ids are IRIs; every node has `label` and `kind` (task, body, group, role,
unresolved, competence, article). Metric functions take a graph and return a
dict without touching it, in networkx style.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
from networkx.algorithms import bipartite

from kgraph import queries
from kgraph.analysis.mandates import LEAD, agent_kind, labels
from kgraph.results import rows

SAMPLE_ABOVE = 1000  # betweenness is sampled on graphs with more nodes than this
SAMPLE_K = 300  # ... with this many pivots
PARTY_KINDS = ("body", "group", "role", "unresolved")


def _add_node(g: nx.Graph, node: str, kind: str, names: dict[str, str], **attrs) -> None:
    if node not in g:
        g.add_node(node, label=names.get(node) or node.rsplit("/", 1)[-1], kind=kind, **attrs)


def body_task(store) -> nx.Graph:
    """Tasks (bipartite=1) and the parties assigned to them (bipartite=0)."""
    names, _ = labels(store)
    g = nx.Graph(name="body-task")
    for r in rows(queries.run(queries.internal("task_mandates"), store))[1]:
        task = r["t"]
        _add_node(g, task, "task", {task: r["text"]} if r["text"] else names, bipartite=1, plan=r["plan"])
        if not r["agent"]:
            continue
        agent = r["agent"]
        _add_node(g, agent, agent_kind(agent), names, bipartite=0)
        pos = int(r["pos"]) if r["pos"] else None
        lead = r["role"] == LEAD if r["role"] else pos == 0
        edge = {"role": "lead" if lead else "co-executor", "by_agreement": r["agree"] in {"true", "1"}}
        if pos is not None:
            edge["position"] = pos
        old = g.get_edge_data(agent, task)
        if old is None or (pos is not None and pos < old.get("position", pos + 1)):
            g.add_edge(agent, task, **edge)  # one edge per (party, task): the earliest listing wins
    return g


def parties(g: nx.Graph) -> list[str]:
    return [n for n, d in g.nodes(data=True) if d.get("bipartite") == 0]


def coassignment(body_task_graph: nx.Graph) -> nx.Graph:
    """Parties linked by the tasks they share; weight = number of shared tasks."""
    nodes = parties(body_task_graph)
    if not nodes:  # networkx refuses to project an empty graph
        return nx.Graph(name="coassignment")
    p = bipartite.weighted_projected_graph(body_task_graph, nodes)
    p.graph["name"] = "coassignment"
    return p


def competence_network(store, holders: bool = True) -> nx.Graph:
    """Roles/bodies -- competences -- articles; with `holders`, role -- holder edges too."""
    names, _ = labels(store)
    g = nx.Graph(name="competence")
    for r in rows(queries.run(queries.internal("competence_articles"), store))[1]:
        c = r["c"]
        _add_node(g, c, "competence", {c: r["label"]} if r["label"] else names)
        if r["agent"]:
            _add_node(g, r["agent"], agent_kind(r["agent"]), names)
            g.add_edge(r["agent"], c, rel="granted")
        if r["article"]:
            _add_node(g, r["article"], "article", names)
            g.add_edge(c, r["article"], rel="in_article")
    if holders:
        for r in rows(queries.run(queries.internal("role_holders_all"), store))[1]:
            _add_node(g, r["role"], "role", names)
            _add_node(g, r["holder"], agent_kind(r["holder"]), names)
            if not g.has_edge(r["role"], r["holder"]):
                g.add_edge(r["role"], r["holder"], rel="held_by", valid_from=r["from"], valid_until=r["until"])
    return g


def succession(store) -> nx.DiGraph:
    """Organisations linked by change events (original -> resulting)."""
    names, _ = labels(store)
    g = nx.DiGraph(name="succession")
    for r in rows(queries.run(queries.internal("change_events"), store))[1]:
        for node in (r["from"], r["to"]):
            _add_node(g, node, agent_kind(node), names)
        kind = r["kind"].rsplit("#", 1)[-1].lower() if r["kind"] else ""
        if not g.has_edge(r["from"], r["to"]):
            g.add_edge(r["from"], r["to"], date=r["date"], kind=kind, event=r["event"])
    return g


def networks(store) -> dict[str, nx.Graph]:
    bt = body_task(store)
    return {
        "body-task": bt,
        "coassignment": coassignment(bt),
        "competence": competence_network(store),
        "succession": succession(store),
    }


# --- metrics ----------------------------------------------------------------------------


def communities(g: nx.Graph, weight: str = "weight", seed: int = 0) -> list[set]:
    """Louvain communities, largest first (directed graphs as undirected)."""
    und = g.to_undirected(as_view=True) if g.is_directed() else g
    if und.number_of_edges() == 0:
        return [{n} for n in und]
    found = nx.community.louvain_communities(und, weight=weight, seed=seed)
    return sorted(found, key=lambda c: (-len(c), min(c)))


def components(g: nx.Graph) -> list[set]:
    comps = nx.weakly_connected_components(g) if g.is_directed() else nx.connected_components(g)
    return sorted(comps, key=lambda c: (-len(c), min(c)))


def betweenness(g: nx.Graph, k: int | None = None, seed: int = 0) -> dict:
    """Betweenness, sampled with `k` pivots (default: sampled above SAMPLE_ABOVE nodes)."""
    n = g.number_of_nodes()
    if k is None and n > SAMPLE_ABOVE:
        k = SAMPLE_K
    return nx.betweenness_centrality(g, k=min(k, n) if k else None, seed=seed)


def metrics(g: nx.Graph, weight: str = "weight", k: int | None = None, seed: int = 0) -> dict[str, dict]:
    """degree, weighted_degree, betweenness, community and component of every node."""
    comm = {n: i for i, c in enumerate(communities(g, weight, seed)) for n in c}
    comp = {n: i for i, c in enumerate(components(g)) for n in c}
    out = {
        "degree": dict(g.degree()),
        "weighted_degree": dict(g.degree(weight=weight)),
        "betweenness": betweenness(g, k, seed),
        "community": comm,
        "component": comp,
    }
    if g.graph.get("name") == "body-task":
        out["lead"] = {n: sum(1 for _, _, d in g.edges(n, data=True) if d.get("role") == "lead") for n in g}
    return out


def summary(g: nx.Graph) -> dict[str, int]:
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "components": len(components(g)),
        "communities": len(communities(g)),
    }


def top(g: nx.Graph, values: dict, n: int = 10, kinds: tuple[str, ...] = PARTY_KINDS) -> list[tuple[str, str, float]]:
    """The `n` nodes of the given kinds with the highest values: (node, label, value)."""
    ranked = sorted((v, node) for node, v in values.items() if g.nodes[node].get("kind") in kinds)
    ranked.sort(key=lambda x: (-x[0], g.nodes[x[1]].get("label", "")))
    return [(node, g.nodes[node].get("label", node), v) for v, node in ranked[:n]]


# --- export -----------------------------------------------------------------------------


def _clean(attrs: dict) -> dict:
    """GraphML/GEXF take str, int, float and bool values only, and no None."""
    return {k: v for k, v in attrs.items() if isinstance(v, (str, int, float, bool)) and v != ""}


def export(g: nx.Graph, out: Path, name: str, values: dict[str, dict] | None = None) -> list[Path]:
    """Write `name`.graphml, .gexf, -nodes.csv and -edges.csv; metrics become node attributes."""
    out.mkdir(parents=True, exist_ok=True)
    values = values or {}
    h = g.__class__()
    for node, attrs in g.nodes(data=True):
        extra = {m: vals[node] for m, vals in values.items() if node in vals}
        h.add_node(node, **_clean({**attrs, **extra}))
    for a, b, attrs in g.edges(data=True):
        h.add_edge(a, b, **_clean(attrs))
    paths = [out / f"{name}.graphml", out / f"{name}.gexf", out / f"{name}-nodes.csv", out / f"{name}-edges.csv"]
    nx.write_graphml(h, paths[0])
    nx.write_gexf(h, paths[1])
    node_cols = sorted({k for _, d in h.nodes(data=True) for k in d})
    with paths[2].open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", *node_cols])
        for node, d in h.nodes(data=True):
            w.writerow([node, *(d.get(c, "") for c in node_cols)])
    edge_cols = sorted({k for _, _, d in h.edges(data=True) for k in d})
    with paths[3].open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "target", *edge_cols])
        for a, b, d in h.edges(data=True):
            w.writerow([a, b, *(d.get(c, "") for c in edge_cols)])
    return paths
