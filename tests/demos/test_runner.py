"""The live runner: one report per epoch, cancel stops after the current epoch."""

from __future__ import annotations

import threading

import numpy as np

from rnntui.demos.runner import EpochReport, train_live
from rnntui.nn import GRU, Dense, Embedding, Sequential, optimizers


def small_model() -> Sequential:
    model = Sequential(
        [Embedding(6, 4, seed=0), GRU(4, seed=1), Dense(2, activation="softmax", seed=2)],
        input_shape=(None, 5),
        seed=3,
    )
    model.compile(optimizer=optimizers.Adam(0.05), loss="sparse_categorical_crossentropy")
    return model


def data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    x = rng.integers(3, 6, size=(64, 5))
    y = rng.integers(0, 2, size=64)
    x[:, 0] = y + 1
    return x, y


def test_reports_every_epoch_with_validation_and_accuracy() -> None:
    x, y = data()
    seen: list[EpochReport] = []
    result = train_live(
        small_model(),
        x,
        y,
        epochs=4,
        on_epoch=seen.append,
        validation_data=(x[:16], y[:16]),
        accuracy=lambda m: float(np.mean(np.argmax(m.predict(x), -1) == y)),
    )
    assert [r.epoch for r in seen] == [1, 2, 3, 4] and list(result.reports) == seen
    assert not result.cancelled and seen[-1].fraction == 1.0
    assert all(r.val_loss is not None and 0 <= (r.accuracy or 0) <= 1 for r in seen)
    assert seen[-1].loss < seen[0].loss
    assert result.series("loss") == [r.loss for r in seen]


def test_cancel_stops_after_the_current_epoch() -> None:
    x, y = data()
    cancel = threading.Event()

    def on_epoch(report: EpochReport) -> None:
        if report.epoch == 2:
            cancel.set()

    result = train_live(small_model(), x, y, epochs=10, on_epoch=on_epoch, cancel=cancel)
    assert result.cancelled and result.epochs_done == 2


def test_cancel_set_before_the_start_trains_nothing() -> None:
    x, y = data()
    model = small_model()
    before = [w.copy() for w in model.get_weights()]
    cancel = threading.Event()
    cancel.set()
    result = train_live(model, x, y, epochs=3, cancel=cancel)
    assert result.cancelled and result.epochs_done == 0
    assert all(np.array_equal(a, b) for a, b in zip(before, model.get_weights(), strict=True))


def test_same_seed_same_weights() -> None:
    x, y = data()
    a, b = small_model(), small_model()
    train_live(a, x, y, epochs=2, seed=5)
    train_live(b, x, y, epochs=2, seed=5)
    assert all(np.array_equal(p, q) for p, q in zip(a.get_weights(), b.get_weights(), strict=True))
