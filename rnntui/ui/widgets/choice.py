"""Choice: a Stepper over a few named options (the units, stacking, bidirectional and
embedding panels pick a layer kind, a mode or a word with it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from textual.binding import Binding, BindingType
from textual.widgets import Static

from rnntui.lab.format import words
from rnntui.ui.widgets.stepper import Stepper


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
                words(
                    self.lang,
                    f"{self.label}: choose one of {shown}",
                    f"{self.label}: 다음 중에서 고르세요: {shown}",
                )
            ) from None
