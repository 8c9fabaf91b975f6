"""Loading playbooks: bundled core, LOINC tables, the Playbook parts file, releases, errors."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
import pytest

from loinc_harmonize import Playbook, PlaybookError, Procedure, load_playbook
from loinc_harmonize.exceptions import (
    PlaybookConflictError,
    PlaybookFileNotFound,
    PlaybookFormatError,
)
from loinc_harmonize.models import PART_FIELDS
from loinc_harmonize.playbook import release_order

from .conftest import needs_shared

TABLE_HEADER = (
    '"LOINC_NUM","COMPONENT","PROPERTY","SYSTEM","METHOD_TYP","CLASS","STATUS",'
    '"LONG_COMMON_NAME","VersionLastChanged","EXTRA"\n'
)
TABLE_ROWS = [
    '"36643-5","Views 2","Find","Chest","XR","RAD","ACTIVE","XR Chest 2 Views","2.61","x"',
    '"24628-0","Multisection^W contrast IV","Find","Chest","CT","RAD","ACTIVE",'
    '"CT Chest W contrast IV","2.70","x"',
    '"26120-6","Views 2","Find","Lower extremity.right>Knee","XR","RAD","DEPRECATED",'
    '"XR Knee - right 2 Views","2.81","x"',
    '"99999-9","Something","Find","Heart","US","CARD.US","ACTIVE","US heart thing","2.50","x"',
]
PARTS_HEADER = (
    "LoincNumber,LongCommonName,PartNumber,PartTypeName,PartName,PartSequenceOrder,RID,"
    "PreferredName,RPID,LongName\n"
)
PARTS_ROWS = [
    "36643-5,XR Chest 2 Views,LP1,Rad.Modality.Modality Type,XR,A,,,,",
    "36643-5,XR Chest 2 Views,LP2,Rad.Anatomic Location.Region Imaged,Chest,A,,,,",
    "36643-5,XR Chest 2 Views,LP3,Rad.View.Aggregation,2 views,A,,,,",
    "24628-0,CT Chest W contrast IV,LP4,Rad.Modality.Modality type,CT,A,,,,",
    "24628-0,CT Chest W contrast IV,LP5,rad.timing,W,A,,,,",
    "24628-0,CT Chest W contrast IV,LP6,Rad.Anatomic Location.Region Imaged,Thorax,A,,,,",
]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path


@pytest.fixture
def table(tmp_path: Path) -> Path:
    return write(tmp_path / "Loinc.csv", TABLE_HEADER + "\n".join(TABLE_ROWS) + "\n")


@pytest.fixture
def parts_file(tmp_path: Path) -> Path:
    return write(
        tmp_path / "LoincRsnaRadiologyPlaybook.csv", PARTS_HEADER + "\n".join(PARTS_ROWS) + "\n"
    )


def test_bundled_core_loads(core: Playbook) -> None:
    assert len(core) >= 300
    assert core.version == "2.81"
    chest = core["36643-5"]
    assert isinstance(chest, Procedure)
    assert chest.long_common_name == "XR Chest 2 Views"
    assert chest.view_count == (2, 2)
    assert chest.body_system == "Chest"


def test_bundled_core_covers_common_procedures(core: Playbook) -> None:
    groups = {
        "portable chest": lambda p: (
            p.modality_subtype == "Portable" and p.region_imaged == ("Chest",)
        ),
        "chest CT PE": lambda p: p.reason_for_exam == "Pulmonary embolus",
        "chest CT screening": lambda p: (
            p.reason_for_exam == "Screening" and p.modality_type == "CT"
        ),
        "calcium scoring": lambda p: p.reason_for_exam == "Calcium score",
        "knee left XR": lambda p: p.imaging_focus == ("Knee",) and p.laterality == "Left",
        "mammography": lambda p: p.modality_type == "MG",
        "PET/CT": lambda p: p.modality_type == "PT+CT",
        "fluoroscopy": lambda p: p.modality_type == "RF",
        "cardiac MR": lambda p: p.modality_type == "MR" and "Heart" in p.imaging_focus,
    }
    for name, test in groups.items():
        assert any(test(p) for p in core), name
    for modality in ("XR", "CT", "MR", "US", "NM", "PT"):
        assert any(
            p.modality_type == modality and not p.region_imaged and not p.imaging_focus
            for p in core
        ), f"no Unspecified body region code for {modality}"


def test_lookup_contains_iteration(core: Playbook) -> None:
    assert "36643-5" in core
    assert " 36643-5\t" in core
    assert "0000-0" not in core
    with pytest.raises(KeyError, match="0000-0"):
        core["0000-0"]
    assert sum(1 for _ in core) == len(core)
    assert core.get("0000-0") is None


def test_filter(core: Playbook) -> None:
    ct_chest = core.filter(modality="CT", region="Chest")
    assert len(ct_chest) > 10
    assert all(
        "CT" in (p.modality_type or "").split("+") and "Chest" in p.region_imaged + p.imaging_focus
        for p in ct_chest
    )
    assert len(core.filter(status="DEPRECATED")) == 0


def test_fingerprint_is_content_hash(core: Playbook, table: Path) -> None:
    assert len(core.fingerprint) == 64
    assert load_playbook().fingerprint == core.fingerprint
    assert load_playbook(table).fingerprint != core.fingerprint


def test_release_order_reads_loinc_release_numbers() -> None:
    in_order = [
        "1.0j-a",
        "1.0l",
        "2.0",
        "2.03",
        "2.1",
        "2.4",
        "2.42",
        "2.69",
        "2.7",
        "2.71",
        "2.81",
    ]
    assert sorted(reversed(in_order), key=release_order) == in_order
    # A spreadsheet drops the trailing zero of 2.70; both spellings are one release.
    assert release_order("2.7") == release_order("2.70") == release_order(" 2.70 ")
    with pytest.raises(ValueError, match="latest"):
        release_order("latest")


RELEASED_TABLE = (
    '"LOINC_NUM","COMPONENT","SYSTEM","METHOD_TYP","CLASS","LONG_COMMON_NAME",'
    '"VersionFirstReleased"\n'
    '"29252-4","Multisection^WO contrast","Chest","CT","RAD","CT Chest WO contrast","2.03"\n'
    '"106845-1","Multisection^WO contrast IV","Chest","CT","RAD","CT Chest WO contrast IV",'
    '"2.81"\n'
    '"24628-0","Multisection^W contrast IV","Chest","CT","RAD","CT Chest W contrast IV","2.7"\n'
    '"24627-2","Multisection","Chest","CT","RAD","CT Chest",""\n'
)


MEASURED_TABLE = (
    '"LOINC_NUM","COMPONENT","SYSTEM","METHOD_TYP","CLASS","LONG_COMMON_NAME","SCALE_TYP"\n'
    '"80990-5","Fluoroscopy duration","^Patient","RF","RAD","Fluoroscopy duration","Qn"\n'
    '"49512-7","Views","XXX","RF","RAD","RF Unspecified body region Views","Doc"\n'
)


def test_a_measured_result_is_kept_and_marked(tmp_path: Path) -> None:
    # LOINC's RAD class holds results of studies (a dose, a T-score) beside the studies.
    playbook = load_playbook(write(tmp_path / "Loinc.csv", MEASURED_TABLE))
    assert playbook["80990-5"].is_measurement and playbook["80990-5"].scale == "Qn"
    assert not playbook["49512-7"].is_measurement
    # Only a measurement's scale changes how codes are matched, so only it is hashed.
    unmarked = Playbook((p.model_copy(update={"scale": None}) for p in playbook), source="test")
    assert unmarked.fingerprint != playbook.fingerprint
    doc_only = Playbook([playbook["49512-7"]], source="test")
    plain = Playbook([playbook["49512-7"].model_copy(update={"scale": None})], source="test")
    assert doc_only.fingerprint == plain.fingerprint


def test_filter_released_by_keeps_the_codes_loinc_had_then(tmp_path: Path) -> None:
    playbook = load_playbook(write(tmp_path / "Loinc.csv", RELEASED_TABLE))
    assert playbook["106845-1"].first_released == "2.81"
    assert playbook["24627-2"].first_released is None
    then = playbook.filter(released_by="2.73")
    # 2.7 is 2.70, before 2.73; a code whose release is unknown is kept.
    assert sorted(p.code for p in then) == ["24627-2", "24628-0", "29252-4"]
    assert then.source.endswith("(released by 2.73)")
    assert then.fingerprint != playbook.fingerprint
    assert len(playbook.filter(released_by="2.81")) == len(playbook)


def test_filter_released_by_needs_release_numbers(table: Path) -> None:
    with pytest.raises(PlaybookError, match="VersionFirstReleased"):
        load_playbook(table).filter(released_by="2.73")
    with pytest.raises(PlaybookError, match="not a LOINC release number"):
        load_playbook().filter(released_by="soon")


def test_release_number_is_not_part_of_the_fingerprint(core: Playbook) -> None:
    """When a code came into LOINC never changes how it is matched: saved models still load."""
    stripped = Playbook(
        (p.model_copy(update={"first_released": None}) for p in core), source="test"
    )
    assert stripped.fingerprint == core.fingerprint
    assert all(p.first_released for p in core)


def test_to_dataframe(core: Playbook) -> None:
    frame = core.to_dataframe()
    assert len(frame) == len(core)
    assert {"code", "long_common_name", *PART_FIELDS} <= set(frame.columns)


def test_loinc_table_radiology_only_by_default(table: Path) -> None:
    playbook = load_playbook(table)
    assert set(p.code for p in playbook) == {"36643-5", "24628-0", "26120-6"}
    assert playbook["26120-6"].status == "DEPRECATED"
    assert playbook["26120-6"].laterality == "Right"
    assert playbook["24628-0"].timing == "W"
    assert playbook.version == "2.81"


def test_loinc_table_other_classes_on_request(table: Path) -> None:
    playbook = load_playbook(table, classes=("RAD", "CARD.US"))
    assert "99999-9" in playbook


def test_bom_header_case_and_stray_tabs(tmp_path: Path) -> None:
    header = TABLE_HEADER.lower().replace('"loinc_num"', '" LOINC_num "')
    row = TABLE_ROWS[0].replace('"36643-5"', '"\t36643-5 "')
    path = write(tmp_path / "weird_name.txt", "\ufeff" + header + row + "\n")
    playbook = load_playbook(path)
    assert playbook["36643-5"].view_count == (2, 2)


def test_playbook_parts_file_alone(parts_file: Path) -> None:
    playbook = load_playbook(parts_file)
    assert playbook["24628-0"].timing == "W"
    assert playbook["24628-0"].modality_type == "CT"
    assert playbook["36643-5"].view_aggregation == "2 views"


@pytest.mark.parametrize(
    "layout",
    [
        ("AccessoryFiles/LoincRsnaRadiologyPlaybook", "LoincTable"),
        ("", ""),
    ],
)
def test_release_folder(tmp_path: Path, layout: tuple[str, str]) -> None:
    write(tmp_path / layout[1] / "Loinc.csv", TABLE_HEADER + "\n".join(TABLE_ROWS) + "\n")
    write(
        tmp_path / layout[0] / "LoincRsnaRadiologyPlaybook.csv",
        PARTS_HEADER + "\n".join(PARTS_ROWS) + "\n",
    )
    playbook = load_playbook(tmp_path)
    assert playbook["24628-0"].timing == "W"
    # The table-only code is kept, with its formal-name parts.
    assert playbook["26120-6"].imaging_focus == ("Knee",)
    # Playbook part wins and the disagreement is recorded, not dropped.
    assert playbook["24628-0"].region_imaged == ("Thorax",)
    assert any("24628-0 region_imaged" in d for d in playbook.disagreements)


def test_release_keeps_the_region_imaged_whole_beside_a_focus(tmp_path: Path) -> None:
    """The Playbook file names the ribs as the focus of "XR Ribs - right and Chest Views";
    the formal name's "& Chest" keeps the chest, or the code would read as ribs alone."""
    write(
        tmp_path / "Loinc.csv",
        TABLE_HEADER + '"103356-2","Views","Find","Chest>Ribs.right & Chest","XR","RAD","ACTIVE",'
        '"XR Ribs - right and Chest Views","2.75","x"\n',
    )
    name = "XR Ribs - right and Chest Views"
    write(
        tmp_path / "LoincRsnaRadiologyPlaybook.csv",
        PARTS_HEADER
        + f"103356-2,{name},LP1,Rad.Anatomic Location.Imaging Focus,Ribs,A,,,,\n"
        + f"103356-2,{name},LP2,Rad.Anatomic Location.Region Imaged,Chest,A,,,,\n",
    )
    procedure = load_playbook(tmp_path)["103356-2"]
    assert procedure.imaging_focus == ("Ribs", "Chest")
    assert procedure.laterality == "Right"


