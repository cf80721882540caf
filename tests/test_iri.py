import datetime as dt

import pytest

from kgraph import iri

DECREE = iri.act("decree", dt.date(2013, 12, 13), "1331")


@pytest.mark.parametrize(
    "minted, kind, path",
    [
        (DECREE, "act", ("decree", "2013", "12", "13", "1331")),
        (iri.act("law", dt.date(2024, 7, 1), "103-VIII ЗРК"), "act", ("law", "2024", "07", "01", "103-viii-zrk")),
        (
            iri.act("concept", name="kz-nas-concept-science-regions-ru"),
            "act",
            ("concept", "kz-nas-concept-science-regions-ru"),
        ),
        (iri.org("mint"), "org", ("mint",)),
        (iri.role("national-operator-export-development"), "role", ("national-operator-export-development",)),
        (iri.group("interested-state-bodies"), "group", ("interested-state-bodies",)),
        (iri.span("doc-1", 10, 20), "source", ("doc-1", "10-20")),
        (iri.term("жергілікті қамту"), "term", ("zhergilikti-qamtu",)),
    ],
)
def test_mint_and_parse_round_trip(minted, kind, path):
    parsed = iri.parse(minted)
    assert parsed.kind == kind
    assert parsed.path == path


@pytest.mark.parametrize(
    "segments, parts",
    [
        ((("art", 5),), (("art", "5"),)),
        ((("art", "11"), ("para", 2), ("item", "1-1")), (("art", "11"), ("para", "2"), ("item", "1-1"))),
        ((("annex", "plan"), ("task", 12)), (("annex", "plan"), ("task", "12"))),
        ((("sec", "6.2"),), (("sec", "6.2"),)),
    ],
)
def test_parts_round_trip(segments, parts):
    minted = iri.part(DECREE, *segments)
    parsed = iri.parse(minted)
    assert parsed.parts == parts
    assert parsed.date == dt.date(2013, 12, 13)
    assert parsed.act_kind == "decree"
    assert iri.parent(minted) == (DECREE if len(parts) == 1 else minted.rsplit("/", 1)[0])


def test_stable_across_calls():
    assert iri.act("decree", dt.date(2013, 12, 13), "1331") == DECREE
    assert iri.finding("competence", "a", "b") == iri.finding("competence", "b", "a")


@pytest.mark.parametrize(
    "bad", ["http://example.org/x", iri.BASE + "nope/x", iri.BASE + "act/bogus/1", iri.BASE + "org/"]
)
def test_parse_rejects_foreign_or_malformed(bad):
    with pytest.raises(iri.IRIError):
        iri.parse(bad)


def test_mint_rejects_unknown_kinds():
    with pytest.raises(iri.IRIError):
        iri.act("statute", dt.date(2020, 1, 1), "1")
    with pytest.raises(iri.IRIError):
        iri.part(DECREE, ("article", 1))
    with pytest.raises(iri.IRIError):
        iri.act("law")


def test_slug_transliterates_kazakh_and_russian():
    assert iri.slug("ИЖТМ") == "izhtm"
    assert iri.slug("Қазақстан Үкіметі") == "qazaqstan-ukimeti"
    assert iri.slug("103-VIII ЗРК") == "103-viii-zrk"


def test_local_path():
    assert iri.local_path(iri.org("mint")) == "/id/org/mint"
