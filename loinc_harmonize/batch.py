"""DataFrame and file I/O: map every row, keep every input column and the row order."""

from __future__ import annotations

import json
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
from tqdm import tqdm

from loinc_harmonize.exceptions import InputError, located
from loinc_harmonize.harmonizer import Harmonizer
from loinc_harmonize.models import MappingResult
from loinc_harmonize.tables import (
    atomic_path,
    excel_safe,
    read_table,
    write_csv_columns,
)

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
    body_part_column: str | None = None,
    results: dict[tuple[str, ...], MappingResult] | None = None,
    source: str = "<DataFrame>",
    _formatted: dict[tuple[str, ...], dict[str, object]] | None = None,
) -> pd.DataFrame:
    """Map a DataFrame; return a new frame with every input row and column plus the mapping.

    Each unique (modality, description) pair is mapped once. The caller's frame is not changed.
    With ``series_description_column`` the series text adds evidence (views, contrast); with
    ``study_column`` too, the series of each study (within this frame) are read together.
    ``body_part_column`` (DICOM BodyPartExamined) gives the region where the description
    names none. ``results``, when given, collects the ``MappingResult`` of each unique key.
    """
    positions, unique_rows = _map_unique(
        df,
        harmonizer,
        description_column=description_column,
        modality_column=modality_column,
        series_description_column=series_description_column,
        study_column=study_column,
        body_part_column=body_part_column,
        results=results,
        source=source,
        formatted=_formatted,
    )
    out = df.copy()
    for column in OUTPUT_COLUMNS:
        values = [row[column] for row in unique_rows]
        if column == "confidence":
            out[column] = np.asarray(values, dtype=np.float64)[positions]
        else:
            # Spread the few unique cells over the rows with one vectorized take.
            out[column] = pd.Series(values, dtype=_TEXT_DTYPE).take(positions).array
    return out


#: pandas' text dtype: Arrow-backed ``str`` on pandas 3, object before.
_TEXT_DTYPE = pd.Series([""]).astype(str).dtype


def _map_unique(
    df: pd.DataFrame,
    harmonizer: Harmonizer,
    *,
    description_column: str,
    modality_column: str | None,
    series_description_column: str | None,
    study_column: str | None,
    results: dict[tuple[str, ...], MappingResult] | None,
    source: str,
    formatted: dict[tuple[str, ...], dict[str, object]] | None,
    by_study: dict[str, set[str]] | None = None,
    body_part_column: str | None = None,
) -> tuple[np.ndarray, list[dict[str, object]]]:
    """Map each unique key of a frame once: each row's position in the unique rows, and them.

    A key is (modality, description, body part, series...), as text.
    """
    columns = (
        description_column,
        modality_column,
        series_description_column,
        study_column,
        body_part_column,
    )
    _require_columns(df, columns, source)
    series = _series_per_row(df, series_description_column, study_column, by_study)
    key_columns: list[pd.Series | None] = [
        df[modality_column] if modality_column else None,
        df[description_column],
        df[body_part_column] if body_part_column else None,
    ]
    if series_description_column is not None:
        key_columns.append(pd.Series(["\x1f".join(t) for t in series], index=df.index))
    # Each column is factorized on its own (cells are turned into text only for its unique
    # values) and the codes combined, which is exact and stays vectorized.
    positions = np.zeros(len(df), dtype=np.int64)
    factorized: list[tuple[np.ndarray, np.ndarray]] = []
    for key_column in key_columns:
        if key_column is None:
            codes, uniques = np.zeros(len(df), dtype=np.int64), np.array([""], dtype=object)
        else:
            codes, uniques = _text_codes(key_column)
        factorized.append((codes, uniques))
        positions = pd.factorize(positions * (len(uniques) + 1) + codes, sort=False)[0]
    first_rows = np.full(positions.max() + 1 if len(positions) else 0, -1, dtype=np.int64)
    first_rows[positions[::-1]] = np.arange(len(positions) - 1, -1, -1)
    modalities, descriptions, body_parts = (
        uniques[codes[first_rows]] for codes, uniques in factorized[:3]
    )
    unique_keys: list[tuple[str, ...]] = [
        (str(m), str(d), str(b), *series[int(i)])
        for m, d, b, i in zip(modalities, descriptions, body_parts, first_rows, strict=True)
    ]
    cache = results if results is not None else {}
    for key in unique_keys:
        if key not in cache:
            modality, description, body_part, *series_texts = key
            extra: dict[str, object] = {"series_descriptions": series_texts} if series_texts else {}
            if body_part:
                extra["body_part_examined"] = body_part
            cache[key] = harmonizer.map(description, modality or None, **extra)
    # Output cells of a key are formatted once per run, not once per chunk.
    done = formatted if formatted is not None else {}
    for key in unique_keys:
        if key not in done:
            done[key] = _row(cache[key], harmonizer)
    return positions, [done[key] for key in unique_keys]


