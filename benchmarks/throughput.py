"""End-to-end throughput of ``loinc-harmonize map`` on MIDRC's observed descriptions.

Builds an input by expanding study_descriptions_gen3.tsv by study frequency (scaled to
--rows), runs the CLI with the full reference table and the 2022 curated table, and measures
wall time, unique descriptions per second, cold start, peak memory (of the child process) and
the ratio to the time pandas needs to read and write the same file (the I/O floor).
Writes benchmarks/results/throughput.json and .md.
Usage: python benchmarks/throughput.py [--rows 200000] [--shared PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent


def build_input(shared: Path, rows: int, path: Path) -> int:
    seen = pd.read_csv(
        shared / "data/midrc/study_descriptions_gen3.tsv",
        sep="\t",
        dtype=str,
        keep_default_na=False,
    )
    freq = pd.to_numeric(seen["frequency"], errors="coerce").fillna(1).clip(lower=1)
    repeats = np.maximum(1, np.round(freq / freq.sum() * rows)).astype(int)
    frame = seen.loc[seen.index.repeat(repeats), ["Modality", "StudyDescription"]]
    frame = frame.sample(frac=1.0, random_state=0).reset_index(drop=True)
    frame.to_csv(path, index=False)
    return len(frame)


def child_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--shared")
    args = parser.parse_args()
    shared = Path(
        args.shared or os.environ.get("LOINC_HARMONIZE_SHARED") or HERE.parent.parent / "shared"
    )
    if not (shared / "data").is_dir():
        sys.exit(f"reference data not found at {shared}")
    playbook = shared / "data/loinc/loinc_rad_card.csv"
    curated = shared / "data/midrc/mapping_table_2022-11.csv"
    with tempfile.TemporaryDirectory() as tmp:
        source, out = Path(tmp) / "studies.csv", Path(tmp) / "mapped.csv"
        n = build_input(shared, args.rows, source)
        unique = len(pd.read_csv(source, dtype=str, keep_default_na=False).drop_duplicates())
        start = time.perf_counter()
        frame = pd.read_csv(source, dtype=str, keep_default_na=False)
        frame.to_csv(Path(tmp) / "copy.csv", index=False)
        io_floor = time.perf_counter() - start
        cold = [
            sys.executable,
            "-c",
            "import time;t=time.perf_counter();from loinc_harmonize import Harmonizer;"
            f"Harmonizer({str(playbook)!r}).fit({str(curated)!r});"
            "print(time.perf_counter()-t)",
        ]
        cold_start = float(subprocess.run(cold, capture_output=True, text=True, check=True).stdout)
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "loinc_harmonize.cli",
                "map",
                str(source),
                "-o",
                str(out),
                "--playbook",
                str(playbook),
                "--train",
                str(curated),
            ],
            check=True,
            capture_output=True,
        )
        wall = time.perf_counter() - start
    mapping = max(wall - cold_start, 1e-9)
    report = {
        "rows": n,
        "unique_descriptions": unique,
        "wall_seconds": round(wall, 2),
        "cold_start_seconds": round(cold_start, 2),
        "rows_per_second": round(n / wall),
        "unique_descriptions_per_second": round(unique / mapping, 1),
        "io_floor_seconds": round(io_floor, 2),
        "ratio_to_io_floor": round(wall / io_floor, 1),
        "peak_memory_mb": round(child_peak_mb()),
        "cores": 1,
    }
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "throughput.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    lines = ["| metric | value |", "|---|---|"] + [f"| {k} | {v} |" for k, v in report.items()]
    (out_dir / "throughput.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
