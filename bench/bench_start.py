#!/usr/bin/env python3
"""What a student waits for, next to a bare Textual app in the same run (tuibench, 80x24).

- lesson text readable: until the first words of lesson 1's first paragraph are on screen,
  for the first start of a new user (empty state, config and cache folders, made empty
  again before every run) and for the usual start (lesson 1 reopened from the settings, the
  lesson cache warm);
- the live panel ready: at 120x36 (text and panel side by side), until the panel's model
  line is on screen;
- F6 / F5 to the next / previous lesson's text, and F4 to the panel (key -> settled);
- VmRSS right after the first lesson frame; VmHWM after visiting every lesson and its panel;
- bytes written and CPU used in the 3 s after the lesson is readable; quit key -> exit.

The bare app is ``../shared/tools/hello_textual.py``, measured alternately with rnntui so
both see the same machine. ``RNNTUI_BENCH_COMMAND`` (a shell-style command) measures another
build of rnntui instead of the installed script.

    python bench/bench_start.py                # 2 rounds x 3 runs
    python bench/bench_start.py --rounds 1 --runs 2
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import bench_app  # noqa: E402

REPO = BENCH.parent
MIB = 1024.0
IDLE = 3.0
"""Seconds after the lesson is readable in which bytes and CPU are counted."""
PANEL_MARK = "Embedding("
"""On screen once lesson 1's panel (order) has drawn its model line."""
STEP_KEYS = ["f6", "f5", "f6", "f5"]
PANE_KEYS = ["f4", "f4", "f4", "f4"]
"""To the panel (0, 2) and back to the text (1, 3)."""


def lesson_files() -> list[Path]:
    """The packaged English lessons in file order (01-..., 02-...)."""
    return sorted((REPO / "lessons" / "en").glob("[0-9]*.md"))


def rnntui_command() -> list[str]:
    """``$RNNTUI_BENCH_COMMAND`` if set, else the installed script (bench_app)."""
    override = os.environ.get("RNNTUI_BENCH_COMMAND")
    return shlex.split(override) if override else bench_app.rnntui_command()


def fresh(home: Path, command: list[str]) -> list[str]:
    """``command`` started with ``home`` emptied first (a new user at every run)."""
    return ["/bin/sh", "-c", 'rm -rf "$0"; exec "$@"', str(home), *command]


def user_env(home: Path) -> dict[str, str]:
    """Private state, config and cache folders under ``home``."""
    return {
        "RNNTUI_STATE_DIR": f"{home}/state",
        "RNNTUI_CONFIG_DIR": f"{home}/config",
        "RNNTUI_CACHE_DIR": f"{home}/cache",
    }


def reopen_lesson_one(home: Path, lesson_id: str) -> None:
    """Settings of a student whose last lesson was lesson 1, in English (in the format
    rnntui.settings writes: without its ``schema_version`` the app moves the file aside as
    corrupt, and the start would open lesson 1 only as the default)."""
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(
        f'{{"schema_version": 1, "lang": "en", "last_lesson": "{lesson_id}"}}\n',
        encoding="utf-8",
    )


def lesson_id(path: Path) -> str:
    """The ``id:`` of a lesson file's header."""
    found = re.search(r"^id:\s*(\S+)", path.read_text(encoding="utf-8"), re.M)
    return found[1].strip("\"'") if found else path.stem


@dataclass
class Runs:
    """tuibench reports of one scenario, all rounds."""

    reports: list[dict]

    def get(self, field: str) -> list[float]:
        return bench_app.values(self.reports, field)

    def keys(self, indexes: list[int], field: str = "settle_ms") -> list[float]:
        return bench_app.key_values(self.reports, indexes, field)


