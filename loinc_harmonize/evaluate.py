"""Measure a harmonizer on labelled rows: exact lookup, zero-shot, and cross-validation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.model_selection import GroupKFold

from loinc_harmonize.candidates import signature
from loinc_harmonize.curated import midrc_key
from loinc_harmonize.harmonizer import Harmonizer
from loinc_harmonize.models import MappingResult, Procedure
from loinc_harmonize.parse import parse
from loinc_harmonize.playbook import Playbook, clean_code, release_order


@dataclass(frozen=True)
class Columns:
    """Column names of a labelled table (MIDRC's by default)."""

    modality: str = "Modality"
    description: str = "StudyDescription"
    code: str = "LOINC code"


def ece(
    confidence: np.ndarray, correct: np.ndarray, bins: int = 10, weights: np.ndarray | None = None
) -> float:
    """Expected calibration error over equal-width confidence bins (optionally weighted)."""
    if len(confidence) == 0:
        return float("nan")
    w = np.ones(len(confidence)) if weights is None else np.asarray(weights, dtype=float)
    if w.sum() <= 0:
        return float("nan")
    edges = np.linspace(0, 1, bins + 1)
    which = np.clip(np.digitize(confidence, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        mask = (which == b) & (w > 0)
        if mask.any():
            share = w[mask].sum() / w.sum()
            gap = np.average(confidence[mask], weights=w[mask]) - np.average(
                correct[mask], weights=w[mask]
            )
            total += share * abs(gap)
    return float(total)


def summarize(
    results: list[MappingResult], truth: list[str], weights: np.ndarray | None = None
) -> dict[str, float]:
    """Top-1, top-5, auto precision and coverage, ECE (optionally weighted by frequency)."""
    w = np.ones(len(truth)) if weights is None else np.asarray(weights, dtype=float)
    top1 = np.array([r.loinc_code == t for r, t in zip(results, truth, strict=True)])
    top5 = np.array(
        [
            t in [c.code for c in r.candidates[:5]] or r.loinc_code == t
            for r, t in zip(results, truth, strict=True)
        ]
    )
    auto = np.array([r.status == "auto" for r in results])
    confidence = np.array([r.confidence for r in results])
    total = w.sum() or 1.0
    return {
        "rows": int(len(truth)),
        "top1": float((w * top1).sum() / total),
        "top5": float((w * top5).sum() / total),
        "auto_coverage": float((w * auto).sum() / total),
        "auto_precision": float((w * (auto & top1)).sum() / max((w * auto).sum(), 1e-9))
        if auto.any()
        else float("nan"),
        "ece": ece(confidence, top1.astype(float), weights=w),
    }


def labelled(frame: pd.DataFrame, columns: Columns) -> pd.DataFrame:
    """Clean codes and drop rows without one (reporting nothing silently: count stays visible)."""
    out = frame.copy()
    out["_code"] = [clean_code(c) for c in out[columns.code]]
    out["_key"] = [midrc_key(d) for d in out[columns.description]]
    return out[out["_code"] != ""].reset_index(drop=True)


def run_mode(
    mode: str,
    frame: pd.DataFrame,
    make: Callable[[], Harmonizer],
    columns: Columns = Columns(),
    *,
    folds: int = 5,
) -> tuple[list[MappingResult], list[str]]:
    """Map every row under one protocol; return results and true codes in row order.

    Modes: ``exact`` (curated lookup only, trained on all rows: MIDRC's method), ``zero_shot``
    (no curated rows), ``cv`` (plain k-fold), ``grouped_cv`` (folds grouped by code: codes in
    the test fold are never seen in training).
    """
    truth = list(frame["_code"])
    results: list[MappingResult | None] = [None] * len(frame)
    if mode == "zero_shot":
        h = make().fit()
        for i, (desc, mod) in enumerate(
            zip(frame[columns.description], frame[columns.modality], strict=True)
        ):
            results[i] = h.map(desc, mod)
    elif mode == "exact":
        h = make().fit(frame[[columns.modality, columns.description, columns.code]])
        for i, (desc, mod) in enumerate(
            zip(frame[columns.description], frame[columns.modality], strict=True)
        ):
            hit = h.map(desc, mod)
            miss = MappingResult(status="unmapped", confidence=0.0, reason="no curated match")
            results[i] = hit if "curated" in hit.reason else miss
    else:
        # Duplicate descriptions stay in one fold, so a test row never has its twin in training.
        key = "_key" if mode == "cv" else "_code"
        groups = pd.factorize(frame[key])[0]
        splitter = GroupKFold(n_splits=folds)
        for train, test in splitter.split(frame, groups=groups):
            h = make().fit(frame.iloc[train][[columns.modality, columns.description, columns.code]])
            for i in test:
                row = frame.iloc[i]
                results[i] = h.map(row[columns.description], row[columns.modality])
    return [r if r is not None else MappingResult(confidence=0.0) for r in results], truth


def error_category(
    result: MappingResult,
    truth: str,
    playbook: Playbook,
    frame: pd.DataFrame,
    *,
    labels_released_by: str | None = None,
) -> str:
    """Why a result is wrong: code outside the playbook, a predicted code LOINC released after
    ``labels_released_by`` (the labels could not name it), a curated row that gives the
    predicted code to the same (or identically parsed) description, a part the parser missed,
    or a scoring trade-off."""
    if truth not in playbook:
        return "code outside the playbook"
    if result.parsed is not None and not result.parsed.usable:
        return "placeholder description"
    predicted = playbook.get(result.loinc_code) if result.loinc_code else None
    if (
        labels_released_by is not None
        and predicted is not None
        and predicted.first_released
        and release_order(predicted.first_released) > release_order(labels_released_by)
    ):
        return "predicted code released after the labels were made"
    same_text = frame.loc[frame["_key"] == midrc_key(result.description), "_code"]
    if same_text.nunique() > 1:
        return "label inconsistent with another curated row"
    if result.parsed is not None and result.loinc_code and _same_parts_elsewhere(result, frame):
        return "label inconsistent with another curated row (same parsed parts)"
    target = playbook[truth]
    if result.parsed is not None:
        for field in ("region_imaged", "timing", "view_count", "laterality", "reason_for_exam"):
            parsed_value = getattr(result.parsed, field)
            if parsed_value in (None, ()) and _states(target, field):
                if result.parsed.unrecognized:
                    return f"parser gap ({field} not read)"
                # Every word was read: the label adds what the description does not say.
                return f"label adds a part the description does not state ({field})"
    return "scoring trade-off"


def _states(code: Procedure, field: str) -> bool:
    """Whether a code fixes ``field`` ("Views", at least one view, leaves the count open)."""
    value = getattr(code, field)
    if field == "view_count":
        return value is not None and value != (1, None)
    return value not in (None, ())


def _same_parts_elsewhere(result: MappingResult, frame: pd.DataFrame) -> bool:
    """Another curated row parses to the same parts and carries the predicted code."""
    assert result.parsed is not None
    wanted = signature(result.parsed)
    rows = frame[frame["_code"] == result.loinc_code]
    return any(
        signature(parse(d, m)) == wanted
        for d, m in zip(rows["StudyDescription"], rows["Modality"], strict=True)
        if midrc_key(d) != midrc_key(result.description)
    )
