"""A lesson's Markdown table: the widgets and CSS of Textual's ``MarkdownTable`` (a grid of
``Static`` cells laid out by Textual's grid layout, with its keyline), without importing
Textual's Markdown module, which brings markdown-it and Pygments with it (~50 ms and several
MiB at a start that shows a lesson with a table).

The cells come planned (rnntui.ui.widgets.lesson_plan); the column widths, wrapping, ellipses
and lines are Textual's own arithmetic, as in its Markdown widget. tests/ui/test_lesson_text.py
compares the screen with Textual's Markdown on every packaged table, colours included.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.content import Content
from textual.layout import Layout
from textual.layouts.grid import GridLayout
from textual.widget import Widget
from textual.widgets import Static


class TableCells(Widget):
    """The grid of header and body cells (Textual's ``MarkdownTableContent``)."""

    DEFAULT_CSS = """
    TableCells {
        width: 1fr;
        height: auto;
        layout: grid;
        grid-columns: auto;
        grid-rows: auto;
        grid-gutter: 1 1;

        & > .cell {
            margin: 0 0;
            height: auto;
            padding: 0 1;
            text-overflow: ellipsis;
        }
        & > .header {
            height: auto;
            margin: 0 0;
            padding: 0 1;
            color: $primary;
            text-overflow: ellipsis;
            content-align: left bottom;
        }
        keyline: thin $foreground 20%;
    }
    """

    def __init__(self, headers: list[Content], rows: list[list[Content]]) -> None:
        super().__init__()
        self.headers = headers
        self.rows = rows
        self.styles.grid_size_columns = len(headers)  # Textual sets it at mount (a relayout)

    def pre_layout(self, layout: Layout) -> None:
        """Grid options of Textual's Markdown table: shrink to fit, stretch the header row."""
        assert isinstance(layout, GridLayout)
        layout.auto_minimum = True
        parent = self.parent
        layout.expand = not (isinstance(parent, Widget) and parent.styles.is_auto_width)
        layout.shrink = True
        layout.stretch_height = True

    def compose(self) -> Iterable[Widget]:
        for header in self.headers:
            yield Static(header, classes="header").with_tooltip(header)
        for row_index, row in enumerate(self.rows, 1):
            for cell_index, cell in enumerate(row, 1):
                yield Static(
                    cell, classes=f"row{row_index} cell", name=f"cell{row_index}.{cell_index}"
                ).with_tooltip(cell.plain)


class LessonTable(Widget):
    """One table between the prose pieces (Textual's ``MarkdownTable`` in a ``Markdown``):
    its inline styles (code, bold, italics, strike) are this widget's component classes, as
    they are the Markdown block's in Textual."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"em", "strong", "s", "code_inline"}
    DEFAULT_CSS = """
    LessonTable {
        width: 1fr;
        height: auto;
        margin-bottom: 1;
        color: $foreground;
        &:light { background: white 30%; }
        &:dark > .code_inline { background: $warning 10%; color: $text-warning 95%; }
        &:light > .code_inline { background: $error 5%; color: $text-error 95%; }
        & > .em { text-style: italic; }
        & > .strong { text-style: bold; }
        & > .s { text-style: strike; }
    }
    """

    def __init__(self, headers: list[Content], rows: list[list[Content]]) -> None:
        super().__init__(classes="lesson-table")
        self.headers = headers
        self.rows = rows

    def compose(self) -> Iterable[Widget]:
        yield TableCells(self.headers, self.rows)
