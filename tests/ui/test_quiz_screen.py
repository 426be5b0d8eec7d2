"""The quiz screen, driven by key presses only (R-KEYS, R-IME): answers, verdicts, progress."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from rnntui.content.loader import LessonSet, load_lessons
from rnntui.paths import state_dir
from rnntui.quiz.progress import ProgressStore
from rnntui.ui.app import RnnTuiApp
from rnntui.ui.screens.help import HelpScreen
from rnntui.ui.screens.learn import LearnScreen
from rnntui.ui.screens.quiz import QuizPlan, QuizScreen
from rnntui.ui.widgets.keybar import KeyBar
from rnntui.ui.widgets.lesson_list import LessonList

from .helpers import Notes

COURSE = Path(__file__).parent / "quiz_course"
FORBIDDEN = {"ctrl+a", "ctrl+b", "ctrl+h", "ctrl+i", "ctrl+m", "ctrl+j"}
SEED = 5  # the demo course with this seed asks: choice, true/false, numeric


@pytest.fixture(scope="module")
def course() -> LessonSet:
    """One small lesson (en and ko) with a choice, a true/false and a numeric item."""
    return load_lessons([COURSE], include_packaged=False)


def quiz_app(lessons: LessonSet, lang: str = "en", **plan: object) -> RnnTuiApp:
    """The app as ``rnntui quiz --count 3 --seed 5`` starts it (straight into the quiz), with
    the choices in their written order (these tests answer by position)."""
    fields = {"topic": None, "count": 3, "seed": SEED, "shuffle": False, **plan}
    return RnnTuiApp(lessons, lang=lang, save=False, quiz=QuizPlan(**fields))  # type: ignore[arg-type]


def shown(app: RnnTuiApp, selector: str) -> str:
    """The plain text of a Static on the quiz screen."""
    return str(app.screen.query_one(selector, Static).render())


def quiz(app: RnnTuiApp) -> QuizScreen:
    """The quiz screen (asserting it is on top)."""
    assert isinstance(app.screen, QuizScreen), app.screen
    return app.screen


async def test_whole_quiz_by_keys_with_korean_decimal_and_extra_enter(course) -> None:  # type: ignore[no-untyped-def]
    app = quiz_app(course, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = quiz(app)
        assert screen.quiz.session.current.type == "choice"
        assert "1. A separate weight for each time step" in shown(app, "#quiz-question")
        assert "1/2/3 Answer" in app.screen.query_one(KeyBar).plain()
        await pilot.press("1")  # wrong: its own "why" must show, not only the right answer
        await pilot.pause()
        verdict = shown(app, "#quiz-verdict")
        assert verdict.startswith("Wrong.")  # no [X]: that is the Korean convention
        assert "You answered: 1. A separate weight for each time step" in verdict
        assert "Why not: There is one W, shared by all steps." in verdict
        assert "Answer: 2. The weight applied to the current input x_t" in verdict
        assert "Lesson: Quiz demo: symbols  (l: open it)" in verdict
        await pilot.press("1", "enter")  # no effect on a verdict
        await pilot.pause()
        assert screen.state == "verdict" and screen.quiz.session.position == 1
        await pilot.press("space")
        await pilot.pause()
        assert screen.quiz.session.current.type == "truefalse"
        await pilot.press("x")  # false: right
        await pilot.pause()
        assert "Right." in shown(app, "#quiz-verdict")
        await pilot.press("space")
        await pilot.pause()
        entry = screen.query_one("#quiz-entry", Input)
        assert screen.quiz.session.current.type == "numeric"
        assert app.focused is entry and entry.cursor_blink is False
        await pilot.press("enter")  # an empty Enter (IME): ignored, the question waits
        await pilot.pause()
        assert screen.state == "ask" and screen.quiz.session.answered == 2
        await pilot.press("q")  # typed into the field, does not quit
        await pilot.press("enter")
        await pilot.pause()
        assert "not a number" in shown(app, "#quiz-status") and screen.state == "ask"
        entry.value = ""
        await pilot.press("0", "comma", "5", "space", "space", "enter", "enter")
        await pilot.pause()
        assert screen.state == "verdict", "the second Enter must not skip the verdict"
        assert "Right." in shown(app, "#quiz-verdict")
        assert "Space: see your score" in shown(app, "#quiz-verdict")
        await pilot.press("space")
        await pilot.pause()
        assert screen.state == "done"
        end = shown(app, "#quiz-question")
        assert "Score: 2/3" in end and "To review: Quiz demo: symbols (1)" in end
        await pilot.press("r")  # again: a fresh session
        await pilot.pause()
        assert screen.state == "ask" and screen.quiz.session.answered == 0
        await pilot.press("escape")  # works in the number field too
        await pilot.pause()
        assert isinstance(app.screen, LearnScreen) and app.is_running
    data = json.loads((state_dir() / "progress.json").read_text())
    items = data["items"]
    assert set(items) == {"quiz-demo/w-meaning", "quiz-demo/z-meaning", "quiz-demo/sigmoid-zero"}
    assert items["quiz-demo/w-meaning"]["correct"] == 0
    assert items["quiz-demo/z-meaning"]["correct"] == 1
    assert items["quiz-demo/sigmoid-zero"]["correct"] == 1
    assert all(r["reviews"] == 1 and r["lesson"] == "quiz-demo" for r in items.values())


async def test_korean_keys_in_hangul_mode_and_full_width_digits(course) -> None:  # type: ignore[no-untyped-def]
    app = quiz_app(course, "ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = quiz(app)
        assert "문제 1/3" in str(app.screen.query_one("#titlebar", Static).render())
        await pilot.press("3")
        await pilot.pause()
        verdict = shown(app, "#quiz-verdict")
        assert (
            verdict.startswith("[X] 틀렸습니다.")
            and "오답 이유: 그것은 순환 가중치 U입니다." in verdict
        )
        assert "1/2/3" not in app.screen.query_one(KeyBar).plain()  # answer keys gone
        await pilot.press("space", "ㅅ")  # t in Hangul mode: true (wrong)
        await pilot.pause()
        assert "내 답: 참" in shown(app, "#quiz-verdict")
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("enter", "０", "full_stop", "５", "enter", "enter")
        await pilot.pause()
        assert shown(app, "#quiz-verdict").startswith("[O] 정답입니다.")
        await pilot.press("space")
        await pilot.pause()
        assert screen.state == "done" and "점수: 1/3" in shown(app, "#quiz-question")
        await pilot.press("ㅠ")  # b in Hangul mode
        await pilot.pause()
        assert isinstance(app.screen, LearnScreen)
    assert len(ProgressStore().load().items) == 3


async def test_open_lesson_key_opens_that_lesson_and_f7_resumes(lessons) -> None:  # type: ignore[no-untyped-def]
    app = RnnTuiApp(
        lessons,
        lang="en",
        lesson_id="dropout",
        save=False,
        quiz=QuizPlan(topic="embedding", count=2, seed=3),
    )
    notes = Notes()
    async with app.run_test(size=(80, 24), message_hook=notes) as pilot:
        await pilot.pause()
        screen = quiz(app)
        question = screen.quiz.session.current
        assert question.lesson_id == "embedding" and app.lesson_id == "dropout"
        answer = {"choice": ["1"], "truefalse": ["t"], "numeric": ["1", "2", "enter"]}
        await pilot.press(*answer[question.type])
        await pilot.pause()
        assert screen.state == "verdict"
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LearnScreen)
        assert app.lesson_id == "embedding" and app.learn.lesson.id == "embedding"
        assert notes.said("F7")
        await pilot.press("f7")
        await pilot.pause()
        resumed = quiz(app)
        assert resumed.quiz.session is screen.quiz.session and resumed.state == "verdict"
        assert resumed.quiz.session.position == 1


async def test_f7_list_and_palette_open_quizzes(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("gru", "en", save=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        screen = quiz(app)
        assert screen.quiz.plan.topic == "gru"
        assert screen.quiz.session.current.lesson_id == "gru"
        await pilot.press("f5", "f6")  # lesson keys do nothing while quizzing
        await pilot.pause()
        assert app.lesson_id == "gru" and quiz(app) is screen
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("f2", "home", "down", "f7")  # F7 on the list: the highlighted lesson
        await pilot.pause()
        assert quiz(app).quiz.plan.topic == app.lesson_list()[1].id
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("f2", "end")
        await pilot.pause()
        lesson_list = app.learn.query_one(LessonList)
        assert "Quiz: all lessons" in str(
            lesson_list.get_option_at_index(lesson_list.highlighted).prompt
        )
        await pilot.press("enter")
        await pilot.pause()
        assert quiz(app).quiz.plan.topic is None
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Quiz: this lesson" in titles and "Quiz: all lessons" in titles


async def test_save_error_is_a_notice_not_a_crash(course, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from rnntui import storage

    def busy(*args: object, **kwargs: object) -> None:
        raise storage.LockBusyError("held")

    monkeypatch.setattr(ProgressStore, "record", busy)
    app = quiz_app(course, "en")
    notes = Notes()
    async with app.run_test(size=(80, 24), message_hook=notes) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert "Right." in shown(app, "#quiz-verdict")
        assert notes.said("another rnntui session is active")
        await pilot.press("space")
        await pilot.pause()
        assert quiz(app).state == "ask" and app.is_running


async def test_help_keys_and_language_on_the_quiz_screen(course) -> None:  # type: ignore[no-untyped-def]
    app = quiz_app(course, "ko")
    notes = Notes()
    async with app.run_test(size=(80, 24), message_hook=notes) as pilot:
        await pilot.pause()
        screen = quiz(app)
        for node in [screen, *screen.query("*")]:
            if type(node).__module__.startswith("rnntui."):
                assert not set(node._bindings.key_to_bindings) & FORBIDDEN, node
        plain = screen.query_one(KeyBar).plain()
        assert "1/2/3 답" in plain and "F2 목록" in plain and "F1 도움말" in plain
        assert all(len(line) <= 80 for line in plain.splitlines())
        for ch in plain + shown(app, "#quiz-question"):
            assert ord(ch) < 0x2000 or "\uac00" <= ch <= "\ud7a3", ch
        await pilot.press("f3")  # the quiz keeps its language and says so
        await pilot.pause()
        assert app.lang == "ko" and notes.said("F3")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "## 퀴즈" in app.screen.markdown and "| F2 / b / Esc | 목록 |" in app.screen.markdown
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is screen and app.is_running
        await pilot.resize_terminal(60, 20)
        await pilot.press("1")
        await pilot.pause()
        verdict = screen.query_one("#quiz-verdict")
        assert verdict.region and screen.query_one("#quiz-body").region.contains_region(
            verdict.region.intersection(screen.query_one("#quiz-body").region)
        )


async def test_unknown_topic_at_start_exits_with_2(course) -> None:  # type: ignore[no-untyped-def]
    app = quiz_app(course, "en", topic="no-such-topic")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert app.return_code == 2


async def test_unknown_topic_from_the_app_is_a_warning(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("gru", "en", save=False)
    notes = Notes()
    async with app.run_test(size=(80, 24), message_hook=notes) as pilot:
        await pilot.pause()
        app.lesson_id = "no-such-lesson"
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, LearnScreen) and app.is_running
        assert notes.said("no-such-lesson")


def test_launch_quiz_uses_the_terminal_guard(capfd) -> None:  # type: ignore[no-untyped-def]
    from rnntui.launch import launch_quiz

    code = launch_quiz(topic=None, count=3, seed=1, lang="en", lessons_dirs=[])
    assert code == 2 and "tty" in capfd.readouterr().err


def test_quiz_strings_have_no_ambiguous_width_symbols() -> None:
    import unicodedata

    from rnntui.ui.screens import quiz_text
    from rnntui.ui.strings import STRINGS

    texts = [s for key, pair in STRINGS.items() if key.startswith("quiz.") for s in pair]
    texts += [*quiz_text.HELP.values(), *quiz_text.LABELS_KO.values()]
    for text in texts:
        assert unicodedata.normalize("NFC", text) == text
        odd = {
            c
            for c in text
            if ord(c) > 0x7F
            and (unicodedata.east_asian_width(c) == "A" or unicodedata.category(c) == "So")
        }
        assert not odd, (text, odd)
