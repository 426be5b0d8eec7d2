"""Files and checks shared by the model-loader tests: Keras models to save, hand-made .keras
and tf.keras 2 .h5 files (h5py, zipfile)."""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import h5py  # type: ignore[import-untyped]
import numpy as np
import pytest

from rnntui.nn import LoadError, load_model

os.environ.setdefault("KERAS_BACKEND", "torch")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")

F32, F64 = 1e-5, 1e-12
T, D, V = 6, 3, 20


def _keras() -> Any:
    pytest.importorskip("torch")
    keras = pytest.importorskip("keras")
    if keras.backend.backend() != "torch":  # pragma: no cover
        pytest.skip("these tests use the torch backend")
    return keras


def _models(keras: Any) -> dict[str, tuple[Any, str]]:
    """name -> (Keras model, the same model as a SPEC)."""
    L = keras.layers

    def seq(*layers: Any) -> Any:
        return keras.Sequential(list(layers))

    bi = {
        f"bi_{mode}": (
            seq(
                keras.Input((T, D)),
                L.Bidirectional(L.GRU(3, return_sequences=True), merge_mode=mode),
                L.Bidirectional(L.LSTM(2), merge_mode=mode),
                L.Dense(2),
            ),
            f"Input({T},{D}) Bidirectional(GRU(3,return_sequences=True),merge_mode='{mode}') "
            f"Bidirectional(LSTM(2),merge_mode='{mode}') Dense(2)",
        )
        for mode in ("concat", "sum", "mul", "ave")
    }
    tokens = keras.Input((T + 1,))
    x = L.Embedding(V, 4)(tokens)
    x = L.Bidirectional(L.LSTM(3, return_sequences=True))(x)
    x = L.GlobalAveragePooling1D()(x)
    functional = keras.Model(tokens, L.Dense(3, activation="softmax")(x))
    f64 = seq(
        keras.Input((T, D), dtype="float64"),
        L.LSTM(4, return_sequences=True, dtype="float64"),
        L.GRU(3, reset_after=True, dtype="float64"),
    )
    return {
        "simple_rnn": (
            seq(
                keras.Input((T, D)),
                L.SimpleRNN(4, return_sequences=True, go_backwards=True),
                L.SimpleRNN(3, activation="relu"),
                L.Dense(2),
            ),
            f"Input({T},{D}) SimpleRNN(4,return_sequences=True,go_backwards=True) "
            "SimpleRNN(3,activation='relu') Dense(2)",
        ),
        "lstm": (
            seq(
                keras.Input((T, D)),
                L.LSTM(4, return_sequences=True),
                L.Dropout(0.3),
                L.LSTM(3, use_bias=False),
                L.Dense(1, activation="sigmoid"),
            ),
            f"Input({T},{D}) LSTM(4,return_sequences=True) Dropout(0.3) LSTM(3,use_bias=False) "
            "Dense(1,activation='sigmoid')",
        ),
        "gru_reset_after": (
            seq(
                keras.Input((T, D)),
                L.GRU(4, return_sequences=True),
                L.GlobalAveragePooling1D(),
                L.Dense(2),
            ),
            f"Input({T},{D}) GRU(4,return_sequences=True) GlobalAveragePooling1D() Dense(2)",
        ),
        "gru_reset_before": (
            seq(keras.Input((T, D)), L.GRU(4, reset_after=False), L.Dense(2, use_bias=False)),
            f"Input({T},{D}) GRU(4,reset_after=False) Dense(2,use_bias=False)",
        ),
        "embedding_mask": (
            seq(
                keras.Input((T + 1,)),
                L.Embedding(V, 4, mask_zero=True),
                L.LSTM(3, return_sequences=True),
                L.GRU(2),
                L.Dense(1),
            ),
            f"Input({T + 1}) Embedding({V},4,mask_zero=True) LSTM(3,return_sequences=True) "
            "GRU(2) Dense(1)",
        ),
        "stacked": (
            seq(
                keras.Input((T, D)),
                L.Bidirectional(L.LSTM(3, return_sequences=True)),
                L.LSTM(2, return_sequences=True),
                L.GRU(2),
                L.Dense(1),
            ),
            f"Input({T},{D}) Bidirectional(LSTM(3,return_sequences=True)) "
            "LSTM(2,return_sequences=True) GRU(2) Dense(1)",
        ),
        "bi_none": (
            seq(keras.Input((T, D)), L.Bidirectional(L.SimpleRNN(3), merge_mode=None)),
            f"Input({T},{D}) Bidirectional(SimpleRNN(3),merge_mode=None)",
        ),
        **bi,
        "functional": (
            functional,
            f"Input({T + 1}) Embedding({V},4) Bidirectional(LSTM(3,return_sequences=True)) "
            "GlobalAveragePooling1D() Dense(3,activation='softmax')",
        ),
        "built_without_input": (
            _built(seq(L.GRU(3), L.Dense(2))),
            f"Input({T},{D}) GRU(3) Dense(2)",
        ),
        "float64": (
            f64,
            f"Input({T},{D}) LSTM(4,return_sequences=True) GRU(3)",
        ),
    }


def _built(model: Any) -> Any:
    model.build((None, T, D))
    return model


def _input(name: str, model: Any) -> np.ndarray:
    rng = np.random.default_rng(len(name))
    if len(model.inputs[0].shape) == 2:
        ids = rng.integers(1, V, size=(3, T + 1))
        ids[0, 4:] = 0  # padding, masked when the Embedding has mask_zero
        return ids
    dtype = np.float64 if name == "float64" else np.float32
    return rng.normal(size=(3, T, D)).astype(dtype)


