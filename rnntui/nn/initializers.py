"""Keras 3 default initializers, drawn from a seeded ``numpy.random.Generator``."""

from __future__ import annotations

import math

import numpy as np

from rnntui.nn.activations import Array


def glorot_uniform(rng: np.random.Generator, shape: tuple[int, int]) -> Array:
    """U(-L, L) with L = sqrt(6 / (fan_in + fan_out)); fan_in, fan_out = shape."""
    fan_in, fan_out = shape
    limit = math.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=shape)


def orthogonal(rng: np.random.Generator, shape: tuple[int, int]) -> Array:
    """Keras' orthogonal initializer (gain 1): a (rows, cols) matrix with orthonormal rows or
    columns, whichever are fewer (for a recurrent kernel (U, G*U): R R^T = I_U)."""
    rows, cols = shape
    flat = (max(rows, cols), min(rows, cols))
    q, r = np.linalg.qr(rng.standard_normal(flat))
    q = q * np.sign(np.diag(r))
    return q.T if rows < cols else q


def uniform(rng: np.random.Generator, shape: tuple[int, ...], limit: float = 0.05) -> Array:
    """U(-limit, limit), Keras' Embedding default (limit 0.05)."""
    return rng.uniform(-limit, limit, size=shape)
