"""Plain data for lessons: what the loader produces and the app and quiz read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

QuizType = Literal["choice", "truefalse", "numeric"]

TOPICS: tuple[str, ...] = (
    "rnn-vs-cnn",
    "simple-rnn",
    "lstm",
    "gru",
    "symbols",
    "embedding",
    "bidirectional",
    "units",
    "stacking",
    "dropout",
)
"""Every topic of the course notes; each must be covered by at least one lesson."""

LANGUAGES: tuple[str, ...] = ("ko", "en")


@dataclass(frozen=True)
class Choice:
    """One option of a multiple-choice item; ``why`` explains why it is wrong (None if right)."""

    text: str
    why: str | None = None


@dataclass(frozen=True)
class QuizItem:
    """A quiz item from a lesson. ``answer``: 0-based index (choice), bool, or float (numeric)."""

    id: str
    type: QuizType
    question: str
    answer: int | bool | float
    explanation: str = ""
    choices: tuple[Choice, ...] = ()
    tolerance: float = 0.0
    line: int = 0


@dataclass(frozen=True)
class GlossaryTerm:
    """A term in both languages."""

    ko: str
    en: str


@dataclass(frozen=True)
class Lesson:
    """One lesson in one language, with directives already filled in from the engine."""

    id: str
    order: int
    lang: str
    title: str
    panel: str
    topics: tuple[str, ...]
    body: str
    preset: dict[str, Any] = field(default_factory=dict)
    glossary: tuple[GlossaryTerm, ...] = ()
    quiz: tuple[QuizItem, ...] = ()
    path: Path | None = None
    demo: str = ""
    """The demo this lesson also hosts (``content/schema.py`` DEMOS), or "" for none."""


@dataclass(frozen=True)
class Problem:
    """A problem found in a lesson file: printed as ``file:line: message``."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"
