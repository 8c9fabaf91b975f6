"""The Harmonizer: stages, conflicts, curated overrides, determinism, JSON, not-fitted error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pytest

from loinc_harmonize import Harmonizer, MappingResult, NotFittedError, load_playbook
from loinc_harmonize.calibration import probability, ranking_features
from loinc_harmonize.models import Contribution, Procedure
from loinc_harmonize.parse import parse
from loinc_harmonize.playbook import Playbook
from loinc_harmonize.scoring import Scorer, enteric_contrast_only
from loinc_harmonize.settings import Settings


@pytest.fixture(scope="module")
def fitted() -> Harmonizer:
    return Harmonizer().fit()


@pytest.fixture(scope="module")
def reference_harmonizer(reference: Playbook) -> Harmonizer:
    """Fitted on the reference table, with no curated rows (read-only in the tests)."""
    return Harmonizer(reference).fit()


CURATED = pd.DataFrame(
    {
        "Modality": ["CT", "CR, DX", "[blank]", "CT", "CT"],
        "StudyDescription": [
            "MY SITE CHEST THING",
            "CHEST 2 VIEWS",
            "XR PORT CHEST 1V",
            "(blank)",
            "DUP DESC",
        ],
        "LOINC code": ["\t24628-0", " 42272-5 ", "36589-0", "25045-6", "24627-2"],
    }
)


def test_map_before_fit_raises() -> None:
    with pytest.raises(NotFittedError, match="fit"):
        Harmonizer().map("CT CHEST", "CT")


def test_init_only_stores_parameters() -> None:
    h = Harmonizer("does/not/exist", top_k=3)
    assert h.playbook == "does/not/exist" and h.top_k == 3
    assert not hasattr(h, "playbook_")


@pytest.mark.parametrize(
    ("description", "modality", "code"),
    [
        ("CT ABD/PEL W/O", "CT", "36952-0"),
        ("Thorax^CT_PE (Adult)", "CT", "79077-4"),
        ("CHEST PA & LATERAL (RAD)-CS", "CR, DX", "42272-5"),
        ("MRI SHOULDER WO, RT", "MR", "36528-8"),
        ("CT HEAD WO CONTRAST", "CT", "30799-1"),
        ("CT CHEST WO CONTRAST", "CT", "29252-4"),
        ("XR LEFT KNEE 3 VIEWS", "DX", "36311-9"),
    ],
)
def test_zero_shot_examples(fitted: Harmonizer, description: str, modality: str, code: str) -> None:
    result = fitted.map(description, modality)
    assert result.loinc_code == code, result.explain()


def _best(fitted: Harmonizer, description: str, modality: str) -> str:
    code = fitted.map(description, modality).loinc_code
    assert code is not None
    return code


def test_timing_conflict(fitted: Harmonizer) -> None:
    code = fitted.playbook_[_best(fitted, "CT CHEST WITHOUT CONTRAST", "CT")]
    assert code.timing == "WO"
    code = fitted.playbook_[_best(fitted, "CT CHEST WITH CONTRAST", "CT")]
    assert code.timing == "W"
    # "No contrast" names contrast only to deny it.
    for description in ("CT CHEST NO IVCON", "CT HEAD NO CONTRAST"):
        assert fitted.playbook_[_best(fitted, description, "CT")].timing == "WO"


def test_an_unsided_description_prefers_both_sides_to_one(fitted: Harmonizer) -> None:
    both = _part(fitted, "XR KNEE 2 VIEWS", "DX", "26394-7", "laterality")  # bilateral
    right = _part(fitted, "XR KNEE 2 VIEWS", "DX", "26396-2", "laterality")  # right
    assert both is not None and right is not None
    assert right.weight < both.weight < 0
    # An unsided code, where LOINC has one, still fits best.
    assert _part(fitted, "XR KNEE 2 VIEWS", "DX", "24806-2", "laterality") is None


def test_one_unnamed_side_is_compatible_with_either_named_one(fitted: Harmonizer) -> None:
    # "Unilateral" (LOINC's Breast.unilateral) is the left or the right side, not both.
    unsaid = _part(fitted, "MG UNILATERAL SCREENING", "MG", "26176-8", "laterality")  # left
    same = _part(fitted, "MG UNILATERAL SCREENING", "MG", "46356-2", "laterality")  # unilateral
    both = _part(fitted, "MG UNILATERAL SCREENING", "MG", "26175-0", "laterality")  # bilateral
    assert same is not None and same.outcome == "agree"
    assert unsaid is not None and unsaid.outcome == "missing" and unsaid.weight < 0
    assert both is not None and both.outcome == "conflict" and both.weight < unsaid.weight
    # A side named beside "unilateral" is the side; the one-side code leaves it open.
    named = _part(fitted, "MG LEFT SCREENING", "MG", "46356-2", "laterality")
    assert named is not None and named.outcome == "missing" and named.weight < 0
    assert fitted.map("MG SCREENING UNILATERAL LEFT", "MG").loinc_code == "26176-8"
    assert fitted.map("MG UNILAT SCREENING", "MG").loinc_code == "46356-2"


def test_laterality_conflict(fitted: Harmonizer) -> None:
    left = fitted.playbook_[_best(fitted, "MR LEFT KNEE WO", "MR")]
    right = fitted.playbook_[_best(fitted, "MR RIGHT KNEE WO", "MR")]
    assert left.laterality == "Left" and right.laterality == "Right"


@pytest.mark.parametrize(
    ("description", "modality"),
    [("XR KNEE 2 VIEWS", "DX"), ("MR KNEE WO", "MR"), ("XR SHOULDER", "CR"), ("CT HIP", "CT")],
)
def test_no_side_written_no_side_guessed(
    fitted: Harmonizer, description: str, modality: str
) -> None:
    # The most specific code the description supports has no laterality (bundled core).
    assert fitted.playbook_[_best(fitted, description, modality)].laterality is None


def test_contrast_route(fitted: Harmonizer) -> None:
    oral = fitted.playbook_[_best(fitted, "CT ABDOMEN PELVIS WITH ORAL CONTRAST", "CT")]
    assert oral.pharmaceutical_route == "PO"
    iv = fitted.playbook_[_best(fitted, "CT ABDOMEN PELVIS W IV CONTRAST", "CT")]
    assert iv.pharmaceutical_route == "IV"


def test_view_count_conflict(fitted: Harmonizer) -> None:
    one = fitted.playbook_[_best(fitted, "XR RIGHT KNEE 1 VIEW", "DX")]
    assert one.view_count is None or one.view_count[0] <= 1


def _part(
    fitted: Harmonizer, description: str, modality: str, code: str, name: str
) -> Contribution | None:
    parsed = parse(description, modality)
    parts = fitted.scorer_.part_contributions(parsed, fitted.playbook_[code])
    return next((p for p in parts if p.name == name), None)


def test_unstated_count_penalizes_codes_needing_several_views(fitted: Harmonizer) -> None:
    # "XR Chest GE 4 Views" needs four views; "CHEST" alone does not support that.
    ge4 = _part(fitted, "XR CHEST", "CR", "44211-1", "views")
    assert ge4 is not None and ge4.outcome == "missing" and ge4.weight < 0
    assert _part(fitted, "XR CHEST", "CR", "30745-4", "views") is None  # "XR Chest Views"


def test_a_narrower_focus_than_described_is_partial(fitted: Harmonizer) -> None:
    # "Spine" is satisfied by the lumbar spine, but less than by a code for the spine itself.
    lumbar = _part(fitted, "MR SPINE", "MR", "24968-0", "focus")  # MR Lumbar spine
    assert lumbar is not None and lumbar.outcome == "partial"
    assert 0 < lumbar.weight < fitted.settings_.weight("focus_agree")
    exact = _part(fitted, "MR LUMBAR SPINE", "MR", "24968-0", "focus")
    assert exact is not None and exact.outcome == "agree"


def test_a_vessel_is_part_of_its_regions_vessels(fitted: Harmonizer) -> None:
    # regions.tsv says the abdominal aorta is one of the abdominal vessels (its name does not).
    broader = fitted.playbook_.vocabulary.broader_foci
    assert broader("Aorta.abdominal") == {"Aorta", "Abdominal vessels"}
    assert {"Carotid artery", "Neck vessels"} <= broader("Carotid artery.external")
    assert broader("Abdominal vessels") == set()
    # A focus may be part of several (`a|b`): the lumbar epidural space is of the lumbar spine
    # and of the spine's epidural space.
    assert broader("Spine.lumbar epidural space") == {
        "Spine",
        "Spine.lumbar",
        "Spine epidural space",
    }
    # So "CTA Abdominal vessels" images the described aorta, in part, and no longer conflicts.
    vessels = _part(fitted, "CTA ABDOMINAL AORTA", "CT", "36828-2", "focus")
    assert vessels is not None and vessels.outcome == "partial"
    assert 0 < vessels.weight < fitted.settings_.weight("focus_agree")
    assert fitted.map("CTA ABDOMINAL AORTA", "CT").loinc_code == "82677-6"  # the aorta itself
    # An aneurysm protocol of the chest images the vessels of both regions, not the abdominal
    # aorta alone.
    result = fitted.map("Thorax^CTA_AAA (Adult)", "CT")
    assert result.loinc_code == "86982-6", result.explain()  # CTA Chest and abdominal vessels


def test_a_code_inside_a_described_view_range_claims_a_count(
    reference: Playbook, reference_harmonizer: Harmonizer
) -> None:
    # "1-2 views" may be one view: "XR Foot - right 2 Views" guesses, "... Views" does not.
    harmonizer = reference_harmonizer
    parsed = parse("XR RIGHT FOOT 1-2 VIEWS", "CR")
    views = {
        code: next(
            p
            for p in harmonizer.scorer_.part_contributions(parsed, reference[code])
            if p.name == "views"
        )
        for code in ("37697-0", "26129-7")  # XR Foot - right 2 Views; XR Foot - right Views
    }
    assert views["37697-0"].outcome == views["26129-7"].outcome == "partial"
    assert views["37697-0"].weight < views["26129-7"].weight
    assert harmonizer.map("XR RIGHT FOOT 1-2 VIEWS", "CR").loinc_code == "26129-7"
    # "4+ views" is not four views.
    assert harmonizer.map("XR LEFT ELBOW 4+ VIEWS", "DX").loinc_code != "36323-4"


@pytest.mark.parametrize(
    ("description", "modality", "code"),
    [
        # Oral contrast only, IV contrast denied: LOINC's oral-only code (it was WO contrast).
        ("CT ABDOMEN PELVIS WITHOUT IV CONTRAST WITH ORAL", "CT", "99610-8"),
        ("MR ABDOMEN PELVIS W ORAL WO IV", "MR", "72247-0"),  # W contrast PO and WO IV
        # Both given: the code with both, not the oral-only one its shorter name is nearer.
        ("CT ABDOMEN PELVIS W ORAL AND IV CONTRAST", "CT", "103859-5"),
        ("CT COLONOGRAPHY W IV CONTRAST", "CT", "72531-7"),  # W IV and W air contrast PR
        # Oral contrast denied: IV contrast alone.
        ("CT A/P W IV CONTRAST NO ORAL", "CT", "36813-4"),
        # IV named beside oral contrast, untimed: IV contrast given (CAP W contrast IV).
        ("JHN OP CAP W/ PO IV", "CT", "72254-6"),
    ],
)
def test_bowel_contrast_and_iv_contrast_timed_apart(
    fitted: Harmonizer, description: str, modality: str, code: str
) -> None:
    assert _best(fitted, description, modality) == code


def test_a_code_giving_bowel_contrast_only_gives_no_iv_contrast(fitted: Harmonizer) -> None:
    playbook = fitted.playbook_
    only = {c: enteric_contrast_only(playbook[c]) for c in ("99610-8", "72247-0", "60515-4")}
    both = {c: enteric_contrast_only(playbook[c]) for c in ("103859-5", "72246-2", "36813-4")}
    assert all(only.values()) and not any(both.values()), (only, both)

    def timing(description: str, code: str) -> Contribution:
        parts = fitted.scorer_.part_contributions(parse(description, "CT"), playbook[code])
        return next(p for p in parts if p.name == "timing")

    denied = "CT ABD PELVIS W ORAL WO IV"
    assert "  iv_timing: WO" in fitted.map(denied, "CT").explain().splitlines()
    assert timing(denied, "99610-8").outcome == "agree"  # W contrast PO
    assert timing(denied, "103859-5").outcome == "conflict"  # W contrast PO and W contrast IV
    given = "CT ABDOMEN PELVIS W ORAL AND IV CONTRAST"
    assert timing(given, "99610-8").outcome == "conflict"
    assert timing(given, "103859-5").outcome == "agree"
    # IV unsaid: the oral contrast's W agrees with both, as before.
    unsaid = "CT ABDOMEN PELVIS W ORAL CONTRAST"
    assert timing(unsaid, "99610-8").outcome == timing(unsaid, "103859-5").outcome == "agree"


def test_oral_contrast_needs_saying_when_contrast_is_named(
    reference: Playbook, reference_harmonizer: Harmonizer
) -> None:
    harmonizer = reference_harmonizer

    def route(description: str, modality: str, code: str) -> Contribution | None:
        parts = harmonizer.scorer_.part_contributions(parse(description, modality), reference[code])
        return next((p for p in parts if p.name == "route"), None)

    # "WO/W contrast" is the usual IV contrast: a code adding oral contrast claims more.
    oral = route("MRI UROGRAM WO/W CONTRAST", "MR", "72246-2")  # ... W contrast PO and WO and W
    assert oral is not None and oral.outcome == "missing" and oral.weight < 0
    assert harmonizer.map("MRI UROGRAM WO/W CONTRAST", "MR").loinc_code == "97392-5"
    # An exam done with oral contrast (enterography) says so by its name.
    said = route("CT ENTEROGRAPHY WITH CONTRAST", "CT", "103859-5")  # W contrast PO and W IV
    assert said is not None and said.outcome == "agree"
    # Without contrast named (a screening study's WO is implied), nothing is claimed.
    assert route("CT CHEST", "CT", "103859-5") is None
    # Nor is intrathecal contrast (a myelogram's) the contrast a plain "W WO" gives.
    spine = route("MRI LUMBAR SPINE W WO", "MR", "48452-7")  # ... WO and W contrast IT
    assert spine is not None and spine.outcome == "missing" and spine.weight < 0
    myelogram = route("CT LUMBAR MYELOGRAM", "CT", "24965-6")  # CT Lumbar spine W contrast IT
    assert myelogram is not None and myelogram.outcome == "agree"


def test_a_measured_result_is_never_proposed_but_curators_may_choose_it(
    reference: Playbook,
    reference_harmonizer: Harmonizer,
) -> None:
    harmonizer = reference_harmonizer
    for description, modality in (
        ("C-ARM FLUOROSCOPY UP TO 2 HOURS", "XA"),  # was "Fluoroscopy duration"
        ("DEXA SCAN HIP AND SPINE", "OT"),  # was "DXA Hip [T-score] Bone density"
        ("DX", "DX"),
    ):
        result = harmonizer.map(description, modality)
        assert result.candidates
        assert not any(reference[c.code].is_measurement for c in result.candidates)
    curated = pd.DataFrame(
        {
            "Modality": ["XA"],
            "StudyDescription": ["C-ARM FLUOROSCOPY UP TO 2 HOURS"],
            "LOINC code": ["80990-5"],
        }
    )
    chosen = Harmonizer(reference).fit(curated).map("C-ARM FLUOROSCOPY UP TO 2 HOURS", "XA")
    assert chosen.loinc_code == "80990-5" and chosen.status == "auto"


def test_toes_and_toe_are_one_focus(reference_harmonizer: Harmonizer) -> None:
    # LOINC names the generic toe codes "Toes" and a few "Toe"; "TOE(S)" is neither one toe.
    harmonizer = reference_harmonizer
    for description, modality, code in (
        ("XR LEFT TOES 2 VIEWS", "DX", "36673-2"),  # XR Toes - left 2 Views
        ("X-RAY TOE(S) MINIMUM 2 VIEWS - LEFT", "DX", "103237-4"),  # XR Toes - left GE 2 Views
        ("CT TOE WO", "CT", "83303-8"),  # CT Toe WO contrast
    ):
        result = harmonizer.map(description, modality)
        assert result.loinc_code == code, result.explain()


def test_a_code_that_leaves_out_a_described_region_is_not_auto(fitted: Harmonizer) -> None:
    # The PE study is the best single code, but the abdomen and pelvis go unmapped by it.
    result = fitted.map("CT ANGIOGRAM PULMONARY ABDOMEN AND PELVIS W CONTRAST", "CT")
    assert result.loinc_code == "79077-4" and result.confidence >= fitted.settings_.thresholds.auto
    assert result.status == "review" and "leaves out Abdomen, Pelvis" in result.reason


def test_a_code_asking_the_described_question_and_another_overlaps(
    reference_harmonizer: Harmonizer,
) -> None:
    harmonizer = reference_harmonizer
    # 83290-7: CTA ... for pulmonary embolus and deep vein thrombosis
    reason = _part(harmonizer, "CTA PE", "CT", "83290-7", "reason")
    assert reason is not None and reason.outcome == "partial"
    assert reason.weight > harmonizer.settings_.weight("reason_conflict")
    # A PE study that also images the legs looks for DVT: the combined code answers it.
    result = harmonizer.map("CT CHEST (PULMONARY EMBOLISM) PELVIS LOWER EXTREMITY BILATERAL", "CT")
    assert result.loinc_code == "83290-7", result.explain()


def test_one_of_two_described_maneuvers_is_a_share(reference_harmonizer: Harmonizer) -> None:
    harmonizer = reference_harmonizer
    description = "XR SPINE CERVICAL (LATERAL ONLY - FLEX/EX)"
    # 36997-5: XR Cervical spine Lateral W extension
    maneuver = _part(harmonizer, description, "DX", "36997-5", "maneuver")
    assert maneuver is not None and maneuver.outcome == "partial"
    assert maneuver.weight < harmonizer.settings_.weight("maneuver_agree")
    result = harmonizer.map(description, "DX")
    assert result.loinc_code == "37133-6", result.explain()  # Lateral Views W flexion and W ext.


def test_a_described_maneuver_the_code_lacks_counts_against_it(
    reference_harmonizer: Harmonizer,
) -> None:
    harmonizer = reference_harmonizer
    description = "NM HEART PHARMACOLOGIC STRESS SPECT MULTIPLE"
    maneuver = _part(harmonizer, description, "CT,NM", "39649-9", "maneuver")  # SPECT Heart
    assert maneuver is not None and maneuver.outcome == "missing" and maneuver.weight < 0
    assert "Stress" in maneuver.detail
    # "SPECT Heart" shares every word with the description, but not its stress.
    result = harmonizer.map(description, "CT,NM")
    assert result.loinc_code == "39668-9", result.explain()  # SPECT Heart W stress and W ...


def test_an_implied_timing_does_not_count_against_a_code_that_leaves_it_open(
    reference_harmonizer: Harmonizer,
) -> None:
    harmonizer = reference_harmonizer
    implied = "CTA THORACIC AORTA ANEURYSM"  # W only because a CTA uses contrast
    stated = "CTA THORACIC AORTA W CONTRAST"
    assert parse(implied, "CT").timing == parse(stated, "CT").timing == "W"
    assert _part(harmonizer, implied, "CT", "82709-7", "timing") is None  # CTA Thoracic Aorta
    said = _part(harmonizer, stated, "CT", "82709-7", "timing")
    assert said is not None and said.outcome == "missing"
    result = harmonizer.map("VASCULAR^THORACIC_ANEURYSM_CTA (ADULT)", "CT")
    assert result.loinc_code == "82709-7", result.explain()  # not the coronary arteries' code


def test_focus_the_code_adds_counts_against_it(fitted: Harmonizer) -> None:
    # Cervical and thoracic and lumbar spine: two of its three foci are described.
    part = _part(fitted, "CT THORACIC LUMBAR SPINE", "CT", "86987-5", "focus")
    assert part is not None and part.outcome == "partial"
    shared_only = fitted.settings_.weight("focus_agree") * 2 / 3
    assert part.weight < shared_only


@pytest.mark.parametrize(
    ("description", "with_chest"),
    [
        ("XR RIBS INCLUDING PA CHEST XR, RIGHT", True),
        ("XR RIGHT RIBS 2 VIEWS UNILATERAL WITH CHEST", True),
        ("XR RIBS RIGHT 2 VIEWS", False),
        ("XR RIBS RIGHT PA", False),
    ],
)
def test_ribs_with_chest_and_ribs_alone_are_told_apart(
    fitted: Harmonizer, description: str, with_chest: bool
) -> None:
    """LOINC's "XR Ribs - right and Chest" codes image the whole chest as well; before the
    region named whole was read as a focus both kinds read as ribs alone."""
    result = fitted.map(description, "DX")
    assert result.loinc_code is not None and result.parsed is not None
    code = fitted.playbook_[result.loinc_code]
    assert ("Chest" in code.imaging_focus) is with_chest, code.long_common_name
    assert "Ribs" in code.imaging_focus and code.laterality == "Right"


@pytest.mark.parametrize(
    ("description", "code"),
    [
        ("XR CHEST DECUBITUS BILATERAL", "24650-4"),  # Right and Left lateral-decubitus
        ("XR CHEST DECUBITUS 1 VW LEFT", "24637-1"),  # AP left lateral-decubitus
        ("XR CHEST DECUBITUS 1 VW RIGHT", "43466-2"),  # AP right lateral-decubitus
    ],
)
def test_decubitus_side_is_the_side_lain_on(
    fitted: Harmonizer, description: str, code: str
) -> None:
    assert fitted.map(description, "CR").loinc_code == code


def test_modality_blocks_candidates(fitted: Harmonizer) -> None:
    result = fitted.map("CHEST", "CT")
    assert all(
        fitted.playbook_[c.code].modality_type in ("CT", "PT+CT", "NM+CT")
        for c in result.candidates
    )


def test_a_code_of_any_imaging_modality_is_in_every_block(
    reference_harmonizer: Harmonizer,
) -> None:
    # LOINC has paracentesis guidance only for {Imaging modality}: a US description gets it.
    result = reference_harmonizer.map("IR PARACENTESIS US GUIDED", "US")
    assert result.loinc_code == "87080-8", result.explain()  # Guidance for paracentesis of ...
    assert reference_harmonizer.playbook_[result.loinc_code].modality_type is None
    blocking = next(s for s in result.audit.steps if s.step == "blocking")
    assert blocking.detail.endswith("with modality US or any imaging modality")
    # Where the modality has its own code, the agreeing modality wins.
    biopsy = reference_harmonizer.map("CT GUIDED LUNG BIOPSY", "CT").loinc_code
    assert biopsy is not None and reference_harmonizer.playbook_[biopsy].modality_type == "CT"


def test_the_guidance_object_named_is_compared_word_by_word(
    reference_harmonizer: Harmonizer,
) -> None:
    harmonizer = reference_harmonizer
    description = "IR PLCMT TUNNELED CATH"
    # 87113-7: Guidance for placement of tunneled CV catheter without port in Chest
    tunneled = _part(harmonizer, description, "XA", "87113-7", "guidance_object")
    assert tunneled is not None and tunneled.outcome == "partial"
    # 35912-5: RF Guidance for placement of catheter in Unspecified body region
    catheter = _part(harmonizer, description, "XA", "35912-5", "guidance_object")
    assert catheter is not None and catheter.outcome == "partial"
    assert catheter.weight < tunneled.weight < harmonizer.settings_.weight("guidance_object_agree")
    # 106269-4: US Guidance for placement of non-tunneled central venous catheter
    non_tunneled = _part(harmonizer, description, "US", "106269-4", "guidance_object")
    assert non_tunneled is not None and non_tunneled.outcome == "conflict"
    # 87065-9: Guidance for placement of G-tube: a tube, but not a catheter
    tube = _part(harmonizer, description, "XA", "87065-9", "guidance_object")
    assert tube is not None and tube.outcome == "conflict"
    result = harmonizer.map(description, "XA")
    assert result.loinc_code == "87113-7", result.explain()
    assert harmonizer.map("IR IVC FILTER REMOVAL", "XA").loinc_code == "87093-1"


def guided(code: str, action: str, modality: str = "CT", thing: str | None = None) -> Procedure:
    """A guided procedure's code, written here as LOINC has them (no core code is one)."""
    return Procedure(
        code=code,
        long_common_name=f"{modality} Guidance for {action.lower()} of {thing or 'Liver'}",
        modality_type=modality,
        guidance_for_action=action,
        guidance_for_object=thing,
    )


