"""Size limits a teacher can understand: table rows, code-block lines, lines per lesson.

A legal but huge body (an 8,000-row table, a 30,000-line code block) takes the app's Markdown
renderer tens of seconds and hundreds of MB, so ``check`` refuses it with the limit to respect.
The packaged lessons stay far below (at most 14 table rows, 7 code lines, 212 lines).
"""

from __future__ import annotations

MAX_TABLE_ROWS = 100
MAX_CODE_LINES = 200
MAX_LINES = 2_000
MAX_LINE_CHARS = 2_000

_FENCES = ("```", "~~~")


def heavy_body(text: str) -> list[tuple[int, str]]:
    """``(line, message)`` for each table, code block or line over its limit, and for the
    file if it has too many lines."""
    found: list[tuple[int, str]] = []
    lines = text.split("\n")
    if len(lines) > MAX_LINES:
        found.append(
            (
                MAX_LINES + 1,
                f"the lesson has {len(lines)} lines, over the limit of "
                f"{MAX_LINES}; split it into several lessons",
            )
        )
    fence: str | None = None
    block_start = 0
    table_start = table_rows = 0
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE_CHARS:
            found.append(
                (
                    number,
                    f"this line has {len(line)} characters, over the limit of "
                    f"{MAX_LINE_CHARS}; break it into shorter lines",
                )
            )
        stripped = line.strip()
        if fence is not None:
            if stripped.startswith(fence):
                _close_block(found, block_start, number - block_start - 1)
                fence = None
            continue
        opener = next((f for f in _FENCES if stripped.startswith(f)), None)
        if opener is not None:
            fence, block_start = opener, number
            continue
        if stripped.startswith("|"):
            if table_rows == 0:
                table_start = number
            table_rows += 1
            continue
        _close_table(found, table_start, table_rows)
        table_rows = 0
    if fence is not None:
        _close_block(found, block_start, len(lines) - block_start)
    _close_table(found, table_start, table_rows)
    return found


def _close_block(found: list[tuple[int, str]], start: int, count: int) -> None:
    if count > MAX_CODE_LINES:
        found.append(
            (
                start,
                f"this code block has {count} lines, over the limit of "
                f"{MAX_CODE_LINES}; shorten it or split it",
            )
        )


def _close_table(found: list[tuple[int, str]], start: int, rows: int) -> None:
    if rows > MAX_TABLE_ROWS:
        found.append(
            (
                start,
                f"this table has {rows} rows, over the limit of {MAX_TABLE_ROWS} "
                "(header and separator rows included); shorten it or split it",
            )
        )
