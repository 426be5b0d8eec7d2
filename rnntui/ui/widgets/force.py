"""What-if control for one gate: off, force its value, or force its pre-activation.

Keys: Space cycles off -> value -> pre -> off; 0 and 1 force the value to 0 or 1; x turns
forcing off; -/+, PgUp/PgDn and Enter change the forced number (as a Stepper).
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from rnntui.lab.format import fmt
from rnntui.ui.keys import with_jamo
from rnntui.ui.widgets.emit import emit
from rnntui.ui.widgets.stepper import Stepper

MODES = ("off", "value", "pre")


class ForceStepper(Stepper):
    """A Stepper with a mode; in mode "off" the number is ignored."""

    BINDINGS: ClassVar[list[BindingType]] = with_jamo(
        [
            Binding("space", "cycle", "Mode"),
            Binding("0", "force(0)", "Force"),
            Binding("1", "force(1)", "Force"),
            Binding("x", "release", "Off"),
        ]
    )

    def __init__(
        self,
        gate: str,
        *,
        value_range: tuple[float, float],
        lang: str = "en",
        flat: bool = False,
        id: str | None = None,
    ) -> None:
        self.gate = gate
        self.value_range = value_range
        self.mode = "off"
        super().__init__(
            f"force {gate}",
            value_range[1],
            lo=value_range[0],
            hi=value_range[1],
            step=0.1,
            big_step=0.5,
            lang=lang,
            flat=flat,
            id=id,
        )

    def _value_text(self) -> str:
        base = super()._value_text()
        if self.mode == "off":
            return "off".ljust(len(base) + 4)  # same width in every mode: no layout pass
        word = "=" if self.mode == "value" else "pre"
        return f"{word:<3} {base}"

    def forced(self) -> tuple[str, float] | None:
        """(kind, value) for rnntui.nn.GateForce, or None when off."""
        return None if self.mode == "off" else (self.mode, self.value)

    def describe(self) -> str:
        """Short text such as ``f = 0.0000`` or ``f off`` (for tests and help)."""
        if self.mode == "off":
            return f"{self.gate} off"
        return f"{self.gate} {'=' if self.mode == 'value' else 'pre'} {fmt(self.value)}"

    def set_mode(self, mode: str, value: float | None = None) -> None:
        """Switch mode (and value); posts Changed."""
        self.mode = mode
        lo, hi = self.value_range if mode != "pre" else (-10.0, 10.0)
        self.lo, self.hi = lo, hi
        new = self._clamp(self.value if value is None else value)
        self._value = new
        self._show(layout=False)
        emit(self, self.Changed(self, new))

    def set_value(self, value: float, *, post: bool = True) -> None:
        """Stepping while off switches to value mode."""
        if self.mode == "off":
            self.set_mode("value", value)
            return
        super().set_value(value, post=post)

    def action_cycle(self) -> None:
        """off -> value -> pre -> off."""
        self.set_mode(MODES[(MODES.index(self.mode) + 1) % len(MODES)])

    def action_force(self, value: float) -> None:
        """Force the gate's value to ``value``."""
        self.set_mode("value", value)

    def action_release(self) -> None:
        """Stop forcing this gate."""
        if self.mode != "off":
            self.set_mode("off")
