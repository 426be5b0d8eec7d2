"""The model screen at 80x24: a saved model on a typed sentence, a layer in the lesson panel.

The layer's numbers on screen are checked against the engine model's own layers called
directly (not through the lab), the output against ``model(x)``; a bad file and the palette's
"Open a model file..." never crash.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from textual.widgets import Input, OptionList

from rnntui.content.loader import LessonSet
from rnntui.lab.format import fmt
from rnntui.nn import load_model
from rnntui.nn.spec import parse_spec
from rnntui.ui.inspect_app import inspect_app
from rnntui.ui.screens.model import ModelScreen
from rnntui.ui.widgets.grid import ValueGrid
from rnntui.ui.widgets.readout import Readout
from tests.ui.helpers import screen_text, settle

SPEC = (
    "Input(6) Embedding(10,4) LSTM(3,return_sequences=True) GRU(2) Dense(10,activation='softmax')"
)
WORDS = ["", "[UNK]", "the", "cat", "sat", "on", "a", "mat", "dog", "ran"]


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    model = parse_spec(SPEC)
    rng = np.random.default_rng(5)
    np.savez(tmp_path / "m.npz", *[rng.normal(size=w.shape) for w in model.get_weights()])
    (tmp_path / "vocab.txt").write_text("\n".join(WORDS), encoding="utf-8")
    (tmp_path / "bad.keras").write_bytes(b"PK\x03\x04 not really a zip")
    return {
        "npz": tmp_path / "m.npz",
        "vocab": tmp_path / "vocab.txt",
        "bad": tmp_path / "bad.keras",
    }


def _readout(app: Any, selector: str) -> str:
    return str(app.screen.query_one(selector, Readout).text)


async def _type(pilot: Any, selector: str, text: str, keys: bool = True) -> None:
    """Type ``text`` into an Input key by key (or set it at once) and press Enter."""
    entry = pilot.app.screen.query_one(selector, Input)
    entry.focus()
    entry.value = "" if keys else text
    await pilot.press(*(["space" if ch == " " else ch for ch in text] if keys else []), "enter")
    await settle(pilot)


@pytest.mark.parametrize("lang", ["en", "ko"])
async def test_type_a_sentence_choose_a_layer_and_see_its_steps(
    lessons: LessonSet, files: dict[str, Path], lang: str
) -> None:
    screen = ModelScreen.for_file(files["npz"], vocab=files["vocab"], spec=SPEC, lang=lang)
    app = inspect_app(lessons, screen, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen is screen
        await _type(pilot, "#model-input", "A dog zzz")
        assert "zzz(1, " in _readout(app, "#model-tokens")
        ids = np.array([[6, 8, 1]])
        model = load_model(files["npz"], spec=SPEC)
        embedding, lstm, gru, _dense = model.layers

        chooser = screen.query_one("#model-layers", OptionList)
        chooser.focus()
        await pilot.press("down", "enter")
        await settle(pilot)
        assert screen.choice is not None and screen.choice.kind == "GRU"
        panel = screen.panel
        assert panel is not None and panel.last_error is None
        assert type(panel).__name__ == "GRUPanel"
        assert screen.choice.label(lang) in _readout(app, "#model-layer-note")  # not colour
        # what the panel's h grid shows: every step, from the engine layers called directly
        below = lstm(embedding(ids))
        want = np.stack([gru(below[:, : t + 1])[0] for t in range(3)])  # h_t, (T, units)
        grid = panel.query_one("#grid-h", ValueGrid)
        shown = [[float(v) for v in row] for row in grid.rendered_cells()]
        assert np.abs(np.array(shown) - want.T).max() <= 5e-5  # printed with 4 decimals
        lab_h = np.array(panel.lab.view(lang).grid_h)
        assert np.abs(lab_h - want.T).max() <= 1e-12
        assert [fmt(v) for v in lab_h[0]] == [str(c).strip() for c in grid.rendered_cells()[0]]

        probs = model(ids)[0]
        best = int(np.argmax(probs))
        output = _readout(app, "#model-output")
        assert output.split()[:2] == [fmt(float(probs[best])), WORDS[best]]
        assert ("출력" in _readout(app, "#model-output-head")) == (lang == "ko")
        text = screen_text(app)
        assert all(len(line) <= 80 for line in text.splitlines())

        await pilot.press("p")  # pad to the model's 6 steps, as pad_sequences()
        await settle(pilot)
        padded = model(np.array([[0, 0, 0, 6, 8, 1]]))[0]
        assert np.abs(screen.lab.output - padded).max() == 0.0
        assert "x3" in _readout(app, "#model-tokens")
        assert screen.panel is not None and screen.panel.lab.seq.steps == 6
        await pilot.press("p")
        await settle(pilot)

        if lang == "en":  # F3 switches the language; the layer, its lab and the input stay
            kept = panel.lab
            await pilot.press("f3")
            await settle(pilot)
            assert app.screen is screen and screen.lang == "ko"
            assert screen.panel is not None and screen.panel.lab is kept
            assert "출력" in _readout(app, "#model-output-head")
            assert screen.query_one("#model-input", Input).value == "A dog zzz"
            await pilot.press("f1")
            await settle(pilot)
            assert "내 모델" in screen_text(app)


async def test_a_bad_file_shows_the_message(lessons: LessonSet, files: dict[str, Path]) -> None:
    from tests.nn.load_files import _config_with, _write_keras

    dense = {"module": "keras.layers", "class_name": "Dense", "config": {"name": "d", "units": 2}}
    conv = {"class_name": "Conv1D", "config": {"name": "conv", "filters": 2}}
    config = _config_with(dense, conv)
    partial_file = _write_keras(files["bad"].with_name("conv.keras"), config)
    for path, needle in ((files["bad"], "not a zip"), (partial_file, "Conv1D")):
        screen = ModelScreen.for_file(path, lang="en")
        app = inspect_app(lessons, screen, lang="en")
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            message = _readout(app, "#model-error")
            assert "cannot be opened" in message and needle in message
            assert "GlobalAveragePooling1D" in message  # what is supported
            if path == partial_file:
                assert "d (Dense)" in _readout(app, "#model-summary")
            await pilot.press("escape")
            await settle(pilot)
            assert not isinstance(app.screen, ModelScreen)


async def test_palette_command_opens_a_model(lessons: LessonSet, files: dict[str, Path]) -> None:
    from rnntui.ui.app import RnnTuiApp

    app = RnnTuiApp(lessons, lang="en", lesson_id="lstm", save=False)
    from tests.nn.load_files import _write_keras

    dense = _write_keras(files["bad"].with_name("dense.keras"))  # Dense(2) on 3 features
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Open a model file..." in commands
        for path, needle in (
            (files["bad"].with_name("missing.keras"), "is not a file"),
            (files["npz"], "--spec"),  # weights alone: the message says what to do
            (dense, ""),
        ):
            app.action_open_model()
            await settle(pilot)
            await _type(pilot, "#open-path", str(path), keys=False)
            assert isinstance(app.screen, ModelScreen)
            if needle:
                assert needle in _readout(app, "#model-error")
            else:
                assert "d (Dense)" in _readout(app, "#model-summary")
                assert "no recurrent layer" in _readout(app, "#model-layers-head")
            await pilot.press("escape")
            await settle(pilot)
            assert not isinstance(app.screen, ModelScreen)


async def test_a_bad_file_says_what_is_read_in_korean(
    lessons: LessonSet, files: dict[str, Path]
) -> None:
    screen = ModelScreen.for_file(files["bad"], lang="ko")
    app = inspect_app(lessons, screen, lang="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        message = _readout(app, "#model-error")
        reads = message.split("\n\n", 1)[1]
        assert "GlobalAveragePooling1D" in reads and "함수형 모델" in reads
        assert "plain chain" not in reads and "Sequential model" not in reads
