"""Dropout panel: draws a ``DropoutLab`` view (rates, masks per gate, training vs inference).

Keys become lab calls; every line shown comes from ``lab.view()`` (``rnntui/lab/dropout.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal

from rnntui.lab.dropout import DropoutLab
from rnntui.lab.format import refused
from rnntui.lab.spec import SettingError
from rnntui.nn import RecurrentTrace
from rnntui.ui.panels.base import Panel
from rnntui.ui.strings import control_label
from rnntui.ui.widgets.readout import Readout
from rnntui.ui.widgets.stepper import Stepper

STEPPERS: dict[str, dict[str, Any]] = {
    "dropout": {"step": 0.05, "big_step": 0.25, "decimals": 2},
    "recurrent_dropout": {"step": 0.05, "big_step": 0.25, "decimals": 2},
    "units": {"step": 1, "big_step": 4, "integer": True},
    "timesteps": {"step": 1, "big_step": 4, "integer": True},
}
"""How each setting's control steps (the range comes from the lab's SPEC)."""


class DropoutPanel(Panel):
    """dropout and recurrent_dropout of one LSTM/GRU call, training vs inference."""

    NAME = "dropout"
    LABELS_KO: ClassVar[dict[str, str]] = {
        "Train/Infer": "훈련/추론",
        "New masks": "새 마스크",
        "Gate": "게이트",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "toggle_mode", "Train/Infer"),
        Binding("n", "new_masks", "New masks"),
        Binding("c", "toggle_kind", "LSTM/GRU"),
        Binding("g", "next_gate", "Gate"),
    ]
    DEFAULT_CSS = """
    DropoutPanel .row { height: 1; layout: grid; grid-size: 2; grid-columns: 1fr 1fr; }
    DropoutPanel .grid { text-wrap: nowrap; text-overflow: clip; }
    DropoutPanel .gap { margin-top: 1; }
    """
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": """\
## dropout and recurrent_dropout

In training, `dropout` multiplies x_t by a mask m (one entry per feature), `recurrent_dropout`
multiplies h_{t-1} by a mask (one entry per unit). An entry is 0 with probability rate, else
1/(1-rate). The masks are drawn **once per call** and used at **every step**: a dropped row
is 0 in every column. With recurrent_dropout > 0 Keras draws a mask per gate (LSTM i, f, c,
o; GRU z, r, h). Inference: no masks, no scaling, the output equals the no-dropout output.

| key | does |
|---|---|
| Left/Right, -/+ | change the focused number (rates 0 .. 0.95) |
| t | training / inference |
| n | draw new masks (a new call) |
| c | LSTM / GRU |
| g | next gate's masks (when recurrent_dropout > 0) |
""",
        "ko": """\
## dropout과 recurrent_dropout

훈련 중 `dropout`은 x_t에 마스크 m(특성마다 한 값)을, `recurrent_dropout`은 h_{t-1}에
마스크(유닛마다 한 값)를 곱합니다. 각 값은 `rate`의 확률로 0, 아니면 `1/(1-rate)`입니다.
마스크는 **호출마다 한 번** 뽑아 **모든 스텝**에 쓰므로 제외된 행은 모든 열에서 0입니다.
recurrent_dropout > 0이면 게이트마다 마스크를 따로 뽑습니다(LSTM i, f, c, o; GRU z, r, h).
추론: 마스크도 배율도 없고, 출력이 드롭아웃 없는 출력과 같습니다.

| 키 | 하는 일 |
|---|---|
| Left/Right, -/+ | 선택한 숫자 조절 (비율 0 .. 0.95) |
| t | 훈련 / 추론 |
| n | 새 마스크 뽑기 (새 호출) |
| c | LSTM / GRU |
| g | 다음 게이트의 마스크 (recurrent_dropout > 0일 때) |
""",
    }

    def __init__(
        self,
        preset: Mapping[str, Any] | None = None,
        lang: str = "en",
        *,
        lab: DropoutLab | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(lang, id=id, classes=classes)
        self.lab: DropoutLab = lab if lab is not None else DropoutLab(preset)
        """The model (kept by the caller across a language switch if it likes)."""
        self.notes = list(refused(lang, self.lab.refused))

    @property
    def draws(self) -> int:
        """How many times the lab's current layer has drawn masks."""
        return self.lab.draws

    @property
    def run(self) -> RecurrentTrace | None:
        """The lab's last traced call."""
        return self.lab.run

    def compose(self) -> ComposeResult:
        spec, settings = self.lab.SPEC, self.lab.settings
        yield Readout(id="title", classes="panel--title")
        for row in (("dropout", "recurrent_dropout"), ("units", "timesteps")):
            with Horizontal(classes="row"):
                for name in row:
                    s = spec[name]
                    yield self.stepper(
                        control_label(s.label, self.lang),
                        settings[name],
                        lo=s.lo,
                        hi=s.hi,
                        id=name,
                        **STEPPERS[name],
                    )
        # Every Readout keeps its height when only values change (a tweak redraws few lines).
        for name in self.lab.LINES[1:]:
            kind = "panel--note" if name == "mode" else ""
            if name.endswith("-title"):
                kind = "gap"
            elif name.endswith(("-head", "-grid")):
                kind = "grid"
            yield Readout(id=name, classes=kind)

    def on_control_changed(self, stepper: Stepper) -> None:
        try:
            value = stepper.value
            self.lab.set(stepper.id or "", int(value) if stepper.integer else value)
        except SettingError as error:
            self.notify(str(error), severity="error", timeout=5)
        self.request_recompute()

    def action_toggle_mode(self) -> None:
        """Training (masks) / inference (no masks)."""
        self.lab.toggle_mode()
        self.request_recompute()

    def action_new_masks(self) -> None:
        """A new call: the layer draws fresh masks."""
        if not self.lab.new_masks():
            self.notify(
                self.t(
                    "Inference uses no masks; press t for training.",
                    "추론에는 마스크가 없습니다. t를 눌러 훈련으로 바꾸세요.",
                ),
                timeout=3,
            )
            return
        self.request_recompute()

    def action_toggle_kind(self) -> None:
        """LSTM <-> GRU."""
        self.lab.toggle_kind()
        self.request_recompute()

    def action_next_gate(self) -> None:
        """Show the next gate's masks."""
        self.lab.next_gate()
        self.request_recompute()

    def recompute(self) -> None:
        view = self.lab.view(self.lang)
        for name, value in (
            ("dropout", view.dropout),
            ("units", view.units),
            ("recurrent_dropout", view.recurrent_dropout),
            ("timesteps", view.timesteps),
        ):
            self.query_one(f"#{name}", Stepper).set_value(value, post=False)
        for name, text in view.lines:
            self.query_one(f"#{name}", Readout).show(text)
