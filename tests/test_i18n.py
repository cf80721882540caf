"""The interface's message catalogs: every message of the templates, the code and the named
queries translated into ru, kk and en, plural forms by CLDR's rules, placeholders kept."""

from __future__ import annotations

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from kgraph import queries
from kgraph.web import i18n
from kgtest import ROOT

KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "N_": None}


def extracted() -> dict[tuple[str | None, str], str]:
    """(context, message id) -> where it was found, for every message babel.cfg finds."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    found = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        found[(context, msgid)] = f"{filename}:{lineno}"
    return found


def catalog(lang: str):
    with i18n.po_path(lang).open("rb") as f:
        return read_po(f, locale=lang)


@pytest.fixture(scope="module")
def messages():
    return extracted()


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_every_message_is_translated(messages, lang):
    cat = catalog(lang)
    missing = []
    for (context, msgid), where in sorted(messages.items(), key=lambda kv: kv[1]):
        m = cat.get(msgid, context=context)
        strings = (m.string if isinstance(m.string, tuple) else (m.string,)) if m is not None else ("",)
        if m is None or m.fuzzy or not all(s.strip() for s in strings):
            missing.append(f"{where}: {msgid[:70]!r}")
    assert not missing, f"{len(missing)} messages without a {lang} translation:\n" + "\n".join(missing)


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_catalog_holds_no_stale_messages_and_keeps_placeholders(messages, lang):
    cat = catalog(lang)
    stale = [m.id for m in cat if m.id and (m.context, m.id[0] if isinstance(m.id, tuple) else m.id) not in messages]
    assert not stale, f"{lang}: messages no longer in the code (run `make messages`): {stale[:5]}"
    problems = [(m.id, [str(e) for e in errors]) for m, errors in cat.check()]
    assert not problems, problems


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_plural_forms_are_cldr_rules(lang):
    assert catalog(lang).plural_forms == get_plural(lang).plural_forms


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("ru", 1, "1 нераспознанное упоминание"),
        ("ru", 3, "3 нераспознанных упоминания"),
        ("ru", 5, "5 нераспознанных упоминаний"),
        ("ru", 21, "21 нераспознанное упоминание"),
        ("ru", 11, "11 нераспознанных упоминаний"),
        ("kk", 1, "1 танылмаған атау"),
        ("kk", 7, "7 танылмаған атау"),
        ("en", 1, "1 unresolved mention"),
        ("en", 2, "2 unresolved mentions"),
    ],
)
def test_plurals_follow_the_language(lang, n, expected):
    singular, plural = "%(count)s unresolved mention", "%(count)s unresolved mentions"
    assert i18n.ngettext(lang, singular, plural, n, count=n) == expected


def test_named_query_titles_and_descriptions_are_messages(messages):
    for q in queries.library().values():
        assert (None, q.title) in messages, q.name
        if q.description:
            assert (None, q.description) in messages, q.name


def test_keyed_messages_of_older_templates_are_messages(messages):
    for key, msgid in i18n.KEYED.items():
        assert (None, msgid) in messages, key
        assert i18n.gettext("ru", msgid) != msgid or msgid.isupper(), key


# --- the pages, rendered in each language ---------------------------------------------------

PAGES = [
    "/",
    "/search?q=ИЖТМ",
    "/id/org/mint",
    "/id/org/miid?at=2016-01-01",
    "/id/act/law/2012/01/09/534-iv",
    "/id/act/law/2012/01/09/534-iv/art_5",
    "/graph?iri=org/mint&at=2016-01-01",
    "/query",
    "/coverage",
    "/no/such/page",
]  # (/ontology shows the terms' labels translated and their definitions, which the ontology states in English)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from e2e import webgraph
    from kgraph.web.app import create_app

    build = webgraph.make_build(tmp_path_factory.mktemp("i18n") / "build")
    return TestClient(create_app(build, warm=False))


def visible_text(html: str) -> str:
    """The text a reader sees: no scripts, tags or attributes; quoted values («in force», a
    column's values as a query returns them) left out."""
    import re

    html = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"«[^«»]*»", " ", text)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_no_message_of_the_interface_is_left_in_english(client, lang, messages):
    english = sorted(
        {msgid for (_, msgid) in messages if " " in msgid and i18n.gettext(lang, msgid) != msgid and "%(" not in msgid},
        key=len,
        reverse=True,
    )
    for url in PAGES:
        r = client.get(url + ("&" if "?" in url else "?") + f"lang={lang}", headers={"accept": "text/html"})
        text = visible_text(r.text)
        assert "%(" not in text, f"{url}: a placeholder left unfilled"
        left = [m for m in english if m in text]
        assert not left, f"{url} in {lang} shows English: {left[:5]}"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_home_page_names_what_was_read_of_each_document_in_the_language(built, lang):
    """The build report counts records by class name (Chapter, GlossaryEntry …): each has a name
    in the catalogs, and the home page of the corpus build shows none of the class names."""
    import json
    import re

    from fastapi.testclient import TestClient

    from kgraph.web import pages
    from kgraph.web.app import create_app

    report = json.loads((built / "report.json").read_text(encoding="utf-8"))
    kinds = {k for d in report["documents"] for k in d.get("records", {})}
    assert kinds and kinds <= set(pages.RECORD_NAMES), sorted(kinds - set(pages.RECORD_NAMES))
    html = TestClient(create_app(built, warm=False)).get("/", params={"lang": lang}).text
    text = visible_text(html)
    shown = [k for k in sorted(kinds) if re.search(rf"\b{k}\b", text)]
    assert not shown, f"class names on the home page in {lang}: {shown}"
    assert i18n.gettext(lang, pages.RECORD_NAMES["GlossaryEntry"]) in text or "GlossaryEntry" not in kinds
