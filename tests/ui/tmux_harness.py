"""A small tmux harness for end-to-end tests of the real ``rnntui`` (private server socket,
``env -i`` per app, polled screens) and checks on what a terminal shows."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rich.cells import cell_len

SETTLE = 0.8
"""Seconds a pane's text must stay unchanged before a wait counts as done."""
EXIT_RE = re.compile(r"EXITED (\d+)")


class Tmux:
    """A private tmux server; one session per running app."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.socket = root / "tmux.sock"
        self.env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        self.env.pop("TMUX", None)

    def run(self, *args: str) -> str:
        """One tmux command on this server (UTF-8 forced, no user config); its stdout."""
        done = subprocess.run(
            ["tmux", "-u", "-f", "/dev/null", "-S", str(self.socket), *args],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
            env=self.env,
        )
        return done.stdout

    def start(
        self, name: str, env: dict[str, str], argv: list[str], size: tuple[int, int] = (80, 24)
    ) -> None:
        """Run ``argv`` under ``env -i`` (only ``env``), then print its exit status."""
        base = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.root),
            "RNNTUI_CONFIG_DIR": str(self.root / name / "config"),
            "RNNTUI_STATE_DIR": str(self.root / name / "state"),
        }
        words = [f"{k}={shlex.quote(v)}" for k, v in {**base, **env}.items()]
        command = " ".join(["env", "-i", *words, *map(shlex.quote, argv)])
        self.run(
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            str(size[0]),
            "-y",
            str(size[1]),
            f"{command}; echo EXITED $?; sleep 120",
        )

    def screen(self, name: str, sgr: bool = False) -> str:
        """The pane's text (``sgr``: with colour and style escapes)."""
        return self.run("capture-pane", "-p", *(["-e"] if sgr else []), "-t", name)

    def keys(self, name: str, *keys: str, raw: bool = False) -> None:
        """tmux key names, or (``raw``) hex bytes such as ``"b0 a1"``."""
        for key in keys:
            self.run("send-keys", "-t", name, *(["-H", *key.split()] if raw else [key]))
            time.sleep(0.03)

    def wait(
        self, names: list[str], ok: Callable[[str], bool], timeout: float = 40.0
    ) -> dict[str, str]:
        """Poll every pane until ``ok`` holds for all of them and their text has not changed
        for ``SETTLE`` seconds; their last screens."""
        deadline, last, since = time.monotonic() + timeout, {}, {}
        todo = list(names)
        while todo and time.monotonic() < deadline:
            for name in list(todo):
                before, last[name] = last.get(name), self.screen(name)
                now = time.monotonic()
                if last[name] != before or not ok(last[name]):
                    since[name] = now
                elif now - since[name] >= SETTLE:
                    todo.remove(name)
            if todo:
                time.sleep(0.1)
        assert not todo, f"{todo[0]} never matched; last screen:\n{last[todo[0]]}"
        return last


class SyncedApp:
    """One app in tmux started with ``RNNTUI_SYNC_FILE``: :meth:`sync` waits for a state (every
    key handled, no worker, nothing pending, painted), never for a time."""

    def __init__(self, tmux: Tmux, name: str, sync_file: Path) -> None:
        self.tmux, self.name, self.sync_file = tmux, name, sync_file
        self.syncs = 0

    def keys(self, *keys: str) -> None:
        self.tmux.run("send-keys", "-t", self.name, *keys)

    def sync(self, timeout: float = 60.0) -> str:
        """Press F12 and wait until the app has written the new count; the screen then."""
        self.syncs += 1
        self.keys("F12")
        deadline = time.monotonic() + timeout
        want = str(self.syncs)
        while time.monotonic() < deadline:
            try:
                if self.sync_file.read_text(encoding="ascii") == want:
                    return self.tmux.screen(self.name)
            except FileNotFoundError:
                pass
            time.sleep(0.02)
        raise AssertionError(f"the app never answered sync {want}:\n{self.tmux.screen(self.name)}")

    def settled(self) -> str:
        """The screen once three syncs in a row show the same text."""
        last, same = self.sync(), 0
        for _ in range(30):
            now = self.sync()
            same = same + 1 if now == last else 0
            if same == 2:
                return now
            last = now
        raise AssertionError(f"the screen never settled:\n{last}")

    def repainted(self) -> str:
        """The screen after a forced full repaint of the same state (F11: every widget laid
        out and drawn again, every cell sent; a resize would also move scroll positions)."""
        self.keys("F11")
        return self.settled()


