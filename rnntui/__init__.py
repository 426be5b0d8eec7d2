"""rnntui: a terminal tutor for recurrent neural networks (SimpleRNN, LSTM, GRU, ...).

Importing the package imports nothing else, so ``import rnntui`` stays fast and Textual-free;
``rnntui.__version__`` is read from the installed metadata only when asked for.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("rnntui")
        except PackageNotFoundError:  # running from a source tree without install
            return "0.0.0+unknown"
    raise AttributeError(f"module 'rnntui' has no attribute {name!r}")
