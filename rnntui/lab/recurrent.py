"""The shared model of the SimpleRNN, LSTM and GRU labs: one layer over a short sequence.

State: the settings (units, sequence, seed, ...), the shown step and unit, a state edit, gate
forces and the weights. :meth:`RecurrentLab.view` returns plain data for everything a panel
shows; every number comes from the engine's ``StepTrace`` objects.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from rnntui.lab.format import fmt, refused, words
from rnntui.lab.sequence import InputSequence, StateEdit, from_preset, parse_sequence, run_steps
from rnntui.lab.spec import SettingError, Spec
from rnntui.lab.specs import WEIGHT_LIMIT
from rnntui.lab.weights import keep_units
from rnntui.nn import GateForce, RNNLayer, StepTrace

FORCE_KINDS = ("value", "pre")
PRE_RANGE = (-10.0, 10.0)
WEIGHT_NAMES = ("kernel", "recurrent_kernel", "bias")
"""Keras' names of the weights, in ``get_weights()`` order."""

ACT_WORDS = {"sig": ("sig", "시그모이드"), "tanh": ("tanh", "tanh")}
"""Short activation names on the gate bars (English, Korean)."""


def pre_word(lang: str) -> str:
    """The word printed before a gate's pre-activation."""
    return words(lang, "pre", "활성화 전 값")


@dataclass(frozen=True)
class GateView:
    """One gate bar: label, range, value, and the words printed after it."""

    gate: str
    label: str
    lo: float
    hi: float
    value: float
    suffix: str
    note: str


@dataclass(frozen=True)
class ForceView:
    """A gate force that is on: ``kind`` is ``"value"`` or ``"pre"``."""

    gate: str
    kind: str
    value: float


@dataclass(frozen=True)
class RecurrentView:
    """Everything a recurrent panel shows, for one language."""

    kind: str
    title: str
    units: int
    steps: int
    dim: int
    time: int
    unit: int
    x_t: float
    x_editable: bool
    h_prev: float
    c_prev: float | None
    sequence_text: str
    x_desc: str
    x_desc_shown: bool
    gates: tuple[GateView, ...]
    forces: tuple[ForceView, ...]
    lines: tuple[tuple[str, str], ...]
    """(readout id, text) in display order: the formulas with their live operands."""
    grid_h: tuple[tuple[float, ...], ...]
    grid_c: tuple[tuple[float, ...], ...] | None
    warnings: tuple[str, ...]


