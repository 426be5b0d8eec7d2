"""Plain-text line charts for the demo panels: loss curves, gradient norms on a log scale.

Each series has its own marker letter (no colour-only information) and a legend line. The
caller passes numbers computed by a lab; this module only places them on a character grid.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

BOTH = "+"
"""The marker where two series fall on the same cell."""
LABEL_WIDTH = 9
"""Cells for the y-axis labels (``  12.3456 |``)."""


@dataclass(frozen=True)
class Series:
    """One line of a chart: its marker (one ASCII character), legend name and values."""

    marker: str
    name: str
    values: Sequence[float]


def _finite(values: Sequence[float], log: bool) -> list[float]:
    out = []
    for v in values:
        if v is None or not math.isfinite(v) or (log and v <= 0):
            continue
        out.append(math.log10(v) if log else float(v))
    return out


def _label(value: float, log: bool) -> str:
    if log:
        return f"{10**value:.1e}".rjust(LABEL_WIDTH - 2)
    return f"{value:.4g}".rjust(LABEL_WIDTH - 2)


def chart_lines(
    series: Sequence[Series],
    rows: int = 6,
    width: int = 40,
    *,
    log: bool = False,
    x_label: str = "",
    both_label: str = "both",
) -> list[str]:
    """The chart as text lines: ``rows`` plot rows (top = highest), an x axis and a legend.

    Column k holds point k of every series (points beyond ``width`` are sampled evenly). On
    a log scale the y labels are powers of ten; values <= 0 are left out. Where two series
    meet, ``+`` is shown (and listed in the legend).
    """
    rows = max(rows, 2)
    width = max(width, 4)
    every = [v for s in series for v in _finite(s.values, log)]
    length = max((len(s.values) for s in series), default=0)
    if not every or length == 0:
        blank = [" " * (LABEL_WIDTH - 2) + " |" for _ in range(rows)]
        return [*blank, " " * (LABEL_WIDTH - 1) + "+" + "-" * width, _legend(series, x_label)]
    lo, hi = min(every), max(every)
    if hi - lo < 1e-12:
        lo, hi = lo - 0.5, hi + 0.5
    columns = min(length, width)
    picks = [round(k * (length - 1) / max(columns - 1, 1)) for k in range(columns)]
    grid = [[" "] * columns for _ in range(rows)]
    met = False
    for s in series:
        for col, index in enumerate(picks):
            if index >= len(s.values):
                continue
            value = s.values[index]
            if value is None or not math.isfinite(value) or (log and value <= 0):
                continue
            y = math.log10(value) if log else float(value)
            row = round((hi - y) / (hi - lo) * (rows - 1))
            cell = grid[min(rows - 1, max(0, row))]
            if cell[col] not in (" ", s.marker):
                met = True
            cell[col] = BOTH if cell[col] not in (" ", s.marker) else s.marker
    lines = []
    for r in range(rows):
        if r == 0:
            label = _label(hi, log)
        elif r == rows - 1:
            label = _label(lo, log)
        else:
            label = " " * (LABEL_WIDTH - 2)
        lines.append(f"{label} |" + "".join(grid[r]))
    axis = " " * (LABEL_WIDTH - 1) + "+" + "-" * columns
    first, last = "1", str(length)
    ticks = " " * LABEL_WIDTH + first + " " * max(1, columns - len(first) - len(last)) + last
    return [*lines, axis, ticks, _legend(series, x_label, both_label if met else "")]


def _legend(series: Sequence[Series], x_label: str, both: str = "") -> str:
    parts = [f"{s.marker} {s.name}" for s in series]
    if both:
        parts.append(f"{BOTH} {both}")
    if x_label:
        parts.append(f"x: {x_label}")
    return "  ".join(parts)


def progress_line(done: int, total: int, width: int = 20) -> str:
    """``[#########...........]  9/20`` (ASCII, no colour needed)."""
    total = max(total, 1)
    filled = round(width * min(max(done, 0), total) / total)
    return "[" + "#" * filled + "." * (width - filled) + f"]  {done}/{total}"


def bar(prob: float, width: int = 20) -> str:
    """``[#####...............]`` for a probability in 0..1."""
    filled = round(width * min(max(prob, 0.0), 1.0))
    return "[" + "#" * filled + "." * (width - filled) + "]"
