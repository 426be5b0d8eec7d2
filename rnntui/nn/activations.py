"""Activation functions on float64 arrays, numerically stable and warning-free.

``sigmoid`` uses ``exp(-logaddexp(0, -x))``: no overflow for any finite input (``sigmoid(1e6)``
is exactly 1.0, ``sigmoid(-1e6)`` is 0.0), never NaN, and full relative accuracy wherever the
result is a normal float. ``tanh`` is NumPy's, which is already safe.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]
Activation = Callable[[Array], Array]


def sigmoid(x: npt.ArrayLike) -> Array:
    """Logistic sigmoid 1 / (1 + exp(-x)), values in (0, 1) (0 and 1 only after rounding)."""
    a = np.asarray(x, dtype=np.float64)
    out = np.logaddexp(0.0, np.negative(a))
    if not isinstance(out, np.ndarray):  # a 0-d input gives a NumPy scalar
        return np.exp(-out)
    np.negative(out, out=out)
    return np.exp(out, out=out)


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


ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": sigmoid,
    "tanh": tanh,
    "hard_sigmoid": hard_sigmoid,
    "relu": relu,
    "linear": linear,
}


def get_activation(name: str | None) -> Activation:
    """Look up an activation by its Keras name (``None`` means linear)."""
    key = "linear" if name is None else name
    try:
        return ACTIVATIONS[key]
    except KeyError:
        known = ", ".join(sorted(ACTIVATIONS))
        raise ValueError(f"Unknown activation {name!r}. Use one of: {known}.") from None
