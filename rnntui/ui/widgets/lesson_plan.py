"""A lesson's Markdown planned into blocks (markdown-it), and the plan kept in the per-user cache
so that a start that shows a lesson planned before runs no markdown-it (see lesson_text)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content, Span

if TYPE_CHECKING:
    from markdown_it.token import Token

from rnntui.ui.widgets.lesson_blocks import (
    BULLETS,
    HEADING_MARGINS,
    Block,
    Fence,
    ListBlock,
    Quote,
    TableBlock,
    Text,
    Unsupported,
)

_INLINE_STYLES = {"em_open": ".em", "strong_open": ".strong", "s_open": ".s"}
_UNSUPPORTED_INLINE = {"link_open", "image"}
_SPACE = re.compile(r"\s+")


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
    """A fence's code as Textual's fence shows it: highlighted when it names a language, else
    in the theme's text colour (what Textual's "text" lexer gives, without Pygments)."""
    if not language:
        return Content("\n".join(code.splitlines())).stylize_before("$text")
    from textual.highlight import HighlightTheme, highlight

    return highlight(code, language=language, theme=HighlightTheme)


def plan(markdown: str) -> list[Block] | None:
    """The blocks of a lesson, or None if it uses something only Textual's Markdown draws."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("gfm-like").parse(markdown)
    try:
        blocks, end = _blocks(tokens, 0, top_level=True)
    except Unsupported:
        return None
    return blocks if end == len(tokens) else None


# -- the plan cache -----------------------------------------------------------------------------
PLAN_CODE = (
    "rnntui.ui.widgets.lesson_plan",
    "rnntui.ui.widgets.lesson_blocks",
    "textual",
    "markdown_it",
    "pygments",
)
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
            rows = [[encode_content(cell) for cell in row] for row in block.rows]
            item |= {"kind": "table", "headers": [encode_content(h) for h in block.headers]}
            item |= {"rows": rows}
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
        elif kind == "table":
            headers, rows = item.get("headers"), item.get("rows")
            if not (isinstance(headers, list) and isinstance(rows, list)):
                raise ValueError("bad table")
            cells = [[decode_content(cell) for cell in _list_of(row)] for row in rows]
            out.append(TableBlock(top, bottom, [decode_content(h) for h in headers], cells))
        else:
            raise ValueError("unknown block")
    return out


def _list_of(value: object) -> list[object]:
    if not isinstance(value, list):
        raise ValueError("not a list")
    return value


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
    tokens: list[Token], i: int, *, top_level: bool, depth: int = 0
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
            block, i = _list(tokens, i, top_level=top_level, depth=depth)
            out.append(block)
        elif kind == "blockquote_open":
            inner, i = _blocks(tokens, i + 1, top_level=False, depth=depth)
            out.append(Quote(1, 1, inner))
            i += 1
        elif kind == "table_open" and top_level:
            table, i = _table(tokens, i)
            out.append(table)
        else:
            raise Unsupported(kind)
    return out, i


def _list(tokens: list[Token], i: int, *, top_level: bool, depth: int) -> tuple[ListBlock, int]:
    ordered = tokens[i].type == "ordered_list_open"
    margins = (0, 1) if top_level else (0, 0)  # MarkdownList MarkdownList { margin: 0 }
    i += 1
    items: list[tuple[str, list[Block]]] = []
    infos: list[str] = []
    while tokens[i].type == "list_item_open":
        infos.append(tokens[i].info)
        inner_depth = depth if ordered else depth + 1  # bullets count unordered items only
        blocks, i = _blocks(tokens, i + 1, top_level=False, depth=inner_depth)
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


def _table(tokens: list[Token], i: int) -> tuple[TableBlock, int]:
    """A table from its ``table_open`` at ``i``: header cells and rows of body cells, as
    Textual's ``MarkdownTable`` collects them (a body row's cells in order, empty rows
    dropped); the index after its ``table_close``."""
    headers: list[Content] = []
    rows: list[list[Content]] = []
    in_head = False
    i += 1
    while tokens[i].type != "table_close":
        kind = tokens[i].type
        if kind in ("th_open", "td_open"):
            cell = inline_content(tokens[i + 1])
            if in_head:
                headers.append(cell)
            else:
                rows[-1].append(cell)
            i += 3
            continue
        if kind in ("thead_open", "thead_close"):
            in_head = kind == "thead_open"
        elif kind == "tr_open" and not in_head:
            rows.append([])
        i += 1
    return TableBlock(0, 1, headers, [row for row in rows if row]), i + 1


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
