"""The start path at 80x24: the lesson text is painted before the hidden panel (and NumPy,
~0.2 s at a first start) is made, and the panel still comes without a key (issue 16)."""

from __future__ import annotations

import pytest

from rnntui.ui.screens.learn import LearnScreen
from rnntui.ui.widgets.lesson_text import Prose
from tests.ui.helpers import screen_text, settle


@pytest.mark.parametrize("lesson_id", ["what-is-rnn", "lstm"])  # with a table, without one
async def test_hidden_panel_is_made_after_the_text_is_painted(
    make_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    lesson_id: str,
) -> None:
    events: list[str] = []
    render, make_panel = Prose.render, LearnScreen._make_panel

    def painted(self: Prose):  # type: ignore[no-untyped-def]
        if "text" not in events:
            events.append("text")
        return render(self)

    def made(self: LearnScreen, lesson):  # type: ignore[no-untyped-def]
        events.append("panel")
        return make_panel(self, lesson)

    monkeypatch.setattr(Prose, "render", painted)
    monkeypatch.setattr(LearnScreen, "_make_panel", made)
    app = make_app(lesson_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert events == ["text", "panel"]  # the panel once, after the text's first paint
        assert app.learn.panel is not None and app.learn.panel.is_mounted
        assert not app.learn.panel_visible()
        await pilot.press("f4")
        assert app.learn.panel_visible() and app.learn.focused_panel() is app.learn.panel
        assert events.count("panel") == 1


async def test_wide_panel_comes_with_the_text(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("lstm")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.learn.panel_visible()
        assert app.learn.focused_panel() is app.learn.panel


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
@pytest.mark.parametrize(("lesson_id", "lang"), [("what-is-rnn", "en"), ("lstm", "ko")])
async def test_a_long_lesson_has_its_scroll_bar_at_once_and_the_same_screen(
    make_app,  # type: ignore[no-untyped-def]
    lesson_id: str,
    lang: str,
    size: tuple[int, int],
) -> None:
    """overflow-y: scroll from the start (no second layout one frame later) is chosen only
    when the text overflows anyway: the screen is the one overflow-y: auto gives."""
    app = make_app(lesson_id, lang)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        pane = app.learn.query_one("#text-pane")
        assert pane.styles.overflow_y == "scroll"
        with_scroll = screen_text(app)
        pane.styles.overflow_y = "auto"
        pane.refresh(layout=True)
        await settle(pilot)
        assert pane.show_vertical_scrollbar
        assert screen_text(app) == with_scroll


async def test_a_short_text_keeps_overflow_auto(make_panel_app) -> None:  # type: ignore[no-untyped-def]
    app = make_panel_app("lstm")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        pane = app.learn.query_one("#text-pane")
        assert pane.styles.overflow_y == "auto" and not pane.show_vertical_scrollbar


@pytest.mark.parametrize(("size", "layout"), [((80, 24), "-narrow"), ((100, 30), "-wide")])
async def test_the_screen_is_composed_with_the_first_lesson(
    make_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
    layout: str,
) -> None:
    """At 80x24 the first layout already holds the lesson text, in the narrow layout and with
    the lesson's keys (F8 on a lesson with a demo): one frame, not a second one. Side by side
    the text is mounted with the panel instead (one frame with both)."""
    seen: list[tuple[bool, bool, bool]] = []
    mounted = LearnScreen.on_mount

    def on_mount(self: LearnScreen) -> None:
        text = self.query("#lesson-text")
        demo = self.check_action("toggle_demo", ())
        seen.append((bool(text), self.has_class(layout), bool(demo)))
        mounted(self)

    monkeypatch.setattr(LearnScreen, "on_mount", on_mount)
    app = make_app("what-is-rnn")  # its demo: F8
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        composed = layout == "-narrow"
        assert seen == [(composed, composed, composed)]
        assert app.learn.query("#lesson-text") and app.learn.has_class(layout)
        assert app.learn.lesson is not None and app.learn.lesson.id == "what-is-rnn"
