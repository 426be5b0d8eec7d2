"""Fixtures for the UI tests: private settings/state dirs, the lessons, an app factory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rnntui.content.loader import LessonSet, load_lessons


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Settings and progress go to a temporary folder, never the real home."""
    monkeypatch.setenv("RNNTUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RNNTUI_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    monkeypatch.delenv("RNNTUI_LESSONS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield tmp_path


@pytest.fixture
def in_tmp_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in a private working directory (tmux sessions started from here inherit it): a
    monkey that presses k and then s saves a script to the current folder."""
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


@pytest.fixture(scope="session")
def lessons() -> LessonSet:
    """The packaged lessons (loaded once)."""
    return load_lessons()


@pytest.fixture
def make_app(lessons: LessonSet):  # type: ignore[no-untyped-def]
    """``make_app(lesson_id, lang)`` -> a fresh RnnTuiApp."""
    from rnntui.ui.app import RnnTuiApp

    def factory(lesson_id: str = "lstm", lang: str = "en", save: bool = True) -> RnnTuiApp:
        return RnnTuiApp(lessons, lang=lang, lesson_id=lesson_id, save=save)

    return factory


PROSE = "Lesson text: a fixed stand-in, so that editing a lesson never changes a panel snapshot."


@pytest.fixture(scope="session")
def prose_free_lessons(lessons: LessonSet) -> LessonSet:
    """The packaged lessons with every body replaced by one fixed line (titles, panels and
    presets kept): what the panel snapshots are taken with."""
    from dataclasses import replace

    return LessonSet(
        lessons=[replace(x, body=f"# {x.title}\n\n{PROSE}\n") for x in lessons.lessons],
        problems=list(lessons.problems),
    )


@pytest.fixture
def make_panel_app(prose_free_lessons: LessonSet):  # type: ignore[no-untyped-def]
    """``make_panel_app(lesson_id, lang)``: like ``make_app``, on the prose-free lessons."""
    from rnntui.ui.app import RnnTuiApp

    def factory(lesson_id: str = "lstm", lang: str = "en", save: bool = False) -> RnnTuiApp:
        return RnnTuiApp(prose_free_lessons, lang=lang, lesson_id=lesson_id, save=save)

    return factory


@pytest.fixture
def snap(snap_compare):  # type: ignore[no-untyped-def]
    """``snap_compare`` that presses its keys in ``run_before`` and then waits for a settled
    screen (snap_compare alone takes the shot one pause after the last key)."""

    def compare(app, *, terminal_size, press=(), run_before=None):  # type: ignore[no-untyped-def]
        from tests.ui.helpers import settle

        async def before(pilot) -> None:  # type: ignore[no-untyped-def]
            if run_before is not None:
                await run_before(pilot)
            if press:
                await pilot.press(*press)
            await settle(pilot)

        return snap_compare(app, terminal_size=terminal_size, run_before=before)

    return compare
