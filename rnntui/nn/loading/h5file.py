"""Open an HDF5 file (path or bytes) with h5py, imported only here and only when used."""

from __future__ import annotations

from typing import Any

from rnntui.nn.loading.errors import LoadError


def open_h5(source: Any, where: str) -> Any:
    """An ``h5py.File`` read-only (LoadError if h5py is missing or the file is not HDF5)."""
    try:
        import h5py  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - h5py is a dependency
        raise LoadError("Reading HDF5 needs h5py: pip install h5py") from None
    try:
        return h5py.File(source, "r")
    except (OSError, ValueError) as err:
        raise LoadError(
            f"{where} is not a readable HDF5 file (truncated or corrupt?): {err}"
        ) from None
