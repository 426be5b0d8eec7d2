"""The UI's path to the one number formatter and the one number reader.

There is one ``fmt`` (:mod:`rnntui.lab.format`, pure, also what the labs print with) and one
lenient parser (:mod:`rnntui.quiz.numbers`); this module only names them for the demo panels
and tests that still import ``rnntui.ui.format``. New code imports the two pure modules.
"""

from __future__ import annotations

from rnntui.lab.format import DECIMALS, fmt, fmt_int, fmt_signed
from rnntui.quiz.numbers import NumberError, parse_number

__all__ = ["DECIMALS", "NumberError", "fmt", "fmt_int", "fmt_signed", "parse_number"]
