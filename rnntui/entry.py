"""The ``rnntui`` console script: a bare ``rnntui [options]`` starts the app without importing
Typer (it costs ~150 ms before the first frame); anything else goes to the Typer CLI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def parse_app_options(argv: Sequence[str]) -> dict[str, Any] | None:
    """Options of a bare ``rnntui`` call, or None if argv holds anything else (a subcommand,
    --help, --version, an unknown or malformed option)."""
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    parser.add_argument("--lesson")
    parser.add_argument("--lang")
    parser.add_argument("--lessons", action="append", type=Path, default=[])
    parser.add_argument("--mouse", action="store_true")
    parser.add_argument("--force-utf8", action="store_true")
    try:
        options, rest = parser.parse_known_args(list(argv))
    except (argparse.ArgumentError, SystemExit):
        return None
    if rest:
        return None
    return {
        "lesson": options.lesson,
        "lang": options.lang,
        "lessons_dirs": options.lessons,
        "mouse": options.mouse,
        "force_utf8": options.force_utf8,
    }


def main() -> None:
    """Console-script entry point."""
    options = parse_app_options(sys.argv[1:])
    if options is not None:
        from rnntui.launch import launch_app

        sys.exit(launch_app(**options))
    from rnntui.cli import app

    app()
