"""Lazy panel registry: a lesson's ``panel:`` name -> the module and class that draws it.

Nothing here imports a panel module until :func:`make_panel` needs it, so opening one lesson
never imports (or computes) the other panels.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any, cast

from rnntui.ui.panels.base import Panel, PlaceholderPanel
from rnntui.ui.strings import tr

PANEL_MODULES: dict[str, str] = {
    "activation": "rnntui.ui.panels.activation:ActivationPanel",
    "simple_rnn": "rnntui.ui.panels.simple_rnn:SimpleRNNPanel",
    "lstm": "rnntui.ui.panels.lstm:LSTMPanel",
    "gru": "rnntui.ui.panels.gru:GRUPanel",
    "units": "rnntui.ui.panels.units:UnitsPanel",
    "stacking": "rnntui.ui.panels.stacking:StackingPanel",
    "bidirectional": "rnntui.ui.panels.bidirectional:BidirectionalPanel",
    "embedding": "rnntui.ui.panels.embedding:EmbeddingPanel",
    "dropout": "rnntui.ui.panels.dropout:DropoutPanel",
    "symbols": "rnntui.ui.panels.symbols:SymbolsPanel",
    "order": "rnntui.ui.panels.order:OrderPanel",
    # the demos (issue 13): hosted by a lesson's `demo:` (the lesson screen's d key)
    "demo_next_word": "rnntui.ui.panels.demo_next_word:NextWordPanel",
    "demo_fill_blank": "rnntui.ui.panels.demo_fill_blank:FillBlankPanel",
    "demo_remember": "rnntui.ui.panels.demo_remember:RememberPanel",
    "demo_overfit": "rnntui.ui.panels.demo_overfit:OverfitPanel",
    "demo_dropout": "rnntui.ui.panels.demo_dropout:DropoutDemoPanel",
    "demo_speed": "rnntui.ui.panels.demo_speed:SpeedPanel",
}
"""Every panel name a lesson may use -> ``"module:Class"``."""


def panel_class(name: str) -> type[Panel] | None:
    """The Panel subclass for ``name`` (its module is imported now), or None for a name that
    is not a panel."""
    target = PANEL_MODULES.get(name)
    if target is None:
        return None
    module_name, _, class_name = target.partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    if not (isinstance(cls, type) and issubclass(cls, Panel)):
        raise TypeError(f"{target} is not a Panel")
    return cls


def make_panel(
    name: str, preset: Mapping[str, Any] | None, lang: str, lab: object | None = None
) -> Panel:
    """Create the panel for a lesson (on ``lab``, an existing ``panel.lab`` of the same panel
    kind, when given); a placeholder (never an exception) if it cannot."""
    try:
        cls = panel_class(name)
        if cls is None:
            return PlaceholderPanel(tr("panel.missing", lang, name=name), lang)
        # every panel class takes (preset, lang, *, lab=None): docs/panels.md
        make = cast("Callable[..., Panel]", cls)
        return make(dict(preset or {}), lang, lab=lab)
    except Exception as error:  # a broken panel must not take the app down
        return PlaceholderPanel(tr("panel.error", lang, name=name, error=error), lang)
