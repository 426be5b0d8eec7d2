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
                raise LoadError("h5_link", where=self.where, item=shown(path))
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
            raise LoadError("h5_missing", where=self.where, item=shown(path), label=label)
        if not isinstance(data, h5py.Dataset):
            raise LoadError("h5_not_dataset", where=self.where, item=shown(path), label=label)
        if data.external or data.is_virtual:
            raise LoadError("h5_external", where=self.where, item=shown(path))
        shape = tuple(int(d) for d in data.shape)
        size = math.prod(shape)
        if size > MAX_PARAMS or size * data.dtype.itemsize > MAX_FILE_BYTES:
            raise LoadError(
                "h5_too_large",
                where=self.where,
                item=shown(path),
                shape=shape,
                limit=MAX_PARAMS,
                size=mb(MAX_FILE_BYTES),
            )
        if shape != tuple(expected):
            raise LoadError(
                "h5_shape", where=self.where, label=label, shape=shape, needed=tuple(expected)
            )
        if data.dtype.kind != "f":
            raise LoadError("h5_not_float", where=self.where, label=label, dtype=data.dtype)
        try:
            value = np.asarray(data[()])
        except (OSError, ValueError, TypeError) as err:
            raise LoadError(
                "h5_unreadable", where=self.where, item=shown(path), error=err
            ) from None
        self.dtypes.add(str(value.dtype))
        return value.astype(np.float64)
