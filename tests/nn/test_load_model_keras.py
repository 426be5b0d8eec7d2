"""``rnntui.nn.load_model`` on files saved by real Keras 3 (torch backend): equal outputs and
parameter counts (1e-5 for Keras' float32 models, 1e-12 for a float64 one), weights with a
spec, a tf.keras 2 .h5, frozen layers and the dtype policy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from rnntui.nn import load_model
from tests.nn.load_files import (
    F32,
    NAMES,
    TF2_WEIGHTS,
    D,
    T,
    V,
    _as_list,
    _check,
    _fails,
    _input,
    _keras,
    _models,
    _write_tf2,
)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Every model saved once as .keras, .h5, .weights.h5 and .npz, with Keras' outputs."""
    keras = _keras()
    folder = tmp_path_factory.mktemp("models")
    rng = np.random.default_rng(7)
    out = {}
    for name, (model, spec) in _models(keras).items():
        model.set_weights(
            [rng.normal(scale=0.5, size=w.shape).astype(w.dtype) for w in model.get_weights()]
        )
        x = _input(name, model)
        expected = _as_list(keras.ops.convert_to_numpy(model(x, training=False)))
        if isinstance(model(x, training=False), (list, tuple)):
            expected = [keras.ops.convert_to_numpy(v) for v in model(x, training=False)]
        paths = {fmt: folder / f"{name}{fmt}" for fmt in (".keras", ".h5", ".weights.h5")}
        model.save(paths[".keras"])
        model.save(paths[".h5"])
        model.save_weights(paths[".weights.h5"])
        paths[".npz"] = folder / f"{name}.npz"
        np.savez(paths[".npz"], *model.get_weights())
        out[name] = {
            "x": x,
            "expected": _as_list(expected),
            "spec": spec,
            "paths": paths,
            "params": model.count_params(),
            "layers": [layer.name for layer in model.layers],
        }
    return out


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("fmt", [".keras", ".h5"])
def test_a_saved_model_loads_with_keras_outputs(saved, name: str, fmt: str) -> None:
    case = saved[name]
    model = load_model(case["paths"][fmt])
    _check(model, case, name)
    assert model.source_format == fmt[1:]
    assert model.source_dtype == ("float64" if name == "float64" else "float32")
    assert model.computed_in_float64 is (name != "float64")
    assert model.dtype_policy == ("float64" if name == "float64" else "float32")
    named = [r.name for r in model.summary().rows]
    assert named == [n for n in case["layers"] if not n.startswith("input_layer")]


@pytest.mark.parametrize(
    "name", ["lstm", "gru_reset_before", "bi_mul", "embedding_mask", "stacked"]
)
@pytest.mark.parametrize("fmt", [".weights.h5", ".npz"])
def test_weights_with_a_spec(saved, name: str, fmt: str) -> None:
    case = saved[name]
    model = load_model(case["paths"][fmt], spec=case["spec"])
    _check(model, case, name)
    assert model.source_format == fmt[1:] and model.source_dtype == "float32"


def test_legacy_weights_by_order_with_a_spec(saved) -> None:
    """A whole legacy .h5 with --spec: weights matched by order, not by the layers' names."""
    case = saved["gru_reset_after"]
    _check(load_model(case["paths"][".h5"], spec=case["spec"]), case, "gru_reset_after")


