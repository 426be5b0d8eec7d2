"""Shared helpers for engine tests."""

from __future__ import annotations

import numpy as np
import pytest


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(1234)


@pytest.fixture
def randomize():
    """Give a built layer random weights (so biases are non-zero too)."""

    def apply(layer, rng: np.random.Generator, scale: float = 0.5) -> None:
        layer.set_weights([rng.normal(scale=scale, size=w.shape) for w in layer.get_weights()])

    return apply
