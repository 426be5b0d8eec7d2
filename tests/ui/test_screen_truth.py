"""What the student sees is what the app drew: the real ``rnntui`` in tmux at 80x24.

On every lesson, in both languages, a seeded random mix of the panel's keys is pressed; after
every few keys the terminal's screen is compared, cell for cell, with the screen after a forced
full repaint of the same state (F11 with the test hooks on: every widget laid out and drawn
again, every cell of the screen sent). A stale character left by an
earlier frame shows up as a difference, named with the lesson, the keys and the row.

Waits are for states, never for times: F12 (with RNNTUI_SYNC_FILE set, see ui/app.py) makes the
app write a counter to a file once every key before it is handled and the screen repainted,
and a screen counts as settled when two such syncs in a row show the same text.
"""

from __future__ import annotations

import random
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.tmux_harness import SyncedApp, Tmux

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

LESSONS = len(list((Path(__file__).parents[2] / "lessons" / "en").glob("*.md")))
"""Lessons in the packaged set (the header shows N/LESSONS)."""
PANEL_KEYS = [
    "Tab",
    "Tab",
    "Tab",
    "BTab",
    "Left",
    "Right",
    "Right",
    "Up",
    "Down",
    "PPage",
    "NPage",
    "Space",
    "0",
    "1",
    "x",
    "r",
    "Right",
    "Left",
]
"""Keys every panel reads (steppers, toggles, forcing, grid moves, reset); typed values are
added as Enter + digits + Enter. Keys that notify (and so change the screen on a timer) or
leave the panel (F1, F2, F3, F7, q) are not in the mix."""
TYPED = ["0,5", "2", "-1", "0.25", "3"]


def differences(seen: str, fresh: str) -> list[str]:
    """``row N: seen | fresh`` for every row that differs."""
    a, b = seen.splitlines(), fresh.splitlines()
    rows = max(len(a), len(b))
    a += [""] * (rows - len(a))
    b += [""] * (rows - len(b))
    return [
        f"row {k}: seen  {x!r}\n        fresh {y!r}"
        for k, (x, y) in enumerate(zip(a, b, strict=True))
        if x != y
    ]


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    mux = Tmux(tmp_path)
    yield mux
    mux.run("kill-server")


def open_app(tmux: Tmux, tmp_path: Path, lang: str) -> SyncedApp:
    sync_file = tmp_path / f"sync-{lang}"
    tmux.start(
        lang,
        {"LANG": "C.UTF-8", "TERM": "xterm-256color", "RNNTUI_SYNC_FILE": str(sync_file)},
        [sys.executable, "-m", "rnntui", "--lesson", "what-is-rnn", "--lang", lang],
    )
    session = SyncedApp(tmux, lang, sync_file)
    deadline = time.monotonic() + 60
    while f"1/{LESSONS}" not in tmux.screen(lang):
        assert time.monotonic() < deadline, tmux.screen(lang)
        time.sleep(0.05)
    return session


def random_keys(rng: random.Random, count: int) -> list[str]:
    """``count`` panel keys; now and then a typed value (Enter, text, Enter)."""
    keys: list[str] = []
    while len(keys) < count:
        if rng.random() < 0.12:
            keys += ["Enter", rng.choice(TYPED), "Enter"]
        else:
            keys.append(rng.choice(PANEL_KEYS))
    return keys


def check_every_lesson(
    tmux: Tmux, tmp_path: Path, lang: str, rounds: int, per_round: int, seed: int
) -> None:
    rng = random.Random(seed)
    app = open_app(tmux, tmp_path, lang)
    failures: list[str] = []
    for lesson in range(1, LESSONS + 1):
        screen = app.settled()
        assert f"{lesson}/{LESSONS}" in screen.splitlines()[0], screen
        app.keys("F4")  # the panel (80x24 shows one pane at a time)
        pressed = ["F4"]
        for _ in range(rounds):
            keys = random_keys(rng, per_round)
            for key in keys:
                if key in TYPED:
                    app.keys("-l", key)  # typed text, character by character
                else:
                    app.keys(key)
            pressed += keys
            seen = app.settled()
            fresh = app.repainted()
            diff = differences(seen, fresh)
            if diff:
                failures.append(f"{lang} lesson {lesson} after keys {pressed}:\n" + "\n".join(diff))
        app.keys("F6")  # the next lesson (the panel stays shown)
    assert not failures, "\n\n".join(failures[:5])


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_screen_equals_a_fresh_repaint_on_every_lesson(
    tmux: Tmux, tmp_path: Path, lang: str
) -> None:
    check_every_lesson(tmux, tmp_path, lang, rounds=2, per_round=6, seed=7)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_screen_equals_a_fresh_repaint_many_keys(tmux: Tmux, tmp_path: Path, lang: str) -> None:
    check_every_lesson(tmux, tmp_path, lang, rounds=12, per_round=10, seed=11)
