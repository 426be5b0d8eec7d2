"""F1 help: the focused panel's HELP Markdown plus a key table generated from the bindings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.css.query import NoMatches
from textual.screen import ModalScreen

from rnntui.ui.keys import key_display, node_label
from rnntui.ui.strings import tr
from rnntui.ui.widgets.markdown import LessonMarkdown


def key_table(bindings: Iterable[tuple[Binding, object]], lang: str) -> str:
    """A Markdown table of keys and what they do (one row per action), from (binding, the
    node that declares it) pairs."""
    rows: dict[str, list[str]] = {}
    for binding, node in bindings:
        if not binding.description:
            continue
        keys = rows.setdefault(node_label(binding.description, node, lang), [])
        for key in binding.key.split(","):
            name = key_display(key.strip())
            if name not in keys:
                keys.append(name)
    lines = [f"| {tr('help.keys', lang)} | |", "|---|---|"]
    lines += [f"| {' / '.join(keys)} | {what} |" for what, keys in rows.items()]
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    """Help for the focused panel; F1, q, Escape or Enter closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1,q,escape,enter", "close", "Close"),
        Binding("d", "app.display_check", "Display check", show=False),
        Binding("up", "scroll(-1)", "Scroll", show=False),
        Binding("down", "scroll(1)", "Scroll", show=False),
        Binding("pageup", "scroll(-10)", "Scroll", show=False),
        Binding("pagedown", "scroll(10)", "Scroll", show=False),
    ]

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield LessonMarkdown(self.markdown, id="help-text")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)

    def action_scroll(self, lines: int) -> None:
        """Scroll the help text."""
        try:
            body = self.query_one("#help-body", VerticalScroll)
        except NoMatches:  # a key that arrives while the help opens or closes
            return
        body.scroll_relative(y=lines, animate=False)
