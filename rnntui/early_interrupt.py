"""Ctrl+C while ``rnntui quiz --plain`` is still loading: remembered, not raised.

The console script (``rnntui.entry``) calls :func:`hold_interrupts_until_quiz` first thing; the
plain quiz calls :func:`take_early_interrupt` once its first question is ready, so it can still
print its ``Score:`` line. A small helper below every package: standard library only.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Sequence
from types import FrameType

_early_interrupt = False


def _note_interrupt(_signum: int, _frame: FrameType | None) -> None:
    global _early_interrupt
    _early_interrupt = True


def hold_interrupts_until_quiz(argv: Sequence[str]) -> bool:
    """For ``rnntui quiz`` in plain mode: a Ctrl+C while it loads is remembered, not raised,
    so the quiz can still print its ``Score:`` line (see :func:`take_early_interrupt`)."""
    words = list(argv)
    plain = (
        "--plain" in words
        or not (sys.stdin and sys.stdin.isatty())
        or not (sys.stdout and sys.stdout.isatty())
    )
    if "quiz" not in words or not plain or signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        return False
    signal.signal(signal.SIGINT, _note_interrupt)
    return True


def take_early_interrupt() -> bool:
    """True if Ctrl+C was pressed while the quiz loaded; from now on Ctrl+C raises again."""
    global _early_interrupt
    if signal.getsignal(signal.SIGINT) is _note_interrupt:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    pressed, _early_interrupt = _early_interrupt, False
    return pressed
