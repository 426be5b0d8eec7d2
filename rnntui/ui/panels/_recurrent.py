"""Shared Textual part of the SimpleRNN, LSTM and GRU panels: draws a ``RecurrentLab`` view.

Controls: time step t (scrubber), unit, units, x_t, the state entering step t (h_{t-1},
c_{t-1}), the typed input sequence, what-if gate forcing. Every key becomes a lab call; every
number shown comes from ``lab.view()`` (``rnntui/lab/recurrent.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, ScrollableContainer, VerticalGroup
from textual.widget import Widget
from textual.widgets import Input

from rnntui.lab.format import refused
from rnntui.lab.recurrent import RecurrentLab, RecurrentView
from rnntui.lab.sequence import InputSequence
from rnntui.lab.spec import SettingError
from rnntui.lab.specs import label
from rnntui.ui.panels.base import Panel, Readout
from rnntui.ui.widgets.bars import Bar
from rnntui.ui.widgets.force import ForceStepper
from rnntui.ui.widgets.grid import ValueGrid
from rnntui.ui.widgets.stepper import Stepper

W = TypeVar("W", bound=Widget)


class GridBox(ScrollableContainer, can_focus=False):
    """Scrolls large grids; the grids themselves take focus."""


class Row(Horizontal):
    """A row of controls."""


class Forces(Grid):
    """The what-if controls, two per row."""


class RecurrentPanel(Panel):
    """Draws one recurrent lab: controls, gate bars, formula lines, h (and c) grids."""

    LAB: ClassVar[type[RecurrentLab]] = RecurrentLab
    BAR_WIDTH: ClassVar[int] = 8
    """Label width of the gate bars."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("r", "reset", "Reset")]

    DEFAULT_CSS = """
    RecurrentPanel .row { height: 1; layout: grid; grid-size: 3; grid-columns: 1fr 1fr 1fr; }
    RecurrentPanel .forces { height: 2; layout: grid; grid-size: 2; grid-columns: 1fr 1fr; }
    RecurrentPanel .seqrow { height: 1; }
    RecurrentPanel .seqrow Readout { width: auto; padding-right: 1; }
    RecurrentPanel .seqrow Input { width: 1fr; }
    RecurrentPanel .grids { height: auto; max-height: 20; overflow-x: auto; overflow-y: auto; }
    """

    def __init__(
        self,
        preset: Mapping[str, Any] | None = None,
        lang: str = "en",
        *,
        lab: RecurrentLab | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(lang, id=id, classes=classes)
        self.lab: RecurrentLab = lab if lab is not None else self.LAB(preset)
        """The model (kept by the caller across a language switch if it likes)."""
        self.notes = list(refused(lang, self.lab.refused))
        self._widgets: dict[str, Widget] = {}
        self._shown_seq = ""

    @property
    def seq(self) -> InputSequence:
        """The lab's input sequence."""
        return self.lab.seq

    def one(self, selector: str, expect_type: type[W]) -> W:
        """``query_one``, remembered: these widgets stay mounted for the panel's life."""
        widget = self._widgets.get(selector)
        if widget is None or widget.parent is None:
            widget = self._widgets[selector] = self.query_one(selector, expect_type)
        return cast(W, widget)

    # -- compose ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        view = self.lab.view(self.lang)
        spec, lang = self.lab.SPEC, self.lang

        def control(name: str, **kw: Any) -> Stepper:
            s = spec[name]
            assert s.lo is not None and s.hi is not None
            return self.stepper(
                label(s.label, lang),
                0.0,
                lo=s.lo,
                hi=s.hi,
                step=0.1,
                flat=True,
                id="x" if name == "x_t" else name,
                **kw,
            )

        yield Readout(id="title", classes="panel--title")
        with Row(classes="row"):
            yield self.stepper(
                "t", 0, lo=0, hi=view.steps - 1, step=1, big_step=4, integer=True, flat=True, id="t"
            )
            yield self.stepper(
                "unit",
                0,
                lo=0,
                hi=view.units - 1,
                step=1,
                big_step=8,
                integer=True,
                flat=True,
                id="unit",
            )
            units = spec["units"]
            assert units.hi is not None
            yield self.stepper(
                label(units.label, lang),
                view.units,
                lo=units.lo,
                hi=units.hi,
                step=1,
                big_step=8,
                integer=True,
                flat=True,
                id="units",
            )
        with Row(classes="row"):
            yield control("x_t", big_step=1.0)
            yield control("h_prev", big_step=0.5)
            if self.lab.HAS_CARRY:
                yield control("c_prev", big_step=1.0)
        with Row(classes="seqrow"):
            yield Readout(label("sequence", lang))
            entry = Input(view.sequence_text, id="seq", compact=True)
            entry.cursor_blink = False
            self._shown_seq = view.sequence_text
            yield entry
        yield Readout(id="xdesc")
        if self.lab.FORCE_GATES:
            with Forces(classes="forces"):
                for gate, lo, hi in self.lab.FORCE_GATES:
                    yield ForceStepper(
                        gate, value_range=(lo, hi), lang=lang, flat=True, id=f"force-{gate}"
                    )
        with VerticalGroup(id="readouts"):
            for bar in view.gates:
                yield Bar(
                    bar.label,
                    lo=bar.lo,
                    hi=bar.hi,
                    label_width=self.BAR_WIDTH,
                    id=f"bar-{bar.gate}",
                )
            for ident, text in view.lines:
                yield Readout(text, id=ident)
        with GridBox(classes="grids"):
            yield ValueGrid(id="grid-h", row_label="h")
            if self.lab.HAS_CARRY:
                yield ValueGrid(id="grid-c", row_label="c")
        warnings = Readout("\n".join(view.warnings), id="warnings", classes="panel--note")
        warnings.display = bool(view.warnings)
        yield warnings

    # -- keys -> lab calls --------------------------------------------------------------------
    def on_control_changed(self, stepper: Stepper) -> None:
        value, name = stepper.value, stepper.id or ""
        try:
            if isinstance(stepper, ForceStepper):
                spec = stepper.forced()
                if spec is None:
                    self.lab.release(stepper.gate)
                else:
                    self.lab.force(stepper.gate, *spec)
            elif name == "t":
                self.lab.select(time=int(value))
            elif name == "unit":
                self.lab.select(unit=int(value))
            elif name == "units":
                self.lab.set("units", int(value))
            elif name == "x":
                self.lab.set("x_t", value)
            elif name in ("h_prev", "c_prev"):
                self.lab.set(name, value)
        except SettingError as error:
            self.notify(str(error), severity="error", timeout=5)
        self.request_recompute()

    def on_cell_selected(self, grid: ValueGrid, unit: int, t: int) -> None:
        if (unit, t) == (self.lab.unit, self.lab.time):
            return
        self.lab.select(time=t, unit=unit)
        self.request_recompute()

    @on(Input.Submitted, "#seq")
    def _sequence(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            self.lab.set_text(event.value)
        except ValueError as error:
            self.notify(
                self.t(
                    f"Sequence refused: {error}. Type e.g. 1 0.5 -1 or a b a",
                    f"입력 순서 거부: {error}. 예: 1 0.5 -1 또는 a b a",
                ),
                severity="error",
                timeout=5,
            )
            return
        self._shown_seq = ""  # show the sequence as the lab reads it
        self.request_recompute()

    def action_reset(self) -> None:
        """Back to the lesson's preset: everything the student changed."""
        self.lab.reset()
        self.request_recompute()

    # -- view -> widgets ----------------------------------------------------------------------
    def recompute(self) -> None:
        view = self.lab.view(self.lang)
        t_control = self.one("#t", Stepper)
        if t_control.hi != view.steps - 1:
            t_control.set_range(0, view.steps - 1)
        t_control.set_value(view.time, post=False)
        unit_control = self.one("#unit", Stepper)
        if unit_control.hi != view.units - 1:
            unit_control.set_range(0, view.units - 1)
        unit_control.set_value(view.unit, post=False)
        self.one("#units", Stepper).set_value(view.units, post=False)
        x_control = self.one("#x", Stepper)
        x_control.set_value(view.x_t, post=False)
        if x_control.disabled == view.x_editable:
            x_control.disabled = not view.x_editable
        self.one("#h_prev", Stepper).set_value(view.h_prev, post=False)
        if view.c_prev is not None:
            self.one("#c_prev", Stepper).set_value(view.c_prev, post=False)
        if view.sequence_text != self._shown_seq:
            self.one("#seq", Input).value = view.sequence_text
            self._shown_seq = view.sequence_text
        self._sync_forces(view)
        self.one("#title", Readout).show(view.title)
        xdesc = self.one("#xdesc", Readout)
        if xdesc.display != view.x_desc_shown:
            xdesc.display = view.x_desc_shown
        xdesc.show(view.x_desc)
        for bar in view.gates:
            self.one(f"#bar-{bar.gate}", Bar).set(bar.value, note=bar.note, suffix=bar.suffix)
        for ident, text in view.lines:
            self.one(f"#{ident}", Readout).show(text)
        grid_h = self.one("#grid-h", ValueGrid)
        grid_h.set_values([list(row) for row in view.grid_h])
        grid_h.move_to(view.unit, view.time)
        if view.grid_c is not None:
            grid_c = self.one("#grid-c", ValueGrid)
            grid_c.set_values([list(row) for row in view.grid_c])
            grid_c.move_to(view.unit, view.time)
        warnings = self.one("#warnings", Readout)
        if warnings.display != bool(view.warnings):
            warnings.display = bool(view.warnings)
        warnings.show("\n".join(view.warnings))

    def _sync_forces(self, view: RecurrentView) -> None:
        """Force controls show the lab's forces (after a reset, or a lab handed in)."""
        if not self.lab.FORCE_GATES:
            return
        wanted = {f.gate: (f.kind, f.value) for f in view.forces}
        for gate, _lo, _hi in self.lab.FORCE_GATES:
            control = self.one(f"#force-{gate}", ForceStepper)
            if control.forced() != wanted.get(gate):
                kind, value = wanted.get(gate, ("off", None))
                control.set_mode(kind, value)
