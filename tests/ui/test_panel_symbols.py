"""Symbols panel: the chosen symbol is marked in the equations; its values equal the engine's."""

from __future__ import annotations

import numpy as np
import pytest

from rnntui.lab.format import fmt
from rnntui.nn import GRU, LSTM, SimpleRNN
from rnntui.ui.panels.symbols import (
    DIM,
    EQUATIONS,
    NAMES,
    SEED,
    STEPS,
    UNITS,
    SymbolPicker,
    SymbolsPanel,
    mark,
)
from rnntui.ui.widgets.readout import Readout
from rnntui.ui.widgets.stepper import Stepper

from .helpers import show_panel, shown


def engine() -> dict:  # type: ignore[type-arg]
    """(layer, trace) of the three seeded cells, straight from the engine."""
    x = np.random.default_rng(SEED).uniform(-1, 1, size=(1, STEPS, DIM))
    out = {}
    for cls in (SimpleRNN, LSTM, GRU):
        layer = cls(UNITS, return_sequences=True, seed=SEED)
        out[cls.__name__] = (layer, layer.trace(x))
    return out


def vec(values: np.ndarray) -> str:
    return "[" + ", ".join(fmt(v) for v in np.ravel(values)) + "]"


def equation_lines(panel: SymbolsPanel, kind: str) -> list[Readout]:
    return [panel.query_one(f"#eq-{kind}-{k}", Readout) for k in range(len(EQUATIONS[kind]))]


async def test_starts_on_h_marked_everywhere(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("symbols", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        assert isinstance(panel, SymbolsPanel) and panel.symbol == "h"
        assert isinstance(app.focused, SymbolPicker)
        simple = equation_lines(panel, "SimpleRNN")[0]
        assert simple.text == "> [h]_t = tanh(x_t W + [h]_{t-1} U + b)"
        assert simple.has_class("-on")  # bold, on top of the brackets and the '>' marker
        lstm = [r.text for r in equation_lines(panel, "LSTM")]
        assert lstm[4] == "  c_t = f * c_{t-1} + i * g"  # no h in the c_t line
        cells = engine()
        values = shown(panel, "#values").splitlines()
        for line, (kind, (_layer, trace)) in zip(values, cells.items(), strict=True):
            assert line.startswith(kind)
            assert line.endswith(f"h_1 (3,) = {vec(trace.steps[0].h)}")  # 1-based, as lessons
        assert shown(panel, "#meaning").startswith("h: state = output | Keras: output, state")


async def test_letter_keys_choose_and_values_follow(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("symbols", "en")
    async with app.run_test(size=(120, 36)) as pilot:
        panel = await show_panel(pilot)
        panel.query_one(SymbolPicker).focus()
        cells = engine()
        await pilot.press("w")
        await pilot.pause()
        assert panel.symbol == "W" and "Keras: kernel | shape (D, G*n)" in shown(panel, "#meaning")
        lines = shown(panel, "#values").splitlines()
        for line, (_kind, (layer, _trace)) in zip(lines, cells.items(), strict=True):
            kernel = layer.get_weights()[0]
            assert f"{kernel.shape} row 0: " in line
            assert " ".join(fmt(v) for v in kernel[0, :3]) in line
        assert [k.get_weights()[0].shape for k, _ in cells.values()] == [(2, 3), (2, 12), (2, 9)]
        assert "x_t [W]_f" in equation_lines(panel, "LSTM")[0].text
        await pilot.press("U")  # upper case works too
        await pilot.pause()
        assert panel.symbol == "U" and "recurrent_kernel" in shown(panel, "#meaning")
        assert "(3, 12) row 0" in shown(panel, "#values")
        await pilot.press("f")
        await pilot.pause()
        _, lstm = cells["LSTM"]
        values = shown(panel, "#values").splitlines()
        assert values[1].endswith(f"f = {vec(lstm.steps[0].gates['f'])}")
        assert "no F" in values[0] and "no F" in values[2]
        assert (
            equation_lines(panel, "LSTM")[0].text
            == "> [f] = sigmoid(x_t W_[f] + h_{t-1} U_[f] + b_[f])"
        )
        assert not any(r.has_class("-on") for r in equation_lines(panel, "GRU"))
        assert "> F" in shown(panel, "#table")
        assert panel.last_error is None


async def test_step_control_and_picker_arrows(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("symbols", "ko")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        await pilot.press("z")
        panel.query_one("#t", Stepper).focus()
        assert panel.query_one("#t", Stepper).value == 1  # the first step is t=1 (h_1)
        await pilot.press("right", "right")
        await pilot.pause()
        _, gru = engine()["GRU"]
        assert shown(panel, "#values-head").startswith("t=3의 값")  # steps[2], the third
        assert (
            shown(panel, "#values").splitlines()[2].endswith(f"z = {vec(gru.steps[2].gates['z'])}")
        )
        assert equation_lines(panel, "GRU")[4].text == "> h_t = [z] * h_{t-1} + (1 - [z]) * h~"
        panel.query_one(SymbolPicker).focus()
        await pilot.press("right", "right")  # Z -> R -> sigmoid
        await pilot.pause()
        assert panel.symbol == "sigmoid"
        step = engine()["LSTM"][1].steps[2]
        assert (
            f"i[0] = sigmoid({fmt(step.pre['i'][0, 0])}) = {fmt(step.gates['i'][0, 0])}"
            in shown(panel, "#values")
        )
        await pilot.press("left", "left", "left")
        await pilot.pause()
        assert panel.symbol == "O" and shown(panel, "#meaning").startswith("O: 출력 게이트")
        assert panel.last_error is None


@pytest.mark.parametrize("symbol", NAMES)
def test_every_symbol_is_marked_somewhere(symbol: str) -> None:
    total = sum(mark(line, symbol)[1] for lines in EQUATIONS.values() for line in lines)
    assert total > 0
    for lines in EQUATIONS.values():
        for line in lines:
            assert "<" not in mark(line, symbol)[0]


def test_preset_symbol_names() -> None:
    assert SymbolsPanel({"symbol": "w"}, "en").symbol == "W"
    assert SymbolsPanel({"symbol": "Sigmoid"}, "en").symbol == "sigmoid"
    bad = SymbolsPanel({"symbol": "theta"}, "en")
    assert bad.symbol == "h" and len(bad.notes) == 1
