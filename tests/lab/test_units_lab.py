"""Units lab without Textual: counts and formulas are the engine's; the grid keeps weights."""

from __future__ import annotations

import numpy as np
import pytest

from rnntui.lab.spec import SettingError
from rnntui.lab.units import KINDS, UnitsLab, formula, input_table


def count(kind: str, units: int, dim: int) -> int:
    layer = KINDS[kind](units)
    layer.build((None, 5, dim))
    return layer.count_params()


def test_counts_formulas_and_grid() -> None:
    lab = UnitsLab({"units": 32, "input_dim": 16, "timesteps": 10})
    view = lab.view()
    assert dict(view.counts) == {k: count(k, 32, 16) for k in KINDS}
    params = dict(view.lines)["params"]
    assert "LSTM      4n(D+n+1) = 4 x 32 x (16+32+1) =   6,272" in params
    layer = KINDS["LSTM"](32, return_sequences=True, seed=0)
    trace = layer.trace(input_table()[None, :10, :16])
    assert view.grid[0] == tuple(float(s.h[0, 0]) for s in trace.steps[:8])
    assert dict(view.lines)["caption"] == "h_t: units 0-7 of 32 x steps 0-7 of 10"
    gru = KINDS["GRU"](3)
    gru.build((None, 1, 2))
    assert formula(gru) == ("3n(D+n+2)", "3 x 3 x (2+3+2)")


def test_units_keep_weights_input_dim_draws_new_ones() -> None:
    lab = UnitsLab()
    first = lab.view().grid
    kernel = lab.grid_layer().get_weights()[0]
    lab.set("units", 6)
    np.testing.assert_array_equal(lab.grid_layer().get_weights()[0][:, :4], kernel[:, :4])
    lab.set("units", 4)
    assert lab.view().grid == first
    lab.set("input_dim", 3)
    assert lab.grid_layer().get_weights()[0].shape == (3, 16)
    lab.set("kind", "GRU")
    assert lab.view("ko").kind == 2 and "GRU(4)" in dict(lab.view().lines)["note"]


def test_validation_and_reset() -> None:
    lab = UnitsLab({"units": 999})
    assert [str(e) for e in lab.refused] == ["units must be a whole number 1..256"]
    with pytest.raises(SettingError, match=r"timesteps must be a whole number 1\.\.100"):
        lab.set("timesteps", 101)
    with pytest.raises(SettingError, match="kind must be one of SimpleRNN, LSTM, GRU"):
        lab.set("kind", "CNN")
    lab.set("units", 9)
    lab.reset()
    assert lab.settings == {"units": 4, "input_dim": 8, "timesteps": 5} and lab.kind == "LSTM"


def test_korean_caption_says_steps_in_the_glossary_term() -> None:
    """docs/terms.md: 스텝 for a time step (not 단계)."""
    lab = UnitsLab({"units": 32, "timesteps": 10})
    caption = dict(lab.view("ko").lines)["caption"]
    assert caption == "h_t: 유닛 32개 중 0-7번 x 10스텝 중 0-7번"
    lab.set("timesteps", 5)
    assert dict(lab.view("ko").lines)["caption"].endswith("x 5스텝")
    assert "단계" not in "".join(text for _, text in lab.view("ko").lines)
