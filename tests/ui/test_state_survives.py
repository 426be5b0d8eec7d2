"""What the student changed on a panel survives F3 (language) and a lesson round trip."""

from __future__ import annotations

from rnntui.ui.app import RnnTuiApp
from rnntui.ui.widgets.force import ForceStepper

from .helpers import settle


async def forced_f(app: RnnTuiApp) -> str:
    panel = app.learn.panel
    assert panel is not None
    return panel.query_one("#force-f", ForceStepper).mode


async def test_forced_gate_survives_language_switch_and_lesson_round_trip(make_app) -> None:  # type: ignore[no-untyped-def]
    app: RnnTuiApp = make_app("lstm", "en", save=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await settle(pilot)
        app.learn.panel.query_one("#force-f", ForceStepper).focus()
        await pilot.press("0")
        await settle(pilot)
        assert await forced_f(app) == "value"
        await pilot.press("f3")  # Korean
        await settle(pilot)
        assert app.lang == "ko" and await forced_f(app) == "value"
        await pilot.press("f6", "f5")  # GRU and back
        await settle(pilot)
        assert app.lesson_id == "lstm" and await forced_f(app) == "value"
        assert "고정" in app.learn.panel.query_one("#bar-f").render().plain
