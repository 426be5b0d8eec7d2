"""Bring your own model: ``load_model(path, spec=None)`` reads a Keras file into the engine.

Formats: a Keras 3 ``.keras`` zip, a legacy HDF5 ``.h5`` model, and weights alone (a
``.weights.h5`` or an ``.npz`` in ``get_weights()`` order) with a SPEC. Files are read as data
only: nothing named in them is imported or run, zip members are never extracted, and every
size is checked against the limits in ``errors``. Any problem is a ``LoadError``.
``load_vocab(path)`` reads the words for a model's token ids (``vocab``).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from rnntui.nn.loading.build import LoadedModel
from rnntui.nn.loading.errors import MAX_FILE_BYTES, SUPPORTED, LoadError, mb
from rnntui.nn.loading.vocab import Token, Vocabulary, load_vocab

__all__ = [
    "SUPPORTED",
    "LoadError",
    "LoadedModel",
    "Token",
    "Vocabulary",
    "load_model",
    "load_vocab",
]

HDF5_MAGIC = b"\x89HDF\r\n\x1a\n"
ZIP_MAGIC = b"PK"


def _check_file(path: Path) -> bytes:
    """The first bytes of ``path`` (LoadError if it is missing, not a file, or too large)."""
    try:
        if not path.is_file():
            raise LoadError("not_a_file", path=path)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LoadError("file_too_large", name=path.name, size=size, limit=mb(MAX_FILE_BYTES))
        with path.open("rb") as handle:
            return handle.read(8)
    except OSError as err:
        raise LoadError("cannot_read", path=path, error=err.strerror or err) from None


def _load(path: Path, spec: str | None) -> LoadedModel:
    head = _check_file(path)
    name = path.name.lower()
    if head.startswith(ZIP_MAGIC) or name.endswith((".keras", ".npz")):
        if name.endswith(".npz"):
            if spec is None:
                raise LoadError("weights_only", name=path.name)
            from rnntui.nn.loading.with_spec import load_npz_with_spec

            return load_npz_with_spec(path, spec)
        if spec is not None:
            raise LoadError("own_model", name=path.name)
        from rnntui.nn.loading.keras_file import load_keras

        return load_keras(path)
    if not head.startswith(HDF5_MAGIC):
        raise LoadError("unknown_format", name=path.name)
    from rnntui.nn.loading.h5file import open_h5
    from rnntui.nn.loading.legacy_h5 import has_model_config, load_legacy
    from rnntui.nn.loading.with_spec import load_h5_with_spec

    with open_h5(path, path.name) as file:
        if spec is not None:
            return load_h5_with_spec(file, path, spec)
        if not has_model_config(file):
            raise LoadError("weights_only", name=path.name)
        return load_legacy(file, path)


def load_model(path: str | Path, *, spec: str | None = None) -> LoadedModel:
    """The engine ``Sequential`` (a ``LoadedModel``) with the file's architecture and weights.

    ``spec`` gives the architecture for a weights-only file. Raises ``LoadError`` with a clear
    message (never another exception) for an unsupported, hostile or broken file; its
    ``partial`` summarises the layers that could be read.
    """
    path = Path(path)
    try:
        model = _load(path, spec)
    except LoadError:
        raise
    except (OSError, RuntimeError, KeyError, ValueError, TypeError, zipfile.BadZipFile) as err:
        raise LoadError("corrupt", name=path.name, error=err) from None
    except (MemoryError, RecursionError):
        raise LoadError("too_deep", name=path.name) from None
    model.source_path = str(path)
    return model
