"""Parse a description into playbook parts, with the rule id and original span of each part.

``parse`` returns a ``ParsedDescription`` whose part fields use the same names and values as
``Procedure``, so the two compare field by field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from loinc_harmonize.formal import (
    DECUBITUS_VIEWS,
    ENTERIC_ROUTES,
    POSITIONS,
    SECTION_VIEWS,
    aggregation_name,
)
from loinc_harmonize.models import BODY_PART_RULE, TUPLE_FIELDS, Evidence, ParsedDescription
from loinc_harmonize.normalize import Normalized, Token, as_text, normalized
from loinc_harmonize.rules import Lexicon, PartRule, default_lexicon

_TAG_SPLIT = re.compile(r"[\s,;/\\|\[\]'\"()]+")
_VIEW_WORDS = ("view", "views")
#: View types that count as a projection when inferring a view count from named views. Other
#: named views (Mortise, Grashey) make the count a lower bound: descriptions that list them
#: often list more than this parser reads ("IR/ER/GRASHEY/Y/AXILLARY").
_PROJECTIONS = frozenset(
    {
        "AP",
        "PA",
        "Lateral",
        "Oblique",
        "Frontal",
        "Supine",
        "Upright",
        "Decubitus",
        "Apical lordotic",
    }
)

#: A projection that, named alone, is one view (a position such as "upright" is not: "W/UPRIGHT"
#: adds an upright view to the usual ones).
_SINGLE_VIEWS = frozenset({"AP", "PA", "Lateral", "Frontal"})


def parse_modality_tag(value: object, lexicon: Lexicon) -> tuple[tuple[str, ...], list[str]]:
    """Split a DICOM Modality value (``CT,PT``, ``CR, DX``, ``[blank]``) into known codes."""
    text, _ = as_text(value)
    known: list[str] = []
    flags: list[str] = []
    for token in _TAG_SPLIT.split(text.upper()):
        if not token or token in ("BLANK", "NONE", "NAN", "NULL"):
            continue
        if lexicon.vocabulary.compatible_types(token):
            if token not in known:
                known.append(token)
        else:
            flags.append(f"modality tag {token!r} is not an imaging modality; ignored")
    return tuple(known), flags


def compatible_modalities(tags: Iterable[str], lexicon: Lexicon) -> tuple[str, ...]:
    """Playbook modality types compatible with any of the DICOM tags, in tag order."""
    seen: dict[str, None] = {}
    for tag in tags:
        for kind in lexicon.vocabulary.compatible_types(tag):
            seen.setdefault(kind, None)
    return tuple(seen)


class _Collector:
    """Accumulates part values and their evidence while scanning tokens."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.values: dict[str, list[str]] = {}
        self.evidence: list[Evidence] = []

    def add(
        self,
        field: str,
        value: str,
        rule_id: str,
        span: tuple[int, int],
        text: str | None = None,
    ) -> None:
        """Record ``field = value`` with its evidence: the text of ``span``, or ``text`` for
        what is not in the description (DICOM BodyPartExamined)."""
        self.values.setdefault(field, [])
        if value not in self.values[field]:
            self.values[field].append(value)
        start, end = span
        self.evidence.append(
            Evidence(
                field=field,
                value=value,
                rule_id=rule_id,
                span=span,
                text=self.original[start:end] if text is None else text,
            )
        )

    def drop(self, field: str, value: str) -> None:
        """Forget ``field = value`` and its evidence."""
        if value in self.values.get(field, ()):
            self.values[field].remove(value)
            self.evidence = [e for e in self.evidence if (e.field, e.value) != (field, value)]

    def first(self, field: str) -> str | None:
        return self.values.get(field, [None])[0]


Matches = list[tuple[int, list[PartRule]]]


def _matches(words: list[str], lexicon: Lexicon) -> Matches:
    """The longest part pattern at each position (both scans read them)."""
    return [lexicon.longest_parts(words, at) for at in range(len(words))]


def _text_modalities(matches: Matches) -> list[str]:
    found: list[str] = []
    at = 0
    while at < len(matches):
        length, rules = matches[at]
        for rule in rules:
            if rule.field == "modality_type" and rule.value not in found:
                found.append(rule.value)
        at += max(length, 1)
    return found


