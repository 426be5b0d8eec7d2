"""Check the ``quiz`` list of a lesson header and turn it into QuizItem objects."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from rnntui.content.did_you_mean import unknown_key_message, unknown_value_message
from rnntui.content.directives import DirectiveError, numeric_value
from rnntui.content.file_problems import KeyPath, Reporter
from rnntui.content.model import Choice, QuizItem
from rnntui.content.presets import is_int, is_number
from rnntui.content.safe_text import clip, shown
from rnntui.content.schema import (
    CHOICE_KEYS,
    ID_PATTERN,
    MAX_CHOICES,
    MIN_CHOICES,
    MIN_QUIZ_ITEMS,
    QUIZ_ALL_KEYS,
    QUIZ_KEYS_BY_TYPE,
    QUIZ_REQUIRED,
    QUIZ_TYPES,
)

_SCALAR_KEYS: tuple[str, ...] = ("id", "type", "question", "answer", "tolerance", "explanation")
MAX_ANSWER = 1e15
"""Numeric answers are at most this big, so they format and compare exactly."""

Fill = Callable[[str, KeyPath], str]
"""Expands directives in a string found at a key path (reporting bad ones)."""


def check_quiz(quiz: Any, report: Reporter, fill: Fill) -> tuple[QuizItem, ...]:
    """Validate the whole ``quiz`` list; returns the items that are valid."""
    if not isinstance(quiz, list):
        report.at(("quiz",), "`quiz` must be a list of items, each starting with `- id: ...`")
        return ()
    if len(quiz) < MIN_QUIZ_ITEMS:
        report.at(
            ("quiz",),
            f"`quiz` has {len(quiz)} item(s); write at least {MIN_QUIZ_ITEMS}",
        )
    items: list[QuizItem] = []
    first_use: dict[str, int] = {}
    for index, raw in enumerate(quiz):
        item = _ItemChecker(raw, ("quiz", index), report, fill).check()
        item_id = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(item_id, str):
            if item_id in first_use:
                report.at(
                    ("quiz", index, "id"),
                    f"quiz id {shown(item_id)} is already used on line {first_use[item_id]}; "
                    "give each quiz item its own id",
                )
            else:
                first_use[item_id] = report.lines.line(("quiz", index, "id"))
        if item is not None:
            items.append(item)
    return tuple(items)


class _ItemChecker:
    """Checks one quiz item; every message starts with the item's id."""

    def __init__(self, raw: Any, where: KeyPath, report: Reporter, fill: Fill) -> None:
        self.raw = raw
        self.where = where
        self.report = report
        self.fill = fill
        self.failed = False
        self.name = "quiz item"

    def bad(self, key: str | int | tuple[str | int, ...] | None, message: str) -> None:
        """Record a problem at this item (or one of its keys)."""
        self.failed = True
        if key is None:
            path = self.where
        elif isinstance(key, tuple):
            path = (*self.where, *key)
        else:
            path = (*self.where, key)
        self.report.at(path, f"{self.name}: {message}")

    def text(self, key: str, *, required: bool) -> str:
        """A non-empty string value with directives filled in."""
        value = self.raw.get(key)
        if value is None:
            if required:
                self.bad(None, f'`{key}` is missing; add `{key}: "..."`')
            return ""
        if not isinstance(value, str) or not value.strip():
            self.bad(key, f"`{key}` must be non-empty text (put it in double quotes)")
            return ""
        return self.fill(value, (*self.where, key))

    def check(self) -> QuizItem | None:
        """The QuizItem, or None if anything is wrong (problems are reported)."""
        raw = self.raw
        if not isinstance(raw, dict):
            self.bad(None, "each quiz item must be a mapping starting with `- id: ...`")
            return None
        item_id = raw.get("id")
        if isinstance(item_id, str):
            self.name = f"quiz item {shown(item_id)}"
        kind = raw.get("type")
        for key in _SCALAR_KEYS:
            if isinstance(raw.get(key), list | dict):
                self.bad(key, f"`{key}` must be a single value, not a list or a mapping")
        if isinstance(kind, list | dict):
            kind = None
        if kind is not None and kind not in QUIZ_TYPES:
            self.bad("type", unknown_value_message("type", kind, QUIZ_TYPES))
            kind = None
        self._check_keys(kind)
        for key in QUIZ_REQUIRED:
            if key not in raw and key != "question":  # self.text reports a missing question
                self.bad(None, f"`{key}` is missing; add `{key}: ...` to this item")
        if item_id is not None and not (isinstance(item_id, str) and ID_PATTERN.fullmatch(item_id)):
            self.bad("id", f"id {shown(item_id)} must use only a-z, 0-9 and '-', e.g. forget-range")
        question = self.text("question", required=True)
        explanation = self.text("explanation", required=kind == "truefalse")
        if kind is None or "answer" not in raw:
            return None
        choices: tuple[Choice, ...] = ()
        tolerance = 0.0
        if kind == "choice":
            choices = self._choices()
            answer: int | bool | float | None = self._choice_answer(choices)
        elif kind == "truefalse":
            answer = self._truefalse_answer()
        else:
            answer = self._numeric_answer()
            tolerance = self._tolerance()
        if self.failed or answer is None or not isinstance(item_id, str):
            return None
        return QuizItem(
            id=item_id,
            type=kind,
            question=question,
            answer=answer,
            explanation=explanation,
            choices=choices,
            tolerance=tolerance,
            line=self.report.lines.line(self.where),
        )

    def _check_keys(self, kind: str | None) -> None:
        allowed = QUIZ_KEYS_BY_TYPE[kind] if kind else QUIZ_ALL_KEYS
        for key in self.raw:
            if key in allowed:
                continue
            if key in QUIZ_ALL_KEYS:
                owners = [t for t, keys in QUIZ_KEYS_BY_TYPE.items() if key in keys]
                self.bad(key, f"`{key}` is only for {' and '.join(owners)} items; remove it")
            else:
                self.bad(key, unknown_key_message(key, allowed, "in this item"))

    def _choices(self) -> tuple[Choice, ...]:
        raw = self.raw.get("choices")
        if not isinstance(raw, list) or not MIN_CHOICES <= len(raw) <= MAX_CHOICES:
            count = f" (it has {len(raw)})" if isinstance(raw, list) else ""
            self.bad(
                "choices" if "choices" in self.raw else None,
                f"a choice item needs `choices:` with {MIN_CHOICES} to {MAX_CHOICES} entries"
                f"{count}, each `- text: ...`",
            )
            return ()
        choices: list[Choice] = []
        for index, entry in enumerate(raw):
            here = ("choices", index)
            if isinstance(entry, str):
                entry = {"text": entry}
            if not isinstance(entry, dict):
                self.bad(here, f"choice {index + 1} must be `- text: ...` (with `why: ...`)")
                continue
            for key in entry:
                if key not in CHOICE_KEYS:
                    self.bad((*here, key), unknown_key_message(key, CHOICE_KEYS, "in a choice"))
            text, why = entry.get("text"), entry.get("why")
            if not isinstance(text, str) or not text.strip():
                self.bad(here, f"choice {index + 1} needs `text:` with non-empty text")
                continue
            if why is not None and (not isinstance(why, str) or not why.strip()):
                self.bad((*here, "why"), f"`why` of choice {index + 1} must be non-empty text")
                why = None
            filled_why = self.fill(why, (*self.where, *here, "why")) if why else None
            choices.append(Choice(self.fill(text, (*self.where, *here, "text")), filled_why))
        return tuple(choices)

    def _choice_answer(self, choices: tuple[Choice, ...]) -> int | None:
        answer = self.raw.get("answer")
        if not is_int(answer):
            self.bad("answer", "`answer` must be the number of the right choice (1 = the first)")
            return None
        if not choices:
            return None
        if not 1 <= answer <= len(choices):
            self.bad(
                "answer",
                f"`answer: {answer}` is out of range; there are {len(choices)} choices, "
                f"so write a number from 1 to {len(choices)}",
            )
            return None
        for index, choice in enumerate(choices):
            if index != answer - 1 and choice.why is None:
                self.bad(
                    ("choices", index),
                    f'wrong choice {index + 1} has no `why`; add `why: "..."` explaining '
                    "why it is wrong",
                )
        return answer - 1

    def _truefalse_answer(self) -> bool | None:
        answer = self.raw.get("answer")
        if not isinstance(answer, bool):
            self.bad(
                "answer", f"`answer` must be true or false without quotes (got {shown(answer)})"
            )
            return None
        return answer

    def _numeric_answer(self) -> int | float | None:
        answer = self.raw.get("answer")
        if is_number(answer):
            return self._finite_answer(answer)
        if isinstance(answer, str):
            try:
                return self._finite_answer(numeric_value(answer))
            except DirectiveError as exc:
                hint = (
                    f" (write `answer: {clip(answer.strip())}` without quotes)"
                    if _looks_numeric(answer)
                    else ""
                )
                self.bad("answer", f"`answer` {shown(answer)}: {clip(str(exc))}{hint}")
                return None
        self.bad("answer", '`answer` must be a number or a directive such as "{{params: SPEC}}"')
        return None

    def _tolerance(self) -> float:
        tolerance = self.raw.get("tolerance", 0)
        if not is_number(tolerance) or not math.isfinite(tolerance) or tolerance < 0:
            self.bad(
                "tolerance",
                f"`tolerance` must be a number >= 0, finite (got {shown(tolerance)})",
            )
            return 0.0
        return float(tolerance)

    def _finite_answer(self, answer: int | float | None) -> int | float | None:
        if answer is None:
            return None
        if isinstance(answer, float) and not math.isfinite(answer):
            self.bad("answer", f"`answer` must be a finite number (got {shown(answer)})")
            return None
        if abs(answer) > MAX_ANSWER:
            self.bad("answer", f"`answer` must be between -{MAX_ANSWER:.0e} and {MAX_ANSWER:.0e}")
            return None
        return answer


def _looks_numeric(text: str) -> bool:
    try:
        float(text.strip())
    except ValueError:
        return False
    return True
