"""GRU, Keras gate order z (update), r (reset), h (candidate, called hh here).

reset_after=True (Keras 3 default, same as torch), bias (2, 3U) = [b_in; b_rec]:
    a = x_t K + b_in,  m = h_{t-1} R + b_rec
    z = sig(a_z + m_z)  r = sig(a_r + m_r)  hh = tanh(a_h + r * m_h)
reset_after=False, bias (3U,):
    hh = tanh(x_t K_h + b_h + (r * h_{t-1}) R_h)
Both: h_t = z * h_{t-1} + (1 - z) * hh   (z weights the OLD state).

Backward from dh:
    dz = dh (h_{t-1} - hh) z(1-z)    dpre_h = dh (1-z) (1-hh^2)    direct dh_{t-1} = dh z
    reset_after:  dr = dpre_h m_h r(1-r); input side [dz | dr | dpre_h],
                  recurrent side [dz | dr | dpre_h r] (also the gradient of b_rec)
    reset_before: d(r h) = dpre_h R_h^T;  dr = d(r h) h r(1-r);  dh += d(r h) r
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rnntui.nn.activations import Array, get_backward
from rnntui.nn.cell import CellGrad, CellGradOut, CellStep, StepInfo, StepOut, apply_forces
from rnntui.nn.recurrent import GatedRNNLayer
from rnntui.nn.trace import GateParts


class GRU(GatedRNNLayer):
    """Keras ``GRU``: kernel (D, 3U), recurrent_kernel (U, 3U), bias (2, 3U) or (3U,)."""

    gate_names = ("z", "r", "hh")

    def __init__(
        self,
        units: int,
        activation: str | None = "tanh",
        recurrent_activation: str | None = "sigmoid",
        use_bias: bool = True,
        reset_after: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(units, activation, recurrent_activation, use_bias=use_bias, **kwargs)
        self.reset_after = bool(reset_after)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "reset_after": self.reset_after}

    def bias_shape(self) -> tuple[int, ...]:
        width = 3 * self.units
        return (2, width) if self.reset_after else (width,)

    def _input_bias(self) -> Array:
        return self.bias[0] if self.reset_after else self.bias

    def _cell_step(self, step: CellStep) -> StepOut:
        u = self.units
        zr = slice(0, 2 * u)
        cand = slice(2 * u, 3 * u)
        rec_bias = None
        if self.reset_after:
            m = self._recurrent_terms(step.h_in)
            if self.use_bias:
                rec_bias = self.bias[1]
                m_b = m + rec_bias
            else:
                m_b = m
            pre_zr = step.xkb[:, zr] + m_b[:, zr]
            gates_zr = self._rec_act(pre_zr)
            r = gates_zr[:, u:]
            pre_h = step.xkb[:, cand] + r * m_b[:, cand]
            h_term_h = m[:, cand]
        else:
            m_zr = self._recurrent_terms(step.h_in, zr)
            pre_zr = step.xkb[:, zr] + m_zr
            gates_zr = self._rec_act(pre_zr)
            r = gates_zr[:, u:]
            h_for_cand = step.h_in[-1]
            h_term_h = (r * h_for_cand) @ self.recurrent_kernel[:, cand]
            pre_h = step.xkb[:, cand] + h_term_h
            m = np.concatenate([m_zr, h_term_h], axis=-1)
        z = gates_zr[:, :u]
        hh = self._act(pre_h)
        if step.cache is not None:
            step.cache.append(
                (z, r, hh, step.h, m_b[:, cand] if self.reset_after else step.h_in[-1])
            )
        info: StepInfo | None = None
        if step.forced or step.record:
            pre = {"z": pre_zr[:, :u], "r": pre_zr[:, u:], "hh": pre_h}
            gates = {"z": z, "r": r, "hh": hh}
            acts = {"z": self._rec_act, "r": self._rec_act, "hh": self._act}
            apply_forces(self.gate_names, pre, gates, step.forced, acts)
            # r feeds the candidate: a forced r changes hh unless hh is forced too.
            if "r" in step.forced and "hh" not in step.forced:
                r = gates["r"]
                if self.reset_after:
                    pre["hh"] = step.xkb[:, cand] + r * m_b[:, cand]
                else:
                    h_term_h = (r * step.h_in[-1]) @ self.recurrent_kernel[:, cand]
                    pre["hh"] = step.xkb[:, cand] + h_term_h
                gates["hh"] = self._act(pre["hh"])
            z, hh = gates["z"], gates["hh"]
            if step.record:
                bias = self.bias if self.use_bias else np.zeros(self.bias_shape())
                b_in = bias[0] if self.reset_after else bias
                parts = {
                    "z": GateParts(
                        pre["z"], m[:, :u], b_in[:u], rec_bias[:u] if rec_bias is not None else None
                    ),
                    "r": GateParts(
                        pre["r"],
                        m[:, u : 2 * u],
                        b_in[u : 2 * u],
                        rec_bias[u : 2 * u] if rec_bias is not None else None,
                    ),
                    "hh": GateParts(
                        pre["hh"],
                        h_term_h,
                        b_in[2 * u :],
                        rec_bias[2 * u :] if rec_bias is not None else None,
                    ),
                }
                info = (parts, pre, gates)
        h_new = z * step.h + (1.0 - z) * hh
        return h_new, None, info

    def _cell_backward(self, step: CellGrad) -> CellGradOut:
        z, r, hh, h_prev, rec_h = step.cache
        act, rec = get_backward(self.activation), get_backward(self.recurrent_activation)
        d_rk = step.grads["recurrent_kernel"]
        u = self.units
        dpre_z = rec(step.dh * (h_prev - hh), z)
        dpre_h = act(step.dh * (1.0 - z), hh)
        if self.reset_after:
            dpre_r = rec(dpre_h * rec_h, r)  # rec_h = h_{t-1} R_h + b_rec,h
            dm = np.concatenate([dpre_z, dpre_r, dpre_h * r], axis=-1)
            if self.use_bias:
                step.grads["bias"][1] += dm.sum(axis=0)
            dh_in = self._recurrent_backward(dm, step.h_in, d_rk)
        else:
            cand = slice(2 * u, 3 * u)
            d_rh = dpre_h @ self.recurrent_kernel[:, cand].T  # rec_h = h_in of the candidate
            d_rk[:, cand] += (r * rec_h).T @ dpre_h
            dpre_r = rec(d_rh * rec_h, r)
            dm_zr = np.concatenate([dpre_z, dpre_r], axis=-1)
            dh_in = self._recurrent_backward(dm_zr, step.h_in, d_rk, slice(0, 2 * u))
            dh_in[-1] = dh_in[-1] + d_rh * r
        dxkb = np.concatenate([dpre_z, dpre_r, dpre_h], axis=-1)
        return dxkb, step.dh * z, dh_in, None

    def _add_input_bias_grad(self, d_bias: Array, total: Array) -> None:
        if self.reset_after:
            d_bias[0] += total
        else:
            d_bias += total
