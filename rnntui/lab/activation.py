"""Activation lab: sigmoid and tanh at one x, and both curves sampled by the engine."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from rnntui.lab.format import fmt, refused, words
from rnntui.lab.spec import SettingError
from rnntui.lab.specs import PANEL_SPECS
from rnntui.nn.activations import sigmoid, tanh

COLUMNS = 49
"""Samples per curve (one per plot column)."""


@dataclass(frozen=True)
class CurveView:
    """One curve: its range, caption, samples, and the current point (column, value)."""

    name: str
    caption: str
    lo: float
    hi: float
    samples: tuple[float, ...]
    point: tuple[int, float]
    axis: str


@dataclass(frozen=True)
class ActivationView:
    """Everything the activation panel shows."""

    x: float
    sigmoid: float
    tanh: float
    values: str
    curves: tuple[CurveView, ...]
    warnings: tuple[str, ...]


class ActivationLab:
    """One x, pushed through the two squashing functions of every RNN cell."""

    SPEC = PANEL_SPECS["activation"]

    def __init__(self, preset: Mapping[str, Any] | None = None) -> None:
        values, notes = self.SPEC.settle(preset)
        self.refused: tuple[SettingError, ...] = tuple(notes)
        """Preset values that were refused (the defaults were used)."""
        self._preset = values
        self.x = float(values["x"])
        lo, hi = self.range
        self._xs = np.linspace(lo, hi, COLUMNS)
        self._curves = ([float(v) for v in sigmoid(self._xs)], [float(v) for v in tanh(self._xs)])

    @property
    def range(self) -> tuple[float, float]:
        """The x range of the SPEC (and of the plots)."""
        setting = self.SPEC["x"]
        assert setting.lo is not None and setting.hi is not None
        return float(setting.lo), float(setting.hi)

    def set(self, name: str, value: Any) -> None:
        """Change ``x`` (SettingError if outside the SPEC's range)."""
        self.x = float(self.SPEC.validate(name, value))

    def reset(self) -> None:
        """Back to the preset x."""
        self.x = float(self._preset["x"])

    def view(self, lang: str = "en") -> ActivationView:
        """The values at x and both curves with the current point, in ``lang``."""
        x = self.x
        s, t = float(sigmoid(x)), float(tanh(x))
        lo, hi = self.range
        column = round((x - lo) / (hi - lo) * (COLUMNS - 1))
        axis = f"x: {fmt(lo, 0)} .. {fmt(hi, 0)}, @ = ({fmt(x)}, {{}})"  # the curve's value
        return ActivationView(
            x=x,
            sigmoid=s,
            tanh=t,
            values=f"sigmoid({fmt(x)}) = {fmt(s)}   tanh({fmt(x)}) = {fmt(t)}",
            curves=(
                CurveView(
                    "sigmoid",
                    words(lang, "sigmoid(x), range (0, 1):", "sigmoid(x), 범위 (0, 1):"),
                    0.0,
                    1.0,
                    tuple(self._curves[0]),
                    (column, s),
                    axis.format(fmt(s)),
                ),
                CurveView(
                    "tanh",
                    words(lang, "tanh(x), range (-1, 1):", "tanh(x), 범위 (-1, 1):"),
                    -1.0,
                    1.0,
                    tuple(self._curves[1]),
                    (column, t),
                    axis.format(fmt(t)),
                ),
            ),
            warnings=refused(lang, self.refused),
        )
