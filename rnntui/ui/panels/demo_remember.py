"""Remembering-across-time demo panel: draws a ``RememberLab`` view (``rnntui/demos/remember.py``).

The answer is the first of T tokens. The panel opens with the shipped results
(``rnntui/demos/results/remember.json``: the three cells trained at T = 5, 10, 20, 30, 40):
held-out accuracy per cell and T, and |dL/dh_t| over t for SimpleRNN, LSTM and GRU after
training (before training at a T without results), on a log scale. ``t`` trains the three
cells at this T live (about a second each) and replaces their column; ``z`` goes back to the
shipped results. ``U scale`` multiplies the recurrent kernel U: below 1 the SimpleRNN's
gradient fades as fast as scale^t (the shipped results hold only for scale 1).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import HorizontalGroup

from rnntui.demos.remember import CellResult, RememberLab
from rnntui.demos.results import shipped_remember_lab
from rnntui.lab.format import fmt, pad
from rnntui.ui.panels.demo_base import ShippedResultsPanel, run_each
from rnntui.ui.widgets.curves import Series
from rnntui.ui.widgets.readout import Readout
from rnntui.ui.widgets.stepper import Stepper

CELLS = ("simple_rnn", "lstm", "gru")
MARKERS = {"simple_rnn": "S", "lstm": "L", "gru": "G"}
LABELS = {"simple_rnn": "SimpleRNN", "lstm": "LSTM", "gru": "GRU"}


class RememberPanel(ShippedResultsPanel[RememberLab]):
    """T and U scale; the gradient picture; live training and the accuracy table."""

    NAME = "demo_remember"
    IDLE_HINT: ClassVar[tuple[str, str]] = ("t: train the three cells", "t: 세 셀 학습")
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": "## Remembering across time\n\nEach sequence starts with a signal token and "
        "T - 1 noise tokens follow; the answer is the first token. The chart shows "
        "|dL/dh_t|, how much the loss at the end still reaches step t, for the three cells "
        "on the same input (log scale: each row down is a factor of ten). t trains the three "
        "cells at this T and records their held-out accuracy (chance is 0.5). The panel opens "
        "with the shipped results for T = 5, 10, 20, 30 and 40; z brings them back.\n\n"
        "| key | does |\n|---|---|\n| -/+ (T) | sequence length |\n| -/+ (U scale) | "
        "multiply the recurrent kernel U |\n| t | train the three cells, live |\n"
        "| x | cancel |\n| z | back to the shipped results |",
        "ko": "## 시간을 건너 기억하기\n\n각 시퀀스는 신호 토큰 하나로 시작하고 잡음 토큰 "
        "T - 1개가 이어집니다. 정답은 첫 토큰입니다. 그래프는 |dL/dh_t|, 즉 끝에서 계산한 "
        "손실이 스텝 t까지 얼마나 전해지는지를 같은 입력에서 세 셀에 대해 보여 줍니다(로그 "
        "눈금: 한 칸 내려갈 때마다 10배). t는 이 T에서 세 셀을 학습하고 검증 정확도를 "
        "기록합니다(찍으면 0.5). 처음에는 T = 5, 10, 20, 30, 40의 기본 제공 결과가 보이고, "
        "z로 다시 불러옵니다.\n\n"
        "| 키 | 기능 |\n|---|---|\n| -/+ (T) | 시퀀스 길이 |\n| -/+ (U 배율) | 순환 커널 U에 "
        "곱하는 수 |\n| t | 세 셀 학습(실시간) |\n| x | 취소 |\n| z | 기본 제공 결과로 |",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.length = 20
        self.own: set[tuple[str, int]] = set()
        """(cell, T) of the results the student trained here (the rest are shipped)."""
        self.live_acc: dict[str, float] = {}

    def open_lab(self, lang: str) -> RememberLab:
        return shipped_remember_lab()

    def compose(self) -> ComposeResult:
        yield Readout(id="title", classes="panel--title")
        with HorizontalGroup(classes="row"):
            yield self.stepper("T", self.length, lo=2, hi=60, step=1, big_step=10,
                               integer=True, id="length")  # fmt: skip
            yield self.stepper(self.t("U scale", "U 배율"), self.lab.config.recurrent_scale,
                               lo=0.5, hi=1.5, step=0.1, big_step=0.5, decimals=1,
                               id="scale")  # fmt: skip
        # no gap above the chart or below the table: at 80x24 the whole panel stays in view
        yield Readout(id="grads")
        yield Readout(id="accuracy", classes="gap")
        yield Readout(id="progress")

    def on_control_changed(self, stepper: Stepper) -> None:
        if stepper.id == "length":
            self.length = int(stepper.value)
        elif stepper.id == "scale":
            self.action_cancel_training()
            self.lab.set_scale(round(float(stepper.value), 1))
            if not self.lab.results:
                self.own = set()
        self.request_recompute()

    # -- training -------------------------------------------------------------------------------
    def train_job(self, cancel: threading.Event, report: Callable[[Any], None]) -> Any:
        length, lab = self.length, self.lab

        def train(cell: str, on_epoch: Callable[[Any], None], cancel: threading.Event) -> Any:
            return lab.run(cell, length, on_epoch, cancel)

        return run_each(CELLS, train, cancel, report)

    def on_progress(self, payload: Any) -> None:
        k, cell, r = payload
        self.own |= {(c, self.length) for c in CELLS[:k]}  # the cells before this one finished
        self.live_acc[cell] = r.accuracy if r.accuracy is not None else math.nan
        status = f"{LABELS[cell]} T={self.length}: " + self.t(
            f"epoch {r.epoch}, accuracy {fmt(r.accuracy or 0.0)}",
            f"에포크 {r.epoch}, 정확도 {fmt(r.accuracy or 0.0)}",
        )
        self.show_run_progress(k, len(CELLS), r, status)
        self.request_recompute()

    def on_trained(self, result: Any, cancelled: bool) -> None:
        self.live_acc = {}
        self.own |= {(r.cell, r.length) for r in result or () if not r.cancelled}
        self.show_finished(result, cancelled)

    def reset_model(self) -> bool:
        """Back to the shipped results (and U scale 1, which they were made with)."""
        shipped = shipped_remember_lab()
        had = bool(self.own) or self.lab.config != shipped.config
        self.lab = shipped
        self.own = set()
        self.query_one("#scale", Stepper).set_value(shipped.config.recurrent_scale, post=False)
        self.show_hint()
        return had

    # -- drawing --------------------------------------------------------------------------------
    def _trained(self, cell: str) -> CellResult | None:
        for r in self.lab.view().results:
            if r.cell == cell and r.length == self.length and not r.cancelled:
                return r
        return None

    def recompute(self) -> None:
        c = self.lab.config
        if self.own:
            source = self.t("with your runs", "내 학습 포함")
        elif self.lab.results:
            source = self.t("shipped results", "기본 제공 결과")
        else:
            source = self.t("no results yet", "결과 없음")
        self.show(
            "#title",
            self.t("Remember the first token", "첫 토큰 기억하기")
            + f" [{source}]: Embedding -> {self.t('CELL', '셀')}({c.units}) -> Dense({c.classes})",
        )
        series, after = [], True
        for cell in CELLS:
            trained = self._trained(cell)
            if trained is None:
                after = False
        for cell in CELLS:
            trained = self._trained(cell)
            norms = (
                trained.grad_norms_after
                if after and trained is not None
                else self.lab.untrained_grad_norms(cell, self.length)
            )
            series.append(Series(MARKERS[cell], LABELS[cell], norms))
        when = self.t("after training", "학습 후") if after else self.t("untrained", "학습 전")
        head = self.t(
            f"|dL/dh_t| over t, log scale ({when}):", f"스텝 t마다 |dL/dh_t|, 로그 눈금 ({when}):"
        )
        chart = self.chart(series, rows=6, log=True, x=self.t("step t", "스텝 t"))
        self.show("#grads", f"{head}\n{chart}\n{self._ends(series)}")
        self.show("#accuracy", self._table(), lines=5)
        self.keep_progress_line()

    def _ends(self, series: list[Series]) -> str:
        """|dL/dh_t| at t=1 and t=T of each cell: one line by the chart's markers where it
        fits (so the table stays in view at 80x24), else a line per cell."""
        shown = [(cell, s) for cell, s in zip(CELLS, series, strict=True) if s.values]
        line = "t=1/t=T:  " + "  ".join(
            f"{MARKERS[cell]} {s.values[0]:.2e}/{s.values[-1]:.2e}" for cell, s in shown
        )
        if len(line) <= self.text_width():
            return line
        return "\n".join(
            f"  {pad(LABELS[cell], 10)} t=1 {s.values[0]:.2e}   t=T {s.values[-1]:.2e}"
            for cell, s in shown
        )

    def _table(self) -> str:
        table = self.lab.view().accuracy_table()
        lengths = sorted({r.length for r in self.lab.view().results})[-6:]
        head = self.t("held-out accuracy (chance 0.5)", "검증 정확도 (찍으면 0.5)")
        rows = [head, pad("", 11) + "".join(f"T={n}".rjust(8) for n in lengths)]
        for cell in CELLS:
            got = table.get(LABELS[cell], {})
            cells = "".join((fmt(got[n], 2) if n in got else "-").rjust(8) for n in lengths)
            live = self.live_acc.get(cell)
            extra = (
                "" if live is None else self.t(f"  now {fmt(live, 2)}", f"  지금 {fmt(live, 2)}")
            )
            rows.append(pad(LABELS[cell], 11) + cells + extra)
        return "\n".join(rows)
