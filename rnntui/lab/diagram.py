"""The recurrent cell drawn as a diagram with live values (issue 14, "the cell, drawn").

Pure layout (no Textual, no Rich): :func:`diagram_values` collects the numbers of the shown
step and unit from a recurrent lab (its ``view()`` and its public ``steps()``), and
:func:`cell_diagram` draws them as fixed-width lines in box-drawing characters, or in ASCII
(``+ - |``) for terminals that mis-draw box characters. Every number is printed with
:func:`rnntui.lab.format.fmt`, like the readouts, and :class:`Spot` says where each one sits
(for tests and for the widget's optional heat-map shading). Nothing is carried by colour:
forced gates are marked ``*`` and named in words.

- SimpleRNN: x_t -> [W], h_{t-1} -> [U], + b, -> tanh -> h_t.
- LSTM: c_{t-1} -> (x) f -> (+) i*g -> c_t -> tanh -> (x) o -> h_t, gates fed by x_t, h_{t-1}.
- GRU: h_{t-1} -> (x) z -> (+) -> h_t, the candidate hh through (x) (1-z); r on the recurrent
  path of the candidate, before U_h (``reset_after=False``) or after it (``True``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rnntui.lab.format import cells, fmt, words
from rnntui.lab.recurrent import RecurrentLab, RecurrentView

WIDTH = 56
"""Cells of every diagram line (wider only for a number longer than its slot)."""

BOX_TO_ASCII = str.maketrans(
    {
        "\u2500": "-",
        "\u2502": "|",
        "\u250c": "+",
        "\u2510": "+",
        "\u2514": "+",
        "\u2518": "+",
        "\u251c": "+",
        "\u2524": "+",
        "\u252c": "+",
        "\u2534": "+",
        "\u253c": "+",
    }
)
"""Box-drawing characters used here -> their ASCII stand-ins."""

H, V = "\u2500", "\u2502"
TL, TR, BL, BR = "\u250c", "\u2510", "\u2514", "\u2518"
TEE_R, TEE_L, TEE_D, TEE_U = "\u251c", "\u2524", "\u252c", "\u2534"


@dataclass(frozen=True)
class DiagramValues:
    """The numbers one diagram shows: the shown step ``time`` and unit ``unit``."""

    kind: str
    """``"SimpleRNN"``, ``"LSTM"`` or ``"GRU"``."""
    time: int
    unit: int
    dim: int
    x_t: float
    """First feature of x at the shown step (as ``RecurrentView.x_t``)."""
    h_prev: float
    c_prev: float | None
    h: float
    c: float | None
    gates: dict[str, float] = field(default_factory=dict)
    """Gate values of the shown unit (LSTM f i g o, GRU z r hh)."""
    ranges: dict[str, tuple[float, float]] = field(default_factory=dict)
    """(lowest, highest) of each gate, for shading."""
    pre: dict[str, float] = field(default_factory=dict)
    """Pre-activations (GRU ``hh``; SimpleRNN ``h``)."""
    terms: dict[str, float] = field(default_factory=dict)
    """SimpleRNN operands: ``xw`` (x_t W), ``hu`` (h_{t-1} U), ``b``."""
    forced: tuple[str, ...] = ()
    reset_after: bool | None = None


@dataclass(frozen=True)
class Spot:
    """Where one number sits: ``lines[line][start:start + len(text)] == text``."""

    name: str
    line: int
    start: int
    """Character offset in the line (not cells: Korean text before it counts once)."""
    text: str
    value: float
    lo: float | None = None
    hi: float | None = None
    """The gate's range when the number may be shaded as a heat map, else None."""


@dataclass(frozen=True)
class Diagram:
    """The drawn cell: lines of one width (in cells) and the numbers in them."""

    lines: tuple[str, ...]
    width: int
    spots: tuple[Spot, ...]

    @property
    def text(self) -> str:
        """The lines joined with newlines."""
        return "\n".join(self.lines)


