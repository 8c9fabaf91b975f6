"""One base error and a few specific ones; every message names the file, row and column."""

from __future__ import annotations


class LoincHarmonizeError(Exception):
    """Base class of every error this library raises on purpose."""


class PlaybookError(LoincHarmonizeError):
    """A playbook source could not be loaded."""


class PlaybookFileNotFound(PlaybookError):
    """The path does not exist, or a folder/zip lacks the expected files."""


class PlaybookFormatError(PlaybookError):
    """The file is unreadable, binary, has the wrong delimiter or lacks a required column."""


class PlaybookConflictError(PlaybookError):
    """The same code appears with two different names."""


class UnknownCodeError(LoincHarmonizeError, KeyError):
    """A LOINC code is not in the playbook."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class InputError(LoincHarmonizeError):
    """A curated table or an input file to map is malformed."""


class NotFittedError(LoincHarmonizeError, ValueError):
    """A Harmonizer was used before ``fit`` was called."""


class ModelFileError(LoincHarmonizeError):
    """A saved model file is for another playbook, another format version, or was tampered with."""


def located(
    path: object, problem: str, *, row: int | None = None, column: str | None = None
) -> str:
    """Build an error message that says where: ``file: row N, column 'C': problem``."""
    where = [str(path)]
    if row is not None:
        where.append(f"row {row}")
    if column is not None:
        where.append(f"column {column!r}")
    return f"{', '.join(where)}: {problem}"
