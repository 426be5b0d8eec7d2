"""Show me the code: the Python that rebuilds what a panel shows, in Keras 3 or PyTorch.

``code_for(lab, "keras" | "torch", lang)`` returns a script that builds the layer(s) with the
lab's settings and weights (literal float64 arrays), runs the lab's input, prints the numbers
the panel shows and ends by checking them against rnntui's own values
(``np.testing.assert_allclose``) and printing :data:`MATCH_LINE`. Pure: NumPy, the labs and
the engine; no Textual. One module per panel kind (``recurrent``, ``activation``, ...).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

from rnntui.codegen.emit import FRAMEWORKS, MATCH_LINE, Script

__all__ = ["FRAMEWORKS", "MATCH_LINE", "code_for", "filename_for", "lab_for_panel", "panel_of"]

LABS: dict[str, str] = {
    "activation": "rnntui.lab.activation:ActivationLab",
    "simple_rnn": "rnntui.lab.simple_rnn:SimpleRNNLab",
    "lstm": "rnntui.lab.lstm:LSTMLab",
    "gru": "rnntui.lab.gru:GRULab",
    "units": "rnntui.lab.units:UnitsLab",
    "stacking": "rnntui.lab.stacking:StackingLab",
    "bidirectional": "rnntui.lab.bidirectional:BidirectionalLab",
    "embedding": "rnntui.lab.embedding:EmbeddingLab",
    "dropout": "rnntui.lab.dropout:DropoutLab",
    "symbols": "rnntui.lab.symbols:SymbolsLab",
    "order": "rnntui.lab.order:OrderLab",
}
"""Panel name -> its lab class (``module:Class``)."""

GENERATORS: dict[str, str] = {
    "activation": "activation",
    "simple_rnn": "recurrent",
    "lstm": "recurrent",
    "gru": "recurrent",
    "units": "units",
    "stacking": "stacking",
    "bidirectional": "bidirectional",
    "embedding": "embedding",
    "dropout": "dropout",
    "symbols": "symbols",
    "order": "order",
    "model": "model",
}
"""Panel name -> the codegen module that writes its script (``model``: a layer of the
student's own model, on the model screen; it has no lesson panel, so no entry in LABS)."""


def _load(target: str) -> Any:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def lab_for_panel(panel: str, preset: Mapping[str, Any] | None = None) -> Any:
    """A fresh lab for panel ``panel`` in its starting state (KeyError if unknown)."""
    return _load(LABS[panel])(dict(preset or {}))


def panel_of(lab: object) -> str:
    """The panel name of a lab object (ValueError if it is no lab of a known panel).

    A layer of a loaded model (a subclass of a lesson lab) is ``"model"``."""
    from rnntui.lab.model_layers import is_model_layer_lab

    if is_model_layer_lab(lab) and getattr(lab, "model_lab", None) is not None:
        return "model"
    for panel, target in LABS.items():
        if type(lab) is _load(target):
            return panel
    raise ValueError(f"no code generator for {type(lab).__name__}")


def code_for(lab: object, framework: str = "keras", lang: str = "en") -> str:
    """The script that rebuilds what ``lab``'s panel shows now, in ``framework`` ("keras" or
    "torch"), with comments in ``lang`` ("ko" or "en")."""
    panel = panel_of(lab)
    script = Script("ko" if lang == "ko" else "en", framework)
    module = importlib.import_module(f"rnntui.codegen.{GENERATORS[panel]}")
    generate: Callable[[Any, Script], None] = module.generate
    generate(lab, script)
    return script.text()


def filename_for(lab: object, framework: str) -> str:
    """``rnntui_lstm_keras.py``: the default file name of a script."""
    return f"rnntui_{panel_of(lab)}_{framework}.py"
