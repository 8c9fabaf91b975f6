"""Thresholds, weights and calibration as declared data, with a JSON round trip."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field

from loinc_harmonize.vocab import data_dir


class Retrieval(BaseModel):
    """How many candidates reach detailed scoring."""

    shortlist: int = Field(60, ge=1, description="Codes scored in detail per description")
    curated_neighbors: int = Field(10, ge=0, description="Curated examples consulted")
    supported: int = Field(
        1,
        ge=0,
        description="Codes added to the shortlist that claim no part the description lacks",
    )


class Thresholds(BaseModel):
    """Decision thresholds on the calibrated confidence."""

    auto: float = Field(0.9, ge=0, le=1, description="At or above: status auto")
    unmapped: float = Field(0.15, ge=0, le=1, description="Below: status unmapped")


class Calibration(BaseModel):
    """Logistic map from (best score, margin over the runner-up, curated support of the best,
    curated dissent) to a probability."""

    intercept: float = -4.0
    score: float = 0.5
    margin: float = 1.0
    curated: float = Field(0.0, description="Per unit of the best's curated_similarity weight")
    dissent: float = Field(
        0.0, description="Per unit of the strongest curated_similarity weight of another code"
    )


class Settings(BaseModel):
    """Every number the harmonizer uses; weights are named contributions to a score."""

    format: int = 1
    weights: dict[str, float]
    retrieval: Retrieval = Field(default_factory=lambda: Retrieval())
    thresholds: Thresholds = Field(default_factory=lambda: Thresholds())
    calibration: Calibration = Field(default_factory=lambda: Calibration())

    @classmethod
    def default(cls) -> Settings:
        """The bundled ``playbook_data/settings.json``."""
        return cls.load(data_dir() / "settings.json")

    @classmethod
    def load(cls, path: str | Path) -> Settings:
        """Read settings from a JSON file."""
        return cls.model_validate_json(Path(path).read_text(encoding="utf-8"))

    def save(self, path: str | Path) -> None:
        """Write settings as JSON (``Settings.load`` reads it back equal)."""
        Path(path).write_text(json.dumps(self.model_dump(), indent=2) + "\n", encoding="utf-8")

    def weight(self, name: str) -> float:
        """A named weight (0 when the settings do not declare it)."""
        return self.weights.get(name, 0.0)
