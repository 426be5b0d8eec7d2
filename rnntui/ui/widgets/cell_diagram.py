"""The recurrent cell drawn with live values: the lines of ``rnntui.lab.diagram`` on screen.

The widget prints what the lab laid out, never markup, and repaints only when the text (or
the shading) changes. A gate value may get a heat-map background (an extra: the number is
always printed, so nothing is carried by colour alone).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.color import Color
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from rnntui.lab.diagram import Diagram, Spot

LOW = (40, 60, 110)
HIGH = (230, 160, 40)
"""Heat-map ends (the gate's lowest and highest value), blended in between."""


def shade_style(spot: Spot) -> Style | None:
    """The heat-map style of a gate value (None for numbers that are not shaded)."""
    if spot.lo is None or spot.hi is None or spot.hi <= spot.lo:
        return None
    frac = min(1.0, max(0.0, (spot.value - spot.lo) / (spot.hi - spot.lo)))
    rgb = tuple(round(a + (b - a) * frac) for a, b in zip(LOW, HIGH, strict=True))
    luminance = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]
    fore = Color.from_rgb(0, 0, 0) if luminance > 140 else Color.from_rgb(255, 255, 255)
    return Style(color=fore, bgcolor=Color.from_rgb(*rgb))


class CellDiagram(Widget):
    """A drawn cell: ``show(diagram)`` (a ``Diagram`` from ``rnntui.lab.diagram``, or plain
    lines); ``shade=False`` leaves out the heat map."""

    DEFAULT_CSS = (
        "CellDiagram { width: auto; height: auto; text-wrap: nowrap; text-overflow: clip; }"
    )

    def __init__(
        self,
        diagram: Diagram | Sequence[str] = (),
        *,
        shade: bool = True,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.shade = shade
        self._lines: tuple[str, ...] = ()
        self._spots: tuple[Spot, ...] = ()
        self._set(diagram)

    @property
    def lines(self) -> tuple[str, ...]:
        """The lines shown."""
        return self._lines

    @property
    def text(self) -> str:
        """The lines shown, joined with newlines."""
        return "\n".join(self._lines)

    def _set(self, diagram: Diagram | Sequence[str]) -> None:
        if isinstance(diagram, Diagram):
            self._lines, self._spots = diagram.lines, diagram.spots
        else:
            self._lines, self._spots = tuple(diagram), ()

    def show(self, diagram: Diagram | Sequence[str]) -> None:
        """Display ``diagram``; a layout pass only when the size changes (the diagrams keep
        one width and height while values change, so a tweak repaints in place)."""
        old_lines, old_spots = self._lines, self._spots
        self._set(diagram)
        if self._lines == old_lines and self._spots == old_spots:
            return
        size_changed = len(self._lines) != len(old_lines) or _widest(self._lines) != _widest(
            old_lines
        )
        self.refresh(layout=size_changed)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """The widest line, in cells (the diagram never wraps)."""
        return _widest(self._lines)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One row per line."""
        return len(self._lines)

    def render(self) -> Text:
        text = Text("\n".join(self._lines), end="", no_wrap=True)
        if self.shade:
            starts = [0]
            for line in self._lines:
                starts.append(starts[-1] + len(line) + 1)
            for spot in self._spots:
                style = shade_style(spot)
                if style is not None and spot.line < len(self._lines):
                    begin = starts[spot.line] + spot.start
                    text.stylize(style, begin, begin + len(spot.text))
        return text


def _widest(lines: Sequence[str]) -> int:
    return max((cell_len(line) for line in lines), default=0)
