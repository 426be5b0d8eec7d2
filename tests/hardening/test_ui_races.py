"""UI races the byte-level raw monkey found (issue 18, item 8), each as a Pilot test:

- the command palette opened again while the closed one is still being removed (seed 10001:
  DuplicateIds '--command-palette', exit 1);
- the help scrolled while it opens or closes (NoMatches '#help-body');
- a mouse press on the lesson text just after a lesson change (AttributeError in Textual's
  text selection).

The palette's search outliving the palette (NoMatches 'CommandList') is not reproducible
through Pilot; the raw monkey covers it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette

from rnntui.content.loader import load_lessons


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RNNTUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RNNTUI_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")


def make_app():  # type: ignore[no-untyped-def]
    from rnntui.ui.app import RnnTuiApp

    return RnnTuiApp(load_lessons(), lang="en", lesson_id="lstm", save=False)


async def test_ctrl_p_while_the_closed_palette_is_being_removed() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert CommandPalette.is_open(app)
            # close it and ask for it again before Textual has removed the closed one
            app.screen.dismiss()
            app.action_command_palette()
            app.action_command_palette()
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert sum(isinstance(s, CommandPalette) for s in app.screen_stack) <= 1
            if CommandPalette.is_open(app):
                await pilot.press("escape")
                await pilot.pause()
        assert app.is_running and app.return_code is None


async def test_help_scroll_before_it_is_built_and_after_it_closed() -> None:
    from rnntui.ui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = HelpScreen("# Help\n\n" + "line\n\n" * 50)
        screen.action_scroll(5)  # not mounted yet: nothing to scroll, no NoMatches
        await app.push_screen(screen)
        await pilot.pause()
        screen.action_scroll(5)
        screen.dismiss()
        screen.action_scroll(-5)  # closing
        await pilot.pause()
        screen.action_scroll(5)  # closed
        assert app.is_running and app.return_code is None


async def test_mouse_press_on_the_text_right_after_a_lesson_change() -> None:
    app = make_app()
    assert app.ALLOW_SELECT is False  # keyboard-first; the terminal's Shift+drag still selects
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        for key in ("bracketright", "bracketleft", "bracketright"):
            await pilot.press(key)
            for x, y in ((5, 4), (20, 8), (40, 12)):
                await pilot.mouse_down(offset=(x, y))
                await pilot.mouse_up(offset=(x, y))
        await pilot.pause()
        assert app.is_running and app.return_code is None
