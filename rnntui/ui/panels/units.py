"""Units panel: SimpleRNN, LSTM and GRU side by side as the number of units changes.

Shows each layer's parameter formula with the numbers filled in (the result is the engine's
``count_params``), the output shape with and without return_sequences, the weight shapes, and
the hidden state h_t of one layer as a units x time grid that grows with the units.

Also home of what the units, stacking, bidirectional and embedding panels share:
:class:`Choice` (a focusable option picker), :func:`pad` and :func:`wrap` (cell-aware text)
and :class:`TextPanel` (a Panel that shows wrapped text and re-wraps on resize).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any, ClassVar

import numpy as np
from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.widgets import Static

from rnntui.nn import GRU, LSTM, RecurrentTrace, RNNLayer, SimpleRNN
from rnntui.nn.layer import format_shape
from rnntui.ui.format import fmt_int
from rnntui.ui.panels.base import Panel, Readout
from rnntui.ui.strings import pick
from rnntui.ui.widgets.grid import ValueGrid
from rnntui.ui.widgets.stepper import Stepper

KINDS: dict[str, type[RNNLayer]] = {"SimpleRNN": SimpleRNN, "LSTM": LSTM, "GRU": GRU}
LIMITS = {"units": 256, "input_dim": 256, "timesteps": 100}
SEED = 0
"""Seed of the layers' weights and of the input sequence."""
GRID = 8
"""The grid shows the first 8 units x 8 steps at most: it fits 80x24 without scrolling and
a tweak repaints it once (a few lines), so a tweak stays under 2 KB over ssh."""