def _choose_modality(
    tags: tuple[str, ...], text_kinds: list[str], lexicon: Lexicon
) -> tuple[str | None, tuple[str, ...], list[str]]:
    """Tag is strong evidence; the text refines it (PT + CT); disagreement is flagged."""
    allowed = compatible_modalities(tags, lexicon)
    flags: list[str] = []
    if "PT+CT" in text_kinds:
        text_kinds = ["PT+CT", *[k for k in text_kinds if k not in ("PT", "CT", "PT+CT")]]
    elif {"PT", "NM"} <= set(text_kinds):
        # "NM PET VIABILITY": nuclear medicine's department names the PET it performs.
        text_kinds = ["PT", *[k for k in text_kinds if k != "PT"]]
    if not allowed:
        return (text_kinds[0] if text_kinds else None), tuple(text_kinds), flags
    named = [
        kind
        for tag in tags
        for kind in lexicon.vocabulary.dicom_if_named.get(tag, ())
        if kind in text_kinds and kind not in allowed
    ]
    allowed = (*allowed, *dict.fromkeys(named))
    hybrid_tag = {"CT", "PT"} <= set(tags) or "CTPT" in tags
    if hybrid_tag and (not text_kinds or text_kinds[0] in ("PT", "CT", "PT+CT")):
        return "PT+CT", allowed, flags
    if {"CT", "NM"} <= set(tags) and not text_kinds:
        return "NM", allowed, flags  # a nuclear study, its CT for attenuation and anatomy
    for kind in text_kinds:
        if kind in allowed:
            return kind, allowed, flags
    if text_kinds:
        flags.append(
            f"modality conflict: DICOM Modality {', '.join(tags)} but the text says "
            f"{text_kinds[0]}; the DICOM value is used"
        )
    return allowed[0], allowed, flags


def _in_scope(rule: PartRule, modality: str | None) -> bool:
    if not rule.scope:
        return True
    if modality is None:
        return False
    return modality in rule.scope


def _scan(
    tokens: list[Token],
    modality: str | None,
    lexicon: Lexicon,
    out: _Collector,
    matches: Matches | None = None,
) -> list[str]:
    """Apply part rules by longest match; return the tokens no rule recognized."""
    words = [t.text for t in tokens]
    if matches is None:
        matches = _matches(words, lexicon)
    unrecognized: list[str] = []
    at = 0
    while at < len(words):
        length, rules = matches[at]
        usable = [r for r in rules if _in_scope(r, modality)]
        if not usable:
            word = words[at]
            if word.isalpha() and word not in _VIEW_WORDS and word not in lexicon.known_words:
                unrecognized.append(word)
            at += 1
            continue
        span = (tokens[at].start, tokens[at + length - 1].end)
        for rule in usable:
            out.add(rule.field, rule.value, rule.rule_id, span)
        at += length
    return unrecognized


def _view_count(
    tokens: list[Token],
) -> tuple[tuple[int, int | None] | None, tuple[int, int] | None]:
    """Explicit counts: ``2 views``, ``1 - 2 views``, ``2 or 3 views``, ``2/3 views`` (the
    slash is gone: ``2 3 views``), ``3 + views``, ``min 2 views``, ``2 views min`` and
    ``less than 4 views``."""
    words = [t.text for t in tokens]
    for i, word in enumerate(words):
        if word not in _VIEW_WORDS:
            continue
        span = (tokens[max(i - 3, 0)].start, tokens[i].end)
        tail = words[max(i - 3, 0) : i]
        if len(tail) >= 3 and tail[-3].isdigit() and tail[-2] in ("-", "or") and tail[-1].isdigit():
            lo, hi = sorted((int(tail[-3]), int(tail[-1])))
            return (lo, hi), span
        if len(tail) >= 2 and tail[-2].isdigit() and tail[-1].isdigit():
            lo, hi = int(tail[-2]), int(tail[-1])
            if 0 < lo < hi < 20:
                return (lo, hi), (tokens[i - 2].start, tokens[i].end)
        if len(tail) >= 2 and tail[-2].isdigit() and tail[-1] == "+":
            return (int(tail[-2]), None), span
        if tail and tail[-1].isdigit() and 0 < int(tail[-1]) < 20:
            n = int(tail[-1])
            if len(tail) >= 2 and tail[-2] == "min":  # "minimum 2 views" is at least 2
                return (n, None), (tokens[i - 2].start, tokens[i].end)
            if tail[-3:-1] == ["less", "than"] and n > 1:  # "less than 4 views" is 1 to 3
                return (1, n - 1), (tokens[i - 3].start, tokens[i].end)
            if words[i + 1 : i + 2] == ["min"]:  # so is "2 views min"
                return (n, None), (tokens[i - 1].start, tokens[i + 1].end)
            if _views_added(words, i):  # "2 VIEWS WITH DECUBITUS VIEWS": two, and more
                return (n + 1, None), (tokens[i - 1].start, tokens[i].end)
            return (n, n), (tokens[i - 1].start, tokens[i].end)
        if word == "view":
            return (1, 1), (tokens[i].start, tokens[i].end)
    return None, None


