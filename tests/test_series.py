"""Series descriptions: series-level facts and study-level aggregation."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loinc_harmonize import Harmonizer, aggregate_series, parse_series
from loinc_harmonize.batch import map_csv_streaming, map_dataframe
from loinc_harmonize.cli import main
from loinc_harmonize.exceptions import InputError

SERIES_CASES = [
    ("PA CHEST", {"view_position": ("PA",)}),
    ("LAT", {"view_position": ("Lateral",)}),
    ("Chest Lateral", {"view_position": ("Lateral",)}),
    ("AP PORTABLE", {"view_position": ("AP",)}),
    ("L DECUB", {"view_position": ("Decubitus",)}),
    ("RAO", {"view_position": ("Oblique",)}),
    ("AX T1 POST GAD", {"plane": "Axial", "sequence": ("T1",), "contrast_phase": "post"}),
    ("Sag T2 FLAIR", {"plane": "Sagittal", "sequence": ("FLAIR",)}),
    ("COR STIR", {"plane": "Coronal", "sequence": ("STIR",)}),
    ("AX DWI b1000", {"plane": "Axial", "sequence": ("DWI",)}),
    ("ADC map", {"sequence": ("ADC",)}),
    ("AX SWI", {"plane": "Axial", "sequence": ("SWI",)}),
    ("AX GRE", {"plane": "Axial", "sequence": ("GRE",)}),
    ("Pre contrast AX T1", {"plane": "Axial", "sequence": ("T1",), "contrast_phase": "pre"}),
    ("T1 FS +C", {"sequence": ("T1",), "contrast_phase": "post"}),
    ("Abdomen 5.0 B30f PV", {"contrast_phase": "venous", "kernel": "B30f"}),
    ("ARTERIAL PHASE 1.25mm", {"contrast_phase": "arterial", "slice_thickness_mm": 1.25}),
    ("DELAYED 5 min", {"contrast_phase": "delayed"}),
    ("NON CON HEAD 5mm", {"contrast_phase": "pre", "slice_thickness_mm": 5.0}),
    ("Lung 1.25mm", {"slice_thickness_mm": 1.25, "kernel": "LUNG"}),
    ("COR MPR 3mm Bone", {"plane": "Coronal", "slice_thickness_mm": 3.0, "kernel": "BONE"}),
    ("Topogram 0.6 T20f", {"scout": True, "kernel": "T20f"}),
    ("SCOUT", {"scout": True}),
    ("3-plane loc", {"localizer": True}),
    ("Localizer", {"localizer": True}),
    ("Dose Report", {"dose_report": True}),
    ("Patient Protocol", {"dose_report": True}),
    ("Screen Save", {"secondary_capture": True}),
    ("Key Images", {"secondary_capture": True}),
    ("", {}),
]
FACT_FIELDS = (
    "view_position",
    "plane",
    "sequence",
    "contrast_phase",
    "localizer",
    "scout",
    "dose_report",
    "secondary_capture",
    "slice_thickness_mm",
    "kernel",
)


@pytest.mark.parametrize(("text", "expected"), SERIES_CASES)
def test_parse_series_table(text: str, expected: dict) -> None:
    facts = parse_series(text)
    for field in FACT_FIELDS:
        empty = {"view_position": (), "sequence": ()}.get(
            field,
            False if field in ("localizer", "scout", "dose_report", "secondary_capture") else None,
        )
        assert getattr(facts, field) == expected.get(field, empty), field
    for evidence in facts.evidence:
        assert text[evidence.span[0] : evidence.span[1]] == evidence.text


AGGREGATES = [
    (
        ["PA CHEST", "LAT CHEST", "Dose Report"],
        {"view_type": ("PA", "Lateral"), "view_count": (2, 2)},
    ),
    (["AP"], {"view_type": ("AP",), "view_count": (1, 1)}),
    (["AX T1 PRE", "AX T1 POST GAD", "localizer"], {"timing": "WO & W"}),
    (["Topogram", "ARTERIAL", "PV"], {"timing": "W"}),
    (["NON CON HEAD 5mm", "Scout"], {"timing": "WO"}),
    (["Screen Save", "Dose Report", "Localizer"], {}),
]


@pytest.mark.parametrize(("series", "expected"), AGGREGATES)
def test_aggregate_series(series: list[str], expected: dict) -> None:
    parts = aggregate_series(series)
    for field in ("view_type", "view_count", "timing"):
        assert getattr(parts, field) == expected.get(field, () if field == "view_type" else None)


def test_ignored_series_are_flagged() -> None:
    assert any("Dose Report" in f for f in aggregate_series(["PA", "Dose Report"]).flags)


def test_series_fill_what_the_study_description_leaves_open() -> None:
    harmonizer = Harmonizer().fit()
    plain = harmonizer.map("XR CHEST", "DX")
    with_series = harmonizer.map("XR CHEST", "DX", series_descriptions=["PA", "LAT"])
    assert with_series.parsed is not None and with_series.parsed.view_type == ("PA", "Lateral")
    assert with_series.long_common_name == "XR Chest PA and Lateral"
    assert plain.parsed is not None and plain.parsed.view_type == ()
    # The description's own words win over its series.
    said = harmonizer.map("CT CHEST WO", "CT", series_descriptions=["POST CONTRAST"])
    assert said.parsed is not None and said.parsed.timing == "WO"


def test_map_dataframe_reads_a_study_series_together() -> None:
    frame = pd.DataFrame(
        {
            "study": ["s1", "s1", "s2"],
            "Modality": ["DX", "DX", "DX"],
            "StudyDescription": ["XR CHEST", "XR CHEST", "XR CHEST"],
            "SeriesDescription": ["PA", "LAT", "AP"],
        }
    )
    out = map_dataframe(
        frame,
        Harmonizer().fit(),
        series_description_column="SeriesDescription",
        study_column="study",
    )
    codes = list(out["loinc_code"])
    assert codes[0] == codes[1] == "42272-5"
    assert out.loc[2, "loinc_code"] != "42272-5"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80) | st.none() | st.integers())
def test_parse_series_never_raises(value: object) -> None:
    facts = parse_series(value)
    for evidence in facts.evidence:
        assert 0 <= evidence.span[0] <= evidence.span[1] <= len(facts.original)


# Series named the way scanners name them: plane, sequence and phase words in any of the
# spellings vendors use, each combination checked part by part (4 x 8 x 5 = 160 series).
PLANES = {"AX": "Axial", "Cor": "Coronal", "SAG": "Sagittal", "axial": "Axial"}
SEQUENCES = {
    "T1": "T1",
    "T2": "T2",
    "FLAIR": "FLAIR",
    "DWI": "DWI",
    "ADC": "ADC",
    "SWI": "SWI",
    "GRE": "GRE",
    "STIR": "STIR",
}
PHASES = {"": None, "PRE": "pre", "POST": "post", "+C": "post", "delayed": "delayed"}
COMBINATIONS = [
    (f"{plane} {sequence} {phase}".strip(), expected)
    for plane, p in PLANES.items()
    for sequence, s in SEQUENCES.items()
    for phase, ph in PHASES.items()
    for expected in [{"plane": p, "sequence": (s,), "contrast_phase": ph}]
]


@pytest.mark.parametrize(("text", "expected"), COMBINATIONS)
def test_parse_series_combinations(text: str, expected: dict) -> None:
    facts = parse_series(text, "MR")
    assert facts.plane == expected["plane"]
    assert facts.sequence == expected["sequence"]
    assert facts.contrast_phase == expected["contrast_phase"]
    assert not facts.ignorable


def _series_export(path: Path) -> pd.DataFrame:
    """One row per series; a study's series rows are far apart, as in a large export."""
    frame = pd.DataFrame(
        {
            "study": ["s1", "s2", "s3", "s2", "s3", "s1", "s4"],
            "Modality": ["DX", "DX", "CT", "DX", "CT", "DX", "DX"],
            "StudyDescription": ["XR CHEST"] * 2
            + ["CT CHEST"]
            + ["XR CHEST"]
            + ["CT CHEST"]
            + ["XR CHEST"] * 2,
            "SeriesDescription": ["PA", "AP", "NON CONTRAST", "", "POST CONTRAST", "LAT", "PA"],
        }
    )
    frame.to_csv(path, index=False)
    return frame


