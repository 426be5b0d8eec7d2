"""A per-user cache of parsed lesson files, so a second start skips YAML and the directives.

Parsing a lesson file means YAML, validation and ``{{...}}`` directives computed by the engine
(which imports NumPy): about 0.25 s for the 22 packaged files, for the one lesson a start shows.
The result of :func:`rnntui.content.validate.parse_lesson_file` depends only on the file's
path and bytes and on rnntui's own code, so it is kept here under a key made of all three:

- the file's absolute path and the SHA-256 of its bytes (an edited lesson is parsed again);
- a stamp of the code: where rnntui is installed and the size and mtime of every module of
  ``rnntui.content`` and ``rnntui.nn`` (an upgraded or edited rnntui parses again).

Where: ``$RNNTUI_CACHE_DIR``; else ``$RNNTUI_STATE_DIR/cache`` when that is set (tests and
benchmarks never touch the real home); else platformdirs' ``user_cache_path("rnntui")``.
The folder is private (0700), the file (0600) is replaced atomically, and a cache that cannot
be read, is not valid JSON or holds something unexpected is ignored (and rewritten), never
trusted: entries are plain JSON (no pickle), decoded into the known dataclasses only.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from rnntui.content.model import Choice, GlossaryTerm, Lesson, Problem, QuizItem

FILE_NAME = "lessons-v1.json"
MAX_ENTRIES = 256
"""Entries kept (most recently used first): the packaged lessons and a few teachers' folders."""

_CLASSES: dict[str, type] = {
    cls.__name__: cls for cls in (Lesson, QuizItem, Choice, GlossaryTerm, Problem)
}


