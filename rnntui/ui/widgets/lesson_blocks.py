"""The blocks a lesson text is made of (paragraphs, fences, lists, quotes, tables) and how they
stack into lines of ``Content`` with the margins of Textual's Markdown CSS (see lesson_text)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.content import Content

if TYPE_CHECKING:
    pass


BULLETS = ["- ", "* ", "+ ", "- ", "* "]
"""Unordered-list bullets by nesting depth (LessonMarkdown.BULLETS: ASCII, never ambiguous)."""

HEADING_MARGINS = {1: (0, 1), 2: (2, 1), 3: (1, 1), 4: (1, 1), 5: (1, 1), 6: (1, 1)}
"""(top, bottom) margin per heading level: Textual's MarkdownHeader (2 0 1 0; h3-h6 1 0),
with rnntui.tcss's ``#lesson-text MarkdownH1 { margin: 0 0 1 0; }``."""


class Unsupported(Exception):
    """A construct LessonText does not lay out itself (the caller falls back)."""


# -- blocks -------------------------------------------------------------------------------------
@dataclass
class Block:
    """One laid-out block: its margins (top, bottom) and its lines at a given width."""

    top: int = 0
    bottom: int = 0

    def lines(self, width: int) -> list[Content]:
        raise NotImplementedError


@dataclass
class Text(Block):
    """A paragraph or heading: wrapped Content; ``style`` covers the whole block width;
    ``center``: the wrapped lines centred as one shape (content-align: center)."""

    content: Content = field(default_factory=Content)
    style: str = ""
    center: bool = False
    fill: bool = True
    """Pad lines to the full width with ``style`` (False: a ``width: auto`` heading)."""

    def lines(self, width: int) -> list[Content]:
        wrapped = self.content.wrap(width) if width > 0 else [Content("")]
        if self.style:  # the words only: Textual's text-style (an h2's underline) stops there
            wrapped = [line.stylize_before(self.style) for line in wrapped]
        if self.center:
            shape = max((line.cell_length for line in wrapped), default=0)
            left = max(0, width - shape) // 2
            wrapped = [line.pad_left(left) for line in wrapped]
        if self.fill or self.style:
            wrapped = [line.pad_right(max(0, width - line.cell_length)) for line in wrapped]
        return wrapped


@dataclass
class Fence(Block):
    """A code fence: a padded box (1 line above and below, 2 columns left and right), lines
    cut at the right edge (Textual scrolls them sideways, it never wraps them)."""

    code: Content = field(default_factory=Content)

    def lines(self, width: int) -> list[Content]:
        blank = Content(" " * width).stylize_before(".fence")
        out = [blank]
        for line in self.code.split("\n", allow_blank=True):
            line = line.expand_tabs(8)
            text = (Content("  ") + line).truncate(width)
            out.append(text.pad_right(max(0, width - text.cell_length)).stylize_before(".fence"))
        out.append(blank)
        return out


@dataclass
class ListBlock(Block):
    """A bullet or ordered list: one row per item, the bullet beside the item's blocks."""

    items: list[tuple[str, list[Block]]] = field(default_factory=list)

    def lines(self, width: int) -> list[Content]:
        out: list[Content] = []
        for symbol, blocks in self.items:
            bullet = Content(symbol)
            inner = stack(blocks, max(0, width - bullet.cell_length))
            if not inner:
                inner = [Content("")]
            pad = Content(" " * bullet.cell_length)
            for index, line in enumerate(inner):
                head = bullet.stylize_before(".bullet") if index == 0 else pad
                row = head + line
                out.append(row.pad_right(max(0, width - row.cell_length)))
        return out


@dataclass
class Quote(Block):
    """A block quote: a half-block bar on the left, one column of padding each side."""

    blocks: list[Block] = field(default_factory=list)

    def lines(self, width: int) -> list[Content]:
        inner = stack(self.blocks, max(0, width - 3))
        bar = Content("\u258c").stylize_before(".quote_border")
        out = []
        for line in inner:
            row = bar + Content(" ") + line
            row = row.pad_right(max(0, width - row.cell_length))
            out.append(row.stylize_before(".quote"))
        return out


@dataclass
class TableBlock(Block):
    """A table: its header cells and its rows of cells, drawn by its own widget between the
    prose pieces (rnntui.ui.widgets.lesson_table)."""

    headers: list[Content] = field(default_factory=list)
    rows: list[list[Content]] = field(default_factory=list)

    def lines(self, width: int) -> list[Content]:  # pragma: no cover - never laid out here
        raise Unsupported("tables are widgets")


def stack(blocks: Sequence[Block], width: int) -> list[Content]:
    """Blocks one below the other, margins collapsed as Textual's vertical layout does: the
    gap between two blocks is the larger of the upper one's bottom and the lower one's top."""
    out: list[Content] = []
    previous: int | None = None
    blank = Content(" " * width)
    for block in blocks:
        gap = block.top if previous is None else max(previous, block.top)
        out.extend([blank] * gap)
        out.extend(block.lines(width))
        previous = block.bottom
    if previous:
        out.extend([blank] * previous)
    return out


# -- parsing ------------------------------------------------------------------------------------
