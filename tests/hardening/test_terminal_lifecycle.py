"""The real app in tmux (issue 18, items 9, 10, 15, 21): Alt keys, signals, a terminal that
goes away, and Textual's debugging variables."""

from __future__ import annotations

import importlib.util
import os
import shlex
import shutil
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def _harness() -> ModuleType:
    path = Path(__file__).parents[1] / "ui" / "tmux_harness.py"
    spec = importlib.util.spec_from_file_location("rnntui_tmux_harness", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


H = _harness()
READY = "F1 Help"
ENV = {"LANG": "C.UTF-8", "TERM": "xterm-256color"}


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[object]:
    mux = H.Tmux(tmp_path)
    yield mux
    mux.run("kill-server")


def app_pid(tmux: object, name: str) -> int:
    shell = tmux.run("display-message", "-p", "-t", name, "#{pane_pid}").strip()  # type: ignore[attr-defined]
    return int(Path(f"/proc/{shell}/task/{shell}/children").read_text().split()[0])


def pane_modes(tmux: object, name: str) -> str:
    """``alternate_on cursor_flag`` of the pane: ``0 1`` is a usable shell screen."""
    return tmux.run("display-message", "-p", "-t", name, "#{alternate_on} #{cursor_flag}").strip()  # type: ignore[attr-defined]


def test_alt_q_then_an_arrow_does_not_quit(tmux: object) -> None:
    tmux.start("alt", ENV, H.rnntui())  # type: ignore[attr-defined]
    before = tmux.wait(["alt"], lambda s: READY in s)["alt"]  # type: ignore[attr-defined]
    for _ in range(3):
        tmux.keys("alt", "M-q", "Right")  # type: ignore[attr-defined]
        tmux.keys("alt", "M-t", "Right", "M-f", "Left")  # type: ignore[attr-defined]
    tmux.keys("alt", "F1")  # the help opens: the app read every key above and is alive
    screen = tmux.wait(["alt"], lambda s: s != before and "┘" in s)["alt"]  # type: ignore[attr-defined]
    assert H.exit_code(screen) is None, screen


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_signal_restores_the_terminal(tmux: object, signum: int, code: int) -> None:
    tmux.start("sig", ENV, H.rnntui())  # type: ignore[attr-defined]
    tmux.wait(["sig"], lambda s: READY in s)  # type: ignore[attr-defined]
    assert pane_modes(tmux, "sig") == "1 0", "the app runs on the alternate screen, no cursor"
    os.kill(app_pid(tmux, "sig"), signum)
    screen = tmux.wait(["sig"], lambda s: H.exit_code(s) is not None)["sig"]  # type: ignore[attr-defined]
    assert H.exit_code(screen) == code
    assert pane_modes(tmux, "sig") == "0 1"


def test_terminal_gone_while_sighup_is_ignored_ends_the_app(tmux: object) -> None:
    inner = " ".join(map(shlex.quote, H.rnntui()))
    argv = ["bash", "-c", f"trap '' HUP; exec {inner}"]
    tmux.start("orphan", ENV, argv)  # type: ignore[attr-defined]
    tmux.wait(["orphan"], lambda s: READY in s)  # type: ignore[attr-defined]
    pid = app_pid(tmux, "orphan")
    tmux.run("kill-server")  # type: ignore[attr-defined]
    deadline = time.monotonic() + 30
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # polling the process table for the state "gone"
    alive = Path(f"/proc/{pid}").exists()
    if alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive, "the app outlived its terminal"


@pytest.mark.parametrize("debug", [False, True])
def test_textual_log_needs_debug(tmux: object, tmp_path: Path, debug: bool) -> None:
    log = tmp_path / "keys.log"
    argv = [sys.executable, "-m", "rnntui", "--lesson", "lstm", "--lang", "en"]
    argv += ["--debug"] if debug else []
    tmux.start("log", {**ENV, "TEXTUAL_LOG": str(log)}, argv)  # type: ignore[attr-defined]
    tmux.wait(["log"], lambda s: READY in s)  # type: ignore[attr-defined]
    tmux.keys("log", "s", "e", "c", "r", "e", "t", "q")  # type: ignore[attr-defined]
    tmux.wait(["log"], lambda s: H.exit_code(s) == 0)  # type: ignore[attr-defined]
    assert log.exists() is debug
