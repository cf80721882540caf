"""Tests for kgraph.evaluate: texts compare word by word."""

from __future__ import annotations

import datetime as dt

import pytest

from kgraph.evaluate import canon, score_kind


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
