"""Live training for the "watch it learn" panels: N epochs, a callback per epoch, cancel.

``train_live`` wraps the engine's ``fit`` with a callback that reports every epoch (loss,
val_loss, an optional accuracy) and, when the ``cancel`` event is set, sets
``model.stop_training`` so the run ends after the current epoch. BLAS is limited to one
thread (threadpoolctl) while it runs, so the UI thread keeps the other core. The UI runs it
in a thread worker and posts each ``EpochReport`` to the screen.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy.typing as npt
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

from rnntui.nn import Callback, Sequential


@dataclass(frozen=True)
class EpochReport:
    """One finished epoch (1-based ``epoch`` of ``epochs``)."""

    epoch: int
    epochs: int
    loss: float
    val_loss: float | None
    accuracy: float | None
    seconds: float
    """Wall time since the run started."""

    @property
    def fraction(self) -> float:
        """Progress in 0..1, for a progress bar."""
        return self.epoch / self.epochs if self.epochs else 1.0


@dataclass(frozen=True)
class RunResult:
    """How a run ended: every epoch's report and whether it was cancelled."""

    reports: tuple[EpochReport, ...]
    cancelled: bool
    seconds: float

    @property
    def epochs_done(self) -> int:
        return len(self.reports)

    def series(self, key: str) -> list[float]:
        """One figure per epoch (``loss``, ``val_loss``, ``accuracy``), NaN where missing."""
        out = []
        for r in self.reports:
            value = getattr(r, key)
            out.append(math.nan if value is None else float(value))
        return out


class _Progress(Callback):
    def __init__(
        self,
        epochs: int,
        on_epoch: Callable[[EpochReport], None] | None,
        cancel: threading.Event | None,
        accuracy: Callable[[Sequential], float] | None,
    ) -> None:
        super().__init__()
        self.epochs = epochs
        self.on_epoch = on_epoch
        self.cancel = cancel
        self.accuracy = accuracy
        self.reports: list[EpochReport] = []
        self.start = time.perf_counter()

    def on_epoch_end(self, epoch: int, logs: dict[str, float] | None = None) -> None:
        logs = logs or {}
        acc = self.accuracy(self.model) if self.accuracy is not None else None
        val = logs.get("val_loss")
        report = EpochReport(
            epoch=epoch + 1,
            epochs=self.epochs,
            loss=float(logs.get("loss", math.nan)),
            val_loss=None if val is None else float(val),
            accuracy=None if acc is None else float(acc),
            seconds=time.perf_counter() - self.start,
        )
        self.reports.append(report)
        if self.on_epoch is not None:
            self.on_epoch(report)
        if self.cancel is not None and self.cancel.is_set():
            self.model.stop_training = True


def train_live(
    model: Sequential,
    x: npt.ArrayLike,
    y: npt.ArrayLike,
    epochs: int,
    on_epoch: Callable[[EpochReport], None] | None = None,
    cancel: threading.Event | None = None,
    batch_size: int = 32,
    validation_data: tuple[Any, Any] | None = None,
    accuracy: Callable[[Sequential], float] | None = None,
    seed: int | None = 0,
) -> RunResult:
    """Train a compiled model for up to ``epochs`` epochs; stop after the epoch in which
    ``cancel`` was set (an event set before the start trains nothing)."""
    progress = _Progress(epochs, on_epoch, cancel, accuracy)
    if cancel is not None and cancel.is_set():
        return RunResult((), True, 0.0)
    with threadpool_limits(limits=1):
        model.fit(
            x,
            y,
            batch_size=batch_size,
            epochs=epochs,
            callbacks=[progress],
            validation_data=validation_data,
            shuffle=True,
            seed=seed,
        )
    cancelled = cancel is not None and cancel.is_set() and len(progress.reports) < epochs
    return RunResult(tuple(progress.reports), cancelled, time.perf_counter() - progress.start)
