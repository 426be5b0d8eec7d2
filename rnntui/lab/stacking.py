"""Stacking lab: 1-4 recurrent layers, the shape flowing through each, and Keras' own error.

The stack is written as a SPEC (``Input(20,8) LSTM(32,return_sequences=True) LSTM(16)``) and
built by ``rnntui.nn.spec.parse_spec``, so the total is exactly what ``rnntui summary`` prints.
An invalid stack is built once more with ``Sequential`` to get the ``StackError`` (Keras'
message, the hint and the failing layer's index).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rnntui.lab.format import fmt_int, pad, refused, words
from rnntui.lab.spec import SettingError
from rnntui.lab.specs import LAYER_TYPES, PANEL_SPECS
from rnntui.nn import GRU, LSTM, RNNLayer, Sequential, SimpleRNN, StackError
from rnntui.nn.layer import format_shape
from rnntui.nn.spec import SpecError, parse_spec

TYPES: dict[str, type[RNNLayer]] = {"SimpleRNN": SimpleRNN, "LSTM": LSTM, "GRU": GRU}
SPEC = PANEL_SPECS["stacking"]
MAX_LAYERS = 4
MAX_UNITS = 256
NAME_W = 26
"""Width of the Layer (type) column: fits ``simple_rnn_3 (SimpleRNN)``."""
NEW_LAYER: dict[str, Any] = {"type": "LSTM", "units": 16, "return_sequences": False}

Layer = tuple[str, int, bool]
"""(type, units, return_sequences)."""


def layer_item(kind: str, units: int, return_sequences: bool) -> str:
    """One SPEC item, e.g. ``LSTM(32,return_sequences=True)``."""
    return f"{kind}({units}{',return_sequences=True' if return_sequences else ''})"


def stack_spec(timesteps: int, input_dim: int, layers: Sequence[Layer]) -> str:
    """The SPEC for ``rnntui summary``."""
    return " ".join([f"Input({timesteps},{input_dim})", *(layer_item(*x) for x in layers)])


@dataclass(frozen=True)
class StackingView:
    """Everything the stacking panel shows."""

    timesteps: int
    input_dim: int
    count: int
    layers: tuple[Layer, ...]
    """All MAX_LAYERS rows of controls (the first ``count`` are in the stack)."""
    table: str
    total: str
    spec: str
    longest_spec: str
    """The longest SPEC of ``count`` layers (the panel keeps room for it)."""
    error: str
    fix_row: int
    """The return_sequences row that fixes the error (0 when the stack is valid)."""
    warnings: tuple[str, ...]


class StackingLab:
    """Layers with their own type, units and return_sequences; shapes, params, errors."""

    SPEC = SPEC

    def __init__(self, preset: Mapping[str, Any] | None = None) -> None:
        values, errors = SPEC.settle(preset)
        self.refused: tuple[SettingError, ...] = tuple(errors)
        """Preset values that were refused (the defaults were used)."""
        self._preset = values
        self.error: StackError | None = None
        """Keras' error for the current stack, if it is invalid."""
        self.total: int | None = None
        """Total parameters of a valid stack."""
        self.reset()

    def reset(self) -> None:
        """Back to the preset's T, D and layers."""
        self.timesteps = int(self._preset["timesteps"])
        self.input_dim = int(self._preset["input_dim"])
        given = list(self._preset["layers"])
        self.count = len(given)
        rows = given + [NEW_LAYER] * (MAX_LAYERS - len(given))
        self.rows: list[Layer] = [
            (r["type"], int(r["units"]), bool(r["return_sequences"])) for r in rows
        ]

    # -- changes ------------------------------------------------------------------------------
    def set(self, name: str, value: Any) -> None:
        """``timesteps`` (T), ``input_dim`` (D) or ``count`` (1..4 layers)."""
        if name == "count":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 4:
                raise SettingError("count", f"must be a whole number 1..{MAX_LAYERS}")
            self.count = value
            return
        value = SPEC.validate(name, value)
        if name == "timesteps":
            self.timesteps = value
        elif name == "input_dim":
            self.input_dim = value
        else:
            raise SettingError(name, "is set by the lesson's preset only")

    def set_layer(
        self,
        k: int,
        *,
        kind: str | None = None,
        units: int | None = None,
        return_sequences: bool | None = None,
    ) -> None:
        """Change layer ``k`` (0..3): its type, units (1..256) or return_sequences."""
        if not 0 <= k < MAX_LAYERS:
            raise SettingError("layer", f"must be 0..{MAX_LAYERS - 1}")
        old_kind, old_units, old_seq = self.rows[k]
        if kind is not None and kind not in LAYER_TYPES:
            raise SettingError("type", f"must be one of {', '.join(LAYER_TYPES)}")
        if units is not None and (isinstance(units, bool) or not 1 <= units <= MAX_UNITS):
            raise SettingError("units", f"must be a whole number 1..{MAX_UNITS}")
        self.rows[k] = (
            kind or old_kind,
            old_units if units is None else int(units),
            old_seq if return_sequences is None else bool(return_sequences),
        )

    def stack(self) -> list[Layer]:
        """The layers in the stack."""
        return self.rows[: self.count]

    def spec(self) -> str:
        """The SPEC of the stack."""
        return stack_spec(self.timesteps, self.input_dim, self.stack())

    # -- view ---------------------------------------------------------------------------------
    def _build(self, layers: Sequence[Layer], names: list[str]) -> Sequential:
        """Build with ``Sequential`` (raises StackError); ``names`` gets the layer names."""
        shape = (None, self.timesteps, self.input_dim)
        objs = [TYPES[kind](units, return_sequences=seq) for kind, units, seq in layers]
        try:
            return Sequential(objs, input_shape=shape, draw_weights=False)
        finally:
            names[:] = [f"{obj.name} ({type(obj).__name__})" for obj in objs]

    def view(self, lang: str = "en") -> StackingView:
        """The summary table, total, SPEC and error text of the stack, in ``lang``."""
        layers, spec = self.stack(), self.spec()
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
            pad(words(lang, "Layer (type)", "층 (종류)"), NAME_W)
            + pad(words(lang, "Output Shape", "출력 모양"), 16)
            + pad(words(lang, "Param #", "파라미터"), 9, right=True),
            pad(words(lang, "input", "입력"), NAME_W)
            + f"{format_shape(model.input_shape):<16}{'-':>9}",
        ]
        for row in summary.rows:
            name = f"{row.name} ({row.class_name})"
            lines.append(f"{name:<{NAME_W}}{row.shape_text:<16}{fmt_int(row.params):>9}")
        if self.error is not None:
            k = self.error.layer_index
            lines.append(
                f"{names[k]:<{NAME_W}}" + words(lang, "ERROR: 2-D input", "오류: 2차원 입력")
            )
            later = words(lang, "(not built)", "(만들지 못함)")
            lines += [f"{name:<{NAME_W}}{later}" for name in names[k + 1 :]]
        total = (
            words(lang, "Total params: ", "전체 파라미터: ")
            + fmt_int(summary.total_params)
            + words(lang, "  (same as rnntui summary)", "  (rnntui summary와 같음)")
        )
        failed = self.error
        return StackingView(
            timesteps=self.timesteps,
            input_dim=self.input_dim,
            count=self.count,
            layers=tuple(self.rows),
            table="\n".join(lines),
            total=total if failed is None else words(lang, "Total params: -", "전체 파라미터: -"),
            spec=f'rnntui summary "{spec}"',
            longest_spec='rnntui summary "'
            + stack_spec(500, 256, [("SimpleRNN", 256, True)] * len(layers))
            + '"',
            error=self._error_text(layers, lang),
            fix_row=failed.layer_index - 1 if failed is not None and failed.layer_index > 0 else 0,
            warnings=refused(lang, self.refused),
        )

    def _error_text(self, layers: Sequence[Layer], lang: str) -> str:
        err = self.error
        if err is None:
            return words(
                lang,
                "Every layer gets a 3-D input: the stack is valid.",
                "모든 층이 3차원 입력을 받습니다: 올바른 스택입니다.",
            )
        text = f"ValueError: {err.keras_message}\n"  # Keras' own words, as Keras prints them
        hint = words(lang, err.hint, err.hint_ko)
        below = err.layer_index - 1
        if below >= 0 and not layers[below][2]:
            text += words(
                lang,
                f"{hint}\nFix: set return_sequences of layer {below + 1} to True "
                f"(press f to go there, then Space).",
                f"{hint}\n해결: {below + 1}층의 return_sequences를 True로 바꾸세요 "
                f"(f 키로 이동한 뒤 Space).",
            )
        else:
            text += hint
        return text
