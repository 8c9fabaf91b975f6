"""The curator notebook runs headless and its buttons save decisions ``review apply`` reads."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

from loinc_harmonize import load_playbook
from loinc_harmonize.cli import main
from loinc_harmonize.review import apply_decisions
from loinc_harmonize.tables import read_table
from loinc_harmonize.vocab import data_dir

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "curator_review.ipynb"


@pytest.mark.slow
def test_notebook_drives_decisions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mapped = tmp_path / "mapped.csv"
    assert main(["map", str(data_dir() / "example_studies.csv"), "-o", str(mapped)]) == 0
    decisions = tmp_path / "decisions.csv"
    monkeypatch.setenv("LH_MAPPED", str(mapped))
    monkeypatch.setenv("LH_DECISIONS", str(decisions))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # Click the buttons as a curator would: accept, pick candidate 2, type a code, reject, save.
    notebook.cells.append(
        nbformat.v4.new_code_cell(
            "reviewer.value = 'nb-tester'\n"
            "accept_button.click()\n"
            "pick.value = '2'\n"
            "equivalence.value = 'wider'\n"
            "pick_button.click()\n"
            "typed_code.value = '36643-5'\n"
            "code_button.click()\n"
            "reject_button.click()\n"
            "save_button.click()\n"
            "print(status.value)"
        )
    )
    # About one run in four, the client misses the wake-up for the widget cell's reply: the
    # kernel is idle (its threads were dumped during such a wait) and the reply is found when
    # the per-cell timeout expires, without error. Every cell here takes under a second, so a
    # 10-second timeout bounds that wait without risking a real timeout.
    client = NotebookClient(
        notebook, timeout=10, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute(env={**os.environ})
    outputs = "".join(o.get("text", "") for cell in notebook.cells for o in cell.get("outputs", []))
    assert "saved to" in outputs
    saved = read_table(decisions)
    assert isinstance(saved, pd.DataFrame)
    assert list(saved["decision"][:4]) == ["accept", "2", "36643-5", "reject"]
    assert set(saved["reviewer"][:4]) == {"nb-tester"}
    assert saved.loc[1, "equivalence"] == "wider"
    table, report = apply_decisions(saved, pd.DataFrame(), load_playbook(), source=str(decisions))
    assert report.added == 3 and report.rejected == 1
    assert set(table["reviewer"]) == {"nb-tester"}
