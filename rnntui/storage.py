"""Crash-safe per-user JSON files: private dirs, atomic writes, a side lock, corrupt-file recovery.

Pure (no Textual, no Rich). The rules, from the shared-machine notes (R-STORE, R-ATOMIC,
R-RECOVER, R-CONCURRENT):

- the directory is chmod 0700 and the file 0600, explicitly (the umask is not trusted); both
  must belong to the current user, and a symlinked data file is refused;
- a write goes to a temp file in the same directory, is fsynced, keeps the previous file as
  ``<name>.bak``, replaces the target with ``os.replace`` and fsyncs the directory;
- a read-modify-write holds ``filelock.FileLock`` on ``<name>.lock`` next to the data, with a
  timeout (``LockBusyError`` if another session holds it for longer);
- an empty, unparsable, wrongly shaped or newer-schema file is moved aside to
  ``<name>.corrupt-<UTC timestamp>`` and ``.bak`` is tried; the caller gets ``Notice`` objects
  to tell the student.

On an NFS mount with ``nolock`` the lock silently does nothing; callers merge per record under
the lock, so such a mount can lose only an answer written in the same instant, never a file.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

SCHEMA_KEY = "schema_version"
MAX_DOCUMENT_BYTES = 8 * 1024 * 1024
"""A document larger than this is not one rnntui wrote: it is set aside unread (a progress
file of 5,000 items is about 2 MB)."""
LOCK_TIMEOUT = 3.0
"""Seconds to wait for another session's lock before giving up on one save."""
_STALE_TMP_SECONDS = 60.0

Validator = Callable[[dict[str, Any]], bool]
Problem = Literal["empty", "corrupt", "wrong-shape", "newer"]


class StorageError(Exception):
    """Base class for storage failures a caller may want to report instead of crashing."""


class UnsafePathError(StorageError):
    """The file or directory is a symlink, not a regular file, or belongs to another user."""


class LockBusyError(StorageError):
    """Another process held the lock for longer than the timeout."""


@dataclass(frozen=True)
class Notice:
    """Something the student should be told about a data file.

    ``kind``: ``empty`` / ``corrupt`` / ``wrong-shape`` / ``newer`` (the file was moved to
    ``moved_to``), ``restored`` (``.bak`` was used), ``fresh`` (nothing usable; starting over),
    ``busy`` (could not repair now, another session holds the lock).
    """

    kind: str
    path: Path
    moved_to: Path | None = None


@dataclass
class Loaded:
    """The result of reading a document: ``data`` is None when there is none."""

    data: dict[str, Any] | None
    notices: list[Notice] = field(default_factory=list)


# --- paths and permissions ---------------------------------------------------------------------


