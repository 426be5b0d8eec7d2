"""Demo training beside Keras ``fit``: every demo trained by the engine, then by Keras 3.

For every weight recipe of ``rnntui.demos.train`` (next word, fill the blank forward and
bidirectional, Korean and English), the first-token task per cell and T (``--remember`` or
``--only remember``), the units and dropout curves per language and the speed demo's step
time: the engine's run (one BLAS thread) and Keras 3 ``fit`` (torch backend, one thread, true
float64) on the same layers, data, epochs and batch size, from the engine's initial weights
(``set_weights``) and in the engine's batch order. Each row prints both losses, both times
and ``ok`` / ``MISMATCH`` against the stated tolerance (``EXACT_TOL`` without dropout, every
epoch; ``DROPOUT_TOL`` with dropout, last epoch: the masks differ); the exit status is 1 on a
mismatch. The fill-the-blank loss is Keras' ``sample_weight`` (see ``blank_weight``).

``--keys``: key -> settled on the next-word demo panel (lesson 1, F8) with no training and
while a live training runs in its worker thread (in-process, headless Textual Pilot: the time
from a key press until the app has handled it and repainted, not a terminal's round trip).

Run: python bench/train_demos.py [--only NAME] [--no-keras] [--remember] [--keys]
(NAME: a recipe, remember, overfit, dropout or speed)
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

from rnntui.demos.corpus import load_sentences, split_held_out
from rnntui.demos.results import REMEMBER_LENGTHS
from rnntui.demos.train import data_for, recipes, train_recipe
from rnntui.demos.vocab import Vocabulary


class KerasTwin:
    """Keras 3 (torch backend, one thread) in true float64: the rnn-semantics float32 trap
    (section 9) is closed by patching the promotion table, as tests/nn/test_train_keras.py
    does, so a model with the engine's initial weights follows the engine's updates."""

    def __init__(self) -> None:
        os.environ.setdefault("KERAS_BACKEND", "torch")
        import keras  # type: ignore[import-untyped]
        import torch
        from keras.src.backend.common import dtypes  # type: ignore[import-untyped]

        torch.set_num_threads(1)
        self._saved = (
            dtypes.BIT64_TO_BIT32_DTYPE.get("float64"),
            keras.config.floatx(),
            keras.config.dtype_policy(),
        )
        dtypes.BIT64_TO_BIT32_DTYPE["float64"] = "float64"
        keras.config.set_floatx("float64")
        keras.config.set_dtype_policy("float64")
        self.keras = keras
        self._dtypes = dtypes

    def close(self) -> None:
        """Undo the float64 patch (for a test that shares the process with others)."""
        demoted, floatx, policy = self._saved
        self._dtypes.BIT64_TO_BIT32_DTYPE["float64"] = demoted
        self.keras.config.set_floatx(floatx)
        self.keras.config.set_dtype_policy(policy)

    def layer(self, ours: Any) -> Any:
        """The Keras layer configured as one of the engine's (Embedding, RNN, Dense, Bi)."""
        from rnntui.nn import GRU, Bidirectional, Dense, Embedding

        k = self.keras.layers
        if isinstance(ours, Embedding):
            return k.Embedding(ours.input_dim, ours.output_dim, mask_zero=ours.mask_zero)
        if isinstance(ours, Bidirectional):
            return k.Bidirectional(self.layer(ours.layer), merge_mode=ours.merge_mode)
        if isinstance(ours, Dense):
            return k.Dense(ours.units, activation=ours.activation)
        extra = {"reset_after": ours.reset_after} if isinstance(ours, GRU) else {}
        return getattr(k, type(ours).__name__)(
            ours.units,
            return_sequences=ours.return_sequences,
            dropout=ours.dropout,
            recurrent_dropout=ours.recurrent_dropout,
            seed=0,
            **extra,
        )

    def fit(
        self,
        ours: Any,
        x: np.ndarray,
        y: np.ndarray,
        epochs: int,
        batch_size: int,
        seed: int,
        validation_data: tuple[np.ndarray, np.ndarray] | None = None,
        learning_rate: float = 0.01,
        clipnorm: float | None = None,
        batch_weight: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None,
    ) -> tuple[Any, dict[str, list[float]], float]:
        """Keras ``fit`` on the engine model ``ours`` BEFORE it trains: same layers, its
        initial weights (``set_weights``), Adam, the same batches (each epoch the permutation
        the engine's ``fit(seed=seed)`` draws, then ``fit(shuffle=False)``).
        ``batch_weight(x_batch, y_batch)`` gives each batch's ``sample_weight``.
        Returns (Keras model, {"loss": [...], "val_loss": [...]}, seconds)."""
        keras = self.keras
        model = keras.Sequential([keras.Input(x.shape[1:]), *map(self.layer, ours.layers)])
        model.compile(
            optimizer=keras.optimizers.Adam(learning_rate, clipnorm=clipnorm),
            loss="sparse_categorical_crossentropy",
        )
        model.set_weights(ours.get_weights())
        rng = np.random.default_rng(seed)  # the engine's fit draws one permutation per epoch
        history: dict[str, list[float]] = {"loss": [], "val_loss": []}
        start = time.perf_counter()
        for _ in range(epochs):
            order = rng.permutation(len(x))
            w = None
            if batch_weight is not None:
                w = np.concatenate(
                    [
                        batch_weight(x[order[k : k + batch_size]], y[order[k : k + batch_size]])
                        for k in range(0, len(x), batch_size)
                    ]
                )
            h = model.fit(
                x[order], y[order], batch_size=batch_size, epochs=1, shuffle=False, verbose=0,
                sample_weight=w,
            )  # fmt: skip
            history["loss"].append(float(h.history["loss"][-1]))
            if validation_data is not None:
                vx, vy = validation_data
                history["val_loss"].append(
                    float(model.evaluate(vx, vy, batch_size=batch_size, verbose=0))
                )
        return model, history, time.perf_counter() - start


