"""Backpropagation through time: the backward twin of ``RNNLayer._run``'s time loop.

Forward, per processing step t reading input position p (``tape.order[t]``)::

    h_in = h_{t-1} * rec_mask                (one copy per gate with per-gate masks)
    h_t, c_t = cell(x_in[p] K + b, h_in)     (the cell also reads h_{t-1} itself, e.g. GRU)
    masked row: h_t = h_{t-1}, c_t = c_{t-1}, out_t = out_{t-1} (or 0 in Bidirectional)

Backward walks t = T-1 .. 0 with the carried dL/dh_t, dL/dc_t and dL/d out_{t-1}; the cell
returns dL/d(x K + b) per step, and the input side (dK, db, dx) is one matmul over all steps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from rnntui.nn.activations import Array
from rnntui.nn.cell import CellGrad
from rnntui.nn.tape import RecurrentGrads, RecurrentTape

if TYPE_CHECKING:
    from rnntui.nn.recurrent import RNNLayer


def split_output_grad(layer: RNNLayer, d_output: Any) -> tuple[Any, Any, Any]:
    """(d_out, d_h, d_c) from a gradient shaped like the layer's output (entries may be None)."""
    if not layer.return_state:
        return d_output, None, None
    parts = list(d_output) + [None] * 3
    return parts[0], parts[1], (parts[2] if layer.has_carry else None)


def bptt(layer: RNNLayer, tape: RecurrentTape, d_output: Any) -> RecurrentGrads:
    """dL/d(inputs, initial states, weights) for one recorded call of ``layer``."""
    x_in0 = tape.x_in[0]
    batch, steps, _ = x_in0.shape
    units = layer.units
    d_out, d_h, d_c = split_output_grad(layer, d_output)
    d_outputs = np.zeros((batch, steps, units))
    if d_out is not None:
        if layer.return_sequences:
            d_outputs += d_out
        else:
            d_outputs[:, -1] += d_out
    grads = {"recurrent_kernel": np.zeros_like(layer.recurrent_kernel)}
    if layer.use_bias:
        grads["bias"] = np.zeros_like(layer.bias)
    dh = np.zeros((batch, units)) if d_h is None else np.array(d_h, dtype=np.float64)
    dc: Array | None = None
    if layer.has_carry:
        dc = np.zeros((batch, units)) if d_c is None else np.array(d_c, dtype=np.float64)
    d_prev_out = np.zeros((batch, units))
    dxkb = np.zeros((batch, steps, layer.n_gates * units))
    dh_steps = np.empty((batch, steps, units))
    dc_steps = np.empty((batch, steps, units)) if layer.has_carry else None
    rec_masks = tape.masks.recurrent if tape.masks else ()
    for t in range(steps - 1, -1, -1):
        pos = tape.order[t]
        d_out_t = d_outputs[:, t] + d_prev_out
        if tape.time_mask is None:
            dh = dh + d_out_t
            dh_cell, dc_cell = dh, dc
            dh_keep = dc_keep = None
        else:
            keep = tape.time_mask[:, pos][:, None]
            dh = dh + np.where(keep, d_out_t, 0.0)
            if not layer.zero_output_for_mask:
                d_prev_out = np.where(keep, 0.0, d_out_t)
            dh_cell, dh_keep = np.where(keep, dh, 0.0), np.where(keep, 0.0, dh)
            if dc is not None:
                dc_cell, dc_keep = np.where(keep, dc, 0.0), np.where(keep, 0.0, dc)
            else:
                dc_cell = dc_keep = None
        dh_steps[:, t] = dh
        if dc_steps is not None and dc is not None:
            dc_steps[:, t] = dc
        dz, dh_direct, dh_in, dc_prev = layer._cell_backward(
            CellGrad(tape.cells[t], tape.h_in[t], dh_cell, dc_cell, grads)
        )
        dxkb[:, pos] = dz
        dh = dh_in[0] * rec_masks[0] if rec_masks else dh_in[0]
        for k in range(1, len(dh_in)):  # one h_in per gate: each had its own mask
            dh = dh + dh_in[k] * rec_masks[k]
        if dh_direct is not None:
            dh = dh + dh_direct
        if dh_keep is not None:
            dh = dh + dh_keep
        if dc_prev is not None:
            dc = dc_prev if dc_keep is None else dc_prev + dc_keep
    d_kernel, dx = _input_backward(layer, tape, dxkb)
    weights = [d_kernel, grads["recurrent_kernel"]]
    if layer.use_bias:
        layer._add_input_bias_grad(grads["bias"], dxkb.sum(axis=(0, 1)))
        weights.append(grads["bias"])
    d_init = [dh] + ([dc] if dc is not None else [])
    return RecurrentGrads(
        dx=dx, dh=dh_steps, dc=dc_steps, d_initial_state=d_init, weights=weights, order=tape.order
    )


def _input_backward(layer: RNNLayer, tape: RecurrentTape, dxkb: Array) -> tuple[Array, Array]:
    """Backward of ``x_in K`` over all steps at once: (dK (D, G*U), dx (B, T, D))."""
    batch, steps, width = dxkb.shape
    flat = dxkb.reshape(batch * steps, width)
    kernel = layer.kernel
    masks = tape.masks.input if tape.masks else ()
    if len(tape.x_in) == 1:
        x_flat = tape.x_in[0].reshape(batch * steps, -1)
        d_kernel = x_flat.T @ flat
        dx = dxkb @ kernel.T
        return d_kernel, (dx * masks[0][:, None, :] if masks else dx)
    d_kernel = np.empty_like(kernel)
    dx = np.zeros_like(tape.x_in[0])
    for k, gate in enumerate(layer.gate_names):
        block = layer._block(gate)
        d_kernel[:, block] = tape.x_in[k].reshape(batch * steps, -1).T @ flat[:, block]
        dx += (dxkb[:, :, block] @ kernel[:, block].T) * masks[k][:, None, :]
    return d_kernel, dx
