"""Symbols panel: one notation for SimpleRNN, LSTM and GRU.

Choose a symbol (h, x, W, U, t, F, I, O, Z, R, sigmoid, tanh): it is marked ``[W]`` (and
bold) in the three cells' equations, lines that use it start with ``>``, and its current
value and shape are read from seeded engine traces of the three cells at step t.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import numpy as np
from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget

from rnntui.nn import GRU, LSTM, RecurrentTrace, RNNLayer, SimpleRNN
from rnntui.ui.format import fmt
from rnntui.ui.panels.base import Panel, Readout
from rnntui.ui.widgets.stepper import Stepper

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
    ("t", "t", "time step", "타임스텝", "timesteps axis", "timesteps 축", "-"),
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


class SymbolPicker(Widget, can_focus=True):
    """One line of symbols; the chosen one is bracketed and reversed."""

    DEFAULT_CSS = (
        "SymbolPicker { height: auto; width: 1fr; } SymbolPicker:focus { text-style: bold; }"
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right", "move(1)", "Symbol", key_display="Left/Right"),
        Binding("left", "move(-1)", "Symbol", show=False),
        Binding("down", "move(1)", "Symbol", show=False),
        Binding("up", "move(-1)", "Symbol", show=False),
    ]

    def __init__(self, symbol: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.symbol = symbol

    def render(self) -> Text:
        text = Text()
        for name in NAMES:
            if name == self.symbol:
                text.append(f"[{name}]", style="bold reverse")
            else:
                text.append(f" {name} ")
        return text

    def action_move(self, delta: int) -> None:
        """Choose the previous or next symbol."""
        panel = next(a for a in self.ancestors if isinstance(a, SymbolsPanel))
        panel.choose(NAMES[(NAMES.index(self.symbol) + delta) % len(NAMES)])


class SymbolsPanel(Panel):
    """The symbol table; the chosen symbol marked in three cells, with its value and shape."""

    NAME = "symbols"
    DEFAULTS: ClassVar[dict[str, Any]] = {"symbol": "h"}
    LABELS_KO: ClassVar[dict[str, str]] = {"Symbol": "기호"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            f"{key},{key.upper()}" if len(name) == 1 else key, f"choose('{name}')", name, show=False
        )
        for name, key, *_ in TABLE
    ]
    DEFAULT_CSS = """
    SymbolsPanel .eq { text-wrap: nowrap; text-overflow: clip; }
    SymbolsPanel .eq.-on { text-style: bold; }
    SymbolsPanel .gap { margin-top: 1; }
    """
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": """\
## Symbols

One notation for SimpleRNN, LSTM and GRU. Vectors are rows, so weights multiply from the
right: x_t W. n = units, D = features per step, G = weight blocks (1, 4, 3).
W is Keras' **kernel** (D, G*n): it multiplies the input. U is **recurrent_kernel**
(n, G*n): it multiplies h_{t-1}. Both are shared by every step. F, I, O (LSTM) and Z, R
(GRU) are sigmoid gates in (0, 1); in GRU, Z weights the OLD state. The chosen symbol is
written [like this] in the equations and lines that use it start with `>`. Values come from
seeded cells with n = 3, D = 2 and 4 steps.

| key | does |
|---|---|
| Left/Right on the symbol line | previous / next symbol |
| h x w u t f i o z r | choose that symbol |
| s / n | choose sigmoid / tanh |
| t control: -/+ | the time step whose values are shown |
""",
        "ko": """\
## 기호

SimpleRNN, LSTM, GRU를 하나의 표기로 씁니다. 벡터는 행이라 가중치를 오른쪽에서 곱합니다:
x_t W. n = 유닛 수, D = 스텝당 특성 수, G = 가중치 블록 수(1, 4, 3).
W는 Keras의 **kernel** (D, G*n)로 입력에 곱합니다. U는 **recurrent_kernel** (n, G*n)로
h_{t-1}에 곱합니다. 둘 다 모든 스텝이 공유합니다. F, I, O(LSTM)와 Z, R(GRU)은 (0, 1)의
sigmoid 게이트이고, GRU의 Z는 이전 상태에 곱해집니다. 고른 기호는 식에서 [이렇게] 표시되고,
그 기호가 있는 줄은 `>`로 시작합니다. 값은 n = 3, D = 2, 4스텝의 시드 고정 셀에서 옵니다.