def test_an_action_that_is_a_kind_of_the_other_is_partial_agreement(fitted: Harmonizer) -> None:
    # No core code is guided ablation: the codes are written here, as LOINC has them.

    def guidance(description: str, code: Procedure) -> Contribution:
        parts = fitted.scorer_.part_contributions(parse(description, "CT"), code)
        return next(p for p in parts if p.name == "guidance")

    plain, radiofrequency = guided("1-1", "Ablation"), guided("2-2", "Radiofrequency ablation")
    biopsy = guided("3-3", "Biopsy")
    agree = fitted.settings_.weight("guidance_agree")
    # "Ablation" and "radiofrequency ablation" share one word of two, either way round.
    for description, kind in (("CT GUIDED ABLATION LIVER", radiofrequency), ("CT RFA", plain)):
        part = guidance(description, kind)
        assert part.outcome == "partial" and part.weight == pytest.approx(agree / 2), part
    # The action named exactly still earns the whole weight, and another action none.
    assert guidance("CT GUIDED RFA LIVER", radiofrequency).weight == agree
    conflict = guidance("CT GUIDED RFA LIVER", biopsy)
    assert conflict.outcome == "conflict"
    # A code for another action costs (a drain's exchange is not its placement).
    assert conflict.weight == fitted.settings_.weight("guidance_conflict") < 0


