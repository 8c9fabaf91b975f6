"""loinc_harmonize: map free-text DICOM descriptions to LOINC/RSNA Radiology Playbook codes.

Public API
----------
load_playbook, Playbook, Procedure
    Load the bundled core playbook or any LOINC release.
normalize, parse
    Turn a free-text description into normalized text and playbook parts with evidence.
parse_series, aggregate_series
    Series-level facts, and the study-level parts a study's series imply.
Harmonizer, MappingResult, NotFittedError
    Fit on a playbook (and curated mappings), then map descriptions to codes.
map_dataframe
    Map a DataFrame (or one partition of a Dask/Spark frame), keeping every row and column.
"""

__version__ = "0.1.0"

from loinc_harmonize.batch import map_dataframe
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
from loinc_harmonize.series import aggregate_series, parse_series

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
    "aggregate_series",
    "load_playbook",
    "map_dataframe",
    "normalize",
    "parse",
    "parse_series",
]
