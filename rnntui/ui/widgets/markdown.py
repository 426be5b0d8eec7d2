"""Markdown with ASCII list bullets (Textual's bullets are East-Asian-ambiguous symbols)."""

from __future__ import annotations

from typing import ClassVar

from textual.widgets import Markdown


class LessonMarkdown(Markdown):
    """Textual's Markdown widget with ``-`` / ``*`` / ``+`` bullets."""

    BULLETS: ClassVar[list[str]] = ["- ", "* ", "+ ", "- ", "* "]
