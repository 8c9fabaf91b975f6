"""Render a ``MappingResult`` as text a curator can read."""

from __future__ import annotations

from loinc_harmonize.formal import count_text
from loinc_harmonize.models import MappingResult


def render_explanation(result: MappingResult) -> str:
    """Multi-line explanation: the decision, the parse, and each candidate's score parts."""
    lines = [
        f"description: {result.description!r} (modality {result.modality or 'unknown'})",
        f"normalized:  {result.normalized!r}",
        f"decision:    {result.status} -> {result.loinc_code or '-'} "
        f"{result.long_common_name or ''} (confidence {result.confidence:.2f})",
        f"reason:      {result.reason}",
    ]
    if result.parsed is not None:
        parts = {k: v for k, v in result.parsed.parts().items() if v not in (None, ())}
        lines.append("parsed parts:")
        lines.extend(f"  {k}: {_show(v)}" for k, v in parts.items())
        if result.parsed.view_count:
            lines.append(f"  view_count: {count_text(result.parsed.view_count)}")
        if result.parsed.iv_timing:
            lines.append(f"  iv_timing: {result.parsed.iv_timing}")
    lines.append("steps:")
    for step in result.audit.steps:
        rule = f" [{step.rule_id}]" if step.rule_id else ""
        lines.append(f"  {step.step}{rule}: {step.detail}")
    for rank, candidate in enumerate(result.candidates, start=1):
        lines.append(f"#{rank} {candidate.code} {candidate.name}  score {candidate.score:+.2f}")
        for c in candidate.contributions:
            lines.append(f"     {c.weight:+6.2f}  {c.name:<19} {c.outcome:<8} {c.detail}")
    lines.append(
        f"library {result.audit.library_version}, playbook {result.audit.playbook_fingerprint[:12]}"
        + (
            f", curated {result.audit.curated_fingerprint[:12]}"
            if result.audit.curated_fingerprint
            else ""
        )
    )
    return "\n".join(lines)


def _show(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join("" if v is None else str(v) for v in value)
    return str(value)
