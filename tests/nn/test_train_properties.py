"""Training properties that need no oracle: learning, determinism, callbacks, the backward trace."""

from __future__ import annotations

import numpy as np
import pytest

from rnntui import nn
from rnntui.nn import (
    GRU,
    LSTM,
    Bidirectional,
    Callback,
    Dense,
    Dropout,
    Embedding,
    GlobalAveragePooling1D,
    LambdaCallback,
    Sequential,
    SimpleRNN,
    backward_trace,
    optimizers,
)

V, T = 6, 4


def first_token_task(n: int = 12, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Predict the first token of a sequence: the model must carry it through every step."""
    x = np.random.default_rng(seed).integers(1, V, size=(n, T))
    return x, x[:, 0].copy()


def small_model(cell=LSTM, seed: int = 0, **kwargs) -> Sequential:
    return Sequential(
        [
            Embedding(V, 5, seed=seed),
            cell(8, seed=seed + 1, **kwargs),
            Dense(V, activation="softmax", seed=seed + 2),
        ],
        input_shape=(None, T),
        seed=seed,
    )


def test_tiny_task_reaches_near_zero_loss() -> None:
    x, y = first_token_task()
    model = small_model()
    model.compile(
        optimizer=optimizers.Adam(learning_rate=0.05), loss="sparse_categorical_crossentropy"
    )
    hist = model.fit(x, y, batch_size=len(x), epochs=150)
    assert hist.history["loss"][-1] < 0.01
    assert np.array_equal(model.predict(x).argmax(-1), y)


@pytest.mark.parametrize("cell", [SimpleRNN, GRU])
def test_loss_decreases_with_dropout_shuffle_and_validation(cell) -> None:
    x, y = first_token_task(n=20)
    model = small_model(cell, dropout=0.1, recurrent_dropout=0.1)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.optimizer.learning_rate = 0.03
    hist = model.fit(x, y, batch_size=4, epochs=25, validation_split=0.2)
    losses = hist.history["loss"]
    assert len(losses) == len(hist.history["val_loss"]) == 25
    assert losses[-1] < 0.5 * losses[0]


def dropout_model(seed: int) -> Sequential:
    return Sequential(
        [
            Embedding(V, 5, seed=seed),
            GRU(8, dropout=0.2, recurrent_dropout=0.2, return_sequences=True, seed=seed + 1),
            Dropout(0.3, seed=seed + 2),
            GlobalAveragePooling1D(),
            Dense(V, activation="softmax", seed=seed + 3),
        ],
        input_shape=(None, T),
    )


def test_same_seed_same_weights() -> None:
    x, y = first_token_task(n=10)
    runs = []
    for _ in range(2):
        model = dropout_model(seed=4)
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(x, y, batch_size=3, epochs=3, shuffle=True, seed=11)
        runs.append(model.get_weights())
    for a, b in zip(*runs, strict=True):
        assert np.array_equal(a, b)
    other = dropout_model(seed=4)
    other.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    other.fit(x, y, batch_size=3, epochs=3, shuffle=True, seed=12)
    assert any(not np.array_equal(a, b) for a, b in zip(runs[0], other.get_weights(), strict=True))


def test_train_on_batch_returns_the_loss_before_the_update() -> None:
    x, y = first_token_task()
    model = small_model()
    model.compile(optimizer=optimizers.SGD(0.5), loss="sparse_categorical_crossentropy")
    before = model.evaluate(x, y, batch_size=len(x))
    assert model.train_on_batch(x, y) == pytest.approx(before, abs=1e-15)
    assert model.evaluate(x, y, batch_size=len(x)) < before


def test_callbacks_see_batches_and_can_stop() -> None:
    x, y = first_token_task(n=10)
    seen: list[tuple[str, int, dict]] = []

    class Stop(Callback):
        def on_batch_end(self, batch, logs=None):
            seen.append(("batch", batch, dict(logs or {})))

        def on_epoch_end(self, epoch, logs=None):
            seen.append(("epoch", epoch, dict(logs or {})))
            if epoch == 1:
                self.model.stop_training = True

    model = small_model()
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    hist = model.fit(x, y, batch_size=4, epochs=10, callbacks=[Stop()], shuffle=False)
    assert hist.epoch == [0, 1]
    assert [s[1] for s in seen if s[0] == "batch"] == [0, 1, 2, 0, 1, 2]
    first = [s[2] for s in seen if s[0] == "batch"][:3]
    assert [b["size"] for b in first] == [4, 4, 2]
    weighted = 4 * first[0]["batch_loss"] + 4 * first[1]["batch_loss"] + 2 * first[2]["batch_loss"]
    assert hist.history["loss"][0] == pytest.approx(weighted / 10, abs=1e-15)
    assert first[2]["loss"] == pytest.approx(hist.history["loss"][0], abs=1e-15)


def test_stop_in_the_middle_of_an_epoch() -> None:
    x, y = first_token_task(n=12)
    model = small_model()
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    calls = []

    def on_batch(batch, logs):
        calls.append(batch)
        if batch == 1:
            model.stop_training = True

    hist = model.fit(
        x, y, batch_size=2, epochs=5, callbacks=[LambdaCallback(on_batch_end=on_batch)]
    )
    assert calls == [0, 1]
    assert len(hist.history["loss"]) == 1
    assert model.optimizer.iterations == 2


def test_backward_trace_per_step_gradients() -> None:
    x, y = first_token_task(n=3)
    model = Sequential(
        [
            Embedding(V, 5, seed=0),
            Bidirectional(LSTM(4, return_sequences=True, seed=1)),
            GRU(4, seed=2),
            Dense(V, activation="softmax", seed=3),
        ],
        input_shape=(None, T),
    )
    trace = backward_trace(model, x, y, loss="sparse_categorical_crossentropy")
    emb, bi, gru, dense = trace.layers
    assert [s.position for s in gru.steps] == list(range(T))
    assert [s.position for s in bi.backward_steps] == list(range(T))[::-1]
    assert all(s.dh.shape == (3, 4) and s.dx.shape == (3, 8) and s.dc is None for s in gru.steps)
    assert all(s.dc is not None and s.dc.shape == (3, 4) for s in bi.steps)
    # the embedding rows' gradient is the scatter-add of the per-step input gradients
    d_emb_out = np.zeros((3, T, 5))
    for half in (bi.steps, bi.backward_steps):
        for s in half:
            d_emb_out[:, s.position] += s.dx
    expected = np.zeros((V, 5))
    np.add.at(expected, x.reshape(-1), d_emb_out.reshape(-1, 5))
    assert np.abs(emb.weight_grads[0] - expected).max() < 1e-15
    assert emb.d_input is None
    # the last GRU step's dh is exactly what the Dense layer sends back
    assert np.abs(gru.steps[-1].dh - dense.d_input).max() < 1e-15
    assert gru.dh_norms.shape == (T,)
    assert trace.loss == pytest.approx(
        nn.losses.get("sparse_categorical_crossentropy")(y, model(x)), abs=1e-15
    )
    assert bi.weight_names[0].startswith("forward_")


def test_vanishing_gradient_is_visible_in_the_trace() -> None:
    """A SimpleRNN with a small recurrent kernel: ||dL/dh_t|| shrinks going back in time."""
    model = Sequential([SimpleRNN(3, seed=0), Dense(1, seed=1)], input_shape=(None, 12, 2))
    k, r, b = model.layers[0].get_weights()
    model.layers[0].set_weights([k, 0.3 * r, b])
    x = np.random.default_rng(0).normal(size=(4, 12, 2))
    norms = backward_trace(model, x, np.zeros((4, 1)), loss="mse").layers[0].dh_norms
    assert np.all(np.diff(norms) > 0)
    assert norms[0] < 1e-3 * norms[-1]


def test_model_call_passes_the_mask_to_pooling() -> None:
    model = Sequential(
        [
            Embedding(V, 3, mask_zero=True, seed=0),
            SimpleRNN(4, return_sequences=True, seed=1),
            GlobalAveragePooling1D(),
        ],
        input_shape=(None, T),
    )
    x = np.array([[1, 2, 0, 0], [3, 4, 5, 1]])
    emb, rnn, _ = model.layers
    seq = rnn(emb(x), mask=x != 0)
    expected = GlobalAveragePooling1D()(seq, mask=x != 0)
    assert np.abs(model(x) - expected).max() == 0.0
    assert np.abs(model.predict(x) - expected).max() == 0.0


def test_set_weights_round_trip_and_count() -> None:
    model = small_model()
    weights = [w + 1.0 for w in model.get_weights()]
    model.set_weights(weights)
    assert all(np.array_equal(a, b) for a, b in zip(model.get_weights(), weights, strict=True))
    with pytest.raises(ValueError, match="weight arrays"):
        model.set_weights(weights[:-1])
