"""Activation lab: values and curves from the engine's functions; x validated by the SPEC."""

from __future__ import annotations

import math

import numpy as np
import pytest

from rnntui.lab.activation import COLUMNS, ActivationLab
from rnntui.lab.format import fmt
from rnntui.lab.spec import SettingError
from rnntui.nn.activations import sigmoid, tanh


def test_view_values_and_point() -> None:
    lab = ActivationLab({"x": 1.5})
    view = lab.view("ko")
    assert (
        view.values == f"sigmoid(1.5000) = {fmt(float(sigmoid(1.5)))}   "
        f"tanh(1.5000) = {fmt(float(tanh(1.5)))}"
    )
    sig, tan = view.curves
    assert sig.caption == "sigmoid(x), 범위 (0, 1):" and (tan.lo, tan.hi) == (-1.0, 1.0)
    assert sig.samples == tuple(float(v) for v in sigmoid(np.linspace(-6, 6, COLUMNS)))
    assert sig.point == (30, view.sigmoid) and tan.point == (30, view.tanh)
    # the point's own value, not the English word "value" (issue 17: no English in ko)
    assert sig.axis == f"x: -6 .. 6, @ = (1.5000, {fmt(1 / (1 + math.exp(-1.5)))})"
    assert tan.axis == f"x: -6 .. 6, @ = (1.5000, {fmt(math.tanh(1.5))})"


def test_set_and_reset() -> None:
    lab = ActivationLab()
    lab.set("x", -6)
    assert lab.view().curves[0].point[0] == 0
    with pytest.raises(SettingError, match=r"x must be a number -6\.\.6"):
        lab.set("x", 6.5)
    lab.reset()
    assert lab.x == 0.5


def test_bad_preset_falls_back_with_a_note() -> None:
    lab = ActivationLab({"x": float("nan")})
    assert lab.x == 0.5
    assert lab.view().warnings == ("Preset value 'x' ignored: x must be a number -6..6",)
