"""Training against real Keras 3 (torch backend) in true float64: losses and weights <= 1e-10.

Keras 3 demotes float64 to float32 on its own-op paths (reference section 9); for these tests
the promotion table is patched so float64 stays float64, and floatx and the dtype policy are
float64 so layers and the optimizer's learning-rate variable are float64 too. All are restored
after the module.
Skips without keras/torch.
"""

from __future__ import annotations

import os

import numpy as np
import pytest

from rnntui import nn
from rnntui.nn import (
    GRU,
    LSTM,
    Bidirectional,
    Dense,
    Embedding,
    GlobalAveragePooling1D,
    Sequential,
    SimpleRNN,
)
from rnntui.nn import losses as our_losses
from rnntui.nn import optimizers as our_opt

os.environ.setdefault("KERAS_BACKEND", "torch")
torch = pytest.importorskip("torch")
keras = pytest.importorskip("keras")
if keras.backend.backend() != "torch":  # pragma: no cover
    pytest.skip("these oracle tests use the torch backend", allow_module_level=True)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")

TOL = 1e-10
V, T, E, U, D = 9, 5, 4, 3, 2
KERAS_RNN = {SimpleRNN: "SimpleRNN", LSTM: "LSTM", GRU: "GRU"}


@pytest.fixture(scope="module", autouse=True)
def keras_float64():
    from keras.src.backend.common import dtypes

    floatx, policy = keras.config.floatx(), keras.config.dtype_policy()
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(dtypes.BIT64_TO_BIT32_DTYPE, "float64", "float64")
        keras.config.set_floatx("float64")
        keras.config.set_dtype_policy("float64")  # a policy made earlier would keep float32
        yield
        keras.config.set_floatx(floatx)
        keras.config.set_dtype_policy(policy)


def to_keras(layer):
    """The Keras layer with the same configuration as one of ours."""
    if isinstance(layer, Embedding):
        return keras.layers.Embedding(layer.input_dim, layer.output_dim, mask_zero=layer.mask_zero)
    if isinstance(layer, Bidirectional):
        return keras.layers.Bidirectional(to_keras(layer.layer), merge_mode=layer.merge_mode)
    if isinstance(layer, Dense):
        return keras.layers.Dense(layer.units, activation=layer.activation)
    if isinstance(layer, GlobalAveragePooling1D):
        return keras.layers.GlobalAveragePooling1D()
    extra = {"reset_after": layer.reset_after} if isinstance(layer, GRU) else {}
    return getattr(keras.layers, KERAS_RNN[type(layer)])(
        layer.units,
        return_sequences=layer.return_sequences,
        dropout=layer.dropout,
        recurrent_dropout=layer.recurrent_dropout,
        **extra,
    )


def twins(layers, input_shape):
    ours = Sequential(layers, input_shape=(None, *input_shape))
    theirs = keras.Sequential([keras.Input(input_shape), *(to_keras(lay) for lay in layers)])
    rng = np.random.default_rng(3)
    weights = [rng.normal(scale=0.5, size=w.shape) for w in ours.get_weights()]
    ours.set_weights(weights)
    theirs.set_weights(weights)
    return ours, theirs


def same_weights(ours, theirs) -> float:
    worst = max(
        float(np.abs(a - b).max())
        for a, b in zip(ours.get_weights(), theirs.get_weights(), strict=True)
    )
    assert worst <= TOL, worst
    return worst


def token_data(rng, n=6, seq_labels=False):
    x = rng.integers(1, V, size=(n, T))
    x[1, 3:] = 0
    x[4, 2:] = 0
    y = rng.integers(0, V, size=(n, T) if seq_labels else n)
    return x, y


OPTIMIZERS = {
    "sgd": (lambda: our_opt.SGD(0.1), lambda: keras.optimizers.SGD(0.1)),
    "momentum": (
        lambda: our_opt.SGD(0.1, momentum=0.9),
        lambda: keras.optimizers.SGD(0.1, momentum=0.9),
    ),
    "nesterov": (
        lambda: our_opt.SGD(0.05, momentum=0.8, nesterov=True),
        lambda: keras.optimizers.SGD(0.05, momentum=0.8, nesterov=True),
    ),
    "adam": (lambda: our_opt.Adam(0.02), lambda: keras.optimizers.Adam(0.02)),
    "adam_clipnorm": (
        lambda: our_opt.Adam(0.02, clipnorm=0.1),
        lambda: keras.optimizers.Adam(0.02, clipnorm=0.1),
    ),
    "sgd_global_clipnorm": (
        lambda: our_opt.SGD(0.3, momentum=0.5, global_clipnorm=0.2),
        lambda: keras.optimizers.SGD(0.3, momentum=0.5, global_clipnorm=0.2),
    ),
    "rmsprop": (lambda: our_opt.RMSprop(0.01), lambda: keras.optimizers.RMSprop(0.01)),
}


