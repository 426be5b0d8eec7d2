"""Engine ``fit`` beside Keras 3 ``fit`` on the demos' own models (bench/train_demos.py's
KerasTwin): same layers, the engine's initial weights, the engine's batch order, true float64.
Without dropout every epoch's loss agrees to 1e-6 relative (measured: 1e-12 or closer).
Slow (Keras' import and a fit per epoch): run with ``-m slow``."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning"),
]
os.environ.setdefault("KERAS_BACKEND", "torch")
pytest.importorskip("torch")
keras = pytest.importorskip("keras")
BENCH = Path(__file__).parents[2] / "bench" / "train_demos.py"


@pytest.fixture(scope="module")
def bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("train_demos_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def twin(bench):  # type: ignore[no-untyped-def]
    if keras.backend.backend() != "torch":
        pytest.skip("the twin uses the torch backend")
    made = bench.KerasTwin()
    yield made
    made.close()


@pytest.mark.parametrize("cell", ["simple_rnn", "lstm", "gru"])
def test_remember_losses_match_keras(bench, twin, cell: str) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    from rnntui.demos.remember import RememberLab, build_remember_model

    lab = RememberLab()
    c = lab.config
    x, y, hx, hy = lab.data(10)
    initial = build_remember_model(cell, c)
    ours = lab.run(cell, 10)
    km, hist, _ = twin.fit(
        initial, x, y, c.epochs, c.batch_size, c.seed, learning_rate=c.learning_rate, clipnorm=1.0
    )
    assert bench.worst_rel(ours.losses, hist["loss"]) <= bench.EXACT_TOL
    assert float(np.mean(np.argmax(km.predict(hx, verbose=0), -1) == hy)) == ours.accuracy


def test_overfit_curves_match_keras(bench, twin) -> None:  # type: ignore[no-untyped-def]
    from rnntui.demos.overfit import OverfitLab, Variant

    lab = OverfitLab("en", epochs=6)
    variant = Variant(units=16)
    initial = lab.build(variant)
    ours = lab.run(variant)
    _, hist, _ = twin.fit(
        initial, lab.x, lab.y, lab.epochs, lab.batch_size, lab.seed,
        validation_data=(lab.vx, lab.vy), learning_rate=lab.learning_rate,
    )  # fmt: skip
    assert bench.worst_rel(ours.loss, hist["loss"]) <= bench.EXACT_TOL
    assert bench.worst_rel(ours.val_loss, hist["val_loss"]) <= bench.EXACT_TOL


def test_a_different_start_does_not_match(bench, twin) -> None:  # type: ignore[no-untyped-def]
    """The tolerance can fail: Keras from other initial weights ends elsewhere."""
    from rnntui.demos.remember import RememberConfig, RememberLab, build_remember_model

    lab = RememberLab()
    c = lab.config
    x, y, _, _ = lab.data(10)
    other = build_remember_model("gru", RememberConfig(seed=5))
    ours = lab.run("gru", 10)
    _, hist, _ = twin.fit(
        other, x, y, c.epochs, c.batch_size, c.seed, learning_rate=c.learning_rate, clipnorm=1.0
    )
    assert bench.worst_rel(ours.losses, hist["loss"]) > bench.EXACT_TOL
