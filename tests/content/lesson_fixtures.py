"""Shared helpers for the lesson loader tests: a valid lesson template and line lookup."""

from __future__ import annotations

VALID = """\
---
id: broken
order: 9
lang: en
title: "A broken lesson"
panel: lstm
preset:
  units: 2
  sequence: [1.0, 0.5, -1.0]
topics: [lstm]
glossary:
  - {ko: 망각 게이트, en: forget gate}
quiz:
  - id: q-choice
    type: choice
    question: "Pick the second"
    choices:
      - text: "first"
        why: "not this one"
      - text: "second"
      - text: "third"
        why: "not this one either"
    answer: 2
    explanation: "The second is right."
  - id: q-tf
    type: truefalse
    question: "True?"
    answer: true
    explanation: "Yes."
  - id: q-num
    type: numeric
    question: "How many?"
    answer: 42
    tolerance: 0
    explanation: "Forty-two."
---

# A lesson

Some text here.
"""
"""A valid lesson (id ``broken``); the malformed cases edit one spot of it."""


def lesson_text(lesson_id: str = "broken", order: int = 9, lang: str = "en") -> str:
    """The valid template with another id, order and language."""
    return (
        VALID.replace("id: broken", f"id: {lesson_id}", 1)
        .replace("order: 9", f"order: {order}", 1)
        .replace("lang: en", f"lang: {lang}", 1)
    )


def line_of(text: str, marker: str, nth: int = 1) -> int:
    """1-based number of the ``nth`` line containing ``marker``."""
    hits = [n for n, line in enumerate(text.split("\n"), start=1) if marker in line]
    assert len(hits) >= nth, f"marker {marker!r} not found {nth} time(s)"
    return hits[nth - 1]
