"""The curated institution registry (data/registry.yaml) as frozen dataclasses.

The registry is reference data: names, abbreviations, hierarchy, succession
events, who held a legal role when, and how collective mentions expand.

Validity intervals are half-open: a body is valid on ``d`` when
``valid_from <= d < valid_until`` (a missing bound is open). ``valid_until`` is
the day the successor took over, so predecessor and successor never overlap.

``load()`` validates the whole file and raises ``RegistryError`` naming the
file and the entry for every problem it finds.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import yaml

from kgraph import settings
from kgraph.errors import InputError

# The registry beside the default catalog (kgraph.catalog.registry_path), in the working directory.
DEFAULT_PATH = settings.DEFAULT_CATALOG.parent / settings.REGISTRY_FILE

BODY_TYPES = frozenset(
    {
        "Government",
        "Ministry",
        "Agency",
        "Committee",
        "LocalExecutiveBody",
        "PresidentialBody",
        "NationalBank",
        "Parliament",
        "NationalHolding",
        "NationalCompany",
        "JointStockCompany",
        "DevelopmentInstitution",
        "Council",
        "University",
        "ResearchOrganization",
        "Fund",
        "OtherOrganization",
    }
)
EVENT_KINDS = frozenset({"renaming", "merger", "split", "transfer", "establishment", "abolition"})
LANGS = ("ru", "kk", "en")
LEVELS = frozenset({"region", "republican-city", "capital"})
# Which akimat levels a group scope covers.
SCOPES = {
    "regions": frozenset({"region"}),
    "republican-cities": frozenset({"republican-city", "capital"}),
    "regions-and-republican-cities": frozenset({"region", "republican-city", "capital"}),
}
# Events that are organisational succession; "transfer" moves functions only.
SUCCESSION_KINDS = frozenset({"renaming", "merger", "split", "establishment", "abolition"})

_EMPTY: Mapping = MappingProxyType({})


class RegistryError(InputError, ValueError):
    """The registry file is malformed. Names the file and every bad entry."""

    def __init__(self, path: Path | str, problems: list[str]):
        self.problems = list(problems)
        super().__init__(path, "invalid registry:\n  " + "\n  ".join(self.problems))


def _in_interval(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or start <= day) and (end is None or day < end)


def _overlap(a: tuple, b: tuple) -> bool:
    """Do half-open intervals (start, end) with open ends overlap?"""
    a0, a1 = a
    b0, b1 = b
    return (a1 is None or b0 is None or b0 < a1) and (b1 is None or a0 is None or a0 < b1)


@dataclass(frozen=True)
class Abbreviation:
    text: str
    lang: str
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None


@dataclass(frozen=True)
class Body:
    id: str
    type: str = field(compare=False)
    names: Mapping[str, str] = field(compare=False, default_factory=lambda: _EMPTY)
    abbreviations: tuple[Abbreviation, ...] = field(compare=False, default=())
    variants: tuple[str, ...] = field(compare=False, default=())
    parent: str | None = field(compare=False, default=None)
    level: str | None = field(compare=False, default=None)
    valid_from: dt.date | None = field(compare=False, default=None)
    valid_until: dt.date | None = field(compare=False, default=None)
    source_note: str = field(compare=False, default="")

    @property
    def abbr(self) -> Mapping[str, tuple[str, ...]]:
        """Abbreviations per language (ignoring their own validity windows)."""
        out: dict[str, list[str]] = {}
        for a in self.abbreviations:
            out.setdefault(a.lang, []).append(a.text)
        return MappingProxyType({k: tuple(v) for k, v in out.items()})

    def valid_on(self, day: dt.date) -> bool:
        return _in_interval(day, self.valid_from, self.valid_until)

    def abbreviation_window(self, a: Abbreviation) -> tuple:
        """An abbreviation is valid within its own window and the body's life."""
        start = max((d for d in (a.valid_from, self.valid_from) if d), default=None)
        ends = [d for d in (a.valid_until, self.valid_until) if d]
        return start, (min(ends) if ends else None)


@dataclass(frozen=True)
class Event:
    id: str
    kind: str = field(compare=False)
    date: dt.date | None = field(compare=False, default=None)
    from_ids: tuple[str, ...] = field(compare=False, default=())
    to_ids: tuple[str, ...] = field(compare=False, default=())
    note: str = field(compare=False, default="")