| 키 | 하는 일 |
|---|---|
| 기호 줄에서 Left/Right | 이전 / 다음 기호 |
| h x w u t f i o z r | 그 기호 선택 |
| s / n | sigmoid / tanh 선택 |
| t 조절: -/+ | 값을 보여 줄 타임스텝 |
""",
    }

    def check_preset(self, key: str, value: Any) -> Any:
        names = {n.lower(): n for n in NAMES}
        if not isinstance(value, str) or value.strip().lower() not in names:
            raise ValueError(f"symbol must be one of {', '.join(NAMES)}")
        text = value.strip()
        return text if text in NAMES else names[text.lower()]

    def __init__(self, preset: dict[str, Any] | None = None, lang: str = "en", **kw: Any) -> None:
        super().__init__(preset, lang, **kw)
        self.symbol: str = self.preset["symbol"]
        self.cells: dict[str, tuple[RNNLayer, RecurrentTrace]] = {}

    def compose(self) -> ComposeResult:
        yield SymbolPicker(self.symbol, id="picker")
        yield Readout(id="meaning", classes="panel--title")
        yield self.stepper("t", 0, lo=0, hi=STEPS - 1, step=1, big_step=2, integer=True, id="t")
        yield Readout(id="values-head")
        yield Readout(id="values")
        for kind in EQUATIONS:
            yield Readout(kind + (" (reset_after=True)" if kind == "GRU" else ""), classes="gap")
            for k in range(len(EQUATIONS[kind])):
                yield Readout(id=f"eq-{kind}-{k}", classes="eq")
        yield Readout(id="table", classes="gap eq")

    def choose(self, symbol: str) -> None:
        """Select ``symbol`` (a name in the table)."""
        if symbol in NAMES and symbol != self.symbol:
            self.symbol = symbol
            self.request_recompute()

    def action_choose(self, symbol: str) -> None:
        """Key binding: select a symbol."""
        self.choose(symbol)

    # -- recompute ----------------------------------------------------------------------------
    def recompute(self) -> None:
        if not self.cells:
            self.cells = seeded_cells()
        sym, t = self.symbol, int(self.query_one("#t", Stepper).value)
        picker = self.query_one(SymbolPicker)
        if picker.symbol != sym:
            picker.symbol = sym
            picker.refresh()
        row = TABLE[NAMES.index(sym)]
        keras = row[5] if self.lang == "ko" else row[4]
        meaning = row[3] if self.lang == "ko" else row[2]
        self.query_one("#meaning", Readout).show(
            f"{sym}: {meaning} | Keras: {keras} | {self.t('shape', '모양')} {row[6]}"
        )
        self.query_one("#values-head", Readout).show(
            self.t(
                f"values at t={t} (n={UNITS}, D={DIM}, T={STEPS}):",
                f"t={t}의 값 (n={UNITS}, D={DIM}, T={STEPS}):",
            )
        )
        self.query_one("#values", Readout).show("\n".join(self.value_lines(sym, t)))
        for kind, lines in EQUATIONS.items():
            marked = [mark(line, sym) for line in lines]
            for k, (text, n) in enumerate(marked):  # one Readout a line: few lines redraw
                line = self.query_one(f"#eq-{kind}-{k}", Readout)
                line.show(("> " if n else "  ") + text)
                line.set_class(n > 0, "-on")
        self.query_one("#table", Readout).show(self.table_text(sym))

    def value_lines(self, sym: str, t: int) -> list[str]:
        """The chosen symbol's value and shape in each seeded cell, at step t."""
        lines: list[str] = []
        for kind, (layer, trace) in self.cells.items():
            step = trace.steps[t]
            name = kind.ljust(10)
            if sym == "h":
                lines.append(f"{name}h_{t} {step.h.shape[1:]} = {vec(step.h)}")
            elif sym == "x":
                lines.append(f"{name}x_{t} {step.x.shape[1:]} = {vec(step.x)}")
            elif sym in ("W", "U"):
                weight = layer.get_weights()[0 if sym == "W" else 1]
                first = " ".join(fmt(v) for v in weight[0, :3])
                lines.append(f"{name}{weight.shape} {self.t('row 0', '0행')}: {first} ...")
            elif sym == "t":
                lines.append(f"{name}t = {step.t}, x_{step.position} -> h_{step.t} = {vec(step.h)}")
            elif sym in GATES:
                cell, gate = GATES[sym]
                lines.append(
                    f"{name}{gate} = {vec(step.gates[gate])}"
                    if kind == cell
                    else f"{name}" + self.t(f"no {sym} in this cell", f"이 셀에는 {sym} 없음")
                )
            else:
                lines.append(name + self.activation_line(sym, kind, trace, t))
        return lines

    def activation_line(self, sym: str, kind: str, trace: RecurrentTrace, t: int) -> str:
        """Where sigmoid or tanh is applied in ``kind``, unit 0: ``f = sigmoid(pre) = v``."""
        step = trace.steps[t]
        gates = [g for g in trace.gate_names if (g in ("g", "hh", "h")) == (sym == "tanh")]
        if not gates:
            return self.t("not used (tanh only)", "쓰지 않음 (tanh만)")
        g, shown = gates[0], {"hh": "h~"}  # the engine calls the GRU candidate hh
        more = ", ".join(shown.get(k, k) for k in gates[1:])
        if kind == "LSTM" and sym == "tanh":
            more = "tanh(c_t)"
        tail = self.t(f" (also {more})", f" ({more}에도)") if more else ""
        return (
            f"{shown.get(g, g)}[0] = {sym}({fmt(step.pre[g][0, 0])}) = "
            f"{fmt(step.gates[g][0, 0])}{tail}"
        )

    def table_text(self, sym: str) -> str:
        """The whole table; the chosen row starts with ``>``."""
        head = (
            ("기호", "뜻", "Keras", "모양")
            if self.lang == "ko"
            else ("sym", "meaning", "Keras", "shape")
        )
        rows = [head] + [
            (r[0], r[3] if self.lang == "ko" else r[2], r[5] if self.lang == "ko" else r[4], r[6])
            for r in TABLE
        ]
        widths = [max(cell_len(r[k]) for r in rows) for k in range(3)]
        lines: list[str] = []
        for k, r in enumerate(rows):
            marker = "> " if k and r[0] == sym else "  "
            cells = [r[j] + " " * (widths[j] - cell_len(r[j])) for j in range(3)]
            lines.append(marker + "  ".join([*cells, r[3]]))
        return "\n".join(lines)
