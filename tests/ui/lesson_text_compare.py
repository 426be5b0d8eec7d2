"""Render a lesson with Textual's Markdown (LessonMarkdown) and with LessonText in the same
headless app and return both screens as text (tests/ui/test_lesson_text.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll

from rnntui.ui.theme import HIGH_CONTRAST
from rnntui.ui.widgets.lesson_plan import plan
from rnntui.ui.widgets.lesson_text import LessonText
from rnntui.ui.widgets.markdown import LessonMarkdown
from tests.ui.helpers import screen_cells
from tests.ui.helpers import screen_text as shown_text

T = TypeVar("T")

CSS = """
#pane { width: 1fr; height: 1fr; padding: 0 1; scrollbar-size-vertical: 0; }
#lesson-text MarkdownH1 { margin: 0 0 1 0; }
"""


class Compare(App[None]):
    """One scrolling pane, like the lesson screen's text pane."""

    CSS = CSS

    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="pane")


def screen_text(app: App[object]) -> list[str]:
    """Every row of the screen, trailing blanks removed."""
    rows = [row.rstrip() for row in shown_text(app).split("\n")]
    while rows and not rows[-1]:
        rows.pop()
    return rows


async def render_both(
    bodies: list[str], width: int, height: int = 400, *, theme: str | None = None
) -> list[tuple[list[str], list[str]]]:
    """(Textual Markdown rows, LessonText rows) for each body, at ``width`` columns."""
    return await _render_both(bodies, width, height, screen_text, theme)


async def render_both_cells(
    bodies: list[str], width: int, height: int = 200, *, theme: str | None = None
) -> list[tuple[object, object]]:
    """As :func:`render_both`, each screen cell by cell with its colours and text style."""
    return await _render_both(bodies, width, height, screen_cells, theme)


async def _render_both(
    bodies: list[str],
    width: int,
    height: int,
    read: Callable[[App[object]], T],
    theme: str | None,
) -> list[tuple[T, T]]:
    out = []
    app = Compare()
    async with app.run_test(size=(width, height)) as pilot:
        if theme is not None:
            app.register_theme(HIGH_CONTRAST)
            app.theme = theme
        pane = app.query_one("#pane", VerticalScroll)
        for body in bodies:
            blocks = plan(body)
            assert blocks is not None, "LessonText cannot lay out this lesson"
            old = LessonMarkdown(body, id="lesson-text")
            await pane.mount(old)
            await pilot.pause()
            await pilot.pause()
            first = read(app)
            await old.remove()
            new = LessonText(blocks, id="lesson-text")
            await pane.mount(new)
            await pilot.pause()
            await pilot.pause()
            second = read(app)
            await new.remove()
            out.append((first, second))
    return out
