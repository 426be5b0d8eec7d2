"""Units and overfitting, dropout against it: train/validation loss curves on a small dataset.

The next-word task on only ``train_sentences`` sentences of the corpus (validation: the held-out
fifth), so a model with many units can learn the few training sentences by heart: its training
loss keeps falling while the validation loss turns up, and the gap opens. ``dropout`` (on the
inputs) and ``recurrent_dropout`` (on h_{t-1}) are the notes' remedies; each variant is the same
model and data with one setting changed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from rnntui.demos.corpus import check_lang, load_sentences, split_held_out
from rnntui.demos.datasets import next_word_data
from rnntui.demos.models import CELLS, check_cell
from rnntui.demos.runner import EpochReport, train_live
from rnntui.demos.vocab import Vocabulary
from rnntui.nn import Dense, Embedding, Sequential, optimizers


@dataclass(frozen=True)
class Variant:
    """One model setting to compare."""

    units: int = 32
    dropout: float = 0.0
    recurrent_dropout: float = 0.0
    cell: str = "lstm"

    @property
    def label(self) -> str:
        """e.g. ``units=64 dropout=0.3``."""
        parts = [f"units={self.units}"]
        if self.dropout:
            parts.append(f"dropout={self.dropout:g}")
        if self.recurrent_dropout:
            parts.append(f"recurrent_dropout={self.recurrent_dropout:g}")
        return " ".join(parts)


UNITS_VARIANTS = (Variant(units=4), Variant(units=64))
DROPOUT_VARIANTS = (
    Variant(units=64),
    Variant(units=64, dropout=0.3),
    Variant(units=64, recurrent_dropout=0.3),
    Variant(units=64, dropout=0.3, recurrent_dropout=0.3),
)


@dataclass(frozen=True)
class Curves:
    """Per-epoch training and validation loss of one variant."""

    variant: Variant
    loss: tuple[float, ...]
    val_loss: tuple[float, ...]
    cancelled: bool = False

    @property
    def best_val_epoch(self) -> int:
        """The 1-based epoch with the lowest validation loss (where to stop)."""
        return int(np.argmin(self.val_loss)) + 1 if self.val_loss else 0

    @property
    def gap(self) -> float:
        """val_loss - loss at the last epoch: how far the model has overfitted."""
        return self.val_loss[-1] - self.loss[-1] if self.loss else 0.0


@dataclass(frozen=True)
class OverfitView:
    """What the overfitting panel draws: one pair of curves per variant."""

    lang: str
    train_sentences: int
    val_sentences: int
    curves: tuple[Curves, ...]


class OverfitLab:
    """Trains variants of a next-word model on a deliberately small training set."""

    def __init__(
        self,
        lang: str = "ko",
        train_sentences: int = 60,
        epochs: int = 30,
        seed: int = 0,
        learning_rate: float = 0.01,
        batch_size: int = 16,
    ) -> None:
        sentences = load_sentences(check_lang(lang))
        train, held = split_held_out(sentences)
        self.lang = lang
        self.vocab = Vocabulary.from_sentences(sentences)
        self.train = train[:train_sentences]
        self.held = held
        self.epochs = epochs
        self.seed = seed
        self.learning_rate = learning_rate
        self.batch_size = batch_size
        self.x, self.y = next_word_data(self.vocab, self.train)
        self.vx, self.vy = next_word_data(self.vocab, self.held)
        self.curves: list[Curves] = []

    def build(self, variant: Variant) -> Sequential:
        """Embedding(V, 16, mask_zero) -> CELL(units, dropouts) -> Dense(V, softmax), Adam."""
        s = self.seed
        rnn = CELLS[check_cell(variant.cell)](
            variant.units,
            return_sequences=True,
            dropout=variant.dropout,
            recurrent_dropout=variant.recurrent_dropout,
            seed=s + 1,
        )
        model = Sequential(
            [
                Embedding(len(self.vocab), 16, mask_zero=True, seed=s),
                rnn,
                Dense(len(self.vocab), activation="softmax", seed=s + 2),
            ],
            input_shape=(None, None),
            seed=s + 3,
        )
        model.compile(
            optimizer=optimizers.Adam(self.learning_rate), loss="sparse_categorical_crossentropy"
        )
        return model

    def run(
        self,
        variant: Variant,
        on_epoch: Callable[[EpochReport], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> Curves:
        """Train one variant from scratch; finished curves are kept for ``view()`` (they replace
        earlier ones of the variant; a cancelled run is only returned)."""
        result = train_live(
            self.build(variant),
            self.x,
            self.y,
            epochs=self.epochs,
            on_epoch=on_epoch,
            cancel=cancel,
            batch_size=self.batch_size,
            validation_data=(self.vx, self.vy),
            seed=self.seed,
        )
        curves = Curves(
            variant,
            tuple(result.series("loss")),
            tuple(result.series("val_loss")),
            result.cancelled,
        )
        if not curves.cancelled:  # a cancelled run never replaces finished (or shipped) curves
            self.curves = [*(c for c in self.curves if c.variant != variant), curves]
        return curves

    def run_all(self, variants: Sequence[Variant]) -> OverfitView:
        """Every variant in turn."""
        for variant in variants:
            self.run(variant)
        return self.view()

    def view(self) -> OverfitView:
        return OverfitView(self.lang, len(self.train), len(self.held), tuple(self.curves))
