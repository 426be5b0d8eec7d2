"""Forward-pass speed of the engine vs torch.nn (B=1, T=20, D=8, U=32), median microseconds.

Run: python bench/bench_engine.py [--repeats 3000]
Goal: engine <= 0.8x torch float64 (torch rows appear only when torch is installed).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy as np

from rnntui.nn import GRU, LSTM

B, T, D, U = 1, 20, 8, 32


def median_us(fn: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``fn`` in microseconds (after a short warm-up)."""
    for _ in range(50):
        fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1e6


def engine_rows(x: np.ndarray, repeats: int) -> dict[str, float]:
    """Timings of the engine's LSTM and GRU."""
    rows = {}
    for cls in (LSTM, GRU):
        layer = cls(U, seed=0)
        layer.build((None, T, D))
        rows[f"engine {cls.__name__} f64"] = median_us(lambda layer=layer: layer(x), repeats)
    return rows


def torch_rows(x: np.ndarray, repeats: int) -> dict[str, float]:
    """Timings of torch.nn LSTM and GRU in float64 and float32 (empty without torch)."""
    try:
        import torch
    except ImportError:
        return {}
    rows = {}
    for dtype, label in ((torch.float64, "f64"), (torch.float32, "f32")):
        xt = torch.from_numpy(x).to(dtype)
        for cls in (torch.nn.LSTM, torch.nn.GRU):
            module = cls(D, U, batch_first=True, dtype=dtype)

            def run(module=module, xt=xt) -> None:
                with torch.no_grad():
                    module(xt)

            rows[f"torch {cls.__name__} {label}"] = median_us(run, repeats)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3000)
    args = parser.parse_args()
    x = np.random.default_rng(0).normal(size=(B, T, D))
    rows = engine_rows(x, args.repeats) | torch_rows(x, args.repeats)
    print(f"forward pass, B={B} T={T} D={D} U={U}, median of {args.repeats}")
    for name, us in rows.items():
        print(f"  {name:<22} {us:8.1f} us")
    for cell in ("LSTM", "GRU"):
        ref = rows.get(f"torch {cell} f64")
        if ref:
            ratio = rows[f"engine {cell} f64"] / ref
            verdict = "meets" if ratio <= 0.8 else "misses"
            print(f"  engine/torch f64 {cell}: {ratio:.2f}x  ({verdict} goal <= 0.8x)")


if __name__ == "__main__":
    main()
