"""Sweep the weight of the curated vote (``curated_similarity``) under grouped and plain CV.

The vote lets curated rows that parse like a description pull it toward their code. Too
strong, and for exams never curated (grouped CV) the votes of sibling codes override the text;
too weak, and the site's conventions are not learned (plain CV). Top-1 and top-5 do not depend
on the calibration, so every weight is run with the bundled one. This is how the bundled weight
was chosen, on the same table the accuracy benchmark evaluates, which makes those figures
somewhat optimistic.

Writes benchmarks/results/curated_weight.json and .md.
Usage: python benchmarks/curated_weight.py [--weights 0.5 0.75 1.0 1.5 2.0] [--shared PATH]
"""

from __future__ import annotations

import argparse
import json
from functools import partial
from pathlib import Path

from _shared import curated_table, reference_table, shared_dir

from loinc_harmonize import Harmonizer, load_playbook
from loinc_harmonize.evaluate import Columns, labelled, run_mode, summarize
from loinc_harmonize.settings import Settings

HERE = Path(__file__).resolve().parent
MODES = ("grouped_cv", "cv")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared")
    parser.add_argument("--weights", type=float, nargs="+", default=[0.5, 0.75, 1.0, 1.5, 2.0])
    args = parser.parse_args()
    shared = shared_dir(args.shared)
    frame = labelled(curated_table(shared), Columns())
    playbook = load_playbook(reference_table(shared))
    bundled = Settings.default()
    rows = []
    for weight in args.weights:
        settings = bundled.model_copy(
            update={"weights": {**bundled.weights, "curated_similarity": weight}}
        )
        row: dict[str, float] = {"weight": weight}
        for mode in MODES:
            results, truth = run_mode(mode, frame, partial(Harmonizer, playbook, settings=settings))
            stats = summarize(results, truth)
            row[f"{mode}_top1"] = round(stats["top1"], 6)
            row[f"{mode}_top5"] = round(stats["top5"], 6)
        rows.append(row)
        print(row)
    results_dir = HERE / "results"
    results_dir.mkdir(exist_ok=True)
    report = {"bundled_weight": bundled.weight("curated_similarity"), "sweep": rows}
    (results_dir / "curated_weight.json").write_text(json.dumps(report, indent=2) + "\n")
    lines = [
        "| curated_similarity | grouped-CV top-1 | grouped-CV top-5 | CV top-1 | CV top-5 |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        mark = " (bundled)" if row["weight"] == report["bundled_weight"] else ""
        lines.append(
            f"| {row['weight']}{mark} | {row['grouped_cv_top1']:.1%} | "
            f"{row['grouped_cv_top5']:.1%} | {row['cv_top1']:.1%} | {row['cv_top5']:.1%} |"
        )
    (results_dir / "curated_weight.md").write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
