"""LessonText draws the same text as Textual's Markdown widget (the oracle), cell for cell:
every construct the lessons use (headings of every level, paragraphs with inline code, bold,
italics and hard breaks, nested bullet and ordered lists, fences inside lists, indented code,
block quotes, tables, long words, Korean) at several widths."""

from __future__ import annotations

from pathlib import Path

import pytest

from rnntui.ui.widgets.lesson_plan import plan
from tests.ui.lesson_text_compare import render_both

HERE = Path(__file__).parent
LESSONS = HERE.parents[1] / "lessons"
SAMPLE = (HERE / "lesson_text_sample.md").read_text(encoding="utf-8")


def body(path: Path) -> str:
    """A lesson file's Markdown body (directives left as written: they are text here)."""
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[1]


@pytest.mark.parametrize("width", [40, 121])
async def test_sample_matches_textual_markdown(width: int) -> None:
    ((textual, ours),) = await render_both([SAMPLE], width, height=160)
    assert len(textual) > 40  # the sample really was drawn
    assert ours == textual


async def test_a_lesson_with_a_quote_and_tables_matches() -> None:
    files = [LESSONS / "en" / "10-stacking.md"]
    for textual, ours in await render_both([body(f) for f in files], 80):
        assert ours == textual


@pytest.mark.slow
@pytest.mark.parametrize("width", [60, 100])
async def test_every_packaged_lesson_matches(width: int) -> None:
    files = sorted(LESSONS.glob("*/*.md"))
    files = [f for f in files if f.name.lower() != "readme.md"]
    for textual, ours in await render_both([body(f) for f in files], width):
        assert ours == textual


def test_unsupported_markdown_falls_back() -> None:
    assert plan("A [link](https://example.com).") is None
    assert plan("---\n\ntext\n\n***\n") is None
    assert plan("- item\n\n  | a |\n  |---|\n  | 1 |\n") is None
    assert plan("Plain **text**.") is not None
