"""Derive playbook parts from a LOINC formal name (COMPONENT, SYSTEM, METHOD_TYP).

Used when only ``Loinc.csv`` is available, and to fill gaps in the Playbook file. Every
function here is total: arbitrary text gives a (possibly empty) parts dict, never an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache, partial

from loinc_harmonize.vocab import Vocabulary

_LATERALITY = {
    "right": "Right",
    "left": "Left",
    "bilateral": "Bilateral",
    "unilateral": "Unilateral",
}
_LAT_SUFFIX = re.compile(r"\.(right|left|bilateral|unilateral)\b", re.IGNORECASE)
_VIEW_CORE = re.compile(
    r"^(?P<kind>views?|multisection|guidance|view)\b\s*(?P<rest>.*)$", re.IGNORECASE
)
_COUNT = re.compile(
    r"^(?:(?P<op>GE|LE|GT|LT)\s+)?(?P<n>\d+)(?:\s+or\s+(?P<m>\d+))?\b\s*(?P<rest>.*)$"
)
#: A count among named views: ``Views 2`` in ``View + Views 2``, ``1 or 2`` in
#: ``Views AP + 1 or 2``.
_NUMBERED = re.compile(r"^(?:views?\s+)?(?P<n>\d+)(?:\s+or\s+(?P<m>\d+))?$", re.IGNORECASE)
_ISOTOPE = re.compile(r"\b(?:[A-Z][a-z]?-\d+m?|\d+[A-Z][a-z]?-\w+)\b")
_ROUTES = ("IV", "IA", "IS", "IT", "PO", "IH", "PR", "SC", "IM", "ID")
#: What a nuclear study acquires: its views, written after "Multisection" as after "Views"
#: (``Multisection perfusion``, ``Views perfusion``), and not radiographic views to count.
NUCLEAR_ACQUISITIONS = frozenset(
    {
        "Perfusion",
        "Perfusion qualitative",
        "Ventilation",
        "Blood pool",
        "Gated",
        "Wall motion",
        "Ejection fraction",
    }
)
#: Words that qualify a study after its views, not views: ``Views limited``,
#: ``Multisection transthoracic limited``.
_QUALIFIERS = ("limited", "diagnostic", "screening")
_QUALIFIER = re.compile(rf"\s+(?:{'|'.join(_QUALIFIERS)})$", re.IGNORECASE)
#: Qualifiers of MG's views that are the reason CT's names give with "for" ("Views screening",
#: "CT Chest for screening"): screening and diagnostic mammograms are told apart by them.
_REASON_QUALIFIERS = re.compile(r"\b(screening|diagnostic)\b", re.IGNORECASE)
#: "Guidance for biopsy"; "Guidance additional for ...", "Guidance 2 levels for ..." and
#: "Guidance initial day for ..." count the procedures guided, and "Guidance limited for ..."
#: qualifies the study: none of them is a view.
_GUIDANCE_COUNTS = ("additional", "initial", "secondary", "therapeutic", "multiple")
_GUIDANCE = re.compile(
    rf"^guidance(?:\s+(?:{'|'.join(_GUIDANCE_COUNTS + _QUALIFIERS)}|(?:GE\s+)?\d+))*"
    r"(?:\s+(?:levels?|days?))?(?:\s+for\s+(?P<body>.+))?$",
    re.IGNORECASE,
)
#: An ultrasound's approach, written after "Multisection" (``Multisection transvaginal``).
ULTRASOUND_APPROACHES = frozenset(
    {"Transthoracic", "Transesophageal", "Transabdominal", "Transvaginal", "Transrectal"}
)
#: What LOINC writes after "Multisection" that names the study's views; none is a radiographic
#: view a count of views would include.
SECTION_VIEWS = NUCLEAR_ACQUISITIONS | ULTRASOUND_APPROACHES
_APPROACHES = ("percutaneous", "transrectal", "transvaginal", "endoscopic", "open", "transjugular")


def _lat(token: str) -> tuple[str, str | None]:
    """Split a trailing laterality suffix off a SYSTEM token."""
    found = None
    for match in _LAT_SUFFIX.finditer(token):
        found = _LATERALITY[match.group(1).lower()]
    return _LAT_SUFFIX.sub("", token).strip(), found


def _joined_focus(name: str, previous: str) -> str:
    """A focus joined to the one before by "+", named in full: in ``Wrist.pisiform+triquetrum``
    the second is ``Wrist.triquetrum``; in ``Biliary ducts+pancreatic duct``, ``Pancreatic
    duct``."""
    if not name[:1].islower():
        return name
    if "." in previous and "." not in name:
        return f"{previous.rsplit('.', 1)[0]}.{name}"
    return name[:1].upper() + name[1:]


def parse_system(system: str, vocab: Vocabulary) -> dict[str, object]:
    """Parse SYSTEM (``Lower extremity.right>Knee``) into region, focus, laterality, subject."""
    regions: list[str] = []
    foci: list[str] = []
    lateralities: list[str] = []
    subject = None
    text = str(system or "")
    if "^" in text:
        text, _, subj = text.partition("^")
        subject = _lat(subj.strip())[0] or None
        if subject == "Patient":
            subject = None
    whole: list[str] = []  # regions named on their own
    holding: set[str] = set()  # regions that hold a named focus
    for element in re.split(r"\s*&&\s*|\s+&\s+", text):
        element = element.strip()
        if not element or element.upper() == "XXX":
            continue
        left, sep, right = element.partition(">")
        for token in left.split("+"):
            name, lat = _lat(token)
            if lat:
                lateralities.append(lat)
            if not name or name.upper() == "XXX":
                continue
            if sep:
                regions.append(name)
                holding.add(name)
            elif vocab.is_region(name):
                regions.append(name)
                whole.append(name)
            else:
                foci.append(name)
                parent = vocab.region_of(name)
                if parent:
                    regions.append(parent)
                    holding.add(parent)
        previous = ""
        for token in right.split("+") if sep else ():
            name, lat = _lat(token)
            if lat:
                lateralities.append(lat)
            if name:
                previous = _joined_focus(name, previous)
                foci.append(previous)
    # "Chest>Ribs & Chest" images the ribs and the whole chest, "Head & Head>Sinuses" the head
    # and the sinuses: the region named whole beside a focus it holds is a focus too, or the
    # code would read exactly as the ribs (the sinuses) alone.
    foci.extend(r for r in whole if r in holding)
    laterality = None
    if lateralities:
        laterality = lateralities[0] if len(set(lateralities)) == 1 else "Bilateral"
    return {
        "region_imaged": _unique(regions),
        "imaging_focus": _unique(foci),
        "laterality": laterality,
        "subject": subject,
    }


def parse_method(method: str, vocab: Vocabulary) -> dict[str, object]:
    """Parse METHOD_TYP (``CT.angio``, ``XR.portable``, ``PT+CT``, ``XR && RF``)."""
    types: list[str] = []
    subtypes: list[str] = []
    for piece in re.split(r"\s*&&\s*", str(method or "")):
        piece = piece.strip()
        if not piece or piece.startswith("{"):
            continue
        whole = vocab.modality_alias(piece)
        if whole:
            types.append(whole)
            continue
        head, _, sub = piece.partition(".")
        for token in head.split("+"):
            canonical = vocab.modality_alias(token.strip())
            if canonical:
                types.append(canonical)
        if sub:
            sub_head, _, sub_tail = sub.partition("+")
            if sub_head.strip():
                subtypes.append(vocab.modality_subtype(sub_head.strip()))
            if sub_tail:
                canonical = vocab.modality_alias(sub_tail.strip())
                if canonical:
                    types.append(canonical)
    kinds = _unique(types)
    return {
        "modality_type": "+".join(kinds) if kinds else None,
        "modality_subtype": next(iter(_unique(subtypes)), None),
    }


def parse_component(component: str) -> dict[str, object]:
    """Parse COMPONENT (``Views 2^W standing``, ``Multisection^WO & W contrast IV``)."""
    parts: dict[str, object] = {}
    view_types: list[str] = []
    maneuvers: list[str] = []
    counts: list[tuple[int, int | None]] = []
    timings: list[tuple[str, str | None]] = []
    for procedure in _procedures(str(component or "")):
        core, *challenges = [p.strip() for p in procedure.split("^")]
        _parse_core(core, parts, view_types, counts)
        for challenge in challenges:
            _parse_challenge(challenge.rstrip(")"), parts, maneuvers, timings)
    if view_types:
        parts["view_type"] = _unique(view_types)
    if maneuvers:
        parts["maneuver"] = _unique(maneuvers)
    if len(counts) > 1:  # views of several procedures: the aggregation names their total
        total = _sum_counts(counts)
        parts["view_count"], parts["view_aggregation"] = total, aggregation_name(total)
    elif counts:
        parts["view_count"] = counts[0]
    if timings:
        parts["timing"] = _combine_timings(timings)
    return parts


def _procedures(component: str) -> list[str]:
    """The procedures of a component: joined by ``&&``, or as parenthesized groups joined by
    ``+`` (``(Views 2 or 3) + (Views^W flexion + W extension)``), each without its parentheses."""
    return [
        _unwrap(group)
        for procedure in re.split(r"\s*&&\s*", component)
        for group in re.split(r"\)\s*\+\s*\(", procedure)
    ]


def _unwrap(group: str) -> str:
    """A group without the parentheses that enclose it, keeping any it encloses (``(Views AP +
    lateral) for scoliosis`` -> ``Views AP + lateral for scoliosis``)."""
    text = group.strip()
    if not text.startswith("(") and not re.match(r"^[^(]*\)", text):
        return text
    text = text.removeprefix("(")
    depth, kept = 0, []
    for char in text:
        if char == ")" and depth == 0:
            continue  # closes the group's own opening parenthesis
        depth += {"(": 1, ")": -1}.get(char, 0)
        kept.append(char)
    return "".join(kept).strip()


def _parse_core(
    core: str, parts: dict[str, object], view_types: list[str], counts: list[tuple[int, int | None]]
) -> None:
    guidance = _GUIDANCE.match(core)
    if guidance:
        _parse_guidance(guidance.group("body") or "", parts)
        return
    match = _VIEW_CORE.match(core)
    if not match:
        return
    kind = match.group("kind").lower()
    rest = match.group("rest").strip()
    if " for " in f" {rest} ":
        rest, _, reason = f" {rest} ".partition(" for ")
        rest = rest.strip()
        parts.setdefault("reason_for_exam", reason.strip().capitalize())
    if rest.lower().startswith("for "):
        parts.setdefault("reason_for_exam", rest[4:].strip().capitalize())
        rest = ""
    qualifier = _REASON_QUALIFIERS.search(rest)
    if qualifier:
        # "Views screening" (MG) asks what "for screening" (CT) asks; "Views diagnostic for
        # implant" asks both, joined as LOINC joins reasons.
        named = qualifier.group(1).capitalize()
        reason = str(parts.get("reason_for_exam") or "")
        parts["reason_for_exam"] = f"{reason}+{named}" if reason else named
    if kind == "multisection":
        parts.setdefault("view_aggregation", "Multisection" + (f" {rest}" if rest else ""))
        # A nuclear study's acquisitions and an ultrasound's approach are its views.
        pieces = (_QUALIFIER.sub("", t) for t in re.split(r"\s*\+\s*", rest))
        named = [_view_name(t) for t in pieces if t]
        view_types.extend(v for v in named if v in SECTION_VIEWS)
        return
    count = _COUNT.match(rest)
    explicit: tuple[int, int | None] | None = None
    if count:
        n = int(count.group("n"))
        m = int(count.group("m")) if count.group("m") else None
        op = count.group("op")
        if op in ("GE", "GT"):
            explicit = (n + (op == "GT"), None)
        elif op in ("LE", "LT"):
            explicit = (1, n - (op == "LT"))
        elif m is not None:
            explicit = (min(n, m), max(n, m))
        else:
            explicit = (n, n)
        rest = count.group("rest")
    named = [t.strip() for t in re.split(r"\s*[+&]\s*|\s+and\s+", rest) if t.strip()]
    # Qualifiers ("limited diagnostic") are not views.
    named = [t for t in named if not set(t.lower().split()) <= set(_QUALIFIERS)]
    numbered = [_NUMBERED.match(t) for t in named]
    if any(numbered):
        # "View + Views 2", "Views AP + 1 or 2": a count of views beside single named ones.
        singles = [t for t, m in zip(named, numbered, strict=True) if m is None]
        ranges: list[tuple[int, int | None]] = [
            (int(m["n"]), int(m["m"] or m["n"])) for m in numbered if m is not None
        ]
        view_types.extend(v for t in singles for v in _view_names(t))
        total = _sum_counts([(1, 1)] * max(len(singles), kind == "view") + ranges)
        counts.append(total)
        parts.setdefault("view_aggregation", aggregation_name(total))
        return
    view_types.extend(v for t in named for v in _view_names(t))
    if kind == "view":
        counts.append((1, 1))
        parts.setdefault("view_aggregation", "Single view")
    elif explicit is not None:
        extra = len(named) if named and explicit[0] == explicit[1] else 0
        lo, hi = explicit[0] + extra, (explicit[1] + extra if explicit[1] is not None else None)
        counts.append((lo, hi))
        parts.setdefault("view_aggregation", aggregation_name((lo, hi)))
    elif len(named) >= 2:
        counts.append((len(named), len(named)))
        parts.setdefault("view_aggregation", f"{len(named)} views")
    else:
        counts.append((1, None))
        parts.setdefault("view_aggregation", "Views")


def aggregation_name(count: tuple[int, int | None]) -> str:
    """View aggregation wording for a count range: Single view, 2 views, GE 3 views."""
    lo, hi = count
    if hi is None:
        return "Views" if lo <= 1 else f"GE {lo} views"  # LOINC's "Views": one or more
    if lo == hi:
        return "Single view" if lo == 1 else f"{lo} views"
    return f"{lo}-{hi} views"


def count_text(count: tuple[int, int | None]) -> str:
    """A view count range as a reader writes it: ``1``, ``2-3``, ``>= 3``."""
    lo, hi = count
    if hi is None:
        return f">= {lo}"
    return str(lo) if lo == hi else f"{lo}-{hi}"


#: The view a decubitus on each side is read as, in codes and descriptions alike.
DECUBITUS_VIEWS = {"L": "Decubitus.left", "R": "Decubitus.right"}

#: "AP L-lateral-decubitus": an AP view with the patient lying on the left side.
_DECUBITUS = re.compile(
    r"^\(?(?:views?\s+)?(?:(?P<projection>AP|PA)\s+)?(?:(?P<side>[LR])-)?"
    r"(?:lateral[- ])?decubitus(?:\s+portable)?\)?$",
    re.IGNORECASE,
)


#: Positions a view is taken in: named alone, each is a view ("Views supine + upright");
#: after a projection, the position it is taken in ("View PA upright").
POSITIONS = frozenset({"Supine", "Upright"})
_POSITIONED = re.compile(
    rf"^(?P<projection>.+?)\s+(?P<position>{'|'.join(sorted(POSITIONS))})$", re.IGNORECASE
)


def _view_names(token: str) -> tuple[str, ...]:
    """The view types a named view stands for: a decubitus view is its projection and the
    side the patient lies on (``Decubitus.left``), and a view in a position its projection and
    the position (``PA upright``: PA, Upright), so a description naming either matches. The
    view is still one view."""
    positioned = _POSITIONED.match(token.strip())
    if positioned is not None:
        return (*_view_names(positioned["projection"]), positioned["position"].capitalize())
    decubitus = _DECUBITUS.match(token.strip())
    if decubitus is None:
        return (_view_name(token),)
    view = DECUBITUS_VIEWS.get((decubitus.group("side") or "").upper(), "Decubitus")
    projection = decubitus.group("projection")
    return (*((projection.upper(),) if projection else ()), view)


def _view_name(token: str) -> str:
    upper = token.upper()
    if upper in ("AP", "PA", "LPO", "RPO", "LAO", "RAO"):
        return upper
    return token[:1].upper() + token[1:]


def _parse_guidance(body: str, parts: dict[str, object]) -> None:
    text = body.strip()
    words = text.split(" ", 1)
    if words and words[0].lower() in _APPROACHES:
        parts["guidance_for_approach"] = words[0].capitalize()
        text = words[1] if len(words) > 1 else ""
    action, _, obj = text.partition(" of ")
    action = action.split("+")[0].split(".")[0].strip()
    parts["guidance_for_action"] = action.capitalize() if action else "Guidance"
    if obj:
        parts["guidance_for_object"] = obj.split("+")[0].strip().capitalize()


#: Challenge terms are joined by "+" (``W flexion + W extension``), by "&" between maneuvers
#: (``upright & supine``; not ``WO & W``), or follow one another (``during surgery W contrast
#: IV`` is a maneuver, then a contrast timing).
_CHALLENGE_TERMS = re.compile(r"\s*\+\s*|\s+&\s+(?!WO?\b)|(?<![&\s])\s+(?=WO?\s)")


def _parse_challenge(
    challenge: str,
    parts: dict[str, object],
    maneuvers: list[str],
    timings: list[tuple[str, str | None]],
) -> None:
    for term in _CHALLENGE_TERMS.split(challenge):
        term = term.strip()
        match = re.match(r"^(WO\s*&\s*W|W\s*&\s*WO|WO|W)\s+(.+)$", term, re.IGNORECASE)
        if not match:
            if term:
                maneuvers.append(term.capitalize())
            continue
        prefix = re.sub(r"\s+", "", match.group(1).upper())
        what = match.group(2).strip()
        if _is_pharmaceutical(what):
            substance, route = _split_route(what)
            timings.append(({"WO&W": "WO & W", "W&WO": "WO & W"}.get(prefix, prefix), route))
            if prefix != "WO":  # a code "WO contrast" gives no substance
                # Several substances (18F-FDG and contrast) are all kept: each is a claim.
                known = str(parts.get("pharmaceutical_substance") or "")
                if substance not in known.split(" + "):
                    parts["pharmaceutical_substance"] = (
                        f"{known} + {substance}" if known else substance
                    )
                if route:
                    parts.setdefault("pharmaceutical_route", route)
        else:
            maneuvers.append(what.capitalize())


def _is_pharmaceutical(what: str) -> bool:
    lower = what.lower()
    if "contrast" in lower or "radionuclide" in lower or _ISOTOPE.search(what):
        return True
    last = what.split()[-1] if what.split() else ""
    return last in _ROUTES


def _split_route(what: str) -> tuple[str, str | None]:
    words = what.split()
    if len(words) > 1 and words[-1] in _ROUTES:
        return " ".join(words[:-1]), words[-1]
    return what, None


#: Routes of contrast that fills the bowel: beside IV contrast, the IV timing is the code's
#: (``W contrast PO+WO contrast IV`` is a study without IV contrast, not a WO and W one).
ENTERIC_ROUTES = ("PO", "PR")


def _combine_timings(timed: list[tuple[str, str | None]]) -> str:
    timings = [timing for timing, route in timed if route not in ENTERIC_ROUTES]
    timings = timings or [timing for timing, _ in timed]
    kinds = set(timings)
    if "WO & W" in kinds or ("WO" in kinds and "W" in kinds):
        return "WO & W"
    return timings[0]


def _sum_counts(counts: list[tuple[int, int | None]]) -> tuple[int, int | None]:
    lo = sum(c[0] for c in counts)
    his = [c[1] for c in counts]
    hi = None if any(h is None for h in his) else sum(h for h in his if h is not None)
    return (lo, hi)


def _unique(values: list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values:
        if value:
            seen.setdefault(value, None)
    return tuple(seen)


def parts_from_formal_name(
    component: str, system: str, method: str, vocab: Vocabulary
) -> dict[str, object]:
    """All parts derivable from the three formal-name axes."""
    parts: dict[str, object] = {}
    parts.update(parse_component(component))
    parts.update(parse_system(system, vocab))
    parts.update(parse_method(method, vocab))
    return parts


def formal_name_reader(vocab: Vocabulary) -> Callable[[str, str, str], dict[str, object]]:
    """``parts_from_formal_name`` that reads each axis value once: a release's codes repeat
    them (LOINC's 7,403 radiology codes have about 2,200 components, 1,300 systems and 200
    methods), and reading them is most of loading a playbook."""
    component = cache(parse_component)
    system = cache(partial(parse_system, vocab=vocab))
    method = cache(partial(parse_method, vocab=vocab))

    def read(component_text: str, system_text: str, method_text: str) -> dict[str, object]:
        # A fresh dict per code: the cached ones are shared.
        return {**component(component_text), **system(system_text), **method(method_text)}

    return read


def body_system(regions: tuple[str, ...], vocab: Mapping[str, int] | None = None) -> str:
    """MIDRC's body-system grouping: regions joined by ``+`` in head-to-toe order."""
    order = vocab or {}
    if not regions:
        return "Unspecified"
    ranked = sorted(set(regions), key=lambda r: (order.get(r, 99), r))
    return "+".join(ranked)
