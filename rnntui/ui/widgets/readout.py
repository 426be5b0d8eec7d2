"""Readout: a block of plain text (never markup) that repaints only when its text changes."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget


class Readout(Widget):
    """A block of plain text (never markup), redrawn whole when it changes."""

    DEFAULT_CSS = "Readout { width: 1fr; height: auto; }"

    def __init__(
        self, text: str = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._text = ""
        self._lines = [""]
        self._widest = 0
        self.text = text

    @property
    def text(self) -> str:
        """The text shown (setting it does not repaint: use :meth:`show`)."""
        return self._text

    @text.setter
    def text(self, text: str) -> None:
        self._text = text
        self._lines = text.split("\n")
        self._widest = max(cell_len(line) for line in self._lines)

    def show(self, text: str) -> None:
        """Display ``text``. The size is laid out again only when it may have changed (more
        or fewer lines, a line that wraps, or a content-sized width)."""
        if text == self._text:
            return
        old_lines, old_widest = len(self._lines), self._widest
        self.text = text
        if not self.display:  # hidden: showing it lays it out with the text it has then
            return
        width = self.size.width
        layout = (
            len(self._lines) != old_lines
            or (width > 0 and max(old_widest, self._widest) > width)
            or (
                self.styles.width is not None
                and self.styles.width.is_auto
                and old_widest != self._widest
            )
        )
        self.refresh(layout=layout)

    def render(self) -> Text:
        return Text(self._text, end="")