def _views_added(words: list[str], at: int) -> bool:
    """Whether the views counted at ``at`` are followed by more, joined and not counted:
    "2 VIEWS WITH DECUBITUS VIEWS" (LOINC's "2 Views and Views Lateral-decubitus")."""
    if words[at + 1 : at + 2] not in (["with"], ["and"], ["plus"], ["+"]):
        return False
    return any(
        word in _VIEW_WORDS and not words[j - 1].isdigit()
        for j, word in enumerate(words[at + 2 : at + 6], start=at + 2)
    )


def _region_from_foci(out: _Collector, lexicon: Lexicon) -> None:
    for focus in list(out.values.get("imaging_focus", [])):
        region = lexicon.vocabulary.region_of(focus)
        if region and region not in out.values.get("region_imaged", []):
            source = next(
                e for e in out.evidence if e.field == "imaging_focus" and e.value == focus
            )
            if source.rule_id == BODY_PART_RULE:
                # BodyPartExamined gave the focus, so it gives the region it lies in.
                out.add("region_imaged", region, BODY_PART_RULE, (0, 0), text=source.text)
            else:
                out.add("region_imaged", region, "HIERARCHY", source.span)


def _drop_lone_whole_regions(out: _Collector, lexicon: Lexicon) -> None:
    """A region joined to a focus it holds ("ribs with chest") is imaged whole beside it, as
    LOINC's ``Chest>Ribs & Chest`` is, and comes after the focus as there; joined to anything
    else ("abdomen and chest") it is only a region: that reading is dropped with its evidence."""
    foci = out.values.get("imaging_focus", [])
    vocab = lexicon.vocabulary
    whole = [f for f in foci if vocab.is_region(f)]
    if not whole:
        return
    held = {vocab.region_of(f) for f in foci}
    for region in whole:
        if region in held:  # kept, after the focus it holds
            foci.remove(region)
            foci.append(region)
        else:
            out.drop("imaging_focus", region)


#: The decubitus view each side word names (LOINC: L-lateral-decubitus, R-lateral-decubitus).
_DECUBITUS_SIDES = {
    "Left": (DECUBITUS_VIEWS["L"],),
    "Right": (DECUBITUS_VIEWS["R"],),
    "Bilateral": (DECUBITUS_VIEWS["L"], DECUBITUS_VIEWS["R"]),
}


def _decubitus_side(out: _Collector) -> None:
    """A side named with a decubitus view is the side the patient lies on, not a side of the
    chest or abdomen: "DECUBITUS LEFT" is the view ``Decubitus.left``, "bilateral" is both."""
    values = out.values
    if "Decubitus" not in values.get("view_type", []) or values.get("imaging_focus"):
        return
    sided = [e for e in out.evidence if e.field == "laterality" and e.value in _DECUBITUS_SIDES]
    if not sided:
        return
    for value in list(values["laterality"]):
        out.drop("laterality", value)
    out.drop("view_type", "Decubitus")
    for side in sided:
        for view in _DECUBITUS_SIDES[side.value]:
            out.add("view_type", view, side.rule_id, side.span)


