"""Shared Textual part of the SimpleRNN, LSTM and GRU panels: draws a ``RecurrentLab`` view.

Controls: time step t (scrubber, shown from 1 as in the lessons), unit, units, x_t, the state
entering step t (h_{t-1}, c_{t-1}), the typed input sequence, what-if gate forcing. Every key
becomes a lab call; every number shown comes from ``lab.view()`` (``rnntui/lab/recurrent.py``).

Inspect: the grids' cursor and the "inspect" row reach every number; Enter or i opens its
derivation (``rnntui.lab.derive``) in a modal; w shows the weights (one can be edited), e loads
the lesson's worked example.
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

from rnntui.lab.derive import derive, quantities, value_name
from rnntui.lab.diagram import Diagram, lab_diagram
from rnntui.lab.format import cells, pad, refused
from rnntui.lab.recurrent import RecurrentLab, RecurrentView
from rnntui.lab.sequence import InputSequence, refusal_ko
from rnntui.lab.spec import SettingError
from rnntui.settings import ascii_boxes
from rnntui.ui.panels._inspect import QuantityPicker
from rnntui.ui.panels.base import Panel
from rnntui.ui.screens.cell_diagram import CellDiagramScreen
from rnntui.ui.screens.derivation import DerivationScreen, TextModal
from rnntui.ui.strings import control_label
from rnntui.ui.widgets.bars import Bar, bar_text
from rnntui.ui.widgets.cell_diagram import CellDiagram
from rnntui.ui.widgets.force import ForceStepper
from rnntui.ui.widgets.grid import ValueGrid
from rnntui.ui.widgets.readout import Readout
from rnntui.ui.widgets.stepper import Stepper

W = TypeVar("W", bound=Widget)


class GridBox(ScrollableContainer, can_focus=False):
    """Scrolls large grids; the grids themselves take focus."""


class Row(Horizontal):
    """A row of controls."""


class Forces(Grid):
    """The what-if controls, two per row."""


class GateBar(Bar):
    """A gate bar whose label and suffix are measured in terminal cells (Korean labels)."""

    def text(self, width: int | None = None) -> str:
        number = self.value_text().rjust(8)
        note = f" {self._suffix}" if self._suffix else ""
        note += f" {self._note}" if self._note else ""
        width = self.size.width if width is None else width
        room = width - self.label_width - len(number) - cells(note) - 2
        inside = bar_text(self._value, self.lo, self.hi, min(max(room, 3), 30))
        return f"{pad(self.label, self.label_width)}[{inside}]{number}{note}"


class GateForceStepper(ForceStepper):
    """A force control with Korean words in the Korean UI (``f 고정``: 끔 / 값 / 활성화 전 값)."""

    MODE_WORDS: ClassVar[dict[str, dict[str, str]]] = {
        "en": {"off": "off", "value": "=", "pre": "pre"},
        "ko": {"off": "끔", "value": "값", "pre": "활성화 전 값"},
    }

    def __init__(
        self, gate: str, *, value_range: tuple[float, float], lang: str, **kw: Any
    ) -> None:
        super().__init__(gate, value_range=value_range, lang=lang, **kw)
        if lang == "ko":
            self.label = f"{gate} 고정"

    def _value_text(self) -> str:
        if self.lang != "ko":
            return super()._value_text()
        words = self.MODE_WORDS["ko"]
        widest = max(cells(w) for w in words.values())
        base = Stepper._value_text(self)
        if self.mode == "off":
            return pad(words["off"], widest + 1 + len(base))
        return f"{pad(words[self.mode], widest)} {base}"


class RecurrentPanel(Panel):
    """Draws one recurrent lab: controls, gate bars, formula lines, h (and c) grids."""

    LAB: ClassVar[type[RecurrentLab]] = RecurrentLab
    BAR_WIDTH: ClassVar[int] = 8
    """Label width of the gate bars."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "reset", "Reset"),
        Binding("i,enter", "inspect", "Inspect"),
        Binding("w", "weights", "Weights"),
        Binding("e", "example", "Example"),
        Binding("c", "cell", "Cell", show=False),  # in F1 help: the key bar is full at 80x24
    ]
    LABELS_KO: ClassVar[dict[str, str]] = {
        "Inspect": "계산 보기",
        "Weights": "가중치",
        "Example": "레슨 예제",
        "Cell": "셀 그림",
        "Choose": "선택",
    }

    DEFAULT_CSS = """
    RecurrentPanel .row { height: 1; layout: grid; grid-size: 3; grid-columns: 1fr 1fr 1fr; }
    RecurrentPanel.-narrow .states { height: 2; grid-size: 2; grid-columns: 1fr 1fr; }
    RecurrentPanel.-narrow .forces { height: 4; grid-size: 1; grid-columns: 1fr; grid-rows: 1; }
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
        self._ascii: bool | None = None
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
                control_label(s.label, lang),
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
                "t", 1, lo=1, hi=view.steps, step=1, big_step=4, integer=True, flat=True, id="t"
            )
            yield self.stepper(
                control_label("unit", lang),
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
                control_label(units.label, lang),
                view.units,
                lo=units.lo,
                hi=units.hi,
                step=1,
                big_step=8,
                integer=True,
                flat=True,
                id="units",
            )
        with Row(classes="row states"):
            yield control("x_t", big_step=1.0)
            yield control("h_prev", big_step=0.5)
            if self.lab.HAS_CARRY:
                yield control("c_prev", big_step=1.0)
        with Row(classes="seqrow"):
            yield Readout(control_label("sequence", lang))
            entry = Input(view.sequence_text, id="seq", compact=True)
            entry.cursor_blink = False
            self._shown_seq = view.sequence_text
            yield entry
        yield Readout(id="xdesc")
        if self.lab.FORCE_GATES:
            with Forces(classes="forces"):
                for gate, lo, hi in self.lab.FORCE_GATES:
                    yield GateForceStepper(
                        gate, value_range=(lo, hi), lang=lang, flat=True, id=f"force-{gate}"
                    )
        yield QuantityPicker(
            self.t("inspect (i):", "계산 보기 (i):"), self._picker_items(), id="inspect"
        )
        width = max([self.BAR_WIDTH] + [cells(bar.label) + 1 for bar in view.gates])
        with VerticalGroup(id="readouts"):
            for bar in view.gates:
                yield GateBar(
                    bar.label,
                    lo=bar.lo,
                    hi=bar.hi,
                    label_width=width,
                    id=f"bar-{bar.gate}",
                )
            for ident, text in view.lines:
                yield Readout(text, id=ident)
        unit_word = self.t("unit", "유닛")
        with GridBox(classes="grids"):
            yield ValueGrid(id="grid-h", row_label="h", corner=unit_word, first_step=1)
            if self.lab.HAS_CARRY:
                yield ValueGrid(id="grid-c", row_label="c", corner=unit_word, first_step=1)
        cell = CellDiagram(id="cell")
        cell.display = False  # shown beside the numbers on wide screens (on_resize)
        yield cell
        warnings = Readout("\n".join(view.warnings), id="warnings", classes="panel--note")
        warnings.display = bool(view.warnings)
        yield warnings

    NARROW: ClassVar[int] = 60
    """Below this width the state controls take two rows and the force controls one column
    each (they would run together)."""

    WIDE: ClassVar[int] = 120
    """From this terminal width on, the cell diagram is drawn in the panel (else: key c)."""

    def on_resize(self) -> None:
        """Lay the state controls out for the width the panel gets; show the cell diagram
        in the panel when the terminal is wide and the panel can hold it."""
        narrow = self.size.width < self.NARROW
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
        cell = self.one("#cell", CellDiagram)
        wide = self.app.size.width >= self.WIDE and self.size.width >= self.diagram().width + 2
        if wide != cell.display:
            cell.display = wide
            if wide:
                cell.show(self.diagram())

    def diagram(self, view: RecurrentView | None = None) -> Diagram:
        """The cell diagram of what the panel shows (ASCII if box lines are broken here)."""
        if self._ascii is None:
            self._ascii = ascii_boxes()  # read once: not on every tweak
        return lab_diagram(self.lab, ascii=self._ascii, lang=self.lang, view=view)

    def action_cell(self) -> None:
        """Open the cell diagram with the shown step's live values."""
        self.app.push_screen(CellDiagramScreen(self.diagram(), self.lang))

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
                self.lab.select(time=int(value) - 1)
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
                    f"입력 순서 거부: {refusal_ko(str(error))}. 예: 1 0.5 -1 또는 a b a",
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

    # -- inspect, weights, the lesson's example -----------------------------------------------
    def _picker_items(self) -> list[tuple[str, str]]:
        items = []
        for q in quantities(self.lab):
            if q.startswith("pre:"):
                items.append((q, f"pre_{value_name(q[4:])}"))
            elif q in ("c", "h"):
                items.append((q, f"{q}_t"))
            else:
                items.append((q, value_name(q)))
        if self.lab.KIND == "SimpleRNN":
            items = [(q, "h_t" if q == "h" else text) for q, text in items]
        # the gate's value first, then its pre-activation
        ordered: list[tuple[str, str]] = []
        for q, text in items:
            if q.startswith("pre:"):
                continue
            ordered.append((q, text))
            pre = next((item for item in items if item[0] == f"pre:{q}"), None)
            if pre is not None:
                ordered.append(pre)
        return ordered

    def inspect_target(self) -> tuple[str, int, int] | str:
        """What Enter / i explains now: (quantity, unit, 0-based step) for the focused grid
        cell, the inspect row's choice or the state control's value; or a plain note."""
        focused = self.screen.focused if self.is_attached else None
        lab = self.lab
        if isinstance(focused, ValueGrid):
            unit, t = focused.cursor
            return ("c" if focused.id == "grid-c" else "h", unit, t)
        if isinstance(focused, Stepper) and focused.id in ("h_prev", "c_prev"):
            what = "h" if focused.id == "h_prev" else "c"
            if lab.time == 0:
                return self.t(
                    f"{what}_0[{lab.unit}]: the initial state, 0 unless set by hand "
                    "(it enters the first step, t=1).",
                    f"{what}_0[{lab.unit}]: 처음 상태입니다. 직접 바꾸지 않으면 0이고, "
                    "첫 스텝(t=1)에 들어갑니다.",
                )
            return (what, lab.unit, lab.time - 1)
        if isinstance(focused, Stepper) and focused.id == "x":
            n = lab.time + 1
            return self.t(
                f"x_t = x_{n}: an input, not computed: step {n} of the sequence "
                f"({lab.seq.describe_step(lab.time)}).",
                f"x_t = x_{n}: 계산한 값이 아니라 입력입니다. 입력 순서의 스텝 {n} "
                f"({lab.seq.describe_step(lab.time)}).",
            )
        picker = self.one("#inspect", QuantityPicker)
        return (picker.selected, lab.unit, lab.time)

    def action_inspect(self) -> None:
        """Open the derivation of the number under the cursor."""
        target = self.inspect_target()
        if isinstance(target, str):
            self.app.push_screen(TextModal([target], self.lang))
            return
        quantity, unit, step = target
        # A grid's cursor can point past a sequence or a layer that just got shorter, until
        # the coming recompute moves it: explain the nearest number that exists.
        unit = max(0, min(unit, self.lab.units - 1))
        step = max(0, min(step, self.lab.seq.steps - 1))
        lines = derive(self.lab, quantity, unit, step, self.lang).lines()
        self.app.push_screen(DerivationScreen(lines, self.lang))

    def action_weights(self) -> None:
        """Show W, U and b of the layer (one number can be edited there)."""
        from rnntui.ui.screens.weights import WeightsScreen

        self.app.push_screen(WeightsScreen(self.lab, self.lang, on_change=self.request_recompute))

    def action_example(self) -> None:
        """Load the lesson's worked example: its weights, sequence and starting state."""
        if not self.lab.has_example:
            self.notify(
                self.t(
                    "This lesson gives no worked example for the panel.",
                    "이 레슨에는 패널에 불러올 예제가 없습니다.",
                ),
                timeout=4,
            )
            return
        self.lab.load_example()
        self.request_recompute()
        self.notify(
            self.t(
                "The lesson's example is loaded: the numbers are the ones the text computes "
                "(r goes back to the lesson's start).",
                "레슨 예제를 불러왔습니다. 본문에서 계산한 숫자와 같습니다 "
                "(r: 레슨의 처음 상태로).",
            ),
            timeout=5,
        )

    # -- view -> widgets ----------------------------------------------------------------------
    def recompute(self) -> None:
        view = self.lab.view(self.lang)
        t_control = self.one("#t", Stepper)
        if t_control.hi != view.steps:
            t_control.set_range(1, view.steps)
        t_control.set_value(view.time + 1, post=False)
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
            self.one(f"#bar-{bar.gate}", GateBar).set(bar.value, note=bar.note, suffix=bar.suffix)
        for ident, text in view.lines:
            self.one(f"#{ident}", Readout).show(text)
        grid_h = self.one("#grid-h", ValueGrid)
        grid_h.set_values([list(row) for row in view.grid_h])
        grid_h.move_to(view.unit, view.time)
        if view.grid_c is not None:
            grid_c = self.one("#grid-c", ValueGrid)
            grid_c.set_values([list(row) for row in view.grid_c])
            grid_c.move_to(view.unit, view.time)
        cell = self.one("#cell", CellDiagram)
        if cell.display:
            cell.show(self.diagram(view))
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
            control = self.one(f"#force-{gate}", GateForceStepper)
            if control.forced() != wanted.get(gate):
                kind, value = wanted.get(gate, ("off", None))
                control.set_mode(kind, value)
