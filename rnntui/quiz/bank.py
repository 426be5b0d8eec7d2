"""The pool of askable items: lesson quiz items and generated templates, tied to lessons.

A lesson item's id is ``<lesson id>/<item id>`` (the same in every language, so progress does
not depend on the language). A template belongs to the first lesson (in course order) that
covers its topic.
"""

from __future__ import annotations

import difflib
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rnntui.content.model import Lesson, QuizItem
from rnntui.quiz.question import Question
from rnntui.quiz.templates.base import Template
from rnntui.quiz.templates.registry import templates


@dataclass(frozen=True)
class Entry:
    """One askable item: a fixed question or a template (fresh numbers each time it is asked)."""

    item_id: str
    lesson_id: str | None
    order: int
    question: Question | None = None
    template: Template | None = None

    def materialize(self, rng: random.Random, lang: str) -> Question:
        """The question to ask now."""
        if self.question is not None:
            return self.question
        assert self.template is not None
        return replace(self.template.instance(rng, lang), lesson_id=self.lesson_id)


def lesson_question(lesson: Lesson, item: QuizItem) -> Question:
    """A lesson's quiz item as a Question."""
    return Question(
        id=f"{lesson.id}/{item.id}",
        type=item.type,
        text=item.question,
        answer=item.answer,
        choices=item.choices,
        tolerance=item.tolerance,
        explanation=item.explanation,
        lesson_id=lesson.id,
        topic=lesson.topics[0] if lesson.topics else None,
    )


def lesson_for_topic(lessons: Sequence[Lesson], topic: str) -> Lesson | None:
    """The lesson named after ``topic``, else the first (in course order) that covers it."""
    named = next((lesson for lesson in lessons if lesson.id == topic), None)
    return named or next((lesson for lesson in lessons if topic in lesson.topics), None)


def build_pool(
    lessons: Sequence[Lesson], topic: str | None = None, generated: bool = True
) -> list[Entry]:
    """Every entry, in course order.

    ``topic`` keeps one lesson (by id, with the templates attached to it); if no lesson has
    that id, it keeps every lesson and template of that course topic (e.g. ``dropout``).
    """
    by_id = topic is not None and any(lesson.id == topic for lesson in lessons)

    def wanted(lesson_id: str | None, topics: Sequence[str]) -> bool:
        if topic is None:
            return True
        return topic == lesson_id if by_id else topic in topics

    pool: list[Entry] = []
    for lesson in lessons:
        if wanted(lesson.id, lesson.topics):
            pool.extend(
                Entry(q.id, lesson.id, lesson.order, q)
                for q in (lesson_question(lesson, item) for item in lesson.quiz)
            )
    for tpl in templates() if generated else ():
        owner = lesson_for_topic(lessons, tpl.topic)
        lesson_id = owner.id if owner else None
        if wanted(lesson_id, (tpl.topic,)):
            order = owner.order if owner else 10_000
            pool.append(Entry(tpl.item_id, lesson_id, order, template=tpl))
    pool.sort(key=lambda e: e.order)
    return pool


def known_topics(lessons: Sequence[Lesson]) -> list[str]:
    """Lesson ids and course topics accepted by ``--topic``."""
    ids = [lesson.id for lesson in lessons]
    topics = sorted({t for lesson in lessons for t in lesson.topics} - set(ids))
    extra = sorted({tpl.topic for tpl in templates()} - set(ids) - set(topics))
    return ids + topics + extra


def lesson_for_ref(lessons: Sequence[Lesson], ref: str) -> Lesson | None:
    """The lesson ``ref`` names: its id, its number (``4``, ``04``), or its file-style name
    (``04-lstm``); None if none does. For ``--topic`` and ``--lesson``."""
    text = ref.strip()
    by_id = next((lesson for lesson in lessons if lesson.id == text), None)
    if by_id is not None:
        return by_id
    number, _, rest = text.partition("-")
    if number.isdigit() and len(number) <= 4:
        found = next((lesson for lesson in lessons if lesson.order == int(number)), None)
        if found is not None and (not rest or rest == found.id):
            return found
    return None


def resolve_topic(lessons: Sequence[Lesson], topic: str | None) -> str | None:
    """``--topic``: a lesson number becomes that lesson's id; anything else is unchanged."""
    if topic is None:
        return None
    found = lesson_for_ref(lessons, topic)
    return found.id if found is not None else topic.strip()


def suggest_topic(lessons: Sequence[Lesson], topic: str) -> str | None:
    """The known lesson id or topic closest to a mistyped ``topic`` (``lstn`` -> ``lstm``)."""
    close = difflib.get_close_matches(topic.casefold(), known_topics(lessons), n=1, cutoff=0.6)
    return close[0] if close else None