def _apply_implications(modality: str | None, lexicon: Lexicon, out: _Collector) -> None:
    """Add parts the description implies (a PE study is a CTA with contrast), marked as such."""
    for rule, needed in lexicon.implication_triggers.get(modality or "", ()):
        if rule.mode == "set" and out.values.get(rule.field):
            continue
        if needed is not None and needed[1] not in out.values.get(needed[0], ()):
            continue
        if not all(_holds(out.values.get(field, []), value) for field, value in rule.when):
            continue
        if rule.mode == "drop":
            out.drop(rule.field, rule.value)
            continue
        trigger = next(
            (
                e
                for e in out.evidence
                for f, v in rule.when
                if e.field == f and e.value in v.split("|")
            ),
            None,
        )
        span = trigger.span if trigger else (0, 0)
        if rule.mode == "replace":
            out.values[rule.field] = []
            if not rule.value:
                out.evidence.append(
                    Evidence(
                        field=rule.field,
                        value="",
                        rule_id=rule.rule_id,
                        span=span,
                        text=out.original[span[0] : span[1]],
                    )
                )
                continue
        out.add(rule.field, rule.value, rule.rule_id, span)


def _holds(found: list[str], wanted: str) -> bool:
    """A condition of an implication: ``*`` any value, empty no value, ``!value`` not that
    value (``field!=value`` in the file), ``a|b`` one of them (``a|`` that one or none), else
    that value."""
    if wanted == "*":
        return bool(found)
    if wanted.startswith("!"):
        return wanted[1:] not in found
    options = wanted.split("|")
    return any(w in found for w in options) or ("" in options and not found)


def _count_range(text: str) -> tuple[int, int | None]:
    """``"1-1"`` -> (1, 1); ``"3-"`` -> (3, None)."""
    lo, _, hi = text.partition("-")
    return int(lo), int(hi) if hi else None


def _timing(values: list[str]) -> str | None:
    if not values:
        return None
    if "WO & W" in values or ("WO" in values and "W" in values):
        return "WO & W"
    return values[0]


#: A timing's words naming IV contrast, or contrast at all.
_NAMES_IV = re.compile(r"\bIV\b", re.IGNORECASE)
_NAMES_CONTRAST = re.compile(r"\bCONTRAST\b", re.IGNORECASE)


class _Contrast(NamedTuple):
    """The contrast a description times, read with its bowel contrast routes."""

    study: list[str]  # the study's timings (its IV contrast's, where both are timed)
    iv: list[str]  # the IV contrast's, where the text names bowel contrast too
    bowel_denied: bool  # "W IV WO ORAL": the bowel contrast named is not given


def _contrast(out: _Collector) -> _Contrast:
    """The timings read, less those of bowel contrast ("with oral contrast", "enterography")
    where the text times other contrast too ("without IV contrast"): as in LOINC's names, the
    study's timing is then that of its IV contrast."""
    read = out.values.get("timing", [])
    routes = [
        e.span
        for e in out.evidence
        if e.field == "pharmaceutical_route" and e.value in ENTERIC_ROUTES
    ]
    if not routes:
        return _Contrast(read, [], bowel_denied=False)
    timings = [e for e in out.evidence if e.field == "timing"]
    bowel = [
        e
        for e in timings
        if not e.rule_id.startswith("IMP")  # an implied timing is the study's (screening: WO)
        and any(_times_route(e, r, out.original) for r in routes)
    ]
    others = [e.value for e in timings if e not in bowel]
    if any(e.value == "WO" for e in bowel):
        return _Contrast(others, [], bowel_denied=True)
    iv = [e.value for e in timings if _NAMES_IV.search(e.text)]
    if not iv and any(e.field == "pharmaceutical_route" and e.value == "IV" for e in out.evidence):
        iv = others or read  # "W ORAL WO IV"; "W/ PO IV", one timing for both
    return _Contrast(others or read if len(read) > 1 else read, iv, bowel_denied=False)


def _times_route(timing: Evidence, route: tuple[int, int], text: str) -> bool:
    """A timing written with a bowel contrast route: from the same words (a rewrite), the word
    just before it ("W ORAL"), or "contrast" (read as W) just after it ("ORAL CONTRAST"). A
    timing that names IV contrast is not the bowel contrast's ("NO IV CONTRAST ORAL ONLY"),
    nor is one that names its contrast before it ("W CONTRAST, NO ORAL")."""
    start, end = timing.span
    if (start, end) == route:
        return True
    if _NAMES_IV.search(timing.text):
        return False
    if (
        end <= route[0]
        and not text[end : route[0]].strip()
        and not _NAMES_CONTRAST.search(timing.text)
    ):
        return True
    return timing.value == "W" and route[1] <= start and not text[route[1] : start].strip()


