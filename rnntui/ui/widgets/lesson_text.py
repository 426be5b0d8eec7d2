"""Lesson text drawn by one widget: the same screen as Textual's Markdown widget, for a fraction
of its start-up cost.

Textual's ``Markdown`` builds a widget per block (about 150 for the LSTM lesson: every list item
is four), and styling and laying them out was most of rnntui's time to the first readable
lesson. :class:`LessonText` lays out the blocks a lesson uses itself, with the rules of
Textual's Markdown CSS (the same margins, paddings, bullets, fence padding, heading alignment
and margin collapsing) and Textual's own ``Content`` wrapping, so the text on screen is the
same cell for cell; tests/ui/test_lesson_text.py compares both on every packaged lesson.

Tables are left to Textual: each table is a small ``LessonMarkdown`` (rnntui.ui.widgets.markdown)
of its own between the prose pieces. Anything else this module does not lay out itself
(rules, links, images, HTML, a table inside a list) makes :func:`plan` return None, and the caller
shows the whole lesson with ``LessonMarkdown`` as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from textual.await_complete import AwaitComplete
from textual.content import Content, Span
from textual.geometry import Size
from textual.widget import Widget

if TYPE_CHECKING:
    from markdown_it.token import Token

BULLETS = ["- ", "* ", "+ ", "- ", "* "]
"""Unordered-list bullets by nesting depth (LessonMarkdown.BULLETS: ASCII, never ambiguous)."""

_INLINE_STYLES = {"em_open": ".em", "strong_open": ".strong", "s_open": ".s"}
_UNSUPPORTED_INLINE = {"link_open", "image"}
_SPACE = re.compile(r"\s+")


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
        if self.center:
            shape = max((line.cell_length for line in wrapped), default=0)
            left = max(0, width - shape) // 2
            wrapped = [line.pad_left(left) for line in wrapped]
        out = []
        for line in wrapped:
            if self.fill or self.style:
                line = line.pad_right(max(0, width - line.cell_length))
            if self.style:
                line = line.stylize_before(self.style)
            out.append(line)
        return out


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
    """A table, drawn by Textual's Markdown (its own widget between the prose pieces)."""

    source: str = ""

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
HEADING_MARGINS = {1: (0, 1), 2: (2, 1), 3: (1, 1), 4: (1, 1), 5: (1, 1), 6: (1, 1)}
"""(top, bottom) margin per heading level: Textual's MarkdownHeader (2 0 1 0; h3-h6 1 0),
with rnntui.tcss's ``#lesson-text MarkdownH1 { margin: 0 0 1 0; }``."""


def inline_content(token: Token) -> Content:
    """An inline token as Content, as Textual's ``MarkdownBlock._token_to_content`` builds it."""
    if token.children is None:
        return Content("")
    pieces: list[str] = []
    spans: list[Span] = []
    opened: list[tuple[str, int]] = []
    position = 0

    def add(text: str) -> None:
        nonlocal position
        pieces.append(text)
        position += len(text)

    for child in token.children:
        kind = child.type
        if kind in _UNSUPPORTED_INLINE:
            raise Unsupported(kind)
        if kind == "text":
            add(_SPACE.sub(" ", child.content))
        if kind == "hardbreak":
            add("\n")
        if kind == "softbreak":
            add(" ")
        elif kind == "code_inline":
            start = position
            add(child.content)
            spans.append(Span(start, position, ".code_inline"))
        elif kind in _INLINE_STYLES:
            opened.append((_INLINE_STYLES[kind], position))
        elif kind.endswith("_close"):
            style, start = opened.pop()
            spans.append(Span(start, position, style))
    return Content("".join(pieces), spans=spans)


def _fence_content(code: str, language: str) -> Content:
    if not language:
        return Content(code)
    from textual.highlight import HighlightTheme, highlight

    return highlight(code, language=language, theme=HighlightTheme)


