"""Markdown with ASCII list bullets (Textual's bullets are East-Asian-ambiguous symbols), and
code fences without a language shown as plain text.

Textual highlights a fence with no language by asking Pygments to guess it, which imports every
Pygments lexer: about 25 MB of memory and a slower first frame for any lesson with a plain
fence. Lessons name a language when they want colours (```python).
"""

from __future__ import annotations

from textual.await_complete import AwaitComplete
from textual.content import Content
from textual.widget import Widget
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


def show_lesson_text(pane: Widget, body: str) -> AwaitComplete:
    """Put ``body`` into the lesson text pane as ``#lesson-text``: a LessonText when it can lay
    the lesson out (rnntui.ui.widgets.lesson_text), else this LessonMarkdown; the widget
    already there is updated when it is of the right kind."""
    from rnntui.ui.widgets.lesson_text import LessonText, plan

    blocks = plan(body)
    current = pane.children[0] if pane.children else None
    if blocks is not None:
        if isinstance(current, LessonText):
            return AwaitComplete(current.update(blocks))
        new: Widget = LessonText(blocks, id="lesson-text")
    else:
        if isinstance(current, LessonMarkdown):
            return current.update(body)
        new = LessonMarkdown(body, id="lesson-text")

    async def replace() -> None:
        with pane.app.batch_update():
            await pane.remove_children()
            await pane.mount(new)

    return AwaitComplete(replace())
