"""Textual's command palette, safe against keys that arrive in one burst (two races in 8.2.8).

1. Two Enters in one burst (a double press, or keys bunched together by a slow ssh link) both
reach the palette's Input before the first one has closed it; the second ``dismiss()`` then
pops the screen below, and with only the lesson screen left Textual raises ScreenStackError
and the app dies (found by tests/ui/test_monkey.py; reproduced with a bare Textual 8.2.8 app:
ctrl+p, type "them", then Enter Enter Enter in one burst).
2. PgUp/PgDn before the option list has been laid out: ``OptionList._move_page`` reads a line
   map that is still empty and raises KeyError (ctrl+p, "i", PgDn in one burst).
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette
from textual.css.query import NoMatches


class SafeCommandPalette(CommandPalette):
    """Closes once, and ignores a page key that comes before its list has a size."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "safe_list('page_down')", "Next page", show=False),
        Binding("pageup", "safe_list('page_up')", "Previous page", show=False),
    ]

    def dismiss(self, result: Any = None) -> AwaitComplete:
        """Dismiss only while this palette is the active screen."""
        if self.app.screen is not self:
            return AwaitComplete()
        self.workers.cancel_node(self)  # the command search must not outlive the palette
        return super().dismiss(result)

    def action_safe_list(self, action: str) -> None:
        """Pass a page action to the list; before the list is laid out (or once it is gone),
        skip it."""
        try:
            getattr(self.query_one(CommandList), f"action_{action}")()
        except (KeyError, NoMatches):
            return
