"""Progress summaries: per-lesson accuracy, reviews, due counts and next due time (pure data).

For the UI: ``lesson_stats(store.items, lessons, now)`` gives every lesson's started / accuracy /
due items, ``due_count(store.items, now)`` the reviews due (the header), ``local_time`` a time
as the student reads it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rnntui.content.model import Lesson
from rnntui.quiz import schedule
from rnntui.quiz.bank import build_pool
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


@dataclass(frozen=True)
class LessonProgress:
    """One lesson's quiz progress, for the lesson list, the header and ``rnntui progress``.

    ``items`` is every askable item of the lesson (its quiz items and the generated templates
    it owns), ``tried`` how many of them were answered at least once.
    """

    lesson_id: str
    order: int
    title: str
    items: int
    tried: int
    reviews: int
    correct: int
    due_now: int
    next_due: datetime | None

    @property
    def started(self) -> bool:
        """True once any item of the lesson was answered."""
        return self.tried > 0

    @property
    def accuracy(self) -> float | None:
        """correct / reviews, or None before the first answer."""
        return self.correct / self.reviews if self.reviews else None


def lesson_stats(items: Items, lessons: Sequence[Lesson], now: datetime) -> list[LessonProgress]:
    """Every lesson in course order, tried or not: started, accuracy, due items, next due.

    ``items`` is ``ProgressStore.items``; ``lessons`` one language's lessons (titles in it).
    """
    askable: dict[str, set[str]] = {}
    for entry in build_pool(lessons):
        if entry.lesson_id is not None:
            askable.setdefault(entry.lesson_id, set()).add(entry.item_id)
    groups: dict[str, list[Record]] = {}
    for item_id, record in items.items():
        groups.setdefault(lesson_of(item_id, record), []).append(record)
    out = []
    for lesson in sorted(lessons, key=lambda x: x.order):
        records = groups.get(lesson.id, [])
        stats = _stats(lesson.id, records, now)
        total = max(len(askable.get(lesson.id, ())), len(records))
        out.append(
            LessonProgress(
                lesson_id=lesson.id,
                order=lesson.order,
                title=lesson.title,
                items=total,
                tried=len(records),
                reviews=stats.reviews,
                correct=stats.correct,
                due_now=stats.due_now,
                next_due=stats.next_due,
            )
        )
    return out


def due_count(items: Items, now: datetime, lessons: Sequence[Lesson] | None = None) -> int:
    """How many reviews are due at ``now`` (only the items of ``lessons`` when given)."""
    keep: set[str] | None = None
    if lessons is not None:
        ids = {lesson.id for lesson in lessons}
        keep = {e.item_id for e in build_pool(lessons) if e.lesson_id in ids}
    return sum(
        1
        for item_id, record in items.items()
        if (keep is None or item_id in keep) and schedule.due_time(record["card"]) <= now
    )


def next_due(items: Items) -> datetime | None:
    """The soonest due time of any item (None without progress)."""
    times = [schedule.due_time(r["card"]) for r in items.values()]
    return min(times) if times else None


def local_time(moment: datetime) -> str:
    """``2026-12-04 09:30 KST``: a time in the local time zone, as the student reads it."""
    local = moment.astimezone()
    zone = local.tzname() or local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} {zone}".strip()
