"""A first start (nothing in the parse cache): the lesson to open is parsed alone and is in
the first frame, the other files load after it in a thread, and once they are loaded nothing
on screen is drawn again when the preview was right; when it was not (a lesson file broken,
so one lesson fewer), the lesson the loaded set opens is shown (issue 16)."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from textual.pilot import Pilot

from rnntui.content.loader import LessonSet, lesson_files_for, load_lessons
from rnntui.content.model import Lesson
from rnntui.content.preview import Preview, preview_lesson
from rnntui.ui.app import RnnTuiApp
from rnntui.ui.widgets.lesson_list import LessonList
from tests.ui.helpers import screen_text, settle


class HeldLoader:
    """The full load, held until :meth:`go` (a slow first start, made a state)."""

    def __init__(self, lessons: LessonSet) -> None:
        self.lessons = lessons
        self.started = threading.Event()
        self.release = threading.Event()

    def __call__(self) -> LessonSet:
        self.started.set()
        assert self.release.wait(30)
        return self.lessons

    def go(self) -> None:
        self.release.set()


def first_start(lang: str = "en", wanted: str | None = None) -> tuple[RnnTuiApp, HeldLoader]:
    files, _ = lesson_files_for()
    preview = preview_lesson(files, lang, wanted)
    assert preview is not None
    loader = HeldLoader(load_lessons())
    return RnnTuiApp(loader, lang=lang, lesson_id=wanted, save=False, preview=preview), loader


async def preview_shown(pilot: Pilot[object], loader: HeldLoader) -> None:
    """Wait for a state, not a time: the preview's title in place (the lesson screen is
    settled) and the load started in its thread (held there until ``loader.go()``)."""
    app = pilot.app
    assert isinstance(app, RnnTuiApp)
    for _ in range(500):
        await pilot.pause()
        if app.learn.title_text and loader.started.is_set():
            return
    raise AssertionError("the preview was never shown")


async def before_and_after(app: RnnTuiApp, loader: HeldLoader) -> tuple[str, str, Lesson | None]:
    """The screen with the preview (the first frame), and once the lessons are loaded with
    the lesson shown then."""
    async with app.run_test(size=(80, 24)) as pilot:
        await preview_shown(pilot, loader)
        before = screen_text(app)
        loader.go()
        await settle(pilot)
        return before, screen_text(app), app.learn.lesson


async def test_the_preview_is_in_the_first_frame_and_kept_after_the_load() -> None:
    app, loader = first_start()
    async with app.run_test(size=(80, 24)) as pilot:
        await preview_shown(pilot, loader)
        first = screen_text(app)
        assert "rnntui  1/13  What is an RNN?" in first and 'Someone says "Today' in first
        text = app.learn.query_one("#lesson-text")
        shown = app.learn.lesson
        await pilot.press("f6")  # before the lessons are loaded: nothing happens
        assert loader.started.wait(30)
        loader.go()
        await settle(pilot)
        assert app.lessons is loader.lessons and app.preview is None
        assert app.learn.query_one("#lesson-text") is text  # not made again
        assert app.learn.lesson == shown and screen_text(app) == first
        assert app.learn.query_one(LessonList).option_count == 14  # 13 lessons and "quiz"
        await pilot.press("f6")
        await settle(pilot)
        assert "rnntui  2/13" in screen_text(app)


async def test_a_saved_lesson_in_korean() -> None:
    app, loader = first_start("ko", "lstm")
    async with app.run_test(size=(80, 24)) as pilot:
        await preview_shown(pilot, loader)
        assert "rnntui  4/13  LSTM" in screen_text(app) and "[ko]" in screen_text(app)
        loader.go()
        await settle(pilot)
        assert app.lesson_id == "lstm" and app.learn.lesson is not None
        assert app.learn.lesson.lang == "ko" and "4/13" in screen_text(app)


async def test_a_wrong_preview_gives_way_to_the_loaded_set() -> None:
    """One packaged file broken: the loaded set has 12 lessons, so the title is corrected."""
    app, loader = first_start()
    full = loader.lessons
    loader.lessons = LessonSet([x for x in full.lessons if x.id != "lstm"], full.problems)
    before, after, _ = await before_and_after(app, loader)
    assert "1/13" in before and "rnntui  1/12  What is an RNN?" in after


async def test_a_preview_that_is_not_the_first_lesson_is_replaced() -> None:
    lessons = load_lessons()
    second = lessons.get("activations", "en")
    assert second is not None
    loader = HeldLoader(lessons)
    app = RnnTuiApp(loader, lang="en", save=False, preview=Preview(second, 2, 13))
    before, after, shown = await before_and_after(app, loader)
    assert "2/13" in before and "rnntui  1/13  What is an RNN?" in after
    assert shown == lessons.get("what-is-rnn", "en")


async def test_an_edited_preview_lesson_is_shown_as_loaded() -> None:
    """The file changed between the preview and the load: the loaded lesson is shown."""
    app, loader = first_start()
    full = loader.lessons
    edited = [replace(x, body=x.body + "\nA new last line.\n") if x.id == "what-is-rnn" else x
              for x in full.lessons]  # fmt: skip
    loader.lessons = LessonSet(edited, full.problems)
    async with app.run_test(size=(80, 24)) as pilot:
        await preview_shown(pilot, loader)
        loader.go()
        await settle(pilot)
        assert app.learn.lesson is not None and "A new last line." in app.learn.lesson.body


@pytest.mark.parametrize("before", [0, 1, 4, 7])
async def test_keys_typed_while_the_rest_loads_land_where_they_were_typed(before: int) -> None:
    """A student on a first start reaches the panel and types before the other lessons are
    loaded: the load finishing between two keys moves no focus (the LSTM recipe of
    tests/ui/test_pty.py: F4, Tab x7 reaches force f, 0 forces it)."""
    app, loader = first_start("en", "lstm")
    async with app.run_test(size=(80, 24)) as pilot:
        await preview_shown(pilot, loader)
        await pilot.press("f4", *["tab"] * before)
        loader.go()  # the load ends after ``before`` of the seven Tabs
        await pilot.press(*["tab"] * (7 - before), "0")
        await settle(pilot)
        assert app.preview is None and app.lessons is loader.lessons  # loaded meanwhile
        text = screen_text(app)
        assert "force f =" in text and "forced" in text and "sequence: 0" not in text
