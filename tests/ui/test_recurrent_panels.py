"""Recurrent and activation panels: displayed numbers equal the engine's; keys reach the lab."""

from __future__ import annotations

import numpy as np
from textual.app import App, ComposeResult
from textual.widgets import Input

from rnntui.lab.format import fmt
from rnntui.lab.lstm import LSTMLab
from rnntui.nn import GRU, LSTM, GateForce, SimpleRNN
from rnntui.nn.activations import sigmoid, tanh
from rnntui.ui.panels.lstm import LSTMPanel
from rnntui.ui.widgets.bars import Bar
from rnntui.ui.widgets.force import ForceStepper
from rnntui.ui.widgets.grid import ValueGrid
from rnntui.ui.widgets.readout import Readout
from rnntui.ui.widgets.stepper import Stepper

from .helpers import show_panel, shown


def sequence(lesson) -> np.ndarray:  # type: ignore[no-untyped-def]
    """The lesson's preset sequence as (1, T, D)."""
    x = np.asarray(lesson.preset["sequence"], dtype=np.float64)
    return x.reshape(1, x.shape[0], -1)


async def test_simple_rnn_grid_and_cell_formula(make_app, lessons) -> None:  # type: ignore[no-untyped-def]
    """Arrows on the grid pick a cell; its formula shows the trace's operands and result."""
    lesson = lessons.get("simple-rnn", "en")
    app = make_app("simple-rnn", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        units = lesson.preset.get("units", 2)
        trace = SimpleRNN(units, return_sequences=True, seed=0).trace(sequence(lesson))
        grid = panel.query_one("#grid-h", ValueGrid)
        assert grid.rendered_cells() == [
            [fmt(s.h[0, k]) for s in trace.steps] for k in range(units)
        ]
        grid.focus()
        await pilot.press("down", "right", "right")
        await pilot.pause()
        assert grid.cursor == (1, 2)
        step = trace.steps[2]
        parts = step.parts["h"]
        text = shown(panel, "#formula")
        assert text.startswith("h[1] at t=3")  # steps shown from 1
        assert fmt(parts.x_term[0, 1]).lstrip("-") in text
        assert fmt(parts.h_term[0, 1]).lstrip("-") in text
        assert text.endswith(f"tanh({fmt(step.pre['h'][0, 1])}) = {fmt(step.h[0, 1])}")
        assert panel.query_one("#t", Stepper).value == 3


async def test_simple_rnn_units_and_tokens(make_app) -> None:  # type: ignore[no-untyped-def]
    """units 1..64 by keys; a typed word sequence goes through a tiny Embedding."""
    app = make_app("simple-rnn", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        units = panel.query_one("#units", Stepper)
        units.focus()
        await pilot.press(
            "pageup", "pageup", "pageup", "pageup", "pageup", "pageup", "pageup", "pageup", "pageup"
        )
        await pilot.pause()
        assert units.value == 64
        grid = panel.query_one("#grid-h", ValueGrid)
        assert grid.shape[0] == 64
        entry = panel.query_one("#seq")
        entry.focus()
        await pilot.press("ctrl+u", *"the cat sat", "enter")
        await pilot.pause()
        assert panel.seq.tokens == ("the", "cat", "sat")
        x = panel.seq.embedding(np.asarray([[2, 0, 1]]))  # vocab: cat, sat, the
        trace = SimpleRNN(64, return_sequences=True, seed=0).trace(x)
        assert grid.rendered_cells()[63] == [fmt(s.h[0, 63]) for s in trace.steps]
        assert "'the'" in shown(panel, "#xdesc")
        assert panel.last_error is None


async def test_gru_force_update_gate_and_param_counts(make_app, lessons) -> None:  # type: ignore[no-untyped-def]
    """z forced to 1 copies h_{t-1}; the LSTM vs GRU parameter line equals the engine's."""
    lesson = lessons.get("gru", "en")
    app = make_app("gru", "en")
    async with app.run_test(size=(120, 36)) as pilot:
        panel = await show_panel(pilot)
        panel.query_one("#force-z").focus()
        await pilot.press("1")
        await pilot.pause()
        units = lesson.preset.get("units", 2)
        reset_after = lesson.preset.get("reset_after", True)
        layer = GRU(units, return_sequences=True, seed=0, reset_after=reset_after)
        trace = layer.trace(sequence(lesson), forced={"z": GateForce("value", 1.0)})
        assert panel.query_one("#grid-h", ValueGrid).rendered_cells() == [
            ["0.0000"] * trace.timesteps for _ in range(units)
        ]
        assert panel.query_one("#bar-z", Bar).value_text() == "1.0000"
        lstm = LSTM(units)
        lstm.build((None, 1, 1))
        params = shown(panel, "#params")
        assert f"LSTM (4 blocks) {lstm.count_params():,}" in params
        assert f"GRU (3 blocks) {layer.count_params():,}" in params


async def test_activation_values(make_app, lessons) -> None:  # type: ignore[no-untyped-def]
    """x steps by keys; sigmoid and tanh printed equal the engine's functions."""
    lesson = lessons.get("activations", "en")
    app = make_app("activations", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        await pilot.press("right", "pageup")
        await pilot.pause()
        x = round(float(lesson.preset.get("x", 0.5)) + 1.1, 10)
        assert panel.query_one("#x", Stepper).text() == fmt(x)
        text = shown(panel, "#values")
        assert f"sigmoid({fmt(x)}) = {fmt(float(sigmoid(x)))}" in text
        assert f"tanh({fmt(x)}) = {fmt(float(tanh(x)))}" in text
        assert panel.query_one("#bar-tanh", Bar).value_text() == fmt(float(tanh(x)))
        await pilot.press(
            "pagedown",
            "pagedown",
            "pagedown",
            "pagedown",
            "pagedown",
            "pagedown",
            "pagedown",
            "pagedown",
            "pagedown",
            "pagedown",
        )
        assert panel.query_one("#x", Stepper).value == -6.0


async def test_units_keep_weights_x_edit_in_sequence_and_r_resets(make_app) -> None:  # type: ignore[no-untyped-def]
    """units 2 -> 3 -> 2 shows the first grid again; an x_t edit is written into the
    sequence field; r brings back the lesson's start (units, sequence, forcing)."""
    app = make_app("lstm", "en")
    async with app.run_test(size=(120, 36)) as pilot:
        panel = await show_panel(pilot)
        grid = panel.query_one("#grid-h", ValueGrid)
        start = grid.rendered_cells()
        typed = panel.query_one("#seq", Input).value
        assert typed.startswith("1.00 0.50 -1.00")
        units = panel.query_one("#units", Stepper)
        units.focus()
        await pilot.press("plus")
        await pilot.pause()
        assert grid.shape[0] == 3
        await pilot.press("minus")
        await pilot.pause()
        assert grid.rendered_cells() == start
        panel.query_one("#x", Stepper).focus()
        await pilot.press("plus", "plus")
        await pilot.pause()
        assert panel.query_one("#seq", Input).value == typed.replace("1.00", "1.20", 1)
        panel.query_one("#force-f", ForceStepper).focus()
        await pilot.press("0")
        units.focus()
        await pilot.press("plus", "plus")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert grid.rendered_cells() == start
        assert panel.query_one("#seq", Input).value == typed
        assert panel.query_one("#force-f", ForceStepper).forced() is None
        assert units.value == 2 and panel.last_error is None


class LabApp(App[None]):
    """A bare app showing one panel built on a lab handed in."""

    def __init__(self, panel: LSTMPanel) -> None:
        super().__init__()
        self.panel = panel

    def compose(self) -> ComposeResult:
        yield self.panel


async def test_a_lab_handed_in_is_kept_with_its_changes() -> None:
    """The same lab in a new panel (e.g. after a language switch) shows its changes."""
    lab = LSTMLab()
    lab.set("units", 3)
    lab.select(time=1, unit=2)
    lab.force("f", "value", 1.0)
    panel = LSTMPanel(None, "ko", lab=lab)
    async with LabApp(panel).run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert panel.lab is lab
        assert panel.query_one("#units", Stepper).value == 3
        assert panel.query_one("#grid-h", ValueGrid).cursor == (2, 1)
        assert panel.query_one("#force-f", ForceStepper).forced() == ("value", 1.0)
        view = lab.view("ko")
        assert panel.query_one("#title", Readout).text == view.title
        assert "유닛 2" in view.title and panel.last_error is None
