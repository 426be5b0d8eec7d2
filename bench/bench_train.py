"""Training-step speed: the engine vs Keras ``train_on_batch`` vs a hand-written torch loop.

Model (teaching size): Embedding(V=50, E=16) -> LSTM or GRU(U=32) -> Dense(V, softmax), batch
B=32 of T=10 token ids, sparse categorical cross-entropy, Adam. Median milliseconds per call,
BLAS and torch limited to one thread (threadpoolctl), as a training run in the app would be.

Rows: engine forward (training mode, keeping the tapes), engine backward (loss gradient + BPTT),
engine step (train_on_batch: forward + backward + Adam), Keras 3 train_on_batch (torch backend,
its default float32), torch float64 step (nn.Embedding/LSTM/Linear + torch.optim.Adam).
Goals: backward <= 3x forward; engine step faster than Keras train_on_batch.

Run: python bench/bench_train.py [--repeats 300]   (about a minute)
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import time
from collections.abc import Callable, Iterator

import numpy as np

from rnntui.nn import GRU, LSTM, Dense, Embedding, Sequential, optimizers
from rnntui.nn.backprop import stack_backward, stack_forward

B, T, V, E, U = 32, 10, 50, 16, 32
CELLS = {"LSTM": LSTM, "GRU": GRU}


def median_ms(fn: Callable[[], object], repeats: int, warmup: int = 10) -> float:
    """Median wall time of ``fn`` in milliseconds."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1e3


@contextlib.contextmanager
def one_thread() -> Iterator[None]:
    """One BLAS thread (threadpoolctl) and one torch thread, when they are installed."""
    with contextlib.ExitStack() as stack:
        try:
            from threadpoolctl import threadpool_limits

            stack.enter_context(threadpool_limits(limits=1))
        except ImportError:
            pass
        try:
            import torch

            before = torch.get_num_threads()
            torch.set_num_threads(1)
            stack.callback(torch.set_num_threads, before)
        except ImportError:
            pass
        yield


def data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    return rng.integers(1, V, size=(B, T)), rng.integers(0, V, size=B)


def engine_model(cell: str) -> Sequential:
    model = Sequential(
        [Embedding(V, E, seed=0), CELLS[cell](U, seed=1), Dense(V, activation="softmax", seed=2)],
        input_shape=(None, T),
    )
    model.compile(optimizer=optimizers.Adam(0.001), loss="sparse_categorical_crossentropy")
    return model


def engine_rows(cell: str, repeats: int) -> dict[str, float]:
    """Forward (with tapes), backward (loss grad + backprop) and a full step, in ms."""
    x, y = data()
    model = engine_model(cell)
    tape = stack_forward(model.layers, x, True)

    def backward() -> None:
        _, d_out = model.loss.value_and_grad(y, tape.output, tape.mask)
        stack_backward(model.layers, tape, d_out)

    return {
        f"engine {cell} forward": median_ms(lambda: stack_forward(model.layers, x, True), repeats),
        f"engine {cell} backward": median_ms(backward, repeats),
        f"engine {cell} step": median_ms(lambda: model.train_on_batch(x, y), repeats),
    }


def keras_rows(cell: str, repeats: int) -> dict[str, float]:
    """Keras 3 ``train_on_batch`` on the same model (empty without keras)."""
    os.environ.setdefault("KERAS_BACKEND", "torch")
    try:
        import keras
    except ImportError:
        return {}
    x, y = data()
    model = keras.Sequential(
        [
            keras.Input((T,)),
            keras.layers.Embedding(V, E),
            getattr(keras.layers, cell)(U),
            keras.layers.Dense(V, activation="softmax"),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(0.001), loss="sparse_categorical_crossentropy")
    model.set_weights(engine_model(cell).get_weights())
    return {f"keras {cell} train_on_batch": median_ms(lambda: model.train_on_batch(x, y), repeats)}


def torch_rows(cell: str, repeats: int) -> dict[str, float]:
    """A hand-written torch float64 training step (empty without torch)."""
    try:
        import torch
    except ImportError:
        return {}
    x, y = data()
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    emb = torch.nn.Embedding(V, E, dtype=torch.float64)
    rnn = getattr(torch.nn, cell)(E, U, batch_first=True, dtype=torch.float64)
    head = torch.nn.Linear(U, V, dtype=torch.float64)
    params = [*emb.parameters(), *rnn.parameters(), *head.parameters()]
    opt = torch.optim.Adam(params, lr=0.001)

    def step() -> None:
        opt.zero_grad()
        out, _ = rnn(emb(xt))
        loss = torch.nn.functional.cross_entropy(head(out[:, -1]), yt)
        loss.backward()
        opt.step()

    return {f"torch {cell} f64 step": median_ms(step, repeats)}


def measure(repeats: int, rounds: int = 3) -> dict[str, float]:
    """Every row for LSTM and GRU under one thread; the best median of ``rounds`` alternating
    rounds (engine, Keras, torch in turn), which resists other programs' load."""
    rows: dict[str, float] = {}
    per_round = max(repeats // rounds, 5)
    with one_thread():
        for _ in range(rounds):
            for cell in CELLS:
                for name, ms in (
                    engine_rows(cell, per_round)
                    | keras_rows(cell, max(per_round // 2, 5))
                    | torch_rows(cell, per_round)
                ).items():
                    rows[name] = min(ms, rows.get(name, ms))
    return rows


def verdicts(rows: dict[str, float]) -> list[tuple[str, str, str, bool | None]]:
    """(name, value, goal, ok) lines: the ratios the goals are about."""
    out: list[tuple[str, str, str, bool | None]] = []
    for cell in CELLS:
        ratio = rows[f"engine {cell} backward"] / rows[f"engine {cell} forward"]
        out.append((f"  {cell} backward / forward", f"{ratio:.2f}x", "<= 3x", ratio <= 3.0))
        keras_ms = rows.get(f"keras {cell} train_on_batch")
        if keras_ms:
            ratio = rows[f"engine {cell} step"] / keras_ms
            out.append((f"  {cell} engine step / Keras", f"{ratio:.2f}x", "< 1x", ratio < 1.0))
        else:
            out.append((f"  {cell} engine step / Keras", "n/a", "keras not installed", None))
        torch_ms = rows.get(f"torch {cell} f64 step")
        if torch_ms:
            ratio = rows[f"engine {cell} step"] / torch_ms
            out.append((f"  {cell} engine step / torch f64", f"{ratio:.2f}x", "", None))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=300)
    args = parser.parse_args()
    rows = measure(args.repeats)
    print(f"training step, B={B} T={T} V={V} E={E} U={U}, Adam, one thread, median ms")
    print("| measure | ms |\n|---|---:|")
    for name, ms in rows.items():
        print(f"| {name} | {ms:.3f} |")
    print("\n| ratio | value | goal | verdict |\n|---|---:|---|---|")
    for name, value, goal, ok in verdicts(rows):
        verdict = "" if ok is None else ("meets" if ok else "MISSES")
        print(f"| {name.strip()} | {value} | {goal} | {verdict} |")


if __name__ == "__main__":
    main()
