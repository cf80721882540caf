"""Verdict bands of the drafter check, and their thresholds.

A draft and an existing power get a band from their object similarity
(`kgraph.analysis.index`) and how their levels relate (`kgraph.analysis.levels`):

    duplicate              the same levels (or one side's unknown), score >= dup
    overlapping            score >= ovl, and the levels are the same or share one
    complementary-levels   score >= ovl, different levels of one function
                           (develops / approves / implements / controls, or the rules for X / X)
    related                score >= rel; also the most a pair whose objects have different
                           heads gets (OTHER_OBJECT: «поддержка кластеров» / «реестр
                           кластеров», «региональная карта» / «республиканская карта»):
                           the labels' "same object" is then not met
    (none)                 below rel: not shown

Thresholds are kept apart for texts in one language and for Kazakh-Russian
pairs (their scores come from different representations). They are fitted on
the fit half of tests/golden/overlap_calibration.json by
`kgraph overlaps calibrate --write` and stored in `bands.json` beside this
module, with what they were fitted on.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from functools import cache
from importlib.resources import files

import numpy as np

from kgraph.analysis import levels

BANDS = ("duplicate", "overlapping", "complementary-levels", "related")
STRONG = ("duplicate", "overlapping")
TITLES = {
    "duplicate": "same power (duplicate)",
    "overlapping": "overlapping",
    "complementary-levels": "complementary (levels of one function)",
    "related": "related",
}
BANDS_FILE = "bands.json"
OTHER_OBJECT = "other-object"  # relation of two powers whose objects' heads disagree (`Analyzer.heads_agree`)


@dataclass(frozen=True)
class Cut:
    dup: float
    ovl: float
    rel: float


@dataclass(frozen=True)
class Thresholds:
    same: Cut  # draft and existing text in one language
    cross: Cut  # Kazakh against Russian
    word_weight: float = 0.5  # share of the word channel in the cosine; the rest is character n-grams
    cover_weight: float = 0.0  # share of coverage (of the draft by the existing text) in a score
    head_weight: float = 0.0  # share of a score lost when the two objects' heads disagree

    def mix(self, channels) -> np.ndarray:
        """A score from (word cosine, character cosine, coverage[, heads agree]): the
        agreement of heads (1 or 0, `Analyzer.heads_agree`) is taken as 1 when not given
        (two existing powers: findings)."""
        word, char, cover = channels[:3]
        cosine = self.word_weight * word + (1 - self.word_weight) * char
        score = (1 - self.cover_weight) * cosine + self.cover_weight * cover
        if len(channels) > 3 and self.head_weight:
            score = score * (1 - self.head_weight * (1 - channels[3]))
        return score

    def cut(self, cross: bool) -> Cut:
        return self.cross if cross else self.same

    def as_dict(self) -> dict:
        return {
            "same": asdict(self.same),
            "cross": asdict(self.cross),
            "word_weight": self.word_weight,
            "cover_weight": self.cover_weight,
            "head_weight": self.head_weight,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Thresholds:
        return cls(
            Cut(**data["same"]),
            Cut(**data["cross"]),
            data["word_weight"],
            data["cover_weight"],
            data.get("head_weight", 0.0),
        )


DEFAULT = Thresholds(Cut(0.6, 0.45, 0.3), Cut(0.5, 0.35, 0.25))  # used only when bands.json is missing


def bands_path():
    """Where `bands.json` is (the package directory of an editable install: src/kgraph/analysis)."""
    return files("kgraph.analysis") / BANDS_FILE


@cache
def shipped() -> Thresholds:
    """The fitted thresholds of the package (`bands.json`)."""
    try:
        data = json.loads((files("kgraph.analysis") / BANDS_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return DEFAULT
    return Thresholds.from_dict(data["thresholds"])


def band(score: float, relation: str, cross: bool, t: Thresholds | None = None) -> str | None:
    """The band of one (draft, existing power) pair, or None when it is not shown."""
    c = (t or shipped()).cut(cross)
    if relation == OTHER_OBJECT:
        pass
    elif relation == levels.LEVELS:
        if score >= c.ovl:
            return "complementary-levels"
    elif relation == levels.PARTIAL:
        if score >= c.ovl:
            return "overlapping"
    elif score >= c.dup:
        return "duplicate"
    elif score >= c.ovl:
        return "overlapping"
    return "related" if score >= c.rel else None


def rank(band_name: str | None) -> int:
    return BANDS.index(band_name) if band_name in BANDS else len(BANDS)
