"""SVG snapshots of the dropout, symbols and order panels at 80x24 and 120x36, ko and en;
bytes per tweak in a real 80x24 terminal.

Update only after looking at the report: pytest tests/ui/test_snapshots_panels_b.py
--snapshot-update
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

SIZES = [(80, 24), (120, 36)]
LESSONS = {"dropout": "dropout", "symbols": "symbols", "order": "what-is-rnn"}


async def _show_panel(pilot) -> None:  # type: ignore[no-untyped-def]
    """F4 (narrow: show the panel; wide: move focus into it), wait for the computed panel and
    make sure its first control has the focus, so the keys pressed next reach it."""
    await pilot.press("f4")
    panel = None
    for _ in range(100):
        await pilot.pause()
        panel = pilot.app.learn.panel
        if panel is not None and panel.is_attached and not panel._pending:
            break
    assert panel is not None
    focused = pilot.app.focused
    if focused is None or panel not in focused.ancestors:
        next(w for w in panel.query("*") if w.focusable).focus()
    pilot.app.refresh_bindings()  # the key bar can miss the panel's Korean labels here
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("panel", list(LESSONS))
def test_panel(snap, make_panel_app, panel, lang, size) -> None:  # type: ignore[no-untyped-def]
    assert snap(
        make_panel_app(LESSONS[panel], lang, save=False), terminal_size=size, run_before=_show_panel
    )


@pytest.mark.parametrize(
    ("panel", "keys"),
    [("dropout", ["g", "t"]), ("symbols", ["f"]), ("order", ["s"])],
    ids=["dropout-gate-inference", "symbols-forget", "order-shuffled"],
)
def test_panel_after_keys(snap, make_panel_app, panel, keys) -> None:  # type: ignore[no-untyped-def]
    assert snap(
        make_panel_app(LESSONS[panel], "en", save=False),
        terminal_size=(80, 24),
        run_before=_show_panel,
        press=keys,
    )


# -- bytes per tweak in a real terminal (tmux, 80x24) ----------------------------------------
TWEAKS = {
    "dropout": [
        ("n",),
        ("g",),
        ("t",),
        ("t",),
        ("c",),
        ("Right",),
        ("Tab", "Left"),
        ("Tab", "Left"),
        ("Tab", "Left"),
    ],
    "symbols": [("f",), ("w",), ("s",), ("Right",), ("Tab", "Right"), ("t",)],
    "what-is-rnn": [("s",), ("s",), ("r",), ("o",), ("c",), ("Right",), ("Left",)],
}
"""Keys after F4, grouped: the last key of a group is the tweak that is measured."""
BUDGET = 2048


def _settle(log: Path, start: int = -1, quiet: float = 0.6, timeout: float = 10.0) -> int:
    """Wait until the log grew past ``start`` (if given) and then stayed quiet; its size."""
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
@pytest.mark.parametrize("lesson", list(TWEAKS))
def test_bytes_per_tweak(lesson: str, tmp_path: Path) -> None:
    """Each value change sends at most 2 KB to an 80x24 terminal (moving focus is not one)."""
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
        _settle(log, 0, quiet=1.5, timeout=30)
        start = _settle(log)
        tmux("send-keys", "-t", "t", "F4")
        _settle(log, start, quiet=1.0)
        sizes = []
        for group in TWEAKS[lesson]:
            for key in group[:-1]:
                start = _settle(log)
                tmux("send-keys", "-t", "t", key)
                _settle(log, start)
            before = _settle(log)
            tmux("send-keys", "-t", "t", group[-1])
            sizes.append(_settle(log, before) - before)
        assert all(0 < n <= BUDGET for n in sizes), sizes
    finally:
        tmux("kill-server")
