"""Numerically stable activations: no overflow, never NaN, accurate."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rnntui.nn.activations import get_activation, hard_sigmoid, sigmoid, tanh


def test_sigmoid_extremes_without_warnings() -> None:
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        values = sigmoid(np.array([-1e6, -1000.0, 0.0, 1000.0, 1e6]))
    assert values.tolist() == [0.0, 0.0, 0.5, 1.0, 1.0]


@given(st.floats(min_value=-700, max_value=700))
def test_sigmoid_matches_math(v: float) -> None:
    expected = 1.0 / (1.0 + math.exp(-v))
    assert float(sigmoid(v)) == pytest.approx(expected, rel=1e-14, abs=1e-300)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_activations_are_never_nan(v: float) -> None:
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        s, t = float(sigmoid(v)), float(tanh(v))
    assert 0.0 <= s <= 1.0 and -1.0 <= t <= 1.0


def test_hard_sigmoid_is_keras3() -> None:
    assert float(hard_sigmoid(1.0)) == pytest.approx(1 / 6 + 0.5)
    with pytest.raises(ValueError, match="Unknown activation"):
        get_activation("softsign-ish")
