"""A seeded monkey: random keys (letters, digits, arrows, Tab, Enter, Escape, F-keys, Korean)
on every lesson and panel, the help, the display check, the quiz and the palette, at three
terminal sizes. Zero exceptions, no NumPy warnings, no panel error, the app never dies.

CI runs ~1,500 keys; the full 10,000 run is ``pytest -m slow tests/ui/test_monkey.py`` (or
``python bench/run_all.py --monkey``). A failure names the seed, lesson and last keys, so
``run_monkey(seed=..., keys=...)`` replays it.

Keys are posted the way the terminal driver posts them, in bursts of up to 8 (a fast typist or
a paste over ssh), and Pilot waits for the app to settle after each burst.
"""

from __future__ import annotations

import random
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest
from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

from rnntui.content.loader import LessonSet
from rnntui.ui.app import RnnTuiApp
from rnntui.ui.screens.learn import LearnScreen

from .helpers import settle

if TYPE_CHECKING:
    from textual.screen import Screen

pytestmark = [
    pytest.mark.filterwarnings("error::RuntimeWarning"),
    pytest.mark.usefixtures("in_tmp_cwd"),  # k then s saves a script to the current folder
]

CI_KEYS = 1_500
BURST = 16
FULL_KEYS = 10_000
SIZES = [(80, 24), (60, 20), (120, 36)]
WEIGHTED: list[tuple[int, list[str]]] = [
    (20, list("abcdefghijklmnoprstuvwxyz")),  # no q: it quits from the lesson screen
    (12, list("0123456789")),
    (16, ["up", "down", "left", "right"]),
    (6, ["tab", "shift+tab"]),
    (5, ["enter"]),
    (3, ["escape"]),
    (
        10,
        [
            "space",
            "backspace",
            "pageup",
            "pagedown",
            "home",
            "end",
            "plus",
            "minus",
            "shift+left",
            "shift+right",
        ],
    ),
    (6, ["가", "한", "글", "값", "ㄱ", "，", "０"]),
    (1, [f"f{k}" for k in range(1, 11)]),  # rare: each redraws a lot (0.1-0.5 s)
]
MACROS: list[list[str]] = [["f4"], ["f1"], ["f1", "d"], ["f7"], ["ctrl+p"], ["f2"], ["f3"]]
"""Sequences that reach every screen (help, display check, quiz, palette, list)."""


def key_event(key: str) -> events.Key:
    """The Key event Textual's driver would post for ``key`` (as Pilot builds it)."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    original = REPLACED_KEYS.get(key, key)
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


def random_keys(rng: random.Random, count: int) -> list[str]:
    """``count`` keys from the weighted alphabet, with a macro now and then."""
    weights = [w for w, _ in WEIGHTED]
    out: list[str] = []
    while len(out) < count:
        if rng.random() < 0.01:
            out += rng.choice(MACROS)
        else:
            out.append(rng.choice(rng.choices(WEIGHTED, weights)[0][1]))
    return out[:count]


@dataclass
class MonkeyReport:
    """What a run did: keys sent, screens entered, lessons visited, app restarts."""

    keys: int = 0
    screens: Counter[str] = field(default_factory=Counter)
    lessons: set[str] = field(default_factory=set)
    restarts: int = 0


Segment = tuple[int, str, list[str]]
"""(index, lesson id, keys still to send)."""


async def start_segment(app: RnnTuiApp, pilot, index: int, lesson_id: str) -> None:  # type: ignore[no-untyped-def]
    """Back on the lesson screen, at this segment's size and language, on its lesson."""
    while len(app.screen_stack) > 1:
        await app.pop_screen()
    await pilot.resize_terminal(*SIZES[index % len(SIZES)])
    if app.lang != ("en", "ko")[index % 2]:
        app.lesson_id = lesson_id  # F3 reopens this lesson in the other language
        app.action_toggle_lang()
    else:
        app.open_lesson(lesson_id)
    await pilot.pause()


async def drive(
    app: RnnTuiApp, plan: list[Segment], seed: int, report: MonkeyReport
) -> list[Segment]:
    """Run the segments in one app, keys in bursts; the rest of the plan if the app quit."""

    def entered(screen: Screen) -> None:
        report.screens[type(screen).__name__] += 1

    async with app.run_test(size=SIZES[0]) as pilot:
        app.screen_change_signal.subscribe(app, entered, immediate=True)
        await pilot.pause()
        while plan:
            index, lesson_id, keys = plan[0]
            await start_segment(app, pilot, index, lesson_id)
            sent = 0
            while sent < len(keys):
                burst = keys[sent : sent + BURST]
                for key in burst:
                    event = key_event(key)
                    event.set_sender(app)
                    app._driver.send_message(event)  # type: ignore[union-attr]
                sent += len(burst)
                report.keys += len(burst)
                await pilot.pause()
                context = (
                    f"seed {seed}, lesson {lesson_id} (segment {index}), keys "
                    f"{sent - len(burst)}..{sent}, last keys {keys[max(0, sent - 30) : sent]}"
                )
                assert app._exception is None, f"{context}: {app._exception!r}"
                if not app.is_running:  # e.g. "Quit" picked in the palette: start again
                    return [(index, lesson_id, keys[sent:]), *plan[1:]]
                learn = app.screen_stack[0]
                if isinstance(learn, LearnScreen) and learn.panel is not None:
                    error = learn.panel.last_error
                    assert error is None, f"{context}: panel {learn.panel.NAME}: {error!r}"
                if app.lesson_id:
                    report.lessons.add(app.lesson_id)
            plan = plan[1:]
    assert app._exception is None, f"seed {seed}: {app._exception!r}"
    return plan


