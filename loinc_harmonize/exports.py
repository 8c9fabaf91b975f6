"""Exports of curated and auto-accepted mappings: FHIR R4 ConceptMap, MIDRC's mapping table,
and an OMOP ``source_to_concept_map``. Every export carries the LOINC notice."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from loinc_harmonize.curated import midrc_key
from loinc_harmonize.playbook import clean_code
from loinc_harmonize.tables import atomic_path
from loinc_harmonize.vocab import data_dir

FORMATS = ("fhir-conceptmap", "midrc", "omop")
LOINC_SYSTEM = "http://loinc.org"
SOURCE_SYSTEM = "urn:loinc-harmonize:study-description"


def loinc_notice() -> str:
    """The LOINC copyright notice, one paragraph."""
    return " ".join((data_dir() / "LOINC_NOTICE.txt").read_text(encoding="utf-8").split())


@dataclass(frozen=True)
class Mapping:
    """One exported mapping."""

    modality: str
    description: str
    code: str
    name: str
    equivalence: str
    origin: str  # "curated" or "auto"


def collect(curated: pd.DataFrame, mapped: pd.DataFrame | None = None) -> list[Mapping]:
    """Current curated rows, then auto-accepted rows of a mapped file not already curated."""
    rows: list[Mapping] = []
    seen: set[tuple[str, str]] = set()
    status = (
        curated["status"] if "status" in curated.columns else pd.Series("", index=curated.index)
    )
    for (_, row), state in zip(curated.iterrows(), status, strict=True):
        if str(state).strip().lower() == "superseded":
            continue
        code = clean_code(row.get("LOINC code", ""))
        if not code:
            continue
        key = (str(row.get("Modality", "")), midrc_key(row.get("StudyDescription", "")))
        seen.add(key)
        equivalence = str(row.get("equivalence", "") or "").strip() or "equivalent"
        rows.append(
            Mapping(
                key[0],
                str(row.get("StudyDescription", "")),
                code,
                str(row.get("L-Long Common Name", "") or ""),
                equivalence,
                "curated",
            )
        )
    if mapped is not None:
        auto = mapped[mapped["status"] == "auto"]
        for _, row in auto.drop_duplicates(["Modality", "StudyDescription"]).iterrows():
            key = (str(row["Modality"]), midrc_key(row["StudyDescription"]))
            if key in seen:
                continue
            seen.add(key)
            rows.append(
                Mapping(
                    key[0],
                    str(row["StudyDescription"]),
                    str(row["loinc_code"]),
                    str(row["loinc_long_common_name"]),
                    "equivalent",
                    "auto",
                )
            )
    return rows


def _fhir_code(text: str) -> str:
    # FHIR's code type: no leading/trailing or repeated white space.
    return re.sub(r"\s+", " ", text).strip() or "(blank)"


def to_fhir_conceptmap(mappings: list[Mapping], *, name: str = "StudyDescriptionToLOINC") -> dict:
    """A FHIR R4 ConceptMap with one group per DICOM modality."""
    groups: dict[str, list[dict]] = {}
    for m in mappings:
        groups.setdefault(m.modality or "any", []).append(
            {
                "code": _fhir_code(m.description),
                "display": _fhir_code(m.description),
                "target": [
                    {
                        "code": m.code,
                        "display": m.name or None,
                        "equivalence": m.equivalence,
                        "comment": f"{m.origin} mapping",
                    }
                ],
            }
        )
    for elements in groups.values():
        for element in elements:
            element["target"][0] = {k: v for k, v in element["target"][0].items() if v}
    return {
        "resourceType": "ConceptMap",
        "url": f"urn:loinc-harmonize:conceptmap:{name}",
        "name": name,
        "status": "draft",
        "date": dt.date.today().isoformat(),
        "description": "DICOM study descriptions mapped to LOINC/RSNA Radiology Playbook codes.",
        "copyright": loinc_notice(),
        "targetUri": LOINC_SYSTEM,
        "group": [
            {
                "source": f"{SOURCE_SYSTEM}:{re.sub(r'[^A-Za-z0-9]+', '-', modality)}",
                "target": LOINC_SYSTEM,
                "element": elements,
            }
            for modality, elements in sorted(groups.items())
        ],
    }


def to_midrc(mappings: list[Mapping]) -> pd.DataFrame:
    """MIDRC's mapping-table format."""
    return pd.DataFrame(
        [(m.modality, m.description, m.code, m.name) for m in mappings],
        columns=["Modality", "StudyDescription", "LOINC code", "L-Long Common Name"],
    )


def to_omop(mappings: list[Mapping], *, vocabulary_id: str = "STUDY_DESCRIPTION") -> pd.DataFrame:
    """OMOP ``source_to_concept_map`` rows.

    OMOP concept ids come from the OMOP vocabulary (CONCEPT table), which is not bundled:
    ``target_concept_id`` is 0 and ``target_concept_code`` holds the LOINC code to join on
    ``concept_code`` where ``vocabulary_id = 'LOINC'``.
    """
    return pd.DataFrame(
        {
            "source_code": [f"{m.modality}|{m.description}" for m in mappings],
            "source_concept_id": 0,
            "source_vocabulary_id": vocabulary_id,
            "source_code_description": [m.description for m in mappings],
            "target_concept_id": 0,
            "target_vocabulary_id": "LOINC",
            "target_concept_code": [m.code for m in mappings],
            "valid_start_date": "1970-01-01",
            "valid_end_date": "2099-12-31",
            "invalid_reason": "",
        }
    )


def write_export(mappings: list[Mapping], fmt: str, path: str | Path) -> None:
    """Write one export format atomically, with the LOINC notice."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {list(FORMATS)}")
    with atomic_path(path) as tmp:
        if fmt == "fhir-conceptmap":
            text = json.dumps(to_fhir_conceptmap(mappings), indent=2, ensure_ascii=False)
            tmp.write_text(text + "\n", encoding="utf-8")
            return
        frame = to_midrc(mappings) if fmt == "midrc" else to_omop(mappings)
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            handle.write(f"# {loinc_notice()}\n")
            frame.to_csv(handle, index=False)
