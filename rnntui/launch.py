"""Start the app: resolve language and last lesson from settings, run it, return an exit code.

Textual is imported only here (inside :func:`launch_app` and :func:`launch_quiz`, after the
terminal guards), so ``rnntui --help`` stays fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rnntui.content.loader import LessonSet


def launch_app(
    *,
    lesson: str | None,
    lang: str | None,
    lessons_dirs: Sequence[Path],
    mouse: bool,
    force_utf8: bool,
) -> int:
    """Run the TUI; 0 on a normal exit, 2 for a bad option, 1 if the app failed."""
    return _run(lesson=lesson, lang=lang, lessons_dirs=lessons_dirs, mouse=mouse,
                force_utf8=force_utf8)


def launch_quiz(
    *,
    topic: str | None,
    count: int,
    seed: int | None,
    lang: str | None,
    lessons_dirs: Sequence[Path],
) -> int:
    """``rnntui quiz`` on a terminal: the app, opened straight into the quiz screen.

    Exit codes as :func:`launch_app`; an unknown ``--topic`` prints the error and gives 2."""
    return _run(lesson=None, lang=lang, lessons_dirs=lessons_dirs, mouse=False,
                force_utf8=False, quiz={"topic": topic, "count": count, "seed": seed})


def _run(
    *,
    lesson: str | None,
    lang: str | None,
    lessons_dirs: Sequence[Path],
    mouse: bool,
    force_utf8: bool,
    quiz: dict[str, Any] | None = None,
) -> int:
    """Terminal guards, language, lenient input; run the app (``quiz``: a QuizPlan's fields)."""
    from rnntui.content.language import resolve_language
    from rnntui.settings import load_settings
    from rnntui.terminal_guard import guard_terminal

    refused = guard_terminal(force_utf8)
    if refused is not None:
        return refused
    settings = load_settings()
    try:
        chosen = resolve_language(lang, settings.lang)
    except ValueError as error:
        print(f"rnntui: {error}", file=sys.stderr)
        return 2
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

    from rnntui.ui.app import RnnTuiApp
    from rnntui.ui.input_shim import install_lenient_input_decoder

    install_lenient_input_decoder()

    def load() -> LessonSet:  # runs in a thread after the first frame
        from rnntui.content.loader import load_lessons

        return load_lessons(list(lessons_dirs))

    plan = None
    if quiz is not None:
        from rnntui.ui.screens.quiz import QuizPlan

        plan = QuizPlan(**quiz)
    app = RnnTuiApp(load, lang=chosen, lesson_id=lesson or settings.last_lesson,
                    theme=settings.theme, quiz=plan)
    app.run(mouse=mouse)
    # App.panic() leaves return_code at 0 and run() clears _exit_renderables: our panic()
    # override records it instead (tests/ui/test_terminal_matrix.py checks the exit status).
    if app.return_code not in (0, None) or app.panicked:
        return int(app.return_code or 1)
    return 0
