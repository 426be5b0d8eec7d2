"""QuizSession: due first then new, fresh generated questions, grading flow, score, language."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest

from rnntui.content.model import Lesson
from rnntui.quiz import bank
from rnntui.quiz.progress import ProgressStore
from rnntui.quiz.session import QuizSetupError, open_session, plan

from .helpers import Clock, any_answer, make_lessons, right_answer


def ask_all(session, answers=None) -> list[str]:  # type: ignore[no-untyped-def]
    ids = []
    while (q := session.next_question()) is not None:
        ids.append(q.id)
        raw = (answers or {}).get(q.id, right_answer(q))
        assert session.answer(raw).graded
    return ids


def test_lesson_items_only(lessons: list[Lesson], store: ProgressStore, clock: Clock) -> None:
    session = open_session(
        lessons=lessons, lang="en", count=10, seed=3, store=store, generated=False, clock=clock
    )
    assert session.total == 3
    ids = ask_all(session)
    assert sorted(ids) == ["lstm/forget-range", "lstm/four-blocks", "units/lstm32"]
    assert ids[-1] == "units/lstm32", "course order: lesson 1 before lesson 2"
    assert session.score == (3, 3) and session.score_line() == "Score: 3/3"
    assert session.finished
    assert set(ProgressStore().load().items) == set(ids)


def test_due_items_come_first_then_new(
    lessons: list[Lesson], store: ProgressStore, clock: Clock
) -> None:
    first = open_session(
        lessons=lessons, lang="en", count=1, seed=0, store=store, generated=False, clock=clock
    )
    q = first.next_question()
    assert q is not None and first.current_kind == "new"
    assert first.answer(any_answer(q)).graded
    clock.advance(days=3)
    second = open_session(
        lessons=lessons,
        lang="en",
        count=3,
        seed=0,
        store=ProgressStore().load(),
        generated=False,
        clock=clock,
    )
    assert second.next_question().id == q.id
    assert second.current_kind == "review"


def test_not_due_items_come_last_as_practice(lessons: list[Lesson], clock: Clock) -> None:
    store = ProgressStore().load()
    store.record("units/lstm32", "units", True, clock())
    items = store.items
    pool = bank.build_pool(lessons, generated=False)
    slots = plan(pool, items, clock() + timedelta(minutes=1), 10, random.Random(0))
    assert [s.kind for s in slots] == ["new", "new", "practice"]
    assert slots[-1].entry.item_id == "units/lstm32"


def test_progress_ids_are_the_same_in_both_languages(clock: Clock) -> None:
    for lang in ("en", "ko"):
        session = open_session(
            lessons=make_lessons(lang),
            lang=lang,
            count=3,
            seed=1,
            store=ProgressStore().load(),
            generated=False,
            clock=clock,
        )
        ask_all(session)
        clock.advance(seconds=1)
    items = ProgressStore().load().items
    assert set(items) == {"lstm/forget-range", "lstm/four-blocks", "units/lstm32"}
    assert {r["reviews"] for r in items.values()} == {2}


def test_next_question_is_stable_until_answered(lessons: list[Lesson]) -> None:
    session = open_session(lessons=lessons, lang="en", count=2, seed=5, generated=False)
    q = session.next_question()
    assert session.next_question() is q
    assert session.answer("").status == "ignored"
    assert session.answer("\n").status == "ignored"
    assert session.next_question() is q
    assert session.position == 1
    verdict = session.answer(right_answer(q))
    assert verdict.correct
    q2 = session.next_question()
    assert q2 is not None and q2.id != q.id and session.position == 2


def test_answer_without_question_is_an_error(lessons: list[Lesson]) -> None:
    session = open_session(lessons=lessons, lang="en", count=1, generated=False)
    with pytest.raises(ValueError):
        session.answer("1")


def test_wrong_choice_verdict_has_the_chosen_why_and_the_lesson(lessons: list[Lesson]) -> None:
    only_choice = [replace(lessons[0], quiz=lessons[0].quiz[:1])]
    session = open_session(lessons=only_choice, lang="en", count=1, generated=False)
    session.next_question()
    verdict = session.answer("Between -1 and 1")
    assert verdict.status == "wrong"
    assert verdict.why == "that is tanh's range"
    assert verdict.lesson_id == "lstm"
    assert verdict.right_answer.endswith(". Strictly between 0 and 1")


def test_unknown_topic_and_empty_pool(lessons: list[Lesson]) -> None:
    with pytest.raises(QuizSetupError, match="lstm"):
        open_session(lessons=lessons, lang="en", topic="nope", generated=False)
    with pytest.raises(QuizSetupError):
        open_session(lessons=[], lang="ko", generated=False)


def test_topic_filter(lessons: list[Lesson]) -> None:
    session = open_session(lessons=lessons, lang="en", topic="units", count=5, generated=False)
    assert ask_all(session) == ["units/lstm32"]


def test_no_store_means_nothing_saved(lessons: list[Lesson]) -> None:
    session = open_session(lessons=lessons, lang="en", count=3, generated=False)
    ask_all(session)
    assert ProgressStore().load().items == {}


def test_generated_questions_fill_the_count_with_fresh_numbers(
    lessons: list[Lesson], store: ProgressStore
) -> None:
    session = open_session(lessons=lessons, lang="en", topic="units", count=6, seed=2, store=store)
    questions = []
    while (q := session.next_question()) is not None:
        questions.append(q)
        session.answer(right_answer(q))
    assert len(questions) == 6 and session.score == (6, 6)
    generated = [q for q in questions if q.generated]
    assert generated and all(q.lesson_id == "units" for q in generated)
    assert len({q.text for q in generated}) == len(generated)
    items = ProgressStore().load().items
    assert {k for k in items if k.startswith("gen/")} == {q.id for q in generated}


def test_seed_makes_a_session_repeatable(lessons: list[Lesson]) -> None:
    runs = []
    for _ in range(2):
        session = open_session(lessons=lessons, lang="ko", count=8, seed=42)
        texts = []
        while (q := session.next_question()) is not None:
            texts.append(q.text)
            session.answer(right_answer(q))
        runs.append(texts)
    assert runs[0] == runs[1]


def test_templates_attach_to_the_lesson_covering_their_topic(lessons: list[Lesson]) -> None:
    pool = bank.build_pool(lessons)
    owners = {e.item_id: e.lesson_id for e in pool if e.template is not None}
    assert owners["gen/gate-value"] == "lstm"
    assert owners["gen/params-lstm"] == "units"
    assert owners["gen/dropout-scale"] is None
    assert "dropout" in bank.known_topics(lessons)


def test_topic_prefers_a_lesson_id_over_a_course_topic(lessons: list[Lesson]) -> None:
    from dataclasses import replace as copy

    widened = [
        copy(lessons[0], id="activations", topics=("lstm",)),
        copy(lessons[1], order=3, id="lstm", topics=("lstm",), quiz=lessons[1].quiz),
    ]
    ids = {e.item_id for e in bank.build_pool(widened, "lstm", generated=False)}
    assert ids == {"lstm/lstm32"}
    ids = {e.item_id for e in bank.build_pool(widened, "activations", generated=False)}
    assert ids == {"activations/forget-range", "activations/four-blocks"}
    assert bank.lesson_for_topic(widened, "lstm").id == "lstm"