def test_release_zip_with_table_core(tmp_path: Path) -> None:
    archive = tmp_path / "Loinc_2.81.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("LoincTableCore/LoincTableCore.csv", TABLE_HEADER + "\n".join(TABLE_ROWS))
        zf.writestr("README.txt", "hello")
    playbook = load_playbook(archive)
    assert len(playbook) == 3


def test_core_format_round_trip(core: Playbook, tmp_path: Path) -> None:
    frame = core.to_dataframe()
    path = tmp_path / "mine.tsv"
    frame.to_csv(path, sep="\t", index=False)
    again = load_playbook(path)
    assert again.fingerprint == core.fingerprint


SYNONYM_TABLE = (
    '"LOINC_NUM","COMPONENT","SYSTEM","METHOD_TYP","CLASS","LONG_COMMON_NAME","SHORTNAME",'
    '"DisplayName"\n'
    '"36643-5","Views 2","Chest","XR","RAD","XR Chest 2 Views","XR Chest 2V","XR Chest 2 views"\n'
    '"24628-0","Multisection^W contrast IV","Chest","CT","RAD","CT Chest W contrast IV",'
    '"","CT Chest with IV contrast"\n'
)


def test_loinc_table_synonyms(tmp_path: Path) -> None:
    playbook = load_playbook(write(tmp_path / "Loinc.csv", SYNONYM_TABLE))
    # SHORTNAME, then DisplayName; blanks and copies of the long common name are left out.
    assert playbook["36643-5"].synonyms == ("XR Chest 2V",)
    assert playbook["24628-0"].synonyms == ("CT Chest with IV contrast",)
    # They are part of the content: the fingerprint and the core format keep them.
    plain = load_playbook(write(tmp_path / "plain.csv", TABLE_HEADER + "\n".join(TABLE_ROWS[:2])))
    assert playbook.fingerprint != plain.fingerprint
    path = tmp_path / "mine.tsv"
    playbook.to_dataframe().to_csv(path, sep="\t", index=False)
    again = load_playbook(path)
    assert again["36643-5"].synonyms == ("XR Chest 2V",)
    assert again.fingerprint == playbook.fingerprint