def _text_codes(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Each cell's code and the text of each code: only unique cells are turned into text (a
    missing value is empty, a number its text)."""
    codes, raw = pd.factorize(column, sort=False, use_na_sentinel=False)
    return codes, np.array([_cell_text(v) for v in raw], dtype=object)


def _cell_text(value: object) -> str:
    missing = value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value))
    return "" if missing else str(value)


def _text(column: pd.Series) -> pd.Series:
    """Cells as text, as in ``_text_codes``."""
    codes, texts = _text_codes(column)
    return pd.Series(texts[codes], index=column.index, dtype=object)


def _series_per_row(
    df: pd.DataFrame,
    series_column: str | None,
    study_column: str | None,
    by_study: dict[str, set[str]] | None = None,
) -> list[tuple[str, ...]]:
    """Series texts that go with each row: its own, or all of its study's (sorted, unique).

    ``by_study`` gives the series of each study when they were collected beyond this frame.
    """
    if series_column is None:
        return [()] * len(df)
    texts = _text(df[series_column])
    if study_column is None:
        return [(t,) if t else () for t in texts]
    studies = _text(df[study_column])
    if by_study is None:
        by_study = _collect_series({}, studies, texts)
    return [tuple(sorted(by_study.get(study, ()))) for study in studies]


def _collect_series(
    by_study: dict[str, set[str]], studies: pd.Series, texts: pd.Series
) -> dict[str, set[str]]:
    for study, text in zip(studies, texts, strict=True):
        if text:
            by_study.setdefault(study, set()).add(text)
    return by_study


def series_by_study(
    source: str | Path,
    *,
    study_column: str,
    series_description_column: str,
    chunk_rows: int = 50_000,
    encoding: str = "utf-8-sig",
) -> dict[str, set[str]]:
    """Every study's series descriptions in a CSV/TSV, read in chunks (a first pass, so a
    study whose rows are far apart in a large file is still read as one)."""
    chunks = read_table(source, chunksize=chunk_rows, encoding=encoding)
    assert not isinstance(chunks, pd.DataFrame)
    by_study: dict[str, set[str]] = {}
    for chunk in chunks:
        _require_columns(chunk, (study_column, series_description_column), str(source))
        _collect_series(
            by_study, _text(chunk[study_column]), _text(chunk[series_description_column])
        )
    return by_study


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
        statuses, positions = np.unique(mapped["status"].astype(str), return_inverse=True)
        return self.add_unique(positions, [{"status": s} for s in statuses], mapped)

    def add_unique(
        self, positions: np.ndarray, unique_rows: list[dict[str, object]], chunk: pd.DataFrame
    ) -> RunSummary:
        """Count one chunk from its unique rows and each row's position among them."""
        column = self.frequency_column
        if column and column in chunk.columns:
            weights = pd.to_numeric(chunk[column], errors="coerce").fillna(0.0).to_numpy()
        else:
            weights = np.ones(len(chunk))
        rows_per_key = np.bincount(positions, minlength=len(unique_rows))
        volume_per_key = np.bincount(positions, weights=weights, minlength=len(unique_rows))
        for row, count, volume in zip(unique_rows, rows_per_key, volume_per_key, strict=True):
            self.by_status[str(row["status"])] += int(count)
            if row["status"] == "auto":
                self.auto_volume += float(volume)
        self.rows += len(chunk)
        self.volume += float(weights.sum())
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

    ``columns`` are passed to ``map_dataframe`` (``description_column``, ``modality_column``,
    ``series_description_column``, ``study_column``, ``body_part_column``). With a study
    column, a first pass collects each study's series, so a study is read whole wherever its
    rows are in the file.
    """
    columns = {**_COLUMN_DEFAULTS, **columns}
    chunks, by_study = _chunks_and_series(source, chunk_rows, encoding, columns)
    sep = "\t" if Path(output).suffix.lower() in (".tsv", ".tab") else ","
    totals = RunSummary(frequency_column)
    cache = results if results is not None else {}
    formatted: dict[tuple[str, ...], dict[str, object]] = {}
    bar = tqdm(unit=" rows", disable=not progress, file=sys.stderr, desc="mapping")
    with bar, atomic_path(output) as tmp, tmp.open("wb") as handle, _InOrder() as writes:
        for i, chunk in enumerate(chunks):
            bar.update(len(chunk))
            positions, unique_rows = _map_unique(
                chunk,
                harmonizer,
                results=cache,
                source=str(source),
                formatted=formatted,
                by_study=by_study,
                **columns,
            )
            totals.add_unique(positions, unique_rows, chunk)
            extra = _output_text_columns(positions, unique_rows, safe=safe)
            cells = chunk.map(excel_safe) if safe else chunk
            writes.submit(write_csv_columns, cells, extra, handle, sep=sep, header=(i == 0))
    return totals


def _chunks_and_series(
    source: str | Path, chunk_rows: int, encoding: str, columns: dict[str, Any]
) -> tuple[Iterator[pd.DataFrame], dict[str, set[str]] | None]:
    """The chunks to map and, when series are read per study, every study's series."""
    study, series = columns["study_column"], columns["series_description_column"]
    by_study = None
    if study and series and str(source) == "-":
        # Standard input cannot be read twice; it is held in memory whole anyway.
        frame = read_table(source, encoding=encoding)
        assert isinstance(frame, pd.DataFrame)
        _require_columns(frame, (study, series), str(source))
        by_study = _collect_series({}, _text(frame[study]), _text(frame[series]))
        parts = (frame.iloc[i : i + chunk_rows] for i in range(0, len(frame), chunk_rows))
        return parts, by_study
    if study and series:
        by_study = series_by_study(
            source,
            study_column=study,
            series_description_column=series,
            chunk_rows=chunk_rows,
            encoding=encoding,
        )
    chunks = read_table(source, chunksize=chunk_rows, encoding=encoding)
    assert not isinstance(chunks, pd.DataFrame)
    return chunks, by_study


