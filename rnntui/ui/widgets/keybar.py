"""The key bar: every shown binding of the focused widget, its parents and the app.

Unlike Textual's Footer it wraps onto a second line instead of cutting keys off at 80
columns, prints key names in ASCII, and merges bindings that share a description
(``-/+ Step``). It re-renders only when the bindings (focus) or the width change.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import RenderResult
from textual.events import Resize
from textual.screen import Screen
from textual.widget import Widget

from rnntui.ui.keys import key_display, node_label


def key_items(screen: Screen) -> list[tuple[str, str]]:
    """(keys, label) pairs for the screen's active, shown bindings, in focus-chain order."""
    by_label: dict[str, dict[str, list[str]]] = {}
    lang = getattr(screen.app, "lang", "en")
    for namespace, binding, enabled, _tooltip in screen.active_bindings.values():
        if not binding.show or not binding.description or not enabled:
            continue
        actions = by_label.setdefault(node_label(binding.description, namespace, lang), {})
        actions.setdefault(binding.action, []).append(
            binding.key_display or key_display(binding.key)
        )
    items = []
    for text, actions in by_label.items():
        keys = [min(names, key=len) for names in actions.values()]
        items.append(("/".join(keys), text))
    return items


class KeyBar(Widget):
    """Docked at the bottom; one or two lines of ``key label`` pairs."""

    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: auto; max-height: 3; width: 1fr; background: $panel; }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[tuple[str, str]] = []
        self._lines: list[Text] = [Text("")]

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        items = key_items(screen)
        if items != self.items:
            self.items = items
            self._relayout()

    def on_resize(self, event: Resize) -> None:
        self._relayout()

    def _relayout(self) -> None:
        width = max(self.size.width, 20)
        lines: list[Text] = []
        line = Text(no_wrap=True)
        for keys, label in self.items:
            piece = cell_len(keys) + cell_len(label) + 2
            if line.cell_len and line.cell_len + 1 + piece > width:
                lines.append(line)
                line = Text(no_wrap=True)
            line.append(" ")
            line.append(keys, style="bold reverse")
            line.append(" " + label)
        lines.append(line)
        old_height = len(self._lines)
        plain = [x.plain for x in lines]
        if plain == [x.plain for x in self._lines]:
            return
        self._lines = lines
        self.refresh(layout=len(lines) != old_height)

    def get_content_height(self, container, viewport, width: int) -> int:  # type: ignore[no-untyped-def]
        return len(self._lines)

    def render(self) -> RenderResult:
        return Text("\n").join(self._lines)

    def plain(self) -> str:
        """The bar's text (tests)."""
        return "\n".join(x.plain for x in self._lines)
