"""Demo training times: each shipped demo model trained live by the engine, beside Keras ``fit``.

For every recipe of ``rnntui.demos.train`` (next word, fill the blank forward/bidirectional,
Korean and English): the engine's live run (``rnntui.demos.runner.train_live``, one BLAS
thread) with its figures, then Keras 3 ``fit`` (torch backend, one thread) on the same
architecture, data, epochs and batch size, starting from the same weights, when Keras is
installed. The fill-the-blank loss is Keras' ``sample_weight`` (1 at the blank); the engine
reads it from the labels. Also the first-token task per cell at a few T.

``--keys``: key -> settled on the next-word demo panel (lesson 1, F8) with no training and
while a live training runs in its worker thread (in-process, headless Textual Pilot: the time
from a key press until the app has handled it and repainted, not a terminal's round trip).

Run: python bench/train_demos.py [--only NAME] [--no-keras] [--remember] [--keys]
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np

from rnntui.demos.corpus import load_sentences, split_held_out
from rnntui.demos.models import CELL_NAMES
from rnntui.demos.train import Recipe, data_for, recipes, train_recipe
from rnntui.demos.vocab import Vocabulary


def keras_fit_seconds(recipe: Recipe, engine_weights: list[np.ndarray]) -> float | None:
    """Wall time of Keras ``fit`` on the recipe's model and data (None without Keras)."""
    os.environ.setdefault("KERAS_BACKEND", "torch")
    try:
        import keras  # type: ignore[import-untyped]
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    spec = recipe.spec
    sentences = load_sentences(spec.lang)
    train, _ = split_held_out(sentences)
    vocab = Vocabulary.from_sentences(sentences)
    x, y = data_for(spec, vocab, train)
    layer = getattr(keras.layers, CELL_NAMES[spec.cell])(spec.units, return_sequences=True)
    middle = keras.layers.Bidirectional(layer) if spec.bidirectional else layer
    model = keras.Sequential(
        [
            keras.Input((x.shape[1],)),
            keras.layers.Embedding(len(vocab), spec.embed_dim, mask_zero=True),
            middle,
            keras.layers.Dense(len(vocab), activation="softmax"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(spec.learning_rate),
        loss="sparse_categorical_crossentropy",
    )
    model.set_weights(engine_weights)
    weight = (y > 0).astype("float32") if spec.task == "fill_blank" else None
    start = time.perf_counter()
    model.fit(
        x, y, batch_size=recipe.batch_size, epochs=recipe.epochs, verbose=0, sample_weight=weight
    )
    return time.perf_counter() - start


def remember_rows(lengths: tuple[int, ...]) -> None:
    """Held-out accuracy and training time of the first-token task per cell and T."""
    from rnntui.demos.remember import RememberLab

    lab = RememberLab()
    for length in lengths:
        for cell in ("simple_rnn", "lstm", "gru"):
            start = time.perf_counter()
            r = lab.run(cell, length)
            print(
                f"remember T={length:3d} {r.label:9s} accuracy {r.accuracy:.3f} "
                f"|dL/dh_1|/|dL/dh_T| {r.first_to_last:.1e}  {time.perf_counter() - start:.2f} s"
            )


async def _key_times(training: bool, presses: int, reference: bool = False) -> list[float]:
    """Milliseconds from each temperature key press until the screen has settled
    (``reference``: the same on the LSTM lesson's first stepper, for the harness's own cost)."""
    from rnntui.content.loader import load_lessons
    from rnntui.ui.app import RnnTuiApp

    lesson = "lstm" if reference else "what-is-rnn"
    app = RnnTuiApp(load_lessons(), lang="en", lesson_id=lesson, save=False)  # en: 21 s run
    times: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        if reference:
            await pilot.press("f4")
            await pilot.pause()
            panel = app.learn.panel
            next(w for w in panel.query("Stepper")).focus()
        else:
            await pilot.press("f8")
            await pilot.pause()
            panel = app.learn.panel
            panel.query_one("#temperature").focus()
        await pilot.pause()
        if training:
            await pilot.press("t")
            for _ in range(500):  # wait until the first epoch has been reported
                await pilot.pause()
                if "1/25" in getattr(panel, "progress_text", ""):
                    break
        for k in range(presses):
            start = time.perf_counter()
            await pilot.press("right" if k % 2 == 0 else "left")
            await pilot.pause()
            times.append((time.perf_counter() - start) * 1e3)
        still = getattr(panel, "training", False)
        if training:
            await pilot.press("x")
            await app.workers.wait_for_complete()
        if training and not still:
            print("  (the training ended before the last key: raise the epochs)")
    return times


def keys_while_training(presses: int = 40) -> None:
    """Key -> settled on the next-word demo, idle and during a live training."""
    import asyncio
    import statistics

    for label, training, reference in (
        ("LSTM panel (reference) ", False, True),
        ("next-word demo, idle   ", False, False),
        ("next-word demo, training", True, False),
    ):
        times = asyncio.run(_key_times(training, presses, reference))
        print(
            f"key -> settled, {label}: median {statistics.median(times):.1f} ms,"
            f" max {max(times):.1f} ms ({len(times)} keys)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append")
    parser.add_argument("--no-keras", action="store_true")
    parser.add_argument("--remember", action="store_true", help="also the first-token task")
    parser.add_argument("--keys", action="store_true", help="only key -> settled while training")
    args = parser.parse_args()
    if args.keys:
        keys_while_training()
        return
    for recipe in recipes():
        if args.only and recipe.name not in args.only:
            continue
        from rnntui.demos.models import build_model

        spec = recipe.spec
        vocab = Vocabulary.from_sentences(load_sentences(spec.lang))
        initial = build_model(type(spec).from_json({**spec.to_json(), "vocab_size": len(vocab)}))
        _, _, _, figures = train_recipe(recipe, log=lambda _line: None)
        keras_s = None if args.no_keras else keras_fit_seconds(recipe, initial.get_weights())
        keras_text = "n/a" if keras_s is None else f"{keras_s:.2f} s"
        print(
            f"{recipe.name:18s} engine {figures['seconds']:.2f} s  keras fit {keras_text}  "
            f"loss {figures['loss']:.3f} val_loss {figures['val_loss']:.3f}  "
            f"held-out top-1 {figures['held_out_top1']:.3f} top-5 {figures['held_out_top5']:.3f}"
        )
    if args.remember:
        remember_rows((5, 20, 40))


if __name__ == "__main__":
    main()
