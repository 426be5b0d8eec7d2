"""Forward and backward through a layer stack, with Keras' mask propagation.

Forward keeps one tape per layer; backward walks the layers in reverse and returns each
layer's ``LayerGrads`` (weight gradients in ``get_weights`` order). The mask from an
``Embedding(mask_zero=True)`` reaches the next recurrent layer; it stays attached to the output
while layers keep the time axis (``return_sequences``, Dense, Dropout) and is consumed by a
layer that drops it (a last-step recurrent layer, GlobalAveragePooling1D). The mask left on the
model's output is what the loss uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from rnntui.nn.activations import Array
from rnntui.nn.bidirectional import Bidirectional
from rnntui.nn.dense import Dense, Dropout
from rnntui.nn.embedding import Embedding
from rnntui.nn.layer import Layer
from rnntui.nn.pooling import GlobalAveragePooling1D
from rnntui.nn.recurrent import RNNLayer
from rnntui.nn.tape import LayerGrads


@dataclass
class StackTape:
    """One forward pass of a stack: per-layer tapes, output shapes and the output mask."""

    tapes: list[Any]
    out_is_list: list[bool]
    """Per layer: its output was a list (return_state / merge_mode=None), we passed item 0."""
    output: Array
    mask: np.ndarray | None
    masks_in: list[np.ndarray | None]
    """The mask each layer received."""


def stack_forward(
    layers: Sequence[Layer], inputs: npt.ArrayLike, training: bool, keep_tapes: bool = True
) -> StackTape:
    """Run the layers in turn (keeping tapes unless ``keep_tapes=False``, for inference).

    The output is the last layer's output (its first item when a layer returns a list).
    """
    x: Any = inputs
    mask: np.ndarray | None = None
    tapes: list[Any] = []
    listed: list[bool] = []
    masks_in: list[np.ndarray | None] = []
    for layer in layers:
        masks_in.append(mask)
        tape: Any = None
        if isinstance(layer, Embedding):
            mask = layer.compute_mask(x)
            x, tape = layer.forward(x)
        elif isinstance(layer, (RNNLayer, Bidirectional)):
            if keep_tapes:
                x, tape = layer.forward(x, training=training, mask=mask)
            else:
                x = layer(x, training=training, mask=mask)
            if not layer.return_sequences:
                mask = None
        elif isinstance(layer, Dropout):
            x, tape = layer.forward(x, training=training)
        elif isinstance(layer, GlobalAveragePooling1D):
            x, tape = layer.forward(x, mask=mask)
            mask = None
        elif isinstance(layer, Dense):
            x, tape = layer.forward(x)
        elif not keep_tapes:
            x = layer(x)  # type: ignore[operator]
        else:
            raise ValueError(
                f"layer {layer.name!r} ({type(layer).__name__}) has no backward pass: "
                "it cannot be trained yet"
            )
        tapes.append(tape)
        listed.append(isinstance(x, list))
        if isinstance(x, list):
            x = x[0]
    return StackTape(tapes, listed, np.asarray(x, dtype=np.float64), mask, masks_in)


def stack_backward(layers: Sequence[Layer], tape: StackTape, d_output: Array) -> list[LayerGrads]:
    """Backward through the stack from dL/d(output); one ``LayerGrads`` per layer, in order."""
    d: Any = d_output
    out: list[LayerGrads] = []
    for layer, layer_tape, listed in zip(
        reversed(layers), reversed(tape.tapes), reversed(tape.out_is_list), strict=True
    ):
        if d is None:
            raise ValueError(f"no gradient reaches layer {layer.name!r}")
        grads = layer.backward(layer_tape, [d] if listed else d)
        if isinstance(layer, RNNLayer):
            grads = LayerGrads(grads.dx, grads.weights, grads)
        out.append(grads)
        d = grads.d_input
    return out[::-1]


def flat_weight_grads(grads: Sequence[LayerGrads]) -> list[Array]:
    """All weight gradients, layer by layer, in the order of ``model.get_weights()``."""
    return [g for layer in grads for g in layer.weights]
