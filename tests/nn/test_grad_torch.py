"""Backward passes against torch autograd in float64: max abs diff <= 1e-10.

The loss is sum(G * Y) over every output (sequence, states) with random G, so dL/dY = G.
Gradients: every weight, the inputs, the initial states; with go_backwards, masks, injected and
drawn dropout masks, Bidirectional (every merge mode), and the layers around them.
"""

from __future__ import annotations

import numpy as np
import pytest

from rnntui.nn import (
    GRU,
    LSTM,
    Bidirectional,
    Dense,
    Dropout,
    Embedding,
    GlobalAveragePooling1D,
    Sequential,
    SimpleRNN,
)

torch = pytest.importorskip("torch")

TOL = 1e-10
B, T, D, U = 3, 6, 4, 5
MASK = np.array(
    [
        [True, True, False, True, True, False],
        [False, False, True, True, False, True],
        [True, True, True, False, False, False],
    ]
)


def close(ours, theirs) -> float:
    diff = float(np.abs(np.asarray(ours) - theirs.detach().numpy()).max())
    assert diff <= TOL, diff
    return diff


def as_list(v):
    return v if isinstance(v, list) else [v]


def make(cls, rng, randomize, **kwargs):
    layer = cls(U, seed=5, **kwargs)
    layer.build((None, T, D))
    randomize(layer, rng)
    return layer


def check_layer(layer, tref, rng, *, init=False, mask=None, training=False, inject=False):
    """Engine forward+backward vs torch autograd on the same call; returns the max diff."""
    x = rng.normal(size=(B, T, D))
    n_states = 2 if isinstance(layer, LSTM) else 1
    states = [rng.normal(size=(B, U)) for _ in range(n_states)] if init else None
    masks = None
    if training and inject:
        masks = layer.trace(x, training=True).masks
    out, tape = layer.forward(x, training, states, mask, masks)
    used = tape.masks
    g = [rng.normal(size=np.shape(o)) for o in as_list(out)]
    grads = layer.backward(tape, g if isinstance(out, list) else g[0])

    weights = [tref.tensor(w) for w in layer.get_weights()]
    xt = tref.tensor(x)
    st = [tref.tensor(s) for s in states] if states else [None] * n_states
    theirs = tref.rnn(layer, weights, xt, *st, mask=mask, masks=used)
    for a, b in zip(as_list(out), as_list(theirs), strict=True):
        close(a, b)  # same forward first
    loss = sum((t * torch.from_numpy(gi)).sum() for t, gi in zip(as_list(theirs), g, strict=True))
    loss.backward()
    worst = close(grads.dx, xt.grad)
    for ours, w in zip(grads.weights, weights, strict=True):
        worst = max(worst, close(ours, w.grad))
    if states:
        for ours, s in zip(grads.d_initial_state, st, strict=True):
            worst = max(worst, close(ours, s.grad))
    return worst


CELLS = [
    (SimpleRNN, {}),
    (SimpleRNN, {"activation": "relu"}),
    (LSTM, {}),
    (LSTM, {"use_bias": False}),
    (LSTM, {"recurrent_activation": "hard_sigmoid", "activation": "relu"}),
    (GRU, {}),
    (GRU, {"reset_after": False}),
    (GRU, {"reset_after": False, "use_bias": False, "activation": "sigmoid"}),
]
OPTIONS = [
    {"return_sequences": True, "return_state": True},
    {"return_sequences": False, "return_state": True},
    {"return_sequences": False},
    {"return_sequences": True, "go_backwards": True, "return_state": True},
]


@pytest.mark.parametrize(("cls", "kwargs"), CELLS)
@pytest.mark.parametrize("options", OPTIONS)
def test_cell_gradients(cls, kwargs, options, tref, rng, randomize) -> None:
    layer = make(cls, rng, randomize, **kwargs, **options)
    check_layer(layer, tref, rng, init=options.get("return_state", False))


@pytest.mark.parametrize(("cls", "kwargs"), CELLS)
@pytest.mark.parametrize("go_backwards", [False, True])
def test_mask_gradients(cls, kwargs, go_backwards, tref, rng, randomize) -> None:
    layer = make(
        cls, rng, randomize, return_sequences=True, return_state=True, go_backwards=go_backwards
    )
    check_layer(layer, tref, rng, init=True, mask=MASK)


@pytest.mark.parametrize("cls", [SimpleRNN, LSTM, GRU])
@pytest.mark.parametrize(("dropout", "recurrent_dropout"), [(0.3, 0.0), (0.0, 0.4), (0.3, 0.4)])
@pytest.mark.parametrize("inject", [True, False])
def test_dropout_mask_gradients(
    cls, dropout, recurrent_dropout, inject, tref, rng, randomize
) -> None:
    """Injected masks, and masks drawn by the call itself: backward reuses the call's masks."""
    layer = make(
        cls,
        rng,
        randomize,
        return_sequences=True,
        dropout=dropout,
        recurrent_dropout=recurrent_dropout,
    )
    check_layer(layer, tref, rng, training=True, inject=inject, mask=MASK if inject else None)


