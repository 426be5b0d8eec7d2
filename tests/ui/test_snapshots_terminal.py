"""Snapshots for terminal trouble: the display check, NO_COLOR, and a 60x20 window.

Update only after looking at the report:
    pytest tests/ui/test_snapshots_terminal.py --snapshot-update
"""

from __future__ import annotations

import pytest

from rnntui.ui.widgets.force import ForceStepper


@pytest.fixture
def fixed_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The display check prints TERM and the locale: make them the same on every machine."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("LANG", "C.UTF-8")
    for name in ("LC_ALL", "LC_CTYPE", "COLORTERM", "TEXTUAL_COLOR_SYSTEM"):
        monkeypatch.delenv(name, raising=False)


async def _forget_zero(pilot) -> None:  # type: ignore[no-untyped-def]
    """Show the LSTM panel and force f to 0."""
    app = pilot.app
    if app.learn.narrow:
        await pilot.press("f4")
    await pilot.pause()
    app.learn.panel.query_one("#force-f", ForceStepper).focus()
    await pilot.press("0")
    await pilot.pause()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_display_check(snap, make_panel_app, fixed_terminal, lang) -> None:  # type: ignore[no-untyped-def]
    assert snap(make_panel_app("lstm", lang, save=False), terminal_size=(80, 24), press=["f1", "d"])


def test_no_color_panel(snap, make_panel_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NO_COLOR", "1")  # read when the app is built
    app = make_panel_app("lstm", "en", save=False)
    assert app.no_color
    assert snap(app, terminal_size=(80, 24), run_before=_forget_zero)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_small_window_60x20(snap, make_panel_app, lang) -> None:  # type: ignore[no-untyped-def]
    assert snap(
        make_panel_app("lstm", lang, save=False), terminal_size=(60, 20), run_before=_forget_zero
    )
