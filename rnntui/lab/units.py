"""Units lab: SimpleRNN, LSTM and GRU side by side as the number of units changes.

Each layer's parameter formula with the numbers filled in (the result is the engine's
``count_params``), the output shape with and without return_sequences, the weight shapes, and
the hidden state h_t of one layer as a units x time grid that grows with the units.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from rnntui.lab.format import fmt_int, refused, words
from rnntui.lab.spec import SettingError
from rnntui.lab.specs import PANEL_SPECS
from rnntui.lab.weights import keep_units
from rnntui.nn import GRU, LSTM, RecurrentTrace, RNNLayer, SimpleRNN
from rnntui.nn.layer import format_shape

KINDS: dict[str, type[RNNLayer]] = {"SimpleRNN": SimpleRNN, "LSTM": LSTM, "GRU": GRU}
SPEC = PANEL_SPECS["units"]
LIMITS = {name: int(SPEC[name].hi or 1) for name in ("units", "input_dim", "timesteps")}
SEED = 0
"""Seed of the layers' weights and of the input sequence."""
GRID = 8
"""The grid shows the first 8 units x 8 steps at most."""


def formula(layer: RNNLayer) -> tuple[str, str]:
    """The count formula in letters and with the numbers filled in, from the layer's structure:
    ``("4n(D+n+1)", "4 x 32 x (16+32+1)")``. Blocks = gates, bias rows = 1 or 2 (GRU).
    Letters as in the lessons: n units, D input features."""
    gates = layer.n_gates
    shape = layer.bias_shape()
    rows = shape[0] if len(shape) == 2 else 1
    head = "" if gates == 1 else f"{gates}"
    letters = f"{head}n(D+n+{rows})"
    filled = f"{gates} x " if gates > 1 else ""
    filled += f"{layer.units} x ({layer.input_dim}+{layer.units}+{rows})"
    return letters, filled


@cache
def input_table() -> np.ndarray:
    """Seeded inputs in -1..1 for the largest T and D; the lab slices (T, D) from it."""
    shape = (LIMITS["timesteps"], LIMITS["input_dim"])
    return np.random.default_rng(SEED).uniform(-1.0, 1.0, shape)


def build(kind: str, units: int, dim: int, steps: int, seq: bool, draw: bool = False) -> RNNLayer:
    """A built layer of ``kind``: seeded weights with ``draw``, else zeros (enough for counts
    and shapes, and much faster)."""
    layer = KINDS[kind](units, return_sequences=seq, seed=SEED)
    layer.draw_weights = draw
    layer.build((None, steps, dim))
    return layer


@dataclass(frozen=True)
class UnitsView:
    """Everything the units panel shows."""

    units: int
    input_dim: int
    timesteps: int
    kind: int
    counts: tuple[tuple[str, int], ...]
    lines: tuple[tuple[str, str], ...]
    """(readout id, text): params, shapes, caption, weights, note."""
    grid: tuple[tuple[float, ...], ...]
    warnings: tuple[str, ...]


