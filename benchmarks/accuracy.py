"""Accuracy on MIDRC's curated table: exact lookup, zero-shot, grouped and plain 5-fold CV.

Writes benchmarks/results/accuracy.json and benchmarks/results/accuracy.md.
Usage: python benchmarks/accuracy.py [--shared PATH] [--quick]
"""

from __future__ import annotations

import argparse
import json
import time
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from _shared import curated_table, observed_descriptions, reference_table, shared_dir
from rapidfuzz import fuzz, process
from sklearn.feature_extraction.text import TfidfVectorizer

from loinc_harmonize import Harmonizer, load_playbook, normalize
from loinc_harmonize.curated import midrc_key
from loinc_harmonize.evaluate import Columns, error_category, labelled, run_mode, summarize
from loinc_harmonize.playbook import Playbook

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
#: MIDRC's table is dated 2022-11. The LOINC release then current was 2.73 (2022-08; 2.74 came
#: out in 2023-02), so its curators chose among 2.73's codes. The reference table is 2.81.
CURATED_RELEASE = "2.73"
AS_OF = f"reference as of {CURATED_RELEASE}"


def frequency_weights(frame: pd.DataFrame, shared: Path) -> np.ndarray:
    seen = observed_descriptions(shared)
    freq: dict[str, float] = {}
    for desc, count in zip(seen["StudyDescription"], seen["frequency"], strict=True):
        try:
            freq[midrc_key(desc)] = freq.get(midrc_key(desc), 0.0) + float(count)
        except ValueError:
            continue
    return np.array([freq.get(k, 0.0) for k in frame["_key"]])


def contradictions(frame: pd.DataFrame) -> list[dict[str, object]]:
    """Curated rows of one modality whose description is given different codes, by MIDRC's
    key or after normalization: they cap the precision of any method that reads them alike
    (the exact lookup only for those split under MIDRC's key)."""
    keyed = frame.assign(_norm=[normalize(d).text for d in frame["StudyDescription"]])
    out = []
    for level, column in (("exact", "_key"), ("normalized", "_norm")):
        for (key, modality), group in keyed.groupby([column, "Modality"], sort=True):
            if group["_code"].nunique() > 1:
                out.append(
                    {
                        "level": level,
                        "modality": modality,
                        "description": key,
                        "rows": [int(i) + 2 for i in group.index],
                        "codes": sorted(set(group["_code"])),
                    }
                )
    return out


def _name(playbook: Playbook, code: str) -> str | None:
    procedure = playbook.get(code)
    return procedure.long_common_name if procedure else None


