"""What the recurrent time loop hands a cell for one step, forward and backward.

``RNNLayer._run`` calls ``cell._cell_step(CellStep(...))`` once per step and ``bptt`` calls
``cell._cell_backward(CellGrad(...))`` once per step in reverse; SimpleRNN, LSTM and GRU each
implement the two with these one-argument signatures (declared once, here).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from rnntui.nn.activations import Array
from rnntui.nn.trace import GateForce, GateParts

StepInfo = tuple[dict[str, GateParts], dict[str, Array], dict[str, Array]]
"""A recorded step's (parts per gate, pre-activations, gate values)."""

StepOut = tuple[Array, Array | None, StepInfo | None]
"""What a forward step returns: (h_t, c_t or None, the record or None)."""

CellGradOut = tuple[Array, Array | None, list[Array], Array | None]
"""What a backward step returns: (dL/d(x_t K + b) (B, G*U), dL/dh_{t-1} not through ``h_in``
or None, dL/d h_in (one per entry), dL/dc_{t-1} or None)."""


@dataclass(frozen=True, slots=True)
class CellStep:
    """One forward step's inputs."""

    xkb: Array
    """x_t K + b for this step, (B, G*U) (input dropout applied)."""
    h: Array
    """h_{t-1}, (B, U)."""
    c: Array | None
    """c_{t-1} (LSTM), else None."""
    h_in: tuple[Array, ...]
    """h_{t-1} after recurrent dropout: one copy, or one per gate."""
    forced: dict[str, GateForce]
    """Gates overridden in what-if mode (empty: the Keras computation)."""
    record: bool
    """Return the step's parts, pre-activations and gates."""
    cache: list[tuple[Array, ...]] | None = None
    """The tape's per-step caches: the cell appends what its backward step needs."""


@dataclass(frozen=True, slots=True)
class CellGrad:
    """One backward step's inputs."""

    cache: tuple[Array, ...]
    """What the forward step appended to the tape."""
    h_in: tuple[Array, ...]
    """The step's h_in, as in :class:`CellStep`."""
    dh: Array
    """dL/dh_t reaching the cell, (B, U)."""
    dc: Array | None
    """dL/dc_t (LSTM), else None."""
    grads: dict[str, Array]
    """Running weight gradients (``recurrent_kernel``, ``bias``): the cell adds to them."""


def apply_forces(
    gate_names: Sequence[str],
    pre: dict[str, Array],
    gates: dict[str, Array],
    forced: Mapping[str, GateForce],
    activations: Mapping[str, Any],
) -> None:
    """Overwrite forced gates in place (what-if mode): a fixed value or a fixed pre-activation."""
    for name, force in forced.items():
        if name not in gate_names:
            raise ValueError(f"unknown gate {name!r}; this layer has {', '.join(gate_names)}")
        if force.kind == "pre":
            pre[name] = np.full_like(pre[name], force.value)
            gates[name] = activations[name](pre[name])
        else:
            gates[name] = np.full_like(gates[name], force.value)
