"""Reliability: hostile rows, bad files, atomic writes under signals, no pickle, fuzzing."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loinc_harmonize import Harmonizer, load_playbook, normalize, parse
from loinc_harmonize.batch import map_dataframe
from loinc_harmonize.cli import main
from loinc_harmonize.curated import read_curated
from loinc_harmonize.exceptions import InputError, ModelFileError, PlaybookError
from loinc_harmonize.rules import default_lexicon
from loinc_harmonize.tables import read_table

from .hostile import HOSTILE_VALUES, NOTHING_RECOGNIZED, UNUSABLE


@pytest.fixture(scope="module")
def harmonizer() -> Harmonizer:
    return Harmonizer().fit()


def _hostile_frame() -> pd.DataFrame:
    names = [name for name, _ in HOSTILE_VALUES]
    values = [value for _, value in HOSTILE_VALUES]
    modalities = ["CT", None, "CR, DX", "", "OT", "[blank]", "CT,PT", "😀"] * 3
    return pd.DataFrame(
        {"case": names, "Modality": modalities[: len(names)], "StudyDescription": values}
    )


def test_hostile_rows_map_in_order(harmonizer: Harmonizer) -> None:
    frame = _hostile_frame()
    out = map_dataframe(frame, harmonizer)
    assert list(out["case"]) == list(frame["case"])
    assert len(out) == len(frame)
    for _, row in out.iterrows():
        assert row["status"] in ("auto", "review", "unmapped")
        assert row["mapping_reason"]
        if row["case"] in UNUSABLE and row["Modality"] in ("", None, "OT", "😀"):
            assert row["status"] == "unmapped", row["case"]
        if row["case"] in NOTHING_RECOGNIZED:
            assert row["status"] == "unmapped" and "recognized" in row["mapping_reason"]


def test_hostile_body_parts_never_raise(harmonizer: Harmonizer) -> None:
    # Every hostile value as BodyPartExamined, beside a placeholder, a description and words
    # no rule reads: a result with a reason each time, and the description's region first.
    for name, value in HOSTILE_VALUES:
        for description in ("(blank)", "CT HEAD", "XYZZY"):
            result = harmonizer.map(description, "CT", body_part_examined=value)
            assert result.status in ("auto", "review", "unmapped"), name
            assert result.reason, name
            if description == "CT HEAD":
                assert result.long_common_name == "CT Head", name


def test_hostile_rows_through_the_cli(tmp_path: Path) -> None:
    source = tmp_path / "hostile.csv"
    frame = _hostile_frame()
    frame.to_csv(source, index=False)
    out = tmp_path / "out.csv"
    assert main(["map", str(source), "-o", str(out)]) == 0
    mapped = pd.read_csv(out, dtype=str, keep_default_na=False)
    original = pd.read_csv(source, dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(mapped[original.columns], original)


def test_excel_safe_output(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    pd.DataFrame({"Modality": ["CT"], "StudyDescription": ["=1+1"]}).to_csv(source, index=False)
    plain, safe = tmp_path / "plain.csv", tmp_path / "safe.csv"
    assert main(["map", str(source), "-o", str(plain)]) == 0
    assert main(["map", str(source), "-o", str(safe), "--excel-safe"]) == 0
    read = {
        name: pd.read_csv(f, dtype=str, keep_default_na=False)
        for name, f in (("plain", plain), ("safe", safe))
    }
    assert read["plain"].loc[0, "StudyDescription"] == "=1+1"  # unchanged for machine joins
    assert read["safe"].loc[0, "StudyDescription"] == "'=1+1"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


BAD_FILES = {
    "missing column": (b"Mod,Desc\nCT,CHEST\n", "StudyDescription"),
    "empty file": (b"", "empty"),
    "header only": None,  # valid: an empty result
    "wrong delimiter": (b"Modality;StudyDescription\nCT;CHEST\n", "StudyDescription"),
    "latin-1": ("Modality,StudyDescription\nCT,T\xcaTE\n".encode("latin-1"), "row 2"),
    "ragged first row": (b"Modality,StudyDescription\nCT,CHEST,EXTRA,MORE\n", "more fields"),
    "ragged later row": (b"Modality,StudyDescription\nCT,A\nCT,B,EXTRA\n", "line 3"),
    "duplicate columns": (b"Modality,StudyDescription,Modality\nCT,A,B\n", "duplicate column"),
    "binary": (b"\x89PNG\x00\x00\x00", "binary"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_files_one_line_no_output(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = BAD_FILES[case]
    out = tmp_path / "out.csv"
    if spec is None:
        source = _write(tmp_path / "in.csv", b"Modality,StudyDescription\n")
        assert main(["map", str(source), "-o", str(out)]) == 0
        assert pd.read_csv(out).empty
        return
    data, message = spec
    source = _write(tmp_path / "in.csv", data)
    assert main(["map", str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and message in err
    assert "in.csv" in err
    assert not out.exists() and not list(tmp_path.glob(".out.csv*"))


def test_cp1252_with_encoding_option(tmp_path: Path) -> None:
    source = _write(tmp_path / "in.csv", "Modality,StudyDescription\nCT,TÊTE\n".encode("cp1252"))
    out = tmp_path / "out.csv"
    assert main(["map", str(source), "-o", str(out), "--encoding", "cp1252"]) == 0
    assert "TÊTE" in out.read_text(encoding="utf-8")


def test_bom_is_decoded(tmp_path: Path) -> None:
    source = _write(tmp_path / "in.csv", "\ufeffModality,StudyDescription\nCT,CHEST\n".encode())
    frame = read_table(source)
    assert isinstance(frame, pd.DataFrame) and list(frame.columns)[0] == "Modality"


def _can_create_in(folder: Path) -> bool:
    import tempfile

    try:
        fd, name = tempfile.mkstemp(dir=folder)
    except OSError:
        return False
    os.close(fd)
    os.unlink(name)
    return True


@pytest.mark.parametrize("target", ["missing_folder/out.csv", "readonly/out.csv"])
def test_unwritable_output(target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readonly = tmp_path / "readonly"
    readonly.mkdir()
    readonly.chmod(0o500)
    output = tmp_path / target
    if "readonly" in target and os.access(readonly, os.W_OK):
        # root ignores folder permissions; /sys refuses new files even to root.
        if _can_create_in(Path("/sys")):
            pytest.skip("no read-only folder available to this user")
        output = Path("/sys/out.csv")
    source = _write(tmp_path / "in.csv", b"Modality,StudyDescription\nCT,CHEST\n")
    assert main(["map", str(source), "-o", str(output)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "out.csv" in err and err.count("\n") == 1
    assert not output.exists()


def test_unreadable_playbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path / "in.csv", b"Modality,StudyDescription\nCT,CHEST\n")
    bad = _write(tmp_path / "pb.csv", b"\x00\x01")
    assert main(["map", str(source), "--playbook", str(bad), "-o", str(tmp_path / "o.csv")]) == 2
    assert "binary" in capsys.readouterr().err
    assert not (tmp_path / "o.csv").exists()


def test_stdin_to_stdout() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "loinc_harmonize.cli", "map", "-", "-o", "-"],
        input="Modality,StudyDescription\nCT,CT CHEST WO\n",
        capture_output=True,
        text=True,
        check=True,
    )
    assert "29252-4" in run.stdout or "loinc_code" in run.stdout


# -- durable writes under signals -------------------------------------------------------------


def _big_input(path: Path, rows: int = 60_000) -> None:
    lines = ["Modality,StudyDescription"]
    lines += [f"CT,CT CHEST WO CONTRAST VARIANT {i % 20_000}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_interrupted_run_leaves_previous_output(sig: int, tmp_path: Path) -> None:
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    _big_input(source)
    out.write_text("previous output\n", encoding="utf-8")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "loinc_harmonize.cli",
            "map",
            str(source),
            "-o",
            str(out),
            "--chunk-rows",
            "2000",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".out.csv.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob(".out.csv.*.tmp")), "the run never started writing"
    time.sleep(0.3)
    process.send_signal(sig)
    process.wait(timeout=60)
    assert out.read_text(encoding="utf-8") == "previous output\n"
    if sig != signal.SIGKILL:  # a clean unwind also removes its temporary file
        assert not list(tmp_path.glob(".out.csv.*.tmp"))


# -- saved models: JSON, versioned, fingerprinted, tamper-evident ----------------------------

CURATED = pd.DataFrame(
    {"Modality": ["CT"], "StudyDescription": ["MY CHEST"], "LOINC code": ["24628-0"]}
)


def test_model_round_trip(tmp_path: Path) -> None:
    fitted = Harmonizer().fit(CURATED)
    path = tmp_path / "model.json"
    fitted.save(path)
    text = path.read_text(encoding="utf-8")
    assert json.loads(text)["content"]["format"] == 1
    loaded = Harmonizer.load(path)
    for description in ("MY CHEST", "CT ABD/PEL W/O", "XR CHEST 2V"):
        assert loaded.map(description, "CT").to_json() == fitted.map(description, "CT").to_json()


def test_model_tampered(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    Harmonizer().fit(CURATED).save(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["content"]["curated"][0]["LOINC code"] = "29252-4"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ModelFileError, match="modified"):
        Harmonizer.load(path)


def test_model_other_playbook_or_format(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    Harmonizer().fit(CURATED).save(path)
    with pytest.raises(ModelFileError, match="fitted on playbook"):
        Harmonizer.load(path, load_playbook().filter(modality="CT"))
    document = json.loads(path.read_text(encoding="utf-8"))
    document["content"]["format"] = 99
    from loinc_harmonize.harmonizer import _digest

    document["sha256"] = _digest(document["content"])
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ModelFileError, match="format 99"):
        Harmonizer.load(path)
    path.write_bytes(b"\x80\x04not json")
    with pytest.raises(ModelFileError, match="not a saved harmonizer"):
        Harmonizer.load(path)


def test_cli_fit_then_map_with_model(tmp_path: Path) -> None:
    curated = tmp_path / "curated.csv"
    CURATED.to_csv(curated, index=False)
    model = tmp_path / "model.json"
    assert main(["fit", "--train", str(curated), "-o", str(model)]) == 0
    source = _write(tmp_path / "in.csv", b"Modality,StudyDescription\nCT,MY CHEST\n")
    out = tmp_path / "out.csv"
    assert main(["map", str(source), "-o", str(out), "--model", str(model)]) == 0
    assert "24628-0" in out.read_text(encoding="utf-8")


# -- determinism and fuzzing -----------------------------------------------------------------


def test_identical_output_across_chunk_sizes(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    _big_input(source, rows=600)
    outputs = []
    for chunk in ("7", "100", "100000"):
        out = tmp_path / f"out{chunk}.csv"
        assert main(["map", str(source), "-o", str(out), "--chunk-rows", chunk]) == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


ANY_TEXT = st.text(max_size=80) | st.sampled_from(
    [v for _, v in HOSTILE_VALUES if isinstance(v, str)]
)
ANY_VALUE = ANY_TEXT | st.none() | st.integers() | st.floats()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ANY_VALUE, ANY_VALUE)
def test_fuzz_map(harmonizer: Harmonizer, description: object, modality: object) -> None:
    normalize(description)
    parse(description, modality)
    result = harmonizer.map(description, modality)
    assert 0.0 <= result.confidence <= 1.0


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(ANY_VALUE, ANY_VALUE), min_size=1, max_size=8))
def test_fuzz_map_dataframe(harmonizer: Harmonizer, rows: list[tuple[object, object]]) -> None:
    frame = pd.DataFrame(rows, columns=["Modality", "StudyDescription"])
    out = map_dataframe(frame, harmonizer)
    assert len(out) == len(frame) and list(out.index) == list(frame.index)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_fuzz_loaders_raise_only_documented_errors(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.csv"
        path.write_bytes(data)
        with contextlib.suppress(PlaybookError):
            load_playbook(path)
        with contextlib.suppress(InputError):
            read_curated(path, default_lexicon())
        with contextlib.suppress(InputError):
            read_table(path)
