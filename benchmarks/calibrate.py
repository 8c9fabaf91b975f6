"""Fit the confidence calibration and the auto-accept threshold by cross-validation.

1. Map MIDRC's curated table under plain 5-fold CV (out-of-fold results) and zero-shot.
2. Fit the logistic calibration of (best score, margin, curated support) on those ranked
   results in 5 folds, to measure the expected calibration error (ECE) of calibrated
   confidences on rows the calibrator did not see.
3. Choose the lowest auto threshold whose out-of-fold auto results are >= 95% right.
4. With --write, refit on all rows and store coefficients and threshold in
   playbook_data/settings.json (the bundled default).

Writes benchmarks/results/calibration.json. Usage: python benchmarks/calibrate.py [--write]
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
    out_of_fold = np.zeros(len(y))
    for train, test in KFold(n_splits=5, shuffle=True, random_state=0).split(x):
        calibration = fit_calibration(x[train].tolist(), y[train].tolist())
        out_of_fold[test] = [probability(calibration, *row) for row in x[test]]
    threshold = auto_threshold(out_of_fold.tolist(), y.tolist(), TARGET_PRECISION)
    accepted = out_of_fold >= threshold
    report: dict[str, Any] = {
        "ranked_results": int(len(y)),
        "accuracy_of_ranked_results": round(float(y.mean()), 4),
        "ece_out_of_fold": round(ece(out_of_fold, y.astype(float)), 4),
        "auto_threshold": round(threshold, 4),
        "auto_precision_out_of_fold": round(float(y[accepted].mean()), 4)
        if accepted.any()
        else None,
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


if __name__ == "__main__":
    raise SystemExit(main())
