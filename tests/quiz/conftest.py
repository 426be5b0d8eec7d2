"""Quiz fixtures: small hand-made lessons (independent of the lesson files) and a progress store.

The top-level conftest already points RNNTUI_STATE_DIR / RNNTUI_CONFIG_DIR at a temp dir.
"""

from __future__ import annotations

import pytest

from rnntui.content.model import Lesson
from rnntui.quiz.progress import ProgressStore

from .helpers import Clock, make_lessons


@pytest.fixture
def lessons() -> list[Lesson]:
    return make_lessons()


@pytest.fixture
def store() -> ProgressStore:
    return ProgressStore().load()


@pytest.fixture
def clock() -> Clock:
    return Clock()
