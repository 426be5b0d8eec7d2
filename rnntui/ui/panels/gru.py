"""GRU panel: z, r (sigmoid) and the candidate hh (tanh), h_t, and LSTM vs GRU parameters."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalGroup

from rnntui.nn import GRU, LSTM, RNNLayer, StepTrace
from rnntui.ui.format import fmt, fmt_int
from rnntui.ui.panels._recurrent import RecurrentPanel
from rnntui.ui.panels.base import Readout
from rnntui.ui.widgets.bars import Bar

GATES = (("z", "sig", 0.0, 1.0), ("r", "sig", 0.0, 1.0), ("hh", "tanh", -1.0, 1.0))


def paren(value: float) -> str:
    """A number for a formula: negatives in parentheses."""
    text = fmt(value)
    return f"({text})" if text.startswith("-") else text


class GRUPanel(RecurrentPanel):
    """One GRU layer; what-if forcing of z, r and the candidate."""

    NAME = "gru"
    LAYER_NAME = "GRU"
    FORCE_GATES = (("z", 0.0, 1.0), ("r", 0.0, 1.0), ("hh", -1.0, 1.0))
    DEFAULTS: ClassVar[dict[str, Any]] = {
        **RecurrentPanel.DEFAULTS, "reset_after": True,
    }
    HELP: ClassVar[dict[str, str]] = {
        "en": """\
## GRU cell

A GRU keeps one state h and uses three blocks of weights (an LSTM uses four):

- z, the **update gate** (sigmoid): how much of the old h to keep
- r, the **reset gate** (sigmoid): how much of the old h the candidate may look at
- hh, the **candidate** (tanh): the proposed new state

h_t = z * h_{t-1} + (1 - z) * hh. In Keras, z weights the OLD state: force z to 1 and h is
copied unchanged; force z to 0 and h becomes the candidate.

The last line compares the parameter counts of LSTM and GRU with the same units and input.

| keys | what they do |
|---|---|
| Tab / shift+Tab | move between controls |
| Left/Right or -/+, PgUp/PgDn, Enter | change the focused number |
| on a force control: 0 / 1, Space, x | force value 0 / 1, cycle mode, stop forcing |
| arrows on the grid | pick a cell (unit, t) |
| r | reset state edits and forcing |
""",
        "ko": """\
## GRU 셀

GRU는 상태 h 하나와 가중치 블록 세 개를 씁니다(LSTM은 네 개).

- z, **업데이트 게이트** (sigmoid): 이전 h를 얼마나 유지할지
- r, **리셋 게이트** (sigmoid): 후보 값이 이전 h를 얼마나 볼지
- hh, **후보 값** (tanh): 새 상태의 제안

h_t = z * h_{t-1} + (1 - z) * hh. Keras에서 z는 이전 상태에 곱해집니다. z를 1로 고정하면 h가
그대로 복사되고, 0으로 고정하면 h가 후보 값이 됩니다.

마지막 줄은 같은 유닛 수와 입력에서 LSTM과 GRU의 파라미터 수를 비교합니다.

| 키 | 하는 일 |
|---|---|
| Tab / shift+Tab | 조절 항목 이동 |
| Left/Right 또는 -/+, PgUp/PgDn, Enter | 선택한 숫자 바꾸기 |
| 게이트 고정 칸에서 0 / 1, Space, x | 값 0 / 1 고정, 방식 순환, 고정 해제 |
| 표에서 화살표 | 칸 (유닛, t) 선택 |
| r | 상태 수정과 고정 초기화 |
""",
    }

    def check_preset(self, key: str, value: Any) -> Any:
        if key == "reset_after":
            if not isinstance(value, bool):
                raise ValueError("reset_after must be true or false")
            return value
        return super().check_preset(key, value)

    def make_layer(self, units: int, seed: int) -> RNNLayer:
        return GRU(units, return_sequences=True, seed=seed,
                   reset_after=bool(self.preset["reset_after"]))

    def compose_readouts(self) -> ComposeResult:
        with VerticalGroup(id="readouts"):
            for gate, act, lo, hi in GATES:
                yield Bar(f"{gate} {act}", lo=lo, hi=hi, label_width=8, id=f"bar-{gate}")
            yield Readout("h_t = z*h_{t-1} + (1-z)*hh")
            yield Readout(id="h-line")
            yield Readout(id="params")

    def param_counts(self) -> tuple[int, int]:
        """(LSTM, GRU) parameters at the current units and input dim, from the engine."""
        key = (self.units, self.seq.dim, bool(self.preset["reset_after"]))
        cached = getattr(self, "_params", None)
        if cached is not None and cached[0] == key:
            return cached[1]
        lstm = LSTM(self.units, seed=0)
        lstm.build((None, 1, self.seq.dim))
        counts = (lstm.count_params(), self.layer().count_params())
        self._params = (key, counts)
        return counts

    def update_readouts(self, step: StepTrace, unit: int) -> None:
        u = unit
        forced_word = self.t("forced", "고정")
        for gate, _act, _lo, _hi in GATES:
            note = forced_word if gate in step.forced else ""
            self.one(f"#bar-{gate}", Bar).set(
                float(step.gates[gate][0, u]), note=note,
                suffix=f"pre {fmt(float(step.pre[gate][0, u])).rjust(8)}",
            )
        z, hh = float(step.gates["z"][0, u]), float(step.gates["hh"][0, u])
        h_prev, h = float(step.h_prev[0, u]), float(step.h[0, u])
        self.one("#h-line", Readout).show(
            f"    = {paren(z)}*{paren(h_prev)} + (1-{paren(z)})*{paren(hh)} = {fmt(h)}"
        )
        n_lstm, n_gru = self.param_counts()
        self.one("#params", Readout).show(self.t(
            f"params, units={self.units}, input {self.seq.dim}: "
            f"LSTM (4 blocks) {fmt_int(n_lstm)}, GRU (3 blocks) {fmt_int(n_gru)}",
            f"파라미터, 유닛 {self.units}, 입력 {self.seq.dim}: "
            f"LSTM (블록 4) {fmt_int(n_lstm)}, GRU (블록 3) {fmt_int(n_gru)}",
        ))