def test_gru_reset_before_per_gate_dropout(tref, rng, randomize) -> None:
    layer = make(GRU, rng, randomize, reset_after=False, dropout=0.2, recurrent_dropout=0.3)
    check_layer(layer, tref, rng, training=True, init=True)


@pytest.mark.parametrize("merge_mode", ["concat", "sum", "ave", "mul", None])
@pytest.mark.parametrize("cls", [LSTM, GRU])
@pytest.mark.parametrize("return_sequences", [True, False])
def test_bidirectional_gradients(merge_mode, cls, return_sequences, tref, rng, randomize):
    inner = cls(U, return_sequences=return_sequences, return_state=True, dropout=0.25, seed=2)
    bi = Bidirectional(inner, merge_mode=merge_mode)
    bi.build((None, T, D))
    randomize(bi.forward_layer, rng)
    randomize(bi.backward_layer, rng)
    x = rng.normal(size=(B, T, D))
    n = 2 if cls is LSTM else 1
    states = [rng.normal(size=(B, U)) for _ in range(2 * n)]
    out, tape = bi.forward(x, training=True, initial_state=states, mask=MASK)
    g = [rng.normal(size=np.shape(o)) for o in out]
    grads = bi.backward(tape, g)
    fw = [tref.tensor(w) for w in bi.forward_layer.get_weights()]
    bw = [tref.tensor(w) for w in bi.backward_layer.get_weights()]
    xt = tref.tensor(x)
    st = [tref.tensor(s) for s in states]
    masks = (tape[0].masks, tape[1].masks)
    theirs = tref.bidirectional(bi, fw, bw, xt, mask=MASK, masks=masks, states=st)
    for a, b in zip(out, theirs, strict=True):
        close(a, b)
    sum((t * torch.from_numpy(gi)).sum() for t, gi in zip(theirs, g, strict=True)).backward()
    close(grads.d_input, xt.grad)
    for ours, w in zip(grads.weights, fw + bw, strict=True):
        close(ours, w.grad)
    d_states = grads.detail[0].d_initial_state + grads.detail[1].d_initial_state
    for ours, s in zip(d_states, st, strict=True):
        close(ours, s.grad)


@pytest.mark.parametrize("activation", ["linear", "relu", "tanh", "sigmoid", "softmax"])
def test_dense_gradients(activation, tref, rng) -> None:
    layer = Dense(7, activation=activation, seed=1)
    layer.build((None, T, D))
    layer.set_weights([rng.normal(size=w.shape) for w in layer.get_weights()])
    x = rng.normal(size=(B, T, D))
    y, tape = layer.forward(x)
    g = rng.normal(size=y.shape)
    grads = layer.backward(tape, g)
    k, b = (tref.tensor(w) for w in layer.get_weights())
    xt = tref.tensor(x)
    theirs = tref.ACT[activation](xt @ k + b)
    close(y, theirs)
    (theirs * torch.from_numpy(g)).sum().backward()
    close(grads.d_input, xt.grad)
    close(grads.weights[0], k.grad)
    close(grads.weights[1], b.grad)


def test_embedding_dropout_pooling_gradients(tref, rng) -> None:
    ids = rng.integers(0, 9, size=(B, T))
    emb = Embedding(9, D, seed=0)
    drop = Dropout(0.4, seed=3)
    pool = GlobalAveragePooling1D()
    e, e_tape = emb.forward(ids)
    d, d_tape = drop.forward(e, training=True)
    p, p_tape = pool.forward(d, mask=MASK)
    g = rng.normal(size=p.shape)
    dg = pool.backward(p_tape, g)
    dd = drop.backward(d_tape, dg.d_input)
    de = emb.backward(e_tape, dd.d_input)
    w = tref.tensor(emb.embeddings)
    m = torch.from_numpy(MASK.astype(np.float64))[:, :, None]
    dropped = w[torch.from_numpy(ids)] * torch.from_numpy(d_tape)
    theirs = (dropped * m).sum(1) / m.sum(1)
    close(p, theirs)
    (theirs * torch.from_numpy(g)).sum().backward()
    close(de.weights[0], w.grad)
    assert de.d_input is None


@pytest.mark.parametrize(("data_format", "keepdims"), [("channels_first", False), (None, True)])
def test_pooling_layouts_gradients(data_format, keepdims, tref, rng) -> None:
    pool = GlobalAveragePooling1D(data_format=data_format, keepdims=keepdims)
    x = rng.normal(size=(B, T, D))
    mask = MASK if data_format is None else MASK[:, :D]
    y, tape = pool.forward(x, mask=mask)
    g = rng.normal(size=y.shape)
    grads = pool.backward(tape, g)
    xt = tref.tensor(x)
    axis = 2 if data_format == "channels_first" else 1
    m = torch.from_numpy(mask.astype(np.float64))
    m = m[:, None, :] if axis == 2 else m[:, :, None]
    theirs = (xt * m).sum(axis, keepdim=keepdims) / m.sum(axis, keepdim=keepdims)
    close(y, theirs)
    (theirs * torch.from_numpy(g)).sum().backward()
    close(grads.d_input, xt.grad)


