"""Symbols lab without Textual: values from seeded engine cells, the symbol marked."""

from __future__ import annotations

import numpy as np
import pytest

from rnntui.lab.format import fmt
from rnntui.lab.spec import SettingError
from rnntui.lab.specs import PANEL_SPECS, SYMBOLS
from rnntui.lab.symbols import DIM, NAMES, SEED, STEPS, UNITS, SymbolsLab, vec
from rnntui.nn import LSTM


def test_the_spec_and_the_table_agree() -> None:
    assert NAMES == SYMBOLS
    assert PANEL_SPECS["symbols"]["t"].hi == STEPS - 1


def test_values_are_the_engines() -> None:
    lab = SymbolsLab({"symbol": "F"})
    lab.set("t", 2)
    x = np.random.default_rng(SEED).uniform(-1, 1, size=(1, STEPS, DIM))
    step = LSTM(UNITS, return_sequences=True, seed=SEED).trace(x).steps[2]
    view = lab.view()
    assert view.values.splitlines()[1] == f"{'LSTM'.ljust(10)}f = {vec(step.gates['f'])}"
    assert "no F in this cell" in view.values.splitlines()[0]
    # index 2 is the third step: shown 1-based as in the lessons (h_1 after the first step)
    assert view.t == 3
    assert view.values_head == f"values at t=3 (n={UNITS}, D={DIM}, T={STEPS}):"
    marked = [eq for eq in view.equations if eq.uses]
    assert marked and all(eq.text.startswith("> ") and "[f]" in eq.text for eq in marked)
    lab.set("symbol", "sigmoid")
    line = lab.view().values.splitlines()[1]
    assert line.endswith(f"= {fmt(step.gates['i'][0, 0])} (also f, o)")


def test_choice_move_validation_and_reset() -> None:
    lab = SymbolsLab({"symbol": "tanh"})
    lab.move(1)
    assert lab.symbol == "h"
    lab.set("symbol", "w")
    assert lab.symbol == "W" and lab.view("ko").meaning.startswith("W: 입력 가중치")
    with pytest.raises(SettingError, match="symbol must be one of h, x, W"):
        lab.set("symbol", "theta")
    with pytest.raises(SettingError, match=r"t must be a whole number 0\.\.3"):
        lab.set("t", 4)
    lab.reset()
    assert (lab.symbol, lab.t) == ("tanh", 0)
    table = lab.view().table.splitlines()
    assert [row[:2] for row in table].count("> ") == 1


def test_steps_are_counted_from_one_as_in_the_lessons() -> None:
    """The lessons call the state after the first step h_1 (h_0 is the initial state): the
    panel's first step shows h_1 = the engine's first step, x_1 = the first input."""
    x = np.random.default_rng(SEED).uniform(-1, 1, size=(1, STEPS, DIM))
    first = LSTM(UNITS, return_sequences=True, seed=SEED).trace(x).steps[0]
    lab = SymbolsLab({"symbol": "h"})
    view = lab.view()
    assert view.t == 1 and "values at t=1 " in view.values_head
    assert view.values.splitlines()[1] == f"{'LSTM'.ljust(10)}h_1 (3,) = {vec(first.h)}"
    assert "h_0" not in view.values
    lab.set("symbol", "x")
    assert lab.view().values.splitlines()[1].endswith(f"x_1 (2,) = {vec(x[0, 0])}")
    lab.set("symbol", "t")
    lab.set("t", STEPS - 1)
    last = lab.view("ko")
    assert last.values_head.startswith(f"t={STEPS}의 값")
    assert f"t = {STEPS}, x_{STEPS} -> h_{STEPS} = " in last.values.splitlines()[0]
    assert "스텝, 1..T" in last.table and "타임스텝" not in last.table
