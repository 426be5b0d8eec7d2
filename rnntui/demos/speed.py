"""Is GRU faster? Parameters, multiply-adds per step and measured training-step time.

For the student's input width D, units U, length T and batch B: LSTM has 4 weight blocks,
GRU 3 (Keras' ``reset_after=True``: two bias rows), so per step an LSTM does 4(DU + U^2)
multiply-adds in its matrix products and a GRU 3(DU + U^2): GRU does 3/4 of the work. Whether
that shows as time depends on the sizes (at small U the per-step overhead dominates), so the
lab also times ``train_on_batch`` of both in the engine, on one BLAS thread.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

import numpy as np
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

from rnntui.demos.models import CELL_NAMES, CELLS, check_cell
from rnntui.nn import Dense, Sequential, optimizers


def param_count(cell: str, input_dim: int, units: int) -> int:
    """Weights of one recurrent layer (Keras' formula)."""
    d, u = input_dim, units
    if check_cell(cell) == "lstm":
        return 4 * (d * u + u * u + u)
    if cell == "gru":
        return 3 * (d * u + u * u + 2 * u)
    return d * u + u * u + u


def macs_per_step(cell: str, input_dim: int, units: int) -> int:
    """Multiply-adds of the matrix products x W and h U in one time step of one sample."""
    blocks = {"lstm": 4, "gru": 3, "simple_rnn": 1}[check_cell(cell)]
    return blocks * (input_dim * units + units * units)


@dataclass(frozen=True)
class SpeedRow:
    """One cell at the chosen sizes."""

    cell: str
    label: str
    params: int
    macs_per_step: int
    ms_per_train_step: float


@dataclass(frozen=True)
class SpeedView:
    """What the speed panel draws."""

    input_dim: int
    units: int
    length: int
    batch: int
    rows: tuple[SpeedRow, ...]

    @property
    def gru_over_lstm_time(self) -> float:
        """GRU's measured step time as a fraction of LSTM's (below 1: GRU is faster)."""
        times = {r.cell: r.ms_per_train_step for r in self.rows}
        return times["gru"] / times["lstm"] if times.get("lstm") else float("nan")


def time_train_step(
    cell: str, input_dim: int, units: int, length: int, batch: int, repeats: int, seed: int = 0
) -> float:
    """Median milliseconds of one ``train_on_batch`` (MSE on the last state, Adam)."""
    model = Sequential(
        [CELLS[check_cell(cell)](units, seed=seed), Dense(1, seed=seed + 1)],
        input_shape=(None, length, input_dim),
    )
    model.compile(optimizer=optimizers.Adam(0.001), loss="mse")
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((batch, length, input_dim))
    y = rng.standard_normal((batch, 1))
    samples = []
    with threadpool_limits(limits=1):
        model.train_on_batch(x, y)  # slots and caches
        for _ in range(max(repeats, 1)):
            start = time.perf_counter()
            model.train_on_batch(x, y)
            samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1e3


class SpeedLab:
    """Compares LSTM and GRU (and SimpleRNN) at the student's sizes."""

    def __init__(
        self, input_dim: int = 16, units: int = 32, length: int = 20, batch: int = 32
    ) -> None:
        self.input_dim, self.units, self.length, self.batch = input_dim, units, length, batch

    def view(
        self, repeats: int = 20, cells: tuple[str, ...] = ("lstm", "gru", "simple_rnn")
    ) -> SpeedView:
        """Counts from the formulas and times measured now (``repeats`` steps per cell;
        ``repeats=0`` measures nothing: the times are NaN)."""
        d, u = self.input_dim, self.units
        rows = tuple(
            SpeedRow(
                cell,
                CELL_NAMES[cell],
                param_count(cell, d, u),
                macs_per_step(cell, d, u),
                time_train_step(cell, d, u, self.length, self.batch, repeats)
                if repeats > 0
                else float("nan"),
            )
            for cell in cells
        )
        return SpeedView(d, u, self.length, self.batch, rows)
