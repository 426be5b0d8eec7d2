"""Weights without an architecture, plus a SPEC: a ``.weights.h5`` (Keras 3 or legacy HDF5
layout) or an ``.npz`` of arrays in ``get_weights()`` order (``np.savez(f, *weights)``)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from rnntui.nn.loading.archive import open_zip
from rnntui.nn.loading.build import LoadedModel, build_model, set_weights
from rnntui.nn.loading.errors import LoadError, shown
from rnntui.nn.loading.h5 import H5Reader
from rnntui.nn.loading.weights import keras3_paths, read_keras3, read_legacy


def model_from_spec(spec: str) -> LoadedModel:
    """The SPEC's model, built with zero weights (LoadError for a bad SPEC)."""
    from rnntui.nn.spec import SpecError, read_spec

    try:
        input_shape, layers = read_spec(spec)
    except SpecError as err:
        raise LoadError("bad_spec", error=err) from None
    return build_model(layers, input_shape)


def load_h5_with_spec(file: Any, path: Path, spec: str) -> LoadedModel:
    """A SPEC's model with the weights of an open HDF5 file, whichever layout it uses."""
    model = model_from_spec(spec)
    reader = H5Reader(file, path.name)
    if reader.node("layers") is not None and "layer_names" not in file.attrs:
        paths = keras3_paths([type(layer).__name__ for layer in model.layers])
        arrays = read_keras3(reader, model.layers, paths)
    else:
        root = "model_weights" if reader.node("model_weights") is not None else ""
        arrays = read_legacy(reader, model.layers, root, by_name=False)
    set_weights(model, arrays, reader.dtypes)
    model.source_format = "weights.h5"
    return model


def _order(names: list[str]) -> list[str]:
    """``arr_0, arr_1, ... arr_10`` in numeric order; other names in file order."""
    if names and all(re.fullmatch(r"arr_\d+", n) for n in names):
        return sorted(names, key=lambda n: int(n[4:]))
    return names


def _npy_header(handle: Any) -> tuple[tuple[int, ...], np.dtype[Any]]:
    """Shape and dtype from a ``.npy`` header, read before any data."""
    from numpy.lib import format as npy

    version = npy.read_magic(handle)
    if version == (1, 0):
        shape, _, dtype = npy.read_array_header_1_0(handle)
    else:
        shape, _, dtype = npy.read_array_header_2_0(handle)
    return tuple(shape), dtype


def load_npz_with_spec(path: Path, spec: str) -> LoadedModel:
    """A SPEC's model with the arrays of an ``.npz`` file (headers checked first, no pickle)."""
    from numpy.lib import format as npy

    model = model_from_spec(spec)
    expected = [w.shape for w in model.get_weights()]
    arrays: list[np.ndarray] = []
    dtypes: set[str] = set()
    try:
        with open_zip(path) as archive:
            members = [n for n in archive.namelist() if n.endswith(".npy")]
            names = _order([n[: -len(".npy")] for n in members])
            if len(names) != len(expected):
                raise LoadError(
                    "npz_count",
                    name=path.name,
                    stored=len(names),
                    needed=len(expected),
                    partial=model.summary(),
                )
            for name, shape in zip(names, expected, strict=True):
                with archive.open(f"{name}.npy") as handle:
                    found, dtype = _npy_header(handle)
                    if dtype.kind != "f" or found != shape:
                        raise LoadError(
                            "npz_array",
                            name=path.name,
                            item=shown(name),
                            dtype=dtype,
                            shape=found,
                            needed=shape,
                            partial=model.summary(),
                        )
                with archive.open(f"{name}.npy") as handle:
                    value = npy.read_array(handle, allow_pickle=False)
                dtypes.add(str(value.dtype))
                arrays.append(np.asarray(value, dtype=np.float64))
    except LoadError:
        raise
    except (ValueError, OSError, EOFError, zipfile.BadZipFile, KeyError) as err:
        raise LoadError("npz_unreadable", name=path.name, error=err) from None
    set_weights(model, arrays, dtypes)
    model.source_format = "npz"
    return model
