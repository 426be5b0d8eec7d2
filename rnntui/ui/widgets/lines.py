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
from typing import cast

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.dom import NoScreen
from textual.filter import LineFilter
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

FOCUS_STYLE = Style(bold=True, reverse=True)
"""How a focused value or the grid's cursor cell is drawn (the ``bold reverse`` text style)."""

Part = tuple[str, Style | None]
"""A run of text and the style added to the widget's own (None: the widget's style)."""


def plain(text: str) -> bool:
    """True if ``text`` can be drawn as it is (no tabs or other control characters)."""
    return text.isprintable()


def text_strip(parts: str | Sequence[Part], base: Style,
               pad: tuple[int, Style] | None = None) -> Strip:
    """One line: ``parts`` (a string, or runs of text with an extra style) in ``base``.

    ``pad=(width, style)`` extends it to ``width`` cells as Textual's styles cache would
    (``Strip.adjust_cell_length``), without building the Strip twice."""
    if isinstance(parts, str):
        segments = [Segment(parts, base)]
        length = cell_len(parts)
    else:
        segments = [Segment(text, base if extra is None else base + extra)
                    for text, extra in parts if text] or [Segment("", base)]
        length = sum(cell_len(segment.text) for segment in segments)
    if pad is not None and length < pad[0]:
        segments.append(Segment(" " * (pad[0] - length), pad[1]))
        length = pad[0]
    return Strip(segments, length)


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
    _direct_lines = False
    """Set by widgets whose ``render_line`` draws plain lines (Readout, Bar, ValueGrid, a flat
    Stepper): their changed lines are then painted without Textual's general box model when
    the box is plain (no border, outline, padding, tint, hatch, title, opacity)."""

    def render_lines(self, crop: Region) -> list[Strip]:
        widget = cast(Widget, self)
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
        if self._direct_lines and self._plain_box():
            strips = _paint_plain(widget, crop, filters)
        else:
            strips = super().render_lines(crop)  # type: ignore[misc]
        held = cache._cache.get
        sources = [held(y) for y in crop.line_range]
        complete = all(source is not None for source in sources)
        self._paint_memo = (crop, filters, sources, strips) if complete else None
        return strips

    _plain_styles: tuple[int, bool] = (-1, False)

    def _paint_line(self, y: int, width: int, inner: Style) -> Strip:
        """Content line ``y`` at ``width`` cells, padded with ``inner`` (background) style."""
        return cast(Widget, self).render_line(y).adjust_cell_length(width, inner)

    def _plain_box(self) -> bool:
        """True if Textual would draw each content line as it is, padded with the background
        (no border, outline, padding, tint, hatch, text opacity, title, opacity)."""
        widget = cast(Widget, self)
        if widget._border_title is not None or widget._border_subtitle is not None:
            return False
        styles = widget.styles
        key = styles._cache_key
        if self._plain_styles[0] != key:
            plain = (
                not any(styles.gutter) and not any(edge for edge, _ in styles.outline)
                and not styles.tint.a and styles.text_opacity == 1.0
                and not (styles.has_rule("hatch") and styles.hatch != "none")
            )
            self._plain_styles = (key, plain)
        return self._plain_styles[1] and widget.opacity == 1.0


def _paint_plain(widget: Widget, crop: Region, filters: list[LineFilter]) -> list[Strip]:
    """What ``StylesCache.render_widget`` returns for a plain box, re-rendering only the
    dirty or missing lines, through the same cache."""
    cache = widget._styles_cache
    width = widget.size.width
    if width != cache._width:
        cache.clear()
        cache._width = width
    background = widget.visual_style.background
    if background.a == 1:  # opaque (as under any Screen): what background_colors gives
        base_background = background
    else:
        base_background, background = widget.background_colors
    inner = cache.get_inner_outer(base_background, background)[0].rich_style
    held = cache._cache
    dirty = cache._dirty_lines
    paint_line = cast(PaintMemo, widget)._paint_line
    strips = []
    for y in crop.line_range:
        strip = held.get(y)
        if strip is None or y in dirty:
            strip = held[y] = paint_line(y, width, inner)
        for line_filter in filters:
            strip = strip.apply_filter(line_filter, background)
        strips.append(strip)
    dirty.difference_update(crop.line_range)
    if crop.column_span != (0, width):
        x1, x2 = crop.column_span
        strips = [strip.crop(x1, x2) for strip in strips]
    return strips


def repaint(widget: Widget, *regions: Region) -> None:
    """``widget.refresh(*regions)`` for a change of content that keeps the widget's size.

    ``refresh()`` makes a widget post itself a prompt and, once idle, post an Update to its
    screen: two event-loop turns per widget, and a tweak changes a dozen widgets. This marks
    the lines dirty and hands the widget to its screen directly (what the screen's Update
    handler does), so the screen gets a single prompt and paints them all in one frame. Falls
    back to ``refresh()`` whenever that shortcut does not apply."""
    try:
        screen = widget.screen
    except NoScreen:  # not mounted on a screen yet
        widget.refresh(*regions)
        return
    dirty_widgets = getattr(screen, "_dirty_widgets", None)
    if (dirty_widgets is None or not widget.is_mounted or widget._closing
            or not widget.display or screen not in screen._compositor):
        widget.refresh(*regions)
        return
    widget._layout_cache.clear()  # as refresh() does: render() may be called again
    widget._set_dirty(*regions)
    widget.clear_cached_dimensions()
    widget._rich_style_cache.clear()
    dirty_widgets.add(widget)
    screen.check_idle()


