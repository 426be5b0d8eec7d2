"""A lesson's ``demo:`` front matter: every known demo is accepted, a bad value is refused at
its line, and the packaged lessons host the demos the issue asks for."""

from __future__ import annotations

from pathlib import Path

import pytest

from rnntui.content.loader import load_lessons
from rnntui.content.schema import DEMOS
from rnntui.content.validate import parse_lesson_file

STACKING = Path(__file__).parents[2] / "lessons" / "en" / "10-stacking.md"
"""A packaged lesson without a demo (``panel:`` on line 6)."""


def _lesson(tmp_path: Path, demo_line: str) -> Path:
    text = STACKING.read_text("utf-8")
    assert text.splitlines()[5] == "panel: stacking" and "demo:" not in text
    path = tmp_path / "en" / "10-stacking.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.replace("panel: stacking\n", f"panel: stacking\n{demo_line}", 1), "utf-8")
    return path


@pytest.mark.parametrize("demo", DEMOS)
def test_every_demo_is_accepted(tmp_path: Path, demo: str) -> None:
    parsed = parse_lesson_file(_lesson(tmp_path, f"demo: {demo}\n"))
    assert parsed.problems == () and parsed.lesson is not None
    assert parsed.lesson.demo == demo


def test_no_demo_is_empty(tmp_path: Path) -> None:
    parsed = parse_lesson_file(_lesson(tmp_path, ""))
    assert parsed.lesson is not None and parsed.lesson.demo == ""


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("demo: nxt_word\n", "did you mean 'next_word'"),
        ("demo: [next_word, speed]\n", "single value"),
        ("demo: 3\n", "unknown"),
    ],
)
def test_bad_demo_is_refused_at_its_line(tmp_path: Path, line: str, says: str) -> None:
    parsed = parse_lesson_file(_lesson(tmp_path, line))
    assert parsed.lesson is None
    problems = [p for p in parsed.problems if "demo" in p.message]
    assert problems and says in problems[0].message, parsed.problems
    assert problems[0].line == 7  # the `demo:` line, right after `panel:`


def test_packaged_lessons_host_the_demos() -> None:
    hosts = {(x.id, x.demo) for x in load_lessons().lessons if x.demo}
    assert hosts == {
        ("what-is-rnn", "next_word"),
        ("text-generation", "next_word"),
        ("gru", "speed"),
        ("bidirectional", "fill_blank"),
        ("units", "overfit"),
        ("dropout", "dropout"),
        ("vanishing-gradients", "remember"),
    }
