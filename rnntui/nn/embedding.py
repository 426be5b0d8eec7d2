"""Embedding: integer ids -> rows of a (V, E) table; exactly one_hot(ids, V) @ W.

Backward: dW = one_hot(ids)^T dy, a scatter-add of the rows of dy (dense: every row of dW
exists, zero for ids not in the batch, as Keras' gradient).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from rnntui.nn.activations import Array
from rnntui.nn.initializers import uniform
from rnntui.nn.layer import Layer, Shape
from rnntui.nn.tape import LayerGrads


def one_hot(ids: npt.ArrayLike, size: int) -> Array:
    """One-hot rows (..., size) float64 for integer ids in 0..size-1.

    Built without a (size, size) identity matrix, so a 10,000-word vocabulary costs 10,000
    numbers per id, not 10^8. ``Embedding.one_hot`` uses it."""
    index = np.asarray(ids, dtype=np.int64)
    if index.size and (index.min() < 0 or index.max() >= size):
        raise ValueError(f"ids must be in 0..{size - 1}; got {index.min()}..{index.max()}")
    out = np.zeros((*index.shape, size))
    np.put_along_axis(out, index[..., None], 1.0, axis=-1)
    return out


class Embedding(Layer):
    """Keras ``Embedding(input_dim, output_dim, mask_zero=False)``; weight (V, E), V*E params."""

    takes_ids = True

    def __init__(
        self,
        input_dim: int,
        output_dim: int,
        mask_zero: bool = False,
        seed: int | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(name)
        for arg, value in (("input_dim", input_dim), ("output_dim", output_dim)):
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
                raise ValueError(
                    f"Both `input_dim` and `output_dim` should be positive, "
                    f"Received {arg}={value!r}"
                )
        self.input_dim = int(input_dim)
        self.output_dim = int(output_dim)
        self.mask_zero = bool(mask_zero)
        self.seed = seed
        self._rng = np.random.default_rng(seed)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "input_dim": self.input_dim,
            "output_dim": self.output_dim,
            "mask_zero": self.mask_zero,
            "seed": self.seed,
        }

    def weight_names(self) -> list[str]:
        return ["embeddings"]

    def weight_shapes_for(self, input_shape: Shape) -> list[tuple[int, ...]]:
        return [(self.input_dim, self.output_dim)]

    def build(self, input_shape: Shape) -> None:
        super().build(input_shape)
        self.embeddings = self._new_weight(uniform, self._rng, (self.input_dim, self.output_dim))

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return (*tuple(input_shape), self.output_dim)

    def _ids(self, inputs: npt.ArrayLike) -> np.ndarray:
        a = np.asarray(inputs)
        if a.dtype.kind == "f":
            a = a.astype(np.int64)  # Keras casts float ids to int
        ids = a.astype(np.int64)
        if ids.size and (ids.min() < 0 or ids.max() >= self.input_dim):
            raise ValueError(
                f"Embedding {self.name!r}: ids must be in 0..{self.input_dim - 1} "
                f"(input_dim={self.input_dim}); got min {ids.min()}, max {ids.max()}"
            )
        return ids

    def forward(
        self, inputs: npt.ArrayLike, training: bool = False, *, mask: Any = None
    ) -> tuple[Array, np.ndarray]:
        """(rows, ids): the rows for integer ids of any shape, e.g. (B, T) -> (B, T, E); the
        tape is the integer ids."""
        ids = self._ids(inputs)
        if not self.built:
            self.build((None, *ids.shape[1:]))
        return self.embeddings[ids], ids

    def backward(self, tape: np.ndarray, d_output: Array) -> LayerGrads:
        """[dW (V, E)] from dL/d rows (..., E); ids have no gradient (d_input is None)."""
        d_w = np.zeros_like(self.embeddings)
        np.add.at(d_w, tape.reshape(-1), np.asarray(d_output).reshape(-1, self.output_dim))
        return LayerGrads(None, [d_w])

    def compute_mask(self, inputs: npt.ArrayLike, mask: Any = None) -> np.ndarray | None:
        """``ids != 0`` when mask_zero, else None (a mask given to the ids is not passed on)."""
        return (np.asarray(inputs) != 0) if self.mask_zero else None

    def one_hot(self, inputs: npt.ArrayLike) -> Array:
        """The one-hot encoding of the ids, (..., V) float64."""
        return one_hot(self._ids(inputs), self.input_dim)