def test_one_guided_action_loinc_names_three_ways_is_compared_as_one(fitted: Harmonizer) -> None:
    # guidance_actions.tsv: a tube's change and replacement are its exchange. The codes keep
    # LOINC's words; the scorer compares them as one, as it does a focus's two spellings.
    described = parse("IR TUBE EXCHANGE", "XA")
    for code, action in (
        ("action-1", "Change"),
        ("action-2", "Replacement"),
        ("action-3", "Exchange"),
    ):
        parts = fitted.scorer_.part_contributions(described, guided(code, action, "RF", "Tube"))
        guidance = next(p for p in parts if p.name == "guidance")
        assert guidance.outcome == "agree", (action, guidance)


def test_views_a_code_adds_to_the_described_ones_cost_their_share(fitted: Harmonizer) -> None:
    # Written here as LOINC has them: XR Lumbar spine AP and Lateral (and Spot, and Oblique).
    # The scorer memoizes by code, so these codes are unlike other tests' made-up ones.
    def views(code: str, *names: str) -> Procedure:
        return Procedure(
            code=code,
            long_common_name=f"XR Lumbar spine {' and '.join(names)}",
            modality_type="XR",
            view_type=names,
        )

    def view_type(code: Procedure, description: str = "XR LUMBAR SPINE AP AND LAT") -> Contribution:
        parts = fitted.scorer_.part_contributions(parse(description, "CR"), code)
        return next(p for p in parts if p.name == "view_type")

    exact = view_type(views("views-1", "AP", "Lateral"))
    one_more = view_type(views("views-2", "AP", "Lateral", "Spot"))
    two_more = view_type(views("views-3", "AP", "Lateral", "Oblique", "Spot"))
    assert exact.outcome == "agree" and one_more.outcome == two_more.outcome == "partial"
    half = fitted.settings_.weight("view_type_agree") / 2
    unsupported = fitted.settings_.weight("view_type_unsupported")
    assert one_more.weight == pytest.approx(round(half + unsupported / 3, 4))
    assert exact.weight > one_more.weight > two_more.weight
    # What the description names in other words costs nothing: "frontal" names the PA view.
    upright = view_type(
        views("views-4", "PA", "Lateral", "Upright"), "XR LUMBAR SPINE FRONTAL AND LAT"
    )
    assert upright.weight == pytest.approx(round(half + unsupported / 3, 4))
    # And what the description names that the code leaves out costs its share as missing.
    missing = fitted.settings_.weight("view_type_missing")
    spot = view_type(views("views-5", "AP", "Spot"))
    assert spot.outcome == "partial"
    assert spot.weight == pytest.approx(round(half + unsupported / 2 + missing / 2, 4))


def test_a_nuclear_acquisition_a_code_leaves_out_is_missing(fitted: Harmonizer) -> None:
    # A code naming no views covers any radiographic view, but not perfusion imaging.
    heart = Procedure(
        code="views-nm-1", long_common_name="NM Heart Views", modality_type="NM", view_type=()
    )
    chest = Procedure(
        code="views-xr-1", long_common_name="XR Chest Views", modality_type="XR", view_type=()
    )

    def view_type(description: str, modality: str, code: Procedure) -> Contribution | None:
        parts = fitted.scorer_.part_contributions(parse(description, modality), code)
        return next((p for p in parts if p.name == "view_type"), None)

    perfusion = view_type("NM MYOCARDIAL PERFUSION", "NM", heart)
    assert perfusion is not None and perfusion.outcome == "missing", perfusion
    assert perfusion.weight == fitted.settings_.weight("view_type_missing") < 0
    assert view_type("XR CHEST PA", "CR", chest) is None


def test_a_code_naming_the_isotope_of_a_described_agent_is_more_specific(
    fitted: Harmonizer,
) -> None:
    # The core's NM Bone Views W Tc-99m tagged WBC IV for white cells with no isotope named:
    # a small cost for the isotope, not a conflict of agents.
    part = _part(fitted, "NM WBC BONE", "NM", "42700-5", "substance")
    assert part is not None and part.outcome == "missing", part
    assert part.weight == fitted.settings_.weight("substance_specific")
    assert _best(fitted, "NM WBC BONE", "NM") in ("42700-5", "25032-4")  # Tc-99m or In-111
    assert _best(fitted, "NM INDIUM WBC", "NM") == "42711-2"  # NM Whole body ... In-111 WBC


