"""An ASCII curve plot with the current point marked (``@``) and its x column (``|``).

The caller passes sample points computed by the engine; this module only places them on a
character grid. Dashed rows mark the top and bottom of the range, so (0, 1) and (-1, 1) are
visible without colour.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widget import Widget


def plot_lines(
    ys: Sequence[float],
    lo: float,
    hi: float,
    rows: int,
    marker: tuple[int, float] | None = None,
) -> list[str]:
    """Character rows for the curve ``ys`` (one sample per column) on the scale lo..hi."""
    cols = len(ys)
    grid = [[" "] * cols for _ in range(rows)]

    def row_of(y: float) -> int:
        frac = (hi - min(hi, max(lo, y))) / (hi - lo)
        return min(rows - 1, max(0, round(frac * (rows - 1))))

    for r in (0, rows - 1):
        for c in range(0, cols, 2):
            grid[r][c] = "-"
    if lo < 0 < hi:
        zero = row_of(0.0)
        for c in range(cols):
            grid[zero][c] = "-"
    mid = cols // 2
    for r in range(rows):
        grid[r][mid] = ":"
    for c, y in enumerate(ys):
        grid[row_of(y)][c] = "."
    if marker is not None:
        mc, my = marker
        if 0 <= mc < cols:
            for r in range(rows):
                if grid[r][mc] in " -:":
                    grid[r][mc] = "|"
            grid[row_of(my)][mc] = "@"
    return ["".join(row) for row in grid]


class CurvePlot(Widget):
    """A labelled plot; ``set_curve`` updates it (re-renders only if the text changed)."""

    DEFAULT_CSS = "CurvePlot { height: auto; width: 1fr; }"

    def __init__(self, lo: float, hi: float, rows: int = 7, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lo, self.hi, self.rows = lo, hi, rows
        self.lines: list[str] = [""] * rows
        self.axis = ""

    def set_curve(self, ys: Sequence[float], marker: tuple[int, float] | None, axis: str) -> None:
        """New samples, marker (column, y) and the x-axis caption."""
        lines = plot_lines(ys, self.lo, self.hi, self.rows, marker)
        if lines != self.lines or axis != self.axis:
            layout = not any(self.lines)
            self.lines, self.axis = lines, axis
            self.refresh(layout=layout)

    def get_content_height(self, container, viewport, width: int) -> int:  # type: ignore[no-untyped-def]
        return self.rows + 1

    def render(self) -> Text:
        labels = {0: f"{self.hi:5.1f}", self.rows - 1: f"{self.lo:5.1f}"}
        if self.lo < 0 < self.hi:
            labels[round(self.hi / (self.hi - self.lo) * (self.rows - 1))] = "  0.0"
        text = Text(no_wrap=True)
        for r, line in enumerate(self.lines):
            text.append(labels.get(r, "     ") + " |")
            text.append(line.replace("@", "\0"))
            text.append("\n")
        text.append("       " + self.axis)
        text.highlight_words(["\0"], style="bold reverse")
        return Text(text.plain.replace("\0", "@"), no_wrap=True, spans=text.spans)