def rnntui(*args: str) -> list[str]:
    """The real command on the LSTM lesson, in English."""
    return [sys.executable, "-m", "rnntui", "--lesson", "lstm", "--lang", "en", *args]


def exit_code(screen: str) -> int | None:
    """The status printed by ``echo EXITED $?`` once the app has ended, else None."""
    found = EXIT_RE.search(screen)
    return int(found.group(1)) if found else None


THUMB = "▁▂▃▄▅▆▇█"
"""Scrollbar thumb glyphs: Textual draws them once the scrolled content is laid out."""


def cells(row: str) -> dict[int, str]:
    """Cell column -> character (a wide character takes two columns)."""
    out, col = {}, 0
    for char in row:
        out[col] = char
        col += cell_len(char)
    return out


def thumb_in_box(screen: str) -> bool:
    """Does the first box on screen show a scrollbar thumb inside it (content laid out)?"""
    rows = screen.splitlines()
    for y, row in enumerate(rows):
        grid = cells(row)
        left = next((c for c, ch in grid.items() if ch in "┌╭"), None)
        right = next((c for c, ch in grid.items() if ch in "┐╮"), None)
        if left is not None and right is not None:
            return any(
                left < c < right and ch in THUMB
                for below in rows[y + 1 :]
                for c, ch in cells(below).items()
            )
    return False


def misaligned(screen: str) -> list[str]:
    """Rows of every box whose right edge is not in the corner's cell column."""
    rows = screen.splitlines()

    bad, boxes = [], 0
    for y, row in enumerate(rows):
        grid = cells(row)
        for left, char in grid.items():
            if char not in "┌╭":
                continue
            right = next((c for c, ch in sorted(grid.items()) if c > left and ch in "┐╮"), None)
            if right is None:
                continue
            boxes += 1
            for below in rows[y + 1 :]:
                line = cells(below)
                if line.get(left) in ("└", "╰"):
                    if line.get(right) not in ("┘", "╯"):
                        bad.append(below)
                    break
                if line.get(left) != "│" or line.get(right) != "│":
                    bad.append(below)
    assert boxes, f"no box on screen:\n{screen}"
    return bad


SGR_COLOUR = re.compile(r"\x1b\[([0-9;]*)m")


def non_grey_colours(sgr_screen: str) -> set[str]:
    """SGR colour codes in a ``capture-pane -e`` dump that are not black, white or grey."""
    found: set[str] = set()
    greys_16 = {"30", "37", "90", "97", "40", "47", "100", "107", "39", "49"}
    for params in SGR_COLOUR.findall(sgr_screen):
        parts = params.split(";")
        k = 0
        while k < len(parts):
            p = parts[k]
            if p in ("38", "48") and k + 1 < len(parts) and parts[k + 1] == "5":
                n = int(parts[k + 2])
                if not (n in (0, 7, 8, 15, 16, 231) or n >= 232):
                    found.add(f"{p};5;{n}")
                k += 3
            elif p in ("38", "48") and k + 1 < len(parts) and parts[k + 1] == "2":
                r, g, b = (int(x) for x in parts[k + 2 : k + 5])
                if not (r == g == b):
                    found.add(f"{p};2;{r};{g};{b}")
                k += 5
            else:
                if (
                    p.isdigit()
                    and (30 <= int(p) <= 49 or 90 <= int(p) <= 107)
                    and p not in greys_16
                ):
                    found.add(p)
                k += 1
    return found


def cpu_ticks(tmux: Tmux, name: str) -> int:
    """utime + stime of the app (the child of the pane's shell), in clock ticks."""
    shell = tmux.run("display-message", "-p", "-t", name, "#{pane_pid}").strip()
    children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
    fields = Path(f"/proc/{children[0]}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])
