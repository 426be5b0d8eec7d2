"""Shared Textual part of the SimpleRNN, LSTM and GRU panels.

Controls: time step t (scrubber), unit, units, x_t, the state entering step t (h_{t-1},
c_{t-1}), the typed input sequence, what-if gate forcing. Readouts come from the subclass;
the h (and c) grids over time are shared. All numbers are read from ``StepTrace`` objects.
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, ScrollableContainer
from textual.widget import Widget
from textual.widgets import Input

from rnntui.nn import GateForce, RNNLayer, StepTrace
from rnntui.ui.panels._sequence import (
    InputSequence,
    StateEdit,
    from_preset,
    parse_sequence,
    run_steps,
)
from rnntui.ui.panels.base import Panel, Readout
from rnntui.ui.widgets.force import ForceStepper
from rnntui.ui.widgets.grid import ValueGrid
from rnntui.ui.widgets.stepper import Stepper

MAX_UNITS = 64
W = TypeVar("W", bound=Widget)


class GridBox(ScrollableContainer, can_focus=False):
    """Scrolls large grids; the grids themselves take focus."""


class Row(Horizontal):
    """A row of controls."""


class Forces(Grid):
    """The what-if controls, two per row."""


class RecurrentPanel(Panel):
    """Base for one recurrent layer run over a short sequence."""

    LAYER_NAME: ClassVar[str] = ""
    HAS_CARRY: ClassVar[bool] = False
    FORCE_GATES: ClassVar[tuple[tuple[str, float, float], ...]] = ()
    """(gate name, lowest value, highest value) for each gate that can be forced."""
    DEFAULTS: ClassVar[dict[str, Any]] = {"units": 2, "sequence": [1.0, 0.5, -1.0], "seed": 0}

    BINDINGS: ClassVar[list[BindingType]] = [Binding("r", "reset", "Reset")]

    DEFAULT_CSS = """
    RecurrentPanel .row { height: 1; layout: grid; grid-size: 3; grid-columns: 1fr 1fr 1fr; }
    RecurrentPanel .forces { height: 2; layout: grid; grid-size: 2; grid-columns: 1fr 1fr; }
    RecurrentPanel .seqrow { height: 1; }
    RecurrentPanel .seqrow Readout { width: auto; padding-right: 1; }
    RecurrentPanel .seqrow Input { width: 1fr; }
    RecurrentPanel .grids { height: auto; max-height: 20; overflow-x: auto; overflow-y: auto; }
    """

    def check_preset(self, key: str, value: Any) -> Any:
        if key == "units":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_UNITS:
                raise ValueError(f"units must be a whole number 1..{MAX_UNITS}")
        elif key == "seed":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError("seed must be a whole number >= 0")
        elif key == "sequence":
            from_preset(value)
        return value

    def __init__(self, preset: dict[str, Any] | None = None, lang: str = "en", **kw: Any) -> None:
        super().__init__(preset, lang, **kw)
        self.seq: InputSequence = from_preset(self.preset["sequence"])
        self.units = int(self.preset["units"])
        self.seed = int(self.preset["seed"])
        self.time = 0
        self.unit = 0
        self.edit: StateEdit | None = None
        self.steps: list[StepTrace] = []
        self._layer: RNNLayer | None = None
        self._layer_key: tuple[int, int, int] | None = None
        self._forces: list[ForceStepper] | None = None
        self._widgets: dict[str, Widget] = {}
        self._trace_key: tuple[object, ...] | None = None

    # -- subclass hooks -----------------------------------------------------------------------
    def make_layer(self, units: int, seed: int) -> RNNLayer:
        """A fresh, unbuilt layer."""
        raise NotImplementedError

    def compose_readouts(self) -> ComposeResult:
        """Widgets between the controls and the grids."""
        yield from ()

    def update_readouts(self, step: StepTrace, unit: int) -> None:
        """Show ``step`` for ``unit`` in the readouts."""

    def one(self, selector: str, expect_type: type[W]) -> W:
        """``query_one``, remembered: these widgets stay mounted for the panel's life."""
        widget = self._widgets.get(selector)
        if widget is None or widget.parent is None:
            widget = self._widgets[selector] = self.query_one(selector, expect_type)
        return cast(W, widget)

    # -- layer --------------------------------------------------------------------------------
    def layer(self) -> RNNLayer:
        """The layer for the current units, input dim and seed (built once per change)."""
        key = (self.units, self.seq.dim, self.seed)
        if self._layer is None or self._layer_key != key:
            self._layer = self.make_layer(self.units, self.seed)
            self._layer.build((None, self.seq.steps, self.seq.dim))
            self._layer_key = key
        return self._layer

    def forced(self) -> dict[str, GateForce]:
        """The what-if forces that are on."""
        out: dict[str, GateForce] = {}
        if self._forces is None:
            self._forces = list(self.query(ForceStepper))
        for control in self._forces:
            spec = control.forced()
            if spec is not None:
                out[control.gate] = GateForce(*spec)
        return out

    # -- compose ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        last = self.seq.steps - 1
        yield Readout(id="title", classes="panel--title")
        with Row(classes="row"):
            yield self.stepper("t", 0, lo=0, hi=last, step=1, big_step=4, integer=True,
                               flat=True, id="t")
            yield self.stepper("unit", 0, lo=0, hi=self.units - 1, step=1, big_step=8,
                               integer=True, flat=True, id="unit")
            yield self.stepper("units", self.units, lo=1, hi=MAX_UNITS, step=1, big_step=8,
                               integer=True, flat=True, id="units")
        with Row(classes="row"):
            yield self.stepper("x_t", 0.0, lo=-5, hi=5, step=0.1, big_step=1.0, flat=True, id="x")
            yield self.stepper("h_{t-1}", 0.0, lo=-1, hi=1, step=0.1, big_step=0.5, flat=True,
                               id="h_prev")
            if self.HAS_CARRY:
                yield self.stepper("c_{t-1}", 0.0, lo=-5, hi=5, step=0.1, big_step=1.0,
                                   flat=True, id="c_prev")
        with Row(classes="seqrow"):
            yield Readout(self.t("sequence:", "입력 순서:"))
            entry = Input(self.seq.as_text(), id="seq", compact=True)
            entry.cursor_blink = False
            yield entry
        yield Readout(id="xdesc")
        if self.FORCE_GATES:
            with Forces(classes="forces"):
                for gate, lo, hi in self.FORCE_GATES:
                    yield ForceStepper(gate, value_range=(lo, hi), lang=self.lang, flat=True,
                                       id=f"force-{gate}")
        yield from self.compose_readouts()
        with GridBox(classes="grids"):
            yield ValueGrid(id="grid-h", row_label="h")
            if self.HAS_CARRY:
                yield ValueGrid(id="grid-c", row_label="c")

    # -- events -------------------------------------------------------------------------------
    def on_control_changed(self, stepper: Stepper) -> None:
        value = stepper.value
        name = stepper.id or ""
        if name == "t":
            self.time = int(value)
        elif name == "unit":
            self.unit = int(value)
        elif name == "units":
            self.units = int(value)
            self.unit = min(self.unit, self.units - 1)
            self.edit = None
            self.query_one("#unit", Stepper).set_range(0, self.units - 1)
        elif name == "x":
            self.seq.x[self.time, 0] = value
        elif name in ("h_prev", "c_prev") and self.steps:
            self._edit_state(name, value)
        self.request_recompute()

    def _edit_state(self, name: str, value: float) -> None:
        step = self.steps[self.time]
        h = step.h_prev[0].copy()
        c = step.c_prev[0].copy() if step.c_prev is not None else None
        if name == "h_prev":
            h[self.unit] = value
        elif c is not None:
            c[self.unit] = value
        self.edit = StateEdit(self.time, h, c)

    def on_cell_selected(self, grid: ValueGrid, unit: int, t: int) -> None:
        if (unit, t) == (self.unit, self.time):
            return
        self.unit, self.time = unit, t
        self.request_recompute()

    @on(Input.Submitted, "#seq")
    def _sequence(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            seq = parse_sequence(event.value)
        except ValueError as error:
            self.notify(self.t(f"Sequence refused: {error}. Type e.g. 1 0.5 -1 or a b a",
                                    f"입력 순서 거부: {error}. 예: 1 0.5 -1 또는 a b a"),
                        severity="error", timeout=5)
            return
        self.seq = seq
        self.edit = None
        self.time = min(self.time, seq.steps - 1)
        self.query_one("#t", Stepper).set_range(0, seq.steps - 1)
        event.input.value = seq.as_text()
        self.request_recompute()

    def action_reset(self) -> None:
        """Drop state edits and gate forcing."""
        self.edit = None
        for control in self.query(ForceStepper):
            control.action_release()
        self.request_recompute()

    # -- recompute ----------------------------------------------------------------------------
    def trace(self) -> list[StepTrace]:
        """The engine's steps for the current inputs; traced again only when an input (layer,
        sequence, state edit, forcing) changed, not when only the shown step or unit did."""
        layer, forced, edit = self.layer(), self.forced(), self.edit
        key = (
            id(layer), self._layer_key, self.seq.x.shape, self.seq.x.tobytes(),
            None if edit is None else (edit.t, edit.h.tobytes(),
                                       None if edit.c is None else edit.c.tobytes()),
            tuple(sorted((gate, force.kind, force.value) for gate, force in forced.items())),
        )
        if key != self._trace_key or not self.steps:
            self.steps = run_steps(layer, self.seq.x, edit, forced)
            self._trace_key = key
        return self.steps

    def recompute(self) -> None:
        steps = self.trace()
        self.time = min(self.time, len(steps) - 1)
        self.unit = min(self.unit, self.units - 1)
        step, u = steps[self.time], self.unit
        self.one("#t", Stepper).set_value(self.time, post=False)
        self.one("#unit", Stepper).set_value(u, post=False)
        x_control = self.one("#x", Stepper)
        x_control.set_value(float(step.x[0, 0]), post=False)
        tokens = bool(self.seq.tokens)
        if x_control.disabled != tokens:
            x_control.disabled = tokens
        self.one("#h_prev", Stepper).set_value(float(step.h_prev[0, u]), post=False)
        if self.HAS_CARRY and step.c_prev is not None:
            self.one("#c_prev", Stepper).set_value(float(step.c_prev[0, u]), post=False)
        self.one("#title", Readout).show(self.title_text())
        xdesc = self.one("#xdesc", Readout)
        shown = tokens or self.seq.dim > 1
        if xdesc.display != shown:
            xdesc.display = shown
        xdesc.show(self.seq.describe_step(self.time))
        self.update_readouts(step, u)
        grid_h = self.one("#grid-h", ValueGrid)
        grid_h.set_values([[float(s.h[0, k]) for s in steps] for k in range(self.units)])
        grid_h.move_to(u, self.time)
        if self.HAS_CARRY:
            grid_c = self.one("#grid-c", ValueGrid)
            grid_c.set_values(
                [[float(s.c[0, k]) for s in steps if s.c is not None]
                 for k in range(self.units)]
            )
            grid_c.move_to(u, self.time)

    def title_text(self) -> str:
        """``LSTM(2), 5 steps, input dim 1 | step t=0, unit 0``."""
        seq = self.seq
        text = self.t(
            f"{self.LAYER_NAME}({self.units}), {seq.steps} steps, input dim {seq.dim} | "
            f"t={self.time}, unit {self.unit}",
            f"{self.LAYER_NAME}({self.units}), {seq.steps}단계, 입력 차원 {seq.dim} | "
            f"t={self.time}, 유닛 {self.unit}",
        )
        if self.edit is not None:
            text += self.t(f" | state set at t={self.edit.t}",
                                f" | t={self.edit.t}에서 상태 직접 설정")
        return text
