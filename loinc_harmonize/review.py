"""The curator's review loop: a queue ordered by impact, decisions validated and merged into
a curated mapping table (MIDRC's format plus provenance), and MIDRC's consistency checks."""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from loinc_harmonize.curated import midrc_key
from loinc_harmonize.exceptions import InputError, located
from loinc_harmonize.harmonizer import Harmonizer
from loinc_harmonize.models import MappingResult
from loinc_harmonize.parse import parse
from loinc_harmonize.playbook import Playbook, clean_code
from loinc_harmonize.tables import write_table

DECISION_COLUMNS = ("decision", "equivalence", "reviewer", "comment")
#: HL7 FHIR ConceptMap equivalence values a curator may give.
EQUIVALENCES = ("equal", "equivalent", "wider", "narrower", "inexact", "unmatched")
CURATED_COLUMNS = (
    "Modality",
    "StudyDescription",
    "LOINC code",
    "L-Long Common Name",
    "reviewer",
    "date",
    "equivalence",
    "comment",
    "status",
)
_PARTS_SHOWN = (
    "modality_type",
    "modality_subtype",
    "region_imaged",
    "imaging_focus",
    "laterality",
    "timing",
    "view_count",
    "reason_for_exam",
)


def volume_mapped_share(mapped: pd.DataFrame, frequency_column: str | None) -> float:
    """Share of study volume already ``auto``-mapped (rows count 1 without a frequency)."""
    weights = _weights(mapped, frequency_column)
    total = float(weights.sum())
    return float(weights[mapped["status"] == "auto"].sum()) / total if total else 0.0


def _weights(frame: pd.DataFrame, column: str | None) -> pd.Series:
    if column and column in frame.columns:
        return pd.to_numeric(frame[column], errors="coerce").fillna(0.0)
    return pd.Series(1.0, index=frame.index)


def review_queue(
    mapped: pd.DataFrame,
    *,
    description_column: str = "StudyDescription",
    modality_column: str = "Modality",
    frequency_column: str | None = "frequency",
    top: int = 5,
) -> pd.DataFrame:
    """One row per unique (modality, description) needing a person, most impact first.

    Impact is the number of studies times (1 - confidence).
    """
    for column in (description_column, modality_column, "status", "confidence", "candidates"):
        if column not in mapped.columns:
            msg = f"not a mapped file: missing column {column!r}; found {list(mapped.columns)}"
            raise InputError(located("<mapped>", msg, row=1))
    pending = mapped[mapped["status"].isin(["review", "unmapped"])].copy()
    pending["_studies"] = _weights(pending, frequency_column)
    grouped = pending.groupby([modality_column, description_column], sort=False, dropna=False)
    first = grouped.first()
    studies = grouped["_studies"].sum()
    rows = []
    for key, row in first.iterrows():
        modality, description = str(key[0]), str(key[1])  # type: ignore[index]
        confidence = float(row["confidence"] or 0.0)
        count = float(studies.loc[key])  # type: ignore[call-overload]
        record: dict[str, object] = {
            "Modality": modality,
            "StudyDescription": description,
            "studies": int(count) if count.is_integer() else count,
            "confidence": round(confidence, 4),
            "status": row["status"],
            "impact": round(count * (1.0 - confidence), 4),
        }
        candidates = json.loads(row["candidates"] or "[]")
        for rank in range(1, top + 1):
            cand = candidates[rank - 1] if rank <= len(candidates) else {}
            record[f"candidate_{rank}_code"] = cand.get("code", "")
            record[f"candidate_{rank}_name"] = cand.get("name", "")
            record[f"candidate_{rank}_score"] = cand.get("score", "")
        parsed = parse(description, modality)
        record["parsed_parts"] = "; ".join(
            f"{name}={_show(getattr(parsed, name))}"
            for name in _PARTS_SHOWN
            if getattr(parsed, name) not in (None, ())
        )
        record.update(dict.fromkeys(DECISION_COLUMNS, ""))
        rows.append(record)
    queue = pd.DataFrame(rows)
    if queue.empty:
        return pd.DataFrame(
            columns=["Modality", "StudyDescription", "studies", "impact", *DECISION_COLUMNS]
        )
    queue = queue.sort_values(
        ["impact", "studies", "StudyDescription"], ascending=[False, False, True], kind="stable"
    )
    return queue.reset_index(drop=True)


def _show(value: object) -> str:
    if isinstance(value, tuple):
        return "+".join("" if v is None else str(v) for v in value)
    return str(value)


@dataclass
class ConsistencyIssue:
    """One finding of MIDRC's consistency checks on a curated table."""

    level: str  # "error" or "warning"
    message: str
    rows: list[int] = field(default_factory=list)


