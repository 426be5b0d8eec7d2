"""The generator without running the code: valid Python, exact literals, comments in the
chosen language, file names, and what each script says about forcing and torch's GRU."""

from __future__ import annotations

import ast

import numpy as np
import pytest

from rnntui.codegen import FRAMEWORKS, LABS, MATCH_LINE, code_for, filename_for, lab_for_panel
from rnntui.codegen.emit import literal, number
from tests.codegen.cases import CASES


@pytest.mark.parametrize("framework", FRAMEWORKS)
@pytest.mark.parametrize("panel", list(LABS))
def test_every_panel_gives_valid_python_with_a_check(panel: str, framework: str) -> None:
    code = code_for(lab_for_panel(panel), framework, "en")
    ast.parse(code)
    assert f'print("{MATCH_LINE}")' in code
    assert ("import keras" in code) == (framework == "keras")
    assert ("import torch" in code) == (framework == "torch")


def test_literals_read_back_to_the_same_float64() -> None:
    rng = np.random.default_rng(1)
    values = rng.normal(size=(3, 4)) * 10.0 ** rng.integers(-12, 3, size=(3, 4))
    back = eval(literal(values), {"np": np})
    assert back.dtype == np.float64
    assert np.array_equal(back, values)
    assert number(-0.0) == "0.0"
    with pytest.raises(ValueError):
        number(float("nan"))


def test_comments_follow_the_language() -> None:
    lab = lab_for_panel("lstm")
    ko, en = code_for(lab, "keras", "ko"), code_for(lab, "keras", "en")
    assert "스텝" in ko and "스텝" not in en

    def code_lines(text: str) -> list[str]:  # the gate labels are the panel's own words
        lines = (line for line in text.splitlines() if not line.lstrip().startswith("#"))
        return [line for line in lines if not line.startswith("labels = ")]

    assert code_lines(ko) == code_lines(en)


def test_forcing_is_explained_and_written_out() -> None:
    lab = CASES["lstm-forced"]()
    code = code_for(lab, "keras", "en")
    assert "Keras and torch have no such option" in code
    assert "FORCES = {'f': ('value', 1.0), 'g': ('pre', 0.5)}" in code


def test_gru_reset_before_has_no_torch_module_but_a_loop() -> None:
    lab = lab_for_panel("gru")
    lab.set("reset_after", False)
    code = code_for(lab, "torch", "en")
    assert "layer = torch.nn.GRU(" not in code  # (only to count parameters)
    assert "reset_after=False" in code and "def cell(" in code
    assert "layer = torch.nn.GRU(" in code_for(lab_for_panel("gru"), "torch", "en")


def test_file_names_and_unknown_things() -> None:
    lab = lab_for_panel("lstm")
    assert filename_for(lab, "torch") == "rnntui_lstm_torch.py"
    with pytest.raises(ValueError):
        code_for(object(), "keras")
    with pytest.raises(ValueError):
        code_for(lab, "jax")
