"""Property tests: shapes and parameter counts over random configurations."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from rnntui.nn import GRU, LSTM, Bidirectional, SimpleRNN

CELLS = {SimpleRNN: 1, LSTM: 4, GRU: 3}


@settings(max_examples=60, deadline=None)
@given(
    cls=st.sampled_from(list(CELLS)),
    units=st.integers(1, 12),
    d=st.integers(1, 6),
    t=st.integers(1, 6),
    b=st.integers(1, 3),
    seqs=st.booleans(),
    state=st.booleans(),
    backwards=st.booleans(),
    bidi=st.sampled_from([None, "concat", "sum", "mul", "ave"]),
)
def test_shapes_and_params(cls, units, d, t, b, seqs, state, backwards, bidi) -> None:
    layer = cls(units, return_sequences=seqs, return_state=state, go_backwards=backwards, seed=0)
    g = CELLS[cls]
    extra_bias = 1 if cls is GRU else 0
    params = g * units * (d + units + 1 + extra_bias)
    if bidi is not None:
        layer = Bidirectional(layer, merge_mode=bidi)
        params *= 2
    expected = layer.compute_output_shape((None, t, d))
    out = layer(np.random.default_rng(0).normal(size=(b, t, d)))
    assert layer.count_params() == params
    if isinstance(expected, list):
        assert [o.shape for o in out] == [(b, *s[1:]) for s in expected]
    else:
        assert out.shape == (b, *expected[1:])
    flat = out if isinstance(out, list) else [out]
    assert all(np.isfinite(o).all() for o in flat)
