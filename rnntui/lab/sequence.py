"""The input sequence of the recurrent labs, and runs split at a state edit.

Every number comes from ``rnntui.nn``: :func:`run_steps` only calls ``layer.trace`` (twice when
the student set the state entering some step) and concatenates the StepTraces.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from rnntui.lab.format import fmt, short
from rnntui.lab.specs import MAX_STEPS, PANEL_SPECS, check_sequence
from rnntui.nn import Embedding, GateForce, RNNLayer, StepTrace
from rnntui.typed_numbers import NumberError, parse_number

EMBED_DIM = 2
EMBED_SEED = 7
_X_T = PANEL_SPECS["simple_rnn"]["x_t"]
X_RANGE = (float(_X_T.lo or 0.0), float(_X_T.hi or 0.0))
"""A typed number of the sequence obeys the x_t stepper's range."""


@dataclass
class InputSequence:
    """The sequence fed to the layer: numbers (T, D), or tokens looked up in a tiny Embedding."""

    x: np.ndarray
    tokens: tuple[str, ...] = ()
    vocab: tuple[str, ...] = ()
    embedding: Embedding | None = field(default=None, repr=False)

    @property
    def steps(self) -> int:
        """T."""
        return int(self.x.shape[0])

    @property
    def dim(self) -> int:
        """D (features per step)."""
        return int(self.x.shape[1])

    def copy(self) -> InputSequence:
        """An independent copy (the numbers can be edited without touching this one)."""
        return InputSequence(self.x.copy(), self.tokens, self.vocab, self.embedding)

    def describe_step(self, t: int) -> str:
        """``x_1 = 0.5000`` or ``x_1 = 'cat' (id 1) -> [0.0123, -0.0345]`` for the 0-based
        index ``t`` (printed from 1, as in the lessons: x_1 is the first input)."""
        vec = ", ".join(fmt(v) for v in self.x[t])
        n = t + 1
        if self.tokens:
            ident = self.vocab.index(self.tokens[t])
            return f"x_{n} = '{self.tokens[t]}' (id {ident}) -> [{vec}]"
        return f"x_{n} = {vec}" if self.dim == 1 else f"x_{n} = [{vec}]"

    def as_text(self) -> str:
        """The sequence as the student would type it (edits included)."""
        if self.tokens:
            return " ".join(self.tokens)
        if self.dim == 1:
            return " ".join(short(v) for v in self.x[:, 0])
        return "; ".join(" ".join(short(v) for v in row) for row in self.x)


def from_preset(value: Any) -> InputSequence:
    """A preset ``sequence`` (validated by the SPEC's rule)."""
    return InputSequence(np.asarray(check_sequence(value), dtype=np.float64))


def refusal_ko(reason: str) -> str:
    """The Korean words for a reason :func:`parse_sequence` gives (others unchanged)."""
    known = {
        "empty": "비어 있습니다",
        f"at most {MAX_STEPS} steps": f"스텝은 최대 {MAX_STEPS}개입니다",
        f"numbers must be {_X_T.range_text()}, like x_t": (
            f"숫자는 x_t처럼 {_X_T.range_text()} 사이여야 합니다"
        ),
    }
    return known.get(reason, reason)


def parse_sequence(text: str) -> InputSequence:
    """Typed text: ``"1 0.5 -1"`` (numbers, ``,`` or spaces) or ``"the cat sat"`` (tokens).

    Tokens are looked up in a tiny seeded Embedding (vocabulary = the sorted distinct tokens,
    dimension 2). Numbers must lie in :data:`X_RANGE` (the x_t stepper's). Raises ValueError
    with a short English reason.
    """
    parts = [p for p in text.replace(";", " ").split() if p]
    if len(parts) == 1 and "," in parts[0] and parts[0].count(",") > 1:
        parts = [p for p in parts[0].split(",") if p]
    if not parts:
        raise ValueError("empty")
    if len(parts) > MAX_STEPS:
        raise ValueError(f"at most {MAX_STEPS} steps")
    try:
        numbers = [parse_number(p.rstrip(",")) for p in parts]
    except NumberError:
        return tokens_sequence([p.strip(",") for p in parts])
    lo, hi = X_RANGE
    if not all(lo <= v <= hi for v in numbers):
        raise ValueError(f"numbers must be {_X_T.range_text()}, like x_t")
    return InputSequence(np.asarray(numbers, dtype=np.float64)[:, None])


def tokens_sequence(tokens: Sequence[str]) -> InputSequence:
    """Tokens -> ids -> Embedding rows (engine lookup)."""
    vocab = tuple(sorted(set(tokens)))
    layer = Embedding(len(vocab), EMBED_DIM, seed=EMBED_SEED)
    ids = np.asarray([[vocab.index(tok) for tok in tokens]])
    x = layer(ids)[0]
    return InputSequence(x, tuple(tokens), vocab, layer)


@dataclass
class StateEdit:
    """The student set (h, c) entering step ``t`` (full vectors, batch axis dropped)."""

    t: int
    h: np.ndarray
    c: np.ndarray | None = None


def run_steps(
    layer: RNNLayer,
    x: np.ndarray,
    edit: StateEdit | None,
    forced: Mapping[str, GateForce],
) -> list[StepTrace]:
    """Trace ``x`` (T, D); with an edit, trace steps ``edit.t..`` again from the edited state."""
    batch = x[None]
    forced = dict(forced)
    if edit is None or edit.t >= x.shape[0]:
        return list(layer.trace(batch, forced=forced).steps)
    head: list[StepTrace] = []
    if edit.t > 0:
        head = list(layer.trace(batch[:, : edit.t], forced=forced).steps)
    state = [edit.h[None]] + ([edit.c[None]] if edit.c is not None else [])
    tail = layer.trace(batch[:, edit.t :], initial_state=state, forced=forced).steps
    return head + list(tail)
