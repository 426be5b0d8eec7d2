"""The start path at 80x24: the lesson text is painted before the hidden panel (and NumPy,
~0.2 s at a first start) is made, and the panel still comes without a key (issue 16)."""

from __future__ import annotations

import pytest

from rnntui.ui.screens.learn import LearnScreen
from rnntui.ui.widgets.lesson_text import Prose
from tests.ui.helpers import settle


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
