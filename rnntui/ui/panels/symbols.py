"""Symbols panel: draws a ``SymbolsLab`` view (one notation for SimpleRNN, LSTM and GRU).

The picker, the letter keys and the t stepper become lab calls (``rnntui/lab/symbols.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget

from rnntui.lab.format import refused
from rnntui.lab.spec import SettingError
from rnntui.lab.symbols import (
    DIM,
    EQUATIONS,
    NAMES,
    SEED,
    STEPS,
    TABLE,
    UNITS,
    SymbolsLab,
    mark,
)
from rnntui.ui.panels.base import Panel
from rnntui.ui.widgets.readout import Readout
from rnntui.ui.widgets.stepper import Stepper

__all__ = [
    "DIM",
    "EQUATIONS",
    "NAMES",
    "SEED",
    "STEPS",
    "UNITS",
    "SymbolPicker",
    "SymbolsPanel",
    "mark",
]


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
seeded cells with n = 3, D = 2 and 4 steps. Steps count from 1, as in the lessons: h_1 is
the state after the first step, h_0 the initial state (zeros).

| key | does |
|---|---|
| Left/Right on the symbol line | previous / next symbol |
| h x w u t f i o z r | choose that symbol |
| s / n | choose sigmoid / tanh |
| t control: -/+ | the step whose values are shown (1..4) |
""",
        "ko": """\
## 기호

SimpleRNN, LSTM, GRU를 하나의 표기로 씁니다. 벡터는 행이라 가중치를 오른쪽에서 곱합니다:
x_t W. n = 유닛 수, D = 스텝당 특성 수, G = 가중치 블록 수(1, 4, 3).
W는 Keras의 **kernel** (D, G*n)로 입력에 곱합니다. U는 **recurrent_kernel** (n, G*n)로
h_{t-1}에 곱합니다. 둘 다 모든 스텝이 공유합니다. F, I, O(LSTM)와 Z, R(GRU)은 (0, 1)의
sigmoid 게이트이고, GRU의 Z는 이전 상태에 곱해집니다. 고른 기호는 식에서 [이렇게] 표시되고,
그 기호가 있는 줄은 `>`로 시작합니다. 값은 n = 3, D = 2, 4스텝의 시드 고정 셀에서 옵니다.
스텝은 레슨처럼 1부터 셉니다: h_1은 첫 스텝 뒤의 상태, h_0은 처음 상태(0)입니다.

| 키 | 하는 일 |
|---|---|
| 기호 줄에서 Left/Right | 이전 / 다음 기호 |
| h x w u t f i o z r | 그 기호 선택 |
| s / n | sigmoid / tanh 선택 |
| t 조절: -/+ | 값을 보여 줄 스텝 (1..4) |
""",
    }

    def __init__(
        self,
        preset: Mapping[str, Any] | None = None,
        lang: str = "en",
        *,
        lab: SymbolsLab | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(lang, id=id, classes=classes)
        self.lab: SymbolsLab = lab if lab is not None else SymbolsLab(preset)
        """The model (kept by the caller across a language switch if it likes)."""
        self.notes = list(refused(lang, self.lab.refused))

    @property
    def symbol(self) -> str:
        """The chosen symbol."""
        return self.lab.symbol

    def compose(self) -> ComposeResult:
        t = self.lab.SPEC["t"]
        yield SymbolPicker(self.lab.symbol, id="picker")
        yield Readout(id="meaning", classes="panel--title")
        yield self.stepper(  # steps shown from 1, as in the lessons (h_1 after the first)
            "t",
            self.lab.t + 1,
            lo=(t.lo or 0) + 1,
            hi=(t.hi or 0) + 1,
            step=1,
            big_step=2,
            integer=True,
            id="t",
        )
        yield Readout(id="values-head")
        yield Readout(id="values")
        for kind in EQUATIONS:
            yield Readout(kind + (" (reset_after=True)" if kind == "GRU" else ""), classes="gap")
            for k in range(len(EQUATIONS[kind])):
                yield Readout(id=f"eq-{kind}-{k}", classes="eq")
        yield Readout(id="table", classes="gap eq")

    def choose(self, symbol: str) -> None:
        """Select ``symbol`` (a name in the table)."""
        if symbol in NAMES and symbol != self.lab.symbol:
            self.lab.set("symbol", symbol)
            self.request_recompute()

    def action_choose(self, symbol: str) -> None:
        """Key binding: select a symbol."""
        self.choose(symbol)

    def on_control_changed(self, stepper: Stepper) -> None:
        try:
            self.lab.set("t", int(stepper.value) - 1)
        except SettingError as error:
            self.notify(str(error), severity="error", timeout=5)
        self.request_recompute()

    def recompute(self) -> None:
        view = self.lab.view(self.lang)
        picker = self.query_one(SymbolPicker)
        if picker.symbol != view.symbol:
            picker.symbol = view.symbol
            picker.refresh()
        self.query_one("#t", Stepper).set_value(view.t, post=False)
        self.query_one("#meaning", Readout).show(view.meaning)
        self.query_one("#values-head", Readout).show(view.values_head)
        self.query_one("#values", Readout).show(view.values)
        for eq in view.equations:  # one Readout a line: few lines redraw
            line = self.query_one(f"#{eq.ident}", Readout)
            line.show(eq.text)
            line.set_class(eq.uses, "-on")
        self.query_one("#table", Readout).show(view.table)