def run_steps(ours, theirs, opt, loss, x, y, steps=3) -> None:
    ours_opt, theirs_opt = OPTIMIZERS[opt]
    ours.compile(optimizer=ours_opt(), loss=loss)
    keras_loss = loss if isinstance(loss, str) else loss.keras()
    theirs.compile(optimizer=theirs_opt(), loss=keras_loss)
    for _ in range(steps):
        a = ours.train_on_batch(x, y)
        b = float(theirs.train_on_batch(x, y))
        assert abs(a - b) <= TOL, (a, b)
        same_weights(ours, theirs)


LAST_STEP = [(LSTM, opt) for opt in OPTIMIZERS] + [
    (cls, opt) for cls in (SimpleRNN, GRU) for opt in ("momentum", "adam_clipnorm")
]


@pytest.mark.parametrize(("cls", "opt"), LAST_STEP)
def test_last_step_sparse_ce(cls, opt, rng) -> None:
    ours, theirs = twins(
        [Embedding(V, E, mask_zero=True), cls(U), Dense(V, activation="softmax")], (T,)
    )
    x, y = token_data(rng)
    run_steps(ours, theirs, opt, "sparse_categorical_crossentropy", x, y)


@pytest.mark.parametrize("opt", ["sgd", "adam", "adam_clipnorm"])
@pytest.mark.parametrize("cls", [SimpleRNN, LSTM, GRU])
def test_per_step_sparse_ce_with_mask(cls, opt, rng) -> None:
    ours, theirs = twins(
        [
            Embedding(V, E, mask_zero=True),
            cls(U, return_sequences=True),
            Dense(V, activation="softmax"),
        ],
        (T,),
    )
    x, y = token_data(rng, seq_labels=True)
    run_steps(ours, theirs, opt, "sparse_categorical_crossentropy", x, y)


def test_bidirectional_stack_global_clipnorm(rng) -> None:
    ours, theirs = twins(
        [
            Embedding(V, E, mask_zero=True),
            Bidirectional(LSTM(U, return_sequences=True)),
            GRU(U, reset_after=False),
            Dense(V, activation="softmax"),
        ],
        (T,),
    )
    x, y = token_data(rng)
    run_steps(ours, theirs, "sgd_global_clipnorm", "sparse_categorical_crossentropy", x, y)


@pytest.mark.parametrize("opt", ["momentum", "adam"])
def test_mse_regression(opt, rng) -> None:
    ours, theirs = twins([GRU(U, return_sequences=True), Dense(2)], (T, D))
    x = rng.normal(size=(5, T, D))
    y = rng.normal(size=(5, T, 2))
    run_steps(ours, theirs, opt, "mse", x, y)


class FromLogits(our_losses.SparseCategoricalCrossentropy):
    """Our loss object, and the matching Keras object for the twin."""

    def __init__(self) -> None:
        super().__init__(from_logits=True)

    def keras(self):
        return keras.losses.SparseCategoricalCrossentropy(from_logits=True)


@pytest.mark.parametrize(
    ("loss", "activation"),
    [("categorical_crossentropy", "softmax"), ("binary_crossentropy", "sigmoid")],
)
def test_other_losses(loss, activation, rng) -> None:
    ours, theirs = twins([LSTM(U), Dense(4, activation=activation)], (T, D))
    x = rng.normal(size=(6, T, D))
    if loss == "categorical_crossentropy":
        y = np.eye(4)[rng.integers(0, 4, size=6)]
    else:
        y = rng.integers(0, 2, size=(6, 4)).astype(np.float64)
    run_steps(ours, theirs, "adam", loss, x, y)


def test_masked_average_pooling_binary_ce(rng) -> None:
    """mask_zero reaches GlobalAveragePooling1D: padded steps are left out of the mean."""
    ours, theirs = twins(
        [
            Embedding(V, E, mask_zero=True),
            SimpleRNN(U, return_sequences=True),
            GlobalAveragePooling1D(),
            Dense(1, activation="sigmoid"),
        ],
        (T,),
    )
    x, _ = token_data(rng)
    y = rng.integers(0, 2, size=(len(x), 1)).astype(np.float64)
    run_steps(ours, theirs, "adam", "binary_crossentropy", x, y)


