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

import difflib
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from kgraph import iri
from kgraph.analysis import bands, levels
from kgraph.analysis.index import METHOD, Analyzer, analyzer_for, post_build  # noqa: F401
from kgraph.analysis.mandates import Mandate, Span
from kgraph.errors import DraftError
from kgraph.lang import OWN_COMPETENCE
from kgraph.store import open_store

MIN_SHARED_TASKS = 3  # co-assigned-pair: body pairs sharing at least this many tasks
PAIR_KINDS = ("competence-duplicate", "task-duplicate", "task-outside-competence")
# Shown unless asked otherwise. "competence-without-task" (a competence no plan task
# resembles) is true of nearly every competence while the graph holds few plans: it is
# computed only when asked for (`detect(kinds=...)`, `overlaps detect --kind ...`).
DEFAULT_KINDS = (*PAIR_KINDS, "task-without-single-lead", "co-assigned-pair")
ALL_KINDS = (*PAIR_KINDS, "competence-without-task", "task-without-single-lead", "co-assigned-pair")
MAX_TEXT = 20_000  # characters of a draft (a whole article fits)
# A finding (two existing mandates) needs a strong band and each text to have at least this
# share of the other's word weight: near-identical wording. Pairs that differ in a word that
# matters («ғылым кластері» / «ИКТ кластері», «500» / «250 млн») stay out; the drafter check
# still shows them. Chosen on tests/golden/overlap_findings.json (its fit half).
FINDING_COVER = 0.8
NOTHING = "no existing power overlaps this draft"


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
    band: str = ""  # duplicate | overlapping | complementary-levels | related
    band_title: str = ""
    levels: str = ""  # "develops / approves" when the band is complementary-levels
    cross_language: bool = False


@dataclass(frozen=True)
class Verdict:
    """The answer for one draft: shown matches, best first, and the answer as a whole."""

    text: str
    lang: str
    matches: tuple[Match, ...] = ()
    overlaps: bool = False  # some existing power duplicates or overlaps the draft
    summary: str = NOTHING
    counts: dict = field(default_factory=dict)


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
    band: str = ""
    a_text: str = ""
    b_text: str = ""
    a_basis: str = ""  # the legal basis of side a: "source art:5/item:3" or "source task:12"
    b_basis: str = ""


def _agent_iri(body: str) -> str:
    return body if body.startswith(("http://", "https://")) else iri.org(body)


# --- drafter check ----------------------------------------------------------------------


def validate_text(text: str) -> str:
    """The draft stripped, or a DraftError saying what is wrong with it."""
    if text is None or not text.strip():
        raise DraftError("the draft is empty: give the text of a competence or of an article")
    if len(text) > MAX_TEXT:
        raise DraftError(f"the draft has {len(text)} characters; at most {MAX_TEXT} are checked at once")
    return text.strip()


def resolve_body(an: Analyzer, body: str) -> str:
    """The IRI of a body or role the corpus knows, or a DraftError naming the closest ids."""
    target = _agent_iri(body)
    known = {p.agent for m in an.items for p in m.parties} | set(an.corpus.members) | set(an._holdings)
    for holders in an._holdings.values():
        known.update(h for h, _, _ in holders)
    for members in an.corpus.members.values():
        known.update(members)
    if target in known:
        return target
    ids = sorted({k.rsplit("/", 1)[-1] for k in known})
    close = difflib.get_close_matches(body.rsplit("/", 1)[-1], ids, n=3, cutoff=0.4)
    hint = f"; closest: {', '.join(close)}" if close else ""
    raise DraftError(f"unknown body {body!r}: no competence or task of the graph names it{hint}")


