"""Bidirectional: a forward copy and a go_backwards copy of a recurrent layer, merged."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from rnntui.nn.activations import Array
from rnntui.nn.dropout import DropoutMasks
from rnntui.nn.layer import Layer, Shape
from rnntui.nn.recurrent import RNNLayer
from rnntui.nn.tape import LayerGrads, RecurrentGrads, RecurrentTape
from rnntui.nn.trace import BidirectionalTrace, RecurrentTrace

BiTape = tuple[RecurrentTape, RecurrentTape, Array, Array]
"""Forward tape, backward tape, and the merged halves y_f, y_b (for merge_mode="mul")."""

MERGE_MODES = ("sum", "mul", "ave", "concat", None)


def _copy(layer: RNNLayer, **changes: Any) -> RNNLayer:
    config = {**layer.get_config(), **changes}
    return type(layer)(**config)


class Bidirectional(Layer):
    """Keras ``Bidirectional(layer, merge_mode="concat")``.

    Weights (``get_weights``): forward kernel, recurrent_kernel, bias, then the backward copy's.
    With return_sequences the backward outputs are flipped back along time before merging, so
    position t of both halves refers to input position t.
    """

    expected_ndim = 3

    def __init__(
        self, layer: RNNLayer, merge_mode: str | None = "concat", name: str | None = None
    ) -> None:
        if not isinstance(layer, RNNLayer):
            raise ValueError(
                "Please initialize `Bidirectional` layer with a recurrent layer "
                f"(SimpleRNN, LSTM or GRU). Received: {layer!r}"
            )
        if merge_mode not in MERGE_MODES:
            raise ValueError(
                f"Invalid merge mode. Received: {merge_mode}. Merge mode should be one of "
                '{"sum", "mul", "ave", "concat", None}'
            )
        super().__init__(name)
        self.layer = layer
        self.merge_mode = merge_mode
        backward_seed = None if layer.seed is None else layer.seed + 1
        self.forward_layer = _copy(layer, name=f"forward_{layer.name}")
        self.backward_layer = _copy(
            layer,
            name=f"backward_{layer.name}",
            go_backwards=not layer.go_backwards,
            seed=backward_seed,
        )
        self.return_sequences = layer.return_sequences
        self.return_state = layer.return_state
        for half in (self.forward_layer, self.backward_layer):
            half.zero_output_for_mask = self.return_sequences

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "merge_mode": self.merge_mode}

    def build(self, input_shape: Shape) -> None:
        super().build(input_shape)
        self.forward_layer.draw_weights = self.backward_layer.draw_weights = self.draw_weights
        self.forward_layer.build(input_shape)
        self.backward_layer.build(input_shape)

    def get_weights(self) -> list[Array]:
        return self.forward_layer.get_weights() + self.backward_layer.get_weights()

    def set_weights(self, weights: list[Any]) -> None:
        n = len(self.forward_layer.weight_names())
        if len(weights) != 2 * n:
            raise ValueError(
                f"Layer {self.name!r} expects {2 * n} weights, but received {len(weights)}"
            )
        self.forward_layer.set_weights(list(weights[:n]))
        self.backward_layer.set_weights(list(weights[n:]))

    def weight_shapes(self) -> list[tuple[int, ...]]:
        return [tuple(w.shape) for w in self.get_weights()]

    def weight_shapes_for(self, input_shape: Shape) -> list[tuple[int, ...]]:
        return self.forward_layer.weight_shapes_for(input_shape) * 2

    def weight_labels(self) -> list[str]:
        """``forward_lstm/kernel`` ... then ``backward_lstm/kernel`` ..."""
        f, b = self.forward_layer, self.backward_layer
        return [f"{f.name}/{n}" for n in f.weight_names()] + [
            f"{b.name}/{n}" for n in b.weight_names()
        ]

    def inner_layers(self) -> list[Layer]:
        return [self.layer]

    def compute_output_shape(self, input_shape: Shape) -> Any:
        self.check_input_shape(tuple(input_shape))
        one = self.forward_layer.compute_output_shape(input_shape)
        out, states = (one[0], one[1:]) if self.return_state else (one, [])
        if self.merge_mode == "concat":
            merged: Any = (*out[:-1], out[-1] * 2)
        elif self.merge_mode is None:
            merged = [out, out]
        else:
            merged = out
        if not self.return_state:
            return merged
        head = merged if isinstance(merged, list) else [merged]
        return head + list(states) * 2

    def _merge(self, y_f: Array, y_b: Array) -> Any:
        if self.merge_mode == "concat":
            return np.concatenate([y_f, y_b], axis=-1)
        if self.merge_mode == "sum":
            return y_f + y_b
        if self.merge_mode == "ave":
            return (y_f + y_b) / 2.0
        if self.merge_mode == "mul":
            return y_f * y_b
        return [y_f, y_b]

    def trace(
        self,
        inputs: npt.ArrayLike,
        training: bool = False,
        initial_state: Sequence[npt.ArrayLike] | None = None,
        mask: npt.ArrayLike | None = None,
        dropout_masks: tuple[DropoutMasks | None, DropoutMasks | None] | None = None,
        record: bool = True,
        tapes: tuple[RecurrentTape, RecurrentTape] | None = None,
    ) -> BidirectionalTrace:
        """Run both directions (recording steps unless ``record=False``) and merge them.

        With ``tapes`` each direction also keeps what its backward pass needs.
        """
        x = np.asarray(inputs, dtype=np.float64)
        if x.ndim != 3:
            self.check_input_shape(x.shape)
        if not self.built:
            self.build((None, *x.shape[1:]))
        init_f = init_b = None
        if initial_state is not None:
            half = len(initial_state) // 2
            if half * 2 != len(initial_state) or half == 0:
                raise ValueError(
                    f"Layer {self.name!r} expects an even number of initial states "
                    "(forward states then backward states)"
                )
            init_f, init_b = list(initial_state[:half]), list(initial_state[half:])
        masks_f, masks_b = dropout_masks or (None, None)
        runs: list[RecurrentTrace] = []
        tape_f, tape_b = tapes or (None, None)
        for half_layer, init, dm, tape in (
            (self.forward_layer, init_f, masks_f, tape_f),
            (self.backward_layer, init_b, masks_b, tape_b),
        ):
            runs.append(half_layer._run(x, training, init, mask, dm, None, record, tape))
        fwd, bwd = runs
        y_f = fwd.outputs if self.return_sequences else fwd.outputs[:, -1]
        aligned = bwd.outputs[:, ::-1]
        y_b = aligned if self.return_sequences else bwd.outputs[:, -1]
        merged = self._merge(y_f, y_b)
        output: Any = merged
        if self.return_state:
            head = merged if isinstance(merged, list) else [merged]
            states_f = [fwd.h] + ([fwd.c] if fwd.c is not None else [])
            states_b = [bwd.h] + ([bwd.c] if bwd.c is not None else [])
            output = head + states_f + states_b
        return BidirectionalTrace(
            forward=fwd,
            backward=bwd,
            backward_aligned=aligned,
            merge_mode=self.merge_mode,
            merged=merged,
            output=output,
        )

    def __call__(
        self,
        inputs: npt.ArrayLike,
        training: bool = False,
        initial_state: Sequence[npt.ArrayLike] | None = None,
        mask: npt.ArrayLike | None = None,
        dropout_masks: tuple[DropoutMasks | None, DropoutMasks | None] | None = None,
    ) -> Any:
        """Run the layer; returns what Keras returns."""
        return self.trace(inputs, training, initial_state, mask, dropout_masks, record=False).output

    # -- backward -----------------------------------------------------------------------------
    def variables(self) -> list[Array]:
        return self.forward_layer.variables() + self.backward_layer.variables()

    def forward(
        self,
        inputs: npt.ArrayLike,
        training: bool = False,
        initial_state: Sequence[npt.ArrayLike] | None = None,
        mask: npt.ArrayLike | None = None,
        dropout_masks: tuple[DropoutMasks | None, DropoutMasks | None] | None = None,
    ) -> tuple[Any, BiTape]:
        """Like ``__call__``, and also return the tape that ``backward`` reads."""
        tapes = (RecurrentTape(), RecurrentTape())
        run = self.trace(inputs, training, initial_state, mask, dropout_masks, False, tapes)
        y_f = run.forward.outputs if self.return_sequences else run.forward.outputs[:, -1]
        y_b = run.backward_aligned if self.return_sequences else run.backward.outputs[:, -1]
        return run.output, (tapes[0], tapes[1], y_f, y_b)

    def _unmerge(self, d_merged: Any, y_f: Array, y_b: Array) -> tuple[Any, Any]:
        """Backward of the merge: (dL/dy_f, dL/dy_b)."""
        if self.merge_mode is None:
            return d_merged[0], d_merged[1]
        d = np.asarray(d_merged, dtype=np.float64)
        if self.merge_mode == "concat":
            u = y_f.shape[-1]
            return d[..., :u], d[..., u:]
        if self.merge_mode == "sum":
            return d, d
        if self.merge_mode == "ave":
            return d / 2.0, d / 2.0
        return d * y_b, d * y_f  # mul

    def backward(self, tape: BiTape, d_output: Any) -> LayerGrads:
        """dL/dx (B, T, D) and the weight grads of both directions (``get_weights`` order).

        ``d_output`` is shaped like the output (entries may be None); ``detail`` is the pair of
        ``RecurrentGrads`` (forward direction, backward direction) with per-step gradients.
        """
        tape_f, tape_b, y_f, y_b = tape
        n_head = 2 if self.merge_mode is None else 1
        n_states = 2 if self.forward_layer.has_carry else 1
        parts = list(d_output) if (self.return_state or self.merge_mode is None) else [d_output]
        parts += [None] * (n_head + (2 * n_states if self.return_state else 0) - len(parts))
        head = parts[0] if n_head == 1 else parts[:2]
        states = parts[n_head:]
        if head is None or (isinstance(head, list) and all(h is None for h in head)):
            d_f, d_b = None, None
        else:
            if isinstance(head, list):
                head = [
                    np.zeros_like(y) if h is None else h
                    for h, y in zip(head, (y_f, y_b), strict=True)
                ]
            d_f, d_b = self._unmerge(head, y_f, y_b)
        if d_b is not None and self.return_sequences:
            d_b = np.asarray(d_b)[:, ::-1]  # back to the backward layer's processing order
        states = states + [None] * (2 * n_states - len(states))
        grads: list[RecurrentGrads] = []
        for half, t, d, st in (
            (self.forward_layer, tape_f, d_f, states[:n_states]),
            (self.backward_layer, tape_b, d_b, states[n_states:]),
        ):
            grads.append(half.backward(t, [d, *st] if self.return_state else d))
        dx = grads[0].dx + grads[1].dx
        return LayerGrads(dx, grads[0].weights + grads[1].weights, (grads[0], grads[1]))
