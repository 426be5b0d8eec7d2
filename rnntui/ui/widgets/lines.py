"""Cheap drawing of plain-text lines through Textual's line API.

Textual's default path (``render()`` -> Content -> wrap and format -> Strips) costs about
0.1-0.3 ms each time a one-line widget is repainted, and a tweak repaints a dozen of them. The
widgets here return their Strips from ``render_line`` instead: a few microseconds per line.
Lines are drawn exactly as a Static draws plain text (the characters in the widget's visual
style, the rest of the line in its background, which Textual's styles cache pads), so the
screen is the same cell for cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.filter import LineFilter
from textual.geometry import Region
from textual.strip import Strip

if TYPE_CHECKING:
    from textual.widget import Widget

FOCUS_STYLE = Style(bold=True, reverse=True)
"""How a focused value or the grid's cursor cell is drawn (the ``bold reverse`` text style)."""

Part = tuple[str, Style | None]
"""A run of text and the style added to the widget's own (None: the widget's style)."""


def plain(text: str) -> bool:
    """True if ``text`` can be drawn as it is (no tabs or other control characters)."""
    return text.isprintable()


def text_strip(parts: str | Sequence[Part], base: Style) -> Strip:
    """One line: ``parts`` (a string, or runs of text with an extra style) in ``base``."""
    if isinstance(parts, str):
        if not parts:
            return Strip([Segment("", base)], 0)
        return Strip([Segment(parts, base)], cell_len(parts))
    segments = [Segment(text, base if extra is None else base + extra)
                for text, extra in parts if text]
    return Strip(segments or [Segment("", base)], sum(cell_len(s.text) for s in segments))


class PaintMemo:
    """Mixin for widgets: ``render_lines`` returns its previous result when nothing changed.

    A tweak makes the compositor ask every widget whose clip overlaps the changed area for its
    lines (children of a scrolling pane are clipped by the whole pane, so that is nearly every
    widget of a panel). For an unchanged widget Textual's styles cache returns stored lines,
    but only after some 30 microseconds of bookkeeping (background colours and opacity through
    every ancestor, regions, filters). This returns the same list in a few microseconds when
    the styles cache has no dirty line, still holds the very strips it returned them from, and
    the crop and line filters are the same: exactly when Textual would reuse them too (any
    ``refresh()``, resize or restyle marks lines dirty or clears that cache).
    """

    _paint_memo: tuple[Region, list[LineFilter], list[Strip | None], list[Strip]] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        widget = cast("Widget", self)
        cache = widget._styles_cache
        filters = list(widget.get_line_filters())
        memo = self._paint_memo
        if memo is not None and not cache._dirty_lines:
            old_crop, old_filters, sources, strips = memo
            if old_crop == crop and old_filters == filters:
                held = cache._cache.get
                if all(held(y) is source for y, source in zip(crop.line_range, sources,
                                                              strict=True)):
                    return strips
        strips = super().render_lines(crop)  # type: ignore[misc]
        held = cache._cache.get
        sources = [held(y) for y in crop.line_range]
        complete = all(source is not None for source in sources)
        self._paint_memo = (crop, filters, sources, strips) if complete else None
        return strips
