"""The app shell: quitting, help, language, lesson list, palette, panes, keys."""

from __future__ import annotations

import json

from textual.widgets import Input

from rnntui.ui.screens.help import HelpScreen
from rnntui.ui.widgets.keybar import KeyBar

from .helpers import Notes, settle, show_panel

FORBIDDEN = {"ctrl+a", "ctrl+b", "ctrl+h", "ctrl+i", "ctrl+m", "ctrl+j"}


async def test_q_quits(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_q_in_text_input_types_and_ctrl_q_quits(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("simple-rnn")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        entry = panel.query_one("#seq", Input)
        entry.focus()
        await pilot.press("end", "q")
        await pilot.pause()
        assert entry.value.endswith("q") and app.is_running
        assert entry.cursor_blink is False
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_help_shows_focused_panel_help_and_keys(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("lstm", "ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await show_panel(pilot)
        app.learn.panel.query_one("#force-f").focus()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.markdown
        assert "망각 게이트" in text and "Space |" in text and "| F1 / ? |" in text
        assert text.startswith("F1, q 또는 Escape")  # how to close it comes first
        for generic in ("Scroll Up", "Scroll Left", "Copy selected", "palette |"):
            assert generic not in text  # Textual's own rows are not rnntui's keys
        await pilot.press("q")  # q closes help; it does not quit
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen) and app.is_running


async def test_language_toggle_is_saved(make_app, private_dirs) -> None:  # type: ignore[no-untyped-def]
    app = make_app("lstm", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "[en]" in str(app.learn.query_one("#titlebar").render())
        await pilot.press("f3")
        await pilot.pause()
        assert app.lang == "ko" and app.learn.lesson.lang == "ko"
        assert "English" in app.learn.query_one(KeyBar).plain()
    saved = json.loads((private_dirs / "config" / "settings.json").read_text())
    assert saved["lang"] == "ko"


async def test_lesson_list_and_next_keys(make_app, private_dirs) -> None:  # type: ignore[no-untyped-def]
    app = make_app("lstm", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert app.learn.has_class("-list")
        await pilot.press("home", "enter")
        await pilot.pause()
        assert app.lesson_id == app.lesson_list()[0].id
        assert not app.learn.has_class("-list")
        await pilot.press("f6")
        await pilot.pause()
        assert app.lesson_id == app.lesson_list()[1].id
        await pilot.press("f5")
        await pilot.pause()
        assert app.lesson_id == app.lesson_list()[0].id
    saved = json.loads((private_dirs / "config" / "settings.json").read_text())
    assert saved["last_lesson"] == app.lesson_list()[0].id


async def test_palette_lists_every_lesson(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for lesson in app.lesson_list():
            assert any(lesson.title in t for t in titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.pause()
        assert all(not i.cursor_blink for i in app.screen.query(Input))  # no idle redraws
        await pilot.press(*"gru")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert app.lesson_id == "gru"


async def test_narrow_switch_and_wide_side_by_side(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("lstm")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text, pane = app.learn.query_one("#text-pane"), app.learn.query_one("#panel-pane")
        assert text.region.width == 80 and not pane.region
        await pilot.press("f4")
        await pilot.pause()
        assert pane.region.width == 80 and not text.region
        await pilot.press("f4")
        await pilot.pause()
        assert text.region.width == 80 and not pane.region
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert text.region.width > 30 and pane.region.width > 50
        assert text.region.right <= pane.region.x


async def test_keys_are_safe_and_shown(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("lstm")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        nodes = [app, app.screen, *app.screen.query("*")]
        ours = [n for n in nodes if type(n).__module__.startswith("rnntui.")]
        assert len(ours) > 10
        for node in ours:
            for key in node._bindings.key_to_bindings:
                assert key not in FORBIDDEN, (node, key)
        bar = app.learn.query_one(KeyBar)
        panel.query_one("#force-f").focus()
        await pilot.pause()
        plain = bar.plain()
        for needle in ("-/+ Step", "PgDn/PgUp Big", "Enter Type", "0/1 Force", "q Quit", "F1 Help"):
            assert needle in plain
        assert all(len(line) <= 80 for line in plain.splitlines())
        for ch in plain:
            assert ord(ch) < 0x2000 or "\uac00" <= ch <= "\ud7a3"  # ASCII or Hangul only


async def test_unknown_lesson_opens_first_with_message(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("no-such-lesson")
    notes = Notes()
    async with app.run_test(size=(80, 24), message_hook=notes) as pilot:
        await pilot.pause()
        assert app.lesson_id == app.lesson_list()[0].id
        assert notes.said("no-such-lesson")


async def test_no_color_and_contrast_theme(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app("lstm")
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.no_color
        await pilot.press("f9")
        await pilot.pause()
        assert app.theme == "rnntui-contrast"
        panel = await show_panel(pilot)
        assert panel.last_error is None
