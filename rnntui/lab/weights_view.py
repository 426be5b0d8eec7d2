"""The weights of a recurrent lab as small labelled matrices, one per gate block.

Each of W (Keras ``kernel``), U (``recurrent_kernel``) and b (``bias``) is cut into its gate
blocks (LSTM i, f, c, o; GRU z, r, h; SimpleRNN one block), each printed with its lesson name
(``W_f``), the Keras slice it is (``kernel[:, 2:4]``) and its shape. Every printed number is a
:class:`Cell` that knows which weight entry it is, so a screen can put a cursor on it and let
the student edit it (``RecurrentLab.set_weight``). Pure: NumPy only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rnntui.lab.derive import WEIGHT_BLOCK
from rnntui.lab.format import fmt_signed, pad, words

if TYPE_CHECKING:
    from rnntui.lab.recurrent import RecurrentLab

MAX_ROWS = 8
MAX_COLS = 8
"""Rows / columns of one block shown; the rest is summarised as "and N more"."""
CELL = 9


@dataclass(frozen=True)
class Cell:
    """A piece of a printed line; ``entry`` = (weight index, row, column) for a number."""

    text: str
    entry: tuple[int, int, int] | None = None


@dataclass(frozen=True)
class WeightsView:
    """The printed lines of the weights view (each a tuple of cells)."""

    title: str
    lines: tuple[tuple[Cell, ...], ...]

    def text(self) -> str:
        """Everything as plain text."""
        return "\n".join("".join(c.text for c in line) for line in self.lines)

    def entries(self) -> list[tuple[int, int, int]]:
        """Every editable entry, in reading order."""
        return [c.entry for line in self.lines for c in line if c.entry is not None]


def _sub(name: str, block: str) -> str:
    return f"{name}_{block}" if block else name


def weights_view(lab: RecurrentLab, lang: str = "en") -> WeightsView:
    """W, U and b of the lab's layer, block by block, with Keras names and shapes."""
    layer = lab.engine_layer()
    weights = layer.get_weights()
    n = layer.units
    gates = layer.gate_names
    blocks = [WEIGHT_BLOCK[g] for g in gates]
    lines: list[tuple[Cell, ...]] = []

    def text(line: str) -> None:
        lines.append((Cell(line),))

    lesson = ("W", "U", "b")
    keras = ("kernel", "recurrent_kernel", "bias")
    row_names = ("x", "h", "")
    order = ", ".join(b or "h" for b in blocks)
    for index, array in enumerate(weights):
        text(
            words(
                lang,
                f"{lesson[index]} = {keras[index]}, shape {array.shape}"
                + (f": blocks {order}, {n} units each" if len(blocks) > 1 else ""),
                f"{lesson[index]} = {keras[index]}, 모양 {array.shape}"
                + (f": 블록 {order}, 블록마다 유닛 {n}개" if len(blocks) > 1 else ""),
            )
        )
        grid = array if array.ndim == 2 else array[None]
        for k, block in enumerate(blocks):
            cols = slice(k * n, (k + 1) * n)
            where = (
                f"[:, {cols.start}:{cols.stop}]"
                if array.ndim == 2
                else f"[{cols.start}:{cols.stop}]"
            )
            if index == 2 and grid.shape[0] == 2:
                where = f"[:, {cols.start}:{cols.stop}]"
            text(f"  {_sub(lesson[index], block)} = {keras[index]}{where}")
            shown_cols = range(min(n, MAX_COLS))
            head = pad(words(lang, "    unit", "    유닛"), 10)
            head += "".join(f"[{u}]".rjust(CELL) for u in shown_cols)
            text(head)
            for r in range(min(grid.shape[0], MAX_ROWS)):
                if index == 2:
                    label = "b" if r == 0 else "b'"
                    label = _sub(label, block)
                else:
                    label = f"{row_names[index]}[{r}]"
                cells = [Cell(f"    {label}".ljust(10))]
                for u in shown_cols:
                    value = float(grid[r, k * n + u])
                    cells.append(Cell(fmt_signed(value).rjust(CELL), (index, r, k * n + u)))
                if n > MAX_COLS:
                    cells.append(
                        Cell(words(lang, f"  +{n - MAX_COLS} more", f"  외 {n - MAX_COLS}개"))
                    )
                lines.append(tuple(cells))
            if grid.shape[0] > MAX_ROWS:
                more = grid.shape[0] - MAX_ROWS
                text(words(lang, f"    and {more} more rows", f"    나머지 행 {more}개"))
        text("")
    title = words(
        lang,
        f"Weights of {lab.KIND}({n}) (Keras names and shapes)",
        f"{lab.KIND}({n})의 가중치 (Keras 이름과 모양)",
    )
    return WeightsView(title, tuple(lines))
