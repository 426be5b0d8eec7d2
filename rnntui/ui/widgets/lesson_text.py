"""Lesson text drawn by one widget: the same screen as Textual's Markdown widget, for a fraction
of its start-up cost.

Textual's ``Markdown`` builds a widget per block (about 150 for the LSTM lesson: every list item
is four), and styling and laying them out was most of rnntui's time to the first readable
lesson. :class:`LessonText` lays out the blocks a lesson uses itself, with the rules of
Textual's Markdown CSS (the same margins, paddings, bullets, fence padding, heading alignment
and margin collapsing) and Textual's own ``Content`` wrapping, so the text on screen is the
same cell for cell; tests/ui/test_lesson_text.py compares both on every packaged lesson.

Tables are widgets of their own between the prose pieces (rnntui.ui.widgets.lesson_table: the
widgets and CSS of Textual's Markdown table, laid out by Textual's grid). Anything else this
module does not lay out (rules, links, images, HTML, a table inside a list) makes
``lesson_plan.plan`` return None, and the caller shows the whole lesson with
``LessonMarkdown`` as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.await_complete import AwaitComplete
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

if TYPE_CHECKING:
    pass

from rnntui.ui.widgets.lesson_blocks import Block, TableBlock, stack
from rnntui.ui.widgets.lesson_plan import cached_plan, pieces


class Prose(Widget):
    """A run of prose blocks drawn as one piece of Content."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "em",
        "strong",
        "s",
        "code_inline",
        "bullet",
        "fence",
        "quote",
        "quote_border",
    }
    DEFAULT_CSS = """
    Prose {
        height: auto;
        width: 1fr;
        text-wrap: nowrap;
        text-overflow: clip;
        & > .h1 { color: $markdown-h1-color; background: $markdown-h1-background;
                  text-style: $markdown-h1-text-style; }
        & > .h2 { color: $markdown-h2-color; background: $markdown-h2-background;
                  text-style: $markdown-h2-text-style; }
        & > .h3 { color: $markdown-h3-color; background: $markdown-h3-background;
                  text-style: $markdown-h3-text-style; }
        & > .h4 { color: $markdown-h4-color; background: $markdown-h4-background;
                  text-style: $markdown-h4-text-style; }
        & > .h5 { color: $markdown-h5-color; background: $markdown-h5-background;
                  text-style: $markdown-h5-text-style; }
        & > .h6 { color: $markdown-h6-color; background: $markdown-h6-background;
                  text-style: $markdown-h6-text-style; }
        & > .em { text-style: italic; }
        & > .strong { text-style: bold; }
        & > .s { text-style: strike; }
        & > .bullet { color: $text-primary; }
        & > .fence { color: rgb(210,210,210); }
        &:dark > .fence { background: black 10%; }
        & > .quote { background: $boost; }
        & > .quote_border { color: $text-primary 50%; }
        &:dark > .code_inline { background: $warning 10%; color: $text-warning 95%; }
        &:light > .code_inline { background: $error 5%; color: $text-error 95%; }
        &:light > .bullet { color: $text-secondary; }
        &:light > .fence { background: white 30%; }
    }
    """

    def __init__(self, blocks: list[Block], *, top: int = 0, bottom: int = 0) -> None:
        super().__init__()
        self.blocks = blocks
        self.styles.margin = (top, 0, bottom, 0)
        self._cache: tuple[int, list[Content]] | None = None

    def lines(self, width: int) -> list[Content]:
        """The laid-out lines at ``width`` (cached for the last width)."""
        if self._cache is None or self._cache[0] != width:
            self._cache = (width, stack(self.blocks, width))
        return self._cache[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_region.width))


