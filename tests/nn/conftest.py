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


def load_helper(name: str):
    """Import a helper module that sits next to this file (tests/nn is not a package)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        f"tests_nn_{name}", Path(__file__).with_name(f"{name}.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def tref():
    """The torch reference implementations (tests/nn/torch_ref.py); skips without torch."""
    pytest.importorskip("torch")
    return load_helper("torch_ref")
