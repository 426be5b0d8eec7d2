"""Every engine layer keeps one contract (``rnntui/nn/layer.py``), so a stack needs no list of
layer kinds: a layer the stack has never heard of trains like the built-in ones."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from rnntui.nn import (
    GRU,
    LSTM,
    Bidirectional,
    Dense,
    Dropout,
    Embedding,
    GlobalAveragePooling1D,
    Sequential,
    SimpleRNN,
)
from rnntui.nn.layer import Layer, Shape
from rnntui.nn.tape import LayerGrads

B, T, D = 2, 4, 3


def kinds() -> list[tuple[Layer, Shape]]:
    """One of each engine layer, with an input shape it takes."""
    seq = (None, T, D)
    return [
        (SimpleRNN(5, seed=0), seq),
        (LSTM(5, return_sequences=True, seed=0), seq),
        (GRU(5, reset_after=False, seed=0), seq),
        (Bidirectional(GRU(2, return_sequences=True, seed=0)), seq),
        (Embedding(7, 3, mask_zero=True, seed=0), (None, T)),
        (Dense(4, use_bias=False, seed=0), seq),
        (Dropout(0.5, seed=0), seq),
        (GlobalAveragePooling1D(), seq),
    ]


def inputs_for(layer: Layer, rng: np.random.Generator) -> np.ndarray:
    if layer.takes_ids:
        return np.array([[1, 2, 0, 0], [3, 0, 0, 0]])
    return rng.normal(size=(B, T, D))


@pytest.mark.parametrize(("layer", "shape"), kinds(), ids=lambda v: type(v).__name__)
def test_planned_weights_are_the_built_ones(layer: Layer, shape: Shape) -> None:
    planned = layer.weight_shapes_for(shape)
    layer.build(shape)
    assert planned == [w.shape for w in layer.get_weights()]
    assert layer.count_params() == sum(int(np.prod(s)) for s in planned)
    assert len(layer.weight_labels()) == len(layer.get_weights())


@pytest.mark.parametrize(("layer", "shape"), kinds(), ids=lambda v: type(v).__name__)
def test_call_and_forward_agree_and_the_mask_is_declared(layer: Layer, shape: Shape) -> None:
    rng = np.random.default_rng(1)
    x = inputs_for(layer, rng)
    mask = None if layer.takes_ids else np.array([[1, 1, 1, 0], [1, 1, 0, 0]], dtype=bool)
    called = layer(x, training=False, mask=mask)
    out, _ = layer.forward(x, training=False, mask=mask)
    np.testing.assert_array_equal(called, out)
    passed = layer.compute_mask(x, mask)
    if isinstance(layer, Embedding):
        assert passed.tolist() == (x != 0).tolist()
    elif np.ndim(out) == 3:  # the time axis goes on, so does the mask
        assert passed is mask
    else:
        assert passed is None


class Twice(Layer):
    """A layer the engine does not ship: y = 2 x, dL/dx = 2 dL/dy."""

    def compute_output_shape(self, input_shape: Shape) -> Any:
        return tuple(input_shape)

    def forward(self, inputs: Any, training: bool = False, *, mask: Any = None) -> Any:
        return 2.0 * np.asarray(inputs, dtype=np.float64), None

    def backward(self, tape: Any, d_output: Any) -> LayerGrads:
        return LayerGrads(2.0 * np.asarray(d_output), [])


def test_a_new_layer_trains_in_a_stack_without_being_listed() -> None:
    rng = np.random.default_rng(2)
    x = rng.normal(size=(6, T, D))
    y = rng.integers(0, 2, size=(6, 1)).astype(float)
    plain = Sequential([GRU(3, seed=4), Dense(1, "sigmoid", seed=5)], (None, T, D))
    doubled = Sequential([Twice(), GRU(3, seed=4), Dense(1, "sigmoid", seed=5)], (None, T, D))
    for model in (plain, doubled):
        model.compile("sgd", "binary_crossentropy")
    np.testing.assert_allclose(doubled(x), plain(2 * x), rtol=0, atol=1e-15)
    loss_2x, grads_2x, per_layer, _ = plain.compute_gradients(2 * x, y)
    loss, grads, per_layer_doubled, _ = doubled.compute_gradients(x, y)
    assert loss == pytest.approx(loss_2x, abs=1e-15)
    for a, b in zip(grads, grads_2x, strict=True):
        np.testing.assert_allclose(a, b, rtol=0, atol=1e-15)
    # dL/dx through Twice is twice dL/d(2x) of the plain stack.
    np.testing.assert_allclose(
        per_layer_doubled[0].d_input, 2 * per_layer[0].d_input, rtol=0, atol=1e-15
    )
    assert doubled.summary().rows[0].class_name == "Twice"
