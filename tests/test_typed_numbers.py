"""The one number reader (``rnntui.typed_numbers``) that the quiz and the UI share."""

from __future__ import annotations

import importlib

import pytest

from rnntui.typed_numbers import NumberError, number_readings, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0.5", 0.5),
        ("0,5", 0.5),
        ("-1", -1.0),
        ("+2", 2.0),
        ("１２", 12.0),
        ("\u22120.25", -0.25),
        ("1e-3", 0.001),
        ("5,504개", 5.504),
        ("1,234,567", 1234567.0),
        ("-0", 0.0),
    ],
)
def test_parse_number_reads_what_students_type(text: str, value: float) -> None:
    assert parse_number(text) == value
    assert str(parse_number(text)) != "-0.0"


def test_a_lone_comma_has_both_readings_for_the_quiz() -> None:
    assert number_readings("1,376") == [1376.0, 1.376]
    assert parse_number("1,376") == 1.376  # a field: the decimal comma, as the UI always did


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "empty"),
        ("  ", "empty"),
        ("abc", "not_a_number"),
        ("nan", "not_a_number"),
        ("inf", "not_a_number"),
        ("1e999", "not_a_number"),
        ("9" * 5000, "not_a_number"),
    ],
)
def test_parse_number_refuses_with_a_reason(text: str, key: str) -> None:
    with pytest.raises(NumberError) as info:
        parse_number(text)
    assert info.value.key == key
    assert len(str(info.value)) < 120


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1e308", 1e308),
        ("-1e308", -1e308),
        ("1.7976931348623157e308", 1.7976931348623157e308),
        ("1e-308", 1e-308),
        ("５e-1", 0.5),
        ("１．５", 1.5),
        ("－１", -1.0),
        ("\u2212１２", -12.0),
        ("0,25", 0.25),
        ("1,234.5", 1234.5),
        ("  0.5\t", 0.5),
        ("1_000", 1000.0),
    ],
)
def test_the_edges_a_field_sees(text: str, value: float) -> None:
    """The steppers and the weights editor read with this parser: the edges they meet."""
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text", ["2e308", "-2e308", "NaN", "-nan", "+inf", "-inf", "Infinity", "１e999", "1,2,3", "--1"]
)
def test_the_edges_a_field_refuses(text: str) -> None:
    with pytest.raises(NumberError) as info:
        parse_number(text)
    assert info.value.key == "not_a_number"


def test_the_ui_reads_and_prints_with_the_one_parser_and_formatter() -> None:
    from rnntui import typed_numbers as numbers
    from rnntui.ui.screens import weights
    from rnntui.ui.widgets import stepper

    assert stepper.parse_number is weights.parse_number is numbers.parse_number
    assert stepper.NumberError is numbers.NumberError
    with pytest.raises(ModuleNotFoundError):  # one formatter: rnntui.lab.format, no UI copy
        importlib.import_module("rnntui.ui.format")
