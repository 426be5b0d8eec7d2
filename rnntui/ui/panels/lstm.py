"""LSTM panel: f, i, o (sigmoid) and g (tanh) as bars with numbers, then c_t and h_t.

What-if: force any gate's value or pre-activation (forget gate 1 keeps the memory, 0 wipes
it) at every step, and watch c carry (or lose) information across the sequence.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalGroup

from rnntui.nn import LSTM, RNNLayer, StepTrace
from rnntui.ui.format import fmt
from rnntui.ui.panels._recurrent import RecurrentPanel
from rnntui.ui.panels.base import Readout
from rnntui.ui.widgets.bars import Bar

GATES = (("f", "sig", 0.0, 1.0), ("i", "sig", 0.0, 1.0), ("o", "sig", 0.0, 1.0),
         ("g", "tanh", -1.0, 1.0))


def paren(value: float) -> str:
    """A number for a formula: negatives in parentheses."""
    text = fmt(value)
    return f"({text})" if text.startswith("-") else text


class LSTMPanel(RecurrentPanel):
    """One LSTM layer over the lesson's sequence, one step and one unit in detail."""

    NAME = "lstm"
    LAYER_NAME = "LSTM"
    HAS_CARRY = True
    FORCE_GATES = (("f", 0.0, 1.0), ("i", 0.0, 1.0), ("o", 0.0, 1.0), ("g", -1.0, 1.0))
    HELP: ClassVar[dict[str, str]] = {
        "en": """\
## LSTM cell

An LSTM keeps two states: the **cell state** c (long-term memory) and the **hidden state** h
(what it shows). At each step t four blocks read x_t and h_{t-1}:

- f, the **forget gate** (sigmoid, 0 to 1): how much of c_{t-1} to keep
- i, the **input gate** (sigmoid): how much of the candidate to write
- g, the **candidate** (tanh, -1 to 1): what could be written
- o, the **output gate** (sigmoid): how much of tanh(c_t) to show

c_t = f * c_{t-1} + i * g and h_t = o * tanh(c_t). Force f to 1 and c carries its value
from step to step; force f to 0 and c_t is only i * g: the memory is wiped.

| keys | what they do |
|---|---|
| Tab / shift+Tab | move between controls |
| Left/Right or -/+ | step the focused number; PgUp/PgDn: big step |
| Enter | type a number (0,5 or 0.5) |
| on a force control: 0 / 1 | force the gate's value to 0 or 1 |
| on a force control: Space | cycle off / value / pre-activation |
| on a force control: x | stop forcing |
| t control, or arrows on the grid | choose the time step and unit |
| r | reset state edits and forcing |
""",
        "ko": """\
## LSTM 셀

LSTM은 두 가지 상태를 가집니다. **셀 상태** c(장기 기억)와
**은닉 상태** h(밖으로 내보내는 값)입니다.
각 단계 t에서 네 블록이 x_t와 h_{t-1}을 읽습니다.

- f, **망각 게이트** (sigmoid, 0에서 1): c_{t-1}을 얼마나 남길지
- i, **입력 게이트** (sigmoid): 후보 값을 얼마나 쓸지
- g, **후보 값** (tanh, -1에서 1): 새로 쓸 수 있는 값
- o, **출력 게이트** (sigmoid): tanh(c_t)를 얼마나 내보낼지

c_t = f * c_{t-1} + i * g, h_t = o * tanh(c_t). f를 1로 고정하면 c가 단계마다 값을 이어 가고,
f를 0으로 고정하면 c_t는 i * g뿐이라 기억이 지워집니다.

| 키 | 하는 일 |
|---|---|
| Tab / shift+Tab | 조절 항목 이동 |
| Left/Right 또는 -/+ | 선택한 숫자 조절, PgUp/PgDn: 크게 조절 |
| Enter | 숫자 입력 (0,5 또는 0.5) |
| 게이트 고정 칸에서 0 / 1 | 게이트 값을 0 또는 1로 고정 |
| 게이트 고정 칸에서 Space | 끔 / 값 / 활성화 전 값 순환 |
| 게이트 고정 칸에서 x | 고정 해제 |
| t 조절, 또는 표에서 화살표 | 시간 단계와 유닛 선택 |
| r | 상태 수정과 고정 초기화 |
""",
    }

    def make_layer(self, units: int, seed: int) -> RNNLayer:
        return LSTM(units, return_sequences=True, seed=seed)

    def compose_readouts(self) -> ComposeResult:
        with VerticalGroup(id="readouts"):
            for gate, act, lo, hi in GATES:
                yield Bar(f"{gate} {act}", lo=lo, hi=hi, label_width=7, id=f"bar-{gate}")
            yield Readout("c_t = f*c_{t-1} + i*g")
            yield Readout(id="c-line")
            yield Readout("h_t = o*tanh(c_t)")
            yield Readout(id="h-line")

    def update_readouts(self, step: StepTrace, unit: int) -> None:
        u = unit
        forced_word = self.t("forced", "고정")
        for gate, _act, _lo, _hi in GATES:
            note = forced_word if gate in step.forced else ""
            self.one(f"#bar-{gate}", Bar).set(
                float(step.gates[gate][0, u]), note=note,
                suffix=f"pre {fmt(float(step.pre[gate][0, u])).rjust(8)}",
            )
        assert step.c is not None and step.c_prev is not None
        f, i, g, o = (float(step.gates[k][0, u]) for k in ("f", "i", "g", "o"))
        c_prev, c, h = float(step.c_prev[0, u]), float(step.c[0, u]), float(step.h[0, u])
        self.one("#c-line", Readout).show(
            f"    = {paren(f)}*{paren(c_prev)} + {paren(i)}*{paren(g)}"
            f" = {fmt(c)}"
        )
        self.one("#h-line", Readout).show(
            f"    = {paren(o)}*tanh({fmt(c)}) = {fmt(h)}"
        )
