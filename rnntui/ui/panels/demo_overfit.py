"""Units-and-overfitting demo panel: draws an ``OverfitLab`` view (``rnntui/demos/overfit.py``).

A next-word model trained on only a few sentences, once with few and once with many units.
The panel opens with the shipped curves (``rnntui/demos/results/overfit.json``); ``t`` trains
each variant again live and draws its training and validation loss per epoch, so the gap
between them is seen opening; ``z`` goes back to the shipped curves. ``DropoutDemoPanel``
(``demo_dropout.py``) is the same panel on the four dropout variants.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult

from rnntui.demos.overfit import UNITS_VARIANTS, Curves, OverfitLab, Variant
from rnntui.demos.results import shipped_overfit_lab
from rnntui.lab.format import fmt, pad
from rnntui.ui.panels.demo_base import ShippedResultsPanel, run_each
from rnntui.ui.widgets.curves import Series
from rnntui.ui.widgets.readout import Readout


class OverfitPanel(ShippedResultsPanel[OverfitLab]):
    """Train/validation loss curves of each variant, drawn live, and a table of the ends."""

    NAME = "demo_overfit"
    can_focus = True  # no controls of its own: the panel takes the keys (t, x, z)
    VARIANTS: ClassVar[Sequence[Variant]] = UNITS_VARIANTS
    TITLE: ClassVar[tuple[str, str]] = ("Units and overfitting", "유닛 수와 과적합")
    RESULT: ClassVar[str] = "overfit"
    """The shipped result file the panel opens with (``rnntui.demos.results``)."""
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": "## Units and overfitting\n\nThe next-word model trained on only a few "
        "sentences, with few and with many units. loss is measured on the training "
        "sentences, val_loss on held-out ones. When val_loss turns up while loss keeps "
        "falling, the model is learning its training sentences by heart: it overfits, and "
        "the best epoch to stop at is the one with the lowest val_loss. The panel opens with "
        "the shipped curves, made by the same seeded runs that t repeats.\n\n"
        "| key | does |\n|---|---|\n| t | train every variant, live |\n| x | cancel |\n"
        "| z | back to the shipped curves |",
        "ko": "## 유닛 수와 과적합\n\n문장 몇 개로만 학습한 다음 단어 모델을 유닛이 적을 때와 "
        "많을 때로 비교합니다. loss는 학습 문장에서, val_loss는 따로 떼어 둔 문장에서 잰 "
        "손실입니다. loss는 계속 줄어드는데 val_loss가 다시 오르면, 모델이 학습 문장을 "
        "외우고 있는 것(과적합)입니다. 멈추기 좋은 에포크는 val_loss가 가장 낮은 곳입니다. "
        "처음에는 기본 제공 곡선이 보입니다. t가 다시 하는 것과 같은 시드의 학습으로 만든 "
        "곡선입니다.\n\n"
        "| 키 | 기능 |\n|---|---|\n| t | 모든 변형을 학습(실시간) |\n| x | 취소 |\n"
        "| z | 기본 제공 곡선으로 |",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.live: tuple[Variant, list[float], list[float]] | None = None
        self.own: set[Variant] = set()
        """The variants the student trained here (the other curves are shipped)."""

    def open_lab(self, lang: str) -> OverfitLab:
        return shipped_overfit_lab(self.RESULT, lang)

    def compose(self) -> ComposeResult:
        yield Readout(id="title", classes="panel--title")
        yield Readout(id="data")
        yield Readout(id="table", classes="gap")  # the numbers first: at 80x24 they stay in view
        yield Readout(id="progress")
        yield Readout(id="curves", classes="gap")

    # -- training -------------------------------------------------------------------------------
    def train_job(self, cancel: threading.Event, report: Callable[[Any], None]) -> Any:
        return run_each(self.VARIANTS, self.lab.run, cancel, report)

    def on_progress(self, payload: Any) -> None:
        k, variant, r = payload
        self.own |= set(self.VARIANTS[:k])  # the variants before this one have finished
        if self.live is None or self.live[0] != variant:
            self.live = (variant, [], [])
        self.live[1].append(r.loss)
        self.live[2].append(r.val_loss if r.val_loss is not None else float("nan"))
        status = f"{self.variant_name(variant)}: " + self.t(
            f"epoch {r.epoch}, loss {fmt(r.loss)}, val_loss {fmt(r.val_loss or 0.0)}",
            f"에포크 {r.epoch}, loss {fmt(r.loss)}, val_loss {fmt(r.val_loss or 0.0)}",
        )
        self.show_run_progress(k, len(self.VARIANTS), r, status)
        self.request_recompute()

    def on_trained(self, result: Any, cancelled: bool) -> None:
        self.live = None
        self.own |= {c.variant for c in result or () if not c.cancelled}
        self.show_finished(result, cancelled)

    def reset_model(self) -> bool:
        """Back to the shipped curves."""
        had = bool(self.own)
        self.lab = shipped_overfit_lab(self.RESULT, self.lab.lang)
        self.own = set()
        self.live = None
        self.show_hint()
        return had

    # -- drawing --------------------------------------------------------------------------------
    def shown_curves(self) -> list[tuple[Variant, Sequence[float], Sequence[float]]]:
        """Finished variants (from the lab) and the one training now, in variant order."""
        done = {c.variant: c for c in self.lab.view().curves if not c.cancelled}
        out: list[tuple[Variant, Sequence[float], Sequence[float]]] = []
        for v in self.VARIANTS:
            if self.live is not None and self.live[0] == v:
                out.append(self.live)
            elif v in done:
                out.append((v, done[v].loss, done[v].val_loss))
        return out

    def curves_text(self) -> str:
        """One chart per variant: loss (*) and val_loss (o)."""
        blocks = []
        for variant, loss, val in self.shown_curves():
            series = [Series("*", "loss", loss), Series("o", "val_loss", val)]
            blocks.append(
                self.variant_name(variant) + "\n" + self.chart(series, rows=4, x=self.epoch_word())
            )
        return "\n".join(blocks) or self.t(
            "No curves yet: press t to train.", "아직 곡선이 없습니다. t를 눌러 학습하세요."
        )

    def variant_name(self, variant: Variant) -> str:
        """How a variant is named in the charts and the table."""
        return variant.label

    def epoch_word(self) -> str:
        return self.t("epoch", "에포크")

    def recompute(self) -> None:
        view = self.lab.view()
        if self.own or self.live is not None:
            source = self.t("with your runs", "내 학습 포함")
        elif view.curves:
            source = self.t("shipped curves", "기본 제공 곡선")
        else:
            source = self.t("no curves yet", "곡선 없음")
        self.show("#title", self.t(*self.TITLE) + f"  [{source}]")
        self.show(
            "#data",
            self.t(
                f"next word, {view.train_sentences} training sentences, "
                f"{view.val_sentences} held out for val_loss",
                f"다음 단어 예측, 학습 문장 {view.train_sentences}개, "
                f"val_loss용 검증 문장 {view.val_sentences}개",
            ),
        )
        self.show("#curves", self.curves_text())
        self.show("#table", self._table(view.curves), lines=len(self.VARIANTS) + 1)
        self.keep_progress_line()

    def _table(self, curves: Sequence[Curves]) -> str:
        done = {c.variant: c for c in curves if not c.cancelled}
        width = max(len(self.variant_name(v)) for v in self.VARIANTS) + 1
        head = pad("", width) + self.t(
            "   loss  val_loss     gap  best", "   loss  val_loss    차이  최적"
        )
        rows = [head]
        for v in self.VARIANTS:
            c = done.get(v)
            if c is None or not c.loss:
                rows.append(pad(self.variant_name(v), width) + "      -         -       -     -")
                continue
            rows.append(
                pad(self.variant_name(v), width)
                + f"{fmt(c.loss[-1]):>7}{fmt(c.val_loss[-1]):>10}{fmt(c.gap):>8}"
                + f"{c.best_val_epoch:>6}"
            )
        return "\n".join(rows)
