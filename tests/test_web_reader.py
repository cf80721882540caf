"""Acts as they read (kgraph.web.reader, act.html): document order with numeric sorting, each text
once per language side by side, excluded items struck through with the amending act, footnotes as
links, powers with who held the role, permalinks, the act's force on a day."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from e2e import webgraph
from kgraph.web import reader

HTML = {"accept": "text/html"}
ART5 = str(webgraph.ART5).replace("https://kgraph.kz", "")
LAW = str(webgraph.LAW).replace("https://kgraph.kz", "")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from kgraph.web.app import create_app

    build = webgraph.make_build(tmp_path_factory.mktemp("web-reader") / "build")
    return TestClient(create_app(build, warm=False))


@pytest.mark.parametrize(
    ("numbers", "ordered"),
    [
        (["10", "2", "1", "17"], ["1", "2", "10", "17"]),
        (["1-1", "2", "1", "10-1", "10"], ["1", "1-1", "2", "10", "10-1"]),
        (["III", "I", "II", "IV"], ["I", "II", "III", "IV"]),
        (["2.3", "2.10", "2.1"], ["2.1", "2.3", "2.10"]),
        ([None, "1"], ["1", None]),  # unnumbered last
    ],
)
def test_numbers_sort_as_numbers(numbers, ordered):
    assert sorted(numbers, key=reader.num_key) == ordered


@pytest.mark.parametrize(
    ("iri", "expected"),
    [
        (
            "https://kgraph.kz/id/act/law/2012/01/09/534-iv/art_5/item_2",
            "https://kgraph.kz/id/act/law/2012/01/09/534-iv",
        ),
        (
            "https://kgraph.kz/id/act/law/2012/01/09/534-iv/ver_undated-kk/art_5",
            "https://kgraph.kz/id/act/law/2012/01/09/534-iv/ver_undated-kk",
        ),
        ("https://kgraph.kz/id/org/mint", None),
    ],
)
def test_the_act_or_redaction_a_part_belongs_to(iri, expected):
    assert reader.act_of(None, iri) == expected


def test_article_in_document_order_each_text_once_per_language(client):
    data = client.get(ART5 + ".json").json()
    nodes = data["reader"]["nodes"]
    assert [n["number"] for n in nodes] == ["1", "2", "4", "10", "10-1"]
    assert data["reader"]["languages"] == ["ru", "kk"]  # the interface's language first
    html = client.get(ART5 + "?lang=ru", headers=HTML).text
    visible = re.sub(r'title="[^"]*"', "", html)
    for n in nodes:
        for text in n["text"].values():
            assert visible.count(text) == 1, text
    assert (
        visible.index("1) участвует")
        < visible.index("разрабатывает межотраслевой")
        < visible.index("10) разрабатывает")
    )


def test_excluded_item_struck_through_with_the_act_that_excluded_it(client):
    html = client.get(ART5, headers=HTML).text
    item = re.search(r'<div class="part u-item excluded" id="item_4">(.*?)</div>\s*</div>\s*</div>', html, re.S).group(
        1
    )
    assert "<s " in item and "исключен Законом РК" in item
    assert "/id/act/law/2013/07/03/124-v" in item  # the amending act, linked


def test_footnotes_link_the_amending_act_and_each_item_has_its_permalink(client):
    html = client.get(ART5, headers=HTML).text
    own = re.search(r'<div class="meta own">(.*?)</div>\s*\n', html, re.S).group(1)
    assert 'href="/id/act/law/2013/07/03/124-v"' in own
    for number in ("1", "2", "10", "10-1"):
        assert f'href="{ART5}/item_{number}" title=' in html


@pytest.mark.parametrize(("at", "holder"), [("", "МПС"), ("2013-01-01", "МИНТ"), ("2016-01-01", "МИД")])
def test_powers_say_who_held_the_role(client, at, holder):
    data = client.get(ART5 + ".json", params={"at": at} if at else {}).json()
    grant = data["reader"]["shared_grant"]  # every item grants to the same role
    assert grant["to"]["value"] == str(webgraph.ROLE)
    shown = grant["day"] if at else grant["today"]
    if holder == "МПС":  # the fixture's registry has no holder after 2018
        assert shown is None
    else:
        assert shown["label"] == holder and shown["title"].startswith("Министерство")  # its abbreviation, named in full


def test_the_act_page_says_it_lost_force_and_by_which_act(client):
    html = client.get(LAW + "?lang=ru", headers=HTML).text
    force = re.search(r'<section id="force"[^>]*>(.*?)</section>', html, re.S).group(1)
    assert "утратил силу с 2016-01-01" in force
    assert "/id/act/code/2015/10/29/375-v" in force and "вводится в действие с 01.01.2016" in force
    assert "күнтізбелік он күн" in force  # its entry into force as written
    dated = client.get(LAW + "?lang=ru&at=2014-01-01", headers=HTML).text
    assert 'class="force in-force"' in dated and 'value="2014-01-01"' in dated


def test_every_page_citing_the_act_says_it_is_no_longer_in_force(client):
    html = client.get(ART5 + "?lang=en", headers=HTML).text
    crumbs = re.search(r'<nav class="crumbs"[^>]*>(.*?)</nav>', html, re.S).group(1)
    assert "no longer in force since 2016-01-01" in crumbs
    assert "no longer in force" not in client.get(ART5 + "?lang=en&at=2015-01-01", headers=HTML).text.split("<h1")[0]


def test_a_long_act_has_a_table_of_contents(client, monkeypatch):
    monkeypatch.setattr(reader, "TOC_MIN", 1)
    monkeypatch.setattr(reader, "FULL_TEXT_MAX", 2)  # too long to print: articles open their pages
    data = client.get(LAW + ".json").json()
    assert not data["reader"]["full"] and data["reader"]["toc"][0]["href"] == ART5
    assert data["reader"]["nodes"][0]["more"] == 5 and not data["reader"]["nodes"][0]["children"]
