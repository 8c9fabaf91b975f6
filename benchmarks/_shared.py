"""Locating the reference data in ../shared (or $LOINC_HARMONIZE_SHARED) for the benchmarks."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent


def shared_dir(arg: str | None = None) -> Path:
    """The reference data folder; exits with a clear message when it is absent."""
    path = Path(arg or os.environ.get("LOINC_HARMONIZE_SHARED") or HERE.parent.parent / "shared")
    if not (path / "data").is_dir():
        sys.exit(f"reference data not found at {path}; pass --shared or set LOINC_HARMONIZE_SHARED")
    return path


def reference_table(shared: Path) -> Path:
    """The radiology slice of Loinc.csv."""
    return shared / "data/loinc/loinc_rad_card.csv"


def curated_table_path(shared: Path) -> Path:
    """MIDRC's curated mapping table, November 2022."""
    return shared / "data/midrc/mapping_table_2022-11.csv"


def curated_table(shared: Path) -> pd.DataFrame:
    """MIDRC's curated mapping table as text cells."""
    return pd.read_csv(
        curated_table_path(shared), dtype=str, keep_default_na=False, encoding="utf-8-sig"
    )


def observed_descriptions(shared: Path) -> pd.DataFrame:
    """(Modality, StudyDescription, frequency) observed in MIDRC's data commons."""
    return pd.read_csv(
        shared / "data/midrc/study_descriptions_gen3.tsv",
        sep="\t",
        dtype=str,
        keep_default_na=False,
    )
