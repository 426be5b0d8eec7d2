"""Stacking lab without Textual: the table and total are parse_spec's; Keras' error and fix."""

from __future__ import annotations

import pytest

from rnntui.lab.spec import SettingError
from rnntui.lab.stacking import StackingLab
from rnntui.nn.spec import parse_spec


def test_valid_stack_totals_as_rnntui_summary() -> None:
    lab = StackingLab()
    view = lab.view()
    assert lab.spec() == "Input(20,8) LSTM(32,return_sequences=True) LSTM(16)"
    total = parse_spec(lab.spec(), draw_weights=False).summary().total_params
    assert lab.total == total and f"{total:,}" in view.total and lab.error is None
    assert view.table.splitlines()[1].startswith("input") and view.fix_row == 0


def test_missing_return_sequences_is_keras_error_with_the_fix() -> None:
    lab = StackingLab()
    lab.set_layer(0, return_sequences=False)
    view = lab.view("en")
    assert lab.error is not None and lab.error.layer_index == 1 and lab.total is None
    assert view.error.startswith("ValueError: ") and "layer 1 to True" in view.error
    assert view.fix_row == 0 and view.total == "Total params: -"
    assert "ERROR: 2-D input" in view.table
    assert lab.view("ko").error.count("1층의 return_sequences") == 1


def test_layers_count_validation_and_reset() -> None:
    lab = StackingLab({"timesteps": 7, "input_dim": 3})
    lab.set("count", 3)
    lab.set_layer(2, kind="GRU", units=8)
    assert lab.stack()[2] == ("GRU", 8, False)
    with pytest.raises(SettingError, match=r"units must be a whole number 1\.\.256"):
        lab.set_layer(0, units=0)
    with pytest.raises(SettingError, match="type must be one of LSTM, GRU, SimpleRNN"):
        lab.set_layer(0, kind="Dense")
    with pytest.raises(SettingError, match=r"timesteps must be a whole number 1\.\.500"):
        lab.set("timesteps", 501)
    with pytest.raises(SettingError, match=r"count must be a whole number 1\.\.4"):
        lab.set("count", 5)
    lab.reset()
    assert lab.spec() == "Input(7,3) LSTM(32,return_sequences=True) LSTM(16)"


def test_korean_error_text_has_the_korean_hint() -> None:
    """The Korean stacking error: Keras' own message, then the hint in Korean (no "Hint:")."""
    lab = StackingLab()
    lab.set_layer(0, return_sequences=False)
    view = lab.view("ko")
    assert "expected ndim=3, found ndim=2" in view.error  # Keras' words, quoted as code
    assert "Hint" not in view.error and "도움말: 아래 층('lstm')에" in view.error
    assert "해결: 1층의 return_sequences" in view.error
    assert view.table.splitlines()[1].startswith("입력 ")
    bad = StackingLab({"layers": [{"type": "LSTM", "units": 4}, {"type": "GRU", "units": 2}]})
    assert "Hint: set return_sequences=True" in bad.view("en").error
