"""``rnntui.nn.load_model``: files saved by real Keras 3 (torch backend) load into the engine
with equal outputs and parameter counts; hostile or broken files get a clear ``LoadError``.

Keras' own models are float32: the engine computes in float64 from those float32 weights, so
outputs are compared at 1e-5. A float64 model on Keras' float64 paths (LSTM, GRU reset_after)
is compared at 1e-12. Files made by hand (h5py, zipfile) need no Keras.
"""

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


# -- bad files ------------------------------------------------------------------------------
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


def test_a_hand_made_file_loads(tmp_path: Path) -> None:
    model = load_model(_write_keras(tmp_path / "ok.keras"))
    assert model.summary().total_params == 8 and model.source_dtype == "float32"
    np.testing.assert_array_equal(model(np.ones((1, 5, 3))), np.full((1, 5, 2), 3.0))


def test_zip_slip_member_is_refused(tmp_path: Path) -> None:
    path = _write_keras(tmp_path / "slip.keras", extra={"../../evil.txt": b"x"})
    _fails(path, "outside the archive", "../../evil.txt")
    absolute = _write_keras(tmp_path / "abs.keras", extra={"/etc/evil": b"x"})
    _fails(absolute, "outside the archive")


def test_truncated_and_non_zip_files(tmp_path: Path) -> None:
    good = _write_keras(tmp_path / "good.keras").read_bytes()
    cut = tmp_path / "cut.keras"
    cut.write_bytes(good[: len(good) // 2])
    _fails(cut, "cut.keras", "truncated")
    text = tmp_path / "text.keras"
    text.write_text("hello", encoding="utf-8")
    _fails(text, "not a zip archive")
    other = tmp_path / "model.bin"
    other.write_bytes(b"\x00" * 64)
    _fails(other, "neither a .keras zip nor an HDF5")
    _fails(tmp_path / "missing.keras", "is not a file")


def test_truncated_h5(tmp_path: Path) -> None:
    path = tmp_path / "w.weights.h5"
    with h5py.File(path, "w") as f:
        f["layers/dense/vars/0"] = np.ones((3, 2))
        f["layers/dense/vars/1"] = np.ones(2)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    _fails(path, "not a readable HDF5 file", spec="Input(5,3) Dense(2)")


def test_oversized_dataset_is_refused_before_reading(tmp_path: Path) -> None:
    def huge(f: Any) -> None:
        f.create_dataset(
            "layers/dense/vars/0", shape=(100_000, 100_000), dtype="f4", chunks=(100, 100)
        )
        f["layers/dense/vars/1"] = np.zeros(2, dtype=np.float32)

    path = _write_keras(tmp_path / "huge.keras", weights=huge)
    assert path.stat().st_size < 100_000
    _fails(path, "(100000, 100000)", "more than the 20,000,000 values")


def test_missing_dataset_and_wrong_shape(tmp_path: Path) -> None:
    def missing(f: Any) -> None:
        f["layers/dense/vars/0"] = np.ones((3, 2), dtype=np.float32)

    _fails(_write_keras(tmp_path / "m.keras", weights=missing), "missing the dataset", "bias")

    def wrong(f: Any) -> None:
        f["layers/dense/vars/0"] = np.ones((4, 2), dtype=np.float32)
        f["layers/dense/vars/1"] = np.zeros(2, dtype=np.float32)

    _fails(_write_keras(tmp_path / "w.keras", weights=wrong), "(4, 2)", "needs (3, 2)")


def test_links_to_other_files_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.h5"
    with h5py.File(secret, "w") as f:
        f["k"] = np.ones((3, 2))

    def linked(f: Any) -> None:
        f["layers/dense/vars/0"] = h5py.ExternalLink(str(secret), "k")
        f["layers/dense/vars/1"] = np.zeros(2)

    _fails(_write_keras(tmp_path / "l.keras", weights=linked), "link to elsewhere")


def _config_with(*layers: dict[str, Any]) -> dict[str, Any]:
    config = json.loads(json.dumps(DENSE_CONFIG))
    config["config"]["layers"] = [config["config"]["layers"][0], *layers]
    return config


def test_unknown_custom_and_spoofed_layers(tmp_path: Path) -> None:
    lstm = {"class_name": "LSTM", "config": {"name": "l", "units": 2, "return_sequences": True}}
    conv = {"class_name": "Conv1D", "config": {"name": "conv", "filters": 4}}
    err = _fails(
        _write_keras(tmp_path / "c.keras", _config_with(lstm, conv)),
        "'conv' (Conv1D) is not supported",
        "Embedding, SimpleRNN, LSTM, GRU",
    )
    assert err.partial is not None and [r.name for r in err.partial.rows] == ["l"]
    assert err.partial.total_params == 4 * 2 * (3 + 2 + 1)
    custom = {
        "module": None,
        "class_name": "Scale",
        "registered_name": "mine>Scale",
        "config": {"name": "scale"},
    }
    _fails(_write_keras(tmp_path / "s.keras", _config_with(custom)), "'scale' (Scale)", "custom")
    spoof = {"module": "evil.payload", "class_name": "LSTM", "config": {"name": "x", "units": 2}}
    _fails(_write_keras(tmp_path / "e.keras", _config_with(spoof)), "'evil.payload'", "not from")
    bad_act = {"class_name": "Dense", "config": {"name": "d", "units": 2, "activation": "gelu"}}
    _fails(_write_keras(tmp_path / "a.keras", _config_with(bad_act)), "'gelu'", "known:")


def test_huge_declared_model_is_refused(tmp_path: Path) -> None:
    lstm = {"class_name": "LSTM", "config": {"name": "big", "units": 100_000}}
    err = _fails(
        _write_keras(tmp_path / "big.keras", _config_with(lstm)),
        "40,001,600,000 parameters, more than the 20,000,000",
    )
    assert err.partial is not None and err.partial.rows[0].name == "big"
    config = _config_with()
    config["config"]["layers"] = [{"class_name": "Dense", "config": {"units": 2}}] * 2000
    _fails(_write_keras(tmp_path / "many.keras", config), "more than the 1,000")
    path = tmp_path / "deep.keras"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("config.json", '{"a":' * 100_000 + "1" + "}" * 100_000)
    _fails(path, "deep.keras", "nested too deeply")


def test_npz_refuses_pickles_and_counts(tmp_path: Path) -> None:
    spec = "Input(5,3) Dense(2)"
    pickled = tmp_path / "p.npz"
    np.savez(pickled, np.array([{"a": 1}, None], dtype=object), np.zeros(2))
    _fails(pickled, "'arr_0' is object", spec=spec)
    short = tmp_path / "s.npz"
    np.savez(short, np.zeros((3, 2)))
    _fails(short, "holds 1 arrays", "2 weight arrays", spec=spec)
    _fails(short, "give the model with --spec")
    _fails(short, "--spec:", "Unknown layer", spec="Input(5,3) Dens(2)")


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


# -- a tf.keras 2 legacy .h5 (written by hand in its layout; Keras 3 computes the outputs) --
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


def test_messages_stay_short_and_printable(tmp_path: Path) -> None:
    """A hostile value (a megabyte, escape codes) is cut and cleaned in the message."""
    units = "\x1b[2J" + "x" * 1_000_000
    lstm = {"class_name": "LSTM", "config": {"name": "\x1b]0;t\x07l" + "n" * 500, "units": units}}
    err = _fails(_write_keras(tmp_path / "u.keras", _config_with(lstm)), "units must be")
    assert len(str(err)) < 500 and "\x1b" not in str(err) and "\x07" not in str(err)


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


def test_importing_rnntui_does_not_import_h5py() -> None:
    import subprocess
    import sys

    code = "import sys, rnntui.nn, rnntui.cli; print('h5py' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_archive_and_file_size_limits_are_stated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rnntui.nn.loading as loading
    from rnntui.nn.loading import archive

    path = _write_keras(tmp_path / "big.keras", extra={"assets/blob": b"\0" * 3 * 1024 * 1024})
    assert path.stat().st_size < 1024 * 1024  # zeros compress: the declared size counts
    monkeypatch.setattr(archive, "MAX_FILE_BYTES", 2 * 1024 * 1024)
    _fails(path, "'assets/blob' is 3,145,728 bytes uncompressed", "more than the 2 MB")
    monkeypatch.setattr(loading, "MAX_FILE_BYTES", 1024)
    _fails(path, "big.keras is", "more than the 1,024 bytes rnntui reads")
