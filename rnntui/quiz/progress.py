"""Quiz progress: one JSON file per user, one record per rnntui item id.

Document (``schema_version`` 1)::

    {"schema_version": 1, "reset_at": null | ISO,
     "items": {"lstm/forget-range": {"card": Card.to_dict(), "reviews": 3, "correct": 2,
                                     "last_answered": ISO UTC, "lesson": "lstm"}, ...}}

Every answer is saved at once, under the file lock: re-read the file, merge it with what this
session knows (per item, the later ``last_answered`` wins; what it knew from before a
``--reset`` is dropped), apply the answer, write atomically.
So two sessions of the same student lose nothing, and even where the lock silently does nothing
(NFS ``nolock``) a lost record comes back with the other session's next save. An answer that
could not be saved because another session held the lock too long is kept and saved with the
next answer (or :meth:`ProgressStore.flush`).

Every field of every record is checked on load and on ``--import`` (types and ranges: FSRS
state 1-3, finite stability and difficulty 1-10, times between 1970 and 2999); a bad record is
skipped and listed in ``ProgressStore.skipped``, the others are kept. A file whose records are
all bad is set aside like any damaged file. At most ``MAX_ITEMS`` records are kept.
"""

from __future__ import annotations

import math
import os
import stat
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeGuard

from rnntui import paths, storage
from rnntui.content.safe_text import clip
from rnntui.quiz import schedule

SCHEMA_VERSION = 1
Record = dict[str, Any]
Items = dict[str, Record]

MAX_ITEMS = 5_000
"""Records a progress file may hold (the course and its generated templates use a few hundred)."""
MAX_ID_CHARS = 200
MAX_COUNT = 10_000_000
EARLIEST = datetime(1970, 1, 1, tzinfo=timezone.utc)
LATEST = datetime(3000, 1, 1, tzinfo=timezone.utc)
"""Times outside these bounds are refused: FSRS adds intervals to them (9999-12-31 overflows)."""
FSRS_STATES = (1, 2, 3)
"""Learning, Review, Relearning."""


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _time_problem(value: Any, name: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) > 40:
        return f"{name} is not a time"
    try:
        moment = schedule.parse_time(value)
    except (ValueError, OverflowError):
        return f"{name} is not a time"
    if not EARLIEST <= moment < LATEST:
        return f"{name} is outside 1970-2999"
    return None


def _number_problem(value: Any, name: str, low: float, high: float) -> str | None:
    if value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool):
        return f"{name} is not a number"
    if not math.isfinite(value) or not low <= value <= high:
        return f"{name} is outside {low:g}-{high:g}"
    return None


def card_problem(card: Any) -> str | None:
    """What is wrong with a stored FSRS card (``Card.to_dict()``), or None."""
    if not isinstance(card, dict):
        return "card is missing"
    card_id, state, step = card.get("card_id"), card.get("state"), card.get("step")
    if not _is_int(card_id) or not 0 < card_id < 2**63:
        return "card_id is not a positive whole number"
    if not _is_int(state) or state not in FSRS_STATES:
        return "state is not 1, 2 or 3"
    if step is not None and (not _is_int(step) or not 0 <= step <= 100):
        return "step is not a whole number 0-100"
    return (
        _number_problem(card.get("stability"), "stability", 1e-6, 1e6)
        or _number_problem(card.get("difficulty"), "difficulty", 1.0, 10.0)
        or _time_problem(card.get("due"), "due")
        or _time_problem(card.get("last_review"), "last_review", optional=True)
    )


def record_problem(record: Any) -> str | None:
    """What is wrong with one progress record, or None if every field is usable."""
    if not isinstance(record, dict):
        return "not a record"
    found = card_problem(record.get("card"))
    if found:
        return found
    reviews, correct = record.get("reviews"), record.get("correct")
    if not (_is_int(reviews) and _is_int(correct)) or max(reviews, correct) > MAX_COUNT:
        return "reviews/correct are not whole numbers"
    if min(reviews, correct) < 0:
        return "reviews/correct are negative"
    if correct > reviews:
        return "more correct answers than reviews"
    lesson = record.get("lesson")
    if lesson is not None and (not isinstance(lesson, str) or len(lesson) > MAX_ID_CHARS):
        return "lesson is not a short text"
    return _time_problem(record.get("last_answered"), "last_answered")


