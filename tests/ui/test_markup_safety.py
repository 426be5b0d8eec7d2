"""User and file text never reaches the terminal as markup or control characters."""

from __future__ import annotations

from rnntui.ui.app import RnnTuiApp
from rnntui.ui.widgets.stepper import Stepper
from tests.ui.helpers import Notes, settle, show_panel


async def test_typing_markup_into_a_value_is_refused_not_a_crash(make_app) -> None:  # type: ignore[no-untyped-def]
    app: RnnTuiApp = make_app("lstm", "en", save=False)
    notes = Notes()
    async with app.run_test(size=(80, 24), message_hook=notes) as pilot:
        panel = await show_panel(pilot)
        panel.query_one("#x", Stepper).focus()
        await pilot.press("enter", "[", "/", "]", "enter")
        await pilot.pause()
        assert app.is_running
        assert notes.said("[/]") and not any(notes.markup), notes.messages


async def test_a_missing_lesson_named_like_markup_is_a_warning(make_app) -> None:  # type: ignore[no-untyped-def]
    app: RnnTuiApp = make_app("[/]", "en", save=False)
    notes = Notes()
    async with app.run_test(size=(80, 24), message_hook=notes) as pilot:
        await settle(pilot)
        assert app.is_running and app.lesson_id is not None
        assert notes.said("[/]"), notes.messages  # named as typed, not parsed


async def test_control_characters_in_a_notification_are_removed(make_app) -> None:  # type: ignore[no-untyped-def]
    app: RnnTuiApp = make_app("lstm", "en", save=False)
    notes = Notes()
    async with app.run_test(size=(80, 24), message_hook=notes) as pilot:
        app.notify("title\x1b]0;PWNED\x07 [b]x[/b]")
        await pilot.pause()
        assert notes.messages, "no notification"
        shown = notes.messages[-1]
        assert "\x1b" not in shown and "\x07" not in shown
        assert "[b]x[/b]" in shown and notes.markup == [False]  # shown as written
