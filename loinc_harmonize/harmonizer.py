"""The estimator: ``Harmonizer(playbook).fit(curated).map(description, modality)``.

Flow: normalize -> parse -> exact curated lookup -> modality blocking -> vectorized retrieval
-> named, additive scoring of a shortlist -> calibrated confidence -> decision.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from loinc_harmonize import __version__
from loinc_harmonize.calibration import (
    FEATURE_CANDIDATES,
    Features,
    probability,
    ranking_features,
)
from loinc_harmonize.candidates import (
    Block,
    CandidateIndex,
    CuratedIndex,
    left_open,
    open_parts,
    signature,
)
from loinc_harmonize.curated import CuratedTable, Lookup, read_curated
from loinc_harmonize.exceptions import ModelFileError, NotFittedError, located
from loinc_harmonize.models import (
    BODY_PART_RULE,
    PART_FIELDS,
    Audit,
    AuditStep,
    Candidate,
    Contribution,
    MappingResult,
    MappingStatus,
    ParsedDescription,
    Procedure,
)
from loinc_harmonize.normalize import normalized
from loinc_harmonize.parse import parse
from loinc_harmonize.playbook import Playbook, load_playbook
from loinc_harmonize.rules import Lexicon, default_lexicon
from loinc_harmonize.scoring import Scorer, parts_key
from loinc_harmonize.series import aggregate_series
from loinc_harmonize.settings import Settings
from loinc_harmonize.tables import atomic_path

logger = logging.getLogger(__name__)

#: Version of the saved-model JSON layout; bump when it changes.
MODEL_FORMAT = 1


class Harmonizer:
    """Map descriptions to LOINC codes (scikit-learn style: parameters here, learning in fit).

    Parameters
    ----------
    playbook
        A ``Playbook``, a path accepted by ``load_playbook``, or None for the bundled core.
    top_k
        Number of ranked candidates kept in each result.
    settings
        Weights, thresholds and calibration; None for ``Settings.default()``.

    Examples
    --------
    >>> h = Harmonizer().fit()
    >>> h.map("CT ABD/PEL W/O", modality="CT").loinc_code
    '36952-0'
    """

    def __init__(
        self,
        playbook: Playbook | str | Path | None = None,
        *,
        top_k: int = 5,
        settings: Settings | None = None,
        lexicon: Lexicon | None = None,
        modality_column: str = "Modality",
        description_column: str = "StudyDescription",
        code_column: str = "LOINC code",
    ) -> None:
        self.playbook = playbook
        self.top_k = top_k
        self.settings = settings
        self.lexicon = lexicon
        self.modality_column = modality_column
        self.description_column = description_column
        self.code_column = code_column

    # -- learning ----------------------------------------------------------------------------

    def fit(self, curated: pd.DataFrame | str | Path | None = None) -> Harmonizer:
        """Build the indexes from the playbook and learn from curated mappings (optional)."""
        if self.top_k < 1:
            raise ValueError(f"top_k must be >= 1, got {self.top_k}")
        playbook = self.playbook
        self.playbook_ = playbook if isinstance(playbook, Playbook) else load_playbook(playbook)
        self.settings_ = self.settings or Settings.default()
        self.lexicon_ = self.lexicon or default_lexicon()
        self.scorer_ = Scorer(self.settings_, self.playbook_.vocabulary)
        self.index_ = CandidateIndex(list(self.playbook_), self.lexicon_)
        self.index_.prepare_blocks(self.lexicon_.vocabulary.dicom_modalities.values())
        self.scorer_.prepare(self.index_.procedures)
        self.open_parts_ = open_parts(self.index_.procedures)
        self.unspecified_codes_ = _unspecified_codes(self.playbook_)
        self.curated_: CuratedTable | None = None
        self.curated_index_: CuratedIndex | None = None
        if curated is not None:
            table = read_curated(
                curated,
                self.lexicon_,
                modality_column=self.modality_column,
                description_column=self.description_column,
                code_column=self.code_column,
            )
            self.curated_ = table
            for issue in table.issues:
                logger.warning("curated row skipped: %s", issue)
            examples = [r for r in table.rows if r.normalized_key and r.code in self.playbook_]
            signatures = [
                signature(parse(r.description, " ".join(r.tags) or None, lexicon=self.lexicon_))
                for r in examples
            ]
            self.curated_index_ = CuratedIndex(
                [r.normalized_key for r in examples], [r.code for r in examples], signatures
            )
        return self

    # -- persistence (JSON, never pickle) -------------------------------------------------------

    def save(self, path: str | Path) -> None:
        """Save the fitted harmonizer as JSON: settings, curated rows, and the fingerprint of
        the playbook it was fitted on, with a SHA-256 digest of the content.

        Loading never executes code from the file (no pickle); indexes are rebuilt by ``fit``.
        """
        self._check_fitted()
        curated = None
        if self.curated_ is not None:
            curated = [
                {
                    "Modality": ", ".join(r.tags),
                    "StudyDescription": r.description,
                    "LOINC code": r.code,
                    "L-Long Common Name": r.name or "",
                }
                for r in self.curated_.rows
            ]
        content = {
            "format": MODEL_FORMAT,
            "library_version": __version__,
            "playbook_fingerprint": self.playbook_.fingerprint,
            "top_k": self.top_k,
            "settings": self.settings_.model_dump(),
            "curated": curated,
        }
        document = {"content": content, "sha256": _digest(content)}
        with atomic_path(path) as tmp:
            tmp.write_text(json.dumps(document, indent=1, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path, playbook: Playbook | str | Path | None = None) -> Harmonizer:
        """Load a harmonizer saved by ``save``, refitting it on ``playbook``.

        Raises ``ModelFileError`` for a file that is not a saved harmonizer, was modified
        after saving, has another format version, or was fitted on another playbook.
        """
        where = str(path)
        try:
            document = json.loads(Path(path).read_text(encoding="utf-8"))
            content, digest = document["content"], document["sha256"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelFileError(located(where, f"not a saved harmonizer ({exc})")) from exc
        if _digest(content) != digest:
            raise ModelFileError(located(where, "content does not match its digest: modified"))
        if content.get("format") != MODEL_FORMAT:
            msg = f"model format {content.get('format')!r}; this library reads {MODEL_FORMAT}"
            raise ModelFileError(located(where, msg))
        loaded = playbook if isinstance(playbook, Playbook) else load_playbook(playbook)
        if loaded.fingerprint != content["playbook_fingerprint"]:
            msg = (
                f"fitted on playbook {content['playbook_fingerprint'][:12]}, "
                f"but the given playbook is {loaded.fingerprint[:12]} ({loaded.source})"
            )
            raise ModelFileError(located(where, msg))
        harmonizer = cls(
            loaded, top_k=content["top_k"], settings=Settings.model_validate(content["settings"])
        )
        curated = pd.DataFrame(content["curated"]) if content["curated"] is not None else None
        return harmonizer.fit(curated)

    def _check_fitted(self) -> None:
        if not hasattr(self, "index_"):
            raise NotFittedError("This Harmonizer is not fitted yet; call fit() before map().")

    # -- mapping -----------------------------------------------------------------------------

    def map(
        self, description: object, modality: object = None, **dicom_fields: Any
    ) -> MappingResult:
        """Map one description (with its DICOM Modality) to a LOINC code.

        ``dicom_fields`` may give ``body_part_examined`` (DICOM BodyPartExamined) and
        ``series_descriptions`` (the study's series), used where the description is silent;
        the DICOM keywords ``BodyPartExamined`` and ``SeriesDescription`` name them too. Any
        other name raises ``TypeError``: a misspelt field must not be ignored unseen.
        """
        self._check_fitted()
        fields = _dicom_field_names(dicom_fields)
        parsed = parse(
            description, modality, fields.get("body_part_examined"), lexicon=self.lexicon_
        )
        if fields.get("series_descriptions"):
            parsed = _with_series(parsed, aggregate_series(fields["series_descriptions"]))
        query = self._query(parsed)
        audit = Audit(
            library_version=__version__,
            playbook_fingerprint=self.playbook_.fingerprint,
            curated_fingerprint=self.curated_.fingerprint if self.curated_ else None,
            steps=_parse_steps(parsed),
        )
        base = {
            "description": None if description is None else str(description),
            "modality": None if modality is None else str(modality),
            "normalized": parsed.normalized,
            "parsed": parsed,
            "audit": audit,
        }
        if self.curated_ is not None:
            same_parts = (
                self.curated_index_.same_parts(parsed)
                if self.curated_index_ is not None and parsed.usable
                else {}
            )
            hit = self.curated_.lookup(
                description,
                parsed.modality_tag,
                parsed.normalized if parsed.usable else "",
                same_parts,
            )
            if hit is not None and len(hit.tied) > 1 and parsed.usable:
                hit = self._break_tie(hit, parsed, query)
            audit.steps.append(_lookup_step(hit))
            if hit is not None:
                return self._curated_result(hit, base)
        if not parsed.usable and not (parsed.region_imaged or parsed.imaging_focus):
            return self._fallback_unspecified(parsed, base)
        return self._ranked_result(parsed, base, query)

    def map_many(
        self,
        descriptions: Iterable[object],
        modalities: Iterable[object] | None = None,
        body_parts: Iterable[object] | None = None,
    ) -> list[MappingResult]:
        """Map many descriptions, in order, with their modalities and (optionally) DICOM
        BodyPartExamined values; each unique combination is mapped once."""
        items = list(descriptions)
        columns = []
        for name, values in (("modalities", modalities), ("body parts", body_parts)):
            column = list(values) if values is not None else [None] * len(items)
            if len(column) != len(items):
                raise ValueError(f"{len(items)} descriptions but {len(column)} {name}")
            columns.append(column)
        cache: dict[tuple[str, str, str], MappingResult] = {}
        results = []
        for description, modality, body_part in zip(items, *columns, strict=True):
            key = (repr(description), repr(modality), repr(body_part))
            if key not in cache:
                cache[key] = self.map(description, modality, body_part_examined=body_part)
            results.append(cache[key])
        return results

    def _query(self, parsed: ParsedDescription) -> str:
        """The text ranked: the description's, with the words of a BodyPartExamined that gave
        the region the text does not name (its evidence keeps them, as parse read them). A
        placeholder's words ("blank") are replaced by the modality's, so ``(blank)`` with CT
        and CHEST ranks as ``CT CHEST`` does."""
        body_part = next((e.text for e in parsed.evidence if e.rule_id == BODY_PART_RULE), None)
        if body_part is None:
            return parsed.normalized
        said = parsed.normalized if parsed.usable else parsed.modality_type or ""
        return normalized(f"{said} {body_part}", self.lexicon_).text

    def _break_tie(self, hit: Lookup, parsed: ParsedDescription, query: str) -> Lookup:
        """Among codes the curated rows give equally often, the one the ranking puts first."""
        block = self.index_.block(parsed)
        if len(block.rows) == 0:
            return hit
        ranked = [c.code for c in self._score(parsed, block, query)]
        place = {code: i for i, code in enumerate(ranked)}
        best = min(hit.tied, key=lambda c: (place.get(c, len(ranked)), hit.tied.index(c)))
        return hit.decided_by_ranking(best)

    # -- results -----------------------------------------------------------------------------

    def _name(self, code: str, fallback: str | None = None) -> str | None:
        procedure = self.playbook_.get(code)
        return procedure.long_common_name if procedure else fallback

    def _curated_result(self, hit: Lookup, base: dict[str, Any]) -> MappingResult:
        reason = f"curated {hit.how} match (rows {', '.join(map(str, hit.rows[:5]))})"
        evidence, rows_are = "curated_exact", "curated rows matching the description"
        if hit.by_parts:
            evidence, rows_are = "curated_same_parts", "curated rows with the same parsed parts"
        majority = f"{hit.agreement:.0%} of the {rows_are}"
        if hit.overruled is not None:
            reason += f" gives {hit.overruled}, but {majority} give {hit.code}"
        elif not hit.unanimous:
            reason += f"; curated rows disagree, {majority} give this code"
        if hit.ranked_tie:
            reason += f"; tied with {', '.join(c for c in hit.tied if c != hit.code)}, ranked first"
        if hit.code not in self.playbook_:
            reason += "; code is outside the loaded playbook"
        votes = hit.votes or ((hit.code, len(hit.rows)),)
        total = sum(count for _, count in votes)
        candidates = []
        for code, count in votes[: self.top_k]:
            share = round(count / total, 4)
            detail = f"{count} of {total} {rows_are}"
            candidates.append(
                Candidate(
                    code=code,
                    name=self._name(code, hit.name if code == hit.code else None) or "",
                    score=share,
                    contributions=[
                        Contribution(name=evidence, weight=share, outcome="agree", detail=detail)
                    ],
                )
            )
        return MappingResult(
            **base,
            loinc_code=hit.code,
            long_common_name=self._name(hit.code, hit.name),
            confidence=1.0 if hit.unanimous else round(hit.agreement, 4),
            status="auto" if hit.unanimous else "review",
            reason=reason,
            candidates=candidates,
        )

    def _fallback_unspecified(
        self, parsed: ParsedDescription, base: dict[str, Any]
    ) -> MappingResult:
        why = (
            "; ".join(f for f in parsed.flags if "placeholder" in f or "empty" in f)
            or "no usable text"
        )
        code = self._unspecified_code(parsed)
        if code is None:
            return MappingResult(
                **base, status="unmapped", reason=f"{why}; no modality to fall back on"
            )
        procedure = self.playbook_[code]
        # The other modalities the DICOM tag allows give the alternatives a curator may pick.
        alternatives = [self.unspecified_codes_.get(m) for m in parsed.compatible_modalities]
        codes = list(dict.fromkeys([code, *(c for c in alternatives if c is not None)]))
        return MappingResult(
            **base,
            loinc_code=code,
            long_common_name=procedure.long_common_name,
            confidence=0.5,
            status="review",
            fallback=True,
            reason=f"{why}; fallback to the {parsed.modality_type} unspecified body region code",
            candidates=[
                Candidate(code=c, name=self.playbook_[c].long_common_name, score=0.0)
                for c in codes[: self.top_k]
            ],
        )

    def _ranked_result(
        self, parsed: ParsedDescription, base: dict[str, Any], query: str
    ) -> MappingResult:
        """The best ranked code for ``query``, the text that the description's parts were
        read from."""
        audit: Audit = base["audit"]
        block = self.index_.block(parsed)
        rows = block.rows
        allowed = ", ".join(parsed.compatible_modalities or (parsed.modality_type or "any",))
        if "" in block.key:
            allowed += " or any imaging modality"  # a guided procedure's codes of no modality
        audit.steps.append(
            AuditStep(step="blocking", detail=f"{len(rows)} codes with modality {allowed}")
        )
        if len(rows) == 0:
            return MappingResult(
                **base, status="unmapped", reason=f"no playbook code for modality {allowed}"
            )
        ranked = self._score(parsed, block, query)
        best = ranked[0]
        calibration = self.settings_.calibration
        features = ranking_features(ranked)
        confidence = round(probability(calibration, *features), 4)
        audit.steps.append(_confidence_step(features, confidence))
        thresholds = self.settings_.thresholds
        status: MappingStatus
        if not parsed.recognized:
            words = ", ".join(parsed.unrecognized[:5]) or parsed.normalized[:40]
            status, reason = "unmapped", f"no word of the description was recognized ({words})"
        elif confidence < thresholds.unmapped:
            status, reason = "unmapped", f"best candidate too weak (confidence {confidence:.2f})"
        elif confidence >= thresholds.auto:
            status, reason = "auto", f"ranked match, confidence {confidence:.2f}"
        else:
            status, reason = "review", f"ranked match below auto threshold ({confidence:.2f})"
        if not parsed.usable and status != "unmapped":
            # A placeholder ranked on what DICOM BodyPartExamined names: a person decides.
            reason += "; not auto: " if status == "auto" else "; "
            reason += "the description is a placeholder, the region is BodyPartExamined's"
            status = "review"
        left_out = status == "auto" and _regions_left_out(parsed, self.playbook_[best.code])
        if left_out:
            # Safe to automate only when the code covers the whole study described.
            status = "review"
            reason += f"; not auto: the code leaves out {', '.join(left_out)}"
        conflicts = [c.name for c in best.contributions if c.outcome == "conflict"]
        if conflicts:
            reason += f"; conflicts: {', '.join(conflicts)}"
        # The most specific code the description supports may leave a part open on purpose.
        unsaid = left_open(parsed, self.open_parts_.get(best.code, ()))
        fallback = bool(unsaid) and status != "unmapped"
        if fallback:
            reason += f"; fallback: neither the description nor the code gives {', '.join(unsaid)}"
        return MappingResult(
            **base,
            loinc_code=best.code if status != "unmapped" else None,
            long_common_name=best.name if status != "unmapped" else None,
            confidence=confidence,
            status=status,
            reason=reason,
            fallback=fallback,
            candidates=ranked[: self.top_k],
        )

    def _score(self, parsed: ParsedDescription, block: Block, query: str) -> list[Candidate]:
        rows = block.rows
        text = block.text.similarity(query)
        agreement = self.index_.feature_agreement(parsed, block)
        features = agreement.counts
        neighbours: dict[str, float] = {}
        if self.curated_index_ is not None:
            neighbours = self.curated_index_.neighbours(
                query, parsed, self.settings_.retrieval.curated_neighbors
            )
        prescore = text + 0.5 * features
        boost = np.zeros(len(rows), dtype=np.float32)
        if neighbours:
            boost = self.index_.spread(neighbours, rows)
            prescore += 2.0 * boost
        retrieval = self.settings_.retrieval
        order = self._with_fallback(_top(prescore, rows, retrieval.shortlist), rows, parsed)
        # Codes whose words resemble the description's less, but that claim nothing more.
        order = _with(order, agreement.most_specific(text, retrieval.supported))
        key = parts_key(parsed)
        shortlist = rows[order].tolist()
        text_short, boost_short = text[order], boost[order]
        fuzzy = self.index_.fuzzy_similarity(query, shortlist)
        procedures = [self.index_.procedures[row] for row in shortlist]
        # Rank by the sum of the named parts, then build the records only for the kept ones.
        compared = self.scorer_.compare(parsed, procedures, key)
        part_weights = np.array([c.weight for c in compared], dtype=np.float64)
        totals = self.scorer_.similarity_weights(text_short, fuzzy, boost_short) + part_weights
        codes = [c.code for c in procedures]
        rounded = np.round(totals, 4).tolist()
        ranking = sorted(range(len(codes)), key=lambda i: (-rounded[i], codes[i]))  # ties by code
        text_list, boost_list, fuzzy_list = (
            text_short.tolist(),
            boost_short.tolist(),
            fuzzy.tolist(),
        )
        candidates = []
        for i in ranking[: max(self.top_k, FEATURE_CANDIDATES)]:  # what confidence reads
            records = self.scorer_.contributions(
                parsed,
                procedures[i],
                text_list[i],
                boost_list[i],
                key,
                fuzzy_list[i],
                compared=compared[i],
            )
            candidates.append(
                Candidate(
                    code=procedures[i].code,
                    name=procedures[i].long_common_name,
                    score=round(sum(r.weight for r in records), 4),
                    contributions=records,
                )
            )
        return candidates

    def _with_fallback(
        self, order: np.ndarray, rows: np.ndarray, parsed: ParsedDescription
    ) -> np.ndarray:
        """The shortlist, with the modality's unspecified body region code when the
        description names no region: its words may resemble no code's name ("CT REFERENCE
        IMPORT"), and that code, not a guessed region, is what the description supports."""
        if not left_open(parsed, ("body region",)):
            return order
        code = self._unspecified_code(parsed)
        if code is None:
            return order
        position = self.index_.position[code]
        at = int(np.searchsorted(rows, position))
        if at == len(rows) or rows[at] != position:
            return order
        return _with(order, [at])

    def _unspecified_code(self, parsed: ParsedDescription) -> str | None:
        modality = parsed.modality_type or ""
        return self.unspecified_codes_.get(
            f"{modality}.{parsed.modality_subtype}", self.unspecified_codes_.get(modality)
        )


def _confidence_step(features: Features, confidence: float) -> AuditStep:
    """What the calibrated confidence was computed from, named as in ``settings.json``."""
    score, margin, curated, dissent = features
    detail = (
        f"{confidence:.2f} from score {score:.2f}, margin {margin:.2f} over the runner-up, "
        f"curated support {curated:.2f}, curated dissent {dissent:.2f}"
    )
    return AuditStep(step="confidence", detail=detail)


def _regions_left_out(parsed: ParsedDescription, code: Procedure) -> list[str]:
    """Regions the description names that the code does not image (none for a code of an
    unspecified body region, which claims no region)."""
    if not code.region_imaged:
        return []
    return sorted(set(parsed.region_imaged) - set(code.region_imaged))


def _with(order: np.ndarray, positions: list[int]) -> np.ndarray:
    """The shortlist ``order`` with ``positions`` it lacks appended, in their order."""
    if not positions:
        return order
    listed = set(order.tolist())
    missing = [p for p in positions if p not in listed]
    return np.append(order, missing) if missing else order


def _top(scores: np.ndarray, rows: np.ndarray, k: int) -> np.ndarray:
    """Positions of the ``k`` highest scores, best first, ties broken by row: the first ``k``
    of a full sort, found without sorting the whole block."""
    if len(scores) > k:
        kth = np.partition(scores, len(scores) - k)[len(scores) - k]
        kept = np.flatnonzero(scores >= kth)  # ties at the boundary stay in
    else:
        kept = np.arange(len(scores))
    return kept[np.lexsort((rows[kept], -scores[kept]))][:k]


#: The DICOM fields ``map`` reads, by their Python names and their DICOM keywords.
_DICOM_FIELDS: dict[str, str] = {
    "body_part_examined": "body_part_examined",
    "BodyPartExamined": "body_part_examined",
    "series_descriptions": "series_descriptions",
    "SeriesDescription": "series_descriptions",
}


def _dicom_field_names(fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` under their Python names; an unknown name raises ``TypeError``."""
    unknown = sorted(set(fields) - set(_DICOM_FIELDS))
    if unknown:
        known = ", ".join(_DICOM_FIELDS)
        raise TypeError(f"unknown DICOM field(s) {unknown}; map() reads {known}")
    named: dict[str, Any] = {}
    for name, value in fields.items():
        if _DICOM_FIELDS[name] in named:
            raise TypeError(f"DICOM field {name!r} given twice, under two names")
        named[_DICOM_FIELDS[name]] = value
    series = named.get("series_descriptions")
    if isinstance(series, str):
        named["series_descriptions"] = [series]  # one series, not its letters
    return named


def _with_series(parsed: ParsedDescription, series: ParsedDescription) -> ParsedDescription:
    """Fill parts the study description leaves open with what its series show."""
    update: dict[str, Any] = {}
    for name in ("view_type", "view_count", "view_aggregation", "timing"):
        if getattr(parsed, name) in (None, ()) and getattr(series, name) not in (None, ()):
            update[name] = getattr(series, name)
    if not update:
        return parsed
    used = [e for e in series.evidence if e.field in update]
    return parsed.model_copy(update={**update, "evidence": parsed.evidence + tuple(used)})


def _digest(content: dict[str, Any]) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _unspecified_codes(playbook: Playbook) -> dict[str, str]:
    """Per modality (and per ``modality.subtype``), the most general code: ``Unspecified body
    region`` where LOINC has one.

    For a placeholder description this is the honest answer; a modality without one (MG)
    falls back to its code with the fewest parts (``MG Breast Views``).
    """

    def generality(p: Procedure) -> tuple[object, ...]:
        filled = sum(1 for f in PART_FIELDS if getattr(p, f) not in (None, ()))
        return (
            "Unspecified body region" not in p.long_common_name,
            bool(p.region_imaged or p.imaging_focus),
            p.view_aggregation is None,  # not an imaging study (a duration, an index)
            filled,
            len(p.long_common_name),
            p.code,
        )

    options = [
        p
        for p in playbook
        if p.modality_type
        and not p.is_measurement
        and p.status == "ACTIVE"
        and p.subject is None
        and not p.guidance_for_action
        and not p.reason_for_exam
        and p.laterality is None
        and (p.formal_name is None or "&&" not in p.formal_name)
    ]
    chosen: dict[str, str] = {}
    for procedure in sorted(options, key=generality):
        modality = procedure.modality_type or ""
        if procedure.modality_subtype is None:
            chosen.setdefault(modality, procedure.code)
        chosen.setdefault(f"{modality}.{procedure.modality_subtype}", procedure.code)
    return chosen


def _parse_steps(parsed: ParsedDescription) -> list[AuditStep]:
    steps = [AuditStep(step="normalize", detail=f"{parsed.original!r} -> {parsed.normalized!r}")]
    for evidence in parsed.evidence:
        steps.append(
            AuditStep(
                step="parse",
                detail=f"{evidence.field} = {evidence.value} from {evidence.text!r}",
                rule_id=evidence.rule_id,
                span=evidence.span,
            )
        )
    for flag in parsed.flags:
        steps.append(AuditStep(step="flag", detail=flag))
    if parsed.unrecognized:
        steps.append(AuditStep(step="unrecognized", detail=", ".join(parsed.unrecognized)))
    return steps


def _lookup_step(hit: Lookup | None) -> AuditStep:
    if hit is None:
        return AuditStep(step="curated_lookup", detail="miss")
    detail = f"hit ({hit.how}): {hit.overruled or hit.code}"
    if hit.overruled is not None:
        detail += f"; most curated rows with the same parsed parts give {hit.code}"
    return AuditStep(step="curated_lookup", detail=detail)
