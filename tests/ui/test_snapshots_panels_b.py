"""SVG snapshots of the dropout, symbols and order panels at 80x24 and 120x36, ko and en;
bytes per tweak in a real 80x24 terminal.

Update only after looking at the report: pytest tests/ui/test_snapshots_panels_b.py
--snapshot-update
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.ui.tweak_bytes import BUDGET, tweak_bytes

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


@pytest.mark.pty
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.parametrize("lesson", list(TWEAKS))
def test_bytes_per_tweak(lesson: str, tmp_path: Path) -> None:
    """Each value change sends at most 2 KB to an 80x24 terminal (moving focus is not one)."""
    sizes = tweak_bytes(tmp_path, lesson, TWEAKS[lesson])
    assert all(0 < n <= BUDGET for n in sizes), sizes  # bytes of each tweak
