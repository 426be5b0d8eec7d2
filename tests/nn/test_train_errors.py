"""Bad training input gets a ValueError that says what to change."""

from __future__ import annotations

import numpy as np
import pytest

from rnntui.nn import LSTM, Dense, Embedding, Sequential, losses, optimizers

V, T = 5, 3


def model(compiled: bool = True, return_sequences: bool = False) -> Sequential:
    m = Sequential(
        [
            Embedding(V, 2, seed=0),
            LSTM(3, return_sequences=return_sequences, seed=1),
            Dense(V, activation="softmax", seed=2),
        ],
        input_shape=(None, T),
    )
    if compiled:
        m.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return m


X = np.array([[1, 2, 3], [4, 1, 2]])


@pytest.mark.parametrize("method", ["fit", "train_on_batch", "evaluate"])
def test_training_before_compile(method) -> None:
    with pytest.raises(ValueError, match=rf"You must call compile\(.*\) before {method}\(\)"):
        getattr(model(compiled=False), method)(X, np.array([0, 1]))


def test_labels_out_of_range() -> None:
    with pytest.raises(ValueError, match=r"labels must be in 0..4 .*got min 0, max 7"):
        model().train_on_batch(X, np.array([0, 7]))
    with pytest.raises(ValueError, match="labels must be in"):
        model().fit(X, np.array([-1, 2]))


def test_label_shape_that_does_not_match_the_output() -> None:
    with pytest.raises(ValueError, match=r"labels need shape \(2,\).*return_sequences=True"):
        model().train_on_batch(X, np.zeros((2, T), dtype=int))
    with pytest.raises(ValueError, match=r"labels need shape \(2, 3\)"):
        model(return_sequences=True).train_on_batch(X, np.array([0, 1]))
    m = model()
    m.compile(optimizer="sgd", loss="mse")
    with pytest.raises(ValueError, match="they must be equal"):
        m.train_on_batch(X, np.zeros((2, 1)))


def test_fractional_labels_for_sparse_ce() -> None:
    with pytest.raises(ValueError, match="whole class ids"):
        model().train_on_batch(X, np.array([0.5, 1.0]))


def test_nan_in_the_data() -> None:
    m = Sequential([LSTM(2, seed=0), Dense(1, seed=1)], input_shape=(None, T, 1))
    m.compile(optimizer="sgd", loss="mse")
    x = np.ones((2, T, 1))
    with pytest.raises(ValueError, match="y contains NaN"):
        m.fit(x, np.array([[1.0], [np.nan]]))
    x[0, 1, 0] = np.nan
    with pytest.raises(ValueError, match="x contains NaN"):
        m.train_on_batch(x, np.ones((2, 1)))
    with pytest.raises(ValueError, match="x contains NaN"):
        m.predict(x)


def test_sample_counts_must_match() -> None:
    with pytest.raises(ValueError, match="same number of samples"):
        model().fit(X, np.array([0, 1, 2]))


def test_unknown_names() -> None:
    m = model(compiled=False)
    with pytest.raises(ValueError, match=r"Unknown loss 'cross_entropy'\. Use one of: .*mse"):
        m.compile(optimizer="adam", loss="cross_entropy")
    with pytest.raises(ValueError, match=r"Unknown optimizer 'adamw'\. Use one of: adam"):
        m.compile(optimizer="adamw", loss="mse")
    with pytest.raises(ValueError, match="needs a loss"):
        m.compile(optimizer="adam")


def test_bad_fit_arguments() -> None:
    m = model()
    y = np.array([0, 1])
    with pytest.raises(ValueError, match="batch_size"):
        m.fit(X, y, batch_size=0)
    with pytest.raises(ValueError, match="epochs"):
        m.fit(X, y, epochs=1.5)
    with pytest.raises(ValueError, match="validation_split must be between 0 and 1"):
        m.fit(X, y, validation_split=1.5)
    with pytest.raises(ValueError, match="leaves no samples"):
        m.fit(X, y, validation_split=0.6)


def test_optimizer_arguments() -> None:
    with pytest.raises(ValueError, match="Only one of `clipnorm` and `global_clipnorm`"):
        optimizers.Adam(clipnorm=1.0, global_clipnorm=1.0)
    with pytest.raises(ValueError, match="learning_rate must be a positive number"):
        optimizers.SGD(learning_rate=-1.0)
    with pytest.raises(ValueError, match="momentum"):
        optimizers.SGD(momentum=2.0)


def test_loss_mask_shape() -> None:
    with pytest.raises(ValueError, match="loss mask must have shape"):
        losses.MeanSquaredError()(np.zeros((2, 3, 1)), np.zeros((2, 3, 1)), mask=np.ones((2, 2)))


def test_forced_gates_have_no_backward() -> None:
    from rnntui.nn import GateForce
    from rnntui.nn.tape import RecurrentTape

    layer = LSTM(2, seed=0)
    with pytest.raises(ValueError, match="no backward pass"):
        layer._run(
            np.ones((1, 2, 1)),
            False,
            None,
            None,
            None,
            {"f": GateForce("value", 1.0)},
            False,
            RecurrentTape(),
        )
