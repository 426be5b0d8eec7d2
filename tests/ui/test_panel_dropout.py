"""Dropout panel: masks, masked inputs and trajectories shown equal the engine's traces."""

from __future__ import annotations

import numpy as np

from rnntui.lab.dropout import INPUT_DIM, input_sequence, make_layer
from rnntui.lab.format import fmt
from rnntui.nn import RecurrentTrace
from rnntui.ui.panels.dropout import DropoutPanel
from rnntui.ui.widgets.stepper import Stepper

from .helpers import Notes, show_panel, shown


def engine_runs(
    kind: str, units: int, rate: float, rec: float, steps: int, draws: int = 1
) -> tuple[RecurrentTrace, RecurrentTrace]:
    """The training trace after ``draws`` mask draws, and the same weights without dropout."""
    layer = make_layer(kind, units, rate, rec)
    layer.build((None, None, INPUT_DIM))
    x = input_sequence(steps)
    for _ in range(draws):
        masks = layer.trace(x, training=True).masks
    run = layer.trace(x, training=True, dropout_masks=masks)
    plain = make_layer(kind, units, 0.0, 0.0)
    plain.build((None, None, INPUT_DIM))
    plain.set_weights(layer.get_weights())
    return run, plain.trace(x, training=False)


def grid_rows(panel: DropoutPanel, name: str) -> list[list[str]]:
    """The grid of ``name`` split into cells (label, m, t=1, t=2, ...)."""
    return [line.split() for line in shown(panel, f"#{name}-grid").splitlines() if line]


def mask_rows(mask: np.ndarray, values: list[np.ndarray], label: str) -> list[list[str]]:
    """What a mask grid must print: label, mask entry, the masked value at every step."""
    return [
        [f"{label}[{r}]", fmt(mask[r]), *(fmt(v[0, r]) for v in values)] for r in range(mask.size)
    ]


def h_rows(trace: RecurrentTrace) -> list[list[str]]:
    return [[f"h[{u}]", *(fmt(s.h[0, u]) for s in trace.steps)] for u in range(trace.units)]


