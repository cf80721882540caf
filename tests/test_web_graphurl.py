"""The graph view's URLs (kgraph.web.graphurl): what urlencode would write, computed faster."""

from urllib.parse import parse_qsl, quote_plus, urlencode

import pytest

from kgraph import iri
from kgraph.web import graphurl
from kgraph.web.graphurl import View, url_of

CENTER = iri.BASE + "org/mid"
NODE = iri.BASE + "act/law/2012/01/09/534-iv/art_5/item_2"


@pytest.mark.parametrize(
    "value",
    ["org/mid", "act/law/2012/01/09/534-iv/art_5", "a b", "x:1,y:2", "~._-/", "министерство", "q?a=1&b", ""],
)
def test_quoting_is_quote_plus(value):
    assert graphurl._quoted(value) == quote_plus(value)


def test_url_of_a_view_and_its_changes():
    view = View(CENTER, depth=2, limit=300, day="2016-01-01", expand=(NODE,), more=((NODE, 2),))
    url = url_of(view)
    assert url.startswith("/graph?")
    assert url[len("/graph?") :] == urlencode(
        {
            "iri": "org/mid",
            "depth": 2,
            "limit": 300,
            "at": "2016-01-01",
            "expand": graphurl.short(NODE),
            "more": f"{graphurl.short(NODE)}:2",
        }
    )
    # a change replaces one parameter in its place (`more` adds to the view's steps); a new one
    # (sel) comes last
    changed = parse_qsl(url_of(view, iri=NODE, expand=[], more={}, limit=150, sel="x")[len("/graph?") :])
    assert [k for k, _ in changed] == ["iri", "depth", "limit", "at", "more", "sel"]
    assert dict(changed) == {
        "iri": graphurl.short(NODE),
        "depth": "2",
        "limit": "150",
        "at": "2016-01-01",
        "more": f"{graphurl.short(NODE)}:2",
        "sel": "x",
    }
    more = dict(parse_qsl(url_of(view, more={NODE: 3})[len("/graph?") :]))
    assert more["more"] == f"{graphurl.short(NODE)}:3"
    # the view's own URL is unchanged by the URLs made from it
    assert url_of(view) == url
