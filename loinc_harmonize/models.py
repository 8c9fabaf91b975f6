"""Pydantic models shared by every step: a playbook ``Procedure``, a ``ParsedDescription``,
and a ``MappingResult`` with its audit trail.

A parsed description and a playbook procedure use the same part field names and the same
value vocabulary, so they compare field by field.
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Status = Literal["ACTIVE", "DEPRECATED", "DISCOURAGED", "TRIAL"]
MappingStatus = Literal["auto", "review", "unmapped"]
Outcome = Literal["agree", "conflict", "missing", "partial", "info"]

#: Part fields that a ``Procedure`` and a ``ParsedDescription`` share.
PART_FIELDS: tuple[str, ...] = (
    "modality_type",
    "modality_subtype",
    "region_imaged",
    "imaging_focus",
    "laterality",
    "timing",
    "pharmaceutical_route",
    "pharmaceutical_substance",
    "view_aggregation",
    "view_type",
    "maneuver",
    "reason_for_exam",
    "guidance_for_action",
    "guidance_for_object",
    "guidance_for_approach",
    "subject",
)

#: Fields holding several values (kept as sorted-unique tuples).
TUPLE_FIELDS: frozenset[str] = frozenset(
    {"region_imaged", "imaging_focus", "view_type", "maneuver"}
)


class Parts(BaseModel):
    """The structured parts of a radiology procedure, named after the Playbook's part types."""

    model_config = ConfigDict(frozen=True)

    modality_type: str | None = Field(
        None, description="XR, CT, MR, US, NM, PT, PT+CT, MG, RF, DXA"
    )
    modality_subtype: str | None = Field(None, description="Angio, Portable, Doppler, SPECT, ...")
    region_imaged: tuple[str, ...] = Field((), description="Top-level regions: Chest, Abdomen")
    imaging_focus: tuple[str, ...] = Field(
        (), description="Foci within the region: Knee, Spine.lumbar"
    )
    laterality: str | None = Field(None, description="Right, Left or Bilateral")
    timing: str | None = Field(None, description="Contrast timing: WO, W, or WO & W")
    pharmaceutical_route: str | None = Field(None, description="IV, IA, PO, ...")
    pharmaceutical_substance: str | None = Field(
        None, description="contrast, radionuclide, 18F-FDG"
    )
    view_aggregation: str | None = Field(
        None, description="Single view, 2 views, GE 3 views, Views, Multisection"
    )
    view_type: tuple[str, ...] = Field((), description="AP, PA, Lateral, Oblique, ...")
    maneuver: tuple[str, ...] = Field((), description="Standing, Inspiration, ...")
    reason_for_exam: str | None = Field(None, description="Pulmonary embolus, Screening, ...")
    guidance_for_action: str | None = Field(None, description="Biopsy, Drainage, Placement, ...")
    guidance_for_object: str | None = Field(None, description="Tube, Tumor, Catheter, ...")
    guidance_for_approach: str | None = Field(None, description="Percutaneous, ...")
    subject: str | None = Field(None, description="Fetus, Donor, ...")
    view_count: tuple[int, int | None] | None = Field(
        None, description="Number of views as a range (min, max); max None means unbounded"
    )


class Procedure(Parts):
    """One LOINC radiology code with its parts (immutable)."""

    code: str = Field(description="LOINC number, e.g. 36643-5")
    long_common_name: str = Field(description="LOINC Long Common Name")
    status: Status = "ACTIVE"
    replaced_by: str | None = Field(None, description="Replacement code (LOINC MapTo)")
    body_system: str = Field("Unspecified", description="MIDRC's body-system grouping")
    formal_name: str | None = Field(None, description="COMPONENT|SYSTEM|METHOD_TYP as in Loinc.csv")
    synonyms: tuple[str, ...] = Field(
        (), description="Other names LOINC gives the code (Loinc.csv SHORTNAME, DisplayName)"
    )
    first_released: str | None = Field(
        None, description="LOINC release that introduced the code (Loinc.csv VersionFirstReleased)"
    )
    scale: str | None = Field(
        None, description="LOINC SCALE_TYP (Loinc.csv); Qn marks a measured result, not a study"
    )
    source: str = Field("", description="File and release the procedure was loaded from")

    @property
    def is_measurement(self) -> bool:
        """A quantitative result of a study (a fluoroscopy dose, a DXA T-score), which no
        study description is mapped to: it is never proposed as a candidate."""
        return self.scale == "Qn"


