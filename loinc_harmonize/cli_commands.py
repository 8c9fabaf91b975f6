"""Subcommands that need the matcher: map, explain, evaluate (registered by ``cli``)."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the matcher's subcommands to the CLI."""
