"""Shapes and parameter counts from the reference tables (Keras' model.summary())."""

from __future__ import annotations

import numpy as np
import pytest

from rnntui.nn import GRU, LSTM, Bidirectional, Dense, Embedding, SimpleRNN
from rnntui.nn.spec import SpecError, parse_spec


@pytest.mark.parametrize(
    ("layer", "d", "params"),
    [
        (LSTM(32), 10, 5504),
        (GRU(32), 10, 4224),
        (GRU(32, reset_after=False), 10, 4128),
        (SimpleRNN(32), 10, 1376),
        (Bidirectional(LSTM(16)), 10, 3456),
        (Bidirectional(LSTM(32)), 10, 11008),
        (Dense(32), 10, 352),
        (LSTM(1), 1, 12),
        (GRU(1), 1, 12),
        (SimpleRNN(1), 1, 3),
        (LSTM(8, use_bias=False), 3, 4 * 8 * (3 + 8)),
    ],
)
def test_param_counts(layer, d: int, params: int) -> None:
    layer.build((None, 5, d))
    assert layer.count_params() == params


def test_embedding_params() -> None:
    e = Embedding(1000, 16)
    e.build((None, 20))
    assert e.count_params() == 16000
    assert e.compute_output_shape((None, 20)) == (None, 20, 16)


@pytest.mark.parametrize(
    ("layer", "shape"),
    [
        (LSTM(4), (None, 4)),
        (LSTM(4, return_sequences=True), (None, 7, 4)),
        (LSTM(4, return_state=True), [(None, 4), (None, 4), (None, 4)]),
        (LSTM(4, return_sequences=True, return_state=True), [(None, 7, 4), (None, 4), (None, 4)]),
        (GRU(4, return_sequences=True, return_state=True), [(None, 7, 4), (None, 4)]),
        (Bidirectional(LSTM(4)), (None, 8)),
        (Bidirectional(LSTM(4, return_sequences=True)), (None, 7, 8)),
        (Bidirectional(LSTM(4, return_sequences=True), merge_mode="sum"), (None, 7, 4)),
        (Bidirectional(LSTM(4), merge_mode=None), [(None, 4), (None, 4)]),
        (Bidirectional(LSTM(4, return_state=True)), [(None, 8)] + [(None, 4)] * 4),
    ],
)
def test_output_shapes_and_real_outputs_agree(layer, shape) -> None:
    assert layer.compute_output_shape((None, 7, 5)) == shape
    out = layer(np.zeros((2, 7, 5)))
    actual = [o.shape for o in out] if isinstance(out, list) else out.shape
    expected = [(2, *s[1:]) for s in shape] if isinstance(shape, list) else (2, *shape[1:])
    assert actual == expected


def test_whole_model_summary() -> None:
    model = parse_spec(
        "Input(20) Embedding(1000,16,mask_zero=True) "
        "Bidirectional(LSTM(16, return_sequences=True)) GRU(32) Dense(1)"
    )
    s = model.summary()
    assert [r.params for r in s.rows] == [16000, 4224, 6336, 33]
    assert s.total_params == 26593
    assert [r.shape_text for r in s.rows] == [
        "(None, 20, 16)",
        "(None, 20, 32)",
        "(None, 32)",
        "(None, 1)",
    ]
    assert [r.name for r in s.rows] == ["embedding", "bidirectional", "gru", "dense"]


def test_stacking_on_2d_output_gives_keras_error() -> None:
    with pytest.raises(SpecError) as err:
        parse_spec("Input(10,3) LSTM(8) LSTM(4)")
    assert str(err.value).splitlines()[0] == (
        "Input 0 with name 'None' of layer 'lstm_1' is incompatible with the layer: "
        "expected ndim=3, found ndim=2. Full shape received: (None, 8)"
    )
    assert "return_sequences=True" in str(err.value).splitlines()[1]


def test_invalid_merge_mode() -> None:
    with pytest.raises(ValueError, match=r"Invalid merge mode\. Received: max"):
        Bidirectional(LSTM(4), merge_mode="max")


@pytest.mark.parametrize(
    "spec",
    [
        "",
        "LSTM(3)",
        "Input(5,3) Foo(3)",
        "Input(5,3) LSTM(",
        "Input(5,3) LSTM(x)",
        "Input(5,3) __import__('os').system('true')",
        "Input(0) LSTM(3)",
        "Input(5,3) LSTM(-1)",
        "Input(5,3) LSTM(4, dropout=1.5)",
        "Input(5,3) LSTM(4, bogus=1)",
        "Input(5,3)",
    ],
)
def test_bad_specs_raise_spec_error(spec: str) -> None:
    with pytest.raises(SpecError):
        parse_spec(spec)