def verdict(
    text: str,
    lang: str | None = None,
    body: str | None = None,
    store=None,
    top: int = 10,
    kinds: tuple[str, ...] = ("competence", "task"),
    analyzer: Analyzer | None = None,
    exclude: frozenset[str] = frozenset(),
) -> Verdict:
    """The drafter check: existing powers in the bands duplicate, overlapping,
    complementary (levels of one function) and related, best first; below those
    nothing is shown, and "no existing power overlaps this draft" when no
    duplicate or overlapping one is found."""
    text = validate_text(text)
    an = analyzer or analyzer_for(store if store is not None else open_store())
    target = resolve_body(an, body) if body else None
    q = an.analyse(text, lang)
    items = [
        i
        for i, m in enumerate(an.items)
        if m.kind in kinds and not m.residual and m.iri not in exclude and (target is None or an.belongs_to(m, target))
    ]
    matches: list[Match] = []
    if items and (q.own or q.action.levels):
        floor = min(bands.shipped().same.rel, bands.shipped().cross.rel)
        scores, relations, cross, chosen = an.scores_against(q, items, floor=floor)
        shown = []
        for k in np.flatnonzero(scores >= floor):
            i = items[k]
            b = bands.band(float(scores[k]), relations[k], bool(cross[k]))
            if b:
                shown.append((bands.rank(b), -float(scores[k]), k, i, b))
        for _, _, k, i, b in sorted(shown)[:top]:
            lv = levels.describe(q.action, an.actions[chosen[k]]) if b == "complementary-levels" else ""
            matches.append(_match(an, an.items[i], float(scores[k]), b, lv, bool(cross[k])))
    counts = {b: sum(m.band == b for m in matches) for b in bands.BANDS}
    strong = [m for m in matches if m.band in bands.STRONG]
    if strong:
        best = strong[0]
        summary = f"{bands.TITLES[best.band]}: {best.source} {best.ref}".strip()
    elif counts["complementary-levels"]:
        summary = NOTHING + "; complementary powers (levels of one function) are shown"
    else:
        summary = NOTHING
    return Verdict(text, q.lang, tuple(matches), bool(strong), summary, counts)


def check(
    text: str,
    lang: str | None = None,
    body: str | None = None,
    store=None,
    top: int = 10,
    kinds: tuple[str, ...] = ("competence", "task"),
) -> list[Match]:
    """The matches of `verdict` (every shown band, best first)."""
    return list(verdict(text, lang, body, store, top, kinds).matches)


def _match(an: Analyzer, m: Mandate, score: float, band: str = "", lv: str = "", cross: bool = False) -> Match:
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
        band=band,
        band_title=bands.TITLES.get(band, ""),
        levels=lv,
        cross_language=cross,
    )


# --- detection ---------------------------------------------------------------------------------


def detect(store, kinds: tuple[str, ...] | None = None, analyzer: Analyzer | None = None) -> list[Finding]:
    """All findings of the graph (or of `analyzer`'s corpus), best first within each kind."""
    an = analyzer or analyzer_for(store)
    out: list[Finding] = []
    wanted = set(kinds or DEFAULT_KINDS)
    steps = (
        ("competence-duplicate", competence_duplicates),
        ("task-duplicate", task_duplicates),
        ("task-outside-competence", tasks_outside_competence),
        ("competence-without-task", competences_without_task),
        ("task-without-single-lead", tasks_without_single_lead),
        ("co-assigned-pair", co_assigned_pairs),
    )
    for kind, step in steps:
        if kind in wanted:
            out.extend(sorted(step(an), key=lambda f: -f.score))
    return out


def _idx(an: Analyzer, kind: str, residual: bool = False) -> list[int]:
    return [i for i, m in enumerate(an.items) if m.kind == kind and (residual or not m.residual)]


def _name(an: Analyzer, m: Mandate) -> str:
    where = m.ref or m.iri.rsplit("/", 1)[-1]
    return f"{m.source} {where}".strip()


def _basis(an: Analyzer, m: Mandate) -> str:
    """The legal basis of a mandate as a reader cites it: the act (or plan) and the subdivision."""
    where = an.corpus.label(m.container) if m.container else m.source
    return " ".join(x for x in (where, m.ref) if x)


def _finding(an, kind, a: Mandate, b: Mandate, score, reason, band: str = "") -> Finding:
    bodies = tuple(dict.fromkeys(p.agent for m in (a, b) for p in m.parties[:1]))
    return Finding(
        kind,
        a.iri,
        b.iri,
        round(score, 4),
        reason,
        METHOD,
        a.spans,
        b.spans,
        bodies,
        band=band,
        a_text=a.text,
        b_text=b.text,
        a_basis=_basis(an, a),
        b_basis=_basis(an, b),
    )


