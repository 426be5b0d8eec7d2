"""SVG snapshots of the LSTM and activation lessons at 80x24 and 120x36, Korean and English.

Update only after looking at the report: pytest tests/ui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import pytest

from rnntui.ui.widgets.force import ForceStepper

SIZES = [(80, 24), (120, 36)]


async def _forget_zero(pilot) -> None:  # type: ignore[no-untyped-def]
    """Show the LSTM panel and force f to 0 (what the issue's newcomer does)."""
    app = pilot.app
    if app.learn.narrow:
        await pilot.press("f4")
    await pilot.pause()
    app.learn.panel.query_one("#force-f", ForceStepper).focus()
    await pilot.press("0")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_lstm_text(snap, make_app, lang, size) -> None:  # type: ignore[no-untyped-def]
    assert snap(make_app("lstm", lang, save=False), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_lstm_forget_zero(snap, make_panel_app, lang, size) -> None:  # type: ignore[no-untyped-def]
    assert snap(
        make_panel_app("lstm", lang, save=False), terminal_size=size, run_before=_forget_zero
    )


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_activation_panel(snap, make_panel_app, lang) -> None:  # type: ignore[no-untyped-def]
    assert snap(
        make_panel_app("activations", lang, save=False),
        terminal_size=(80, 24),
        press=["f4", "right"],
    )


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_help_screen(snap, make_panel_app, lang) -> None:  # type: ignore[no-untyped-def]
    assert snap(make_panel_app("gru", lang, save=False), terminal_size=(80, 24), press=["f4", "f1"])
