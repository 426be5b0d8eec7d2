"""A legacy HDF5 model (``model.save("m.h5")``): ``model_config`` JSON in the root attributes,
weights under ``model_weights/<layer name>/`` listed by ``weight_names``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rnntui.nn.loading.build import LoadedModel, set_weights
from rnntui.nn.loading.config import parse_json
from rnntui.nn.loading.from_config import model_from_config
from rnntui.nn.loading.h5 import H5Reader
from rnntui.nn.loading.text_vectorization import config_vocabulary
from rnntui.nn.loading.weights import read_legacy


def _text(value: Any) -> str | None:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value if isinstance(value, str) else None


def has_model_config(file: Any) -> bool:
    """The HDF5 file holds a whole model (not only weights)."""
    return "model_config" in file.attrs


def load_legacy(file: Any, path: Path) -> LoadedModel:
    """The model of an open legacy HDF5 file, with its weights."""
    raw = _text(file.attrs.get("model_config"))
    top = parse_json(raw if raw is not None else "", f"{path.name} model_config")
    model, config = model_from_config(top)
    if config.text is not None:
        model.vocabulary = config_vocabulary(config.text)
    reader = H5Reader(file, path.name)
    root = "model_weights" if reader.node("model_weights") is not None else ""
    arrays = read_legacy(reader, model.layers, root, by_name=True)
    set_weights(model, arrays, reader.dtypes)
    model.source_format = "h5"
    version = _text(file.attrs.get("keras_version"))
    model.keras_version = version[:40] if version else None
    return model
