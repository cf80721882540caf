"""A body's page (kgraph.web.body): tasks grouped by the document that assigns them under a short
title, no plumbing IRIs, powers grouped by act, existence and roles as of a day."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from e2e import webgraph
from kgraph.web import body

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from kgraph.web.app import create_app

    build = webgraph.make_build(tmp_path_factory.mktemp("web-body") / "build")
    return TestClient(create_app(build, warm=False))


@pytest.mark.parametrize(
    ("item", "lang", "expected"),
    [
        ("https://kgraph.kz/id/act/law/2012/01/09/534-iv/art_5/item_2", "ru", "Статья 5, подпункт 2"),
        ("https://kgraph.kz/id/act/law/2012/01/09/534-iv/art_5/para_1/item_2", "kk", "5-бап, 1-тармақ, 2-тармақша"),
        ("https://kgraph.kz/id/act/law/2012/01/09/534-iv/chp_2/art_5", "ru", "Статья 5"),
        (None, "ru", ""),
    ],
)
def test_where_a_provision_stands(item, lang, expected):
    assert body.provision_ref(None, item, lang) == expected


def test_tasks_are_grouped_by_document_under_a_short_title(client):
    html = client.get("/id/org/mint?lang=ru", headers=HTML).text
    tasks = re.search(r'<section id="tasks">(.*?)</section>', html, re.S).group(1)
    titles = re.findall(r'<span class="docname"[^>]*>(.*?)</span>', tasks)
    assert titles == ["План мероприятий · Постановление Правительства № 631 от 19.06.2013"]
    long_title = "«Инновациялық технологиялар паркі» арнайы экономикалық"
    assert tasks.count(long_title) <= 1  # the plan's long title at most once (as the group's tooltip)
    assert "3 мероприятия, 3 — головной" in tasks  # CLDR plural: 3 -> "мероприятия"


def test_no_plumbing_iris_on_the_page(client):
    html = client.get("/id/org/mint", headers=HTML).text
    assert "party_0" not in html and "/party_" not in html
    assert "held by" not in html  # role tenures are shown as roles over time


def test_powers_grouped_by_act_with_the_role_they_come_through(client):
    data = client.get("/id/org/mint.json").json()
    (group,) = data["competences"]["groups"]
    assert group["short"] == "Закон № 534-IV от 09.01.2012"
    assert group["via"]["value"] == str(webgraph.ROLE)
    assert [r["where"] for r in group["rows"]] == [
        "Статья 5, подпункт 1",
        "Статья 5, подпункт 2",
        "Статья 5, подпункт 10",
        "Статья 5, подпункт 10-1",
    ]
    assert group["act"]["force"]["status"] == "repealed"  # the act is no longer in force today


@pytest.mark.parametrize(
    ("at", "status", "role_now"),
    [("2013-01-01", "existed", True), ("2015-01-01", "abolished", False), ("2011-01-01", "existed", False)],
)
def test_the_body_as_of_a_day(client, at, status, role_now):
    data = client.get("/id/org/mint.json", params={"at": at}).json()
    assert data["existence"]["status"] == status and data["existence"]["day"] == at
    assert [r["now"] for r in data["roles"]] == [role_now]
    assert data["at"] == at
