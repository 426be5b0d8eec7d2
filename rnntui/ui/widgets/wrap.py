"""Cell-aware line wrapping for the text a Readout shows (Hangul is two cells wide)."""

from __future__ import annotations

import re

from rich.cells import cell_len


def wrap(text: str, width: int) -> str:
    """Break every line of ``text`` at spaces so no line is wider than ``width`` cells
    (spacing inside a line is kept; continuation lines keep the line's indent).

    Readouts show pre-wrapped text: their height then changes only when the number of lines
    does, which keeps a tweak from re-laying out (and re-sending) the whole pane."""
    out: list[str] = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip(" "))]
        current = ""
        for chunk in re.findall(r"\S+\s*", line[len(indent) :]) or [""]:
            if current.strip() and cell_len(current + chunk.rstrip()) > width:
                out.append(current.rstrip())
                current = indent
            current = (current or indent) + chunk
        out.append(current.rstrip() if current.strip() else "")
    return "\n".join(out)
