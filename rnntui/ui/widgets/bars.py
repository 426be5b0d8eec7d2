"""A labelled horizontal bar with its number always printed (ASCII glyphs only).

Sigmoid-range bars fill from the left: ``f    [#######.......]  0.5000``. Ranges that include
zero (tanh, c_t) draw a ``|`` at zero and fill towards the value, so the sign is visible
without colour: ``g    [....|###.....]  0.3000``.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from rnntui.ui.format import fmt
from rnntui.ui.widgets.lines import (
    PaintMemo,
    changed_span,
    drawn_as_widget,
    group_of,
    repaint,
    text_strip,
)


def bar_text(value: float, lo: float, hi: float, width: int) -> str:
    """The inside of the bar (``width`` cells) for ``value`` on the scale ``lo`` .. ``hi``."""
    width = max(3, width)
    span = hi - lo
    frac = 0.0 if span <= 0 else (min(hi, max(lo, value)) - lo) / span
    if lo < 0 < hi:
        zero = round((0 - lo) / span * (width - 1))
        pos = round(frac * (width - 1))
        cells = ["."] * width
        a, b = sorted((zero, pos))
        for k in range(a, b + 1):
            cells[k] = "#"
        cells[zero] = "|"
        return "".join(cells)
    filled = round(frac * width)
    return "#" * filled + "." * (width - filled)


class Bar(PaintMemo, Widget):
    """One bar: label, ASCII bar, the value with fixed decimals, optional note (e.g. forced)."""

    DEFAULT_CSS = """
    Bar { height: 1; width: 1fr; }
    Bar.-forced { text-style: bold; }
    """
    _direct_lines = True

    def __init__(
        self,
        label: str,
        value: float = 0.0,
        *,
        lo: float = 0.0,
        hi: float = 1.0,
        label_width: int = 6,
        decimals: int = 4,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label
        self.lo, self.hi = lo, hi
        self.label_width = label_width
        self.decimals = decimals
        self._value = float(value)
        self._note = ""
        self._suffix = ""

    @property
    def value(self) -> float:
        """The value shown."""
        return self._value

    def value_text(self) -> str:
        """The number exactly as printed."""
        return fmt(self._value, self.decimals)

    def set(self, value: float, note: str = "", suffix: str = "") -> None:
        """Show a new value, an optional suffix (e.g. the pre-activation) and note (e.g.
        "forced"); refreshes only if what is printed changes."""
        old = (self.value_text(), self._note, self._suffix)
        if (fmt(float(value), self.decimals), note, suffix) == old:
            self._value = float(value)
            return
        group = group_of(self)
        width = self._draw_width()
        before = self._text(width)
        self._value = float(value)
        self._note, self._suffix = note, suffix
        forced = bool(note)
        restyle = forced != self.has_class("-forced")
        if restyle:
            self.set_class(forced, "-forced")  # the style changes: the whole line
        if group is not None:
            group.member_changed(self, restyle=restyle)
            return
        if restyle:
            repaint(self)
            return
        after = self._text(width)
        span = changed_span(before, after)
        if span is None:
            return
        if max(cell_len(before), cell_len(after)) > width:
            repaint(self)
        else:
            repaint(self, Region(span[0], 0, span[1] - span[0], 1))

    def line(self) -> str:
        """The printed line without the bar (label, number, suffix, note), for tests."""
        return " ".join(p for p in (self.label, self.value_text(), self._suffix, self._note) if p)

    def _text(self, width: int | None = None) -> str:
        number = self.value_text().rjust(8)
        note = f" {self._suffix}" if self._suffix else ""
        note += f" {self._note}" if self._note else ""
        width = self._draw_width() if width is None else width
        room = width - self.label_width - len(number) - len(note) - 2
        inside = bar_text(self._value, self.lo, self.hi, min(max(room, 3), 30))
        label = self.label.ljust(self.label_width)[: self.label_width]
        return f"{label}[{inside}]{number}{note}"

    def render_line(self, y: int) -> Strip:
        """The line drawn directly (Textual's line API: no Content formatting per tweak)."""
        width = self.size.width
        text = self._text()
        if cell_len(text) > width:  # too narrow: as render() draws it (cropped by Textual)
            self._render_content()
            return super().render_line(y)
        style = self.visual_style.rich_style
        if y:
            return Strip.blank(width, style)
        self._dirty_regions.clear()
        return text_strip(text, style)

    def render(self) -> Text:
        return Text(self._text(), no_wrap=True)

    def _draw_width(self) -> int:
        """The width the bar is drawn at (its LineGroup's, if it is in one)."""
        group = group_of(self)
        return self.size.width if group is None else group.draw_width()

    # -- drawn by a LineGroup (see widgets/lines.py) --------------------------------------------
    def _group_texts(self, width: int) -> list[str]:
        return [self._text(width)]

    def _group_strip(self, k: int, width: int, pad: tuple[int, Style] | None = None) -> Strip:
        text = self._text(width)
        if cell_len(text) > width:  # too narrow: as the Bar widget draws it
            return drawn_as_widget(self, width, 1)[0]
        return text_strip(text, self.visual_style.rich_style, pad)
