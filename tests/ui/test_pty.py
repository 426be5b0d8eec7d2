"""The real ``rnntui`` command in a pseudo-terminal (tmux, 80x24): read, change a value, quit."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .tmux_harness import SyncedApp, Tmux, exit_code, rnntui

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

ENV = {"LANG": "C.UTF-8", "TERM": "xterm-256color"}


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    mux = Tmux(tmp_path)
    yield mux
    mux.run("kill-server")


def test_real_command_at_80x24(tmux: Tmux, tmp_path: Path) -> None:
    sync_file = tmp_path / "sync"
    tmux.start("rnntui", {**ENV, "RNNTUI_SYNC_FILE": str(sync_file)}, rnntui())
    app = SyncedApp(tmux, "rnntui", sync_file)
    first = tmux.wait(["rnntui"], lambda s: "LSTM" in s and "F1 Help" in s)["rnntui"]
    assert "Traceback" not in first
    tmux.keys("rnntui", "F4")
    before = tmux.wait(["rnntui"], lambda s: "force f off" in s and "c_t = f*c_{t-1} + i*g" in s)[
        "rnntui"
    ]
    # A first start (the home is new): the other lessons load in a thread after the first
    # frame. Wait for a state (every key handled, no worker, nothing pending) before the
    # burst: in one CI run of 25 on a loaded machine the burst landed one control short
    # ("sequence: 0"), which neither a loaded local machine nor the in-process test of keys
    # typed during the load (test_start_preview) has shown again; see docs/performance.md.
    app.sync()
    tmux.keys("rnntui", *["Tab"] * 7, "0")
    after = tmux.wait(["rnntui"], lambda s: "forced" in s)["rnntui"]
    assert after != before
    assert "f sig" in after and "0.0000" in after
    lines = after.splitlines()
    assert len(lines) <= 24 and all(len(line) <= 80 for line in lines)
    tmux.keys("rnntui", "q")
    tmux.wait(["rnntui"], lambda s: exit_code(s) == 0)
