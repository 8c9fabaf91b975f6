"""DataFrame and file I/O: map every row, keep every input column and the row order."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from tqdm import tqdm

from loinc_harmonize.exceptions import InputError, located
from loinc_harmonize.harmonizer import Harmonizer
from loinc_harmonize.models import MappingResult
from loinc_harmonize.tables import atomic_path, excel_safe, read_table, write_csv

OUTPUT_COLUMNS = (
    "loinc_code",
    "loinc_long_common_name",
    "loinc_method",
    "loinc_system",
    "loinc_contrast",
    "confidence",
    "status",
    "candidates",
    "mapping_reason",
)


def map_dataframe(
    df: pd.DataFrame,
    harmonizer: Harmonizer,
    *,
    description_column: str = "StudyDescription",
    modality_column: str | None = "Modality",
    series_description_column: str | None = None,
    study_column: str | None = None,
    results: dict[tuple[str, ...], MappingResult] | None = None,
    source: str = "<DataFrame>",
    _formatted: dict[tuple[str, ...], dict[str, object]] | None = None,
) -> pd.DataFrame:
    """Map a DataFrame; return a new frame with every input row and column plus the mapping.

    Each unique (modality, description) pair is mapped once. The caller's frame is not changed.
    With ``series_description_column`` the series text adds evidence (views, contrast); with
    ``study_column`` too, the series of each study (within this frame) are read together.
    ``results``, when given, collects the ``MappingResult`` of each unique key.
    """
    for column in (description_column, modality_column, series_description_column, study_column):
        if column is not None and column not in df.columns:
            msg = f"missing column {column!r}; columns found: {list(df.columns)}"
            raise InputError(located(source, msg, row=1))
    descriptions = _text(df[description_column])
    modalities = _text(df[modality_column]) if modality_column else pd.Series("", index=df.index)
    series = _series_per_row(df, series_description_column, study_column)
    columns = [modalities, descriptions]
    if series_description_column is not None:
        columns.append(pd.Series(["\x1f".join(t) for t in series], index=df.index))
    # Map each unique key once, then spread the results over the rows by position. Each column
    # is factorized on its own and the codes combined, which is exact and stays vectorized.
    positions = np.zeros(len(df), dtype=np.int64)
    for key_column in columns:
        codes, uniques = pd.factorize(key_column, sort=False)
        combined = positions * (len(uniques) + 1) + codes
        positions = pd.factorize(combined, sort=False)[0]  # keeps the numbers small
    first_rows = np.full(positions.max() + 1 if len(positions) else 0, -1, dtype=np.int64)
    first_rows[positions[::-1]] = np.arange(len(positions) - 1, -1, -1)
    unique_keys: list[tuple[str, ...]] = [
        (str(modalities.iat[int(i)]), str(descriptions.iat[int(i)]), *series[int(i)])
        for i in first_rows
    ]
    cache = results if results is not None else {}
    for key in unique_keys:
        if key not in cache:
            modality, description, *texts = key
            extra = {"series_descriptions": texts} if texts else {}
            cache[key] = harmonizer.map(description, modality or None, **extra)
    # Output cells of a key are formatted once per run, not once per chunk.
    formatted = _formatted if _formatted is not None else {}
    for key in unique_keys:
        if key not in formatted:
            formatted[key] = _row(cache[key], harmonizer)
    unique_rows = pd.DataFrame(
        [formatted[key] for key in unique_keys], columns=list(OUTPUT_COLUMNS)
    )
    mapped = unique_rows.take(positions) if len(df) else unique_rows
    out = df.copy()
    for column in OUTPUT_COLUMNS:
        out[column] = mapped[column].to_numpy()
    return out


def _text(column: pd.Series) -> pd.Series:
    """Cells as text: missing values become empty strings, numbers their text."""
    values = column.astype("object")
    return values.where(values.notna(), "").astype(str)


def _series_per_row(
    df: pd.DataFrame, series_column: str | None, study_column: str | None
) -> list[tuple[str, ...]]:
    """Series texts that go with each row: its own, or all of its study's (sorted, unique)."""
    if series_column is None:
        return [()] * len(df)
    texts = _text(df[series_column])
    if study_column is None:
        return [(t,) if t else () for t in texts]
    studies = _text(df[study_column])
    by_study: dict[str, set[str]] = {}
    for study, text in zip(studies, texts, strict=True):
        if text:
            by_study.setdefault(study, set()).add(text)
    return [tuple(sorted(by_study.get(study, ()))) for study in studies]


