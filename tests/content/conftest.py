"""Fixtures for the lesson loader tests: a private environment and small course folders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from rnntui.content.loader import clear_cache

from .lesson_fixtures import lesson_text


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No RNNTUI_LESSONS from the developer's shell, private settings, a fresh parse cache."""
    monkeypatch.delenv("RNNTUI_LESSONS", raising=False)
    monkeypatch.setenv("RNNTUI_CONFIG_DIR", str(tmp_path / "config"))
    clear_cache()


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A course folder with two valid English lessons: good-one and good-two."""
    root = tmp_path / "course"
    (root / "en").mkdir(parents=True)
    (root / "en" / "01-good-one.md").write_text(lesson_text("good-one", 1), encoding="utf-8")
    (root / "en" / "02-good-two.md").write_text(lesson_text("good-two", 2), encoding="utf-8")
    return root


@pytest.fixture
def add_file(course: Path) -> Callable[[str | bytes, str], Path]:
    """Write text or bytes to ``course/en/NAME`` and return its path."""

    def write(content: str | bytes, name: str = "09-broken.md") -> Path:
        path = course / "en" / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write