def diagram_values(lab: RecurrentLab, view: RecurrentView | None = None) -> DiagramValues:
    """The numbers of ``lab``'s shown step and unit. Values the view carries (x_t, h_{t-1},
    c_{t-1}, the gates) are taken from ``view`` (``lab.view()`` when None), the rest (h_t, c_t,
    pre-activations, SimpleRNN operands) from ``lab.steps()``; no maths here."""
    if view is None:
        view = lab.view()
    step, u = lab.steps()[view.time], view.unit
    gates = {g.gate: g.value for g in view.gates}
    ranges = {g.gate: (g.lo, g.hi) for g in view.gates}
    forced = tuple(g.gate for g in view.gates if g.note)
    pre: dict[str, float] = {}
    terms: dict[str, float] = {}
    reset_after: bool | None = None
    if view.kind == "SimpleRNN":
        parts = step.parts["h"]
        terms = {
            "xw": float(parts.x_term[0, u]),
            "hu": float(parts.h_term[0, u]),
            "b": float(parts.bias[u]),
        }
        pre["h"] = float(step.pre["h"][0, u])
    elif view.kind == "GRU":
        pre["hh"] = float(step.pre["hh"][0, u])
        reset_after = bool(lab.settings.get("reset_after", True))
    return DiagramValues(
        kind=view.kind,
        time=view.time,
        unit=u,
        dim=view.dim,
        x_t=view.x_t,
        h_prev=view.h_prev,
        c_prev=view.c_prev,
        h=float(step.h[0, u]),
        c=None if step.c is None else float(step.c[0, u]),
        gates=gates,
        ranges=ranges,
        pre=pre,
        terms=terms,
        forced=forced,
        reset_after=reset_after,
    )


