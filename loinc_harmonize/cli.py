"""Command-line layer: ``loinc-harmonize``. The only module that prints.

Every expected failure prints one line to standard error and exits with code 2.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections import Counter
from collections.abc import Callable, Sequence

from loinc_harmonize.exceptions import LoincHarmonizeError
from loinc_harmonize.playbook import load_playbook

EXIT_USAGE = 2


def _print_playbook_info(args: argparse.Namespace) -> int:
    playbook = load_playbook(args.playbook)
    print(f"source:      {playbook.source}")
    print(f"version:     LOINC {playbook.version}")
    print(f"fingerprint: {playbook.fingerprint}")
    print(f"codes:       {len(playbook)}")
    _print_counts("by modality", Counter(p.modality_type or "(none)" for p in playbook))
    _print_counts("by status", Counter(p.status for p in playbook))
    if playbook.disagreements:
        print(
            f"disagreements between playbook parts and formal names: {len(playbook.disagreements)}"
        )
    return 0


def _print_counts(title: str, counts: Counter[str]) -> None:
    print(f"{title}:")
    for key, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {key:<14} {count:>6}")


def _print_procedure(args: argparse.Namespace) -> int:
    playbook = load_playbook(args.playbook)
    procedure = playbook[args.code]
    record = procedure.model_dump()
    width = max(len(k) for k in record)
    for key, value in record.items():
        if value in (None, (), ""):
            continue
        shown = " | ".join(map(str, value)) if isinstance(value, tuple) else value
        print(f"{key:<{width}}  {shown}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    parser = argparse.ArgumentParser(
        prog="loinc-harmonize",
        description="Map DICOM study descriptions to LOINC/RSNA Radiology Playbook codes.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    playbook = commands.add_parser("playbook", help="inspect a playbook")
    playbook_commands = playbook.add_subparsers(dest="playbook_command", required=True)
    info = playbook_commands.add_parser("info", help="source, version, fingerprint, counts")
    info.add_argument("--playbook", help="LOINC release folder/zip or playbook file")
    info.set_defaults(handler=_print_playbook_info)
    show = playbook_commands.add_parser("show", help="print one procedure's parts")
    show.add_argument("code")
    show.add_argument("--playbook")
    show.set_defaults(handler=_print_procedure)

    _register_extra_commands(commands)
    return parser


def _register_extra_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from loinc_harmonize import cli_commands

    cli_commands.register(commands)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``loinc-harmonize`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    # SIGTERM unwinds like Ctrl-C, so temporary output files are removed on the way out.
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return handler(args)
    except (LoincHarmonizeError, OSError) as exc:
        print(f"loinc-harmonize: error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("loinc-harmonize: interrupted", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _one_line(exc: BaseException) -> str:
    text = (
        str(exc)
        if not isinstance(exc, OSError) or not exc.filename
        else (f"{exc.filename}: {exc.strerror}")
    )
    return " ".join(text.split())


if __name__ == "__main__":
    raise SystemExit(main())