def _owned_by_me(st: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or st.st_uid == getuid()


def _make_dirs(directory: Path) -> None:
    """Create ``directory`` and each missing parent with mode 0700, whatever the umask."""
    missing: list[Path] = []
    here = directory
    while not os.path.lexists(here) and here != here.parent:
        missing.append(here)
        here = here.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            continue
        if os.name == "posix":
            os.chmod(folder, 0o700)


def ensure_private_dir(directory: Path) -> None:
    """Create ``directory`` (missing parents too, all 0700) and make it 0700; refuse a symlink
    or one owned by someone else."""
    _make_dirs(directory)
    lst = os.lstat(directory)
    if stat.S_ISLNK(lst.st_mode):
        raise UnsafePathError(
            f"{directory} is a symbolic link; rnntui refuses to follow it (its target would be "
            "made private); point RNNTUI_STATE_DIR / RNNTUI_CONFIG_DIR at a real folder"
        )
    st = os.stat(directory)
    if not stat.S_ISDIR(st.st_mode):
        raise UnsafePathError(f"{directory} is not a directory")
    if not _owned_by_me(st):
        raise UnsafePathError(f"{directory} belongs to another user")
    if os.name == "posix" and stat.S_IMODE(st.st_mode) != 0o700:
        os.chmod(directory, 0o700)


def check_file(path: Path) -> bool:
    """True if ``path`` exists as our own regular file, False if absent; else UnsafePathError."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(st.st_mode):
        raise UnsafePathError(f"{path} is a symbolic link; rnntui refuses to follow it")
    if not stat.S_ISREG(st.st_mode):
        raise UnsafePathError(f"{path} is not a regular file")
    if not _owned_by_me(st):
        raise UnsafePathError(f"{path} belongs to another user")
    return True


def backup_path(path: Path) -> Path:
    """``<name>.bak`` next to ``path``."""
    return path.with_name(path.name + ".bak")


def lock_path(path: Path) -> Path:
    """``<name>.lock`` next to ``path``."""
    return path.with_name(path.name + ".lock")


# --- writing -----------------------------------------------------------------------------------


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":  # pragma: no cover - Windows cannot open a directory
        return
    fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse fsync on a directory
        pass
    finally:
        os.close(fd)


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _write_temp(directory: Path, name: str, payload: bytes) -> Path:
    """Write ``payload`` to a fsynced 0600 temp file in ``directory``; return its path."""
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
        _write_all(fd, payload)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    os.close(fd)
    return Path(tmp)


def clear_side_file(side: Path) -> Notice | None:
    """A ``.bak`` or ``.lock`` that is a symlink or not a regular file would block every save:
    move it aside to ``<name>.corrupt-<time>`` and say so (a foreign regular file still raises)."""
    try:
        check_file(side)
    except UnsafePathError:
        st = os.lstat(side)
        if not stat.S_ISLNK(st.st_mode) and stat.S_ISREG(st.st_mode):
            raise
        return Notice("corrupt", side, quarantine(side))
    return None


def _keep_backup(path: Path) -> list[Notice]:
    """Make ``<name>.bak`` a copy of the current ``path`` (a hard link when possible)."""
    bak = backup_path(path)
    cleared = clear_side_file(bak)
    tmp = path.with_name(f".{path.name}.bak-{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)
    try:
        os.link(path, tmp)
    except OSError:
        tmp = _write_temp(path.parent, path.name, path.read_bytes())
    os.replace(tmp, bak)
    return [cleared] if cleared else []


def encode_json(data: Any) -> bytes:
    """The bytes rnntui writes for ``data``: UTF-8 JSON, one key per line."""
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def atomic_write_json(
    path: Path, data: Any, *, backup: bool = True, private: bool = True
) -> list[Notice]:
    """Replace ``path`` with ``data`` atomically; the old file survives any failure.

    ``private`` makes the directory 0700 (for rnntui's own dirs; not for ``--export FILE``).
    Returns notices about side files moved aside (a symlinked ``.bak``).
    """
    notices: list[Notice] = []
    payload = encode_json(data)
    directory = path.parent
    if private:
        ensure_private_dir(directory)
    exists = check_file(path)
    tmp = _write_temp(directory, path.name, payload)
    try:
        if backup and exists:
            notices += _keep_backup(path)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(directory)
    return notices


def _remove_stale_temps(path: Path) -> None:
    """Delete temp files left behind by a writer that was killed (older than a minute)."""
    now = time.time()
    for tmp in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            st = os.lstat(tmp)
            if stat.S_ISREG(st.st_mode) and now - st.st_mtime > _STALE_TMP_SECONDS:
                os.unlink(tmp)


# --- locking -----------------------------------------------------------------------------------


@contextlib.contextmanager
def locked(
    path: Path, timeout: float = LOCK_TIMEOUT, notices: list[Notice] | None = None
) -> Iterator[None]:
    """Hold the exclusive side lock of ``path``; LockBusyError after ``timeout`` seconds.

    A stale ``.lock`` symlink is moved aside (a notice is appended to ``notices``)."""
    import filelock

    ensure_private_dir(path.parent)
    side = lock_path(path)
    cleared = clear_side_file(side)
    if cleared is not None and notices is not None:
        notices.append(cleared)
    lock = filelock.FileLock(side, timeout=timeout, mode=0o600, thread_local=False)
    try:
        lock.acquire()
    except filelock.Timeout as exc:
        raise LockBusyError(f"{side} is held by another rnntui session") from exc
    try:
        yield
    finally:
        lock.release()


# --- reading and recovery ----------------------------------------------------------------------


def classify(raw: bytes, schema_version: int, validate: Validator) -> dict[str, Any] | Problem:
    """The document in ``raw``, or what is wrong with it."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        return "wrong-shape"
    if not raw.strip():
        return "empty"
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: [[[[... nesting
        return "corrupt"
    if not isinstance(data, dict):
        return "wrong-shape"
    version = data.get(SCHEMA_KEY)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return "wrong-shape"
    if version > schema_version:
        return "newer"
    try:
        ok = validate(data)
    except Exception:
        ok = False
    return data if ok else "wrong-shape"


def _read(path: Path, schema_version: int, validate: Validator) -> dict[str, Any] | Problem | None:
    if not check_file(path):
        return None
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_DOCUMENT_BYTES + 1)
    except FileNotFoundError:
        return None
    return classify(raw, schema_version, validate)


def quarantine(path: Path) -> Path:
    """Move ``path`` aside to ``<name>.corrupt-<UTC timestamp>`` and return the new path."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    os.replace(path, target)
    return target


def _repair(path: Path, problem: Problem, schema_version: int, validate: Validator) -> Loaded:
    """Under the lock: move the bad file aside and fall back to ``.bak`` (restored in place)."""
    moved = quarantine(path)
    notices = [Notice(problem, path, moved)]
    bak = backup_path(path)
    try:
        from_bak = _read(bak, schema_version, validate)
    except UnsafePathError:
        from_bak = None
    if isinstance(from_bak, dict):
        notices += atomic_write_json(path, from_bak, backup=False)
        notices.append(Notice("restored", path, bak))
        return Loaded(from_bak, notices)
    notices.append(Notice("fresh", path))
    return Loaded(None, notices)


def _load_locked(path: Path, schema_version: int, validate: Validator) -> Loaded:
    found = _read(path, schema_version, validate)
    if found is None or isinstance(found, dict):
        return Loaded(found)
    return _repair(path, found, schema_version, validate)


def load_json(
    path: Path, *, schema_version: int, validate: Validator, timeout: float = LOCK_TIMEOUT
) -> Loaded:
    """Read a document; repair a bad one (under the lock) as described in the module docstring.

    Raises UnsafePathError for a symlink or a foreign file. Reading a good file takes no lock:
    writers replace the file atomically, so a reader never sees half of one.
    """
    found = _read(path, schema_version, validate)
    if found is None or isinstance(found, dict):
        return Loaded(found)
    side: list[Notice] = []
    try:
        with locked(path, timeout, side):
            loaded = _load_locked(path, schema_version, validate)
            loaded.notices[:0] = side
            return loaded
    except LockBusyError:
        return Loaded(None, [Notice("busy", path)])


def update_json(
    path: Path,
    change: Callable[[dict[str, Any] | None], dict[str, Any]],
    *,
    schema_version: int,
    validate: Validator,
    timeout: float = LOCK_TIMEOUT,
) -> tuple[dict[str, Any], list[Notice]]:
    """Read-modify-write under the lock: ``change(current or None)`` is written atomically.

    Raises LockBusyError if the lock is not taken within ``timeout`` seconds.
    """
    notices: list[Notice] = []
    with locked(path, timeout, notices):
        loaded = _load_locked(path, schema_version, validate)
        notices += loaded.notices
        new = change(loaded.data)
        notices += atomic_write_json(path, new)
        _remove_stale_temps(path)
    return new, notices