def valid_record(record: Any) -> bool:
    """True if every field of ``record`` is usable (see :func:`record_problem`)."""
    return record_problem(record) is None


def _item_problem(item_id: Any, record: Any) -> str | None:
    if not isinstance(item_id, str) or not 0 < len(item_id) <= MAX_ID_CHARS:
        return "the item id is not a short text"
    return record_problem(record)


@dataclass(frozen=True)
class Skipped:
    """A record that was left out, and why."""

    item_id: str
    reason: str


SHOW_SKIPPED = 5
"""At most this many skipped records are named in :func:`skipped_text`."""
_SKIPPED = {
    "en": "Skipped {n} unusable record(s) in {file}: {items}",
    "ko": "{file}에서 쓸 수 없는 기록 {n}개를 건너뛰었습니다: {items}",
}


def skipped_text(skipped: list[Skipped], file: object, lang: str) -> str:
    """``Skipped 2 unusable record(s) in FILE: a/1 (state is not 1, 2 or 3), ...``."""
    shown = [f"{s.item_id} ({s.reason})" for s in skipped[:SHOW_SKIPPED]]
    more = f", +{len(skipped) - SHOW_SKIPPED}" if len(skipped) > SHOW_SKIPPED else ""
    template = _SKIPPED.get(lang, _SKIPPED["en"])
    return template.format(n=len(skipped), file=file, items=", ".join(shown) + more)


def sort_items(items: Any) -> tuple[Items, list[Skipped]]:
    """The usable records of ``items`` and the skipped ones (ids shown short and printable)."""
    good: Items = {}
    skipped: list[Skipped] = []
    if not isinstance(items, dict):
        return good, skipped
    for item_id, record in items.items():
        problem = _item_problem(item_id, record)
        if problem is None:
            good[item_id] = record
        else:
            skipped.append(Skipped(clip(str(item_id)), problem))
    return good, skipped


def valid_document(data: dict[str, Any]) -> bool:
    """The shape check for a progress file (used by storage when loading): items is a mapping
    of at most MAX_ITEMS records, at least one of them usable if there are any."""
    items = data.get("items")
    if not isinstance(items, dict) or len(items) > MAX_ITEMS:
        return False
    reset_at = data.get("reset_at")
    if reset_at is not None and _time_problem(reset_at, "reset_at"):
        return False
    return not items or any(_item_problem(k, v) is None for k, v in items.items())


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


class TooManyItemsError(storage.StorageError):
    """Saving would make the progress file hold more than MAX_ITEMS records."""


@dataclass(frozen=True)
class PendingAnswer:
    """An answer not yet saved (the lock was busy): saved with the next one."""

    item_id: str
    lesson_id: str | None
    correct: bool
    when: datetime


