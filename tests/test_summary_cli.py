"""`rnntui summary SPEC`."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from rnntui.cli import app

EXAMPLE = (
    "Input(20) Embedding(1000,16) Bidirectional(LSTM(16,return_sequences=True)) GRU(32) Dense(1)"
)


def test_summary_table_total() -> None:
    result = CliRunner().invoke(app, ["summary", EXAMPLE])
    assert result.exit_code == 0, result.output
    assert "26,593" in result.output
    assert "bidirectional (Bidirectional)" in result.output
    assert "(None, 20, 32)" in result.output


def test_summary_json() -> None:
    result = CliRunner().invoke(app, ["summary", "--json", EXAMPLE])
    data = json.loads(result.output)
    assert data["total_params"] == 26593
    assert [row["params"] for row in data["layers"]] == [16000, 4224, 6336, 33]
    assert data["layers"][2]["output_shape"] == [None, 32]


def test_invalid_stack_exits_2_with_keras_message() -> None:
    result = CliRunner().invoke(app, ["summary", "Input(20,8) GRU(8) GRU(4)"])
    assert result.exit_code == 2
    assert "expected ndim=3, found ndim=2. Full shape received: (None, 8)" in result.output
    assert "return_sequences=True" in result.output


def test_no_code_execution() -> None:
    result = CliRunner().invoke(app, ["summary", "Input(5,3) __import__('os').system('echo hi')"])
    assert result.exit_code == 2
    assert "hi\n" not in result.output


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("rnntui ")


def _peak_mb(fn: object) -> float:
    import tracemalloc

    tracemalloc.start()
    try:
        fn()  # type: ignore[operator]
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def test_counting_allocates_no_weights() -> None:
    """Issue 18 item 4: LSTM(8000) is 512,032,000 params; counted from shapes in a few kB."""
    from rnntui.nn.spec import plan_spec

    assert _peak_mb(lambda: plan_spec("Input(5,8000) LSTM(8000)")) < 5
    assert plan_spec("Input(5,8000) LSTM(8000)").total_params == 512_032_000
    result = CliRunner().invoke(app, ["summary", "Input(5,8) LSTM(100000)"])
    assert result.exit_code == 0 and "40,003,600,000" in result.output


def test_building_is_capped_with_a_clear_message() -> None:
    import pytest

    from rnntui.nn.spec import SpecError, parse_spec

    with pytest.raises(SpecError, match="512,032,000 parameters, more than"):
        parse_spec("Input(5,8000) LSTM(8000)", draw_weights=False)


def test_memory_error_is_a_message_and_exit_2(monkeypatch: object) -> None:
    from rnntui import summary_cmd

    def boom(spec: str) -> None:
        raise MemoryError

    monkeypatch.setattr(summary_cmd, "plan_spec", boom)  # type: ignore[attr-defined]
    result = CliRunner().invoke(app, ["summary", "Input(5,3) LSTM(2)"])
    assert (
        result.exit_code == 2 and "too large" in result.output and "Traceback" not in result.output
    )


def test_keras_total_trainable_and_bytes_lines() -> None:
    result = CliRunner().invoke(app, ["summary", EXAMPLE])
    assert " Total params: 26,593 (103.88 KB)" in result.output
    assert " Trainable params: 26,593 (103.88 KB)" in result.output
    assert " Non-trainable params: 0 (0.00 B)" in result.output
    assert not any(ord(c) > 0x7F for c in result.output)  # ASCII borders (PuTTY-safe)
    data = json.loads(CliRunner().invoke(app, ["summary", "--json", EXAMPLE]).output)
    assert data["total_bytes"] == 106372 and data["non_trainable_params"] == 0


NOTEBOOK = """import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(20,)),
    layers.Embedding(1000, 16),
    layers.LSTM(32, return_sequences=True,
                kernel_regularizer=keras.regularizers.l2(0.01)),
    tf.keras.layers.GRU(8),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
