"""Shipped demo weights: ``NAME.npz`` (float32 arrays in ``get_weights`` order) + ``NAME.json``.

The JSON holds the model spec, the vocabulary and the training figures. Weights are stored as
float32 (half the size; the engine computes in float64 after loading) and never pickled.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from rnntui.demos.models import ModelSpec, build_model
from rnntui.demos.vocab import Vocabulary
from rnntui.nn import Sequential

WEIGHTS_DIR = Path(__file__).with_name("weights")


@dataclass
class Loaded:
    """A demo model ready to use, with its spec, vocabulary and training figures."""

    model: Sequential
    spec: ModelSpec
    vocab: Vocabulary
    figures: dict[str, Any]


def weight_arrays(model: Sequential) -> list[np.ndarray]:
    """The model's weights as stored (float32)."""
    return [np.asarray(w, dtype=np.float32) for w in model.get_weights()]


def write_package_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (a temp file, then a rename), readable by all."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)  # package data: readable by every user (mkstemp makes it 0600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save(
    name: str,
    model: Sequential,
    spec: ModelSpec,
    vocab: Vocabulary,
    figures: dict[str, Any],
    directory: Path = WEIGHTS_DIR,
) -> tuple[Path, Path]:
    """Write ``name.npz`` and ``name.json`` into ``directory`` (atomically)."""
    import io

    directory.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    arrays = {f"w{k:02d}": w for k, w in enumerate(weight_arrays(model))}
    np.savez_compressed(buf, **arrays)  # type: ignore[arg-type]
    npz, meta = directory / f"{name}.npz", directory / f"{name}.json"
    write_package_file(npz, buf.getvalue())
    doc = {"spec": spec.to_json(), "vocab": vocab.to_json(), "figures": figures}
    write_package_file(meta, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8") + b"\n")
    return npz, meta


def load(name: str, directory: Path = WEIGHTS_DIR) -> Loaded:
    """The model saved as ``name`` (a FileNotFoundError names the retrain command if missing)."""
    meta_path, npz_path = directory / f"{name}.json", directory / f"{name}.npz"
    if not meta_path.exists() or not npz_path.exists():
        raise FileNotFoundError(
            f"demo weights {name!r} are missing in {directory}; "
            "rebuild them with: python -m rnntui.demos.train"
        )
    doc = json.loads(meta_path.read_text(encoding="utf-8"))
    spec = ModelSpec.from_json(doc["spec"])
    vocab = Vocabulary.from_json(doc["vocab"])
    model = build_model(spec)
    with np.load(npz_path, allow_pickle=False) as data:
        weights = [np.asarray(data[f"w{k:02d}"], dtype=np.float64) for k in range(len(data.files))]
    model.set_weights(weights)
    return Loaded(model, spec, vocab, dict(doc.get("figures", {})))
