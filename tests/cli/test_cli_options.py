"""The root and quiz options are declared once (``rnntui.cli_options``): the console script's
fast path (``rnntui.entry``, argparse) and the Typer CLI (``rnntui --help``) agree on every
flag, its help and its values, and read the same command lines the same way."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.core import TyperOption
from typer.testing import CliRunner

from rnntui import cli, entry, launch
from rnntui.cli_help import HELP
from rnntui.cli_options import APP_OPTIONS, QUIZ_OPTIONS, CliOption, argparse_parser
from rnntui.quiz import commands

TYPER_ONLY = {"--version", "--help"}
"""Root options only Typer handles (the fast path hands these lines to Typer)."""


def _typer_params(name: str | None) -> dict[str, TyperOption]:
    group: Any = typer.main.get_command(cli.app)
    command = group if name is None else group.commands[name]
    return {
        p.opts[0]: p
        for p in command.params
        if isinstance(p, TyperOption) and p.opts[0] not in TYPER_ONLY
    }


def _described(option: CliOption) -> dict[str, Any]:
    """What the table says of an option, in the terms click reports."""
    return {
        "help": option.help,
        "metavar": option.metavar,
        "is_flag": option.kind == "flag",
        "multiple": option.kind == "folders",
        "range": (option.minimum, option.maximum),
        "default": [] if option.kind == "folders" else option.default,
    }


def _declared(param: TyperOption) -> dict[str, Any]:
    return {
        "help": param.help,
        "metavar": param.metavar,
        "is_flag": param.is_flag,
        "multiple": param.multiple,
        "range": (getattr(param, "min", None), getattr(param, "max", None)),
        "default": [] if param.multiple and not param.default else param.default,
    }


@pytest.mark.parametrize(("command", "table"), [(None, APP_OPTIONS), ("quiz", QUIZ_OPTIONS)])
def test_typer_declares_exactly_the_table(
    command: str | None, table: tuple[CliOption, ...]
) -> None:
    params = _typer_params(command)
    assert list(params) == [option.flag for option in table]
    for option in table:
        assert _declared(params[option.flag]) == _described(option), option.flag
        assert tuple(params[option.flag].opts) == option.flags  # the aliases too


@pytest.mark.parametrize("table", [APP_OPTIONS, QUIZ_OPTIONS])
def test_the_fast_path_parser_has_the_same_flags(table: tuple[CliOption, ...]) -> None:
    flags = [a.option_strings for a in argparse_parser(table)._actions]
    assert flags == [list(option.flags) for option in table]


@pytest.mark.parametrize(
    ("argv", "table"), [(["--help"], APP_OPTIONS), (["quiz", "--help"], QUIZ_OPTIONS)]
)
def test_help_shows_every_option_of_the_table(
    argv: list[str], table: tuple[CliOption, ...]
) -> None:
    result = CliRunner().invoke(cli.app, [*argv, "--lang", "en"], terminal_width=200)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for option in table:
        named = ", ".join(option.flags) + " "  # click lists an option's aliases after it
        shown = [line for line in lines if line.strip().startswith(named)]
        assert shown and option.help in shown[0], (option.flag, result.output)
        assert option.help in HELP  # and its Korean help exists


def _through_typer(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    defaults = inspect.signature(launch.launch_app).parameters

    def fake_launch(**options: Any) -> int:
        seen.update(options)
        return 0

    def fake_quiz(**options: Any) -> int:
        options.pop("app_entry")
        seen.update(options)
        return 0

    monkeypatch.setattr(launch, "launch_app", fake_launch)
    monkeypatch.setattr(commands, "run_quiz", fake_quiz)
    result = CliRunner().invoke(cli.app, argv)
    assert result.exit_code == 0, result.output
    if argv[:1] != ["quiz"]:  # launch_app's own defaults (the root passes debug only if set)
        seen = {**{k: p.default for k, p in defaults.items() if p.default is not p.empty}, **seen}
    return {k: list(v) if isinstance(v, list | tuple) else v for k, v in seen.items()}


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--lesson", "lstm", "--lang=ko", "--mouse"],
        ["--lesson=4", "--force-utf8", "--debug", "--lessons", "{dir}", "--lessons={dir}"],
        ["quiz"],
        ["quiz", "--plain", "--count", "3", "--seed=-2", "--lang", "ko", "--topic", "gru"],
        ["quiz", "--plain", "--lesson", "4"],  # the app's word for it, an alias of --topic
        ["quiz", "--count=200", "--lessons", "{dir}"],
    ],
)
def test_fast_path_and_typer_read_a_line_the_same_way(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = [a.replace("{dir}", str(tmp_path)) for a in argv]
    fast = entry.parse_quiz_options(argv) if argv[:1] == ["quiz"] else entry.parse_app_options(argv)
    assert fast is not None
    assert fast == _through_typer(argv, monkeypatch)
    if "--lesson" in argv and argv[:1] == ["quiz"]:
        assert fast["topic"] == "4"


@pytest.mark.parametrize(
    "argv",
    [
        ["--mou"],  # Typer takes no abbreviations
        ["--lessons", "{file}"],  # Typer: a file is not a lessons folder
        ["--lesson"],
        ["--mouse=yes"],  # Typer reads it (cli_help.normalize_flags), argparse would not
    ],
)
def test_the_fast_path_hands_what_typer_reads_differently_to_typer(
    argv: list[str], tmp_path: Path
) -> None:
    (tmp_path / "f.md").write_text("x", encoding="utf-8")
    argv = [a.replace("{file}", str(tmp_path / "f.md")) for a in argv]
    assert entry.parse_app_options(argv) is None


def test_the_fast_path_imports_no_typer() -> None:
    code = (
        "import sys\n"
        "from rnntui import entry\n"
        "assert entry.parse_app_options(['--lang', 'ko']) is not None\n"
        "assert entry.parse_quiz_options(['quiz', '--plain']) is not None\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'click')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
