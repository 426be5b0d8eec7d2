"""SimpleRNN: h_t = tanh(x_t K + b + h_{t-1} R).

Backward: da = dh * (1 - h_t^2) (the activation's derivative from its output); da is the
gradient of x_t K + b and of h_{t-1} R.
"""

from __future__ import annotations

import numpy as np

from rnntui.nn.activations import get_backward
from rnntui.nn.cell import CellGrad, CellGradOut, CellStep, StepOut, apply_forces
from rnntui.nn.recurrent import RNNLayer
from rnntui.nn.trace import GateParts


class SimpleRNN(RNNLayer):
    """Keras ``SimpleRNN``: weights kernel (D, U), recurrent_kernel (U, U), bias (U,)."""

    gate_names = ("h",)
    per_gate_capable = False

    def _cell_step(self, step: CellStep) -> StepOut:
        h_term = step.h_in[0] @ self.recurrent_kernel
        pre = step.xkb + h_term
        h_new = self._act(pre)
        if step.cache is not None:
            step.cache.append((h_new,))
        if not step.forced and not step.record:
            return h_new, None, None
        pres, gates = {"h": pre}, {"h": h_new}
        apply_forces(self.gate_names, pres, gates, step.forced, {"h": self._act})
        bias = self.bias if self.use_bias else np.zeros(self.units)
        info = ({"h": GateParts(pre, h_term, bias)}, pres, gates) if step.record else None
        return gates["h"], None, info

    def _cell_backward(self, step: CellGrad) -> CellGradOut:
        (h_new,) = step.cache
        da = get_backward(self.activation)(step.dh, h_new)
        return (
            da,
            None,
            self._recurrent_backward(da, step.h_in, step.grads["recurrent_kernel"]),
            None,
        )
