"""Dropout lab: the input and recurrent masks of one LSTM/GRU call, per gate, training vs
inference, and the run next to the same weights without dropout.

A seeded layer reads a seeded sequence (3 features). The engine draws the masks once per call
(``trace.masks``); the view prints each step's masked x_t and h_{t-1} from the trace.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from rnntui.lab.format import fmt, refused, words
from rnntui.lab.spec import SettingError
from rnntui.lab.specs import PANEL_SPECS
from rnntui.lab.weights import keep_units
from rnntui.nn import GRU, LSTM, DropoutMasks, RecurrentTrace, RNNLayer

SEED = 42
INPUT_DIM = 3
KINDS = ("LSTM", "GRU")
GATE_LABELS = {"LSTM": ("i", "f", "c", "o"), "GRU": ("z", "r", "h")}
"""Keras' gate names (the engine calls the candidates g and hh)."""
SPEC = PANEL_SPECS["dropout"]
MAX_UNITS = int(SPEC["units"].hi or 1)
"""Unit-sized grids keep room for this many rows: a units change redraws lines in place."""
MAX_STEPS = int(SPEC["timesteps"].hi or 1)


def make_layer(kind: str, units: int, dropout: float, recurrent_dropout: float) -> RNNLayer:
    """The lab's seeded layer (same weights for any rates)."""
    cls = LSTM if kind == "LSTM" else GRU
    return cls(
        units,
        return_sequences=True,
        dropout=dropout,
        recurrent_dropout=recurrent_dropout,
        seed=SEED,
    )


def input_sequence(steps: int) -> np.ndarray:
    """The seeded input, shape (1, steps, 3); longer sequences extend shorter ones."""
    return np.random.default_rng(SEED).normal(size=(MAX_STEPS, INPUT_DIM))[None, :steps]


def _head(steps: int) -> str:
    return "".join(f"t={t}".rjust(8) for t in range(1, steps + 1))


def _dropped(label: str, mask: np.ndarray) -> str:
    return " ".join(f"{label}[{k}]" for k in np.flatnonzero(mask == 0)) or "-"


@dataclass(frozen=True)
class DropoutView:
    """Everything the dropout panel shows: the settings and (readout id, text) lines."""

    kind: str
    training: bool
    dropout: float
    recurrent_dropout: float
    units: int
    timesteps: int
    lines: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...]


