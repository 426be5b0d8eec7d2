"""GRU lab: z, r (sigmoid) and the candidate hh (tanh), h_t, and LSTM vs GRU parameters."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rnntui.lab.format import fmt, fmt_int, paren, words
from rnntui.lab.recurrent import RecurrentLab
from rnntui.lab.specs import PANEL_SPECS
from rnntui.nn import GRU, LSTM, RNNLayer, StepTrace


class GRULab(RecurrentLab):
    """One GRU layer over a short sequence (``reset_after`` as in Keras 3, default true)."""

    KIND = "GRU"
    SPEC = PANEL_SPECS["gru"]
    GATE_BARS = (("z", "sig", 0.0, 1.0), ("r", "sig", 0.0, 1.0), ("hh", "tanh", -1.0, 1.0))
    FORCE_GATES = (("z", 0.0, 1.0), ("r", 0.0, 1.0), ("hh", -1.0, 1.0))

    def __init__(self, preset: dict[str, Any] | None = None) -> None:
        self._params: tuple[tuple[int, int, bool], tuple[int, int]] | None = None
        super().__init__(preset)

    def make_layer(self, units: int, seed: int) -> RNNLayer:
        return GRU(
            units, return_sequences=True, seed=seed, reset_after=bool(self.settings["reset_after"])
        )

    def _example_settings(self, example: Mapping[str, Any]) -> None:
        """A two-row bias (input and recurrent) is reset_after=True, one row False."""
        self.settings["reset_after"] = isinstance(example["bias"][0], list)

    def param_counts(self) -> tuple[int, int]:
        """(LSTM, GRU) parameters at the current units and input dim, from the engine."""
        key = (self.units, self.seq.dim, bool(self.settings["reset_after"]))
        if self._params is not None and self._params[0] == key:
            return self._params[1]
        lstm = LSTM(self.units, seed=0)
        lstm.build((None, 1, self.seq.dim))
        counts = (lstm.count_params(), self.engine_layer().count_params())
        self._params = (key, counts)
        return counts

    def formula_lines(self, step: StepTrace, unit: int, lang: str) -> list[tuple[str, str]]:
        u = unit
        z, hh = float(step.gates["z"][0, u]), float(step.gates["hh"][0, u])
        h_prev, h = float(step.h_prev[0, u]), float(step.h[0, u])
        n_lstm, n_gru = self.param_counts()
        dim = self.seq.dim
        return [
            ("h-head", "h_t = z*h_{t-1} + (1-z)*hh"),
            ("h-line", f"    = {paren(z)}*{paren(h_prev)} + (1-{paren(z)})*{paren(hh)} = {fmt(h)}"),
            (
                "params",
                words(
                    lang,
                    f"params, units={self.units}, input {dim}: "
                    f"LSTM (4 blocks) {fmt_int(n_lstm)}, GRU (3 blocks) {fmt_int(n_gru)}",
                    f"파라미터, 유닛 {self.units}, 입력 {dim}: "
                    f"LSTM (블록 4) {fmt_int(n_lstm)}, GRU (블록 3) {fmt_int(n_gru)}",
                ),
            ),
        ]
