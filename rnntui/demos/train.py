"""Rebuild the shipped demo weights: ``python -m rnntui.demos.train [--only NAME] [--check]``.

Seeded and on one BLAS thread, so a run gives the same weights every time on one machine.
Besides the six weight files it rebuilds the three result files of ``rnntui.demos.results``
(``remember``, ``overfit``, ``dropout``). ``--check`` trains into a temporary folder and
compares with the shipped files instead of replacing them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

from rnntui.demos import results, weights_io
from rnntui.demos.corpus import LANGS, load_sentences, split_held_out
from rnntui.demos.datasets import fill_blank_data, masked_accuracy, next_word_data
from rnntui.demos.models import ModelSpec, build_model
from rnntui.demos.runner import EpochReport, train_live
from rnntui.demos.vocab import Vocabulary


@dataclass(frozen=True)
class Recipe:
    """One shipped model: its spec, how to make its data, and how long to train."""

    name: str
    spec: ModelSpec
    epochs: int
    batch_size: int = 32


def recipes() -> list[Recipe]:
    """The shipped models, per language: next word (LSTM), fill the blank (forward, bi)."""
    out = []
    for lang in LANGS:
        out.append(Recipe(f"next_word_{lang}", ModelSpec("next_word", lang, units=32), epochs=25))
        for bi in (False, True):
            spec = ModelSpec("fill_blank", lang, cell="gru", bidirectional=bi, units=24)
            out.append(Recipe(f"fill_blank_{lang}_{'bi' if bi else 'fwd'}", spec, epochs=7))
    return out


def data_for(spec: ModelSpec, vocab: Vocabulary, sentences: list[str]) -> tuple[Any, Any]:
    """(x, y) for the spec's task."""
    make = fill_blank_data if spec.task == "fill_blank" else next_word_data
    return make(vocab, sentences)


def train_recipe(
    recipe: Recipe,
    log: Callable[[str], None] = print,
    on_loss: Callable[[float], None] | None = None,
) -> tuple[Any, ModelSpec, Vocabulary, dict[str, Any]]:
    """Train one recipe on the corpus's training split; returns (model, spec, vocab, figures).
    ``on_loss`` gets each epoch's training loss (bench/train_demos.py compares it with Keras)."""
    sentences = load_sentences(recipe.spec.lang)
    train, held = split_held_out(sentences)
    vocab = Vocabulary.from_sentences(sentences)
    spec = ModelSpec.from_json({**recipe.spec.to_json(), "vocab_size": len(vocab)})
    model = build_model(spec)
    x, y = data_for(spec, vocab, train)
    hx, hy = data_for(spec, vocab, held)
    start = time.perf_counter()
    result = train_live(
        model,
        x,
        y,
        epochs=recipe.epochs,
        batch_size=recipe.batch_size,
        validation_data=(hx, hy),
        seed=spec.seed,
        on_epoch=lambda r: _report(recipe.name, r, log, on_loss),
    )
    seconds = time.perf_counter() - start
    held_probs = model.predict(hx)
    train_probs = model.predict(x)
    figures = {
        "epochs": result.epochs_done,
        "seconds": round(seconds, 2),
        "loss": round(result.reports[-1].loss, 4),
        "val_loss": round(float(result.reports[-1].val_loss or 0.0), 4),
        "train_top1": round(masked_accuracy(train_probs, y), 4),
        "held_out_top1": round(masked_accuracy(held_probs, hy), 4),
        "held_out_top5": round(masked_accuracy(held_probs, hy, k=5), 4),
        "train_sentences": len(train),
        "held_out_sentences": len(held),
    }
    return model, spec, vocab, figures


def _report(
    name: str, r: EpochReport, log: Callable[[str], None], on_loss: Callable[[float], None] | None
) -> None:
    log(f"  {name} epoch {r.epoch}: loss {r.loss:.4f} val_loss {r.val_loss or 0.0:.4f}")
    if on_loss is not None:
        on_loss(r.loss)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", help="train only this model (repeatable)")
    parser.add_argument("--check", action="store_true", help="compare with the shipped weights")
    args = parser.parse_args(argv)
    chosen = [r for r in recipes() if not args.only or r.name in args.only]
    chosen_results = [n for n in results.NAMES if not args.only or n in args.only]
    if not chosen and not chosen_results:
        known = ", ".join([*(r.name for r in recipes()), *results.NAMES])
        print(f"no model named {args.only}; known: {known}")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = Path(tmp) if args.check else weights_io.WEIGHTS_DIR
        failed = _train_all(chosen, out_dir, args.check)
        results_dir = Path(tmp) if args.check else results.RESULTS_DIR
        return max(failed, _build_results(chosen_results, results_dir, args.check))


def _build_results(names: list[str], out_dir: Path, check: bool) -> int:
    """Train and save each result file; with ``check``, compare with the shipped one."""
    mismatches = 0
    for name in names:
        with threadpool_limits(limits=1):
            doc = results.build(name)
        results.save(name, doc, out_dir)
        if check:
            same = doc == results.load_doc(name)
            print(f"  {name}: {'identical to' if same else 'DIFFERS from'} the shipped results")
            mismatches += not same
    return 1 if mismatches else 0


def _train_all(chosen: list[Recipe], out_dir: Path, check: bool) -> int:
    """Train and save each recipe; with ``check``, compare with the shipped weights."""
    mismatches = 0
    for recipe in chosen:
        model, spec, vocab, figures = train_recipe(recipe)
        weights_io.save(recipe.name, model, spec, vocab, figures, out_dir)
        print(f"{recipe.name}: {figures}")
        if check:
            shipped = weights_io.load(recipe.name)
            same = all(
                np.array_equal(a, b)
                for a, b in zip(
                    weights_io.weight_arrays(shipped.model),
                    weights_io.weight_arrays(model),
                    strict=True,
                )
            )
            print(f"  {'identical to' if same else 'DIFFERS from'} the shipped weights")
            mismatches += not same
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
