"""A Markdown table laid out as Textual's ``MarkdownTable`` lays it out, as lines of Content.

Textual draws a table as a grid of ``Static`` cells (``grid-columns: auto; grid-gutter: 1 1;
padding: 0 1``, a thin keyline around every cell, ``text-overflow: ellipsis``, the header's
cells ``content-align: left bottom`` in ``$primary``) and sizes the columns with its grid
layout (``GridLayout`` with ``auto_minimum``, ``expand`` and ``shrink``; ``textual._resolve``):
each column's wanted width is its widest line plus the padding, spread over the width the
keyline leaves (grown in proportion when there is room; when there is not, cut column by
column down to its longest word, then all in proportion), with cell edges at the floors of
the running sums. This module does the same arithmetic, so the cells, their wrapping and the
lines are the same cell for cell (tests/ui/test_lesson_text.py compares both), in the same
colours with a dark theme. (A light theme gives Textual's table ``background: white 30%``;
here the table keeps the pane's background: a component style's ``white 30%`` came out
darker, not lighter, and was left out.)
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from itertools import accumulate

from textual.content import Content

LINE = ".table_line"
"""Style of the keyline (Prose: ``$foreground 20%``, as ``keyline: thin $foreground 20%``)."""
HEADER = ".table_header"
"""Style of a header cell's text (Prose: ``$primary``)."""


def wanted_width(cell: Content) -> int:
    """A cell's widest line plus its padding (Static's optimal width, ``padding: 0 1``)."""
    return max((Content(line).cell_length for line in cell.plain.split("\n")), default=0) + 2


def least_width(cell: Content) -> int:
    """A cell's longest word plus its padding (Content.get_minimal_width, 0 when blank)."""
    words = cell.plain.split()
    return (max(Content(word).cell_length for word in words) if words else 0) + 2


def column_widths(wanted: Sequence[int], least: Sequence[int], total: int) -> list[int]:
    """The columns' widths in ``total`` cells with one-cell gutters (``textual._resolve``'s
    ``resolve`` with ``expand`` and ``shrink`` and the columns' minimums)."""
    widths = [Fraction(w) for w in wanted]
    space = total - (len(widths) - 1)
    used = sum(widths, Fraction(0))
    if used and space - used > 0:
        widths = [w + w / used * (space - used) for w in widths]
    excess = used - space
    if excess > 0:
        for index, (minimum, width) in enumerate(zip(least, widths, strict=True)):
            remove = max(width / used, Fraction(1)) * excess
            updated = max(Fraction(minimum), width - remove)
            widths[index] = updated
            used = used - width + updated
            excess = used - space
            if excess <= 0:
                break
        used = sum(widths, Fraction(0))
        excess = used - space
    if excess > 0:
        widths = [w - w / used * excess for w in widths]
    steps = (part for width in widths for part in (width, Fraction(1)))
    edges = [0, *(int(edge.__floor__()) for edge in accumulate(steps))]
    return [end - start for start, end in zip(edges[:-1:2], edges[1::2], strict=True)]


def _rule(widths: Sequence[int], left: str, middle: str, right: str) -> Content:
    text = left + middle.join("\u2500" * w for w in widths) + right
    return Content(text).stylize_before(LINE)


def table_lines(headers: list[Content], rows: list[list[Content]], width: int) -> list[Content]:
    """The table ``width`` cells wide (the keyline's outer edges included)."""
    count = len(headers)
    grid = [headers, *[(row + [Content("")] * count)[:count] for row in rows]]
    wanted = [max(wanted_width(row[c]) for row in grid) for c in range(count)]
    least = [max(1, *(least_width(row[c]) for row in grid)) for c in range(count)]
    widths = column_widths(wanted, least, max(0, width - 2))
    bar = Content("\u2502").stylize_before(LINE)
    out = [_rule(widths, "\u250c", "\u252c", "\u2510")]
    for index, row in enumerate(grid):
        cells = [
            cell.wrap(w - 2, overflow="ellipsis") if w > 2 else []
            for cell, w in zip(row, widths, strict=True)
        ]
        height = max(1, *(len(lines) for lines in cells))
        if index == 0:  # content-align: left bottom
            cells = [[Content("")] * (height - len(lines)) + lines for lines in cells]
        for line_no in range(height):
            line = bar
            for lines, w in zip(cells, widths, strict=True):
                text = lines[line_no] if line_no < len(lines) else Content("")
                if index == 0:
                    text = text.stylize_before(HEADER)
                piece = (Content(" ") + text).truncate(w) if w > 0 else Content("")
                line = line + piece.pad_right(max(0, w - piece.cell_length)) + bar
            out.append(line)
        if index < len(grid) - 1:
            out.append(_rule(widths, "\u251c", "\u253c", "\u2524"))
    out.append(_rule(widths, "\u2514", "\u2534", "\u2518"))
    return out
