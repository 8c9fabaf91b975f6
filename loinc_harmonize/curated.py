"""Curated mapping tables (MIDRC's format): reading, cleaning, and exact lookup keys."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from loinc_harmonize.exceptions import InputError, located
from loinc_harmonize.normalize import normalized
from loinc_harmonize.parse import parse_modality_tag
from loinc_harmonize.playbook import clean_code
from loinc_harmonize.rules import Lexicon
from loinc_harmonize.tables import read_table

_WS = re.compile(r"\s+")
_CODE = re.compile(r"^\d{1,7}-\d$")


def midrc_key(description: object) -> str:
    """MIDRC's own matching key: upper case, white space collapsed."""
    if description is None or (isinstance(description, float) and description != description):
        return ""
    return _WS.sub(" ", str(description)).strip().upper()


@dataclass(frozen=True)
class CuratedRow:
    """One cleaned curated mapping."""

    row: int
    tags: tuple[str, ...]
    description: str
    exact_key: str
    normalized_key: str
    code: str
    name: str | None


@dataclass(frozen=True)
class Lookup:
    """Result of a curated lookup: the chosen code and the curated evidence for it.

    ``votes`` gives each code's number of deciding rows, best first: the matched rows, or
    (``by_parts``) the curated rows with the same parsed parts, which decide a normalized
    match when the table is split about the exam. ``overruled`` is set when the normalized
    match gave another code than most of those rows: their majority is chosen, for review.
    ``tied`` lists the codes the curated evidence cannot separate (the chosen one among
    them); with more than one, the harmonizer's ranking decides (``ranked_tie``).
    """

    code: str
    name: str | None
    agreement: float
    rows: tuple[int, ...]
    how: str
    votes: tuple[tuple[str, int], ...] = ()
    overruled: str | None = None
    by_parts: bool = False
    tied: tuple[str, ...] = ()
    ranked_tie: bool = False

    @property
    def unanimous(self) -> bool:
        return self.agreement == 1.0 and self.overruled is None

    def decided_by_ranking(self, code: str) -> Lookup:
        """The same evidence with ``code``, one of the tied codes, chosen by the ranking."""
        votes = tuple(sorted(self.votes, key=lambda v: v[0] != code))
        name = self.name if code == self.code else None
        return replace(self, code=code, name=name, votes=votes, ranked_tie=True)


class CuratedTable:
    """Cleaned curated rows plus exact-match dictionaries keyed by (tags, description)."""

    def __init__(self, rows: list[CuratedRow], source: str, issues: list[str]) -> None:
        self.rows = rows
        self.source = source
        self.issues = issues
        digest = hashlib.sha256()
        for r in rows:
            digest.update(f"{r.tags}|{r.exact_key}|{r.code}\n".encode())
        self.fingerprint = digest.hexdigest()
        self._exact: dict[str, list[CuratedRow]] = {}
        self._normalized: dict[str, list[CuratedRow]] = {}
        for r in rows:
            self._exact.setdefault(r.exact_key, []).append(r)
            self._normalized.setdefault(r.normalized_key, []).append(r)

    def lookup(
        self,
        description: object,
        tags: tuple[str, ...],
        normalized_key: str,
        same_parts: Mapping[str, int] | None = None,
    ) -> Lookup | None:
        """Exact match first on MIDRC's key, then on the normalized text.

        ``same_parts`` counts the codes of curated rows that parse to the same parts as the
        description: it breaks ties between matched rows, and overrules a normalized match
        that most of them contradict (an exact match is never overruled).
        """
        for how, table, key in (
            ("exact", self._exact, midrc_key(description)),
            ("normalized", self._normalized, normalized_key),
        ):
            hits = _same_modality_first(
                [r for r in table.get(key, []) if _tags_match(r.tags, tags)], tags
            )
            if hits:
                return _vote(hits, how, same_parts or {})
        return None


def _tags_match(row_tags: tuple[str, ...], tags: tuple[str, ...]) -> bool:
    # A blank modality in the curated table matches any; otherwise the tag sets must meet.
    return not row_tags or not tags or bool(set(row_tags) & set(tags))


