"""Load a radiology playbook from any LOINC release or from the bundled core.

``load_playbook(source)`` reads the bundled core (``source=None``), a LOINC release folder or
zip, the official ``LoincRsnaRadiologyPlaybook.csv``, ``Loinc.csv`` / ``LoincTableCore.csv``,
or the project's own core TSV. The format is detected from the header, never the file name.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import ValidationError

from loinc_harmonize.exceptions import (
    PlaybookConflictError,
    PlaybookError,
    PlaybookFileNotFound,
    PlaybookFormatError,
    UnknownCodeError,
    located,
)
from loinc_harmonize.formal import body_system, formal_name_reader
from loinc_harmonize.models import PART_FIELDS, TUPLE_FIELDS, Procedure
from loinc_harmonize.vocab import Vocabulary, data_dir, load_vocabulary, read_tsv

logger = logging.getLogger(__name__)

CORE_FILE = "core_playbook.tsv"
CORE_META = "core_meta.json"
_PLAYBOOK_NAMES = ("loincrsnaradiologyplaybook.csv",)
_TABLE_NAMES = ("loinc.csv", "loinctablecore.csv")
_LOINC_TABLE_COLUMNS = ("loinc_num", "component", "system", "method_typ", "long_common_name")
_PARTS_COLUMNS = ("loincnumber", "longcommonname", "parttypename", "partname")
_CORE_COLUMNS = ("code", "long_common_name", "status", "modality_type", "region_imaged")
_STATUSES = ("ACTIVE", "DEPRECATED", "DISCOURAGED", "TRIAL")
_CODE_JUNK = re.compile(r"[\s\"'\u00a0\ufeff]+")


def clean_code(value: object) -> str:
    """Strip stray spaces, tabs, quotes and BOMs from a LOINC code."""
    return _CODE_JUNK.sub("", str(value if value is not None else ""))


class Playbook:
    """An immutable collection of ``Procedure`` records, looked up by LOINC code.

    Examples
    --------
    >>> from loinc_harmonize import load_playbook
    >>> playbook = load_playbook()
    >>> playbook["36643-5"].long_common_name
    'XR Chest 2 Views'
    >>> "36643-5" in playbook
    True
    """

    def __init__(
        self,
        procedures: Iterable[Procedure],
        *,
        source: str,
        version: str | None = None,
        disagreements: Iterable[str] = (),
        vocabulary: Vocabulary | None = None,
    ) -> None:
        self._procedures: dict[str, Procedure] = {p.code: p for p in procedures}
        self.source = source
        self.version = version or "unknown"
        self.disagreements: tuple[str, ...] = tuple(disagreements)
        self.vocabulary = vocabulary or load_vocabulary()
        self.fingerprint = _fingerprint(self._procedures.values())

    def __getitem__(self, code: str) -> Procedure:
        key = clean_code(code)
        try:
            return self._procedures[key]
        except KeyError:
            msg = f"LOINC code {code!r} is not in the playbook ({self.source})"
            raise UnknownCodeError(msg) from None

    def __contains__(self, code: object) -> bool:
        return clean_code(code) in self._procedures

    def __iter__(self) -> Iterator[Procedure]:
        return iter(self._procedures.values())

    def __len__(self) -> int:
        return len(self._procedures)

    def __repr__(self) -> str:
        return f"Playbook({len(self)} codes, source={self.source!r}, version={self.version!r})"

    def get(self, code: str) -> Procedure | None:
        """The procedure for ``code``, or None."""
        return self._procedures.get(clean_code(code))

    def filter(
        self,
        *,
        modality: str | None = None,
        region: str | None = None,
        status: str | Iterable[str] | None = None,
        released_by: str | None = None,
    ) -> Playbook:
        """A new playbook with the procedures matching every given criterion.

        ``released_by`` keeps the codes LOINC had released by that version (``"2.73"``): the
        playbook a curated table made then was chosen from. It needs the release of each code
        (Loinc.csv's VersionFirstReleased); codes whose release is unknown are kept.
        """
        statuses = {status} if isinstance(status, str) else set(status or ())
        later = self._released_after(released_by)
        kept = [
            p
            for p in self
            if (modality is None or modality in (p.modality_type or "").split("+"))
            and (region is None or region in p.region_imaged or region in p.imaging_focus)
            and (not statuses or p.status in statuses)
            and p.code not in later
        ]
        source = f"{self.source} (released by {released_by})" if released_by else self.source
        return Playbook(kept, source=source, version=self.version, vocabulary=self.vocabulary)

    def _released_after(self, released_by: str | None) -> set[str]:
        """The codes LOINC released after ``released_by`` (none when it is None)."""
        if released_by is None:
            return set()
        try:
            limit = release_order(released_by)
        except ValueError as exc:
            raise PlaybookError(f"released_by: {exc}") from None
        if not any(p.first_released for p in self):
            msg = (
                f"{self.source}: no code has a release version (Loinc.csv VersionFirstReleased),"
                " so it cannot be limited to a release"
            )
            raise PlaybookError(msg)
        return {
            p.code for p in self if p.first_released and release_order(p.first_released) > limit
        }

    def to_dataframe(self) -> pd.DataFrame:
        """One row per procedure; multi-valued parts joined with ``|``."""
        rows = [_flat_record(p) for p in self]
        return pd.DataFrame(rows, columns=list(_flat_record_columns()))


def load_playbook(
    source: str | Path | None = None, *, classes: Iterable[str] = ("RAD",)
) -> Playbook:
    """Load a playbook.

    Parameters
    ----------
    source
        None for the bundled core; otherwise a LOINC release folder or zip, the official
        ``LoincRsnaRadiologyPlaybook.csv``, ``Loinc.csv`` / ``LoincTableCore.csv``, or a
        core-format TSV. The format is detected from the file's header.
    classes
        LOINC CLASS values kept when reading a LOINC table (``RAD`` by default; add
        ``CARD.US`` and others on request).
    """
    vocab = load_vocabulary()
    wanted = tuple(c.upper() for c in classes)
    if source is None:
        return _load_single(data_dir() / CORE_FILE, vocab, wanted)
    path = Path(source)
    if not path.exists():
        raise PlaybookFileNotFound(located(path, "no such file or folder"))
    if path.is_dir():
        return _load_release(_find_in_folder(path), str(path), vocab, wanted)
    if zipfile.is_zipfile(path):
        return _load_release(_find_in_zip(path), str(path), vocab, wanted)
    return _load_single(path, vocab, wanted)


# -- release folders and zips ------------------------------------------------------------


@dataclass(frozen=True)
class _Member:
    """A file inside a release: its display name and a way to read its bytes."""

    name: str
    data: bytes


def _find_in_folder(folder: Path) -> dict[str, _Member]:
    found: dict[str, _Member] = {}
    for path in sorted(folder.rglob("*")):
        kind = _release_kind(path.name)
        if kind and kind not in found and path.is_file():
            found[kind] = _Member(str(path), path.read_bytes())
    return found


def _find_in_zip(path: Path) -> dict[str, _Member]:
    found: dict[str, _Member] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            for name in sorted(archive.namelist()):
                kind = _release_kind(name.rsplit("/", 1)[-1])
                if kind and kind not in found:
                    found[kind] = _Member(f"{path}!{name}", archive.read(name))
    except (zipfile.BadZipFile, OSError) as exc:
        raise PlaybookFormatError(located(path, f"unreadable zip file ({exc})")) from exc
    return found


def _release_kind(filename: str) -> str | None:
    lower = filename.lower()
    if lower in _PLAYBOOK_NAMES:
        return "playbook"
    if lower in _TABLE_NAMES:
        return "table"
    if lower == "mapto.csv":
        return "mapto"
    return None


def _load_release(
    members: dict[str, _Member], where: str, vocab: Vocabulary, classes: tuple[str, ...]
) -> Playbook:
    if "table" not in members and "playbook" not in members:
        msg = "no LoincRsnaRadiologyPlaybook.csv, Loinc.csv or LoincTableCore.csv inside"
        raise PlaybookFileNotFound(located(where, msg))
    table = playbook_parts = None
    version = None
    if "table" in members:
        frame = _read_frame(members["table"].data, members["table"].name)
        table, version = _procedures_from_table(frame, members["table"].name, vocab, classes)
    if "playbook" in members:
        frame = _read_frame(members["playbook"].data, members["playbook"].name)
        playbook_parts = _parts_from_playbook_file(frame, members["playbook"].name)
    merged, disagreements = _merge(table, playbook_parts, where, vocab)
    if "mapto" in members:
        replacements = _replacements(members["mapto"])
        merged = [
            p.model_copy(update={"replaced_by": replacements[p.code]})
            if p.code in replacements
            else p
            for p in merged
        ]
    return Playbook(
        merged, source=where, version=version, disagreements=disagreements, vocabulary=vocab
    )


def _replacements(member: _Member) -> dict[str, str]:
    """LOINC's MapTo.csv: deprecated code -> the code that replaces it."""
    frame = _read_frame(member.data, member.name)
    if not {"loinc", "map_to"} <= set(frame.columns):
        msg = f"MapTo file lacks LOINC and MAP_TO columns; found {sorted(frame.columns)}"
        raise PlaybookFormatError(located(member.name, msg, row=1))
    return {
        clean_code(a): clean_code(b)
        for a, b in zip(frame["loinc"], frame["map_to"], strict=True)
        if clean_code(b)
    }


def _load_single(path: Path, vocab: Vocabulary, classes: tuple[str, ...]) -> Playbook:
    try:
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise PlaybookFileNotFound(located(path, "is a folder, expected a file")) from exc
    except OSError as exc:
        raise PlaybookError(located(path, f"cannot read ({exc.strerror})")) from exc
    frame = _read_frame(data, str(path))
    kind = _detect_format(frame, str(path))
    if kind == "core":
        procedures = _procedures_from_core(frame, str(path))
        return Playbook(procedures, source=str(path), version=_core_version(path), vocabulary=vocab)
    if kind == "table":
        table, version = _procedures_from_table(frame, str(path), vocab, classes)
        return Playbook(table.values(), source=str(path), version=version, vocabulary=vocab)
    parts = _parts_from_playbook_file(frame, str(path))
    merged, disagreements = _merge(None, parts, str(path), vocab)
    return Playbook(merged, source=str(path), disagreements=disagreements, vocabulary=vocab)


# -- reading and detecting ---------------------------------------------------------------


def _read_frame(data: bytes, where: str) -> pd.DataFrame:
    """Parse CSV/TSV bytes into a string DataFrame with normalized (lower-case) headers."""
    if b"\x00" in data[:65536]:
        raise PlaybookFormatError(located(where, "binary file (NUL bytes); expected CSV or TSV"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        msg = f"not UTF-8 (byte {exc.start}); save the file as UTF-8"
        raise PlaybookFormatError(located(where, msg, row=line)) from exc
    header = text.split("\n", 1)[0]
    if not header.strip():
        raise PlaybookFormatError(located(where, "empty file or empty header line", row=1))
    delimiter = max((",", "\t", ";", "|"), key=header.count)
    if delimiter in (";", "|") and header.count(",") == 0 and header.count("\t") == 0:
        msg = f"wrong delimiter {delimiter!r}; expected comma- or tab-separated values"
        raise PlaybookFormatError(located(where, msg, row=1))
    try:
        frame = pd.read_csv(
            io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False, quotechar='"'
        )
    except (pd.errors.ParserError, ValueError) as exc:
        raise PlaybookFormatError(located(where, f"cannot parse as CSV ({exc})")) from exc
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    return frame


def _detect_format(frame: pd.DataFrame, where: str) -> str:
    columns = set(frame.columns)
    if set(_CORE_COLUMNS) <= columns:
        return "core"
    if set(_PARTS_COLUMNS) <= columns:
        return "playbook"
    if "loinc_num" in columns or set(_LOINC_TABLE_COLUMNS) & columns:
        missing = [c.upper() for c in _LOINC_TABLE_COLUMNS if c not in columns]
        if missing:
            msg = f"LOINC table lacks required columns {missing}; found {sorted(columns)}"
            raise PlaybookFormatError(located(where, msg, row=1))
        return "table"
    msg = (
        "unrecognized header: expected a LOINC table (LOINC_NUM, COMPONENT, SYSTEM, "
        "METHOD_TYP, LONG_COMMON_NAME), the Radiology Playbook (LoincNumber, PartTypeName, "
        f"PartName) or the core format; found {sorted(columns)[:12]}"
    )
    raise PlaybookFormatError(located(where, msg, row=1))


def _check_unique_names(codes: list[str], names: list[str], where: str) -> None:
    """Raise when one code carries two different names; report both rows."""
    first: dict[str, tuple[int, str]] = {}
    for row, (code, name) in enumerate(zip(codes, names, strict=True), start=2):
        seen = first.setdefault(code, (row, name))
        if seen[1] != name:
            msg = f"code {code} has two names: {seen[1]!r} (row {seen[0]}) and {name!r}"
            raise PlaybookConflictError(located(where, msg, row=row))


def _procedures_from_table(
    frame: pd.DataFrame, where: str, vocab: Vocabulary, classes: tuple[str, ...]
) -> tuple[dict[str, Procedure], str | None]:
    if "class" in frame.columns and classes:
        frame = frame[frame["class"].str.strip().str.upper().isin(classes)]
    codes = [clean_code(c) for c in frame["loinc_num"]]
    names = [n.strip() for n in frame["long_common_name"]]
    _check_unique_names(codes, names, where)
    statuses = frame["status"] if "status" in frame.columns else ["ACTIVE"] * len(frame)
    released = _column(frame, "versionfirstreleased")
    scales = _column(frame, "scale_typ")
    synonyms = _synonyms(frame, names)
    procedures: dict[str, Procedure] = {}
    read_parts = formal_name_reader(vocab)
    for i, (code, name, comp, system, method, status, first, scale) in enumerate(
        zip(
            codes,
            names,
            frame["component"],
            frame["system"],
            frame["method_typ"],
            statuses,
            released,
            scales,
            strict=True,
        )
    ):
        if not code or code in procedures:
            continue
        parts = read_parts(comp, system, method)
        procedures[code] = _build(
            parts,
            vocab,
            code=code,
            long_common_name=name,
            status=_status(status, where, i),
            formal_name=f"{comp}|{system}|{method}",
            synonyms=synonyms[i],
            first_released=(first or "").strip() or None,
            scale=(scale or "").strip() or None,
            source=where,
        )
    return procedures, _table_version(frame)


#: Loinc.csv columns that name a code another way. RELATEDNAMES2 is left out: it is a bag of
#: search terms ("Radiology; Imaging; Point in time"), not names a site writes.
_SYNONYM_COLUMNS = ("shortname", "displayname")


def _column(frame: pd.DataFrame, name: str) -> list[str]:
    """A column's values, or blanks when the file does not have it."""
    return list(frame[name]) if name in frame.columns else [""] * len(frame)


def _synonyms(frame: pd.DataFrame, names: list[str]) -> list[tuple[str, ...]]:
    """Each row's other names, without blanks, repeats and copies of its long common name."""
    columns = [frame[c].tolist() for c in _SYNONYM_COLUMNS if c in frame.columns]
    out = []
    for i, name in enumerate(names):
        seen = {name.lower()}
        found = []
        for column in columns:
            value = str(column[i]).strip()
            if value and value.lower() not in seen:
                seen.add(value.lower())
                found.append(value)
        out.append(tuple(found))
    return out


def _parts_from_playbook_file(frame: pd.DataFrame, where: str) -> dict[str, dict[str, Any]]:
    """Group the Playbook's one-row-per-part layout into per-code part dicts."""
    field_of = {
        r["part_type"].lower(): r["field"]
        for r in read_tsv(data_dir() / "part_types.tsv", ("id", "part_type", "field"))
    }
    codes = [clean_code(c) for c in frame["loincnumber"]]
    names = [n.strip() for n in frame["longcommonname"]]
    _check_unique_names(codes, names, where)
    grouped: dict[str, dict[str, Any]] = {}
    for code, name, part_type, value in zip(
        codes, names, frame["parttypename"], frame["partname"], strict=True
    ):
        if not code:
            continue
        record = grouped.setdefault(code, {"long_common_name": name})
        field_name = field_of.get(part_type.strip().lower())
        value = value.strip()
        if not field_name or not value:
            continue
        if field_name in TUPLE_FIELDS:
            record[field_name] = (*record.get(field_name, ()), value)
        else:
            record.setdefault(field_name, value)
    return grouped


def _merge(
    table: dict[str, Procedure] | None,
    playbook_parts: dict[str, dict[str, Any]] | None,
    where: str,
    vocab: Vocabulary,
) -> tuple[list[Procedure], list[str]]:
    """Playbook parts win; the formal name fills gaps; disagreements are recorded."""
    if playbook_parts is None:
        return list((table or {}).values()), []
    disagreements: list[str] = []
    merged: list[Procedure] = []
    table = table or {}
    for code, record in playbook_parts.items():
        base = table.get(code)
        parts = {f: getattr(base, f) for f in PART_FIELDS} if base else {}
        parts["view_count"] = base.view_count if base else None
        for field_name in PART_FIELDS:
            if field_name not in record:
                continue
            given = _canonical_part(field_name, record[field_name])
            derived = parts.get(field_name)
            if derived not in (None, ()) and _norm(derived) != _norm(given):
                disagreements.append(
                    f"{code} {field_name}: playbook {given!r}, formal name {derived!r}"
                )
            parts[field_name] = given
        parts["imaging_focus"] = _with_whole_regions(parts.get("imaging_focus"), base, vocab)
        merged.append(
            _build(
                parts,
                vocab,
                code=code,
                long_common_name=record["long_common_name"],
                status=base.status if base else "ACTIVE",
                formal_name=base.formal_name if base else None,
                synonyms=base.synonyms if base else (),
                first_released=base.first_released if base else None,
                scale=base.scale if base else None,
                source=where,
            )
        )
    merged.extend(p for code, p in table.items() if code not in playbook_parts)
    return merged, disagreements


def _with_whole_regions(
    focus: tuple[str, ...] | None, base: Procedure | None, vocab: Vocabulary
) -> tuple[str, ...]:
    """The Playbook's foci plus the regions the formal name images whole beside them
    (``Chest>Ribs & Chest``): the parts file names the ribs only, and would make the code
    read as ribs alone."""
    given = tuple(focus or ())
    whole = [f for f in (base.imaging_focus if base else ()) if vocab.is_region(f)]
    return given + tuple(f for f in whole if f not in given)


def _canonical_part(field_name: str, value: Any) -> Any:
    if field_name == "timing" and isinstance(value, str):
        return value.replace(" and ", " & ").strip()
    return value


def _norm(value: Any) -> Any:
    if isinstance(value, tuple):
        return tuple(sorted(str(v).lower() for v in value))
    return str(value).lower()


def _procedures_from_core(frame: pd.DataFrame, where: str) -> list[Procedure]:
    codes = [clean_code(c) for c in frame["code"]]
    _check_unique_names(codes, list(frame["long_common_name"]), where)
    procedures = []
    for i, (code, row) in enumerate(zip(codes, frame.to_dict("records"), strict=True)):
        values: dict[str, Any] = {"code": code, "source": where}
        for key, raw in row.items():
            if key in Procedure.model_fields and key not in ("code", "source"):
                values[key] = _core_value(key, raw)
        try:
            procedures.append(Procedure(**values))
        except ValidationError as exc:
            problem = exc.errors()[0]
            column = str(problem["loc"][0]) if problem["loc"] else None
            raise PlaybookFormatError(
                located(where, problem["msg"], row=i + 2, column=column)
            ) from exc
    return procedures


def _core_value(key: str, raw: str) -> Any:
    raw = raw.strip()
    if key in TUPLE_FIELDS or key == "synonyms":
        return tuple(v for v in raw.split("|") if v)
    if key == "view_count":
        if not raw:
            return None
        lo, _, hi = raw.partition("-")
        return (int(lo), int(hi) if hi else None)
    return raw or None if key not in ("long_common_name", "status", "body_system") else raw


def _status(value: str, where: str, index: int) -> str:
    status = (value or "ACTIVE").strip().upper()
    if status not in _STATUSES:
        msg = f"unknown STATUS {value!r}; expected one of {list(_STATUSES)}"
        raise PlaybookFormatError(located(where, msg, row=index + 2, column="STATUS"))
    return status


def _build(parts: dict[str, Any], vocab: Vocabulary, **fields: Any) -> Procedure:
    known = Procedure.model_fields  # read once: pydantic computes it on every access
    values = {k: v for k, v in parts.items() if k in known}
    regions = tuple(values.get("region_imaged") or ())
    return Procedure(**values, body_system=body_system(regions, vocab.region_order), **fields)


def _table_version(frame: pd.DataFrame) -> str | None:
    if "versionlastchanged" not in frame.columns:
        return None
    versions = [v for v in frame["versionlastchanged"] if re.fullmatch(r"\d+(\.\d+)*", v or "")]
    if not versions:
        return None
    return max(versions, key=release_order)


def release_order(version: str) -> tuple[int, int, str]:
    """A LOINC release number as a sortable key: ``"2.7"`` is 2.70 and comes after 2.69.

    LOINC 2.x minor numbers have two digits (2.03, 2.70); files that passed through a
    spreadsheet lose the trailing zero, so a one-digit minor number is read as tens. The 1.0
    releases carry a letter (``1.0l``), kept as the last element.
    """
    match = re.fullmatch(r"\s*(\d+)(?:\.(\d+))?(.*?)\s*", version)
    if match is None:
        raise ValueError(f"not a LOINC release number: {version!r}")
    major, minor, rest = match.groups()
    number = int(minor or 0)
    if minor is not None and len(minor) == 1 and major != "1":
        number *= 10
    return int(major), number, rest


def _core_version(path: Path) -> str | None:
    meta = path.parent / CORE_META
    if meta.is_file():
        return str(json.loads(meta.read_text(encoding="utf-8")).get("loinc_version"))
    return None


def _fingerprint(procedures: Iterable[Procedure]) -> str:
    digest = hashlib.sha256()
    for procedure in sorted(procedures, key=lambda p: p.code):
        # Without synonyms a record hashes as it did before they existed (saved models load).
        # The release a code came in never changes how it is matched, so it is not hashed;
        # nor is its scale, but for a measurement, which is never proposed.
        skip = {"source", "first_released"}
        if not procedure.synonyms:
            skip.add("synonyms")
        if not procedure.is_measurement:
            skip.add("scale")
        digest.update(procedure.model_dump_json(exclude=skip).encode("utf-8"))
    return digest.hexdigest()


def _flat_record_columns() -> tuple[str, ...]:
    return tuple(Procedure.model_fields)


def _flat_record(procedure: Procedure) -> dict[str, Any]:
    record = procedure.model_dump()
    for key in (*TUPLE_FIELDS, "synonyms"):
        record[key] = "|".join(record[key])
    count = record["view_count"]
    record["view_count"] = (
        "" if count is None else f"{count[0]}-{'' if count[1] is None else count[1]}"
    )
    return record
