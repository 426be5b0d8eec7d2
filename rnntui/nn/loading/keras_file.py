"""A Keras 3 ``.keras`` file: a zip of ``config.json``, ``metadata.json``, ``model.weights.h5``."""

from __future__ import annotations

import io
from pathlib import Path

from rnntui.nn.loading.archive import open_zip, read_member
from rnntui.nn.loading.build import LoadedModel, set_weights
from rnntui.nn.loading.config import parse_json
from rnntui.nn.loading.errors import MAX_CONFIG_BYTES, LoadError, mb
from rnntui.nn.loading.from_config import model_from_config, weight_paths
from rnntui.nn.loading.h5 import H5Reader
from rnntui.nn.loading.h5file import open_h5
from rnntui.nn.loading.messages import Msg
from rnntui.nn.loading.text_vectorization import archive_vocabulary
from rnntui.nn.loading.weights import read_keras3

WEIGHTS = "model.weights.h5"


def load_keras(path: Path) -> LoadedModel:
    """The model in a ``.keras`` file, with its weights."""
    with open_zip(path) as archive:
        names = set(archive.namelist())
        if "config.json" not in names:
            raise LoadError("member_missing", where=path.name, member="config.json")
        info = archive.getinfo("config.json")
        if info.file_size > MAX_CONFIG_BYTES:
            raise LoadError(
                "larger_than", where=f"{path.name}/config.json", limit=mb(MAX_CONFIG_BYTES)
            )
        top = parse_json(read_member(archive, "config.json", path.name), f"{path.name}/config.json")
        model, config = model_from_config(top)
        if WEIGHTS not in names:
            other = sorted(n for n in names if n.startswith("model.weights"))
            found = Msg("other_weights", {"other": other[0]}) if other else ""
            raise LoadError(
                "no_weights_member",
                name=path.name,
                member=WEIGHTS,
                found=found,
                partial=model.summary(),
            )
        data = read_member(archive, WEIGHTS, path.name)
        metadata = archive.read("metadata.json") if "metadata.json" in names else b""
        if config.text is not None:
            model.vocabulary = archive_vocabulary(archive, path.name, config.text)
    where = f"{path.name}/{WEIGHTS}"
    with open_h5(io.BytesIO(data), where) as file:
        reader = H5Reader(file, where)
        arrays = read_keras3(reader, model.layers, weight_paths(config))
    set_weights(model, arrays, reader.dtypes)
    model.source_format = "keras"
    model.keras_version = _version(metadata)
    return model


def _version(metadata: bytes) -> str | None:
    """``keras_version`` from ``metadata.json`` (None if absent or unreadable)."""
    if not metadata or len(metadata) > 100_000:
        return None
    try:
        value = parse_json(metadata, "metadata.json").get("keras_version")
    except (LoadError, AttributeError):
        return None
    return value[:40] if isinstance(value, str) else None
