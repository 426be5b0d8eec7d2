#!/usr/bin/env python3
"""One entry point for rnntui's performance goals: one run, one machine, one table.

Measures, beside a bare Textual hello-world started in the same run (tuibench, 80x24):
what a student waits for at start-up (bench_start.py: lesson text readable on a first and a
usual start, the live panel ready, F5/F6 and F4, memory, bytes and CPU after the text, quit),
key-to-settled latency and bytes per tweak on the LSTM panel, idle bytes and CPU; then
``rnntui quiz --plain`` time to the first question, the engine's forward pass vs torch (when
installed) and its training step vs Keras and torch. Reuses bench_start.py, bench_app.py,
bench_quiz_plain.py, bench_engine.py and bench_train.py. Prints a Markdown table with goal and
verdict columns, and the machine.

    python bench/run_all.py                   # about 3 minutes
    python bench/run_all.py --quick           # one round, fewer repeats
    python bench/run_all.py --monkey          # also the 10,000-key monkey test (pytest -m slow)
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import bench_app  # noqa: E402
import bench_engine  # noqa: E402
import bench_quiz_plain  # noqa: E402
import bench_start  # noqa: E402
import bench_train  # noqa: E402

REPO = BENCH.parent
MIB = 1024.0


@dataclass
class Row:
    """One line of the table; ``ok`` None means "for reference, no goal"."""

    name: str
    value: str
    goal: str = ""
    ok: bool | None = None


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("meets" if ok else "MISSES")


def start_rows(opts: argparse.Namespace) -> list[Row]:
    """bench_start.py: lesson text, panel, lesson switches, memory, quiet after the text, quit."""
    if bench_app.find_tuibench() is None:
        return [Row("start-up measurements", "skipped", "tuibench not found", None)]
    measured = bench_start.measure(opts.rounds, opts.runs, opts.max_other_load)
    return [Row(r.name, r.value, r.goal, r.ok) for r in bench_start.rows(measured)]


def tui_rows(opts: argparse.Namespace) -> list[Row]:
    """tuibench: hello-world vs rnntui on the LSTM panel's tweaks, alternating."""
    tool = bench_app.find_tuibench()
    if tool is None:
        return [Row("TUI measurements", "skipped", "tuibench not found", None)]
    hello = [sys.executable, str(tool.parent / "hello_textual.py")]
    app = [*bench_start.rnntui_command(), "--lesson", "lstm", "--lang", "en"]
    tmp = tempfile.mkdtemp(prefix="rnntui-bench-")
    env = {"RNNTUI_CONFIG_DIR": f"{tmp}/config", "RNNTUI_STATE_DIR": f"{tmp}/state"}
    common = ["--cols", "80", "--rows", "24", "--runs", str(opts.runs)]
    if opts.max_other_load is not None:
        common += ["--max-other-load", str(opts.max_other_load)]
    title = bench_app.lesson_title()
    keys = [x for k in bench_app.KEYS for x in ("--key", k)]
    h_keys, r_full = [], []
    for _ in range(opts.rounds):
        h_keys.append(
            bench_app.bench(
                tool,
                [
                    *common,
                    "--until",
                    "Hello",
                    "--idle",
                    str(opts.idle),
                    *[x for k in ["down"] * 5 for x in ("--key", k)],
                ],
                hello,
                {},
            )
        )
        r_full.append(
            bench_app.bench(
                tool, [*common, "--until", title, "--idle", str(opts.idle), *keys], app, env
            )
        )
    med, values, key_values = bench_app.med, bench_app.values, bench_app.key_values
    hello_key = med(key_values(h_keys, list(range(5)), "settle_ms"))
    tweak_ms = key_values(r_full, bench_app.TWEAK_INDEX, "settle_ms")
    tweak_bytes = key_values(r_full, bench_app.TWEAK_INDEX, "bytes")
    idle_bytes = max(values(r_full, "idle_tail_bytes_per_s"), default=float("nan"))
    idle_cpu = med(values(r_full, "idle_tail_cpu_pct"))
    hello_mem = med(values(h_keys, "end_hwm_kb")) / MIB
    app_mem = med(values(r_full, "end_hwm_kb")) / MIB
    return [
        Row("key -> settled, hello-world (ms, median)", f"{hello_key:.1f}", "reference"),
        Row(
            "LSTM tweak key -> settled (ms, median)",
            f"{med(tweak_ms):.1f}",
            "<= 16 (one 60 Hz frame; issue 10)",
            med(tweak_ms) <= 16,
        ),
        Row(
            "LSTM tweak key -> settled (ms, max)",
            f"{max(tweak_ms, default=0):.1f}",
            "<= 33 (two frames)",
            max(tweak_ms, default=0) <= 33,
        ),
        Row(
            "bytes per LSTM tweak (max)",
            f"{max(tweak_bytes, default=0):.0f}",
            "<= 2,048",
            max(tweak_bytes, default=0) <= 2048,
        ),
        Row("bytes per LSTM tweak (median)", f"{med(tweak_bytes):.0f}"),
        Row(
            f"idle bytes/s, 2nd half of {opts.idle:.0f} s (worst run)",
            f"{idle_bytes:.0f}",
            "0",
            idle_bytes == 0,
        ),
        Row(
            f"idle CPU, 2nd half of {opts.idle:.0f} s (%)",
            f"{idle_cpu:.2f}",
            "~0 (< 0.5)",
            idle_cpu < 0.5,
        ),
        Row("peak memory VmHWM, hello-world (MiB)", f"{hello_mem:.1f}", "reference"),
        Row(
            "peak memory VmHWM, rnntui LSTM + keys (MiB)",
            f"{app_mem:.1f}",
            f"<= hello + 25 = {hello_mem + 25:.1f}",
            app_mem <= hello_mem + 25,
        ),
        Row(
            "other programs' CPU during the runs (%)",
            f"{med(values(r_full, 'background_cpu_pct')):.0f}",
            "(noise; 100 = one core)",
        ),
    ]


