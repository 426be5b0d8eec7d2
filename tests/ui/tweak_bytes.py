"""Bytes a real 80x24 terminal receives per panel tweak (tmux ``pipe-pane`` into a log).

Every wait is for a state: the app's F12 sync hook (``RNNTUI_SYNC_FILE``) says every key has
been handled and painted; only then does the log get a short quiet spell for the bytes still on
their way through the pty and tmux. A key is measured from one sync to the next.
"""

from __future__ import annotations

import shlex
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from tests.ui.tmux_harness import SyncedApp, Tmux

BUDGET = 2048
"""Most bytes one tweak may send to an 80x24 terminal."""


def _quiet_size(log: Path, quiet: float = 0.3, timeout: float = 10.0) -> int:
    """The log's size once it has not grown for ``quiet`` seconds (bytes in flight arrive)."""
    deadline = time.monotonic() + timeout
    size, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        now = log.stat().st_size if log.exists() else 0
        if now != size:
            size, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            break
        time.sleep(0.02)
    return size


def tweak_bytes(tmp_path: Path, lesson: str, groups: Sequence[Sequence[str]]) -> list[int]:
    """Open ``lesson`` at 80x24, F4 to its panel, then for each group press its keys; the bytes
    sent for the last key of each group (the tweak; the keys before it move the focus)."""
    tmux, log, sync_file = Tmux(tmp_path), tmp_path / "out.log", tmp_path / "sync"
    tmux.start(
        "t",
        {"LANG": "C.UTF-8", "TERM": "xterm-256color", "RNNTUI_SYNC_FILE": str(sync_file)},
        [sys.executable, "-m", "rnntui", "--lesson", lesson],
    )
    app = SyncedApp(tmux, "t", sync_file)
    try:
        tmux.run("pipe-pane", "-t", "t", "-o", f"cat >> {shlex.quote(str(log))}")
        app.settled()
        app.keys("F4")
        app.settled()
        sizes = []
        for group in groups:
            for key in group[:-1]:
                app.keys(key)
            app.sync()
            before = _quiet_size(log)
            app.keys(group[-1])
            app.sync()
            sizes.append(_quiet_size(log) - before)
        return sizes
    finally:
        tmux.run("kill-server")
