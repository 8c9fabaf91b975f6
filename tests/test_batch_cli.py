"""Batch mapping of DataFrames and files, and the map / explain / evaluate commands."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from loinc_harmonize import Harmonizer, Playbook
from loinc_harmonize.batch import OUTPUT_COLUMNS, map_dataframe
from loinc_harmonize.cli import main
from loinc_harmonize.evaluate import Columns, ece, error_category, labelled
from loinc_harmonize.exceptions import InputError
from loinc_harmonize.vocab import data_dir

EXAMPLE = data_dir() / "example_studies.csv"


@pytest.fixture(scope="module")
def harmonizer() -> Harmonizer:
    return Harmonizer().fit()


def test_map_dataframe_keeps_rows_columns_order(harmonizer: Harmonizer) -> None:
    df = pd.DataFrame(
        {
            "id": [3, 1, 2, 4],
            "Modality": ["CT", "CR", "CT", None],
            "StudyDescription": ["CT CHEST WO", "XR CHEST 2 VIEWS", "CT CHEST WO", None],
        },
        index=[10, 5, 7, 1],
    )
    before = df.copy()
    out = map_dataframe(df, harmonizer)
    pd.testing.assert_frame_equal(df, before)
    assert list(out.index) == [10, 5, 7, 1]
    assert list(out["id"]) == [3, 1, 2, 4]
    assert list(out.columns) == [*df.columns, *OUTPUT_COLUMNS]
    assert str(out.at[10, "loinc_code"]) == str(out.at[7, "loinc_code"])
    assert out.loc[1, "status"] == "unmapped" and out.loc[1, "mapping_reason"]
    candidates = json.loads(str(out.at[10, "candidates"]))
    assert set(candidates[0]) == {"code", "name", "score"}


def test_map_dataframe_maps_each_pair_once(harmonizer: Harmonizer) -> None:
    results: dict = {}
    df = pd.DataFrame({"Modality": ["CT"] * 5, "StudyDescription": ["CT CHEST WO"] * 5})
    map_dataframe(df, harmonizer, results=results)
    assert len(results) == 1


def test_missing_column_names_columns(harmonizer: Harmonizer) -> None:
    with pytest.raises(InputError, match="StudyDescription.*found"):
        map_dataframe(pd.DataFrame({"x": [1]}), harmonizer)


def test_body_part_column_gives_the_region_of_blank_descriptions(
    harmonizer: Harmonizer, tmp_path: Path
) -> None:
    frame = pd.DataFrame(
        {
            "Modality": ["CT", "CT", "CT", "MR"],
            "StudyDescription": ["(blank)", "(blank)", "CT HEAD", "<NONE>"],
            "BodyPartExamined": ["CHEST", "ABDOMEN", "CHEST", None],
        }
    )
    mapped = map_dataframe(frame, harmonizer, body_part_column="BodyPartExamined")
    assert list(mapped["loinc_long_common_name"]) == [
        "CT Chest",
        "CT Abdomen",
        "CT Head",
        "MR Unspecified body region",
    ]
    with pytest.raises(InputError, match="'BodyPart'"):
        map_dataframe(frame, harmonizer, body_part_column="BodyPart")
    # The command reads the same column, streaming.
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    frame.to_csv(source, index=False)
    assert main(["map", str(source), "-o", str(out), "--body-part-column", "BodyPartExamined"]) == 0
    streamed = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(streamed["loinc_long_common_name"]) == list(mapped["loinc_long_common_name"])


def test_cli_explain_reads_a_body_part(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "(blank)", "--modality", "CT", "--body-part", "CHEST"]) == 0
    assert "CT Chest" in capsys.readouterr().out


def test_cli_map_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "mapped.csv"
    audit = tmp_path / "audit.jsonl"
    assert main(["map", str(EXAMPLE), "-o", str(out), "--audit", str(audit)]) == 0
    mapped = pd.read_csv(out, dtype=str, keep_default_na=False)
    original = pd.read_csv(EXAMPLE, dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(mapped[original.columns], original)
    assert "share of study volume" in capsys.readouterr().err
    assert len(audit.read_text().splitlines()) == len(original)


def test_cli_streaming_equals_in_memory(tmp_path: Path) -> None:
    small, big = tmp_path / "a.csv", tmp_path / "b.csv"
    assert main(["map", str(EXAMPLE), "-o", str(small), "--chunk-rows", "3"]) == 0
    assert main(["map", str(EXAMPLE), "-o", str(big)]) == 0
    assert small.read_bytes() == big.read_bytes()


def test_cli_default_output_never_overwrites(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(EXAMPLE.read_bytes())
    assert main(["map", str(source)]) == 0
    assert (tmp_path / "in_mapped.csv").is_file()
    assert source.read_bytes() == EXAMPLE.read_bytes()
    assert main(["map", str(source), "-o", str(source)]) == 2


def test_cli_map_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["map", str(tmp_path / "missing.csv")]) == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    assert main(["map", str(bad), "-o", str(tmp_path / "o.csv")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "StudyDescription" in err
    assert not (tmp_path / "o.csv").exists()


def test_cli_explain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "CT ABD/PEL W/O", "--modality", "CT"]) == 0
    out = capsys.readouterr().out
    assert "36952-0" in out and "timing" in out


def test_cli_explain_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "CT CHEST WO", "--modality", "CT", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["loinc_code"]


def test_cli_evaluate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labels = tmp_path / "labels.csv"
    pd.DataFrame(
        {
            "Modality": ["CT", "CT", "CR"] * 4,
            "StudyDescription": [f"CT CHEST WO {i}" for i in range(4)]
            + [f"CT HEAD WO {i}" for i in range(4)]
            + [f"XR CHEST 2V {i}" for i in range(4)],
            "LOINC code": ["29252-4"] * 4 + ["30799-1"] * 4 + ["36643-5"] * 4,
        }
    ).to_csv(labels, index=False)
    assert main(["evaluate", "--labels", str(labels), "--modes", "exact,zero_shot,cv"]) == 0
    out = capsys.readouterr().out
    assert "zero_shot" in out and "top1" in out


def test_error_category_names_a_code_released_after_the_labels(core: Playbook) -> None:
    frame = labelled(
        pd.DataFrame(
            {
                "Modality": ["CT"],
                "StudyDescription": ["CT CHEST WO IV CONTRAST"],
                "LOINC code": ["29252-4"],
            }
        ),
        Columns(),
    )
    result = Harmonizer(core).fit().map("CT CHEST WO IV CONTRAST", "CT")
    assert result.loinc_code == "106845-1"  # CT Chest WO contrast IV, new in LOINC 2.81
    late = error_category(result, "29252-4", core, frame, labels_released_by="2.73")
    assert late == "predicted code released after the labels were made"
    assert error_category(result, "29252-4", core, frame, labels_released_by="2.81") != late
    assert error_category(result, "29252-4", core, frame) != late


def test_error_category_tells_a_label_convention_from_a_parser_gap(core: Playbook) -> None:
    def category(description: str, code: str) -> str:
        frame = labelled(
            pd.DataFrame(
                {"Modality": ["CT"], "StudyDescription": [description], "LOINC code": [code]}
            ),
            Columns(),
        )
        result = Harmonizer(core).fit().map(description, "CT")
        assert result.loinc_code != code
        return error_category(result, code, core, frame)

    # Every word read, no contrast said: a WO label is the curators' convention.
    assert category("CT HEAD", "30799-1") == (
        "label adds a part the description does not state (timing)"
    )
    # A word left unread may have said it.
    assert category("CT HEAD ZZQX", "30799-1") == "parser gap (timing not read)"


def test_cli_evaluate_released_by(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labels = tmp_path / "labels.csv"
    labels.write_text(
        "Modality,StudyDescription,LOINC code\nCT,CT CHEST WO IV CONTRAST,29252-4\n",
        encoding="utf-8",
    )
    args = ["evaluate", "--labels", str(labels), "--modes", "zero_shot"]
    assert main(args) == 0
    assert "top1 0.000" in capsys.readouterr().out
    assert main([*args, "--released-by", "2.73"]) == 0
    assert "top1 1.000" in capsys.readouterr().out


def test_cli_reports_skipped_curated_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    curated = tmp_path / "curated.csv"
    curated.write_text(
        "Modality,StudyDescription,LOINC code\nCT,CHEST,not-a-code\nCT,HEAD,30799-1\n",
        encoding="utf-8",
    )
    assert main(["explain", "HEAD", "--modality", "CT", "--train", str(curated)]) == 0
    captured = capsys.readouterr()
    assert "curated.csv, row 2" in captured.err and "not-a-code" in captured.err
    assert "30799-1" in captured.out


def test_expected_calibration_error() -> None:
    confidence = np.array([0.9, 0.9, 0.1, 0.1])
    correct = np.array([1.0, 0.0, 0.0, 0.0])
    # Bin 0.9: 50% right at confidence 0.9 (gap 0.4); bin 0.1: 0% right (gap 0.1).
    assert ece(confidence, correct) == pytest.approx(0.5 * 0.4 + 0.5 * 0.1)
    # Weights (study frequencies) move both the bins' shares and their accuracy.
    weights = np.array([3.0, 1.0, 0.0, 0.0])
    assert ece(confidence, correct, weights=weights) == pytest.approx(abs(0.9 - 0.75))
    assert np.isnan(ece(np.array([]), np.array([])))
