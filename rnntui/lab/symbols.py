"""Symbols lab: one notation for SimpleRNN, LSTM and GRU.

A chosen symbol (h, x, W, U, t, F, I, O, Z, R, sigmoid, tanh) is marked ``[W]`` in the three
cells' equations, lines that use it start with ``>``, and its current value and shape are read
from seeded engine traces of the three cells at step t.

Steps are counted from 1 as in the lessons: h_1 is the state after the first step and h_0
the initial state. The lab's ``t`` setting is the 0-based step index (``t = 0`` shows h_1).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from rnntui.lab.format import cells, fmt, refused, words
from rnntui.lab.spec import SettingError
from rnntui.lab.specs import PANEL_SPECS
from rnntui.nn import GRU, LSTM, RecurrentTrace, RNNLayer, SimpleRNN

SEED = 3
UNITS, DIM, STEPS = 3, 2, 4
# symbol, key, English meaning, Korean meaning, Keras name (en, ko), shape
TABLE: tuple[tuple[str, str, str, str, str, str, str], ...] = (
    ("h", "h", "state = output", "상태 = 출력", "output, state", "output, state", "(n,)"),
    ("x", "x", "input at step t", "스텝 t의 입력", "inputs", "inputs", "(D,)"),
    ("W", "w", "input weight", "입력 가중치", "kernel", "kernel", "(D, G*n)"),
    (
        "U",
        "u",
        "recurrent weight",
        "순환 가중치",
        "recurrent_kernel",
        "recurrent_kernel",
        "(n, G*n)",
    ),
    ("t", "t", "time step, 1..T", "스텝, 1..T", "timesteps axis", "timesteps 축", "-"),
    ("F", "f", "forget gate", "망각 게이트", "f block", "f 블록", "(n,)"),
    ("I", "i", "input gate", "입력 게이트", "i block", "i 블록", "(n,)"),
    ("O", "o", "output gate", "출력 게이트", "o block", "o 블록", "(n,)"),
    ("Z", "z", "update gate", "업데이트 게이트", "z block", "z 블록", "(n,)"),
    ("R", "r", "reset gate", "리셋 게이트", "r block", "r 블록", "(n,)"),
    (
        "sigmoid",
        "s",
        "gates, (0, 1)",
        "게이트용, (0, 1)",
        "recurrent_activation",
        "recurrent_activation",
        "-",
    ),
    ("tanh", "n", "content, (-1, 1)", "내용용, (-1, 1)", "activation", "activation", "-"),
)
NAMES = tuple(row[0] for row in TABLE)
GATE_LINE = (
    "<{G}|{g}> = <sigmoid|sigmoid>(<x|x>_<t|t> <W|W>_<{G}|{g}> "
    "+ <h|h>_{{<t|t>-1}} <U|U>_<{G}|{g}> + b_<{G}|{g}>)"
)
EQUATIONS: dict[str, tuple[str, ...]] = {
    "SimpleRNN": ("<h|h>_<t|t> = <tanh|tanh>(<x|x>_<t|t> <W|W> + <h|h>_{<t|t>-1} <U|U> + b)",),
    "LSTM": (
        *(GATE_LINE.format(G=G, g=g) for G, g in ("Ff", "Ii", "Oo")),
        "g = <tanh|tanh>(<x|x>_<t|t> <W|W>_c + <h|h>_{<t|t>-1} <U|U>_c + b_c)",
        "c_<t|t> = <F|f> * c_{<t|t>-1} + <I|i> * g",
        "<h|h>_<t|t> = <O|o> * <tanh|tanh>(c_<t|t>)",
    ),
    "GRU": (
        *(GATE_LINE.format(G=G, g=g) for G, g in ("Zz", "Rr")),
        "h~ = <tanh|tanh>(<x|x>_<t|t> <W|W>_h + b_h",
        "         + <R|r> * (<h|h>_{<t|t>-1} <U|U>_h + b'_h))",
        "<h|h>_<t|t> = <Z|z> * <h|h>_{<t|t>-1} + (1 - <Z|z>) * h~",
    ),
}
TOKEN = re.compile(r"<(\w+)\|([^>]*)>")
GATES = {
    "F": ("LSTM", "f"),
    "I": ("LSTM", "i"),
    "O": ("LSTM", "o"),
    "Z": ("GRU", "z"),
    "R": ("GRU", "r"),
}


def mark(template: str, symbol: str) -> tuple[str, int]:
    """The equation with ``symbol`` written ``[symbol]``, and how often it occurs."""
    found = [name for name, _ in TOKEN.findall(template) if name == symbol]
    text = TOKEN.sub(lambda m: f"[{m[2]}]" if m[1] == symbol else m[2], template)
    return text, len(found)


def vec(values: np.ndarray) -> str:
    """``[0.1234, -0.5678]``."""
    return "[" + ", ".join(fmt(v) for v in np.ravel(values)) + "]"


def seeded_cells() -> dict[str, tuple[RNNLayer, RecurrentTrace]]:
    """Seeded SimpleRNN, LSTM and GRU (3 units) over the same seeded input (4 steps, D=2)."""
    x = np.random.default_rng(SEED).uniform(-1, 1, size=(1, STEPS, DIM))
    layers: list[RNNLayer] = [
        SimpleRNN(UNITS, return_sequences=True, seed=SEED),
        LSTM(UNITS, return_sequences=True, seed=SEED),
        GRU(UNITS, return_sequences=True, seed=SEED),
    ]
    return {type(layer).__name__: (layer, layer.trace(x)) for layer in layers}


SPEC = PANEL_SPECS["symbols"]


@dataclass(frozen=True)
class EquationLine:
    """One equation line: its readout id, text (``> `` when it uses the symbol)."""

    ident: str
    text: str
    uses: bool


@dataclass(frozen=True)
class SymbolsView:
    """Everything the symbols panel shows."""

    symbol: str
    t: int
    """The step shown, counted from 1 (the lab's index + 1)."""
    meaning: str
    values_head: str
    values: str
    equations: tuple[EquationLine, ...]
    table: str
    warnings: tuple[str, ...]


class SymbolsLab:
    """The symbol table; the chosen symbol marked in three seeded cells, with its value."""

    SPEC = SPEC

    def __init__(self, preset: Mapping[str, Any] | None = None) -> None:
        values, errors = SPEC.settle(preset)
        self.refused: tuple[SettingError, ...] = tuple(errors)
        """Preset values that were refused (the defaults were used)."""
        self._preset = values
        self.cells: dict[str, tuple[RNNLayer, RecurrentTrace]] = {}
        self.reset()

    def reset(self) -> None:
        """Back to the preset symbol, the first step."""
        self.symbol: str = self._preset["symbol"]
        self.t = 0

    def set(self, name: str, value: Any) -> None:
        """Choose the ``symbol`` (any case) or the step index ``t`` (0..STEPS-1; shown as
        step t + 1)."""
        value = SPEC.validate(name, value)
        if name == "t":
            self.t = value
            return
        self.symbol = value

    def move(self, delta: int) -> None:
        """The previous (-1) or next (+1) symbol of the table."""
        self.symbol = NAMES[(NAMES.index(self.symbol) + delta) % len(NAMES)]

    def view(self, lang: str = "en") -> SymbolsView:
        """The chosen symbol's meaning, values, marked equations and the table, in ``lang``."""
        if not self.cells:
            self.cells = seeded_cells()
        sym, t = self.symbol, self.t + 1
        row = TABLE[NAMES.index(sym)]
        keras = row[5] if lang == "ko" else row[4]
        meaning = row[3] if lang == "ko" else row[2]
        equations = []
        for kind, lines in EQUATIONS.items():
            for k, line in enumerate(lines):
                text, n = mark(line, sym)
                equations.append(
                    EquationLine(f"eq-{kind}-{k}", ("> " if n else "  ") + text, n > 0)
                )
        return SymbolsView(
            symbol=sym,
            t=t,
            meaning=f"{sym}: {meaning} | Keras: {keras} | {words(lang, 'shape', '모양')} {row[6]}",
            values_head=words(
                lang,
                f"values at t={t} (n={UNITS}, D={DIM}, T={STEPS}):",
                f"t={t}의 값 (n={UNITS}, D={DIM}, T={STEPS}):",
            ),
            values="\n".join(self._value_lines(sym, self.t, lang)),
            equations=tuple(equations),
            table=self._table_text(sym, lang),
            warnings=refused(lang, self.refused),
        )

    def _value_lines(self, sym: str, t: int, lang: str) -> list[str]:
        """The chosen symbol's value and shape in each seeded cell, at step index t (shown
        1-based: index 0 is h_1, the state after the first step)."""
        lines: list[str] = []
        n = t + 1
        for kind, (layer, trace) in self.cells.items():
            step = trace.steps[t]
            name = kind.ljust(10)
            if sym == "h":
                lines.append(f"{name}h_{n} {step.h.shape[1:]} = {vec(step.h)}")
            elif sym == "x":
                lines.append(f"{name}x_{n} {step.x.shape[1:]} = {vec(step.x)}")
            elif sym in ("W", "U"):
                weight = layer.get_weights()[0 if sym == "W" else 1]
                first = " ".join(fmt(v) for v in weight[0, :3])
                lines.append(f"{name}{weight.shape} {words(lang, 'row 0', '0행')}: {first} ...")
            elif sym == "t":
                x_n, h_n = step.position + 1, step.t + 1
                lines.append(f"{name}t = {h_n}, x_{x_n} -> h_{h_n} = {vec(step.h)}")
            elif sym in GATES:
                cell, gate = GATES[sym]
                lines.append(
                    f"{name}{gate} = {vec(step.gates[gate])}"
                    if kind == cell
                    else f"{name}" + words(lang, f"no {sym} in this cell", f"이 셀에는 {sym} 없음")
                )
            else:
                lines.append(name + self._activation_line(sym, kind, trace, t, lang))
        return lines

    @staticmethod
    def _activation_line(sym: str, kind: str, trace: RecurrentTrace, t: int, lang: str) -> str:
        """Where sigmoid or tanh is applied in ``kind``, unit 0: ``f = sigmoid(pre) = v``."""
        step = trace.steps[t]
        gates = [g for g in trace.gate_names if (g in ("g", "hh", "h")) == (sym == "tanh")]
        if not gates:
            return words(lang, "not used (tanh only)", "쓰지 않음 (tanh만)")
        g, shown = gates[0], {"hh": "h~"}  # the engine calls the GRU candidate hh
        more = ", ".join(shown.get(k, k) for k in gates[1:])
        if kind == "LSTM" and sym == "tanh":
            more = "tanh(c_t)"
        tail = words(lang, f" (also {more})", f" ({more}에도)") if more else ""
        return (
            f"{shown.get(g, g)}[0] = {sym}({fmt(step.pre[g][0, 0])}) = "
            f"{fmt(step.gates[g][0, 0])}{tail}"
        )

    @staticmethod
    def _table_text(sym: str, lang: str) -> str:
        """The whole table; the chosen row starts with ``>``."""
        ko = lang == "ko"
        head = ("기호", "뜻", "Keras", "모양") if ko else ("sym", "meaning", "Keras", "shape")
        rows = [head] + [(r[0], r[3] if ko else r[2], r[5] if ko else r[4], r[6]) for r in TABLE]
        widths = [max(cells(r[k]) for r in rows) for k in range(3)]
        lines: list[str] = []
        for k, r in enumerate(rows):
            marker = "> " if k and r[0] == sym else "  "
            padded = [r[j] + " " * (widths[j] - cells(r[j])) for j in range(3)]
            lines.append(marker + "  ".join([*padded, r[3]]))
        return "\n".join(lines)
