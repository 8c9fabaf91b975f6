"""Series descriptions: series-level facts, and study-level parts inferred from a study's series.

``parse_series("PA CHEST")`` reads the view position, plane, MR sequence, contrast phase,
localizer/scout/dose-report/secondary-capture flags, slice thickness and kernel (rules in
``playbook_data/series_lexicon.tsv``). ``aggregate_series`` combines one study's series:
PA + LAT series give 2 views PA and lateral; pre- and post-contrast series give ``WO & W``;
localizers, scouts, dose reports and secondary captures are ignored.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from loinc_harmonize.formal import aggregation_name
from loinc_harmonize.models import Evidence, ParsedDescription
from loinc_harmonize.normalize import as_text, tokens_with_spans
from loinc_harmonize.rules import tokenize
from loinc_harmonize.vocab import data_dir, read_tsv

_FLAGS = ("localizer", "scout", "dose_report", "secondary_capture")
_MULTI = ("view_position", "sequence")
#: Projections that count as views of a radiograph.
_PROJECTIONS = ("AP", "PA", "Lateral", "Oblique", "Decubitus")


class SeriesFacts(BaseModel):
    """What one series description says."""

    model_config = ConfigDict(frozen=True)

    original: str = ""
    view_position: tuple[str, ...] = ()
    plane: str | None = None
    sequence: tuple[str, ...] = ()
    contrast_phase: str | None = Field(None, description="pre, post, arterial, venous, delayed")
    localizer: bool = False
    scout: bool = False
    dose_report: bool = False
    secondary_capture: bool = False
    slice_thickness_mm: float | None = None
    kernel: str | None = None
    evidence: tuple[Evidence, ...] = ()

    @property
    def ignorable(self) -> bool:
        """Localizers, scouts, dose reports and secondary captures carry no study parts."""
        return self.localizer or self.scout or self.dose_report or self.secondary_capture


@dataclass(frozen=True)
class _Rule:
    rule_id: str
    field: str
    value: str


@dataclass(frozen=True)
class _SeriesLexicon:
    tokens: dict[str, list[tuple[tuple[str, ...], list[_Rule]]]]
    regexes: tuple[tuple[re.Pattern[str], _Rule], ...]


@lru_cache(maxsize=1)
def _lexicon() -> _SeriesLexicon:
    grouped: dict[tuple[str, ...], list[_Rule]] = {}
    regexes = []
    for row in read_tsv(
        data_dir() / "series_lexicon.tsv", ("id", "field", "kind", "pattern", "value")
    ):
        rule = _Rule(row["id"], row["field"], row["value"])
        if row["kind"] == "regex":
            regexes.append((re.compile(row["pattern"], re.IGNORECASE), rule))
        else:
            grouped.setdefault(tuple(tokenize(row["pattern"])), []).append(rule)
    tokens: dict[str, list[tuple[tuple[str, ...], list[_Rule]]]] = {}
    for pattern, rules in grouped.items():
        if pattern:
            tokens.setdefault(pattern[0], []).append((pattern, rules))
    for entries in tokens.values():
        entries.sort(key=lambda e: -len(e[0]))
    return _SeriesLexicon(tokens, tuple(regexes))


def parse_series(series_description: object, modality: object = None) -> SeriesFacts:
    """Parse one series description into series-level facts (never raises)."""
    text, _ = as_text(series_description)
    text = text[:500]
    lexicon = _lexicon()
    values: dict[str, list[str]] = {}
    evidence: list[Evidence] = []

    def record(rule: _Rule, value: str, span: tuple[int, int]) -> None:
        values.setdefault(rule.field, [])
        if value not in values[rule.field]:
            values[rule.field].append(value)
        evidence.append(
            Evidence(
                field=rule.field,
                value=value,
                rule_id=rule.rule_id,
                span=span,
                text=text[span[0] : span[1]],
            )
        )

    for regex, rule in lexicon.regexes:
        for match in regex.finditer(text):
            record(rule, match.expand(rule.value), match.span())
    tokens = tokens_with_spans(text)
    words = [t.text for t in tokens]
    at = 0
    while at < len(words):
        for pattern, rules in lexicon.tokens.get(words[at], ()):
            if tuple(words[at : at + len(pattern)]) == pattern:
                span = (tokens[at].start, tokens[at + len(pattern) - 1].end)
                for rule in rules:
                    matched = text[span[0] : span[1]]
                    record(rule, matched.upper() if rule.value == "$match" else rule.value, span)
                at += len(pattern)
                break
        else:
            at += 1
    return _facts(text, values, evidence)


def _facts(text: str, values: dict[str, list[str]], evidence: list[Evidence]) -> SeriesFacts:
    fields: dict[str, object] = {"original": text, "evidence": tuple(evidence)}
    for name in _MULTI:
        fields[name] = tuple(values.get(name, []))
    for name in ("plane", "kernel"):
        if values.get(name):
            fields[name] = values[name][0]
    phases = values.get("contrast_phase", [])
    if phases:
        # A series named "pre" and "post" is a subtraction: post-contrast.
        fields["contrast_phase"] = next((p for p in phases if p != "pre"), "pre")
    for flag in _FLAGS:
        fields[flag] = bool(values.get(flag))
    if values.get("slice_thickness"):
        with contextlib.suppress(ValueError):
            fields["slice_thickness_mm"] = float(values["slice_thickness"][0])
    return SeriesFacts(**fields)  # type: ignore[arg-type]


def aggregate_series(
    series: Iterable[object | SeriesFacts], modality: object = None
) -> ParsedDescription:
    """Study-level parts implied by a study's series descriptions.

    Returns a ``ParsedDescription`` holding only what the series show: view types and count,
    and contrast timing. Each part's evidence names the series it came from.
    """
    facts = [s if isinstance(s, SeriesFacts) else parse_series(s, modality) for s in series]
    used = [f for f in facts if not f.ignorable]
    evidence: list[Evidence] = []
    views: list[str] = []
    for f in used:
        for view in f.view_position:
            if view in _PROJECTIONS and view not in views:
                views.append(view)
                evidence.append(_from_series(f, "view_type", view))
    phases = {f.contrast_phase for f in used if f.contrast_phase}
    timing = None
    if phases:
        post = phases - {"pre"}
        timing = "WO & W" if "pre" in phases and post else ("W" if post else "WO")
        evidence.extend(_from_series(f, "timing", timing) for f in used if f.contrast_phase)
    count = (len(views), len(views)) if views else None
    return ParsedDescription(
        original=" | ".join(f.original for f in facts),
        view_type=tuple(views),
        view_count=count,
        view_aggregation=aggregation_name(count) if count else None,
        timing=timing,
        evidence=tuple(evidence),
        flags=tuple(f"ignored series: {f.original!r}" for f in facts if f.ignorable),
    )


def _from_series(facts: SeriesFacts, field: str, value: str) -> Evidence:
    return Evidence(
        field=field,
        value=value,
        rule_id="SERIES",
        span=(0, len(facts.original)),
        text=facts.original,
    )