def test_streaming_reads_a_study_whole_across_chunks(tmp_path: Path) -> None:
    source = tmp_path / "series.csv"
    frame = _series_export(source)
    harmonizer = Harmonizer().fit()
    series, study = "SeriesDescription", "study"
    expected = map_dataframe(
        frame.astype(str), harmonizer, series_description_column=series, study_column=study
    )
    out = tmp_path / "mapped.csv"
    map_csv_streaming(
        source, out, harmonizer, chunk_rows=2, series_description_column=series, study_column=study
    )
    codes = list(pd.read_csv(out, dtype=str, keep_default_na=False)["loinc_code"])
    assert codes == list(expected["loinc_code"])
    # Study s1 (PA here, LAT four rows later) is a two-view chest in both of its rows.
    assert codes[0] == codes[5] == "42272-5"
    assert codes[2] == codes[4]  # study s3: its unenhanced and enhanced series together


def test_cli_reads_studies_whole_from_standard_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "series.csv"
    _series_export(source)
    from_file, from_stdin = tmp_path / "a.csv", tmp_path / "b.csv"
    flags = ["--series-column", "SeriesDescription", "--study-column", "study", "--chunk-rows", "2"]
    assert main(["map", str(source), "-o", str(from_file), *flags]) == 0
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(source.read_bytes())))
    assert main(["map", "-", "-o", str(from_stdin), *flags]) == 0
    assert from_file.read_bytes() == from_stdin.read_bytes()


def test_streaming_names_a_missing_study_column(tmp_path: Path) -> None:
    source = tmp_path / "series.csv"
    _series_export(source)
    with pytest.raises(InputError, match="'visit'"):
        map_csv_streaming(
            source,
            tmp_path / "out.csv",
            Harmonizer().fit(),
            series_description_column="SeriesDescription",
            study_column="visit",
        )
