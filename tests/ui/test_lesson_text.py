"""LessonText draws the same text as Textual's Markdown widget (the oracle), cell for cell:
every construct the lessons use (headings of every level, paragraphs with inline code, bold,
italics and hard breaks, nested bullet and ordered lists, fences inside lists, indented code,
block quotes, tables, long words, Korean) at several widths."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rnntui.ui.theme import CONTRAST_THEME, DEFAULT_THEME
from rnntui.ui.widgets.lesson_plan import plan
from tests.ui.lesson_text_compare import render_both, render_both_cells

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


def with_tables() -> list[Path]:
    """The packaged lessons that have a table, both languages."""
    files = sorted(LESSONS.glob("*/[0-9]*.md"))
    return [f for f in files if "\n|" in body(f)]


Cell = tuple[str, str, str]


def close(ours: list[list[Cell]], textual: list[list[Cell]]) -> list[tuple[int, int]]:
    """The cells that differ, colours compared with a tolerance of 6/255 per channel: a
    quote's bar and background are blended in another order than in Textual's widget (one
    to four steps apart, not to be seen); anything else must be the same."""
    hexes = re.compile(r"#([0-9a-f]{6})")

    def norm(text: str) -> tuple[str, list[tuple[int, ...]]]:
        colours = [tuple(bytes.fromhex(h)) for h in hexes.findall(text)]
        return hexes.sub("#", text), colours

    bad = []
    for r, (mine, theirs) in enumerate(zip(ours, textual, strict=True)):
        for c, (a, b) in enumerate(zip(mine, theirs, strict=True)):
            if a == b:
                continue
            (ta, ca), (tb, cb) = norm("|".join(a)), norm("|".join(b))
            if ta != tb or len(ca) != len(cb):
                bad.append((r, c))
                continue
            pairs = zip(ca, cb, strict=True)
            if not all(abs(x - y) <= 6 for p, q in pairs for x, y in zip(p, q, strict=True)):
                bad.append((r, c))
    return bad


@pytest.mark.parametrize("theme", [DEFAULT_THEME, CONTRAST_THEME])
async def test_lessons_with_tables_have_the_same_colours(theme: str) -> None:
    """Cell for cell with colours, text styles and backgrounds, in both of the app's themes
    (inline code in a table cell, the header row, the keyline, headings' underlines, fences,
    quotes), every packaged lesson with a table."""
    files = [f for f in sorted(LESSONS.glob("*/[0-9]*.md")) if "\n|" in body(f)]
    assert len(files) >= 10
    shots = await render_both_cells([body(f) for f in files], 80, theme=theme)
    for path, (textual, ours) in zip(files, shots, strict=True):
        assert close(ours, textual) == [], path.name


@pytest.mark.parametrize("theme", [DEFAULT_THEME, CONTRAST_THEME])
async def test_the_sample_has_the_same_colours(theme: str) -> None:
    ((textual, ours),) = await render_both_cells([SAMPLE], 60, height=160, theme=theme)
    assert close(ours, textual) == []


def test_unsupported_markdown_falls_back() -> None:
    assert plan("A [link](https://example.com).") is None
    assert plan("---\n\ntext\n\n***\n") is None
    assert plan("- item\n\n  | a |\n  |---|\n  | 1 |\n") is None
    assert plan("Plain **text**.") is not None