def changed_span(old: str, new: str) -> tuple[int, int] | None:
    """The cells ``(start, end)`` in which line ``new`` differs from ``old`` (None: equal).

    Repainting only these cells keeps a tweak's output small: the unchanged label, the
    unchanged digits and the trailing blank of the line are not sent again."""
    if old == new:
        return None
    limit = min(len(old), len(new))
    head = 0
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    start = cell_len(old[:head])
    end = max(cell_len(old[: len(old) - tail]), cell_len(new[: len(new) - tail]))
    return start, max(end, start + 1)


class LineGroup(PaintMemo, Widget):
    """Draws the lines of its children (Bars, Readouts) as one widget.

    Every widget a tweak repaints costs the compositor tens of microseconds whatever its size,
    and a tweak of an LSTM changes four bars and two formulas. In a group they are one widget:
    the children stay in the DOM with their whole API (query them by id, ``Bar.set``,
    ``Readout.show``, ``.text``), but are not displayed; each hands its lines to the group,
    which repaints only the cells that changed, in the children's own styles.

    A child takes part through two methods: ``_group_texts(width)`` (its lines' characters at
    that width) and ``_group_strip(k, width, pad=None)`` (line ``k`` drawn in its own style,
    optionally padded as :func:`text_strip` does), and calls :meth:`member_changed` when what
    it prints changes. The children's own ``display`` is not used (they are always drawn).
    """

    DEFAULT_CSS = """
    LineGroup { width: 1fr; height: auto; }
    LineGroup > * { display: none; }
    """
    _direct_lines = True

    def __init__(self, *children: Widget, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(*children, id=id, classes=classes)
        self._texts: dict[Widget, list[str]] = {}
        """Each child's lines as last drawn (for telling which cells changed)."""
        self._rows: list[tuple[Widget, int]] = []
        self._width = -1
        self._children_seen = -1
        self._screen_memo: Widget | None = None

    def _members(self) -> list[Widget]:
        return [child for child in self.children if hasattr(child, "_group_texts")]

    def _collect(self, width: int) -> None:
        """Every child's lines at ``width``, and which child draws each row."""
        self._texts = {child: child._group_texts(width)  # type: ignore[attr-defined]
                       for child in self._members()}
        self._rows = [(child, k) for child, texts in self._texts.items()
                      for k in range(len(texts))]
        self._width = width
        self._children_seen = len(self.children)

    def _collect_if_stale(self, width: int) -> None:
        if width != self._width or len(self.children) != self._children_seen:
            self._collect(width)

    def member_changed(self, child: Widget, *, restyle: bool = False) -> None:
        """``child`` prints something else: repaint the cells that differ (its whole lines if
        ``restyle``: its style changed)."""
        width = self._width  # as last drawn (a resize repaints everything anyway)
        if width <= 0 or child not in self._texts:  # not drawn yet
            if self.is_mounted:
                self._width = -1
                self.refresh(layout=True)
            return
        old = self._texts[child]
        new = child._group_texts(width)  # type: ignore[attr-defined]
        self._texts[child] = new
        if len(new) != len(old):
            self._rows = [(member, k) for member, texts in self._texts.items()
                          for k in range(len(texts))]
            self.refresh(layout=True)
            return
        first = self._rows.index((child, 0))
        regions = []
        for k, (a, b) in enumerate(zip(old, new, strict=True)):
            if a == b and not restyle:
                continue
            wide = restyle or max(cell_len(a), cell_len(b)) > width
            span = (0, width) if wide else changed_span(a, b)
            if span is not None:
                regions.append(Region(span[0], first + k, span[1] - span[0], 1))
        if not regions:
            return
        screen = self._screen_memo
        if screen is not None and self in getattr(screen, "_dirty_widgets", ()):
            self._set_dirty(*regions)  # already handed to the screen for this frame
        else:
            repaint(self, *regions)
            self._screen_memo = self.screen if self.is_mounted else None

    def draw_width(self) -> int:
        """The width the group's lines are drawn at."""
        return self._width if self._width > 0 else self.size.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return sum(len(child._group_texts(width))  # type: ignore[attr-defined]
                   for child in self._members())

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        self._collect_if_stale(width)
        if y >= len(self._rows):
            return Strip.blank(width, self.visual_style.rich_style)
        child, k = self._rows[y]
        return child._group_strip(k, width)  # type: ignore[attr-defined]

    def _paint_line(self, y: int, width: int, inner: Style) -> Strip:
        self._collect_if_stale(width)
        if y >= len(self._rows):
            return super()._paint_line(y, width, inner)
        child, k = self._rows[y]
        strip: Strip = child._group_strip(k, width, (width, inner))  # type: ignore[attr-defined]
        return strip.adjust_cell_length(width, inner)


def drawn_as_widget(widget: Widget, width: int, height: int | None) -> list[Strip]:
    """``widget.render()`` drawn at ``width`` as Textual would draw the widget itself (wrapped
    or cropped per its CSS): for lines that do not fit, or text that is not plain."""
    return Visual.to_strips(widget, visualize(widget, widget.render()), width, height,
                            widget.visual_style)


def group_of(widget: Widget) -> LineGroup | None:
    """The LineGroup drawing ``widget``, if any."""
    parent = widget.parent
    return parent if isinstance(parent, LineGroup) else None