def test_whole_model_gradients_with_loss(tref, rng) -> None:
    """Embedding(mask_zero) -> Bidirectional(LSTM, seq) -> GRU -> Dense softmax, sparse CE."""
    vocab = 11
    model = Sequential(
        [
            Embedding(vocab, D, mask_zero=True, seed=0),
            Bidirectional(LSTM(U, return_sequences=True, seed=1)),
            GRU(U, seed=2),
            Dense(vocab, activation="softmax", seed=3),
        ],
        input_shape=(None, T),
    )
    model.set_weights([rng.normal(scale=0.5, size=w.shape) for w in model.get_weights()])
    ids = rng.integers(1, vocab, size=(B, T))
    ids[0, 4:] = 0
    ids[2, :2] = 0
    labels = rng.integers(0, vocab, size=B)
    loss, grads, _, _ = model.compute_gradients(ids, labels, loss="sparse_categorical_crossentropy")

    w = [tref.tensor(a) for a in model.get_weights()]
    _, bi, gru, _ = model.layers
    mask = ids != 0
    x = w[0][torch.from_numpy(ids)]
    seq = tref.bidirectional(bi, w[1:4], w[4:7], x, mask=mask)
    last = tref.rnn(gru, w[7:10], seq, mask=mask)
    probs = torch.softmax(last @ w[10] + w[11], dim=-1)
    theirs = tref.sparse_ce(labels, probs)
    assert abs(loss - theirs.item()) <= TOL
    theirs.backward()
    for ours, t in zip(grads, w, strict=True):
        close(ours, t.grad)


def test_sequence_loss_mask_gradients(tref, rng) -> None:
    """Per-step outputs with mask_zero: masked steps are left out of the loss and its gradient."""
    vocab = 7
    model = Sequential(
        [
            Embedding(vocab, D, mask_zero=True, seed=0),
            SimpleRNN(U, return_sequences=True, seed=1),
            Dense(vocab, activation="softmax", seed=2),
        ],
        input_shape=(None, T),
    )
    ids = rng.integers(1, vocab, size=(B, T))
    ids[1, 3:] = 0
    labels = rng.integers(0, vocab, size=(B, T))
    loss, grads, _, _ = model.compute_gradients(ids, labels, loss="sparse_categorical_crossentropy")
    w = [tref.tensor(a) for a in model.get_weights()]
    mask = ids != 0
    seq = tref.rnn(model.layers[1], w[1:4], w[0][torch.from_numpy(ids)], mask=mask)
    theirs = tref.sparse_ce(labels, torch.softmax(seq @ w[4] + w[5], dim=-1), mask=mask)
    assert abs(loss - theirs.item()) <= TOL
    theirs.backward()
    for ours, t in zip(grads, w, strict=True):
        close(ours, t.grad)


def keras_torch_order(a):
    """GRU blocks z, r, h <-> r, z, h along the last axis (the swap is its own inverse)."""
    return np.concatenate([a[..., U : 2 * U], a[..., :U], a[..., 2 * U :]], axis=-1)


def test_torch_nn_modules_agree_on_gradients(rng, randomize) -> None:
    """An independent oracle: torch.nn.LSTM / GRU (Keras weights mapped) with initial states."""
    for cls, module_cls in ((LSTM, torch.nn.LSTM), (GRU, torch.nn.GRU)):
        layer = make(cls, rng, randomize, return_sequences=True, return_state=True)
        x = rng.normal(size=(B, T, D))
        h0 = rng.normal(size=(B, U))
        c0 = rng.normal(size=(B, U))
        init = [h0, c0] if cls is LSTM else [h0]
        out, tape = layer.forward(x, initial_state=init)
        g = rng.normal(size=out[0].shape)
        grads = layer.backward(tape, [g, None, None][: len(out)])
        k, r, b = layer.get_weights()
        module = module_cls(D, U, batch_first=True, dtype=torch.float64)
        order = keras_torch_order if cls is GRU else (lambda a: a)
        b_ih, b_hh = (b, np.zeros_like(b)) if cls is LSTM else (b[0], b[1])
        with torch.no_grad():
            module.weight_ih_l0.copy_(torch.from_numpy(order(k).T.copy()))
            module.weight_hh_l0.copy_(torch.from_numpy(order(r).T.copy()))
            module.bias_ih_l0.copy_(torch.from_numpy(order(b_ih).copy()))
            module.bias_hh_l0.copy_(torch.from_numpy(order(b_hh).copy()))
        xt = torch.tensor(x, requires_grad=True)
        ht = torch.tensor(h0[None], requires_grad=True)
        ct = torch.tensor(c0[None], requires_grad=True)
        y, _ = module(xt, (ht, ct) if cls is LSTM else ht)
        (y * torch.from_numpy(g)).sum().backward()
        close(grads.dx, xt.grad)
        close(grads.d_initial_state[0], ht.grad[0])
        close(grads.weights[1], torch.from_numpy(order(module.weight_hh_l0.grad.numpy().T)))
        close(grads.weights[0], torch.from_numpy(order(module.weight_ih_l0.grad.numpy().T)))
        if cls is LSTM:
            close(grads.d_initial_state[1], ct.grad[0])
