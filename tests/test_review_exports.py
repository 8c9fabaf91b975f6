"""The review loop (queue, decisions, consistency checks), exports, and calibration."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from loinc_harmonize import Harmonizer, load_playbook
from loinc_harmonize.calibration import (
    FEATURE_CANDIDATES,
    auto_threshold,
    fit_calibration,
    probability,
    ranking_features,
)
from loinc_harmonize.cli import main
from loinc_harmonize.exports import collect, to_fhir_conceptmap, to_omop
from loinc_harmonize.models import Candidate, Contribution
from loinc_harmonize.review import apply_decisions, consistency_checks, review_queue
from loinc_harmonize.settings import Calibration
from loinc_harmonize.tables import read_table, write_table
from loinc_harmonize.vocab import data_dir

EXAMPLE = data_dir() / "example_studies.csv"


@pytest.fixture(scope="module")
def mapped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("mapped") / "mapped.csv"
    assert main(["map", str(EXAMPLE), "-o", str(out)]) == 0
    return out


def test_queue_is_ordered_by_impact(mapped: Path) -> None:
    frame = pd.read_csv(mapped, dtype=str, keep_default_na=False)
    queue = review_queue(frame)
    assert set(queue["status"]) <= {"review", "unmapped"}
    assert not queue.duplicated(["Modality", "StudyDescription"]).any()
    assert list(queue["impact"]) == sorted(queue["impact"], reverse=True)
    assert {
        "candidate_1_code",
        "candidate_5_score",
        "parsed_parts",
        "decision",
        "equivalence",
        "reviewer",
        "comment",
    } <= set(queue.columns)


def test_queue_counts_studies_per_unique_pair() -> None:
    frame = pd.DataFrame(
        {
            "Modality": ["CT", "CT", "CT"],
            "StudyDescription": ["A", "A", "B"],
            "frequency": ["10", "5", "100"],
            "status": ["review", "review", "review"],
            "confidence": ["0.5", "0.5", "0.95"],
            "candidates": ["[]"] * 3,
        }
    )
    queue = review_queue(frame)
    assert list(queue["StudyDescription"]) == ["A", "B"]  # 15 * 0.5 > 100 * 0.05
    assert list(queue["studies"]) == [15, 100]


def _decide(queue_path: Path, decisions: dict[int, tuple[str, str]]) -> pd.DataFrame:
    queue = read_table(queue_path)
    assert isinstance(queue, pd.DataFrame)
    for index, (decision, equivalence) in decisions.items():
        queue.loc[index, "decision"] = decision
        queue.loc[index, "equivalence"] = equivalence
        queue.loc[index, "reviewer"] = "tester"
    return queue


def test_review_round_trip(
    mapped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    queue_path = tmp_path / "queue.csv"
    assert main(["review", "export", str(mapped), "-o", str(queue_path)]) == 0
    first_line = queue_path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("# ") and "of study volume is already mapped" in first_line
    queue = _decide(queue_path, {0: ("accept", ""), 1: ("2", "wider"), 2: ("reject", "")})
    queue.to_csv(queue_path, index=False)
    curated = tmp_path / "curated.csv"
    assert main(["review", "apply", str(queue_path), "--curated", str(curated)]) == 0
    table = pd.read_csv(curated, dtype=str, keep_default_na=False)
    assert len(table) == 2
    assert set(table["reviewer"]) == {"tester"} and set(table["equivalence"]) == {
        "equivalent",
        "wider",
    }
    # The curated table feeds fit: decided rows now map exactly with confidence 1.
    harmonizer = Harmonizer().fit(curated)
    for _, row in table.iterrows():
        result = harmonizer.map(row["StudyDescription"], row["Modality"])
        assert (result.loinc_code, result.confidence, result.status) == (
            row["LOINC code"],
            1.0,
            "auto",
        )
    # Deciding again with another code keeps the earlier decision as history.
    queue.loc[0, "decision"] = "3"
    queue.to_csv(queue_path, index=False)
    assert main(["review", "apply", str(queue_path), "--curated", str(curated)]) == 0
    again = pd.read_csv(curated, dtype=str, keep_default_na=False)
    assert (again["status"] == "superseded").sum() == 1
    assert "changed 1" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("decision", "message"),
    [("maybe", "unknown decision"), ("0000-0", "not in the playbook"), ("9", "no candidate 9")],
)
def test_bad_decision_names_its_row(
    mapped: Path, tmp_path: Path, decision: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    queue_path = tmp_path / "queue.csv"
    assert main(["review", "export", str(mapped), "-o", str(queue_path)]) == 0
    queue = _decide(queue_path, {0: ("accept", ""), 1: (decision, "")})
    write_table(queue, queue_path, safe=True, note="decided by a curator")
    curated = tmp_path / "curated.csv"
    assert main(["review", "apply", str(queue_path), "--curated", str(curated)]) == 2
    err = capsys.readouterr().err
    assert message in err and "row 4" in err  # the note line, the header, then rows
    assert not curated.exists()  # nothing merged when any decision is invalid


def test_unknown_equivalence(
    mapped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    queue_path = tmp_path / "queue.csv"
    assert main(["review", "export", str(mapped), "-o", str(queue_path)]) == 0
    _decide(queue_path, {0: ("accept", "same-ish")}).to_csv(queue_path, index=False)
    assert main(["review", "apply", str(queue_path), "--curated", str(tmp_path / "c.csv")]) == 2
    assert "equivalence" in capsys.readouterr().err


def test_deprecated_code_is_refused_naming_replacement(tmp_path: Path) -> None:
    release = tmp_path / "release"
    (release / "LoincTable").mkdir(parents=True)
    (release / "LoincTable" / "Loinc.csv").write_text(
        "LOINC_NUM,COMPONENT,SYSTEM,METHOD_TYP,CLASS,STATUS,LONG_COMMON_NAME\n"
        "11111-1,Views,Chest,XR,RAD,DEPRECATED,Old chest code\n"
        "36643-5,Views 2,Chest,XR,RAD,ACTIVE,XR Chest 2 Views\n",
        encoding="utf-8",
    )
    (release / "LoincTable" / "MapTo.csv").write_text(
        "LOINC,MAP_TO,COMMENT\n11111-1,36643-5,x\n", encoding="utf-8"
    )
    playbook = load_playbook(release)
    assert playbook["11111-1"].replaced_by == "36643-5"
    queue = pd.DataFrame(
        {
            "Modality": ["CR"],
            "StudyDescription": ["CHEST"],
            "decision": ["11111-1"],
            "equivalence": [""],
        }
    )
    with pytest.raises(Exception, match="DEPRECATED; use 36643-5"):
        apply_decisions(queue, pd.DataFrame(), playbook)


def test_consistency_checks() -> None:
    table = pd.DataFrame(
        {
            "Modality": ["CT", "CT", "MR", "CT"],
            "StudyDescription": ["HEAD", "head ", "HEAD", "CHEST"],
            "LOINC code": ["30799-1", "24725-4", "24590-2", "24627-2"],
            "L-Long Common Name": ["CT Head WO contrast", "CT Head", "MR Brain", "CT Chest"],
        }
    )
    issues = consistency_checks(table)
    levels = {(i.level, i.message.split(" ")[0]) for i in issues}
    assert ("error", "CT") in levels  # same (modality, description), two codes
    assert any(i.level == "warning" for i in issues)  # across modalities
    renamed = table.assign(**{"L-Long Common Name": ["A", "B", "C", "D"]})
    renamed.loc[1, "LOINC code"] = "30799-1"
    assert any("has names" in i.message for i in consistency_checks(renamed))


def test_queue_csv_is_formula_safe(tmp_path: Path) -> None:
    mapped = tmp_path / "mapped.csv"
    pd.DataFrame(
        {
            "Modality": ["CT"],
            "StudyDescription": ['=HYPERLINK("http://x")'],
            "status": ["review"],
            "confidence": ["0.2"],
            "candidates": ["[]"],
        }
    ).to_csv(mapped, index=False)
    queue = tmp_path / "queue.csv"
    assert main(["review", "export", str(mapped), "-o", str(queue)]) == 0
    assert "'=HYPERLINK" in queue.read_text(encoding="utf-8")
    xlsx = tmp_path / "queue.xlsx"
    assert main(["review", "export", str(mapped), "-o", str(xlsx)]) == 0
    import openpyxl

    sheet = openpyxl.load_workbook(xlsx).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert '\'=HYPERLINK("http://x")' in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)
    back = read_table(xlsx)
    assert isinstance(back, pd.DataFrame)
    assert back.loc[0, "StudyDescription"] == '=HYPERLINK("http://x")'


# -- exports ----------------------------------------------------------------------------------

CURATED = pd.DataFrame(
    {
        "Modality": ["CT", "CR, DX", "CT"],
        "StudyDescription": ["CT  HEAD WO ", "CHEST 2V", "OLD"],
        "LOINC code": ["30799-1", "36643-5", "24627-2"],
        "L-Long Common Name": ["CT Head WO contrast", "XR Chest 2 Views", "CT Chest"],
        "equivalence": ["equivalent", "wider", ""],
        "status": ["current", "current", "superseded"],
    }
)


def test_fhir_conceptmap_validates() -> None:
    from fhir.resources.R4B.conceptmap import ConceptMap

    document = to_fhir_conceptmap(collect(CURATED))
    resource = ConceptMap.model_validate(document)
    assert resource.copyright and "Regenstrief" in resource.copyright
    elements = [e for g in document["group"] for e in g["element"]]
    assert {e["code"] for e in elements} == {"CT HEAD WO", "CHEST 2V"}
    assert {e["target"][0]["equivalence"] for e in elements} == {"equivalent", "wider"}


def test_cli_exports(tmp_path: Path, mapped: Path) -> None:
    curated = tmp_path / "curated.csv"
    CURATED.to_csv(curated, index=False)
    for fmt, name in (("fhir-conceptmap", "map.json"), ("midrc", "midrc.csv"), ("omop", "o.csv")):
        out = tmp_path / name
        assert (
            main(
                [
                    "export",
                    "--curated",
                    str(curated),
                    "--mapped",
                    str(mapped),
                    "--format",
                    fmt,
                    "-o",
                    str(out),
                ]
            )
            == 0
        )
        text = out.read_text(encoding="utf-8")
        assert "Regenstrief" in text
    midrc = read_table(tmp_path / "midrc.csv")
    assert isinstance(midrc, pd.DataFrame)
    assert list(midrc.columns) == [
        "Modality",
        "StudyDescription",
        "LOINC code",
        "L-Long Common Name",
    ]
    assert "OLD" not in set(midrc["StudyDescription"])
    document = json.loads((tmp_path / "map.json").read_text(encoding="utf-8"))
    assert document["resourceType"] == "ConceptMap"


def test_omop_rows() -> None:
    frame = to_omop(collect(CURATED))
    assert {"source_code", "target_concept_id", "target_vocabulary_id"} <= set(frame.columns)
    assert set(frame["target_concept_code"]) == {"30799-1", "36643-5"}


# -- calibration ----------------------------------------------------------------------------


def test_calibration_fits_and_is_monotone() -> None:
    rng = np.random.default_rng(0)
    scores = rng.uniform(0, 10, 400)
    margins = rng.uniform(0, 3, 400)
    correct = rng.uniform(0, 1, 400) < 1 / (1 + np.exp(-(scores - 5)))
    calibration = fit_calibration(list(zip(scores, margins, strict=True)), list(correct))
    assert calibration.score > 0
    assert probability(calibration, 9, 1) > probability(calibration, 2, 1)


def test_calibration_learns_from_curated_support() -> None:
    rng = np.random.default_rng(1)
    scores = rng.uniform(0, 10, 600)
    margins = rng.uniform(0, 3, 600)
    support = rng.choice([0.0, 1.5], 600)  # the best candidate had curated votes, or not
    correct = rng.uniform(0, 1, 600) < np.where(support > 0, 0.95, 0.6)
    rows = list(zip(scores, margins, support, strict=True))
    calibration = fit_calibration(rows, list(correct))
    assert calibration.curated > 0
    assert probability(calibration, 5, 1, 1.5) > probability(calibration, 5, 1, 0.0)
    # Two features still fit (older settings, or a caller without curated rows).
    assert fit_calibration([r[:2] for r in rows], list(correct)).curated == 0.0


def test_calibration_learns_from_curated_dissent() -> None:
    rng = np.random.default_rng(2)
    scores = rng.uniform(0, 10, 600)
    margins = rng.uniform(0, 3, 600)
    support = rng.choice([0.0, 1.0], 600)
    dissent = rng.choice([0.0, 0.5], 600)  # curated rows with the same parts vote elsewhere
    correct = rng.uniform(0, 1, 600) < np.where(dissent > 0, 0.55, 0.9)
    rows = list(zip(scores, margins, support, dissent, strict=True))
    calibration = fit_calibration(rows, list(correct))
    assert calibration.dissent < 0
    assert probability(calibration, 5, 1, 1.0, 0.5) < probability(calibration, 5, 1, 1.0, 0.0)
    # Three features still fit, and leave dissent out (settings from before it).
    assert fit_calibration([r[:3] for r in rows], list(correct)).dissent == 0.0


def test_calibration_settings_from_before_dissent_still_load() -> None:
    older = {"intercept": -2.0, "score": 0.46, "margin": 0.14, "curated": 0.92}
    calibration = Calibration.model_validate(older)
    assert calibration.dissent == 0.0
    assert probability(calibration, 8, 1, 0.5, 0.7) == probability(calibration, 8, 1, 0.5)


def _candidate(code: str, score: float, curated: float | None) -> Candidate:
    parts = [Contribution(name="text_similarity", weight=score, outcome="info", detail="")]
    if curated is not None:
        parts.append(
            Contribution(name="curated_similarity", weight=curated, outcome="agree", detail="")
        )
    return Candidate(code=code, name=code, score=score + (curated or 0.0), contributions=parts)


def test_ranking_features_read_the_strongest_rival_vote_among_the_first_candidates() -> None:
    ranked = [
        _candidate("A", 6.0, 0.3),
        _candidate("B", 5.0, 0.2),
        _candidate("C", 4.0, 0.45),
        *[_candidate(f"D{i}", 3.0, None) for i in range(FEATURE_CANDIDATES - 3)],
        _candidate("E", 1.0, 0.7),  # beyond what any top_k reads: not counted
    ]
    score, margin, support, dissent = ranking_features(ranked)
    assert (score, support, dissent) == (6.3, 0.3, 0.45)
    assert margin == pytest.approx(1.1)
    assert ranking_features(ranked[:1])[3] == 0.0  # a lone candidate has no rival


def test_calibration_needs_both_outcomes() -> None:
    with pytest.raises(ValueError, match="both"):
        fit_calibration([(1.0, 1.0), (2.0, 1.0)], [True, True])


def test_auto_threshold_reaches_precision() -> None:
    confidence = [0.99, 0.95, 0.9, 0.8, 0.7, 0.6]
    correct = [True, True, True, False, True, False]
    threshold = auto_threshold(confidence, correct, 0.95)
    assert threshold == 0.9
    assert probability(Calibration(intercept=0, score=0, margin=0), 1, 1) == 0.5
