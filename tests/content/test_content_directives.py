"""Directives: ``{{params: SPEC}}``, ``{{shape: SPEC}}`` and ``{{= EXPR}}`` (safe arithmetic)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from rnntui.content import directives
from rnntui.content.directives import (
    DirectiveError,
    evaluate_directive,
    expand,
    numeric_value,
)
from rnntui.content.loader import load_lessons
from rnntui.content.safe_math import ExpressionError, evaluate
from rnntui.nn.layer import format_shape

from .lesson_fixtures import VALID, line_of


@pytest.fixture(autouse=True)
def _fresh_engine_cache() -> Iterator[None]:
    directives._model_facts.cache_clear()
    yield
    directives._model_facts.cache_clear()


# --- safe arithmetic (no engine needed unless sigmoid/tanh are called) ---


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("1 + 2 * 3", 7.0),
        ("(1 + 2) * 3", 9.0),
        ("2 ** -1", 0.5),
        ("-3 + +1", -2.0),
        ("1 / (1 - 0.2)", 1.25),
        ("exp(0)", 1.0),
        ("2**10", 1024.0),
    ],
)
def test_arithmetic(expression: str, value: float) -> None:
    assert evaluate(expression) == pytest.approx(value)


@pytest.mark.parametrize(
    ("expression", "reason"),
    [
        ("__import__('os').system('true')", "unknown function"),
        ("open('x')", "unknown function"),
        ("x + 1", "unknown name 'x'"),
        ("(1).real", "Attribute is not allowed"),
        ("'a' * 3", "is not a number"),
        ("True + 1", "is not a number"),
        ("sigmoid(1, 2)", "exactly one argument"),
        ("exp(x=1)", "exactly one argument"),
        ("[1, 2]", "List is not allowed"),
        ("lambda: 1", "Lambda is not allowed"),
        ("1 // 2", "BinOp is not allowed"),
        ("1 / 0", "division by zero"),
        ("9 ** 9 ** 9", "too large"),
        ("exp(1000)", "too large"),
        ("(-8) ** 0.5", "complex"),
        ("1 +", "not a valid expression"),
        ("1" + "+1" * 200, "longer than 200"),
    ],
)
def test_arithmetic_refuses(expression: str, reason: str) -> None:
    with pytest.raises(ExpressionError, match=reason.replace("(", r"\(")):
        evaluate(expression)


def test_expression_directive_has_four_decimals() -> None:
    assert evaluate_directive("= 1/3").text == "0.3333"
    assert evaluate_directive("=2").text == "2.0000"
    negative_zero = evaluate_directive("= -0.00001")
    assert negative_zero.text == "0.0000"
    assert negative_zero.number == 0.0


def test_expression_uses_engine_activations() -> None:
    from rnntui.nn.activations import sigmoid, tanh

    assert evaluate_directive("= sigmoid(0.5)").text == "0.6225"
    assert evaluate_directive("= tanh(0.5)").text == "0.4621"
    value = evaluate("sigmoid(1.0)*0.8 + sigmoid(0.2)*tanh(0.5)")
    s1 = float(sigmoid(np.array([1.0]))[0])
    s02 = float(sigmoid(np.array([0.2]))[0])
    t05 = float(tanh(np.array([0.5]))[0])
    assert value == pytest.approx(s1 * 0.8 + s02 * t05)


# --- shapes ---


def test_format_shape() -> None:
    assert format_shape((None, 7, 4)) == "(None, 7, 4)"
    assert format_shape((None, np.int64(32))) == "(None, 32)"
    assert format_shape((None,)) == "(None,)"
    assert format_shape([(None, 4), (None, 4)]) == "[(None, 4), (None, 4)]"
    assert format_shape(((None, 7, 4), (None, 4))) == "[(None, 7, 4), (None, 4)]"


# --- model directives (engine) ---


@pytest.mark.parametrize(
    ("directive", "text", "number"),
    [
        ("params: Input(5,10) LSTM(32)", "5,504", 5504),
        ("params: Input(20,8) GRU(32)", "4,032", 4032),
        ("params: Input(10) Embedding(1000,16)", "16,000", 16000),
        ("params:Input(5,10) SimpleRNN(32)", "1,376", 1376),
        ("shape: Input(7,5) LSTM(4,return_sequences=True)", "(None, 7, 4)", None),
        ("shape: Input(5,10) LSTM(16)", "(None, 16)", None),
    ],
)
def test_model_directives(directive: str, text: str, number: int | None) -> None:
    value = evaluate_directive(directive)
    assert (value.text, value.number) == (text, number)


def test_params_match_the_engine_summary() -> None:
    from rnntui.nn.spec import parse_spec

    spec = "Input(5,10) Bidirectional(LSTM(16))"
    expected = parse_spec(spec).summary().total_params
    assert evaluate_directive(f"params: {spec}").text == f"{expected:,}"


def test_bad_spec_is_a_directive_error() -> None:
    with pytest.raises(DirectiveError, match="rnntui summary"):
        evaluate_directive("params: Input(5,10) LSTN(32)")
    with pytest.raises(DirectiveError, match="needs a model SPEC"):
        evaluate_directive("params:   ")


def test_numeric_value() -> None:
    assert numeric_value("{{params: Input(5,10) LSTM(32)}}") == 5504
    assert isinstance(numeric_value("{{params: Input(5,10) LSTM(32)}}"), int)
    assert numeric_value(" {{= 1/(1-0.2)}} ") == 1.25
    with pytest.raises(DirectiveError, match="shape is not a number"):
        numeric_value("{{shape: Input(5,10) LSTM(32)}}")
    with pytest.raises(DirectiveError, match="exactly one directive"):
        numeric_value("about {{= 2}}")


def test_expand_reports_instead_of_crashing() -> None:
    found: list[tuple[int, str]] = []
    text = "a {{= 2*3}} b\nc {{nope}} d\ne {{= 1/0}}"
    result = expand(text, lambda pos: 10 + text.count("\n", 0, pos), lambda *p: found.append(p))
    assert result == "a 6.0000 b\nc {{nope}} d\ne {{= 1/0}}"
    assert [line for line, _ in found] == [11, 12]


# --- directives inside lessons ---

DIRECTIVE_LESSON = (
    VALID.replace("    answer: 42", '    answer: "{{params: Input(5,10) LSTM(32)}}"')
    .replace('question: "Pick the second"', 'question: "Shape of {{shape: Input(7,5) GRU(4)}}?"')
    .replace('why: "not this one"', 'why: "That is {{params: Input(20,8) GRU(32)}} params"')
    .replace("Some text here.", "LSTM(32) on 10 features: {{params: Input(5,10) LSTM(32)}}.")
)


def test_directives_are_filled_in_a_lesson(course: Path, add_file: Callable[..., Path]) -> None:
    add_file(DIRECTIVE_LESSON)
    lessons = load_lessons([course], include_packaged=False)
    assert lessons.problems == []
    lesson = lessons.get("broken", "en")
    assert lesson is not None
    assert "LSTM(32) on 10 features: 5,504." in lesson.body
    choice, _, numeric = lesson.quiz
    assert choice.question == "Shape of (None, 4)?"
    assert choice.choices[0].why == "That is 4,032 params"
    assert numeric.answer == 5504 and isinstance(numeric.answer, int)


def test_bad_spec_in_a_lesson_names_the_line(course: Path, add_file: Callable[..., Path]) -> None:
    text = VALID.replace("Some text here.", "Count: {{params: Input(5,10) LSTN(32)}}")
    path = add_file(text)
    lessons = load_lessons([course], include_packaged=False)
    (problem,) = [p for p in lessons.problems if p.path == path]
    assert problem.line == line_of(text, "LSTN(32)")
    assert "bad directive" in problem.message and "LSTN" in problem.message
    assert {"good-one", "good-two"} <= set(lessons.ids())


def test_shape_as_numeric_answer(course: Path, add_file: Callable[..., Path]) -> None:
    text = VALID.replace("    answer: 42", '    answer: "{{shape: Input(5,10) LSTM(32)}}"')
    path = add_file(text)
    problems = [p for p in load_lessons([course], include_packaged=False).problems]
    assert [(p.path, p.line) for p in problems] == [(path, line_of(text, "{{shape:"))]
    assert "a shape is not a number" in problems[0].message


def test_engine_failure_is_a_problem_not_a_crash(
    course: Path, add_file: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import rnntui.nn.spec

    def explode(spec: str, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(rnntui.nn.spec, "parse_spec", explode)
    path = add_file(VALID.replace("Some text here.", "{{params: Input(5,10) LSTM(32)}}"))
    lessons = load_lessons([course], include_packaged=False)
    (problem,) = [p for p in lessons.problems if p.path == path]
    assert "RuntimeError: boom" in problem.message
