"""Safe reads from an HDF5 weights file (h5py, imported lazily by the caller).

Only hard links are followed (no soft or external links to other files), datasets with
external or virtual storage are refused, and a dataset's declared size is checked against
the limits and the expected shape before a byte of it is read.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from rnntui.nn.loading.errors import MAX_FILE_BYTES, MAX_PARAMS, LoadError, mb, shown


class H5Reader:
    """Arrays by path from an open ``h5py.File`` (``where`` names the file in messages)."""

    def __init__(self, file: Any, where: str) -> None:
        self.file = file
        self.where = where
        self.dtypes: set[str] = set()
        """The dtypes of every array read (float32, float64 ...)."""

    def node(self, path: str) -> Any | None:
        """The group or dataset at ``path`` through hard links only, or None if absent."""
        import h5py  # type: ignore[import-untyped]

        node = self.file
        for part in [p for p in path.split("/") if p]:
            if not isinstance(node, h5py.Group) or part not in node:
                return None
            link = node.get(part, getlink=True)
            if not isinstance(link, h5py.HardLink):
                raise LoadError(f"{self.where}: {shown(path)} is a link to elsewhere, refused")
            node = node[part]
        return node

    def attr(self, path: str, key: str) -> Any:
        """An attribute of the node at ``path`` (None if absent)."""
        node = self.node(path)
        return None if node is None else node.attrs.get(key)

    def array(self, path: str, expected: tuple[int, ...], label: str) -> np.ndarray:
        """The dataset at ``path``, which must have shape ``expected`` and a float dtype."""
        import h5py  # type: ignore[import-untyped]

        data = self.node(path)
        if data is None:
            raise LoadError(f"{self.where} is missing the dataset {shown(path)} ({label})")
        if not isinstance(data, h5py.Dataset):
            raise LoadError(f"{self.where}: {shown(path)} is not a dataset ({label})")
        if data.external or data.is_virtual:
            raise LoadError(f"{self.where}: {shown(path)} keeps its data in another file, refused")
        shape = tuple(int(d) for d in data.shape)
        size = math.prod(shape)
        if size > MAX_PARAMS or size * data.dtype.itemsize > MAX_FILE_BYTES:
            raise LoadError(
                f"{self.where}: dataset {shown(path)} declares shape {shape}, more than the "
                f"{MAX_PARAMS:,} values ({mb(MAX_FILE_BYTES)}) rnntui reads"
            )
        if shape != tuple(expected):
            raise LoadError(
                f"{self.where}: {label} has shape {shape} in the file, but the model "
                f"needs {tuple(expected)}"
            )
        if data.dtype.kind != "f":
            raise LoadError(f"{self.where}: {label} is {data.dtype}, not floating point")
        try:
            value = np.asarray(data[()])
        except (OSError, ValueError, TypeError) as err:
            raise LoadError(f"{self.where}: cannot read {shown(path)}: {err}") from None
        self.dtypes.add(str(value.dtype))
        return value.astype(np.float64)
