#!/usr/bin/env python3
"""Measure rnntui against a bare Textual hello-world in the same run, with tuibench.

Prints the time until the LSTM lesson's first words are on screen (not the first non-blank
screen: the header comes long before the text), bytes and latency per tweak, idle bytes/CPU
and memory, each beside its goal (key -> settled on the LSTM panel: one frame, <= 16 ms
median and <= 33 ms max).
tuibench is found at ``../shared/tools/tuibench.py`` next to the repository, or at
``$RNNTUI_TUIBENCH``; without it this script says so and exits 0.

    python bench/bench_app.py                 # 2 rounds x 3 runs each, 80x24, 10 s idle
    python bench/bench_app.py --rounds 1 --runs 2 --idle 4
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KEYS = ["f4", "tab", "tab", "tab", "plus", "plus", "minus", "tab", "tab", "tab", "tab", "0", "1"]
TWEAK_INDEX = [4, 5, 6, 11, 12]


def find_tuibench() -> Path | None:
    """$RNNTUI_TUIBENCH, else ../shared/tools/tuibench.py beside the repository."""
    env = os.environ.get("RNNTUI_TUIBENCH")
    candidates = [Path(env)] if env else []
    candidates.append(REPO.parent / "shared" / "tools" / "tuibench.py")
    return next((p for p in candidates if p.is_file()), None)


def rnntui_command() -> list[str]:
    """The installed console script, else ``python -m rnntui``."""
    script = shutil.which("rnntui", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "rnntui"]


def first_words(path: Path, words: int = 3) -> str:
    """The first words of a lesson file's first paragraph (what "readable" waits for)."""
    text = path.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1] if text.startswith("---") else text
    for line in body.splitlines():
        line = line.strip()
        if line and not line.startswith(("#", "```", "|", "-", ">", "{{")):
            return " ".join(re.sub(r"[*`_]", "", line).split()[:words])
    raise SystemExit(f"no paragraph in {path}")


def lesson_title() -> str:
    """The English LSTM lesson title: on screen only once the lesson is loaded."""
    from rnntui.content.loader import load_lessons

    lesson = load_lessons().get("lstm", "en")
    return lesson.title[:24] if lesson else "LSTM"


def bench(tool: Path, args: list[str], command: list[str], env: dict[str, str]) -> dict:
    """One tuibench invocation; its JSON report."""
    extra = [x for k, v in env.items() for x in ("--env", f"{k}={v}")]
    argv = [sys.executable, str(tool), "--json", *extra, *args, "--", *command]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"tuibench failed:\n{done.stdout}\n{done.stderr}") from None


def values(reports: list[dict], path: str) -> list[float]:
    """Every run's value of ``summary``-style key path across reports (per-run lists)."""
    out: list[float] = []
    for report in reports:
        for run in report.get("runs", []):
            value = run
            for part in path.split("."):
                value = value.get(part) if isinstance(value, dict) else None
            if isinstance(value, int | float):
                out.append(float(value))
    return out


def key_values(reports: list[dict], indexes: list[int], field: str) -> list[float]:
    """A per-key field (``settle_ms``, ``bytes``) of the chosen key presses, all runs."""
    out = []
    for report in reports:
        for run in report.get("runs", []):
            keys = run.get("keys", [])
            out += [
                float(keys[i][field])
                for i in indexes
                if i < len(keys) and keys[i].get(field) is not None
            ]
    return out


