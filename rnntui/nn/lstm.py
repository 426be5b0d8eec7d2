"""LSTM, Keras gate order i, f, c (candidate, called g here as in torch), o.

z = x_t K + b + h_{t-1} R  ->  [z_i | z_f | z_c | z_o]
i = sig(z_i)  f = sig(z_f)  g = tanh(z_c)  o = sig(z_o)
c_t = f * c_{t-1} + i * g        h_t = o * tanh(c_t)

Backward (dh, dc carried from step t+1):
do = dh * tanh(c_t)    dc += dh * o * (1 - tanh(c_t)^2)
di = dc * g   df = dc * c_{t-1}   dg = dc * i   dc_{t-1} = dc * f
dz = [di i(1-i) | df f(1-f) | dg (1-g^2) | do o(1-o)]  (gradient of x_t K + b and h_{t-1} R)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rnntui.nn.activations import Array, get_backward
from rnntui.nn.cell import CellGrad, CellGradOut, CellStep, StepInfo, StepOut, apply_forces
from rnntui.nn.recurrent import GatedRNNLayer
from rnntui.nn.trace import GateParts


class LSTM(GatedRNNLayer):
    """Keras ``LSTM``: kernel (D, 4U), recurrent_kernel (U, 4U), bias (4U,)."""

    gate_names = ("i", "f", "g", "o")
    has_carry = True

    def __init__(
        self,
        units: int,
        activation: str | None = "tanh",
        recurrent_activation: str | None = "sigmoid",
        use_bias: bool = True,
        unit_forget_bias: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(units, activation, recurrent_activation, use_bias=use_bias, **kwargs)
        self.unit_forget_bias = bool(unit_forget_bias)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "unit_forget_bias": self.unit_forget_bias}

    def _initial_bias(self) -> Array:
        bias = np.zeros(self.bias_shape())
        if self.unit_forget_bias:
            bias[self._block("f")] = 1.0
        return bias

    def _cell_step(self, step: CellStep) -> StepOut:
        u = self.units
        h_term = self._recurrent_terms(step.h_in)
        z = step.xkb + h_term
        sig = self._rec_act(z)
        i, f, o = sig[:, :u], sig[:, u : 2 * u], sig[:, 3 * u :]
        g = self._act(z[:, 2 * u : 3 * u])
        info: StepInfo | None = None
        if step.forced or step.record:
            names = self.gate_names
            pre = {n: z[:, k * u : (k + 1) * u] for k, n in enumerate(names)}
            gates = {"i": i, "f": f, "g": g, "o": o}
            acts = {"i": self._rec_act, "f": self._rec_act, "g": self._act, "o": self._rec_act}
            apply_forces(names, pre, gates, step.forced, acts)
            i, f, g, o = gates["i"], gates["f"], gates["g"], gates["o"]
            if step.record:
                bias = self.bias if self.use_bias else np.zeros(4 * u)
                parts = {
                    n: GateParts(pre[n], h_term[:, k * u : (k + 1) * u], bias[k * u : (k + 1) * u])
                    for k, n in enumerate(names)
                }
                info = (parts, pre, gates)
        assert step.c is not None
        c_new = f * step.c + i * g
        tc = self._act(c_new)
        if step.cache is not None:
            step.cache.append((i, f, g, o, step.c, tc))
        return o * tc, c_new, info

    def _cell_backward(self, step: CellGrad) -> CellGradOut:
        i, f, g, o, c_prev, tc = step.cache
        act, rec = get_backward(self.activation), get_backward(self.recurrent_activation)
        dc = step.dc
        assert dc is not None
        do = step.dh * tc
        dc = dc + act(step.dh * o, tc)
        dz = np.concatenate(
            [rec(dc * g, i), rec(dc * c_prev, f), act(dc * i, g), rec(do, o)], axis=-1
        )
        dh_in = self._recurrent_backward(dz, step.h_in, step.grads["recurrent_kernel"])
        return dz, None, dh_in, dc * f
