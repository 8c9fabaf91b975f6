"""Reading and writing tables (CSV, TSV, Excel) safely: every cell as text, clear errors
naming the file, row and column, atomic writes, and formula-safe cells for spreadsheets."""

from __future__ import annotations

import csv
import io
import os
import sys
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from loinc_harmonize.exceptions import InputError, located

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
TSV_SUFFIXES = (".tsv", ".tab")
#: A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def excel_safe(value: object) -> object:
    """Prefix text that a spreadsheet would run as a formula, so it shows as text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def undo_excel_safe(value: object) -> object:
    """Remove the prefix ``excel_safe`` added (for files read back from people)."""
    if isinstance(value, str) and value[:1] == "'" and value[1:2] in FORMULA_START and value[1:2]:
        return value[1:]
    return value


def _separator(path: str) -> str:
    return "\t" if Path(path).suffix.lower() in TSV_SUFFIXES else ","


def _check_header(header: list[str], where: str) -> None:
    seen: dict[str, int] = {}
    for index, name in enumerate(header):
        key = name.strip()
        if key in seen:
            msg = f"duplicate column name {key!r} (columns {seen[key] + 1} and {index + 1})"
            raise InputError(located(where, msg, row=1))
        seen[key] = index


def _leading_comment_lines(text_head: str) -> int:
    count = 0
    for line in text_head.splitlines():
        if not line.startswith("#"):
            break
        count += 1
    return count


def read_table(
    path: str | Path,
    *,
    chunksize: int | None = None,
    encoding: str = "utf-8-sig",
) -> pd.DataFrame | Iterator[pd.DataFrame]:
    """Read CSV, TSV or Excel by extension, every cell as text; ``-`` is standard input.

    With ``chunksize`` a CSV/TSV is streamed (memory stays bounded). Leading lines starting
    with ``#`` (a review queue's header note) are skipped.
    """
    source = str(path)
    if source != "-":
        p = Path(source)
        if not p.exists():
            raise InputError(located(p, "no such file"))
        if p.is_dir():
            raise InputError(located(p, "is a folder, expected a file"))
    if Path(source).suffix.lower() in (*EXCEL_SUFFIXES, ".xls"):
        return _read_excel(source)
    if source == "-":
        text = _decode(sys.stdin.buffer.read(), source, encoding)
        handle: io.StringIO | str = io.StringIO(text)
        head = text[:65536]
    else:
        with open(source, "rb") as raw:
            head_bytes = raw.read(65536)
        # Decode the head leniently here: a bad byte is reported with its row below.
        _check_binary(head_bytes, source)
        head = head_bytes.decode(encoding, errors="replace") if _known(encoding, source) else ""
        handle = source
    if not head.strip():
        raise InputError(located(source, "empty file"))
    sep = _separator(source)
    skip = _leading_comment_lines(head)
    lines = head.splitlines()
    try:
        header = next(csv.reader([lines[skip] if len(lines) > skip else ""], delimiter=sep), [])
    except csv.Error as exc:
        raise InputError(located(source, f"cannot parse the header ({exc})", row=skip + 1)) from exc
    _check_header(header, source)
    options: dict[str, Any] = {
        "sep": sep,
        "dtype": str,
        "keep_default_na": False,
        "skiprows": skip,
        "encoding": encoding,
        # Never read leading fields as an index: a ragged first row must not shift columns.
        "index_col": False,
    }
    if chunksize:
        return _chunks(handle, source, chunksize, options)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)
            frame = pd.read_csv(handle, **options)
    except pd.errors.ParserWarning as exc:
        raise _ragged(source, len(header)) from exc
    except UnicodeDecodeError as exc:
        raise _decode_error(source, encoding, exc) from exc
    except pd.errors.EmptyDataError as exc:
        raise InputError(located(source, "empty file")) from exc
    except pd.errors.ParserError as exc:
        raise InputError(located(source, f"cannot parse: {' '.join(str(exc).split())}")) from exc
    # File row of the first data row, so errors about a row can name the line people see.
    frame.attrs["first_data_row"] = skip + 2
    return frame


def _chunks(
    handle: io.StringIO | str, source: str, chunksize: int, options: dict[str, Any]
) -> Iterator[pd.DataFrame]:
    """Stream chunks, turning decoding and parsing errors into ``InputError``."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)
            yield from pd.read_csv(handle, chunksize=chunksize, **options)
    except pd.errors.ParserWarning as exc:
        raise _ragged(source, None) from exc
    except UnicodeDecodeError as exc:
        raise _decode_error(source, options["encoding"], exc) from exc
    except pd.errors.ParserError as exc:
        raise InputError(located(source, f"cannot parse: {' '.join(str(exc).split())}")) from exc


def _ragged(source: str, columns: int | None) -> InputError:
    expected = f" ({columns} columns)" if columns is not None else ""
    return InputError(located(source, f"a row has more fields than the header{expected}", row=2))


def _known(encoding: str, source: str) -> bool:
    try:
        "".encode(encoding)
    except LookupError as exc:
        raise InputError(located(source, f"unknown encoding {encoding!r}")) from exc
    return True