def worst_rel(a: list[float] | tuple[float, ...], b: list[float]) -> float:
    """The largest |a - b| / |b| over the epochs."""
    return max(abs(p - q) / abs(q) for p, q in zip(a, b, strict=True))


EXACT_TOL = 1e-6
"""Without dropout, engine and Keras run the same float64 updates: every epoch's loss and
val_loss agree to this relative tolerance (measured: about 1e-12 or closer)."""
DROPOUT_TOL = 0.15
"""With dropout the two draw different masks, so only the curves' level is comparable: the
last epoch's loss and val_loss agree to this relative tolerance."""


def blank_weight(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Keras' weighted, masked loss of a batch is sum(l * w * mask) / sum(mask); the engine's
    ``BlankCrossentropy`` is the mean over the blanks. Weight 1 at each blank, scaled by the
    batch's (unmasked tokens / blanks), makes the two the same number."""
    blank = (y > 0).astype("float64")
    return blank * float((x > 0).sum()) / float(blank.sum())


def recipe_rows(args: argparse.Namespace, twin: KerasTwin | None) -> int:
    """The shipped weight recipes (next word, fill the blank): engine beside Keras fit;
    returns the number of rows outside the tolerance."""
    from rnntui.demos.models import build_model

    bad = 0

    for recipe in recipes():
        if args.only and recipe.name not in args.only:
            continue
        spec = recipe.spec
        sentences = load_sentences(spec.lang)
        train, _ = split_held_out(sentences)
        vocab = Vocabulary.from_sentences(sentences)
        initial = build_model(type(spec).from_json({**spec.to_json(), "vocab_size": len(vocab)}))
        engine_losses: list[float] = []
        _, _, _, figures = train_recipe(
            recipe, log=lambda _line: None, on_loss=engine_losses.append
        )
        keras_text = "keras fit n/a"
        if twin is not None:
            x, y = data_for(spec, vocab, train)
            _, hist, seconds = twin.fit(
                initial, x, y, recipe.epochs, recipe.batch_size, spec.seed,
                learning_rate=spec.learning_rate,
                batch_weight=blank_weight if spec.task == "fill_blank" else None,
            )  # fmt: skip
            rel = worst_rel(engine_losses, hist["loss"])
            bad += rel > EXACT_TOL
            keras_text = (
                f"keras fit {seconds:.2f} s, loss {hist['loss'][-1]:.4f} | worst rel. loss diff "
                f"{rel:.1e} {'ok' if rel <= EXACT_TOL else 'MISMATCH'}"
            )
        print(
            f"{recipe.name:18s} engine {figures['seconds']:.2f} s, loss {figures['loss']:.4f}  "
            f"{keras_text}  val_loss {figures['val_loss']:.3f}  "
            f"held-out top-1 {figures['held_out_top1']:.3f} top-5 {figures['held_out_top5']:.3f}",
            flush=True,
        )
    return bad


def remember_rows(lengths: tuple[int, ...], twin: KerasTwin | None) -> int:
    """The first-token task per cell and T: engine (RememberLab) beside Keras fit from the
    same initial weights; returns the number of rows outside the tolerance."""
    from rnntui.demos.remember import RememberLab, build_remember_model

    lab, bad = RememberLab(), 0
    c = lab.config
    for length in lengths:
        x, y, hx, hy = lab.data(length)
        for cell in ("simple_rnn", "lstm", "gru"):
            initial = build_remember_model(cell, c)
            start = time.perf_counter()
            r = lab.run(cell, length)
            line = (
                f"remember T={length:3d} {r.label:9s} engine {time.perf_counter() - start:.2f} s "
                f"loss {r.losses[-1]:.6f} accuracy {r.accuracy:.3f}"
            )
            if twin is not None:
                km, hist, seconds = twin.fit(
                    initial, x, y, c.epochs, c.batch_size, c.seed,
                    learning_rate=c.learning_rate, clipnorm=1.0,
                )  # fmt: skip
                k_acc = float(np.mean(np.argmax(km.predict(hx, verbose=0), -1) == hy))
                rel = worst_rel(r.losses, hist["loss"])
                ok = rel <= EXACT_TOL and k_acc == r.accuracy
                bad += not ok
                line += (
                    f" | keras {seconds:.2f} s loss {hist['loss'][-1]:.6f} accuracy {k_acc:.3f}"
                    f" | worst rel. loss diff {rel:.1e} {'ok' if ok else 'MISMATCH'}"
                )
            print(line, flush=True)
    return bad


def curve_rows(name: str, twin: KerasTwin | None) -> int:
    """Units/overfitting or dropout variants per language: engine beside Keras fit; returns
    the number of rows outside the tolerance."""
    from rnntui.demos.corpus import LANGS
    from rnntui.demos.overfit import OverfitLab
    from rnntui.demos.results import CURVE_VARIANTS

    bad = 0
    for lang in LANGS:
        lab = OverfitLab(lang)
        for variant in CURVE_VARIANTS[name]:
            initial = lab.build(variant)
            start = time.perf_counter()
            cv = lab.run(variant)
            line = (
                f"{name} {lang} {variant.label:50s} engine {time.perf_counter() - start:.2f} s "
                f"loss {cv.loss[-1]:.4f} val_loss {cv.val_loss[-1]:.4f}"
            )
            if twin is not None:
                _, hist, seconds = twin.fit(
                    initial, lab.x, lab.y, lab.epochs, lab.batch_size, lab.seed,
                    validation_data=(lab.vx, lab.vy), learning_rate=lab.learning_rate,
                )  # fmt: skip
                exact = not (variant.dropout or variant.recurrent_dropout)
                if exact:
                    rel = max(
                        worst_rel(cv.loss, hist["loss"]), worst_rel(cv.val_loss, hist["val_loss"])
                    )
                    tol = EXACT_TOL
                else:
                    rel = max(
                        worst_rel(cv.loss[-1:], hist["loss"][-1:]),
                        worst_rel(cv.val_loss[-1:], hist["val_loss"][-1:]),
                    )
                    tol = DROPOUT_TOL
                bad += rel > tol
                line += (
                    f" | keras {seconds:.2f} s loss {hist['loss'][-1]:.4f} "
                    f"val_loss {hist['val_loss'][-1]:.4f} | rel. diff "
                    f"{'(every epoch)' if exact else '(last epoch)'} {rel:.1e} "
                    f"{'ok' if rel <= tol else 'MISMATCH'}"
                )
            print(line, flush=True)
    return bad


def speed_rows(twin: KerasTwin | None, sizes: tuple[int, ...] = (8, 32, 128)) -> int:
    """Is GRU faster? The speed demo's engine step time beside Keras ``train_on_batch`` on the
    same model and batch (D=16, T=20, B=32, MSE, Adam), the same start (``set_weights``): the
    first step's loss must agree, and Keras' parameter count must be the demo's formula."""
    from rnntui.demos.models import CELLS
    from rnntui.demos.speed import param_count, time_train_step
    from rnntui.nn import Dense, Sequential, optimizers

    d, length, batch, repeats, bad = 16, 20, 32, 10, 0
    rng = np.random.default_rng(0)
    x = rng.standard_normal((batch, length, d))
    y = rng.standard_normal((batch, 1))
    for units in sizes:
        for cell in ("lstm", "gru"):
            engine_ms = time_train_step(cell, d, units, length, batch, repeats)
            line = f"speed {cell:4s} U={units:3d} engine {engine_ms:7.2f} ms/step"
            if twin is not None:
                ours = Sequential(
                    [CELLS[cell](units, seed=0), Dense(1, seed=1)], input_shape=(None, length, d)
                )
                ours.compile(optimizer=optimizers.Adam(0.001), loss="mse")
                keras = twin.keras
                km = keras.Sequential([keras.Input((length, d)), *map(twin.layer, ours.layers)])
                km.compile(optimizer=keras.optimizers.Adam(0.001), loss="mse")
                km.set_weights(ours.get_weights())
                first = (float(ours.train_on_batch(x, y)), float(km.train_on_batch(x, y)))
                times = []
                for _ in range(repeats):
                    start = time.perf_counter()
                    km.train_on_batch(x, y)
                    times.append((time.perf_counter() - start) * 1e3)
                rel = abs(first[0] - first[1]) / abs(first[1])
                count_ok = km.layers[0].count_params() == param_count(cell, d, units)
                ok = rel <= EXACT_TOL and count_ok
                bad += not ok
                line += (
                    f" | keras {float(np.median(times)):7.2f} ms/step | first loss "
                    f"{first[0]:.6f} / {first[1]:.6f} params {param_count(cell, d, units)} "
                    f"{'ok' if ok else 'MISMATCH'}"
                )
            print(line, flush=True)
    return bad


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", help="a weight recipe or a result name")
    parser.add_argument("--no-keras", action="store_true")
    parser.add_argument("--remember", action="store_true", help="also the first-token task")
    parser.add_argument("--keys", action="store_true", help="only key -> settled while training")
    args = parser.parse_args()
    if args.keys:
        keys_while_training()
        return 0
    twin = None
    if not args.no_keras:
        try:
            twin = KerasTwin()
        except ImportError as error:
            print(f"Keras is not installed ({error}): engine figures only")
    with threadpool_limits(limits=1):
        bad = recipe_rows(args, twin)
        if args.remember or (args.only and "remember" in args.only):
            bad += remember_rows(REMEMBER_LENGTHS, twin)
        for name in ("overfit", "dropout"):
            if not args.only or name in args.only:
                bad += curve_rows(name, twin)
        if not args.only or "speed" in args.only:
            bad += speed_rows(twin)
    if bad:
        print(f"{bad} row(s) outside the stated tolerances")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
