"""Progress summaries: per-lesson accuracy, reviews, due counts and next due time (pure data)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rnntui.quiz import schedule
from rnntui.quiz.progress import Items, Record

GENERATED_GROUP = "gen"
"""Group of generated items whose topic no lesson covers."""


@dataclass(frozen=True)
class LessonStats:
    """Totals for one lesson (or for everything)."""

    lesson: str
    items: int
    reviews: int
    correct: int
    due_now: int
    next_due: datetime | None

    @property
    def accuracy(self) -> float | None:
        """correct / reviews, or None before the first answer."""
        return self.correct / self.reviews if self.reviews else None

    def to_json(self, title: str | None = None) -> dict[str, Any]:
        """A JSON-ready dict (times as ISO UTC)."""
        return {
            "lesson": self.lesson,
            "title": title,
            "items": self.items,
            "reviews": self.reviews,
            "correct": self.correct,
            "accuracy": None if self.accuracy is None else round(self.accuracy, 4),
            "due_now": self.due_now,
            "next_due": self.next_due.isoformat() if self.next_due else None,
        }


def lesson_of(item_id: str, record: Record) -> str:
    """The lesson an item counts for: its record's lesson, else the id's prefix."""
    lesson = record.get("lesson")
    if isinstance(lesson, str) and lesson:
        return lesson
    prefix = item_id.split("/", 1)[0]
    return GENERATED_GROUP if prefix == "gen" else prefix


def _stats(lesson: str, records: list[Record], now: datetime) -> LessonStats:
    dues = [schedule.due_time(r["card"]) for r in records]
    return LessonStats(
        lesson=lesson,
        items=len(records),
        reviews=sum(int(r["reviews"]) for r in records),
        correct=sum(int(r["correct"]) for r in records),
        due_now=sum(1 for d in dues if d <= now),
        next_due=min(dues) if dues else None,
    )


def summarize(
    items: Items, now: datetime, order: Mapping[str, int] | None = None
) -> tuple[list[LessonStats], LessonStats]:
    """Per-lesson stats (in ``order``, then by id) and the total."""
    groups: dict[str, list[Record]] = {}
    for item_id, record in items.items():
        groups.setdefault(lesson_of(item_id, record), []).append(record)
    rank = order or {}
    rows = [
        _stats(lesson, groups[lesson], now)
        for lesson in sorted(groups, key=lambda g: (rank.get(g, 10_000), g))
    ]
    return rows, _stats("*", list(items.values()), now)
