"""Small drawing helpers shared by the line-drawn widgets (Bar, ValueGrid, Stepper).

Every widget here draws through Textual's public API only: ``render()`` or ``render_line()``,
and ``refresh()`` of the whole widget (or of whole rows) when what it prints changes. Textual
then repaints those cells from scratch, so no character of an earlier frame can survive.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

FOCUS_STYLE = Style(bold=True, reverse=True)
"""How a focused value or the grid's cursor cell is drawn (the ``bold reverse`` text style)."""

Part = tuple[str, Style | None]
"""A run of text and the style added to the widget's own (None: the widget's style)."""


def text_strip(parts: str | Sequence[Part], base: Style) -> Strip:
    """One line: ``parts`` (a string, or runs of text with an extra style) in ``base``."""
    if isinstance(parts, str):
        return Strip([Segment(parts, base)], cell_len(parts))
    segments = [
        Segment(text, base if extra is None else base + extra) for text, extra in parts if text
    ] or [Segment("", base)]
    return Strip(segments, sum(cell_len(segment.text) for segment in segments))


def parts_text(parts: Sequence[Part]) -> Text:
    """The same runs as a Rich Text (for ``render()``), no wrapping."""
    text = Text(no_wrap=True, end="")
    for run, extra in parts:
        text.append(run, style=extra or "")
    return text
