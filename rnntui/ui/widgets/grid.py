"""A units x time grid of values with a keyboard cursor (the selected cell is bracketed).

Rows are units (``h[0]``, ``h[1]``...), columns are time steps (``t=1`` first when
``first_step=1``, as in the lessons); ``corner`` labels the rows (``unit``). The cursor cell
is drawn ``[0.1234]`` and reversed, so it is visible without colour. Arrows move; posts
:class:`ValueGrid.CellSelected` (see emit.py) with 0-based indices.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from rnntui.lab.format import fmt
from rnntui.ui.widgets.emit import emit
from rnntui.ui.widgets.lines import FOCUS_STYLE, Part, parts_text, text_strip


class ValueGrid(Widget, can_focus=True):
    """Values[unit][time] with row and column headers and a cursor."""

    DEFAULT_CSS = """
    ValueGrid { height: auto; width: auto; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(0,-1)", "Cell"),
        Binding("down", "move(0,1)", "Cell"),
        Binding("left", "move(-1,0)", "Cell"),
        Binding("right", "move(1,0)", "Cell"),
    ]

    CELL = 9

    @dataclass
    class CellSelected(Message):
        """The cursor moved to (unit, t)."""

        grid: ValueGrid
        unit: int
        t: int

        @property
        def control(self) -> ValueGrid:
            """The grid."""
            return self.grid

        def can_replace(self, message: Message) -> bool:
            """A newer selection of the same grid supersedes a queued one."""
            return isinstance(message, ValueGrid.CellSelected) and message.grid is self.grid

    def __init__(
        self,
        values: list[list[float]] | None = None,
        *,
        row_label: str = "h",
        col_label: str = "t",
        corner: str = "",
        first_step: int = 0,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.row_label, self.col_label = row_label, col_label
        self.corner = corner
        """Printed above the row labels (e.g. ``unit``): the rows are units, not steps."""
        self.first_step = first_step
        """The number of the first column (1 in the recurrent panels, as in the lessons)."""
        self.values: list[list[float]] = values or [[0.0]]
        self.cursor = (0, 0)
        self._texts_of: list[list[float]] | None = None
        self._cell_texts: list[list[str]] = []

    # -- data ---------------------------------------------------------------------------------
    @property
    def shape(self) -> tuple[int, int]:
        """(units, timesteps)."""
        return len(self.values), len(self.values[0]) if self.values else 0

    def cell_text(self, unit: int, t: int) -> str:
        """The number printed in a cell."""
        return self._texts()[unit][t]

    def _texts(self) -> list[list[str]]:
        """Every cell's printed number, formatted once per set of values."""
        if self._texts_of is not self.values:
            self._cell_texts = [[fmt(v) for v in row] for row in self.values]
            self._texts_of = self.values
        return self._cell_texts

    def set_values(self, values: list[list[float]]) -> None:
        """Replace the values; keeps the cursor inside; repaints only rows that changed."""
        old_shape = self.shape
        before = {k: self._row_text(k) for k in range(old_shape[0])}
        self.values = values or [[0.0]]
        self._texts_of = None  # (the same list may come back changed in place)
        units, steps = self.shape
        u, t = self.cursor
        self.cursor = (min(u, units - 1), min(t, steps - 1))
        if self.shape != old_shape:
            self.refresh(layout=True)
        else:
            self._repaint_rows(before)
        if self.cursor != (u, t):
            emit(self, self.CellSelected(self, *self.cursor))

    def _row_text(self, unit: int) -> list[str]:
        """A unit's row as drawn now, cell by cell (the cursor cell marked: it is styled)."""
        cu, ct = self.cursor
        return [
            f"[{text}]" if unit == cu and t == ct else text
            for t, text in enumerate(self._texts()[unit])
        ]

    def _repaint_rows(self, before: dict[int, list[str]]) -> None:
        """Repaint (whole) the unit rows that differ from ``before`` (as drawn then)."""
        width = self.size.width
        rows = [
            Region(0, unit + 1, width, 1)
            for unit, old in before.items()
            if self._row_text(unit) != old
        ]
        if rows and width:
            self.refresh(*rows)

    def rendered_cells(self) -> list[list[str]]:
        """Every cell's printed number (tests compare these with the engine's trace)."""
        return [[fmt(v) for v in row] for row in self.values]

    # -- layout and drawing -------------------------------------------------------------------
    def _head_width(self) -> int:
        label = cell_len(f"{self.row_label}[{self.shape[0] - 1}]")  # a Korean label: 2 cells
        return max(label, cell_len(self.corner)) + 1

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self._head_width() + self.shape[1] * self.CELL

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.shape[0] + 1

    def _line(self, y: int) -> list[Part]:
        """Line ``y`` (0: the column header, then one row per unit) as styled runs."""
        steps = self.shape[1]
        head = self._head_width()
        cell = self.CELL
        if y == 0:
            first = self.first_step
            corner = self.corner + " " * (head - cell_len(self.corner))
            return [
                (
                    corner
                    + "".join(f"{self.col_label}={t + first}".center(cell) for t in range(steps)),
                    None,
                )
            ]
        u = y - 1
        label = f"{self.row_label}[{u}]"
        label += " " * (head - cell_len(label))
        cells = [f" {self.cell_text(u, t)} ".rjust(cell) for t in range(steps)]
        cu, ct = self.cursor
        if u != cu or not 0 <= ct < steps:
            return [(label + "".join(cells), None)]
        cursor = f"[{self.cell_text(u, ct)}]".rjust(cell)
        return [
            (label + "".join(cells[:ct]), None),
            (cursor, FOCUS_STYLE),
            ("".join(cells[ct + 1 :]), None),
        ]

    def render_line(self, y: int) -> Strip:
        """Line ``y`` (Textual's line API; lines wider than the widget are cropped)."""
        style = self.visual_style.rich_style
        if y > self.shape[0]:
            return Strip.blank(self.size.width, style)
        return text_strip(self._line(y), style)

    def render(self) -> Text:
        """The whole grid as text (what ``render_line`` draws line by line)."""
        text = Text(no_wrap=True, end="")
        for y in range(self.shape[0] + 1):
            if y:
                text.append("\n")
            text.append_text(parts_text(self._line(y)))
        return text

    # -- cursor -------------------------------------------------------------------------------
    def move_to(self, unit: int, t: int) -> None:
        """Put the cursor on (unit, t) (clamped), scroll it into view and post CellSelected."""
        units, steps = self.shape
        new = (min(max(unit, 0), units - 1), min(max(t, 0), steps - 1))
        if new == self.cursor:
            return
        before = {k: self._row_text(k) for k in {self.cursor[0], new[0]}}
        self.cursor = new
        self._repaint_rows(before)
        region = Region(self._head_width() + new[1] * self.CELL, new[0] + 1, self.CELL, 1)
        container = self.parent
        if isinstance(container, Widget) and container.is_scrollable:
            offset = self.virtual_region.offset
            container.scroll_to_region(region.translate(offset), animate=False, immediate=True)
        emit(self, self.CellSelected(self, *new))

    def action_move(self, dx: int, dy: int) -> None:
        """Move the cursor by (dx, dy)."""
        self.move_to(self.cursor[0] + dy, self.cursor[1] + dx)
