"""Keras 3 layer semantics written in torch ops, for autograd gradients (float64).

Each function mirrors the Keras equations (section 1 of the reference), not the engine's code
layout: per-step loop, per-gate blocks, masks by ``torch.where``. The forward values are checked
against the engine (itself pinned to torch.nn and Keras) before any gradient is compared.
"""

from __future__ import annotations

import numpy as np
import torch

from rnntui.nn import GRU, LSTM, SimpleRNN

ACT = {
    "tanh": torch.tanh,
    "sigmoid": torch.sigmoid,
    "relu": torch.relu,
    "linear": lambda v: v,
    None: lambda v: v,
    "softmax": lambda v: torch.softmax(v, dim=-1),
    # Keras 3's clip(x / 6 + 1/2, 0, 1). Not torch.nn.functional.hardsigmoid: its backward
    # multiplies by the float32 constant 1.0f / 6.0f even in float64 (3e-8 relative error).
    "hard_sigmoid": lambda v: torch.clamp(v / 6 + 0.5, 0.0, 1.0),
}


def tensor(a, grad: bool = True) -> torch.Tensor:
    return torch.tensor(np.asarray(a, dtype=np.float64), requires_grad=grad)


def rnn(layer, weights, x, h0=None, c0=None, mask=None, masks=None, zero_output=False):
    """A SimpleRNN / LSTM / GRU call as Keras computes it; returns what the layer returns."""
    u = layer.units
    batch, steps, _ = x.shape
    kernel, rec_kernel = weights[0], weights[1]
    bias = weights[2] if layer.use_bias else None
    act = ACT[layer.activation]
    rec = ACT[getattr(layer, "recurrent_activation", "sigmoid")]
    in_m = [torch.from_numpy(m) for m in masks.input] if masks else []
    rec_m = [torch.from_numpy(m) for m in masks.recurrent] if masks else []
    zeros = torch.zeros(batch, u, dtype=torch.float64)
    h = h0 if h0 is not None else zeros
    c = (c0 if c0 is not None else zeros) if isinstance(layer, LSTM) else None
    prev = zeros
    outs = []

    def blk(k):
        return slice(k * u, (k + 1) * u)

    order = range(steps - 1, -1, -1) if layer.go_backwards else range(steps)
    for pos in order:
        xt = x[:, pos]
        xs = [xt * m for m in in_m] or [xt]
        hs = [h * m for m in rec_m] or [h]

        def xk(k, xs=xs):
            return xs[k if len(xs) > 1 else 0] @ kernel[:, blk(k)]

        def hi(k, hs=hs):
            return hs[k if len(hs) > 1 else 0]

        def hr(k, hi=hi):
            return hi(k) @ rec_kernel[:, blk(k)]

        c_new = None
        if isinstance(layer, SimpleRNN):
            h_new = act(xk(0) + (bias if bias is not None else 0.0) + hr(0))
        elif isinstance(layer, LSTM):
            b = bias if bias is not None else torch.zeros(4 * u, dtype=torch.float64)
            pre = [xk(k) + b[blk(k)] + hr(k) for k in range(4)]
            i, f, g, o = rec(pre[0]), rec(pre[1]), act(pre[2]), rec(pre[3])
            c_new = f * c + i * g
            h_new = o * act(c_new)
        elif layer.reset_after:
            b = bias if bias is not None else torch.zeros(2, 3 * u, dtype=torch.float64)
            z = rec(xk(0) + b[0, blk(0)] + hr(0) + b[1, blk(0)])
            r = rec(xk(1) + b[0, blk(1)] + hr(1) + b[1, blk(1)])
            hh = act(xk(2) + b[0, blk(2)] + r * (hr(2) + b[1, blk(2)]))
            h_new = z * h + (1 - z) * hh
        else:
            b = bias if bias is not None else torch.zeros(3 * u, dtype=torch.float64)
            z = rec(xk(0) + b[blk(0)] + hr(0))
            r = rec(xk(1) + b[blk(1)] + hr(1))
            hh = act(xk(2) + b[blk(2)] + (r * hi(2)) @ rec_kernel[:, blk(2)])
            h_new = z * h + (1 - z) * hh
        out = h_new
        if mask is not None:
            keep = torch.from_numpy(np.asarray(mask)[:, pos : pos + 1])
            h_new = torch.where(keep, h_new, h)
            if c_new is not None:
                c_new = torch.where(keep, c_new, c)
            out = torch.where(keep, h_new, zeros if zero_output else prev)
        outs.append(out)
        prev, h, c = out, h_new, c_new
    seq = torch.stack(outs, dim=1)
    result = seq if layer.return_sequences else seq[:, -1]
    if not layer.return_state:
        return result
    return [result, h] + ([c] if isinstance(layer, LSTM) else [])


def bidirectional(bi, w_fwd, w_bwd, x, mask=None, masks=(None, None), states=None):
    """Keras Bidirectional: both halves, the backward one flipped back when return_sequences."""
    zero = bi.return_sequences
    n = 2 if isinstance(bi.forward_layer, LSTM) else 1
    init_f = states[:n] if states else [None] * n
    init_b = states[n:] if states else [None] * n
    f = rnn(bi.forward_layer, w_fwd, x, *init_f, mask=mask, masks=masks[0], zero_output=zero)
    b = rnn(bi.backward_layer, w_bwd, x, *init_b, mask=mask, masks=masks[1], zero_output=zero)
    f_out, f_states = (f[0], f[1:]) if bi.return_state else (f, [])
    b_out, b_states = (b[0], b[1:]) if bi.return_state else (b, [])
    if bi.return_sequences:
        b_out = torch.flip(b_out, dims=[1])
    mode = bi.merge_mode
    if mode == "concat":
        merged = [torch.cat([f_out, b_out], dim=-1)]
    elif mode == "sum":
        merged = [f_out + b_out]
    elif mode == "ave":
        merged = [(f_out + b_out) / 2]
    elif mode == "mul":
        merged = [f_out * b_out]
    else:
        merged = [f_out, b_out]
    out = merged + list(f_states) + list(b_states)
    return out if (bi.return_state or mode is None) else out[0]


def sparse_ce(labels, probs, mask=None):
    """Keras sparse_categorical_crossentropy on probabilities, "sum_over_batch_size"."""
    p = probs / probs.sum(dim=-1, keepdim=True)
    p = torch.clip(p, 1e-7, 1 - 1e-7)
    ids = torch.from_numpy(np.asarray(labels, dtype=np.int64))[..., None]
    values = -torch.log(torch.gather(p, -1, ids))[..., 0]
    return reduce(values, mask)


def reduce(values, mask=None):
    if mask is None:
        return values.mean()
    m = torch.from_numpy(np.asarray(mask, dtype=np.float64))
    return (values * m).sum() / m.sum()


__all__ = ["GRU", "bidirectional", "reduce", "rnn", "sparse_ce", "tensor"]
