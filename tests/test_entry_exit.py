"""The start path's process settings (issue 16): entry.end_process keeps the app's exit code,
runs the exit handlers and flushes the streams, skipping the interpreter's teardown only when
no other thread runs (quit time); one BLAS thread is set before NumPy is imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import atexit, sys, threading, time
from rnntui.entry import end_process
atexit.register(lambda: print("handler ran", flush=True))
sys.stdout.write("unflushed line\\n")  # block-buffered: a pipe
if sys.argv[1] == "thread":
    def work():
        time.sleep(0.2)
        print("thread finished")
    threading.Thread(target=work).start()
if sys.argv[1] == "stuck":  # Textual's input thread after a lost terminal: never ends
    import rnntui.entry
    rnntui.entry.THREAD_GRACE = 0.3
    threading.Thread(target=threading.Event().wait).start()
end_process(3)
print("not reached")
"""


def run(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, timeout=60
    )


def test_exit_code_handlers_and_buffered_output_survive() -> None:
    done = run("alone")
    assert done.returncode == 3
    assert done.stdout.splitlines() == ["unflushed line", "handler ran"]
    assert done.stderr == ""


def test_a_thread_that_never_ends_does_not_keep_the_process() -> None:
    """A non-daemon thread stuck for good (seen: Textual's input thread napping on a dead
    terminal) used to keep the process alive forever in the interpreter's exit."""
    done = run("stuck")
    assert done.returncode == 3
    assert done.stdout.splitlines() == ["unflushed line", "handler ran"]


def test_a_running_thread_is_waited_for() -> None:
    done = run("thread")
    assert done.returncode == 3
    lines = done.stdout.splitlines()
    assert "thread finished" in lines and "handler ran" in lines and "not reached" not in lines


def test_the_start_path_sets_one_blas_thread_before_numpy() -> None:
    """launch sets OPENBLAS_NUM_THREADS (a default) before anything imports NumPy: nothing the
    start path imports up to the app itself pulls NumPy in."""
    code = (
        "import sys\n"
        "import rnntui.entry, rnntui.launch, rnntui.settings, rnntui.paths\n"
        "import rnntui.content.language, rnntui.terminal_guard\n"
        "assert 'numpy' not in sys.modules, 'NumPy before the BLAS setting'\n"
        "import inspect\n"
        "source = inspect.getsource(rnntui.launch._run)\n"
        "assert source.index('OPENBLAS_NUM_THREADS') < source.index('import RnnTuiApp')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


BLAS_PROBE = """
import atexit, sys
from threadpoolctl import threadpool_info
def report():
    blas = [i["num_threads"] for i in threadpool_info() if i.get("user_api") == "blas"]
    print("BLAS", blas, file=sys.stderr)
atexit.register(report)
sys.argv = ["rnntui", *sys.argv[1:]]
from rnntui.entry import main
main()
"""


def test_every_command_runs_numpy_on_one_blas_thread(tmp_path: Path) -> None:
    """Not only the app: ``rnntui summary`` (and the plain quiz, through the same entry point)
    import NumPy with one BLAS thread unless the user chose otherwise."""
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    env["RNNTUI_STATE_DIR"] = str(tmp_path)

    def summary() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", BLAS_PROBE, "summary", "Input(5, 3) LSTM(2)"],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )

    done = summary()
    assert done.returncode == 0, done.stderr
    assert "BLAS [1]" in done.stderr
    env["OPENBLAS_NUM_THREADS"] = "2"  # the user's value stays
    assert "BLAS [2]" in summary().stderr
