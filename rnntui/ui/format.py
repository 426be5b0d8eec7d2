"""The UI's path to the one number formatter.

There is one ``fmt`` (:mod:`rnntui.lab.format`, pure, also what the labs print with); this
module only names it for the demo panels and tests that still import ``rnntui.ui.format``. New
code imports :mod:`rnntui.lab.format` (and :mod:`rnntui.typed_numbers` to read a number).
"""

from __future__ import annotations

from rnntui.lab.format import DECIMALS, fmt, fmt_int, fmt_signed

__all__ = ["DECIMALS", "fmt", "fmt_int", "fmt_signed"]
