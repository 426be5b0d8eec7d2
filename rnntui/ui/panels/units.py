"""Units panel: draws a ``UnitsLab`` view (SimpleRNN, LSTM and GRU side by side as the number
of units changes); the steppers and the grid's layer choice become lab calls
(``rnntui/lab/units.py``).

What the text panels share lives in ``rnntui/ui/widgets/``: ``choice.Choice``,
``text_panel.TextPanel``, ``wrap.wrap``; padding is ``rnntui.lab.format.pad``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widgets import Static

from rnntui.lab.format import refused
from rnntui.lab.spec import SettingError
from rnntui.lab.units import GRID, KINDS, UnitsLab, input_table
from rnntui.nn import RecurrentTrace
from rnntui.ui.strings import control_label
from rnntui.ui.widgets.choice import Choice
from rnntui.ui.widgets.grid import ValueGrid
from rnntui.ui.widgets.readout import Readout
from rnntui.ui.widgets.stepper import Stepper
from rnntui.ui.widgets.text_panel import TextPanel

__all__ = ["GRID", "UnitsPanel", "input_table"]


class UnitsPanel(TextPanel):
    """units, input_dim and timesteps controls; three layers compared."""

    NAME = "units"
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": "## Units\n\n`units` (n) is the length of the hidden state h. Every unit reads "
        "every unit's previous value through the recurrent weight U (n x n per gate), so the "
        "parameters grow roughly with n squared. The number of time steps never changes the "
        "count: the same weights are reused at every step.\n\n"
        "| key | does |\n|---|---|\n| Tab | next control |\n| -/+ or Left/Right | change "
        "units, input_dim, timesteps |\n| PgUp/PgDn | big step |\n| Enter | type a value |\n"
        "| Space on grid layer | next layer type |\n| arrows on the grid | move the cursor |",
        "ko": "## 유닛\n\n`units`(n)는 은닉 상태 h의 길이입니다. 모든 유닛은 순환 가중치 U"
        "(게이트마다 n x n)를 통해 모든 유닛의 이전 값을 읽으므로 파라미터는 대략 n의 제곱으로 "
        "늘어납니다. 스텝 수는 개수를 바꾸지 않습니다. 같은 가중치를 매 스텝 다시 씁니다.\n\n"
        "| 키 | 기능 |\n|---|---|\n| Tab | 다음 컨트롤 |\n| -/+ 또는 Left/Right | 유닛 수, "
        "입력 특성 수, 스텝 수 조절 |\n| PgUp/PgDn | 크게 조절 |\n| Enter | 값 입력 |\n"
        "| 표의 층에서 Space | 다음 층 종류 |\n| 표에서 화살표 | 커서 이동 |",
    }
    DEFAULT_CSS = """
    UnitsPanel .row { height: auto; width: 1fr; }
    UnitsPanel .row Stepper { width: auto; margin-right: 1; }
    UnitsPanel .row Stepper > .stepper--label { min-width: 0; }
    UnitsPanel #caption { width: 1fr; }
    UnitsPanel #grid { height: 9; width: 1fr; }
    UnitsPanel .gap { margin-top: 1; }
    """

    def __init__(
        self,
        preset: Mapping[str, Any] | None = None,
        lang: str = "en",
        *,
        lab: UnitsLab | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(lang, id=id, classes=classes)
        self.lab: UnitsLab = lab if lab is not None else UnitsLab(preset)
        """The model (kept by the caller across a language switch if it likes)."""
        self.notes = list(refused(lang, self.lab.refused))

    @property
    def counts(self) -> dict[str, int]:
        """Engine count_params per layer type, as shown."""
        return dict(self.lab.view(self.lang).counts)

    @property
    def trace(self) -> RecurrentTrace | None:
        """The trace behind the grid."""
        return self.lab.trace

    def compose(self) -> ComposeResult:
        view = self.lab.view(self.lang)
        values = {"units": view.units, "input_dim": view.input_dim, "timesteps": view.timesteps}
        yield Static(
            self.t(
                "Units: SimpleRNN, LSTM and GRU side by side",
                "유닛: SimpleRNN, LSTM, GRU 나란히 보기",
            ),
            classes="panel--title",
        )
        with HorizontalGroup(classes="row"):
            for key, big in (("units", 16), ("input_dim", 8), ("timesteps", 10)):
                setting = self.lab.SPEC[key]
                yield self.stepper(
                    control_label(setting.label, self.lang),
                    values[key],
                    lo=setting.lo,
                    hi=setting.hi,
                    step=1,
                    big_step=big,
                    integer=True,
                    id=key,
                )
        yield Readout(id="params", classes="gap")
        yield Readout(id="shapes")
        with HorizontalGroup(classes="row gap"):
            yield Choice(self.t("grid", "표"), tuple(KINDS), view.kind, lang=self.lang, id="kind")
            yield Readout(id="caption")
        yield ValueGrid(row_label="h", corner=self.t("unit", "유닛"), first_step=1, id="grid")
        yield Readout(id="weights", classes="gap")
        yield Readout(id="note")

    def on_control_changed(self, stepper: Stepper) -> None:
        name, value = stepper.id or "", int(stepper.value)
        try:
            if name == "kind":
                self.lab.set("kind", tuple(KINDS)[value])
            else:
                self.lab.set(name, value)
        except SettingError as error:
            self.notify(str(error), severity="error", timeout=5)
        self.request_recompute()

    def recompute(self) -> None:
        view = self.lab.view(self.lang)
        for name, value in (
            ("units", view.units),
            ("input_dim", view.input_dim),
            ("timesteps", view.timesteps),
            ("kind", view.kind),
        ):
            self.query_one(f"#{name}", Stepper).set_value(value, post=False)
        lines = dict(view.lines)
        for name in ("params", "shapes", "weights", "note", "caption"):
            self.show(f"#{name}", lines[name])
        self.query_one("#grid", ValueGrid).set_values([list(row) for row in view.grid])
