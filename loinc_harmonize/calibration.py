"""Calibrated confidence: a logistic map from (best score, margin) to P(correct).

The coefficients live in ``settings.json``; ``fit_calibration`` learns them from results
whose true codes are known (out-of-fold results of a cross-validation, not training rows).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from loinc_harmonize.models import Candidate, Contribution, MappingResult
from loinc_harmonize.settings import Calibration

#: Margin used when a description has a single candidate.
LONE_CANDIDATE_MARGIN = 3.0


def score_features(result: MappingResult) -> tuple[float, float, float] | None:
    """(best score, margin over the runner-up, curated support of the best) of a ranked
    result; None for curated lookups and placeholders (their confidence is not calibrated).

    Curated support is the weight of the best candidate's ``curated_similarity`` part: curated
    rows that read the same voting for it are evidence the score alone does not carry.
    """
    placeholder = result.parsed is not None and not result.parsed.usable
    if not result.candidates or placeholder or "curated" in result.reason:
        return None
    return ranking_features(result.candidates)


def ranking_features(candidates: Sequence[Candidate]) -> tuple[float, float, float]:
    """(best score, margin over the runner-up, curated support of the best) of ranked
    candidates, best first: what the confidence is computed from."""
    best = candidates[0]
    margin = best.score - candidates[1].score if len(candidates) > 1 else LONE_CANDIDATE_MARGIN
    return best.score, margin, curated_support(best.contributions)


def curated_support(contributions: Sequence[Contribution]) -> float:
    """The weight of the ``curated_similarity`` contribution (0 when there is none)."""
    return next((c.weight for c in contributions if c.name == "curated_similarity"), 0.0)


def probability(
    calibration: Calibration, score: float, margin: float, curated: float = 0.0
) -> float:
    """The calibrated probability that the best candidate is right."""
    z = (
        calibration.intercept
        + calibration.score * score
        + calibration.margin * margin
        + calibration.curated * curated
    )
    return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


def fit_calibration(features: Sequence[Sequence[float]], correct: Sequence[bool]) -> Calibration:
    """Fit the logistic map on ranked results with known truth.

    ``features`` are ``score_features`` rows: (score, margin[, curated support]).
    """
    x = np.asarray(features, dtype=float)
    y = np.asarray(correct, dtype=int)
    if len(set(y.tolist())) < 2:
        msg = "calibration needs both right and wrong results"
        raise ValueError(msg)
    # Imported here: scikit-learn takes most of a second to import, and mapping never fits.
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0).fit(x, y)
    coefficients = [float(c) for c in model.coef_[0]]
    return Calibration(
        intercept=float(model.intercept_[0]),
        score=coefficients[0],
        margin=coefficients[1],
        curated=coefficients[2] if len(coefficients) > 2 else 0.0,
    )


def auto_threshold(confidence: Sequence[float], correct: Sequence[bool], precision: float) -> float:
    """Lowest confidence threshold whose accepted results are right at least ``precision``."""
    order = np.argsort(-np.asarray(confidence), kind="stable")
    conf = np.asarray(confidence)[order]
    right = np.asarray(correct, dtype=float)[order]
    running = np.cumsum(right) / np.arange(1, len(right) + 1)
    best = 1.0
    for i in range(len(conf)):
        # Only cut between distinct confidences, so ties are accepted together.
        if running[i] >= precision and (i + 1 == len(conf) or conf[i + 1] < conf[i]):
            best = float(conf[i])
    return best