def _as_list(value: Any) -> list[np.ndarray]:
    items = value if isinstance(value, (list, tuple)) else [value]
    return [np.asarray(v, dtype=np.float64) for v in items]


NAMES = [
    "simple_rnn",
    "lstm",
    "gru_reset_after",
    "gru_reset_before",
    "embedding_mask",
    "stacked",
    "built_without_input",
    "bi_none",
    "bi_concat",
    "bi_sum",
    "bi_mul",
    "bi_ave",
    "functional",
    "float64",
]


def _check(model: Any, case: dict[str, Any], name: str) -> None:
    tol = F64 if name == "float64" else F32
    assert model.count_params() == case["params"]
    last = model.layers[-1]
    ours = model(case["x"])
    if name == "bi_none":  # the model returns item 0 of the list; the layer returns both
        ours = last(case["x"])
    got = _as_list(ours)
    assert len(got) == len(case["expected"])
    for a, b in zip(got, case["expected"], strict=True):
        assert a.shape == b.shape
        assert np.abs(a - b).max() <= tol, (name, np.abs(a - b).max())


def _fails(path: Path, *needles: str, spec: str | None = None) -> LoadError:
    with pytest.raises(LoadError) as info:
        load_model(path, spec=spec)
    for needle in needles:
        assert needle in str(info.value), str(info.value)
    return info.value


DENSE_CONFIG = {
    "module": "keras",
    "class_name": "Sequential",
    "config": {
        "name": "sequential",
        "layers": [
            {"class_name": "InputLayer", "config": {"batch_shape": [None, 5, 3]}},
            {"module": "keras.layers", "class_name": "Dense", "config": {"name": "d", "units": 2}},
        ],
    },
}


def _write_keras(
    path: Path,
    config: dict[str, Any] = DENSE_CONFIG,
    weights: Callable[[Any], None] | None = None,
    extra: dict[str, bytes] | None = None,
) -> Path:
    """A hand-made .keras: ``config.json`` and ``model.weights.h5`` (Dense(2) on D=3)."""
    h5_path = path.with_suffix(".h5tmp")
    with h5py.File(h5_path, "w") as f:
        if weights is None:
            f["layers/dense/vars/0"] = np.ones((3, 2), dtype=np.float32)
            f["layers/dense/vars/1"] = np.zeros(2, dtype=np.float32)
        else:
            weights(f)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("config.json", json.dumps(config))
        z.write(h5_path, "model.weights.h5")
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def _config_with(*layers: dict[str, Any]) -> dict[str, Any]:
    config = json.loads(json.dumps(DENSE_CONFIG))
    config["config"]["layers"] = [config["config"]["layers"][0], *layers]
    return config


def _tf2_layers() -> list[dict[str, Any]]:
    rnn = {"time_major": False, "implementation": 2, "dtype": "float32", "trainable": True}
    return [
        {
            "class_name": "Embedding",
            "config": {
                "name": "embedding",
                "input_dim": V,
                "output_dim": 4,
                "input_length": 7,
                "batch_input_shape": [None, 7],
                "mask_zero": False,
                "dtype": "float32",
            },
        },
        {
            "class_name": "Bidirectional",
            "config": {
                "name": "bidirectional",
                "merge_mode": "concat",
                "layer": {
                    "class_name": "LSTM",
                    "config": {"name": "lstm", "units": 3, "return_sequences": True, **rnn},
                },
            },
        },
        {"class_name": "GRU", "config": {"name": "gru", "units": 2, "reset_after": True, **rnn}},
        {"class_name": "Dense", "config": {"name": "dense", "units": 1, "activation": "sigmoid"}},
    ]


TF2_WEIGHTS = {
    "embedding": ["embedding/embeddings:0"],
    "bidirectional": [
        f"bidirectional/{half}_lstm/lstm_cell/{w}:0"
        for half in ("forward", "backward")
        for w in ("kernel", "recurrent_kernel", "bias")
    ],
    "gru": [f"gru/gru_cell/{w}:0" for w in ("kernel", "recurrent_kernel", "bias")],
    "dense": ["dense/kernel:0", "dense/bias:0"],
}


def _write_tf2(path: Path, weights: list[np.ndarray], functional: bool) -> None:
    layers = _tf2_layers()
    if functional:
        entries: list[dict[str, Any]] = [
            {
                "class_name": "InputLayer",
                "name": "input_1",
                "inbound_nodes": [],
                "config": {"name": "input_1", "batch_input_shape": [None, 7]},
            }
        ]
        below = "input_1"
        for layer in layers:
            name = layer["config"]["name"]
            entries.append({**layer, "name": name, "inbound_nodes": [[[below, 0, 0, {}]]]})
            below = name
        config = {
            "class_name": "Functional",
            "config": {
                "name": "model",
                "layers": entries,
                "input_layers": [["input_1", 0, 0]],
                "output_layers": [["dense", 0, 0]],
            },
        }
    else:
        head = {
            "class_name": "InputLayer",
            "config": {"name": "embedding_input", "batch_input_shape": [None, 7]},
        }
        config = {
            "class_name": "Sequential",
            "config": {"name": "sequential", "layers": [head, *layers]},
        }
    arrays = iter(weights)
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = b"2.15.0"
        f.attrs["backend"] = b"tensorflow"
        f.attrs["model_config"] = json.dumps(config).encode()
        group = f.create_group("model_weights")
        group.attrs["layer_names"] = [n.encode() for n in TF2_WEIGHTS]
        for layer_name, names in TF2_WEIGHTS.items():
            sub = group.create_group(layer_name)
            sub.attrs["weight_names"] = [n.encode() for n in names]
            for name in names:
                sub[name] = next(arrays)