def test_an_ultrasound_approach_a_code_adds_is_another_exam(fitted: Harmonizer) -> None:
    # The core's US Pelvis, US Pelvis transvaginal, US Pelvis transabdominal and transvaginal.
    both = _part(fitted, "US PELVIS TRANSABDOMINAL", "US", "42455-6", "view_type")
    assert both is not None and both.outcome == "partial" and both.weight < 0, both
    assert "code adds approach Transvaginal" in both.detail
    # A code naming no approach is transabdominal: nothing is missing.
    assert _part(fitted, "US PELVIS TRANSABDOMINAL", "US", "24869-0", "view_type") is None
    vaginal = _part(fitted, "US PELVIS TRANSVAGINAL", "US", "24869-0", "view_type")
    assert vaginal is not None and vaginal.outcome == "missing"
    # So a transabdominal study alone is the plain pelvis (it was "... and transvaginal").
    assert _best(fitted, "US PELVIS TRANSABDOMINAL ONLY", "US") == "24869-0"
    assert _best(fitted, "US PELVIS TA/TV", "US") == "42455-6"
    assert _best(fitted, "US PELVIS TRANSVAGINAL", "US") == "24677-7"


def test_a_single_view_in_one_projection_conflicts_with_another(fitted: Harmonizer) -> None:
    # XR Chest PA upright, XR Chest Left lateral upright, XR Chest AP (the core's codes).
    for code in ("24648-8", "24639-7"):
        part = _part(fitted, "CHEST AP UPRIGHT", "DX", code, "view_type")
        assert part is not None and part.outcome == "conflict", (code, part)
    ap = _part(fitted, "CHEST AP UPRIGHT", "DX", "36572-6", "view_type")
    assert ap is not None and ap.outcome == "partial" and ap.weight > 0
    # Several named views are compared by what they share.
    # XR Chest PA and Lateral and Oblique for an AP, a lateral and an oblique: they share two.
    several = _part(fitted, "XR CHEST AP LAT OBL", "DX", "30744-7", "view_type")
    assert several is not None and several.outcome == "partial"
    assert fitted.map("CHEST AP UPRIGHT", "DX").loinc_code != "24648-8"


def test_a_specimen_is_the_subject_imaged_not_the_patient(fitted: Harmonizer) -> None:
    # Written here as LOINC has it (no core code is a specimen's): MG Breast specimen Views.
    specimen = Procedure(
        code="subject-1",
        long_common_name="MG Breast specimen Views",
        modality_type="MG",
        subject="Breast specimen",
    )
    described = parse("MG BREAST SPECIMEN", "MG")
    assert described.subject == "Breast specimen" and described.region_imaged == ()
    parts = fitted.scorer_.part_contributions(described, specimen)
    subject = next(p for p in parts if p.name == "subject")
    assert subject.outcome == "agree" and subject.weight > 0
    # The breast's own views miss the specimen; a patient's study is not a specimen's.
    breast = _part(fitted, "MG BREAST SPECIMEN", "MG", "36625-2", "subject")
    assert breast is not None and breast.outcome == "missing" and breast.weight < 0
    assert _part(fitted, "MAMMO SCREENING BILATERAL", "MG", "36625-2", "subject") is None


def test_a_code_of_no_region_misses_the_described_one_at_a_declared_cost() -> None:
    # Written here as LOINC has them: RFA AV fistula (no region) and RF Wrist - left.
    described = parse("DIALYSIS FISTULOGRAM LEFT ARM", "XA")
    fistula = Procedure(
        code="region-1",
        long_common_name="RFA AV fistula",
        modality_type="RF",
        imaging_focus=("AV fistula",),
    )
    wrist = Procedure(
        code="region-2",
        long_common_name="RF Wrist - left",
        modality_type="RF",
        region_imaged=("Upper extremity",),
        imaging_focus=("Wrist",),
        laterality="Left",
    )

    vocabulary = load_playbook().vocabulary

    def region(settings: Settings, code: Procedure) -> Contribution:
        scorer = Scorer(settings, vocabulary)
        return next(p for p in scorer.part_contributions(described, code) if p.name == "region")

    # The weight is a setting (region_missing). The bundled settings declare none: a code's
    # focus may be where it is (an AV fistula, a facet joint), and a charge of -1 sent this
    # fistulogram to a wrist arthrogram, whose focus conflicts.
    default = Settings.default()
    assert "region_missing" not in default.weights
    assert region(default, fistula).outcome == "missing"
    charged = default.model_copy(deep=True)
    charged.weights["region_missing"] = -1.0
    assert region(charged, fistula).weight == -1.0
    assert region(default, wrist).outcome == "agree"
    # A description naming no region pays nothing for a code naming none.
    plain = Scorer(default, vocabulary).part_contributions(parse("FL FISTULOGRAM", "RF"), fistula)
    assert not [p for p in plain if p.name == "region"]


