"""`rnntui summary SPEC`."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from rnntui.cli import app

EXAMPLE = (
    "Input(20) Embedding(1000,16) Bidirectional(LSTM(16,return_sequences=True)) GRU(32) Dense(1)"
)


def test_summary_table_total() -> None:
    result = CliRunner().invoke(app, ["summary", EXAMPLE])
    assert result.exit_code == 0, result.output
    assert "26,593" in result.output
    assert "bidirectional (Bidirectional)" in result.output
    assert "(None, 20, 32)" in result.output


def test_summary_json() -> None:
    result = CliRunner().invoke(app, ["summary", "--json", EXAMPLE])
    data = json.loads(result.output)
    assert data["total_params"] == 26593
    assert [row["params"] for row in data["layers"]] == [16000, 4224, 6336, 33]
    assert data["layers"][2]["output_shape"] == [None, 32]


def test_invalid_stack_exits_2_with_keras_message() -> None:
    result = CliRunner().invoke(app, ["summary", "Input(20,8) GRU(8) GRU(4)"])
    assert result.exit_code == 2
    assert "expected ndim=3, found ndim=2. Full shape received: (None, 8)" in result.output
    assert "return_sequences=True" in result.output


def test_no_code_execution() -> None:
    result = CliRunner().invoke(app, ["summary", "Input(5,3) __import__('os').system('echo hi')"])
    assert result.exit_code == 2
    assert "hi\n" not in result.output


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("rnntui ")
