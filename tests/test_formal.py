"""Deriving playbook parts from LOINC formal names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loinc_harmonize.formal import (
    aggregation_name,
    count_text,
    formal_name_reader,
    parse_component,
    parse_method,
    parse_system,
    parts_from_formal_name,
)
from loinc_harmonize.vocab import load_vocabulary

VOCAB = load_vocabulary()

SYSTEMS = [
    ("Lower extremity.right>Knee", ("Lower extremity",), ("Knee",), "Right"),
    ("Chest", ("Chest",), (), None),
    ("XXX", (), (), None),
    ("XXX>Lymph node", (), ("Lymph node",), None),
    # A focus joined by "+" is named in full: capitalized, or with the prefix of the one before.
    (
        "Abdomen>Biliary ducts+pancreatic duct",
        ("Abdomen",),
        ("Biliary ducts", "Pancreatic duct"),
        None,
    ),
    (
        "Upper extremity.left>Wrist.pisiform+triquetrum",
        ("Upper extremity",),
        ("Wrist.pisiform", "Wrist.triquetrum"),
        "Left",
    ),
    ("Chest+Abdomen+Pelvis", ("Chest", "Abdomen", "Pelvis"), (), None),
    ("Chest>Heart+Coronary arteries", ("Chest",), ("Heart", "Coronary arteries"), None),
    ("Breast.left", ("Breast",), (), "Left"),
    ("Chest>Ribs.bilateral", ("Chest",), ("Ribs",), "Bilateral"),
    ("Finger.second.right", ("Upper extremity",), ("Finger.second",), "Right"),
    (
        "Neck>Spine.cervical & Chest>Spine.thoracic & Abdomen>Spine.lumbar",
        ("Neck", "Chest", "Abdomen"),
        ("Spine.cervical", "Spine.thoracic", "Spine.lumbar"),
        None,
    ),
    ("Abdomen && Chest+Abdomen+Pelvis", ("Abdomen", "Chest", "Pelvis"), (), None),
    (
        "Pelvis & Lower extremity.bilateral>Hip",
        ("Pelvis", "Lower extremity"),
        ("Hip",),
        "Bilateral",
    ),
    ("Head>Face & Neck", ("Head", "Neck"), ("Face",), None),
    # A region named whole beside a focus it holds is imaged too: ribs and chest, not ribs.
    ("Chest>Ribs.right & Chest", ("Chest",), ("Ribs", "Chest"), "Right"),
    ("Chest>Ribs && Chest", ("Chest",), ("Ribs", "Chest"), None),
    ("Ribs.left+Chest", ("Chest",), ("Ribs", "Chest"), "Left"),
    ("Head & Head>Sinuses", ("Head",), ("Sinuses", "Head"), None),
    (
        "Head & Head>Maxillofacial region & Neck>Spine.cervical",
        ("Head", "Neck"),
        ("Maxillofacial region", "Spine.cervical", "Head"),
        None,
    ),
]


@pytest.mark.parametrize(("system", "regions", "foci", "laterality"), SYSTEMS)
def test_system(system: str, regions: tuple, foci: tuple, laterality: str | None) -> None:
    parts = parse_system(system, VOCAB)
    assert parts["region_imaged"] == regions
    assert parts["imaging_focus"] == foci
    assert parts["laterality"] == laterality


def test_system_subject() -> None:
    assert parse_system("Umbilical artery^Fetus", VOCAB)["subject"] == "Fetus"


METHODS = [
    ("XR", "XR", None),
    ("XR.portable", "XR", "Portable"),
    ("CT.angio", "CT", "Angio"),
    ("PT+CT", "PT+CT", None),
    ("US.doppler", "US", "Doppler"),
    ("NM.SPECT", "NM", "SPECT"),
    ("NM.SPECT+CT", "NM+CT", "SPECT"),
    ("MG.tomosynthesis", "MG", "Tomosynthesis"),
    ("{Imaging modality}", None, None),
    ("XR && RF", "XR+RF", None),
    ("CT && CT.angio", "CT", "Angio"),
    ("MRI", "MR", None),
    ("XR.DEXA", "DXA", None),
]


@pytest.mark.parametrize(("method", "kind", "subtype"), METHODS)
def test_method(method: str, kind: str | None, subtype: str | None) -> None:
    parts = parse_method(method, VOCAB)
    assert parts["modality_type"] == kind
    assert parts["modality_subtype"] == subtype


COMPONENTS = [
    ("Views 2^W standing", {"view_count": (2, 2), "maneuver": ("Standing",)}),
    ("Views AP & lateral", {"view_type": ("AP", "Lateral"), "view_count": (2, 2)}),
    ("Views AP + lateral", {"view_type": ("AP", "Lateral"), "view_count": (2, 2)}),
    ("Multisection^WO & W contrast IV", {"timing": "WO & W", "pharmaceutical_route": "IV"}),
    ("Multisection^W & WO contrast IV", {"timing": "WO & W"}),
    ("Multisection^WO contrast", {"timing": "WO", "view_aggregation": "Multisection"}),
    ("Guidance for biopsy.needle", {"guidance_for_action": "Biopsy"}),
    (
        "Guidance for percutaneous biopsy",
        {"guidance_for_action": "Biopsy", "guidance_for_approach": "Percutaneous"},
    ),
    ("Guidance for placement of tube", {"guidance_for_object": "Tube"}),
    # "additional" and "N levels" count the procedures guided, not views.
    (
        "Guidance additional for vertebroplasty",
        {"guidance_for_action": "Vertebroplasty", "view_type": None, "view_count": None},
    ),
    (
        "Guidance GE 3 levels for injection",
        {"guidance_for_action": "Injection", "view_type": None, "view_count": None},
    ),
    # So do "initial day", "secondary", "multiple days", and the study qualifiers
    # "limited", "diagnostic", "therapeutic": the code is still a guided procedure.
    (
        "Guidance initial day for infusion of thrombolytic",
        {"guidance_for_action": "Infusion", "view_type": None, "view_count": None},
    ),
    (
        "Guidance limited for localization of tumor",
        {"guidance_for_action": "Localization", "guidance_for_object": "Tumor", "view_count": None},
    ),
    (
        "Guidance diagnostic for puncture",
        {"guidance_for_action": "Puncture", "reason_for_exam": None, "view_count": None},
    ),
    # A decubitus view is its projection and the side lain on.
    ("View AP L-lateral-decubitus", {"view_type": ("AP", "Decubitus.left"), "view_count": (1, 1)}),
    (
        "Views R-lateral-decubitus + L-lateral-decubitus",
        {"view_type": ("Decubitus.right", "Decubitus.left"), "view_count": (2, 2)},
    ),
    ("View lateral-decubitus", {"view_type": ("Decubitus",), "view_count": (1, 1)}),
    ("Views GE 3", {"view_count": (3, None), "view_aggregation": "GE 3 views"}),
    ("Views 2 or 3", {"view_count": (2, 3)}),
    ("View", {"view_count": (1, 1), "view_aggregation": "Single view"}),
    ("Views", {"view_count": (1, None), "view_aggregation": "Views"}),
    (
        "Multisection for pulmonary embolus^W contrast IV",
        {"reason_for_exam": "Pulmonary embolus", "timing": "W"},
    ),
    ("Multisection^W radionuclide IV", {"timing": "W", "pharmaceutical_substance": "radionuclide"}),
    ("Guidance for localization of tumor^W 18F-FDG IV", {"timing": "W"}),
    ("Views^W inspiration + W expiration", {"maneuver": ("Inspiration", "Expiration")}),
    # A nuclear study's acquisitions are views in sections as in planar images.
    (
        "Multisection ventilation+perfusion^W radionuclide IH+W radionuclide IV",
        {"view_type": ("Ventilation", "Perfusion"), "timing": "W"},
    ),
    ("Multisection limited", {"view_type": None, "view_aggregation": "Multisection limited"}),
    # An ultrasound's approach is a view too, qualified or not.
    (
        "Multisection transabdominal + transvaginal",
        {"view_type": ("Transabdominal", "Transvaginal")},
    ),
    ("Multisection transthoracic limited", {"view_type": ("Transthoracic",)}),
    # A maneuver followed by a contrast timing; maneuvers joined by "&".
    (
        "Multisection^during surgery WO & W contrast IV",
        {"maneuver": ("During surgery",), "timing": "WO & W", "pharmaceutical_route": "IV"},
    ),
    ("Views AP for scoliosis^upright & supine", {"maneuver": ("Upright", "Supine")}),
    ("Views perfusion^W stress+W Tl-201 IV", {"maneuver": ("Stress",), "timing": "W"}),
    ("Multisection^WO contrast && Multisection^W contrast IV", {"timing": "WO & W"}),
    # Several procedures: their views add up, and the aggregation names the total.
    (
        "View PA && Views supine + upright",
        {"view_count": (3, 3), "view_aggregation": "3 views"},
    ),
    # A view taken in a position is one view: its projection and the position.
    ("View PA upright", {"view_count": (1, 1), "view_type": ("PA", "Upright")}),
    (
        "Views PA + lateral upright",
        {"view_count": (2, 2), "view_type": ("PA", "Lateral", "Upright")},
    ),
    # A count of views beside single named ones.
    ("View + Views 2", {"view_count": (3, 3), "view_aggregation": "3 views", "view_type": None}),
    ("Views AP + 1 or 2", {"view_count": (2, 3), "view_type": ("AP",)}),
    # Procedures as parenthesized groups joined by "+": each is read without its parentheses.
    (
        "(Views 2) + (view tunnel^W standing)",
        {"view_count": (3, 3), "view_type": ("Tunnel",), "maneuver": ("Standing",)},
    ),
    (
        "(Views AP + oblique) + (View lateral^W flexion + W extension)",
        {
            "view_type": ("AP", "Oblique", "Lateral"),
            "view_count": (3, 3),
            "maneuver": ("Flexion", "Extension"),
        },
    ),
    (
        "(Views 2 or 3) + (Views^W flexion + W extension) + (Views oblique)",
        {"view_count": (4, None), "view_type": ("Oblique",), "maneuver": ("Flexion", "Extension")},
    ),
    (
        "(Views AP + lateral) for scoliosis^W sitting",
        {"view_type": ("AP", "Lateral"), "reason_for_exam": "Scoliosis", "maneuver": ("Sitting",)},
    ),
    (
        "(Multisection^WO contrast) + (Multisection for left ventricular function^W contrast IV)",
        {"timing": "WO & W", "reason_for_exam": "Left ventricular function", "maneuver": None},
    ),
    # Beside bowel contrast, the IV contrast's timing is the study's.
    ("Multisection^W contrast PO+WO contrast IV", {"timing": "WO", "pharmaceutical_route": "PO"}),
    ("Multisection^W contrast PO+WO & W contrast IV", {"timing": "WO & W"}),
    ("Multisection^WO contrast IV+W air contrast PR", {"timing": "WO"}),
    ("Multisection^W 18F-FDG IV+WO contrast", {"timing": "WO & W"}),
    # Screening, a qualifier of MG's views, is the reason CT's names give "for screening".
    ("Views screening", {"reason_for_exam": "Screening", "view_aggregation": "Views"}),
    ("Views screening for implant", {"reason_for_exam": "Implant+Screening"}),
    ("Multisection screening", {"reason_for_exam": "Screening"}),
    # So is "diagnostic": MG's diagnostic and screening views differ by reason, not by view.
    ("Views diagnostic", {"reason_for_exam": "Diagnostic", "view_aggregation": "Views"}),
    ("Views diagnostic for implant", {"reason_for_exam": "Implant+Diagnostic"}),
    (
        "Views diagnostic for clinical call back",
        {"reason_for_exam": "Clinical call back+Diagnostic"},
    ),
    ("Multisection diagnostic", {"reason_for_exam": "Diagnostic"}),
    # Qualifiers together are no view ("Limited diagnostic" was read as one).
    ("Views limited diagnostic", {"reason_for_exam": "Diagnostic", "view_type": None}),
    ("Views screening limited", {"reason_for_exam": "Screening", "view_type": None}),
    # "for new diagnosis" is a reason of its own, not the diagnostic qualifier.
    (
        "Multisection for new diagnosis tumor^WO & W contrast IV",
        {"reason_for_exam": "New diagnosis tumor"},
    ),
]


@pytest.mark.parametrize(("component", "expected"), COMPONENTS)
def test_component(component: str, expected: dict) -> None:
    parts = parse_component(component)
    for key, value in expected.items():
        assert parts.get(key) == value, key


def test_wo_contrast_has_no_substance() -> None:
    assert "pharmaceutical_substance" not in parse_component("Multisection^WO contrast")


def test_formal_name_reader_reads_as_the_function_does_and_shares_no_result() -> None:
    """Loading reads each axis value once; every code still gets parts of its own."""
    read = formal_name_reader(VOCAB)
    names = [
        ("Views 2^W standing", "Lower extremity.right>Knee", "XR"),
        ("Views 2^W standing", "Lower extremity.left>Knee", "XR"),
        ("Multisection^WO & W contrast IV", "Chest", "CT.angio"),
    ]
    first = read(*names[0])
    first["laterality"] = "Changed"
    for name in names:
        assert read(*name) == parts_from_formal_name(*name, VOCAB)
    assert read(*names[0])["laterality"] == "Right"
    assert read(*names[1])["laterality"] == "Left"


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text(), st.text())
def test_formal_parsers_never_raise(component: str, system: str, method: str) -> None:
    parse_component(component)
    parse_system(system, VOCAB)
    parse_method(method, VOCAB)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="^&+>.|, WOVIEWSGELT0123456789abcdrghtlf-()", max_size=60))
def test_formal_parsers_never_raise_on_syntax_soup(text: str) -> None:
    parse_component(text)
    parse_system(text, VOCAB)
    parse_method(text, VOCAB)


@pytest.mark.parametrize(
    ("count", "aggregation", "text"),
    [
        ((1, 1), "Single view", "1"),
        ((2, 3), "2-3 views", "2-3"),
        ((1, None), "Views", ">= 1"),  # one or more: LOINC's plain "Views"
        ((3, None), "GE 3 views", ">= 3"),
    ],
)
def test_count_wording(count: tuple[int, int | None], aggregation: str, text: str) -> None:
    assert aggregation_name(count) == aggregation
    assert count_text(count) == text