def med(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def measure(rounds: int, runs: int, max_other_load: float | None = None) -> dict[str, Runs]:
    """Every scenario, bare app and rnntui alternating, ``rounds`` x ``runs``."""
    tool = bench_app.find_tuibench()
    if tool is None:
        raise SystemExit("tuibench not found (../shared/tools/tuibench.py or RNNTUI_TUIBENCH)")
    hello = [sys.executable, str(tool.parent / "hello_textual.py")]
    app = rnntui_command()
    files = lesson_files()
    words = bench_app.first_words(files[0])
    tmp = Path(tempfile.mkdtemp(prefix="rnntui-bench-"))
    new_user, usual, tour_home = tmp / "new", tmp / "usual", tmp / "tour"
    reopen_lesson_one(usual, lesson_id(files[0]))
    reopen_lesson_one(tour_home, lesson_id(files[0]))

    def common(cols: int = 80, rows: int = 24, n: int = runs) -> list[str]:
        args = ["--cols", str(cols), "--rows", str(rows), "--runs", str(n)]
        if max_other_load is not None:
            args += ["--max-other-load", str(max_other_load)]
        return args

    def keys(names: list[str]) -> list[str]:
        return [x for k in names for x in ("--key", k)]

    tour = [k for _ in files for k in ("f4", "f4", "f6")][:-1]
    out: dict[str, list[dict]] = {}

    def add(name: str, args: list[str], command: list[str], env: dict[str, str]) -> None:
        report = bench_app.bench(tool, args, command, env)
        if report.get("error"):  # else its row would only say "nan"
            first = str(report["error"]).splitlines()[0]
            print(f"bench_start: {name}: {first}", file=sys.stderr)
        out.setdefault(name, []).append(report)

    for _ in range(rounds):
        idle = ["--idle", str(IDLE)]
        add("hello", [*common(), "--until", "Hello", *idle, *keys(["down"] * 4)], hello, {})
        add(
            "new",
            [*common(), "--until", words, *idle],
            fresh(new_user, app),
            user_env(new_user),
        )
        add(
            "usual",
            [*common(), "--until", words, *idle, *keys(STEP_KEYS + PANE_KEYS)],
            app,
            user_env(usual),
        )
        add("hello wide", [*common(120, 36), "--until", "Hello", "--idle", "0"], hello, {})
        add(
            "panel wide",
            [*common(120, 36), "--until", PANEL_MARK, "--idle", "0"],
            app,
            user_env(usual),
        )
        add(  # its own folders: a tour ends on the last lesson, which the app saves
            "tour",
            [*common(n=1), "--until", words, "--idle", "0", *keys(tour)],
            [*app, "--lesson", lesson_id(files[0]), "--lang", "en"],
            user_env(tour_home),
        )
    return {name: Runs(reports) for name, reports in out.items()}


@dataclass
class Row:
    """One line of the table; ``ok`` None: for reference."""

    name: str
    value: str
    goal: str = ""
    ok: bool | None = None


def rows(m: dict[str, Runs]) -> list[Row]:
    """The start-up table: each goal with the bare app's figure beside it."""
    hello, new, usual = m["hello"], m["new"], m["usual"]
    h_frame = med(hello.get("first_frame_ms"))
    h_wide = med(m["hello wide"].get("first_frame_ms"))
    h_rss = med(hello.get("rss_kb")) / MIB
    h_hwm = med(hello.get("end_hwm_kb")) / MIB
    h_exit = med(hello.get("exit_ms"))
    h_key = med(hello.keys([0, 1, 2, 3]))
    out = [
        Row("bare app: first frame (ms)", f"{h_frame:.0f}", "reference"),
        Row("bare app: first frame at 120x36 (ms)", f"{h_wide:.0f}", "reference"),
        Row("bare app: key -> settled (ms, median)", f"{h_key:.1f}", "reference"),
        Row("bare app: VmRSS after first frame (MiB)", f"{h_rss:.1f}", "reference"),
        Row("bare app: VmHWM after its keys (MiB)", f"{h_hwm:.1f}", "reference"),
        Row("bare app: quit -> exit (ms)", f"{h_exit:.0f}", "reference"),
        Row(
            "bare app: bytes / CPU in the 3 s after its frame",
            f"{med(hello.get('idle_bytes')):.0f} B / {med(hello.get('idle_cpu_pct')):.2f} %",
            "reference",
        ),
    ]
    for label, runs in (("first start (new user)", new), ("usual start (lesson reopened)", usual)):
        frame = med(runs.get("first_frame_ms"))
        ratio = frame / h_frame
        out.append(
            Row(
                f"lesson text readable, {label} (ms)",
                f"{frame:.0f} = {ratio:.2f}x",
                "<= 1.25x bare",
                ratio <= 1.25,
            )
        )
    panel = med(m["panel wide"].get("first_frame_ms"))
    out.append(
        Row(
            "live panel ready, 120x36 (ms)",
            f"{panel:.0f} = {panel / h_wide:.2f}x",
            "<= 1.6x bare (120x36)",
            panel / h_wide <= 1.6,
        )
    )
    steps = usual.keys(list(range(len(STEP_KEYS))))
    out.append(
        Row(
            "F6/F5 -> next/previous lesson's text (ms, median)",
            f"{med(steps):.0f} (max {max(steps, default=float('nan')):.0f})",
            "<= 100",
            med(steps) <= 100,
        )
    )
    base = len(STEP_KEYS)
    to_panel = usual.keys([base, base + 2])
    out.append(
        Row(
            "F4 -> panel shown (ms, median)",
            f"{med(to_panel):.0f} (max {max(to_panel, default=float('nan')):.0f})",
            "<= 100",
            med(to_panel) <= 100,
        )
    )
    for label, runs in (("first start", new), ("usual start", usual)):
        rss = med(runs.get("rss_kb")) / MIB
        out.append(
            Row(
                f"VmRSS after the first lesson frame, {label} (MiB)",
                f"{rss:.1f} = bare + {rss - h_rss:.1f}",
                "<= bare + 20",
                rss - h_rss <= 20,
            )
        )
    hwm = med(m["tour"].get("end_hwm_kb")) / MIB
    out.append(
        Row(
            "VmHWM after every lesson and panel (MiB)",
            f"{hwm:.1f} = bare + {hwm - h_hwm:.1f}",
            "<= bare + 30",
            hwm - h_hwm <= 30,
        )
    )
    for label, runs in (("usual start", usual), ("first start", new)):
        sent = max(runs.get("idle_bytes"), default=float("nan"))
        cpu = med(runs.get("idle_cpu_pct"))
        tail = med(runs.get("idle_tail_cpu_pct"))
        out.append(
            Row(
                f"bytes / CPU in the 3 s after the text, {label}",
                f"{sent:.0f} B / {cpu:.2f} % (last 1.5 s: {tail:.2f} %)",
                "0 B and < 0.5 %",
                sent == 0 and cpu < 0.5,
            )
        )
    quit_ms = med(usual.get("exit_ms") + new.get("exit_ms"))
    out.append(
        Row(
            "quit -> exit (ms)",
            f"{quit_ms:.0f} = {quit_ms / h_exit:.2f}x",
            "<= 1.2x bare",
            quit_ms / h_exit <= 1.2,
        )
    )
    other = med(hello.get("background_cpu_pct") + usual.get("background_cpu_pct"))
    out.append(Row("other programs' CPU during the runs (%)", f"{other:.0f}", "100 = one core"))
    return out


def print_table(table: list[Row]) -> None:
    print("| measure | value | goal | verdict |")
    print("|---|---:|---|---|")
    for row in table:
        verdict = "" if row.ok is None else ("meets" if row.ok else "MISSES")
        print(f"| {row.name} | {row.value} | {row.goal} | {verdict} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-other-load", type=float, default=None)
    opts = parser.parse_args()
    print_table(rows(measure(opts.rounds, opts.runs, opts.max_other_load)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
