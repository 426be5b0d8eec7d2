"""Keep the app alive when the terminal sends bytes that are not UTF-8.

Textual's Linux driver decodes keyboard input with a strict UTF-8 decoder, so one stray byte
(EUC-KR ``b0 a1`` from a Korean PuTTY, a truncated paste) kills the input thread and the app
(Textualize/textual#6456, open for textual 8.2.8). We make that decoder replace bad bytes with
U+FFFD instead. Remove once upstream ships a fix.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from typing import Any


def _lenient_decoder_factory(encoding: str) -> Callable[..., codecs.IncrementalDecoder]:
    factory = codecs.getincrementaldecoder(encoding)

    def make(errors: str = "replace", **kwargs: Any) -> codecs.IncrementalDecoder:
        return factory(errors="replace", **kwargs)

    return make


def install_lenient_input_decoder() -> bool:
    """Patch the Linux driver's decoder; returns False if Textual's layout has changed."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # pragma: no cover - non-Linux platforms
        return False
    if not hasattr(linux_driver, "getincrementaldecoder"):
        return False
    linux_driver.getincrementaldecoder = _lenient_decoder_factory  # type: ignore[attr-defined]
    return True
