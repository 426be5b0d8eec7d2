"""``LoadError`` and the size limits every loader enforces."""

from __future__ import annotations

from typing import Any

from rnntui.nn.loading.messages import MESSAGES, Msg, supported
from rnntui.nn.loading.messages import SUPPORTED_LAYERS as SUPPORTED_LAYERS
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

SUPPORTED = supported("en")
"""What the loader reads, for messages."""


class LoadError(ValueError):
    """The file cannot be read as a model rnntui supports; the message says why.

    ``message`` is a key of ``messages.MESSAGES`` filled with ``values`` (``str()`` is English,
    :meth:`text` either language). ``partial`` summarises the layers read before an
    unsupported one (None when nothing could be read); ``layer`` / ``class_name`` name the
    layer at fault, when there is one.
    """

    def __init__(
        self,
        message: str,
        *,
        partial: ModelSummary | None = None,
        layer: str | None = None,
        class_name: str | None = None,
        **values: Any,
    ) -> None:
        if layer is not None:  # the templates name the layer at fault as {layer}, {cls}
            values.setdefault("layer", layer)
        if class_name is not None:
            values.setdefault("cls", class_name)
        self.msg = Msg(message, values) if message in MESSAGES else None
        super().__init__(self.msg.text("en") if self.msg is not None else message)
        self.partial = partial
        self.layer = layer
        self.class_name = class_name

    def text(self, lang: str) -> str:
        """The message in ``lang`` ("ko" or "en"; one not in the catalogue is English)."""
        return self.msg.text(lang) if self.msg is not None else str(self)


def shown(value: object, limit: int = 120) -> str:
    """``repr(value)`` safe for a message: printable characters only, cut to ``limit``."""
    text = "".join(ch for ch in repr(value) if ch.isprintable())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def mb(n_bytes: int) -> str:
    """``512 MB`` (or ``1,024 bytes`` below a megabyte) for a limit in a message."""
    if n_bytes < 1024 * 1024:
        return f"{n_bytes:,} bytes"
    return f"{n_bytes // (1024 * 1024):,} MB"