def finding_band(an: Analyzer, i: int, j: int) -> tuple[str | None, float]:
    """The band of two existing mandates when it makes a finding (strong band, wording
    covering each other: FINDING_COVER), else None; and their score."""
    if an.items[i].residual or an.items[j].residual:
        return None, 0.0
    score, relation, cross = an.pair(i, j)
    band = bands.band(score, relation, cross)
    if band not in bands.STRONG or an.mutual_cover(i, j) < FINDING_COVER or _one_action(an, i, j):
        return None, score
    return band, score


def _one_action(an: Analyzer, i: int, j: int) -> bool:
    """One side names an action and the other none: a list item naming only the means of its
    lead-in's action («посредством: 1) возмещения части затрат …») against a power over the
    same thing («осуществляет мониторинг … возмещения части затрат …»). A finding says "the same
    action on the same object", which such a pair does not show."""
    x, y = an.best_rows(i, j)
    return bool(an.actions[x].levels) != bool(an.actions[y].levels)


def _strong_pairs(an: Analyzer, rows: list[int], cols: list[int], same_set: bool):
    """(x, y, i, j, score, band) of mandate pairs that make a finding (`finding_band`)."""
    sims = an.pair_matrix(rows, cols)
    floor = min(bands.shipped().same.ovl, bands.shipped().cross.ovl)
    for x, y in zip(*np.nonzero(sims >= floor), strict=True):
        if same_set and y <= x:
            continue
        i, j = rows[x], cols[y]
        band, score = finding_band(an, i, j)
        if band:
            yield x, y, i, j, score, band


def _parties_differ(an: Analyzer, a: Mandate, b: Mandate) -> bool:
    """Two mandates whose grantees are surely two parties acting in one sphere: not the
    same body (succession, role holding, membership); not a body against a role whose
    holders the graph does not know (it may be that body); not a power the law limits to
    its body's own sphere («в пределах своей компетенции», «в соответствующей отрасли»,
    «құзыреті шегінде»: the law delimits it by scope); not
    two acts never in force together (a law and the law that replaced it); not one
    provision that grants a power to several bodies jointly (one record per grantee)."""
    ga, gb = (a.lead.agent if a.lead else ""), (b.lead.agent if b.lead else "")
    if not ga or not gb or an.same_party(ga, gb):
        return False
    kinds = {a.lead.kind, b.lead.kind}
    if kinds == {"body", "role"}:
        role = ga if a.lead.kind == "role" else gb
        if not an._holdings.get(role):
            return False
    if _never_together(a, b) or (_act(a) == _act(b) and a.ref and a.ref == b.ref):
        return False  # acts never in force together; one provision naming several bodies jointly
    return not (OWN_COMPETENCE.search(a.text) or OWN_COMPETENCE.search(b.text))


TEMPLATE_COVER = 0.9  # two bodies' functions worded alike to this degree are a regulation's template


def _by_design(an: Analyzer, i: int, j: int) -> bool:
    """A division of labour rather than an overlap: one body takes part («участвует в …»)
    in what the other does; two procedural sentences of one act (not list items) that
    name several bodies and are recorded once per body; or two bodies' own regulations repeat one template function
    word for word («создание совета по взаимодействию с неправительственными
    организациями»), each for its own sphere."""
    x, y = an.best_rows(i, j)
    if an.actions[x].participates != an.actions[y].participates:
        return True
    a, b = an.items[i], an.items[j]
    if _act(a) == _act(b) and "item:" not in a.ref + b.ref:
        return True  # two sentences of one act naming its bodies in turn («… уполномоченным органом или отраслевым …»)
    bodies = a.lead and b.lead and a.lead.kind == b.lead.kind == "body"
    return bool(bodies and a.source != b.source and an.mutual_cover(i, j) >= TEMPLATE_COVER)


