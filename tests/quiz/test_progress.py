"""Progress: records, merge by timestamp, reset, damaged files, symlinks, lock contention, two
processes, and a writer killed mid-save."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from rnntui import paths, storage
from rnntui.content.model import Lesson
from rnntui.quiz.progress import ProgressStore, merge_items, valid_document, valid_record
from rnntui.quiz.session import open_session
from rnntui.quiz.strings import t

from .helpers import any_answer

T0 = datetime(2030, 1, 1, 12, 0, tzinfo=timezone.utc)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def reload() -> ProgressStore:
    return ProgressStore().load()


def test_record_and_reload() -> None:
    store = ProgressStore().load()
    assert store.path == paths.progress_path()
    store.record("lstm/a", "lstm", True, at(0))
    store.record("lstm/a", "lstm", False, at(10))
    store.record("gen/params-lstm", "units", True, at(11))
    items = reload().items
    assert items["lstm/a"]["reviews"] == 2 and items["lstm/a"]["correct"] == 1
    assert items["lstm/a"]["lesson"] == "lstm"
    assert items["lstm/a"]["last_answered"] == at(10).isoformat()
    assert items["gen/params-lstm"]["card"]["card_id"] > 0
    data = json.loads(paths.progress_path().read_text())
    assert data["schema_version"] == 1
    assert valid_document(data)


def test_two_stores_merge_instead_of_overwriting() -> None:
    a, b = ProgressStore().load(), ProgressStore().load()
    a.record("lstm/x", "lstm", True, at(1))
    b.record("lstm/y", "lstm", True, at(2))
    a.record("lstm/x", "lstm", True, at(3))
    b.record("lstm/x", "lstm", False, at(4))
    items = reload().items
    assert set(items) == {"lstm/x", "lstm/y"}
    assert items["lstm/x"]["reviews"] == 3 and items["lstm/x"]["correct"] == 2
    assert b.items == items


def test_answer_stamped_before_the_saved_one_is_not_lost() -> None:
    a, b = ProgressStore().load(), ProgressStore().load()
    a.record("lstm/x", "lstm", True, at(1))
    b.record("lstm/x", "lstm", True, at(6))
    a.record("lstm/x", "lstm", False, at(5))  # stamped earlier, saved later (lock race)
    b.record("lstm/y", "lstm", True, at(7))  # b's memory still has x at reviews 2
    x = reload().items["lstm/x"]
    assert x["reviews"] == 3 and x["correct"] == 2
    assert x["last_answered"] == at(6).isoformat()


def test_merge_prefers_the_later_answer() -> None:
    store = ProgressStore().load()
    store.record("a/1", "a", True, at(1))
    old = dict(store.items)
    store.record("a/1", "a", False, at(2))
    new = dict(store.items)
    assert merge_items(old, new)["a/1"] == new["a/1"]
    assert merge_items(new, old)["a/1"] == new["a/1"]


def test_reset_is_not_undone_by_a_stale_session() -> None:
    stale = ProgressStore().load()
    stale.record("a/1", "a", True, at(1))
    resetter = ProgressStore().load()
    kept = resetter.reset(at(2))
    assert reload().items == {}
    stale.record("a/2", "a", True, at(3))
    assert set(reload().items) == {"a/2"}
    assert kept is not None and kept.name == "progress.json.reset-20300101T120200Z"
    assert set(json.loads(kept.read_text())["items"]) == {"a/1"}
    assert ProgressStore().load().reset(at(4)) is not None
    assert ProgressStore().load().reset(at(5)) is None


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b'{"schema_version": 1, "items": {"a/1": {"card"', "corrupt"),
        (b"", "empty"),
        (b'{"schema_version": 1, "items": [1, 2]}', "wrong-shape"),
        (b'{"schema_version": 1, "items": {"a/1": {"reviews": 1}}}', "wrong-shape"),
        (b'{"schema_version": 2, "items": {}}', "newer"),
    ],
)
def test_damaged_file_is_moved_aside_and_the_quiz_runs(
    content: bytes, kind: str, lessons: list[Lesson]
) -> None:
    path = paths.progress_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    store = ProgressStore().load()
    assert [n.kind for n in store.notices] == [kind, "fresh"]
    session = open_session(
        lessons=lessons, lang="en", count=2, seed=1, store=store, generated=False
    )
    assert any("moved to" in n for n in session.notices)
    verdict = session.answer(any_answer(session.next_question()))
    assert verdict.graded and verdict.save_error is None
    assert len(reload().items) == 1
    (moved,) = path.parent.glob("progress.json.corrupt-*")
    assert moved.read_bytes() == content


def test_damaged_file_falls_back_to_the_backup() -> None:
    store = ProgressStore().load()
    store.record("a/1", "a", True, at(1))
    store.record("a/2", "a", True, at(2))
    paths.progress_path().write_bytes(b"{")
    again = ProgressStore().load()
    assert [n.kind for n in again.notices] == ["corrupt", "restored"]
    assert set(again.items) == {"a/1"}


def test_symlinked_progress_is_refused_but_the_quiz_runs(
    tmp_path: Path, lessons: list[Lesson]
) -> None:
    target = tmp_path / "someone-elses.json"
    target.write_text('{"schema_version": 1, "items": {}}')
    path = paths.progress_path()
    path.parent.mkdir(parents=True)
    path.symlink_to(target)
    store = ProgressStore().load()
    assert store.unsafe and "symbolic link" in store.unsafe
    session = open_session(lessons=lessons, lang="ko", count=1, store=store, generated=False)
    assert any(n.startswith(t("unsafe", "ko", error="")[:10]) for n in session.notices)
    assert session.answer(any_answer(session.next_question())).graded
    assert target.read_text() == '{"schema_version": 1, "items": {}}'
    assert path.is_symlink()


def test_busy_lock_does_not_crash_says_so_and_retries(lessons: list[Lesson]) -> None:
    store = ProgressStore(timeout=0.2).load()
    session = open_session(lessons=lessons, lang="en", count=2, store=store, generated=False)
    held, release = threading.Event(), threading.Event()

    def holder() -> None:
        with storage.locked(paths.progress_path()):
            held.set()
            release.wait(10)

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(5)
    try:
        verdict = session.answer(any_answer(session.next_question()))
    finally:
        release.set()
        thread.join()
    assert verdict.graded
    assert verdict.save_error == "another rnntui session is active; this answer was not saved"
    assert session.answer(any_answer(session.next_question())).save_error is None
    assert len(reload().items) == 2, "the refused answer is saved with the next one"
    assert store.pending == []


def test_record_validation() -> None:
    store = ProgressStore().load()
    store.record("a/1", "a", True, at(1))
    good = store.items["a/1"]
    assert valid_record(good)
    assert not valid_record({**good, "correct": 5})
    assert not valid_record({**good, "reviews": True})
    assert not valid_record({**good, "last_answered": "soon"})
    assert not valid_record({**good, "lesson": 3})


ANSWERER = textwrap.dedent(
    """
    import sys
    from datetime import datetime, timezone
    from rnntui.quiz.progress import ProgressStore
    tag, n = sys.argv[1], int(sys.argv[2])
    store = ProgressStore(timeout=60).load()
    for i in range(n):
        store.record(f"lesson{i % 20 % 7}/item{i % 20}", f"lesson{i % 20 % 7}", i % 3 != 0,
                     datetime.now(timezone.utc))
    print("done", tag, flush=True)
    """
)


def test_two_processes_answering_300_each_keep_all_600() -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", ANSWERER, tag, "300"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in "ab"
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    items = reload().items
    assert sum(r["reviews"] for r in items.values()) == 600
    assert sum(r["correct"] for r in items.values()) == 2 * 200
    assert len(items) == 20


KILLED = textwrap.dedent(
    """
    from datetime import datetime, timezone
    from rnntui.quiz.progress import ProgressStore
    store = ProgressStore(timeout=60).load()
    store.record("warm/up", "warm", True, datetime.now(timezone.utc))
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        store.record(f"l/{i % 400}", "l", True, datetime.now(timezone.utc))
    """
)


@pytest.mark.parametrize("delay", [0.1, 0.37, 0.8])
def test_kill_9_while_saving_leaves_a_readable_file(delay: float) -> None:
    proc = subprocess.Popen([sys.executable, "-c", KILLED], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    store = ProgressStore().load()
    assert store.notices == [] and store.unsafe is None
    assert "warm/up" in store.items
    assert sum(r["reviews"] for r in store.items.values()) >= 1
    store.record("after/kill", "after", True, datetime.now(timezone.utc))
    assert "after/kill" in reload().items


def test_failed_save_keeps_the_previous_file_and_the_quiz_goes_on(
    lessons: list[Lesson], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ProgressStore().load()
    store.record("units/lstm32", "units", True, at(0))
    before = paths.progress_path().read_bytes()

    def disk_full(fd: int, payload: bytes) -> None:
        os.write(fd, payload[:100])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage, "_write_all", disk_full)
    session = open_session(lessons=lessons, lang="en", count=2, store=store, generated=False)
    verdict = session.answer(any_answer(session.next_question()))
    assert verdict.graded and verdict.save_error is not None
    assert "No space left on device" in verdict.save_error
    assert paths.progress_path().read_bytes() == before
    assert session.next_question() is not None
