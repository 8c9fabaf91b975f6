"""Score one candidate code against a parsed description as a sum of named contributions.

Each comparison yields a ``Contribution`` (name, weight, outcome, sentence); the score is
their sum, so a notebook can draw it as a waterfall and a curator can read it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from typing import NamedTuple

import numpy as np

from loinc_harmonize.formal import (
    ENTERIC_ROUTES,
    SECTION_VIEWS,
    ULTRASOUND_APPROACHES,
    count_text,
)
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


_parts_key = attrgetter(
    *PART_FIELDS,
    "view_count",
    "compatible_modalities",
    "modality_from_text",
    "names_contrast",
    "names_guidance_object",
    "iv_timing",
)


def parts_key(parsed: ParsedDescription) -> tuple[object, ...]:
    """Everything a field-by-field comparison reads from a parsed description."""
    key: tuple[object, ...] = _parts_key(parsed)
    return key


#: Contrast routes a description names when they are used: a code with one of them is not
#: supported by a description that names contrast but no route.
_SAID_ROUTES = frozenset({"PO", "PR", "IT"})


class Compared:
    """The field-by-field comparisons of one parsed description with one code (memoized):
    their records and summed weight."""

    __slots__ = ("parts", "weight")

    def __init__(self, parts: tuple[Contribution, ...], weight: float | None = None) -> None:
        self.parts = parts
        self.weight = sum(p.weight for p in parts) if weight is None else weight


Comparison = Callable[[ParsedDescription, Procedure], "Contribution | None"]


class _Fields(NamedTuple):
    """Comparisons memoized together on every field they read (``ours`` of the description,
    ``theirs`` of the code). Across a batch the same regions, foci and view counts meet the
    same codes' parts over and over, while whole parsed descriptions rarely repeat."""

    compare: Callable[[ParsedDescription, Procedure], Compared]
    ours: Callable[[ParsedDescription], object]
    theirs: Callable[[Procedure], object]


def _fields(
    comparisons: tuple[Comparison, ...],
    ours: tuple[str, ...],
    theirs: tuple[str, ...] | Callable[[Procedure], object],
) -> _Fields:
    def compare(p: ParsedDescription, c: Procedure) -> Compared:
        return Compared(tuple(part for f in comparisons if (part := f(p, c)) is not None))

    return _Fields(compare, attrgetter(*ours), theirs if callable(theirs) else attrgetter(*theirs))


#: IV contrast given, in a formal name ("W contrast IV", "WO & W contrast IV") or a long
#: common name ("WO and W contrast IV"); "WO contrast IV" gives none.
_GIVES_IV_CONTRAST = re.compile(r"\bW contrast IV\b")


def enteric_contrast_only(c: Procedure) -> bool:
    """A code whose only contrast fills the bowel: "CT Abdomen and Pelvis W contrast PO",
    "MR ... W contrast PO and WO contrast IV". Its parts keep one route and one timing, so
    whether IV contrast is given too is read from its name."""
    if c.pharmaceutical_route not in ENTERIC_ROUTES:
        return False
    return not _GIVES_IV_CONTRAST.search(c.formal_name or c.long_common_name)


def _side_timing_route(c: Procedure) -> tuple[object, ...]:
    """What the laterality, timing and route comparisons read from a code."""
    return (c.laterality, c.timing, c.pharmaceutical_route, enteric_contrast_only(c))


def _rare_parts(c: Procedure) -> tuple[object, ...]:
    """What the comparisons of parts most codes lack read from a code."""
    return (
        c.reason_for_exam,
        c.guidance_for_action,
        c.guidance_for_object,
        c.maneuver,
        c.pharmaceutical_substance,
        c.subject,
        c.status,
        _is_composite(c),
    )