@dataclass(frozen=True)
class RoleHolding:
    body: str
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    note: str = ""


@dataclass(frozen=True)
class Role:
    id: str
    names: Mapping[str, str] = field(compare=False, default_factory=lambda: _EMPTY)
    variants: tuple[str, ...] = field(compare=False, default=())
    defined_in: str = field(compare=False, default="")
    holders: tuple[RoleHolding, ...] = field(compare=False, default=())
    group: str | None = field(compare=False, default=None)


@dataclass(frozen=True)
class MemberRule:
    types: tuple[str, ...]
    scope: str | None = None


@dataclass(frozen=True)
class Group:
    id: str
    names: Mapping[str, str] = field(compare=False, default_factory=lambda: _EMPTY)
    patterns: tuple[str, ...] = field(compare=False, default=())
    members: MemberRule | None = field(compare=False, default=None)
    note: str = field(compare=False, default="")


class Registry:
    """Lookups over bodies, events, roles and groups. Built by ``load``."""

    def __init__(
        self,
        bodies: Iterable[Body],
        events: Iterable[Event],
        roles: Iterable[Role],
        groups: Iterable[Group],
        path: Path | None = None,
    ):
        self.path = path
        self.bodies = tuple(bodies)
        self.events = tuple(events)
        self.roles = tuple(roles)
        self.groups = tuple(groups)
        self._bodies = {b.id: b for b in self.bodies}
        self._roles = {r.id: r for r in self.roles}
        self._groups = {g.id: g for g in self.groups}

    def __repr__(self) -> str:
        return (
            f"Registry({self.path}, bodies={len(self.bodies)}, events={len(self.events)}, "
            f"roles={len(self.roles)}, groups={len(self.groups)})"
        )

    def body(self, body_id: str) -> Body:
        return self._bodies[body_id]

    def role(self, role_id: str) -> Role:
        return self._roles[role_id]

    def group(self, group_id: str) -> Group:
        return self._groups[group_id]

    def has_body(self, body_id: str) -> bool:
        return body_id in self._bodies

    def valid_on(self, body_id: str, day: dt.date) -> bool:
        return self._bodies[body_id].valid_on(day)

    def successors(self, body_id: str) -> tuple[str, ...]:
        """Direct organisational successors (function transfers excluded)."""
        out: list[str] = []
        for e in self._events_sorted():
            if e.kind in SUCCESSION_KINDS and body_id in e.from_ids:
                out.extend(t for t in e.to_ids if t != body_id and t not in out)
        return tuple(out)

    def predecessors(self, body_id: str) -> tuple[str, ...]:
        out: list[str] = []
        for e in self._events_sorted():
            if e.kind in SUCCESSION_KINDS and body_id in e.to_ids:
                out.extend(f for f in e.from_ids if f != body_id and f not in out)
        return tuple(out)

    def chain(self, body_id: str) -> tuple[str, ...]:
        """The body and all its successors, breadth-first (branches at splits)."""
        order, queue = [body_id], [body_id]
        while queue:
            for nxt in self.successors(queue.pop(0)):
                if nxt not in order:
                    order.append(nxt)
                    queue.append(nxt)
        return tuple(order)

    def holder(self, role_id: str, on: dt.date) -> str | None:
        """The body holding a role on a date, or None if unknown or collective."""
        for h in self._roles[role_id].holders:
            if _in_interval(on, h.valid_from, h.valid_until):
                return h.body
        return None

    def members(self, group_id: str, on: dt.date | None) -> tuple[str, ...]:
        """Registered bodies a group covers on a date, or at any time when `on` is None
        (empty if not enumerable)."""
        rule = self._groups[group_id].members
        if rule is None:
            return ()
        levels = SCOPES.get(rule.scope) if rule.scope else None
        return tuple(
            b.id
            for b in self.bodies
            if b.type in rule.types and (on is None or b.valid_on(on)) and (levels is None or b.level in levels)
        )

    def _events_sorted(self) -> tuple[Event, ...]:
        # Undated events sort last; ties keep file order.
        return tuple(sorted(self.events, key=lambda e: e.date or dt.date.max))


# --------------------------------------------------------------------------
# Loading and validation