def plan(markdown: str) -> list[Block] | None:
    """The blocks of a lesson, or None if it uses something only Textual's Markdown draws."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("gfm-like").parse(markdown)
    try:
        blocks, end = _blocks(tokens, 0, markdown.splitlines(keepends=True), top_level=True)
    except Unsupported:
        return None
    return blocks if end == len(tokens) else None


# -- the plan cache -----------------------------------------------------------------------------
PLAN_CODE = ("rnntui.ui.widgets.lesson_text", "textual", "markdown_it", "pygments")
"""The code a plan depends on: this module, Textual (Content, highlight), markdown-it (the
parse) and Pygments (fence colours); where each is installed and its ``__init__``'s (this
module's own) size and mtime are in every key, so an upgrade or edit plans again."""


def plan_stamp() -> str:
    """A stamp of :data:`PLAN_CODE`, read from the files (nothing is imported for it)."""
    import hashlib
    import importlib.util
    import os

    parts = []
    for name in PLAN_CODE:
        origin = __file__ if name == __name__ else None
        if origin is None:
            try:
                spec = importlib.util.find_spec(name)
            except (ImportError, ValueError):
                spec = None
            origin = spec.origin if spec is not None else None
        try:
            st = os.stat(origin) if origin else None
        except OSError:
            st = None
        parts.append(f"{name}:{origin}:{st and st.st_size}:{st and st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def plan_key(markdown: str, stamp: str) -> str:
    """The cache key of ``markdown``'s plan: the code stamp and the text."""
    import hashlib

    digest = hashlib.sha256(stamp.encode())
    digest.update(b"\0")
    digest.update(markdown.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def encode_content(content: Content) -> dict[str, object]:
    """Plain JSON for a Content whose span styles are text (TypeError otherwise)."""
    spans = []
    for span in content.spans:
        if not isinstance(span.style, str):
            raise TypeError("only text styles can be cached")
        spans.append([span.start, span.end, span.style])
    return {"text": content.plain, "spans": spans}


def decode_content(value: object) -> Content:
    """The inverse of :func:`encode_content`; ValueError for anything else."""
    if not isinstance(value, dict) or not isinstance(value.get("text"), str):
        raise ValueError("not a Content")
    spans = []
    for item in value.get("spans", ()):
        if not (isinstance(item, list) and len(item) == 3):
            raise ValueError("not a span")
        start, end, style = item
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(style, str)):
            raise ValueError("not a span")
        spans.append(Span(start, end, style))
    return Content(value["text"], spans=spans)


def encode_blocks(blocks: Sequence[Block]) -> list[object]:
    """Plain JSON for planned blocks (TypeError for anything :func:`decode_blocks` cannot read)."""
    out: list[object] = []
    for block in blocks:
        item: dict[str, object] = {"top": block.top, "bottom": block.bottom}
        if isinstance(block, Text):
            item |= {"kind": "text", "content": encode_content(block.content)}
            item |= {"style": block.style, "center": block.center, "fill": block.fill}
        elif isinstance(block, Fence):
            item |= {"kind": "fence", "code": encode_content(block.code)}
        elif isinstance(block, ListBlock):
            items = [[symbol, encode_blocks(inner)] for symbol, inner in block.items]
            item |= {"kind": "list", "items": items}
        elif isinstance(block, Quote):
            item |= {"kind": "quote", "blocks": encode_blocks(block.blocks)}
        elif isinstance(block, TableBlock):
            item |= {"kind": "table", "source": block.source}
        else:
            raise TypeError(type(block).__name__)
        out.append(item)
    return out


def decode_blocks(value: object) -> list[Block]:
    """The inverse of :func:`encode_blocks`; ValueError for anything it would not write."""
    if not isinstance(value, list):
        raise ValueError("not a block list")
    out: list[Block] = []
    for item in value:
        if not isinstance(item, dict):
            raise ValueError("not a block")
        top, bottom, kind = item.get("top"), item.get("bottom"), item.get("kind")
        if not (isinstance(top, int) and isinstance(bottom, int)):
            raise ValueError("bad margins")
        if kind == "text":
            style, center, fill = item.get("style"), item.get("center"), item.get("fill")
            if not (isinstance(style, str) and isinstance(center, bool) and isinstance(fill, bool)):
                raise ValueError("bad text block")
            content = decode_content(item.get("content"))
            out.append(Text(top, bottom, content, style, center=center, fill=fill))
        elif kind == "fence":
            out.append(Fence(top, bottom, decode_content(item.get("code"))))
        elif kind == "list":
            items = item.get("items")
            if not isinstance(items, list):
                raise ValueError("bad list")
            pairs: list[tuple[str, list[Block]]] = []
            for pair in items:
                if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str)):
                    raise ValueError("bad list item")
                pairs.append((pair[0], decode_blocks(pair[1])))
            out.append(ListBlock(top, bottom, pairs))
        elif kind == "quote":
            out.append(Quote(top, bottom, decode_blocks(item.get("blocks"))))
        elif kind == "table" and isinstance(item.get("source"), str):
            out.append(TableBlock(top, bottom, str(item["source"])))
        else:
            raise ValueError("unknown block")
    return out


