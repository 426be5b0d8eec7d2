"""Keras dropout masks for recurrent layers (variational: one mask reused at every step).

A mask entry is 0 with probability ``rate`` and ``1 / (1 - rate)`` otherwise (inverted dropout).
Masks are drawn once per call, only when ``training=True``:

- recurrent_dropout == 0: one input mask shared by all gates, no recurrent mask;
- recurrent_dropout > 0 (LSTM and GRU): one mask per gate for each kind (LSTM 4 + 4, GRU 3 + 3);
- SimpleRNN: at most one mask of each kind.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnntui.nn.activations import Array


def check_rate(name: str, rate: float) -> float:
    """Validate a dropout rate: a number in [0, 1)."""
    value = float(rate)
    if not (0.0 <= value < 1.0):
        raise ValueError(
            f"{name} must be a number in [0, 1) (a fraction of entries to drop), got {rate!r}"
        )
    return value


@dataclass(frozen=True)
class DropoutMasks:
    """The masks of one call: ``input`` entries are (B, D), ``recurrent`` entries (B, U).

    Each tuple is empty (no dropout of that kind), has one mask (shared by every gate) or one per
    gate in Keras gate order.
    """

    input: tuple[Array, ...] = ()
    recurrent: tuple[Array, ...] = ()


def draw_mask(rng: np.random.Generator, rate: float, shape: tuple[int, int]) -> Array:
    """One inverted-dropout mask: 0 with probability ``rate``, else 1/(1-rate)."""
    keep = rng.random(shape) >= rate
    return keep / (1.0 - rate)


def mask_counts(
    n_gates: int, dropout: float, recurrent_dropout: float, per_gate_capable: bool
) -> tuple[int, int]:
    """How many input and recurrent masks Keras uses for these rates."""
    per_gate = per_gate_capable and recurrent_dropout > 0
    n_in = (n_gates if per_gate else 1) if dropout > 0 else 0
    n_rec = (n_gates if per_gate else 1) if recurrent_dropout > 0 else 0
    return n_in, n_rec


def draw_masks(
    rng: np.random.Generator,
    *,
    batch: int,
    input_dim: int,
    units: int,
    dropout: float,
    recurrent_dropout: float,
    n_gates: int,
    per_gate_capable: bool,
) -> DropoutMasks:
    """Draw the masks Keras would draw for one training call."""
    n_in, n_rec = mask_counts(n_gates, dropout, recurrent_dropout, per_gate_capable)
    return DropoutMasks(
        input=tuple(draw_mask(rng, dropout, (batch, input_dim)) for _ in range(n_in)),
        recurrent=tuple(draw_mask(rng, recurrent_dropout, (batch, units)) for _ in range(n_rec)),
    )


def validate_masks(
    masks: DropoutMasks,
    *,
    batch: int,
    input_dim: int,
    units: int,
    n_in: int,
    n_rec: int,
) -> DropoutMasks:
    """Check injected masks have the counts and shapes this layer uses; return float64 copies."""
    checked: list[tuple[Array, ...]] = []
    for kind, given, count, shape in (
        ("input", masks.input, n_in, (batch, input_dim)),
        ("recurrent", masks.recurrent, n_rec, (batch, units)),
    ):
        if len(given) != count:
            raise ValueError(
                f"expected {count} {kind} dropout mask(s) for these rates, got {len(given)}"
            )
        arrays = []
        for m in given:
            a = np.array(m, dtype=np.float64)
            if a.shape != shape:
                raise ValueError(f"{kind} dropout mask must have shape {shape}, got {a.shape}")
            arrays.append(a)
        checked.append(tuple(arrays))
    return DropoutMasks(input=checked[0], recurrent=checked[1])
