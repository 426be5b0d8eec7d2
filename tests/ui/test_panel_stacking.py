"""Stacking panel: shapes and totals equal ``rnntui summary``; Keras' error and its fix."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from rnntui.lab.format import fmt_int
from rnntui.nn import LSTM, Sequential, StackError
from rnntui.nn.spec import parse_spec
from rnntui.summary_cmd import run_summary
from rnntui.ui.panels.stacking import StackingPanel
from rnntui.ui.widgets.choice import Choice
from rnntui.ui.widgets.stepper import Stepper

from .helpers import Notes, show_panel, shown


def flat(text: str) -> str:
    """The text as one line with single spaces (undoes the panel's wrapping)."""
    return " ".join(text.split())


def summary_json(spec: str) -> dict:
    """What ``rnntui summary --json SPEC`` prints."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run_summary(spec, as_json=True) == 0
    return json.loads(out.getvalue())


def check_valid(panel: StackingPanel) -> None:
    """Every row, shape and the total equal the summary of the SPEC the panel shows."""
    spec = panel.spec()
    assert flat(shown(panel, "#spec")) == f'rnntui summary "{spec}"'
    summary = parse_spec(spec).summary()
    table = shown(panel, "#table").splitlines()
    for row, line in zip(summary.rows, table[2:], strict=True):
        assert line.split() == [
            row.name,
            f"({row.class_name})",
            *row.shape_text.split(),
            fmt_int(row.params),
        ]
    assert panel.total == summary.total_params == summary_json(spec)["total_params"]
    assert f": {fmt_int(summary.total_params)} " in shown(panel, "#total")
    assert panel.error is None


async def test_preset_stack_matches_summary(make_app) -> None:  # type: ignore[no-untyped-def]
    """The lesson's Input(20,8) LSTM(32, seq) LSTM(16): 8,384 params, shapes per layer."""
    app = make_app("stacking", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        assert isinstance(panel, StackingPanel)
        assert panel.spec() == "Input(20,8) LSTM(32,return_sequences=True) LSTM(16)"
        check_valid(panel)
        assert panel.total == 8384
        assert "(None, 20, 32)" in shown(panel, "#table")
        assert panel.last_error is None


async def test_toggle_shows_keras_error_and_fix(make_app) -> None:  # type: ignore[no-untyped-def]
    """Tab to L1's return_sequences, Space: Keras' message verbatim and which toggle fixes
    it; f goes back to that toggle and Space fixes the stack."""
    app = make_app("stacking", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        await pilot.press(*["tab"] * 5)
        toggle = panel.query_one("#seq0", Choice)
        assert app.focused is toggle and toggle.choice == "True"
        await pilot.press("space")
        await pilot.pause()
        with pytest.raises(StackError) as info:
            Sequential([LSTM(32), LSTM(16)], input_shape=(None, 20, 8))
        error = flat(shown(panel, "#error"))
        assert f"ValueError: {info.value.keras_message}" in error
        assert info.value.keras_message == (
            "Input 0 with name 'None' of layer 'lstm_1' is incompatible with the layer: "
            "expected ndim=3, found ndim=2. Full shape received: (None, 32)"
        )
        assert info.value.hint in error
        assert "return_sequences of layer 1 to True" in error
        assert panel.error is not None and panel.total is None
        assert "lstm_1 (LSTM)             ERROR" in shown(panel, "#table")
        assert shown(panel, "#total") == "Total params: -"
        panel.query_one("#units1", Stepper).focus()
        await pilot.press("f")
        assert app.focused is toggle
        await pilot.press("space")
        await pilot.pause()
        check_valid(panel)
        assert panel.last_error is None


async def test_third_layer_and_types(make_app) -> None:  # type: ignore[no-untyped-def]
    """A third layer after L2 (return_sequences False) fails at L3 and names L2; then GRU
    and SimpleRNN layers with other units still match rnntui summary."""
    app = make_app("stacking", "ko")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        panel.query_one("#count", Stepper).focus()
        await pilot.press("right")
        await pilot.pause()
        assert panel.query_one("#row2").display
        assert panel.error is not None and panel.error.layer_index == 2
        assert "layer 'lstm_2'" in flat(shown(panel, "#error"))
        assert "2층의 return_sequences를 True로" in flat(shown(panel, "#error"))
        await pilot.press("f", "space")
        await pilot.pause()
        check_valid(panel)
        panel.query_one("#type1", Choice).focus()
        await pilot.press("right")  # LSTM -> GRU
        panel.query_one("#type2", Choice).focus()
        await pilot.press("left")  # LSTM -> SimpleRNN
        panel.query_one("#units2", Stepper).focus()
        await pilot.press("pageup", "left")  # 16 + 16 - 1
        await pilot.pause()
        assert panel.spec() == (
            "Input(20,8) LSTM(32,return_sequences=True) GRU(16,return_sequences=True) SimpleRNN(31)"
        )
        check_valid(panel)
        assert "전체 파라미터" in shown(panel, "#total")
        panel.query_one("#count", Stepper).focus()
        await pilot.press("pagedown")
        await pilot.pause()
        assert not panel.query_one("#row1").display
        assert panel.spec() == "Input(20,8) LSTM(32,return_sequences=True)"
        check_valid(panel)
        assert panel.last_error is None


async def test_input_controls_and_typed_choice(make_app) -> None:  # type: ignore[no-untyped-def]
    """T and D flow into the shapes; Enter on a type choice accepts a typed name."""
    app = make_app("stacking", "en")
    notes = Notes()
    async with app.run_test(size=(120, 36), message_hook=notes) as pilot:
        panel = await show_panel(pilot)
        panel.query_one("#input_dim", Stepper).focus()
        await pilot.press("enter", *"3", "enter")
        panel.query_one("#timesteps", Stepper).focus()
        await pilot.press("enter", *"7", "enter")
        panel.query_one("#type0", Choice).focus()
        await pilot.press("enter", *"GRU", "enter")
        await pilot.pause()
        assert panel.spec() == "Input(7,3) GRU(32,return_sequences=True) LSTM(16)"
        assert "(None, 7, 3)" in shown(panel, "#table")
        check_valid(panel)
        await pilot.press("enter", *"Dense", "enter")  # not an option: refused
        await pilot.pause()
        assert panel.query_one("#type0", Choice).choice == "GRU"
        assert notes.said("choose one of")
        assert panel.last_error is None


def test_bad_layers_preset_falls_back() -> None:
    panel = StackingPanel({"layers": [{"type": "Dense", "units": 3}]}, "en")
    assert panel.lab.stack() == StackingPanel(None, "en").lab.stack()
    assert panel.notes
