"""Carry a recurrent layer's weights over to a different number of units (Keras order).

Units ``0..k-1`` keep their numbers; only the new units take the new layer's own draws.
"""

from __future__ import annotations

import numpy as np


def keep_units(
    old: list[np.ndarray], new: list[np.ndarray], gates: int, old_units: int, new_units: int
) -> list[np.ndarray]:
    """``new`` (fresh weights for ``new_units``) with the overlap copied from ``old``.

    Each weight's last axis is ``gates`` blocks of ``units`` columns; the recurrent kernel
    (index 1) also has one row per unit. The input dimension must be the same.
    """
    keep = min(old_units, new_units)
    out = [w.copy() for w in new]
    for index, (was, now) in enumerate(zip(old, out, strict=True)):
        for g in range(gates):
            src = slice(g * old_units, g * old_units + keep)
            dst = slice(g * new_units, g * new_units + keep)
            if index == 1:
                now[:keep, dst] = was[:keep, src]
            else:
                now[..., dst] = was[..., src]
    return out
