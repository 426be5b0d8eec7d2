"""Dropout-against-overfitting demo panel: the overfitting panel on the four dropout variants
(none, ``dropout``, ``recurrent_dropout``, both), their validation curves in one chart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rnntui.demos.overfit import DROPOUT_VARIANTS, Variant
from rnntui.ui.panels.demo_overfit import OverfitPanel
from rnntui.ui.widgets.curves import Series

MARKERS = ("n", "d", "r", "b")
"""none, dropout, recurrent_dropout, both."""


class DropoutDemoPanel(OverfitPanel):
    """The same model and data with and without dropout: val_loss per epoch."""

    NAME = "demo_dropout"
    VARIANTS: ClassVar[Sequence[Variant]] = DROPOUT_VARIANTS
    TITLE: ClassVar[tuple[str, str]] = ("Dropout against overfitting", "과적합을 막는 드롭아웃")
    RESULT: ClassVar[str] = "dropout"
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": "## Dropout against overfitting\n\nThe same next-word model (64 units, a few "
        "training sentences) four times: without dropout, with dropout (on the inputs x_t), "
        "with recurrent_dropout (on h_{t-1}) and with both. The chart shows each variant's "
        "val_loss per epoch, the table the last epoch's loss, val_loss and their gap. The "
        "panel opens with the shipped curves, made by the same seeded runs that t repeats."
        "\n\n"
        "| key | does |\n|---|---|\n| t | train the four variants, live |\n| x | cancel |\n"
        "| z | back to the shipped curves |",
        "ko": "## 과적합을 막는 드롭아웃\n\n같은 다음 단어 모델(유닛 64개, 적은 학습 문장)을 "
        "네 번 학습합니다: 드롭아웃 없이, dropout(입력 x_t에), recurrent_dropout(h_{t-1}에), "
        "둘 다. 그래프는 변형마다 에포크별 val_loss를, 표는 마지막 에포크의 loss, val_loss와 "
        "그 차이를 보여 줍니다. 처음에는 기본 제공 곡선이 보입니다. t가 다시 하는 것과 같은 "
        "시드의 학습으로 만든 곡선입니다.\n\n"
        "| 키 | 기능 |\n|---|---|\n| t | 네 변형 학습(실시간) |\n| x | 취소 |\n"
        "| z | 기본 제공 곡선으로 |",
    }

    def variant_name(self, variant: Variant) -> str:
        """none / dropout / recurrent_dropout / both (all at units=64, rate 0.3)."""
        names = dict(
            zip(DROPOUT_VARIANTS, ("none", "dropout", "recurrent_dropout", "both"), strict=True)
        )
        name = names.get(variant, variant.label)
        return {"none": self.t("none", "없음"), "both": self.t("both", "둘 다")}.get(name, name)

    def curves_text(self) -> str:
        """One chart: each variant's val_loss with its own marker."""
        shown = {v: val for v, _loss, val in self.shown_curves()}
        if not shown:
            return super().curves_text()
        series = [
            Series(m, self.variant_name(v), shown.get(v, ()))
            for m, v in zip(MARKERS, self.VARIANTS, strict=True)
        ]
        rates = self.t("units=64, rates 0.3", "units=64, 비율 0.3")
        return f"val_loss ({rates})\n" + self.chart(series, rows=7, x=self.epoch_word())
