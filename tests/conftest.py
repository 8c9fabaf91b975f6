"""Shared fixtures: the bundled playbook, and ../shared reference data (skipped when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from loinc_harmonize import Playbook, load_playbook

ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path | None:
    """``$LOINC_HARMONIZE_SHARED`` or ``../shared`` from the project root, if present."""
    env = os.environ.get("LOINC_HARMONIZE_SHARED")
    path = Path(env) if env else ROOT.parent / "shared"
    return path if (path / "data").is_dir() else None


SHARED = shared_dir()
needs_shared = pytest.mark.skipif(
    SHARED is None, reason="reference data ../shared (or $LOINC_HARMONIZE_SHARED) is absent"
)


@pytest.fixture(scope="session")
def core() -> Playbook:
    return load_playbook()


@pytest.fixture(scope="session")
def reference() -> Playbook:
    if SHARED is None:
        pytest.skip("reference data ../shared is absent")
    return load_playbook(SHARED / "data" / "loinc" / "loinc_rad_card.csv")


@pytest.fixture(scope="session")
def shared() -> Path:
    if SHARED is None:
        pytest.skip("reference data ../shared is absent")
    return SHARED
