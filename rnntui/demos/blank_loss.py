"""Cross-entropy at the blank only: label 0 means "not scored here".

Keras would train the fill-the-blank model with ``sample_weight`` (1 at the blank, 0 elsewhere);
the engine's ``fit`` takes no sample weights, so this loss reads the weight from the labels:
positions whose label is 0 (padding) count zero, the rest are averaged. The per-position values
and gradients are the engine's ``SparseCategoricalCrossentropy``.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from rnntui.nn.activations import Array
from rnntui.nn.losses import Loss, SparseCategoricalCrossentropy


class BlankCrossentropy(Loss):
    """Sparse categorical cross-entropy averaged over the positions with a label > 0."""

    name = "blank_crossentropy"

    def __init__(self) -> None:
        super().__init__(from_logits=False)
        self._inner = SparseCategoricalCrossentropy()

    def check(self, y_true: np.ndarray, y_pred: Array) -> np.ndarray:
        return self._inner.check(y_true, y_pred)

    def per_sample(self, y_true: np.ndarray, y_pred: Array) -> tuple[Array, Array]:
        return self._inner.per_sample(y_true, y_pred)

    def value_and_grad(
        self, y_true: npt.ArrayLike, y_pred: npt.ArrayLike, mask: npt.ArrayLike | None = None
    ) -> tuple[float, Array]:
        pred = np.asarray(y_pred, dtype=np.float64)
        labels = self.check(np.asarray(y_true), pred)
        values, grads = self.per_sample(labels, pred)
        keep = np.asarray(labels).reshape(values.shape) > 0
        if mask is not None:
            keep &= np.asarray(mask, dtype=bool)
        count = int(keep.sum())
        w = keep / count if count else np.zeros(values.shape)
        return float(np.sum(values * w)), grads * w[..., None]
