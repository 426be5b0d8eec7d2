"""Train a shipped demo model again from scratch, live ("watch it learn").

``train_shipped_recipe("next_word_ko", on_epoch, cancel)`` builds the recipe's untrained model
(the same spec, data and seeds as ``python -m rnntui.demos.train``) and trains it with
``runner.train_live``; ``on_epoch`` gets an ``EpochSnapshot``: the epoch's report and a COPY of
the weights, so another thread can draw from them while training goes on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from rnntui.demos.corpus import load_sentences, split_held_out
from rnntui.demos.datasets import masked_accuracy
from rnntui.demos.models import ModelSpec, build_model
from rnntui.demos.runner import EpochReport, RunResult, train_live
from rnntui.demos.train import Recipe, data_for, recipes
from rnntui.demos.vocab import Vocabulary
from rnntui.nn import Sequential


@dataclass(frozen=True)
class EpochSnapshot:
    """One finished epoch and the weights after it (copies, ``get_weights`` order)."""

    report: EpochReport
    weights: tuple[np.ndarray, ...]


def recipe(name: str) -> Recipe:
    """The shipped recipe called ``name`` (a ValueError names the known ones)."""
    for found in recipes():
        if found.name == name:
            return found
    known = ", ".join(r.name for r in recipes())
    raise ValueError(f"no demo model named {name!r}; known: {known}")


def train_shipped_recipe(
    name: str,
    on_epoch: Callable[[EpochSnapshot], None] | None = None,
    cancel: threading.Event | None = None,
    epochs: int | None = None,
) -> tuple[Sequential, RunResult]:
    """Train recipe ``name`` from its seeded initial weights; top-5 held-out accuracy per
    epoch is the report's ``accuracy``."""
    found = recipe(name)
    sentences = load_sentences(found.spec.lang)
    train, held = split_held_out(sentences)
    vocab = Vocabulary.from_sentences(sentences)
    spec = ModelSpec.from_json({**found.spec.to_json(), "vocab_size": len(vocab)})
    model = build_model(spec)
    x, y = data_for(spec, vocab, train)
    hx, hy = data_for(spec, vocab, held)

    def snapshot(report: EpochReport) -> None:
        if on_epoch is not None:
            weights = tuple(np.array(w, dtype=np.float64) for w in model.get_weights())
            on_epoch(EpochSnapshot(report, weights))

    result = train_live(
        model,
        x,
        y,
        epochs=found.epochs if epochs is None else epochs,
        on_epoch=snapshot,
        cancel=cancel,
        batch_size=found.batch_size,
        validation_data=(hx, hy),
        accuracy=lambda m: masked_accuracy(m.predict(hx), hy, k=5),
        seed=spec.seed,
    )
    return model, result
