"""Small pure-NumPy helpers for the embedding lesson: cosine similarity, memory, lookup check
(``one_hot`` is :mod:`rnntui.nn.embedding`'s).

The embedding panel shows these numbers; it never computes them itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from rnntui.nn.activations import Array
from rnntui.nn.embedding import Embedding, one_hot

__all__ = ["LookupCheck", "cosine_similarity", "lookup_check", "memory_bytes"]


def cosine_similarity(a: npt.ArrayLike, b: npt.ArrayLike) -> float:
    """cos(a, b) = a . b / (|a| |b|) for two vectors; 0.0 when either vector is all zeros."""
    u = np.asarray(a, dtype=np.float64).ravel()
    v = np.asarray(b, dtype=np.float64).ravel()
    if u.shape != v.shape:
        raise ValueError(f"cosine_similarity needs equally long vectors, got {u.size} and {v.size}")
    norm = float(np.linalg.norm(u) * np.linalg.norm(v))
    if norm == 0.0:
        return 0.0
    return float(np.clip(np.dot(u, v) / norm, -1.0, 1.0))


def memory_bytes(shape: int | Sequence[int], dtype: npt.DTypeLike = np.float64) -> int:
    """Bytes an array of ``shape`` and ``dtype`` holds (what ``ndarray.nbytes`` would say)."""
    dims = (shape,) if isinstance(shape, (int, np.integer)) else tuple(shape)
    if any(int(d) < 0 for d in dims):
        raise ValueError(f"shape sizes must be >= 0, got {dims}")
    count = 1
    for d in dims:
        count *= int(d)
    return count * np.dtype(dtype).itemsize


@dataclass(frozen=True)
class LookupCheck:
    """``one_hot(ids) @ W`` next to the lookup ``W[ids]`` and their largest difference."""

    one_hot: Array
    """(..., V) float64 one-hot rows from the layer."""
    product: Array
    """(..., E) the matrix product one_hot @ W."""
    lookup: Array
    """(..., E) what the layer returns for the ids."""
    max_abs_diff: float

    @property
    def equal(self) -> bool:
        """True when the product and the lookup are exactly the same numbers."""
        return self.max_abs_diff == 0.0


def lookup_check(layer: Embedding, ids: npt.ArrayLike) -> LookupCheck:
    """Compare ``one_hot(ids) @ W`` with ``layer(ids)`` (Keras' Embedding is exactly a lookup)."""
    lookup = layer(ids)
    hot = one_hot(ids, layer.input_dim)
    product = hot @ layer.embeddings
    diff = float(np.max(np.abs(product - lookup))) if lookup.size else 0.0
    return LookupCheck(one_hot=hot, product=product, lookup=lookup, max_abs_diff=diff)
