"""Quiz progress: one JSON file per user, one record per rnntui item id.

Document (``schema_version`` 1)::

    {"schema_version": 1, "reset_at": null | ISO,
     "items": {"lstm/forget-range": {"card": Card.to_dict(), "reviews": 3, "correct": 2,
                                     "last_answered": ISO UTC, "lesson": "lstm"}, ...}}

Every answer is saved at once, under the file lock: re-read the file, merge it with what this
session knows (per item, the later ``last_answered`` wins; what it knew from before a
``--reset`` is dropped), apply the answer, write atomically.
So two sessions of the same student lose nothing, and even where the lock silently does nothing
(NFS ``nolock``) a lost record comes back with the other session's next save.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from rnntui import paths, storage
from rnntui.quiz import schedule

SCHEMA_VERSION = 1
Record = dict[str, Any]
Items = dict[str, Record]


def valid_record(record: Any) -> bool:
    """True if ``record`` has a card, counts and a readable ``last_answered``."""
    if not isinstance(record, dict) or not schedule.valid_card(record.get("card")):
        return False
    reviews, correct = record.get("reviews"), record.get("correct")
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0
               for n in (reviews, correct)) or correct > reviews:
        return False
    lesson = record.get("lesson")
    if lesson is not None and not isinstance(lesson, str):
        return False
    try:
        schedule.parse_time(str(record.get("last_answered")))
    except ValueError:
        return False
    return True


def valid_document(data: dict[str, Any]) -> bool:
    """The shape check for a progress file (used by storage when loading)."""
    items = data.get("items")
    if not isinstance(items, dict):
        return False
    reset_at = data.get("reset_at")
    if reset_at is not None:
        try:
            schedule.parse_time(str(reset_at))
        except ValueError:
            return False
    return all(isinstance(k, str) and valid_record(v) for k, v in items.items())


def answered_at(record: Record) -> datetime:
    """When the item was last answered (UTC)."""
    return schedule.parse_time(str(record["last_answered"]))


def merge_items(*sources: Items) -> Items:
    """Per item, keep the record answered last (more reviews breaks a tie)."""
    merged: Items = {}
    for items in sources:
        for item_id, record in items.items():
            old = merged.get(item_id)
            key = (answered_at(record), record["reviews"])
            if old is None or key > (answered_at(old), old["reviews"]):
                merged[item_id] = record
    return merged


def answered_after(items: Items, reset_at: str | None) -> Items:
    """The records answered after a reset (all of them if there was none)."""
    if not reset_at:
        return items
    cutoff = schedule.parse_time(reset_at)
    return {k: r for k, r in items.items() if answered_at(r) > cutoff}


def apply_answer(
    record: Record | None, item_id: str, lesson_id: str | None, correct: bool, when: datetime
) -> Record:
    """The record after one more answer.

    The time never goes back for one item: an answer stamped before the saved one (two sessions
    racing for the lock) counts as given at the saved time, so ``last_answered`` only grows
    along an item's history and the merge by timestamp keeps the newest record.
    """
    when = schedule.as_utc(when)
    if record is not None:
        when = max(when, answered_at(record))
    base = record or {"reviews": 0, "correct": 0}
    return {
        **base,
        "card": schedule.review(record["card"] if record else None, item_id, correct, when),
        "reviews": int(base["reviews"]) + 1,
        "correct": int(base["correct"]) + (1 if correct else 0),
        "last_answered": when.isoformat(),
        "lesson": lesson_id,
    }


def document(items: Items, reset_at: str | None = None) -> dict[str, Any]:
    """A progress document for ``items``."""
    return {storage.SCHEMA_KEY: SCHEMA_VERSION, "reset_at": reset_at, "items": items}


class ProgressStore:
    """The student's progress file and this session's view of it.

    ``items`` is what this session knows; ``notices`` are storage notices (a damaged file moved
    aside, a backup restored) to show the student; ``unsafe`` is set (and nothing is saved) when
    the file is a symlink or belongs to someone else.
    """

    def __init__(self, path: Path | None = None, timeout: float = storage.LOCK_TIMEOUT) -> None:
        self.path = path or paths.progress_path()
        self.timeout = timeout
        self.items: Items = {}
        self.reset_at: str | None = None
        self.notices: list[storage.Notice] = []
        self.unsafe: str | None = None

    def load(self) -> ProgressStore:
        """Read the file (repairing a damaged one); never raises for a bad file."""
        try:
            loaded = storage.load_json(
                self.path, schema_version=SCHEMA_VERSION, validate=valid_document,
                timeout=self.timeout,
            )
        except (storage.UnsafePathError, OSError) as exc:
            self.unsafe = str(exc)
            return self
        self.notices.extend(loaded.notices)
        self._adopt(loaded.data)
        return self

    def _adopt(self, data: dict[str, Any] | None) -> None:
        self.items = dict(data["items"]) if data else {}
        self.reset_at = data.get("reset_at") if data else None

    def _update(self, change: Any) -> dict[str, Any]:
        if self.unsafe:
            raise storage.UnsafePathError(self.unsafe)
        new, notices = storage.update_json(
            self.path, change, schema_version=SCHEMA_VERSION, validate=valid_document,
            timeout=self.timeout,
        )
        self.notices.extend(notices)
        self._adopt(new)
        return new

    def record(self, item_id: str, lesson_id: str | None, correct: bool, when: datetime) -> None:
        """Save one answer. Raises storage.LockBusyError / StorageError / OSError if it cannot."""

        def change(current: dict[str, Any] | None) -> dict[str, Any]:
            reset_at = current.get("reset_at") if current else self.reset_at
            disk = current["items"] if current else {}
            # what this session remembers from before a reset must not come back
            items = merge_items(disk, answered_after(self.items, reset_at))
            stamp = when
            if reset_at:  # an answer saved after a reset counts as given after it
                stamp = max(when, schedule.parse_time(reset_at) + timedelta(microseconds=1))
            items[item_id] = apply_answer(items.get(item_id), item_id, lesson_id, correct, stamp)
            return document(items, reset_at)

        self._update(change)

    def merge_in(self, items: Items) -> None:
        """Merge records from elsewhere (``--import``): per item, the later answer wins."""

        def change(current: dict[str, Any] | None) -> dict[str, Any]:
            reset_at = current.get("reset_at") if current else None
            disk = current["items"] if current else {}
            return document(merge_items(disk, items), reset_at)

        self._update(change)

    def reset(self, when: datetime) -> Path | None:
        """Erase every record; the old records are kept in ``<name>.reset-<UTC time>``,
        whose path is returned (None if there was nothing to keep)."""
        when = schedule.as_utc(when)
        kept: list[Path] = []

        def change(current: dict[str, Any] | None) -> dict[str, Any]:
            if current and current["items"]:
                copy = self.path.with_name(f"{self.path.name}.reset-{when:%Y%m%dT%H%M%SZ}")
                storage.atomic_write_json(copy, current, backup=False)
                kept.append(copy)
            return document({}, when.isoformat())

        self._update(change)
        return kept[0] if kept else None


def read_export(path: Path) -> Items:
    """The items of an exported progress file; storage.StorageError if it is not one."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise storage.StorageError(str(exc)) from exc
    found = storage.classify(raw, SCHEMA_VERSION, valid_document)
    if not isinstance(found, dict):
        raise storage.StorageError(f"not an rnntui progress file ({found})")
    return dict(found["items"])
