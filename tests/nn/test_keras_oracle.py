"""The engine against real Keras 3 (torch backend) for the same weights.

Keras 3 demotes float64 to float32 on its own-op paths (SimpleRNN, GRU reset_after=False,
recurrent_dropout > 0, masking): those are compared at 2e-6, the pure float64 paths (LSTM and
GRU reset_after=True through the torch backend's loop) at 1e-12. Skips without keras/torch.
"""

from __future__ import annotations

import os
import re

import numpy as np
import pytest

from rnntui.nn import GRU, LSTM, Bidirectional, DropoutMasks, SimpleRNN
from rnntui.nn.spec import SpecError, parse_spec

os.environ.setdefault("KERAS_BACKEND", "torch")
torch = pytest.importorskip("torch")
keras = pytest.importorskip("keras")
if keras.backend.backend() != "torch":  # pragma: no cover
    pytest.skip("these oracle tests use the torch backend", allow_module_level=True)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

F64, F32 = 1e-12, 2e-6
B, T, D, U = 2, 6, 3, 4
KERAS = {SimpleRNN: keras.layers.SimpleRNN, LSTM: keras.layers.LSTM, GRU: keras.layers.GRU}


def numpy(value):
    if isinstance(value, (list, tuple)):
        return [numpy(v) for v in value]
    return keras.ops.convert_to_numpy(value)


def twin(cls, rng, randomize, **kwargs):
    """Our layer with random weights and the Keras layer with the same weights."""
    ours = cls(U, seed=0, **kwargs)
    ours.build((None, T, D))
    randomize(ours, rng)
    theirs = KERAS[cls](U, dtype="float64", **kwargs)
    theirs.build((None, T, D))
    theirs.set_weights(ours.get_weights())
    return ours, theirs


def close(a, b, tol: float) -> None:
    a_list = a if isinstance(a, list) else [a]
    b_list = b if isinstance(b, list) else [b]
    assert len(a_list) == len(b_list)
    for x, y in zip(a_list, b_list, strict=True):
        assert np.shape(x) == np.shape(y)
        assert np.abs(np.asarray(x) - np.asarray(y)).max() <= tol


@pytest.mark.parametrize(
    ("cls", "kwargs", "tol"),
    [
        (SimpleRNN, {}, F32),
        (LSTM, {}, F64),
        (GRU, {}, F64),
        (GRU, {"reset_after": False}, F32),
        (LSTM, {"go_backwards": True}, F64),
        (GRU, {"go_backwards": True}, F64),
        (SimpleRNN, {"go_backwards": True}, F32),
    ],
)
def test_forward_matches_keras(cls, kwargs, tol, rng, randomize) -> None:
    kwargs = {"return_sequences": True, "return_state": True, **kwargs}
    ours, theirs = twin(cls, rng, randomize, **kwargs)
    x = rng.normal(size=(B, T, D))
    close(ours(x), numpy(theirs(x)), tol)


@pytest.mark.parametrize("merge_mode", ["concat", "sum", "mul", "ave", None])
def test_bidirectional_matches_keras(merge_mode, rng, randomize) -> None:
    ours = Bidirectional(LSTM(U, return_sequences=True, return_state=True), merge_mode)
    ours.build((None, T, D))
    randomize(ours.forward_layer, rng)
    randomize(ours.backward_layer, rng)
    inner = keras.layers.LSTM(U, return_sequences=True, return_state=True, dtype="float64")
    theirs = keras.layers.Bidirectional(inner, merge_mode=merge_mode, dtype="float64")
    theirs.build((None, T, D))
    theirs.set_weights(ours.get_weights())
    x = rng.normal(size=(B, T, D))
    close(ours(x), numpy(theirs(x)), F32)


def test_masking_matches_keras(rng, randomize) -> None:
    ours, theirs = twin(GRU, rng, randomize, return_sequences=True, return_state=True)
    x = rng.normal(size=(B, T, D))
    mask = np.array([[True, False, True, True, False, True], [True] * 3 + [False] * 3])
    close(ours(x, mask=mask), numpy(theirs(x, mask=torch.from_numpy(mask))), F32)


@pytest.mark.parametrize(
    ("cls", "dropout", "recurrent_dropout"),
    [(LSTM, 0.3, 0.0), (LSTM, 0.3, 0.4), (GRU, 0.0, 0.4), (GRU, 0.3, 0.4), (SimpleRNN, 0.3, 0.4)],
)
def test_injected_dropout_masks_match_keras(
    cls, dropout, recurrent_dropout, rng, randomize
) -> None:
    kwargs = {"return_sequences": True, "dropout": dropout, "recurrent_dropout": recurrent_dropout}
    ours, theirs = twin(cls, rng, randomize, **kwargs)
    x = rng.normal(size=(B, T, D))
    masks = ours.trace(x, training=True).masks
    assert masks is not None

    def as_keras(arrays):
        tensors = [torch.from_numpy(a) for a in arrays]
        if not tensors:
            return None
        return tensors if len(tensors) > 1 else tensors[0]

    theirs.cell.get_dropout_mask = lambda _step: as_keras(masks.input)
    theirs.cell.get_recurrent_dropout_mask = lambda _step: as_keras(masks.recurrent)
    expected = numpy(theirs(x, training=True))
    tol = F64 if recurrent_dropout == 0 and cls is not SimpleRNN else F32
    close(
        ours(x, training=True, dropout_masks=DropoutMasks(masks.input, masks.recurrent)),
        expected,
        tol,
    )


def test_summary_matches_keras() -> None:
    spec = (
        "Input(20) Embedding(1000,16) Bidirectional(LSTM(16,return_sequences=True)) "
        "GRU(32) Dense(1)"
    )
    ours = parse_spec(spec, draw_weights=False).summary()
    model = keras.Sequential(
        [
            keras.Input((20,)),
            keras.layers.Embedding(1000, 16),
            keras.layers.Bidirectional(keras.layers.LSTM(16, return_sequences=True)),
            keras.layers.GRU(32),
            keras.layers.Dense(1),
        ]
    )
    assert [r.params for r in ours.rows] == [layer.count_params() for layer in model.layers]
    assert [r.output_shape for r in ours.rows] == [
        tuple(layer.output.shape) for layer in model.layers
    ]
    assert ours.total_params == model.count_params() == 26593


def test_stacking_error_text_matches_keras() -> None:
    with pytest.raises(ValueError) as keras_error:
        keras.Sequential([keras.Input((10, 3)), keras.layers.LSTM(8), keras.layers.LSTM(4)])
    with pytest.raises(SpecError) as our_error:
        parse_spec("Input(10,3) LSTM(8) LSTM(4)")
    keras_text = re.search(
        r"Input 0 with name.*?Full shape received: \(None, 8\)", str(keras_error.value)
    ).group(0)
    ours = str(our_error.value).splitlines()[0]
    name = re.compile(r"of layer '[a-z_0-9]+'")
    assert name.sub("of layer 'X'", ours) == name.sub("of layer 'X'", keras_text)
