"""Tables drawn by LessonText (rnntui.ui.widgets.table_layout) are Textual's Markdown tables:
the column widths are those of Textual's own grid arithmetic for any wanted widths, minimums
and room, and the screen is the same cell for cell in characters and colours (the exported
screenshots of both, dark theme). The text of every packaged table at several widths is
compared in tests/ui/test_lesson_text.py."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from textual._resolve import resolve  # the oracle (tests only)
from textual.css.scalar import Scalar
from textual.geometry import Size

from rnntui.ui.widgets.lesson_text import LessonText, plan
from rnntui.ui.widgets.markdown import LessonMarkdown
from rnntui.ui.widgets.table_layout import column_widths
from tests.ui.lesson_text_compare import Compare
from tests.ui.test_lesson_text import LESSONS, body

CELL_W, CELL_H = 12.2, 24.4
"""A cell's size in Textual's exported SVG."""


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(2, 60), st.integers(0, 30)), min_size=1, max_size=6),
    st.integers(1, 200),
)
def test_column_widths_are_textuals(columns: list[tuple[int, int]], total: int) -> None:
    wanted = [w for w, _ in columns]
    least = [min(w, 2 + m) for w, m in columns]
    scalars = [Scalar.from_number(w) for w in wanted]
    size = Size(total, 10)
    expected = resolve(scalars, total, 1, size, size, expand=True, shrink=True, minimums=least)
    assert column_widths(wanted, least, total) == [width for _, width in expected]


def cells(svg: str) -> tuple[list[tuple[str, str]], dict[tuple[int, int], str]]:
    """The screenshot's visible characters with their colour, in order, and each cell's
    background colour."""
    classes = dict(re.findall(r"\.(terminal-[\w-]*?r\d+) \{ ([^}]*)\}", svg))
    ink = [
        (char, classes.get(name, "?"))
        for name, text in re.findall(r'class="(terminal-[\w-]*?r\d+)"[^>]*>([^<]*)<', svg)
        for char in html.unescape(text)
        if char.strip()
    ]
    paper: dict[tuple[int, int], str] = {}
    rects = re.findall(r'<rect fill="(#[0-9a-f]+)" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"', svg)
    for fill, x, y, w in rects:
        first, row = round(float(x) / CELL_W), round(float(y) / CELL_H)
        for column in range(first, first + round(float(w) / CELL_W)):
            paper[(row, column)] = fill
    return ink, paper


async def test_tables_look_the_same_as_textuals() -> None:
    tables = []
    for name in ("en/01-what-is-rnn.md", "ko/08-bidirectional.md", "ko/01-what-is-rnn.md"):
        tables += re.findall(r"(?m)(?:^\|.*\n)+", body(LESSONS / name))
    text = "Words before.\n\n" + "\nAnd after.\n\n".join(tables)
    app = Compare()
    async with app.run_test(size=(72, 90)) as pilot:
        pane = app.query_one("#pane")
        shots = []
        for widget in (LessonMarkdown(text, id="lesson-text"), LessonText(plan(text) or [])):
            await pane.mount(widget)
            await pilot.pause()
            await pilot.pause()
            shots.append(cells(app.export_screenshot()))
            await widget.remove()
    (textual_ink, textual_paper), (our_ink, our_paper) = shots
    assert sum(char == "\u253c" for char, _ in textual_ink) > 10  # the tables were drawn
    assert our_ink == textual_ink
    assert our_paper == textual_paper
