"""Issue 18, item 21: "N lesson file(s) skipped" counts files, not problems, in the app (its
warning toast, also when the lessons come from the parse cache, the usual start) and in the
plain quiz (stderr), in English and Korean."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from textual.message import Message
from textual.notifications import Notify

from rnntui.content.loader import LessonSet, clear_cache, load_lessons
from rnntui.quiz.commands import run_plain_quiz

BROKEN_TWICE = "---\nid: broken\norder: x\nlang: xx\npanel: lstn\ntitle: T\n---\n\n# T\n"
"""One file with three problems (order, lang, panel): three problems, one file."""
BROKEN_ONCE = "---\nid: other\norder: 1\nlang: en\n---\n\n# no title, no panel\n"


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """Two broken lesson files with at least four problems between them."""
    clear_cache()
    root = tmp_path / "course" / "en"
    root.mkdir(parents=True)
    (root / "01-broken.md").write_text(BROKEN_TWICE, encoding="utf-8")
    (root / "02-other.md").write_text(BROKEN_ONCE, encoding="utf-8")
    return root.parent


def course_lessons(course: Path) -> LessonSet:
    lessons = load_lessons([course])
    mine = [p for p in lessons.problems if course in p.path.parents]
    assert len(mine) >= 4, mine  # the precondition: more problems than files
    assert lessons.skipped_files == 2, lessons.problems
    return lessons


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "2 lesson file(s) skipped"), ("ko", "레슨 파일 2개를")]
)
def test_plain_quiz_counts_skipped_files(
    course: Path,
    lang: str,
    words: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    course_lessons(course)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    run_plain_quiz(topic=None, count=1, seed=1, lang=lang, lessons_dirs=[course])
    err = capsys.readouterr().err
    assert words in err, err


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "2 lesson file(s) skipped"), ("ko", "레슨 파일 2개를")]
)
@pytest.mark.parametrize("loaded", ["in a thread", "from the parse cache"])
async def test_app_warning_counts_skipped_files(
    course: Path, lang: str, words: str, loaded: str
) -> None:
    """The app gets a loader (a first start) or the lessons themselves (a start from the
    parse cache, which keeps the problems too): both say how many files were skipped."""
    from rnntui.ui.app import RnnTuiApp

    lessons = course_lessons(course)
    said: list[str] = []

    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            said.append(message.notification.message)

    given = (lambda: lessons) if loaded == "in a thread" else lessons
    app = RnnTuiApp(given, lang=lang, lesson_id="lstm", save=False)
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.lessons is lessons
    assert any(words in text for text in said), said
