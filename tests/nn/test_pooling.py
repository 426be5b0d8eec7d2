"""GlobalAveragePooling1D as Keras 3: mean over time, masks, keepdims, data_format, 0 params."""

from __future__ import annotations

import numpy as np
import pytest

from rnntui.nn import LSTM, Embedding, GlobalAveragePooling1D
from rnntui.nn.spec import SpecError, parse_spec


def test_mean_over_time_by_hand() -> None:
    x = np.array([[[1.0, 2.0], [3.0, 4.0], [5.0, 9.0]]])
    out = GlobalAveragePooling1D()(x)
    assert out.shape == (1, 2)
    np.testing.assert_array_equal(out, [[3.0, 5.0]])


def test_order_free(rng: np.random.Generator) -> None:
    x = rng.normal(size=(2, 7, 5))
    pool = GlobalAveragePooling1D()
    perm = rng.permutation(7)
    np.testing.assert_allclose(pool(x[:, perm]), pool(x), rtol=0, atol=1e-15)
    np.testing.assert_allclose(pool(x[:, ::-1]), pool(x), rtol=0, atol=1e-15)


def test_mask_counts_only_kept_steps() -> None:
    x = np.array([[[1.0], [3.0], [100.0]], [[2.0], [4.0], [6.0]]])
    mask = np.array([[True, True, False], [True, True, True]])
    out = GlobalAveragePooling1D()(x, mask=mask)
    np.testing.assert_array_equal(out, [[2.0], [4.0]])


def test_all_masked_row_is_nan_as_keras() -> None:
    x = np.ones((1, 2, 3))
    out = GlobalAveragePooling1D()(x, mask=np.zeros((1, 2), dtype=bool))
    assert np.isnan(out).all()


def test_bad_mask_shape() -> None:
    with pytest.raises(ValueError, match="mask must have shape"):
        GlobalAveragePooling1D()(np.ones((1, 2, 3)), mask=np.ones((1, 3)))


@pytest.mark.parametrize(
    ("kwargs", "shape"),
    [
        ({}, (None, 16)),
        ({"keepdims": True}, (None, 1, 16)),
        ({"data_format": "channels_first"}, (None, 20)),
        ({"data_format": "channels_first", "keepdims": True}, (None, 20, 1)),
    ],
)
def test_output_shapes_agree_with_outputs(kwargs: dict, shape: tuple) -> None:
    layer = GlobalAveragePooling1D(**kwargs)
    assert layer.compute_output_shape((None, 20, 16)) == shape
    out = layer(np.ones((3, 20, 16)))
    assert out.shape == (3, *shape[1:])


def test_channels_first_averages_last_axis() -> None:
    x = np.arange(6.0).reshape(1, 2, 3)  # (B, C, T)
    out = GlobalAveragePooling1D(data_format="channels_first")(x, mask=np.array([[1, 1, 0]]))
    np.testing.assert_array_equal(out, [[0.5, 3.5]])


def test_no_params_name_and_config() -> None:
    layer = GlobalAveragePooling1D()
    layer.build((None, 5, 4))
    assert layer.count_params() == 0
    assert layer.get_weights() == []
    assert layer.name == "global_average_pooling1d"
    assert layer.get_config()["data_format"] == "channels_last"
    assert layer.compute_mask(np.ones((1, 5, 4)), np.ones((1, 5))) is None


def test_rank_errors_like_keras() -> None:
    with pytest.raises(ValueError, match="expected ndim=3, found ndim=2"):
        GlobalAveragePooling1D().compute_output_shape((None, 16))
    with pytest.raises(ValueError, match="data_format"):
        GlobalAveragePooling1D(data_format="channels_middle")


def test_pooled_embeddings_equal_engine_mean() -> None:
    emb = Embedding(10, 4, seed=3)
    ids = np.array([[1, 5, 2, 7]])
    vectors = emb(ids)
    pooled = GlobalAveragePooling1D()(vectors)
    np.testing.assert_allclose(pooled[0], vectors[0].mean(axis=0), rtol=0, atol=1e-15)


def test_spec_and_summary() -> None:
    model = parse_spec("Input(20) Embedding(1000,16) GlobalAveragePooling1D() Dense(1)")
    rows = model.summary().rows
    assert [(r.name, r.output_shape, r.params) for r in rows] == [
        ("embedding", (None, 20, 16), 16000),
        ("global_average_pooling1d", (None, 16), 0),
        ("dense", (None, 1), 17),
    ]
    assert model(np.zeros((2, 20), dtype=int)).shape == (2, 1)


def test_spec_after_rnn_needs_sequences() -> None:
    with pytest.raises(SpecError, match="return_sequences=True"):
        parse_spec("Input(5,3) LSTM(4) GlobalAveragePooling1D()")
    model = parse_spec("Input(5,3) LSTM(4,return_sequences=True) GlobalAveragePooling1D()")
    assert model.output_shape == (None, 4)
    assert isinstance(model.layers[0], LSTM)
