"""Units panel: the counts, formulas, shapes and h grid shown equal the engine's."""

from __future__ import annotations

import re

from rnntui.lab.format import fmt, fmt_int
from rnntui.lab.weights import keep_units
from rnntui.nn import GRU, LSTM, SimpleRNN
from rnntui.nn.layer import format_shape
from rnntui.ui.panels.units import GRID, input_table
from rnntui.ui.widgets.choice import Choice
from rnntui.ui.widgets.grid import ValueGrid
from rnntui.ui.widgets.stepper import Stepper

from .helpers import show_panel, shown

KINDS = {"SimpleRNN": SimpleRNN, "LSTM": LSTM, "GRU": GRU}
LINE = re.compile(r"^(\w+)\s+(\S+)\s+= (.+?)\s+=\s+([\d,]+)$")


def engine_count(kind: str, units: int, dim: int) -> int:
    layer = KINDS[kind](units)
    layer.build((None, 5, dim))
    return layer.count_params()


def check_params(text: str, units: int, dim: int) -> None:
    """Each row: the shown result == engine count == the filled-in formula evaluated."""
    rows = [LINE.match(line) for line in text.splitlines()[1:]]
    assert [m.group(1) for m in rows if m] == list(KINDS)
    for m in rows:
        assert m is not None
        kind, filled, shown_count = m.group(1), m.group(3), m.group(4)
        count = engine_count(kind, units, dim)
        assert shown_count == fmt_int(count)
        assert f" {units} " in f" {filled} " and f"({dim}+{units}+" in filled
        assert eval(filled.replace("x", "*")) == count  # the formula text is right too


def expected_grid(kind: str, units: int, dim: int, steps: int) -> list[list[str]]:
    """h of the first 8 units at the first 8 steps, from the engine's trace."""
    layer = KINDS[kind](units, return_sequences=True, seed=0)
    trace = layer.trace(input_table()[None, :steps, :dim])
    return [[fmt(s.h[0, k]) for s in trace.steps[:GRID]] for k in range(min(units, GRID))]


def kept_grid(kind: str, path: list[int], dim: int, steps: int) -> list[list[str]]:
    """The grid after units changes along ``path``: the units that remain keep their weights."""
    layer = KINDS[kind](path[0], return_sequences=True, seed=0)
    layer.build((None, steps, dim))
    for units in path[1:]:
        new = KINDS[kind](units, return_sequences=True, seed=0)
        new.build((None, steps, dim))
        new.set_weights(
            keep_units(layer.get_weights(), new.get_weights(), new.n_gates, layer.units, units)
        )
        layer = new
    trace = layer.trace(input_table()[None, :steps, :dim])
    return [[fmt(s.h[0, k]) for s in trace.steps[:GRID]] for k in range(min(path[-1], GRID))]


async def test_preset_counts_formulas_shapes_grid(make_app, lessons) -> None:  # type: ignore[no-untyped-def]
    """The lesson's LSTM(32) on 16 features: 6,272 as in the lesson, formulas filled in."""
    preset = lessons.get("units", "en").preset
    units, dim, steps = preset["units"], preset["input_dim"], preset["timesteps"]
    app = make_app("units", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        text = shown(panel, "#params")
        check_params(text, units, dim)
        assert "LSTM      4n(D+n+1) = 4 x 32 x (16+32+1) =" in text
        assert "GRU       3n(D+n+2) = 3 x 32 x (16+32+2) =" in text
        lstm = LSTM(units)
        seq = LSTM(units, return_sequences=True)
        shape_in = (None, steps, dim)
        shapes = shown(panel, "#shapes")
        assert format_shape(lstm.compute_output_shape(shape_in)) in shapes
        assert format_shape(seq.compute_output_shape(shape_in)) in shapes
        assert "(None, 32)" in shapes and "(None, 10, 32)" in shapes
        grid = panel.query_one("#grid", ValueGrid)
        assert grid.rendered_cells() == expected_grid("LSTM", units, dim, steps)
        assert "6,272" in shown(panel, "#note") and "4,096" in shown(panel, "#note")
        assert "20,736" in shown(panel, "#note")  # LSTM(64) on 16 features
        assert panel.last_error is None


async def test_keys_change_units_dim_and_timesteps(make_app) -> None:  # type: ignore[no-untyped-def]
    """Right grows the grid by a row; timesteps change no count; PgUp steps by 16."""
    app = make_app("units", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        assert app.focused is panel.query_one("#units", Stepper)
        await pilot.press("right")
        await pilot.pause()
        check_params(shown(panel, "#params"), 33, 16)
        grid = panel.query_one("#grid", ValueGrid)
        assert grid.shape == (8, 8)
        assert shown(panel, "#caption") == "h_t: units 0-7 of 33 x steps 0-7 of 10"
        assert grid.rendered_cells() == kept_grid("LSTM", [32, 33], 16, 10)
        await pilot.press("pageup", "pageup")
        await pilot.pause()
        check_params(shown(panel, "#params"), 65, 16)
        await pilot.press("tab", "left", "tab", "pagedown")  # D 15, T 1
        await pilot.pause()
        assert panel.query_one("#timesteps", Stepper).value == 1
        check_params(shown(panel, "#params"), 65, 15)
        before = shown(panel, "#params")
        await pilot.press("pageup", "pageup")  # T 21: the counts do not move
        await pilot.pause()
        assert shown(panel, "#params") == before
        assert grid.rendered_cells() == expected_grid("LSTM", 65, 15, 21)
        await pilot.press(
            "shift+tab", "shift+tab", "enter", *"3", "enter", "tab", "tab", "enter", *"5", "enter"
        )  # 3 units, 5 steps: the grid is 3 x 5
        await pilot.pause()
        assert grid.shape == (3, 5) and shown(panel, "#caption") == "h_t: 3 units x 5 steps"
        assert grid.rendered_cells() == kept_grid("LSTM", [65, 3], 15, 5)  # new D, then 3 units
        check_params(shown(panel, "#params"), 3, 15)
        assert panel.last_error is None


async def test_grid_layer_choice_and_typed_units(make_app) -> None:  # type: ignore[no-untyped-def]
    """Tab to the grid layer, Space: the grid shows GRU's h; Enter types units = 256."""
    app = make_app("units", "ko")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        await pilot.press("tab", "tab", "tab")
        kind = panel.query_one("#kind", Choice)
        assert app.focused is kind and kind.choice == "LSTM"
        await pilot.press("space")
        await pilot.pause()
        assert kind.choice == "GRU"
        assert panel.query_one("#grid", ValueGrid).rendered_cells() == expected_grid(
            "GRU", 32, 16, 10
        )
        assert "GRU(32)" in shown(panel, "#note") and "과대적합" in shown(panel, "#note")
        panel.query_one("#units", Stepper).focus()
        await pilot.press("enter", *"256", "enter")
        await pilot.pause()
        check_params(shown(panel, "#params"), 256, 16)
        assert "유닛 256개 중 0-7번" in shown(panel, "#caption")
        assert panel.query_one("#grid", ValueGrid).rendered_cells() == kept_grid(
            "GRU", [32, 256], 16, 10
        )
        assert panel.last_error is None


async def test_bad_preset_falls_back() -> None:
    """units outside 1..256 is refused with a note; the default is used."""
    from rnntui.ui.panels.units import UnitsPanel

    panel = UnitsPanel({"units": 999, "timesteps": 0, "input_dim": 3}, "en")
    assert panel.lab.settings == {"units": 4, "input_dim": 3, "timesteps": 5}
    assert len(panel.notes) == 2
