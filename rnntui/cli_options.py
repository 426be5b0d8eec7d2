"""The options of a bare ``rnntui`` and of ``rnntui quiz``, declared once.

Two parsers are built from these tables: the console script's fast path (``rnntui.entry``,
argparse, so a bare ``rnntui`` and ``rnntui quiz`` start without importing Typer) and the Typer
CLI (``rnntui.cli``, which gives ``--help``). Each option's ``keyword`` is the keyword argument
of ``rnntui.launch.launch_app`` or ``rnntui.quiz.commands.run_quiz`` that receives it.

The fast path takes a command line only if Typer would read it the same way; anything else
(``--help``, an abbreviation, a value out of range, a file given as a lessons folder) returns
None, and Typer runs and gives its own message. Standard library only.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

Kind = Literal["text", "int", "flag", "folders"]
"""``text``: one value; ``int``: a whole number in ``minimum..maximum``; ``flag``: no value;
``folders``: a folder, repeatable, collected in a list."""


@dataclass(frozen=True)
class CliOption:
    """One command-line option: its flag, where its value goes, and its English help (the
    Korean help is ``rnntui.cli_help``'s pair of the same text)."""

    flag: str
    keyword: str
    kind: Kind
    help: str
    metavar: str | None = None
    default: Any = None
    minimum: int | None = None
    maximum: int | None = None
    aliases: tuple[str, ...] = ()
    """Other flags for the same option (``rnntui quiz --lesson 4`` is ``--topic 4``)."""

    @property
    def flags(self) -> tuple[str, ...]:
        """The flag and its aliases, as argparse and Typer take them."""
        return (self.flag, *self.aliases)


LANG = CliOption(
    "--lang", "lang", "text", "Language: ko or en (default: saved choice, locale).", "ko|en"
)
LESSONS = CliOption(
    "--lessons",
    "lessons_dirs",
    "folders",
    "Extra lesson folder (repeatable); also RNNTUI_LESSONS=DIR1:DIR2.",
    "DIR",
)

APP_OPTIONS: tuple[CliOption, ...] = (
    CliOption(
        "--lesson",
        "lesson",
        "text",
        "Open this lesson: its id or its number (e.g. lstm or 4).",
        "ID|N",
    ),
    LANG,
    LESSONS,
    CliOption("--mouse", "mouse", "flag", "Turn mouse tracking on.", default=False),
    CliOption(
        "--force-utf8",
        "force_utf8",
        "flag",
        "Run even if the locale is not UTF-8 (re-exec).",
        default=False,
    ),
    CliOption(
        "--debug",
        "debug",
        "flag",
        "Keep Textual's debugging variables such as TEXTUAL_LOG.",
        default=False,
    ),
)
"""A bare ``rnntui``: the keywords of ``launch_app``."""

QUIZ_OPTIONS: tuple[CliOption, ...] = (
    CliOption(
        "--topic",
        "topic",
        "text",
        "Only this lesson: its id or number (e.g. lstm or 4), or a course topic.",
        "ID|N",
        aliases=("--lesson",),
    ),
    CliOption(
        "--count", "count", "int", "Questions to ask.", "N", default=10, minimum=1, maximum=200
    ),
    CliOption("--seed", "seed", "int", "Seed for generated questions.", "N"),
    LANG,
    CliOption(
        "--plain", "plain", "flag", "Plain prompts on stdin/stdout (no full screen).", default=False
    ),
    LESSONS,
)
"""``rnntui quiz``: the keywords of ``run_quiz`` (besides ``app_entry``)."""

_INT = re.compile(r"[-+]?[0-9]+")


def argparse_parser(options: Sequence[CliOption]) -> argparse.ArgumentParser:
    """An argparse parser for ``options`` that neither prints nor exits, and takes no
    abbreviations (Typer takes none)."""
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False, allow_abbrev=False)
    for option in options:
        if option.kind == "flag":
            parser.add_argument(*option.flags, dest=option.keyword, action="store_true")
        elif option.kind == "folders":
            parser.add_argument(
                *option.flags, dest=option.keyword, action="append", type=Path, default=[]
            )
        else:  # text and int: an int is checked after parsing, as Typer would check it
            parser.add_argument(*option.flags, dest=option.keyword)
    return parser


def _typer_value(option: CliOption, value: Any) -> tuple[bool, Any]:
    """``(ok, value)``: the value Typer would pass on, or ok=False if Typer would refuse it."""
    if option.kind == "int":
        if value is None:
            return True, option.default
        if not _INT.fullmatch(value):
            return False, None
        number = int(value)
        low = option.minimum if option.minimum is not None else number
        high = option.maximum if option.maximum is not None else number
        return low <= number <= high, number
    if option.kind == "folders":
        return not any(folder.is_file() for folder in value), value  # Typer: file_okay=False
    return True, value


def fast_parse(options: Sequence[CliOption], argv: Sequence[str]) -> dict[str, Any] | None:
    """``{keyword: value}`` for ``argv`` read with ``options``, or None if Typer would read
    it differently (anything unknown or left over, a malformed or refused value)."""
    try:
        parsed, rest = argparse_parser(options).parse_known_args(list(argv))
    except (argparse.ArgumentError, SystemExit):
        return None
    if rest:
        return None
    out: dict[str, Any] = {}
    for option in options:
        ok, value = _typer_value(option, getattr(parsed, option.keyword))
        if not ok:
            return None
        out[option.keyword] = value
    return out