class _Canvas:
    """A grid of terminal cells; a wide character takes its cell and an empty one after it."""

    def __init__(self, rows: int, width: int = WIDTH) -> None:
        self.rows = [[" "] * width for _ in range(rows)]
        self.spots: list[tuple[str, int, int, str, float, float | None, float | None]] = []

    def put(self, row: int, col: int, text: str) -> None:
        """Write ``text`` from cell ``col`` (the row grows if needed)."""
        line = self.rows[row]
        for char in text:
            width = cells(char)
            while len(line) < col + width:
                line.append(" ")
            line[col] = char
            if width == 2:
                line[col + 1] = ""
            col += width

    def hline(self, row: int, c0: int, c1: int) -> None:
        """A horizontal wire from ``c0`` to ``c1`` (inclusive)."""
        self.put(row, c0, H * (c1 - c0 + 1))

    def vline(self, col: int, r0: int, r1: int) -> None:
        """A vertical wire from row ``r0`` to ``r1`` (inclusive)."""
        for row in range(r0, r1 + 1):
            self.put(row, col, V)

    def num(
        self,
        name: str,
        row: int,
        col: int,
        value: float,
        *,
        center: bool = False,
        shade: tuple[float, float] | None = None,
    ) -> None:
        """Print ``fmt(value)`` at ``col`` (centred on it with ``center``) and note the spot."""
        text = fmt(value)
        start = col - len(text) // 2 if center else col
        self.put(row, start, text)
        lo, hi = shade if shade is not None else (None, None)
        self.spots.append((name, row, start, text, value, lo, hi))

    def center(self, row: int, col: int, text: str) -> None:
        """Write ``text`` centred on cell ``col``."""
        self.put(row, col - cells(text) // 2, text)

    def done(self, ascii: bool) -> Diagram:
        """The lines padded to one width, and the spots as character offsets."""
        width = max(WIDTH, *(len(r) for r in self.rows))
        lines: list[str] = []
        offsets: list[list[int]] = []
        for row in self.rows:
            row = row + [" "] * (width - len(row))
            starts, k = [], 0
            for cell in row:
                starts.append(k)
                k += len(cell)
            offsets.append(starts)
            text = "".join(row)
            lines.append(text.translate(BOX_TO_ASCII) if ascii else text)
        spots = tuple(
            Spot(name, row, offsets[row][col], text, value, lo, hi)
            for name, row, col, text, value, lo, hi in self.spots
        )
        return Diagram(tuple(lines), width, spots)


def _title(v: DiagramValues, lang: str, extra: str = "") -> str:
    return words(
        lang,
        f"{v.kind} cell | t={v.time + 1}, unit {v.unit}{extra}",
        f"{v.kind} 셀 | t={v.time + 1}, 유닛 {v.unit}{extra}",
    )


def _x_label(v: DiagramValues) -> str:
    return "x_t" if v.dim == 1 else "x_t[0]"


def _footer(c: _Canvas, row: int, v: DiagramValues, lang: str, gates: str) -> None:
    """The legend and the forced gates, in words (row and row + 1)."""
    c.put(
        row,
        1,
        words(
            lang,
            f"(x) multiply, (+) add, [{gates}] gate blocks",
            f"(x) 곱하기, (+) 더하기, [{gates}] 게이트 블록",
        ),
    )
    if v.forced:
        names = ", ".join(v.forced)
        text = words(lang, f"* forced: {names}", f"* 고정: {names}")
    else:
        text = words(lang, "forced gates: none", "고정한 게이트: 없음")
    c.put(row + 1, 1, text)


def _box(c: _Canvas, row: int, col: int, v: DiagramValues, gate: str, act: str) -> None:
    """A gate block ``[f sig]`` centred on ``col``; ``*`` after it when the gate is forced."""
    text = f"[{gate} {act}]"
    start = col - cells(text) // 2
    c.put(row, start, text)
    if gate in v.forced:
        c.put(row, start + cells(text), "*")


def _inputs(c: _Canvas, row: int, col: int, v: DiagramValues) -> None:
    """The feed ``x_t`` and ``h_{t-1}`` joining the bus at ``col`` from rows ``row``, +1."""
    c.put(row, col, TEE_R + H * 2 + " " + _x_label(v))
    c.num("x_t", row, col + 13, v.x_t)
    c.put(row + 1, col, BL + H * 2 + " h_{t-1}")
    c.num("h_prev", row + 1, col + 13, v.h_prev)


def _simple_rnn(v: DiagramValues, lang: str, ascii: bool) -> Diagram:
    c = _Canvas(17)
    c.put(0, 1, _title(v, lang))
    xa, s = 8, 18  # the x chain, the sum and tanh; the h chain right of the x numbers
    hb = max(28, len(fmt(v.x_t)) + 9, len(fmt(v.terms["xw"])) + 17)
    c.put(2, s - 1, "h_t ")
    c.num("h", 2, s + 3, v.h)
    c.put(3, s, "^")
    c.put(4, s - 3, "[tanh]")
    c.put(5, s, "^")
    c.vline(s, 6, 7)
    c.put(6, s + 2, "pre ")
    c.num("pre_h", 6, s + 6, v.pre["h"])
    c.put(8, s - 1, "(+)")
    c.put(8, s + 2, "<" + H * 9 + " b ")
    c.num("b", 8, s + 15, v.terms["b"])
    c.put(9, s - 1, "^ ^")
    c.put(10, xa, TL + H * (s - xa - 2) + BR + " " + BL + H * (hb - s - 2) + TR)
    c.vline(xa, 11, 11)
    c.vline(hb, 11, 11)
    c.put(11, xa + 2, "x_t W ")
    c.num("xw", 11, xa + 8, v.terms["xw"])
    c.put(11, hb + 2, "h_{t-1} U ")
    c.num("hu", 11, hb + 12, v.terms["hu"])
    c.put(12, xa - 1, "[W]")
    c.put(12, hb - 1, "[U]")
    c.put(13, xa, "^")
    c.put(13, hb, "^")
    c.put(14, xa - 1, _x_label(v))
    c.put(14, hb - 1, "h_{t-1}")
    c.num("x_t", 15, xa - 1, v.x_t)
    c.num("h_prev", 15, hb - 1, v.h_prev)
    c.put(16, 1, "h_t = tanh(x_t W + h_{t-1} U + b)")
    return c.done(ascii)


def _lstm(v: DiagramValues, lang: str, ascii: bool) -> Diagram:
    assert v.c_prev is not None and v.c is not None
    c = _Canvas(20)
    c.put(0, 1, _title(v, lang))
    f, i, m, g, o, end = 12, 20, 28, 33, 43, 48  # wire columns; numbers at ``end``
    # c_{t-1} -> (x) f -> (+) i*g -> c_t
    c.put(2, 1, "c_{t-1} " + H + ">")
    c.put(2, f - 1, "(x)")
    c.hline(2, f + 2, m - 3)
    c.put(2, m - 2, ">(+)")
    c.hline(2, m + 2, o - 1)
    c.put(2, o, TEE_D + H * 2 + "> c_t")
    c.num("c_prev", 3, 1, v.c_prev)
    c.num("c", 3, end, v.c)
    # c_t -> tanh -> (x) o -> h_t
    c.vline(o, 3, 3)
    c.put(4, o - 3, "[tanh]")
    c.vline(o, 5, 5)
    c.put(6, o, "v")
    c.put(7, o - 1, "(x)" + H + "> h_t")
    c.num("h", 8, end, v.h)
    # i*g
    c.put(3, m, "^")
    c.vline(m, 4, 5)
    c.put(4, m + 2, "i*g")
    c.put(6, i, TL + H * (m - i - 3) + ">(x)<" + H * (g - m - 3) + TR)
    # the gate wires, their values and blocks
    c.put(3, f, "^")
    c.vline(f, 4, 10)
    c.vline(i, 7, 10)
    c.vline(g, 7, 10)
    c.put(8, o, "^")
    c.vline(o, 10, 10)
    for gate, col in (("f", f), ("i", i), ("g", g), ("o", o)):
        c.num(gate, 9, col, v.gates[gate], center=True, shade=v.ranges[gate])
        _box(c, 11, col, v, gate, "tanh" if gate == "g" else "sig")
        c.put(12, col, "^")
    # the bus from x_t and h_{t-1}
    bus = 27
    c.hline(13, f, o)
    for col, char in ((f, BL), (i, TEE_U), (g, TEE_U), (o, BR), (bus, TEE_D)):
        c.put(13, col, char)
    _inputs(c, 14, bus, v)
    c.put(16, 1, "c_t = f*c_{t-1} + i*g,  h_t = o*tanh(c_t)")
    _footer(c, 17, v, lang, "f i g o")
    c.put(19, 1, words(lang, "sig = sigmoid", "sig = sigmoid (시그모이드)"))
    return c.done(ascii)


def _gru(v: DiagramValues, lang: str, ascii: bool) -> Diagram:
    after = bool(v.reset_after)
    c = _Canvas(27)
    c.put(0, 1, _title(v, lang, f" | reset_after={after}"))
    tap, z, p, end = 10, 16, 43, 48  # h_{t-1} tap, z wire, (+) and hh wire; numbers at end
    # h_{t-1} -> (x) z -> (+) -> h_t
    c.put(2, 1, "h_{t-1} " + H + TEE_D + H * 3 + ">(x)")
    c.hline(2, z + 2, p - 3)
    c.put(2, p - 2, ">(+)" + H + H + "> h_t")
    c.num("h_prev", 3, 1, v.h_prev)
    c.num("h", 3, end, v.h)
    c.vline(tap, 3, 13)
    # z: on the old state, and (1-z) on the candidate
    c.put(3, z, "^")
    c.vline(z, 4, 9)
    c.put(3, p, "^")
    c.vline(p, 4, 4)
    c.put(5, z, TEE_R + H * 9 + " 1-z ")
    c.hline(5, z + 15, p - 3)
    c.put(5, p - 2, ">(x)")
    c.put(6, p, "^")
    c.vline(p, 7, 9)
    c.num("z", 8, z, v.gates["z"], center=True, shade=v.ranges["z"])
    c.num("hh", 8, p, v.gates["hh"], center=True, shade=v.ranges["hh"])
    _box(c, 10, z, v, "z", "sig")
    _box(c, 10, p, v, "hh", "tanh")
    c.put(11, z, "^")
    c.put(11, p, "^")
    c.vline(z, 12, 18)
    c.vline(p, 12, 18)
    c.put(12, p - 5, "pre ")
    c.num("pre_hh", 12, p - 1, v.pre["hh"])
    # the recurrent path of the candidate, with r on it (crossing the z wire without a joint)
    c.put(14, tap, BL + H * (z - tap - 1))
    if after:  # r * (h_{t-1} U_h + b_rh)
        path = H * 2 + ">[U_h, b_rh]" + H * 2 + ">(x)"
        r = z + len(path) - 1
    else:  # (r * h_{t-1}) U_h
        path = H * 2 + ">(x)"
        r = z + len(path) - 1
        path += H * 2 + ">[U_h]"
    c.put(14, z + 1, path)
    c.hline(14, z + 1 + len(path), p - 1)
    c.put(14, p, TEE_L)
    c.put(15, r, "^")
    c.vline(r, 16, 18)
    c.num("r", 16, r, v.gates["r"], center=True, shade=v.ranges["r"])
    _box(c, 17, r, v, "r", "sig")
    c.put(16, p + 2, "x_t W_h+b_h")
    # the bus from x_t and h_{t-1}
    bus = 24 if after else 26
    c.hline(19, z, p)
    for col, char in ((z, BL), (r, TEE_U), (p, BR), (bus, TEE_D)):
        c.put(19, col, char)
    _inputs(c, 20, bus, v)
    c.put(22, 1, "h_t = z*h_{t-1} + (1-z)*hh")
    if after:
        c.put(23, 1, "hh = tanh(x_t W_h + b_h + r*(h_{t-1} U_h + b_rh))")
    else:
        c.put(23, 1, "hh = tanh(x_t W_h + b_h + (r*h_{t-1}) U_h)")
    _footer(c, 24, v, lang, "z r hh")
    c.put(
        26,
        1,
        words(
            lang,
            "wires crossing without a joint do not connect",
            "이음점 없이 교차하는 선은 서로 연결되지 않음",
        ),
    )
    return c.done(ascii)


DRAW: dict[str, Callable[[DiagramValues, str, bool], Diagram]] = {
    "SimpleRNN": _simple_rnn,
    "LSTM": _lstm,
    "GRU": _gru,
}


def cell_diagram(values: DiagramValues, *, ascii: bool = False, lang: str = "en") -> Diagram:
    """The cell of ``values.kind`` drawn with its live values; ``ascii`` uses ``+ - |``."""
    return DRAW[values.kind](values, lang, ascii)


def lab_diagram(
    lab: RecurrentLab,
    *,
    ascii: bool = False,
    lang: str = "en",
    view: RecurrentView | None = None,
) -> Diagram:
    """``cell_diagram(diagram_values(lab, view), ...)``: pass the panel's ``view`` to reuse it."""
    return cell_diagram(diagram_values(lab, view), ascii=ascii, lang=lang)