def test_procedures_outside_midrcs_mix_map_to_their_codes(
    reference_harmonizer: Harmonizer,
) -> None:
    expected = {
        ("MG WIRE LOC BREAST RT", "MG"): "86358-9",  # MG Guidance for needle localization ...
        ("US NEEDLE LOC BREAST LEFT", "US"): "26314-5",  # US Guidance for needle localization
        ("IR VERTEBROPLASTY LUMBAR", "XA"): "70924-6",  # RF Guidance for ... vertebroplasty
        ("XR LUMBAR SPINE 1 VIEW INTRAOPERATIVE", "DX"): "83037-2",  # ... during surgery
        ("XR BONE AGE LEFT HAND", "DX"): "26353-3",  # XR Wrist - left and Hand - left Bone age
        ("MG GALACTOGRAM LT", "MG"): "38096-4",  # MG Breast duct - left Views W contrast ...
        ("US TRANSCRANIAL DOPPLER", "US"): "24733-8",  # US.doppler Head vessels
        ("US HIPS DEVELOPMENTAL DYSPLASIA", "US"): "30711-6",  # US Hip developmental joint ...
        ("MG SENTINEL NODE INJECTION LT", "MG"): "48736-3",  # MG Guidance for sentinel ...
        ("IR ANGIOPLASTY FEMORAL ARTERY RT", "XA"): "24698-3",  # RFA ... of Femoral artery
        ("XR FINGER 2ND LT", "DX"): "37522-0",  # XR Finger second - left Views
        ("XR TOE GREAT RT", "DX"): "38152-5",  # XR Great toe - right Views
        ("NM MECKEL SCAN", "NM"): "39629-1",  # NM Small bowel Views for Meckel's diverticulum
        ("NM GALLIUM WHOLE BODY", "NM"): "39683-8",  # NM Whole body Views W Ga-67 IV
        ("FL SWALLOW STUDY MODIFIED", "RF"): "86395-1",  # RF videography ... swallowing function
        ("XR LUMBAR SPINE 2-3 VIEWS (AP/LAT/SPOT)", "DX"): "37105-4",  # ... AP and Lateral and Spot
        ("XR HIP TRUE LATERAL RIGHT", "CR"): "38772-0",  # XR Hip - right True lateral
        ("XR WRIST RADIAL AND ULNAR DEVIATION", "CR"): "69303-6",  # ... and Radial deviation
        ("FL PYELOGRAM RETROGRADE", "RF"): "39349-6",  # RF Kidney - bilateral ... retrograde
        ("XR INTRAVENOUS PYELOGRAM", "CR"): "37607-9",  # XR Kidney Views W contrast IV
        ("FL URETHROGRAM", "RF"): "25016-7",  # RF Urethra Views W contrast intra urethra
        ("MRA COW WO", "MR"): "36881-1",  # MRA Head vessels WO contrast
        ("BONE SCAN WHOLE BODY", "NM"): "39818-0",  # NM Whole body Bone Views
        ("US PYLORUS", "US"): "24889-8",  # US Pylorus for pyloric stenosis
        ("IR TIPS REVISION", "XA"): "87073-3",  # Guidance for revision of TIPS of Liver
        ("IR CHEMOEMBOLIZATION LIVER", "XA"): "88935-2",  # ... chemoembolization of Hepatic artery
        ("FL FISTULOGRAM", "RF"): "86437-1",  # RF Fistula Diagnostic W contrast intra fistula
        ("US AV FISTULA LEFT ARM", "US"): "39040-1",  # US AV fistula
        ("MG IMPLANT VIEWS BILATERAL", "MG"): "38071-7",  # MG Breast - bilateral Views for implant
        ("IR G TUBE EXCHANGE", "XA"): "87052-7",  # Guidance for exchange of G-tube of Stomach
        ("CT ENTEROGRAPHY", "CT"): "72250-4",  # CT Small bowel W contrast PO and W contrast IV
        # MR Small bowel W contrast PO and WO and W contrast IV
        ("MR ABDOMEN/PELVIS ENTEROGRAPHY W AND WO IV CONTRAST", "MR"): "80503-6",
        ("MRI ENTEROGRAPHY WO/W CONTRAST", "MR"): "80503-6",
        # MR Small bowel W contrast PO and WO contrast IV
        ("MR ENTEROGRAPHY WITHOUT IV CONTRAST", "MR"): "80501-0",
        # XR Acromioclavicular joint - bilateral Views WO and W weight
        ("XR AC JOINTS BILATERAL WO AND W WEIGHTS", "CR"): "37580-8",
        ("CT STERNOCLAVICULAR JOINTS WO", "CT"): "37282-1",  # CT Sternoclavicular Joint WO contrast
        ("FL BARIUM ENEMA SCREENING", "RF"): "86381-1",  # RF Colon Screening W air and barium ...
        ("MG SCREENING BILATERAL IMPLANTS", "MG"): "48492-3",  # MG ... Screening for implant
        ("MG 3D SCREENING BILATERAL", "MG"): "72142-3",  # DBT Breast - bilateral screening
        # An acute abdomen series: the abdomen supine and upright, and a chest view.
        ("ACUTE ABD SERIES", "CR"): "83017-4",
        # Diagnostic mammograms, told from screening and plain views by their reason.
        ("MAMMO DX BILATERAL", "MG"): "26346-7",  # MG Breast - bilateral Diagnostic
        ("MAMMOGRAM LEFT LIMITED DIAGNOSTIC", "MG"): "26350-9",  # ... Diagnostic Limited Views
        ("MAMMO DIAG BILAT IMPLANTS", "MG"): "48475-8",  # ... Diagnostic for implant
        ("MAMMO DIAGNOSTIC CALLBACK LEFT", "MG"): "86368-8",  # ... for clinical call back
        ("MG TECHNICAL CALL BACK", "MG"): "86370-4",  # ... for technical call back
        ("DBT DIAGNOSTIC BILATERAL", "MG"): "72139-9",  # DBT Breast - bilateral diagnostic
        ("DIGITAL DIAGNOSTIC MAMMOGRAM UNILATERAL", "MG"): "46350-5",  # ... unilateral Diagnostic
        ("XR BREAST IMPLANTS DIAGNOSTIC", "XR"): "69158-4",  # XR Breast Diagnostic for implant
        # "MG" and "MAMMO" read alike, so "mammo" no longer leans to the FFD mammogram names.
        ("MAMMO BILAT DX", "MG"): "26346-7",  # MG Breast - bilateral Diagnostic
        ("MG STEREO BIOPSY LEFT", "MG"): "26293-1",  # MG stereo Guidance for biopsy of ...
        ("MG STEREO LOCALIZATION LEFT", "MG"): "103890-0",  # MG stereo Guidance for ...
        ("CT LIVER TRIPLE PHASE", "CT"): "30612-6",  # CT Liver WO and W contrast IV
        ("NM BONE SCAN 3 PHASE", "NM"): "39883-4",  # NM Bone 3 Phase Views
        # CPT's obstetric ultrasounds by gestational age.
        ("US OB < 14 WKS", "US"): "80869-1",  # US for pregnancy in first trimester
        ("US OB >= 14 WEEKS", "US"): "80866-7",  # ... in second or third trimester
        # A limb's bone in CT and MR is its segment (a radiograph's codes name the bone).
        ("MRI HUMERUS LEFT", "MR"): "36028-9",  # MR Upper arm - left
        ("MRI RADIUS ULNA RIGHT", "MR"): "26246-9",  # MR Forearm - right
        ("CT FEMUR RIGHT", "CT"): "35989-3",  # CT Thigh - right
        ("CT TIBIA FIBULA LEFT WO", "CT"): "36538-7",  # CT Lower leg - left WO contrast
        ("MRI FEMUR BILATERAL WO", "MR"): "69173-3",  # MR Femur - bilateral WO contrast
        ("XR RADIUS ULNA RIGHT", "CR"): "26150-3",  # XR Radius and Ulna - right Views
        # CT Heart and Coronary arteries for calcium scoring WO contrast
        ("CT CARDIAC SCORING", "CT"): "79087-3",
        ("IR CHOLECYSTOSTOMY", "XA"): "87047-7",  # Guidance for cholecystostomy of Gallbladder
        ("FL LOOPOGRAM", "RF"): "86379-5",  # RF Small bowel Views for loop diversion
        ("FL SINOGRAM", "RF"): "24912-8",  # RF Sinus tract Views W contrast intra sinus tract
        ("NM CISTERNOGRAM", "NM"): "24663-7",  # NM Cerebral cisterns Views W radionuclide IT
        ("CT CISTERNOGRAM", "CT"): "24734-6",  # CT Cerebral cisterns W contrast IT
        ("IR UTERINE FIBROID EMBOLIZATION", "XA"): "87181-4",  # ... embolization of Uterine artery
        ("IR DIALYSIS FISTULAGRAM", "XA"): "86391-0",  # RF AV fistula Views W contrast via ...
        # XR Chest 2 Views and Views Lateral-decubitus
        ("XR CHEST 2 VIEWS WITH DECUBITUS VIEWS", "CR"): "83024-0",
        # PET+CT Heart perfusion W multiple studies at rest+W stress (not PET+CT Heart Views)
        ("PET/CT HEART PERFUSION REST AND STRESS IMAGING", "CT"): "104868-5",
        # CTA Coronary arteries and Pulmonary arteries and Thoracic aorta W contrast IV: a
        # triple rule-out, not the PE study its pulmonary arteries would otherwise imply
        ("CT ANGIO CHEST TRIPLE RULE OUT", "CT"): "87842-1",
        # NM Liver and Biliary ducts and Gallbladder Views W cholecystokinin and W radionuclide IV
        ("NM HEPATOBILIARY SCAN WITH CCK", "NM"): "43650-1",
        ("US GALLBLADDER WITH CCK", "US"): "38022-0",  # US Gallbladder W cholecystokinin
        ("CTA AORTA THORACIC", "CT"): "82709-7",  # CTA Thoracic Aorta
        # RF Biliary ducts and Gallbladder Views W contrast via T-tube
        ("T-TUBE CHOLANGIOGRAM", "RF"): "30647-2",
        # LOINC's change, replacement and exchange of a catheter are one action: RF Guidance
        # for change of dialysis catheter ...; CT Guidance for percutaneous replacement of
        # drainage catheter of Abdomen
        ("IR DIALYSIS CATHETER EXCHANGE", "XA"): "43558-6",
        ("CT GUIDED DRAIN EXCHANGE ABDOMEN", "CT"): "52790-3",
        # Guidance for placement of tunneled CV catheter without port in Chest
        ("IR TUNNELED DIALYSIS CATHETER PLACEMENT", "XA"): "87113-7",
        ("PET CARDIAC SARCOIDOSIS", "PT"): "81564-7",  # PT Heart for sarcoidosis
        ("NM RENAL SCAN MAG3", "NM"): "39746-3",  # NM Kidney Views W Tc-99m Mertiatide IV
        ("NM RENAL SCAN MAG3 WITH LASIX", "NM"): "43461-3",  # NM Kidney Views W furosemide IV
        ("NM XENON VENTILATION", "NM"): "46361-2",  # NM Lung Ventilation W Xe-133 IH
        ("US INGUINAL HERNIA RIGHT", "US"): "103914-8",  # US Groin - right
        ("US VENTRAL HERNIA", "US"): "39494-0",  # US Abdominal wall
        ("XR HIPS AP AND FROG", "CR"): "37092-4",  # XR Hip - bilateral AP and Lateral frog
        # RF Guidance for intussusception reduction of Gastrointestinal tract: the enema's
        # colon is part of the tract (regions.tsv, column within), not another focus
        ("FL CONTRAST ENEMA INTUSSUSCEPTION REDUCTION", "RF"): "106828-7",
        # CT scanogram Lower extremity - bilateral for leg measurement WO contrast
        ("CT SCANOGRAM", "CT"): "78973-5",
        # DXA Cervical and thoracic and lumbar spine Views for vertebral fracture
        ("DXA VERTEBRAL FRACTURE ASSESSMENT", "DX"): "83051-3",
        # DXA Skeletal system.axial Views for bone density
        ("BONE DENSITOMETRY AXIAL", "DX"): "83012-5",
        ("XR MASTOIDS", "CR"): "26139-6",  # XR Mastoid - bilateral Views
        # RF Guidance for percutaneous replacement of drainage catheter of Biliary ducts and
        # Gallbladder, not the drainage and placement of one
        ("IR BILIARY DRAIN EXCHANGE", "XA"): "72545-7",
        # MR Pelvis WO contrast, not MR Soft tissue WO contrast (a code of no region): a
        # region's soft tissue in MR is the region's study (IMP126)
        ("MRI PELVIS SOFT TISSUE W/O CONTRAST", "MR"): "30673-8",
        # RF AV fistula ..., not RF Wrist - left Arthrogram
        ("DIALYSIS FISTULOGRAM LEFT ARM", "XA"): "86391-0",
        # Spine injections, by level: CT Guidance for injection of Lumbar Spine Facet Joint;
        # CT ... of Spine lumbar and Sacrum epidural space; ... Spine cervical and thoracic
        # epidural space; RF ... of Spine Thoracic Facet Joint; RF Guidance for injection of
        # Lumbar spine (RF has no lumbar epidural code); RF Guidance for denervation of Lumbar
        # Spine Facet Joint
        ("CT LUMBAR SPINE FACET BLOCK MULTI LEVEL", "CT"): "90335-1",
        ("CT GUIDED LUMBAR EPIDURAL STEROID INJECTION", "CT"): "92928-1",
        ("IR ESI SPINE CERVICAL THORACIC", "CT"): "92925-7",
        ("FL GUIDED THORACIC FACET INJECTION", "XA"): "30814-8",
        ("FL EPIDURAL STEROID INJECTION LUMBAR", "XA"): "70919-6",
        ("RF ABLATION LUMBAR FACET", "XA"): "72542-4",
        # RF Upper gastrointestinal tract and Small bowel Views W barium contrast PO: a
        # fluoroscopic study stored with a CR tag
        ("FL UPPER GI SINGLE CONTRAST WITH SMALL BOWEL FOLLOW THROUGH", "CR"): "43574-3",
        # Interventional radiology: Guidance for percutaneous placement of nephrostomy tube
        # of Kidney (no action written, no contrast); RF Kidney - right Views W contrast via
        # nephrostomy tube; Guidance for radioembolization for tumor of Hepatic artery-- W
        # Yttrium-90 IA and its mapping (injection of Hepatic artery-- W Tc-99m MAA IA); RF
        # Biliary ducts and Gallbladder Views W contrast percutaneous transhepatic; RFA
        # Abdominal Aorta Views W contrast IA; RFA Guidance for angioplasty of Femoral artery;
        # Guidance for removal of venous filter from Inferior vena cava; Guidance for
        # placement of CV catheter with port in Chest (not Portable XR Chest Views)
        ("IR PERCUTANEOUS NEPHROSTOMY RIGHT", "XA"): "87066-7",
        ("NEPHROSTOGRAM RIGHT", "XA"): "38112-9",
        ("IR Y90 RADIOEMBOLIZATION", "XA"): "88939-4",
        ("IR Y90 MAPPING", "XA"): "88936-0",
        ("IR PTC", "XA"): "24575-3",
        ("IR AORTOGRAM ABDOMINAL", "XA"): "30837-9",
        ("IR ANGIOPLASTY SFA LEFT", "XA"): "24698-3",
        ("IR IVC FILTER RETRIEVAL", "XA"): "87093-1",
        ("IR CHEST PORT INSERTION", "XA"): "87106-1",
        # RF videography Hypopharynx and Esophagus Views for swallowing function W speech and
        # W barium contrast PO (it was RF Unspecified body region Views)
        ("FL SWALLOW STUDY", "RF"): "86395-1",
        # Guidance for placement of peripherally-inserted central venous catheter in Upper
        # extremity (it was US Guidance for drainage catheter removal); RFA Guidance for
        # removal of PICC from Vein (it was the tunneled CV catheter's removal)
        ("US GUIDED PICC", "US"): "87144-2",
        ("IR PICC REMOVAL", "XA"): "72538-2",
        # US Abdominal wall (it was US Head, by letters); US.doppler Lower extremity artery
        # (it was US Abdomen)
        ("US HERNIA", "US"): "39494-0",
        ("US ABI", "US"): "39434-6",
        # US Lower extremity vein - bilateral (it was US Lower extremity - bilateral); CT Head
        # WO contrast (it was CT Unspecified body region WO contrast)
        ("US DVT BILATERAL LOWER", "US"): "46364-6",
        ("CT HAED WO", "CT"): "30799-1",
        # RFA Lower extremity veins - left Views W contrast IV (LOINC's plural is the parser's
        # singular focus, regions.tsv same_as; it was RF Ankle - left Arthrogram); RFA Lower
        # extremity arteries - left Views W contrast IA (it was RF Hip - left Arthrogram); RFA
        # Guidance for thrombectomy of Vein - left (it was Guidance for thrombectomy)
        ("IR VENOGRAM LEFT LEG", "XA"): "37196-3",
        ("IR ARTERIOGRAM LEFT LEG", "XA"): "47986-5",
        ("IR THROMBECTOMY DVT LEFT", "XA"): "43762-4",
        # Guidance for placement of stent in Visceral artery (the renal artery is one,
        # regions.tsv; it was the TIPS stent of the Intrahepatic portal system)
        ("IR STENT RENAL ARTERY", "XA"): "87096-4",
        # Guidance for chemoembolization of Hepatic artery (IMP143; it was RF Guidance for
        # embolization of Unspecified body region)
        ("IR TACE", "XA"): "88935-2",
        # MR Ovary (it was MR Endovaginal, by letters); US Scrotum and testicle for torsion
        # (it was US Scrotum and testicle)
        ("MRI OVARIES", "MR"): "36779-7",
        ("US TESTICULAR TORSION", "US"): "80877-4",
        # CT Hip - right (it was CT Extremity - right)
        ("CT ACETABULUM RIGHT", "CT"): "36021-4",
        # NM Parathyroid gland Views (the same code, but by the gland, not by letters)
        ("NM PARATHYROID SCAN", "NM"): "39742-2",
        # CT Whole body (it was CT Unspecified body region)
        ("CT TRAUMA PAN SCAN", "CT"): "46305-9",
        # US Pelvis (not for pregnancy); US for pregnancy (not the cervical spine); US Urinary
        # bladder post void; US.doppler Portal vein and Hepatic vein; US.doppler Lower
        # extremity vein - bilateral
        ("US PELVIS NON OB", "US"): "24869-0",
        ("US CERVICAL LENGTH", "US"): "11525-3",
        ("US POST VOID RESIDUAL", "US"): "69388-7",
        ("US PORTAL VEIN DOPPLER", "US"): "69284-8",
        ("US VENOUS DOPPLER BILATERAL LOWER EXTREMITIES", "US"): "39420-5",
        # NM Heart Blood pool (a gated blood pool is the MUGA, not the bone's phase); NM
        # Heart Perfusion W stress and W radionuclide IV (regadenoson's brand); NM Gallbladder
        # Views for ejection fraction W Tc-99m DISIDA IV (the gallbladder's ejection fraction
        # is the study's reason, IMP130-131)
        ("NM GATED BLOOD POOL", "NM"): "39861-0",
        ("NM LEXISCAN STRESS TEST", "NM"): "39730-7",
        ("NM HIDA WITH EJECTION FRACTION", "NM"): "39895-8",
        # MG Breast specimen - left Views (a specimen radiograph)
        ("SPECIMEN RADIOGRAPH LEFT", "MG"): "38080-8",
        # RF Biliary ducts and Gallbladder Views W contrast via T-tube (was: W contrast IV);
        # RF Placement check of gastrostomy tube W contrast via GI tube
        ("FL T TUBE CHOLANGIOGRAM", "RF"): "30647-2",
        ("FL GASTROSTOMY TUBE CHECK", "RF"): "24998-7",
        # CT Teeth; CT Airway WO contrast (not a guided biopsy of the chest)
        ("CT DENTAL", "CT"): "79095-6",
        ("CT VIRTUAL BRONCHOSCOPY", "CT"): "79067-5",
    }
    for (description, modality), code in expected.items():
        result = reference_harmonizer.map(description, modality)
        assert result.loinc_code == code, result.explain()


