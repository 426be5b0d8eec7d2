"""Lesson and progress file values on a terminal: control characters found with their line,
and short, bounded renderings of file values.

``check`` refuses a file whose text holds terminal controls (:func:`find_controls`); whatever
still reaches a terminal from a file goes through :func:`rnntui.printable.printable` first.
:func:`shown` renders any YAML or JSON value for a message in at most ``SHOWN_LIMIT``
characters, without walking it all (a "billion laughs" document is a small graph of shared
lists that ``repr`` would expand).

Pure: no Textual, no Rich.
"""

from __future__ import annotations

import reprlib
import unicodedata
from typing import Any

from rnntui.printable import BIDI_CONTROLS, UNSAFE, printable

SHOWN_LIMIT = 60
"""The most characters of a file value that go into one message."""


def control_name(char: str) -> str:
    """``U+001B (ESCAPE)``-style name of a control character."""
    code = ord(char)
    name = unicodedata.name(char, "")
    if not name and code < 0x20:
        name = "C0 control"
    elif not name and 0x7F <= code <= 0x9F:
        name = "DEL" if code == 0x7F else "C1 control"
    return f"U+{code:04X} ({name})" if name else f"U+{code:04X}"


def find_controls(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """``(line, message)`` for each line holding a control character or a bidi override."""
    found: list[tuple[int, str]] = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        chars = sorted(set(UNSAFE.findall(line)))
        if not chars:
            continue
        names = ", ".join(control_name(c) for c in chars[:3])
        more = f" and {len(chars) - 3} more" if len(chars) > 3 else ""
        kind = "bidi override" if all(c in BIDI_CONTROLS for c in chars) else "control character"
        found.append(
            (
                number,
                f"{kind} {names}{more} in the text; terminals act on these (escape sequences "
                "can change the title, clear the screen or reorder text), so remove them",
            )
        )
    return found


class _BoundedRepr(reprlib.Repr):
    """``reprlib`` with small limits: cost bounded by the limits, not by the value's size."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 2
        self.maxlist = self.maxtuple = self.maxdict = self.maxset = 4
        self.maxstring = self.maxother = SHOWN_LIMIT
        self.maxlong = 24

    def repr_int(self, x: int, level: int) -> str:
        """Huge ints are never converted to text in full (``str`` has a digit limit)."""
        if x.bit_length() > 80:
            return f"<a number with about {int(x.bit_length() * 0.30103)} digits>"
        return super().repr_int(x, level)


_REPR = _BoundedRepr()


def clip(text: str, limit: int = SHOWN_LIMIT) -> str:
    """``text`` cut to ``limit`` characters (with ``...``), printable, on one line."""
    text = printable(text[: limit * 4], one_line=True)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def shown(value: Any, limit: int = SHOWN_LIMIT) -> str:
    """A repr of ``value`` for a message: at most ``limit`` characters, printable."""
    if isinstance(value, str):
        return repr(clip(value, limit - 2))
    try:
        text = _REPR.repr(value)
    except Exception:  # an odd object must not break a message
        text = f"<{type(value).__name__}>"
    return clip(text, limit)
