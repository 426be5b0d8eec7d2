"""Did-you-mean suggestions for misspelt keys and values."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any


def did_you_mean(word: Any, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to ``word``, if any is close enough."""
    matches = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def unknown_key_message(key: Any, allowed: Iterable[str], where: str) -> str:
    """``unknown key 'titel' in the front matter; did you mean 'title'?``."""
    allowed = tuple(allowed)
    guess = did_you_mean(key, allowed)
    if guess:
        return f"unknown key {key!r} {where}; did you mean {guess!r}?"
    return f"unknown key {key!r} {where}; remove it (allowed: {', '.join(allowed)})"


def unknown_value_message(field: str, value: Any, allowed: Iterable[str]) -> str:
    """``panel 'lstn' is unknown; did you mean 'lstm'? (known: ...)``."""
    allowed = tuple(allowed)
    guess = did_you_mean(value, allowed)
    hint = f"did you mean {guess!r}? " if guess else ""
    return f"{field} {value!r} is unknown; {hint}(use one of: {', '.join(allowed)})"