class RecurrentLab:
    """Base of the three recurrent labs (subclasses give the layer and the formulas)."""

    KIND: ClassVar[str] = ""
    SPEC: ClassVar[Spec]
    HAS_CARRY: ClassVar[bool] = False
    GATE_BARS: ClassVar[tuple[tuple[str, str, float, float], ...]] = ()
    """(gate, activation label, lowest, highest) for each bar, in display order."""
    FORCE_GATES: ClassVar[tuple[tuple[str, float, float], ...]] = ()
    """(gate, lowest value, highest value) for each gate that can be forced."""

    def __init__(self, preset: Mapping[str, Any] | None = None) -> None:
        values, notes = self.SPEC.settle(preset)
        self.refused: tuple[SettingError, ...] = tuple(notes)
        """Preset values that were refused (the defaults were used)."""
        self._preset = values
        self._given: list[np.ndarray] | None = None
        self.example_loaded = False
        """True after :meth:`load_example` (until ``reset()``)."""
        self._start()

    # -- settings ---------------------------------------------------------------------------
    def _start(self) -> None:
        values = self._preset
        self.settings: dict[str, Any] = dict(values)
        self.seq: InputSequence = from_preset(values["sequence"])
        self.time = 0
        self.unit = 0
        self.edit: StateEdit | None = None
        self.forces: dict[str, GateForce] = {}
        self._layer: RNNLayer | None = None
        self._steps: list[StepTrace] = []
        self._trace_key: tuple[object, ...] | None = None
        self.example_loaded = False
        self._example_edit: StateEdit | None = None
        if self._given is not None and self._given[0].shape[0] == self.seq.dim:
            self._layer = self._built(self.units, self.seed)
            self._layer.set_weights(self._given)

    @property
    def units(self) -> int:
        """Units of the layer."""
        return int(self.settings["units"])

    @property
    def seed(self) -> int:
        """Seed of the weights drawn for new units."""
        return int(self.settings["seed"])

    def set(self, name: str, value: Any) -> None:
        """Change a setting of the SPEC (``units``, ``sequence``, ``seed``, ``x_t``, ``h_prev``,
        ``c_prev``, ...); SettingError with a clear message if the value is refused."""
        if name == "x_t":
            self.set_input(value)
            return
        if name in ("h_prev", "c_prev"):
            self.edit_state(name, value)
            return
        value = self.SPEC.validate(name, value)
        if name == "sequence":
            self.set_sequence(from_preset(value))
            return
        old_units = self.units
        if name == "units":
            self.engine_layer()  # the weights the remaining units keep
        self.settings[name] = value
        if name == "units":
            self.unit = min(self.unit, self.units - 1)
            self.edit = None
            if old_units != self.units:
                self._resize(old_units)
        else:  # a new seed or cell variant: new draws
            self._layer = None

    def set_text(self, text: str) -> None:
        """A typed sequence (numbers or words); ValueError with a short reason if refused."""
        self.set_sequence(parse_sequence(text))

    def set_sequence(self, seq: InputSequence) -> None:
        """Use ``seq`` as the input; a new input dimension draws new input weights."""
        if self._layer is not None and seq.dim != self.seq.dim:
            self._layer = None
        self.seq = seq
        self.edit = None
        self.time = min(self.time, seq.steps - 1)

    def select(self, time: int | None = None, unit: int | None = None) -> None:
        """Show step ``time`` and unit ``unit`` (ValueError when out of range)."""
        if time is not None:
            if not 0 <= time < self.seq.steps:
                raise SettingError("t", f"must be a whole number 0..{self.seq.steps - 1}")
            self.time = int(time)
        if unit is not None:
            if not 0 <= unit < self.units:
                raise SettingError("unit", f"must be a whole number 0..{self.units - 1}")
            self.unit = int(unit)

    def set_input(self, value: Any) -> None:
        """x at the shown step (first feature), validated by the SPEC's ``x_t``."""
        value = self.SPEC.validate("x_t", value)
        if self.seq.tokens:
            raise SettingError("x_t", "cannot be set for words (type numbers instead)")
        self.seq = self.seq.copy()
        self.seq.x[self.time, 0] = value

    def edit_state(self, name: str, value: Any) -> None:
        """Set ``h_prev`` (or ``c_prev``) of the shown unit entering the shown step."""
        value = self.SPEC.validate(name, value)
        step = self.steps()[self.time]
        h = step.h_prev[0].copy()
        c = step.c_prev[0].copy() if step.c_prev is not None else None
        if name == "h_prev":
            h[self.unit] = value
        elif c is not None:
            c[self.unit] = value
        self.edit = StateEdit(self.time, h, c)

    def force(self, gate: str, kind: str, value: float) -> None:
        """Force ``gate`` at every step: its value (``kind="value"``) or pre-activation."""
        ranges = {g: (lo, hi) for g, lo, hi in self.FORCE_GATES}
        if gate not in ranges:
            raise SettingError("gate", f"must be one of {', '.join(ranges)}")
        if kind not in FORCE_KINDS:
            raise SettingError("force", f"must be one of {', '.join(FORCE_KINDS)}")
        lo, hi = ranges[gate] if kind == "value" else PRE_RANGE
        if not lo <= float(value) <= hi:
            raise SettingError(f"force {gate}", f"must be a number {fmt(lo, 1)}..{fmt(hi, 1)}")
        self.forces[gate] = GateForce(kind, float(value))

    def release(self, gate: str | None = None) -> None:
        """Stop forcing ``gate`` (all gates when None)."""
        if gate is None:
            self.forces.clear()
        else:
            self.forces.pop(gate, None)

    def reset(self) -> None:
        """Back to the preset: every setting, the input, state edits, forces, the selection and
        the weights (given weights are kept as they were given)."""
        self._start()

    # -- weights ----------------------------------------------------------------------------
    def make_layer(self, units: int, seed: int) -> RNNLayer:
        """A fresh, unbuilt layer (return_sequences=True)."""
        raise NotImplementedError

    def _built(self, units: int, seed: int) -> RNNLayer:
        layer = self.make_layer(units, seed)
        layer.build((None, self.seq.steps, self.seq.dim))
        return layer

    def engine_layer(self) -> RNNLayer:
        """The engine layer in use (built on first use)."""
        if self._layer is None:
            self._layer = self._built(self.units, self.seed)
        return self._layer

    def _resize(self, old_units: int) -> None:
        assert self._layer is not None
        fresh = self._built(self.units, self.seed)
        fresh.set_weights(
            keep_units(
                self._layer.get_weights(), fresh.get_weights(), fresh.n_gates, old_units, self.units
            )
        )
        self._layer = fresh

    def set_weights(self, weights: Sequence[Any]) -> None:
        """Run on these weights (Keras order and shapes); units follow the kernel's width and the
        input dimension must be the sequence's. ``reset()`` comes back to them."""
        arrays = [np.array(w, dtype=np.float64) for w in weights]
        if not arrays or arrays[0].ndim != 2:
            raise ValueError("weights must start with the kernel, shape (input dim, gates*units)")
        probe = self.make_layer(1, 0)
        units, rest = divmod(arrays[0].shape[1], probe.n_gates)
        if rest or not 1 <= units <= int(self.SPEC["units"].hi or units):
            raise ValueError(f"kernel width {arrays[0].shape[1]} is not {probe.n_gates} x units")
        if arrays[0].shape[0] != self.seq.dim:
            raise ValueError(
                f"kernel has input dim {arrays[0].shape[0]}, the sequence {self.seq.dim}"
            )
        layer = self._built(units, self.seed)
        layer.set_weights(arrays)
        self.settings["units"] = self._preset["units"] = units
        self._given = [np.array(a) for a in arrays]
        self._layer = layer
        self.unit = min(self.unit, units - 1)
        self.edit = None

    def use_layer(self, layer: RNNLayer) -> None:
        """Run on a built engine layer of this lab's kind (its weights are copied)."""
        if type(layer) is not type(self.make_layer(1, 0)):
            raise ValueError(f"this lab runs a {self.KIND} layer, not {type(layer).__name__}")
        self.set_weights(layer.get_weights())

    # -- results ----------------------------------------------------------------------------
    def steps(self) -> list[StepTrace]:
        """The engine's steps for the current inputs; traced again only when an input changed
        (layer, sequence, state edit, forcing), not when only the shown step or unit did."""
        layer, edit = self.engine_layer(), self.edit
        key = (
            layer,
            self.seq.x.shape,
            self.seq.x.tobytes(),
            None
            if edit is None
            else (edit.t, edit.h.tobytes(), None if edit.c is None else edit.c.tobytes()),
            tuple(sorted((g, f.kind, f.value) for g, f in self.forces.items())),
        )
        if key != self._trace_key or not self._steps:
            self._steps = run_steps(layer, self.seq.x, edit, self.forces)
            self._trace_key = key
        return self._steps

    def formula_lines(self, step: StepTrace, unit: int, lang: str) -> list[tuple[str, str]]:
        """(readout id, text) lines for ``step`` and ``unit``."""
        raise NotImplementedError

    def title(self, lang: str) -> str:
        """``LSTM(2), 5 steps, input dim 1 | t=1, unit 0`` (steps shown from 1, as in the
        lessons: t=1 is the first step), the lesson's example and a state edit."""
        seq = self.seq
        text = words(
            lang,
            f"{self.KIND}({self.units}), {seq.steps} steps, input dim {seq.dim} | "
            f"t={self.time + 1}, unit {self.unit}",
            f"{self.KIND}({self.units}), {seq.steps}스텝, 입력 특성 수 {seq.dim} | "
            f"t={self.time + 1}, 유닛 {self.unit}",
        )
        if self.example_loaded:
            text += words(lang, " | lesson's example", " | 레슨 예제")
        if self.edit is not None and self.edit is not self._example_edit:
            text += words(
                lang,
                f" | state set at t={self.edit.t + 1}",
                f" | t={self.edit.t + 1}에서 상태 직접 설정",
            )
        return text

    # -- the lesson's example and single weights ---------------------------------------------
    @property
    def has_example(self) -> bool:
        """Whether the lesson's preset gives a worked example (``example:``)."""
        return self._preset.get("example") is not None

    def load_example(self) -> None:
        """Run the lesson's worked example: its units, sequence, exact weights and initial
        state; forces are released. SettingError when the preset has none."""
        example = self._preset.get("example")
        if example is None:
            raise SettingError("example", "is not given by this lesson")
        self._example_settings(example)
        self.settings["units"] = int(example["units"])
        self.seq = InputSequence(np.asarray(example["sequence"], dtype=np.float64))
        weights = [np.asarray(example[name], dtype=np.float64) for name in WEIGHT_NAMES]
        layer = self._built(self.units, self.seed)
        layer.set_weights(weights)
        self._layer = layer
        self.forces.clear()
        self.time = self.unit = 0
        c0 = example.get("c0")
        self.edit = StateEdit(
            0,
            np.asarray(example["h0"], dtype=np.float64),
            None if c0 is None else np.asarray(c0, dtype=np.float64),
        )
        self._example_edit = self.edit
        self.example_loaded = True

    def _example_settings(self, example: Mapping[str, Any]) -> None:
        """Settings the example implies beyond units (GRU: reset_after from the bias shape)."""

    def set_weight(self, index: int, row: int, col: int, value: Any) -> None:
        """Set one number of a weight (``index`` 0 kernel, 1 recurrent_kernel, 2 bias; ``row``
        is 0 for a 1-D bias), within +-WEIGHT_LIMIT; SettingError when refused."""
        layer = self.engine_layer()
        weights = layer.get_weights()
        if not 0 <= index < len(weights):
            raise SettingError("weight", f"must be one of {', '.join(WEIGHT_NAMES)}")
        name = WEIGHT_NAMES[index]
        target = weights[index]
        grid = target if target.ndim == 2 else target[None]
        if not (0 <= row < grid.shape[0] and 0 <= col < grid.shape[1]):
            raise SettingError(name, f"has shape {target.shape}")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise SettingError(name, "must be a number")
        if not np.isfinite(value) or abs(value) > WEIGHT_LIMIT:
            raise SettingError(name, f"must be a number {-WEIGHT_LIMIT:g}..{WEIGHT_LIMIT:g}")
        grid[row, col] = float(value)
        layer.set_weights(weights)
        self._trace_key = None  # the same layer object, new numbers

    def view(self, lang: str = "en") -> RecurrentView:
        """Everything the panel shows, in ``lang``."""
        steps = self.steps()
        self.time = min(self.time, len(steps) - 1)
        self.unit = min(self.unit, self.units - 1)
        step, u = steps[self.time], self.unit
        forced_word = words(lang, "forced", "고정")
        gates = tuple(
            GateView(
                gate,
                f"{gate} {words(lang, *ACT_WORDS.get(act, (act, act)))}",
                lo,
                hi,
                float(step.gates[gate][0, u]),
                f"{pre_word(lang)} {fmt(float(step.pre[gate][0, u])).rjust(8)}",
                forced_word if gate in step.forced else "",
            )
            for gate, act, lo, hi in self.GATE_BARS
        )
        tokens = bool(self.seq.tokens)
        grid_c = None
        if self.HAS_CARRY:
            grid_c = tuple(
                tuple(float(s.c[0, k]) for s in steps if s.c is not None) for k in range(self.units)
            )
        return RecurrentView(
            kind=self.KIND,
            title=self.title(lang),
            units=self.units,
            steps=self.seq.steps,
            dim=self.seq.dim,
            time=self.time,
            unit=u,
            x_t=float(step.x[0, 0]),
            x_editable=not tokens,
            h_prev=float(step.h_prev[0, u]),
            c_prev=None if step.c_prev is None else float(step.c_prev[0, u]),
            sequence_text=self.seq.as_text(),
            x_desc=self.seq.describe_step(self.time),
            x_desc_shown=tokens or self.seq.dim > 1,
            gates=gates,
            forces=tuple(ForceView(g, f.kind, f.value) for g, f in sorted(self.forces.items())),
            lines=tuple(self.formula_lines(step, u, lang)),
            grid_h=tuple(tuple(float(s.h[0, k]) for s in steps) for k in range(self.units)),
            grid_c=grid_c,
            warnings=refused(lang, self.refused),
        )
