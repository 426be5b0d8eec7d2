"""Keras' training API for ``Sequential``: compile, train_on_batch, fit, evaluate, predict.

One training step (``train_on_batch``) is: forward with tapes (dropout on), the loss and its
gradient dL/d(output) (masked positions left out), backward through the stack, then one
optimizer update of every weight. The returned loss is the one computed *before* the update.

``fit`` cuts the data into consecutive batches of ``batch_size`` (the last may be smaller),
shuffled per epoch from a seeded generator when ``shuffle``; ``history["loss"]`` is the mean of
the batch losses weighted by batch size; ``validation_split=f`` holds out the LAST fraction f of
the samples (before shuffling) and ``val_loss`` is ``evaluate`` on them after each epoch.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from rnntui.nn import losses as losses_mod
from rnntui.nn import optimizers as optimizers_mod
from rnntui.nn.activations import Array
from rnntui.nn.backprop import StackTape, flat_weight_grads, stack_backward, stack_forward
from rnntui.nn.callbacks import Callback, History
from rnntui.nn.layer import Layer
from rnntui.nn.tape import LayerGrads


def _finite(name: str, a: np.ndarray) -> None:
    if a.dtype.kind in "fc" and not np.all(np.isfinite(a)):
        raise ValueError(f"{name} contains NaN or infinite values: clean the data first")


def _as_data(x: npt.ArrayLike, y: npt.ArrayLike | None) -> tuple[np.ndarray, np.ndarray | None]:
    xa = np.asarray(x)
    if xa.dtype.kind not in "biuf":
        raise ValueError(f"x must be numbers, got dtype {xa.dtype}")
    _finite("x", xa)
    if y is None:
        return xa, None
    ya = np.asarray(y)
    if ya.dtype.kind not in "biuf":
        raise ValueError(f"y must be numbers, got dtype {ya.dtype}")
    _finite("y", ya)
    if xa.ndim == 0 or ya.ndim == 0 or len(xa) != len(ya):
        raise ValueError(
            f"x and y must have the same number of samples (first axis); got x {xa.shape}, "
            f"y {ya.shape}"
        )
    return xa, ya


class TrainingMixin:
    """Adds Keras' training methods to a layer stack (``self.layers``, ``self.build``)."""

    layers: list[Layer]
    shapes: list[Any]
    stop_training: bool = False

    def build(self, input_shape: Any) -> None:  # provided by Sequential
        raise NotImplementedError

    # -- setup ---------------------------------------------------------------------------------
    def compile(
        self,
        optimizer: str | optimizers_mod.Optimizer = "rmsprop",
        loss: str | losses_mod.Loss | None = None,
    ) -> None:
        """Choose the optimizer and the loss (Keras names or objects)."""
        if loss is None:
            raise ValueError(
                "compile() needs a loss, e.g. loss='sparse_categorical_crossentropy' or 'mse'"
            )
        self.optimizer = optimizers_mod.get(optimizer)
        self.loss = losses_mod.get(loss)
        self.compiled = True

    def _require_compiled(self, what: str) -> None:
        if not getattr(self, "compiled", False):
            raise ValueError(
                f"You must call compile(optimizer=..., loss=...) before {what}() "
                "(for example compile(optimizer='adam', loss='sparse_categorical_crossentropy'))"
            )

    def _ensure_built(self, x: np.ndarray) -> None:
        if not self.shapes:
            self.build((None, *x.shape[1:]))

    def variables(self) -> list[Array]:
        """Every live weight array, in ``get_weights()`` order."""
        return [v for layer in self.layers for v in layer.variables()]

    # -- gradients -----------------------------------------------------------------------------
    def compute_gradients(
        self,
        x: npt.ArrayLike,
        y: npt.ArrayLike,
        training: bool = True,
        loss: str | losses_mod.Loss | None = None,
    ) -> tuple[float, list[Array], list[LayerGrads], StackTape]:
        """(loss, weight grads in get_weights order, per-layer grads, forward tape) for a batch."""
        xa, ya = _as_data(x, y)
        assert ya is not None
        self._ensure_built(xa)
        loss_fn = losses_mod.get(loss) if loss is not None else self._loss_fn()
        tape = stack_forward(self.layers, xa, training)
        value, d_out = loss_fn.value_and_grad(ya, tape.output, tape.mask)
        grads = stack_backward(self.layers, tape, d_out)
        return value, flat_weight_grads(grads), grads, tape

    def _loss_fn(self) -> losses_mod.Loss:
        self._require_compiled("computing a loss")
        return self.loss

    # -- training ------------------------------------------------------------------------------
    def train_on_batch(self, x: npt.ArrayLike, y: npt.ArrayLike) -> float:
        """One update on one batch; returns the batch's loss before the update."""
        self._require_compiled("train_on_batch")
        value, grads, _, _ = self.compute_gradients(x, y, training=True)
        self.optimizer.apply(grads, self.variables())
        return value

    def fit(
        self,
        x: npt.ArrayLike,
        y: npt.ArrayLike,
        batch_size: int | None = 32,
        epochs: int = 1,
        verbose: int = 0,
        callbacks: Sequence[Callback] | None = None,
        validation_split: float = 0.0,
        validation_data: tuple[npt.ArrayLike, npt.ArrayLike] | None = None,
        shuffle: bool = True,
        seed: int | None = None,
    ) -> History:
        """Train for ``epochs`` passes over (x, y); returns a History (``history["loss"]``).

        ``seed`` seeds the shuffling (default: the model's own seeded generator).
        """
        self._require_compiled("fit")
        xa, ya = _as_data(x, y)
        assert ya is not None
        size = _batch_size(batch_size)
        if isinstance(epochs, bool) or int(epochs) != epochs or epochs < 0:
            raise ValueError(f"epochs must be a whole number >= 0, got {epochs!r}")
        val: tuple[np.ndarray, np.ndarray] | None = None
        if validation_data is not None:
            vx, vy = _as_data(*validation_data)
            assert vy is not None
            val = (vx, vy)
        elif validation_split:
            if not 0.0 < validation_split < 1.0:
                raise ValueError(
                    f"validation_split must be between 0 and 1, got {validation_split!r}"
                )
            split_at = math.floor(len(xa) * (1.0 - validation_split))
            if split_at in (0, len(xa)):
                raise ValueError(
                    f"validation_split={validation_split} leaves no samples for training or "
                    f"for validation out of {len(xa)}; use more samples or another fraction"
                )
            xa, ya, val = xa[:split_at], ya[:split_at], (xa[split_at:], ya[split_at:])
        self._ensure_built(xa)
        rng = np.random.default_rng(seed) if seed is not None else self._shuffle_rng()
        history = History()
        hooks: list[Callback] = [history, *(callbacks or [])]
        for hook in hooks:
            hook.set_model(self)
        self.stop_training = False
        for hook in hooks:
            hook.on_train_begin()
        for epoch in range(int(epochs)):
            for hook in hooks:
                hook.on_epoch_begin(epoch)
            order = rng.permutation(len(xa)) if shuffle else np.arange(len(xa))
            total, seen = 0.0, 0
            for batch, start in enumerate(range(0, len(xa), size)):
                idx = order[start : start + size]
                for hook in hooks:
                    hook.on_batch_begin(batch)
                batch_loss = self.train_on_batch(xa[idx], ya[idx])
                total += batch_loss * len(idx)
                seen += len(idx)
                logs = {"loss": total / seen, "batch_loss": batch_loss, "size": float(len(idx))}
                for hook in hooks:
                    hook.on_batch_end(batch, logs)
                if self.stop_training:
                    break
            epoch_logs = {"loss": total / seen if seen else math.nan}
            if val is not None:
                epoch_logs["val_loss"] = self.evaluate(val[0], val[1], batch_size=size)
            if verbose:
                shown = " - ".join(f"{k}: {v:.4f}" for k, v in epoch_logs.items())
                print(f"Epoch {epoch + 1}/{epochs} - {shown}")
            for hook in hooks:
                hook.on_epoch_end(epoch, epoch_logs)
            if self.stop_training:
                break
        for hook in hooks:
            hook.on_train_end()
        return history

    def _shuffle_rng(self) -> np.random.Generator:
        rng = getattr(self, "_fit_rng", None)
        if rng is None:
            rng = np.random.default_rng(getattr(self, "seed", None))
            self._fit_rng = rng
        return rng

    # -- inference -----------------------------------------------------------------------------
    def evaluate(self, x: npt.ArrayLike, y: npt.ArrayLike, batch_size: int | None = 32) -> float:
        """The loss in inference mode: batch losses averaged, weighted by batch size (as Keras)."""
        self._require_compiled("evaluate")
        xa, ya = _as_data(x, y)
        assert ya is not None
        self._ensure_built(xa)
        size = _batch_size(batch_size)
        total = 0.0
        for start in range(0, len(xa), size):
            tape = stack_forward(self.layers, xa[start : start + size], False, keep_tapes=False)
            value = self.loss(ya[start : start + size], tape.output, tape.mask)
            total += value * len(tape.output)
        return total / len(xa)

    def predict(self, x: npt.ArrayLike, batch_size: int | None = 32) -> Array:
        """The model's outputs in inference mode (no dropout), batch by batch."""
        xa, _ = _as_data(x, None)
        self._ensure_built(xa)
        size = _batch_size(batch_size)
        parts = [
            stack_forward(self.layers, xa[s : s + size], False, keep_tapes=False).output
            for s in range(0, len(xa), size)
        ]
        return np.concatenate(parts, axis=0)


def _batch_size(batch_size: int | None) -> int:
    size = 32 if batch_size is None else batch_size
    if isinstance(size, bool) or int(size) != size or size < 1:
        raise ValueError(f"batch_size must be a whole number >= 1, got {batch_size!r}")
    return int(size)