#: The rule id of the parts DICOM BodyPartExamined gives (its evidence has no span in the
#: description; its ``text`` is the DICOM value).
BODY_PART_RULE = "BODY_PART_EXAMINED"


class Evidence(BaseModel):
    """Why a parsed part has its value: the rule and the span of the original text."""

    model_config = ConfigDict(frozen=True)

    field: str
    value: str
    rule_id: str
    span: tuple[int, int] = Field(description="[start, end) offsets into the original text")
    text: str = Field(
        description="The original text of the span (for BODY_PART_EXAMINED, the DICOM value)"
    )


class ParsedDescription(Parts):
    """A free-text description parsed into playbook parts, with evidence for every part."""

    original: str = ""
    normalized: str = ""
    usable: bool = True
    modality_tag: tuple[str, ...] = Field((), description="DICOM Modality values, as parsed")
    compatible_modalities: tuple[str, ...] = Field(
        (), description="Playbook modality types the DICOM Modality allows (empty: any)"
    )
    modality_from_text: str | None = None
    iv_timing: str | None = Field(
        None,
        description="Timing of the IV contrast where the text names bowel contrast too "
        "(WO for W ORAL WO IV; empty where it leaves the IV contrast unsaid)",
    )
    evidence: tuple[Evidence, ...] = ()
    unrecognized: tuple[str, ...] = ()
    flags: tuple[str, ...] = Field(
        (), description="Warnings: modality disagreement, placeholder, ..."
    )

    @property
    def recognized(self) -> bool:
        """True when a lexicon rule read at least one word of the text (or of its series, or
        of DICOM BodyPartExamined), even if an implication then refined the part away: the
        region a focus lies in stays (``LUNG``: Chest)."""
        read_by = ("PAR", "VIEWCOUNT", "SERIES", "HIERARCHY", BODY_PART_RULE)
        return any(e.rule_id.startswith(read_by) for e in self.evidence)

    @property
    def names_contrast(self) -> bool:
        """True when the text itself gives the contrast timing, not an implication (the WO
        of a screening study)."""
        return any(e.field == "timing" and not e.rule_id.startswith("IMP") for e in self.evidence)

    @property
    def names_guidance_object(self) -> bool:
        """True when the text itself names what a guided procedure is for (``CHEST TUBE``),
        not an implication (the tumor of a whole-body PET)."""
        return any(
            e.field == "guidance_for_object" and not e.rule_id.startswith("IMP")
            for e in self.evidence
        )

    def parts(self) -> dict[str, object]:
        """The part fields only, as a plain dict."""
        return {name: getattr(self, name) for name in PART_FIELDS}


class Contribution(BaseModel):
    """One named, additive part of a candidate's score (as splink's match weights)."""

    model_config = ConfigDict(frozen=True)

    name: str
    weight: float
    outcome: Outcome
    detail: str = ""


class Candidate(BaseModel):
    """A ranked candidate code; ``score`` is the sum of its contributions."""

    code: str
    name: str
    score: float
    contributions: list[Contribution] = Field(default_factory=list)


class AuditStep(BaseModel):
    """One step the harmonizer took, in order."""

    step: str
    detail: str
    rule_id: str | None = None
    span: tuple[int, int] | None = None


class Audit(BaseModel):
    """Everything needed to reproduce and explain a result."""

    steps: list[AuditStep] = Field(default_factory=list)
    library_version: str = ""
    playbook_fingerprint: str = ""
    curated_fingerprint: str | None = None


class MappingResult(BaseModel):
    """The answer for one (modality, description) pair."""

    description: str | None = None
    modality: str | None = None
    normalized: str = ""
    parsed: ParsedDescription | None = None
    loinc_code: str | None = None
    long_common_name: str | None = None
    confidence: float = Field(0.0, ge=0.0, le=1.0)
    status: MappingStatus = "unmapped"
    reason: str = ""
    fallback: bool = False
    candidates: list[Candidate] = Field(default_factory=list)
    audit: Audit = Field(default_factory=Audit)

    def to_json(self) -> str:
        """Serialize to JSON; ``MappingResult.model_validate_json`` reads it back unchanged."""
        return self.model_dump_json()

    def explain(self) -> str:
        """Render the result and its score breakdown as text a curator can read."""
        from loinc_harmonize.explain import render_explanation

        return render_explanation(self)

    def candidates_json(self) -> str:
        """The top candidates as a compact JSON array ``[{"code", "name", "score"}]``."""
        rows = [
            {"code": c.code, "name": c.name, "score": round(c.score, 4)} for c in self.candidates
        ]
        return json.dumps(rows, ensure_ascii=False)
