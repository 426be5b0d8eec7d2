"""rnntui.storage: private dirs, atomic writes with .bak, the side lock, corrupt-file recovery."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from rnntui import storage

V = 1


def ok(data: dict[str, Any]) -> bool:
    return isinstance(data.get("items"), dict)


def doc(**items: Any) -> dict[str, Any]:
    return {"schema_version": V, "items": dict(items)}


@pytest.fixture
def target(tmp_path: Path) -> Path:
    return tmp_path / "state" / "progress.json"


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_modes_with_umask_022(target: Path) -> None:
    old = os.umask(0o022)
    try:
        storage.atomic_write_json(target, doc(a=1))
        storage.atomic_write_json(target, doc(a=2))
    finally:
        os.umask(old)
    assert mode(target.parent) == 0o700
    assert mode(target) == 0o600
    assert mode(storage.backup_path(target)) == 0o600


def test_existing_open_dir_is_tightened(target: Path) -> None:
    target.parent.mkdir(mode=0o755)
    os.chmod(target.parent, 0o755)
    storage.atomic_write_json(target, doc())
    assert mode(target.parent) == 0o700


def test_bak_keeps_previous_version(target: Path) -> None:
    storage.atomic_write_json(target, doc(a=1))
    storage.atomic_write_json(target, doc(a=2))
    assert json.loads(target.read_text())["items"] == {"a": 2}
    assert json.loads(storage.backup_path(target).read_text())["items"] == {"a": 1}


def test_symlinked_file_is_refused(target: Path, tmp_path: Path) -> None:
    real = tmp_path / "elsewhere.json"
    real.write_text(json.dumps(doc(a=1)))
    target.parent.mkdir()
    target.symlink_to(real)
    with pytest.raises(storage.UnsafePathError):
        storage.load_json(target, schema_version=V, validate=ok)
    with pytest.raises(storage.UnsafePathError):
        storage.atomic_write_json(target, doc(a=2))
    assert json.loads(real.read_text())["items"] == {"a": 1}


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_foreign_file_is_refused(target: Path) -> None:
    storage.atomic_write_json(target, doc(a=1))
    os.chown(target, 12345, 12345)
    with pytest.raises(storage.UnsafePathError):
        storage.load_json(target, schema_version=V, validate=ok)


def test_failed_write_leaves_old_file(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    storage.atomic_write_json(target, doc(a=1))
    before = target.read_bytes()

    def half_then_fail(fd: int, payload: bytes) -> None:
        os.write(fd, payload[: len(payload) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage, "_write_all", half_then_fail)
    with pytest.raises(OSError):
        storage.atomic_write_json(target, doc(a=2, b=3))
    assert target.read_bytes() == before
    assert not list(target.parent.glob("*.tmp"))


def test_failed_replace_leaves_old_file(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    storage.atomic_write_json(target, doc(a=1))
    before = target.read_bytes()
    real_replace = os.replace

    def fail_on_target(src: Any, dst: Any) -> None:
        if Path(dst) == target:
            raise OSError("interrupted")
        real_replace(src, dst)

    monkeypatch.setattr(storage.os, "replace", fail_on_target)
    with pytest.raises(OSError):
        storage.atomic_write_json(target, doc(a=2))
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert not list(target.parent.glob("*.tmp"))


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from rnntui import storage
    target = Path(sys.argv[1])
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        storage.atomic_write_json(target, {"schema_version": 1, "n": n, "pad": "x" * 200_000,
                                           "items": {str(i): i for i in range(n % 500)}})
        if n == 1:
            print("saved", flush=True)
    """
)


@pytest.mark.parametrize("delay", [0.05, 0.13, 0.31])
def test_kill_9_mid_write_leaves_a_whole_file(target: Path, delay: float) -> None:
    storage.atomic_write_json(target, doc(a=1))
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    assert proc.stdout.readline().strip() == "saved"  # a state, however busy the machine is
    time.sleep(delay)  # not a wait: where in the next saves the kill lands
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    loaded = storage.load_json(target, schema_version=V, validate=ok)
    assert loaded.notices == []
    assert loaded.data is not None
    n = loaded.data.get("n", 0)
    assert n > 0, "the writer never finished a save; the kill did not test anything"
    assert len(loaded.data["items"]) == n % 500
    bak = json.loads(storage.backup_path(target).read_text())
    assert ok(bak)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b'{"schema_version": 1, "items": {"a": ', "corrupt"),
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\xff\xfe garbage", "corrupt"),
        (b"[1, 2, 3]", "wrong-shape"),
        (b'{"items": {}}', "wrong-shape"),
        (b'{"schema_version": "1", "items": {}}', "wrong-shape"),
        (b'{"schema_version": 1, "items": []}', "wrong-shape"),
        (b'{"schema_version": 99, "items": {}}', "newer"),
    ],
)
def test_bad_file_is_quarantined(target: Path, content: bytes, problem: str) -> None:
    target.parent.mkdir()
    target.write_bytes(content)
    loaded = storage.load_json(target, schema_version=V, validate=ok)
    assert loaded.data is None
    assert [n.kind for n in loaded.notices] == [problem, "fresh"]
    moved = loaded.notices[0].moved_to
    assert moved is not None and moved.name.startswith("progress.json.corrupt-")
    assert moved.read_bytes() == content
    assert not target.exists()