class UnitsLab:
    """units, input_dim and timesteps; three layers compared, one shown as an h grid."""

    SPEC = SPEC

    def __init__(self, preset: Mapping[str, Any] | None = None) -> None:
        values, errors = SPEC.settle(preset)
        self.refused: tuple[SettingError, ...] = tuple(errors)
        """Preset values that were refused (the defaults were used)."""
        self._preset = values
        self.trace: RecurrentTrace | None = None
        """The trace behind the grid."""
        self.reset()

    def reset(self) -> None:
        """Back to the preset's sizes, the LSTM grid and seeded weights."""
        self.settings: dict[str, int] = {k: int(v) for k, v in self._preset.items()}
        self.kind = "LSTM"
        self._grid_layers: dict[str, RNNLayer] = {}

    def set(self, name: str, value: Any) -> None:
        """``units`` (the units that remain keep their weights), ``input_dim`` (new input
        weights), ``timesteps`` or ``kind`` (the grid's layer type)."""
        if name == "kind":
            if value not in KINDS:
                raise SettingError("kind", f"must be one of {', '.join(KINDS)}")
            self.kind = value
            return
        value = SPEC.validate(name, value)
        old = self.grid_layer()
        self.settings[name] = value
        if name == "input_dim":
            self._grid_layers.clear()
        elif name == "units" and old.units != value:
            new = self._fresh(self.kind)
            new.set_weights(
                keep_units(old.get_weights(), new.get_weights(), new.n_gates, old.units, new.units)
            )
            self._grid_layers = {self.kind: new}

    def _fresh(self, kind: str) -> RNNLayer:
        s = self.settings
        return build(kind, s["units"], s["input_dim"], s["timesteps"], True, draw=True)

    def grid_layer(self) -> RNNLayer:
        """The seeded layer of the grid's type (weights kept across units changes)."""
        layer = self._grid_layers.get(self.kind)
        if layer is None or layer.units != self.settings["units"]:
            layer = self._grid_layers[self.kind] = self._fresh(self.kind)
        return layer

    def view(self, lang: str = "en") -> UnitsView:
        """Counts, formulas, shapes, the note and the grid, in ``lang``."""
        s = self.settings
        units, dim, steps = s["units"], s["input_dim"], s["timesteps"]
        kind = self.kind
        layers = {name: build(name, units, dim, steps, False) for name in KINDS}
        counts = {name: layer.count_params() for name, layer in layers.items()}
        rows = {name: formula(layer) for name, layer in layers.items()}
        width = max(len(filled) for _, filled in rows.values())
        params = [
            words(
                lang,
                "params (n = units, D = input_dim)",
                "파라미터 (n = 유닛 수, D = 입력 특성 수)",
            )
        ]
        for name, (letters, filled) in rows.items():
            params.append(
                f"{name:<9} {letters:<9} = {filled:<{width}} = {fmt_int(counts[name]):>7}"
            )
        grid_layer = self.grid_layer()
        shapes, weights = self._shapes(layers[kind], grid_layer, lang)
        note = self._note(
            kind, units, layers[kind], build(kind, 2 * units, dim, steps, False), lang
        )
        self.trace = trace = grid_layer.trace(input_table()[None, :steps, :dim])
        what = (
            words(lang, f"{units} units", f"유닛 {units}개")
            if units <= GRID
            else words(lang, f"units 0-{GRID - 1} of {units}", f"유닛 {units}개 중 0-{GRID - 1}번")
        )
        cols = (
            words(lang, f"{steps} steps", f"{steps}스텝")
            if steps <= GRID
            else words(lang, f"steps 0-{GRID - 1} of {steps}", f"{steps}스텝 중 0-{GRID - 1}번")
        )
        grid = tuple(tuple(float(v) for v in row) for row in trace.outputs[0].T[:GRID, :GRID])
        return UnitsView(
            units=units,
            input_dim=dim,
            timesteps=steps,
            kind=tuple(KINDS).index(kind),
            counts=tuple(counts.items()),
            lines=(
                ("params", "\n".join(params)),
                ("shapes", shapes),
                ("caption", f"h_t: {what} x {cols}"),
                ("weights", weights),
                ("note", note),
            ),
            grid=grid,
            warnings=refused(lang, self.refused),
        )

    def _shapes(self, last: RNNLayer, seq: RNNLayer, lang: str) -> tuple[str, str]:
        shape_in = (None, self.settings["timesteps"], self.settings["input_dim"])
        out_last = format_shape(last.compute_output_shape(shape_in))
        out_seq = format_shape(seq.compute_output_shape(shape_in))
        shapes = words(
            lang,
            f"output {out_last}; with return_sequences=True {out_seq}",
            f"출력 {out_last}, return_sequences=True면 {out_seq}",
        )
        letter = {"kernel": "W = ", "recurrent_kernel": "U = ", "bias": "b = "}
        parts = [
            f"{letter.get(n, '')}{n} {format_shape(s)}"
            for n, s in zip(last.weight_names(), last.weight_shapes(), strict=True)
        ]
        kind = type(last).__name__
        return shapes, words(lang, f"{kind} weights: ", f"{kind} 가중치: ") + ", ".join(parts)

    @staticmethod
    def _note(kind: str, units: int, layer: RNNLayer, double: RNNLayer, lang: str) -> str:
        total, rec = fmt_int(layer.count_params()), fmt_int(layer.recurrent_kernel.size)
        more = fmt_int(double.count_params())
        return words(
            lang,
            f"Capacity: {kind}({units}) has {total} weights; U (the n x n part) alone is "
            f"{rec}. With {2 * units} units it would have {more}. More units hold more "
            "patterns, but with little data they also memorise noise (overfitting): keep "
            "the smallest size that does as well on validation data.",
            f"용량: {kind}({units})의 가중치는 {total}개이고, 그중 U(n x n 부분)만 {rec}개"
            f"입니다. 유닛이 {2 * units}개면 {more}개가 됩니다. 유닛이 많을수록 패턴을 더 많이 "
            "담지만, 데이터가 적으면 잡음까지 외워 과대적합이 됩니다. 검증 데이터에서 성능이 "
            "같다면 가장 작은 크기를 고르세요.",
        )
