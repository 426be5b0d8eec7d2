"""SimpleRNN lab: h_t = tanh(x_t W + h_{t-1} U + b), one cell's formula with live numbers."""

from __future__ import annotations

from rnntui.lab.format import fmt, paren, words
from rnntui.lab.recurrent import RecurrentLab
from rnntui.lab.specs import PANEL_SPECS
from rnntui.nn import RNNLayer, SimpleRNN, StepTrace

FORMULA = "h_t = tanh(x_t W + h_{t-1} U + b)"


class SimpleRNNLab(RecurrentLab):
    """One SimpleRNN layer over a short sequence."""

    KIND = "SimpleRNN"
    SPEC = PANEL_SPECS["simple_rnn"]

    def make_layer(self, units: int, seed: int) -> RNNLayer:
        return SimpleRNN(units, return_sequences=True, seed=seed)

    def formula_lines(self, step: StepTrace, unit: int, lang: str) -> list[tuple[str, str]]:
        u = unit
        parts = step.parts["h"]
        xw, hu, b = (float(parts.x_term[0, u]), float(parts.h_term[0, u]), float(parts.bias[u]))
        pre, h = float(step.pre["h"][0, u]), float(step.h[0, u])
        return [
            ("head", FORMULA),
            (
                "formula",
                words(lang, f"h[{u}] at t={self.time + 1}:", f"t={self.time + 1}에서 h[{u}]:")
                + "\n"
                f"    = tanh({paren(xw)} + {paren(hu)} + {paren(b)})\n"
                f"    = tanh({fmt(pre)}) = {fmt(h)}",
            ),
        ]
