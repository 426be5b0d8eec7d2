"""Open an HDF5 file (path or bytes) with h5py, imported only here and only when used."""

from __future__ import annotations

from typing import Any

from rnntui.nn.loading.errors import LoadError


def open_h5(source: Any, where: str) -> Any:
    """An ``h5py.File`` read-only (LoadError if h5py is missing or the file is not HDF5)."""
    try:
        import h5py  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - h5py is a dependency
        raise LoadError("needs_h5py") from None
    try:
        return h5py.File(source, "r")
    except (OSError, ValueError) as err:
        raise LoadError("not_hdf5", where=where, error=err) from None
