"""GlobalAveragePooling1D: the mean over the time axis, an order-free summary of a sequence.

Keras 3 ``GlobalAveragePooling1D(data_format=None, keepdims=False)``; no weights (0 params).

    (B, T, C) -> (B, C)        y[b, c] = mean_t x[b, t, c]

With a mask (B, T) only the unmasked steps count: ``sum_t x * m / sum_t m`` (as Keras; a row
whose steps are all masked divides 0 by 0 and gives NaN, as Keras does).

Backward: dx[b, t, c] = dy[b, c] * m[b, t] / sum_t m[b, t]   (m = 1 without a mask).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from rnntui.nn.activations import Array
from rnntui.nn.layer import Layer, Shape
from rnntui.nn.tape import LayerGrads

DATA_FORMATS = ("channels_last", "channels_first")


class GlobalAveragePooling1D(Layer):
    """Average over time: ``channels_last`` reads (B, T, C), ``channels_first`` (B, C, T)."""

    expected_ndim = 3

    def __init__(
        self,
        data_format: str | None = None,
        keepdims: bool = False,
        name: str | None = None,
    ) -> None:
        super().__init__(name or "global_average_pooling1d")
        fmt = "channels_last" if data_format is None else str(data_format).lower()
        if fmt not in DATA_FORMATS:
            raise ValueError(
                "The `data_format` argument must be one of {'channels_first', 'channels_last'}. "
                f"Received: data_format={data_format!r}"
            )
        self.data_format = fmt
        self.keepdims = bool(keepdims)

    @property
    def steps_axis(self) -> int:
        """The axis averaged over: 1 (channels_last) or 2 (channels_first)."""
        return 1 if self.data_format == "channels_last" else 2

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "data_format": self.data_format,
            "keepdims": self.keepdims,
        }

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        shape = tuple(input_shape)
        self.check_input_shape(shape)
        if self.keepdims:
            return (shape[0], 1, shape[2]) if self.steps_axis == 1 else (shape[0], shape[1], 1)
        return (shape[0], shape[2]) if self.steps_axis == 1 else (shape[0], shape[1])

    def compute_mask(self, inputs: npt.ArrayLike, mask: npt.ArrayLike | None = None) -> None:
        """The time axis is gone, so no mask is passed on (as Keras)."""
        return None

    def __call__(
        self, inputs: npt.ArrayLike, training: bool = False, *, mask: npt.ArrayLike | None = None
    ) -> Array:
        """The mean over time of ``inputs`` (B, T, C); ``mask`` (B, T) keeps steps that are True."""
        x = np.asarray(inputs, dtype=np.float64)
        self._ensure_built(x)
        axis = self.steps_axis
        if mask is None:
            return np.mean(x, axis=axis, keepdims=self.keepdims)
        m = np.asarray(mask).astype(np.float64)
        steps = x.shape[axis]
        if m.shape != (x.shape[0], steps):
            raise ValueError(f"mask must have shape {(x.shape[0], steps)}, got {m.shape}")
        m = m[:, :, None] if axis == 1 else m[:, None, :]
        total = np.sum(x * m, axis=axis, keepdims=self.keepdims)
        count = np.sum(m, axis=axis, keepdims=self.keepdims)
        with np.errstate(invalid="ignore", divide="ignore"):
            return total / count

    def forward(
        self, inputs: npt.ArrayLike, training: bool = False, *, mask: npt.ArrayLike | None = None
    ) -> tuple[Array, tuple[tuple[int, ...], Array]]:
        """(y, tape): the tape holds the input shape and the per-step weights m / sum m."""
        x = np.asarray(inputs, dtype=np.float64)
        y = self(x, mask=mask)
        axis = self.steps_axis
        steps = x.shape[axis]
        if mask is None:
            weights = np.full((x.shape[0], steps), 1.0 / steps)
        else:
            m = np.asarray(mask).astype(np.float64)
            with np.errstate(invalid="ignore", divide="ignore"):
                weights = m / m.sum(axis=1, keepdims=True)
        return y, (x.shape, weights)

    def backward(self, tape: tuple[tuple[int, ...], Array], d_output: Array) -> LayerGrads:
        """dL/dx with the input's shape, from dL/dy (no weights)."""
        _, weights = tape
        dy = np.asarray(d_output, dtype=np.float64)
        if self.keepdims:
            dy = dy.squeeze(axis=self.steps_axis)
        if self.steps_axis == 1:
            return LayerGrads(dy[:, None, :] * weights[:, :, None], [])
        return LayerGrads(dy[:, :, None] * weights[:, None, :], [])
