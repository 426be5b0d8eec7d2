"""The real ``rnntui`` in tmux across terminals: TERM x LANG x NO_COLOR, a non-UTF-8 locale,
EUC-KR input bytes, live resizes and idle output (docs: shared/reference/terminals.md §9).

All matrix sessions start at once on one private tmux server and are driven in lock-step, so
the 20 start-ups overlap; every wait polls the pane instead of sleeping a fixed time.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable, Iterator

import pytest
from rich.cells import cell_len

from .tmux_harness import (
    THUMB,
    SyncedApp,
    Tmux,
    cpu_ticks,
    exit_code,
    misaligned,
    non_grey_colours,
    rnntui,
    thumb_in_box,
)

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

LANGS = ("C.UTF-8", "C")
TERMS = ("xterm-256color", "xterm", "screen", "linux")
MATRIX = [(lang, term, nc) for lang in LANGS for term in TERMS for nc in (False, True)]
REFERENCE = ("C.UTF-8", "xterm-256color", False)
READY = "F1 Help"
PANEL = "force f off"
UNSHIMMED = (
    "import sys, rnntui.ui.input_shim as s; s.install_lenient_input_decoder = lambda: "
    "False; from rnntui.launch import launch_app; sys.exit(launch_app(lesson='lstm', "
    "lang='en', lessons_dirs=[], mouse=False, force_utf8=False))"
)


@pytest.fixture(scope="module")
def tmux(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tmux]:
    mux = Tmux(tmp_path_factory.mktemp("tmux"))
    yield mux
    mux.run("kill-server")


def case_id(case: tuple[str, str, bool]) -> str:
    """Also the tmux session name, so no "." or ":" (tmux target separators)."""
    return f"{case[0].replace('.', '')}-{case[1]}{'-NO_COLOR' if case[2] else ''}"


@pytest.fixture(scope="module")
def matrix(tmux: Tmux) -> dict[str, dict[str, str]]:
    """Each case's screens: the LSTM panel, the help box, the display check, and the exit."""
    names = {case_id(c): c for c in MATRIX}
    for name, (lang, term, nc) in names.items():
        tmux.start(
            name, {"LANG": lang, "TERM": term, **({"NO_COLOR": "1"} if nc else {})}, rnntui()
        )
    every = list(names)
    out: dict[str, dict[str, str]] = {n: {} for n in every}
    tmux.wait(every, lambda s: READY in s and "LSTM" in s)
    for name in every:
        tmux.keys(name, "F4")
    for name, text in tmux.wait(every, lambda s: PANEL in s and "-/+ Step" in s).items():
        out[name]["panel"] = text
        out[name]["sgr"] = tmux.screen(name, sgr=True)
        tmux.keys(name, "F1")
    for name, text in tmux.wait(every, lambda s: "┘" in s and thumb_in_box(s)).items():
        out[name]["help"] = text
        tmux.keys(name, "d")
    for name, text in tmux.wait(
        every, lambda s: "ambiguous" in s and any(c in s for c in THUMB)
    ).items():
        out[name]["check"] = text
        tmux.keys(name, "Escape", "Escape")
    tmux.wait(every, lambda s: PANEL in s)
    for name in every:
        tmux.keys(name, "C-q")
    for name, text in tmux.wait(every, lambda s: exit_code(s) is not None).items():
        out[name]["exit"] = text
    return out


@pytest.mark.parametrize("case", MATRIX, ids=case_id)
def test_same_information_in_every_terminal(
    matrix: dict[str, dict[str, str]], case: tuple[str, str, bool]
) -> None:
    seen = matrix[case_id(case)]
    reference = matrix[case_id(REFERENCE)]
    assert seen["panel"] == reference["panel"]
    for text in ("f sig", "c_t = f*c_{t-1} + i*g", "0.7963", "h[0]", READY):
        assert text in seen["panel"]
    assert seen["help"] == reference["help"]
    assert without_env(seen["check"]) == without_env(reference["check"])
    assert "가나다라마바사" in seen["check"] and "\\u25" not in seen["check"]
    assert misaligned(seen["help"]) == [] and misaligned(seen["check"]) == []
    assert "Traceback" not in seen["exit"] and exit_code(seen["exit"]) == 0
    if case[2]:
        assert non_grey_colours(seen["sgr"]) == set()


