"""The two plain records the quiz passes around: a Question to ask and the Verdict on an answer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from rnntui.content.model import Choice, QuizType

Status = Literal["right", "wrong", "ignored", "invalid"]


@dataclass(frozen=True)
class Question:
    """One question, from a lesson or generated from the engine.

    ``id`` is the progress key: ``<lesson id>/<item id>`` (the same in every language) or
    ``gen/<template>`` for generated questions (one key per template, not per random instance).
    ``answer`` is the 0-based right choice, a bool, or a number (right if within ``tolerance``).
    ``traps`` are (value, why) pairs for tempting wrong numbers (e.g. PyTorch's count), so a
    wrong numeric answer gets its own explanation; ``solution`` is the worked answer
    (``4 x 8 x (5 + 8 + 1) = 448``) shown beside a wrong number. ``meta`` holds a generated
    question's inputs, so tests can recompute the answer independently.
    """

    id: str
    type: QuizType
    text: str
    answer: int | bool | float
    choices: tuple[Choice, ...] = ()
    tolerance: float = 0.0
    explanation: str = ""
    lesson_id: str | None = None
    topic: str | None = None
    generated: bool = False
    traps: tuple[tuple[float, str], ...] = ()
    solution: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Verdict:
    """What ``QuizSession.answer(raw)`` returns.

    ``status``: ``right`` / ``wrong`` (graded, recorded); ``ignored`` (an empty line, e.g. the
    second Enter of a Korean IME: keep waiting); ``invalid`` (not an answer of this type: show
    ``hint`` and ask again). For a wrong choice, ``why`` explains the option the student chose;
    ``explanation`` explains the right answer. ``save_error`` is a message when the answer was
    graded but could not be saved (e.g. another session holds the lock).
    """

    status: Status
    question: Question
    given: str = ""
    why: str = ""
    explanation: str = ""
    right_answer: str = ""
    hint: str = ""
    save_error: str | None = None
    dont_know: bool = False
    """The student answered "I don't know" (``?``): graded wrong, shown as such."""

    @property
    def graded(self) -> bool:
        """True for ``right`` and ``wrong``: the question is done."""
        return self.status in ("right", "wrong")

    @property
    def correct(self) -> bool:
        """True only for ``right``."""
        return self.status == "right"

    @property
    def lesson_id(self) -> str | None:
        """The lesson to open for this question (None if no lesson covers it)."""
        return self.question.lesson_id
