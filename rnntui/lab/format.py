"""How a lab prints numbers in its view: 4 decimals, no ``-0.0000``, negatives in formulas in
parentheses. Pure stdlib; the one formatter: the UI prints with it too."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from rnntui.lab.spec import SettingError

DECIMALS = 4


def fmt(value: float, decimals: int = DECIMALS) -> str:
    """``0.73105857`` -> ``"0.7311"``; negative zero is shown as ``0.0000``."""
    text = f"{float(value):.{decimals}f}"
    if text.startswith("-") and float(text) == 0.0:
        text = text[1:]
    return text


def fmt_int(value: int) -> str:
    """``12345`` -> ``"12,345"``."""
    return f"{int(value):,}"


def paren(value: float, show: Callable[[float], str] | None = None) -> str:
    """A number for a formula: negatives in parentheses; ``show`` formats it (default
    :func:`fmt`; the quiz passes its own ``format_number``)."""
    text = fmt(value) if show is None else show(value)
    return f"({text})" if text.startswith("-") else text


def short(value: float) -> str:
    """A typed-back number: 2 decimals when they say it all, else 4 (``1.00``, ``0.1234``)."""
    two = fmt(value, 2)
    return two if float(two) == float(value) else fmt(value)


def words(lang: str, en: str, ko: str) -> str:
    """The Korean (``lang == "ko"``) or the English text."""
    return ko if lang == "ko" else en


def refused(lang: str, errors: Sequence[SettingError]) -> tuple[str, ...]:
    """One line per preset value that was refused (the default was used instead)."""
    return tuple(
        words(
            lang,
            f"Preset value '{e.name}' ignored: {e}",
            f"프리셋 값 '{e.name}'을(를) 무시했습니다: {e}",
        )
        for e in errors
    )


def cells(text: str) -> int:
    """Terminal cells of ``text``: wide (Hangul, CJK) characters take two, combining marks
    none (the same count as Rich's ``cell_len`` for lesson text)."""
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def pad(text: str, width: int, *, right: bool = False) -> str:
    """Align ``text`` in ``width`` terminal cells (left, or right with ``right``)."""
    fill = " " * max(0, width - cells(text))
    return fill + text if right else text + fill


def fmt_signed(value: float, decimals: int = DECIMALS) -> str:
    """Like :func:`fmt` with a leading space for positive values, so columns line up."""
    text = fmt(value, decimals)
    return text if text.startswith("-") else " " + text
