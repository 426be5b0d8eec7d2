"""The lesson list: numbered titles; Enter opens one (posts LessonList.Chosen)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from rnntui.content.model import Lesson


class LessonList(OptionList):
    """Lessons in order; the current one is marked with ``>`` (not only highlighted)."""

    @dataclass
    class Chosen(Message):
        """The student picked a lesson."""

        lesson_id: str

    def set_lessons(self, lessons: list[Lesson], current: str | None) -> None:
        """Fill the list and highlight ``current``."""
        self.clear_options()
        self.add_options(
            Option(f"{'>' if x.id == current else ' '} {k}. {x.title}", id=x.id)
            for k, x in enumerate(lessons, start=1)
        )
        ids = [x.id for x in lessons]
        if current in ids:
            self.highlighted = ids.index(current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a lesson."""
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(event.option.id))
