"""A labelled horizontal bar with its number always printed (ASCII glyphs only).

Sigmoid-range bars fill from the left: ``f    [#######.......]  0.5000``. Ranges that include
zero (tanh, c_t) draw a ``|`` at zero and fill towards the value, so the sign is visible
without colour: ``g    [....|###.....]  0.3000``.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from rnntui.lab.format import fmt


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


class Bar(Widget):
    """One bar: label, ASCII bar, the value with fixed decimals, optional note (e.g. forced)."""

    DEFAULT_CSS = """
    Bar { height: 1; width: 1fr; }
    Bar.-forced { text-style: bold; }
    """

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
        "forced"); refreshes (the whole line) only if what is printed changes."""
        before = self.text()
        self._value = float(value)
        self._note, self._suffix = note, suffix
        if self.text() == before:
            return
        forced = bool(note)
        if forced != self.has_class("-forced"):
            self.set_class(forced, "-forced")
        self.refresh()

    def line(self) -> str:
        """The printed line without the bar (label, number, suffix, note), for tests."""
        return " ".join(p for p in (self.label, self.value_text(), self._suffix, self._note) if p)

    def text(self, width: int | None = None) -> str:
        """The whole line as drawn at ``width`` cells (default: the widget's width)."""
        number = self.value_text().rjust(8)
        note = f" {self._suffix}" if self._suffix else ""
        note += f" {self._note}" if self._note else ""
        width = self.size.width if width is None else width
        room = width - self.label_width - len(number) - len(note) - 2
        inside = bar_text(self._value, self.lo, self.hi, min(max(room, 3), 30))
        label = self.label.ljust(self.label_width)[: self.label_width]
        return f"{label}[{inside}]{number}{note}"

    def render(self) -> Text:
        return Text(self.text(), no_wrap=True, end="")
