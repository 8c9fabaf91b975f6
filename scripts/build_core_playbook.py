"""Build ``playbook_data/core_playbook.tsv`` from a LOINC release the user has downloaded.

The bundled core is the project's own selection: the groups below say which procedures most
imaging archives hold. Each code is stored with its parts in the project's core format.

Usage: python scripts/build_core_playbook.py PATH_TO_Loinc.csv_or_release
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from pathlib import Path

from loinc_harmonize.models import Procedure
from loinc_harmonize.playbook import _flat_record, load_playbook
from loinc_harmonize.vocab import load_vocabulary

OUT = Path(__file__).resolve().parent.parent / "playbook_data"
VOCABULARY = load_vocabulary()

HEAD_NECK_FOCI = {
    (),
    ("Brain",),
    ("Facial bones",),
    ("Sinuses",),
    ("Orbit",),
    ("Temporal bone",),
    ("Internal auditory canal",),
    ("Head vessels",),
    ("Neck vessels",),
    ("Face",),
    ("Spine.cervical",),
    ("Pituitary",),
    ("Temporomandibular joint",),
    ("Sella turcica",),
    ("Head vessels", "Neck vessels"),
    ("Head veins",),
    ("Thyroid gland",),
}
SPINE_FOCI = {
    ("Spine.cervical",),
    ("Spine.thoracic",),
    ("Spine.lumbar",),
    ("Spine.thoracic", "Spine.lumbar"),
    ("Spine.cervical", "Spine.thoracic", "Spine.lumbar"),
    ("Sacrum",),
    ("Sacrum+Coccyx",),
    ("Sacroiliac joint",),
}
CHEST_FOCI = {
    (),
    ("Heart",),
    ("Heart", "Coronary arteries"),
    ("Pulmonary arteries",),
    ("Chest vessels",),
    ("Lung",),
    ("Ribs",),
    ("Aorta.thoracic",),
    ("Esophagus",),
    ("Chest vessels", "Abdominal vessels"),
    ("Sternum",),
}
ABD_FOCI = {
    (),
    ("Liver",),
    ("Kidney",),
    ("Pancreas",),
    ("Abdominal vessels",),
    ("Abdominal vessels", "Pelvis vessels"),
    ("Gallbladder",),
    ("Aorta.abdominal",),
    ("Urinary bladder",),
    ("Prostate",),
    ("Uterus",),
    ("Kidney", "Urinary bladder"),
    ("Chest vessels", "Abdominal vessels", "Pelvis vessels"),
}
LIMB_FOCI = {"Knee", "Shoulder", "Ankle", "Foot", "Hand", "Wrist", "Hip", "Elbow"}
TORSO = {"Chest", "Abdomen", "Pelvis"}


def _foci(p: Procedure) -> tuple[str, ...]:
    """The foci without a region imaged whole beside them (``Chest>Ribs & Chest``): the groups
    below select an exam by what it focuses on."""
    return tuple(f for f in p.imaging_focus if not VOCABULARY.is_region(f))


def _plain(p: Procedure) -> bool:
    return p.status == "ACTIVE" and p.guidance_for_action is None and p.subject is None


def _guided(p: Procedure) -> bool:
    return p.status == "ACTIVE" and p.guidance_for_action is not None


GROUPS: list[tuple[str, Callable[[Procedure], bool]]] = [
    (
        "unspecified_region",
        lambda p: (
            _plain(p)
            and not p.region_imaged
            and not _foci(p)
            and p.modality_subtype in (None, "Portable", "Angio", "SPECT")
        ),
    ),
    (
        "chest_xr",
        lambda p: (
            _plain(p)
            and p.modality_type == "XR"
            and p.region_imaged in (("Chest",), ("Chest", "Abdomen"))
            and _foci(p) in ((), ("Ribs",))
        ),
    ),
    (
        "chest_ct",
        lambda p: (
            _plain(p)
            and p.modality_type == "CT"
            and p.region_imaged == ("Chest",)
            and _foci(p) in CHEST_FOCI
        ),
    ),
    (
        "torso_ct",
        lambda p: (
            _plain(p)
            and p.modality_type == "CT"
            and len(p.region_imaged) >= 2
            and set(p.region_imaged) <= TORSO
        ),
    ),
    (
        "head_neck_ct_mr",
        lambda p: (
            _plain(p)
            and p.modality_type in ("CT", "MR")
            and set(p.region_imaged) <= {"Head", "Neck"}
            and bool(p.region_imaged)
            and _foci(p) in HEAD_NECK_FOCI
            and p.laterality is None
        ),
    ),
    (
        "spine_ct_mr_xr",
        lambda p: (
            _plain(p)
            and p.modality_type in ("CT", "MR", "XR")
            and _foci(p) in SPINE_FOCI
            and p.modality_subtype is None
            and (p.modality_type != "XR" or p.maneuver == ())
        ),
    ),
    (
        "abdomen_pelvis",
        lambda p: (
            _plain(p)
            and p.modality_type in ("CT", "MR", "US", "XR")
            and set(p.region_imaged) <= {"Abdomen", "Pelvis"}
            and bool(p.region_imaged)
            and _foci(p) in ABD_FOCI
            and p.laterality is None
        ),
    ),
    (
        "chest_mr_us",
        lambda p: (
            _plain(p)
            and p.modality_type in ("MR", "US")
            and p.region_imaged == ("Chest",)
            and _foci(p) in CHEST_FOCI
        ),
    ),
    (
        "extremity_xr",
        lambda p: (
            _plain(p)
            and p.modality_type == "XR"
            and p.modality_subtype is None
            and len(_foci(p)) == 1
            and _foci(p)[0] in LIMB_FOCI
            # Sides and the code without one: many sites do not write the side.
            and p.laterality in ("Left", "Right", "Bilateral", None)
            and not p.maneuver
            and not p.view_type
            and p.view_aggregation
            in ("Views", "Single view", "2 views", "3 views", "GE 3 views", "GE 4 views")
        ),
    ),
    (
        "extremity_ct_mr",
        lambda p: (
            _plain(p)
            and p.modality_type in ("CT", "MR")
            and len(_foci(p)) == 1
            and _foci(p)[0] in {"Knee", "Shoulder", "Hip"}
            and p.laterality in ("Left", "Right", None)
        ),
    ),
    (
        "breast",
        lambda p: (
            p.status == "ACTIVE"
            and p.guidance_for_action is None
            and p.modality_type in ("MG", "US", "MR")
            and p.region_imaged == ("Breast",)
            and not p.view_type
            and not p.maneuver
        ),
    ),
    (
        "nm_pet",
        lambda p: (
            _plain(p)
            and p.modality_type in ("PT", "PT+CT", "NM", "NM+CT")
            and (p.region_imaged in ((), ("Whole body",)) or _foci(p) in (("Heart",), ("Lung",)))
            and p.modality_subtype in (None, "SPECT")
            and len(p.view_type) <= 2  # ventilation and perfusion
            and not p.maneuver
        ),
    ),
    ("pet_ct_guidance", lambda p: _guided(p) and p.modality_type == "PT+CT"),
    (
        "nm_localization",
        lambda p: (
            _guided(p)
            and p.modality_type in ("PT", "NM", "NM+CT")
            and p.guidance_for_action == "Localization"
        ),
    ),
    (
        "fluoroscopy",
        lambda p: (
            _plain(p)
            and p.modality_type == "RF"
            and p.modality_subtype is None
            and _foci(p)
            in (
                ("Esophagus",),
                ("Gastrointestinal tract",),
                ("Small bowel",),
                ("Colon",),
                ("Urinary bladder",),
            )
        ),
    ),
    (
        "chest_guidance",
        lambda p: (
            _guided(p)
            and p.modality_type in ("RF", "US")
            and p.region_imaged == ("Chest",)
            and not _foci(p)
        ),
    ),
    (
        "ct_guidance",
        lambda p: (
            _guided(p)
            and p.modality_type == "CT"
            and p.region_imaged in (("Chest",), ("Abdomen",), ("Pelvis",))
            and not _foci(p)
        ),
    ),
    (
        "whole_body",
        lambda p: (
            _plain(p)
            and p.region_imaged == ("Whole body",)
            and p.modality_type in ("CT", "MR", "XR")
        ),
    ),
    ("dxa", lambda p: _plain(p) and p.modality_type == "DXA" and p.laterality is None),
]

COLUMNS = [
    "code",
    "long_common_name",
    "status",
    "group",
    *[
        c
        for c in Procedure.model_fields
        if c not in ("code", "long_common_name", "status", "source")
    ],
]


def main(argv: list[str]) -> int:
    playbook = load_playbook(argv[1])
    chosen: dict[str, tuple[str, Procedure]] = {}
    for group, keep in GROUPS:
        for procedure in playbook:
            if procedure.code not in chosen and keep(procedure):
                chosen[procedure.code] = (group, procedure)
    rows = []
    for _code, (group, procedure) in sorted(chosen.items(), key=lambda kv: (kv[1][0], kv[0])):
        record = _flat_record(procedure)
        record["group"] = group
        rows.append({c: record.get(c) or "" for c in COLUMNS})
    with (OUT / "core_playbook.tsv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    meta = {"format": 1, "loinc_version": playbook.version, "codes": len(rows)}
    (OUT / "core_meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    counts: dict[str, int] = {}
    for group, _ in chosen.values():
        counts[group] = counts.get(group, 0) + 1
    print(json.dumps(counts, indent=1), len(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
