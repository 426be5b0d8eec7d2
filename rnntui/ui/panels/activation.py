"""Activation panel: draws an ``ActivationLab`` view (x control, values, bars, two curves)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalGroup

from rnntui.lab.activation import ActivationLab
from rnntui.lab.format import refused
from rnntui.lab.spec import SettingError
from rnntui.ui.panels.base import Panel
from rnntui.ui.strings import control_label
from rnntui.ui.widgets.bars import Bar
from rnntui.ui.widgets.plot import CurvePlot
from rnntui.ui.widgets.readout import Readout
from rnntui.ui.widgets.stepper import Stepper

PLOT_ROWS = {"sigmoid": 5, "tanh": 7}


class ActivationPanel(Panel):
    """The two squashing functions of every RNN cell, evaluated by the engine."""

    NAME = "activation"
    HELP_TEXT: ClassVar[dict[str, str]] = {
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

    def __init__(
        self,
        preset: Mapping[str, Any] | None = None,
        lang: str = "en",
        *,
        lab: ActivationLab | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(lang, id=id, classes=classes)
        self.lab: ActivationLab = lab if lab is not None else ActivationLab(preset)
        """The model (kept by the caller across a language switch if it likes)."""
        self.notes = list(refused(lang, self.lab.refused))

    def compose(self) -> ComposeResult:
        view = self.lab.view(self.lang)
        lo, hi = self.lab.range
        yield self.stepper(
            control_label(self.lab.SPEC["x"].label, self.lang),
            view.x,
            lo=lo,
            hi=hi,
            step=0.1,
            big_step=1.0,
            flat=True,
            id="x",
        )
        with VerticalGroup(id="readouts"):
            yield Readout(id="values")
            yield Bar("sigmoid", lo=0.0, hi=1.0, label_width=8, id="bar-sigmoid")
            yield Bar("tanh", lo=-1.0, hi=1.0, label_width=8, id="bar-tanh")
        for curve in view.curves:
            yield Readout(curve.caption)
            yield CurvePlot(curve.lo, curve.hi, rows=PLOT_ROWS[curve.name], id=f"plot-{curve.name}")

    def on_control_changed(self, stepper: Stepper) -> None:
        try:
            self.lab.set("x", stepper.value)
        except SettingError as error:
            self.notify(str(error), severity="error", timeout=5)
        self.request_recompute()

    def recompute(self) -> None:
        view = self.lab.view(self.lang)
        self.query_one("#x", Stepper).set_value(view.x, post=False)
        self.query_one("#values", Readout).show(view.values)
        self.query_one("#bar-sigmoid", Bar).set(view.sigmoid)
        self.query_one("#bar-tanh", Bar).set(view.tanh)
        for curve in view.curves:
            self.query_one(f"#plot-{curve.name}", CurvePlot).set_curve(
                list(curve.samples), curve.point, curve.axis
            )