def _laterality(values: list[str]) -> str | None:
    sides = [v for v in values if v != "Unilateral"] or values  # "UNILATERAL RIGHT": the right
    if not sides:
        return None
    return sides[0] if len(sides) == 1 else "Bilateral"


def parse(
    description: object,
    modality: object = None,
    body_part_examined: object = None,
    *,
    lexicon: Lexicon | None = None,
) -> ParsedDescription:
    """Parse a study description into playbook parts.

    Examples
    --------
    >>> p = parse("CT ABD/PEL W/O", modality="CT")
    >>> p.modality_type, p.region_imaged, p.timing
    ('CT', ('Abdomen', 'Pelvis'), 'WO')
    """
    lex = lexicon or default_lexicon()
    norm = normalized(description, lex)
    tags, flags = parse_modality_tag(modality, lex)
    tokens = norm.tokens
    matches = _matches([t.text for t in tokens], lex)
    text_kinds = _text_modalities(matches)
    chosen, allowed, modality_flags = _choose_modality(tags, text_kinds, lex)
    flags.extend(norm.flags)
    flags.extend(modality_flags)
    out = _Collector(norm.original)
    # A placeholder's words ("BODY OUTSIDE IMAGE") say nothing of the study.
    unrecognized = [] if norm.placeholder else _scan(tokens, chosen, lex, out, matches)
    _add_body_part(body_part_examined, chosen, lex, out)
    _region_from_foci(out, lex)
    _drop_lone_whole_regions(out, lex)
    _decubitus_side(out)
    # Implications refine what the text says; with nothing read they would invent a study.
    if any(e.rule_id.startswith(("PAR", BODY_PART_RULE)) for e in out.evidence):
        _apply_implications(chosen, lex, out)
        _region_from_foci(out, lex)  # of a focus an implication gave
    subtypes = lex.vocabulary.dicom_subtypes
    implied_subtype = next((subtypes[t] for t in tags if t in subtypes), None)
    # Only named views are counted per region; most descriptions name none.
    several = bool(out.values.get("view_type")) and _several_regions(out, lex)
    return _assemble(
        norm, out, tags, allowed, chosen, text_kinds, unrecognized, flags, implied_subtype, several
    )


#: The parts DICOM BodyPartExamined gives.
_BODY_PART_FIELDS = ("region_imaged", "imaging_focus")


def _add_body_part(value: object, modality: str | None, lex: Lexicon, out: _Collector) -> None:
    """DICOM BodyPartExamined fills the region only when the text names none."""
    if value is None or out.values.get("region_imaged") or out.values.get("imaging_focus"):
        return
    body = normalized(value, lex)
    if body.placeholder:
        return
    scratch = _Collector(body.original)
    _scan(body.tokens, modality, lex, scratch)
    for field in _BODY_PART_FIELDS:
        for region in scratch.values.get(field, []):
            # Not in the description: no span, and the text is BodyPartExamined's.
            out.add(field, region, BODY_PART_RULE, (0, 0), text=body.original)


def _several_regions(out: _Collector, lex: Lexicon) -> bool:
    """Whether the text names several regions ("ABDOMEN ... WITH CHEST", "RIBS WITH PA CHEST").
    Regions a focus implies (the thoracic and lumbar spine's) are one body part, not several."""
    named = {
        e.value for e in out.evidence if e.field == "region_imaged" and e.rule_id != "HIERARCHY"
    }
    foci = out.values.get("imaging_focus", [])
    return len(named) > 1 or any(lex.vocabulary.is_region(f) for f in foci)


def _study_count(
    stated: tuple[int, int | None] | None, views: list[str], several_regions: bool
) -> tuple[int, int | None] | None:
    """The study's view count from the count the text states and the projections it names.

    Views named for one of several regions ("ABDOMEN SUPINE AND ERECT WITH CHEST") say nothing
    of the others': they count at least, not exactly; so does a stated count that is fewer
    than the projections named ("SUPINE UPRIGHT AND 1 VIEW CHEST": the one view is the chest's).
    """
    named = [v for v in views if v.partition(".")[0] in _PROJECTIONS]  # Decubitus.left
    projections = named if several_regions else _positions_qualified(named)
    if stated is not None:
        if several_regions and stated[1] is not None and len(projections) > stated[1]:
            return max(stated[0], len(projections)), None
        return stated
    special = [v for v in views if v not in named and v not in SECTION_VIEWS]
    if special and len(projections) + len(special) >= 2:
        return len(projections) + len(special), None
    if len(projections) >= 2:
        return len(projections), None if several_regions else len(projections)
    if len(projections) == 1 and projections[0] in _SINGLE_VIEWS:
        return 1, None if several_regions else 1  # "CHEST AP": one projection, one view
    return None


