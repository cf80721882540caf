import datetime as dt

import pytest

from kgraph import iri

DECREE = iri.act("decree", dt.date(2013, 12, 13), "1331")


@pytest.mark.parametrize(
    "minted, kind, path",
    [
        (DECREE, "act", ("decree", "2013", "12", "13", "1331")),
        # the form marker ЗРК / ҚРЗ is not part of the number: ru and kk texts, and citations, name one act
        (iri.act("law", dt.date(2024, 7, 1), "103-VIII ЗРК"), "act", ("law", "2024", "07", "01", "103-viii")),
        (iri.act("law", dt.date(2024, 7, 1), "103-VIII ҚРЗ"), "act", ("law", "2024", "07", "01", "103-viii")),
        (
            iri.act("concept", name="kz-nas-concept-science-regions-ru"),
            "act",
            ("concept", "kz-nas-concept-science-regions-ru"),
        ),
        (iri.org("mint"), "org", ("mint",)),
        (iri.role("national-operator-export-development"), "role", ("national-operator-export-development",)),
        (iri.group("interested-state-bodies"), "group", ("interested-state-bodies",)),
        (iri.span("doc-1", 10, 20), "source", ("doc-1", "10-20")),
        (iri.term("жергілікті қамту"), "term", ("zhergilikti-qamtu-68f0fe",)),
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


LAW = iri.act("law", dt.date(2012, 1, 9), "534-IV")


@pytest.mark.parametrize(
    "minted, version, language, parts",
    [
        (iri.expression(LAW, "ru", dt.date(2015, 10, 29)), "2015-10-29", "ru", ()),
        (iri.expression(LAW, "kk"), None, "kk", ()),
        (iri.version(LAW, "2012-01-09"), "2012-01-09", None, ()),
        (iri.part(iri.version(LAW, "2012-01-09"), ("art", 10)), "2012-01-09", None, (("art", "10"),)),
        (
            iri.part(iri.version(LAW, "undated-kk"), ("art", 4), ("item", "1-1")),
            "undated-kk",
            None,
            (("art", "4"), ("item", "1-1")),
        ),
        (iri.part(LAW, ("art", 10)), None, None, (("art", "10"),)),
    ],
)
def test_redactions_and_expressions_round_trip(minted, version, language, parts):
    parsed = iri.parse(minted)
    assert (parsed.version, parsed.language, parsed.parts) == (version, language, parts)
    assert parsed.path == ("law", "2012", "01", "09", "534-iv")
    assert iri.act_of(minted) == LAW


def test_version_token():
    assert iri.version_token(dt.date(2015, 10, 29)) == "2015-10-29"
    assert iri.version_token(None, "kk") == "undated-kk"


@pytest.mark.parametrize("bad", [LAW + "/lang_kk/art_1", LAW + "/art_1/ver_2012-01-09"])
def test_parse_rejects_parts_after_a_language_or_versions_inside_parts(bad):
    with pytest.raises(iri.IRIError):
        iri.parse(bad)


def test_term_is_one_node_per_text():
    # the slug spells "и" and "й" alike; the hash keeps the two texts apart, case and spacing aside
    assert iri.term("трансферт технологии") != iri.term("трансферт технологий")
    assert iri.term("Трансферт  технологий") == iri.term("трансферт технологий")
