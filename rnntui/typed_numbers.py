"""Numbers as students type them: the one lenient reader (a helper below every package;
the labs, the quiz and the UI's fields share it).

Accepts what Korean and English students type: full-width digits, ``0.5`` and ``0,5``,
``1,376`` (thousands or decimal comma: both readings are kept), ``1.234,5``, a Unicode minus,
``1e-3``, underscores, inner spaces, a trailing ``개``. Never NaN or infinity; text longer than
``MAX_LENGTH`` characters is not a number.
"""

from __future__ import annotations

import math
import re
import unicodedata

MAX_LENGTH = 64
"""Longer text is refused before any conversion (a 5,000-digit line is not an answer)."""
_COUNTERS = ("개",)
_MINUS = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-", "\ufe63": "-"})
_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d{1,3})?")


class NumberError(ValueError):
    """Text that is not an acceptable number; ``key`` (``empty``, ``not_a_number``) names the
    reason for a translated message."""

    def __init__(self, key: str, text: str) -> None:
        super().__init__(f"{key}: {text[:MAX_LENGTH]!r}")
        self.key = key
        self.text = text


def _grouped(digits: str, sep: str) -> bool:
    """True if ``digits`` is a valid thousands grouping with ``sep`` (``1,234,567``)."""
    return re.fullmatch(rf"([1-9]\d{{0,2}})(\{sep}\d{{3}})+", digits) is not None


def _mantissa_readings(mantissa: str) -> list[str]:
    if "," in mantissa and "." in mantissa:
        dec = "," if mantissa.rfind(",") > mantissa.rfind(".") else "."
        group = "." if dec == "," else ","
        whole, _, frac = mantissa.rpartition(dec)
        ok = _grouped(whole, group) and frac.isdigit()
        return [whole.replace(group, "") + "." + frac] if ok else []
    if "," in mantissa:
        out = [mantissa.replace(",", "")] if _grouped(mantissa, ",") else []
        return out + ([mantissa.replace(",", ".")] if mantissa.count(",") == 1 else [])
    if mantissa.count(".") > 1:
        return [mantissa.replace(".", "")] if _grouped(mantissa, ".") else []
    return [mantissa]


def number_readings(text: str) -> list[float]:
    """Every reading of ``text`` as a number (usually one; two for ``1,376``; none if invalid)."""
    s = unicodedata.normalize("NFKC", text).translate(_MINUS).lower()
    s = re.sub(r"\s+", "", s.replace("_", ""))
    if not s or len(s) > MAX_LENGTH:
        return []
    for counter in _COUNTERS:
        s = s.removesuffix(counter)
    sign = ""
    if s[:1] in ("+", "-"):
        sign, s = s[0], s[1:]
    mantissa, exp = s, ""
    m = re.fullmatch(r"(.*?)(e[+-]?\d+)", s)
    if m:
        mantissa, exp = m.group(1), m.group(2)
    values: list[float] = []
    for reading in _mantissa_readings(mantissa):
        candidate = sign + reading + exp
        if _PLAIN.fullmatch(candidate):
            value = float(candidate) + 0.0
            if math.isfinite(value) and value not in values:
                values.append(value)
    return values


def parse_number(text: str) -> float:
    """One number from ``text`` (a lone comma is a decimal comma: ``0,5`` is 0.5).

    Raises :class:`NumberError` (key ``empty`` or ``not_a_number``), also for NaN and infinity.
    """
    if not unicodedata.normalize("NFKC", text).strip():
        raise NumberError("empty", text)
    values = number_readings(text)
    if not values:
        raise NumberError("not_a_number", text)
    return values[-1] if "," in text and "." not in text and text.count(",") == 1 else values[0]
