"""Tests for kgraph.registry: loading, validation, succession, roles, groups."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest

from kgraph.registry import BODY_TYPES, DEFAULT_PATH, RegistryError, load

ROOT = Path(__file__).resolve().parents[1]

D2013 = dt.date(2013, 12, 13)
D2016 = dt.date(2016, 6, 1)
D2020 = dt.date(2020, 6, 1)
D2025 = dt.date(2025, 12, 24)


@pytest.fixture(scope="module")
def registry():
    return load()


# --------------------------------------------------------------------------
# The curated file


def test_default_path_is_the_registry_beside_the_default_catalog(monkeypatch, tmp_path):
    assert Path("data") / "registry.yaml" == DEFAULT_PATH  # relative: found from the working directory
    assert load() is load(ROOT / "data" / "registry.yaml")  # one load per file (cached)
    monkeypatch.chdir(tmp_path)  # another working directory: not the package's registry
    with pytest.raises(RegistryError, match="cannot read registry"):
        load()


def test_loads_with_every_section(registry):
    assert len(registry.bodies) >= 70
    assert len(registry.events) >= 10
    assert {r.id for r in registry.roles} >= {
        "government",
        "authorized-body-industrial-innovation",
        "state-planning-body",
        "state-bodies",
        "local-executive-bodies",
        "national-operator-sectoral-development",
        "national-operator-technological-development",
        "national-operator-local-content",
        "national-operator-investment-attraction",
        "national-operator-export-development",
    }
    assert {g.id for g in registry.groups} >= {
        "interested-state-bodies",
        "national-holdings-and-companies",
        "development-institutions",
        "local-executive-bodies",
        "central-and-local-executive-bodies",
    }


def test_every_body_is_complete(registry):
    for b in registry.bodies:
        assert b.type in BODY_TYPES
        assert set(b.names) == {"ru", "kk", "en"}, b.id
        assert b.source_note, b.id
        assert b.id == b.id.lower() and b.id.isascii() and " " not in b.id


@pytest.mark.parametrize(
    "body_id, lang, abbr",
    [
        ("mint", "ru", "МИНТ"),
        ("mint", "kk", "ИЖТМ"),
        ("mid", "ru", "МИР"),
        ("miid", "ru", "МИИР"),
        ("mps", "ru", "МПС"),
        ("mne", "ru", "МНЭ"),
        ("mebp", "ru", "МЭБП"),
        ("mrr", "ru", "МРР"),
        ("mon", "ru", "МОН"),
        ("mnvo", "ru", "МНВО"),
        ("mp", "ru", "МП"),
        ("as", "ru", "АС"),
        ("natd", "ru", "НАТР"),
        ("natd", "kk", "ТДҰА"),
        ("nas", "ru", "НАН РК"),
        ("ap", "ru", "АП"),
    ],
)
def test_abbreviations(registry, body_id, lang, abbr):
    assert abbr in registry.body(body_id).abbr[lang]


# --------------------------------------------------------------------------
# Succession


def test_industry_ministry_chain_from_mint_to_today(registry):
    chain = registry.chain("mint")
    assert chain[:4] == ("mint", "mid", "miid", "mps")
    assert registry.valid_on("mint", D2013) and not registry.valid_on("mint", D2025)
    assert registry.valid_on("mps", D2025)
    assert [b for b in chain if registry.valid_on(b, D2013)] == ["mint"]
    assert "mps" in [b for b in chain if registry.valid_on(b, D2025)]


def test_successors_skip_function_transfers(registry):
    # Investment promotion moved from МИР to МИД in 2018: functions, not succession.
    assert registry.successors("mid") == ("miid",)
    assert "mfa" not in registry.chain("mint")


@pytest.mark.parametrize(
    "body_id, successors",
    [
        ("mebp", ("mne",)),
        ("mrr", ("mne",)),
        ("as", ("mne",)),
        ("mng", ("me",)),
        ("mon", ("mp", "mnvo")),
        ("miid", ("mps", "mt")),
        ("akimat-south-kazakhstan-region", ("akimat-turkistan-region", "akimat-shymkent")),
        ("akimat-east-kazakhstan-region", ("akimat-abai-region",)),
        ("mne", ()),
    ],
)
def test_successors(registry, body_id, successors):
    assert registry.successors(body_id) == successors


def test_predecessors(registry):
    assert set(registry.predecessors("mne")) == {"mebp", "mrr", "as"}
    assert registry.predecessors("mnvo") == ("mon",)


def test_successor_starts_when_predecessor_ends(registry):
    for e in registry.events:
        if e.kind in ("renaming", "merger") and e.date:
            for old in e.from_ids:
                assert registry.body(old).valid_until == e.date, (e.id, old)
            for new in e.to_ids:
                assert registry.body(new).valid_from == e.date, (e.id, new)


@pytest.mark.parametrize(
    "body_id, bound, day",
    [
        # Presidential decree of 16 Jan 2013 No. 466
        ("mert", "valid_until", dt.date(2013, 1, 16)),
        ("mebp", "valid_from", dt.date(2013, 1, 16)),
        ("mrr", "valid_from", dt.date(2013, 1, 16)),
        # Presidential decree of 29 Oct 2013 No. 677
        ("mosvr", "valid_from", dt.date(2013, 10, 29)),
        # Government decree of 1 Mar 2017 No. 100
        ("kaznex-invest", "valid_until", dt.date(2017, 3, 1)),
        ("kazakh-invest", "valid_from", dt.date(2017, 3, 1)),
        # Government decree of 13 Dec 2018 No. 830
        ("kiri", "valid_until", dt.date(2018, 12, 13)),
        ("nadloc", "valid_until", dt.date(2018, 12, 13)),
        ("qazindustry", "valid_from", dt.date(2018, 12, 13)),
        # Presidential decrees of 19 Jun 2018 No. 702 and 3 May 2022 No. 887
        ("akimat-south-kazakhstan-region", "valid_until", dt.date(2018, 6, 19)),
        ("akimat-shymkent", "valid_from", dt.date(2018, 6, 19)),
        ("akimat-abai-region", "valid_from", dt.date(2022, 6, 8)),
        # Presidential decrees of 8 Sep 2020 No. 407 and 5 Oct 2020 No. 427
        ("aspr", "valid_from", dt.date(2020, 9, 8)),
        ("bns", "valid_from", dt.date(2020, 10, 5)),
        # Presidential decrees of 11 Jun 2022 No. 917 and 1 Sep 2023 No. 318
        ("mon", "valid_until", dt.date(2022, 6, 11)),
        ("mnvo", "valid_from", dt.date(2022, 6, 11)),
        ("miid", "valid_until", dt.date(2023, 9, 1)),
        ("mps", "valid_from", dt.date(2023, 9, 1)),
        # Presidential decree of 18 Mar 2025 No. 818
        ("aae", "valid_from", dt.date(2025, 3, 18)),
    ],
)
def test_lifetimes_follow_the_acts(registry, body_id, bound, day):
    assert getattr(registry.body(body_id), bound) == day


def test_renamed_and_merged_companies_succeed(registry):
    assert registry.successors("kaznex-invest") == ("kazakh-invest",)
    assert set(registry.predecessors("qazindustry")) == {"kiri", "nadloc"}
    # Functions moved by decrees No. 407 (2020) and No. 818 (2025): not succession.
    assert registry.successors("me") == ()
    assert "aspr" not in registry.successors("mne")


MIRROR_CITATION = re.compile(r"\[(codes|government)@[0-9a-f]{40}:\d\d-[^\]\s]+\.(md|yaml)\]")


def _notes(registry):
    for b in registry.bodies:
        yield b.id, b.source_note
    for e in registry.events:
        yield e.id, e.note
    for r in registry.roles:
        for h in r.holders:
            yield r.id, h.note


def test_notes_cite_acts_not_repository_files(registry):
    for where, note in _notes(registry):
        assert "DOMAIN.md" not in note and "data/" not in note, where
        for cited in re.findall(r"\[[^\]]*@[^\]]*\]", note):
            assert MIRROR_CITATION.fullmatch(cited), (where, cited)


def test_every_dated_reorganisation_cites_its_act_or_says_what_is_missing(registry):
    for e in registry.events:
        if e.date:
            assert MIRROR_CITATION.search(e.note) or "Not found:" in e.note or "NAS concept" in e.note, e.id


# --------------------------------------------------------------------------
# Roles and groups


@pytest.mark.parametrize(
    "role, day, holder",
    [
        ("authorized-body-industrial-innovation", dt.date(2012, 1, 9), "mint"),
        ("authorized-body-industrial-innovation", D2013, "mint"),
        ("authorized-body-industrial-innovation", D2016, "mid"),
        ("authorized-body-industrial-innovation", D2020, "miid"),
        ("authorized-body-industrial-innovation", D2025, "mps"),
        ("state-planning-body", D2013, "mebp"),
        ("state-planning-body", D2016, "mne"),
        ("authorized-body-science", D2020, "mon"),
        ("authorized-body-science", D2025, "mnvo"),
        ("national-operator-technological-development", D2013, "natd"),
        ("national-operator-sectoral-development", dt.date(2017, 6, 1), "kiri"),
        ("national-operator-sectoral-development", D2020, "qazindustry"),
        ("national-operator-investment-attraction", dt.date(2017, 6, 1), "kazakh-invest"),
        ("national-operator-export-development", dt.date(2018, 1, 1), None),
        ("government", D2025, "government"),
        ("state-bodies", D2013, None),
    ],
)
def test_holder_on_date(registry, role, day, holder):
    assert registry.holder(role, day) == holder


def test_role_holdings_do_not_overlap(registry):
    for r in registry.roles:
        spans = sorted((h.valid_from or dt.date.min, h.valid_until or dt.date.max) for h in r.holders)
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start, r.id


def test_akimats_as_of_2013_and_2025(registry):
    m2013 = registry.members("local-executive-bodies", D2013)
    m2025 = registry.members("local-executive-bodies", D2025)
    assert len(m2013) == 16  # 14 regions + Astana + Almaty
    assert len(m2025) == 20  # 17 regions + Astana + Almaty + Shymkent
    assert "akimat-south-kazakhstan-region" in m2013 and "akimat-shymkent" not in m2013
    assert {
        "akimat-abai-region",
        "akimat-zhetisu-region",
        "akimat-ulytau-region",
        "akimat-turkistan-region",
        "akimat-shymkent",
    } <= set(m2025)
    assert "akimat-south-kazakhstan-region" not in m2025


def test_group_members_by_type_and_date(registry):
    assert "natd" in registry.members("development-institutions", D2013)
    assert "kaznex-invest" in registry.members("development-institutions", D2013)
    assert "kaznex-invest" not in registry.members("development-institutions", D2025)
    assert "baiterek" not in registry.members("national-holdings-and-companies", dt.date(2013, 1, 1))
    assert "baiterek" in registry.members("national-holdings-and-companies", D2013)
    assert registry.members("interested-state-bodies", D2013) == ()


# --------------------------------------------------------------------------
# Validation of broken files

GOOD_BODY = "{id: a, type: Ministry, names: {ru: А, kk: А, en: A}, source_note: x}"


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "registry.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "yaml_text, message",
    [
        ("bodies:\n  - {id: a, type: Ministery, names: {ru: А, kk: А, en: A}}\n", "body a: unknown type 'Ministery'"),
        (f"bodies:\n  - {GOOD_BODY}\n  - {GOOD_BODY}\n", "duplicate body id 'a'"),
        (
            "bodies:\n  - {id: a, type: Ministry, names: {ru: А, kk: А, en: A}, parent: nowhere}\n",
            "body a: unknown parent 'nowhere'",
        ),
        (
            f"bodies:\n  - {GOOD_BODY}\nevents:\n  - {{id: e1, kind: merger, date: 2014-08-06, from: [a], to: [zz]}}\n",
            "event e1: unknown body id 'zz'",
        ),
        (
            f"bodies:\n  - {GOOD_BODY}\nevents:\n  - {{id: e1, kind: teleport, date: 2014-08-06, from: [a], to: [a]}}\n",
            "event e1: unknown kind 'teleport'",
        ),
        (
            "bodies:\n  - {id: a, type: Ministry, names: {ru: А, kk: А, en: A}, abbr: {ru: [МХ]}}\n"
            "  - {id: b, type: Agency, names: {ru: Б, kk: Б, en: B}, abbr: {ru: [МХ]}, valid_from: 2014-01-01}\n",
            "abbreviation 'МХ' used by both 'a' and 'b'",
        ),
        (
            "bodies:\n  - {id: a, type: Ministry, names: {ru: А, kk: А, en: A}, valid_from: 2014-13-01}\n",
            "body a: not an ISO date",
        ),
        (
            f"bodies:\n  - {GOOD_BODY}\nroles:\n  - {{id: r, names: {{ru: Р, kk: Р, en: R}}, holders: [{{body: ghost}}]}}\n",
            "role r: unknown holder body 'ghost'",
        ),
        (
            f"bodies:\n  - {GOOD_BODY}\ngroups:\n  - {{id: g, names: {{ru: Г, kk: Г, en: G}}, members: {{type: [Ghost]}}}}\n",
            "group g: members rule needs known body types",
        ),
        ("bodies:\n  - {id: a, type: Ministry, names: {ru: А}}\n", "body a: names need ru, kk and en"),
        ("bodies: [\n", "not valid YAML"),
    ],
)
def test_broken_registry_is_rejected(tmp_path, yaml_text, message):
    path = write(tmp_path, yaml_text)
    with pytest.raises(RegistryError) as err:
        load(path)
    assert str(path) in str(err.value)  # names the file
    assert message in str(err.value), str(err.value)


def test_abbreviations_in_disjoint_periods_are_allowed(tmp_path):
    path = write(
        tmp_path,
        """
bodies:
  - {id: a, type: Ministry, names: {ru: А, kk: А, en: A}, abbr: {ru: [МХ]}, valid_until: 2014-08-06}
  - {id: b, type: Ministry, names: {ru: Б, kk: Б, en: B}, valid_from: 2014-08-06,
     abbr: {ru: [{text: МХ, until: 2030-01-01}]}}
  - id: c
    type: Agency
    names: {ru: В, kk: В, en: C}
    abbr: {ru: [{text: МХ, from: 2030-01-01}]}
""",
    )
    reg = load(path)
    assert reg.body("c").abbreviations[0].valid_from == dt.date(2030, 1, 1)


def test_all_problems_are_reported_at_once(tmp_path):
    path = write(tmp_path, "bodies:\n  - {id: a, type: X, names: {ru: А, kk: А, en: A}, parent: p}\n")
    with pytest.raises(RegistryError) as err:
        load(path)
    assert len(err.value.problems) == 2


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(RegistryError, match="cannot read registry"):
        load(tmp_path / "absent.yaml")
