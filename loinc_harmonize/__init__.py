"""loinc_harmonize: map free-text DICOM descriptions to LOINC/RSNA Radiology Playbook codes.

Public API
----------
load_playbook, Playbook, Procedure
    Load the bundled core playbook or any LOINC release.
"""

from loinc_harmonize.exceptions import (
    InputError,
    LoincHarmonizeError,
    NotFittedError,
    PlaybookError,
)
from loinc_harmonize.models import MappingResult, ParsedDescription, Procedure
from loinc_harmonize.playbook import Playbook, load_playbook

__version__ = "0.1.0"

__all__ = [
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
]
