"""Is GRU faster: the counts follow the formulas (checked against the engine); times are
measured, so only their shape is tested."""

from __future__ import annotations

import math

import pytest

from rnntui.demos.models import CELLS
from rnntui.demos.speed import SpeedLab, macs_per_step, param_count


@pytest.mark.parametrize("cell", ["lstm", "gru", "simple_rnn"])
@pytest.mark.parametrize(("d", "u"), [(1, 1), (16, 32), (7, 5)])
def test_param_count_matches_the_engine(cell: str, d: int, u: int) -> None:
    layer = CELLS[cell](u)
    layer.build((None, 3, d))
    assert param_count(cell, d, u) == layer.count_params()


def test_gru_does_three_quarters_of_the_lstm_products() -> None:
    assert macs_per_step("gru", 16, 32) * 4 == macs_per_step("lstm", 16, 32) * 3
    assert macs_per_step("lstm", 16, 32) == 4 * (16 * 32 + 32 * 32)


def test_view_measures_every_cell() -> None:
    view = SpeedLab(input_dim=4, units=8, length=5, batch=8).view(repeats=3)
    assert [r.label for r in view.rows] == ["LSTM", "GRU", "SimpleRNN"]
    assert all(r.ms_per_train_step > 0 for r in view.rows)
    assert math.isfinite(view.gru_over_lstm_time) and view.gru_over_lstm_time > 0
