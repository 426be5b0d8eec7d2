"""Run many generated scripts in ONE Python process (importing Keras costs seconds).

Usage: ``python runner.py SCRIPT...``. Each script is exec()'d in a fresh namespace with its
output captured; one JSON line per script is printed: ``{"path", "ok", "out", "error"}``.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import traceback


def run(path: str) -> dict[str, object]:
    """exec() the script at ``path``; ok is False if it raised."""
    out = io.StringIO()
    error = ""
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(source, path, "exec"), {"__name__": "__main__", "__file__": path})
    except BaseException:  # report every failure, keep going
        error = traceback.format_exc(limit=3)
    return {"path": path, "ok": not error, "out": out.getvalue(), "error": error}


def main(paths: list[str]) -> int:
    """Run every script and print one JSON line each."""
    for path in paths:
        sys.__stdout__.write(json.dumps(run(path)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