def _text_of(m: Mandate) -> str:
    """The act and redaction a mandate's article belongs to («…/534-iv», «…/534-iv/ver_undated-kk»),
    or its source without the language (a provision stated in Russian and Kazakh has a source
    document per language)."""
    if "/art_" in m.container:
        return m.container.split("/art_")[0]
    return m.source[:-3] if m.source[-3:] in ("-ru", "-kk") else m.source


def _act(m: Mandate) -> str:
    """The act a mandate belongs to, whichever redaction of it."""
    return _text_of(m).split("/ver_")[0]


def _never_together(a: Mandate, b: Mandate) -> bool:
    """One act lost force before the other was adopted (dates as far as known), or two
    redactions of one act (the later replaced the earlier)."""
    if _act(a) == _act(b) and _text_of(a) != _text_of(b):
        return True
    return bool((a.until and b.date and a.until <= b.date) or (b.until and a.date and b.until <= a.date))


# Distinct item pairs between the same two articles of one act, with the same two grantees, in the
# same order in both (one list copied for another body): from this many on the articles are parallel
# lists. Fewer, or out of order, may be a real overlap (the authorized body and the planning body
# each forming the same policy).
PARALLEL_PAIRS = 3


def _article(m: Mandate) -> tuple[str, str]:
    """The act and article a competence belongs to (from its reference «art:39/item:22»)."""
    return _act(m), m.ref.split("/")[0] if m.ref.startswith("art:") else ""


def _position(ref: str) -> tuple[int, ...]:
    """An item's place in its article («art:39/para:2/item:12-1» -> (2, 12, 1))."""
    return tuple(int(n) for part in ref.split("/")[1:] for n in re.findall(r"\d+", part))


def _in_order(refs: set[tuple[str, str]]) -> bool:
    """Item pairs that keep one order in both articles (each list's items met in turn)."""
    seconds = [_position(b) for _, b in sorted(refs, key=lambda r: _position(r[0]))]
    return all(x < y for x, y in itertools.pairwise(seconds))


def _delimited(an: Analyzer, pairs: list[tuple[int, int, float, str]]) -> set[tuple[int, int]]:
    """Pairs that one act delimits on purpose: two provisions of one article (an article that
    divides a power among bodies paragraph by paragraph, each for its own territory: the akimats of
    oblasts and cities, of districts), or parallel lists — two articles of one act giving two bodies
    item after item, in the same order, the same functions (the management company of a special
    economic zone and that of an industrial zone, each in its own zone). Pairs are counted once
    whatever the language or redaction that states them."""
    groups: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    refs: dict[tuple[str, ...], set[tuple[str, str]]] = {}
    for i, j, _, _ in pairs:
        a, b = an.items[i], an.items[j]
        (act_a, art_a), (act_b, art_b) = _article(a), _article(b)
        if act_a != act_b or not art_a or not art_b:
            continue
        if (art_a, a.lead.agent) > (art_b, b.lead.agent):
            a, b, art_a, art_b = b, a, art_b, art_a
        key = (act_a, art_a, art_b, a.lead.agent, b.lead.agent)
        groups.setdefault(key, []).append((i, j))
        refs.setdefault(key, set()).add((a.ref, b.ref))
    return {
        p
        for key, members in groups.items()
        if key[1] == key[2] or (len(refs[key]) >= PARALLEL_PAIRS and _in_order(refs[key]))
        for p in members
    }


def competence_duplicates(an: Analyzer) -> list[Finding]:
    """Competences of two parties (`_parties_differ`) in the duplicate or overlapping band, unless
    their act delimits them on purpose (`_delimited`)."""
    idx = _idx(an, "competence")
    pairs = [
        (i, j, score, band)
        for _, _, i, j, score, band in _strong_pairs(an, idx, idx, True)
        if _parties_differ(an, an.items[i], an.items[j]) and not _by_design(an, i, j)
    ]
    delimited = _delimited(an, pairs)
    out = []
    for i, j, score, band in pairs:
        if (i, j) in delimited:
            continue
        a, b = an.items[i], an.items[j]
        ga, gb = (a.lead.agent if a.lead else ""), (b.lead.agent if b.lead else "")
        out.append(
            _finding(
                an,
                "competence-duplicate",
                a,
                b,
                score,
                f"{bands.TITLES[band]}: {_name(an, a)} ({an.corpus.label(ga)}) and {_name(an, b)} "
                f"({an.corpus.label(gb)}) grant the same action on the same object",
                band,
            )
        )
    return out