def test_a_named_object_implies_the_procedure_an_implied_one_is_credited_once(
    reference_harmonizer: Harmonizer,
) -> None:
    harmonizer = reference_harmonizer
    # No action is written, but a chest tube in CT is placed under guidance: "tube in Chest"
    # (35938-0) agrees with it, as the bilateral pleural codes do with the side unsaid.
    guidance = _part(harmonizer, "IR CT CHEST TUBE", "CT", "35938-0", "guidance")
    assert guidance is not None and guidance.outcome == "agree"
    assert harmonizer.map("IR CT CHEST TUBE", "CT").loinc_code == "35938-0"
    # A whole-body PET/CT is read as oncologic: its tumor is implied, and credited through
    # the localization it implies, not a second time as an object.
    parsed = parse("PETCT FDG VERTEX TO TOES", "PT")
    assert parsed.guidance_for_object == "Tumor" and not parsed.names_guidance_object
    assert _part(harmonizer, "PETCT FDG VERTEX TO TOES", "PT", "81555-5", "guidance_object") is None
    named = _part(harmonizer, "PET CT LYMPHOMA WHOLE BODY", "PT", "81555-5", "guidance_object")
    assert named is not None and named.outcome == "agree"


def test_a_position_beside_projections_qualifies_them(reference_harmonizer: Harmonizer) -> None:
    # "PA UPRIGHT" is one view taken upright, not a PA and an upright view.
    assert reference_harmonizer.map("CHEST PA UPRIGHT", "CR").loinc_code == "24648-8"
    # XR Chest PA and Lateral upright (was: PA and Lateral and Oblique upright, three views)
    result = reference_harmonizer.map("XR CHEST PA UPRIGHT AND LATERAL", "CR")
    assert result.loinc_code == "24647-0", result.explain()


def test_memoized_comparisons_equal_fresh_ones(fitted: Harmonizer) -> None:
    """Comparisons are memoized on the fields each reads; a field read but not declared would
    let one description's outcome leak into another's. One scorer across many descriptions
    must give what a fresh scorer gives each."""
    descriptions = [
        ("CT CHEST W CONTRAST", "CT"),
        ("CT CHEST WO", "CT"),
        ("CTA CHEST PE", "CT"),
        ("XR KNEE RT 3 VIEWS", "DX"),
        ("XR KNEE LT 1 VIEW", "DX"),
        ("XR CHEST PA LAT", "CR"),
        ("XR CHEST PORTABLE", "CR"),
        ("MRI BRAIN WWO", "MR"),
        ("US GUIDED BIOPSY LIVER", "US"),
        ("NM BONE SCAN WHOLE BODY", "NM"),
        ("PET CT SKULL TO THIGH", "CT,PT"),
        ("MAMMO SCREENING BILAT", "MG"),
    ]
    codes = list(fitted.playbook_)
    shared = Scorer(fitted.settings_, fitted.playbook_.vocabulary)
    for description, modality in descriptions:
        parsed = parse(description, modality)
        memoized = [c.parts for c in shared.compare(parsed, codes)]
        fresh = [
            c.parts
            for c in Scorer(fitted.settings_, fitted.playbook_.vocabulary).compare(parsed, codes)
        ]
        assert memoized == fresh, description


def test_score_is_sum_of_contributions(fitted: Harmonizer) -> None:
    result = fitted.map("XR CHEST 1 VW PORTABLE", "CR")
    assert len(result.candidates) == 5
    for candidate in result.candidates:
        assert candidate.score == pytest.approx(
            sum(c.weight for c in candidate.contributions), abs=1e-3
        )
        assert all(
            c.outcome in ("agree", "conflict", "missing", "partial", "info")
            for c in candidate.contributions
        )
    scores = [c.score for c in result.candidates]
    assert scores == sorted(scores, reverse=True)


def test_result_audit_and_explain(fitted: Harmonizer) -> None:
    result = fitted.map("CT ABD/PEL W/O", "CT")
    assert 0 <= result.confidence <= 1
    assert result.status in ("auto", "review")
    assert result.audit.playbook_fingerprint == fitted.playbook_.fingerprint
    assert any(s.step == "blocking" for s in result.audit.steps)
    assert any(s.rule_id and s.span for s in result.audit.steps)
    text = result.explain()
    assert "36952-0" in text and "timing" in text and "agree" in text


def test_json_round_trip(fitted: Harmonizer) -> None:
    result = fitted.map("CT ABD/PEL W/O", "CT")
    again = MappingResult.model_validate_json(result.to_json())
    assert again == result
    assert again.to_json() == result.to_json()


def test_placeholder_falls_back_to_unspecified(fitted: Harmonizer) -> None:
    result = fitted.map("(blank)", "CT")
    assert result.fallback and result.status == "review"
    assert result.loinc_code == "25045-6"


@pytest.mark.parametrize(
    ("description", "modality", "code"),
    [("CT REFERENCE IMPORT", "CT", "25045-6"), ("DX", "DX", "43468-8")],
)
def test_a_description_naming_no_region_can_rank_the_unspecified_code(
    reference_harmonizer: Harmonizer, description: str, modality: str, code: str
) -> None:
    # No code's name resembles these words; the modality's unspecified body region code is
    # what they support, not a region guessed from letters ("CT Temporal bone", "DXA Spine").
    result = reference_harmonizer.map(description, modality)
    assert result.loinc_code == code and result.status == "review" and result.fallback
    assert "fallback: neither the description nor the code gives" in result.reason
    assert result.reason.endswith("body region")


def test_a_guidance_code_of_no_region_is_a_body_region_fallback(
    reference: Playbook, reference_harmonizer: Harmonizer
) -> None:
    # The region is a part a code may leave open as timing is: LOINC has the cyst aspiration
    # of many organs, and "RP CYST ASPIRATION" names none.
    result = reference_harmonizer.map("RP CYST ASPIRATION", "CT")
    code = reference[result.loinc_code or ""]
    assert not code.region_imaged and code.guidance_for_action
    assert result.fallback and result.reason.endswith("gives body region")


