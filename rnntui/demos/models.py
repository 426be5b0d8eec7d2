"""The demo architectures, built from a small JSON-ready spec.

- next word: ``Embedding(V, E, mask_zero=True) -> CELL(U, return_sequences=True) ->
  Dense(V, softmax)``: one prediction per position, the next word after each prefix;
- fill the blank: the same stack, forward-only or with the cell in ``Bidirectional``: the
  prediction at the blank's position (forward-only sees only the words up to it).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from rnntui.nn import GRU, LSTM, Bidirectional, Dense, Embedding, Sequential, SimpleRNN, optimizers
from rnntui.nn.layer import Layer
from rnntui.nn.recurrent import RNNLayer

CELLS: dict[str, type[RNNLayer]] = {"lstm": LSTM, "gru": GRU, "simple_rnn": SimpleRNN}
CELL_NAMES = {"lstm": "LSTM", "gru": "GRU", "simple_rnn": "SimpleRNN"}


def check_cell(cell: str) -> str:
    """``cell`` if it names a recurrent layer (lstm, gru, simple_rnn), else a ValueError."""
    if cell not in CELLS:
        raise ValueError(f"unknown cell {cell!r}; use one of {', '.join(CELLS)}")
    return cell


@dataclass(frozen=True)
class ModelSpec:
    """Everything needed to rebuild a demo model (weights aside)."""

    task: str
    lang: str
    cell: str = "lstm"
    bidirectional: bool = False
    vocab_size: int = 0
    embed_dim: int = 16
    units: int = 32
    seed: int = 0
    learning_rate: float = 0.01

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ModelSpec:
        fields = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in fields})

    @property
    def label(self) -> str:
        """e.g. ``Bidirectional(LSTM)`` or ``GRU``."""
        name = CELL_NAMES[self.cell]
        return f"Bidirectional({name})" if self.bidirectional else name


def build_model(spec: ModelSpec) -> Sequential:
    """The compiled Sequential for ``spec`` (Adam, sparse categorical cross-entropy)."""
    rnn = CELLS[check_cell(spec.cell)](spec.units, return_sequences=True, seed=spec.seed + 1)
    middle: Layer = Bidirectional(rnn) if spec.bidirectional else rnn
    model = Sequential(
        [
            Embedding(spec.vocab_size, spec.embed_dim, mask_zero=True, seed=spec.seed),
            middle,
            Dense(spec.vocab_size, activation="softmax", seed=spec.seed + 3),
        ],
        input_shape=(None, None),
        seed=spec.seed + 4,
    )
    model.compile(optimizer=optimizers.Adam(spec.learning_rate), loss=_loss_for(spec))
    return model


def _loss_for(spec: ModelSpec) -> Any:
    if spec.task == "fill_blank":
        from rnntui.demos.blank_loss import BlankCrossentropy

        return BlankCrossentropy()
    return "sparse_categorical_crossentropy"
