"""Tests for kgraph.evaluate: texts compare word by word; any file against any golden
file; roles compared as resolved ids."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from kgraph import evaluate, registry
from kgraph.cli import app
from kgraph.evaluate import canon, score_kind
from kgtest import ROOT


@pytest.mark.parametrize(
    ("golden", "extracted", "same"),
    [
        ("не менее 15 % и к 2020 году", "не менее 15 %ик 2020 году", False),  # glued words are damage
        ("в том числе", "втом числе", False),
        ("МОН, заинтересованные", "МОН ,заинтересованные", True),  # spacing around punctuation is not
        ("Проведение  анализа\n", "проведение анализа", True),  # whitespace runs and case are not
        ("2014-12-01", dt.date(2014, 12, 1), True),
        ("12", 12, True),
    ],
)
def test_texts_compare_word_by_word(golden, extracted, same):
    assert (canon(golden) == canon(extracted)) is same


def test_a_glued_text_is_a_field_miss():
    s = score_kind("task", [{"number": "51", "text": "15 % и к 2020"}], [{"number": 51, "text": "15 %ик 2020"}])
    assert s.tp == 1 and s.field_accuracy("text") == 0.0


# --- any file against any golden file --------------------------------------------------------


CORPUS_LAW = ROOT / "data" / "sources" / "kz-law-2015-381-v"
GOLDEN_LAW = ROOT / "tests" / "golden" / "kz-law-2015-381-v-ru.json"


def test_eval_file_scores_a_mirror_text_against_its_golden():
    scores = evaluate.evaluate_file(CORPUS_LAW / "rus.md", GOLDEN_LAW)
    for kind in ("document", "chapter", "article", "competence", "excluded"):
        assert scores[kind].f1 >= 0.97, kind
    assert {"excluded", "amendment", "document"} <= set(evaluate.KINDS)


def test_eval_file_cli_prints_scores_and_refuses_bad_input(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(
        app,
        [
            "eval",
            "--file",
            str(CORPUS_LAW / "kaz.md"),
            "--golden",
            str(GOLDEN_LAW.with_name("kz-law-2015-381-v-kk.json")),
        ],
    )
    assert ok.exit_code == 0 and "competence" in ok.stdout
    bad_golden = tmp_path / "g.json"
    bad_golden.write_text("[1, 2]", encoding="utf-8")
    for args, message in [
        (["--golden", str(bad_golden)], "records"),
        (["--golden", str(tmp_path)], "golden file, not a directory"),
        (["--golden", str(GOLDEN_LAW), "--language", "de"], "ru or kk"),
    ]:
        result = runner.invoke(app, ["eval", "--file", str(CORPUS_LAW / "rus.md"), *args])
        assert result.exit_code != 0
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_roles_compare_as_resolved_ids():
    reg = registry.load(ROOT / "data" / "registry.yaml")
    golden_roles = {
        # a golden id the registry lacks, named in the golden's roles object
        "science-authority": {"ru": "уполномоченный орган в области науки", "kk": "ғылым саласындағы уәкілетті орган"},
        "unknown-board": {"ru": "наблюдательный совет фонда", "kk": "қордың байқау кеңесі"},
    }
    ru = evaluate.RoleCanon(reg, "ru", golden_roles)
    assert ru.golden("science-authority") == "authorized-body-science"
    assert ru.extracted(None, "уполномоченным органом в области науки") == "authorized-body-science"
    assert ru.golden("government") == "government"
    # nobody registered it: compared by the lemmas of its name
    assert ru.golden("unknown-board") == ru.extracted(None, "наблюдательного совета фонда")
    kk = evaluate.RoleCanon(reg, "kk", golden_roles)
    assert kk.golden("science-authority") == kk.extracted(None, "ғылым саласындағы уәкілетті органға")


@pytest.mark.parametrize(
    "lang, name, extracted",
    [
        # one word from the akimats' name: a fuzzy match is no identity, the role compares by its name
        (
            "ru",
            "маслихаты областей, городов республиканского значения и столицы",
            "Маслихаты областей, городов республиканского значения и столицы",
        ),
        (
            "kk",
            "облыстардың, республикалық маңызы бар қалалардың және астананың мәслихаттары",
            "Облыстардың, республикалық маңызы бар қалалардың және астананың мәслихаттары",
        ),
    ],
)
def test_a_role_is_no_registry_id_by_a_fuzzy_match(lang, name, extracted):
    reg = registry.load(ROOT / "data" / "registry.yaml")
    canon = evaluate.RoleCanon(reg, lang, {"maslikhats": {lang: name}})
    assert canon.golden("maslikhats") not in ("local-executive-bodies", "maslikhats")
    assert canon.golden("maslikhats") == canon.extracted(None, extracted)
    assert canon.golden("maslikhats") != canon.golden("local-executive-bodies")


def test_competence_key_has_the_role():
    key, _ = evaluate.KINDS["competence"]
    assert key == ("article", "paragraph", "item", "role")
    same_item = [{"article": "5", "paragraph": "1", "item": None, "role": r, "text": "t"} for r in ("a", "b")]
    s = evaluate.score_kind("competence", same_item, same_item[:1])
    assert (s.tp, s.expected, s.extracted) == (1, 2, 1)


def test_decree_footnotes_score_as_amendment_records():
    """A decree's footnotes (kgraph.amendments, as plans keep them) are one golden record per
    amending act; a local body's act matches by its kind of act; the footnotes an annex's own
    reader places are not counted twice."""
    import dataclasses

    from kgraph.amendments import AmendingAct, Amendment

    acts = (AmendingAct("decree", dt.date(2020, 9, 16), "587"), AmendingAct("decree", dt.date(2021, 5, 26), "350"))
    part = Amendment("Пункт 4", "part", (("para", "4"),), "amended", acts, "Сноска. …", (0, 9))
    annex = Amendment(
        "", "annex", (), "amended", (AmendingAct("local-act", dt.date(2004, 1, 30), "1-14"),), "…", (9, 12)
    )
    got = evaluate.as_golden([part, annex])["amendment"]
    assert [(r["paragraph"], r["act_number"]) for r in got] == [("4", "587"), ("4", "350"), (None, "1-14")]
    golden = [
        {"article": None, "paragraph": "4", "item": None, "act_kind": "decree", "act_date": "2020-09-16",
         "act_number": "587"},
        {"article": None, "paragraph": None, "item": None, "act_kind": "akim-decision", "act_date": "2004-01-30",
         "act_number": "1-14"},
    ]  # fmt: skip
    s = score_kind("amendment", golden, got)
    assert (s.tp, len(s.extras)) == (2, 1)

    @dataclasses.dataclass
    class Placed:  # an annex reader's own record of a footnote
        paragraph: str

    Placed.kind = "amendment"

    placed = evaluate.as_golden([part, annex, Placed("15")])["amendment"]
    assert [r["act_number"] for r in placed if "act_number" in r] == ["587", "350"]  # the annex's footnote once