@pytest.mark.parametrize(
    ("description", "modality", "unsaid"),
    [
        ("CT CHEST", "CT", "timing"),
        ("MR BRAIN", "MR", "timing"),
        ("XR KNEE", "CR", "laterality, view count"),
        ("XR KNEE LEFT", "CR", "view count"),
    ],
)
def test_generic_code_is_a_marked_fallback(
    fitted: Harmonizer, description: str, modality: str, unsaid: str
) -> None:
    # The most specific code the description supports leaves open what it does not say.
    result = fitted.map(description, modality)
    assert result.fallback
    assert result.reason.endswith(f"fallback: neither the description nor the code gives {unsaid}")
    code = fitted.playbook_[result.loinc_code or ""]
    assert "timing" not in unsaid or code.timing is None
    assert "laterality" not in unsaid or code.laterality is None


def test_the_most_specific_supported_code_is_ranked_even_when_its_words_are_far(
    reference_harmonizer: Harmonizer,
) -> None:
    # "Lung" and "nodule" bring the lung parenchyma codes' names nearest in words; LOINC names a
    # diagnostic chest CT "CT Chest", which claims nothing the description does not say.
    result = reference_harmonizer.map("CT LUNG NODULE F/U", "CT")
    assert result.loinc_code == "24627-2" and result.fallback, result.explain()
    without = Harmonizer(
        reference_harmonizer.playbook,
        settings=reference_harmonizer.settings_.model_copy(
            update={
                "retrieval": reference_harmonizer.settings_.retrieval.model_copy(
                    update={"supported": 0}
                )
            }
        ),
    ).fit()
    ranked = [c.code for c in without.map("CT LUNG NODULE F/U", "CT").candidates]
    assert "24627-2" not in ranked  # the text alone does not bring it to the shortlist
    # "Views" (any number) claims no count: XR Abdomen Views is supported by a radiograph of
    # the small bowel, which no XR code names, while "Right lateral and Left lateral" is not.
    bowel = reference_harmonizer.map("XR SMALL BOWEL", "DX")
    assert bowel.loinc_code == "37636-8", bowel.explain()


@pytest.mark.parametrize(
    ("description", "modality"),
    [
        ("CT CHEST WO", "CT"),
        ("XR KNEE LEFT 2 VIEWS", "CR"),
        ("MR BRAIN WO AND W", "MR"),
        ("BILATERAL ANKLE MIN 3 VIEWS", "CR"),  # an open count the description states
    ],
)
def test_specified_exam_is_no_fallback(fitted: Harmonizer, description: str, modality: str) -> None:
    result = fitted.map(description, modality)
    assert not result.fallback and "fallback" not in result.reason


def test_placeholder_offers_each_allowed_modality(fitted: Harmonizer) -> None:
    result = fitted.map("<NONE>", "CT,PT")
    codes = [c.code for c in result.candidates]
    assert result.loinc_code == codes[0] and result.fallback
    names = [c.name for c in result.candidates]
    assert len(codes) == len(set(codes)) >= 2
    assert all("Unspecified body region" in n for n in names)
    assert any(n.startswith("CT ") for n in names) and any(n.startswith("PT ") for n in names)


def test_nothing_to_go_on_is_unmapped(fitted: Harmonizer) -> None:
    result = fitted.map(None, None)
    assert result.status == "unmapped" and result.loinc_code is None and result.reason


