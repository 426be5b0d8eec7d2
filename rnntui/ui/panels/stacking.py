"""Stacking panel: 1-4 recurrent layers, the shape flowing through each, and Keras' own error.

The stack is written as a SPEC (``Input(20,8) LSTM(32,return_sequences=True) LSTM(16)``) and
built by ``rnntui.nn.spec.parse_spec``, so the total is exactly what ``rnntui summary`` prints.
An invalid stack is built once more with ``Sequential`` to get the ``StackError`` (Keras'
message, the hint and the failing layer's index).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.widgets import Static

from rnntui.nn import GRU, LSTM, Sequential, SimpleRNN, StackError
from rnntui.nn.layer import format_shape
from rnntui.nn.spec import SpecError, parse_spec
from rnntui.ui.format import fmt_int
from rnntui.ui.panels.base import Readout
from rnntui.ui.panels.units import Choice, TextPanel, pad, wrap

TYPES: dict[str, type] = {"SimpleRNN": SimpleRNN, "LSTM": LSTM, "GRU": GRU}
MAX_LAYERS = 4
NAME_W = 26
"""Width of the Layer (type) column: fits ``simple_rnn_3 (SimpleRNN)``."""
ERROR_LINES = 10
"""The error area always has this many lines (Keras' message, hint, fix) so that the error
appearing or going away does not re-layout the pane."""
NEW_LAYER: dict[str, Any] = {"type": "LSTM", "units": 16, "return_sequences": False}


def layer_item(kind: str, units: int, return_sequences: bool) -> str:
    """One SPEC item, e.g. ``LSTM(32,return_sequences=True)``."""
    return f"{kind}({units}{',return_sequences=True' if return_sequences else ''})"


def stack_spec(timesteps: int, input_dim: int, layers: Sequence[tuple[str, int, bool]]) -> str:
    """The SPEC for ``rnntui summary``."""
    return " ".join([f"Input({timesteps},{input_dim})", *(layer_item(*x) for x in layers)])


class StackingPanel(TextPanel):
    """Layers with their own type, units and return_sequences; shapes, params, errors."""

    NAME = "stacking"
    DEFAULTS: ClassVar[dict[str, Any]] = {
        "input_dim": 8,
        "timesteps": 20,
        "layers": [
            {"type": "LSTM", "units": 32, "return_sequences": True},
            {"type": "LSTM", "units": 16, "return_sequences": False},
        ],
    }
    BINDINGS: ClassVar[list[Binding]] = [Binding("f", "focus_fix", "Go to fix")]
    LABELS_KO: ClassVar[dict[str, str]] = {"Go to fix": "고칠 곳"}
    error: StackError | None = None
    """The StackError of the current (invalid) stack, else None."""
    total: int | None = None
    """Total params of the current stack as parse_spec(...).summary() gives it."""
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": "## Stacking\n\nEach recurrent layer needs (batch, time, features). With "
        "return_sequences=False it passes on only its last output (batch, units), which the "
        "next recurrent layer refuses with Keras' 'expected ndim=3, found ndim=2'.\n\n"
        "| key | does |\n|---|---|\n| Tab | next control |\n| -/+ or Left/Right | change "
        "the value or option |\n| Space | next option (type, return_sequences) |\n| Enter | "
        "type a value |\n| f | go to the toggle that fixes the error |",
        "ko": "## 스태킹\n\n순환층은 (batch, time, features) 3차원 입력이 필요합니다. "
        "return_sequences=False이면 마지막 출력 (batch, units)만 넘기므로 다음 순환층이 "
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

    def check_preset(self, key: str, value: Any) -> Any:
        """input_dim 1..256, timesteps 1..500, layers: 1-4 {type, units 1..256, ...}."""
        if key in ("input_dim", "timesteps"):
            hi = 256 if key == "input_dim" else 500
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= hi:
                raise ValueError(f"{key} must be a whole number 1..{hi}")
            return value
        if key == "layers":
            if not isinstance(value, list) or not 1 <= len(value) <= MAX_LAYERS:
                raise ValueError(f"layers must be a list of 1..{MAX_LAYERS} layers")
            layers = []
            for item in value:
                if not isinstance(item, dict) or item.get("type") not in TYPES:
                    raise ValueError(f"each layer needs type: {', '.join(TYPES)}")
                units = item.get("units")
                if isinstance(units, bool) or not isinstance(units, int) or not 1 <= units <= 256:
                    raise ValueError("layer units must be a whole number 1..256")
                seq = item.get("return_sequences", False)
                if not isinstance(seq, bool):
                    raise ValueError("return_sequences must be true or false")
                layers.append({"type": item["type"], "units": units, "return_sequences": seq})
            return layers
        return value

    def compose(self) -> ComposeResult:
        layers = list(self.preset["layers"])
        yield Static(
            self.t("Stacking: the shape through each layer", "스태킹: 층마다 흐르는 모양"),
            classes="panel--title",
        )
        with HorizontalGroup(classes="row"):
            yield self.stepper(
                "T",
                self.preset["timesteps"],
                lo=1,
                hi=500,
                step=1,
                big_step=10,
                integer=True,
                id="timesteps",
            )
            yield self.stepper(
                "D",
                self.preset["input_dim"],
                lo=1,
                hi=256,
                step=1,
                big_step=8,
                integer=True,
                id="input_dim",
            )
            yield self.stepper(
                self.t("layers", "층 수"),
                len(layers),
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
            spec = layers[k] if k < len(layers) else NEW_LAYER
            name = self.t(f"layer {k + 1}", f"{k + 1}층")
            with HorizontalGroup(classes="row layer", id=f"row{k}"):
                yield Static(str(k + 1), classes="num")
                yield Choice(
                    name,
                    tuple(TYPES),
                    tuple(TYPES).index(spec["type"]),
                    lang=self.lang,
                    id=f"type{k}",
                )
                yield self.stepper(
                    f"{name} units",
                    spec["units"],
                    lo=1,
                    hi=256,
                    step=1,
                    big_step=16,
                    integer=True,
                    id=f"units{k}",
                )
                yield Choice(
                    f"{name} return_sequences",
                    ("False", "True"),
                    int(spec["return_sequences"]),
                    lang=self.lang,
                    id=f"seq{k}",
                )
        yield Readout(id="table", classes="gap")
        yield Readout(id="total")
        yield Readout(id="spec", classes="gap")
        yield Readout(id="error", classes="gap")

    # -- reading the controls -------------------------------------------------------------------
    def stack_layers(self) -> list[tuple[str, int, bool]]:
        """(type, units, return_sequences) of the visible layers."""
        return [
            (
                self.query_one(f"#type{k}", Choice).choice,
                self.int_value(f"units{k}"),
                self.query_one(f"#seq{k}", Choice).choice == "True",
            )
            for k in range(self.int_value("count"))
        ]

    def spec(self) -> str:
        """The SPEC of the stack the controls describe."""
        steps, dim = self.int_value("timesteps"), self.int_value("input_dim")
        return stack_spec(steps, dim, self.stack_layers())

    def _build(self, layers: Sequence[tuple[str, int, bool]], names: list[str]) -> Sequential:
        """Build with ``Sequential`` (raises StackError); ``names`` gets the layer names."""
        shape = (None, self.int_value("timesteps"), self.int_value("input_dim"))
        objs = [TYPES[kind](units, return_sequences=seq) for kind, units, seq in layers]
        try:
            return Sequential(objs, input_shape=shape, draw_weights=False)
        finally:
            names[:] = [f"{obj.name} ({type(obj).__name__})" for obj in objs]

    # -- recompute ------------------------------------------------------------------------------
    def recompute(self) -> None:
        layers = self.stack_layers()
        for k in range(MAX_LAYERS):
            row = self.query_one(f"#row{k}")
            if row.display != (k < len(layers)):
                row.display = k < len(layers)
        spec = self.spec()
        self.error = None
        names: list[str] = []
        try:
            model = parse_spec(spec, draw_weights=False)  # as rnntui summary builds it
        except SpecError:
            try:
                self._build(layers, names)
            except StackError as err:
                self.error = err
            if self.error is None:
                raise
            model = self._build(layers[: self.error.layer_index], [])
        summary = model.summary()
        self.total = summary.total_params if self.error is None else None
        lines = [
            pad(self.t("Layer (type)", "층 (종류)"), NAME_W)
            + pad(self.t("Output Shape", "출력 모양"), 16)
            + pad(self.t("Param #", "파라미터"), 9, right=True),
            f"{'input':<{NAME_W}}{format_shape(model.input_shape):<16}{'-':>9}",
        ]
        for row in summary.rows:
            name = f"{row.name} ({row.class_name})"
            lines.append(f"{name:<{NAME_W}}{row.shape_text:<16}{fmt_int(row.params):>9}")
        if self.error is not None:
            k = self.error.layer_index
            lines.append(f"{names[k]:<{NAME_W}}" + self.t("ERROR: 2-D input", "오류: 2차원 입력"))
            later = self.t("(not built)", "(만들지 못함)")
            lines += [f"{name:<{NAME_W}}{later}" for name in names[k + 1 :]]
        self.show("#table", "\n".join(lines), hold=False)
        total = (
            self.t("Total params: ", "전체 파라미터: ")
            + fmt_int(summary.total_params)
            + self.t("  (same as rnntui summary)", "  (rnntui summary와 같음)")
        )
        self.show(
            "#total", total if self.error is None else self.t("Total params: -", "전체 파라미터: -")
        )
        longest = stack_spec(500, 256, [("SimpleRNN", 256, True)] * len(layers))
        self.show(
            "#spec",
            f'rnntui summary "{spec}"',
            wrap(f'rnntui summary "{longest}"', self.text_width()).count("\n") + 1,
        )
        self.show("#error", self._error_text(layers), ERROR_LINES)

    def _error_text(self, layers: Sequence[tuple[str, int, bool]]) -> str:
        err = self.error
        if err is None:
            return self.t(
                "Every layer gets a 3-D input: the stack is valid.",
                "모든 층이 3차원 입력을 받습니다: 올바른 스택입니다.",
            )
        text = f"ValueError: {err.keras_message}\n"
        below = err.layer_index - 1
        if below >= 0 and not layers[below][2]:
            text += self.t(
                f"{err.hint}\nFix: set return_sequences of layer {below + 1} to True "
                f"(press f to go there, then Space).",
                f"해결: {below + 1}층의 return_sequences를 True로 바꾸세요 "
                f"(f 키로 이동한 뒤 Space).",
            )
        else:
            text += err.hint
        return text

    def action_focus_fix(self) -> None:
        """Focus the return_sequences toggle that fixes the error (or the first one)."""
        err = self.error
        k = err.layer_index - 1 if err is not None and err.layer_index > 0 else 0
        self.query_one(f"#seq{k}", Choice).focus()
