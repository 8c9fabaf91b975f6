"""loinc_harmonize: map free-text DICOM descriptions to LOINC/RSNA Radiology Playbook codes.

Public API
----------
load_playbook, Playbook, Procedure
    Load the bundled core playbook or any LOINC release.
normalize, parse
    Turn a free-text description into normalized text and playbook parts with evidence.
Harmonizer, MappingResult
    Fit on a playbook (and curated mappings), then map descriptions to codes.
"""

__version__ = "0.1.0"

from loinc_harmonize.exceptions import (
    InputError,
    LoincHarmonizeError,
    NotFittedError,
    PlaybookError,
)
from loinc_harmonize.harmonizer import Harmonizer
from loinc_harmonize.models import MappingResult, ParsedDescription, Procedure
from loinc_harmonize.normalize import normalize
from loinc_harmonize.parse import parse
from loinc_harmonize.playbook import Playbook, load_playbook

__all__ = [
    "Harmonizer",
    "InputError",
    "LoincHarmonizeError",
    "MappingResult",
    "NotFittedError",
    "ParsedDescription",
    "Playbook",
    "PlaybookError",
    "Procedure",
    "__version__",
    "load_playbook",
    "normalize",
    "parse",
]