__import__("os").system("echo ran > /tmp/rnntui-should-not-exist")
"""


def test_notebook_syntax_as_an_argument() -> None:
    for spec in (
        "keras.Input(shape=(20,)) layers.Embedding(1000, 16) layers.GRU(8)",
        "Sequential([Input(shape=(20,)), Embedding(1000, 16), GRU(8)])",
        "Input(shape=(20,)), Embedding(1000, 16),\n GRU(8)",
        "[tf.keras.Input(shape=(20,)), tf.keras.layers.Embedding(1000,16), tf.keras.layers.GRU(8)]",
    ):
        result = CliRunner().invoke(app, ["summary", spec])
        assert result.exit_code == 0, (spec, result.output)
        assert "16,000" in result.output and "(None, 8)" in result.output
    result = CliRunner().invoke(
        app, ["summary", "Input(shape=(5, 10)) layers.LSTM(32, return_sequences=True)"]
    )
    assert "(None, 5, 32)" in result.output and "5,504" in result.output


def test_summary_reads_a_file_and_stdin_without_running_it(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "model.py"
    path.write_text(NOTEBOOK, encoding="utf-8")
    result = CliRunner().invoke(app, ["summary", "-f", str(path)])
    assert result.exit_code == 0, result.output
    assert "16,000" in result.output and "(None, 20, 32)" in result.output
    assert not Path("/tmp/rnntui-should-not-exist").exists()
    piped = CliRunner().invoke(app, ["summary", "-"], input=NOTEBOOK)
    assert piped.exit_code == 0 and piped.output == result.output
    added = "m = Sequential()\nm.add(LSTM(32, input_shape=(10, 3)))\nm.add(Dense(1))\n"
    piped = CliRunner().invoke(app, ["summary", "-f", "-"], input=added)
    assert piped.exit_code == 0 and "4,608" in piped.output and "33" in piped.output


def test_did_you_mean_and_no_internal_messages() -> None:
    cases = {
        "Input(5,3) Embeding(10,4)": "Did you mean 'Embedding'?",
        "Input(5,3) lstm(32)": "Did you mean 'LSTM'? Names are case-sensitive.",
        "Input(5,3) LSTM(3, retrun_sequences=True)": "Did you mean 'return_sequences'?",
        "Input(5,3) LSTM(3, 4, 5, 6, 7, 8, 9)": "check the arguments",
    }
    for spec, expected in cases.items():
        result = CliRunner().invoke(app, ["summary", spec])
        assert result.exit_code == 2 and expected in result.output, result.output
        assert "__init__()" not in result.output and "Traceback" not in result.output


def test_a_lesson_directive_cannot_build_a_huge_model() -> None:
    """Issue 18 item 4: ``{{params: Input(5,8000) LSTM(8000)}}`` is refused in milliseconds."""
    import time

    import pytest

    from rnntui.content.directives import DirectiveError, evaluate_directive

    def refused() -> None:
        with pytest.raises(DirectiveError, match="more than"):
            evaluate_directive("params: Input(5,8000) LSTM(8000)")

    start = time.perf_counter()
    peak = _peak_mb(refused)
    assert peak < 5 and time.perf_counter() - start < 2
    assert evaluate_directive("params: Input(5,10) LSTM(32)").text == "5,504"


def test_summary_without_a_model_or_with_a_bad_file_exits_2(tmp_path: object) -> None:
    from pathlib import Path

    empty = CliRunner().invoke(app, ["summary"])
    assert empty.exit_code == 2 and "give a SPEC" in empty.output
    missing = CliRunner().invoke(app, ["summary", "-f", str(Path(str(tmp_path)) / "no.py")])
    assert missing.exit_code == 2 and "Traceback" not in missing.output
    code = Path(str(tmp_path)) / "train.py"
    code.write_text("import keras\nx = keras.layers.LSTM(3)(inputs)\n", encoding="utf-8")
    functional = CliRunner().invoke(app, ["summary", "-f", str(code)])
    assert functional.exit_code == 2 and "Sequential([...])" in functional.output


# -- model files (issue 15): `rnntui summary model.keras`, `.h5`, weights with --spec ---------
def _model_files(folder: object) -> dict[str, object]:
    """A .keras, a .weights.h5 and an .npz of Input(5,3) LSTM(4) Dense(2), made by hand."""
    import zipfile
    from pathlib import Path
    from typing import Any

    import h5py  # type: ignore[import-untyped]
    import numpy as np

    root = Path(str(folder))
    rng = np.random.default_rng(0)
    arrays = [
        rng.normal(size=s).astype(np.float32) for s in ((3, 16), (4, 16), (16,), (4, 2), (2,))
    ]
    config: dict[str, Any] = {
        "class_name": "Sequential",
        "config": {
            "name": "my_model",
            "layers": [
                {"class_name": "InputLayer", "config": {"batch_shape": [None, 5, 3]}},
                {"class_name": "LSTM", "config": {"name": "enc", "units": 4}},
                {"class_name": "Dense", "config": {"name": "out", "units": 2}},
            ],
        },
    }
    weights = root / "model.weights.h5"
    with h5py.File(weights, "w") as f:
        for i, a in enumerate(arrays[:3]):
            f[f"layers/lstm/cell/vars/{i}"] = a
        for i, a in enumerate(arrays[3:]):
            f[f"layers/dense/vars/{i}"] = a
    keras_file = root / "model.keras"
    with zipfile.ZipFile(keras_file, "w") as z:
        z.writestr("config.json", json.dumps(config))
        z.write(weights, "model.weights.h5")
    npz = root / "model.npz"
    np.savez(npz, *arrays)
    conv = root / "conv.keras"
    config["config"]["layers"].append({"class_name": "Conv1D", "config": {"name": "c"}})
    with zipfile.ZipFile(conv, "w") as z:
        z.writestr("config.json", json.dumps(config))
        z.write(weights, "model.weights.h5")
    return {"keras": keras_file, "weights": weights, "npz": npz, "conv": conv}


def test_summary_of_a_model_file(tmp_path: object) -> None:
    files = _model_files(tmp_path)
    result = CliRunner().invoke(app, ["summary", str(files["keras"])])
    assert result.exit_code == 0, result.output
    assert 'Model: "my_model"' in result.output and "enc (LSTM)" in result.output
    assert " Total params: 138 (552.00 B)" in result.output
    assert "float32 in the file, computed in float64" in result.output
    data = json.loads(CliRunner().invoke(app, ["summary", "--json", str(files["keras"])]).output)
    assert data["total_params"] == 138 and data["source_dtype"] == "float32"
    assert [row["params"] for row in data["layers"]] == [128, 10]
    spec = "Input(5,3) LSTM(4) Dense(2)"
    for key in ("weights", "npz"):
        with_spec = CliRunner().invoke(app, ["summary", str(files[key]), "--spec", spec])
        assert with_spec.exit_code == 0 and "138" in with_spec.output, with_spec.output


def test_bad_model_files_exit_2_with_a_message(tmp_path: object) -> None:
    from pathlib import Path

    files = _model_files(tmp_path)
    conv = CliRunner().invoke(app, ["summary", str(files["conv"])])
    assert conv.exit_code == 2 and "'c' (Conv1D) is not supported" in conv.output
    assert "enc (LSTM)" in conv.output  # the supported part is still summarised
    bare = CliRunner().invoke(app, ["summary", str(files["npz"])])
    assert bare.exit_code == 2 and "--spec" in bare.output
    broken = Path(str(tmp_path)) / "broken.h5"
    broken.write_bytes(b"\x89HDF\r\n\x1a\n" + b"\x00" * 40)
    for path in (broken, Path(str(tmp_path)) / "none.keras"):
        result = CliRunner().invoke(app, ["summary", str(path)])
        assert result.exit_code == 2 and "error:" in result.output
        assert "Traceback" not in result.output
    stray = CliRunner().invoke(app, ["summary", "Input(5,3) LSTM(4)", "--spec", "Input(5,3)"])
    assert stray.exit_code == 2 and "--spec goes with a weights file" in stray.output
