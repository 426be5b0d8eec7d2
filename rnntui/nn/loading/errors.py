"""``LoadError`` and the size limits every loader enforces."""

from __future__ import annotations

from rnntui.nn.kinds import INPUT_LAYER, NAMES
from rnntui.nn.sequential import ModelSummary

MAX_FILE_BYTES = 512 * 1024 * 1024
"""A model file (or a member of a ``.keras`` / ``.npz`` archive, uncompressed) up to 512 MB."""
MAX_CONFIG_BYTES = 16 * 1024 * 1024
"""``config.json`` (or an HDF5 ``model_config``) up to 16 MB."""
MAX_MEMBERS = 10_000
"""Entries in an archive."""
MAX_LAYERS = 1_000
"""Layers in a model."""
MAX_PARAMS = 20_000_000
"""Weights in a model, as ``rnntui.nn.spec.MAX_BUILD_PARAMS`` (160 MB of float64)."""

SUPPORTED_LAYERS = (INPUT_LAYER, *NAMES)
"""The layer classes the loader reads (the catalogue ``rnntui.nn.kinds``)."""
SUPPORTED = (
    f"{', '.join(SUPPORTED_LAYERS[:-1])} and {SUPPORTED_LAYERS[-1]}, "
    "in a Sequential model or a functional model that is a plain chain"
)
"""What the loader reads, for messages."""


class LoadError(ValueError):
    """The file cannot be read as a model rnntui supports; the message says why.

    ``partial`` summarises the layers read before an unsupported one (None when nothing could
    be read); ``layer`` / ``class_name`` name the layer at fault, when there is one.
    """

    def __init__(
        self,
        message: str,
        *,
        partial: ModelSummary | None = None,
        layer: str | None = None,
        class_name: str | None = None,
    ) -> None:
        super().__init__(message)
        self.partial = partial
        self.layer = layer
        self.class_name = class_name


def shown(value: object, limit: int = 120) -> str:
    """``repr(value)`` safe for a message: printable characters only, cut to ``limit``."""
    text = "".join(ch for ch in repr(value) if ch.isprintable())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def mb(n_bytes: int) -> str:
    """``512 MB`` (or ``1,024 bytes`` below a megabyte) for a limit in a message."""
    if n_bytes < 1024 * 1024:
        return f"{n_bytes:,} bytes"
    return f"{n_bytes // (1024 * 1024):,} MB"
