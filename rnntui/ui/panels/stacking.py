"""Stacking panel: draws a ``StackingLab`` view (1-4 recurrent layers, the shape through each,
Keras' own error); the controls become lab calls (``rnntui/lab/stacking.py``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalGroup
from textual.widgets import Static

from rnntui.lab.format import pad, refused
from rnntui.lab.spec import SettingError
from rnntui.lab.stacking import MAX_LAYERS, MAX_UNITS, TYPES, StackingLab
from rnntui.nn import StackError
from rnntui.ui.strings import control_label
from rnntui.ui.widgets.choice import Choice
from rnntui.ui.widgets.readout import Readout
from rnntui.ui.widgets.stepper import Stepper
from rnntui.ui.widgets.text_panel import TextPanel
from rnntui.ui.widgets.wrap import wrap

__all__ = ["Choice", "StackingPanel"]

ERROR_LINES = 10
"""The error area always has this many lines (Keras' message, hint, fix) so that the error
appearing or going away does not re-layout the pane."""


class StackingPanel(TextPanel):
    """Layers with their own type, units and return_sequences; shapes, params, errors."""

    NAME = "stacking"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f", "focus_fix", "Go to fix")]
    LABELS_KO: ClassVar[dict[str, str]] = {"Go to fix": "고칠 곳"}
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": "## Stacking\n\nEach recurrent layer needs (batch, time, features). With "
        "return_sequences=False it passes on only its last output (batch, units), which the "
        "next recurrent layer refuses with Keras' 'expected ndim=3, found ndim=2'.\n\n"
        "| key | does |\n|---|---|\n| Tab | next control |\n| -/+ or Left/Right | change "
        "the value or option |\n| Space | next option (type, return_sequences) |\n| Enter | "
        "type a value |\n| f | go to the toggle that fixes the error |",
        "ko": "## 스태킹\n\n순환층은 (배치, 시간, 특성) 3차원 입력이 필요합니다. "
        "return_sequences=False이면 마지막 출력 (배치, n)만 넘기므로 다음 순환층이 "
        "Keras의 'expected ndim=3, found ndim=2' 오류를 냅니다.\n\n"
        "| 키 | 기능 |\n|---|---|\n| Tab | 다음 컨트롤 |\n| -/+ 또는 Left/Right | 값이나 "
        "선택 바꾸기 |\n| Space | 다음 선택지 (종류, return_sequences) |\n| Enter | 값 입력 |\n"
        "| f | 오류를 고치는 토글로 이동 |",
    }
    DEFAULT_CSS = """
    StackingPanel .row { height: auto; width: 1fr; }
    StackingPanel .row Stepper { width: auto; margin-right: 2; }
    StackingPanel .row Stepper > .stepper--label { min-width: 0; }
    StackingPanel .layer Stepper > .stepper--label { display: none; }
    StackingPanel .layer .num { width: 3; }
    StackingPanel .gap { margin-top: 1; }
    """

    def __init__(
        self,
        preset: Mapping[str, Any] | None = None,
        lang: str = "en",
        *,
        lab: StackingLab | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(lang, id=id, classes=classes)
        self.lab: StackingLab = lab if lab is not None else StackingLab(preset)
        """The model (kept by the caller across a language switch if it likes)."""
        self.notes = list(refused(lang, self.lab.refused))

    @property
    def error(self) -> StackError | None:
        """The StackError of the current (invalid) stack, else None."""
        return self.lab.error

    @property
    def total(self) -> int | None:
        """Total params of the current stack as parse_spec(...).summary() gives it."""
        return self.lab.total

    def spec(self) -> str:
        """The SPEC of the stack the controls describe."""
        return self.lab.spec()

    def compose(self) -> ComposeResult:
        view = self.lab.view(self.lang)
        t, d = self.lab.SPEC["timesteps"], self.lab.SPEC["input_dim"]
        yield Static(
            self.t("Stacking: the shape through each layer", "스태킹: 층마다 흐르는 모양"),
            classes="panel--title",
        )
        with HorizontalGroup(classes="row"):
            yield self.stepper(
                control_label(t.label, self.lang),
                view.timesteps,
                lo=t.lo,
                hi=t.hi,
                step=1,
                big_step=10,
                integer=True,
                id="timesteps",
            )
            yield self.stepper(
                control_label(d.label, self.lang),
                view.input_dim,
                lo=d.lo,
                hi=d.hi,
                step=1,
                big_step=8,
                integer=True,
                id="input_dim",
            )
            yield self.stepper(
                control_label(self.lab.SPEC["layers"].label, self.lang),
                view.count,
                lo=1,
                hi=MAX_LAYERS,
                step=1,
                big_step=MAX_LAYERS,
                integer=True,
                id="count",
            )
        yield Static(
            pad(self.t("#", "층"), 3)
            + pad(self.t("type", "종류"), 15)
            + pad(self.t("units", "유닛"), 9)
            + "return_sequences",
            classes="gap",
        )
        for k in range(MAX_LAYERS):
            kind, units, seq = view.layers[k]
            name = self.t(f"layer {k + 1}", f"{k + 1}층")
            with HorizontalGroup(classes="row layer", id=f"row{k}"):
                yield Static(str(k + 1), classes="num")
                yield Choice(
                    name,
                    tuple(TYPES),
                    tuple(TYPES).index(kind),
                    lang=self.lang,
                    id=f"type{k}",
                )
                yield self.stepper(
                    f"{name} {control_label('units', self.lang)}",
                    units,
                    lo=1,
                    hi=MAX_UNITS,
                    step=1,
                    big_step=16,
                    integer=True,
                    id=f"units{k}",
                )
                yield Choice(
                    f"{name} return_sequences",
                    ("False", "True"),
                    int(seq),
                    lang=self.lang,
                    id=f"seq{k}",
                )
        yield Readout(id="table", classes="gap")
        yield Readout(id="total")
        yield Readout(id="spec", classes="gap")
        yield Readout(id="error", classes="gap")

    # -- keys -> lab calls --------------------------------------------------------------------
    def on_control_changed(self, stepper: Stepper) -> None:
        name, value = stepper.id or "", int(stepper.value)
        try:
            if name in ("timesteps", "input_dim", "count"):
                self.lab.set(name, value)
            elif name.startswith("type"):
                self.lab.set_layer(int(name[4:]), kind=tuple(TYPES)[value])
            elif name.startswith("units"):
                self.lab.set_layer(int(name[5:]), units=value)
            elif name.startswith("seq"):
                self.lab.set_layer(int(name[3:]), return_sequences=bool(value))
        except SettingError as error:
            self.notify(str(error), severity="error", timeout=5)
        self.request_recompute()

    def action_focus_fix(self) -> None:
        """Focus the return_sequences toggle that fixes the error (or the first one)."""
        self.query_one(f"#seq{self.lab.view(self.lang).fix_row}", Choice).focus()

    # -- view -> widgets ----------------------------------------------------------------------
    def recompute(self) -> None:
        view = self.lab.view(self.lang)
        for name, value in (
            ("timesteps", view.timesteps),
            ("input_dim", view.input_dim),
            ("count", view.count),
        ):
            self.query_one(f"#{name}", Stepper).set_value(value, post=False)
        for k, (kind, units, seq) in enumerate(view.layers):
            self.query_one(f"#type{k}", Choice).set_value(tuple(TYPES).index(kind), post=False)
            self.query_one(f"#units{k}", Stepper).set_value(units, post=False)
            self.query_one(f"#seq{k}", Choice).set_value(int(seq), post=False)
            row = self.query_one(f"#row{k}")
            if row.display != (k < view.count):
                row.display = k < view.count
        self.show("#table", view.table, hold=False)
        self.show("#total", view.total)
        room = wrap(view.longest_spec, self.text_width()).count("\n") + 1
        self.show("#spec", view.spec, room)
        self.show("#error", view.error, ERROR_LINES)
