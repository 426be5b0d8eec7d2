"""Start the app: resolve language and last lesson from settings, run it, return an exit code.

Textual is imported only here (inside :func:`launch_app`), so ``rnntui --help`` stays fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

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

    app = RnnTuiApp(load, lang=chosen, lesson_id=lesson or settings.last_lesson)
    app.run(mouse=mouse)
    panicked = bool(app._exit_renderables)  # App.panic() leaves return_code at 0
    if app.return_code not in (0, None) or panicked:
        return int(app.return_code or 1)
    return 0