def prose_widgets(blocks: list[Block]) -> list[Widget]:
    """The widgets for a lesson's blocks: Prose pieces and LessonTables, with the margins
    between them as in one Markdown widget (the vertical layout collapses them as Textual's
    Markdown does between its blocks)."""
    out: list[Widget] = []
    for piece in pieces(blocks):
        if isinstance(piece, TableBlock):
            from rnntui.ui.widgets.lesson_table import LessonTable

            out.append(LessonTable(piece.headers, piece.rows))
            continue
        first, last = piece[0], piece[-1]
        inner = [*piece]
        inner[0] = _without_margins(first, bottom=first.bottom)
        inner[-1] = _without_margins(inner[-1], top=inner[-1].top if len(inner) > 1 else 0)
        out.append(Prose(inner, top=first.top, bottom=last.bottom))
    return out


def _without_margins(block: Block, *, top: int = 0, bottom: int = 0) -> Block:
    from dataclasses import replace

    return replace(block, top=top, bottom=bottom)


class LessonText(Widget):
    """A lesson's Markdown text (see the module docstring); ``update`` swaps the text."""

    DEFAULT_CSS = """
    LessonText { height: auto; layout: vertical; padding: 0 2; }
    """

    def __init__(self, blocks: list[Block], *, id: str | None = None, body: str = "") -> None:
        super().__init__(id=id)
        self._blocks = blocks
        self.body = body
        """The Markdown the blocks were planned from."""

    def compose(self) -> Iterable[Widget]:
        yield from prose_widgets(self._blocks)

    async def update(self, other: LessonText) -> None:
        """Show ``other``'s blocks instead (one layout pass for the whole change)."""
        self._blocks, self.body = other._blocks, other.body
        with self.app.batch_update():
            await self.remove_children()
            await self.mount_all(prose_widgets(self._blocks))


def surely_overflows(blocks: Sequence[Block], width: int, height: int) -> bool:
    """Are the prose blocks alone, laid out ``width`` columns wide, taller than ``height``
    rows? (Tables and margins between pieces are left out, and the caller passes sizes no
    smaller than the pane's: a True means the pane's scroll bar shows at any rate.)"""
    lines = 0
    for piece in pieces(blocks):
        if isinstance(piece, list):
            lines += len(stack(piece, width))
            if lines > height:
                return True
    return False


def lesson_text_widget(body: str, screen: Size) -> tuple[Widget, bool]:
    """The ``#lesson-text`` widget for ``body`` (a LessonText when it can lay the lesson out,
    else a LessonMarkdown: rnntui.ui.widgets.markdown, imported only then),
    and whether the text pane should have ``overflow-y: scroll`` on a ``screen``-sized app.

    A lesson that surely overflows the screen gets its scroll bar at once (``overflow-y:
    scroll``, the same screen as ``auto`` then): with ``auto`` Textual finds the overflow
    after the first layout and lays the text out again one frame later, 2 columns narrower,
    and again after any later layout of the screen (the hidden panel's mount)."""
    blocks = cached_plan(body)
    if blocks is None:
        from rnntui.ui.widgets.markdown import LessonMarkdown

        return LessonMarkdown(body, id="lesson-text"), False
    long = surely_overflows(blocks, max(1, screen.width - 4), screen.height)
    return LessonText(blocks, id="lesson-text", body=body), long


def show_lesson_text(pane: Widget, body: str) -> AwaitComplete:
    """Put ``body`` into the lesson text pane (see :func:`lesson_text_widget`); the widget
    already there is updated when it is of the right kind, and kept when it shows ``body``
    (the lesson screen composed it with the first lesson)."""
    current = pane.children[0] if pane.children else None
    if isinstance(current, LessonText) and current.body == body:
        return AwaitComplete()
    new, long = lesson_text_widget(body, pane.app.size)
    pane.styles.overflow_y = "scroll" if long else "auto"
    if isinstance(new, LessonText):
        if isinstance(current, LessonText):
            return AwaitComplete(current.update(new))
    else:
        from rnntui.ui.widgets.markdown import LessonMarkdown  # (imported for ``new``)

        if isinstance(current, LessonMarkdown):
            return current.update(body)

    async def replace() -> None:
        with pane.app.batch_update():
            await pane.remove_children()
            await pane.mount(new)

    return AwaitComplete(replace())
