"""Keras 3 losses with their gradients, and Keras' "sum_over_batch_size" reduction.

Each loss computes one value per prediction, ``per_sample`` (shape ``y_pred.shape[:-1]``: one per
sample, or per sample and step), and its gradient. The reduction is the mean of those values;
with a mask (B, T) from ``mask_zero`` only kept positions count: ``sum(l * m) / sum(m)``
(Keras writes it as weights total/valid on kept positions, then the mean).

Probabilities (``from_logits=False``) are renormalised and clipped to [eps, 1 - eps] with
eps = 1e-7 before the log, exactly as Keras on the torch backend; the gradient goes through the
clip (zero outside it) and the renormalisation.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from rnntui.nn.activations import Array, sigmoid, softmax

EPSILON = 1e-7
"""keras.config.epsilon()."""


def reduction_weights(shape: tuple[int, ...], mask: npt.ArrayLike | None) -> Array:
    """Weights w with loss = sum(l * w): 1/N everywhere, or m / sum(m) with a mask (0 if none)."""
    if mask is None:
        return np.full(shape, 1.0 / max(int(np.prod(shape)), 1))
    m = np.asarray(mask, dtype=bool)
    if m.shape != shape:
        raise ValueError(f"loss mask must have shape {shape}, got {m.shape}")
    total = float(m.size)
    valid = float(m.sum())
    weight = total / valid if valid else 0.0
    return np.where(m, weight, 0.0) / total


class Loss:
    """Base: ``loss(y_true, y_pred, mask=None) -> float``; ``value_and_grad`` adds dL/dy_pred."""

    name = "loss"

    def __init__(self, from_logits: bool = False) -> None:
        self.from_logits = bool(from_logits)

    def get_config(self) -> dict[str, Any]:
        return {"name": self.name, "from_logits": self.from_logits}

    def check(self, y_true: np.ndarray, y_pred: Array) -> np.ndarray:
        """Validate labels against predictions; return them as ``per_sample`` reads them."""
        raise NotImplementedError

    def per_sample(self, y_true: np.ndarray, y_pred: Array) -> tuple[Array, Array]:
        """(l, dl/dy_pred) with l of shape y_pred.shape[:-1] and the gradient of each l."""
        raise NotImplementedError

    def value_and_grad(
        self, y_true: npt.ArrayLike, y_pred: npt.ArrayLike, mask: npt.ArrayLike | None = None
    ) -> tuple[float, Array]:
        """The reduced loss and its gradient with respect to ``y_pred``."""
        pred = np.asarray(y_pred, dtype=np.float64)
        labels = self.check(np.asarray(y_true), pred)
        values, grads = self.per_sample(labels, pred)
        w = reduction_weights(values.shape, mask)
        return float(np.sum(values * w)), grads * w[..., None]

    def __call__(
        self, y_true: npt.ArrayLike, y_pred: npt.ArrayLike, mask: npt.ArrayLike | None = None
    ) -> float:
        return self.value_and_grad(y_true, y_pred, mask)[0]


def _same_shape(name: str, y_true: np.ndarray, y_pred: Array) -> Array:
    if y_true.shape != y_pred.shape:
        raise ValueError(
            f"{name}: labels have shape {y_true.shape} but the model outputs {y_pred.shape}; "
            "they must be equal"
        )
    labels = y_true.astype(np.float64)
    if not np.all(np.isfinite(labels)):
        raise ValueError(f"{name}: labels contain NaN or infinite values")
    return labels


def _clipped_log_grad(p: Array, dlog: Array) -> Array:
    """Backward of log(clip(p / sum p, eps, 1 - eps)) over the last axis, given dL/dlog."""
    total = np.sum(p, axis=-1, keepdims=True)
    q = p / total
    inside = (q >= EPSILON) & (q <= 1.0 - EPSILON)
    dq = dlog / np.clip(q, EPSILON, 1.0 - EPSILON) * inside
    return dq / total - np.sum(dq * p, axis=-1, keepdims=True) / (total * total)


def _clipped_log(p: Array) -> Array:
    return np.log(np.clip(p / np.sum(p, axis=-1, keepdims=True), EPSILON, 1.0 - EPSILON))


def _log_softmax(z: Array) -> Array:
    shifted = z - np.max(z, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


class CategoricalCrossentropy(Loss):
    """l = -sum_k y_k log p_k, labels one-hot (or probabilities) with the output's shape."""

    name = "categorical_crossentropy"

    def check(self, y_true: np.ndarray, y_pred: Array) -> np.ndarray:
        return _same_shape(self.name, y_true, y_pred)

    def per_sample(self, y_true: np.ndarray, y_pred: Array) -> tuple[Array, Array]:
        if self.from_logits:
            log_p = _log_softmax(y_pred)
            grad = softmax(y_pred) * np.sum(y_true, axis=-1, keepdims=True) - y_true
            return -np.sum(y_true * log_p, axis=-1), grad
        return -np.sum(y_true * _clipped_log(y_pred), axis=-1), _clipped_log_grad(y_pred, -y_true)


