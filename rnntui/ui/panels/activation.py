"""Activation panel: sigmoid and tanh curves, an x control, the current point and values."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np
from textual.app import ComposeResult
from textual.containers import VerticalGroup

from rnntui.nn.activations import sigmoid, tanh
from rnntui.ui.format import fmt
from rnntui.ui.panels.base import Panel, Readout
from rnntui.ui.widgets.bars import Bar
from rnntui.ui.widgets.plot import CurvePlot
from rnntui.ui.widgets.stepper import Stepper

X_MIN, X_MAX = -6.0, 6.0
COLUMNS = 49
XS = np.linspace(X_MIN, X_MAX, COLUMNS)


class ActivationPanel(Panel):
    """The two squashing functions of every RNN cell, evaluated by the engine."""

    NAME = "activation"
    DEFAULTS: ClassVar[dict[str, Any]] = {"x": 0.5}
    HELP: ClassVar[dict[str, str]] = {
        "en": """\
## Sigmoid and tanh

- **sigmoid(x) = 1 / (1 + exp(-x))** squashes any number into (0, 1). Gates use it: 0 means
  "let nothing through", 1 means "let everything through".
- **tanh(x)** squashes into (-1, 1) and is centred on 0. Candidate values and h use it.

Both flatten out for large |x| (saturation): the value barely moves, and so does learning.
The dashed rows are the ends of each range; the curves approach them but never reach them.

| keys | what they do |
|---|---|
| Left/Right or -/+ | move x by 0.1 |
| PgUp/PgDn | move x by 1 |
| Enter | type x (0,5 or 0.5) |
""",
        "ko": """\
## 시그모이드와 tanh

- **sigmoid(x) = 1 / (1 + exp(-x))** 는 어떤 수든 (0, 1) 사이로 눌러 줍니다.
  게이트가 이 함수를 씁니다.
  0은 "아무것도 통과시키지 않음", 1은 "모두 통과"입니다.
- **tanh(x)** 는 (-1, 1) 사이로 누르며 0을 중심으로 합니다. 후보 값과 h가 이 함수를 씁니다.

|x|가 크면 두 함수 모두 평평해집니다(포화). 값이 거의 변하지 않고, 학습도 느려집니다.
점선 줄은 각 범위의 끝입니다. 곡선은 가까이 가지만 닿지는 않습니다.

| 키 | 하는 일 |
|---|---|
| Left/Right 또는 -/+ | x를 0.1씩 이동 |
| PgUp/PgDn | x를 1씩 이동 |
| Enter | x 입력 (0,5 또는 0.5) |
""",
    }

    def check_preset(self, key: str, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("x must be a number")
        if not X_MIN <= value <= X_MAX:
            raise ValueError(f"x must be between {X_MIN} and {X_MAX}")
        return float(value)

    def compose(self) -> ComposeResult:
        yield self.stepper("x", self.preset["x"], lo=X_MIN, hi=X_MAX, step=0.1, big_step=1.0,
                           flat=True, id="x")
        with VerticalGroup(id="readouts"):
            yield Readout(id="values")
            yield Bar("sigmoid", lo=0.0, hi=1.0, label_width=8, id="bar-sigmoid")
            yield Bar("tanh", lo=-1.0, hi=1.0, label_width=8, id="bar-tanh")
        yield Readout(self.t("sigmoid(x), range (0, 1):", "sigmoid(x), 범위 (0, 1):"))
        yield CurvePlot(0.0, 1.0, rows=5, id="plot-sigmoid")
        yield Readout(self.t("tanh(x), range (-1, 1):", "tanh(x), 범위 (-1, 1):"))
        yield CurvePlot(-1.0, 1.0, rows=7, id="plot-tanh")

    def recompute(self) -> None:
        x = self.query_one("#x", Stepper).value
        s = float(sigmoid(x))
        t = float(tanh(x))
        self.query_one("#values", Readout).show(
            f"sigmoid({fmt(x)}) = {fmt(s)}   tanh({fmt(x)}) = {fmt(t)}"
        )
        self.query_one("#bar-sigmoid", Bar).set(s)
        self.query_one("#bar-tanh", Bar).set(t)
        column = round((x - X_MIN) / (X_MAX - X_MIN) * (COLUMNS - 1))
        axis = f"x: {fmt(X_MIN, 0)} .. {fmt(X_MAX, 0)}, @ = ({fmt(x)}, value)"
        self.query_one("#plot-sigmoid", CurvePlot).set_curve(
            [float(v) for v in sigmoid(XS)], (column, s), axis)
        self.query_one("#plot-tanh", CurvePlot).set_curve(
            [float(v) for v in tanh(XS)], (column, t), axis)