def test_keras_saved_lambda_custom_and_two_inputs(tmp_path: Path) -> None:
    keras = _keras()
    L = keras.layers
    lam = keras.Sequential(
        [keras.Input((T, D)), L.LSTM(2, return_sequences=True), L.Lambda(lambda v: v * 2)]
    )
    lam.save(tmp_path / "lambda.keras")
    err = _fails(tmp_path / "lambda.keras", "(Lambda) is not supported", "never runs")
    assert err.partial is not None and err.partial.rows[0].class_name == "LSTM"

    @keras.saving.register_keras_serializable(package="mine")
    class Twice(L.Layer):  # type: ignore[misc,name-defined]
        def call(self, v: Any) -> Any:
            return v * 2

    custom = keras.Sequential([keras.Input((T, D)), Twice(), L.GRU(2)])
    custom.save(tmp_path / "custom.keras")
    _fails(tmp_path / "custom.keras", "(Twice) is not supported", "not from Keras")

    a, b = keras.Input((T, D)), keras.Input((T, D))
    two = keras.Model([a, b], L.Dense(1)(L.Concatenate()([L.LSTM(2)(a), L.GRU(2)(b)])))
    two.save(tmp_path / "two.keras")
    two.save(tmp_path / "two.h5")
    for suffix in (".keras", ".h5"):
        _fails(tmp_path / f"two{suffix}", "2 inputs", "plain chain")
    x = keras.Input((T, D))
    branch = keras.Model(x, L.Add()([L.LSTM(2)(x), L.GRU(2)(x)]))
    branch.save(tmp_path / "branch.keras")
    _fails(tmp_path / "branch.keras", "feeds two layers", "plain chain")
    conv = keras.Sequential([keras.Input((T, D)), L.Conv1D(4, 2), L.LSTM(2)])
    conv.save(tmp_path / "conv.h5")
    _fails(tmp_path / "conv.h5", "(Conv1D) is not supported")


@pytest.mark.parametrize("functional", [False, True])
def test_a_tf_keras_2_h5_loads(tmp_path: Path, functional: bool) -> None:
    keras = _keras()
    L = keras.layers
    twin = keras.Sequential(
        [
            keras.Input((7,)),
            L.Embedding(V, 4),
            L.Bidirectional(L.LSTM(3, return_sequences=True)),
            L.GRU(2),
            L.Dense(1, activation="sigmoid"),
        ]
    )
    rng = np.random.default_rng(3)
    weights = [rng.normal(scale=0.5, size=w.shape).astype(np.float32) for w in twin.get_weights()]
    twin.set_weights(weights)
    path = tmp_path / "tf2.h5"
    _write_tf2(path, weights, functional)
    model = load_model(path)
    x = rng.integers(0, V, size=(4, 7))
    expected = keras.ops.convert_to_numpy(twin(x, training=False))
    assert np.abs(model(x) - expected).max() <= F32
    assert model.keras_version == "2.15.0" and model.count_params() == twin.count_params()
    assert [r.name for r in model.summary().rows] == list(TF2_WEIGHTS)


def test_frozen_layers_are_keras_non_trainable_params(tmp_path: Path) -> None:
    keras = _keras()
    L = keras.layers
    model = keras.Sequential([keras.Input((7,)), L.Embedding(V, 4), L.GRU(2), L.Dense(1)])
    model.layers[0].trainable = False
    frozen = sum(int(np.prod(w.shape)) for w in model.non_trainable_weights)
    assert frozen == V * 4
    for suffix in (".keras", ".h5"):
        model.save(tmp_path / f"frozen{suffix}")
        loaded = load_model(tmp_path / f"frozen{suffix}")
        assert loaded.frozen == (model.layers[0].name,)
        assert loaded.non_trainable_params == frozen

    from typer.testing import CliRunner

    from rnntui.cli import app

    result = CliRunner().invoke(app, ["summary", str(tmp_path / "frozen.keras")])
    trainable = model.count_params() - frozen
    assert f" Trainable params: {trainable:,} (" in result.output
    assert f" Non-trainable params: {frozen:,} (320.00 B)" in result.output


def test_mixed_precision_policy_is_reported(tmp_path: Path) -> None:
    keras = _keras()
    keras.mixed_precision.set_global_policy("mixed_float16")
    try:
        model = keras.Sequential([keras.Input((T, D)), keras.layers.LSTM(2)])
    finally:
        keras.mixed_precision.set_global_policy("float32")
    model.save(tmp_path / "mixed.keras")
    loaded = load_model(tmp_path / "mixed.keras")
    assert loaded.dtype_policy == "mixed_float16" and loaded.source_dtype == "float32"