class SparseCategoricalCrossentropy(Loss):
    """l = -log p[y], integer labels of shape y_pred.shape[:-1] (a trailing 1 is dropped)."""

    name = "sparse_categorical_crossentropy"

    def check(self, y_true: np.ndarray, y_pred: Array) -> np.ndarray:
        labels = y_true
        if labels.ndim == y_pred.ndim and labels.shape[-1] == 1:
            labels = labels[..., 0]
        if labels.shape != y_pred.shape[:-1]:
            raise ValueError(
                f"{self.name}: labels have shape {y_true.shape} but the model outputs "
                f"{y_pred.shape}; labels need shape {y_pred.shape[:-1]} (one class id per "
                "prediction). For one prediction per step use return_sequences=True; for "
                "one-hot labels use categorical_crossentropy"
            )
        if labels.dtype.kind == "f":
            if not np.all(np.isfinite(labels)) or np.any(labels != np.round(labels)):
                raise ValueError(f"{self.name}: labels must be whole class ids, got {labels!r}")
        elif labels.dtype.kind not in "iub":
            raise ValueError(f"{self.name}: labels must be integers, got dtype {labels.dtype}")
        ids = labels.astype(np.int64)
        classes = y_pred.shape[-1]
        if ids.size and (ids.min() < 0 or ids.max() >= classes):
            raise ValueError(
                f"{self.name}: labels must be in 0..{classes - 1} (the output has {classes} "
                f"classes); got min {ids.min()}, max {ids.max()}. Make the last Dense layer "
                "as wide as the number of classes"
            )
        return ids

    def per_sample(self, y_true: np.ndarray, y_pred: Array) -> tuple[Array, Array]:
        ids = y_true[..., None]
        if self.from_logits:
            log_p = _log_softmax(y_pred)
            grad = softmax(y_pred)
            np.put_along_axis(grad, ids, np.take_along_axis(grad, ids, -1) - 1.0, -1)
            return -np.take_along_axis(log_p, ids, -1)[..., 0], grad
        values = -np.take_along_axis(_clipped_log(y_pred), ids, -1)[..., 0]
        dlog = np.zeros_like(y_pred)
        np.put_along_axis(dlog, ids, -1.0, -1)
        return values, _clipped_log_grad(y_pred, dlog)


class BinaryCrossentropy(Loss):
    """l = mean_last -(y log p + (1 - y) log(1 - p)), p clipped to [eps, 1 - eps]."""

    name = "binary_crossentropy"

    def check(self, y_true: np.ndarray, y_pred: Array) -> np.ndarray:
        return _same_shape(self.name, y_true, y_pred)

    def per_sample(self, y_true: np.ndarray, y_pred: Array) -> tuple[Array, Array]:
        n = y_pred.shape[-1]
        if self.from_logits:
            z = y_pred
            elem = np.maximum(z, 0.0) - z * y_true + np.log1p(np.exp(-np.abs(z)))
            return elem.mean(axis=-1), (sigmoid(z) - y_true) / n
        p = np.clip(y_pred, EPSILON, 1.0 - EPSILON)
        inside = (y_pred >= EPSILON) & (y_pred <= 1.0 - EPSILON)
        elem = -(y_true * np.log(p) + (1.0 - y_true) * np.log1p(-p))
        grad = (p - y_true) / np.maximum(p * (1.0 - p), 1e-12) * inside / n
        return elem.mean(axis=-1), grad


class MeanSquaredError(Loss):
    """l = mean_last (y - y_pred)^2."""

    name = "mean_squared_error"

    def check(self, y_true: np.ndarray, y_pred: Array) -> np.ndarray:
        return _same_shape(self.name, y_true, y_pred)

    def per_sample(self, y_true: np.ndarray, y_pred: Array) -> tuple[Array, Array]:
        diff = y_pred - y_true
        return np.mean(diff * diff, axis=-1), 2.0 * diff / y_pred.shape[-1]


LOSSES: dict[str, type[Loss]] = {
    "sparse_categorical_crossentropy": SparseCategoricalCrossentropy,
    "categorical_crossentropy": CategoricalCrossentropy,
    "binary_crossentropy": BinaryCrossentropy,
    "mse": MeanSquaredError,
    "mean_squared_error": MeanSquaredError,
}


def get(identifier: str | Loss) -> Loss:
    """A loss object from a Keras name (``"mse"``, ...) or a loss object itself."""
    if isinstance(identifier, Loss):
        return identifier
    if isinstance(identifier, str) and identifier in LOSSES:
        return LOSSES[identifier]()
    known = ", ".join(sorted(LOSSES))
    raise ValueError(
        f"Unknown loss {identifier!r}. Use one of: {known}, or an object from rnntui.nn.losses"
    )