def quiz_rows(opts: argparse.Namespace) -> list[Row]:
    """``rnntui quiz --plain``: launch to first question, median."""
    with tempfile.TemporaryDirectory(prefix="rnntui-bench-") as tmp:
        bench_quiz_plain.first_question_seconds("en", Path(tmp))  # warm the file cache
        times = [
            bench_quiz_plain.first_question_seconds("en", Path(tmp)) for _ in range(opts.quiz_runs)
        ]
    median = sorted(times)[len(times) // 2]
    floor = []
    for _ in range(opts.quiz_runs):  # the interpreter alone, in the same minute: the load
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        floor.append(time.perf_counter() - start)
    return [
        Row("python -c pass (s, for the load)", f"{sorted(floor)[len(floor) // 2]:.3f}"),
        Row("rnntui quiz --plain, first question (s)", f"{median:.3f}", "<= 0.35", median <= 0.35),
    ]


def engine_rows(opts: argparse.Namespace) -> list[Row]:
    """Forward pass of the engine vs torch float64 (B=1, T=20, D=8, U=32), median us."""
    import numpy as np

    x = np.random.default_rng(0).normal(size=(bench_engine.B, bench_engine.T, bench_engine.D))
    timings: dict[str, float] = {}
    for _ in range(3):  # alternate engine and torch; the best median of three resists noise
        for name, us in (
            bench_engine.engine_rows(x, opts.repeats // 3)
            | bench_engine.torch_rows(x, opts.repeats // 3)
        ).items():
            timings[name] = min(us, timings.get(name, us))
    rows = [Row(f"{name} forward (us)", f"{us:.1f}") for name, us in timings.items()]
    for cell in ("LSTM", "GRU"):
        ref = timings.get(f"torch {cell} f64")
        if ref:
            ratio = timings[f"engine {cell} f64"] / ref
            rows.append(
                Row(f"  engine / torch f64, {cell}", f"{ratio:.2f}x", "<= 0.8x", ratio <= 0.8)
            )
        else:
            rows.append(Row(f"  engine / torch f64, {cell}", "n/a", "torch not installed"))
    return rows


def train_rows(opts: argparse.Namespace) -> list[Row]:
    """Training step (Embedding-LSTM/GRU-Dense, B=32 T=10): engine vs Keras vs torch f64, ms."""
    timings = bench_train.measure(opts.repeats // 10)
    rows = [Row(f"{name} (ms)", f"{ms:.2f}") for name, ms in timings.items()]
    rows += [Row(name, value, goal, ok) for name, value, goal, ok in bench_train.verdicts(timings)]
    return rows


def monkey_row() -> Row:
    """The full seeded monkey test (10,000 keys) through pytest."""
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-m",
            "slow",
            "tests/ui/test_monkey.py",
            "-p",
            "no:cacheprovider",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    took = time.perf_counter() - start
    passed = done.returncode == 0 and " passed" in done.stdout
    return Row(
        "monkey test, 10,000 random keys",
        f"{'pass' if passed else 'FAIL'} ({took:.0f} s)",
        "0 exceptions",
        passed,
    )


def machine() -> list[str]:
    """nproc, CPU model, versions and load: the context a number needs."""
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "?",
    )

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    return [
        f"nproc {len(os.sched_getaffinity(0))}, {model}",
        f"Python {platform.python_version()}, Textual {version('textual')}, "
        f"Rich {version('rich')}, NumPy {version('numpy')}, torch {version('torch')}",
        f"{platform.system()} {platform.release()}",
    ]


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 round, fewer repeats")
    parser.add_argument("--monkey", action="store_true", help="add the 10,000-key monkey test")
    parser.add_argument(
        "--start-only", action="store_true", help="only start-up, TUI and plain-quiz rows"
    )
    parser.add_argument("--idle", type=float, default=10.0, help="idle seconds (default 10)")
    parser.add_argument(
        "--max-other-load",
        type=float,
        default=None,
        help="tuibench: repeat runs while other programs use more CPU (%%)",
    )
    opts = parser.parse_args()
    opts.rounds, opts.runs = (1, 2) if opts.quick else (2, 3)
    opts.quiz_runs, opts.repeats = (5, 500) if opts.quick else (9, 3000)
    load_before = load()
    started = time.perf_counter()
    rows = [*start_rows(opts), *tui_rows(opts), *quiz_rows(opts)]
    if not opts.start_only:
        rows += [*engine_rows(opts), *train_rows(opts)]
    if opts.monkey:
        rows.append(monkey_row())
    print("rnntui performance suite (bench/run_all.py)")
    for line in machine():
        print(f"  {line}")
    print(
        f"  load average before {load_before}, after {load()}; "
        f"took {time.perf_counter() - started:.0f} s\n"
    )
    print("| measure | value | goal | verdict |")
    print("|---|---:|---|---|")
    for row in rows:
        print(f"| {row.name} | {row.value} | {row.goal} | {verdict(row.ok)} |")
    missed = [row.name.strip() for row in rows if row.ok is False]
    print(f"\n{len(missed)} goal(s) missed" + (f": {'; '.join(missed)}" if missed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