def _as_date(value, where: str, errors: list[str]) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    errors.append(f"{where}: not an ISO date: {value!r}")
    return None


def _names(raw, where: str, errors: list[str], required: bool = True) -> Mapping[str, str]:
    raw = raw or {}
    if not isinstance(raw, dict):
        errors.append(f"{where}: names must be a mapping of language to text")
        return _EMPTY
    bad = set(raw) - set(LANGS)
    if bad:
        errors.append(f"{where}: unknown name languages {sorted(bad)}")
    if required and not all(raw.get(lang) for lang in LANGS):
        errors.append(f"{where}: names need ru, kk and en")
    return MappingProxyType({k: str(v) for k, v in raw.items() if v})


def _abbreviations(raw, where: str, errors: list[str]) -> tuple[Abbreviation, ...]:
    out: list[Abbreviation] = []
    if not raw:
        return ()
    if not isinstance(raw, dict):
        errors.append(f"{where}: abbr must map a language to a list")
        return ()
    for lang, items in raw.items():
        if lang not in LANGS:
            errors.append(f"{where}: unknown abbreviation language {lang!r}")
            continue
        for item in items or ():
            if isinstance(item, dict):
                out.append(
                    Abbreviation(
                        str(item["text"]),
                        lang,
                        _as_date(item.get("from"), where, errors),
                        _as_date(item.get("until"), where, errors),
                    )
                )
            else:
                out.append(Abbreviation(str(item), lang))
    return tuple(out)


def _abbr_key(text: str) -> str:
    return re.sub(r"[\s«»\"“”„]", "", text).upper()


def _parse(data: Mapping, path: Path) -> Registry:
    errors: list[str] = []
    if not isinstance(data, dict):
        raise RegistryError(path, ["top level must be a mapping"])

    def entries(section: str) -> list[dict]:
        items = data.get(section) or []
        if not isinstance(items, list):
            errors.append(f"{section} must be a list")
            return []
        bad = [i for i, item in enumerate(items) if not isinstance(item, dict)]
        errors.extend(f"{section} entry #{i} is not a mapping" for i in bad)
        return [item for item in items if isinstance(item, dict)]

    bodies: list[Body] = []
    for i, raw in enumerate(entries("bodies")):
        bid = raw.get("id")
        where = f"body {bid or '#' + str(i)}"
        if not bid:
            errors.append(f"{where}: missing id")
            continue
        if raw.get("type") not in BODY_TYPES:
            errors.append(f"{where}: unknown type {raw.get('type')!r} (expected one of {sorted(BODY_TYPES)})")
        if raw.get("level") is not None and raw["level"] not in LEVELS:
            errors.append(f"{where}: unknown level {raw['level']!r}")
        body = Body(
            id=bid,
            type=raw.get("type"),
            names=_names(raw.get("names"), where, errors),
            abbreviations=_abbreviations(raw.get("abbr"), where, errors),
            variants=tuple(raw.get("variants") or ()),
            parent=raw.get("parent"),
            level=raw.get("level"),
            valid_from=_as_date(raw.get("valid_from"), where, errors),
            valid_until=_as_date(raw.get("valid_until"), where, errors),
            source_note=raw.get("source_note") or "",
        )
        if body.valid_from and body.valid_until and body.valid_until <= body.valid_from:
            errors.append(f"{where}: valid_until is not after valid_from")
        bodies.append(body)

    events = [
        Event(
            id=raw.get("id"),
            kind=raw.get("kind"),
            date=_as_date(raw.get("date"), f"event {raw.get('id')}", errors),
            from_ids=tuple(raw.get("from") or ()),
            to_ids=tuple(raw.get("to") or ()),
            note=raw.get("note") or "",
        )
        for raw in entries("events")
    ]

    roles: list[Role] = []
    for raw in entries("roles"):
        where = f"role {raw.get('id')}"
        raw_holders = raw.get("holders") or ()
        if any(not isinstance(h, dict) for h in raw_holders):
            errors.append(f"{where}: every holder must be a mapping with a body")
        holders = tuple(
            RoleHolding(
                body=h.get("body"),
                valid_from=_as_date(h.get("from"), where, errors),
                valid_until=_as_date(h.get("until"), where, errors),
                note=h.get("note") or "",
            )
            for h in raw_holders
            if isinstance(h, dict)
        )
        roles.append(
            Role(
                id=raw.get("id"),
                names=_names(raw.get("names"), where, errors),
                variants=tuple(raw.get("variants") or ()),
                defined_in=raw.get("defined_in") or "",
                holders=holders,
                group=raw.get("group"),
            )
        )

    groups: list[Group] = []
    for raw in entries("groups"):
        where = f"group {raw.get('id')}"
        rule = raw.get("members")
        member_rule = None
        if rule is not None:
            types = rule.get("type") if isinstance(rule, dict) else None
            types = (types,) if isinstance(types, str) else tuple(types or ())
            if not types or not set(types) <= BODY_TYPES:
                errors.append(f"{where}: members rule needs known body types, got {types!r}")
            if rule.get("scope") is not None and rule["scope"] not in SCOPES:
                errors.append(f"{where}: unknown members scope {rule['scope']!r}")
            member_rule = MemberRule(types=types, scope=rule.get("scope"))
        groups.append(
            Group(
                id=raw.get("id"),
                names=_names(raw.get("names"), where, errors),
                patterns=tuple(raw.get("patterns") or ()),
                members=member_rule,
                note=raw.get("note") or "",
            )
        )

    _check_references(bodies, events, roles, groups, errors)
    if errors:
        raise RegistryError(path, errors)
    return Registry(bodies, events, roles, groups, path)


