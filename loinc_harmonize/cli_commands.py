"""Subcommands that need the matcher: map, explain, evaluate (registered by ``cli``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from loinc_harmonize.batch import map_csv_streaming, map_dataframe, summary, write_audit
from loinc_harmonize.exceptions import InputError, located
from loinc_harmonize.exports import FORMATS, collect, write_export
from loinc_harmonize.harmonizer import Harmonizer
from loinc_harmonize.models import MappingResult
from loinc_harmonize.playbook import Playbook, load_playbook
from loinc_harmonize.review import (
    CURATED_COLUMNS,
    EQUIVALENCES,
    apply_decisions,
    review_queue,
    volume_mapped_share,
)
from loinc_harmonize.tables import read_table, undo_excel_safe, write_table

CHUNK_ROWS = 50_000


def _playbook(args: argparse.Namespace) -> Playbook | str | None:
    """The playbook the options name: a path (read once by the harmonizer) or, with
    ``--released-by``, the codes LOINC had released by then."""
    path: str | None = args.playbook
    if args.released_by is None:
        return path
    return load_playbook(path).filter(released_by=args.released_by)


def _add_playbook_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--playbook", help="LOINC release folder/zip or playbook file")
    parser.add_argument(
        "--released-by",
        metavar="VERSION",
        help="only codes LOINC had released by this version (e.g. 2.73); needs Loinc.csv",
    )


def _harmonizer(args: argparse.Namespace) -> Harmonizer:
    if getattr(args, "model", None):
        return Harmonizer.load(args.model, _playbook(args))
    harmonizer = Harmonizer(_playbook(args))
    curated: pd.DataFrame | str | None = None
    train = getattr(args, "train", None) or []
    if len(train) == 1:
        curated = train[0]  # read by fit, so messages name this file and its rows
    elif train:
        frames = [read_table(p) for p in train]
        curated = pd.concat([f for f in frames if isinstance(f, pd.DataFrame)], ignore_index=True)
    harmonizer.fit(curated)
    issues = harmonizer.curated_.issues if harmonizer.curated_ else []
    for issue in issues[:20]:
        print(f"loinc-harmonize: warning: curated row skipped: {issue}", file=sys.stderr)
    if len(issues) > 20:
        print(
            f"loinc-harmonize: warning: {len(issues) - 20} more curated rows skipped",
            file=sys.stderr,
        )
    return harmonizer


def _default_output(source: str) -> str:
    if source == "-":
        return "-"
    path = Path(source)
    candidate = path.with_name(f"{path.stem}_mapped{path.suffix or '.csv'}")
    return str(candidate)


def _run_map(args: argparse.Namespace) -> int:
    harmonizer = _harmonizer(args)
    output = args.output or _default_output(args.input)
    if output != "-" and Path(output).resolve() == Path(args.input).resolve():
        raise InputError(located(output, "output would overwrite the input; choose another -o"))
    results: dict[tuple[str, ...], MappingResult] = {}
    suffix = Path(args.input).suffix.lower()
    if (
        output == "-"
        or suffix in (".xlsx", ".xlsm", ".xls")
        or Path(output).suffix.lower() in (".xlsx", ".xlsm")
    ):
        frame = read_table(args.input, encoding=args.encoding)
        assert isinstance(frame, pd.DataFrame)
        mapped = _map(frame, harmonizer, args, results)
        write_table(mapped, output, safe=args.excel_safe)
        totals = summary(mapped, args.frequency_column)
    else:
        totals = map_csv_streaming(
            args.input,
            output,
            harmonizer,
            chunk_rows=args.chunk_rows,
            frequency_column=args.frequency_column,
            safe=args.excel_safe,
            results=results,
            encoding=args.encoding,
            progress=sys.stderr.isatty(),
            **_columns(args),
        ).as_dict()
    if args.audit:
        write_audit(results, args.audit)
    totals["unique_descriptions"] = len(results)
    print(
        f"mapped {totals['rows']} rows ({totals['unique_descriptions']} unique descriptions): "
        + ", ".join(f"{k} {v}" for k, v in totals["by_status"].items())
        + f"; auto-mapped share of study volume {totals['auto_share_of_volume']:.1%}"
        + ("" if output == "-" else f" -> {output}"),
        file=sys.stderr,
    )
    return 0


def _map(
    frame: pd.DataFrame,
    harmonizer: Harmonizer,
    args: argparse.Namespace,
    results: dict[tuple[str, ...], MappingResult],
) -> pd.DataFrame:
    return map_dataframe(frame, harmonizer, results=results, source=args.input, **_columns(args))


def _columns(args: argparse.Namespace) -> dict[str, Any]:
    """The input columns ``map`` reads, as the batch functions name them."""
    return {
        "description_column": args.description_column,
        "modality_column": args.modality_column or None,
        "series_description_column": args.series_column,
        "study_column": args.study_column,
        "body_part_column": args.body_part_column,
    }


def _run_fit(args: argparse.Namespace) -> int:
    harmonizer = _harmonizer(args)
    harmonizer.save(args.output)
    curated = len(harmonizer.curated_.rows) if harmonizer.curated_ else 0
    print(
        f"fitted on {len(harmonizer.playbook_)} codes and {curated} curated rows -> {args.output}",
        file=sys.stderr,
    )
    return 0


def _run_explain(args: argparse.Namespace) -> int:
    result = _harmonizer(args).map(
        args.description, args.modality, body_part_examined=args.body_part
    )
    print(result.to_json() if args.json else result.explain())
    return 0


def _run_evaluate(args: argparse.Namespace) -> int:
    from loinc_harmonize.evaluate import Columns, labelled, run_mode, summarize

    labels = read_table(args.labels)
    assert isinstance(labels, pd.DataFrame)
    frame = labelled(labels, Columns())
    train = None
    if args.train:
        train_frame = read_table(args.train)
        assert isinstance(train_frame, pd.DataFrame)
        train = train_frame
    playbook = _playbook(args)
    for mode in args.modes.split(","):
        if train is not None and mode == "zero_shot":
            h = Harmonizer(playbook).fit(train)
            results = [
                h.map(d, m)
                for d, m in zip(frame["StudyDescription"], frame["Modality"], strict=True)
            ]
            truth = list(frame["_code"])
        else:
            results, truth = run_mode(mode, frame, lambda: Harmonizer(playbook))
        stats = summarize(results, truth)
        print(
            f"{mode:<11} "
            + "  ".join(
                f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in stats.items()
            )
        )
    return 0


def _run_review_export(args: argparse.Namespace) -> int:
    mapped = _frame(args.mapped, args.encoding)
    queue = review_queue(
        mapped,
        description_column=args.description_column,
        modality_column=args.modality_column,
        frequency_column=args.frequency_column,
    )
    share = volume_mapped_share(mapped, args.frequency_column)
    output = args.output or str(Path(args.mapped).with_name("review_queue.csv"))
    note = (
        f"{share:.1%} of study volume is already mapped (auto); {len(queue)} descriptions to "
        "review, most impact first. Fill decision (accept, 1-5, a LOINC code, reject), "
        f"equivalence ({', '.join(EQUIVALENCES)}), reviewer, comment."
    )
    write_table(queue, output, safe=True, note=note)
    print(f"{len(queue)} descriptions to review -> {output}", file=sys.stderr)
    return 0


def _run_review_apply(args: argparse.Namespace) -> int:
    queue = _frame(args.queue, args.encoding).map(undo_excel_safe)
    curated_path = Path(args.curated)
    curated = (
        _frame(args.curated, args.encoding)
        if curated_path.exists()
        else pd.DataFrame(columns=list(CURATED_COLUMNS))
    )
    playbook = load_playbook(args.playbook)
    table, report = apply_decisions(queue, curated, playbook, source=args.queue)
    write_table(table, curated_path)
    print(
        f"added {report.added}, changed {report.changed}, unchanged {report.unchanged}, "
        f"rejected {report.rejected} -> {curated_path}",
        file=sys.stderr,
    )
    for issue in report.issues:
        rows = ", ".join(map(str, issue.rows[:10]))
        print(f"{issue.level}: {issue.message} (rows {rows})", file=sys.stderr)
    return 1 if any(i.level == "error" for i in report.issues) else 0


def _run_export(args: argparse.Namespace) -> int:
    curated = _frame(args.curated, args.encoding)
    mapped = _frame(args.mapped, args.encoding) if args.mapped else None
    mappings = collect(curated, mapped)
    write_export(mappings, args.format, args.output)
    print(f"exported {len(mappings)} mappings as {args.format} -> {args.output}", file=sys.stderr)
    return 0


def _frame(path: str, encoding: str) -> pd.DataFrame:
    frame = read_table(path, encoding=encoding)
    assert isinstance(frame, pd.DataFrame)
    return frame


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the matcher's subcommands to the CLI."""
    mapper = commands.add_parser("map", help="map a CSV/TSV/Excel file of descriptions")
    mapper.add_argument("input", help="input file, or - for standard input")
    mapper.add_argument(
        "-o", "--output", help="output file (default: INPUT_mapped.EXT), - for stdout"
    )
    _add_playbook_options(mapper)
    mapper.add_argument("--train", nargs="*", help="curated mapping tables to learn from")
    mapper.add_argument("--model", help="a harmonizer saved by 'loinc-harmonize fit'")
    mapper.add_argument("--description-column", default="StudyDescription")
    mapper.add_argument("--modality-column", default="Modality")
    mapper.add_argument("--series-column", help="series description column (optional)")
    mapper.add_argument("--study-column", help="study id column, to read a study's series together")
    mapper.add_argument(
        "--body-part-column",
        help="DICOM BodyPartExamined column: the region where the description names none",
    )
    mapper.add_argument(
        "--frequency-column",
        default="frequency",
        help="study counts per row, for the volume summary (if present)",
    )
    mapper.add_argument("--audit", help="write each unique result with its audit trail (JSONL)")
    mapper.add_argument(
        "--excel-safe",
        action="store_true",
        help="neutralize cells that a spreadsheet would run as formulas",
    )
    mapper.add_argument("--encoding", default="utf-8-sig", help="input encoding, e.g. cp1252")
    mapper.add_argument("--chunk-rows", type=int, default=CHUNK_ROWS, help=argparse.SUPPRESS)
    mapper.set_defaults(handler=_run_map)

    explain = commands.add_parser("explain", help="map one description and explain the result")
    explain.add_argument("description")
    explain.add_argument("--modality")
    explain.add_argument("--body-part", help="DICOM BodyPartExamined (optional)")
    _add_playbook_options(explain)
    explain.add_argument("--train", nargs="*")
    explain.add_argument("--model", help="a harmonizer saved by 'loinc-harmonize fit'")
    explain.add_argument("--json", action="store_true", help="print the result as JSON")
    explain.set_defaults(handler=_run_explain)

    evaluate = commands.add_parser("evaluate", help="measure accuracy on a labelled table")
    evaluate.add_argument("--labels", required=True)
    evaluate.add_argument("--train")
    _add_playbook_options(evaluate)
    evaluate.add_argument("--modes", default="exact,zero_shot,grouped_cv,cv")
    evaluate.set_defaults(handler=_run_evaluate)

    fit = commands.add_parser("fit", help="fit on a playbook and curated tables; save as JSON")
    _add_playbook_options(fit)
    fit.add_argument("--train", nargs="*", help="curated mapping tables to learn from")
    fit.add_argument("-o", "--output", required=True, help="model file (JSON, no pickle)")
    fit.set_defaults(handler=_run_fit)

    review = commands.add_parser("review", help="the curator's review queue and decisions")
    review_commands = review.add_subparsers(dest="review_command", required=True)
    export_queue = review_commands.add_parser("export", help="queue of review/unmapped results")
    export_queue.add_argument("mapped", help="a file written by 'loinc-harmonize map'")
    export_queue.add_argument("-o", "--output", help="queue.csv or queue.xlsx")
    export_queue.add_argument("--description-column", default="StudyDescription")
    export_queue.add_argument("--modality-column", default="Modality")
    export_queue.add_argument("--frequency-column", default="frequency")
    export_queue.add_argument("--encoding", default="utf-8-sig")
    export_queue.set_defaults(handler=_run_review_export)
    apply = review_commands.add_parser("apply", help="merge decisions into a curated table")
    apply.add_argument("queue")
    apply.add_argument("--curated", required=True, help="curated table to update (created)")
    apply.add_argument("--playbook")
    apply.add_argument("--encoding", default="utf-8-sig")
    apply.set_defaults(handler=_run_review_apply)

    export = commands.add_parser("export", help="export mappings (FHIR, MIDRC, OMOP)")
    export.add_argument("--curated", required=True)
    export.add_argument("--mapped", help="also export its auto-accepted rows")
    export.add_argument("--format", required=True, choices=FORMATS)
    export.add_argument("-o", "--output", required=True)
    export.add_argument("--encoding", default="utf-8-sig")
    export.set_defaults(handler=_run_export)
