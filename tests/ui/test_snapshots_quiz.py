"""SVG snapshots of the quiz screen (a question, a verdict) at 80x24 and 120x36, ko and en.

Update only after looking at the report: pytest tests/ui/test_snapshots_quiz.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rnntui.content.loader import LessonSet, load_lessons
from rnntui.ui.app import RnnTuiApp
from rnntui.ui.screens.quiz import QuizPlan

SIZES = [(80, 24), (120, 36)]
COURSE = Path(__file__).parent / "quiz_course"


@pytest.fixture(scope="module")
def course() -> LessonSet:
    """The demo course (stable text, unlike the real lessons)."""
    return load_lessons([COURSE], include_packaged=False)


def quiz_app(course: LessonSet, lang: str) -> RnnTuiApp:
    """Straight into a 3-question quiz whose first question is a choice."""
    return RnnTuiApp(course, lang=lang, save=False, quiz=QuizPlan(count=3, seed=5))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_quiz_question(snap, course, lang, size) -> None:  # type: ignore[no-untyped-def]
    assert snap(quiz_app(course, lang), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_quiz_wrong_choice_verdict(snap, course, lang, size) -> None:  # type: ignore[no-untyped-def]
    assert snap(quiz_app(course, lang), terminal_size=size, press=["1"])


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_quiz_number_entry(snap, course, lang) -> None:  # type: ignore[no-untyped-def]
    """The third question (numeric) with a Korean-style decimal typed, before Enter."""
    keys = ["2", "space", "x", "space", "0", "comma", "5"]
    assert snap(quiz_app(course, lang), terminal_size=(80, 24), press=keys)