def baselines(frame: pd.DataFrame, playbook: Playbook) -> dict[str, dict[str, float]]:
    """The issue's orientation baselines, zero-shot on the curated descriptions, whole playbook
    (no modality blocking, no rules): rapidfuzz (WRatio, token set ratio) of the lowercased
    description against long common names, and the TF-IDF (word, or character 2-4-gram)
    nearest long common name."""
    codes = [p.code for p in playbook]
    names = [p.long_common_name.lower() for p in playbook]
    queries = [str(d).lower() for d in frame["StudyDescription"]]
    truth = list(frame["_code"])
    fuzzy = {
        name: process.cdist(queries, names, scorer=scorer, workers=1)
        for name, scorer in (("wratio", fuzz.WRatio), ("token_set_ratio", fuzz.token_set_ratio))
    }
    words = TfidfVectorizer(analyzer="word", token_pattern=r"[a-z0-9]+").fit(names)
    grams = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4)).fit(names)
    tfidf = {
        name: (vectorizer.transform(queries) @ vectorizer.transform(names).T).toarray()
        for name, vectorizer in (("word", words), ("char", grams))
    }
    out = {}
    runs = [("rapidfuzz_" + k, v) for k, v in fuzzy.items()]
    runs += [("tfidf_" + k, v) for k, v in tfidf.items()]
    for name, scores in runs:
        ranked = np.argsort(-np.asarray(scores, dtype=float), axis=1, kind="stable")[:, :5]
        top = [[codes[j] for j in row] for row in ranked]
        out[name] = {
            "top1": round(float(np.mean([t == r[0] for t, r in zip(truth, top, strict=True)])), 4),
            "top5": round(float(np.mean([t in r for t, r in zip(truth, top, strict=True)])), 4),
        }
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared")
    parser.add_argument("--modes", default="exact,zero_shot,grouped_cv,cv")
    args = parser.parse_args()
    shared = shared_dir(args.shared)
    frame = labelled(curated_table(shared), Columns())
    weights = frequency_weights(frame, shared)
    report: dict[str, Any] = {
        "rows": len(frame),
        "weighted_rows": int((weights > 0).sum()),
        "contradictory_curated_rows": contradictions(frame),
    }
    contested = {r - 2 for c in report["contradictory_curated_rows"] for r in c["rows"]}
    lines = [
        "| playbook | mode | top-1 | top-5 | auto precision | auto coverage | ECE | "
        "top-1 (study-weighted) | seconds |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    weighted_lines = [
        "| playbook | mode (study-weighted) | top-1 | top-5 | auto precision | auto coverage | "
        "ECE |",
        "|---|---|---|---|---|---|---|",
    ]
    report["playbook_codes"] = {}
    reference = load_playbook(reference_table(shared))
    playbooks = {
        "reference": reference,
        AS_OF: reference.filter(released_by=CURATED_RELEASE),
        "core": load_playbook(),
    }
    report["reference_version"] = reference.version
    for label, playbook in playbooks.items():
        report["playbook_codes"][label] = len(playbook)
        per_mode: dict[str, object] = {}
        for mode in args.modes.split(","):
            start = time.perf_counter()
            results, truth = run_mode(mode, frame, partial(Harmonizer, playbook))
            seconds = time.perf_counter() - start
            stats = summarize(results, truth)
            clean = [i for i in range(len(truth)) if i not in contested]
            uncontested = summarize([results[i] for i in clean], [truth[i] for i in clean])
            stats["auto_precision_without_contradicted_rows"] = uncontested["auto_precision"]
            stats["top1_without_contradicted_rows"] = uncontested["top1"]
            weighted = summarize(results, truth, weights) if weights.sum() else {}
            errors = [
                {
                    "description": r.description,
                    "modality": r.modality,
                    "expected": t,
                    "expected_name": _name(playbook, t),
                    "got": r.loinc_code,
                    "got_name": r.long_common_name,
                    "category": error_category(
                        r, t, playbook, frame, labels_released_by=CURATED_RELEASE
                    ),
                    # What a "parser gap" rests on: the words no rule read.
                    "unread": list(r.parsed.unrecognized) if r.parsed else [],
                }
                for r, t in zip(results, truth, strict=True)
                if r.loinc_code != t
            ]
            per_mode[mode] = {
                "unweighted": stats,
                "study_weighted": weighted,
                "seconds": round(seconds, 2),
                "errors": errors,
            }
            lines.append(
                f"| {label} | {mode} | {stats['top1']:.1%} | {stats['top5']:.1%} | "
                f"{stats['auto_precision']:.1%} | {stats['auto_coverage']:.1%} | "
                f"{stats['ece']:.3f} | {weighted.get('top1', float('nan')):.1%} | {seconds:.1f} |"
            )
            print(lines[-1], flush=True)
            if weighted:
                weighted_lines.append(
                    f"| {label} | {mode} | {weighted['top1']:.1%} | {weighted['top5']:.1%} | "
                    f"{weighted['auto_precision']:.1%} | {weighted['auto_coverage']:.1%} | "
                    f"{weighted['ece']:.3f} |"
                )
        report[label] = per_mode
    report["baselines"] = baselines(frame, reference)
    lines += ["", *weighted_lines]
    lines += ["", "| baseline (zero-shot, reference playbook) | top-1 | top-5 |", "|---|---|---|"]
    lines += [
        f"| {name} | {b['top1']:.1%} | {b['top5']:.1%} |" for name, b in report["baselines"].items()
    ]
    print("\n".join(lines[-5:]), flush=True)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "accuracy.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "accuracy.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