def _check_references(bodies, events, roles, groups, errors) -> None:
    for kind, items in (("body", bodies), ("event", events), ("role", roles), ("group", groups)):
        seen: set[str] = set()
        for item in items:
            if not item.id:
                errors.append(f"{kind} without id")
            elif item.id in seen:
                errors.append(f"duplicate {kind} id {item.id!r}")
            seen.add(item.id)
    ids = {b.id for b in bodies}
    group_ids = {g.id for g in groups}
    for b in bodies:
        if b.parent is not None and b.parent not in ids:
            errors.append(f"body {b.id}: unknown parent {b.parent!r}")
    for e in events:
        if e.kind not in EVENT_KINDS:
            errors.append(f"event {e.id}: unknown kind {e.kind!r}")
        if (not e.from_ids and e.kind != "establishment") or (not e.to_ids and e.kind != "abolition"):
            errors.append(f"event {e.id}: needs from and to ids")
        for ref in e.from_ids + e.to_ids:
            if ref not in ids:
                errors.append(f"event {e.id}: unknown body id {ref!r}")
    for r in roles:
        for h in r.holders:
            if h.body not in ids:
                errors.append(f"role {r.id}: unknown holder body {h.body!r}")
        if r.group is not None and r.group not in group_ids:
            errors.append(f"role {r.id}: unknown group {r.group!r}")
    # The same abbreviation on two bodies alive at the same time is ambiguous.
    by_key: dict[str, list[tuple[Body, tuple]]] = {}
    for b in bodies:
        for a in b.abbreviations:
            by_key.setdefault(_abbr_key(a.text), []).append((b, b.abbreviation_window(a)))
    for key, owners in by_key.items():
        for i, (b1, w1) in enumerate(owners):
            for b2, w2 in owners[i + 1 :]:
                if b1.id != b2.id and _overlap(w1, w2):
                    errors.append(f"abbreviation {key!r} used by both {b1.id!r} and {b2.id!r} while both are valid")


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when present: 10x faster
    """Leaves dates as text so a bad date is reported with its entry."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(path: str | Path | None = None) -> Registry:
    """Load and validate a registry (default: data/registry.yaml in the working directory).

    Loaded once per file and version: the resolver asks for the default registry on every call."""
    path = Path(path if path is not None else DEFAULT_PATH).resolve()
    try:
        version = path.stat().st_mtime_ns
    except OSError:
        version = None
    return _load_cached(path, version)


def _load_path(path: Path) -> Registry:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RegistryError(path, [f"cannot read registry: {exc}"]) from exc
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise RegistryError(path, [f"not valid YAML: {exc}"]) from exc
    return _parse(data or {}, path)


@functools.lru_cache(maxsize=8)
def _load_cached(path: Path, version: int | None) -> Registry:
    return _load_path(path)
