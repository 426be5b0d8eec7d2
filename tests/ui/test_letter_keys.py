"""Every F-key action also has a key any terminal sends, and a palette command."""

from __future__ import annotations

import pytest

from rnntui.ui.app import RnnTuiApp


async def test_letter_keys_do_what_the_f_keys_do(make_app) -> None:  # type: ignore[no-untyped-def]
    app: RnnTuiApp = make_app("lstm", "en", save=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.lesson_id == "lstm"
        await pilot.press("right_square_bracket")
        assert app.lesson_id == "gru"
        await pilot.press("left_square_bracket")
        assert app.lesson_id == "lstm"
        await pilot.press("v")
        assert app.learn.has_class("-show-panel")
        assert app.focused is not None and app.learn.panel in app.focused.ancestors
        await pilot.press("v")
        assert not app.learn.has_class("-show-panel")
        await pilot.press("l")
        assert app.learn.has_class("-list")
        await pilot.press("l")  # the list has the focus: l is its key too
        await pilot.press("escape")


async def test_hangul_mode_jamo_reach_the_same_actions(make_app) -> None:  # type: ignore[no-untyped-def]
    app: RnnTuiApp = make_app("lstm", "ko", save=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ㅍ")
        assert app.learn.has_class("-show-panel")


async def test_question_mark_opens_help_with_its_close_key_first(make_app) -> None:  # type: ignore[no-untyped-def]
    from rnntui.ui.screens.help import HelpScreen

    app: RnnTuiApp = make_app("lstm", "en", save=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize(
    ("lang", "word", "lesson"), [("en", "forget", "lstm"), ("ko", "망각", "lstm")]
)
async def test_palette_finds_a_lesson_by_glossary_word(
    make_app, lang: str, word: str, lesson: str
) -> None:  # type: ignore[no-untyped-def]
    app: RnnTuiApp = make_app("what-is-rnn", lang, save=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        hits = [t for t in titles if word in t.lower()]
        assert hits, titles
        assert any(f"({lesson})" in t for t in titles)
        for action in ("F2 / l", "F4 / v", "F5 / [", "F6 / ]", "F3 / L", "F1 / ?"):
            assert action in [c.help for c in app.get_system_commands(app.screen)]


async def test_lesson_list_at_80x24_hides_the_panel_instead_of_squeezing_it(make_app) -> None:  # type: ignore[no-untyped-def]
    app: RnnTuiApp = make_app("lstm", "en", save=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        panel = app.learn.panel
        assert panel is not None
        width = panel.size.width
        await pilot.press("f2")
        await pilot.pause()
        assert app.learn.query_one("#lessons").size.width >= 76  # the whole width (less padding)
        assert not app.learn.query_one("#panel-pane").display
        await pilot.press("f2")
        await pilot.pause()
        assert app.learn.query_one("#panel-pane").display and panel.size.width == width


async def test_panel_letter_keys_answer_to_jamo(make_app) -> None:  # type: ignore[no-untyped-def]
    """Hangul input mode: x (ㅌ) stops forcing a gate, r (ㄱ) resets the panel."""
    from rnntui.ui.widgets.force import ForceStepper

    app: RnnTuiApp = make_app("lstm", "ko", save=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        force = app.learn.panel.query_one("#force-f", ForceStepper)
        force.focus()
        await pilot.press("0")
        assert force.mode == "value"
        await pilot.press("ㅌ")
        assert force.mode == "off"
        await pilot.press("0", "ㄱ")
        await pilot.pause()
        assert force.mode == "off"


async def test_lesson_list_shows_quiz_progress_of_started_lessons(make_app) -> None:  # type: ignore[no-untyped-def]
    from rnntui.quiz.report import LessonProgress
    from rnntui.ui.widgets.lesson_list import LessonList

    app: RnnTuiApp = make_app("lstm", "en", save=False)
    stats = LessonProgress(
        lesson_id="lstm",
        order=4,
        title="LSTM",
        items=9,
        tried=3,
        reviews=4,
        correct=3,
        due_now=2,
        next_due=None,
    )
    app.lesson_progress = lambda: {"lstm": stats}  # type: ignore[method-assign]
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        lessons = app.learn.query_one(LessonList)
        prompts = [str(lessons.get_option_at_index(k).prompt) for k in range(lessons.option_count)]
        lstm = next(p for p in prompts if p.startswith("> 4."))
        assert lstm.endswith("quiz 3/9, 75% right, 2 due")
        assert not any("quiz" in p and p.startswith("  3.") for p in prompts)  # untried
