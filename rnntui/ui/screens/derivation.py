"""A modal screen with the derivation of one number (``rnntui.lab.derive``), scrollable.

It only prints what the lab computed: the lines of a ``Derivation`` (or any plain lines, e.g.
"h_0 is the initial state"). Escape, q, Enter or i closes; arrows and page keys scroll. Text
is never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widgets import Static

from rnntui.lab.format import words
from rnntui.ui.keys import with_jamo

CLOSE_KEYS = "escape,q,enter,i"


def close_hint(lang: str) -> str:
    """The first line of a modal: how to close it."""
    return words(lang, "Esc closes; arrows scroll", "Esc: 닫기, 화살표: 스크롤")


class TextModal(ModalScreen[None]):
    """Lines of plain text in a scrollable box; Escape closes."""

    DEFAULT_CSS = """
    TextModal { align: center middle; }
    TextModal > VerticalScroll {
        width: 100%;
        max-width: 100;
        height: auto;
        max-height: 100%;
        background: $surface;
        border: solid $primary;
        padding: 0 1;
    }
    TextModal .modal--hint { text-style: italic; }
    """

    BINDINGS: ClassVar[list[BindingType]] = with_jamo(
        [
            Binding(CLOSE_KEYS, "close", "Close"),
            Binding("up", "scroll(-1)", "Scroll", show=False),
            Binding("down", "scroll(1)", "Scroll", show=False),
            Binding("pageup", "scroll(-10)", "Scroll", show=False),
            Binding("pagedown", "scroll(10)", "Scroll", show=False),
        ]
    )

    def __init__(self, lines: Sequence[str], lang: str = "en") -> None:
        super().__init__()
        self.lines = list(lines)
        self.lang = lang

    @property
    def text(self) -> str:
        """Everything shown below the hint."""
        return "\n".join(self.lines)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="modal-body"):
            yield Static(Text(close_hint(self.lang)), classes="modal--hint")
            yield Static(Text(self.text), id="modal-text")

    def action_close(self) -> None:
        """Close."""
        self.dismiss(None)

    def action_scroll(self, lines: int) -> None:
        """Scroll the text."""
        try:
            body = self.query_one("#modal-body", VerticalScroll)
        except NoMatches:  # a key that arrives while the screen opens or closes
            return
        body.scroll_relative(y=lines, animate=False)


class DerivationScreen(TextModal):
    """The derivation of one number of a recurrent panel."""