def without_env(screen: str) -> str:
    """The display check minus its line naming TERM, locale and colours (differs by design)."""
    return "\n".join(line for line in screen.splitlines() if "TERM=" not in line)


ENCODING_CASES = {
    "ascii": {"LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
    "latin1": {"LANG": "C.UTF-8", "PYTHONIOENCODING": "latin-1"},
}


@pytest.mark.parametrize("kind", sorted(ENCODING_CASES))
def test_non_utf8_terminal_gets_the_fix_and_force_utf8_starts(tmux: Tmux, kind: str) -> None:
    env = {"TERM": "xterm", **ENCODING_CASES[kind]}
    tmux.start(f"enc-{kind}", env, rnntui())
    tmux.start(f"force-{kind}", env, rnntui("--force-utf8"))
    refused = tmux.wait([f"enc-{kind}"], lambda s: exit_code(s) is not None)[f"enc-{kind}"]
    assert exit_code(refused) == 2
    assert "needs a UTF-8 terminal" in refused and "export LANG=C.UTF-8" in refused
    assert "--force-utf8" in refused and "\\u" not in refused and "\x1b" not in refused
    tmux.wait([f"force-{kind}"], lambda s: READY in s and "LSTM" in s)
    tmux.keys(f"force-{kind}", "C-q")
    done = tmux.wait([f"force-{kind}"], lambda s: exit_code(s) is not None)
    assert exit_code(done[f"force-{kind}"]) == 0


def test_euc_kr_bytes_keep_the_app_alive_and_a_crash_never_exits_0(tmux: Tmux) -> None:
    env = {"LANG": "C.UTF-8", "TERM": "xterm-256color"}
    tmux.start("euckr", env, rnntui())
    tmux.start("noshim", env, [sys.executable, "-c", UNSHIMMED])
    tmux.wait(["euckr", "noshim"], lambda s: READY in s and "LSTM" in s)
    tmux.keys("euckr", "F4")
    tmux.wait(["euckr"], lambda s: "-/+ Step" in s)
    tmux.keys("euckr", *["Tab"] * 6, "End")  # the typed-sequence Input
    for name in ("euckr", "noshim"):
        tmux.keys(name, "b0 a1", raw=True)  # what a CP949 PuTTY sends for the syllable ga
    alive = tmux.wait(["euckr"], lambda s: "\ufffd" in s)["euckr"]
    assert "Traceback" not in alive and exit_code(alive) is None
    tmux.keys("euckr", "F1")
    tmux.wait(["euckr"], lambda s: "┘" in s)
    tmux.keys("euckr", "Escape", "C-q")
    assert exit_code(tmux.wait(["euckr"], lambda s: exit_code(s) is not None)["euckr"]) == 0
    crashed = tmux.wait(["noshim"], lambda s: exit_code(s) is not None)["noshim"]
    assert "UnicodeDecodeError" in crashed and exit_code(crashed) == 1


def test_live_resizes_keep_it_usable(tmux: Tmux) -> None:
    tmux.start("resize", {"LANG": "C.UTF-8", "TERM": "xterm-256color"}, rnntui())
    tmux.wait(["resize"], lambda s: READY in s and "LSTM" in s)
    steps: list[tuple[int, int, Callable[[str], bool]]] = [
        (60, 20, lambda s: "enlarge it to 80x24" in s and READY in s),
        (200, 60, lambda s: "enlarge" not in s and PANEL in s and READY in s),
        (80, 24, lambda s: "enlarge" not in s and PANEL not in s and READY in s),
    ]
    for width, height, ok in steps:
        tmux.run("resize-window", "-t", "resize", "-x", str(width), "-y", str(height))
        screen = tmux.wait(["resize"], ok)["resize"]
        assert "Traceback" not in screen
        assert all(cell_len(line) <= width for line in screen.splitlines())
    tmux.keys("resize", "C-q")
    assert exit_code(tmux.wait(["resize"], lambda s: exit_code(s) is not None)["resize"]) == 0


IDLE_SCREENS: dict[str, tuple[list[str], Callable[[str], bool]]] = {
    "text": ([], lambda s: READY in s and "LSTM" in s),
    "panel": (["F4"], lambda s: "-/+ Step" in s),
    "list": (["F2"], lambda s: "1. What is an RNN?" in s),
    "help": (["F4", "F1"], lambda s: "┘" in s),
    "check": (["F1", "d"], lambda s: "ambiguous" in s and "Scroll" in s),
    "palette": (["C-p"], lambda s: "Display check" in s),
    "quiz": (["F7"], lambda s: "Quiz" in s and "Question 1/" in s),
}
IDLE_WINDOW = 2.5


@pytest.fixture(scope="module")
def idle(tmux: Tmux) -> dict[str, tuple[int, int, int]]:
    """(bytes written, cpu ticks) over IDLE_WINDOW seconds on each screen, measured at once,
    and the bytes the pipe saw before (proof that it works)."""
    names = {f"idle-{screen}": screen for screen in IDLE_SCREENS}
    env = {"LANG": "C.UTF-8", "TERM": "xterm-256color"}
    for name in names:
        tmux.start(name, {**env, "RNNTUI_SYNC_FILE": str(tmux.root / f"{name}.sync")}, rnntui())
        tmux.run("pipe-pane", "-t", name, "-o", f"cat >> {tmux.root / name}.out")
    tmux.wait(list(names), IDLE_SCREENS["text"][1])
    for name, screen in names.items():
        tmux.keys(name, *IDLE_SCREENS[screen][0])
    for name, screen in names.items():
        tmux.wait([name], IDLE_SCREENS[screen][1])
    # Each app idle by its state (F12: every key handled, no worker such as a first start's
    # lesson load, nothing pending, painted), then tmux's pipe drained.
    for name in names:
        SyncedApp(tmux, name, tmux.root / f"{name}.sync").sync()
    sizes = {name: -1 for name in names}
    quiet_since = dict.fromkeys(names, time.monotonic())
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # wait until no pipe has grown for 1 s
        now = time.monotonic()
        for name in names:
            size = (tmux.root / f"{name}.out").stat().st_size
            if size != sizes[name]:
                sizes[name], quiet_since[name] = size, now
        if all(now - t >= 1.0 for t in quiet_since.values()):
            break
        time.sleep(0.1)
    before = {name: (sizes[name], cpu_ticks(tmux, name)) for name in names}
    time.sleep(IDLE_WINDOW)
    after = {
        name: ((tmux.root / f"{name}.out").stat().st_size, cpu_ticks(tmux, name)) for name in names
    }
    for name in names:
        tmux.run("kill-session", "-t", name)
    return {
        screen: (
            after[name][0] - before[name][0],
            after[name][1] - before[name][1],
            before[name][0],
        )
        for name, screen in names.items()
    }


@pytest.mark.parametrize("screen", list(IDLE_SCREENS))
def test_idle_screens_write_nothing(idle: dict[str, tuple[int, int, int]], screen: str) -> None:
    written, ticks, drawn = idle[screen]
    assert drawn > 1000, "pipe-pane saw no first frame"
    assert written == 0, f"{screen}: {written} bytes in {IDLE_WINDOW} s of idle"
    assert ticks <= 5, f"{screen}: {ticks * 10} ms cpu in {IDLE_WINDOW} s of idle"