def cached_plan(markdown: str) -> list[Block] | None:
    """:func:`plan`, kept in the per-user cache (rnntui.content.cache) when a start path
    turned it on: a start that shows a lesson planned before imports no markdown-it. An
    entry that cannot be read back is planned again (and rewritten), never trusted."""
    from rnntui.content.loader import disk_cache_enabled

    if not disk_cache_enabled():
        return plan(markdown)
    from rnntui.content.cache import read_plan, write_plan

    key = plan_key(markdown, plan_stamp())
    kept = read_plan(key)
    if isinstance(kept, dict):
        if kept.get("fallback") is True:
            return None
        try:
            return decode_blocks(kept.get("blocks"))
        except (ValueError, TypeError, RecursionError):
            pass
    blocks = plan(markdown)
    try:
        value = {"fallback": True} if blocks is None else {"blocks": encode_blocks(blocks)}
    except TypeError:
        return blocks
    write_plan(key, value)
    return blocks


def _blocks(
    tokens: list[Token], i: int, source: list[str], *, top_level: bool, depth: int = 0
) -> tuple[list[Block], int]:
    """Parse block tokens from ``i`` until the closing token of the enclosing block."""
    out: list[Block] = []
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if kind.endswith("_close"):
            return out, i
        if kind == "heading_open":
            level = int(token.tag[1:])
            top, bottom = HEADING_MARGINS[level]
            content = inline_content(tokens[i + 1])
            out.append(Text(top, bottom, content, f".h{level}", center=level == 1, fill=level != 3))
            i += 3
        elif kind == "paragraph_open":
            bottom = 1 if top_level else 0
            out.append(Text(0, bottom, inline_content(tokens[i + 1])))
            i += 3
        elif kind in ("fence", "code_block"):
            code = _fence_content(token.content.rstrip(), token.info)
            out.append(Fence(1, 1, code))
            i += 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            block, i = _list(tokens, i, source, top_level=top_level, depth=depth)
            out.append(block)
        elif kind == "blockquote_open":
            inner, i = _blocks(tokens, i + 1, source, top_level=False, depth=depth)
            out.append(Quote(1, 1, inner))
            i += 1
        elif kind == "table_open" and top_level:
            close = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
            start, end = token.map or (0, 0)
            out.append(TableBlock(0, 1, "".join(source[start:end])))
            i = close + 1
        else:
            raise Unsupported(kind)
    return out, i


