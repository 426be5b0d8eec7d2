"""A broken or hostile progress file, export or stdin (issue 18, items 5, 6, 11, 18, 19, 21):
each bad record costs only itself, nothing crashes, nothing is read without bounds."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from rnntui import paths, storage
from rnntui.content.model import Lesson, QuizItem
from rnntui.quiz import progress
from rnntui.quiz.plain import MAX_LINE, read_line, run_plain
from rnntui.quiz.progress import ProgressStore, read_export, record_problem
from rnntui.quiz.session import open_session

T0 = datetime(2030, 1, 1, 12, 0, tzinfo=timezone.utc)


def lessons() -> list[Lesson]:
    """One lesson with three numeric items (answers 1, 2, 3)."""
    items = tuple(
        QuizItem(id=f"n{k}", type="numeric", question=f"Type {k}", answer=k) for k in (1, 2, 3)
    )
    return [
        Lesson(
            id="lstm",
            order=1,
            lang="en",
            title="LSTM",
            panel="lstm",
            topics=("lstm",),
            body="x",
            quiz=items,
        )
    ]


def good_record() -> dict[str, Any]:
    store = ProgressStore(Path(os.environ["RNNTUI_STATE_DIR"]) / "scratch.json").load()
    store.record("lstm/n1", "lstm", True, T0)
    return store.items["lstm/n1"]


def write_progress(items: dict[str, Any], **extra: Any) -> Path:
    path = paths.progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"schema_version": 1, "items": items, **extra}))
    return path


def rnntui(
    *args: str, stdin: Any = subprocess.DEVNULL, **kw: Any
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rnntui", *args],
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        **kw,
    )


# --- item 5: a deeply nested file is corrupt, not a crash --------------------------------------


def test_deeply_nested_progress_file_is_quarantined() -> None:
    path = write_progress({})
    path.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    for command in ("progress", "quiz"):
        result = (
            rnntui(command, "--plain", "--lang", "en")
            if command == "quiz"
            else rnntui(command, "--lang", "en")
        )
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert len(list(path.parent.glob("progress.json.corrupt-*"))) == 1
    assert [n.kind for n in ProgressStore().load().notices] == []


def test_oversized_progress_file_is_set_aside_unread() -> None:
    path = write_progress({})
    with path.open("ab") as handle:
        handle.write(b" " * (storage.MAX_DOCUMENT_BYTES + 1))
    assert [n.kind for n in ProgressStore().load().notices] == ["wrong-shape", "fresh"]


# --- item 6: every card field validated on load and import -------------------------------------

BAD_FIELDS = [
    ("card", "state", 99),
    ("card", "state", "2"),
    ("card", "stability", "abc"),
    ("card", "stability", float("inf")),
    ("card", "difficulty", "hard"),
    ("card", "difficulty", 99.0),
    ("card", "step", -1),
    ("card", "card_id", True),
    ("card", "due", "9999-12-31T23:59:59+00:00"),
    ("card", "last_review", "9999-12-31T23:59:59+00:00"),
    (None, "last_answered", "9999-12-31T23:59:59+00:00"),
    (None, "reviews", 10**30),
    (None, "lesson", ["x"]),
]


@pytest.mark.parametrize(
    ("where", "key", "value"), BAD_FIELDS, ids=[f"{k}={v!r}"[:30] for _, k, v in BAD_FIELDS]
)
def test_bad_field_is_skipped_and_the_quiz_runs(where: str | None, key: str, value: Any) -> None:
    bad = good_record()
    (bad["card"] if where else bad)[key] = value
    assert record_problem(bad) is not None
    write_progress({"lstm/n1": bad, "lstm/n2": good_record()})
    store = ProgressStore().load()
    assert set(store.items) == {"lstm/n2"} and [s.item_id for s in store.skipped] == ["lstm/n1"]
    session = open_session(
        lessons=lessons(), lang="en", count=3, seed=1, store=store, generated=False
    )
    while (question := session.next_question()) is not None:
        verdict = session.answer(question.id[-1])
        assert verdict.correct and verdict.save_error is None
    assert set(ProgressStore().load().items) == {"lstm/n1", "lstm/n2", "lstm/n3"}


def test_plain_quiz_says_which_records_were_skipped() -> None:
    bad = good_record()
    bad["card"]["state"] = 99
    write_progress({"lstm/n1": bad, "lstm/n2": good_record()})
    result = rnntui("quiz", "--plain", "--count", "1", "--lang", "en")
    said = " ".join(result.stdout.split())
    assert result.returncode == 0 and "Skipped 1 unusable record(s)" in said, said
    assert "lstm/n1 (state is not 1, 2 or 3)" in said


def test_reset_at_in_year_9999_is_a_damaged_file() -> None:
    write_progress({}, reset_at="9999-12-31T23:59:59+00:00")
    assert [n.kind for n in ProgressStore().load().notices] == ["wrong-shape", "fresh"]


def test_import_reports_and_skips_bad_records(tmp_path: Path) -> None:
    good, bad = good_record(), good_record()
    bad["card"]["state"] = 99
    export = tmp_path / "export.json"
    export.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "items": {
                    "lstm/n1": good,
                    "lstm/bad": bad,
                    "lstm/\x1b]0;PWN\x07": {**good, "lesson": "\x1b[2J"},
                },
            }
        )
    )
    result = rnntui("progress", "--import", str(export), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "Merged 2 item(s)" in result.stdout
    assert "Skipped 1 unusable record(s)" in result.stderr and "lstm/bad" in result.stderr
    shown = rnntui("progress", "--lang", "en")
    assert "\x1b" not in shown.stdout + shown.stderr and "\x07" not in shown.stdout
    assert len(ProgressStore().load().items) == 2


def test_a_save_error_of_any_kind_is_could_not_save(monkeypatch: pytest.MonkeyPatch) -> None:
    store = ProgressStore().load()
    session = open_session(lessons=lessons(), lang="en", count=1, store=store, generated=False)

    def overflow(*_args: Any) -> None:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(store, "record", overflow)
    verdict = session.answer(session.next_question().id[-1])  # type: ignore[union-attr]
    assert verdict.graded and verdict.save_error and "could not be saved" in verdict.save_error


# --- item 11: bounded input -------------------------------------------------------------------


def test_quiz_plain_from_dev_zero_is_bounded() -> None:
    with open("/dev/zero", "rb") as zero:
        result = rnntui("quiz", "--plain", "--count", "2", "--lang", "en", stdin=zero)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.rstrip().endswith("Score: 0/0")


def test_five_thousand_digit_answer_is_refused() -> None:
    script = "9" * 5000 + "\n"
    result = rnntui(
        "quiz", "--plain", "--count", "1", "--lang", "en", "--seed", "1", input=script, stdin=None
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.stdout.rstrip().endswith("Score: 0/0")


def test_closed_stdin_ends_the_quiz() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rnntui", "quiz", "--plain", "--count", "1", "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=lambda: os.close(0),
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.stdout.rstrip().endswith("Score: 0/0")


@pytest.mark.parametrize(
    "text", ["x" * (MAX_LINE + 1) + "\n", "\x00" * 3_000_000], ids=["long-line", "no-newline"]
)
def test_read_line_is_bounded(text: str) -> None:
    stream = io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8")
    line = read_line(stream)
    assert line is None or len(line) <= MAX_LINE + 1


def test_huge_count_is_refused() -> None:
    result = rnntui("quiz", "--plain", "--count", "100000000", "--lang", "en")
    assert result.returncode == 2


def test_import_refuses_fifo_and_devices(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for source in (fifo, Path("/dev/zero"), tmp_path):
        result = rnntui("progress", "--import", str(source), "--lang", "en")
        said = " ".join(result.stderr.split())
        assert result.returncode == 1 and "Cannot import" in said, said
        assert "not a regular file" in said or "directory" in said.lower()


# --- item 18: a busy lock keeps the answer for the next save -----------------------------------


def test_busy_answer_is_saved_with_the_next_one() -> None:
    store = ProgressStore(timeout=0.2).load()
    held, release = threading.Event(), threading.Event()

    def holder() -> None:
        with storage.locked(paths.progress_path()):
            held.set()
            release.wait(10)

    thread = threading.Thread(target=holder)
    thread.start()
    assert held.wait(5)
    try:
        with pytest.raises(storage.LockBusyError):
            store.record("lstm/n1", "lstm", True, T0)
    finally:
        release.set()
        thread.join()
    assert len(store.pending) == 1
    store.record("lstm/n2", "lstm", False, T0 + timedelta(minutes=1))
    assert set(ProgressStore().load().items) == {"lstm/n1", "lstm/n2"} and not store.pending


def test_plain_quiz_flushes_a_pending_answer_at_the_end(monkeypatch: pytest.MonkeyPatch) -> None:
    store = ProgressStore().load()
    session = open_session(lessons=lessons(), lang="en", count=1, store=store, generated=False)
    real = storage.update_json
    calls = []

    def busy_once(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise storage.LockBusyError("busy")
        return real(*args, **kwargs)

    monkeypatch.setattr(storage, "update_json", busy_once)
    out = io.StringIO()
    code = run_plain(session, Console(file=out, width=100), io.StringIO("1\n2\n3\n"))
    assert code == 0 and re.search(r"Score: [01]/1$", out.getvalue().rstrip())
    assert len(calls) == 2 and len(ProgressStore().load().items) == 1


# --- item 19: import and store size are capped -------------------------------------------------


def test_import_over_the_item_cap_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = good_record()
    export = tmp_path / "big.json"
    items = {f"gen/x{k}": record for k in range(progress.MAX_ITEMS + 1)}
    export.write_text(json.dumps({"schema_version": 1, "items": items}))
    result = rnntui("progress", "--import", str(export), "--lang", "en")
    assert result.returncode == 1 and "Cannot import" in result.stderr
    assert not paths.progress_path().exists() or len(ProgressStore().load().items) == 0


def test_import_over_the_byte_cap_is_refused_unread(tmp_path: Path) -> None:
    export = tmp_path / "huge.json"
    with export.open("wb") as handle:
        handle.truncate(storage.MAX_DOCUMENT_BYTES + 1)
    with pytest.raises(storage.StorageError, match="MB"):
        read_export(export)


# --- item 21: messages ------------------------------------------------------------------------


def test_failed_reset_does_not_say_the_quiz_goes_on() -> None:
    store = ProgressStore().load()
    store.record("lstm/n1", "lstm", True, T0)
    lock = storage.lock_path(paths.progress_path())
    code = (
        "import fcntl, sys, time\n"
        f"f = open({str(lock)!r}, 'a'); fcntl.flock(f, fcntl.LOCK_EX); print('held', flush=True)\n"
        "sys.stdin.readline()\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        result = rnntui("progress", "--reset", "--yes", "--lang", "en")
    finally:
        holder.communicate("\n", timeout=30)
    assert result.returncode == 1
    assert "was not erased" in result.stderr and "quiz goes on" not in result.stderr


def test_ctrl_c_while_the_quiz_loads_still_prints_the_score() -> None:
    code = (
        "import os, signal, sys\n"
        "from rnntui import entry\n"
        "sys.argv = ['rnntui', 'quiz', '--plain', '--count', '1', '--lang', 'en']\n"
        "import rnntui.content.loader as loader\n"
        "real = loader.load_lessons\n"
        "def interrupted(*a, **k):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    return real(*a, **k)\n"
        "loader.load_lessons = interrupted\n"
        "entry.main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 130, result.stderr[-2000:]
    assert result.stdout.rstrip().endswith("Score: 0/0")
