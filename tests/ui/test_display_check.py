"""The display check screen, the small-window notice, the saved theme and the panic status."""

from __future__ import annotations

import json
import unicodedata

from rich.cells import cell_len

from rnntui.settings import load_settings
from rnntui.ui.screens.display_check import (
    AMBIGUOUS,
    INNER,
    RULER_ROWS,
    DisplayCheckScreen,
    ruler_box,
)
from rnntui.ui.screens.help import HelpScreen
from rnntui.ui.screens.learn import LearnScreen
from rnntui.ui.theme import CONTRAST_THEME, DEFAULT_THEME
from rnntui.ui.widgets.size_notice import SizeNotice, notice_text

from .helpers import screen_text


def test_ruler_box_rows_have_one_width_and_the_test_glyphs_are_ambiguous() -> None:
    box = ruler_box()
    assert {cell_len(line) for line in box} == {INNER + 2}
    assert len(box) == len(RULER_ROWS) + 2
    glyphs = [c for c in AMBIGUOUS if c != " "]
    assert all(unicodedata.east_asian_width(c) == "A" for c in glyphs)
    assert any("가나다" in row for row in RULER_ROWS) and any("English" in r for r in RULER_ROWS)


async def test_d_in_help_opens_the_display_check_and_keys_close_it(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("lstm", "ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        assert "d를 누르세요" in app.screen.markdown
        await pilot.press("d")
        assert isinstance(app.screen, DisplayCheckScreen)
        shown = screen_text(app)
        for line in ruler_box():
            assert line in shown
        assert "오른쪽 테두리" in shown and "80x24" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("d", "q")
        assert isinstance(app.screen, HelpScreen) and app.is_running
        await pilot.press("escape")
        assert isinstance(app.screen, LearnScreen)


async def test_display_check_from_the_palette_and_at_60x20(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("gru", "en")
    async with app.run_test(size=(60, 20)) as pilot:
        app.action_display_check()
        await pilot.pause()
        assert isinstance(app.screen, DisplayCheckScreen)
        assert all(cell_len(line) <= 60 for line in screen_text(app).splitlines())
        assert ruler_box()[0] in screen_text(app)
        assert "60x20  TERM=" in screen_text(app)
        await pilot.resize_terminal(70, 22)
        await pilot.pause()
        assert "70x22  TERM=" in screen_text(app)  # the size line follows a resize
        await pilot.press("pagedown", "enter")
        assert isinstance(app.screen, LearnScreen)
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Display check: borders and Korean text" in commands


def test_notice_text() -> None:
    assert notice_text(80, 24, "en") == "" and notice_text(200, 60, "ko") == ""
    assert "80x24" in notice_text(79, 24, "en") and "60x20" in notice_text(60, 20, "en")
    assert "키우세요" in notice_text(80, 23, "ko")


async def test_size_notice_follows_live_resizes(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("lstm", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        notice = app.learn.query_one(SizeNotice)
        for size, shown in [
            ((60, 20), True),
            ((200, 60), False),
            ((80, 23), True),
            ((80, 24), False),
        ]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            assert notice.display is shown, size
            assert ("enlarge it to 80x24" in screen_text(app)) is shown
            assert "F1 Help" in screen_text(app)  # the key bar stays on screen


async def test_theme_choice_is_saved_and_restored(make_app, private_dirs, lessons) -> None:  # type: ignore[no-untyped-def]
    from rnntui.ui.app import RnnTuiApp

    app = make_app("lstm", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == DEFAULT_THEME
        await pilot.press("f9")
        assert app.theme == CONTRAST_THEME
    saved = json.loads((private_dirs / "config" / "settings.json").read_text())
    assert saved["theme"] == CONTRAST_THEME
    again = RnnTuiApp(lessons, lang="en", theme=load_settings().theme)
    assert again.theme == CONTRAST_THEME
    assert RnnTuiApp(lessons, theme="no-such-theme").theme == DEFAULT_THEME


async def test_panic_exits_with_status_1(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("lstm", "en", save=False)
    async with app.run_test(size=(80, 24)):
        app.panic("the input thread died")  # what a crash in the input thread ends in
    assert app.panicked  # launch.py turns this into exit status 1 (the tmux test checks it)


async def test_palette_placeholder_has_no_ambiguous_ellipsis(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("lstm", "ko", save=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        shown = screen_text(app)
        assert "명령 검색..." in shown and "\u2026" not in shown
