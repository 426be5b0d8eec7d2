"""The settings declaration of a lab: one :class:`Setting` per knob, a :class:`Spec` per lab.

The same ``Spec`` validates a lesson's ``preset`` (``rnntui check``), the lab's own ``set``
calls and the ranges of the panel's controls, so the three cannot disagree. Pure stdlib.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

KINDS = ("int", "float", "bool", "choice", "custom")
"""``custom`` settings validate with their own ``check`` function."""


class SettingError(ValueError):
    """A value a setting refuses: ``str()`` is ``"<name> <reason>"``, e.g.
    ``"units must be a whole number 1..5"``; ``reason`` alone starts with ``must``."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name} {reason}")
        self.name = name
        self.reason = reason


def is_int(value: Any) -> bool:
    """An int, but not a bool."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    """A finite int or float, but not a bool."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _bound(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


@dataclass(frozen=True)
class Setting:
    """One knob: its name, kind, range (inclusive), default and label key."""

    name: str
    kind: str
    default: Any
    lo: float | None = None
    hi: float | None = None
    label: str = ""
    """Key into :data:`rnntui.lab.specs.LABELS` (English and Korean control label)."""
    choices: tuple[Any, ...] = ()
    check: Callable[[Any], Any] | None = field(default=None, compare=False, repr=False)
    """For ``custom``: returns the converted value or raises ValueError with a reason."""
    preset: bool = True
    """False for a control a lesson cannot preset (e.g. the state entering a step)."""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown setting kind {self.kind!r}")

    def range_text(self) -> str:
        """``1..5``, ``at least 0`` or ``""``."""
        if self.lo is not None and self.hi is not None:
            return f"{_bound(self.lo)}..{_bound(self.hi)}"
        if self.lo is not None:
            return f"of at least {_bound(self.lo)}"
        return ""

    def _in_range(self, value: float) -> bool:
        return (self.lo is None or value >= self.lo) and (self.hi is None or value <= self.hi)

    def validate(self, value: Any) -> Any:
        """The value, converted (float settings give a float); SettingError if refused."""
        if self.kind == "int":
            if not is_int(value) or not self._in_range(value):
                raise SettingError(self.name, f"must be a whole number {self.range_text()}")
            return int(value)
        if self.kind == "float":
            if not is_number(value) or not self._in_range(value):
                raise SettingError(self.name, f"must be a number {self.range_text()}".rstrip())
            return float(value)
        if self.kind == "bool":
            if not isinstance(value, bool):
                raise SettingError(self.name, "must be true or false")
            return value
        if self.kind == "choice":
            if not any(value == c and type(value) is type(c) for c in self.choices):
                shown = ", ".join("null" if c is None else str(c) for c in self.choices)
                raise SettingError(self.name, f"must be one of {shown}")
            return value
        assert self.check is not None, f"custom setting {self.name} needs check"
        try:
            return self.check(value)
        except (TypeError, ValueError) as error:
            raise SettingError(self.name, str(error)) from None


class Spec(Mapping[str, Setting]):
    """The settings of one lab, in control order; ``spec["units"]`` is a Setting."""

    def __init__(self, *settings: Setting) -> None:
        self._settings = {s.name: s for s in settings}
        if len(self._settings) != len(settings):
            raise ValueError("setting names must be different")

    def __getitem__(self, name: str) -> Setting:
        return self._settings[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._settings)

    def __len__(self) -> int:
        return len(self._settings)

    def __repr__(self) -> str:
        return f"Spec({', '.join(self._settings)})"

    def preset_names(self) -> tuple[str, ...]:
        """The settings a lesson's ``preset`` may give."""
        return tuple(name for name, s in self._settings.items() if s.preset)

    def defaults(self) -> dict[str, Any]:
        """Every preset setting's default value (a fresh copy)."""
        return {name: copy.deepcopy(s.default) for name, s in self._settings.items() if s.preset}

    def validate(self, name: str, value: Any) -> Any:
        """``value`` checked and converted for setting ``name``; SettingError if refused."""
        setting = self._settings.get(name)
        if setting is None:
            known = ", ".join(self._settings)
            raise SettingError(name, f"is not a setting here (known: {known})")
        return setting.validate(value)

    def settle(self, preset: Mapping[str, Any] | None) -> tuple[dict[str, Any], list[SettingError]]:
        """Defaults overlaid with the valid values of ``preset``, and the error of each value
        refused (unknown keys are ignored: the lesson checker reports them)."""
        values = self.defaults()
        notes: list[SettingError] = []
        for name, value in dict(preset or {}).items():
            if name not in self._settings or not self._settings[name].preset:
                continue
            try:
                values[name] = self.validate(name, value)
            except SettingError as error:
                notes.append(error)
        return values, notes