class Scorer:
    """Compare a ``ParsedDescription`` with a ``Procedure`` field by field."""

    def __init__(self, settings: Settings, vocabulary: Vocabulary) -> None:
        self.settings = settings
        self.vocabulary = vocabulary
        self._kinds: dict[tuple[str, str], tuple[float, Outcome]] = {}
        w = settings.weight
        self._similarity_scale = np.array(
            [[w("text_similarity")], [w("fuzzy_similarity")], [w("curated_similarity")]]
        )
        # parts key -> code -> comparisons; two levels so the long key is hashed once per call.
        self._memo: dict[tuple[object, ...], dict[str, Compared]] = {}
        self._fields: tuple[_Fields, ...] = (
            _fields(
                (self._modality, self._subtype),
                (
                    "modality_type",
                    "compatible_modalities",
                    "modality_from_text",
                    "modality_subtype",
                ),
                ("modality_type", "modality_subtype"),
            ),
            _fields((self._region,), ("region_imaged",), ("region_imaged",)),
            _fields(
                (self._focus,),
                ("imaging_focus", "region_imaged", "modality_subtype"),
                ("imaging_focus", "region_imaged"),
            ),
            _fields(
                (self._laterality, self._timing, self._route),
                ("laterality", "timing", "pharmaceutical_route", "names_contrast", "iv_timing"),
                _side_timing_route,
            ),
            _fields(
                (self._views, self._view_types),
                ("view_count", "view_type"),
                ("view_count", "view_type"),
            ),
            _fields(
                (
                    self._reason,
                    self._guidance,
                    self._guidance_object,
                    self._maneuver,
                    self._substance,
                    self._subject,
                    self._status,
                    self._composite,
                ),
                (
                    "reason_for_exam",
                    "guidance_for_action",
                    "guidance_for_object",
                    "names_guidance_object",
                    "maneuver",
                    "pharmaceutical_substance",
                    "subject",
                ),
                _rare_parts,
            ),
        )
        # Per group: what the description reads -> what the code reads -> its parts.
        self._field_memos: list[dict[object, dict[int, Compared]]] = [{} for _ in self._fields]
        self._field_entries = 0
        # What a code reads, per group, as a small int: hashing nested tuples for every
        # candidate would cost more than the lookups they key.
        self._theirs_ids: list[dict[object, int]] = [{} for _ in self._fields]
        self._code_inputs: dict[str, tuple[int, ...]] = {}

    def prepare(self, codes: Iterable[Procedure]) -> None:
        """Read what the comparisons read from each code now (``fit`` does, for the playbook)
        rather than when the code is first a candidate."""
        for code in codes:
            self._inputs(code)

    def _inputs(self, code: Procedure) -> tuple[int, ...]:
        inputs = self._code_inputs.get(code.code)
        if inputs is None:
            inputs = self._code_inputs[code.code] = tuple(
                ids.setdefault(f.theirs(code), len(ids))
                for f, ids in zip(self._fields, self._theirs_ids, strict=True)
            )
        return inputs

    def contributions(
        self,
        parsed: ParsedDescription,
        code: Procedure,
        text_similarity: float,
        curated_similarity: float,
        key: tuple[object, ...] | None = None,
        fuzzy_similarity: float = 0.0,
        compared: Compared | None = None,
    ) -> list[Contribution]:
        """All named contributions for one candidate, in a fixed order, as the records kept in
        results: text, word and curated similarity, then the field-by-field comparisons.

        ``key`` is ``parts_key(parsed)`` and ``compared`` is ``compare(parsed, [code])[0]``,
        passed in when scoring many candidates; the records of the comparisons are memoized
        with them (they are immutable).
        """
        similarity = self._similarity_records(
            text_similarity, fuzzy_similarity, curated_similarity, bool(code.synonyms)
        )
        if compared is None:
            compared = self.compare(parsed, [code], key)[0]
        return similarity + list(compared.parts)

    def _similarity_records(
        self, text: float, fuzzy: float, curated: float, synonyms: bool = False
    ) -> list[Contribution]:
        w = self.settings.weight
        names = "the long common name or a synonym" if synonyms else "the long common name"
        out = [
            Contribution(
                name="text_similarity",
                weight=round(w("text_similarity") * text, 4),
                outcome="info",
                detail=f"TF-IDF similarity to the long common name: {text:.2f}",
            ),
            Contribution(
                name="fuzzy_similarity",
                weight=round(w("fuzzy_similarity") * fuzzy, 4),
                outcome="info",
                detail=f"word overlap with {names}: {fuzzy:.2f}",
            ),
        ]
        if curated > 0:
            out.append(
                Contribution(
                    name="curated_similarity",
                    weight=round(w("curated_similarity") * curated, 4),
                    outcome="agree",
                    detail=f"similar curated descriptions have this code: {curated:.2f}",
                )
            )
        return out

    def part_contributions(
        self, parsed: ParsedDescription, code: Procedure, key: tuple[object, ...] | None = None
    ) -> tuple[Contribution, ...]:
        """The field-by-field comparisons; they depend only on the parts, so they are memoized
        (many descriptions of a batch parse to the same parts)."""
        return self.compare(parsed, [code], key)[0].parts

    def compare(
        self,
        parsed: ParsedDescription,
        codes: Sequence[Procedure],
        key: tuple[object, ...] | None = None,
    ) -> list[Compared]:
        """The field-by-field comparisons of the description with each of many codes."""
        memo_key = key if key is not None else parts_key(parsed)
        by_code = self._memo.get(memo_key)
        if by_code is None:
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            by_code = self._memo[memo_key] = {}
        out = []
        by_field: list[dict[int, Compared]] | None = None
        for code in codes:
            cached = by_code.get(code.code)
            if cached is None:
                if by_field is None:
                    by_field = self._by_field(parsed)
                cached = by_code[code.code] = self._parts(parsed, code, by_field)
            out.append(cached)
        return out

    def _by_field(self, parsed: ParsedDescription) -> list[dict[int, Compared]]:
        """Per field, the memo of outcomes for what this description reads."""
        if self._field_entries >= _MEMO_LIMIT * 10:
            for memo in self._field_memos:
                memo.clear()
            self._field_entries = 0
        return [
            memo.setdefault(field.ours(parsed), {})
            for field, memo in zip(self._fields, self._field_memos, strict=True)
        ]

    def _parts(
        self,
        parsed: ParsedDescription,
        code: Procedure,
        by_field: list[dict[int, Compared]],
    ) -> Compared:
        inputs = self._code_inputs.get(code.code) or self._inputs(code)
        parts: tuple[Contribution, ...] = ()
        weight = 0.0
        for field, memo, theirs in zip(self._fields, by_field, inputs, strict=True):
            found = memo.get(theirs)
            if found is None:
                found = memo[theirs] = field.compare(parsed, code)
                self._field_entries += 1
            parts += found.parts
            weight += found.weight
        return Compared(parts, weight)

    def similarity_weights(
        self, text: np.ndarray, fuzzy: np.ndarray, curated: np.ndarray
    ) -> np.ndarray:
        """The three similarity contributions of many candidates at once, rounded as the
        records that ``contributions`` builds for them."""
        # A zero curated similarity has no record; its rounded weight is 0 all the same.
        weighted = np.array((text, fuzzy, curated), dtype=np.float64)
        weighted *= self._similarity_scale
        return np.round(weighted, 4, out=weighted).sum(axis=0)

    # -- one method per part ---------------------------------------------------------------

    def _pair(
        self,
        name: str,
        ours: object,
        theirs: object,
        label: str,
        *,
        conflict_name: str = "conflict",
    ) -> Contribution | None:
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

    def _share(self, name: str, shared: float, extra: float, detail: str) -> Contribution:
        """A partial match of a set-valued part: ``shared`` of the agree weight, ``extra`` (the
        code's share of values the description does not name) of the unsupported weight."""
        weight = self._overlap((f"{name}_agree", shared), (f"{name}_unsupported", extra))
        return Contribution(name=name, weight=weight, outcome="partial", detail=detail)

    def _make(self, name: str, kind: str, detail: str) -> Contribution:
        weight, outcome = self._kinds.get((name, kind)) or self._kind(name, kind)
        return Contribution(name=name, weight=weight, outcome=outcome, detail=detail)

    def _kind(self, name: str, kind: str) -> tuple[float, Outcome]:
        self._kinds[name, kind] = (self.settings.weight(f"{name}_{kind}"), _outcome(kind))
        return self._kinds[name, kind]

    def _modality(self, p: ParsedDescription, c: Procedure) -> Contribution | None:
        if not p.modality_type or not c.modality_type:
            return None
        if c.modality_type == p.modality_type:
            return self._make("modality", "agree", f"modality agrees: {c.modality_type}")
        allowed = p.compatible_modalities
        # The tag allows a nuclear or PET code beside its own; a modality the text names
        # rules out a code that shares no modality with it ("NM ESOPHAGEAL TRANSIT": not PT).
        text_says_other = p.modality_from_text == p.modality_type and not (
            set(p.modality_type.split("+")) & set(c.modality_type.split("+"))
        )
        if c.modality_type in allowed and not text_says_other:
            return Contribution(
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

    def _subtype(self, p: ParsedDescription, c: Procedure) -> Contribution | None:
        return self._pair("subtype", p.modality_subtype, c.modality_subtype, "modality subtype")

    def _region(self, p: ParsedDescription, c: Procedure) -> Contribution | None:
        ours, theirs = set(p.region_imaged), set(c.region_imaged)
        if not ours and not theirs:
            return None
        if not ours:
            return self._make("region", "unsupported", f"code images {', '.join(sorted(theirs))}")
        if not theirs:
            return self._make("region", "missing", "code is for an unspecified body region")
        if ours == theirs:
            return self._make("region", "agree", f"region agrees: {', '.join(sorted(ours))}")
        shared = ours & theirs
        if shared:
            weight = self._overlap(
                ("region_partial", len(shared) / len(ours | theirs)),
                ("region_conflict", 0.4 * len(theirs - ours) / len(theirs)),
            )
            return Contribution(
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

    def _focus(self, p: ParsedDescription, c: Procedure) -> Contribution | None:
        same_as = self.vocabulary.focus_same_as.get  # Toes -> Toe: one focus, two spellings
        ours = {same_as(f, f) for f in p.imaging_focus}
        theirs = {same_as(f, f) for f in c.imaging_focus}
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
        if ours == theirs:
            return self._make("focus", "agree", f"focus agrees: {', '.join(sorted(ours))}")
        # Pairs naming one focus or one part of the other (Spine and Spine.lumbar, the
        # abdominal aorta and the abdominal vessels), each pair read once.
        broader = self.vocabulary.broader_foci  # kept per focus by the vocabulary
        related = [
            (f, t) for f in ours for t in theirs if f == t or t in broader(f) or f in broader(t)
        ]
        matched = {f for f, _ in related}
        if matched:
            # A narrower or broader focus (Toe fifth for TOE) earns a share; foci the code
            # adds that the description does not name count against it.
            extra = theirs - {t for _, t in related}
            return self._share(
                "focus",
                len(matched) / len(ours | theirs),
                len(extra) / len(theirs),
                f"focus overlaps: description {sorted(ours)}, code {sorted(theirs)}",
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

    def _laterality(self, p: ParsedDescription, c: Procedure) -> Contribution | None:
        if not p.laterality and c.laterality == "Bilateral":
            # Both sides is what an unsided description most likely means when no unsided
            # code exists (CT Kidney - bilateral, not CT Kidney - right): a smaller cost.
            return self._make(
                "laterality",
                "both_unsupported",
                "code images both sides; description does not say",
            )
        ours, theirs = p.laterality or "", c.laterality or ""
        if {ours, theirs} in ({"Unilateral", "Left"}, {"Unilateral", "Right"}):
            # One side, named or not: the code names the side the description leaves open,
            # or leaves open the side the description names.
            if ours == "Unilateral":
                detail = f"code images the {theirs.lower()} side; description: one side"
                return self._make("laterality", "unsupported", detail)
            detail = f"description names the {ours.lower()} side; code: one side"
            return self._make("laterality", "missing", detail)
        return self._pair("laterality", p.laterality, c.laterality, "laterality")

    def _timing(self, p: ParsedDescription, c: Procedure) -> Contribution | None:
        if p.timing and not c.timing and not p.names_contrast:
            # Only implied (a CTA is done with contrast): a code that leaves it open is as good.
            return None
        bowel_only = (
            self._iv_timing(p.iv_timing, c)
            if p.iv_timing and p.pharmaceutical_route == c.pharmaceutical_route
            else None
        )
        return bowel_only or self._pair("timing", p.timing, c.timing, "contrast timing")

    def _iv_timing(self, ours: str, c: Procedure) -> Contribution | None:
        """Bowel contrast and IV contrast both timed ("W ORAL WO IV") against a code giving
        bowel contrast only ("CT Abdomen and Pelvis W contrast PO"): it gives no IV contrast."""
        if not enteric_contrast_only(c):
            return None
        route = c.pharmaceutical_route
        if ours == "WO":
            return self._make("timing", "agree", f"contrast {route} only, no IV contrast")
        return self._make(
            "timing",
            "conflict",
            f"contrast timing conflicts: description IV {ours}, code contrast {route} only",
        )

    def _route(self, p: ParsedDescription, c: Procedure) -> Contribution | None:
        ours, theirs = p.pharmaceutical_route, c.pharmaceutical_route
        if not ours and theirs in _SAID_ROUTES and p.names_contrast:
            # Contrast is named but not its route: the IV usual in CT and MR, not oral or rectal.
            return self._make("route", "unsupported", f"code gives contrast {theirs}")
        if not ours or not theirs:
            return None  # most descriptions leave the route to the contrast timing
        if p.iv_timing and theirs == "IV":
            # Bowel and IV contrast both named: a code of IV contrast leaves the bowel's out.
            return self._make("route", "missing", f"description says contrast {ours} too")
        return self._pair("route", ours, theirs, "contrast route")

    def _views(self, p: ParsedDescription, c: Procedure) -> Contribution | None:
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
        counts = f"description {count_text(ours)}, code {count_text(theirs)}"
        if lo <= min(hi_ours, hi_theirs):
            if ours == theirs:
                return self._make("views", "agree", f"view count agrees: {counts}")
            # A code whose range covers the description's claims nothing more ("Views" for
            # "1-2 views"); one inside it ("2 Views") claims a count the description leaves open.
            covers = theirs[0] <= ours[0] and hi_theirs >= hi_ours
            detail = f"view count compatible: {counts}"
            return self._share("views", 0.6, 0.0 if covers else 1.0, detail)
        return self._make("views", "conflict", f"view count conflicts: {counts}")

    def _view_types(self, p: ParsedDescription, c: Procedure) -> Contribution | None:
        ours = {v for v in p.view_type if v != "Frontal"}
        frontal = "Frontal" in p.view_type
        theirs = set(c.view_type)
        if not ours and not theirs:
            return None
        if frontal and theirs & _FRONTAL_VIEWS and not (theirs - _FRONTAL_VIEWS - ours):
            # "Frontal" is AP or PA: compatible with a code naming one, but not proof of it.
            return Contribution(
                name="view_type",
                weight=self.settings.weight("view_type_frontal"),
                outcome="partial",
                detail="frontal view is compatible with AP/PA",
            )
        if ours and ours == theirs:
            return self._make("view_type", "agree", f"views agree: {', '.join(sorted(ours))}")
        if not theirs:
            # Radiographic views are covered by a code that names none ("XR Chest Views"); a
            # nuclear acquisition or an ultrasound approach is another study ("perfusion").
            kinds = sorted(ours & SECTION_VIEWS - _USUAL_APPROACHES)
            if kinds:
                return self._make(
                    "view_type", "missing", f"description says {', '.join(kinds)}; code does not"
                )
            return None
        if not ours:
            return self._make(
                "view_type", "unsupported", f"code names views {', '.join(sorted(theirs))}"
            )
        if _other_projection(p, ours, theirs):
            # A single AP view is not a PA one: "CHEST AP UPRIGHT" is not XR Chest PA upright.
            return self._make(
                "view_type", "conflict", f"views conflict: {sorted(ours)} vs {sorted(theirs)}"
            )
        # A decubitus view without its side is compatible with either side's (Decubitus.left),
        # at half the weight: the code names a side the description leaves open.
        if ours & theirs:
            share = 1.0
        elif any(_within(v, t) for v in ours for t in theirs):
            share = 0.5
        else:
            share = 0.0
        if share:
            return self._views_overlap(ours, theirs, frontal, share)
        return self._make(
            "view_type", "conflict", f"views conflict: {sorted(ours)} vs {sorted(theirs)}"
        )

    def _views_overlap(
        self, ours: set[str], theirs: set[str], frontal: bool, share: float
    ) -> Contribution:
        """Views named on both sides, some alike: the shared ``share`` earns; each side's views
        the other leaves out cost their share (the code's unsupported, the description's
        missing)."""
        unsaid = [t for t in theirs if not _described(t, ours, frontal)]
        # An ultrasound approach the description leaves out is another exam done too
        # (TRANSABDOMINAL is not "transabdominal and transvaginal"), not a view unsaid.
        approaches = [t for t in unsaid if t in ULTRASOUND_APPROACHES]
        left_out = [v for v in ours if not _described(v, theirs, False)]
        weight = self._overlap(
            ("view_type_agree", share / 2),
            ("view_type_unsupported", (len(unsaid) - len(approaches)) / len(theirs)),
        ) + self.settings.weight("view_type_missing") * len(left_out) / len(ours)
        detail = f"views overlap: {sorted(ours)} vs {sorted(theirs)}"
        if approaches:
            weight += self.settings.weight("view_type_approach_unsupported")
            detail += f"; code adds approach {', '.join(sorted(approaches))}"
        return Contribution(
            name="view_type", weight=round(weight, 4), outcome="partial", detail=detail
        )

    def _reason(self, p: ParsedDescription, c: Procedure) -> Contribution | None:
        overlap = self._reasons_overlap(p.reason_for_exam, c.reason_for_exam)
        return overlap or self._pair(
            "reason", p.reason_for_exam, c.reason_for_exam, "reason for exam"
        )

    def _reasons_overlap(self, ours: str | None, theirs: str | None) -> Contribution | None:
        """A share when one reason joins several questions (``+``) and the other asks some
        of them: "Pulmonary embolus+deep vein thrombosis" answers a PE question and another."""
        if not (ours and theirs and ours != theirs and ("+" in ours or "+" in theirs)):
            return None  # the common case, kept cheap: no sets built
        asked, answered = _reasons(ours), _reasons(theirs)
        if asked == answered or not asked & answered:
            return None
        return self._share(
            "reason",
            len(asked & answered) / len(asked | answered),
            len(answered - asked) / len(answered),
            f"reason for exam overlaps: description {ours}, code {theirs}",
        )

    def _guidance(self, p: ParsedDescription, c: Procedure) -> Contribution | None:
        same_as = self.vocabulary.action_same_as.get  # Replacement -> Exchange: one action
        ours = same_as(p.guidance_for_action or "", p.guidance_for_action)
        theirs = same_as(c.guidance_for_action or "", c.guidance_for_action)
        if ours == "Guidance" and theirs:
            return self._make("guidance", "agree", f"guided procedure: {theirs}")
        if not ours and _objects_match(
            _words(p.guidance_for_object), _words(c.guidance_for_object)
        ):
            # "IR CT CHEST TUBE": the object the description names implies the procedure.
            return self._make("guidance", "agree", f"guidance for {c.guidance_for_object}")
        said, coded = _words(ours), _words(theirs)
        if said and coded and (said < coded or coded < said):
            # One action is a kind of the other ("ablation" and "radiofrequency ablation",
            # "angioplasty" and "transluminal angioplasty"): a share of agreement, by the words
            # they share, so the action named exactly still ranks first.
            detail = f"guidance overlaps: description {ours}, code {theirs}"
            return self._share("guidance", len(said & coded) / len(said | coded), 0.0, detail)
        return self._pair("guidance", ours, theirs, "guidance")

    def _guidance_object(self, p: ParsedDescription, c: Procedure) -> Contribution | None:
        """What a guided procedure places or treats, where both name it. LOINC's objects are
        phrases of more or fewer words ("Catheter", "Tunneled central venous catheter without
        port"): the words the description names that the code has earn, the words the code
        adds cost, and a word the other side negates ("non-tunneled") is a conflict. An
        object only implied (the tumor of a whole-body PET) is credited once, through the
        action it implies."""
        ours, theirs = p.guidance_for_object, c.guidance_for_object
        if not ours or not theirs or not p.names_guidance_object:
            return None
        said, coded = _words(ours), _words(theirs)
        if said == coded:
            return self._make("guidance_object", "agree", f"guidance object agrees: {theirs}")
        if not _objects_match(said, coded):
            return self._make(
                "guidance_object",
                "conflict",
                f"guidance object conflicts: description {ours}, code {theirs}",
            )
        return self._share(
            "guidance_object",
            len(said & coded) / len(said),
            len(coded - said) / len(coded),
            f"guidance object overlaps: description {ours}, code {theirs}",
        )

    def _maneuver(self, p: ParsedDescription, c: Procedure) -> Contribution | None:
        ours, theirs = set(p.maneuver), set(c.maneuver)
        if ours and ours == theirs:
            return self._make("maneuver", "agree", f"maneuver agrees: {', '.join(sorted(ours))}")
        if ours & theirs:
            # Flexion and extension described, one of them coded: a share, not agreement.
            return self._share(
                "maneuver",
                len(ours & theirs) / len(ours | theirs),
                len(theirs - ours) / len(theirs),
                f"maneuver overlaps: description {sorted(ours)}, code {sorted(theirs)}",
            )
        if theirs and not ours:
            return self._make(
                "maneuver", "unsupported", f"code has maneuver {', '.join(sorted(theirs))}"
            )
        if ours and not theirs:
            return self._make(
                "maneuver", "missing", f"description says {', '.join(sorted(ours))}; code does not"
            )
        return None

    def _substance(self, p: ParsedDescription, c: Procedure) -> Contribution | None:
        ours, theirs = p.pharmaceutical_substance, c.pharmaceutical_substance
        if not ours and theirs and theirs not in _GENERIC_SUBSTANCES:
            # "SPECT Heart perfusion W Tl-201 IV" claims an agent the description leaves open:
            # a small cost, that prefers "W radionuclide IV" where LOINC has both.
            return self._make("substance", "specific", f"code gives {theirs}")
        if not ours or not theirs or theirs in _GENERIC_SUBSTANCES:
            # A code that gives "radionuclide" leaves open the agent a description names
            # ("PET BRAIN FDG" and "PT Brain"): no conflict, and no credit either.
            return None
        if ours == theirs:
            return self._make("substance", "agree", f"substance agrees: {theirs}")
        if ours in theirs.split(" + "):
            return self._make("substance", "unsupported", f"code also gives {theirs}")
        if theirs.endswith(f" {ours}"):
            # The code names what the description leaves open: "Tc-99m tagged WBC" for "WBC".
            return self._make("substance", "specific", f"code gives {theirs}")
        return self._make("substance", "conflict", f"substance conflicts: {ours} vs {theirs}")

    def _composite(self, p: ParsedDescription, c: Procedure) -> Contribution | None:
        if _is_composite(c):
            return Contribution(
                name="composite",
                weight=self.settings.weight("composite_code"),
                outcome="missing",
                detail="code combines several procedures",
            )
        return None

    def _subject(self, p: ParsedDescription, c: Procedure) -> Contribution | None:
        # What is imaged when it is not the patient: a specimen, a fetus.
        return self._pair("subject", p.subject, c.subject, "subject")

    def _status(self, p: ParsedDescription, c: Procedure) -> Contribution | None:
        if c.status == "ACTIVE":
            return None
        return Contribution(
            name="status",
            weight=self.settings.weight("status_not_active"),
            outcome="conflict",
            detail=f"code is {c.status}",
        )


def _is_composite(c: Procedure) -> bool:
    """A code that combines several procedures (``&&`` in its formal name)."""
    return bool(c.formal_name and "&&" in c.formal_name)


def _reasons(reason: str | None) -> frozenset[str]:
    """The questions a reason for exam asks: LOINC joins several with ``+``."""
    return frozenset(r.strip().lower() for r in reason.split("+")) if reason else frozenset()


def _words(value: str | None) -> frozenset[str]:
    """The words of a guided action or object (none when there is none); "non-tunneled"
    stays one word, the negation of "tunneled"."""
    return frozenset(value.lower().split()) if value else frozenset()


def _objects_match(said: frozenset[str], coded: frozenset[str]) -> bool:
    """Whether two guidance objects, as their words, can name the same thing: they share a
    word and neither negates a word of the other ("Catheter" and "Tunneled central venous
    catheter" can; "Tunneled ..." and "Non-tunneled ..." or "Chest tube" and "Stent" cannot)."""
    negated = any(f"non-{w}" in coded for w in said) or any(f"non-{w}" in said for w in coded)
    return bool(said & coded) and not negated


#: The classes LOINC names when a code leaves the agent open: "W radionuclide IV", "W contrast IV".
_GENERIC_SUBSTANCES = frozenset({"radionuclide", "contrast"})


def _within(view: str, code_view: str) -> bool:
    """One view names a kind of the other (``Decubitus`` and ``Decubitus.left``)."""
    return code_view.startswith(view + ".") or view.startswith(code_view + ".")


#: Ultrasound approaches a code naming none is done by: "US Pelvis" is transabdominal (LOINC
#: names the transvaginal study apart), as an echocardiogram is transthoracic.
_USUAL_APPROACHES = frozenset({"Transabdominal", "Transthoracic"})

#: The views a description's "frontal" may be.
_FRONTAL_VIEWS = frozenset({"AP", "PA"})


#: A single view's projections: one radiograph is taken in one of them.
_LATERALS = frozenset({"Lateral", "L-lateral", "R-lateral"})
_PROJECTIONS = _FRONTAL_VIEWS | _LATERALS


def _other_projection(p: ParsedDescription, ours: set[str], theirs: set[str]) -> bool:
    """A single view named by one projection, coded by another only (AP and PA, AP and a
    lateral; a lateral and a left lateral are one). Where several views are named (a wrist's
    AP, lateral and oblique), the shared ones speak."""
    if p.view_count is None or p.view_count[1] != 1:
        return False
    ours_projections, theirs_projections = ours & _PROJECTIONS, theirs & _PROJECTIONS
    return (
        bool(ours_projections)
        and bool(theirs_projections)
        and not any(_one_projection(a, b) for a in ours_projections for b in theirs_projections)
    )


def _one_projection(a: str, b: str) -> bool:
    return a == b or ("Lateral" in (a, b) and {a, b} <= _LATERALS)


def _described(code_view: str, ours: set[str], frontal: bool) -> bool:
    """The description names this view of a code: itself, a kind of it (or it a kind of one
    named), or AP or PA where it says "frontal"."""
    return (
        code_view in ours
        or any(_within(v, code_view) for v in ours)
        or (frontal and code_view in _FRONTAL_VIEWS)
    )


_OUTCOMES: dict[str, Outcome] = {
    "agree": "agree",
    "broader": "partial",
    "conflict": "conflict",
    "unsupported": "missing",
    "both_unsupported": "missing",
    "specific": "missing",
    "missing": "missing",
}


def _outcome(kind: str) -> Outcome:
    return _OUTCOMES.get(kind, "info")
