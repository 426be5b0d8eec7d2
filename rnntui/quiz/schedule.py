"""FSRS scheduling (the ``fsrs`` package, >= 6.3, < 7), with every time in UTC.

A right answer is ``Rating.Good`` and a wrong one ``Rating.Again``. Cards are stored as
``Card.to_dict()``. Fuzzing is off, so the same answers at the same times give the same schedule.
"""

from __future__ import annotations

import zlib
from datetime import datetime, timezone
from functools import cache
from typing import Any, cast

CardDict = dict[str, Any]


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(timezone.utc)


def as_utc(moment: datetime) -> datetime:
    """``moment`` converted to UTC (naive times are taken as UTC)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def parse_time(text: str) -> datetime:
    """An ISO time from a progress file, as aware UTC; ValueError if unreadable."""
    return as_utc(datetime.fromisoformat(text))


@cache
def _scheduler() -> Any:
    from fsrs import Scheduler

    return Scheduler(enable_fuzzing=False)


def card_id_for(item_id: str) -> int:
    """A stable FSRS card id for an item (the package's default is the creation time)."""
    return zlib.crc32(item_id.encode("utf-8")) + 1


def review(card: CardDict | None, item_id: str, correct: bool, when: datetime) -> CardDict:
    """The card after one answer at ``when`` (a new card if ``card`` is None)."""
    from fsrs import Card, Rating

    when = as_utc(when)
    current = (
        Card.from_dict(cast(Any, card)) if card else Card(card_id=card_id_for(item_id), due=when)
    )
    rating = Rating.Good if correct else Rating.Again
    updated, _log = _scheduler().review_card(current, rating, review_datetime=when)
    return dict(updated.to_dict())


def due_time(card: CardDict) -> datetime:
    """When the card is due (UTC), read without importing ``fsrs``."""
    return parse_time(str(card["due"]))


def valid_card(card: Any) -> bool:
    """True if ``card`` looks like ``Card.to_dict()`` output with a readable due time."""
    if not isinstance(card, dict) or not {"card_id", "state", "due"} <= set(card):
        return False
    try:
        due_time(card)
    except (TypeError, ValueError):
        return False
    return True
