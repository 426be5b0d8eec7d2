"""``rnntui inspect`` without a terminal: the file's summary (as ``rnntui summary``), the note
that the step-by-step view needs one, exit 2; a bad file: the loader's message, exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from rnntui.nn.spec import parse_spec

SPEC = "Input(5) Embedding(12,4) LSTM(3) Dense(2)"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "rnntui", "inspect", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_without_a_terminal_it_prints_the_summary_and_exits_2(tmp_path: Path) -> None:
    model = parse_spec(SPEC)
    np.savez(tmp_path / "m.npz", *model.get_weights())
    done = _run(str(tmp_path / "m.npz"), "--spec", SPEC, "--vocab", str(tmp_path / "none.txt"))
    assert done.returncode == 2
    assert "embedding (Embedding)" in done.stdout and "lstm (LSTM)" in done.stdout
    total = 12 * 4 + 4 * 3 * (4 + 3 + 1) + 3 * 2 + 2  # Embedding, LSTM, Dense by hand
    assert f"Total params: {total:,}" in done.stdout
    assert "needs" not in done.stdout and "ssh -t HOST rnntui inspect FILE" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_bad_file_gets_the_message_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.keras"
    bad.write_bytes(b"PK\x03\x04 truncated")
    done = _run(str(bad))
    assert done.returncode == 2
    assert "error: bad.keras is not a zip archive" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_loaders_message_is_said_in_korean_too(tmp_path: Path) -> None:
    from rnntui.nn.loading import LoadError, load_model

    bad = tmp_path / "bad.keras"
    bad.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(LoadError) as caught:
        load_model(bad)
    korean = caught.value.text("ko")
    assert korean != caught.value.text("en") and "bad.keras" in korean
    done = _run(str(bad))
    lines = done.stderr.splitlines()
    assert lines[0] == f"error: {caught.value.text('en')}"
    assert lines[1] == f"오류: {korean}"  # the no-tty messages are in both languages


def test_a_file_that_did_not_load_is_not_called_a_summary(tmp_path: Path) -> None:
    bad = tmp_path / "bad.keras"
    bad.write_bytes(b"PK\x03\x04 truncated")
    done = _run(str(bad))
    assert done.returncode == 2
    assert done.stdout.strip() == ""  # nothing but the message was printed ...
    assert "above is the summary" not in done.stderr  # ... so no "summary above"
    assert "could not open this file: the reason is above" in done.stderr
    assert "needs a terminal" in done.stderr
