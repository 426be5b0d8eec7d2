"""The engine against torch.nn in float64: max abs diff <= 1e-12 (Keras->torch weights)."""

from __future__ import annotations

import numpy as np
import pytest

from rnntui.nn import GRU, LSTM, Bidirectional, SimpleRNN

torch = pytest.importorskip("torch")

TOL = 1e-12
B, T, D, U = 3, 7, 4, 5


def _gru_reorder(a: np.ndarray, u: int) -> np.ndarray:
    """Keras block order z, r, h -> torch r, z, n (along the last axis)."""
    z, r, h = a[..., :u], a[..., u : 2 * u], a[..., 2 * u :]
    return np.concatenate([r, z, h], axis=-1)


def _load(module, layer, suffix: str = "") -> None:
    """Copy a Keras-layout layer's weights into a torch module (suffix '' or '_reverse')."""
    k, r, b = layer.get_weights()
    u = layer.units
    if isinstance(layer, GRU):
        w_ih, w_hh = _gru_reorder(k, u).T, _gru_reorder(r, u).T
        b_ih, b_hh = _gru_reorder(b[0], u), _gru_reorder(b[1], u)
    else:
        w_ih, w_hh, b_ih, b_hh = k.T, r.T, b, np.zeros_like(b)
    with torch.no_grad():
        for name, value in (
            ("weight_ih", w_ih),
            ("weight_hh", w_hh),
            ("bias_ih", b_ih),
            ("bias_hh", b_hh),
        ):
            getattr(module, f"{name}_l0{suffix}").copy_(
                torch.from_numpy(np.ascontiguousarray(value))
            )


def _torch_module(layer, bidirectional: bool = False):
    cls = {SimpleRNN: torch.nn.RNN, LSTM: torch.nn.LSTM, GRU: torch.nn.GRU}[type(layer)]
    return cls(
        layer.input_dim,
        layer.units,
        batch_first=True,
        bidirectional=bidirectional,
        dtype=torch.float64,
    )


def _make(cls, rng, randomize, **kwargs):
    layer = cls(U, return_sequences=True, return_state=True, seed=7, **kwargs)
    layer.build((None, T, D))
    randomize(layer, rng)
    return layer


def _run_torch(module, x, h0=None, c0=None):
    xt = torch.from_numpy(x)
    with torch.no_grad():
        if isinstance(module, torch.nn.LSTM):
            state = None if h0 is None else (torch.from_numpy(h0)[None], torch.from_numpy(c0)[None])
            y, (h, c) = module(xt, state)
            return y.numpy(), h.numpy(), c.numpy()
        y, h = module(xt, None if h0 is None else torch.from_numpy(h0)[None])
        return y.numpy(), h.numpy(), None


@pytest.mark.parametrize("cls", [SimpleRNN, LSTM, GRU])
def test_forward_matches_torch(cls, rng, randomize) -> None:
    layer = _make(cls, rng, randomize)
    module = _torch_module(layer)
    _load(module, layer)
    x = rng.normal(size=(B, T, D))
    out = layer(x)
    y, h, c = _run_torch(module, x)
    assert np.abs(out[0] - y).max() <= TOL
    assert np.abs(out[1] - h[0]).max() <= TOL
    if cls is LSTM:
        assert np.abs(out[2] - c[0]).max() <= TOL


@pytest.mark.parametrize("cls", [SimpleRNN, LSTM, GRU])
def test_initial_state_matches_torch(cls, rng, randomize) -> None:
    layer = _make(cls, rng, randomize)
    module = _torch_module(layer)
    _load(module, layer)
    x = rng.normal(size=(B, T, D))
    h0 = rng.normal(size=(B, U))
    c0 = rng.normal(size=(B, U)) if cls is LSTM else None
    init = [h0, c0] if cls is LSTM else [h0]
    out = layer(x, initial_state=init)
    y, _, c = _run_torch(module, x, h0, c0)
    assert np.abs(out[0] - y).max() <= TOL
    if cls is LSTM:
        assert np.abs(out[2] - c[0]).max() <= TOL