def _require_columns(frame: pd.DataFrame, names: Iterable[str | None], source: str) -> None:
    for column in names:
        if column is not None and column not in frame.columns:
            msg = f"missing column {column!r}; columns found: {list(frame.columns)}"
            raise InputError(located(source, msg, row=1))


class _InOrder:
    """Run writes on one background thread, in submission order, while the next chunk is read
    and mapped (pyarrow's CSV writer releases the GIL, so the two overlap on two cores).

    At most ``pending`` writes wait, which bounds memory; the first error is raised in the
    caller; leaving the block waits for every write, or cancels them after an error.
    """

    def __init__(self, pending: int = 2) -> None:
        self.pending = pending
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="loinc-write")
        self._futures: deque[Future[None]] = deque()

    def submit(self, write: Callable[..., None], *args: Any, **kwargs: Any) -> None:
        """Queue one write; wait for the oldest when too many are queued."""
        while len(self._futures) >= self.pending:
            self._futures.popleft().result()
        self._futures.append(self._pool.submit(write, *args, **kwargs))

    def __enter__(self) -> _InOrder:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        try:
            while kind is None and self._futures:
                self._futures.popleft().result()
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)


_COLUMN_DEFAULTS: dict[str, Any] = {
    "description_column": "StudyDescription",
    "modality_column": "Modality",
    "series_description_column": None,
    "study_column": None,
    "body_part_column": None,
}


def _output_text_columns(
    positions: np.ndarray, unique_rows: list[dict[str, object]], *, safe: bool = False
) -> dict[str, pa.Array]:
    """The output columns as Arrow text, as ``write_csv`` would write ``map_dataframe``'s
    (``safe``: formula-safe, as ``excel_safe`` makes them)."""
    indices = pa.array(positions)
    out = {}
    for column in OUTPUT_COLUMNS:
        cells = [str(row[column]) for row in unique_rows]
        if safe:
            cells = [str(excel_safe(cell)) for cell in cells]
        out[column] = pa.array(cells, pa.string()).take(indices)
    return out