def cache_dir() -> Path | None:
    """The cache folder (see the module docstring), or None if there is no home."""
    override = os.environ.get("RNNTUI_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    state = os.environ.get("RNNTUI_STATE_DIR")
    if state:
        return Path(state).expanduser() / "cache"
    try:
        import platformdirs

        found = Path(platformdirs.user_cache_path("rnntui"))
    except (RuntimeError, KeyError, OSError):
        return None
    return found if found.is_absolute() else None


def code_stamp() -> str:
    """Where rnntui is installed and the size and mtime of the modules a parse depends on
    (an upgrade rewrites them; its version is not read: importlib.metadata costs 40 ms)."""
    root = Path(__file__).resolve().parents[1]
    parts = [str(root)]
    for package in ("content", "nn"):
        try:
            entries = sorted(os.scandir(root / package), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(".py"):
                try:
                    st = entry.stat()
                except OSError:
                    continue
                parts.append(f"{package}/{entry.name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def file_key(stamp: str, path: Path, data: bytes) -> str:
    """The key of one file: code stamp, absolute path and content."""
    digest = hashlib.sha256()
    for part in (stamp.encode(), str(path.absolute()).encode("utf-8", "surrogateescape"), data):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


# -- encoding -----------------------------------------------------------------------------------
def encode(value: Any) -> Any:
    """Plain JSON for a parse result's parts; TypeError for anything else."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Path):
        return {"$path": str(value)}
    if isinstance(value, tuple):
        return {"$tuple": [encode(x) for x in value]}
    if isinstance(value, list):
        return [encode(x) for x in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) and not k.startswith("$") for k in value):
            raise TypeError("only text keys can be cached")
        return {k: encode(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and type(value).__name__ in _CLASSES:
        fields = {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"$class": type(value).__name__, "fields": fields}
    raise TypeError(f"{type(value).__name__} cannot be cached")


def decode(value: Any) -> Any:
    """The inverse of :func:`encode`; ValueError for anything it would not write."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        return [decode(x) for x in value]
    if not isinstance(value, dict):
        raise ValueError("unexpected value")
    if "$path" in value:
        return Path(str(value["$path"]))
    if "$tuple" in value:
        items = value["$tuple"]
        if not isinstance(items, list):
            raise ValueError("bad tuple")
        return tuple(decode(x) for x in items)
    if "$class" in value:
        cls = _CLASSES.get(str(value["$class"]))
        fields = value.get("fields")
        if cls is None or not isinstance(fields, dict):
            raise ValueError("unknown class")
        try:
            return cls(**{str(k): decode(v) for k, v in fields.items()})
        except TypeError as exc:
            raise ValueError(str(exc)) from None
    return {str(k): decode(v) for k, v in value.items()}


# -- the file -----------------------------------------------------------------------------------
class ParseCache:
    """The entries of the cache file; :meth:`save` writes them back if anything changed."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else cache_dir()
        self.stamp = code_stamp()
        self.entries: dict[str, dict[str, Any]] = {}
        self.changed = False
        self._read()

    @property
    def path(self) -> Path | None:
        """The cache file, or None without a cache folder."""
        return None if self.folder is None else self.folder / FILE_NAME

    def _read(self) -> None:
        path = self.path
        if path is None:
            return
        try:
            data = json.loads(path.read_bytes())
        except (OSError, ValueError, RecursionError):  # missing, unreadable or corrupt: ignored
            return
        entries = data.get("entries") if isinstance(data, dict) else None
        if isinstance(entries, dict):
            self.entries = {
                str(k): v
                for k, v in entries.items()
                if isinstance(v, dict) and isinstance(v.get("used"), int | float)
            }

    def get(self, key: str) -> Any | None:
        """The decoded value stored under ``key``, or None (a bad entry is dropped)."""
        entry = self.entries.get(key)
        if entry is None:
            return None
        try:
            value = decode(entry.get("value"))
        except (ValueError, RecursionError):
            del self.entries[key]
            self.changed = True
            return None
        entry["used"] = time.time()
        return value

    def put(self, key: str, value: Any) -> None:
        """Keep ``value`` (only if it survives a round trip unchanged)."""
        try:
            encoded = encode(value)
            if decode(json.loads(json.dumps(encoded))) != value:
                return
        except (TypeError, ValueError, RecursionError):
            return
        self.entries[key] = {"used": time.time(), "value": encoded}
        self.changed = True

    def save(self) -> None:
        """Write the cache atomically (private folder and file); errors are ignored."""
        path = self.path
        if path is None or not self.changed:
            return
        newest = sorted(self.entries.items(), key=lambda kv: -float(kv[1]["used"]))
        text = json.dumps({"entries": dict(newest[:MAX_ENTRIES])}, ensure_ascii=False)
        try:
            write_private(path, text, prefix=".lessons-")
        except OSError:
            return
        self.changed = False


def write_private(path: Path, text: str, *, prefix: str) -> None:
    """Write ``text`` to ``path`` atomically (a temporary file in the same private folder,
    then a rename); OSError if it cannot, with no temporary file left behind."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=prefix, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


# -- planned lesson text (one small file per entry) ----------------------------------------------
PLANS_DIR = "plans-v1"
"""Sub-folder of the cache folder holding planned lesson texts (rnntui.ui.widgets.lesson_text),
one JSON file per key, so a start reads only the lesson it shows."""


def _plan_path(key: str) -> Path | None:
    folder = cache_dir()
    if folder is None or not key or not all(c in "0123456789abcdef" for c in key):
        return None
    return folder / PLANS_DIR / f"{key}.json"


def read_plan(key: str) -> Any | None:
    """The plain JSON value kept under ``key`` (a hex digest), or None when there is none or
    it cannot be read (the caller checks what it gets: never trusted)."""
    path = _plan_path(key)
    if path is None:
        return None
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None


def write_plan(key: str, value: Any) -> None:
    """Keep plain JSON ``value`` under ``key`` (atomically, private folder and file); the
    oldest files beyond :data:`MAX_ENTRIES` are removed; errors are ignored."""
    path = _plan_path(key)
    if path is None:
        return
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        return
    try:
        write_private(path, text, prefix=".plan-")
        kept = sorted(path.parent.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[MAX_ENTRIES:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
