"""Small helpers shared by the quiz tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from rnntui.content.model import Choice, Lesson, QuizItem
from rnntui.quiz.question import Question


def make_lessons(lang: str = "en") -> list[Lesson]:
    """Two lessons with one item of each type; texts differ by language, ids do not."""
    ko = lang == "ko"
    first = Lesson(
        id="lstm",
        order=1,
        lang=lang,
        title="LSTM",
        panel="lstm",
        topics=("lstm",),
        body="",
        quiz=(
            QuizItem(
                id="forget-range",
                type="choice",
                question="망각 게이트의 범위는?" if ko else "What values can the forget gate take?",
                answer=1,
                choices=(
                    Choice("0 또는 1" if ko else "Exactly 0 or 1", "sigmoid never reaches 0 or 1"),
                    Choice("0과 1 사이" if ko else "Strictly between 0 and 1"),
                    Choice("-1과 1 사이" if ko else "Between -1 and 1", "that is tanh's range"),
                ),
                explanation="Gates use the sigmoid.",
            ),
            QuizItem(
                id="four-blocks",
                type="truefalse",
                question="LSTM has four weight blocks.",
                answer=True,
                explanation="i, f, c, o.",
            ),
        ),
    )
    second = Lesson(
        id="units",
        order=2,
        lang=lang,
        title="Units",
        panel="units",
        topics=("units",),
        body="",
        quiz=(
            QuizItem(
                id="lstm32",
                type="numeric",
                question="Params of LSTM(32) on 10 features?",
                answer=5504.0,
                explanation="4 x 32 x (10 + 32 + 1)",
            ),
        ),
    )
    return [first, second]


class Clock:
    """A controllable UTC clock: ``clock()`` returns now, ``clock.advance(minutes=...)``."""

    def __init__(self) -> None:
        self.now = datetime(2030, 1, 1, 12, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def any_answer(question: Question) -> str:
    """Some valid (not necessarily right) answer for ``question``."""
    return {"choice": "1", "truefalse": "t", "numeric": "1"}[question.type]


def right_answer(question: Question) -> str:
    """The right answer typed as a student would."""
    if question.type == "choice":
        return str(int(question.answer) + 1)
    if question.type == "truefalse":
        return "t" if question.answer else "f"
    return repr(float(question.answer))
