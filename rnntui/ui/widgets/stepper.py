"""A focusable numeric stepper: keys step the value, Enter opens a validated text entry.

Keys: Left/-  step down, Right/+  step up, PgDn/PgUp (or shift+Left/Right) big step, Enter type a
value (``0,5`` and full-width digits accepted). An invalid or out-of-range value is refused with
a notification; the stepper keeps its old value. Emits :class:`Stepper.Changed` (see emit.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static

from rnntui.lab.format import fmt
from rnntui.typed_numbers import NumberError, parse_number
from rnntui.ui.strings import tr
from rnntui.ui.widgets.emit import emit
from rnntui.ui.widgets.lines import FOCUS_STYLE


class Stepper(Widget, can_focus=True):
    """A labelled number with keyboard steps and typed entry."""

    DEFAULT_CSS = """
    Stepper { height: 1; width: 1fr; layout: horizontal; }
    Stepper > .stepper--label { width: auto; min-width: 6; padding-right: 1; }
    Stepper > .stepper--value { width: auto; }
    Stepper > Input { display: none; border: none; height: 1; width: 16; padding: 0; }
    Stepper.-editing > Input { display: block; }
    Stepper.-editing > .stepper--value { display: none; }
    Stepper:focus > .stepper--value { text-style: bold reverse; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,minus", "step(-1)", "Step"),
        Binding("right,plus,equals_sign", "step(1)", "Step"),
        Binding("pagedown,shift+left", "big(-1)", "Big"),
        Binding("pageup,shift+right", "big(1)", "Big"),
        Binding("enter", "edit", "Type"),
    ]

    @dataclass
    class Changed(Message):
        """The value changed (by a key or typed entry)."""

        stepper: Stepper
        value: float

        @property
        def control(self) -> Stepper:
            """The stepper that changed (for ``@on(Stepper.Changed, "#id")``)."""
            return self.stepper

        def can_replace(self, message: Message) -> bool:
            """A newer change of the same stepper supersedes a queued one (key repeat)."""
            return isinstance(message, Stepper.Changed) and message.stepper is self.stepper

    def __init__(
        self,
        label: str,
        value: float,
        *,
        lo: float,
        hi: float,
        step: float = 0.1,
        big_step: float | None = None,
        decimals: int = 4,
        integer: bool = False,
        lang: str = "en",
        flat: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.flat = flat
        """Draw label and value in this one widget (no child Statics): cheaper to repaint.
        CSS for ``.stepper--label`` / ``.stepper--value`` does not apply to a flat stepper
        (it looks the same as the default one)."""
        self.label = label
        self.lo, self.hi = float(lo), float(hi)
        self.step = float(step)
        self.big_step = float(big_step) if big_step is not None else self.step * 10
        self.integer = integer
        self.decimals = 0 if integer else decimals
        self.lang = lang
        self._value = self._clamp(float(value))
        self._shown = ""

    # -- value --------------------------------------------------------------------------------
    @property
    def value(self) -> float:
        """The current value (an integral float when ``integer``)."""
        return self._value

    def text(self) -> str:
        """The value as displayed."""
        return fmt(self._value, self.decimals)

    def _clamp(self, value: float) -> float:
        value = min(self.hi, max(self.lo, value))
        return float(round(value)) if self.integer else round(value, 12)

    def set_value(self, value: float, *, post: bool = True) -> None:
        """Set the value (clamped); post Changed when it changed and ``post``."""
        new = self._clamp(value)
        if new == self._value:
            return
        self._value = new
        self._show(layout=False)
        if post:
            emit(self, self.Changed(self, new))

    def set_range(self, lo: float, hi: float) -> None:
        """Change the bounds (the value is clamped without posting Changed)."""
        self.lo, self.hi = float(lo), float(hi)
        self.set_value(self._value, post=False)
        self._show(layout=True)

    def _show(self, *, layout: bool) -> None:
        """Redraw the value after a change of value, range or mode."""
        if not self.is_mounted:
            return
        if not self.flat:
            self.query_one(".stepper--value", Static).update(self._value_text(), layout=layout)
            return
        resized = cell_len(self._value_text()) != cell_len(self._shown)
        self._shown = self._value_text()
        auto = self.styles.width is not None and self.styles.width.is_auto
        self.refresh(layout=layout or (resized and auto))

    def _value_text(self) -> str:
        return f"< {self.text().rjust(self._width())} >"

    def _width(self) -> int:
        return max(len(fmt(self.lo, self.decimals)), len(fmt(self.hi, self.decimals)))

    # -- widgets ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        entry = Input(placeholder=fmt(self._value, self.decimals), compact=True)
        entry.cursor_blink = False
        if self.flat:
            self._shown = self._value_text()
            entry.styles.margin = (0, 0, 0, self._label_cells())
        else:
            yield Static(self.label, classes="stepper--label", markup=False)
            yield Static(self._value_text(), classes="stepper--value", markup=False)
        yield entry

    def _label_cells(self) -> int:
        """Cells taken by the label and its gap (as the label Static: min-width 6, padding 1)."""
        return max(6, cell_len(self.label) + 1)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        if not self.flat:
            return super().get_content_width(container, viewport)
        return self._label_cells() + cell_len(self._value_text())

    def render(self) -> Text:
        """A flat stepper draws ``label  < value >`` itself (the value bold reverse when
        focused, hidden while typing), exactly as the label and value Statics would."""
        text = Text(no_wrap=True, end="")
        if not self.flat:
            return text
        text.append(self.label)
        text.append(" " * (self._label_cells() - cell_len(self.label)))
        if not self.has_class("-editing"):
            text.append(self._value_text(), style=FOCUS_STYLE if self.has_focus else "")
        return text

    def on_focus(self) -> None:
        """The value's focus style changes."""
        if self.flat:
            self.refresh()

    def on_blur(self) -> None:
        """The value's focus style changes."""
        if self.flat:
            self.refresh()

    # -- actions ------------------------------------------------------------------------------
    def action_step(self, direction: int) -> None:
        """Step by ``step`` (direction +1 or -1)."""
        self.set_value(self._value + direction * self.step)

    def action_big(self, direction: int) -> None:
        """Step by ``big_step``."""
        self.set_value(self._value + direction * self.big_step)

    def action_edit(self) -> None:
        """Open the text entry for a typed value."""
        entry = self.query_one(Input)
        entry.value = ""
        entry.placeholder = self.text()
        self.add_class("-editing")
        if self.flat:
            self.refresh()
        entry.focus()

    def _close_editor(self, refocus: bool = True) -> None:
        self.remove_class("-editing")
        if self.flat:
            self.refresh()
        if refocus:
            self.focus()

    def validate(self, text: str) -> float:
        """The typed value, or raise ValueError with a translated message."""
        try:
            value = parse_number(text)
        except NumberError as error:
            raise ValueError(tr(f"num.{error.key}", self.lang, text=text.strip())) from None
        if self.integer and value != int(value):
            raise ValueError(tr("num.integer", self.lang, name=self.label))
        if not self.lo <= value <= self.hi:
            raise ValueError(
                tr(
                    "num.range",
                    self.lang,
                    name=self.label,
                    value=text.strip(),
                    lo=fmt(self.lo, self.decimals),
                    hi=fmt(self.hi, self.decimals),
                )
            )
        return value

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self._close_editor()
            return
        try:
            value = self.validate(event.value)
        except ValueError as error:
            self.notify(str(error), severity="error", timeout=4)
            return
        self._close_editor()
        self.set_value(value)

    @on(Input.Blurred)
    def _blurred(self, event: Input.Blurred) -> None:
        event.stop()
        self._close_editor(refocus=False)

    def key_escape(self) -> None:
        """Escape cancels typing (Enter on an empty entry does too)."""
        if self.has_class("-editing"):
            self._close_editor()