@pytest.mark.parametrize("cls", [SimpleRNN, LSTM, GRU])
def test_go_backwards_is_forward_on_reversed_input(cls, rng, randomize) -> None:
    layer = _make(cls, rng, randomize, go_backwards=True)
    module = _torch_module(layer)
    _load(module, layer)
    x = rng.normal(size=(B, T, D))
    out = layer(x)
    y, h, _ = _run_torch(module, np.ascontiguousarray(x[:, ::-1]))
    assert np.abs(out[0] - y).max() <= TOL  # processing order, not flipped back
    assert np.abs(out[1] - h[0]).max() <= TOL


@pytest.mark.parametrize("cls", [SimpleRNN, LSTM, GRU])
def test_bidirectional_concat_matches_torch(cls, rng, randomize) -> None:
    inner = cls(U, return_sequences=True, return_state=True, seed=3)
    bi = Bidirectional(inner)
    bi.build((None, T, D))
    randomize(bi.forward_layer, rng)
    randomize(bi.backward_layer, rng)
    module = _torch_module(bi.forward_layer, bidirectional=True)
    _load(module, bi.forward_layer)
    _load(module, bi.backward_layer, "_reverse")
    x = rng.normal(size=(B, T, D))
    out = bi(x)
    y, h, c = _run_torch(module, x)
    assert out[0].shape == (B, T, 2 * U)
    assert np.abs(out[0] - y).max() <= TOL
    assert np.abs(out[1] - h[0]).max() <= TOL  # forward h
    n = 2 if cls is LSTM else 1
    assert np.abs(out[1 + n] - h[1]).max() <= TOL  # backward h
    if cls is LSTM:
        assert np.abs(out[2] - c[0]).max() <= TOL
        assert np.abs(out[4] - c[1]).max() <= TOL


@pytest.mark.parametrize("cls", [SimpleRNN, LSTM, GRU])
def test_right_padding_mask_matches_packed_sequence(cls, rng, randomize) -> None:
    layer = _make(cls, rng, randomize)
    module = _torch_module(layer)
    _load(module, layer)
    x = rng.normal(size=(B, T, D))
    lengths = [T, 4, 2]
    mask = np.arange(T)[None, :] < np.array(lengths)[:, None]
    out = layer(x, mask=mask)
    packed = torch.nn.utils.rnn.pack_padded_sequence(
        torch.from_numpy(x), lengths, batch_first=True, enforce_sorted=False
    )
    with torch.no_grad():
        result = module(packed)
    h_n = (result[1][0] if cls is LSTM else result[1]).numpy()[0]
    assert np.abs(out[1] - h_n).max() <= TOL
    assert np.abs(out[0][:, -1] - h_n).max() <= TOL  # output repeats the last unmasked step
    if cls is LSTM:
        assert np.abs(out[2] - result[1][1].numpy()[0]).max() <= TOL


@pytest.mark.parametrize("cls", [SimpleRNN, LSTM, GRU])
def test_masked_middle_steps_equal_deleting_them(cls, rng, randomize) -> None:
    layer = _make(cls, rng, randomize)
    module = _torch_module(layer)
    _load(module, layer)
    x = rng.normal(size=(1, T, D))
    keep = np.array([True, False, True, True, False, False, True])
    out = layer(x, mask=keep[None])
    _, h, _ = _run_torch(module, np.ascontiguousarray(x[:, keep]))
    assert np.abs(out[1] - h[0]).max() <= TOL


def test_float64_extreme_inputs_no_nan(rng, randomize) -> None:
    layer = _make(LSTM, rng, randomize)
    x = rng.choice([-1e6, 1e6], size=(B, T, D))
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out = layer(x)
    assert all(np.isfinite(o).all() for o in out)
