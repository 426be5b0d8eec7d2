"""The real app in tmux (issue 18, items 9, 10, 15, 21): Alt keys, signals, a terminal that
goes away, and Textual's debugging variables."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.ui import tmux_harness as H

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


READY = "F1 Help"
ENV = {"LANG": "C.UTF-8", "TERM": "xterm-256color"}


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Any]:
    mux = H.Tmux(tmp_path)
    yield mux
    mux.run("kill-server")


def app_pid(tmux: Any, name: str) -> int:
    shell = tmux.run("display-message", "-p", "-t", name, "#{pane_pid}").strip()
    return int(Path(f"/proc/{shell}/task/{shell}/children").read_text().split()[0])


def pane_modes(tmux: Any, name: str) -> str:
    """``alternate_on cursor_flag`` of the pane: ``0 1`` is a usable shell screen."""
    return tmux.run("display-message", "-p", "-t", name, "#{alternate_on} #{cursor_flag}").strip()


def test_alt_q_then_an_arrow_does_not_quit(tmux: Any) -> None:
    tmux.start("alt", ENV, H.rnntui())
    before = tmux.wait(["alt"], lambda s: READY in s)["alt"]
    for _ in range(3):
        tmux.keys("alt", "M-q", "Right")
        tmux.keys("alt", "M-t", "Right", "M-f", "Left")
    tmux.keys("alt", "F1")  # the help opens: the app read every key above and is alive
    screen = tmux.wait(["alt"], lambda s: s != before and "┘" in s)["alt"]
    assert H.exit_code(screen) is None, screen


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_signal_restores_the_terminal(tmux: Any, signum: int, code: int) -> None:
    tmux.start("sig", ENV, H.rnntui())
    tmux.wait(["sig"], lambda s: READY in s)
    assert pane_modes(tmux, "sig") == "1 0", "the app runs on the alternate screen, no cursor"
    os.kill(app_pid(tmux, "sig"), signum)
    screen = tmux.wait(["sig"], lambda s: H.exit_code(s) is not None)["sig"]
    assert H.exit_code(screen) == code
    assert pane_modes(tmux, "sig") == "0 1"


def test_terminal_gone_while_sighup_is_ignored_ends_the_app(tmux: Any) -> None:
    inner = " ".join(map(shlex.quote, H.rnntui()))
    argv = ["bash", "-c", f"trap '' HUP; exec {inner}"]
    tmux.start("orphan", ENV, argv)
    tmux.wait(["orphan"], lambda s: READY in s)
    pid = app_pid(tmux, "orphan")
    tmux.run("kill-server")
    deadline = time.monotonic() + 30
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # polling the process table for the state "gone"
    alive = Path(f"/proc/{pid}").exists()
    if alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive, "the app outlived its terminal"


@pytest.mark.parametrize("debug", [False, True])
def test_textual_log_needs_debug(tmux: Any, tmp_path: Path, debug: bool) -> None:
    log = tmp_path / "keys.log"
    argv = [sys.executable, "-m", "rnntui", "--lesson", "lstm", "--lang", "en"]
    argv += ["--debug"] if debug else []
    tmux.start("log", {**ENV, "TEXTUAL_LOG": str(log)}, argv)
    tmux.wait(["log"], lambda s: READY in s)
    tmux.keys("log", "s", "e", "c", "r", "e", "t", "q")
    tmux.wait(["log"], lambda s: H.exit_code(s) == 0)
    assert log.exists() is debug
