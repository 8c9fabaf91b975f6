"""Fit the confidence calibration and the auto-accept threshold by cross-validation.

1. Map MIDRC's curated table under plain 5-fold CV (out-of-fold results) and zero-shot.
2. Fit the logistic calibration of (best score, margin, curated support, curated dissent)
   on those ranked results in 5 folds, repeated over 20 shuffles of the rows, to measure the
   expected calibration error (ECE) of calibrated confidences on rows the calibrator did not
   see.
3. Choose the lowest auto threshold whose out-of-fold auto results, pooled over the
   shuffles, are >= 95% right. One shuffle alone is too few rows: with the same data its
   threshold ranged from 0.889 to 0.957 across shuffles.
4. With --write, refit on all rows and store coefficients and threshold in
   playbook_data/settings.json (the bundled default).

Writes benchmarks/results/calibration.json.
Usage: python benchmarks/calibrate.py [--write] [--repeats 20]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np
from _shared import curated_table, reference_table, shared_dir
from sklearn.model_selection import KFold

from loinc_harmonize import Harmonizer, load_playbook
from loinc_harmonize.calibration import auto_threshold, fit_calibration, probability, score_features
from loinc_harmonize.evaluate import Columns, ece, labelled, run_mode
from loinc_harmonize.settings import Settings
from loinc_harmonize.vocab import data_dir

HERE = Path(__file__).resolve().parent
TARGET_PRECISION = 0.95


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared")
    parser.add_argument("--write", action="store_true", help="update playbook_data/settings.json")
    parser.add_argument("--repeats", type=int, default=20, help="shuffles of the 5 folds")
    args = parser.parse_args()
    shared = shared_dir(args.shared)
    frame = labelled(curated_table(shared), Columns())
    playbook = load_playbook(reference_table(shared))
    features, correct = [], []
    for mode in ("cv", "zero_shot"):
        results, truth = run_mode(mode, frame, lambda: Harmonizer(playbook))
        for result, code in zip(results, truth, strict=True):
            row = score_features(result)
            if row is not None:
                features.append(row)
                correct.append(result.loinc_code == code)
    x, y = np.asarray(features), np.asarray(correct)
    repeats = [_out_of_fold(x, y, seed) for seed in range(args.repeats)]
    pooled, pooled_right = np.concatenate(repeats), np.tile(y, len(repeats))
    threshold = auto_threshold(pooled.tolist(), pooled_right.tolist(), TARGET_PRECISION)
    accepted = pooled >= threshold
    per_repeat = [float(y[p >= threshold].mean()) for p in repeats if (p >= threshold).any()]
    report: dict[str, Any] = {
        "ranked_results": int(len(y)),
        "accuracy_of_ranked_results": round(float(y.mean()), 4),
        "repeats": len(repeats),
        "ece_out_of_fold": round(ece(pooled, pooled_right.astype(float)), 4),
        "auto_threshold": round(threshold, 4),
        "auto_precision_out_of_fold": round(float(pooled_right[accepted].mean()), 4)
        if accepted.any()
        else None,
        "auto_precision_lowest_repeat": round(min(per_repeat), 4) if per_repeat else None,
        "auto_coverage_of_ranked_results": round(float(accepted.mean()), 4),
    }
    final = fit_calibration(x.tolist(), y.tolist())
    report["calibration"] = final.model_dump()
    if args.write:
        path = data_dir() / "settings.json"
        settings = Settings.load(path)
        settings.calibration = final
        settings.thresholds.auto = round(threshold, 4)
        settings.save(path)
        report["written_to"] = str(path)
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "calibration.json").write_text(
        json.dumps(report, indent=2) + "\n", encoding="utf-8"
    )
    print(json.dumps(report, indent=2))
    return 0


def _out_of_fold(x: np.ndarray, y: np.ndarray, seed: int) -> np.ndarray:
    """Calibrated confidences of each row from a calibration fitted on the other folds."""
    out = np.zeros(len(y))
    for train, test in KFold(n_splits=5, shuffle=True, random_state=seed).split(x):
        calibration = fit_calibration(x[train].tolist(), y[train].tolist())
        out[test] = [probability(calibration, *row) for row in x[test]]
    return out


if __name__ == "__main__":
    raise SystemExit(main())
