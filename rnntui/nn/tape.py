"""Tapes and gradients: what a forward pass keeps for its backward pass, and what backward returns.

A tape belongs to one call of one layer. Arrays are float64 with the batch axis first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from rnntui.nn.activations import Array
from rnntui.nn.dropout import DropoutMasks


class Grads(Protocol):
    """What every layer's ``backward`` returns: dL/d(input) and the weight gradients."""

    @property
    def d_input(self) -> Any:
        """dL/d(layer input); None for integer ids (Embedding)."""

    @property
    def weights(self) -> list[Array]:
        """Weight gradients in ``get_weights()`` order."""

    @property
    def detail(self) -> Any:
        """Per-step gradients of a recurrent layer, else None."""


@dataclass
class RecurrentTape:
    """One call of a SimpleRNN / LSTM / GRU, filled by the time loop.

    Per step lists are in processing order (index t); ``order[t]`` is the input position read.
    ``cells[t]`` is the cell's own cache (its gates), read only by that cell's ``_cell_backward``.
    """

    x_in: tuple[Array, ...] = ()
    """Inputs after input dropout, (B, T, D) each: one entry, or one per gate."""
    masks: DropoutMasks | None = None
    time_mask: np.ndarray | None = None
    """(B, T) bool by input position, or None."""
    order: list[int] = field(default_factory=list)
    h_in: list[tuple[Array, ...]] = field(default_factory=list)
    """h_{t-1} after recurrent dropout, (B, U) each."""
    cells: list[tuple[Array, ...]] = field(default_factory=list)


@dataclass
class RecurrentGrads:
    """The backward pass of one recurrent call.

    ``dh[:, t]`` / ``dc[:, t]`` are dL/dh_t and dL/dc_t for the state after processing step t
    (B, T, U); ``dx`` is dL/dx by input position (B, T, D); ``weights`` follow ``get_weights()``.
    """

    dx: Array
    dh: Array
    dc: Array | None
    d_initial_state: list[Array]
    weights: list[Array]
    order: list[int]

    @property
    def d_input(self) -> Array:
        """``dx``, under the name every layer's gradients use (``Grads``)."""
        return self.dx

    @property
    def detail(self) -> RecurrentGrads:
        """The per-step gradients: this object itself."""
        return self


@dataclass
class LayerGrads:
    """The backward pass of any layer: dL/d(input) (None for Embedding ids) and weight grads."""

    d_input: Array | None
    weights: list[Array]
    detail: Any = None
    """Per-step gradients of a recurrent layer (``RecurrentGrads``, or a pair for
    Bidirectional), else None."""
