"""Forward and backward through a layer stack, with Keras' mask propagation.

Forward keeps one tape per layer; backward walks the layers in reverse and returns each
layer's ``LayerGrads`` (weight gradients in ``get_weights`` order). The mask from an
``Embedding(mask_zero=True)`` reaches the next recurrent layer; it stays attached to the output
while layers keep the time axis (``return_sequences``, Dense, Dropout) and is consumed by a
layer that drops it (a last-step recurrent layer, GlobalAveragePooling1D). The mask left on the
model's output is what the loss uses. Every layer is called the same way (the contract in
``layer.py``): ``forward`` / ``__call__`` with ``training`` and ``mask``, ``compute_mask`` for
the mask it passes on, ``backward`` for its gradients.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from rnntui.nn.activations import Array
from rnntui.nn.layer import Layer
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
    inputs: list[Any]
    """The input each layer received (the model's input, then each layer's output)."""


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
    inputs_in: list[Any] = []
    for layer in layers:
        masks_in.append(mask)
        inputs_in.append(x)
        x_in = x
        tape: Any = None
        if keep_tapes:
            x, tape = layer.forward(x_in, training=training, mask=mask)
        else:
            x = layer(x_in, training=training, mask=mask)
        mask = layer.compute_mask(x_in, mask)
        tapes.append(tape)
        listed.append(isinstance(x, list))
        if isinstance(x, list):
            x = x[0]
    return StackTape(tapes, listed, np.asarray(x, dtype=np.float64), mask, masks_in, inputs_in)


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
        out.append(LayerGrads(grads.d_input, grads.weights, grads.detail))
        d = grads.d_input
    return out[::-1]


def flat_weight_grads(grads: Sequence[LayerGrads]) -> list[Array]:
    """All weight gradients, layer by layer, in the order of ``model.get_weights()``."""
    return [g for layer in grads for g in layer.weights]
