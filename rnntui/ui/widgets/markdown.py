"""Markdown with ASCII list bullets (Textual's bullets are East-Asian-ambiguous symbols), and
code fences without a language shown as plain text.

Textual highlights a fence with no language by asking Pygments to guess it, which imports every
Pygments lexer: about 25 MB of memory and a slower first frame for any lesson with a plain
fence. Lessons name a language when they want colours (```python).
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Markdown
from textual.widgets.markdown import MarkdownBlock, MarkdownFence


class PlainFence(MarkdownFence):
    """A code fence; "text" when the lesson names no language (no guessing)."""

    @classmethod
    def highlight(cls, code: str, language: str, ansi: bool = False, dark: bool = False) -> Content:
        return super().highlight(code, language or "text", ansi=ansi, dark=dark)


class LessonMarkdown(Markdown):
    """Textual's Markdown widget with ``-`` / ``*`` / ``+`` bullets and plain fences."""

    BULLETS: list[str] = ["- ", "* ", "+ ", "- ", "* "]  # noqa: RUF012 (as Textual declares it)
    BLOCKS: dict[str, type[MarkdownBlock]] = {  # noqa: RUF012 (as Textual declares it)
        **Markdown.BLOCKS,
        "fence": PlainFence,
        "code_block": PlainFence,
    }