def test_bad_file_falls_back_to_bak(target: Path) -> None:
    storage.atomic_write_json(target, doc(a=1))
    storage.atomic_write_json(target, doc(a=2))
    target.write_bytes(b'{"schema_version": 1, "ite')
    loaded = storage.load_json(target, schema_version=V, validate=ok)
    assert loaded.data == doc(a=1)
    assert [n.kind for n in loaded.notices] == ["corrupt", "restored"]
    assert json.loads(target.read_text()) == doc(a=1)
    assert len(list(target.parent.glob("progress.json.corrupt-*"))) == 1


def test_two_quarantines_in_one_second_keep_both(target: Path) -> None:
    target.parent.mkdir()
    for content in (b"{", b"["):
        target.write_bytes(content)
        storage.load_json(target, schema_version=V, validate=ok)
    moved = sorted(p.read_bytes() for p in target.parent.glob("progress.json.corrupt-*"))
    assert moved == [b"[", b"{"]


def test_update_json_repairs_then_writes(target: Path) -> None:
    target.parent.mkdir()
    target.write_bytes(b"")
    new, notices = storage.update_json(
        target, lambda cur: doc(seen=cur is None), schema_version=V, validate=ok
    )
    assert new == doc(seen=True)
    assert [n.kind for n in notices] == ["empty", "fresh"]
    assert json.loads(target.read_text()) == new


def test_lock_busy_raises_after_timeout(target: Path) -> None:
    storage.atomic_write_json(target, doc())
    held = threading.Event()
    release = threading.Event()

    def holder() -> None:
        with storage.locked(target):
            held.set()
            release.wait(5)

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(5)
    start = time.monotonic()
    try:
        with pytest.raises(storage.LockBusyError):
            storage.update_json(
                target, lambda cur: doc(), schema_version=V, validate=ok, timeout=0.3
            )
    finally:
        release.set()
        thread.join()
    assert 0.25 < time.monotonic() - start < 3
    assert mode(storage.lock_path(target)) == 0o600 or not storage.lock_path(target).exists()


def test_stale_temp_files_are_removed(target: Path) -> None:
    storage.atomic_write_json(target, doc())
    stale = target.parent / ".progress.json.abc123.tmp"
    stale.write_bytes(b"half")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = target.parent / ".progress.json.def456.tmp"
    fresh.write_bytes(b"in flight")
    storage.update_json(target, lambda cur: doc(), schema_version=V, validate=ok)
    assert not stale.exists()
    assert fresh.exists()


COUNTER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from rnntui import storage
    target, tag = Path(sys.argv[1]), sys.argv[2]
    def add(i):
        def change(cur):
            cur = cur or {"schema_version": 1, "items": {}}
            cur["items"][f"{tag}-{i}"] = i
            return cur
        return change
    for i in range(300):
        storage.update_json(target, add(i), schema_version=1,
                            validate=lambda d: isinstance(d.get("items"), dict), timeout=30)
    """
)


def test_two_processes_lose_nothing(target: Path) -> None:
    procs = [subprocess.Popen([sys.executable, "-c", COUNTER, str(target), tag]) for tag in "ab"]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    items = json.loads(target.read_text())["items"]
    assert len(items) == 600


def test_bad_file_while_another_session_holds_the_lock(target: Path) -> None:
    target.parent.mkdir()
    target.write_bytes(b"{")
    with storage.locked(target):
        result: list[storage.Loaded] = []
        thread = threading.Thread(
            target=lambda: result.append(
                storage.load_json(target, schema_version=V, validate=ok, timeout=0.2)
            )
        )
        thread.start()
        thread.join()
    assert result[0].data is None
    assert [n.kind for n in result[0].notices] == ["busy"]
    assert target.read_bytes() == b"{", "nothing is moved without the lock"
