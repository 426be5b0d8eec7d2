"""Dropout: the layer that drops entries of its input while training (inverted dropout).

Training: y = x * mask, each mask entry 0 with probability ``rate``, else 1/(1-rate), drawn per
call from the layer's seeded generator; inference: y = x. Backward: dx = dy * mask.
(The recurrent layers' own ``dropout`` / ``recurrent_dropout`` masks are in ``dropout.py``.)
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from rnntui.nn.activations import Array
from rnntui.nn.dropout import check_rate
from rnntui.nn.layer import Layer, Shape
from rnntui.nn.tape import LayerGrads


class Dropout(Layer):
    """Keras ``Dropout(rate)``: identity at inference, no weights (an inverted mask in training)."""

    def __init__(self, rate: float, seed: int | None = None, name: str | None = None) -> None:
        super().__init__(name)
        self.rate = check_rate("rate", rate)
        self._rng = np.random.default_rng(seed)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "rate": self.rate}

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return tuple(input_shape)

    def forward(
        self, inputs: npt.ArrayLike, training: bool = False, *, mask: Any = None
    ) -> tuple[Array, Array | None]:
        """(y, tape): entries dropped with probability ``rate`` when training, else the inputs
        unchanged; the tape is the dropout mask of this call (None at inference), reused by
        backward. A time-step ``mask`` passes on unchanged."""
        x = np.asarray(inputs, dtype=np.float64)
        if not training or self.rate == 0:
            return x, None
        mask = (self._rng.random(x.shape) >= self.rate) / (1.0 - self.rate)
        return x * mask, mask

    def backward(self, tape: Array | None, d_output: Array) -> LayerGrads:
        """dL/dx = dL/dy * mask (no weights)."""
        dy = np.asarray(d_output, dtype=np.float64)
        return LayerGrads(dy if tape is None else dy * tape, [])