def _positions_qualified(projections: list[str]) -> list[str]:
    """The named views that count, where projections and positions are both named. One
    position is the one the projections are taken in ("PA UPRIGHT" is one view, "PA AND
    LATERAL UPRIGHT" two, as LOINC's "PA upright" and "PA and Lateral upright"); several
    positions are the views, taken in the projection named ("AP SUPINE AND UPRIGHT": the two
    views of an abdomen series)."""
    positions = [v for v in projections if v in POSITIONS]
    others = [v for v in projections if v not in POSITIONS]
    if not positions or not others:
        return projections
    return others if len(positions) == 1 else positions


def _assemble(
    normalized: Normalized,
    out: _Collector,
    tags: tuple[str, ...],
    allowed: tuple[str, ...],
    chosen: str | None,
    text_kinds: list[str],
    unrecognized: list[str],
    flags: list[str],
    implied_subtype: str | None = None,
    several_regions: bool = False,
) -> ParsedDescription:
    values = out.values
    fields: dict[str, object] = {}
    for field, found in values.items():
        if field == "view_count":
            continue
        if field in TUPLE_FIELDS:
            fields[field] = tuple(found)
        elif found and field not in ("timing", "laterality", "modality_type"):
            # (``found`` is empty when an implication dropped the only value.) The generic
            # "guided" yields to the action it names (biopsy, drainage).
            specific = [v for v in found if v != "Guidance"]
            fields[field] = specific[0] if specific else found[0]
    contrast = _contrast(out)
    fields["timing"] = _timing(contrast.study)
    fields["iv_timing"] = _timing(contrast.iv)
    if contrast.bowel_denied:
        given = [r for r in values.get("pharmaceutical_route", []) if r not in ENTERIC_ROUTES]
        fields["pharmaceutical_route"] = given[0] if given else None
    fields["laterality"] = _laterality(values.get("laterality", []))
    fields["modality_type"] = chosen
    # A count the text states (in numbers or a word such as KUB), then the named
    # projections, then a count an implication infers.
    count, count_span = _view_count(normalized.tokens)
    stated = {
        e.value for e in out.evidence if e.field == "view_count" and e.rule_id.startswith("PAR")
    }
    if count is None and stated:
        count = _count_range(sorted(stated)[0])
    count = _study_count(count, values.get("view_type", []), several_regions)
    if count is None and values.get("view_count"):
        count = _count_range(values["view_count"][0])
    if count is not None:
        fields["view_count"] = count
        fields["view_aggregation"] = aggregation_name(count)
        if count_span is not None:
            out.evidence.append(
                Evidence(
                    field="view_count",
                    value=f"{count[0]}-{count[1] or ''}",
                    rule_id="VIEWCOUNT",
                    span=count_span,
                    text=normalized.original[count_span[0] : count_span[1]],
                )
            )
    if implied_subtype and not fields.get("modality_subtype"):
        fields["modality_subtype"] = implied_subtype  # DICOM ST is a SPECT acquisition
    evidence = out.evidence
    if normalized.placeholder:
        # Only the DICOM tags speak for a placeholder: the modality, and the region
        # BodyPartExamined names (with the region its focus lies in).
        kept = {f: fields[f] for f in _BODY_PART_FIELDS if f in fields}
        fields = {"modality_type": chosen, "modality_subtype": implied_subtype, **kept}
        evidence = [e for e in evidence if e.field in kept]
    return ParsedDescription(
        **fields,  # type: ignore[arg-type]
        original=normalized.original,
        normalized=normalized.text,
        usable=not normalized.placeholder,
        modality_tag=tags,
        compatible_modalities=allowed,
        modality_from_text=text_kinds[0] if text_kinds else None,
        evidence=tuple(evidence),
        unrecognized=tuple(dict.fromkeys(unrecognized)),
        flags=tuple(flags),
    )
