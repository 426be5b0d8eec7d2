"""Fill in ``{{params: SPEC}}``, ``{{shape: SPEC}}`` and ``{{= EXPR}}`` from the engine."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rnntui.content.safe_math import ExpressionError, evaluate
from rnntui.content.safe_text import clip, shown

DIRECTIVE = re.compile(r"\{\{(.*?)\}\}")
_NAMED = re.compile(r"\s*(?P<name>[A-Za-z_]+)\s*:\s*(?P<arg>.*?)\s*$", re.S)
USAGE = "use {{params: SPEC}}, {{shape: SPEC}} or {{= EXPR}}"


class DirectiveError(ValueError):
    """A directive that cannot be filled in; the message says why and how to fix it."""


@dataclass(frozen=True)
class DirectiveValue:
    """What a directive shows in text, and its number (for numeric quiz answers)."""

    text: str
    number: int | float | None


@lru_cache(maxsize=512)
def _model_facts(spec: str) -> tuple[int, str] | str:
    """``(total_params, shape_text)`` for a SPEC, or the error message (cached per process)."""
    from rnntui.nn.layer import format_shape
    from rnntui.nn.spec import SpecError, parse_spec

    try:
        model = parse_spec(spec, draw_weights=False)
        return int(model.summary().total_params), format_shape(model.output_shape)
    except SpecError as exc:
        return f"{exc}; write a model SPEC as for `rnntui summary`, e.g. Input(5,10) LSTM(32)"
    except Exception as exc:  # an engine failure must not crash lesson loading
        return f"the engine failed on this SPEC ({type(exc).__name__}: {exc})"


def evaluate_directive(inner: str) -> DirectiveValue:
    """The value of the text between ``{{`` and ``}}``; raises DirectiveError."""
    stripped = inner.strip()
    if stripped.startswith("="):
        try:
            value = round(evaluate(stripped[1:]), 4) + 0.0  # + 0.0 turns -0.0 into 0.0
        except ExpressionError as exc:
            raise DirectiveError(f"{exc}") from None
        return DirectiveValue(f"{value:.4f}", value)
    match = _NAMED.match(stripped)
    if match is None or match["name"] not in ("params", "shape"):
        raise DirectiveError(f"unknown directive; {USAGE}")
    if not match["arg"]:
        raise DirectiveError(f"{{{{{match['name']}: ...}}}} needs a model SPEC after the colon")
    facts = _model_facts(match["arg"])
    if isinstance(facts, str):
        raise DirectiveError(facts)
    total, shape = facts
    if match["name"] == "params":
        return DirectiveValue(f"{total:,}", total)
    return DirectiveValue(shape, None)


def expand(text: str, line_of: Callable[[int], int], problem: Callable[[int, str], None]) -> str:
    """Replace every directive in ``text``; bad ones are reported and left as written."""
    if "{{" not in text and "}}" not in text:
        return text
    pieces: list[str] = []
    last = 0
    for match in DIRECTIVE.finditer(text):
        _check_stray(text[last : match.start()], last, line_of, problem)
        pieces.append(text[last : match.start()])
        try:
            pieces.append(evaluate_directive(match[1]).text)
        except DirectiveError as exc:
            problem(line_of(match.start()), f"bad directive {shown(match[0])}: {clip(str(exc))}")
            pieces.append(match[0])
        last = match.end()
    _check_stray(text[last:], last, line_of, problem)
    pieces.append(text[last:])
    return "".join(pieces)


def _check_stray(
    segment: str, offset: int, line_of: Callable[[int], int], problem: Callable[[int, str], None]
) -> None:
    for token, fix in (("{{", "close it with `}}`"), ("}}", "open it with `{{`")):
        at = segment.find(token)
        if at >= 0:
            problem(
                line_of(offset + at),
                f"`{token}` without its partner on the same line; {fix} ({USAGE})",
            )


def numeric_value(answer: str) -> int | float:
    """The number of a numeric answer written as exactly one directive; raises DirectiveError."""
    match = DIRECTIVE.fullmatch(answer.strip())
    if match is None:
        raise DirectiveError(f"write a plain number or exactly one directive ({USAGE})")
    value = evaluate_directive(match[1])
    if value.number is None:
        raise DirectiveError("a shape is not a number; use {{params: SPEC}} or {{= EXPR}}")
    return value.number
