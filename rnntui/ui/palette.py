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

from typing import Any

from textual.await_complete import AwaitComplete
from textual.command import CommandPalette


class SafeCommandPalette(CommandPalette):
    """Closes once, and ignores a page key that comes before its list has a size."""

    def dismiss(self, result: Any = None) -> AwaitComplete:
        """Dismiss only while this palette is the active screen."""
        if self.app.screen is not self:
            return AwaitComplete()
        return super().dismiss(result)

    def _action_command_list(self, action: str) -> None:
        """Pass a cursor or page action to the list; before the list is laid out, skip it."""
        try:
            super()._action_command_list(action)
        except KeyError:
            return
