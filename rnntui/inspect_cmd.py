"""``rnntui inspect FILE [--vocab F] [--spec S]``: a student's own model, step by step.

On a terminal: the app, opened on the model screen (``rnntui.ui.screens.model``) behind the
same guards as ``rnntui`` itself (a tty, UTF-8, Textual's debug variables dropped, SIGTERM and
a lost terminal ending the app cleanly). Without a terminal: the file's summary, as
``rnntui summary FILE`` prints it, and a note that the step-by-step view needs a terminal
(exit 2). Textual is imported only after the guards.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rnntui.terminal_guard import EXIT_USAGE, say

if TYPE_CHECKING:
    from rnntui.content.loader import LessonSet

NEEDS_TERMINAL = """\
rnntui inspect shows the layers step by step in a terminal; above is the summary only.
  Over ssh:  ssh -t HOST rnntui inspect FILE
rnntui inspect 의 스텝별 화면은 터미널(tty)에서 열립니다. 위는 요약입니다.
ssh에서는 ssh -t HOST rnntui inspect FILE 로 실행하세요."""
"""Printed after the summary of a file that loaded."""

NOT_OPENED = """\
rnntui inspect could not open this file: the reason is above (and the layers read before the
problem, when there are any). The step-by-step view also needs a terminal.
rnntui inspect가 이 파일을 열지 못했습니다. 이유는 위에 있습니다 (문제 전까지 읽은 층이
있으면 그것도). 스텝별 화면은 터미널(tty)에서 열립니다."""
"""Printed after the loader's message when the file did not load (no summary was printed)."""


def run_inspect(
    path: Path,
    *,
    vocab: Path | None = None,
    spec: str | None = None,
    lang: str | None = None,
    force_utf8: bool = False,
    mouse: bool = False,
) -> int:
    """Open the model screen on ``path``; 0 on a normal exit, 2 without a terminal."""
    from rnntui.terminal_guard import terminal_problem

    problem = terminal_problem()
    if problem is not None and problem[0] == "tty":
        from rnntui.summary_cmd import run_model_summary

        loaded = run_model_summary(str(path), weights_spec=spec, as_json=False) == 0
        sys.stdout.flush()
        say(NEEDS_TERMINAL if loaded else NOT_OPENED)
        return EXIT_USAGE
    return _launch(path, vocab=vocab, spec=spec, lang=lang, force_utf8=force_utf8, mouse=mouse)


def _launch(
    path: Path,
    *,
    vocab: Path | None,
    spec: str | None,
    lang: str | None,
    force_utf8: bool,
    mouse: bool,
) -> int:
    """As ``rnntui.launch``: guards, language, lenient input, signals; then the app."""
    from rnntui import paths
    from rnntui.content.language import resolve_language
    from rnntui.launch import run_guarded
    from rnntui.settings import load_settings
    from rnntui.terminal_guard import guard_terminal, scrub_textual_debug_env

    refused = guard_terminal(force_utf8)
    if refused is not None:
        return refused
    try:
        paths.state_dir()
        paths.config_dir()
    except paths.NoHomeError as error:
        say(str(error))
        return EXIT_USAGE
    settings = load_settings()
    try:
        chosen = resolve_language(lang, settings.lang)
    except ValueError as error:
        print(f"rnntui: {error}", file=sys.stderr)
        return EXIT_USAGE
    scrub_textual_debug_env(os.environ)
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

    from rnntui.ui.input_shim import install_lenient_input_decoder
    from rnntui.ui.inspect_app import inspect_app
    from rnntui.ui.screens.model import ModelScreen

    install_lenient_input_decoder()
    screen = ModelScreen.for_file(path, vocab=vocab, spec=spec, lang=chosen)

    def load() -> LessonSet:  # runs in a thread after the first frame
        from rnntui.content.loader import load_lessons

        return load_lessons([])

    app = inspect_app(load, screen, lang=chosen, theme=settings.theme)
    app.lesson_id = settings.last_lesson
    return run_guarded(app, mouse=mouse)