class DropoutLab:
    """dropout and recurrent_dropout of one LSTM/GRU call, training vs inference."""

    SPEC = SPEC
    LINES = (
        "title",
        "mode",
        "diff",
        "gates",
        "dropped-x",
        "dropped-h",
        *(
            f"{n}-{part}"
            for n in ("in", "rec", "run", "plain")
            for part in ("title", "head", "grid")
        ),
    )
    """Every readout id of the view, in display order."""

    def __init__(self, preset: Mapping[str, Any] | None = None) -> None:
        values, errors = SPEC.settle(preset)
        self.refused: tuple[SettingError, ...] = tuple(errors)
        """Preset values that were refused (the defaults were used)."""
        self._preset = values
        self._given: list[np.ndarray] | None = None
        self.reset()

    # -- changes ------------------------------------------------------------------------------
    def reset(self) -> None:
        """Back to the preset: rates, units, steps, LSTM, training, first gate, first draw."""
        self.settings: dict[str, Any] = dict(self._preset)
        self.kind, self.training, self.gate = "LSTM", True, 0
        self.draws = 0
        """How many times the current layer has drawn masks (tests replay them)."""
        self.run: RecurrentTrace | None = None
        self.plain: RecurrentTrace | None = None
        self._layer: RNNLayer | None = None
        self._masks: DropoutMasks | None = None
        if self._given is not None:
            self.set_weights(self._given)

    def set(self, name: str, value: Any) -> None:
        """Change a rate, ``units`` or ``timesteps`` (SettingError if the SPEC refuses it)."""
        value = SPEC.validate(name, value)
        if value == self.settings[name]:
            return
        old = self.engine_layer()  # the weights the new layer keeps
        self.settings[name] = value
        if name != "timesteps":
            self._rebuild(old)

    def toggle_mode(self) -> None:
        """Training (masks) / inference (no masks)."""
        self.training = not self.training

    def new_masks(self) -> bool:
        """A new call draws fresh masks; False (nothing happens) in inference."""
        if not self.training:
            return False
        self._masks = None
        return True

    def toggle_kind(self) -> None:
        """LSTM <-> GRU (a new seeded layer)."""
        self.kind, self.gate = ("GRU" if self.kind == "LSTM" else "LSTM"), 0
        self._layer, self._masks, self.draws = None, None, 0

    def next_gate(self) -> None:
        """Show the next gate's masks."""
        self.gate = (self.gate + 1) % len(GATE_LABELS[self.kind])

    # -- weights ------------------------------------------------------------------------------
    def _new_layer(self) -> RNNLayer:
        s = self.settings
        layer = make_layer(self.kind, int(s["units"]), s["dropout"], s["recurrent_dropout"])
        layer.build((None, None, INPUT_DIM))
        return layer

    def _rebuild(self, old: RNNLayer) -> None:
        """A new layer for new rates or units: the same weights (the units that remain keep
        theirs), fresh masks."""
        new = self._new_layer()
        new.set_weights(
            keep_units(old.get_weights(), new.get_weights(), new.n_gates, old.units, new.units)
        )
        self._layer, self._masks, self.draws = new, None, 0

    def engine_layer(self) -> RNNLayer:
        """The layer for the current kind, units and rates."""
        if self._layer is None:
            self._layer = self._new_layer()
        return self._layer

    def set_weights(self, weights: Sequence[Any]) -> None:
        """Run the current kind and units on these weights (Keras order and shapes); kept by
        ``reset()``, replaced by the seeded weights when the kind changes."""
        layer = self._new_layer()
        layer.set_weights(list(weights))
        self._given = [np.array(w) for w in weights]
        self._layer, self._masks, self.draws = layer, None, 0

    # -- view ---------------------------------------------------------------------------------
    def traces(self) -> tuple[RecurrentTrace, RecurrentTrace]:
        """This call's trace (training: the current masks; drawn if new) and the same weights'
        trace without dropout."""
        layer = self.engine_layer()
        x = input_sequence(int(self.settings["timesteps"]))
        if not self.training:
            run = layer.trace(x, training=False)
        elif self._masks is None:
            run = layer.trace(x, training=True)
            self._masks = run.masks
            self.draws += run.masks is not None
        else:
            run = layer.trace(x, training=True, dropout_masks=self._masks)
        plain = make_layer(self.kind, layer.units, 0.0, 0.0)  # the same weights, no dropout
        plain.build((None, None, INPUT_DIM))
        plain.set_weights(layer.get_weights())
        self.run, self.plain = run, plain.trace(x, training=False)
        return self.run, self.plain

    def view(self, lang: str = "en") -> DropoutView:
        """Everything the panel shows, in ``lang``."""
        run, plain = self.traces()
        layer = self.engine_layer()
        rates = (
            f"dropout={fmt(layer.dropout, 2)}, recurrent_dropout={fmt(layer.recurrent_dropout, 2)}"
        )
        lines = {
            "title": f"{self.kind}({layer.units}, {rates})",
            "mode": self._mode_text(run, lang),
        }
        lines.update(self._gate_lines(run, lang))
        for kind in ("in", "rec"):
            lines.update(self._mask_lines(run, kind, lang))
        lines.update(self._trajectory_lines(run, plain, lang))
        s = self.settings
        return DropoutView(
            kind=self.kind,
            training=self.training,
            dropout=float(s["dropout"]),
            recurrent_dropout=float(s["recurrent_dropout"]),
            units=int(s["units"]),
            timesteps=int(s["timesteps"]),
            lines=tuple((name, lines[name]) for name in self.LINES),
            warnings=refused(lang, self.refused),
        )

    def _mode_text(self, run: RecurrentTrace, lang: str) -> str:
        if not run.training:
            return words(
                lang, "inference (t): no masks, no scaling", "추론 (t): 마스크 없음, 배율 없음"
            )
        if run.masks is None:
            return words(
                lang, "training (t): both rates 0: no masks", "훈련 (t): 비율이 0: 마스크 없음"
            )
        return words(
            lang,
            f"training (t): masks of call #{self.draws} (n: new call)",
            f"훈련 (t): {self.draws}번째 호출의 마스크 (n: 새 호출)",
        )

    def _gate_lines(self, run: RecurrentTrace, lang: str) -> dict[str, str]:
        """Shared or per-gate masks (selected gate marked) and what each one drops."""
        names, masks = GATE_LABELS[self.kind], run.masks
        given = {
            "x": () if masks is None else masks.input,
            "h": () if masks is None else masks.recurrent,
        }
        if masks is None:
            line = words(lang, "no masks", "마스크 없음")
        elif max(len(given["x"]), len(given["h"])) <= 1:
            line = words(
                lang,
                "one mask of each kind, shared by all gates",
                "종류마다 마스크 하나, 모든 게이트가 함께 씀",
            )
        else:
            marked = " ".join(f"[{n}]" if k == self.gate else n for k, n in enumerate(names))
            line = words(
                lang,
                f"a mask per gate: {marked}  (g: next gate)",
                f"게이트마다 마스크: {marked}  (g: 다음 게이트)",
            )
        out = {"gates": line}
        for label, kind in given.items():
            word = words(lang, f"{label} dropped: ", f"{label} 제외: ")
            if not kind:
                word, text = words(lang, f"{label}: no mask, ", f"{label}: 마스크 없음, "), "-"
            elif len(kind) == 1:
                text = _dropped(label, kind[0][0])
            else:
                text = ", ".join(
                    f"{n} {_dropped(label, m[0])}" for n, m in zip(names, kind, strict=True)
                )
            out[f"dropped-{label}"] = word + text
        return out

    def _mask_lines(self, run: RecurrentTrace, kind: str, lang: str) -> dict[str, str]:
        """Title, header and grid of the input ("in") or recurrent ("rec") mask."""
        masks = run.masks
        given = () if masks is None else (masks.input if kind == "in" else masks.recurrent)
        layer = self.engine_layer()
        arg, rate = (
            ("dropout", layer.dropout)
            if kind == "in"
            else ("recurrent_dropout", layer.recurrent_dropout)
        )
        what, label = ("x_t", "x") if kind == "in" else ("h_{t-1}", "h")
        k = self.gate if len(given) > 1 else 0
        mask = given[k][0] if given else None
        if not run.training:
            title = words(
                lang,
                f"{what} at each step (inference: no mask, no scaling)",
                f"스텝마다 {what} (추론: 마스크 없음, 배율 없음)",
            )
        elif mask is None:
            title = words(
                lang,
                f"{what} at each step ({arg} = {fmt(rate, 2)}: no mask)",
                f"스텝마다 {what} ({arg} = {fmt(rate, 2)}: 마스크 없음)",
            )
        else:
            kept = mask[mask > 0]
            scale = fmt(kept[0]) if kept.size else fmt(1 / (1 - rate))
            gate = GATE_LABELS[self.kind][k] if len(given) > 1 else words(lang, "all", "모두")
            title = words(
                lang,
                f"{what} * m, gate {gate}; m = 0 or 1/(1-{fmt(rate, 2)}) = {scale}",
                f"{what} * m, 게이트 {gate}; m = 0 또는 1/(1-{fmt(rate, 2)}) = {scale}",
            )
        steps = run.steps
        values = [s.x_in if kind == "in" else s.h_in for s in steps]
        j = k if len(values[0]) > 1 else 0
        size = values[0][0].shape[1]
        rows = [
            f"{label}[{r}]".ljust(5)
            + ("-" if mask is None else fmt(mask[r])).rjust(7)
            + "".join(fmt(v[j][0, r]).rjust(8) for v in values)
            for r in range(size)
        ]
        pad = [""] * (MAX_UNITS - size) if kind == "rec" else []
        return {
            f"{kind}-title": title,
            f"{kind}-head": " " * 5 + "m".rjust(7) + _head(len(steps)),
            f"{kind}-grid": "\n".join(rows + pad),
        }

    def _trajectory_lines(
        self, run: RecurrentTrace, plain: RecurrentTrace, lang: str
    ) -> dict[str, str]:
        """h_t of the run and of the no-dropout layer, and their max difference."""
        first = (
            words(
                lang,
                "h_t with dropout (training, these masks)",
                "드롭아웃을 쓴 h_t (훈련, 위 마스크)",
            )
            if run.training
            else words(lang, "h_t of the dropout layer in inference", "추론 중인 드롭아웃 층의 h_t")
        )
        second = words(
            lang, "h_t without dropout (same weights)", "드롭아웃 없는 h_t (같은 가중치)"
        )
        out: dict[str, str] = {}
        for name, trace, title in (("run", run, first), ("plain", plain, second)):
            out[f"{name}-title"] = title
            out[f"{name}-head"] = " " * 5 + _head(len(trace.steps))
            out[f"{name}-grid"] = "\n".join(
                [
                    f"h[{u}]".ljust(5) + "".join(fmt(s.h[0, u]).rjust(8) for s in trace.steps)
                    for u in range(trace.units)
                ]
                + [""] * (MAX_UNITS - trace.units)
            )
        diff = fmt(float(np.max(np.abs(run.outputs - plain.outputs))))
        if run.training:
            out["diff"] = words(
                lang,
                f"h_t with vs without dropout: max |difference| = {diff}",
                f"드롭아웃 있는 h_t와 없는 h_t: 최대 |차이| = {diff}",
            )
        else:
            out["diff"] = words(
                lang,
                f"output equals the no-dropout output: max |difference| = {diff}",
                f"출력 = 드롭아웃 없는 출력: 최대 |차이| = {diff}",
            )
        return out
