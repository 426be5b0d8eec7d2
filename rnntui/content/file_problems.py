"""Collect problems for one file, pointing each at a line of that file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rnntui.content.model import Problem

KeyPath = tuple[str | int, ...]
"""Where a value sits in the front matter, e.g. ``("quiz", 0, "answer")``."""


@dataclass
class LineMap:
    """File line numbers (1-based) of the keys and values of a parsed front matter."""

    start: int = 1
    """Line of the opening ``---``: used when nothing more precise is known."""
    keys: dict[KeyPath, int] = field(default_factory=dict)
    values: dict[KeyPath, int] = field(default_factory=dict)

    def line(self, where: Iterable[str | int]) -> int:
        """The line of the key at ``where`` (or of its value), else of the nearest parent."""
        path = tuple(where)
        while True:
            if path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            if not path:
                return self.start
            path = path[:-1]


class Reporter:
    """Problems found in one lesson file; ``at`` accepts a line number or a key path."""

    def __init__(self, path: Path, lines: LineMap | None = None) -> None:
        self.path = path
        self.lines = lines or LineMap()
        self.problems: list[Problem] = []

    def at(self, where: int | KeyPath, message: str) -> None:
        """Record ``message`` at a line number or at the line of a front-matter key path."""
        line = where if isinstance(where, int) else self.lines.line(where)
        self.problems.append(Problem(self.path, line, message))

    def extend(self, problems: Iterable[Problem]) -> None:
        """Add problems found elsewhere."""
        self.problems.extend(problems)

    @property
    def ok(self) -> bool:
        """True while no problem has been recorded."""
        return not self.problems
