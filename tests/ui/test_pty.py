"""The real ``rnntui`` command in a pseudo-terminal (tmux, 80x24): read, change a value, quit."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


class Tmux:
    """One detached tmux session on a private socket."""

    def __init__(self, socket: Path) -> None:
        self.socket = socket

    def run(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-S", str(self.socket), *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        return done.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "rnntui")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.run("send-keys", "-t", "rnntui", key)
            time.sleep(0.05)

    def wait(self, ok: Callable[[str], bool], timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.screen()
            if ok(text):
                return text
            time.sleep(0.1)
        raise AssertionError(f"screen never matched; last screen:\n{text}")


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    mux = Tmux(tmp_path / "tmux.sock")
    yield mux
    mux.run("kill-server")


def test_real_command_at_80x24(tmux: Tmux, tmp_path: Path) -> None:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "RNNTUI_CONFIG_DIR": str(tmp_path / "config"),
        "RNNTUI_STATE_DIR": str(tmp_path / "state"),
    }
    command = " ".join(
        [f"{k}={shlex.quote(v)}" for k, v in env.items()]
        + [shlex.quote(sys.executable), "-m", "rnntui", "--lesson", "lstm", "--lang", "en"]
    )
    tmux.run(
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-s",
        "rnntui",
        "-x",
        "80",
        "-y",
        "24",
        f"env -i {command}; echo EXITED $?; sleep 30",
    )
    first = tmux.wait(lambda s: "LSTM" in s and "F1 Help" in s)
    assert "Traceback" not in first
    tmux.keys("F4")
    before = tmux.wait(lambda s: "force f off" in s and "c_t = f*c_{t-1} + i*g" in s)
    tmux.keys(*["Tab"] * 7, "0")
    after = tmux.wait(lambda s: "forced" in s)
    assert after != before
    assert "f sig" in after and "0.0000" in after
    lines = after.splitlines()
    assert len(lines) <= 24 and all(len(line) <= 80 for line in lines)
    tmux.keys("q")
    tmux.wait(lambda s: "EXITED 0" in s)
