"""``rnntui quiz`` without Typer (rnntui/entry.py): the fast path takes only what Typer would
accept the same way, and a plain quiz prints exactly what the Typer command prints."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from rnntui.entry import parse_quiz_options


def test_fast_path_accepts_what_typer_accepts() -> None:
    options = parse_quiz_options(["quiz", "--plain", "--count", "3", "--seed=-2", "--lang", "ko"])
    assert options == {
        "topic": None,
        "count": 3,
        "seed": -2,
        "lang": "ko",
        "plain": True,
        "lessons_dirs": [],
    }
    assert parse_quiz_options(["quiz"]) is not None


@pytest.mark.parametrize(
    "argv",
    [
        ["quiz", "--help"],
        ["quiz", "--count", "0"],
        ["quiz", "--count", "201"],
        ["quiz", "--count", "x"],
        ["quiz", "--seed", "1.5"],
        ["quiz", "--pla"],  # Typer takes no abbreviations
        ["quiz", "extra"],
        ["quiz", "--unknown"],
        ["quiz", "--count"],
        ["--lang", "ko", "quiz"],
        ["progress"],
        [],
    ],
)
def test_anything_else_goes_to_typer(argv: list[str]) -> None:
    assert parse_quiz_options(argv) is None


def test_a_file_as_lessons_folder_goes_to_typer(tmp_path: Path) -> None:
    (tmp_path / "f.md").write_text("x")
    assert parse_quiz_options(["quiz", "--lessons", str(tmp_path / "f.md")]) is None


def _run(code: str, args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "RNNTUI_STATE_DIR": str(home / "state"),
        "RNNTUI_CONFIG_DIR": str(home / "config"),
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        input="1\nt\n1\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_plain_quiz_output_is_the_same_as_through_typer(tmp_path: Path) -> None:
    args = ["quiz", "--plain", "--count", "2", "--seed", "3", "--lang", "en"]
    fast = _run(
        "import sys; from rnntui.entry import main; sys.argv[0] = 'rnntui'; main()",
        args,
        tmp_path / "a",
    )
    typer = _run(
        "import sys; from rnntui.cli import app; sys.argv[0] = 'rnntui'; app()",
        args,
        tmp_path / "b",
    )
    assert fast.returncode == typer.returncode == 0
    assert "Score:" in fast.stdout
    # The next reviews are shown to the minute from each run's own clock: two runs a second
    # apart can straddle a minute (CI failed on 22:44 vs 22:45), so the clock is left out.
    assert without_clock(fast.stdout) == without_clock(typer.stdout)


CLOCK = re.compile(r"\b(?:\d{4}-)?\d{2}-\d{2} \d{2}:\d{2}\b")


def without_clock(text: str) -> str:
    """``text`` with each ``MM-DD HH:MM`` / ``YYYY-MM-DD HH:MM`` time replaced by ``<time>``."""
    return CLOCK.sub("<time>", text)
