"""A student's own trained demo models, kept per user (private, atomic, like the quiz progress).

``save(name, model)`` writes ``<state dir>/demos/NAME.json`` (weights as nested lists, float64,
through ``rnntui.storage.atomic_write_json``: 0700 directory, 0600 file, old file kept as
``.bak``); ``load_weights(name, like)`` returns them only if their shapes match the model
``like`` (a stale or damaged file is ignored, never an error); ``reset(name)`` removes them.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import numpy as np

from rnntui import paths, storage
from rnntui.nn import Sequential

SCHEMA_VERSION = 1
FOLDER = "demos"


def path_for(name: str) -> Path:
    """Where the student's model ``name`` is kept (NoHomeError without a home directory)."""
    if not name.replace("_", "").isalnum():
        raise ValueError(f"not a demo model name: {name!r}")
    return paths.state_dir() / FOLDER / f"{name}.json"


def _valid(doc: dict[str, Any]) -> bool:
    weights = doc.get("weights")
    return isinstance(weights, list) and all(isinstance(w, list) for w in weights)


def save(name: str, model: Sequential, figures: dict[str, Any] | None = None) -> Path:
    """Keep ``model``'s weights as the student's ``name`` model."""
    path = path_for(name)
    doc = {
        storage.SCHEMA_KEY: SCHEMA_VERSION,
        "weights": [np.asarray(w, dtype=np.float64).tolist() for w in model.get_weights()],
        "figures": dict(figures or {}),
    }
    storage.atomic_write_json(path, doc)
    return path


def load_weights(name: str, like: Sequential) -> list[np.ndarray] | None:
    """The student's weights for ``name`` if kept and shaped as ``like``'s, else None."""
    try:
        loaded = storage.load_json(path_for(name), schema_version=SCHEMA_VERSION, validate=_valid)
    except (storage.StorageError, paths.NoHomeError, OSError):
        return None
    if loaded.data is None:
        return None
    try:
        weights = [np.asarray(w, dtype=np.float64) for w in loaded.data["weights"]]
    except (TypeError, ValueError):
        return None
    shapes = [np.shape(w) for w in like.get_weights()]
    if [w.shape for w in weights] != shapes or not all(np.all(np.isfinite(w)) for w in weights):
        return None
    return weights


def exists(name: str) -> bool:
    """Is a model of the student's kept under ``name``?"""
    try:
        return path_for(name).is_file()
    except paths.NoHomeError:
        return False


def reset(name: str) -> bool:
    """Forget the student's ``name`` model (and its backup); True if there was one."""
    try:
        path = path_for(name)
    except paths.NoHomeError:
        return False
    had = path.is_file()
    for victim in (path, storage.backup_path(path)):
        with contextlib.suppress(FileNotFoundError):
            victim.unlink()
    return had
