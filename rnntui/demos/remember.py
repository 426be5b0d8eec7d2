"""Remembering across time: the answer is the FIRST token of a sequence of length T.

Each sequence starts with one of ``classes`` signal tokens (ids 1..classes) followed by T - 1
noise tokens (ids classes+1..vocab-1); the label is which signal came first. A model
``Embedding -> CELL(units) -> Dense(classes, softmax)`` must carry the signal through T - 1
steps of noise. ``RememberLab`` trains SimpleRNN, LSTM and GRU on it (small and seeded), reports
held-out accuracy per cell and T, and the gradient norm |dL/dh_t| per step from
``backward_trace``: how much the loss at the end still reaches the early steps.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from rnntui.demos.models import CELL_NAMES, CELLS, check_cell
from rnntui.demos.runner import EpochReport, train_live
from rnntui.nn import Dense, Embedding, Sequential, backward_trace, optimizers


@dataclass(frozen=True)
class RememberConfig:
    """Sizes of the task and the models (small, so a run takes a second or two)."""

    classes: int = 2
    vocab: int = 10
    embed_dim: int = 8
    units: int = 8
    samples: int = 256
    held_out: int = 128
    epochs: int = 12
    batch_size: int = 32
    learning_rate: float = 0.02
    seed: int = 0
    recurrent_scale: float = 1.0
    """The recurrent kernel U is Keras' orthogonal draw times this (1.0 = Keras' own)."""


def make_task(
    length: int, n: int, config: RememberConfig, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """(x, y): n sequences of ``length`` ids; y = index of the first (signal) token."""
    if length < 1:
        raise ValueError(f"the sequence length T must be at least 1, got {length}")
    rng = np.random.default_rng(seed)
    y = rng.integers(0, config.classes, size=n)
    x = rng.integers(config.classes + 1, config.vocab, size=(n, length))
    x[:, 0] = y + 1
    return x.astype(np.int64), y.astype(np.int64)


def build_remember_model(cell: str, config: RememberConfig) -> Sequential:
    """``Embedding -> cell -> Dense(classes, softmax)``, Adam with ``clipnorm=1``.

    With ``recurrent_scale`` s the recurrent kernel is s times the orthogonal draw: every step
    back multiplies a SimpleRNN's gradient by U (norm s) and tanh' (at most 1), so s < 1 makes
    it vanish at least as fast as s^t and s > 1 lets it grow.
    """
    s = config.seed
    model = Sequential(
        [
            Embedding(config.vocab, config.embed_dim, seed=s),
            CELLS[check_cell(cell)](config.units, seed=s + 1),
            Dense(config.classes, activation="softmax", seed=s + 2),
        ],
        input_shape=(None, None),
        seed=s + 3,
    )
    if config.recurrent_scale != 1.0:
        weights = model.layers[1].get_weights()
        weights[1] = weights[1] * config.recurrent_scale
        model.layers[1].set_weights(weights)
    model.compile(
        optimizer=optimizers.Adam(config.learning_rate, clipnorm=1.0),
        loss="sparse_categorical_crossentropy",
    )
    return model


def accuracy(model: Sequential, x: np.ndarray, y: np.ndarray) -> float:
    """Share of sequences whose first token the model names."""
    return float(np.mean(np.argmax(model.predict(x), axis=-1) == y))


def grad_norms(model: Sequential, x: np.ndarray, y: np.ndarray) -> tuple[float, ...]:
    """Batch mean of |dL/dh_t| for t = 1..T (the recurrent layer of ``backward_trace``)."""
    trace = backward_trace(model, x, y)
    return tuple(float(v) for v in trace.layers[1].dh_norms)


@dataclass(frozen=True)
class CellResult:
    """One cell type trained at one T."""

    cell: str
    label: str
    length: int
    accuracy: float
    """Held-out accuracy (chance is 1 / classes)."""
    losses: tuple[float, ...]
    grad_norms_before: tuple[float, ...]
    """|dL/dh_t| per step t = 1..T, untrained weights."""
    grad_norms_after: tuple[float, ...]
    """|dL/dh_t| per step after training."""
    cancelled: bool = False

    @property
    def first_to_last(self) -> float:
        """|dL/dh_1| / |dL/dh_T| after training: near 0 means the gradient vanished."""
        last = self.grad_norms_after[-1]
        return self.grad_norms_after[0] / last if last else 0.0


@dataclass(frozen=True)
class RememberView:
    """What the remembering panel draws: per cell and T, accuracy and gradient norms."""

    classes: int
    chance: float
    results: tuple[CellResult, ...]

    def accuracy_table(self) -> dict[str, dict[int, float]]:
        """{cell label: {T: accuracy}}."""
        table: dict[str, dict[int, float]] = {}
        for r in self.results:
            table.setdefault(r.label, {})[r.length] = r.accuracy
        return table


class RememberLab:
    """Trains the three cells on the first-token task for the student's T values."""

    def __init__(self, config: RememberConfig | None = None) -> None:
        self.config = config or RememberConfig()
        self.results: list[CellResult] = []

    def set_scale(self, recurrent_scale: float) -> None:
        """A new ``recurrent_scale`` (U = s x Keras' draw); earlier results are dropped."""
        if not 0.0 < recurrent_scale <= 4.0:
            raise ValueError(f"recurrent_scale must be in (0, 4], got {recurrent_scale}")
        if recurrent_scale != self.config.recurrent_scale:
            self.config = replace(self.config, recurrent_scale=recurrent_scale)
            self.results = []

    def untrained_grad_norms(self, cell: str, length: int) -> tuple[float, ...]:
        """|dL/dh_t| for t = 1..T of an untrained model on the held-out probe (instant)."""
        _, _, hx, hy = self.data(length)
        return grad_norms(build_remember_model(cell, self.config), hx[:32], hy[:32])

    def data(self, length: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(x, y, held-out x, held-out y) for T = ``length`` (seeded)."""
        c = self.config
        x, y = make_task(length, c.samples, c, seed=c.seed + 1000 + length)
        hx, hy = make_task(length, c.held_out, c, seed=c.seed + 2000 + length)
        return x, y, hx, hy

    def run(
        self,
        cell: str,
        length: int,
        on_epoch: Callable[[EpochReport], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> CellResult:
        """Train one cell at one T; a finished result is kept for ``view()`` (it replaces an
        earlier one of that cell and T; a cancelled run is only returned)."""
        c = self.config
        x, y, hx, hy = self.data(length)
        model = build_remember_model(cell, c)
        probe_x, probe_y = hx[:32], hy[:32]
        before = grad_norms(model, probe_x, probe_y)
        run = train_live(
            model,
            x,
            y,
            epochs=c.epochs,
            on_epoch=on_epoch,
            cancel=cancel,
            batch_size=c.batch_size,
            seed=c.seed,
            accuracy=lambda m: accuracy(m, hx, hy),
        )
        result = CellResult(
            cell=cell,
            label=CELL_NAMES[cell],
            length=length,
            accuracy=accuracy(model, hx, hy),
            losses=tuple(run.series("loss")),
            grad_norms_before=before,
            grad_norms_after=grad_norms(model, probe_x, probe_y),
            cancelled=run.cancelled,
        )
        if not result.cancelled:  # a cancelled run never replaces a finished (or shipped) one
            kept = [r for r in self.results if (r.cell, r.length) != (cell, length)]
            self.results = [*kept, result]
        return result

    def run_all(
        self, lengths: Sequence[int], cells: Sequence[str] = ("simple_rnn", "lstm", "gru")
    ) -> RememberView:
        """Every cell at every T (in that order)."""
        for length in lengths:
            for cell in cells:
                self.run(cell, length)
        return self.view()

    def view(self) -> RememberView:
        """The results so far, in the order they were trained."""
        return RememberView(self.config.classes, 1.0 / self.config.classes, tuple(self.results))
