"""Grading typed answers: NFC, trimming, IME double Enter, Korean/English numbers and yes/no."""

from __future__ import annotations

import unicodedata

import pytest

from rnntui.content.model import Choice
from rnntui.quiz.grading import (
    format_number,
    grade,
    normalize,
    parse_bool,
    parse_choice,
)
from rnntui.quiz.question import Question
from rnntui.typed_numbers import number_readings

CHOICE = Question(
    id="x/c",
    type="choice",
    text="?",
    answer=1,
    choices=(Choice("zero", "why zero is wrong"), Choice("참 값"), Choice("two", "why two")),
    explanation="because",
)
TF = Question(id="x/t", type="truefalse", text="?", answer=False, explanation="no")
NUM = Question(
    id="x/n", type="numeric", text="?", answer=0.5, tolerance=0.01, traps=((0.25, "you halved it"),)
)
BIG = Question(id="x/b", type="numeric", text="?", answer=5504.0)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("0.5", [0.5]),
        ("0,5", [0.5]),
        ("０．５", [0.5]),
        ("  0.5  \n", [0.5]),
        ("5504", [5504.0]),
        ("５５０４", [5504.0]),
        ("5,504", [5504.0, 5.504]),
        ("1,234,567", [1234567.0]),
        ("1.234.567", [1234567.0]),
        ("1.234,5", [1234.5]),
        ("1,234.5", [1234.5]),
        ("0,500", [0.5]),
        ("-0.3", [-0.3]),
        ("\u22120.3", [-0.3]),
        ("+3", [3.0]),
        (".5", [0.5]),
        ("1e-3", [0.001]),
        ("5504개", [5504.0]),
        ("5 504", [5504.0]),
        ("abc", []),
        ("", []),
        ("1,2,3", []),
        ("e5", []),
        ("--1", []),
        ("inf", []),
        ("nan", []),
    ],
)
def test_number_readings(text: str, values: list[float]) -> None:
    assert number_readings(text) == pytest.approx(values)


@pytest.mark.parametrize("text", ["t", "T", "true", "o", "O", "y", "yes", "참", "예", "네", "ㅅ"])
def test_true_words(text: str) -> None:
    assert parse_bool(text) is True


@pytest.mark.parametrize(
    "text", ["f", "false", "x", "X", "n", "no", "거짓", "아니오", "아니요", "ㄹ"]
)
def test_false_words(text: str) -> None:
    assert parse_bool(text) is False


@pytest.mark.parametrize("text", ["maybe", "1", "", "tf"])
def test_not_yes_or_no(text: str) -> None:
    assert parse_bool(text) is None


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("1", 0),
        ("２", 1),
        ("3.", 2),
        ("(2)", 1),
        ("2번", 1),
        ("#3", 2),
        ("4", None),
        ("0", None),
        ("two", 2),
        ("TWO", 2),
        ("참 값", 1),
        ("three", None),
    ],
)
def test_parse_choice(text: str, index: int | None) -> None:
    assert parse_choice(text, CHOICE) == index


def test_empty_line_is_ignored_not_an_answer() -> None:
    for raw in ("", "\n", "   ", "\u3000\n", "\r\n"):
        assert grade(TF, raw, "en").status == "ignored"


def test_nfd_answer_is_graded_like_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "참 값")
    assert nfd != "참 값"
    assert normalize(nfd) == "참 값"
    assert grade(CHOICE, nfd, "ko").status == "right"
    assert grade(TF, unicodedata.normalize("NFD", "거짓"), "ko").status == "right"


def test_wrong_choice_explains_the_chosen_option() -> None:
    verdict = grade(CHOICE, "3 ", "en")
    assert verdict.status == "wrong"
    assert verdict.why == "why two"
    assert verdict.explanation == "because"
    assert verdict.right_answer == "2. 참 값"


def test_invalid_answers_ask_again_with_a_hint() -> None:
    assert grade(CHOICE, "9", "en").status == "invalid"
    assert "1" in grade(CHOICE, "9", "en").hint and "3" in grade(CHOICE, "9", "en").hint
    assert grade(TF, "maybe", "ko").hint
    assert grade(NUM, "half", "en").status == "invalid"


def test_numeric_tolerance_and_traps() -> None:
    assert grade(NUM, "0,505", "en").status == "right"
    assert grade(NUM, "0.52", "en").status == "wrong"
    trap = grade(NUM, "0.25", "en")
    assert trap.status == "wrong" and trap.why == "you halved it"
    assert grade(NUM, "0.3", "en").why == ""


def test_thousands_comma_is_right() -> None:
    assert grade(BIG, "5,504", "en").status == "right"
    assert grade(BIG, "5504 ", "ko").status == "right"
    assert grade(BIG, "5.504", "en").status == "wrong"


def test_true_false_verdict_text() -> None:
    assert grade(TF, "x", "ko").status == "right"
    wrong = grade(TF, "o", "ko")
    assert wrong.status == "wrong" and wrong.right_answer == "거짓"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (5504, "5,504"),
        (5504.0, "5,504"),
        (0.62246, "0.6225"),
        (0.5, "0.5"),
        (-1.25, "-1.25"),
        (78.125, "78.125"),
        (0, "0"),
    ],
)
def test_format_number(value: float, text: str) -> None:
    assert format_number(value) == text
