"""Score one candidate code against a parsed description as a sum of named contributions.

Each comparison yields a ``Contribution`` (name, weight, outcome, sentence); the score is
their sum, so a notebook can draw it as a waterfall and a curator can read it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

import numpy as np

from loinc_harmonize.models import (
    PART_FIELDS,
    Contribution,
    Outcome,
    ParsedDescription,
    Procedure,
)
from loinc_harmonize.settings import Settings
from loinc_harmonize.vocab import Vocabulary

#: Parsed descriptions whose comparisons are memoized at most (a cache, cleared when full).
_MEMO_LIMIT = 20_000


def parts_key(parsed: ParsedDescription) -> tuple[object, ...]:
    """Everything a field-by-field comparison reads from a parsed description."""
    return (
        *(getattr(parsed, name) for name in PART_FIELDS),
        parsed.view_count,
        parsed.compatible_modalities,
    )


class Part(NamedTuple):
    """A contribution before it becomes a ``Contribution`` (cheap to build for every candidate)."""

    name: str
    weight: float
    outcome: Outcome
    detail: str

    def to_model(self) -> Contribution:
        """The pydantic record kept in results."""
        return Contribution(
            name=self.name, weight=self.weight, outcome=self.outcome, detail=self.detail
        )


class _Compared:
    """The memoized comparisons of one parsed description with one code."""

    __slots__ = ("parts", "weight", "_records")

    def __init__(self, parts: tuple[Part, ...]) -> None:
        self.parts = parts
        self.weight = sum(p.weight for p in parts)
        self._records: tuple[Contribution, ...] | None = None

    def records(self, record: Callable[[Part], Contribution]) -> tuple[Contribution, ...]:
        if self._records is None:
            self._records = tuple(record(p) for p in self.parts)
        return self._records


Comparison = Callable[[ParsedDescription, Procedure], "Part | None"]


def _by_inputs(
    compare: Comparison, inputs: Callable[[ParsedDescription, Procedure], tuple[object, ...]]
) -> Comparison:
    """Memoize a comparison on the few fields it reads (``inputs`` must name all of them):
    across a batch the same regions, foci and view counts meet the same codes' parts over and
    over, while whole parsed descriptions rarely repeat."""
    memo: dict[tuple[object, ...], Part | None] = {}

    def compare_once(p: ParsedDescription, c: Procedure) -> Part | None:
        key = inputs(p, c)
        if key in memo:
            return memo[key]
        if len(memo) >= _MEMO_LIMIT * 10:
            memo.clear()
        memo[key] = result = compare(p, c)
        return result

    return compare_once


class Scorer:
    """Compare a ``ParsedDescription`` with a ``Procedure`` field by field."""

    def __init__(self, settings: Settings, vocabulary: Vocabulary) -> None:
        self.settings = settings
        self.vocabulary = vocabulary
        self._kinds: dict[tuple[str, str], tuple[float, Outcome]] = {}
        self._part_records: dict[Part, Contribution] = {}
        # parts key -> code -> comparisons; two levels so the long key is hashed once per call.
        self._memo: dict[tuple[object, ...], dict[str, _Compared]] = {}
        # The costlier comparisons are memoized on the fields they read.
        self._comparisons: tuple[Comparison, ...] = (
            _by_inputs(
                self._modality,
                lambda p, c: (p.modality_type, p.compatible_modalities, c.modality_type),
            ),
            self._subtype,
            _by_inputs(self._region, lambda p, c: (p.region_imaged, c.region_imaged)),
            _by_inputs(
                self._focus,
                lambda p, c: (
                    p.imaging_focus,
                    p.region_imaged,
                    p.modality_subtype,
                    c.imaging_focus,
                    c.region_imaged,
                ),
            ),
            self._laterality,
            self._timing,
            _by_inputs(self._views, lambda p, c: (p.view_count, c.view_count)),
            _by_inputs(self._view_types, lambda p, c: (p.view_type, c.view_type)),
            self._reason,
            _by_inputs(
                self._guidance,
                lambda p, c: (
                    p.guidance_for_action,
                    p.guidance_for_object,
                    c.guidance_for_action,
                    c.guidance_for_object,
                ),
            ),
            self._maneuver,
            self._substance,
            self._status,
            self._composite,
        )

    def contributions(
        self,
        parsed: ParsedDescription,
        code: Procedure,
        text_similarity: float,
        curated_similarity: float,
        key: tuple[object, ...] | None = None,
        fuzzy_similarity: float = 0.0,
    ) -> list[Contribution]:
        """All named contributions for one candidate, in a fixed order, as the records kept in
        results: text, word and curated similarity, then the field-by-field comparisons.

        ``key`` is ``parts_key(parsed)``, passed in when scoring many candidates; the records of
        the comparisons are memoized with them (they are immutable).
        """
        similarity = self._similarity_parts(text_similarity, fuzzy_similarity, curated_similarity)
        compared = self._compared(parsed, [code], key)[0]
        return [p.to_model() for p in similarity] + list(compared.records(self._record))

    def _record(self, part: Part) -> Contribution:
        # One comparison outcome ("modality agrees: XR") recurs across codes and descriptions;
        # its record is immutable, so one is shared.
        record = self._part_records.get(part)
        if record is None:
            if len(self._part_records) >= _MEMO_LIMIT:
                self._part_records.clear()
            record = self._part_records[part] = part.to_model()
        return record

    def _similarity_parts(self, text: float, fuzzy: float, curated: float) -> list[Part]:
        w = self.settings.weight
        out = [
            Part(
                name="text_similarity",
                weight=round(w("text_similarity") * text, 4),
                outcome="info",
                detail=f"TF-IDF similarity to the long common name: {text:.2f}",
            ),
            Part(
                name="fuzzy_similarity",
                weight=round(w("fuzzy_similarity") * fuzzy, 4),
                outcome="info",
                detail=f"word overlap with the long common name: {fuzzy:.2f}",
            ),
        ]
        if curated > 0:
            out.append(
                Part(
                    name="curated_similarity",
                    weight=round(w("curated_similarity") * curated, 4),
                    outcome="agree",
                    detail=f"similar curated descriptions have this code: {curated:.2f}",
                )
            )
        return out

    def part_contributions(
        self, parsed: ParsedDescription, code: Procedure, key: tuple[object, ...] | None = None
    ) -> tuple[Part, ...]:
        """The field-by-field comparisons; they depend only on the parts, so they are memoized
        (many descriptions of a batch parse to the same parts)."""
        return self._compared(parsed, [code], key)[0].parts

    def part_weights(
        self,
        parsed: ParsedDescription,
        codes: Sequence[Procedure],
        key: tuple[object, ...] | None = None,
    ) -> np.ndarray:
        """The summed weight of ``part_contributions`` for each of many codes."""
        return np.array([c.weight for c in self._compared(parsed, codes, key)], dtype=np.float64)

    def _compared(
        self,
        parsed: ParsedDescription,
        codes: Sequence[Procedure],
        key: tuple[object, ...] | None,
    ) -> list[_Compared]:
        memo_key = key if key is not None else parts_key(parsed)
        by_code = self._memo.get(memo_key)
        if by_code is None:
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            by_code = self._memo[memo_key] = {}
        out = []
        for code in codes:
            cached = by_code.get(code.code)
            if cached is None:
                parts = tuple(
                    item
                    for compare in self._comparisons
                    if (item := compare(parsed, code)) is not None
                )
                cached = by_code[code.code] = _Compared(parts)
            out.append(cached)
        return out

    def similarity_weights(
        self, text: np.ndarray, fuzzy: np.ndarray, curated: np.ndarray
    ) -> np.ndarray:
        """The three similarity contributions of many candidates at once, rounded as the
        ``Part`` records that ``contributions`` builds for them."""
        w = self.settings.weight
        return (
            np.round(w("text_similarity") * text.astype(np.float64), 4)
            + np.round(w("fuzzy_similarity") * fuzzy.astype(np.float64), 4)
            + np.where(
                curated > 0, np.round(w("curated_similarity") * curated.astype(np.float64), 4), 0.0
            )
        )

    # -- one method per part ---------------------------------------------------------------

    def _pair(
        self,
        name: str,
        ours: object,
        theirs: object,
        label: str,
        *,
        conflict_name: str = "conflict",
    ) -> Part | None:
        """Generic single-valued comparison: agree, conflict, unsupported or missing."""
        if not ours and not theirs:
            return None
        if ours and theirs:
            if str(ours).lower() == str(theirs).lower():
                return self._make(name, "agree", f"{label} agrees: {ours}")
            return self._make(
                name, conflict_name, f"{label} conflicts: description {ours}, code {theirs}"
            )
        if theirs:
            return self._make(
                name, "unsupported", f"code has {label} {theirs}; description does not say"
            )
        return self._make(name, "missing", f"description says {label} {ours}; code does not")

    def _overlap(self, shared: tuple[str, float], extra: tuple[str, float]) -> float:
        """A partial match of sets (regions, foci): the shared share earns, what the code adds
        beyond the description costs, each as a fraction of a named weight."""
        (earn, shared_share), (cost, extra_share) = shared, extra
        weight = (
            self.settings.weight(earn) * shared_share + self.settings.weight(cost) * extra_share
        )
        return round(weight, 4)

    def _make(self, name: str, kind: str, detail: str) -> Part:
        weight, outcome = self._kinds.get((name, kind)) or self._kind(name, kind)
        return Part(name, weight, outcome, detail)

    def _kind(self, name: str, kind: str) -> tuple[float, Outcome]:
        self._kinds[name, kind] = (self.settings.weight(f"{name}_{kind}"), _outcome(kind))
        return self._kinds[name, kind]

    def _modality(self, p: ParsedDescription, c: Procedure) -> Part | None:
        if not p.modality_type or not c.modality_type:
            return None
        if c.modality_type == p.modality_type:
            return self._make("modality", "agree", f"modality agrees: {c.modality_type}")
        allowed = p.compatible_modalities
        if c.modality_type in allowed:
            return Part(
                name="modality",
                weight=0.0,
                outcome="partial",
                detail=f"code modality {c.modality_type} is allowed by the DICOM Modality",
            )
        return self._make(
            "modality",
            "conflict",
            f"modality conflicts: description {p.modality_type}, code {c.modality_type}",
        )

    def _subtype(self, p: ParsedDescription, c: Procedure) -> Part | None:
        return self._pair("subtype", p.modality_subtype, c.modality_subtype, "modality subtype")

    def _region(self, p: ParsedDescription, c: Procedure) -> Part | None:
        ours, theirs = set(p.region_imaged), set(c.region_imaged)
        if not ours and not theirs:
            return None
        if not ours:
            return self._make("region", "unsupported", f"code images {', '.join(sorted(theirs))}")
        if not theirs:
            return Part(
                name="region",
                weight=0.0,
                outcome="missing",
                detail="code is for an unspecified body region",
            )
        if ours == theirs:
            return self._make("region", "agree", f"region agrees: {', '.join(sorted(ours))}")
        shared = ours & theirs
        if shared:
            weight = self._overlap(
                ("region_partial", len(shared) / len(ours | theirs)),
                ("region_conflict", 0.4 * len(theirs - ours) / len(theirs)),
            )
            return Part(
                name="region",
                weight=weight,
                outcome="partial",
                detail=f"region overlaps: description {sorted(ours)}, code {sorted(theirs)}",
            )
        return self._make(
            "region",
            "conflict",
            f"region conflicts: description {sorted(ours)}, code {sorted(theirs)}",
        )

    def _focus(self, p: ParsedDescription, c: Procedure) -> Part | None:
        ours, theirs = set(p.imaging_focus), set(c.imaging_focus)
        if not ours and not theirs:
            return None
        if not ours:
            if p.modality_subtype == "Angio" and self._vessels_of(theirs) <= set(p.region_imaged):
                # An angiogram of a region images its vessels: the code says what the text implies.
                return self._make("focus", "broader", "angiography images the region's vessels")
            return self._make(
                "focus", "unsupported", f"code focuses on {', '.join(sorted(theirs))}"
            )
        if not theirs:
            regions = {self.vocabulary.region_of(f) for f in ours}
            if regions & set(c.region_imaged):
                return self._make("focus", "broader", "code covers the whole region of the focus")
            return None
        matched = {f for f in ours if f in theirs or any(_within(f, t) for t in theirs)}
        if matched == ours and len(theirs) <= len(ours):
            return self._make("focus", "agree", f"focus agrees: {', '.join(sorted(ours))}")
        if matched:
            # Foci the code adds that the description does not name count against it.
            extra = {t for t in theirs if not any(t == f or _within(f, t) for f in ours)}
            weight = self._overlap(
                ("focus_agree", len(matched) / len(ours | theirs)),
                ("focus_unsupported", len(extra) / len(theirs)),
            )
            return Part(
                name="focus",
                weight=weight,
                outcome="partial",
                detail=f"focus overlaps: description {sorted(ours)}, code {sorted(theirs)}",
            )
        return self._make(
            "focus",
            "conflict",
            f"focus conflicts: description {sorted(ours)}, code {sorted(theirs)}",
        )

    def _vessels_of(self, foci: set[str]) -> set[str | None]:
        """Regions whose vessels the foci are; a non-vascular focus yields None."""
        return {
            self.vocabulary.region_of(f) if f in self.vocabulary.vessels else None for f in foci
        }

    def _laterality(self, p: ParsedDescription, c: Procedure) -> Part | None:
        return self._pair("laterality", p.laterality, c.laterality, "laterality")

    def _timing(self, p: ParsedDescription, c: Procedure) -> Part | None:
        return self._pair("timing", p.timing, c.timing, "contrast timing")

    def _views(self, p: ParsedDescription, c: Procedure) -> Part | None:
        ours, theirs = p.view_count, c.view_count
        if ours is None or theirs is None:
            if ours is None and theirs is not None and theirs[0] == theirs[1]:
                return self._make("views", "unsupported", f"code has exactly {theirs[0]} view(s)")
            if ours is None and theirs is not None and theirs[0] >= 2:
                return self._make("views", "unsupported", f"code has at least {theirs[0]} views")
            return None
        lo = max(ours[0], theirs[0])
        hi_ours = ours[1] if ours[1] is not None else 10**6
        hi_theirs = theirs[1] if theirs[1] is not None else 10**6
        if lo <= min(hi_ours, hi_theirs):
            exact = ours == theirs
            weight = self.settings.weight("views_agree") * (1.0 if exact else 0.6)
            return Part(
                name="views",
                weight=weight,
                outcome="agree" if exact else "partial",
                detail=f"view count compatible: description {_count(ours)}, code {_count(theirs)}",
            )
        return self._make(
            "views",
            "conflict",
            f"view count conflicts: description {_count(ours)}, code {_count(theirs)}",
        )

    def _view_types(self, p: ParsedDescription, c: Procedure) -> Part | None:
        ours = {v for v in p.view_type if v != "Frontal"}
        frontal = "Frontal" in p.view_type
        theirs = set(c.view_type)
        if not ours and not theirs:
            return None
        if frontal and theirs & {"AP", "PA"} and not (theirs - {"AP", "PA"} - ours):
            # "Frontal" is AP or PA: compatible with a code naming one, but not proof of it.
            return Part(
                name="view_type",
                weight=self.settings.weight("view_type_frontal"),
                outcome="partial",
                detail="frontal view is compatible with AP/PA",
            )
        if ours and ours == theirs:
            return self._make("view_type", "agree", f"views agree: {', '.join(sorted(ours))}")
        if not theirs:
            return None
        if not ours:
            return self._make(
                "view_type", "unsupported", f"code names views {', '.join(sorted(theirs))}"
            )
        if ours & theirs:
            return Part(
                name="view_type",
                weight=self.settings.weight("view_type_agree") / 2,
                outcome="partial",
                detail=f"views overlap: {sorted(ours)} vs {sorted(theirs)}",
            )
        return self._make(
            "view_type", "conflict", f"views conflict: {sorted(ours)} vs {sorted(theirs)}"
        )

    def _reason(self, p: ParsedDescription, c: Procedure) -> Part | None:
        return self._pair("reason", p.reason_for_exam, c.reason_for_exam, "reason for exam")

    def _guidance(self, p: ParsedDescription, c: Procedure) -> Part | None:
        ours = p.guidance_for_action
        theirs = c.guidance_for_action
        if ours == "Guidance" and theirs:
            return self._make("guidance", "agree", f"guided procedure: {theirs}")
        if not ours and c.guidance_for_object and p.guidance_for_object == c.guidance_for_object:
            return self._make("guidance", "agree", f"guidance for {c.guidance_for_object}")
        return self._pair("guidance", ours, theirs, "guidance")

    def _maneuver(self, p: ParsedDescription, c: Procedure) -> Part | None:
        ours, theirs = set(p.maneuver), set(c.maneuver)
        if ours & theirs:
            return self._make(
                "maneuver", "agree", f"maneuver agrees: {', '.join(sorted(ours & theirs))}"
            )
        if theirs and not ours:
            return self._make(
                "maneuver", "unsupported", f"code has maneuver {', '.join(sorted(theirs))}"
            )
        return None

    def _substance(self, p: ParsedDescription, c: Procedure) -> Part | None:
        ours, theirs = p.pharmaceutical_substance, c.pharmaceutical_substance
        if not ours or not theirs:
            return None
        if ours == theirs:
            return self._make("substance", "agree", f"substance agrees: {theirs}")
        if ours in theirs.split(" + "):
            return self._make("substance", "unsupported", f"code also gives {theirs}")
        return self._make("substance", "conflict", f"substance conflicts: {ours} vs {theirs}")

    def _composite(self, p: ParsedDescription, c: Procedure) -> Part | None:
        if c.formal_name and "&&" in c.formal_name:
            return Part(
                name="composite",
                weight=self.settings.weight("composite_code"),
                outcome="missing",
                detail="code combines several procedures",
            )
        return None

    def _status(self, p: ParsedDescription, c: Procedure) -> Part | None:
        if c.status == "ACTIVE":
            return None
        return Part(
            name="status",
            weight=self.settings.weight("status_not_active"),
            outcome="conflict",
            detail=f"code is {c.status}",
        )


def _within(focus: str, code_focus: str) -> bool:
    """``Spine`` in a description is satisfied by ``Spine.lumbar`` in a code, and vice versa."""
    return code_focus.startswith(focus + ".") or focus.startswith(code_focus + ".")


def _count(count: tuple[int, int | None]) -> str:
    lo, hi = count
    if hi is None:
        return f">= {lo}"
    return str(lo) if lo == hi else f"{lo}-{hi}"


_OUTCOMES: dict[str, Outcome] = {
    "agree": "agree",
    "broader": "partial",
    "conflict": "conflict",
    "unsupported": "missing",
    "missing": "missing",
}


def _outcome(kind: str) -> Outcome:
    return _OUTCOMES.get(kind, "info")
