"""entry.end_process: the app's exit code, exit handlers run, streams flushed; the
interpreter's teardown is skipped only when no other thread runs (issue 16, quit time)."""

from __future__ import annotations

import subprocess
import sys

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


def test_a_running_thread_is_waited_for() -> None:
    done = run("thread")
    assert done.returncode == 3
    lines = done.stdout.splitlines()
    assert "thread finished" in lines and "handler ran" in lines and "not reached" not in lines
