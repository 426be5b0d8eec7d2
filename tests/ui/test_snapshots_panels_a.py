"""Snapshots of the units, stacking, bidirectional and embedding panels in the app, and their
bytes per tweak in a real 80x24 terminal.

80x24 (F4 shows the panel instead of the text) and 120x36 (side by side), Korean and English.
Update only after looking at the report: ``pytest tests/ui/test_snapshots_panels_a.py
--snapshot-update``.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

LESSONS = ("units", "stacking", "bidirectional", "embedding")
SIZES = {"80x24": ((80, 24), ("f4",)), "120x36": ((120, 36), ())}


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("lesson", LESSONS)
def test_panel_snapshot(snap, make_panel_app, lesson: str, lang: str, size: str) -> None:  # type: ignore[no-untyped-def]
    terminal_size, press = SIZES[size]
    app = make_panel_app(lesson, lang, save=False)
    assert snap(app, press=press, terminal_size=terminal_size)


def test_stacking_error_snapshot(snap, make_panel_app) -> None:  # type: ignore[no-untyped-def]
    """The invalid stack at 80x24: Keras' message and the fix, in Korean."""
    app = make_panel_app("stacking", "ko", save=False)
    press = ("f4", "tab", "tab", "tab", "tab", "tab", "space")
    assert snap(app, press=press, terminal_size=(80, 24))


# -- bytes per tweak in a real terminal (tmux, 80x24) ----------------------------------------
TWEAKS = {
    "units": [("Right",), ("Right",), ("Tab", "Right"), ("Tab", "Right"), ("Tab", "Space")],
    "stacking": [("Right",), (*["Tab"] * 5, "Space"), ("Space",), ("Space",)],
    "bidirectional": [
        ("Tab", "Tab", "Tab", "Right"),
        ("Right",),
        ("Right",),
        ("Right",),
        ("Right",),
        ("BTab", "BTab", "Space"),
    ],
    "embedding": [("Right",), ("Tab", "Right"), ("Tab", "Right"), ("Tab", "Right")],
}
"""Keys after F4, grouped: the last key of a group is the tweak that is measured."""
BUDGET = 2048


def _settle(log: Path, start: int = -1, quiet: float = 0.6, timeout: float = 10.0) -> int:
    """Wait until the pane's output log has grown past ``start`` (if given) and then stopped
    growing for ``quiet`` seconds; its size."""
    deadline = time.monotonic() + timeout
    size, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        now = log.stat().st_size if log.exists() else 0
        if now != size:
            size, since = now, time.monotonic()
        elif size > start and time.monotonic() - since >= quiet:
            return size
        time.sleep(0.05)
    return size


@pytest.mark.pty
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.parametrize("lesson", LESSONS)
def test_bytes_per_tweak(lesson: str, tmp_path: Path) -> None:
    """Each value change sends at most 2 KB to an 80x24 terminal (moving focus is not a tweak)."""
    sock, log = tmp_path / "tmux.sock", tmp_path / "out.log"

    def tmux(*args: str) -> str:
        return subprocess.run(
            ["tmux", "-S", str(sock), *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout

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
        + [shlex.quote(sys.executable), "-m", "rnntui", "--lesson", lesson]
    )
    tmux(
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-s",
        "t",
        "-x",
        "80",
        "-y",
        "24",
        f"env -i {command}",
    )
    try:
        tmux("pipe-pane", "-t", "t", "-o", f"cat >> {shlex.quote(str(log))}")
        _settle(log, 0, quiet=1.5, timeout=30)  # the first screen, fully drawn
        start = _settle(log)
        tmux("send-keys", "-t", "t", "F4")
        _settle(log, start, quiet=1.0)
        assert tmux("capture-pane", "-p", "-t", "t").count("<") >= 2, "the panel is not shown"
        sizes = []
        for group in TWEAKS[lesson]:
            for key in group[:-1]:
                start = _settle(log)
                tmux("send-keys", "-t", "t", key)
                _settle(log, start)
            before = _settle(log)
            tmux("send-keys", "-t", "t", group[-1])
            sizes.append(_settle(log, before) - before)
        assert all(0 < n <= BUDGET for n in sizes), sizes  # bytes of each tweak
    finally:
        tmux("kill-server")