def _check_binary(data: bytes, source: str) -> None:
    if b"\x00" in data:
        raise InputError(located(source, "binary file (NUL bytes); expected CSV or TSV"))


def _decode_error(source: str, encoding: str, exc: UnicodeDecodeError) -> InputError:
    """Name the first line of the file that does not decode (found again, line by line)."""
    row = _first_bad_line(source, encoding) if source != "-" else None
    msg = f"not {encoding} text ({exc.reason}); save as UTF-8 or pass --encoding cp1252 / latin-1"
    return InputError(located(source, msg, row=row))


def _first_bad_line(source: str, encoding: str) -> int | None:
    with open(source, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                line.decode(encoding)
            except UnicodeDecodeError:
                return number
    return None


def _decode(data: bytes, source: str, encoding: str) -> str:
    _check_binary(data[:65536], source)
    _known(encoding, source)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        row = data[: exc.start].count(b"\n") + 1
        msg = (
            f"not {encoding} text (byte {exc.start}: {exc.reason}); "
            "save as UTF-8 or pass --encoding cp1252 / latin-1"
        )
        raise InputError(located(source, msg, row=row)) from exc


def _read_excel(source: str) -> pd.DataFrame:
    try:
        frame = pd.read_excel(source, dtype=str, keep_default_na=False, header=None)
    except (ValueError, OSError) as exc:
        raise InputError(located(source, f"cannot read as Excel ({exc})")) from exc
    skip = 0
    while skip < len(frame) and str(frame.iloc[skip, 0]).startswith("#"):
        skip += 1
    header = [str(c) for c in frame.iloc[skip]] if len(frame) > skip else []
    _check_header(header, source)
    body = frame.iloc[skip + 1 :].reset_index(drop=True)
    body.columns = header
    body = body.map(undo_excel_safe)
    body.attrs["first_data_row"] = skip + 2
    return body


@contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path in the target folder; rename it onto ``target`` on success.

    A crash, an interrupt or an error leaves the previous file (or none) in place, never a
    truncated one.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(located(target, "output folder does not exist"))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(located(target, f"cannot write here ({exc.strerror})")) from exc
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_table(
    frame: pd.DataFrame, path: str | Path, *, safe: bool = False, note: str | None = None
) -> None:
    """Write CSV, TSV or Excel by extension, atomically; ``-`` is standard output.

    ``safe`` neutralizes formula cells (always on for Excel); ``note`` becomes a first
    ``# ...`` line (a first row in Excel) that ``read_table`` skips.
    """
    suffix = Path(path).suffix.lower()
    if safe or suffix in EXCEL_SUFFIXES:
        frame = frame.map(excel_safe)
        frame.columns = [str(excel_safe(c)) for c in frame.columns]
    if str(path) == "-":
        if note:
            sys.stdout.write(f"# {note}\n")
        frame.to_csv(sys.stdout, index=False)
        return
    with atomic_path(path) as tmp:
        if suffix in EXCEL_SUFFIXES:
            _write_excel(frame, tmp, note)
        else:
            with tmp.open("wb") as handle:
                if note:
                    handle.write(f"# {note}\n".encode())
                write_csv(frame, handle, sep=_separator(str(path)))


def write_csv(
    frame: pd.DataFrame, handle: BinaryIO, *, sep: str = ",", header: bool = True
) -> None:
    """Write a frame as UTF-8 CSV/TSV to a binary handle; call again to append rows.

    pyarrow's CSV writer does this about ten times faster than pandas, which matters when a
    mapped file is millions of rows. Every cell is written as text, so values read back equal.
    """
    write_csv_columns(frame, {}, handle, sep=sep, header=header)


def write_csv_columns(
    frame: pd.DataFrame,
    extra: dict[str, pa.Array],
    handle: BinaryIO,
    *,
    sep: str = ",",
    header: bool = True,
) -> None:
    """Write ``frame`` with ``extra`` text columns (replacing columns of the same name)."""
    names = [str(c) for c in frame.columns]
    arrays: list[pa.Array | pa.ChunkedArray] = []
    for position, name in enumerate(names):
        values = extra.get(name)
        arrays.append(values if values is not None else _arrow_text(frame.iloc[:, position]))
    for name, values in extra.items():
        if name not in names:
            names.append(name)
            arrays.append(values)
    if header:
        line = io.StringIO()
        csv.writer(line, delimiter=sep, lineterminator="\n").writerow(names)
        handle.write(line.getvalue().encode("utf-8"))
    if frame.empty:
        return
    # Positional names: the frame's may repeat or be numbers.
    table = pa.Table.from_arrays(arrays, names=[str(i) for i in range(len(arrays))])
    options = pa_csv.WriteOptions(include_header=False, delimiter=sep, quoting_style="needed")
    pa_csv.write_csv(table, handle, options)


def _arrow_text(column: pd.Series) -> pa.Array | pa.ChunkedArray:
    return pa.array(column.astype(str), from_pandas=True)


def _write_excel(frame: pd.DataFrame, tmp: Path, note: str | None) -> None:
    with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
        start = 0
        if note:
            pd.DataFrame([[f"# {note}"]]).to_excel(writer, index=False, header=False)
            start = 1
        frame.to_excel(writer, index=False, startrow=start)
