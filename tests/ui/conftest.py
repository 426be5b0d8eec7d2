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