def _curated(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """A curated table in MIDRC's format from (modality, description, code) rows."""
    return pd.DataFrame(list(rows), columns=["Modality", "StudyDescription", "LOINC code"])


def test_curated_exact_lookup_wins() -> None:
    h = Harmonizer().fit(CURATED)
    result = h.map("my site  chest thing", "CT")
    assert (result.loinc_code, result.confidence, result.status) == ("24628-0", 1.0, "auto")
    assert "curated" in result.reason
    # MIDRC's modality list and the cleaned code with its stray tab and spaces.
    assert h.map("CHEST 2 VIEWS", "DX").loinc_code == "42272-5"
    # A blank modality in the curated table matches any modality.
    assert h.map("XR PORT CHEST 1V", "CR").loinc_code == "36589-0"
    # A placeholder row decides the placeholder for its modality.
    assert h.map("<NONE>", "CT").loinc_code == "25045-6"
    assert h.map("<NONE>", "CT").status == "auto"


def test_curated_row_for_the_modality_wins_over_a_blank_modality_row() -> None:
    # MIDRC's table gave this description one code for CR, DX and another for [blank].
    table = _curated(
        ("CR, DX", "XR CHEST PA AND LATERAL", "36643-5"),
        ("[blank]", "XR CHEST PA AND LATERAL", "42272-5"),
    )
    h = Harmonizer().fit(table)
    for modality, code in (("DX", "36643-5"), (None, "42272-5"), ("CT", "42272-5")):
        result = h.map("XR CHEST PA AND LATERAL", modality)
        assert (result.loinc_code, result.status, result.confidence) == (code, "auto", 1.0)


def test_curated_from_path_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "curated.csv"
    path.write_text("\ufeff" + CURATED.to_csv(index=False), encoding="utf-8")
    h = Harmonizer().fit(path)
    assert h.map("MY SITE CHEST THING", "CT").loinc_code == "24628-0"


def test_curated_contradiction_goes_to_review() -> None:
    table = _curated(
        ("CT", "X CHEST", "24628-0"), ("CT", "X CHEST", "24628-0"), ("CT", "X CHEST", "29252-4")
    )
    result = Harmonizer().fit(table).map("X CHEST", "CT")
    assert result.loinc_code == "24628-0" and result.status == "review"


def test_curated_tie_is_broken_by_rows_with_the_same_parts() -> None:
    # Two curators split on one description; a third row for the same exam decides, not the
    # code string (which would pick 36643-5).
    table = _curated(
        ("CR", "CHEST PA/LAT", "36643-5"),
        ("CR", "CHEST PA/LAT", "42272-5"),
        ("CR", "XR CHEST PA AND LATERAL", "42272-5"),
    )
    result = Harmonizer().fit(table).map("CHEST PA/LAT", "CR")
    assert (result.loinc_code, result.status, result.confidence) == ("42272-5", "review", 0.5)
    assert [(c.code, c.score) for c in result.candidates] == [("42272-5", 0.5), ("36643-5", 0.5)]


def test_curated_tie_no_row_breaks_is_broken_by_the_ranking() -> None:
    # One curator wrote the W contrast code for a WO description; nothing else in the table
    # separates the two, so the text decides (the code string would pick 24628-0).
    for codes in (["24628-0", "29252-4"], ["29252-4", "24628-0"]):
        table = _curated(*(("CT", "CT CHEST WO", code) for code in codes))
        result = Harmonizer().fit(table).map("CT CHEST WO", "CT")
        assert (result.loinc_code, result.status, result.confidence) == ("29252-4", "review", 0.5)
        assert "tied with 24628-0, ranked first" in result.reason
        assert [c.code for c in result.candidates] == ["29252-4", "24628-0"]


PORTABLE_SPLIT = _curated(
    ("CR", "CHEST AP PORT", "24632-2"),
    ("CR", "XR CHEST AP PORTABLE", "36589-0"),
    ("CR", "PORTABLE AP CHEST", "36589-0"),
)


def test_confidence_reads_curated_dissent_whatever_top_k_shows() -> None:
    # Curated rows that read as this description does vote for two codes: the runner-up's
    # votes lower the confidence, whether or not the result shows the runner-up.
    results = [
        Harmonizer(top_k=k).fit(PORTABLE_SPLIT).map("PORT CHEST AP XRAY", "CR") for k in (1, 5)
    ]
    assert "curated" not in results[0].reason  # ranked, not looked up
    assert results[0].confidence == results[1].confidence
    assert len(results[0].candidates) == 1
    runner_up = results[1].candidates[1]
    assert any(c.name == "curated_similarity" for c in runner_up.contributions)
    calibration = Settings.default().calibration
    assert calibration.dissent < 0
    features = ranking_features(results[1].candidates)
    assert features[3] > 0
    assert results[1].confidence == round(probability(calibration, *features), 4)
    assert results[1].confidence < round(probability(calibration, *features[:3]), 4)
    # The audit names what the confidence was computed from.
    step = next(s for s in results[1].audit.steps if s.step == "confidence")
    assert step.detail.startswith(f"{results[1].confidence:.2f} from score {features[0]:.2f}")
    assert f"curated dissent {features[3]:.2f}" in step.detail


def test_normalized_match_contradicted_by_the_table_goes_to_review() -> None:
    h = Harmonizer().fit(PORTABLE_SPLIT)
    # "CHEST AP PORTABLE" is "CHEST AP PORT" only after normalization; two of the three rows
    # for the same parsed exam give another code, so the majority is proposed for review.
    result = h.map("CHEST AP PORTABLE", "CR")
    assert (result.loinc_code, result.status, result.confidence) == ("36589-0", "review", 0.6667)
    assert "gives 24632-2" in result.reason and "curated normalized match" in result.reason
    assert [c.code for c in result.candidates] == ["36589-0", "24632-2"]
    for candidate in result.candidates:
        assert candidate.score == sum(c.weight for c in candidate.contributions)
        assert candidate.contributions[0].name == "curated_same_parts"
    # The curator's own description is never overruled.
    exact = h.map("CHEST AP PORT", "CR")
    assert (exact.loinc_code, exact.status, exact.confidence) == ("24632-2", "auto", 1.0)


def test_normalized_match_on_a_split_exam_goes_to_review(fitted: Harmonizer) -> None:
    # Half the rows for the same parsed exam agree with the normalized match: review.
    split = _curated(
        ("CR", "CHEST AP PORT", "24632-2"),
        ("CR", "XR CHEST AP PORTABLE", "24632-2"),
        ("CR", "PORTABLE AP CHEST", "36589-0"),
        ("CR", "AP PORTABLE CHEST", "30746-2"),
    )
    result = Harmonizer().fit(split).map("CHEST AP PORTABLE", "CR")
    assert (result.loinc_code, result.status, result.confidence) == ("24632-2", "review", 0.5)
    assert "curated rows disagree, 50%" in result.reason and "ranked" not in result.reason
    assert [c.code for c in result.candidates][0] == "24632-2"  # the chosen code comes first
    # An even split is a tie: the ranking decides, whatever the rows' order.
    ranked = [c.code for c in fitted.map("CHEST AP PORTABLE", "CR").candidates]
    pair = ["24632-2", "36589-0"]
    expected = min(pair, key=ranked.index)
    for codes in (pair, pair[::-1]):
        tied = Harmonizer().fit(PORTABLE_SPLIT.iloc[:2].assign(**{"LOINC code": codes}))
        result = tied.map("CHEST AP PORTABLE", "CR")
        assert (result.loinc_code, result.status, result.confidence) == (expected, "review", 0.5)
        assert "ranked first" in result.reason
        assert result.candidates[0].code == expected


def test_normalized_match_backed_by_the_table_stays_auto() -> None:
    agreeing = PORTABLE_SPLIT.assign(**{"LOINC code": ["36589-0", "36589-0", "24632-2"]})
    result = Harmonizer().fit(agreeing).map("CHEST AP PORTABLE", "CR")
    assert (result.loinc_code, result.status, result.confidence) == ("36589-0", "auto", 1.0)


def test_settings_round_trip(tmp_path: Path) -> None:
    settings = Settings.default()
    settings.save(tmp_path / "s.json")
    assert Settings.load(tmp_path / "s.json") == settings


def test_settings_change_the_decision() -> None:
    strict = Settings.default().model_copy(deep=True)
    strict.thresholds.auto = 0.0
    result = Harmonizer(settings=strict).fit().map("CT CHEST WO CONTRAST", "CT")
    assert result.status == "auto"


def test_map_many_matches_map(fitted: Harmonizer) -> None:
    items = ["CT CHEST WO", "XR CHEST 2 VIEWS", "CT CHEST WO"]
    many = fitted.map_many(items, ["CT", "CR", "CT"])
    assert [r.loinc_code for r in many] == [
        fitted.map(d, m).loinc_code for d, m in zip(items, ["CT", "CR", "CT"], strict=True)
    ]
    blanks = fitted.map_many(["(blank)", "(blank)", "(blank)"], ["CT"] * 3, ["CHEST", None, "HEAD"])
    assert [r.long_common_name for r in blanks] == [
        "CT Chest",
        "CT Unspecified body region",
        "CT Head",
    ]
    with pytest.raises(ValueError, match="3 descriptions but 2 body parts"):
        fitted.map_many(items, None, ["CHEST", "HEAD"])


def test_deterministic_across_hash_seeds() -> None:
    script = (
        "from loinc_harmonize import Harmonizer;h=Harmonizer().fit();"
        "print('|'.join(h.map(d,m).to_json() for d,m in "
        "[('CT ABD/PEL W/O','CT'),('XR CHEST','CR'),('MR KNEE','MR')]))"
    )
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1


def test_a_result_does_not_depend_on_what_was_mapped_before(reference: Playbook) -> None:
    """The scorer memoizes comparisons by what they read: descriptions that parse alike but
    for the modality only their text names must not share them."""
    pairs = [
        ("ESOPHAGEAL TRANSIT", "NM"),  # tag only: a PET code is allowed
        ("NM ESOPHAGEAL TRANSIT", "NM"),  # the text says NM: the PET code conflicts
        ("CHEST 1 VIEW", "RF"),
        ("XR CHEST 1 VIEW", "RF"),
    ]
    alone = [Harmonizer(reference).fit().map(d, m).to_json() for d, m in pairs]
    one = Harmonizer(reference).fit()
    assert [one.map(d, m).to_json() for d, m in pairs] == alone
    backwards = Harmonizer(reference).fit()
    assert [backwards.map(d, m).to_json() for d, m in reversed(pairs)] == alone[::-1]
    assert json.loads(alone[1])["long_common_name"].startswith("NM Esophagus")


def test_shared_across_threads_with_caches_clearing() -> None:
    """Dask's default scheduler maps partitions in threads with one harmonizer: its caches are
    filled and cleared concurrently, and every result must still be the sequential one."""
    descriptions = [
        f"{region} {kind}"
        for region in ("CT CHEST", "CT ABD/PEL", "XR KNEE RT", "MR BRAIN", "XR CHEST PORT")
        for kind in ("W", "WO", "WWO", "1 VIEW", "2 VIEWS", "CTA", "LOW DOSE", "LT")
    ]
    modalities = ["CT", "CT", "DX", "MR", "CR"]
    pairs = [(d, modalities[i // 8]) for i, d in enumerate(descriptions)]
    sequential = Harmonizer().fit()
    expected = [sequential.map(d, m).to_json() for d, m in pairs]
    shared = Harmonizer().fit()
    shared.index_.text._budget.limit = 4 * (shared.index_.text.size + 64)  # clears constantly
    with ThreadPoolExecutor(4) as pool:
        runs = list(pool.map(lambda _: [shared.map(d, m).to_json() for d, m in pairs], range(4)))
    assert all(run == expected for run in runs)


def test_other_playbook(reference_or_core: object = None) -> None:
    core = load_playbook()
    small = core.filter(modality="CT")
    result = Harmonizer(small).fit().map("CT CHEST WO", "CT")
    assert result.loinc_code in small


def test_dicom_st_means_spect(fitted: Harmonizer) -> None:
    assert fitted.map("[blank]", "ST").long_common_name == "SPECT Unspecified body region"
    parsed = fitted.map("HEART PERFUSION", "ST").parsed
    assert parsed is not None and parsed.modality_subtype == "SPECT"


def test_kub_is_one_view_even_when_supine_is_named(fitted: Harmonizer) -> None:
    assert fitted.map("ABDOMEN SUPINE KUB", "CR, DX").long_common_name == "XR Abdomen AP"


def test_an_angiogram_images_all_the_vessels_a_venogram_the_veins(fitted: Harmonizer) -> None:
    # The head's veins alone are a venogram's (MRV); an angiogram of the head is of its vessels.
    assert fitted.map("MRA HEAD WO", "MR").long_common_name == "MRA Head vessels WO contrast"
    assert fitted.map("MRV HEAD", "MR").long_common_name == "MRA Head veins"


def test_a_placeholder_with_a_body_part_ranks_the_body_parts_region(fitted: Harmonizer) -> None:
    result = fitted.map("(blank)", "CT", body_part_examined="CHEST")
    assert result.long_common_name == "CT Chest"
    # A person decides: the region is DICOM's, not the description's, and timing stays open.
    assert result.status == "review" and result.fallback
    assert "BodyPartExamined" in result.reason
    steps = [s.detail for s in result.audit.steps if s.rule_id == "BODY_PART_EXAMINED"]
    assert steps == ["region_imaged = Chest from 'CHEST'"]
    # However sure the ranking, a placeholder is never auto.
    lenient = Settings.default().model_copy(deep=True)
    lenient.thresholds.auto = 0.0
    sure = Harmonizer(settings=lenient).fit().map("(blank)", "CT", body_part_examined="CHEST")
    assert sure.status == "review" and "not auto: the description is a placeholder" in sure.reason
    # Without a body part, or with one that names no region, the unspecified code remains.
    for body_part in (None, "XYZZY"):
        alone = fitted.map("(blank)", "CT", body_part_examined=body_part)
        assert alone.long_common_name == "CT Unspecified body region"


def test_a_body_part_speaks_for_unread_words(fitted: Harmonizer) -> None:
    assert fitted.map("ROUTINE", "CT").status == "unmapped"
    with_body_part = fitted.map("ROUTINE", "CT", body_part_examined="CHEST")
    assert with_body_part.long_common_name == "CT Chest"
    assert with_body_part.status == "review"
    # The description's own region wins over the body part.
    assert fitted.map("CT HEAD", "CT", body_part_examined="CHEST").long_common_name == "CT Head"


def test_dicom_fields_by_keyword_and_unknown_names(fitted: Harmonizer) -> None:
    by_keyword = fitted.map("(blank)", "CT", BodyPartExamined="CHEST")
    assert (
        by_keyword.model_dump()
        == fitted.map("(blank)", "CT", body_part_examined="CHEST").model_dump()
    )
    # One SeriesDescription is one series, not a list of its letters.
    one = fitted.map("XR CHEST", "DX", SeriesDescription="PA")
    assert one.parsed is not None and one.parsed.view_type == ("PA",)
    with pytest.raises(TypeError, match="BodyPart"):
        fitted.map("CT CHEST", "CT", BodyPart="CHEST")
    with pytest.raises(TypeError, match="twice"):
        fitted.map("CT CHEST", "CT", BodyPartExamined="CHEST", body_part_examined="HEAD")


def test_a_code_naming_an_agent_the_description_leaves_open_counts_against_it(
    reference_harmonizer: Harmonizer,
) -> None:
    harmonizer = reference_harmonizer
    description = "NM MYOCARDIAL PERFUSION SPECT REST AND STRESS"
    assert parse(description, "NM").maneuver == ("At rest", "Stress")
    # 39723-2: SPECT Heart perfusion at rest and W stress and W Tl-201 IV
    substance = _part(harmonizer, description, "NM", "39723-2", "substance")
    assert substance is not None and substance.outcome == "missing" and substance.weight < 0
    # 39724-0: ... W radionuclide IV, the agent left open as the description leaves it
    assert _part(harmonizer, description, "NM", "39724-0", "substance") is None
    # A small cost: where LOINC has no generic code, a code claiming one view is no better.
    upper_gi = harmonizer.map("FL UPPER GI WITH SMALL BOWEL FOLLOW THROUGH", "RF")
    assert upper_gi.loinc_code == "43574-3", upper_gi.explain()  # Views W barium contrast PO
    result = harmonizer.map(description, "NM")
    assert result.loinc_code == "39724-0", result.explain()


def test_a_code_leaving_open_the_agent_a_description_names_does_not_conflict(
    reference_harmonizer: Harmonizer,
) -> None:
    harmonizer = reference_harmonizer
    # 44138-6: PT Brain, "W radionuclide IV": FDG is a radionuclide, so nothing conflicts.
    assert _part(harmonizer, "PET BRAIN FDG", "PT", "44138-6", "substance") is None
    # 81552-2: PET+CT Whole body Bone W 18F-NaF IV, the agent named: it agrees.
    named = _part(harmonizer, "PET CT BONE SCAN WHOLE BODY", "PT", "81552-2", "substance")
    assert named is not None and named.outcome == "agree" and named.weight > 0
    # Another agent still conflicts (81555-5: ... W 18F-FDG IV).
    other = _part(harmonizer, "PET CT BONE SCAN WHOLE BODY", "PT", "81555-5", "substance")
    assert other is not None and other.outcome == "conflict"
    result = harmonizer.map("PET CT BONE SCAN WHOLE BODY", "PT")
    assert result.loinc_code == "81552-2" and result.status == "auto", result.explain()
