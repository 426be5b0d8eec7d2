"""What a session asks: due first, started lessons' new items next, no item twice in a row,
no template in more than half the slots, choices shuffled per asking with their own why."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace

from rnntui.content.loader import load_lessons
from rnntui.content.model import Lesson
from rnntui.quiz import bank
from rnntui.quiz.progress import ProgressStore
from rnntui.quiz.session import fill, open_session, plan, shuffle_choices

from .helpers import Clock, make_lessons, right_answer


def packaged(lang: str = "en") -> list[Lesson]:
    return list(load_lessons().for_lang(lang))


def asked(session) -> list[str]:  # type: ignore[no-untyped-def]
    ids = []
    while (q := session.next_question()) is not None:
        ids.append(q.id)
        session.answer(right_answer(q))
    return ids


def test_never_the_same_item_twice_in_a_row_and_no_template_fills_the_session() -> None:
    for topic in ("lstm", "gru", "dropout", "embedding", None):
        for seed in range(5):
            session = open_session(
                lessons=packaged(), lang="en", topic=topic, count=12, seed=seed, store=None
            )
            ids = asked(session)
            assert all(a != b for a, b in itertools.pairwise(ids)), (topic, ids)
            assert max(ids.count(i) for i in ids) <= 6, (topic, ids)


def test_five_questions_are_never_all_from_one_template() -> None:
    for seed in range(20):
        ids = asked(open_session(lessons=packaged(), lang="en", count=5, seed=seed))
        assert len(set(ids)) > 1, ids


def test_fill_stops_rather_than_repeat_one_item() -> None:
    pool = bank.build_pool(packaged(), "dropout")
    template = next(e for e in pool if e.template is not None)
    slots = fill([], [template], 6)
    assert [s.entry.item_id for s in slots] == [template.item_id]


def test_new_items_of_started_lessons_come_before_other_lessons(clock: Clock) -> None:
    lessons = packaged()
    store = ProgressStore().load()
    gru = next(x for x in lessons if x.id == "gru")
    store.record(f"gru/{gru.quiz[0].id}", "gru", True, clock())
    pool = bank.build_pool(lessons)
    slots = plan(pool, store.items, clock(), 4, random.Random(0), frozenset({"gru"}))
    assert {s.entry.lesson_id for s in slots} == {"gru"}
    assert all(s.kind == "new" for s in slots)


def test_choices_are_shuffled_per_asking_and_each_keeps_its_why() -> None:
    lesson = make_lessons("en")[0]
    question = bank.lesson_question(lesson, lesson.quiz[0])
    orders = set()
    for seed in range(20):
        shown = shuffle_choices(question, random.Random(seed))
        orders.add(tuple(c.text for c in shown.choices))
        assert shown.choices[int(shown.answer)].text == question.choices[int(question.answer)].text
        for c in shown.choices:
            original = next(o for o in question.choices if o.text == c.text)
            assert c.why == original.why
    assert len(orders) > 1


def test_the_why_of_a_wrong_choice_follows_its_text_in_a_session() -> None:
    lesson = make_lessons("en")[0]
    only = [replace(lesson, quiz=lesson.quiz[:1])]
    for seed in range(6):
        session = open_session(lessons=only, lang="en", count=1, seed=seed, generated=False)
        q = session.next_question()
        assert q is not None
        k = next(i for i, c in enumerate(q.choices) if c.text == "Between -1 and 1")
        verdict = session.answer(str(k + 1))
        assert verdict.why == "that is tanh's range"


def test_shuffle_can_be_turned_off_for_position_based_callers() -> None:
    lesson = make_lessons("en")[0]
    only = [replace(lesson, quiz=lesson.quiz[:1])]
    for seed in range(6):
        session = open_session(
            lessons=only, lang="en", count=1, seed=seed, generated=False, shuffle=False
        )
        q = session.next_question()
        assert q is not None and [c.text for c in q.choices] == [
            c.text for c in lesson.quiz[0].choices
        ]