def output_meta(df: pd.DataFrame) -> pd.DataFrame:
    """An empty frame with the columns ``map_dataframe`` returns (Dask's ``meta``).

    >>> import pandas as pd
    >>> list(output_meta(pd.DataFrame({"StudyDescription": []})).columns)[:2]
    ['StudyDescription', 'loinc_code']
    """
    meta = df.iloc[:0].copy()
    for column in OUTPUT_COLUMNS:
        meta[column] = pd.Series(dtype="float64" if column == "confidence" else "object")
    return meta


def _row(result: MappingResult, harmonizer: Harmonizer) -> dict[str, object]:
    procedure = harmonizer.playbook_.get(result.loinc_code) if result.loinc_code else None
    method = None
    if procedure is not None:
        method = procedure.modality_type
        if procedure.modality_subtype:
            method = f"{method}.{procedure.modality_subtype.lower()}"
    return {
        "loinc_code": result.loinc_code or "",
        "loinc_long_common_name": result.long_common_name or "",
        "loinc_method": method or "",
        "loinc_system": procedure.body_system if procedure else "",
        "loinc_contrast": (procedure.timing or "") if procedure else "",
        "confidence": result.confidence,
        "status": result.status,
        "candidates": result.candidates_json(),
        "mapping_reason": " ".join(result.reason.split()),
    }


class RunSummary:
    """Rows, counts by status and the share of study volume auto-mapped, chunk by chunk."""

    def __init__(self, frequency_column: str | None = None) -> None:
        self.frequency_column = frequency_column
        self.rows = 0
        self.by_status: Counter[str] = Counter()
        self.volume = 0.0
        self.auto_volume = 0.0

    def add(self, mapped: pd.DataFrame) -> RunSummary:
        """Count one mapped chunk (rows weighted by the frequency column when present)."""
        column = self.frequency_column
        weights = (
            pd.to_numeric(mapped[column], errors="coerce").fillna(0.0)
            if column and column in mapped.columns
            else pd.Series(1.0, index=mapped.index)
        )
        self.rows += len(mapped)
        self.by_status.update({str(k): int(v) for k, v in mapped["status"].value_counts().items()})
        self.volume += float(weights.sum())
        self.auto_volume += float(weights[mapped["status"] == "auto"].sum())
        return self

    def as_dict(self) -> dict[str, Any]:
        """The totals as plain values."""
        return {
            "rows": self.rows,
            "by_status": dict(sorted(self.by_status.items())),
            "auto_share_of_volume": round(self.auto_volume / self.volume, 4)
            if self.volume
            else 0.0,
        }


def summary(mapped: pd.DataFrame, frequency_column: str | None = None) -> dict[str, Any]:
    """Rows, counts by status, and share of study volume auto-mapped."""
    return RunSummary(frequency_column).add(mapped).as_dict()


def write_audit(results: dict[tuple[str, ...], MappingResult], path: str | Path) -> None:
    """One JSON line per unique (modality, description) pair, in first-seen order."""
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8") as handle:
        for result in results.values():
            handle.write(json.dumps(json.loads(result.to_json()), ensure_ascii=False) + "\n")


def map_csv_streaming(
    source: str | Path,
    output: str | Path,
    harmonizer: Harmonizer,
    *,
    chunk_rows: int = 50_000,
    frequency_column: str | None = None,
    safe: bool = False,
    results: dict[tuple[str, ...], MappingResult] | None = None,
    encoding: str = "utf-8-sig",
    progress: bool = False,
    **columns: Any,
) -> RunSummary:
    """Map a CSV/TSV in chunks so memory stays bounded; the output appears only when complete.

    ``columns`` are passed to ``map_dataframe`` (``description_column``, ``modality_column``).
    """
    chunks = read_table(source, chunksize=chunk_rows, encoding=encoding)
    assert not isinstance(chunks, pd.DataFrame)
    sep = "\t" if Path(output).suffix.lower() in (".tsv", ".tab") else ","
    totals = RunSummary(frequency_column)
    cache = results if results is not None else {}
    formatted: dict[tuple[str, ...], dict[str, object]] = {}
    bar = tqdm(unit=" rows", disable=not progress, file=sys.stderr, desc="mapping")
    with bar, atomic_path(output) as tmp, tmp.open("wb") as handle:
        for i, chunk in enumerate(chunks):
            bar.update(len(chunk))
            mapped = map_dataframe(
                chunk,
                harmonizer,
                results=cache,
                source=str(source),
                _formatted=formatted,
                **columns,
            )
            totals.add(mapped)
            if safe:
                mapped = mapped.map(excel_safe)
            write_csv(mapped, handle, sep=sep, header=(i == 0))
    return totals
