"""Time to the first question of ``rnntui quiz --plain`` (goal: under 0.35 s).

Starts ``python -m rnntui quiz --plain --count 1`` N times in a subprocess (private temp state
and config dirs, stdin a pipe), measures the wall time from launch until the first answer
prompt appears on stdout, answers it, and prints the median in seconds.

    python bench/bench_quiz_plain.py [--runs 9] [--lang en] [--verbose]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROMPT = b"] > "


def first_question_seconds(lang: str, home: Path) -> float:
    """One run: seconds from launch to the first prompt."""
    env = {
        **os.environ,
        "RNNTUI_STATE_DIR": str(home / "state"),
        "RNNTUI_CONFIG_DIR": str(home / "config"),
        "PYTHONIOENCODING": "utf-8",
    }
    start = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "rnntui",
            "quiz",
            "--plain",
            "--count",
            "1",
            "--seed",
            "0",
            "--lang",
            lang,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    assert proc.stdout is not None and proc.stdin is not None
    seen = b""
    while PROMPT not in seen:
        chunk = os.read(proc.stdout.fileno(), 4096)
        if not chunk:
            proc.wait()
            raise RuntimeError(f"rnntui ended before asking (exit {proc.returncode}): {seen!r}")
        seen += chunk
    elapsed = time.perf_counter() - start
    proc.communicate(b"1\nt\n1\n", timeout=60)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rnntui-bench-") as tmp:
        first_question_seconds(args.lang, Path(tmp))  # warm the OS file cache
        times = [first_question_seconds(args.lang, Path(tmp)) for _ in range(args.runs)]
    if args.verbose:
        print(" ".join(f"{t:.3f}" for t in times), file=sys.stderr)
    print(f"{statistics.median(times):.3f}")


if __name__ == "__main__":
    main()