class ProgressStore:
    """The student's progress file and this session's view of it.

    ``items`` is what this session knows; ``notices`` are storage notices (a damaged file moved
    aside, a backup restored) to show the student; ``skipped`` lists records left out because a
    field was unusable; ``pending`` holds answers a busy lock kept from being saved; ``unsafe``
    is set (and nothing is saved) when the file is a symlink or belongs to someone else.
    """

    def __init__(self, path: Path | None = None, timeout: float = storage.LOCK_TIMEOUT) -> None:
        self.path = path or paths.progress_path()
        self.timeout = timeout
        self.items: Items = {}
        self.reset_at: str | None = None
        self.notices: list[storage.Notice] = []
        self.skipped: list[Skipped] = []
        self.pending: list[PendingAnswer] = []
        self.unsafe: str | None = None

    def load(self) -> ProgressStore:
        """Read the file (repairing a damaged one); never raises for a bad file."""
        try:
            loaded = storage.load_json(
                self.path,
                schema_version=SCHEMA_VERSION,
                validate=valid_document,
                timeout=self.timeout,
            )
        except (storage.UnsafePathError, OSError) as exc:
            self.unsafe = str(exc)
            return self
        self.notices.extend(loaded.notices)
        self._adopt(loaded.data)
        return self

    def _adopt(self, data: dict[str, Any] | None) -> None:
        good, skipped = sort_items(data["items"]) if data else ({}, [])
        self.items = good
        known = {s.item_id for s in self.skipped}
        self.skipped += [s for s in skipped if s.item_id not in known]
        self.reset_at = data.get("reset_at") if data else None

    def _update(self, change: Any) -> dict[str, Any]:
        if self.unsafe:
            raise storage.UnsafePathError(self.unsafe)
        new, notices = storage.update_json(
            self.path,
            change,
            schema_version=SCHEMA_VERSION,
            validate=valid_document,
            timeout=self.timeout,
        )
        self.notices.extend(notices)
        self._adopt(new)
        return new

    def record(self, item_id: str, lesson_id: str | None, correct: bool, when: datetime) -> None:
        """Save one answer (and any answers still pending). Raises storage.LockBusyError /
        StorageError / OSError if it cannot; after LockBusyError the answer stays pending."""
        self.pending.append(PendingAnswer(item_id, lesson_id, correct, when))
        self.flush()

    def flush(self) -> None:
        """Save the pending answers; raises like :meth:`record` (they then stay pending)."""
        if not self.pending:
            return
        answers = list(self.pending)

        def change(current: dict[str, Any] | None) -> dict[str, Any]:
            reset_at = current.get("reset_at") if current else self.reset_at
            disk = sort_items(current["items"])[0] if current else {}
            # what this session remembers from before a reset must not come back
            items = merge_items(disk, answered_after(self.items, reset_at))
            for answer in answers:
                stamp = answer.when
                if reset_at:  # an answer saved after a reset counts as given after it
                    after = schedule.parse_time(reset_at) + timedelta(microseconds=1)
                    stamp = max(stamp, after)
                old = items.get(answer.item_id)
                items[answer.item_id] = apply_answer(
                    old, answer.item_id, answer.lesson_id, answer.correct, stamp
                )
            if len(items) > MAX_ITEMS:
                raise TooManyItemsError(f"the progress file would hold over {MAX_ITEMS} items")
            return document(items, reset_at)

        try:
            self._update(change)
        except storage.LockBusyError:
            raise  # keep them pending: the next save retries
        except BaseException:
            self.pending = self.pending[len(answers) :]  # a real failure: do not retry forever
            raise
        self.pending = self.pending[len(answers) :]

    def merge_in(self, items: Items) -> None:
        """Merge records from elsewhere (``--import``): per item, the later answer wins.

        Raises TooManyItemsError if the result would hold more than MAX_ITEMS records."""

        def change(current: dict[str, Any] | None) -> dict[str, Any]:
            reset_at = current.get("reset_at") if current else None
            disk = sort_items(current["items"])[0] if current else {}
            merged = merge_items(disk, items)
            if len(merged) > MAX_ITEMS:
                raise TooManyItemsError(
                    f"the result would hold {len(merged)} items; at most {MAX_ITEMS} are kept"
                )
            return document(merged, reset_at)

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
        self.pending.clear()
        return kept[0] if kept else None


MAX_IMPORT_BYTES = storage.MAX_DOCUMENT_BYTES


@dataclass
class Export:
    """The usable records of an exported file, and the ones skipped."""

    items: Items
    skipped: list[Skipped]


def read_bounded(path: Path, limit: int = MAX_IMPORT_BYTES) -> bytes:
    """At most ``limit`` bytes of a regular file; StorageError for a FIFO, a device, a folder
    or a bigger file (never blocks on a FIFO, never reads /dev/zero for ever)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise storage.StorageError(exc.strerror or str(exc)) from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise storage.StorageError("not a regular file")
        if st.st_size > limit:
            raise storage.StorageError(
                f"the file is {st.st_size / 1e6:.1f} MB; at most {limit / 1e6:.0f} MB are read"
            )
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise storage.StorageError(f"the file is over {limit / 1e6:.0f} MB")
    return raw


def read_export(path: Path) -> Export:
    """The records of an exported progress file; storage.StorageError if it is not one."""
    raw = read_bounded(path)
    found = storage.classify(raw, SCHEMA_VERSION, valid_document)
    if not isinstance(found, dict):
        raise storage.StorageError(f"not an rnntui progress file ({found})")
    items, skipped = sort_items(found["items"])
    return Export(items, skipped)
