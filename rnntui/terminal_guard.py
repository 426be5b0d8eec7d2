"""Start-up checks before Textual is imported: a real terminal, and a UTF-8 one.

``ssh host rnntui`` (no ``-t``) gives no tty: Textual would write escape codes and hang, so we
stop with a short message instead. A legacy locale (ISO-8859-x, EUC-KR) would draw every border
and Hangul syllable as ``\\u2500``-style escapes, so we explain the fix and offer --force-utf8.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping, Sequence
from typing import TextIO

EXIT_USAGE = 2

NO_TTY_TEMPLATE = """\
rnntui needs a terminal (tty), but {streams_en}.
{stderr_en}  Over ssh, ask for one:   ssh -t HOST rnntui
  Without a terminal, these commands work:
    rnntui quiz --plain
    rnntui summary "Input(20,8) LSTM(32)"
    rnntui lessons
rnntui 화면을 열려면 터미널(tty)이 필요합니다.
터미널이 아닌 것: {streams_ko}
{stderr_ko}ssh에서는 ssh -t HOST rnntui 로 접속하세요.
터미널 없이 쓰는 명령: rnntui quiz --plain, rnntui summary, rnntui lessons"""

STDERR_EN = "  rnntui draws its screen on stderr: run it without 2>FILE.\n"
STDERR_KO = "rnntui는 화면을 stderr에 그립니다. 2>파일 없이 실행하세요.\n"
"""Added when stderr alone is redirected (``rnntui 2>err.log``)."""

STREAM_NAMES = ("stdin", "stdout", "stderr")


def no_tty_message(names: Sequence[str] = STREAM_NAMES) -> str:
    """The no-terminal message naming the streams that are not a terminal."""
    if len(names) == 1:
        streams_en = f"{names[0]} is not a terminal"
    else:
        streams_en = f"{', '.join(names[:-1])} and {names[-1]} are not terminals"
    only_stderr = tuple(names) == ("stderr",)
    return NO_TTY_TEMPLATE.format(
        streams_en=streams_en,
        streams_ko=", ".join(names),
        stderr_en=STDERR_EN if only_stderr else "",
        stderr_ko=STDERR_KO if only_stderr else "",
    )


NO_TTY_MESSAGE = no_tty_message()
"""The message when no stream is a terminal (``ssh host rnntui``)."""

ENCODING_MESSAGE = """\
rnntui needs a UTF-8 terminal, but this one uses {encoding}.
  1. Server locale:   export LANG=C.UTF-8   (or ko_KR.UTF-8)
  2. Terminal character set: UTF-8
     (PuTTY: Window > Translation > Remote character set: UTF-8)
  If the terminal already is UTF-8 and only the locale is wrong:
     rnntui --force-utf8
rnntui는 UTF-8 터미널이 필요합니다 (현재: {encoding}).
export LANG=C.UTF-8 로 설정하고, 터미널 문자 집합을 UTF-8로 바꾸세요
(PuTTY: Window > Translation). 터미널이 이미 UTF-8 이면
rnntui --force-utf8 로 실행할 수 있습니다."""
"""Every line fits an 80-column terminal (tests/test_terminal_guard.py)."""


def _is_utf8(encoding: str | None) -> bool:
    return (encoding or "").lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig")


def _is_tty(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):  # a closed stream
        return False


def say(message: str, stream: TextIO | None = None) -> None:
    """Print a possibly Korean message to a stream that may not encode Korean."""
    out = stream or sys.__stderr__ or sys.stderr
    encoding = getattr(out, "encoding", None) or "ascii"
    for line in message.splitlines():
        try:
            line.encode(encoding)
        except (UnicodeEncodeError, LookupError):
            continue  # the Korean lines cannot be shown here; the English lines can
        print(line, file=out)
    out.flush()


def terminal_problem(
    stdin: TextIO | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> tuple[str, str] | None:
    """Return (kind, message) when the app cannot run here, else None.

    kind is "tty" (no interactive terminal) or "encoding" (not UTF-8).
    """
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.__stderr__ or sys.stderr
    streams = (stdin, stdout, stderr)
    missing = [n for n, s in zip(STREAM_NAMES, streams, strict=True) if not _is_tty(s)]
    if missing:
        return "tty", no_tty_message(missing)
    encoding = getattr(stderr, "encoding", None)  # Textual draws on stderr
    if not _is_utf8(encoding):
        return "encoding", ENCODING_MESSAGE.format(encoding=encoding or "unknown")
    return None


def reexec_utf8(argv: Sequence[str] | None = None) -> None:
    """Restart this command with Python's UTF-8 mode on (never returns)."""
    env = dict(os.environ, PYTHONUTF8="1", PYTHONIOENCODING="utf-8", RNNTUI_REEXEC="1")
    args = list(sys.argv[1:] if argv is None else argv)
    args = [a for a in args if a != "--force-utf8"]
    os.execve(sys.executable, [sys.executable, "-m", "rnntui", *args], env)


TEXTUAL_DEBUG_VARIABLES: tuple[str, ...] = (
    "TEXTUAL",  # feature flags: devtools, debug
    "TEXTUAL_DEBUG",
    "TEXTUAL_LOG",  # a log file of every event, keys and typed answers included
    "TEXTUAL_DEVTOOLS_HOST",
    "TEXTUAL_DEVTOOLS_PORT",
    "TEXTUAL_DRIVER",  # imports any class named here
    "TEXTUAL_SCREENSHOT",
    "TEXTUAL_SCREENSHOT_LOCATION",
    "TEXTUAL_SCREENSHOT_FILENAME",
    "TEXTUAL_PRESS",
    "TEXTUAL_SHOW_RETURN",
    "TEXTUAL_SLOW_THRESHOLD",
)
"""Textual's debugging switches: inherited from a shell they log or change what the app does,
so they count only with ``rnntui --debug``. Display preferences (TEXTUAL_COLOR_SYSTEM,
TEXTUAL_FPS, TEXTUAL_ANIMATIONS, TEXTUAL_THEME, ESCDELAY, ...) are kept."""


def scrub_textual_debug_env(env: MutableMapping[str, str], keep: bool = False) -> list[str]:
    """Remove Textual's debugging variables from ``env`` (unless ``keep``); their names."""
    if keep:
        return []
    removed = [name for name in TEXTUAL_DEBUG_VARIABLES if name in env]
    for name in removed:
        del env[name]
    return removed


def guard_terminal(force_utf8: bool) -> int | None:
    """Run the checks; print the message and return an exit code, or None when all is well."""
    problem = terminal_problem()
    if problem is None:
        return None
    kind, message = problem
    if kind == "encoding" and force_utf8 and not os.environ.get("RNNTUI_REEXEC"):
        reexec_utf8()
    say(message, _visible_stream())
    return EXIT_USAGE


def _visible_stream() -> TextIO | None:
    """stderr, unless it is redirected while stdout is a terminal (``rnntui 2>err.log``):
    then stdout, so the student sees the message."""
    stderr = sys.__stderr__ or sys.stderr
    if not _is_tty(stderr) and _is_tty(sys.stdout):
        return sys.stdout
    return None
