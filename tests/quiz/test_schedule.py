"""FSRS wrapper: UTC everywhere, right -> Good, wrong -> Again, cards round-trip through JSON."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler

from rnntui.quiz import schedule

T0 = datetime(2030, 1, 1, 12, 0, tzinfo=timezone.utc)


def test_new_card_right_and_wrong() -> None:
    good = schedule.review(None, "lstm/a", True, T0)
    again = schedule.review(None, "lstm/a", False, T0)
    assert schedule.due_time(good) > schedule.due_time(again) >= T0
    assert good["card_id"] == again["card_id"] == schedule.card_id_for("lstm/a")


def test_matches_the_fsrs_package() -> None:
    sched = Scheduler(enable_fuzzing=False)
    card = Card(card_id=7, due=T0)
    ours = None
    when = T0
    for correct in (True, True, False, True, True, True):
        card, _ = sched.review_card(card, Rating.Good if correct else Rating.Again, when)
        ours = schedule.review(ours, "x", correct, when)
        assert schedule.due_time(ours) == card.due
        assert ours["state"] == card.state.value and ours["stability"] == card.stability
        when = card.due + timedelta(hours=1)


def test_card_round_trips_through_json() -> None:
    card = None
    when = T0
    for correct in (True, False, True, True):
        card = schedule.review(card, "gen/params-lstm", correct, when)
        restored = json.loads(json.dumps(card))
        assert Card.from_dict(restored).to_dict() == card
        card = restored
        when = schedule.due_time(card) + timedelta(minutes=5)
    assert schedule.due_time(card).tzinfo is not None
    assert schedule.due_time(card).utcoffset() == timedelta(0)


def test_local_times_are_converted_to_utc() -> None:
    seoul = timezone(timedelta(hours=9))
    card = schedule.review(None, "x", True, T0.astimezone(seoul))
    assert card["last_review"].endswith("+00:00")
    assert schedule.as_utc(datetime(2030, 1, 1, 12)) == T0


def test_valid_card() -> None:
    assert schedule.valid_card(schedule.review(None, "x", True, T0))
    assert not schedule.valid_card({"card_id": 1, "state": 1, "due": "yesterday"})
    assert not schedule.valid_card({"due": T0.isoformat()})
    assert not schedule.valid_card([1, 2])
