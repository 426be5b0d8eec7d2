"""UI races the byte-level raw monkey found (issue 18, item 8), each as a Pilot test that waits
for states, never for a time:

- the command palette opened again while the closed one is still being removed (seed 10001:
  DuplicateIds '--command-palette', exit 1);
- the palette's search outliving the palette (NoMatches 'CommandList'): the crash itself needs
  the search to resume in the few frames between the dismissal and the removal, which Pilot
  cannot schedule, so the test holds a search open and checks that closing the palette
  cancels it;
- a panel mount asked for when its pane cannot take it: at 80x24 a lesson change or F4 and
  then q before the hidden panel is mounted (MountError 'before PanelPane is mounted' as the
  app closed), and a lesson shown while the pane is in the DOM but not yet mounted;
- the help scrolled while it opens or closes (NoMatches '#help-body');
- a mouse press on the lesson text just after a lesson change (AttributeError in Textual's
  text selection)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import ClassVar

import pytest
from textual.app import ComposeResult
from textual.command import CommandPalette, Hit, Hits, Provider
from textual.widget import Widget

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


class HeldSearch(Provider):
    """A command provider whose search waits until the test lets it go."""

    started = asyncio.Event()
    release = asyncio.Event()

    async def search(self, query: str) -> Hits:
        """Say it started, wait for the release, then find one command."""
        HeldSearch.started.set()
        await HeldSearch.release.wait()
        yield Hit(1.0, "held", lambda: None, text="held")


async def test_closing_the_palette_cancels_its_search(monkeypatch: pytest.MonkeyPatch) -> None:
    from rnntui.ui.app import RnnTuiApp

    HeldSearch.started, HeldSearch.release = asyncio.Event(), asyncio.Event()
    monkeypatch.setattr(RnnTuiApp, "COMMANDS", RnnTuiApp.COMMANDS | {HeldSearch})
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await pilot.press("l")
        await HeldSearch.started.wait()
        searches = [w for w in app.workers if w.node is palette and not w.is_finished]
        assert searches, "the palette is searching"
        palette.dismiss()
        HeldSearch.release.set()  # the search may go on now: it must already be cancelled
        assert all(w.is_cancelled for w in searches), searches
        while palette.is_attached:
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and app.return_code is None


@pytest.mark.parametrize("key", ["]", "f4"])
async def test_quit_before_the_hidden_panel_is_mounted(key: str) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.learn.narrow
        if key == "]":
            app.open_lesson("gru")  # what ] does; its hidden panel is mounted after a frame
            asked: asyncio.Future[object] | None = None
        else:
            asked = asyncio.ensure_future(app.run_action("switch_pane"))
        app.exit()  # q in the same burst: the panel mount comes after the exit
        if asked is not None:
            await asyncio.wait_for(asked, timeout=30)
    assert app.return_code == 0 and not app.panicked


class EarlyLesson(Widget):
    """Mounted after the lesson screen's own widgets: asks for a lesson (and its hidden panel)
    while the panel pane is in the DOM but has not been mounted yet."""

    pane_was_mounted: ClassVar[list[bool]] = []

    def on_mount(self) -> None:
        """Show the GRU lesson now."""
        from rnntui.ui.app import RnnTuiApp
        from rnntui.ui.screens.learn import LearnScreen

        screen, app = self.screen, self.app
        assert isinstance(screen, LearnScreen) and isinstance(app, RnnTuiApp)
        EarlyLesson.pane_was_mounted.append(screen.query_one("#panel-pane").is_mounted)
        lesson = load_lessons().get("gru", "en")
        assert lesson is not None
        screen.show_lesson(lesson, app.lesson_list(), "GRU")


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_lesson_shown_before_the_panel_pane_is_mounted(
    size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from rnntui.ui.app import RnnTuiApp
    from rnntui.ui.screens.learn import LearnScreen

    class EarlyScreen(LearnScreen):
        def compose(self) -> ComposeResult:
            yield from super().compose()
            yield EarlyLesson()

    EarlyLesson.pane_was_mounted = []
    monkeypatch.setattr(RnnTuiApp, "get_default_screen", lambda self: EarlyScreen())
    app = RnnTuiApp(load_lessons(), lang="en", lesson_id="gru", save=False)
    async with app.run_test(size=size) as pilot:
        from tests.ui.helpers import settle

        await settle(pilot)
        assert EarlyLesson.pane_was_mounted == [False]
        if app.learn.narrow:
            await pilot.press("f4")
            await settle(pilot)
        panel = app.learn.panel
        assert panel is not None and panel.is_mounted and panel.lab.__class__.__name__ == "GRULab"
        assert len(app.learn.query_one("#panel-pane").children) == 1
        assert app.is_running and app.return_code is None
