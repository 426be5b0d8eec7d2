"""``rnntui code LESSON``: the code for a lesson's panel in its starting state."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rnntui.cli import app
from rnntui.codegen import code_for, lab_for_panel
from rnntui.content.loader import load_lessons

runner = CliRunner()


def test_help_lists_the_command() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "code" in result.output and "PyTorch" in result.output


def test_by_number_and_by_id_print_the_same_keras_code() -> None:
    by_number = runner.invoke(app, ["code", "4", "--lang", "en"])
    by_id = runner.invoke(app, ["code", "lstm", "--lang", "en"])
    assert by_number.exit_code == 0, by_number.output
    assert by_number.output == by_id.output
    lesson = load_lessons().get("lstm", "en")
    assert lesson is not None
    assert by_id.output == code_for(lab_for_panel(lesson.panel, lesson.preset), "keras", "en")
    assert "import keras" in by_id.output
    ast.parse(by_id.output)


def test_out_writes_torch_code_in_korean(tmp_path: Path) -> None:
    target = tmp_path / "gru.py"
    result = runner.invoke(
        app, ["code", "gru", "--framework", "torch", "--out", str(target), "--lang", "ko"]
    )
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "import torch" in text and "# rnntui: GRU 패널" in text
    ast.parse(text)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["code", "no-such-lesson"], "no lesson 'no-such-lesson'"),
        (["code", "lstm", "--framework", "jax"], "--framework must be one of keras, torch"),
    ],
)
def test_bad_lesson_or_framework_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output
