"""Traces: plain records of everything a recurrent layer computed, step by step.

Panels and the quiz read traces; they never redo the maths. Arrays are float64 with the batch
axis first: ``(B, U)`` per step, ``(B, T, U)`` for whole sequences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from rnntui.nn.activations import Array
from rnntui.nn.dropout import DropoutMasks


@dataclass(frozen=True)
class GateForce:
    """A what-if override for one gate: ``kind="value"`` fixes the gate's output, ``kind="pre"``
    fixes its pre-activation (the activation is still applied)."""

    kind: str
    value: float

    def __post_init__(self) -> None:
        if self.kind not in ("value", "pre"):
            raise ValueError(f"GateForce kind must be 'value' or 'pre', got {self.kind!r}")
        if not np.isfinite(self.value):
            raise ValueError("GateForce value must be a finite number")


@dataclass(frozen=True)
class GateParts:
    """The operands of one gate's pre-activation.

    pre = x_term + bias + h_term, except the GRU candidate with reset_after=True where
    pre = x_term + bias + r * (h_term + rec_bias).
    """

    x_term: Array
    h_term: Array
    bias: Array
    rec_bias: Array | None = None


@dataclass(frozen=True)
class StepTrace:
    """One time step of one recurrent layer (all arrays keep the batch axis)."""

    t: int
    """Processing index (0 = first step computed)."""
    position: int
    """Index of the input x that this step read (differs from ``t`` with go_backwards)."""
    x: Array
    h_prev: Array
    c_prev: Array | None
    x_in: tuple[Array, ...]
    """Input after dropout: one entry, or one per gate when masks are per gate."""
    h_in: tuple[Array, ...]
    """h_{t-1} after recurrent dropout: one entry, or one per gate."""
    parts: dict[str, GateParts]
    pre: dict[str, Array]
    gates: dict[str, Array]
    h: Array
    c: Array | None
    output: Array
    masked: np.ndarray
    """Per batch row: True where the input mask skipped this step (state carried over)."""
    forced: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecurrentTrace:
    """A whole call of a SimpleRNN, LSTM or GRU layer."""

    kind: str
    units: int
    input_dim: int
    gate_names: tuple[str, ...]
    go_backwards: bool
    training: bool
    steps: tuple[StepTrace, ...]
    outputs: Array
    """(B, T, U) per-step outputs in processing order (as Keras returns them)."""
    h: Array
    c: Array | None
    masks: DropoutMasks | None
    output: Any
    """Exactly what ``layer(x)`` returns for the same call."""
    config: dict[str, Any] = field(default_factory=dict)

    @property
    def timesteps(self) -> int:
        """Number of time steps."""
        return len(self.steps)


@dataclass(frozen=True)
class BidirectionalTrace:
    """A Bidirectional call: both directions and the merged result.

    ``backward_aligned`` is the backward layer's per-step output re-ordered by input position
    (position t summarises x_t .. x_{T-1}), as Keras merges it when return_sequences=True.
    """

    forward: RecurrentTrace
    backward: RecurrentTrace
    backward_aligned: Array
    merge_mode: str | None
    merged: Any
    output: Any