@dataclass
class ApplyReport:
    """What ``apply_decisions`` did."""

    added: int = 0
    changed: int = 0
    rejected: int = 0
    unchanged: int = 0
    issues: list[ConsistencyIssue] = field(default_factory=list)


def _resolve(row: pd.Series, decision: str, where: str, line: int) -> str | None:
    """The LOINC code a decision names; None for ``reject``."""
    value = decision.strip()
    lower = value.lower()
    if lower == "reject":
        return None
    if lower == "accept":
        value = "1"
    if value.isdigit():
        column = f"candidate_{int(value)}_code"
        code = clean_code(row.get(column, ""))
        if not code:
            raise InputError(
                located(
                    where,
                    f"decision {decision!r}: no candidate {value}",
                    row=line,
                    column="decision",
                )
            )
        return code
    code = clean_code(value)
    if not code.replace("-", "").isdigit() or code.count("-") != 1:
        msg = (
            f"unknown decision {decision!r}; use accept, a candidate number, "
            "a LOINC code, or reject"
        )
        raise InputError(located(where, msg, row=line, column="decision"))
    return code


def _validate_code(code: str, playbook: Playbook, where: str, line: int) -> str:
    procedure = playbook.get(code)
    if procedure is None:
        raise InputError(
            located(where, f"LOINC code {code} is not in the playbook", row=line, column="decision")
        )
    if procedure.status in ("DEPRECATED", "DISCOURAGED"):
        replacement = procedure.replaced_by
        hint = f"; use {replacement}" if replacement else "; the playbook names no replacement"
        raise InputError(
            located(
                where, f"LOINC code {code} is {procedure.status}{hint}", row=line, column="decision"
            )
        )
    return procedure.long_common_name


def apply_decisions(
    queue: pd.DataFrame,
    curated: pd.DataFrame,
    playbook: Playbook,
    *,
    source: str = "<queue>",
    today: dt.date | None = None,
) -> tuple[pd.DataFrame, ApplyReport]:
    """Merge a decided queue into a curated table; validate every decision first.

    Returns the new curated table and a report. A changed decision keeps the earlier row,
    marked ``superseded``, so the table holds its own history. Nothing is merged when any
    decision is invalid: the first invalid one raises ``InputError`` naming its row.
    """
    date = (today or dt.date.today()).isoformat()
    report = ApplyReport()
    table = curated.copy()
    for column in CURATED_COLUMNS:
        if column not in table.columns:
            table[column] = ""
    table["status"] = table["status"].replace("", "current")
    first_row = int(queue.attrs.get("first_data_row", 2))  # below the header (and any note)
    decided = []
    for position, (_, row) in enumerate(queue.iterrows()):
        line = first_row + position
        decision = str(row.get("decision", "") or "").strip()
        if not decision:
            continue
        equivalence = str(row.get("equivalence", "") or "").strip().lower() or "equivalent"
        if equivalence not in EQUIVALENCES:
            msg = f"unknown equivalence {equivalence!r}; use one of {list(EQUIVALENCES)}"
            raise InputError(located(source, msg, row=line, column="equivalence"))
        code = _resolve(row, decision, source, line)
        name = _validate_code(code, playbook, source, line) if code else None
        decided.append((row, code, name, equivalence))
    for row, code, name, equivalence in decided:
        if code is None:
            report.rejected += 1
            continue
        key = midrc_key(row["StudyDescription"])
        same = (
            (table["Modality"].astype(str) == str(row["Modality"]))
            & (table["StudyDescription"].map(midrc_key) == key)
            & (table["status"] == "current")
        )
        if same.any() and (table.loc[same, "LOINC code"].map(clean_code) == code).all():
            report.unchanged += 1
            continue
        if same.any():
            table.loc[same, "status"] = "superseded"
            report.changed += 1
        else:
            report.added += 1
        new = {
            "Modality": row["Modality"],
            "StudyDescription": row["StudyDescription"],
            "LOINC code": code,
            "L-Long Common Name": name,
            "reviewer": str(row.get("reviewer", "") or ""),
            "date": date,
            "equivalence": equivalence,
            "comment": str(row.get("comment", "") or ""),
            "status": "current",
        }
        table = pd.concat([table, pd.DataFrame([new])], ignore_index=True)
    report.issues = consistency_checks(table)
    return table, report


