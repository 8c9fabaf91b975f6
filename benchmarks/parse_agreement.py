"""Per-part agreement between parsed MIDRC descriptions and the parts of their curated codes.

Writes benchmarks/results/parse_agreement.json (with every disagreement classified) and
benchmarks/results/parse_agreement.md. Usage: python benchmarks/parse_agreement.py [--shared PATH]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from _shared import curated_table, reference_table, shared_dir

from loinc_harmonize import load_playbook, parse
from loinc_harmonize.playbook import clean_code

HERE = Path(__file__).resolve().parent
FIELDS = ("modality_type", "laterality", "timing", "region_imaged")


def _classify(field: str, ours: object, theirs: object) -> str:
    if ours in (None, ()):
        return "the description does not say (or our rule is missing)"
    if theirs in (None, ()):
        return "curator chose a broader code"
    return "different value: our rule or the curator's choice"


def _agrees(field: str, ours: Any, theirs: Any, parsed: object) -> bool:
    if field == "modality_type":
        return ours == theirs or theirs in getattr(parsed, "compatible_modalities", ())
    if field == "region_imaged":
        return set(ours) == set(theirs)
    return ours == theirs


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared")
    args = parser.parse_args()
    shared = shared_dir(args.shared)
    playbook = load_playbook(reference_table(shared))
    table = curated_table(shared)
    counts = {f: [0, 0] for f in FIELDS}
    disagreements = []
    for row in table.to_dict("records"):
        code = clean_code(row["LOINC code"])
        procedure = playbook.get(code)
        parsed = parse(row["StudyDescription"], row["Modality"])
        if procedure is None or not parsed.usable:
            continue
        for field in FIELDS:
            ours, theirs = getattr(parsed, field), getattr(procedure, field)
            counts[field][1] += 1
            if _agrees(field, ours, theirs, parsed):
                counts[field][0] += 1
            else:
                disagreements.append(
                    {
                        "description": row["StudyDescription"],
                        "modality": row["Modality"],
                        "code": code,
                        "field": field,
                        "parsed": str(ours),
                        "code_part": str(theirs),
                        "category": _classify(field, ours, theirs),
                    }
                )
    agreement = {f: round(a / n, 4) if n else None for f, (a, n) in counts.items()}
    report = {"agreement": agreement, "rows_compared": counts, "disagreements": disagreements}
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "parse_agreement.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    lines = ["| part | agreement | rows |", "|---|---|---|"]
    lines += [f"| {f} | {agreement[f]:.1%} | {counts[f][1]} |" for f in FIELDS]
    (out / "parse_agreement.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
