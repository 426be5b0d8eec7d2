"""LSTM lab: the gates f, i, o (sigmoid) and g (tanh), then c_t and h_t with live operands.

What-if: force any gate's value or pre-activation (forget gate 1 keeps the memory, 0 wipes
it) at every step.
"""

from __future__ import annotations

from rnntui.lab.format import fmt, paren
from rnntui.lab.recurrent import RecurrentLab
from rnntui.lab.specs import PANEL_SPECS
from rnntui.nn import LSTM, RNNLayer, StepTrace


class LSTMLab(RecurrentLab):
    """One LSTM layer over a short sequence."""

    KIND = "LSTM"
    SPEC = PANEL_SPECS["lstm"]
    HAS_CARRY = True
    GATE_BARS = (
        ("f", "sig", 0.0, 1.0),
        ("i", "sig", 0.0, 1.0),
        ("o", "sig", 0.0, 1.0),
        ("g", "tanh", -1.0, 1.0),
    )
    FORCE_GATES = (("f", 0.0, 1.0), ("i", 0.0, 1.0), ("o", 0.0, 1.0), ("g", -1.0, 1.0))

    def make_layer(self, units: int, seed: int) -> RNNLayer:
        return LSTM(units, return_sequences=True, seed=seed)

    def formula_lines(self, step: StepTrace, unit: int, lang: str) -> list[tuple[str, str]]:
        u = unit
        assert step.c is not None and step.c_prev is not None
        f, i, g, o = (float(step.gates[k][0, u]) for k in ("f", "i", "g", "o"))
        c_prev, c, h = float(step.c_prev[0, u]), float(step.c[0, u]), float(step.h[0, u])
        return [
            ("c-head", "c_t = f*c_{t-1} + i*g"),
            ("c-line", f"    = {paren(f)}*{paren(c_prev)} + {paren(i)}*{paren(g)} = {fmt(c)}"),
            ("h-head", "h_t = o*tanh(c_t)"),
            ("h-line", f"    = {paren(o)}*tanh({fmt(c)}) = {fmt(h)}"),
        ]
