"""Inspect any number (issue 14): Enter / i opens the derivation of the number under the cursor
(the inspect row or a grid cell), w shows the weights (one can be edited), keys work in Hangul
mode too; at 80x24, in both languages."""

from __future__ import annotations

import numpy as np
import pytest

from rnntui.lab.derive import derive
from rnntui.nn import LSTM
from rnntui.ui.panels._inspect import QuantityPicker
from rnntui.ui.panels._recurrent import RecurrentPanel
from rnntui.ui.screens.derivation import DerivationScreen, TextModal
from rnntui.ui.screens.weights import WeightsScreen, WeightsTable
from rnntui.ui.widgets.grid import ValueGrid
from tests.ui.helpers import screen_text, settle, show_panel


async def test_the_inspect_row_opens_a_gates_derivation(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("lstm", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        assert isinstance(panel, RecurrentPanel)
        picker = panel.query_one("#inspect", QuantityPicker)
        picker.focus()
        await pilot.press("right")  # f -> pre_f
        assert picker.selected == "pre:f"
        await pilot.press("i")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DerivationScreen)
        expected = derive(panel.lab, "pre:f", 0, 0, "en")
        assert screen.lines == expected.lines()
        text = screen_text(app)
        assert "pre_f[0] = x_t W_f[:,0] + h_{t-1} U_f[:,0] + b_f[0]" in text
        assert expected.live[-1].strip() in text and "Esc closes" in text
        step = panel.lab.steps()[0]
        assert expected.live[-1].endswith(f"{float(step.pre['f'][0, 0]):.4f}")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, TextModal) and panel.last_error is None


async def test_enter_on_a_grid_cell_and_hangul_keys(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("gru", "ko")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        grid = panel.query_one("#grid-h", ValueGrid)
        grid.focus()
        await pilot.press("down", "right")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DerivationScreen)
        text = screen_text(app)
        assert "h_2[1]" in text and "유닛 1" in text and "Esc: 닫기" in text
        h = float(panel.lab.steps()[1].h[0, 1])
        assert f"= {h:.4f}" in text
        await pilot.press("escape")
        await settle(pilot)
        panel.query_one("#inspect", QuantityPicker).focus()
        await pilot.press("ㅑ")  # i in Hangul input mode
        await settle(pilot)
        assert isinstance(app.screen, DerivationScreen)
        assert "z[1] = sigmoid(" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        panel.query_one("#h_prev").focus()
        panel.lab.select(time=0)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, TextModal) and "처음 상태" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        panel.query_one("#x").focus()
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, TextModal) and "x_1 = 1.0000" in screen_text(app)


async def test_the_weights_view_edits_one_weight(make_app, lessons) -> None:  # type: ignore[no-untyped-def]
    lesson = lessons.get("lstm", "en")
    app = make_app("lstm", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, WeightsScreen)
        text = screen_text(app)
        assert (
            "W = kernel, shape (1, 8): blocks i, f, c, o" in text and "W_i = kernel[:, 0:2]" in text
        )
        table = app.screen.query_one(WeightsTable)
        await pilot.press("right", "right")  # W_f[0,0]: kernel[0, 2]
        assert table.entry == (0, 0, 2)
        await pilot.press("enter")
        await pilot.press(*list("0,25"), "enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, TextModal | WeightsScreen)
        layer = LSTM(2, return_sequences=True, seed=0)
        x = np.asarray(lesson.preset["sequence"], dtype=np.float64).reshape(1, -1, 1)
        layer.build((None, x.shape[1], 1))
        weights = layer.get_weights()
        weights[0][0, 2] = 0.25
        layer.set_weights(weights)
        step = layer.trace(x).steps[0]
        bar = panel.query_one("#bar-f")
        assert bar.value_text() == f"{float(step.gates['f'][0, 0]):.4f}"  # type: ignore[attr-defined]
        assert panel.last_error is None


async def test_e_loads_the_lessons_worked_example(make_app, lessons) -> None:  # type: ignore[no-untyped-def]
    import re

    lesson = lessons.get("simple-rnn", "ko")
    text = re.findall(r"^- `h_\d = tanh.*= (-?\d\.\d{4})$", lesson.body, flags=re.MULTILINE)
    assert len(text) == 4
    app = make_app("simple-rnn", "ko")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        await pilot.press("e")
        await settle(pilot)
        grid = panel.query_one("#grid-h", ValueGrid)
        assert grid.rendered_cells() == [text]
        screen = screen_text(app)
        assert "레슨 예제" in screen and "유닛" in screen and "t=4" in screen
        await pilot.press("r")
        await settle(pilot)
        assert len(grid.rendered_cells()) == 3 and panel.last_error is None


@pytest.mark.parametrize("lesson", ["simple-rnn", "lstm", "gru"])
async def test_korean_recurrent_panels_show_no_english_outside_code(make_panel_app, lesson) -> None:  # type: ignore[no-untyped-def]
    """Issue 17 for these panels: labels in the docs/terms.md terms; what stays Latin is code
    or a symbol of the lessons' notation (pre_f is the pre-activation of f, hh the panel's
    name of GRU's candidate h~, as lesson 5 says)."""
    from tests.ui.test_panel_korean_text import english_words

    app = make_panel_app(lesson, "ko")
    async with app.run_test(size=(110, 70)) as pilot:
        await show_panel(pilot)
        await settle(pilot)
        rows = screen_text(app).splitlines()[1:-1]
        shown = "\n".join(row.split("\u2502", 1)[1] for row in rows if "\u2502" in row)
        left = {w for w in english_words(shown) if not w.startswith("pre_") and w != "hh"}
        assert left == set(), shown
        assert "유닛 수 <" in shown and "유닛    t=1" in shown and "단계" not in shown
