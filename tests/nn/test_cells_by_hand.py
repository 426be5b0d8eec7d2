"""Single steps checked against the equations written out with math.exp / math.tanh."""

from __future__ import annotations

import math

import numpy as np
import pytest

from rnntui.nn import GRU, LSTM, GateForce, SimpleRNN


def sig(v: float) -> float:
    return 1.0 / (1.0 + math.exp(-v))


def test_simple_rnn_one_unit_two_steps() -> None:
    layer = SimpleRNN(1, return_sequences=True)
    layer.build((None, 2, 1))
    layer.set_weights([[[0.5]], [[0.8]], [0.1]])
    y = layer(np.array([[[1.0], [2.0]]]))
    h1 = math.tanh(1.0 * 0.5 + 0.1)
    h2 = math.tanh(2.0 * 0.5 + 0.1 + h1 * 0.8)
    assert y[0, :, 0] == pytest.approx([h1, h2], abs=1e-15)


def _lstm_1unit() -> LSTM:
    layer = LSTM(1, return_state=True)
    layer.build((None, 1, 1))
    # blocks i, f, c, o
    layer.set_weights([[[0.1, 0.2, 0.3, 0.4]], [[0.5, 0.6, 0.7, 0.8]], [0.01, 1.0, 0.03, 0.04]])
    return layer


def test_lstm_one_step_with_initial_state() -> None:
    layer = _lstm_1unit()
    x, h0, c0 = 2.0, 0.5, -0.3
    _, h, c = layer(np.array([[[x]]]), initial_state=[np.array([[h0]]), np.array([[c0]])])
    i = sig(x * 0.1 + h0 * 0.5 + 0.01)
    f = sig(x * 0.2 + h0 * 0.6 + 1.0)
    g = math.tanh(x * 0.3 + h0 * 0.7 + 0.03)
    o = sig(x * 0.4 + h0 * 0.8 + 0.04)
    c_t = f * c0 + i * g
    assert c[0, 0] == pytest.approx(c_t, abs=1e-15)
    assert h[0, 0] == pytest.approx(o * math.tanh(c_t), abs=1e-15)


def test_lstm_trace_records_operands_and_forcing() -> None:
    layer = _lstm_1unit()
    c0 = np.array([[0.9]])
    tr = layer.trace(np.array([[[1.0]]]), initial_state=[np.zeros((1, 1)), c0])
    step = tr.steps[0]
    for gate in "ifgo":
        p = step.parts[gate]
        assert step.pre[gate][0, 0] == pytest.approx(p.x_term[0, 0] + p.bias[0] + p.h_term[0, 0])
    assert step.c[0, 0] == pytest.approx(
        step.gates["f"][0, 0] * 0.9 + step.gates["i"][0, 0] * step.gates["g"][0, 0]
    )
    wiped = layer.trace(
        np.array([[[1.0]]]),
        initial_state=[np.zeros((1, 1)), c0],
        forced={"f": GateForce("value", 0.0), "i": GateForce("value", 0.0)},
    )
    assert wiped.steps[0].c[0, 0] == 0.0
    kept = layer.trace(
        np.array([[[1.0]]]),
        initial_state=[np.zeros((1, 1)), c0],
        forced={"f": GateForce("value", 1.0), "i": GateForce("value", 0.0)},
    )
    assert kept.steps[0].c[0, 0] == 0.9


@pytest.mark.parametrize("reset_after", [True, False])
def test_gru_one_step(reset_after: bool) -> None:
    layer = GRU(1, reset_after=reset_after)
    layer.build((None, 1, 1))
    k, r = [[0.1, 0.2, 0.3]], [[0.4, 0.5, 0.6]]
    bias = [[0.01, 0.02, 0.03], [0.04, 0.05, 0.06]] if reset_after else [0.01, 0.02, 0.03]
    layer.set_weights([k, r, bias])
    x, h0 = 1.5, -0.4
    h = layer(np.array([[[x]]]), initial_state=[np.array([[h0]])])[0, 0]
    if reset_after:
        z = sig(x * 0.1 + 0.01 + h0 * 0.4 + 0.04)
        rr = sig(x * 0.2 + 0.02 + h0 * 0.5 + 0.05)
        hh = math.tanh(x * 0.3 + 0.03 + rr * (h0 * 0.6 + 0.06))
    else:
        z = sig(x * 0.1 + 0.01 + h0 * 0.4)
        rr = sig(x * 0.2 + 0.02 + h0 * 0.5)
        hh = math.tanh(x * 0.3 + 0.03 + (rr * h0) * 0.6)
    assert h == pytest.approx(z * h0 + (1 - z) * hh, abs=1e-15)


def test_gru_z_weights_the_old_state() -> None:
    layer = GRU(1)
    layer.build((None, 1, 1))
    h0 = np.array([[0.7]])
    kept = layer.trace(
        np.ones((1, 1, 1)), initial_state=[h0], forced={"z": GateForce("value", 1.0)}
    )
    assert kept.h[0, 0] == 0.7


def test_trace_output_equals_call(rng) -> None:
    for cls in (SimpleRNN, LSTM, GRU):
        layer = cls(3, return_sequences=True, seed=2)
        x = rng.normal(size=(2, 4, 2))
        assert np.array_equal(layer(x), layer.trace(x).output)
