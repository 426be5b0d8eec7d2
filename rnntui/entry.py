"""The ``rnntui`` console script: a bare ``rnntui [options]`` starts the app, and ``rnntui quiz
[options]`` the quiz, without importing Typer (it costs ~150 ms before the first frame or
question); anything else (``--help`` included) goes to the Typer CLI.

``--debug`` (bare app only) keeps Textual's debugging variables such as TEXTUAL_LOG, which are
otherwise ignored (see ``rnntui.terminal_guard.TEXTUAL_DEBUG_VARIABLES``)."""

from __future__ import annotations

import atexit
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from rnntui.cli_options import APP_OPTIONS, QUIZ_OPTIONS, fast_parse
from rnntui.early_interrupt import hold_interrupts_until_quiz


def parse_app_options(argv: Sequence[str]) -> dict[str, Any] | None:
    """Options of a bare ``rnntui`` call (``rnntui.cli_options.APP_OPTIONS``), or None if argv
    holds anything else (a subcommand, --help, --version, an unknown or malformed option)."""
    return fast_parse(APP_OPTIONS, argv)


def main() -> None:
    """Console-script entry point; no home directory -> what to set, exit 2."""
    from rnntui.paths import NoHomeError

    # Every command's matrices are tiny (the quiz's generated questions, a summary, a demo), and
    # a lab machine is shared: one BLAS thread, which also spares NumPy's import the start of
    # OpenBLAS's thread pool (~60 ms of ~120). Before any import of NumPy; a user's value stays.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    hold_interrupts_until_quiz(sys.argv[1:])
    try:
        _dispatch()
    except NoHomeError as error:
        from rnntui.terminal_guard import say

        say(str(error))
        sys.exit(2)


def parse_quiz_options(argv: Sequence[str]) -> dict[str, Any] | None:
    """Options of ``rnntui quiz ...`` (``rnntui.cli_options.QUIZ_OPTIONS``) that the fast path
    can run exactly as Typer would, or None (``--help``, an unknown or malformed option, a value
    Typer would refuse: then Typer runs and gives its own message)."""
    words = list(argv)
    if not words or words[0] != "quiz":
        return None
    return fast_parse(QUIZ_OPTIONS, words[1:])


THREAD_GRACE = 5.0
"""Seconds the other threads get to end after the app (a demo's training, which the app
cancels on exit) before the process ends anyway."""


def end_process(code: int) -> NoReturn:
    """End the process after the app with ``code``: the exit handlers run and the streams are
    flushed, but the interpreter's teardown (freeing every module of Textual, Rich and NumPy,
    ~0.1-0.3 s) is skipped, so quitting rnntui takes no longer than quitting a bare Textual
    app. Other threads (a demo's training) get ``THREAD_GRACE`` seconds to end, never more:
    after a lost terminal Textual's input thread can be left reading a dead terminal, and a
    normal interpreter exit waited for it forever (an orphan holding its memory on a shared
    machine)."""
    import threading
    import time

    deadline = time.monotonic() + THREAD_GRACE
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join(max(0.0, deadline - time.monotonic()))
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed or lost terminal: nothing left to flush
            pass
    os._exit(code)


def _dispatch() -> None:
    options = parse_app_options(sys.argv[1:])
    if options is not None:
        from rnntui.launch import launch_app

        end_process(launch_app(**options))
    quiz = parse_quiz_options(sys.argv[1:])
    if quiz is not None:  # ``rnntui quiz``: the same run as through Typer, without its import
        from rnntui.content.loader import enable_disk_cache
        from rnntui.launch import launch_quiz
        from rnntui.quiz.commands import run_quiz

        enable_disk_cache()
        sys.exit(run_quiz(**quiz, app_entry=launch_quiz))
    from rnntui.cli import app

    app()
