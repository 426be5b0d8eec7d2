"""Order panel (RNN vs CNN): draws an ``OrderLab`` view; s, r, o, c and the units stepper
become lab calls (``rnntui/lab/order.py``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal

from rnntui.lab.format import refused
from rnntui.lab.order import OrderLab
from rnntui.lab.spec import SettingError
from rnntui.ui.panels.base import Panel
from rnntui.ui.strings import control_label
from rnntui.ui.widgets.readout import Readout
from rnntui.ui.widgets.stepper import Stepper


class OrderPanel(Panel):
    """The same tokens in another order: an RNN notices, a mean does not."""

    NAME = "order"
    LABELS_KO: ClassVar[dict[str, str]] = {
        "Shuffle": "섞기",
        "Reverse": "뒤집기",
        "Original": "원래대로",
        "RNN cell": "RNN 셀",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "shuffle", "Shuffle"),
        Binding("r", "reverse", "Reverse"),
        Binding("o", "original", "Original"),
        Binding("c", "toggle_cell", "RNN cell"),
    ]
    DEFAULT_CSS = """
    OrderPanel .row { height: 1; layout: grid; grid-size: 2; grid-columns: 1fr 1fr; }
    OrderPanel .grid { text-wrap: nowrap; text-overflow: clip; }
    OrderPanel .gap { margin-top: 1; }
    """
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": """\
## Does order matter?

The tokens become ids (their place in the sorted vocabulary) and each id a row of a seeded
Embedding (4 numbers in (-1, 1), standing in for trained word vectors). An RNN reads the rows
one by one and carries its state h, so its final state depends on the order. The mean of
the rows (Keras `GlobalAveragePooling1D`, like global average pooling of a CNN feature map)
adds them up, so any order gives the same mean: max |diff| stays 0.0000.

| key | does |
|---|---|
| s | shuffle the tokens (seeded; press again for another order) |
| r | reverse the order |
| o | back to the original order |
| c | SimpleRNN / LSTM |
| -/+ on units | number of RNN units |
""",
        "ko": """\
## 순서가 중요할까?

토큰은 id(정렬한 어휘에서의 자리)가 되고, 각 id는 시드 고정 Embedding의 한 행(-1과 1 사이의
숫자 4개, 학습된 단어 벡터 대신)이 됩니다. RNN은 행을 하나씩 읽으며 상태 h를 이어 가므로
마지막 상태가 순서에 따라 달라집니다. 행들의 평균(Keras `GlobalAveragePooling1D`, CNN
특성 맵의 전역 평균 풀링과 같은 것)은 더하기라서 어떤 순서든 같습니다: 최대 차이 0.0000.

| 키 | 하는 일 |
|---|---|
| s | 토큰 섞기 (시드 고정, 다시 누르면 다른 순서) |
| r | 순서 뒤집기 |
| o | 원래 순서로 |
| c | SimpleRNN / LSTM |
| 유닛 수에서 -/+ | RNN 유닛 수 |
""",
    }

    def __init__(
        self,
        preset: Mapping[str, Any] | None = None,
        lang: str = "en",
        *,
        lab: OrderLab | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(lang, id=id, classes=classes)
        self.lab: OrderLab = lab if lab is not None else OrderLab(preset)
        """The model (kept by the caller across a language switch if it likes)."""
        self.notes = list(refused(lang, self.lab.refused))

    def compose(self) -> ComposeResult:
        yield Readout(id="title", classes="panel--title")
        with Horizontal(classes="row"):
            units = self.lab.SPEC["units"]
            yield self.stepper(
                control_label(units.label, self.lang),
                self.lab.units,
                lo=units.lo,
                hi=units.hi,
                step=1,
                big_step=4,
                integer=True,
                id="units",
            )
            yield Readout(id="keys")
        yield Readout(id="tokens", classes="gap grid")
        yield Readout(id="rnn", classes="gap grid")
        yield Readout(id="rnn-diff")
        yield Readout(id="pool", classes="gap grid")
        yield Readout(id="pool-diff")
        yield Readout(
            self.t(
                "An RNN carries its state from token to token, so the order counts. A mean adds "
                "the vectors up, and a sum does not care about order (like a CNN's global "
                "average pooling, which forgets where a feature was).",
                "RNN은 상태를 토큰에서 토큰으로 넘기므로 순서가 중요합니다. 평균은 벡터를 "
                "더하기만 하고, 더하기는 순서와 상관없습니다 (CNN의 전역 평균 풀링도 "
                "특성이 어디 있었는지 잊습니다).",
            ),
            classes="gap panel--note",
        )

    # -- keys -> lab calls --------------------------------------------------------------------
    def on_control_changed(self, stepper: Stepper) -> None:
        try:
            self.lab.set("units", int(stepper.value))
        except SettingError as error:
            self.notify(str(error), severity="error", timeout=5)
        self.request_recompute()

    def action_shuffle(self) -> None:
        """A new seeded order."""
        self.lab.shuffle()
        self.request_recompute()

    def action_reverse(self) -> None:
        """Reverse the current order."""
        self.lab.reverse()
        self.request_recompute()

    def action_original(self) -> None:
        """Back to the sentence as written."""
        self.lab.restore()
        self.request_recompute()

    def action_toggle_cell(self) -> None:
        """SimpleRNN <-> LSTM."""
        self.lab.toggle_cell()
        self.request_recompute()

    # -- view -> widgets ----------------------------------------------------------------------
    def recompute(self) -> None:
        view = self.lab.view(self.lang)
        self.query_one("#units", Stepper).set_value(view.units, post=False)
        for name, text in view.lines:
            self.query_one(f"#{name}", Readout).show(text)