@pytest.mark.parametrize(("cls", "recurrent_dropout"), [(LSTM, 0.0), (LSTM, 0.3), (GRU, 0.3)])
def test_dropout_training_with_the_same_masks(cls, recurrent_dropout, rng, monkeypatch) -> None:
    """dropout / recurrent_dropout in train_on_batch: both sides use one fixed set of masks."""
    kwargs = {"dropout": 0.25, "recurrent_dropout": recurrent_dropout}
    layer = cls(U, seed=1, **kwargs)
    ours, theirs = twins([Embedding(V, E), layer, Dense(V, activation="softmax")], (T,))
    keras_layer = theirs.layers[1]
    x, y = token_data(rng)
    masks = layer.trace(np.zeros((len(x), T, E)), training=True).masks

    def as_keras(arrays):
        tensors = [torch.from_numpy(a) for a in arrays]
        return None if not tensors else (tensors if len(tensors) > 1 else tensors[0])

    keras_layer.cell.get_dropout_mask = lambda _step: as_keras(masks.input)
    keras_layer.cell.get_recurrent_dropout_mask = lambda _step: as_keras(masks.recurrent)
    monkeypatch.setattr(layer, "_resolve_masks", lambda training, given, batch: masks)
    run_steps(ours, theirs, "adam", "sparse_categorical_crossentropy", x, y)


def test_from_logits_loss_object(rng) -> None:
    ours, theirs = twins([Embedding(V, E), LSTM(U), Dense(V)], (T,))
    x, y = token_data(rng)
    run_steps(ours, theirs, "adam", FromLogits(), x, y)


def test_fit_history_validation_evaluate_predict(rng) -> None:
    """fit without shuffling: batches 5, 5, 2 (weighted mean), the last quarter held out."""
    ours, theirs = twins(
        [Embedding(V, E, mask_zero=True), LSTM(U), Dense(V, activation="softmax")], (T,)
    )
    x, y = token_data(rng, n=16)
    ours.compile(optimizer=our_opt.Adam(0.05), loss="sparse_categorical_crossentropy")
    theirs.compile(optimizer=keras.optimizers.Adam(0.05), loss="sparse_categorical_crossentropy")
    kwargs = {"batch_size": 5, "epochs": 3, "shuffle": False, "validation_split": 0.25}
    ours_hist = ours.fit(x, y, **kwargs)
    theirs_hist = theirs.fit(x, y, verbose=0, **kwargs)
    for key in ("loss", "val_loss"):
        assert np.abs(np.array(ours_hist.history[key]) - theirs_hist.history[key]).max() <= TOL
    same_weights(ours, theirs)
    assert (
        abs(ours.evaluate(x, y, batch_size=4) - theirs.evaluate(x, y, batch_size=4, verbose=0))
        <= TOL
    )
    assert np.abs(ours.predict(x) - theirs.predict(x, verbose=0)).max() <= TOL


def test_validation_data_matches_keras(rng) -> None:
    ours, theirs = twins([SimpleRNN(U), Dense(1)], (T, D))
    x, y = rng.normal(size=(7, T, D)), rng.normal(size=(7, 1))
    vx, vy = rng.normal(size=(3, T, D)), rng.normal(size=(3, 1))
    ours.compile(optimizer="sgd", loss="mse")
    theirs.compile(optimizer="sgd", loss="mse")
    a = ours.fit(x, y, batch_size=3, epochs=2, shuffle=False, validation_data=(vx, vy))
    b = theirs.fit(x, y, batch_size=3, epochs=2, shuffle=False, validation_data=(vx, vy), verbose=0)
    assert np.abs(np.array(a.history["val_loss"]) - b.history["val_loss"]).max() <= TOL
    same_weights(ours, theirs)


def test_string_optimizers_use_keras_defaults() -> None:
    for name in ("sgd", "adam", "rmsprop"):
        ours = our_opt.get(name)
        theirs = keras.optimizers.get(name)
        assert ours.learning_rate == pytest.approx(float(theirs.learning_rate))
    assert nn.optimizers.get("adam").epsilon == keras.optimizers.Adam().epsilon