async def run_monkey(lessons: LessonSet, seed: int, keys: int, save: bool = False) -> MonkeyReport:
    """``keys`` random keys spread over every lesson: one segment per lesson, ko and en in
    turn, at three terminal sizes (resized live); a new app only if one quits."""
    rng = random.Random(seed)
    report = MonkeyReport()
    ids = lessons.ids()
    per_lesson = max(1, keys // len(ids))
    plan = []
    for k, lesson_id in enumerate(ids):  # each segment opens with the panel and one macro
        opener = ["f4", *MACROS[k % len(MACROS)]]
        plan.append((k, lesson_id, [*opener, *random_keys(rng, per_lesson - len(opener))]))
    while plan:
        app = RnnTuiApp(lessons, lang="en", lesson_id=plan[0][1], save=save)
        plan = await drive(app, plan, seed, report)
        report.restarts += bool(plan)
    return report


SCREENS = {"LearnScreen", "HelpScreen", "DisplayCheckScreen", "SafeCommandPalette", "QuizScreen"}


async def test_monkey_ci(lessons: LessonSet) -> None:
    report = await run_monkey(lessons, seed=2024, keys=CI_KEYS)
    assert report.keys >= CI_KEYS - len(lessons.ids())
    assert SCREENS <= set(report.screens), report.screens
    assert set(lessons.ids()) <= report.lessons


@pytest.mark.slow
async def test_monkey_full(lessons: LessonSet, request: pytest.FixtureRequest) -> None:
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("the 10,000-key run: pytest -m slow tests/ui/test_monkey.py")
    report = await run_monkey(lessons, seed=10_000, keys=FULL_KEYS, save=True)
    assert report.keys >= FULL_KEYS - len(lessons.ids())
    assert SCREENS <= set(report.screens), report.screens
    print(f"monkey: {report.keys} keys, {report.restarts} restarts, screens {report.screens}")


async def test_enter_enter_in_the_palette_closes_it_once(make_app) -> None:  # type: ignore[no-untyped-def]
    """The burst the monkey found: a second Enter used to pop the lesson screen and crash."""
    app = make_app("lstm", "en", save=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"cont")
        await settle(pilot)
        for key in ("enter", "enter", "enter"):
            event = key_event(key)
            event.set_sender(app)
            app._driver.send_message(event)  # type: ignore[union-attr]
        await settle(pilot)
        assert isinstance(app.screen, LearnScreen) and app._exception is None


async def test_page_down_before_the_palette_list_is_drawn(make_app) -> None:  # type: ignore[no-untyped-def]
    """The second burst the monkey found: PgDn right after the first letter raised KeyError."""
    app = make_app("symbols", "ko", save=False)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("ctrl+p", "i", "pagedown", "pageup", "pagedown", "escape", "escape"):
            event = key_event(key)
            event.set_sender(app)
            app._driver.send_message(event)  # type: ignore[union-attr]
        await settle(pilot)
        assert app._exception is None and app.is_running


async def test_page_keys_on_the_lesson_list_right_after_it_opens(make_app) -> None:  # type: ignore[no-untyped-def]
    """The third burst: F3 F2 Tab PgDn raised KeyError in the just-shown lesson list."""
    app = make_app("what-is-rnn", "en", save=False)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("f3", "f2", "tab", "pagedown", "pageup", "pagedown"):
            event = key_event(key)
            event.set_sender(app)
            app._driver.send_message(event)  # type: ignore[union-attr]
        await settle(pilot)
        assert app._exception is None and app.is_running


async def test_k_then_s_saves_into_the_private_folder(make_app, in_tmp_cwd) -> None:  # type: ignore[no-untyped-def]
    """What the monkeys may type: F4, k (the panel's code) then s (save) writes a file to the
    current folder, which for these tests is a temporary one (the ``in_tmp_cwd`` fixture)."""
    from pathlib import Path

    app = make_app("lstm", "en", save=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4", "k")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
    assert Path.cwd() == in_tmp_cwd
    assert [p.suffix for p in in_tmp_cwd.iterdir()] == [".py"]
