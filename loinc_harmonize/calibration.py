"""Calibrated confidence: a logistic map from the ranking's features to P(correct).

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
#: Candidates the features read (the best and its rivals), whatever ``top_k`` shows.
FEATURE_CANDIDATES = 5

#: What the confidence is computed from, for one ranked result.
Features = tuple[float, float, float, float]


def score_features(result: MappingResult) -> Features | None:
    """The ``ranking_features`` of a ranked result; None for curated lookups and placeholders
    (their confidence is not calibrated). Read from the result's candidates, so from a result
    of the default ``top_k`` (5) or more."""
    placeholder = result.parsed is not None and not result.parsed.usable
    if not result.candidates or placeholder or "curated" in result.reason:
        return None
    return ranking_features(result.candidates)


def ranking_features(candidates: Sequence[Candidate]) -> Features:
    """(best score, margin over the runner-up, curated support, curated dissent) of ranked
    candidates, best first.

    Curated support is the weight of the best's ``curated_similarity`` part: curated rows
    that read the same voting for it are evidence the score alone does not carry. Curated
    dissent is the strongest such vote for another candidate: where curators gave the same
    parts another code ("XR Chest 2 Views" or "PA and Lateral"), the best is less sure.
    """
    best = candidates[0]
    margin = best.score - candidates[1].score if len(candidates) > 1 else LONE_CANDIDATE_MARGIN
    rivals = candidates[1:FEATURE_CANDIDATES]
    dissent = max((curated_support(c.contributions) for c in rivals), default=0.0)
    return best.score, margin, curated_support(best.contributions), dissent


def curated_support(contributions: Sequence[Contribution]) -> float:
    """The weight of the ``curated_similarity`` contribution (0 when there is none)."""
    return next((c.weight for c in contributions if c.name == "curated_similarity"), 0.0)


def probability(
    calibration: Calibration,
    score: float,
    margin: float,
    curated: float = 0.0,
    dissent: float = 0.0,
) -> float:
    """The calibrated probability that the best candidate is right."""
    z = (
        calibration.intercept
        + calibration.score * score
        + calibration.margin * margin
        + calibration.curated * curated
        + calibration.dissent * dissent
    )
    return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


def fit_calibration(features: Sequence[Sequence[float]], correct: Sequence[bool]) -> Calibration:
    """Fit the logistic map on ranked results with known truth.

    ``features`` are ``score_features`` rows: (score, margin[, curated support[, dissent]]).
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
        dissent=coefficients[3] if len(coefficients) > 3 else 0.0,
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
