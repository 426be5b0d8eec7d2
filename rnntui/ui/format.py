"""Fixed-decimal number formatting and lenient numeric parsing for every number the UI shows.

Every value on screen goes through :func:`fmt`, so the same number always looks the same and
last-bit differences between machines never change a snapshot.
"""

from __future__ import annotations

import math
import unicodedata

DECIMALS = 4
"""Decimals shown for every engine value."""


def fmt(value: float, decimals: int = DECIMALS) -> str:
    """``0.73105857`` -> ``"0.7311"``; negative zero is shown as ``0.0000``."""
    text = f"{float(value):.{decimals}f}"
    if text.startswith("-") and float(text) == 0.0:
        text = text[1:]
    return text


def fmt_signed(value: float, decimals: int = DECIMALS) -> str:
    """Like :func:`fmt` with a leading space for positive values, so columns line up."""
    text = fmt(value, decimals)
    return text if text.startswith("-") else " " + text


def fmt_cell(value: float, width: int = 8, decimals: int = DECIMALS) -> str:
    """A right-aligned fixed-width cell for grids."""
    return fmt(value, decimals).rjust(width)


def fmt_int(value: int) -> str:
    """``12345`` -> ``"12,345"`` (thousands separators, as Keras summaries print them)."""
    return f"{int(value):,}"


class NumberError(ValueError):
    """Text that is not an acceptable number; ``key`` names the reason for a translated message."""

    def __init__(self, key: str, text: str) -> None:
        super().__init__(f"{key}: {text!r}")
        self.key = key
        self.text = text


def parse_number(text: str) -> float:
    """Parse a typed number: ``"0.5"``, ``"0,5"``, ``"-1"``, ``"+2"``, full-width digits.

    Raises :class:`NumberError` (key ``"empty"`` or ``"not_a_number"``) for anything else,
    including NaN and infinity.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip().replace("\u2212", "-").replace(" ", "")
    if not cleaned:
        raise NumberError("empty", text)
    if "," in cleaned and "." not in cleaned and cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise NumberError("not_a_number", text) from None
    if not math.isfinite(value) or cleaned.lower().lstrip("+-") in ("nan", "inf", "infinity"):
        raise NumberError("not_a_number", text)
    return value
