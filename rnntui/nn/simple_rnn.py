"""SimpleRNN: h_t = tanh(x_t K + b + h_{t-1} R).

Backward: da = dh * (1 - h_t^2) (the activation's derivative from its output); da is the
gradient of x_t K + b and of h_{t-1} R.
"""

from __future__ import annotations

import numpy as np

from rnntui.nn.activations import Array, get_backward
from rnntui.nn.recurrent import RNNLayer, StepInfo, apply_forces
from rnntui.nn.trace import GateForce, GateParts


class SimpleRNN(RNNLayer):
    """Keras ``SimpleRNN``: weights kernel (D, U), recurrent_kernel (U, U), bias (U,)."""

    gate_names = ("h",)
    per_gate_capable = False

    def _cell_step(
        self,
        xkb_t: Array,
        h: Array,
        c: Array | None,
        h_in: tuple[Array, ...],
        forced: dict[str, GateForce],
        record: bool,
        cache: list[tuple[Array, ...]] | None = None,
    ) -> tuple[Array, Array | None, StepInfo | None]:
        h_term = h_in[0] @ self.recurrent_kernel
        pre = xkb_t + h_term
        h_new = self._act(pre)
        if cache is not None:
            cache.append((h_new,))
        if not forced and not record:
            return h_new, None, None
        pres, gates = {"h": pre}, {"h": h_new}
        apply_forces(self.gate_names, pres, gates, forced, {"h": self._act})
        bias = self.bias if self.use_bias else np.zeros(self.units)
        info = ({"h": GateParts(pre, h_term, bias)}, pres, gates) if record else None
        return gates["h"], None, info

    def _cell_backward(
        self,
        cache: tuple[Array, ...],
        h_in: tuple[Array, ...],
        dh: Array,
        dc: Array | None,
        grads: dict[str, Array],
    ) -> tuple[Array, Array | None, list[Array], Array | None]:
        (h_new,) = cache
        da = get_backward(self.activation)(dh, h_new)
        return da, None, self._recurrent_backward(da, h_in, grads["recurrent_kernel"]), None
