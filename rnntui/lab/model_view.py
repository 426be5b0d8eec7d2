"""The plain data of the model screen: layer choices, output rows, the view, the summary table."""

from __future__ import annotations

from dataclasses import dataclass

from rnntui.lab.format import words
from rnntui.lab.model_input import TokenView
from rnntui.nn.sequential import ModelSummary

TOP_K = 5
"""Classes or next words listed."""


@dataclass(frozen=True)
class LayerChoice:
    """A recurrent layer (or one direction of a Bidirectional) the student can open."""

    key: str
    """``"2"`` or ``"2f"`` / ``"2b"``: model layer index and direction."""
    index: int
    name: str
    kind: str
    """``SimpleRNN``, ``LSTM`` or ``GRU``."""
    direction: str
    """``""``, ``"forward"`` or ``"backward"``."""
    units: int

    def label(self, lang: str) -> str:
        """``2 lstm (LSTM, 32 units)`` / ``1 bidirectional backward (GRU, 8 units)``."""
        way = {
            "forward": words(lang, "forward", "정방향"),
            "backward": words(lang, "backward", "역방향"),
        }
        side = f" {way[self.direction]}" if self.direction else ""
        return (
            f"{self.index + 1} {self.name}{side} "
            f"({self.kind}, {words(lang, f'{self.units} units', f'유닛 {self.units}')})"
        )


@dataclass(frozen=True)
class OutputLine:
    """One row of the output: what (a class, a word) and its value."""

    label: str
    value: float


@dataclass(frozen=True)
class ModelView:
    """Everything the model screen shows besides the layer panel, in one language."""

    title: str
    summary: tuple[str, ...]
    """A Keras-style table, as lines of text."""
    input_kind: str
    """``"words"``, ``"ids"`` or ``"numbers"``."""
    input_hint: str
    text: str
    tokens: tuple[TokenView, ...]
    tokens_text: str
    choices: tuple[LayerChoice, ...]
    output_head: str
    output: tuple[OutputLine, ...]
    output_text: str
    notes: tuple[str, ...]
    """float32 computed in float64, padding, activations the formula lines do not name."""


def summary_table(summary: ModelSummary, non_trainable: int = 0) -> tuple[str, ...]:
    """The summary as Keras prints it (ASCII, no borders): layers, shapes, params, totals."""
    head = ("Layer (type)", "Output Shape", "Param #")
    rows = [(f"{r.name} ({r.class_name})", r.shape_text, f"{r.params:,}") for r in summary.rows]
    widths = [max(len(row[k]) for row in [head, *rows]) for k in range(3)]

    def line(row: tuple[str, str, str]) -> str:
        return f"{row[0].ljust(widths[0])}  {row[1].ljust(widths[1])}  {row[2].rjust(widths[2])}"

    rule = "-" * len(line(head))
    total = summary.total_params
    return (
        line(head),
        rule,
        *(line(row) for row in rows),
        rule,
        f"Total params: {total:,}",
        f"Trainable params: {total - non_trainable:,}",
        f"Non-trainable params: {non_trainable:,}",
    )