def _list(
    tokens: list[Token], i: int, source: list[str], *, top_level: bool, depth: int
) -> tuple[ListBlock, int]:
    ordered = tokens[i].type == "ordered_list_open"
    margins = (0, 1) if top_level else (0, 0)  # MarkdownList MarkdownList { margin: 0 }
    i += 1
    items: list[tuple[str, list[Block]]] = []
    infos: list[str] = []
    while tokens[i].type == "list_item_open":
        infos.append(tokens[i].info)
        inner_depth = depth if ordered else depth + 1  # bullets count unordered items only
        blocks, i = _blocks(tokens, i + 1, source, top_level=False, depth=inner_depth)
        if tokens[i].type != "list_item_close":
            raise Unsupported(tokens[i].type)
        items.append(("", blocks))
        i += 1
    if ordered:
        start = 1
        try:
            start = int(infos[0]) if infos else 1
        except ValueError:
            pass
        size = max(len(f"{n}. ") for n in range(start, start + len(items)))
        symbols = [f"{n}. ".rjust(size + 1) for n in range(start, start + len(items))]
    else:
        symbols = [BULLETS[depth % len(BULLETS)]] * len(items)
    block = ListBlock(*margins, [(s, b) for s, (_, b) in zip(symbols, items, strict=True)])
    return block, i + 1


def pieces(blocks: Sequence[Block]) -> list[list[Block] | TableBlock]:
    """Runs of prose blocks, with each table on its own."""
    out: list[list[Block] | TableBlock] = []
    for block in blocks:
        if isinstance(block, TableBlock):
            out.append(block)
        elif out and isinstance(out[-1], list):
            out[-1].append(block)
        else:
            out.append([block])
    return out


# -- the widget ---------------------------------------------------------------------------------
class Prose(Widget):
    """A run of prose blocks drawn as one piece of Content."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "em",
        "strong",
        "s",
        "code_inline",
        "bullet",
        "fence",
        "quote",
        "quote_border",
    }
    DEFAULT_CSS = """
    Prose {
        height: auto;
        width: 1fr;
        text-wrap: nowrap;
        text-overflow: clip;
        & > .h1 { color: $markdown-h1-color; background: $markdown-h1-background;
                  text-style: $markdown-h1-text-style; }
        & > .h2 { color: $markdown-h2-color; background: $markdown-h2-background;
                  text-style: $markdown-h2-text-style; }
        & > .h3 { color: $markdown-h3-color; background: $markdown-h3-background;
                  text-style: $markdown-h3-text-style; }
        & > .h4 { color: $markdown-h4-color; background: $markdown-h4-background;
                  text-style: $markdown-h4-text-style; }
        & > .h5 { color: $markdown-h5-color; background: $markdown-h5-background;
                  text-style: $markdown-h5-text-style; }
        & > .h6 { color: $markdown-h6-color; background: $markdown-h6-background;
                  text-style: $markdown-h6-text-style; }
        & > .em { text-style: italic; }
        & > .strong { text-style: bold; }
        & > .s { text-style: strike; }
        & > .bullet { color: $text-primary; }
        & > .fence { color: rgb(210,210,210); background: black 10%; }
        & > .quote { background: $boost; }
        & > .quote_border { color: $text-primary 50%; }
        &:dark > .code_inline { background: $warning 10%; color: $text-warning 95%; }
        &:light > .code_inline { background: $error 5%; color: $text-error 95%; }
        &:light > .bullet { color: $text-secondary; }
        &:light > .fence { background: white 30%; }
    }
    """

    def __init__(self, blocks: list[Block], *, top: int = 0, bottom: int = 0) -> None:
        super().__init__()
        self.blocks = blocks
        self.styles.margin = (top, 0, bottom, 0)
        self._cache: tuple[int, list[Content]] | None = None

    def lines(self, width: int) -> list[Content]:
        """The laid-out lines at ``width`` (cached for the last width)."""
        if self._cache is None or self._cache[0] != width:
            self._cache = (width, stack(self.blocks, width))
        return self._cache[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_region.width))


def prose_widgets(blocks: list[Block]) -> list[Widget]:
    """The widgets for a lesson's blocks: Prose pieces and LessonMarkdown tables, with the
    margins between them as in one Markdown widget (the table keeps its bottom margin of 1
    inside its own widget, so the piece after it gets the rest of the gap)."""
    out: list[Widget] = []
    after_table = 0
    for piece in pieces(blocks):
        if isinstance(piece, TableBlock):
            from rnntui.ui.widgets.markdown import LessonMarkdown

            out.append(LessonMarkdown(piece.source, classes="lesson-table"))
            after_table = piece.bottom
            continue
        first, last = piece[0], piece[-1]
        top = max(0, first.top - after_table) if out else first.top
        inner = [*piece]
        inner[0] = _without_margins(first, bottom=first.bottom)
        inner[-1] = _without_margins(inner[-1], top=inner[-1].top if len(inner) > 1 else 0)
        out.append(Prose(inner, top=top, bottom=last.bottom))
        after_table = 0
    return out


def _without_margins(block: Block, *, top: int = 0, bottom: int = 0) -> Block:
    from dataclasses import replace

    return replace(block, top=top, bottom=bottom)


class LessonText(Widget):
    """A lesson's Markdown text (see the module docstring); ``update`` swaps the text."""

    DEFAULT_CSS = """
    LessonText { height: auto; layout: vertical; padding: 0 2; }
    LessonText > LessonMarkdown.lesson-table { padding: 0; margin: 0; }
    """

    def __init__(self, blocks: list[Block], *, id: str | None = None, body: str = "") -> None:
        super().__init__(id=id)
        self._blocks = blocks
        self.body = body
        """The Markdown the blocks were planned from."""

    def compose(self) -> Iterable[Widget]:
        yield from prose_widgets(self._blocks)

    async def update(self, other: LessonText) -> None:
        """Show ``other``'s blocks instead (one layout pass for the whole change)."""
        self._blocks, self.body = other._blocks, other.body
        with self.app.batch_update():
            await self.remove_children()
            await self.mount_all(prose_widgets(self._blocks))


