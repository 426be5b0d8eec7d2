"""Dense: y = activation(x K + b) on the last axis.

Backward: da = activation'(y) dy;  dK = x^T da,  db = sum da,  dx = da K^T (over all leading axes).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from rnntui.nn.activations import Array, get_activation, get_backward
from rnntui.nn.initializers import glorot_uniform
from rnntui.nn.layer import Layer, Shape
from rnntui.nn.tape import LayerGrads


class Dense(Layer):
    """Keras ``Dense(units, activation=None, use_bias=True)``: D*U + U params."""

    def __init__(
        self,
        units: int,
        activation: str | None = None,
        use_bias: bool = True,
        seed: int | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(name)
        if isinstance(units, bool) or not isinstance(units, (int, np.integer)) or units < 1:
            raise ValueError(
                f"Received an invalid value for `units`, expected a positive integer. "
                f"Received: units={units!r}"
            )
        self.units = int(units)
        self.activation = activation
        self.use_bias = bool(use_bias)
        self.seed = seed
        self._act = get_activation(activation)
        self._rng = np.random.default_rng(seed)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "units": self.units,
            "activation": self.activation,
            "use_bias": self.use_bias,
            "seed": self.seed,
        }

    def weight_names(self) -> list[str]:
        return ["kernel", "bias"] if self.use_bias else ["kernel"]

    def check_input_shape(self, input_shape: Shape) -> None:
        if len(input_shape) < 2:
            raise ValueError(
                f"Input 0 with name 'None' of layer '{self.name}' is incompatible with the "
                f"layer: expected min_ndim=2, found ndim={len(input_shape)}."
            )

    def build(self, input_shape: Shape) -> None:
        super().build(input_shape)
        d = int(input_shape[-1])  # type: ignore[arg-type]
        self.kernel = self._new_weight(glorot_uniform, self._rng, (d, self.units))
        if self.use_bias:
            self.bias = np.zeros(self.units)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        self.check_input_shape(tuple(input_shape))
        return (*tuple(input_shape[:-1]), self.units)

    def weight_shapes_for(self, input_shape: Shape) -> list[tuple[int, ...]]:
        d = int(input_shape[-1] or 0)
        return [(d, self.units)] + ([(self.units,)] if self.use_bias else [])

    def forward(
        self, inputs: npt.ArrayLike, training: bool = False, *, mask: Any = None
    ) -> tuple[Array, tuple[Array, Array]]:
        """(y, tape) for inputs (..., D) of any rank >= 2, on the last axis: y is (..., units),
        the tape is (x, y). A mask passes on unchanged."""
        x = np.asarray(inputs, dtype=np.float64)
        self._ensure_built(x)
        y = x @ self.kernel
        if self.use_bias:
            y = y + self.bias
        y = self._act(y)
        return y, (x, y)

    def backward(self, tape: tuple[Array, Array], d_output: Array) -> LayerGrads:
        """dL/dx (..., D) and [dK (D, units), db (units,)] from dL/dy (..., units)."""
        x, y = tape
        da = get_backward(self.activation)(np.asarray(d_output, dtype=np.float64), y)
        da_flat = da.reshape(-1, self.units)
        grads = [x.reshape(-1, x.shape[-1]).T @ da_flat]
        if self.use_bias:
            grads.append(da_flat.sum(axis=0))
        return LayerGrads(da @ self.kernel.T, grads)
