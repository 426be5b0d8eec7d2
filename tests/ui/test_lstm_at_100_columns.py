"""Issue 18 item 20: at 100 columns (text and panel side by side) the LSTM panel's controls
stay apart and its unit grids give one row per unit, at the most units, in both languages."""

from __future__ import annotations

import re

import pytest

from rnntui.ui.app import RnnTuiApp
from rnntui.ui.widgets.grid import ValueGrid
from rnntui.ui.widgets.stepper import Stepper

from .helpers import screen_text, settle, show_panel

RUN_TOGETHER = re.compile(r">\S|\S<")
"""A stepper's ``< value >`` touching the next label or the label before it."""


def panel_rows(app: RnnTuiApp) -> list[str]:
    """The panel's side of each screen row (right of the text pane's border)."""
    return [row.split("│", 1)[1] for row in screen_text(app).split("\n") if "│" in row]


@pytest.mark.parametrize("lang", ["en", "ko"])
async def test_lstm_controls_and_grids_at_100_columns(make_app, lang: str) -> None:  # type: ignore[no-untyped-def]
    app: RnnTuiApp = make_app("lstm", lang, save=False)
    async with app.run_test(size=(100, 30)) as pilot:
        panel = await show_panel(pilot)
        assert not app.learn.narrow, "100 columns: text and panel side by side"
        units = panel.query_one("#units", Stepper)
        units.set_value(units.hi)
        await settle(pilot)
        rows = panel_rows(app)
        controls = [row for row in rows if "<" in row and ">" in row]
        assert len(controls) >= 3, rows  # t/unit/units, x_t and the states
        for row in controls:
            assert RUN_TOGETHER.search(row) is None, f"controls run together: {row!r}"
        shown = "\n".join(rows)
        for stepper in panel.query(Stepper):
            if stepper.display:
                assert stepper.label in shown, f"{stepper.label!r} not on screen"
        grids = [g for g in panel.query(ValueGrid) if g.display]
        assert grids
        for grid in grids:
            cells = grid.rendered_cells()
            assert len(cells) == int(units.hi)  # one row per unit
            # no row wraps: one line per unit plus the header, however narrow the pane
            assert grid.virtual_size.height == len(cells) + 1, (grid.id, grid.virtual_size)