def _same_modality_first(hits: list[CuratedRow], tags: tuple[str, ...]) -> list[CuratedRow]:
    """The rows whose modality is the description's own, when there are any.

    MIDRC keys its table by (Modality, StudyDescription), with a blank modality as a value
    of its own: a `CR, DX` row decides a CR study, and a `[blank]` row decides it only when
    no row names CR. Likewise a blank-modality study goes by the blank rows first.
    """
    own = [r for r in hits if bool(r.tags) == bool(tags)]
    return own or hits


def _vote(hits: list[CuratedRow], how: str, same_parts: Mapping[str, int]) -> Lookup:
    rows = tuple(r.row for r in hits)
    counts = Counter(r.code for r in hits)
    # Most matched rows first, then most rows with the same parsed parts.
    strength = {c: (counts[c], same_parts.get(c, 0)) for c in counts}
    ranked = sorted(counts, key=lambda c: (-strength[c][0], -strength[c][1], c))
    code = ranked[0]
    name = next((r.name for r in hits if r.code == code and r.name), None)
    if how == "normalized" and same_parts:
        # Only normalization makes this a match: the table's rows for the same parsed exam
        # decide whether it is sure (a strict majority agrees), split, or overruled.
        by_parts = sorted(same_parts, key=lambda c: (-same_parts[c], c))
        votes = tuple((c, same_parts[c]) for c in by_parts)
        total, top = sum(same_parts.values()), votes[0][1]
        tied = tuple(c for c, n in votes if n == top)
        if same_parts.get(code, 0) < top:
            share = top / total
            return Lookup(by_parts[0], None, share, rows, how, votes, code, True, tied)
        if counts[code] == len(hits) and 2 * top <= total:
            votes = tuple(sorted(votes, key=lambda v: v[0] != code))  # the match's code first
            tied = tuple(sorted(tied, key=lambda c: c != code))
            return Lookup(code, name, top / total, rows, how, votes, None, True, tied)
    votes = tuple((c, counts[c]) for c in ranked)
    tied = tuple(c for c in ranked if strength[c] == strength[code])
    return Lookup(code, name, counts[code] / len(hits), rows, how, votes, tied=tied)


def read_curated(
    curated: pd.DataFrame | str | Path,
    lexicon: Lexicon,
    *,
    modality_column: str = "Modality",
    description_column: str = "StudyDescription",
    code_column: str = "LOINC code",
    name_column: str | None = "L-Long Common Name",
) -> CuratedTable:
    """Read and clean a curated mapping table (path or DataFrame)."""
    source = "<DataFrame>"
    if not isinstance(curated, pd.DataFrame):
        source = str(curated)
        table = read_table(Path(curated))
        assert isinstance(table, pd.DataFrame)
        curated = table
    frame = curated.rename(columns=lambda c: str(c).replace("\ufeff", "").strip())
    missing = [c for c in (description_column, code_column) if c not in frame.columns]
    if missing:
        msg = f"missing column(s) {missing}; found {list(frame.columns)}"
        raise InputError(located(source, msg, row=1))
    rows: list[CuratedRow] = []
    issues: list[str] = []
    for i, record in enumerate(frame.to_dict("records"), start=2):
        if str(record.get("status", "")).strip().lower() == "superseded":
            continue  # an earlier decision kept for its history
        code = clean_code(record.get(code_column))
        if not _CODE.match(code):
            issues.append(
                located(
                    source,
                    f"not a LOINC code: {record.get(code_column)!r}",
                    row=i,
                    column=code_column,
                )
            )
            continue
        tags, _ = parse_modality_tag(record.get(modality_column), lexicon)
        description = record.get(description_column)
        text = normalized(description, lexicon)
        placeholder = text.placeholder
        name = record.get(name_column) if name_column else None
        rows.append(
            CuratedRow(
                row=i,
                tags=tags,
                description="" if placeholder else str(description),
                exact_key="" if placeholder else midrc_key(description),
                normalized_key="" if placeholder else text.text,
                code=code,
                name=str(name).strip() if isinstance(name, str) and name.strip() else None,
            )
        )
    return CuratedTable(rows, source, issues)