def consistency_checks(table: pd.DataFrame) -> list[ConsistencyIssue]:
    """MIDRC's checks on the current rows of a curated table.

    Errors: the same (modality, description) with different codes; the same code with
    different long common names. Warning: the same description with different codes across
    modalities.
    """
    current = table
    if "status" in table.columns:
        current = table[table["status"].replace("", "current") != "superseded"]
    frame = pd.DataFrame(
        {
            "row": current.index + 2,
            "modality": current["Modality"].astype(str),
            "key": current["StudyDescription"].map(midrc_key),
            "code": current["LOINC code"].map(clean_code),
            "name": current.get("L-Long Common Name", pd.Series("", index=current.index)).astype(
                str
            ),
        }
    )
    issues: list[ConsistencyIssue] = []
    for (modality, key), group in frame.groupby(["modality", "key"], sort=True):
        if group["code"].nunique() > 1:
            issues.append(
                ConsistencyIssue(
                    "error",
                    f"{modality} {key!r} has codes {sorted(set(group['code']))}",
                    group["row"].tolist(),
                )
            )
    named = frame[frame["name"].str.strip() != ""]
    for code, group in named.groupby("code", sort=True):
        if group["name"].str.strip().nunique() > 1:
            issues.append(
                ConsistencyIssue(
                    "error",
                    f"code {code} has names {sorted(set(group['name'].str.strip()))}",
                    group["row"].tolist(),
                )
            )
    for key, group in frame.groupby("key", sort=True):
        if group["modality"].nunique() > 1 and group["code"].nunique() > 1:
            issues.append(
                ConsistencyIssue(
                    "warning",
                    f"{key!r} has codes {sorted(set(group['code']))} across modalities",
                    group["row"].tolist(),
                )
            )
    return issues


class ReviewSession:
    """A curator's pass over a review queue, independent of any user interface.

    The notebook draws widgets around it; tests and scripts can drive it directly.
    """

    def __init__(self, queue: pd.DataFrame, harmonizer: Harmonizer) -> None:
        self.queue = queue.reset_index(drop=True).copy()
        for column in DECISION_COLUMNS:
            if column not in self.queue.columns:
                self.queue[column] = ""
        self.harmonizer = harmonizer
        self.position = 0

    def __len__(self) -> int:
        return len(self.queue)

    @property
    def done(self) -> bool:
        """True when every item has been seen."""
        return self.position >= len(self.queue)

    def current(self) -> pd.Series:
        """The queue row under review."""
        return self.queue.iloc[min(self.position, len(self.queue) - 1)]

    def current_result(self) -> MappingResult:
        """The current description mapped again, with its score breakdown."""
        row = self.current()
        return self.harmonizer.map(row["StudyDescription"], row["Modality"] or None)

    def decide(
        self, decision: str, equivalence: str = "", reviewer: str = "", comment: str = ""
    ) -> None:
        """Record a decision for the current item and move to the next one."""
        value = decision.strip()
        if not value:
            raise ValueError("a decision is accept, a candidate number, a LOINC code or reject")
        if equivalence and equivalence not in EQUIVALENCES:
            raise ValueError(f"equivalence must be one of {list(EQUIVALENCES)}")
        if self.done:
            raise ValueError("every item of the queue has been decided")
        for column, text in zip(
            DECISION_COLUMNS, (value, equivalence, reviewer, comment), strict=True
        ):
            self.queue.loc[self.position, column] = text
        self.position += 1

    def skip(self) -> None:
        """Leave the current item undecided."""
        self.position += 1

    def save(self, path: str | Path) -> None:
        """Write the queue with its decisions, in the format ``review apply`` reads."""
        decided = int((self.queue["decision"].astype(str).str.strip() != "").sum())
        write_table(self.queue, path, safe=True, note=f"{decided} decisions by a curator")


def score_chart_html(result: MappingResult, top: int = 3) -> str:
    """Each candidate's score as bars of its named contributions (green adds, red subtracts)."""
    blocks = []
    for rank, candidate in enumerate(result.candidates[:top], start=1):
        bars = []
        for c in candidate.contributions:
            width = min(abs(c.weight) * 40, 300)
            color = "#2e7d32" if c.weight >= 0 else "#c62828"
            bars.append(
                f"<div style='display:flex;align-items:center;font:12px monospace'>"
                f"<span style='width:150px'>{html.escape(c.name)}</span>"
                f"<span style='width:{width:.0f}px;height:10px;background:{color};"
                f"margin-right:6px'></span>{c.weight:+.2f} {html.escape(c.detail)}</div>"
            )
        blocks.append(
            f"<div style='margin:6px 0'><b>#{rank} {html.escape(candidate.code)} "
            f"{html.escape(candidate.name)}</b> score {candidate.score:+.2f}{''.join(bars)}</div>"
        )
    return "".join(blocks)
