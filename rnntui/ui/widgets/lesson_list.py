"""The lesson list: numbered titles; Enter opens one (posts LessonList.Chosen).

F7 on a lesson, or Enter on the last line ("Quiz: all lessons"), asks for a quiz
(posts LessonList.QuizChosen).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from rnntui.printable import printable
from rnntui.ui.strings import tr

if TYPE_CHECKING:
    from collections.abc import Mapping

    from rnntui.content.model import Lesson
    from rnntui.quiz.report import LessonProgress


def progress_line(stats: LessonProgress, lang: str) -> str:
    """``quiz 3/9, 67% right, 2 due`` (in ``lang``) for a lesson the student has started."""
    right = round(100 * stats.correct / stats.reviews) if stats.reviews else 0
    if lang == "ko":
        text = f"퀴즈 {stats.tried}/{stats.items}, 정답률 {right}%"
        return text + (f", 복습 {stats.due_now}개" if stats.due_now else "")
    text = f"quiz {stats.tried}/{stats.items}, {right}% right"
    return text + (f", {stats.due_now} due" if stats.due_now else "")


class LessonList(OptionList):
    """Lessons in order; the current one is marked with ``>`` (not only highlighted)."""

    QUIZ_ALL = "::quiz-all"
    """The option id of the last line, "Quiz: all lessons"."""
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f7", "quiz", "Quiz")]

    @dataclass
    class Chosen(Message):
        """The student picked a lesson."""

        lesson_id: str

    @dataclass
    class QuizChosen(Message):
        """The student asked for a quiz on one lesson (``topic``) or on all (None)."""

        topic: str | None

    def set_lessons(
        self,
        lessons: list[Lesson],
        current: str | None,
        lang: str | None = None,
        progress: Mapping[str, LessonProgress] | None = None,
    ) -> None:
        """Fill the list and highlight ``current``; with ``lang``, a last "quiz" line too;
        with ``progress``, a second line per lesson: quiz items tried, accuracy, reviews due."""
        self.clear_options()
        language = lang or (lessons[0].lang if lessons else "en")
        for k, x in enumerate(lessons, start=1):
            text = printable(f"{'>' if x.id == current else ' '} {k}. {x.title}", one_line=True)
            stats = None if progress is None else progress.get(x.id)
            if stats is not None and stats.tried:
                text += "\n    " + progress_line(stats, language)
            self.add_option(Option(Content(text), id=x.id))
        if lang is not None:
            self.add_option(Option(Content(f"  {tr('quiz.all', lang)}"), id=self.QUIZ_ALL))
        ids = [x.id for x in lessons]
        if current in ids:
            self.highlighted = ids.index(current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a lesson."""
        event.stop()
        if event.option.id == self.QUIZ_ALL:
            self.post_message(self.QuizChosen(None))
        elif event.option.id:
            self.post_message(self.Chosen(event.option.id))

    def action_page_down(self) -> None:
        """PgDn; ignored before the list is laid out (Textual 8.2.8's OptionList raises
        KeyError then, e.g. for F3 F2 Tab PgDn in one burst; tests/ui/test_monkey.py)."""
        try:
            super().action_page_down()
        except KeyError:
            return

    def action_page_up(self) -> None:
        """PgUp; ignored before the list is laid out (as PgDn)."""
        try:
            super().action_page_up()
        except KeyError:
            return

    def action_quiz(self) -> None:
        """F7 on the list: a quiz on the highlighted lesson."""
        option = None if self.highlighted is None else self.get_option_at_index(self.highlighted)
        topic = None if option is None or option.id == self.QUIZ_ALL else option.id
        self.post_message(self.QuizChosen(topic))
