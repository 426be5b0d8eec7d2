"""Snapshots of the units, stacking, bidirectional and embedding panels in the app, and their
bytes per tweak in a real 80x24 terminal.

80x24 (F4 shows the panel instead of the text) and 120x36 (side by side), Korean and English.
Update only after looking at the report: ``pytest tests/ui/test_snapshots_panels_a.py
--snapshot-update``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.ui.tweak_bytes import BUDGET, tweak_bytes

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


@pytest.mark.pty
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.parametrize("lesson", LESSONS)
def test_bytes_per_tweak(lesson: str, tmp_path: Path) -> None:
    """Each value change sends at most 2 KB to an 80x24 terminal (moving focus is not a tweak)."""
    sizes = tweak_bytes(tmp_path, lesson, TWEAKS[lesson])
    assert all(0 < n <= BUDGET for n in sizes), sizes  # bytes of each tweak
