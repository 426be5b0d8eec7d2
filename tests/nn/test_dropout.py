"""dropout / recurrent_dropout as Keras: variational masks, per-gate when recurrent_dropout > 0."""

from __future__ import annotations

import numpy as np
import pytest

from rnntui.nn import GRU, LSTM, DropoutMasks, SimpleRNN
from rnntui.nn.activations import sigmoid


@pytest.mark.parametrize("rate", [0.25, 0.5])
def test_mask_statistics_and_values(rate: float) -> None:
    layer = LSTM(200, dropout=rate, seed=0)
    tr = layer.trace(np.ones((50, 2, 100)), training=True)
    (m,) = tr.masks.input
    assert np.unique(m).tolist() == [0.0, 1 / (1 - rate)]
    assert abs((m == 0).mean() - rate) < 0.02


def test_same_mask_every_step_and_new_mask_every_call() -> None:
    layer = SimpleRNN(16, dropout=0.5, recurrent_dropout=0.5, seed=1)
    x = np.ones((4, 6, 8))
    tr = layer.trace(x, training=True)
    for step in tr.steps:
        assert np.array_equal(step.x_in[0], x[:, 0] * tr.masks.input[0])
        assert np.array_equal(step.h_in[0], step.h_prev * tr.masks.recurrent[0])
    tr2 = layer.trace(x, training=True)
    assert not np.array_equal(tr.masks.input[0], tr2.masks.input[0])


@pytest.mark.parametrize(("cls", "gates"), [(LSTM, 4), (GRU, 3), (SimpleRNN, 1)])
def test_mask_counts(cls, gates: int) -> None:
    x = np.ones((2, 3, 4))
    shared = cls(5, dropout=0.3, seed=0).trace(x, training=True).masks
    assert (len(shared.input), len(shared.recurrent)) == (1, 0)
    per_gate = cls(5, dropout=0.3, recurrent_dropout=0.3, seed=0).trace(x, training=True).masks
    assert (len(per_gate.input), len(per_gate.recurrent)) == (gates, gates)
    rec_only = cls(5, recurrent_dropout=0.3, seed=0).trace(x, training=True).masks
    assert (len(rec_only.input), len(rec_only.recurrent)) == (0, gates)


@pytest.mark.parametrize("cls", [SimpleRNN, LSTM, GRU])
def test_inference_ignores_dropout(cls, rng) -> None:
    x = rng.normal(size=(3, 5, 4))
    plain = cls(6, seed=4)
    dropped = cls(6, dropout=0.5, recurrent_dropout=0.5, seed=4)
    dropped.build((None, 5, 4))
    plain.build((None, 5, 4))
    dropped.set_weights(plain.get_weights())
    assert np.array_equal(plain(x), dropped(x))
    assert dropped.trace(x).masks is None


@pytest.mark.parametrize("rate", [-0.1, 1.0, 1.5])
def test_rates_outside_unit_interval_raise(rate: float) -> None:
    with pytest.raises(ValueError, match=r"\[0, 1\)"):
        LSTM(3, dropout=rate)
    with pytest.raises(ValueError, match=r"\[0, 1\)"):
        GRU(3, recurrent_dropout=rate)


def _reference_lstm_per_gate(layer: LSTM, x, masks: DropoutMasks):
    """Keras' implementation-1 LSTM cell, written gate by gate."""
    k, r, b = layer.get_weights()
    u = layer.units
    h = np.zeros((x.shape[0], u))
    c = np.zeros_like(h)
    blocks = [slice(j * u, (j + 1) * u) for j in range(4)]
    for t in range(x.shape[1]):
        xs = [x[:, t] * m for m in masks.input]
        hs = [h * m for m in masks.recurrent]
        z = [xs[j] @ k[:, blocks[j]] + b[blocks[j]] + hs[j] @ r[:, blocks[j]] for j in range(4)]
        i, f, g, o = sigmoid(z[0]), sigmoid(z[1]), np.tanh(z[2]), sigmoid(z[3])
        c = f * c + i * g
        h = o * np.tanh(c)
    return h


def test_injected_per_gate_masks_match_reference(rng, randomize) -> None:
    layer = LSTM(3, dropout=0.4, recurrent_dropout=0.4, seed=0)
    layer.build((None, 5, 2))
    randomize(layer, rng)
    masks = DropoutMasks(
        input=tuple((rng.random((2, 2)) > 0.4) / 0.6 for _ in range(4)),
        recurrent=tuple((rng.random((2, 3)) > 0.4) / 0.6 for _ in range(4)),
    )
    x = rng.normal(size=(2, 5, 2))
    tr = layer.trace(x, training=True, dropout_masks=masks)
    assert np.abs(tr.h - _reference_lstm_per_gate(layer, x, masks)).max() < 1e-14
    assert np.array_equal(tr.masks.input[2], masks.input[2])


def test_injected_masks_are_validated() -> None:
    layer = GRU(3, dropout=0.2, recurrent_dropout=0.2)
    with pytest.raises(ValueError, match="expected 3 input"):
        layer.trace(
            np.ones((1, 2, 2)), training=True, dropout_masks=DropoutMasks(input=(np.ones((1, 2)),))
        )


def test_zero_input_mask_removes_the_input(rng) -> None:
    layer = GRU(4, dropout=0.5, seed=0)
    x = rng.normal(size=(1, 3, 2))
    masks = DropoutMasks(input=(np.zeros((1, 2)),))
    dropped = layer(x, training=True, dropout_masks=masks)
    assert np.allclose(dropped, layer(np.zeros_like(x)))
