"""Every hostile row and bad file we try, with its outcome; and a bound on pathological input.

Writes benchmarks/results/reliability.json and reliability.md.
Usage: python benchmarks/reliability.py
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import string
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pandas as pd

from loinc_harmonize import Harmonizer
from loinc_harmonize.batch import map_dataframe
from loinc_harmonize.cli import main

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from tests.hostile import HOSTILE_VALUES  # noqa: E402
from tests.test_reliability import BAD_FILES  # noqa: E402


def hostile_rows(harmonizer: Harmonizer) -> list[dict[str, object]]:
    frame = pd.DataFrame(
        {
            "Modality": ["CT"] * len(HOSTILE_VALUES),
            "StudyDescription": [v for _, v in HOSTILE_VALUES],
        }
    )
    out = map_dataframe(frame, harmonizer)
    kept = len(out) == len(frame) and list(out.index) == list(frame.index)
    return [
        {
            "case": name,
            "row_kept_in_order": kept,
            "status": row["status"],
            "code": row["loinc_code"],
            "reason": row["mapping_reason"],
        }
        for (name, _), (_, row) in zip(HOSTILE_VALUES, out.iterrows(), strict=True)
    ]


def bad_files() -> list[dict[str, object]]:
    outcomes = []
    with tempfile.TemporaryDirectory() as folder:
        for case, spec in sorted(BAD_FILES.items()):
            data = b"Modality,StudyDescription\n" if spec is None else spec[0]
            source = Path(folder) / f"{case.replace(' ', '_')}.csv"
            source.write_bytes(data)
            out = Path(folder) / f"{source.stem}_out.csv"
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                code = main(["map", str(source), "-o", str(out)])
            outcomes.append(
                {
                    "case": case,
                    "exit_code": code,
                    "message": err.getvalue().strip(),
                    "traceback": "Traceback" in err.getvalue(),
                    "output_written": out.exists(),
                }
            )
    return outcomes


def pathological(
    harmonizer: Harmonizer, count: int = 10_000, size: int = 1024
) -> dict[str, object]:
    rng = random.Random(0)
    alphabet = string.ascii_uppercase + string.digits + " ^_()/-,&+"
    texts = ["".join(rng.choice(alphabet) for _ in range(size)) for _ in range(count)]
    start = time.perf_counter()
    slowest = 0.0
    for text in texts:
        t = time.perf_counter()
        harmonizer.map(text, "CT")
        slowest = max(slowest, time.perf_counter() - t)
    total = time.perf_counter() - start
    return {
        "descriptions": count,
        "bytes_each": size,
        "seconds": round(total, 2),
        "ms_per_description": round(1000 * total / count, 3),
        "slowest_ms": round(1000 * slowest, 2),
    }


def main_() -> int:
    harmonizer = Harmonizer().fit()
    report: dict[str, Any] = {
        "hostile_rows": hostile_rows(harmonizer),
        "bad_files": bad_files(),
        "pathological_random_1kb": pathological(harmonizer),
    }
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "reliability.json").write_text(
        json.dumps(report, indent=2) + "\n", encoding="utf-8"
    )
    lines = ["| case | outcome |", "|---|---|"]
    lines += [
        f"| row: {r['case']} | {r['status']}: {r['reason']} |" for r in report["hostile_rows"]
    ]
    lines += [
        f"| file: {r['case']} | exit {r['exit_code']}, output written: {r['output_written']}"
        f", traceback: {r['traceback']} |"
        for r in report["bad_files"]
    ]
    p = report["pathological_random_1kb"]
    lines.append(
        f"| 10,000 random 1 KB descriptions | {p['ms_per_description']} ms each, "
        f"slowest {p['slowest_ms']} ms |"
    )
    (HERE / "results" / "reliability.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main_())
