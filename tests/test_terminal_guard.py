"""Start-up guards: no tty, a non-UTF-8 terminal, and messages that survive any encoding."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from rnntui.terminal_guard import NO_TTY_MESSAGE, say, terminal_problem


class FakeStream(io.StringIO):
    def __init__(self, tty: bool, encoding: str = "utf-8") -> None:
        super().__init__()
        self._tty = tty
        self._encoding = encoding

    def isatty(self) -> bool:
        return self._tty

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


def test_no_tty_is_reported() -> None:
    kind, message = terminal_problem(FakeStream(False), FakeStream(True), FakeStream(True))
    assert kind == "tty"
    assert "ssh -t" in message and "quiz --plain" in message


def test_the_message_names_the_stream_that_is_not_a_terminal() -> None:
    tty = FakeStream(True)
    kind, message = terminal_problem(tty, tty, FakeStream(False))  # rnntui 2>err.log
    first = message.splitlines()[0]
    assert kind == "tty" and first.endswith("but stderr is not a terminal.")
    assert "without 2>FILE" in message and "터미널이 아닌 것: stderr" in message
    kind, message = terminal_problem(FakeStream(False), FakeStream(False), tty)
    assert message.splitlines()[0].endswith("but stdin and stdout are not terminals.")
    assert "2>FILE" not in message and "stdin, stdout\n" in message


def test_rnntui_with_stderr_redirected_says_so_on_the_terminal(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``rnntui 2>err.log`` on a terminal: the message names stderr and is shown on stdout
    (the terminal), not hidden in the log file."""
    import pty

    master, slave = pty.openpty()
    log = tmp_path / "err.log"
    env = dict(os.environ, PYTHONIOENCODING="utf-8", LANG="C.UTF-8")
    with log.open("w") as err:
        result = subprocess.run(
            [sys.executable, "-m", "rnntui"],
            stdin=slave,
            stdout=slave,
            stderr=err,
            timeout=30,
            env=env,
            check=False,
        )
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the other end is closed and everything is read
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert result.returncode == 2
    assert b"but stderr is not a terminal." in shown and b"2>FILE" in shown
    assert log.read_text() == ""


def test_non_utf8_terminal_is_reported() -> None:
    tty = FakeStream(True)
    kind, message = terminal_problem(tty, tty, FakeStream(True, "iso8859-1"))
    assert kind == "encoding"
    assert "LANG=C.UTF-8" in message and "--force-utf8" in message


def test_utf8_terminal_passes() -> None:
    tty = FakeStream(True)
    assert terminal_problem(tty, tty, FakeStream(True, "UTF-8")) is None


def test_say_skips_lines_the_stream_cannot_encode() -> None:
    out = FakeStream(False, "ascii")
    say(NO_TTY_MESSAGE, out)
    text = out.getvalue()
    assert "ssh -t HOST rnntui" in text
    assert "터미널" not in text


def test_rnntui_without_a_terminal_exits_2_quickly() -> None:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "rnntui"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
        env=env,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "ssh -t" in result.stderr


def test_bare_options_skip_typer() -> None:
    from rnntui.entry import parse_app_options

    assert parse_app_options([]) == {
        "lesson": None,
        "lang": None,
        "lessons_dirs": [],
        "mouse": False,
        "force_utf8": False,
        "debug": False,
    }
    parsed = parse_app_options(["--lesson", "lstm", "--lang=ko", "--mouse"])
    assert parsed is not None and parsed["lesson"] == "lstm" and parsed["lang"] == "ko"
    for argv in (["quiz"], ["--help"], ["--version"], ["--lesson"], ["--bogus"], ["summary", "x"]):
        assert parse_app_options(argv) is None


def test_messages_fit_80_columns() -> None:
    from rich.cells import cell_len

    from rnntui.terminal_guard import ENCODING_MESSAGE, no_tty_message

    messages = [NO_TTY_MESSAGE, ENCODING_MESSAGE.format(encoding="ISO-8859-1")]
    messages += [no_tty_message(names) for names in (["stdin"], ["stderr"], ["stdin", "stdout"])]
    for message in messages:
        assert max(cell_len(line) for line in message.splitlines()) <= 78
