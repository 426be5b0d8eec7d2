"""Text without terminal controls: what may reach a terminal from a file or from the user.

A lesson, progress or settings file may hold terminal escapes (``ESC ] 0 ; title BEL``, OSC 52
to the clipboard, ``ESC [ 2 J``), other C0/C1 controls and bidi overrides that reorder what the
reader sees. :func:`printable` takes them out; :func:`is_printable` tells whether there is any.
A helper below every package (standard library only): the settings, the lesson checks
(``rnntui.content.safe_text``), the quiz and the UI use it.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
"""Embeddings, overrides and isolates (U+202A-202E, U+2066-2069)."""

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 controls but tab and newline, DEL, C1 controls, and the bidi controls."""

_UNSAFE_INLINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""The same, and tab and newline too (for text shown on one line)."""


def printable(text: str, *, one_line: bool = False) -> str:
    """``text`` without terminal controls and bidi overrides (tab and newline kept unless
    ``one_line``, which turns them into spaces). Escape sequences lose their ESC, so what
    remains is inert visible text such as ``]0;title``."""
    if one_line:
        return _UNSAFE_INLINE.sub(_inline_replacement, text)
    return UNSAFE.sub("", text)


def _inline_replacement(match: re.Match[str]) -> str:
    return " " if match[0] in "\t\n\r" else ""


def is_printable(text: str) -> bool:
    """True if :func:`printable` would leave ``text`` unchanged."""
    return UNSAFE.search(text) is None
