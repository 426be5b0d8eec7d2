"""The drawn cell in a modal screen: one key away at 80x24, where it does not fit beside the
controls. It shows the ``Diagram`` it was given (the panel computes it from its lab); Escape,
q or Enter closes; arrows and page keys scroll when the window is small.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widgets import Static

from rnntui.lab.diagram import Diagram
from rnntui.lab.format import words
from rnntui.ui.keys import with_jamo
from rnntui.ui.widgets.cell_diagram import CellDiagram


def diagram_hint(lang: str) -> str:
    """The first line of the screen: what it is and how to close it."""
    return words(
        lang,
        "The cell, drawn with the panel's values. Esc closes; arrows scroll",
        "패널 값으로 그린 셀입니다. Esc: 닫기, 화살표: 스크롤",
    )


class CellDiagramScreen(ModalScreen[None]):
    """The cell diagram of a recurrent panel; ``show(diagram)`` updates it while open."""

    DEFAULT_CSS = """
    CellDiagramScreen { align: center middle; }
    CellDiagramScreen > ScrollableContainer {
        width: auto;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        background: $surface;
        border: solid $primary;
        padding: 0 1;
        scrollbar-gutter: stable;
    }
    CellDiagramScreen #diagram-hint { width: auto; text-style: italic; }
    """

    BINDINGS: ClassVar[list[BindingType]] = with_jamo(
        [
            Binding("escape,q,enter", "close", "Close"),
            Binding("up", "scroll(0, -1)", "Scroll", show=False),
            Binding("down", "scroll(0, 1)", "Scroll", show=False),
            Binding("left", "scroll(-4, 0)", "Scroll", show=False),
            Binding("right", "scroll(4, 0)", "Scroll", show=False),
            Binding("pageup", "scroll(0, -10)", "Scroll", show=False),
            Binding("pagedown", "scroll(0, 10)", "Scroll", show=False),
        ]
    )

    def __init__(self, diagram: Diagram | Sequence[str], lang: str = "en") -> None:
        super().__init__()
        self.diagram = diagram
        self.lang = lang

    def compose(self) -> ComposeResult:
        with ScrollableContainer(id="diagram-body"):
            yield Static(Text(diagram_hint(self.lang)), id="diagram-hint")
            yield CellDiagram(self.diagram, id="diagram")

    @property
    def lines(self) -> tuple[str, ...]:
        """The diagram lines shown."""
        return self.query_one("#diagram", CellDiagram).lines

    def show(self, diagram: Diagram | Sequence[str]) -> None:
        """Show a new diagram (e.g. after the lab changed)."""
        self.diagram = diagram
        self.query_one("#diagram", CellDiagram).show(diagram)

    def action_close(self) -> None:
        """Close."""
        self.dismiss(None)

    def action_scroll(self, x: int, y: int) -> None:
        """Scroll the diagram."""
        try:
            body = self.query_one("#diagram-body", ScrollableContainer)
        except NoMatches:  # a key that arrives while the screen opens or closes
            return
        body.scroll_relative(x=x, y=y, animate=False)