def surely_overflows(blocks: Sequence[Block], width: int, height: int) -> bool:
    """Are the prose blocks alone, laid out ``width`` columns wide, taller than ``height``
    rows? (Tables and margins between pieces are left out, and the caller passes sizes no
    smaller than the pane's: a True means the pane's scroll bar shows at any rate.)"""
    lines = 0
    for piece in pieces(blocks):
        if isinstance(piece, list):
            lines += len(stack(piece, width))
            if lines > height:
                return True
    return False


def lesson_text_widget(body: str, screen: Size) -> tuple[Widget, bool]:
    """The ``#lesson-text`` widget for ``body`` (a LessonText when it can lay the lesson out,
    else a LessonMarkdown: rnntui.ui.widgets.markdown, imported only then or for a table),
    and whether the text pane should have ``overflow-y: scroll`` on a ``screen``-sized app.

    A lesson that surely overflows the screen gets its scroll bar at once (``overflow-y:
    scroll``, the same screen as ``auto`` then): with ``auto`` Textual finds the overflow
    after the first layout and lays the text out again one frame later, 2 columns narrower,
    and again after any later layout of the screen (the hidden panel's mount)."""
    blocks = cached_plan(body)
    if blocks is None:
        from rnntui.ui.widgets.markdown import LessonMarkdown

        return LessonMarkdown(body, id="lesson-text"), False
    long = surely_overflows(blocks, max(1, screen.width - 4), screen.height)
    return LessonText(blocks, id="lesson-text", body=body), long


def show_lesson_text(pane: Widget, body: str) -> AwaitComplete:
    """Put ``body`` into the lesson text pane (see :func:`lesson_text_widget`); the widget
    already there is updated when it is of the right kind, and kept when it shows ``body``
    (the lesson screen composed it with the first lesson)."""
    current = pane.children[0] if pane.children else None
    if isinstance(current, LessonText) and current.body == body:
        return AwaitComplete()
    new, long = lesson_text_widget(body, pane.app.size)
    pane.styles.overflow_y = "scroll" if long else "auto"
    if isinstance(new, LessonText):
        if isinstance(current, LessonText):
            return AwaitComplete(current.update(new))
    else:
        from rnntui.ui.widgets.markdown import LessonMarkdown  # (imported for ``new``)

        if isinstance(current, LessonMarkdown):
            return current.update(body)

    async def replace() -> None:
        with pane.app.batch_update():
            await pane.remove_children()
            await pane.mount(new)

    return AwaitComplete(replace())
