"""Units panel: draws a ``UnitsLab`` view (SimpleRNN, LSTM and GRU side by side as the number
of units changes); the steppers and the grid's layer choice become lab calls
(``rnntui/lab/units.py``).

Also home of what the units, stacking, bidirectional and embedding panels share:
:class:`Choice` (a focusable option picker), :func:`pad` and :func:`wrap` (cell-aware text)
and :class:`TextPanel` (a Panel that shows wrapped text and re-wraps on resize).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalGroup
from textual.widgets import Static

from rnntui.lab.format import refused
from rnntui.lab.spec import SettingError
from rnntui.lab.units import GRID, KINDS, UnitsLab, input_table
from rnntui.nn import RecurrentTrace
from rnntui.ui.panels.base import Panel, Readout
from rnntui.ui.strings import pick
from rnntui.ui.widgets.grid import ValueGrid
from rnntui.ui.widgets.stepper import Stepper

__all__ = ["GRID", "Choice", "TextPanel", "UnitsPanel", "input_table", "pad", "wrap"]


class Choice(Stepper):
    """One of a few named options: Left/Right (-/+) go through them (wrapping), Space picks the
    next one, Enter types a name or a number. ``value`` is the option's index."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "step(1)", "Next")]

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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: dict[str, int] = {}
        """Lines each Readout has needed at this width."""

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


LABELS_KO = {"units": "유닛 수", "input_dim": "입력 특성 수", "timesteps": "스텝 수"}
"""The Korean labels of the three steppers (docs/terms.md)."""


class UnitsPanel(TextPanel):
    """units, input_dim and timesteps controls; three layers compared."""

    NAME = "units"
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
        "늘어납니다. 스텝 수는 개수를 바꾸지 않습니다. 같은 가중치를 매 스텝 다시 씁니다.\n\n"
        "| 키 | 기능 |\n|---|---|\n| Tab | 다음 컨트롤 |\n| -/+ 또는 Left/Right | 유닛 수, "
        "입력 특성 수, 스텝 수 조절 |\n| PgUp/PgDn | 크게 조절 |\n| Enter | 값 입력 |\n"
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

    def __init__(
        self,
        preset: Mapping[str, Any] | None = None,
        lang: str = "en",
        *,
        lab: UnitsLab | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(lang, id=id, classes=classes)
        self.lab: UnitsLab = lab if lab is not None else UnitsLab(preset)
        """The model (kept by the caller across a language switch if it likes)."""
        self.notes = list(refused(lang, self.lab.refused))

    @property
    def counts(self) -> dict[str, int]:
        """Engine count_params per layer type, as shown."""
        return dict(self.lab.view(self.lang).counts)

    @property
    def trace(self) -> RecurrentTrace | None:
        """The trace behind the grid."""
        return self.lab.trace

    def compose(self) -> ComposeResult:
        view = self.lab.view(self.lang)
        values = {"units": view.units, "input_dim": view.input_dim, "timesteps": view.timesteps}
        yield Static(
            self.t(
                "Units: SimpleRNN, LSTM and GRU side by side",
                "유닛: SimpleRNN, LSTM, GRU 나란히 보기",
            ),
            classes="panel--title",
        )
        with HorizontalGroup(classes="row"):
            for key, big in (("units", 16), ("input_dim", 8), ("timesteps", 10)):
                setting = self.lab.SPEC[key]
                yield self.stepper(
                    self.t(key, LABELS_KO[key]),
                    values[key],
                    lo=setting.lo,
                    hi=setting.hi,
                    step=1,
                    big_step=big,
                    integer=True,
                    id=key,
                )
        yield Readout(id="params", classes="gap")
        yield Readout(id="shapes")
        with HorizontalGroup(classes="row gap"):
            yield Choice(self.t("grid", "표"), tuple(KINDS), view.kind, lang=self.lang, id="kind")
            yield Readout(id="caption")
        yield ValueGrid(row_label="h", col_label="t", id="grid")
        yield Readout(id="weights", classes="gap")
        yield Readout(id="note")

    def on_control_changed(self, stepper: Stepper) -> None:
        name, value = stepper.id or "", int(stepper.value)
        try:
            if name == "kind":
                self.lab.set("kind", tuple(KINDS)[value])
            else:
                self.lab.set(name, value)
        except SettingError as error:
            self.notify(str(error), severity="error", timeout=5)
        self.request_recompute()

    def recompute(self) -> None:
        view = self.lab.view(self.lang)
        for name, value in (
            ("units", view.units),
            ("input_dim", view.input_dim),
            ("timesteps", view.timesteps),
            ("kind", view.kind),
        ):
            self.query_one(f"#{name}", Stepper).set_value(value, post=False)
        lines = dict(view.lines)
        for name in ("params", "shapes", "weights", "note", "caption"):
            self.show(f"#{name}", lines[name])
        self.query_one("#grid", ValueGrid).set_values([list(row) for row in view.grid])
