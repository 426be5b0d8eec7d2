"""The model screen (issue 15): k on the layer panel shows the code for the student's model
(not "no code"), and the loader's message is in the screen's language, also after F3."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from rnntui.codegen import code_for
from rnntui.content.loader import LessonSet
from rnntui.nn.spec import parse_spec
from rnntui.ui.inspect_app import inspect_app
from rnntui.ui.screens.code import CodeScreen
from rnntui.ui.screens.model import ModelScreen
from rnntui.ui.widgets.grid import ValueGrid
from rnntui.ui.widgets.readout import Readout
from tests.ui.helpers import settle

SPEC = "Input(4) Embedding(10,3) LSTM(2) Dense(2)"


async def test_k_on_the_layer_panel_shows_the_models_code(
    lessons: LessonSet, tmp_path: Path
) -> None:
    model = parse_spec(SPEC)
    rng = np.random.default_rng(2)
    np.savez(tmp_path / "m.npz", *[rng.normal(size=w.shape) for w in model.get_weights()])
    screen = ModelScreen.for_file(tmp_path / "m.npz", spec=SPEC, lang="en")
    app = inspect_app(lessons, screen, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        panel = screen.panel
        assert panel is not None
        panel.query(ValueGrid).first().focus()
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        code = app.screen
        assert isinstance(code, CodeScreen)
        lab = panel.lab  # type: ignore[attr-defined]
        assert code.code() == code_for(lab, "keras", "en")
        assert "no model file Keras could load" in code.code()  # weights + --spec: says why
        assert "kernel = np.array(" in code.code()  # and rebuilds the layer with its weights
        await pilot.press("f")
        await settle(pilot)
        assert "PyTorch cannot read a Keras model file" in code.code()


async def test_the_loaders_message_follows_the_screen_language(
    lessons: LessonSet, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.keras"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    screen = ModelScreen.for_file(bad, lang="ko")
    app = inspect_app(lessons, screen, lang="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        message = str(app.screen.query_one("#model-error", Readout).text)
        assert "bad.keras은(는) zip 파일이 아닙니다" in message
        assert "not a zip" not in message
        await pilot.press("f3")
        await settle(pilot)
        message = str(app.screen.query_one("#model-error", Readout).text)
        assert "bad.keras is not a zip archive" in message and "zip 파일" not in message
