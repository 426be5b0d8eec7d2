"""Show me the code on the model screen (issue 15): the script for a layer of the student's own
model. Keras: it loads the saved file, runs the model on the same input and checks the output
and the layer's h of every step against what rnntui showed. PyTorch: the layer alone with the
file's weights as numbers, saying why. The scripts RUN (tests/codegen/runner.py, one process per
framework, as test_generated_code.py); a tampered shown value must fail."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from rnntui.codegen import MATCH_LINE, code_for, filename_for, panel_of
from rnntui.nn import load_model
from tests.nn.load_files import _keras

os.environ.setdefault("KERAS_BACKEND", "torch")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")
RUNNER = Path(__file__).with_name("runner.py")


def _model_file(folder: Path) -> Path:
    """A .keras file: Embedding, LSTM, Bidirectional GRU (reset_after=False), Dense."""
    keras = _keras()
    L = keras.layers
    keras.utils.set_random_seed(3)
    model = keras.Sequential(
        [
            keras.Input((5,)),
            L.Embedding(12, 3),
            L.LSTM(4, return_sequences=True),
            L.Bidirectional(L.GRU(2, reset_after=False)),
            L.Dense(3, activation="softmax"),
        ]
    )
    path = folder / "mine.keras"
    model.save(path)
    model.save(folder / "mine.h5")  # the legacy HDF5 format too
    return path


def _run(paths: list[Path], framework: str) -> dict[str, dict[str, Any]]:
    env = {**os.environ, "KERAS_BACKEND": "torch"}
    done = subprocess.run(
        [sys.executable, str(RUNNER), *map(str, paths)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return {json.loads(line)["path"]: json.loads(line) for line in done.stdout.splitlines()}


def test_the_model_layer_scripts_run_and_match(tmp_path: Path) -> None:
    from rnntui.lab.model import ModelLab

    model = load_model(_model_file(tmp_path))
    lab = ModelLab(model)
    lab.set_text("3 7 1 11")
    choices = lab.choices()
    assert [c.key for c in choices] == ["1", "2f", "2b"]
    scripts: dict[str, list[Path]] = {"keras": [], "torch": []}
    for k, choice in enumerate(choices):
        layer = lab.lab_for(choice)
        assert panel_of(layer) == "model"
        assert filename_for(layer, "keras") == "rnntui_model_keras.py"
        for fw in scripts:
            text = code_for(layer, fw, "ko" if k % 2 else "en")
            if fw == "keras":
                assert "keras.saving.load_model(PATH" in text and str(tmp_path) in text
            else:
                assert "PyTorch cannot read a Keras model file" in text or "PyTorch는" in text
            path = tmp_path / f"{choice.key}_{fw}.py"
            path.write_text(text, encoding="utf-8")
            scripts[fw].append(path)
    # the same model from the legacy .h5 file
    h5 = ModelLab(load_model(tmp_path / "mine.h5"))
    h5.set_text("3 7 1 11")
    text = code_for(h5.lab_for(h5.choices()[-1]), "keras", "en")
    assert "mine.h5" in text
    (tmp_path / "h5_keras.py").write_text(text, encoding="utf-8")
    scripts["keras"].append(tmp_path / "h5_keras.py")
    # a what-if in the panel: the Keras script checks the layer as saved, and says so
    forced = lab.lab_for(choices[0])
    forced.force("f", "value", 0.0)
    text = code_for(forced, "keras", "en")
    assert "not in\n# your file" in text
    what_if = tmp_path / "forced_keras.py"
    what_if.write_text(text, encoding="utf-8")
    # one shown number changed: the check must fail
    head, sep, tail = text.partition("shown_h = np.array([\n    [")
    number, comma, rest = tail.partition(",")
    bad = tmp_path / "tampered_keras.py"
    bad.write_text(head + sep + repr(float(number) + 0.01) + comma + rest, encoding="utf-8")
    reports = {
        **_run([*scripts["keras"], what_if, bad], "keras"),
        **_run(scripts["torch"], "torch"),
    }
    for path in [*scripts["keras"], *scripts["torch"], what_if]:
        report = reports[str(path)]
        assert report["ok"], (path.name, report["error"])
        assert str(report["out"]).rstrip().endswith(MATCH_LINE), path.name
    assert not reports[str(bad)]["ok"] and "AssertionError" in str(reports[str(bad)]["error"])


def test_a_layer_too_large_to_copy_gets_a_reason_in_both_languages(tmp_path: Path) -> None:
    import numpy as np

    from rnntui.codegen import model as model_code
    from rnntui.lab.model import ModelLab
    from rnntui.nn.spec import parse_spec

    spec = "Input(4, 2) LSTM(80)"
    np.savez(tmp_path / "w.npz", *parse_spec(spec).get_weights())
    lab = ModelLab(load_model(tmp_path / "w.npz", spec=spec))
    layer = lab.lab_for(lab.choices()[0])
    assert 4 * 80 * (2 + 80 + 1) > model_code.MAX_LITERAL_WEIGHTS
    en, ko = code_for(layer, "keras", "en"), code_for(layer, "torch", "ko")
    assert "no model file Keras could load" in en and "no script for it" in en
    assert "PyTorch는 Keras 모델 파일을 읽지 못하므로" in ko and "스크립트는 없습니다" in ko
    assert "import" not in en and "import" not in ko


def test_a_model_with_text_vectorization_says_it_needs_tensorflow(tmp_path: Path) -> None:
    """Keras loads a TextVectorization only with TensorFlow (not installed here, so the script
    is read, not run): it says so and feeds the ids to the layers after that layer."""
    import ast

    from rnntui.lab.model import ModelLab
    from tests.nn.test_load_model_text_vectorization import _save

    path, _ = _save(tmp_path, in_config=False)
    model = load_model(path)
    lab = ModelLab(model, model.vocabulary)
    lab.set_text("the dog")
    for lang, needle in (("en", "Keras needs TensorFlow installed"), ("ko", "TensorFlow가 설치")):
        text = code_for(lab.lab_for(lab.choices()[0]), "keras", lang)
        assert needle in text
        assert "(keras.layers.InputLayer, keras.layers.TextVectorization)" in text
        assert "output = run()[0]" in text and "x = np.array([[2, 7]])" in text
        ast.parse(text)