# -- bad input ---------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlaybookFileNotFound, match="nope.csv"):
        load_playbook(tmp_path / "nope.csv")


def test_directory_without_files(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(PlaybookFileNotFound, match="LoincRsnaRadiologyPlaybook"):
        load_playbook(tmp_path / "empty")


def test_zip_without_expected_files(tmp_path: Path) -> None:
    archive = tmp_path / "x.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("other.csv", "a,b\n1,2\n")
    with pytest.raises(PlaybookFileNotFound, match="x.zip"):
        load_playbook(archive)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "Loinc.csv"
    path.write_bytes(b"\x89PNG\x00\x00\x01garbage")
    with pytest.raises(PlaybookFormatError, match="binary"):
        load_playbook(path)


def test_wrong_delimiter(tmp_path: Path) -> None:
    text = TABLE_HEADER.replace(",", ";") + TABLE_ROWS[0].replace(",", ";")
    with pytest.raises(PlaybookFormatError, match="delimiter"):
        load_playbook(write(tmp_path / "Loinc.csv", text))


def test_missing_required_column(tmp_path: Path) -> None:
    text = TABLE_HEADER.replace('"METHOD_TYP"', '"METHOD"') + TABLE_ROWS[0]
    with pytest.raises(PlaybookFormatError, match="row 1.*METHOD_TYP"):
        load_playbook(write(tmp_path / "Loinc.csv", text))


def test_unrecognized_header(tmp_path: Path) -> None:
    with pytest.raises(PlaybookFormatError, match="unrecognized header"):
        load_playbook(write(tmp_path / "x.csv", "a,b,c\n1,2,3\n"))


def test_same_code_two_names(tmp_path: Path) -> None:
    clash = TABLE_ROWS[0].replace("XR Chest 2 Views", "XR Chest two views")
    text = TABLE_HEADER + TABLE_ROWS[0] + "\n" + clash + "\n"
    with pytest.raises(PlaybookConflictError, match=r"row 3.*36643-5"):
        load_playbook(write(tmp_path / "Loinc.csv", text))


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "Loinc.csv"
    path.write_bytes((TABLE_HEADER + TABLE_ROWS[0].replace("Chest", "Ch\xe9st")).encode("latin-1"))
    with pytest.raises(PlaybookFormatError, match="row 2.*UTF-8"):
        load_playbook(path)


def test_all_errors_share_one_base(tmp_path: Path) -> None:
    for bad in (tmp_path / "missing.csv", write(tmp_path / "x.csv", "a\n1\n")):
        with pytest.raises(PlaybookError):
            load_playbook(bad)


# -- against the reference data in ../shared ------------------------------------------------


@needs_shared
def test_reference_loads_all_rad_codes(reference: Playbook, shared: Path) -> None:
    frame = pd.read_csv(shared / "data/loinc/loinc_rad_card.csv", dtype=str)
    assert len(reference) == int((frame["CLASS"] == "RAD").sum()) == 7403


# Where MIDRC's own filtering table is wrong, the expectation says so.
MIDRC_FILE_ERRORS = {
    ("30592-0", "region"): "cervical spine is in the Neck; MIDRC files it under Chest",
    ("86981-8", "timing"): "LOINC's 'CTA Chest vessels' names no contrast; MIDRC assumes W",
}


@needs_shared
def test_parts_agree_with_midrc_filtering_attributes(reference: Playbook, shared: Path) -> None:
    attrs = pd.read_csv(
        shared / "data/midrc/filtering_attributes_2022-11.csv",
        dtype=str,
        keep_default_na=False,
        encoding="utf-8-sig",
    )
    checked = 0
    for row in attrs.to_dict("records"):
        procedure = reference[row["LOINC code"]]
        timing = row["Rad.Timing"].strip()
        method = row["L-Method"].split("&&")[0].split(".")[0].strip()
        region = row["L-System"].strip().split("&&")[0].split(">")[0].split("+")[0].strip()
        code = procedure.code
        if timing and (code, "timing") not in MIDRC_FILE_ERRORS:
            assert procedure.timing == timing, code
        assert procedure.modality_type == method, code
        if region != "XXX" and (code, "region") not in MIDRC_FILE_ERRORS:
            assert region in procedure.region_imaged, code
        checked += 1
    assert checked == len(attrs) > 80


@needs_shared
def test_bundled_core_matches_reference(core: Playbook, reference: Playbook) -> None:
    for procedure in core:
        assert procedure.code in reference, procedure.code
        truth = reference[procedure.code]
        assert procedure.long_common_name == truth.long_common_name
        assert procedure.status == truth.status
        compared = ("view_count", "body_system", "formal_name", "first_released", "scale")
        for field in (*PART_FIELDS, *compared):
            assert getattr(procedure, field) == getattr(truth, field), (procedure.code, field)


@needs_shared
def test_bundled_core_has_the_unsided_code_of_each_sided_one(
    core: Playbook, reference: Playbook
) -> None:
    """Many sites do not write the side: for "XR KNEE 2 VIEWS" the most specific code the
    description supports is the one without laterality, so the core keeps it wherever LOINC
    has it."""

    def unsided(p: Procedure) -> tuple[object, ...]:
        return tuple(getattr(p, f) for f in (*PART_FIELDS, "view_count") if f != "laterality")

    in_core = {unsided(p) for p in core if p.laterality is None}
    in_reference = {unsided(p) for p in reference if p.laterality is None and p.status == "ACTIVE"}
    sided = [p for p in core if p.laterality in ("Left", "Right")]
    assert len(sided) > 100
    missing = [p.code for p in sided if unsided(p) in in_reference and unsided(p) not in in_core]
    assert not missing
