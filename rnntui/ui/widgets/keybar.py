"""The key bar: every shown binding of the focused widget, its parents and the app.

Unlike Textual's Footer it wraps onto a second line instead of cutting keys off at 80
columns, prints key names in ASCII, and merges bindings that share a description
(``-/+ Step``). It re-renders only when the bindings (focus) or the width change.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
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


def wrap_items(items: list[tuple[str, str]], width: int) -> list[Content]:
    """The ``key label`` pairs on as many lines of ``width`` cells as they need."""
    width = max(width, 20)
    lines: list[Content] = []
    parts: list[tuple[str, str] | str] = []
    used = 0
    for keys, label in items:
        piece = cell_len(keys) + cell_len(label) + 2
        if used and used + 1 + piece > width:
            lines.append(Content.assemble(*parts))
            parts, used = [], 0
        parts += [" ", (keys, "bold reverse"), " " + label]
        used += piece
    lines.append(Content.assemble(*parts))
    return lines


class KeyBar(Widget):
    """Docked at the bottom; as many lines of ``key label`` pairs as they need (at most 3).
    Its height is computed from its items at the width it gets, so it always fits them."""

    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: auto; max-height: 3; width: 1fr; background: $panel; }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[tuple[str, str]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        items = key_items(screen)
        if items != self.items:
            self.items = items
            self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(wrap_items(self.items, width))

    def render(self) -> Content:
        return Content("\n").join(wrap_items(self.items, self.size.width))

    def plain(self) -> str:
        """The bar's text (tests)."""
        return "\n".join(line.plain for line in wrap_items(self.items, self.size.width))
