"""``loinc-harmonize playbook info|show`` and the CLI's error contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from loinc_harmonize.cli import main


def test_playbook_info(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["playbook", "info"]) == 0
    out = capsys.readouterr().out
    assert "fingerprint:" in out and "LOINC 2.81" in out and "by modality" in out
    assert "by status" in out


def test_playbook_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["playbook", "show", "36589-0"]) == 0
    out = capsys.readouterr().out
    assert "Portable XR Chest AP single view" in out and "Portable" in out


def test_released_by_maps_to_the_codes_loinc_had_then(capsys: pytest.CaptureFixture[str]) -> None:
    """CT Chest WO contrast IV came in LOINC 2.81; a table pinned to 2.73 cannot use it."""
    args = ["explain", "CT CHEST WO IV CONTRAST", "--modality", "CT"]
    assert main(args) == 0
    assert "106845-1 CT Chest WO contrast IV" in capsys.readouterr().out
    assert main([*args, "--released-by", "2.73"]) == 0
    assert "29252-4 CT Chest WO contrast " in capsys.readouterr().out
    assert main([*args, "--released-by", "two"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'two'" in err


def test_unknown_code_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["playbook", "show", "0000-0"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "0000-0" in err and "Traceback" not in err


@pytest.mark.parametrize("name", ["missing.csv", "folder"])
def test_bad_playbook_path(tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "folder").mkdir()
    assert main(["playbook", "info", "--playbook", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("loinc-harmonize: error:") and err.count("\n") == 1


def test_binary_playbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "x.csv"
    bad.write_bytes(b"\x00\x01\x02")
    assert main(["playbook", "info", "--playbook", str(bad)]) == 2
    assert "binary" in capsys.readouterr().err
