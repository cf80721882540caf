"""Where do mandates overlap? Detection over the whole graph and the drafter check.

Every finding is something for a lawyer to review, never a verdict: it carries
a score, a reason in words and the source spans of both sides.

Similarity of two mandates (see `textsim`): TF-IDF over word and character
n-grams of their terms, times `ACTION_PENALTY` when their main actions differ.
Texts in the same language are compared on all their terms; a Kazakh text and a
Russian one only on the terms they can share (the bilingual lexicon, glossary
expansions, registry names), since nothing else can match across languages.

Kinds of findings:
  competence-duplicate      two competence items of different roles/bodies say the same thing
  task-duplicate            the same action in two plans, led by different (unrelated) bodies
  task-outside-competence   a task whose lead body holds no competence like it on the plan's
                            date, while another role's competence matches it
  competence-without-task   a competence no plan task resembles               (one side)
  task-without-single-lead  several executors and no single accountable lead (one side)
  co-assigned-pair          two bodies co-assigned to many tasks               (bodies, not mandates)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from kgraph import iri
from kgraph.analysis.index import CROSS_THRESHOLD, METHOD, THRESHOLD, Analyzer, analyzer_for, post_build  # noqa: F401
from kgraph.analysis.mandates import Mandate, Span
from kgraph.store import open_store

MIN_SHARED_TASKS = 3  # co-assigned-pair: body pairs sharing at least this many tasks
PAIR_KINDS = ("competence-duplicate", "task-duplicate", "task-outside-competence")


@dataclass(frozen=True)
class Match:
    """One existing mandate similar to a drafted text."""

    kind: str  # competence | task
    iri: str
    body: str  # grantee (competence) or lead executor (task) IRI
    body_label: str
    article: str  # article IRI (competence) or plan IRI (task)
    score: float
    quote: str  # the text exactly as in the source
    text: str = ""
    ref: str = ""
    source: str = ""
    article_label: str = ""
    holders: tuple[str, ...] = ()  # labels of the bodies holding the grantee role now


@dataclass(frozen=True)
class Finding:
    kind: str
    a: str
    b: str  # "" for one-sided findings
    score: float
    reason: str
    method: str = METHOD
    a_spans: tuple[Span, ...] = ()
    b_spans: tuple[Span, ...] = ()
    bodies: tuple[str, ...] = ()  # IRIs of the bodies/roles concerned
    status: str = "to review"


def _agent_iri(body: str) -> str:
    return body if body.startswith(("http://", "https://")) else iri.org(body)


# --- drafter check ----------------------------------------------------------------------


def check(
    text: str,
    lang: str | None = None,
    body: str | None = None,
    store=None,
    top: int = 10,
    kinds: tuple[str, ...] = ("competence", "task"),
) -> list[Match]:
    """Existing competence items and tasks most similar to a drafted text."""
    if store is None:
        store = open_store()
    an = analyzer_for(store)
    terms, lang = an.query_terms(text, lang)
    rows = [
        i
        for i, m in enumerate(an.items)
        if m.kind in kinds and not m.residual and (body is None or an.belongs_to(m, _agent_iri(body)))
    ]
    if not rows or not terms:
        return []
    scores = an.scores_against(terms, lang, rows)
    order = np.argsort(-scores, kind="stable")[:top]
    return [_match(an, an.items[rows[k]], float(scores[k])) for k in order if scores[k] > 0]


def _match(an: Analyzer, m: Mandate, score: float) -> Match:
    lead = m.lead or (m.parties[0] if m.parties else None)
    agent = lead.agent if lead else ""
    quote = m.spans[0].quote if m.spans else m.text
    return Match(
        kind=m.kind,
        iri=m.iri,
        body=agent,
        body_label=an.corpus.label(agent) if agent else "",
        article=m.container,
        score=round(score, 4),
        quote=" ".join(quote.split()),
        text=m.text,
        ref=m.ref,
        source=m.source,
        article_label=an.corpus.label(m.container) if m.container else "",
        holders=an.holders_now(agent) if lead and lead.kind == "role" else (),
    )


# --- detection ---------------------------------------------------------------------------------


def detect(store, kinds: tuple[str, ...] | None = None) -> list[Finding]:
    """All findings of the graph, best first within each kind."""
    an = analyzer_for(store)
    out: list[Finding] = []
    wanted = set(kinds or ()) or None
    steps = (
        ("competence-duplicate", competence_duplicates),
        ("task-duplicate", task_duplicates),
        ("task-outside-competence", tasks_outside_competence),
        ("competence-without-task", competences_without_task),
        ("task-without-single-lead", tasks_without_single_lead),
        ("co-assigned-pair", co_assigned_pairs),
    )
    for kind, step in steps:
        if wanted is None or kind in wanted:
            out.extend(sorted(step(an), key=lambda f: -f.score))
    return out


def _idx(an: Analyzer, kind: str, residual: bool = False) -> list[int]:
    return [i for i, m in enumerate(an.items) if m.kind == kind and (residual or not m.residual)]


def _name(an: Analyzer, m: Mandate) -> str:
    where = m.ref or m.iri.rsplit("/", 1)[-1]
    return f"{m.source} {where}".strip()


def _finding(an, kind, a: Mandate, b: Mandate, score, reason) -> Finding:
    bodies = tuple(dict.fromkeys(p.agent for m in (a, b) for p in m.parties[:1]))
    return Finding(kind, a.iri, b.iri, round(score, 4), reason, METHOD, a.spans, b.spans, bodies)


def competence_duplicates(an: Analyzer) -> list[Finding]:
    idx = _idx(an, "competence")
    sims = an.pair_matrix(idx, idx)
    out = []
    for x, i in enumerate(idx):
        for y in range(x + 1, len(idx)):
            j = idx[y]
            a, b = an.items[i], an.items[j]
            ga, gb = (a.lead.agent if a.lead else ""), (b.lead.agent if b.lead else "")
            if sims[x, y] < an.threshold(i, j) or not ga or an.related(ga, gb):
                continue
            out.append(
                _finding(
                    an,
                    "competence-duplicate",
                    a,
                    b,
                    sims[x, y],
                    f"{_name(an, a)} ({an.corpus.label(ga)}) and {_name(an, b)} "
                    f"({an.corpus.label(gb)}) grant the same action on the same object",
                )
            )
    return out


def task_duplicates(an: Analyzer) -> list[Finding]:
    idx = [i for i in _idx(an, "task") if an.items[i].lead]
    sims = an.pair_matrix(idx, idx)
    out = []
    for x, i in enumerate(idx):
        for y in range(x + 1, len(idx)):
            j = idx[y]
            a, b = an.items[i], an.items[j]
            la, lb = a.lead.agent, b.lead.agent
            if sims[x, y] < an.threshold(i, j) or a.container == b.container or an.related(la, lb):
                continue
            out.append(
                _finding(
                    an,
                    "task-duplicate",
                    a,
                    b,
                    sims[x, y],
                    f"the same action is assigned in two plans: {_name(an, a)} led by "
                    f"{an.corpus.label(la)}, {_name(an, b)} led by {an.corpus.label(lb)}",
                )
            )
    return out


def tasks_outside_competence(an: Analyzer) -> list[Finding]:
    comps = _idx(an, "competence")
    tasks = [i for i in _idx(an, "task") if an.items[i].lead and an.items[i].lead.kind == "body"]
    if not comps or not tasks:
        return []
    sims = an.pair_matrix(tasks, comps)
    known = {r for r, hs in an._holdings.items() if hs}
    out = []
    for x, i in enumerate(tasks):
        t = an.items[i]
        body = t.lead.agent
        roles = an.roles_of(body, t.date)
        own = [
            y
            for y, j in enumerate(comps)
            if an.items[j].lead and (an.items[j].lead.agent in roles or an.related(an.items[j].lead.agent, body))
        ]
        if any(sims[x, y] >= an.threshold(i, comps[y]) for y in own):
            continue  # its own law gives it something like this
        best = max(range(len(comps)), key=lambda y: sims[x, y])
        c = an.items[comps[best]]
        grantee = c.lead.agent if c.lead else ""
        if sims[x, best] < an.threshold(i, comps[best]) or grantee not in known:
            continue  # nothing matches, or the matching role has no known holders (e.g. "state bodies")
        have = ", ".join(sorted(an.corpus.label(r) for r in roles)) or "no role in the loaded laws"
        out.append(
            _finding(
                an,
                "task-outside-competence",
                t,
                c,
                sims[x, best],
                f"{_name(an, t)} is led by {an.corpus.label(body)} (roles on "
                f"{t.date or 'unknown date'}: {have}); the closest competence, {_name(an, c)}, "
                f"is granted to {an.corpus.label(grantee)}",
            )
        )
    return out


def competences_without_task(an: Analyzer) -> list[Finding]:
    comps, tasks = _idx(an, "competence"), _idx(an, "task")
    if not comps or not tasks:
        return []
    sims = an.pair_matrix(comps, tasks)
    out = []
    for x, i in enumerate(comps):
        y = int(np.argmax(sims[x]))
        if sims[x, y] >= an.threshold(i, tasks[y]):
            continue
        c = an.items[i]
        out.append(
            Finding(
                "competence-without-task",
                c.iri,
                "",
                round(1 - float(sims[x, y]), 4),
                f"{_name(an, c)}: no plan task resembles it (closest: {_name(an, an.items[tasks[y]])}, "
                f"{sims[x, y]:.2f})",
                METHOD,
                c.spans,
                (),
                tuple(p.agent for p in c.parties[:1]),
            )
        )
    return out


def tasks_without_single_lead(an: Analyzer) -> list[Finding]:
    out = []
    for t in (m for m in an.items if m.kind == "task"):
        lead = t.lead
        if lead is None:
            why = "no lead executor is recorded" if t.parties else "no executor is recorded"
        elif lead.kind != "body":
            why = f"the lead executor is a {lead.kind} ({an.corpus.label(lead.agent)}), not one body"
        elif lead.by_agreement:
            why = f"the lead executor {an.corpus.label(lead.agent)} takes part only by agreement"
        else:
            continue
        if len(t.parties) < 2 and lead is not None and lead.kind == "body":
            continue
        score = 1.0 if lead is None else 0.8 if lead.kind != "body" else 0.6
        out.append(
            Finding(
                "task-without-single-lead",
                t.iri,
                "",
                score,
                f"{_name(an, t)}: {why}; {len(t.parties)} executor(s)",
                "assignment-structure",
                t.spans,
                (),
                tuple(p.agent for p in t.parties),
            )
        )
    return out


def co_assigned_pairs(an: Analyzer, minimum: int = MIN_SHARED_TASKS) -> list[Finding]:
    shared: dict[tuple[str, str], list[Mandate]] = defaultdict(list)
    for t in (m for m in an.items if m.kind == "task"):
        agents = sorted({p.agent for p in t.parties if p.kind == "body"})
        for x, a in enumerate(agents):
            for b in agents[x + 1 :]:
                shared[(a, b)].append(t)
    out = []
    for (a, b), ts in shared.items():
        if len(ts) < minimum:
            continue
        refs = ", ".join(_name(an, t) for t in ts[:8]) + (" …" if len(ts) > 8 else "")
        out.append(
            Finding(
                "co-assigned-pair",
                a,
                b,
                float(len(ts)),
                f"{an.corpus.label(a)} and {an.corpus.label(b)} are co-assigned to {len(ts)} tasks: {refs}",
                "co-assignment-count",
                (),
                (),
                (a, b),
            )
        )
    return out
