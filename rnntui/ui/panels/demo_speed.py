"""Is-GRU-faster demo panel: draws a ``SpeedLab`` view (``rnntui/demos/speed.py``).

For the student's units and sequence length: parameters and multiply-adds per step of LSTM,
GRU and SimpleRNN (instant, from the formulas), and ``t`` measures the time of one training
step of each in the engine (in a worker thread, one BLAS thread).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalGroup

from rnntui.demos.speed import SpeedLab, SpeedView
from rnntui.lab.format import fmt, fmt_int, pad
from rnntui.ui.panels.demo_base import DemoPanel
from rnntui.ui.strings import control_label
from rnntui.ui.widgets.readout import Readout
from rnntui.ui.widgets.stepper import Stepper

REPEATS = 10


class SpeedPanel(DemoPanel[SpeedLab]):
    """Units, length; counts now, measured step times on ``t``."""

    NAME = "demo_speed"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("t", "train", "Measure")]
    LABELS_KO: ClassVar[dict[str, str]] = {**DemoPanel.LABELS_KO, "Measure": "측정"}
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": "## Is GRU faster?\n\nAn LSTM has four weight blocks, a GRU three, so per step "
        "a GRU does 3/4 of an LSTM's matrix multiply-adds. Whether that shows as time depends "
        "on the sizes: at small units the fixed cost of every step dominates. t measures one "
        "training step (batch 32) of each cell in the engine, now, on this machine.\n\n"
        "| key | does |\n|---|---|\n| -/+ | units, length T, input width |\n| t | measure |\n"
        "| x | cancel |\n| z | clear the times |",
        "ko": "## GRU가 더 빠를까?\n\nLSTM은 가중치 블록이 네 개, GRU는 세 개라서 스텝마다 "
        "GRU의 행렬 곱셈-덧셈은 LSTM의 3/4입니다. 그것이 시간으로 나타나는지는 크기에 "
        "달렸습니다. 유닛이 적으면 스텝마다 드는 고정 비용이 더 큽니다. t는 각 셀의 학습 "
        "스텝 하나(배치 32)를 지금 이 컴퓨터의 엔진에서 잽니다.\n\n"
        "| 키 | 기능 |\n|---|---|\n| -/+ | 유닛, 길이 T, 입력 너비 |\n| t | 측정 |\n"
        "| x | 취소 |\n| z | 측정값 지우기 |",
    }
    IDLE_HINT: ClassVar[tuple[str, str]] = ("t: measure", "t: 측정")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.measured: SpeedView | None = None

    def open_lab(self, lang: str) -> SpeedLab:
        return SpeedLab()

    def compose(self) -> ComposeResult:
        yield Readout(id="title", classes="panel--title")
        with HorizontalGroup(classes="row"):
            units = control_label("units", self.lang)
            yield self.stepper(units, self.lab.units, lo=4, hi=256, step=4,
                               big_step=32, integer=True, id="units")  # fmt: skip
            yield self.stepper("T", self.lab.length, lo=1, hi=100, step=1, big_step=10,
                               integer=True, id="length")  # fmt: skip
            yield self.stepper("D", self.lab.input_dim, lo=1, hi=128, step=1, big_step=16,
                               integer=True, id="input_dim")  # fmt: skip
        yield Readout(id="table", classes="gap")
        yield Readout(id="verdict", classes="gap")
        yield Readout(id="progress", classes="gap")

    def on_control_changed(self, stepper: Stepper) -> None:
        value = int(stepper.value)
        if stepper.id in ("units", "length", "input_dim"):
            setattr(self.lab, stepper.id, value)
        self.request_recompute()

    # -- measuring ------------------------------------------------------------------------------
    def train_job(self, cancel: threading.Event, report: Callable[[Any], None]) -> Any:
        lab = SpeedLab(self.lab.input_dim, self.lab.units, self.lab.length, self.lab.batch)
        return lab.view(repeats=REPEATS)

    def action_train(self) -> None:
        super().action_train()
        if self.training:
            self.show_progress(0, 1, self.t("measuring ...", "측정하는 중 ..."))

    def on_trained(self, result: Any, cancelled: bool) -> None:
        if cancelled or result is None:
            self.show_progress(0, 1, self.t("cancelled", "취소됨") if cancelled else "")
            return
        self.measured = result
        self.show_progress(1, 1, self.t("measured", "측정 완료"))
        self.request_recompute()

    def reset_model(self) -> bool:
        had = self.measured is not None
        self.measured = None
        self.show_hint()
        return had

    # -- drawing --------------------------------------------------------------------------------
    def _current(self) -> SpeedView | None:
        """The measurement, if it was taken at the sizes now shown."""
        m, lab = self.measured, self.lab
        if m is None or (m.units, m.length, m.input_dim) != (lab.units, lab.length, lab.input_dim):
            return None
        return m

    def recompute(self) -> None:
        counts = self.lab.view(repeats=0)
        measured = self._current()
        times = {r.cell: r.ms_per_train_step for r in measured.rows} if measured else {}
        self.show(
            "#title",
            self.t("Is GRU faster? LSTM vs GRU", "GRU가 더 빠를까? LSTM 대 GRU")
            + f"  (D={counts.input_dim}, units={counts.units}, T={counts.length}, "
            + f"{self.t('batch', '배치')}={counts.batch})",
        )
        head = pad("", 11) + self.t(
            "      params  mult-adds/step  ms/train step",
            "      파라미터  스텝당 곱셈-덧셈  학습 스텝 ms",
        )
        rows = [head]
        for r in counts.rows:
            ms = times.get(r.cell)
            shown = "-" if ms is None or math.isnan(ms) else f"{ms:.2f}"
            rows.append(
                pad(r.label, 11) + f"{fmt_int(r.params):>12}{fmt_int(r.macs_per_step):>16}"
                + f"{shown:>15}"
            )  # fmt: skip
        self.show("#table", "\n".join(rows))
        self.show("#verdict", self._verdict(measured), lines=2)
        self.keep_progress_line()

    def _verdict(self, measured: SpeedView | None) -> str:
        if measured is None:
            return self.t(
                "GRU does 3/4 of LSTM's multiply-adds. Press t to time both here.",
                "GRU는 LSTM 곱셈-덧셈의 3/4를 합니다. t를 눌러 여기서 두 셀의 시간을 재 보세요.",
            )
        ratio = measured.gru_over_lstm_time
        if ratio < 0.95:
            return self.t(
                f"GRU's step took {fmt(ratio, 2)} of LSTM's time: faster at these sizes.",
                f"GRU 스텝은 LSTM 시간의 {fmt(ratio, 2)}배: 이 크기에서는 더 빠릅니다.",
            )
        return self.t(
            f"GRU's step took {fmt(ratio, 2)} of LSTM's time: not clearly faster at these "
            "sizes (the per-step overhead dominates).",
            f"GRU 스텝은 LSTM 시간의 {fmt(ratio, 2)}배: 이 크기에서는 뚜렷하게 빠르지 "
            "않습니다(스텝마다 드는 고정 비용이 큽니다).",
        )