class Choice(Stepper):
    """One of a few named options: Left/Right (-/+) go through them (wrapping), Space picks the
    next one, Enter types a name or a number. ``value`` is the option's index."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("space", "step(1)", "Next")]

    def __init__(
        self,
        label: str,
        options: Sequence[str],
        index: int = 0,
        *,
        lang: str = "en",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        self.options: tuple[str, ...] = tuple(options) or ("",)
        super().__init__(
            label,
            index,
            lo=0,
            hi=len(self.options) - 1,
            step=1,
            big_step=10,
            integer=True,
            lang=lang,
            id=id,
            classes=classes,
        )

    @property
    def choice(self) -> str:
        """The option shown."""
        return self.options[int(self.value)]

    def text(self) -> str:
        """The option shown (tests compare it)."""
        return self.choice

    def _value_text(self) -> str:
        width = max(cell_len(o) for o in self.options[:200])
        return f"< {self.choice}{' ' * max(0, width - cell_len(self.choice))} >"

    def action_step(self, direction: int) -> None:
        """Previous/next option, wrapping round."""
        self.set_value((int(self.value) + direction) % len(self.options))

    def set_options(self, options: Sequence[str], index: int) -> None:
        """Replace the options (no Changed message); the shown text is redrawn."""
        old = self._value_text()
        self.options = tuple(options) or ("",)
        self.hi = float(len(self.options) - 1)
        self._value = self._clamp(float(index))
        new = self._value_text()
        if self.is_mounted and new != old:
            resized = cell_len(new) != cell_len(old)
            self.query_one(".stepper--value", Static).update(new, layout=resized)

    def validate(self, text: str) -> float:
        """A typed option name, or its number (0-based)."""
        name = text.strip()
        if name in self.options:
            return float(self.options.index(name))
        try:
            return super().validate(text)
        except ValueError:
            shown = ", ".join(self.options[:8]) + (", ..." if len(self.options) > 8 else "")
            raise ValueError(
                pick(
                    self.lang,
                    f"{self.label}: choose one of {shown}",
                    f"{self.label}: 다음 중에서 고르세요: {shown}",
                )
            ) from None


def pad(text: str, width: int, *, right: bool = False) -> str:
    """Pad ``text`` to ``width`` terminal cells (Hangul is two cells wide)."""
    fill = " " * max(0, width - cell_len(text))
    return fill + text if right else text + fill


def wrap(text: str, width: int) -> str:
    """Break every line of ``text`` at spaces so no line is wider than ``width`` cells
    (spacing inside a line is kept; continuation lines keep the line's indent).

    Readouts show pre-wrapped text: their height then changes only when the number of lines
    does, which keeps a tweak from re-laying out (and re-sending) the whole pane."""
    out: list[str] = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip(" "))]
        current = ""
        for chunk in re.findall(r"\S+\s*", line[len(indent) :]) or [""]:
            if current.strip() and cell_len(current + chunk.rstrip()) > width:
                out.append(current.rstrip())
                current = indent
            current = (current or indent) + chunk
        out.append(current.rstrip() if current.strip() else "")
    return "\n".join(out)


class TextPanel(Panel):
    """A Panel that shows wrapped text in Readouts and re-wraps when its width changes.

    A Readout keeps the most lines it has needed at this width (padding with blank lines), so
    a number growing a digit does not re-layout the pane, which would resend all of it."""

    wrapped_at = 0
    """The width the text was last wrapped to."""
    _held: ClassVar[dict[str, int]] = {}

    def text_width(self) -> int:
        """Cells available for a line of text (76 before the first layout)."""
        width = self.content_size.width
        return width if width >= 20 else 76

    def on_resize(self) -> None:
        """A new width: wrap again."""
        if self.text_width() != self.wrapped_at:
            self.request_recompute()

    def show(self, selector: str, text: str, lines: int = 0, *, hold: bool = True) -> None:
        """Wrap ``text`` to the panel's width and show it with at least ``lines`` lines (and,
        with ``hold``, at least as many as it has had at this width)."""
        if self.text_width() != self.wrapped_at:
            self.wrapped_at, self._held = self.text_width(), {}
        wrapped = wrap(text, self.wrapped_at)
        need = max(lines, self._held.get(selector, 0) if hold else 0)
        missing = need - (wrapped.count("\n") + 1)
        self._held[selector] = max(need, wrapped.count("\n") + 1)
        self.query_one(selector, Readout).show(wrapped + "\n" * max(0, missing))

    def int_value(self, widget_id: str) -> int:
        """A Stepper's (or Choice's) value as an int."""
        return int(self.query_one(f"#{widget_id}", Stepper).value)


def formula(layer: RNNLayer) -> tuple[str, str]:
    """The count formula in letters and with the numbers filled in, from the layer's structure:
    ``("4n(D+n+1)", "4 x 32 x (16+32+1)")``. Blocks = gates, bias rows = 1 or 2 (GRU).
    Letters as in the lessons: n units, D input features."""
    gates = layer.n_gates
    shape = layer.bias_shape()
    rows = shape[0] if len(shape) == 2 else 1
    head = "" if gates == 1 else f"{gates}"
    letters = f"{head}n(D+n+{rows})"
    filled = f"{gates} x " if gates > 1 else ""
    filled += f"{layer.units} x ({layer.input_dim}+{layer.units}+{rows})"
    return letters, filled


@cache
def input_table() -> np.ndarray:
    """Seeded inputs in -1..1 for the largest T and D; the panel slices (T, D) from it."""
    shape = (LIMITS["timesteps"], LIMITS["input_dim"])
    return np.random.default_rng(SEED).uniform(-1.0, 1.0, shape)


class UnitsPanel(TextPanel):
    """units, input_dim and timesteps controls; three layers compared."""

    NAME = "units"
    DEFAULTS: ClassVar[dict[str, Any]] = {"units": 4, "input_dim": 8, "timesteps": 5}
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": "## Units\n\n`units` (n) is the length of the hidden state h. Every unit reads "
        "every unit's previous value through the recurrent weight U (n x n per gate), so the "
        "parameters grow roughly with n squared. The number of time steps never changes the "
        "count: the same weights are reused at every step.\n\n"
        "| key | does |\n|---|---|\n| Tab | next control |\n| -/+ or Left/Right | change "
        "units, input_dim, timesteps |\n| PgUp/PgDn | big step |\n| Enter | type a value |\n"
        "| Space on grid layer | next layer type |\n| arrows on the grid | move the cursor |",
        "ko": "## 유닛\n\n`units`(n)는 은닉 상태 h의 길이입니다. 모든 유닛은 순환 가중치 U"
        "(게이트마다 n x n)를 통해 모든 유닛의 이전 값을 읽으므로 파라미터는 대략 n의 제곱으로 "
        "늘어납니다. 타임스텝 수는 개수를 바꾸지 않습니다. 같은 가중치를 매 단계 다시 씁니다.\n\n"
        "| 키 | 기능 |\n|---|---|\n| Tab | 다음 컨트롤 |\n| -/+ 또는 Left/Right | units, "
        "input_dim, timesteps 조절 |\n| PgUp/PgDn | 크게 조절 |\n| Enter | 값 입력 |\n"
        "| 표의 층에서 Space | 다음 층 종류 |\n| 표에서 화살표 | 커서 이동 |",
    }
    DEFAULT_CSS = """
    UnitsPanel .row { height: auto; width: 1fr; }
    UnitsPanel .row Stepper { width: auto; margin-right: 1; }
    UnitsPanel .row Stepper > .stepper--label { min-width: 0; }
    UnitsPanel #caption { width: 1fr; }
    UnitsPanel #grid { height: 9; width: 1fr; }
    UnitsPanel .gap { margin-top: 1; }
    """

    counts: ClassVar[dict[str, int]] = {}
    """Engine count_params per layer type, as shown."""
    trace: RecurrentTrace | None = None
    """The trace behind the grid."""

    def check_preset(self, key: str, value: Any) -> Any:
        """units and input_dim 1..256, timesteps 1..100."""
        hi = LIMITS.get(key)
        if hi is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= hi
        ):
            raise ValueError(f"{key} must be a whole number 1..{hi}")
        return value

    def compose(self) -> ComposeResult:
        yield Static(
            self.t(
                "Units: SimpleRNN, LSTM and GRU side by side",
                "유닛: SimpleRNN, LSTM, GRU 나란히 보기",
            ),
            classes="panel--title",
        )
        with HorizontalGroup(classes="row"):
            for key, big in (("units", 16), ("input_dim", 8), ("timesteps", 10)):
                yield self.stepper(
                    key,
                    self.preset[key],
                    lo=1,
                    hi=LIMITS[key],
                    step=1,
                    big_step=big,
                    integer=True,
                    id=key,
                )
        yield Readout(id="params", classes="gap")
        yield Readout(id="shapes")
        with HorizontalGroup(classes="row gap"):
            yield Choice(self.t("grid", "표"), tuple(KINDS), 1, lang=self.lang, id="kind")
            yield Readout(id="caption")
        yield ValueGrid(row_label="h", col_label="t", id="grid")
        yield Readout(id="weights", classes="gap")
        yield Readout(id="note")

    def inputs(self, steps: int, dim: int) -> np.ndarray:
        """The seeded input sequence (1, T, D); earlier steps stay the same when T grows."""
        return input_table()[None, :steps, :dim]

    def build(
        self, kind: str, units: int, dim: int, steps: int, seq: bool, draw: bool = False
    ) -> RNNLayer:
        """A built layer of ``kind``: seeded weights with ``draw``, else zeros (enough for
        counts and shapes, and much faster)."""
        layer = KINDS[kind](units, return_sequences=seq, seed=SEED)
        layer.draw_weights = draw
        layer.build((None, steps, dim))
        return layer

    def recompute(self) -> None:
        units, dim, steps = (self.int_value(k) for k in ("units", "input_dim", "timesteps"))
        kind = self.query_one("#kind", Choice).choice
        layers = {name: self.build(name, units, dim, steps, False) for name in KINDS}
        self.counts = {name: layer.count_params() for name, layer in layers.items()}
        rows = {name: formula(layer) for name, layer in layers.items()}
        width = max(len(filled) for _, filled in rows.values())
        lines = [
            self.t("params (n = units, D = input_dim)", "파라미터 (n = 유닛 수, D = 입력 특성 수)")
        ]
        for name, (letters, filled) in rows.items():
            lines.append(
                f"{name:<9} {letters:<9} = {filled:<{width}} = {fmt_int(self.counts[name]):>7}"
            )
        self.show("#params", "\n".join(lines))
        grid_layer = self.build(kind, units, dim, steps, True, draw=True)
        self._show_shapes(layers[kind], grid_layer)
        self._show_note(kind, units, layers[kind], self.build(kind, 2 * units, dim, steps, False))
        self.trace = trace = grid_layer.trace(self.inputs(steps, dim))
        rows = (
            self.t(f"{units} units", f"유닛 {units}개")
            if units <= GRID
            else self.t(f"units 0-{GRID - 1} of {units}", f"유닛 {units}개 중 0-{GRID - 1}번")
        )
        cols = (
            self.t(f"{steps} steps", f"{steps}단계")
            if steps <= GRID
            else self.t(f"steps 0-{GRID - 1} of {steps}", f"{steps}단계 중 0-{GRID - 1}단계")
        )
        self.show("#caption", f"h_t: {rows} x {cols}")
        self.query_one("#grid", ValueGrid).set_values(trace.outputs[0].T[:GRID, :GRID].tolist())

    def _show_shapes(self, last: RNNLayer, seq: RNNLayer) -> None:
        shape_in = (None, self.int_value("timesteps"), self.int_value("input_dim"))
        out_last = format_shape(last.compute_output_shape(shape_in))
        out_seq = format_shape(seq.compute_output_shape(shape_in))
        self.show(
            "#shapes",
            self.t(
                f"output {out_last}; with return_sequences=True {out_seq}",
                f"출력 {out_last}, return_sequences=True면 {out_seq}",
            ),
        )
        names = last.weight_names()
        letter = {"kernel": "W = ", "recurrent_kernel": "U = ", "bias": "b = "}
        parts = [
            f"{letter.get(n, '')}{n} {format_shape(s)}"
            for n, s in zip(names, last.weight_shapes(), strict=True)
        ]
        kind = type(last).__name__
        self.show("#weights", self.t(f"{kind} weights: ", f"{kind} 가중치: ") + ", ".join(parts))

    def _show_note(self, kind: str, units: int, layer: RNNLayer, double: RNNLayer) -> None:
        total, rec = fmt_int(layer.count_params()), fmt_int(layer.recurrent_kernel.size)
        more = fmt_int(double.count_params())
        self.show(
            "#note",
            self.t(
                f"Capacity: {kind}({units}) has {total} weights; U (the n x n part) alone is "
                f"{rec}. With {2 * units} units it would have {more}. More units hold more "
                "patterns, but with little data they also memorise noise (overfitting): keep "
                "the smallest size that does as well on validation data.",
                f"용량: {kind}({units})의 가중치는 {total}개이고, 그중 U(n x n 부분)만 {rec}개"
                f"입니다. 유닛이 {2 * units}개면 {more}개가 됩니다. 유닛이 많을수록 패턴을 더 많이 "
                "담지만, 데이터가 적으면 잡음까지 외워 과대적합이 됩니다. 검증 데이터에서 성능이 "
                "같다면 가장 작은 크기를 고르세요.",
            ),
        )
