"""Activation functions on float64 arrays, numerically stable and warning-free.

``sigmoid`` uses e = exp(-|x|): 1/(1+e) for x >= 0, e/(1+e) otherwise. No overflow for any
finite input (``sigmoid(1e6)`` is exactly 1.0, ``sigmoid(-1e6)`` is 0.0), never NaN, and full
relative accuracy wherever the result is a normal float (2.2e-16 from torch float64). ``tanh``
is NumPy's, which is already safe.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]
Activation = Callable[[Array], Array]


def sigmoid(x: npt.ArrayLike) -> Array:
    """Logistic sigmoid 1 / (1 + exp(-x)), values in (0, 1) (0 and 1 only after rounding).

    With e = exp(-|x|) (never overflows): 1 / (1 + e) for x >= 0 and e / (1 + e) otherwise.
    """
    a = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(a))
    d = 1.0 + e
    return np.where(a >= 0.0, 1.0 / d, e / d)


def tanh(x: npt.ArrayLike) -> Array:
    """Hyperbolic tangent, values in (-1, 1)."""
    return np.tanh(np.asarray(x, dtype=np.float64))


def hard_sigmoid(x: npt.ArrayLike) -> Array:
    """Keras 3's hard sigmoid: clip(x / 6 + 1/2, 0, 1) (Keras 2 used 0.2 x + 0.5)."""
    return np.clip(np.asarray(x, dtype=np.float64) / 6.0 + 0.5, 0.0, 1.0)


def relu(x: npt.ArrayLike) -> Array:
    """Rectified linear unit max(x, 0)."""
    return np.maximum(np.asarray(x, dtype=np.float64), 0.0)


def linear(x: npt.ArrayLike) -> Array:
    """Identity (Keras ``activation=None`` / ``"linear"``)."""
    return np.asarray(x, dtype=np.float64)


def softmax(x: npt.ArrayLike) -> Array:
    """Softmax over the last axis, exp(x - max) / sum exp(x - max): rows sum to 1."""
    a = np.asarray(x, dtype=np.float64)
    e = np.exp(a - np.max(a, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": sigmoid,
    "tanh": tanh,
    "hard_sigmoid": hard_sigmoid,
    "relu": relu,
    "linear": linear,
    "softmax": softmax,
}

# Backward: each derivative is written in terms of the activation's OUTPUT y (as torch does),
# so a forward pass only has to keep y. ``grad(dy, y)`` returns dL/dx for upstream dL/dy.
Backward = Callable[[Array, Array], Array]


def _softmax_backward(dy: Array, y: Array) -> Array:
    """dx = y * (dy - sum(dy * y)) over the last axis (the softmax Jacobian times dy)."""
    return y * (dy - np.sum(dy * y, axis=-1, keepdims=True))


BACKWARDS: dict[str, Backward] = {
    "sigmoid": lambda dy, y: dy * y * (1.0 - y),
    "tanh": lambda dy, y: dy * (1.0 - y * y),
    "hard_sigmoid": lambda dy, y: dy * (((y > 0.0) & (y < 1.0)) / 6.0),
    "relu": lambda dy, y: dy * (y > 0.0),
    "linear": lambda dy, y: dy,
    "softmax": _softmax_backward,
}


def get_activation(name: str | None) -> Activation:
    """Look up an activation by its Keras name (``None`` means linear)."""
    key = "linear" if name is None else name
    try:
        return ACTIVATIONS[key]
    except KeyError:
        known = ", ".join(sorted(ACTIVATIONS))
        raise ValueError(f"Unknown activation {name!r}. Use one of: {known}.") from None


def get_backward(name: str | None) -> Backward:
    """The backward of an activation, ``grad(dy, y) -> dx``, with y the activation's output."""
    get_activation(name)  # same error for unknown names
    return BACKWARDS["linear" if name is None else name]