def med(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def mib(kb: list[float]) -> str:
    """Median kB as MiB text."""
    return f"{med(kb) / 1024:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds (default 2)")
    parser.add_argument("--runs", type=int, default=3, help="runs per round (default 3)")
    parser.add_argument("--idle", type=float, default=10.0, help="idle seconds (default 10)")
    parser.add_argument("--cols", type=int, default=80)
    parser.add_argument("--rows", type=int, default=24)
    opts = parser.parse_args()
    tool = find_tuibench()
    if tool is None:
        print("tuibench not found (../shared/tools/tuibench.py or RNNTUI_TUIBENCH): skipped")
        return 0
    hello = tool.parent / "hello_textual.py"
    common = ["--cols", str(opts.cols), "--rows", str(opts.rows), "--runs", str(opts.runs)]
    title = lesson_title()
    app = [*rnntui_command(), "--lesson", "lstm", "--lang", "en"]
    words = first_words(next((REPO / "lessons" / "en").glob("*-lstm.md")))
    tmp = tempfile.mkdtemp(prefix="rnntui-bench-")
    env = {"RNNTUI_CONFIG_DIR": f"{tmp}/config", "RNNTUI_STATE_DIR": f"{tmp}/state"}
    direct = [
        sys.executable,
        "-c",
        "from rnntui.launch import launch_app; launch_app(lesson="
        "'lstm', lang='en', lessons_dirs=[], mouse=False, force_utf8=False)",
    ]
    h_first, h_keys, r_first, r_full, r_direct = [], [], [], [], []
    for _ in range(opts.rounds):
        h_first.append(
            bench(
                tool, [*common, "--until", "Hello", "--idle", "1"], [sys.executable, str(hello)], {}
            )
        )
        r_first.append(bench(tool, [*common, "--until", words, "--idle", "1"], app, env))
        r_direct.append(bench(tool, [*common, "--until", words, "--idle", "1"], direct, env))
        h_keys.append(
            bench(
                tool,
                [
                    *common,
                    "--until",
                    "Hello",
                    "--idle",
                    str(opts.idle),
                    *[x for k in ["down"] * 5 for x in ("--key", k)],
                ],
                [sys.executable, str(hello)],
                {},
            )
        )
        r_full.append(
            bench(
                tool,
                [
                    *common,
                    "--until",
                    title,
                    "--idle",
                    str(opts.idle),
                    *[x for k in KEYS for x in ("--key", k)],
                ],
                app,
                env,
            )
        )

    hello_frame = med(values(h_first, "first_frame_ms"))
    app_frame = med(values(r_first, "first_frame_ms"))
    lesson_frame = med(values(r_full, "first_frame_ms"))
    hello_key = med(key_values(h_keys, list(range(5)), "settle_ms"))
    app_keys = key_values(r_full, TWEAK_INDEX, "settle_ms")
    app_key = med(app_keys)
    tweak_bytes = key_values(r_full, TWEAK_INDEX, "bytes")

    def verdict(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    rows = [
        ("first frame, hello-world (ms)", f"{hello_frame:.0f}", "reference"),
        (
            "lesson text readable, rnntui (ms)",
            f"{app_frame:.0f}",
            f"<= {1.25 * hello_frame:.0f} (1.25x): {verdict(app_frame <= 1.25 * hello_frame)}",
        ),
        ("  ratio", f"{app_frame / hello_frame:.2f}x", ""),
        (
            "lesson text readable, launch_app() without the CLI (ms)",
            f"{med(values(r_direct, 'first_frame_ms')):.0f}",
            "(typer + rnntui/__init__ excluded)",
        ),
        ("lesson text + keys on screen (ms)", f"{lesson_frame:.0f}", "(after lessons load)"),
        ("first frame bytes", f"{med(values(r_first, 'first_frame_bytes')):.0f}", "< 20,000"),
        (
            "bytes per tweak (max)",
            f"{max(tweak_bytes):.0f}",
            f"<= 2048: {verdict(max(tweak_bytes) <= 2048)}",
        ),
        ("bytes per tweak (median)", f"{med(tweak_bytes):.0f}", ""),
        ("key echo, hello-world (ms)", f"{hello_key:.1f}", "reference"),
        (
            "tweak key -> settled, LSTM panel, median (ms)",
            f"{app_key:.1f}",
            f"<= 16 (one 60 Hz frame): {verdict(app_key <= 16)}",
        ),
        (
            "tweak key -> settled, LSTM panel, max (ms)",
            f"{max(app_keys):.1f}",
            f"<= 33: {verdict(max(app_keys) <= 33)}",
        ),
        ("tweak cpu (ms)", f"{med(key_values(r_full, TWEAK_INDEX, 'cpu_ms')):.1f}", ""),
        (
            f"idle bytes, 2nd half of {opts.idle:.0f} s (B/s)",
            f"{med(values(r_full, 'idle_tail_bytes_per_s')):.0f}",
            "0",
        ),
        (
            f"idle cpu, 2nd half of {opts.idle:.0f} s (%)",
            f"{med(values(r_full, 'idle_tail_cpu_pct')):.2f}",
            "~0",
        ),
        (
            f"bytes in the whole {opts.idle:.0f} s after first frame",
            f"{med(values(r_full, 'idle_bytes')):.0f}",
            "(includes deferred panel/lesson)",
        ),
        ("VmRSS after first frame, hello (MiB)", mib(values(h_first, "rss_kb")), ""),
        ("VmRSS after first frame, rnntui (MiB)", mib(values(r_first, "rss_kb")), ""),
        ("VmHWM at end, rnntui (MiB)", mib(values(r_full, "end_hwm_kb")), "(lesson + panel)"),
    ]
    load = med(values(r_full, "background_cpu_pct"))
    width = max(len(r[0]) for r in rows)
    print(
        f"rnntui bench at {opts.cols}x{opts.rows}: {opts.rounds} rounds x {opts.runs} runs, "
        f"tuibench {tool}"
    )
    for name, value, goal in rows:
        print(f"{name.ljust(width)}  {value:>10}  {goal}")
    print(f"other programs' cpu during runs (median): {load:.0f}% of one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
