"""Per-lesson progress for the UI and ``rnntui progress``; the plain quiz's closing lines."""

from __future__ import annotations

import io
import re
from datetime import timedelta

from rich.console import Console

from rnntui.content.loader import load_lessons
from rnntui.content.model import Lesson
from rnntui.quiz.progress import ProgressStore
from rnntui.quiz.progress_table import progress_table, short_title, show_progress
from rnntui.quiz.question import Question
from rnntui.quiz.report import due_count, lesson_stats, local_time
from rnntui.quiz.session import open_session

from .helpers import Clock, right_answer


def wrong_answer(q: Question) -> str:
    if q.type == "choice":
        return str(2 if int(q.answer) == 0 else 1)
    if q.type == "truefalse":
        return "f" if q.answer else "t"
    return "123456789"


def packaged(lang: str) -> list[Lesson]:
    return list(load_lessons().for_lang(lang))


def test_every_lesson_has_stats_tried_or_not(clock: Clock) -> None:
    lessons = packaged("en")
    store = ProgressStore().load()
    gru = next(x for x in lessons if x.id == "gru")
    store.record(f"gru/{gru.quiz[0].id}", "gru", True, clock())
    store.record("gen/params-gru", "gru", False, clock())
    stats = lesson_stats(store.items, lessons, clock())
    assert [s.lesson_id for s in stats] == [x.id for x in sorted(lessons, key=lambda x: x.order)]
    row = next(s for s in stats if s.lesson_id == "gru")
    assert row.started and row.tried == 2 and row.reviews == 2 and row.accuracy == 0.5
    assert row.items >= len(gru.quiz) + 1 and row.title == gru.title
    assert not any(s.started for s in stats if s.lesson_id != "gru")
    assert due_count(store.items, clock()) == 0
    assert due_count(store.items, clock() + timedelta(days=400)) == 2
    assert due_count(store.items, clock() + timedelta(days=400), lessons[:1]) == 0


def _table_text(lang: str, store: ProgressStore, clock: Clock) -> str:
    out = io.StringIO()
    console = Console(file=out, width=80, highlight=False)
    show_progress(console, store.items, store.path, lang, clock(), packaged(lang))
    return out.getvalue()


def test_progress_table_titles_every_lesson_ascii_borders_local_time(clock: Clock) -> None:
    store = ProgressStore().load()
    store.record("lstm/forget-range", "lstm", True, clock())
    for lang, started in (
        ("en", "1/13 lessons started."),
        ("ko", "레슨 13개 중 1개를 시작했습니다."),
    ):
        text = _table_text(lang, store, clock)
        assert started in text
        titles = [short_title(x.title) for x in packaged(lang)]
        assert all(title in text for title in titles), text
        assert not re.search(r"[\u2500-\u257f\u2026]", text), "box drawing or ellipsis"
        assert "UTC" not in text.split("\n")[2]  # no UTC column header: local time is said below
    en = _table_text("en", store, clock)
    assert re.search(r"\| +1 of \d+ \|", en) and "0 of " in en
    local = store.items["lstm/forget-range"]["card"]["due"]
    assert local  # the due time is shown in the local zone, not as stored
    assert "Times in local time" in en


def test_stray_records_get_their_own_row_made_printable(clock: Clock) -> None:
    store = ProgressStore().load()
    store.record("old/item", "old\x1b]0;PWN\x07lesson", True, clock())
    table = progress_table(store.items, packaged("en"), "en", clock())
    out = io.StringIO()
    Console(file=out, width=100).print(table)
    assert "\x1b" not in out.getvalue() and "old" in out.getvalue()


def test_local_time_names_the_zone(clock: Clock) -> None:
    text = local_time(clock())
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d \S+", text)


def test_the_plain_quiz_ends_with_what_to_review_and_when(clock: Clock) -> None:
    for lang, review, when in (
        ("en", "To review:", "Next review:"),
        ("ko", "다시 볼 레슨:", "다음 복습:"),
    ):
        store = ProgressStore().load()
        session = open_session(
            lessons=packaged(lang),
            lang=lang,
            topic="lstm",
            count=3,
            seed=1,
            store=store,
            generated=False,
            clock=clock,
        )
        first = True
        while (q := session.next_question()) is not None:
            session.answer(wrong_answer(q) if first else right_answer(q))
            first = False
        lines = session.closing_lines()
        assert any(line.startswith(review) for line in lines)
        assert any(line.startswith(when) for line in lines)
        clock.advance(days=30)
        later = open_session(
            lessons=packaged(lang),
            lang=lang,
            topic="lstm",
            count=1,
            seed=1,
            store=ProgressStore().load(),
            generated=False,
            clock=clock,
        )
        q = later.next_question()
        assert q is not None
        later.answer(right_answer(q))
        assert any(re.search(r"\d", line) for line in later.closing_lines())


def test_progress_json_lists_every_lesson(clock: Clock) -> None:
    from rnntui.quiz.progress_cmd import progress_json

    store = ProgressStore().load()
    store.record("lstm/forget-range", "lstm", True, clock())
    data = progress_json(store, "ko", clock())
    assert [c["order"] for c in data["course"]] == list(range(1, 14))
    lstm = next(c for c in data["course"] if c["lesson"] == "lstm")
    assert lstm["started"] and lstm["tried"] == 1 and lstm["title"].startswith("LSTM")