async def test_training_masks_and_trajectories_equal_engine(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("dropout", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        assert isinstance(panel, DropoutPanel) and panel.last_error is None
        run, plain = engine_runs("LSTM", 4, 0.2, 0.2, 6)
        assert len(run.masks.input) == 4 and len(run.masks.recurrent) == 4  # per gate
        m_in, m_rec = run.masks.input[0][0], run.masks.recurrent[0][0]
        assert grid_rows(panel, "in") == mask_rows(m_in, [s.x_in[0] for s in run.steps], "x")
        assert grid_rows(panel, "rec") == mask_rows(m_rec, [s.h_in[0] for s in run.steps], "h")
        # the same entries are zero at every step (variational dropout)
        dropped = [row for row in grid_rows(panel, "in") if row[1] == "0.0000"]
        assert dropped and all(cell == "0.0000" for row in dropped for cell in row[2:])
        assert "1/(1-0.20) = 1.2500" in shown(panel, "#in-title")
        assert set(np.unique(m_in)) <= {0.0, 1.25}
        assert grid_rows(panel, "run") == h_rows(run)
        assert grid_rows(panel, "plain") == h_rows(plain)
        diff = fmt(float(np.max(np.abs(run.outputs - plain.outputs))))
        assert diff != "0.0000" and shown(panel, "#diff").endswith(diff)
        assert "[i] f c o" in shown(panel, "#gates")
        assert shown(panel, "#dropped-x").startswith("x dropped: i ")


async def test_gate_selector_new_masks_and_gru(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("dropout", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        await pilot.press("g")  # forget gate: its own masks and masked copies
        await pilot.pause()
        run, _ = engine_runs("LSTM", 4, 0.2, 0.2, 6)
        assert "i [f] c o" in shown(panel, "#gates")
        assert grid_rows(panel, "in") == mask_rows(
            run.masks.input[1][0], [s.x_in[1] for s in run.steps], "x"
        )
        assert grid_rows(panel, "rec") == mask_rows(
            run.masks.recurrent[1][0], [s.h_in[1] for s in run.steps], "h"
        )
        await pilot.press("n", "n")  # two new calls: the third draw of the seeded layer
        await pilot.pause()
        run3, _ = engine_runs("LSTM", 4, 0.2, 0.2, 6, draws=3)
        assert panel.draws == 3 and "call #3" in shown(panel, "#mode")
        assert grid_rows(panel, "rec") == mask_rows(
            run3.masks.recurrent[1][0], [s.h_in[1] for s in run3.steps], "h"
        )
        assert grid_rows(panel, "run") == h_rows(run3)
        await pilot.press("c")  # GRU: gates z, r, h; masks drawn anew
        await pilot.pause()
        gru, gru_plain = engine_runs("GRU", 4, 0.2, 0.2, 6)
        assert shown(panel, "#title").startswith("GRU(4,")
        assert "[z] r h" in shown(panel, "#gates")
        assert grid_rows(panel, "in") == mask_rows(
            gru.masks.input[0][0], [s.x_in[0] for s in gru.steps], "x"
        )
        assert grid_rows(panel, "plain") == h_rows(gru_plain)
        assert panel.last_error is None


async def test_inference_has_no_masks_and_equals_no_dropout(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("dropout", "ko")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        await pilot.press("t")
        await pilot.pause()
        layer = make_layer("LSTM", 4, 0.2, 0.2)
        infer = layer.trace(input_sequence(6), training=False)
        assert infer.masks is None and panel.run is not None and panel.run.masks is None
        _, plain = engine_runs("LSTM", 4, 0.2, 0.2, 6)
        assert float(np.max(np.abs(infer.outputs - plain.outputs))) == 0.0
        assert shown(panel, "#diff").endswith("최대 |차이| = 0.0000")
        assert "추론" in shown(panel, "#mode")
        assert grid_rows(panel, "run") == h_rows(infer) == h_rows(plain)
        # no mask column: x_t goes in as it is
        x = input_sequence(6)[0]
        assert grid_rows(panel, "in") == [
            [f"x[{d}]", "-", *(fmt(v) for v in x[:, d])] for d in range(INPUT_DIM)
        ]
        await pilot.press("n")  # no masks to draw in inference: a message, nothing breaks
        await pilot.pause()
        assert panel.draws == 1 and panel.last_error is None
        await pilot.press("t")
        await pilot.pause()
        assert grid_rows(panel, "run") == h_rows(engine_runs("LSTM", 4, 0.2, 0.2, 6)[0])


async def test_rates_steppers_shared_mask_and_limits(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("dropout", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        rec = panel.query_one("#recurrent_dropout", Stepper)
        rec.focus()
        await pilot.press("left", "left", "left", "left")  # 0.20 -> 0.00
        await pilot.pause()
        assert rec.value == 0.0
        run, _ = engine_runs("LSTM", 4, 0.2, 0.0, 6)
        assert len(run.masks.input) == 1 and run.masks.recurrent == ()
        assert "shared by all gates" in shown(panel, "#gates")
        assert grid_rows(panel, "in") == mask_rows(
            run.masks.input[0][0], [s.x_in[0] for s in run.steps], "x"
        )
        assert "no mask" in shown(panel, "#rec-title")
        drop = panel.query_one("#dropout", Stepper)
        drop.focus()
        await pilot.press(*["pageup"] * 5)  # capped below 1 (the engine rejects rate >= 1)
        await pilot.pause()
        assert drop.value == 0.95
        run, _ = engine_runs("LSTM", 4, 0.95, 0.0, 6)
        assert "1/(1-0.95)" in shown(panel, "#in-title")
        assert grid_rows(panel, "in") == mask_rows(
            run.masks.input[0][0], [s.x_in[0] for s in run.steps], "x"
        )
        panel.query_one("#timesteps", Stepper).focus()
        await pilot.press("left")
        await pilot.pause()
        assert len(grid_rows(panel, "run")[0]) == 1 + 5
        assert panel.last_error is None


def test_bad_presets_fall_back() -> None:
    panel = DropoutPanel(
        {"dropout": 1.0, "recurrent_dropout": "x", "units": 0, "timesteps": 2.5}, "en"
    )
    assert panel.lab.settings == DropoutPanel(None, "en").lab.settings
    assert len(panel.notes) == 4
    ok = DropoutPanel({"dropout": 0.5, "units": 2, "timesteps": 3}, "ko")
    assert ok.lab.settings["dropout"] == 0.5 and not ok.notes


async def test_units_stepper_reaches_the_lab(make_app) -> None:  # type: ignore[no-untyped-def]
    """units + : a 5-unit layer whose first 4 units keep their weights; no refusal shown."""
    app = make_app("dropout", "en")
    notes = Notes()
    async with app.run_test(size=(80, 24), message_hook=notes) as pilot:
        panel = await show_panel(pilot)
        before = panel.lab.engine_layer().get_weights()[0]
        panel.query_one("#units", Stepper).focus()
        await pilot.press("plus")
        await pilot.pause()
        assert shown(panel, "#title").startswith("LSTM(5,")
        assert len(grid_rows(panel, "run")) == 5
        np.testing.assert_array_equal(
            panel.lab.engine_layer().get_weights()[0][:, :4], before[:, :4]
        )
        assert not notes.messages and panel.last_error is None
