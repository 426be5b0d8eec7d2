"""The "inspect" row of the recurrent panels: a cursor over the gate values, their
pre-activations, c_t and h_t (the grids have their own cursor). Enter or i opens the chosen
number's derivation (the panel does it: ``RecurrentPanel.action_inspect``)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widget import Widget

from rnntui.ui.widgets.lines import FOCUS_STYLE


class QuantityPicker(Widget, can_focus=True):
    """``label  f  pre_f  i ...  h_t`` with the chosen item bracketed (and reversed when
    focused), so it is visible without colour."""

    DEFAULT_CSS = "QuantityPicker { height: auto; width: 1fr; }"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Choose"),
        Binding("right", "move(1)", "Choose"),
    ]

    def __init__(self, label: str, items: list[tuple[str, str]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label
        self.items = items
        """(quantity for ``rnntui.lab.derive``, what is printed)."""
        self.index = 0

    @property
    def selected(self) -> str:
        """The chosen quantity (``"f"``, ``"pre:f"``, ``"c"``, ``"h"``...)."""
        return self.items[self.index][0]

    def select(self, quantity: str) -> None:
        """Choose ``quantity`` (ignored if it is not one of the items)."""
        for k, (q, _text) in enumerate(self.items):
            if q == quantity and k != self.index:
                self.index = k
                self.refresh()

    def action_move(self, step: int) -> None:
        """Previous / next item (wraps around)."""
        self.index = (self.index + step) % len(self.items)
        self.refresh()

    def plain(self) -> str:
        """The line as printed."""
        return self.render().plain

    def render(self) -> Text:
        text = Text(self.label + " ", end="")  # wraps in a narrow pane
        for k, (_q, shown) in enumerate(self.items):
            if k == self.index:
                text.append(f"[{shown}]", FOCUS_STYLE if self.has_focus else "bold")
            else:
                text.append(f" {shown} ")
        return text

    def on_focus(self) -> None:
        """Draw the cursor reversed."""
        self.refresh()

    def on_blur(self) -> None:
        """Draw the cursor bracketed only."""
        self.refresh()
