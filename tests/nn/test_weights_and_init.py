"""Weights in Keras order and shapes; Keras default initializers."""

from __future__ import annotations

import math

import numpy as np
import pytest

from rnntui.nn import GRU, LSTM, Bidirectional, Embedding, SimpleRNN


@pytest.mark.parametrize(
    ("layer", "shapes"),
    [
        (SimpleRNN(4), [(3, 4), (4, 4), (4,)]),
        (LSTM(4), [(3, 16), (4, 16), (16,)]),
        (GRU(4), [(3, 12), (4, 12), (2, 12)]),
        (GRU(4, reset_after=False), [(3, 12), (4, 12), (12,)]),
        (Bidirectional(LSTM(4)), [(3, 16), (4, 16), (16,)] * 2),
    ],
)
def test_weight_shapes(layer, shapes) -> None:
    layer.build((None, 5, 3))
    assert [w.shape for w in layer.get_weights()] == shapes


def test_set_weights_round_trip_and_errors(rng) -> None:
    layer = LSTM(2)
    layer.build((None, 3, 3))
    new = [rng.normal(size=w.shape) for w in layer.get_weights()]
    layer.set_weights(new)
    assert all(np.array_equal(a, b) for a, b in zip(layer.get_weights(), new, strict=True))
    with pytest.raises(ValueError, match="shape"):
        layer.set_weights([new[0].T, new[1], new[2]])
    with pytest.raises(ValueError, match="expects 3 weights"):
        layer.set_weights(new[:2])


def test_bidirectional_weight_order_forward_then_backward(rng) -> None:
    bi = Bidirectional(GRU(2))
    bi.build((None, 4, 3))
    new = [rng.normal(size=w.shape) for w in bi.get_weights()]
    bi.set_weights(new)
    assert np.array_equal(bi.forward_layer.kernel, new[0])
    assert np.array_equal(bi.backward_layer.kernel, new[3])


def test_default_initializers() -> None:
    layer = LSTM(64, seed=0)
    layer.build((None, 5, 40))
    k, r, b = layer.get_weights()
    limit = math.sqrt(6 / (40 + 256))
    assert np.abs(k).max() <= limit and np.abs(k).max() > 0.9 * limit
    assert np.allclose(r @ r.T, np.eye(64), atol=1e-12)
    assert np.array_equal(b, np.r_[np.zeros(64), np.ones(64), np.zeros(128)])
    square = SimpleRNN(8, seed=0)
    square.build((None, 2, 3))
    rk = square.get_weights()[1]
    assert np.allclose(rk.T @ rk, np.eye(8), atol=1e-12)
    assert np.array_equal(GRU(3, seed=0).trace(np.ones((1, 1, 1))).config["seed"] == 0, True)


def test_seeded_layers_are_reproducible() -> None:
    a, b = LSTM(5, seed=11), LSTM(5, seed=11)
    a.build((None, 2, 3))
    b.build((None, 2, 3))
    assert all(np.array_equal(x, y) for x, y in zip(a.get_weights(), b.get_weights(), strict=True))


def test_embedding_lookup_equals_one_hot_matmul() -> None:
    e = Embedding(10, 4, seed=0)
    ids = np.array([[1, 0, 9, 3]])
    out = e(ids)
    assert np.array_equal(out, e.one_hot(ids) @ e.embeddings)
    assert np.abs(e.embeddings).max() <= 0.05
    with pytest.raises(ValueError, match=r"ids must be in 0\.\.9"):
        e(np.array([[10]]))
    with pytest.raises(ValueError):
        e(np.array([[-1]]))
    assert Embedding(10, 4, mask_zero=True).compute_mask(ids).tolist() == [
        [True, False, True, True]
    ]
