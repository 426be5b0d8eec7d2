"""Did-you-mean suggestions for misspelt keys and values (values shown short and printable)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from rnntui.content.safe_text import SHOWN_LIMIT, shown


def did_you_mean(word: Any, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to ``word``, if any is close enough (text only)."""
    if not isinstance(word, str | int | float) or isinstance(word, bool):
        return None
    text = word if isinstance(word, str) else shown(word)
    if len(text) > SHOWN_LIMIT:  # no sensible key or value is this long
        return None
    matches = difflib.get_close_matches(text, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def unknown_key_message(key: Any, allowed: Iterable[str], where: str) -> str:
    """``unknown key 'titel' in the front matter; did you mean 'title'?``."""
    allowed = tuple(allowed)
    guess = did_you_mean(key, allowed)
    if guess:
        return f"unknown key {shown(key)} {where}; did you mean {guess!r}?"
    return f"unknown key {shown(key)} {where}; remove it (allowed: {', '.join(allowed)})"


def unknown_value_message(field: str, value: Any, allowed: Iterable[str]) -> str:
    """``panel 'lstn' is unknown; did you mean 'lstm'? (known: ...)``."""
    allowed = tuple(allowed)
    if isinstance(value, list | dict):
        return (
            f"{field} must be a single value, not a list or a mapping (use one of: "
            f"{', '.join(allowed)})"
        )
    guess = did_you_mean(value, allowed)
    hint = f"did you mean {guess!r}? " if guess else ""
    return f"{field} {shown(value)} is unknown; {hint}(use one of: {', '.join(allowed)})"
