"""Text that is safe to show on a terminal, and short, bounded renderings of file values.

A lesson or progress file may hold terminal escapes (``ESC ] 0 ; title BEL``, OSC 52 to the
clipboard, OSC 8 links, ``ESC [ 2 J``), other C0/C1 controls and bidi overrides that reorder
what the reader sees. ``check`` refuses them (:func:`find_controls`); whatever still reaches a
terminal from a file goes through :func:`printable` first. :func:`shown` renders any YAML or
JSON value for a message in at most ``SHOWN_LIMIT`` characters, without walking it all (a
"billion laughs" document is a small graph of shared lists that ``repr`` would expand).

Pure: no Textual, no Rich. The UI uses :func:`printable` too.
"""

from __future__ import annotations

import re
import reprlib
import unicodedata
from typing import Any

SHOWN_LIMIT = 60
"""The most characters of a file value that go into one message."""

BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
"""Embeddings, overrides and isolates (U+202A-202E, U+2066-2069)."""

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 controls but tab and newline, DEL, C1 controls, and the bidi controls."""

_UNSAFE_INLINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""The same, and tab and newline too (for text shown on one line)."""


def printable(text: str, *, one_line: bool = False) -> str:
    """``text`` without terminal controls and bidi overrides (tab and newline kept unless
    ``one_line``, which turns them into spaces). Escape sequences lose their ESC, so what
    remains is inert visible text such as ``]0;title``."""
    if one_line:
        return _UNSAFE_INLINE.sub(_inline_replacement, text)
    return _UNSAFE.sub("", text)


def _inline_replacement(match: re.Match[str]) -> str:
    return " " if match[0] in "\t\n\r" else ""


def is_printable(text: str) -> bool:
    """True if :func:`printable` would leave ``text`` unchanged."""
    return _UNSAFE.search(text) is None


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
        chars = sorted(set(_UNSAFE.findall(line)))
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
