"""Keras-style callbacks for ``fit``: progress hooks, and ``model.stop_training = True`` to stop.

``fit`` calls, in order: ``on_train_begin``, then per epoch ``on_epoch_begin(epoch)``, per batch
``on_batch_begin(batch)`` / ``on_batch_end(batch, logs)``, ``on_epoch_end(epoch, logs)``, and
finally ``on_train_end``. Batch logs hold ``loss`` (the epoch's running mean, as Keras shows it),
``batch_loss`` and ``size``; epoch logs hold ``loss`` and, with validation data, ``val_loss``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Callback:
    """Base class: override the hooks you need; ``self.model`` is set by ``fit``."""

    def __init__(self) -> None:
        self.model: Any = None

    def set_model(self, model: Any) -> None:
        self.model = model

    def on_train_begin(self, logs: dict[str, float] | None = None) -> None:
        """Called once before the first epoch."""

    def on_train_end(self, logs: dict[str, float] | None = None) -> None:
        """Called once after the last epoch (also after a stop)."""

    def on_epoch_begin(self, epoch: int, logs: dict[str, float] | None = None) -> None:
        """Called before each epoch (0-based)."""

    def on_epoch_end(self, epoch: int, logs: dict[str, float] | None = None) -> None:
        """Called after each epoch with ``loss`` (and ``val_loss``)."""

    def on_batch_begin(self, batch: int, logs: dict[str, float] | None = None) -> None:
        """Called before each batch (0-based within the epoch)."""

    def on_batch_end(self, batch: int, logs: dict[str, float] | None = None) -> None:
        """Called after each batch's update."""


class LambdaCallback(Callback):
    """A callback from plain functions: ``LambdaCallback(on_epoch_end=lambda e, logs: ...)``."""

    def __init__(
        self,
        on_epoch_end: Callable[[int, dict[str, float]], None] | None = None,
        on_batch_end: Callable[[int, dict[str, float]], None] | None = None,
    ) -> None:
        super().__init__()
        self._epoch_end = on_epoch_end
        self._batch_end = on_batch_end

    def on_epoch_end(self, epoch: int, logs: dict[str, float] | None = None) -> None:
        if self._epoch_end is not None:
            self._epoch_end(epoch, logs or {})

    def on_batch_end(self, batch: int, logs: dict[str, float] | None = None) -> None:
        if self._batch_end is not None:
            self._batch_end(batch, logs or {})


class History(Callback):
    """What ``fit`` returns: ``history["loss"]`` (and ``["val_loss"]``) per epoch, ``epoch``."""

    def __init__(self) -> None:
        super().__init__()
        self.history: dict[str, list[float]] = {}
        self.epoch: list[int] = []

    def on_epoch_end(self, epoch: int, logs: dict[str, float] | None = None) -> None:
        self.epoch.append(epoch)
        for key, value in (logs or {}).items():
            self.history.setdefault(key, []).append(value)
