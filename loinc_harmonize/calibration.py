"""Calibrated confidence: a logistic map from (best score, margin) to P(correct).

The coefficients live in ``settings.json``; ``fit_calibration`` learns them from results
whose true codes are known (out-of-fold results of a cross-validation, not training rows).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from loinc_harmonize.models import MappingResult
from loinc_harmonize.settings import Calibration

#: Margin used when a description has a single candidate.
LONE_CANDIDATE_MARGIN = 3.0


def score_features(result: MappingResult) -> tuple[float, float] | None:
    """(best score, margin over the runner-up) of a ranked result; None for lookups/fallbacks."""
    if not result.candidates or result.fallback or "curated" in result.reason:
        return None
    best = result.candidates[0].score
    second = result.candidates[1].score if len(result.candidates) > 1 else None
    return best, (best - second if second is not None else LONE_CANDIDATE_MARGIN)


def probability(calibration: Calibration, score: float, margin: float) -> float:
    """The calibrated probability that the best candidate is right."""
    z = calibration.intercept + calibration.score * score + calibration.margin * margin
    return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


def fit_calibration(
    features: Sequence[tuple[float, float]], correct: Sequence[bool]
) -> Calibration:
    """Fit the logistic map on ranked results with known truth."""
    x = np.asarray(features, dtype=float)
    y = np.asarray(correct, dtype=int)
    if len(set(y.tolist())) < 2:
        msg = "calibration needs both right and wrong results"
        raise ValueError(msg)
    # Imported here: scikit-learn takes most of a second to import, and mapping never fits.
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0).fit(x, y)
    return Calibration(
        intercept=float(model.intercept_[0]),
        score=float(model.coef_[0][0]),
        margin=float(model.coef_[0][1]),
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
