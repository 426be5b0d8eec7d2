"""Bidirectional panel: draws a ``BidirectionalLab`` view (a sentence read forwards and
backwards, aligned by position); the choices and the units stepper become lab calls
(``rnntui/lab/bidirectional.py``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Container, HorizontalGroup
from textual.css.scalar import Scalar

from rnntui.lab.bidirectional import KINDS, MODES, BidirectionalLab, embed, row_names
from rnntui.lab.format import refused
from rnntui.lab.spec import SettingError
from rnntui.ui.strings import control_label
from rnntui.ui.widgets.choice import Choice
from rnntui.ui.widgets.grid import ValueGrid
from rnntui.ui.widgets.readout import Readout
from rnntui.ui.widgets.stepper import Stepper
from rnntui.ui.widgets.text_panel import TextPanel

__all__ = ["BidirectionalPanel", "embed"]

CELL = ValueGrid.CELL


def centred(text: str, width: int) -> str:
    """``text`` centred in ``width`` terminal cells (Hangul counts two)."""
    room = max(0, width - cell_len(text))
    return " " * (room // 2) + text + " " * (room - room // 2)


class BidirectionalPanel(TextPanel):
    """Sentence, layer type, units and merge mode; both directions and the merged output."""

    NAME = "bidirectional"
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": "## Bidirectional\n\nTwo copies of the layer with their own weights: forward "
        "reads x_0 .. x_{T-1}, backward reads x_{T-1} .. x_0. With return_sequences=True Keras "
        "flips the backward outputs back, so position t of both halves belongs to input t: "
        "forward has seen x_0..x_t, backward x_t..x_{T-1}. merge_mode joins them: concat "
        "(2n wide), sum, mul, ave (n wide) or None (one list of two tensors).\n\n"
        "| key | does |\n|---|---|\n| Tab | next control |\n| -/+ or Left/Right | change "
        "the value or option |\n| Space | next option |\n| arrows on a grid | move the cursor |",
        "ko": "## 양방향\n\n가중치를 따로 가진 층 두 개: 순방향은 x_0 .. x_{T-1}, 역방향은 "
        "x_{T-1} .. x_0 순서로 읽습니다. return_sequences=True이면 Keras가 역방향 출력을 다시 "
        "뒤집으므로 두 방향의 위치 t는 입력 t에 해당합니다. 순방향은 x_0..x_t, 역방향은 "
        "x_t..x_{T-1}을 본 상태입니다. merge_mode로 합칩니다: concat(너비 2n), sum, mul, "
        "ave(너비 n), None(텐서 두 개가 든 목록 하나).\n\n"
        "| 키 | 기능 |\n|---|---|\n| Tab | 다음 컨트롤 |\n| -/+ 또는 Left/Right | 값이나 "
        "선택 바꾸기 |\n| Space | 다음 선택지 |\n| 표에서 화살표 | 커서 이동 |",
    }
    DEFAULT_CSS = """
    BidirectionalPanel .row { height: auto; width: 1fr; }
    BidirectionalPanel .row Stepper { width: auto; margin-right: 2; }
    BidirectionalPanel .row Stepper > .stepper--label { min-width: 0; }
    BidirectionalPanel .gap { margin-top: 1; }
    BidirectionalPanel #merged-box { height: 7; }
    BidirectionalPanel #second, BidirectionalPanel #second-title { display: none; }
    """

    def __init__(
        self,
        preset: Mapping[str, Any] | None = None,
        lang: str = "en",
        *,
        lab: BidirectionalLab | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(lang, id=id, classes=classes)
        self.lab: BidirectionalLab = lab if lab is not None else BidirectionalLab(preset)
        """The model (kept by the caller across a language switch if it likes)."""
        self.notes = list(refused(lang, self.lab.refused))

    def sentences(self) -> list[tuple[str, ...]]:
        """The sentences offered, in this panel's language."""
        return self.lab.sentences(self.lang)

    def compose(self) -> ComposeResult:
        view = self.lab.view(self.lang)
        units = self.lab.SPEC["units"]
        yield Readout(id="layer", classes="panel--title")
        yield Choice(
            control_label(self.lab.SPEC["sentence"].label, self.lang),
            view.sentences,
            view.sentence,
            lang=self.lang,
            id="sentence",
            classes="gap",
        )
        with HorizontalGroup(classes="row"):
            yield Choice(self.t("layer", "층"), tuple(KINDS), view.kind, lang=self.lang, id="kind")
            yield self.stepper(
                control_label(units.label, self.lang),
                view.units,
                lo=units.lo,
                hi=units.hi,
                step=1,
                big_step=1,
                integer=True,
                id="units",
            )
        yield Choice("merge_mode", MODES, view.mode, lang=self.lang, id="mode")
        yield Readout(id="tokens", classes="gap")
        fwd, bwd, out = row_names(self.lang)
        yield ValueGrid(row_label=fwd, id="forward")
        yield ValueGrid(row_label=bwd, id="backward")
        yield Readout(id="merged-title")
        with Container(id="merged-box"):
            yield ValueGrid(row_label=out, id="merged")
            yield Readout(f"output[1] = {bwd}", id="second-title")
            yield ValueGrid(row_label=out, id="second")
        yield Readout(id="seen")
        yield Readout(id="inputs", classes="gap")

    def on_control_changed(self, stepper: Stepper) -> None:
        index = int(stepper.value)
        try:
            if stepper.id == "sentence":
                self.lab.choose_sentence(index, self.lang)
            elif stepper.id == "kind":
                self.lab.set("kind", tuple(KINDS)[index])
            elif stepper.id == "units":
                self.lab.set("units", index)
            elif stepper.id == "mode":
                self.lab.set("merge_mode", MODES[index])
        except SettingError as error:
            self.notify(str(error), severity="error", timeout=5)
        self.request_recompute()

    def recompute(self) -> None:
        view = self.lab.view(self.lang)
        for name, value in (
            ("sentence", view.sentence),
            ("kind", view.kind),
            ("units", view.units),
            ("mode", view.mode),
        ):
            self.query_one(f"#{name}", Stepper).set_value(value, post=False)
        self.show("#layer", view.layer)
        head = cell_len(f"{row_names(self.lang)[0]}[{view.units - 1}]") + 1
        self.show(
            "#tokens", " " * head + "".join(centred(tok[: CELL - 1], CELL) for tok in view.tokens)
        )
        self.query_one("#forward", ValueGrid).set_values([list(r) for r in view.forward])
        self.query_one("#backward", ValueGrid).set_values([list(r) for r in view.backward])
        self.show("#merged-title", view.merged_title)
        box = self.query_one("#merged-box")
        if box.styles.height != Scalar.from_number(2 * view.units + 3):
            box.styles.height = 2 * view.units + 3  # concat's 2n rows, or None's two grids
        self.query_one("#merged", ValueGrid).set_values([list(r) for r in view.merged])
        second = self.query_one("#second", ValueGrid)
        if view.second is not None:
            second.set_values([list(r) for r in view.second])
        shown = view.second is not None
        if second.display != shown:
            second.display = shown
            self.query_one("#second-title").display = shown
        self.show("#seen", view.seen)
        self.show("#inputs", view.inputs)