def task_duplicates(an: Analyzer) -> list[Finding]:
    """Tasks of two plans led by unrelated bodies, in the duplicate band."""
    idx = [i for i in _idx(an, "task") if an.items[i].lead]
    out = []
    for _, _, i, j, score, band in _strong_pairs(an, idx, idx, True):
        a, b = an.items[i], an.items[j]
        la, lb = a.lead.agent, b.lead.agent
        if band != "duplicate" or a.container == b.container or an.same_party(la, lb):
            continue
        out.append(
            _finding(
                an,
                "task-duplicate",
                a,
                b,
                score,
                f"the same action is assigned in two plans: {_name(an, a)} led by "
                f"{an.corpus.label(la)}, {_name(an, b)} led by {an.corpus.label(lb)}",
                band,
            )
        )
    return out


def tasks_outside_competence(an: Analyzer) -> list[Finding]:
    """A task whose lead body holds no competence like it on the plan's date while
    another role's competence is the same power (duplicate band): a weaker match
    is not a finding (it was the noise of the pages)."""
    comps = _idx(an, "competence")
    tasks = [i for i in _idx(an, "task") if an.items[i].lead and an.items[i].lead.kind == "body"]
    if not comps or not tasks:
        return []
    sims = an.pair_matrix(tasks, comps)
    known = {r for r, hs in an._holdings.items() if hs}
    related_cut = min(bands.shipped().same.rel, bands.shipped().cross.rel)
    grantees = defaultdict(list)  # a competence's grantee -> its columns in `sims`
    for y, j in enumerate(comps):
        if an.items[j].lead:
            grantees[an.items[j].lead.agent].append(y)
    out = []
    for x, i in enumerate(tasks):
        t = an.items[i]
        body = t.lead.agent
        roles = an.roles_of(body, t.date)
        own = [y for g, ys in grantees.items() if g in roles or an.related(g, body) for y in ys]
        if own and sims[x, own].max() >= related_cut:
            continue  # its own law gives it something like this
        best = int(np.argmax(sims[x]))
        c = an.items[comps[best]]
        grantee = c.lead.agent if c.lead else ""
        band, score = finding_band(an, i, comps[best])
        if band != "duplicate" or grantee not in known:
            continue  # no same power elsewhere, or its role has no known holders (e.g. "state bodies")
        have = ", ".join(sorted(an.corpus.label(r) for r in roles)) or "no role in the loaded laws"
        out.append(
            _finding(
                an,
                "task-outside-competence",
                t,
                c,
                score,
                f"{_name(an, t)} is led by {an.corpus.label(body)} (roles on "
                f"{t.date or 'unknown date'}: {have}); the same power, {_name(an, c)}, "
                f"is granted to {an.corpus.label(grantee)}",
                "duplicate",
            )
        )
    return out


def competences_without_task(an: Analyzer) -> list[Finding]:
    comps, tasks = _idx(an, "competence"), _idx(an, "task")
    if not comps or not tasks:
        return []
    sims = an.pair_matrix(comps, tasks)
    related_cut = min(bands.shipped().same.rel, bands.shipped().cross.rel)
    out = []
    for x, i in enumerate(comps):
        y = int(np.argmax(sims[x]))
        if sims[x, y] >= related_cut:
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
        elif lead.kind == "unresolved":
            continue  # one lead the registry does not know: a resolution gap (query unresolved_mentions), not this
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
    groups = [members for members in an.corpus.members.values() if len(members) > 1]
    for (a, b), ts in shared.items():
        if len(ts) < minimum or any(a in g and b in g for g in groups):
            continue  # few tasks, or two members of one collective group (akimats named as one party)
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
