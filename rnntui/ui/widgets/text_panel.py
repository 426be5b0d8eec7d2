"""TextPanel: a Panel that shows wrapped text in Readouts and re-wraps on resize (the base of
the units, stacking, bidirectional, embedding and demo panels)."""

from __future__ import annotations

from typing import Any

from rnntui.ui.panels.base import Panel
from rnntui.ui.widgets.readout import Readout
from rnntui.ui.widgets.stepper import Stepper
from rnntui.ui.widgets.wrap import wrap


class TextPanel(Panel):
    """A Panel that shows wrapped text in Readouts and re-wraps when its width changes.

    A Readout keeps the most lines it has needed at this width (padding with blank lines), so
    a number growing a digit does not re-layout the pane, which would resend all of it."""

    wrapped_at = 0
    """The width the text was last wrapped to."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: dict[str, int] = {}
        """Lines each Readout has needed at this width."""

    def text_width(self) -> int:
        """Cells available for a line of text (76 before the first layout)."""
        width = self.content_size.width
        return width if width >= 20 else 76

    def on_resize(self) -> None:
        """A new width: wrap again."""
        if self.text_width() != self.wrapped_at:
            self.request_recompute()

    def show(self, selector: str, text: str, lines: int = 0, *, hold: bool = True) -> None:
        """Wrap ``text`` to the panel's width and show it with at least ``lines`` lines (and,
        with ``hold``, at least as many as it has had at this width)."""
        if self.text_width() != self.wrapped_at:
            self.wrapped_at, self._held = self.text_width(), {}
        wrapped = wrap(text, self.wrapped_at)
        need = max(lines, self._held.get(selector, 0) if hold else 0)
        missing = need - (wrapped.count("\n") + 1)
        self._held[selector] = max(need, wrapped.count("\n") + 1)
        self.query_one(selector, Readout).show(wrapped + "\n" * max(0, missing))

    def int_value(self, widget_id: str) -> int:
        """A Stepper's (or Choice's) value as an int."""
        return int(self.query_one(f"#{widget_id}", Stepper).value)
