"""LSTM panel: keys change the what-if controls; the numbers shown equal the engine's trace."""

from __future__ import annotations

import numpy as np

from rnntui.lab.format import fmt
from rnntui.nn import LSTM, GateForce
from rnntui.ui.widgets.bars import Bar
from rnntui.ui.widgets.force import ForceStepper
from rnntui.ui.widgets.grid import ValueGrid
from rnntui.ui.widgets.stepper import Stepper

from .helpers import Notes, show_panel, shown


def engine_trace(lesson, forced=None):  # type: ignore[no-untyped-def]
    """The trace the panel should show, computed here straight from the engine."""
    units = lesson.preset.get("units", 2)
    x = np.asarray(lesson.preset["sequence"], dtype=np.float64).reshape(1, -1, 1)
    layer = LSTM(units, return_sequences=True, seed=lesson.preset.get("seed", 0))
    return layer.trace(x, forced=forced or {})


async def test_forget_gate_zero_wipes_memory(make_app, lessons) -> None:  # type: ignore[no-untyped-def]
    """The newcomer's path at 80x24: F4, Tab to 'force f', press 0, watch c_t lose its memory."""
    lesson = lessons.get("lstm", "en")
    app = make_app("lstm", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        assert isinstance(app.focused, Stepper) and app.focused.id == "t"
        await pilot.press(*["tab"] * 7)
        assert isinstance(app.focused, ForceStepper) and app.focused.gate == "f"
        await pilot.press("0")
        await pilot.pause()
        trace = engine_trace(lesson, {"f": GateForce("value", 0.0)})
        await pilot.press("shift+tab", *["shift+tab"] * 6)  # back to the t scrubber
        assert app.focused is not None and app.focused.id == "t"
        for t in range(trace.timesteps):
            step = trace.steps[t]
            assert panel.query_one("#t", Stepper).value == t + 1  # shown from 1
            bar_f = panel.query_one("#bar-f", Bar)
            assert bar_f.value_text() == "0.0000" and "forced" in bar_f.line()
            c_line = shown(panel, "#c-line")
            assert c_line.endswith(f"= {fmt(step.c[0, 0])}")
            # f = 0: c_t is only i*g; the term f*c_{t-1} multiplies c_{t-1} by 0.0000
            assert c_line.startswith("    = 0.0000*")
            assert shown(panel, "#h-line").endswith(f"= {fmt(step.h[0, 0])}")
            await pilot.press("right")
        grid_c = panel.query_one("#grid-c", ValueGrid)
        expected = [[fmt(s.c[0, k]) for s in trace.steps] for k in range(trace.units)]
        assert grid_c.rendered_cells() == expected
        assert panel.last_error is None


async def test_forget_gate_one_keeps_memory(make_app, lessons) -> None:  # type: ignore[no-untyped-def]
    """f forced to 1 and i to 0: c_t equals c_{t-1} at every step (memory carried)."""
    app = make_app("lstm", "en")
    lesson = lessons.get("lstm", "en")
    async with app.run_test(size=(120, 36)) as pilot:
        panel = await show_panel(pilot)
        panel.query_one("#force-f", ForceStepper).focus()
        await pilot.press("1")
        panel.query_one("#c_prev", Stepper).focus()
        await pilot.press("enter", *"0,5", "enter")  # Korean-style decimal comma
        panel.query_one("#force-i", ForceStepper).focus()
        await pilot.press("0")
        await pilot.pause()
        x = np.asarray(lesson.preset["sequence"], dtype=np.float64).reshape(1, -1, 1)
        layer = LSTM(lesson.preset.get("units", 2), return_sequences=True, seed=0)
        forced = {"f": GateForce("value", 1.0), "i": GateForce("value", 0.0)}
        trace = layer.trace(
            x, initial_state=[np.zeros((1, 2)), np.array([[0.5, 0.0]])], forced=forced
        )
        grid_c = panel.query_one("#grid-c", ValueGrid)
        assert grid_c.rendered_cells()[0] == ["0.5000"] * trace.timesteps
        assert grid_c.rendered_cells() == [[fmt(s.c[0, k]) for s in trace.steps] for k in range(2)]
        assert panel.query_one("#grid-h", ValueGrid).rendered_cells() == [
            [fmt(s.h[0, k]) for s in trace.steps] for k in range(2)
        ]


async def test_bars_match_trace_and_step_keys(make_app, lessons) -> None:  # type: ignore[no-untyped-def]
    """Each gate bar prints the trace's gate value; stepping x_t with '+' re-traces."""
    app = make_app("lstm", "ko")
    lesson = lessons.get("lstm", "ko")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        panel.query_one("#x", Stepper).focus()
        await pilot.press("plus", "plus", "pageup")  # 1.0 + 0.1 + 0.1 + 1.0
        await pilot.pause()
        seq = list(lesson.preset["sequence"])
        seq[0] = 2.2
        x = np.asarray(seq, dtype=np.float64).reshape(1, -1, 1)
        trace = LSTM(2, return_sequences=True, seed=0).trace(x)
        step = trace.steps[0]
        assert panel.query_one("#x", Stepper).text() == "2.2000"
        for gate in ("f", "i", "o", "g"):
            bar = panel.query_one(f"#bar-{gate}", Bar)
            assert bar.value_text() == fmt(step.gates[gate][0, 0])
            assert fmt(step.pre[gate][0, 0]) in bar.line()
        assert shown(panel, "#c-line").endswith(fmt(step.c[0, 0]))


async def test_invalid_typed_value_is_refused(make_app) -> None:  # type: ignore[no-untyped-def]
    """A non-number or out-of-range value: a message, the old value kept, no crash."""
    app = make_app("lstm", "en")
    notes = Notes()
    async with app.run_test(size=(80, 24), message_hook=notes) as pilot:
        panel = await show_panel(pilot)
        x = panel.query_one("#x", Stepper)
        x.focus()
        await pilot.press("enter", *"abc", "enter")
        await pilot.pause()
        assert x.value == 1.0
        assert notes.said("not a number")
        await pilot.press("ctrl+u", *"99", "enter")
        await pilot.pause()
        assert x.value == 1.0
        assert notes.said("outside")
        await pilot.press("escape")
        assert app.focused is x
        assert panel.last_error is None
