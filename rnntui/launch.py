"""Start the app: resolve language and last lesson from settings, run it, return an exit code.

Textual is imported only here (inside :func:`launch_app` and :func:`launch_quiz`, after the
terminal guards), so ``rnntui --help`` stays fast. Around the run:

- Textual's debugging variables (``TEXTUAL_LOG`` writes every key, typed answers included,
  to a world-readable file) are dropped from the environment unless ``--debug`` is given;
- SIGTERM and SIGHUP end the app the normal way, so the terminal gets its main screen and
  its cursor back (exit status 128 + signal); a SIGHUP ignored by the parent stays ignored;
- when the terminal goes away (an empty read: a killed tmux server while SIGHUP is ignored),
  the app exits with 129 instead of spinning on the dead terminal;
- if the app cannot end within ``EXIT_GRACE`` seconds after either, the terminal modes are
  reset by hand and the process ends.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from rnntui.terminal_guard import scrub_textual_debug_env

if TYPE_CHECKING:
    from rnntui.content.loader import LessonSet
    from rnntui.ui.app import RnnTuiApp

EXIT_GRACE = 3.0
"""Seconds the app gets to end by itself after SIGTERM/SIGHUP or a lost terminal."""
EXIT_TERMINAL_GONE = 128 + signal.SIGHUP

RESTORE_TERMINAL = (
    "\x1b[<u"  # pop the kitty keyboard mode
    "\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?1015l"  # mouse reports off
    "\x1b[?2004l"  # bracketed paste off
    "\x1b[?1004l"  # focus reports off
    "\x1b[?1049l"  # leave the alternate screen
    "\x1b[?25h"  # show the cursor
)
"""What a terminal needs to be usable again if Textual could not end by itself."""


def launch_app(
    *,
    lesson: str | None,
    lang: str | None,
    lessons_dirs: Sequence[Path],
    mouse: bool,
    force_utf8: bool,
    debug: bool = False,
) -> int:
    """Run the TUI; 0 on a normal exit, 2 for a bad option, 1 if the app failed."""
    return _run(
        lesson=lesson,
        lang=lang,
        lessons_dirs=lessons_dirs,
        mouse=mouse,
        force_utf8=force_utf8,
        debug=debug,
    )


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
    return _run(
        lesson=None,
        lang=lang,
        lessons_dirs=lessons_dirs,
        mouse=False,
        force_utf8=False,
        quiz={"topic": topic, "count": count, "seed": seed},
    )


def _run(
    *,
    lesson: str | None,
    lang: str | None,
    lessons_dirs: Sequence[Path],
    mouse: bool,
    force_utf8: bool,
    quiz: dict[str, Any] | None = None,
    debug: bool = False,
) -> int:
    """Terminal guards, language, lenient input; run the app (``quiz``: a QuizPlan's fields)."""
    from rnntui import paths
    from rnntui.content.language import resolve_language
    from rnntui.settings import load_settings
    from rnntui.terminal_guard import guard_terminal, say

    refused = guard_terminal(force_utf8)
    if refused is not None:
        return refused
    try:  # fail here with the fix, not inside the app at the first save
        paths.state_dir()
        paths.config_dir()
    except paths.NoHomeError as error:
        say(str(error))
        return 2
    settings = load_settings()
    try:
        chosen = resolve_language(lang, settings.lang)
    except ValueError as error:
        print(f"rnntui: {error}", file=sys.stderr)
        return 2
    scrub_textual_debug_env(os.environ, keep=debug)
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    # NumPy (imported after the first frame) starts OpenBLAS's thread pool, ~60 ms of its
    # ~120 ms import; the panels' matrices are tiny, and a shared lab machine is better off
    # with one BLAS thread per student. Set before any import of NumPy; a user's value stays.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

    from rnntui.ui.app import RnnTuiApp
    from rnntui.ui.input_shim import install_lenient_input_decoder

    install_lenient_input_decoder()

    from rnntui.content.loader import enable_disk_cache, load_cached_lessons

    enable_disk_cache()

    def load() -> LessonSet:  # runs in a thread after the first frame
        from rnntui.content.loader import load_lessons

        return load_lessons(list(lessons_dirs))

    # Unchanged lessons come from the parse cache in milliseconds: then the lesson text is in
    # the first frame; else (first start, edited lessons) they load after it, in a thread,
    # and the lesson to open is parsed alone and shown meanwhile (rnntui.content.preview).
    lessons: LessonSet | Callable[[], LessonSet] = load_cached_lessons(list(lessons_dirs)) or load
    wanted = lesson or settings.last_lesson

    preview = None
    if lessons is load and quiz is None:  # a first start: the lesson to show, parsed alone
        from rnntui.content.loader import lesson_files_for
        from rnntui.content.preview import preview_lesson

        preview = preview_lesson(lesson_files_for(list(lessons_dirs))[0], chosen, wanted)

    plan = None
    if quiz is not None:
        from rnntui.ui.screens.quiz import QuizPlan

        plan = QuizPlan(**quiz)
    app = RnnTuiApp(
        lessons,
        lang=chosen,
        lesson_id=wanted,
        theme=settings.theme,
        quiz=plan,
        preview=preview,
    )
    return run_guarded(app, mouse=mouse)


def run_guarded(app: RnnTuiApp, *, mouse: bool = False) -> int:
    """Run ``app`` until it ends, ending it on SIGTERM/SIGHUP or a lost terminal; its exit
    status (a panic counts as a failure)."""
    from rnntui.ui.input_shim import on_terminal_eof

    ender = AppEnder(app)
    on_terminal_eof(ender.terminal_gone)
    previous = ender.install_signal_handlers()
    try:
        app.run(mouse=mouse)
    finally:
        on_terminal_eof(None)
        ender.finished.set()
        restore_signal_handlers(previous)
    if ender.code is not None:
        return ender.code
    # App.panic() leaves return_code at 0 and run() clears _exit_renderables: our panic()
    # override records it instead (tests/ui/test_terminal_matrix.py checks the exit status).
    if app.return_code not in (0, None) or app.panicked:
        return int(app.return_code or 1)
    return 0


Handler = Callable[[int, FrameType | None], Any] | int | None


class AppEnder:
    """Ends a running app from a signal handler or the input thread, with a deadline."""

    def __init__(self, app: RnnTuiApp) -> None:
        self.app = app
        self.code: int | None = None
        self.finished = threading.Event()
        self._loop: Any = None

    def install_signal_handlers(self) -> dict[int, Handler]:
        """SIGTERM always, SIGHUP unless it is ignored; returns the handlers replaced."""
        previous: dict[int, Handler] = {}
        for signum in (signal.SIGTERM, signal.SIGHUP):
            current = signal.getsignal(signum)
            if signum == signal.SIGHUP and current == signal.SIG_IGN:
                continue  # nohup / trap '' HUP: the lost-terminal check still ends the app
            previous[signum] = current
            signal.signal(signum, self._on_signal)
        return previous

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        self.end(128 + signum)

    def terminal_gone(self) -> None:
        """The input thread read end-of-file from the terminal."""
        self.end(EXIT_TERMINAL_GONE)

    def end(self, code: int) -> None:
        """Ask the app to exit with ``code``; force it after EXIT_GRACE seconds."""
        if self.code is not None:
            return
        self.code = code
        threading.Thread(target=self._deadline, name="rnntui-exit", daemon=True).start()
        loop = getattr(self.app, "_loop", None)
        try:
            if loop is not None and loop.is_running():
                loop.call_soon_threadsafe(self._exit)
                return
        except RuntimeError:  # the loop closed meanwhile
            pass
        self._exit()

    def _exit(self) -> None:
        try:
            self.app.exit(return_code=self.code or 0)
        except Exception:  # an app that is already gone needs no exit
            pass

    def _deadline(self) -> None:
        if self.finished.wait(EXIT_GRACE):
            return
        force_restore_terminal()
        os._exit(self.code or 1)


def force_restore_terminal() -> None:
    """Write the mode resets to the terminal, and restore cooked mode; never raises."""
    stream = sys.__stderr__
    try:
        if stream is not None:
            os.write(stream.fileno(), RESTORE_TERMINAL.encode())
    except (OSError, ValueError):
        pass
    try:
        import termios

        fd = sys.__stdin__.fileno() if sys.__stdin__ is not None else 0
        attrs = termios.tcgetattr(fd)
        attrs[3] |= termios.ECHO | termios.ICANON | termios.ISIG | termios.IEXTEN
        termios.tcsetattr(fd, termios.TCSANOW, attrs)
    except Exception:  # termios.error, no tty, no termios: nothing more to do
        pass


def restore_signal_handlers(previous: dict[int, Handler]) -> None:
    """Put back what :meth:`AppEnder.install_signal_handlers` replaced."""
    for signum, handler in previous.items():
        signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
