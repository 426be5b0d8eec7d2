"""rnntui: a terminal tutor for recurrent neural networks (SimpleRNN, LSTM, GRU, ...).

Importing the package imports nothing else, so ``import rnntui`` stays fast and Textual-free.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("rnntui")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0+unknown"
