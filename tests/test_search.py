"""Full-text search: normalization and the FTS5 index built with the graph."""

from __future__ import annotations

import sqlite3

import pytest

from e2e import webgraph
from kgraph import search, settings


@pytest.fixture(scope="module")
def web_build(tmp_path_factory):
    return webgraph.make_build(tmp_path_factory.mktemp("search") / "build")


@pytest.fixture(scope="module")
def index(web_build):
    return search.Index(web_build / settings.SEARCH_INDEX_FILE)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ИЖТМ-ге", ["ижтм"]),  # Kazakh dative after a hyphen is dropped
        ("ИЖТМ-ның", ["ижтм"]),
        ("Үкiметiне", ["укиметине"]),  # Latin i inside a Kazakh word, Kazakh letters folded
        ("Үкіметіне", ["укиметине"]),  # the same word with Kazakh і
        ("Ёлка", ["елка"]),
        ("инфо-коммуникациялық", ["инфо", "коммуникациялык"]),  # a real compound stays two words
        ("Ministry of Industry", ["ministry", "of", "industry"]),
    ],
)
def test_words_fold_scripts_and_drop_hyphenated_case_endings(text, expected):
    assert search.words(text) == expected


@pytest.mark.parametrize(
    "word, variant",
    [
        ("министерству", "министерство"),  # Russian lemma
        ("технологиям", "технология"),
        ("министрлигине", "министрлиг"),  # Kazakh stem (folded)
        ("ministries", "ministry"),
    ],
)
def test_variants_include_lemma_and_stem(word, variant):
    assert variant in search.variants(word)


def test_match_expression_drops_stopwords_and_uses_prefixes():
    expr = search.match_expression("ministry of industry")
    assert '"of"' not in expr and '"ministry"*' in expr and " AND " in expr
    assert search.match_expression("   ") is None


def test_build_writes_index_into_build_directory(web_build):
    # the POST_BUILD hook (kgraph.build.POST_BUILD) writes it next to the store
    from kgraph import build

    assert search.write_index in build.POST_BUILD
    con = sqlite3.connect(web_build / settings.SEARCH_INDEX_FILE)
    assert con.execute("SELECT count(*) FROM entries").fetchone()[0] > 10
    con.close()


@pytest.mark.parametrize(
    "query",
    [
        "МИНТ",
        "минт",
        "ИЖТМ",
        "ИЖТМ-ге",
        "ИЖТМ-ның",
        "ministry of industry and new",
        "Ministry of Industry and New Technologies",
        "Министерству индустрии и новых технологий",
        "министерства индустрии и новых",
        "Индустрия және жаңа технологиялар министрлігіне",
        "индустрия жана технологиялар",  # Russian keyboard
    ],
)
def test_inflected_and_abbreviated_queries_find_the_ministry(index, query):
    res = index.search(query, limit=5)
    assert res.hits, query
    assert str(webgraph.MINT) in [h.iri for h in res.hits[:2]], [h.iri for h in res.hits]


def test_exact_abbreviation_ranks_first(index):
    res = index.search("ИЖТМ")
    assert res.hits[0].iri == str(webgraph.MINT)
    assert res.hits[0].exact


def test_type_filter_and_counts(index):
    everything = index.search("жұмыс тобын")
    assert everything.counts.get("task", 0) >= 2
    tasks = index.search("жұмыс тобын", kind="task")
    assert tasks.total == everything.counts["task"]
    assert all(h.kind == "task" for h in tasks.hits)
    assert index.search("жұмыс тобын", kind="body").total == 0


def test_prefix_gives_autocomplete(index):
    res = index.search("минист", limit=10)
    assert {str(webgraph.MINT), str(webgraph.MID)} <= {h.iri for h in res.hits}


def test_labels_follow_the_requested_language(index):
    assert index.search("МИНТ", lang="en").hits[0].label.startswith("Ministry of Industry")
    assert index.search("МИНТ", lang="kk").hits[0].label.startswith("Қазақстан Республикасы Индустрия")


def test_plumbing_is_not_indexed(index):
    # spans, assignments, deadlines are parts of other resources, not search results
    res = index.search("2013 жылғытамыз")
    assert all(h.kind not in {"span", "deadline", "assignment"} for h in res.hits)


def test_fts_syntax_in_queries_is_harmless(index):
    for q in ['"', "NEAR(", "a OR", "*", "(((", "-", "ИЖТМ AND NOT"]:
        index.search(q)  # no sqlite3.OperationalError


def test_index_from_store_matches_hook(web_build, tmp_path):
    """A build made before the hook existed gets an index built from its store."""
    from kgraph.store import open_store

    store = open_store(web_build)
    path = search.build_index(search.quads_from_store(store), tmp_path / settings.SEARCH_INDEX_FILE)
    res = search.Index(path).search("ИЖТМ-ге")
    assert res.hits[0].iri == str(webgraph.MINT)
