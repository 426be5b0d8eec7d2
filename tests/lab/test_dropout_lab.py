"""Dropout lab without Textual: masks and trajectories are the engine's; changes are validated."""

from __future__ import annotations

import numpy as np
import pytest

from rnntui.lab.dropout import INPUT_DIM, DropoutLab, input_sequence, make_layer
from rnntui.lab.format import fmt
from rnntui.lab.spec import SettingError
from rnntui.nn import RecurrentTrace


def engine_run(
    kind: str, units: int, rate: float, rec: float, steps: int, draws: int = 1
) -> RecurrentTrace:
    layer = make_layer(kind, units, rate, rec)
    layer.build((None, None, INPUT_DIM))
    x = input_sequence(steps)
    for _ in range(draws):
        masks = layer.trace(x, training=True).masks
    return layer.trace(x, training=True, dropout_masks=masks)


def lines(lab: DropoutLab, lang: str = "en") -> dict[str, str]:
    return dict(lab.view(lang).lines)


def test_first_view_is_the_engines_first_call() -> None:
    lab = DropoutLab()
    shown = lines(lab)
    run = engine_run("LSTM", 4, 0.2, 0.2, 6)
    mask = run.masks.input[0][0]  # type: ignore[union-attr]
    first_row = shown["in-grid"].splitlines()[0].split()
    assert first_row == ["x[0]", fmt(mask[0]), *(fmt(s.x_in[0][0, 0]) for s in run.steps)]
    assert shown["title"] == "LSTM(4, dropout=0.20, recurrent_dropout=0.20)"
    assert shown["gates"].startswith("a mask per gate: [i] f c o")
    assert lab.draws == 1 and "call #1" in shown["mode"]


def test_new_calls_gates_kind_and_inference() -> None:
    lab = DropoutLab()
    lab.view()
    lab.next_gate()
    for _ in range(2):  # two new calls, each drawn when viewed
        assert lab.new_masks()
        shown = lines(lab)
    run3 = engine_run("LSTM", 4, 0.2, 0.2, 6, draws=3)
    assert lab.draws == 3 and "i [f] c o" in shown["gates"]
    assert shown["run-grid"].splitlines()[0].split()[1:] == [fmt(s.h[0, 0]) for s in run3.steps]
    lab.toggle_kind()
    assert lines(lab)["title"].startswith("GRU(4,") and lab.draws == 1
    lab.toggle_mode()
    assert not lab.new_masks()
    shown = lines(lab, "ko")
    assert shown["diff"].endswith("최대 |차이| = 0.0000") and "추론" in shown["mode"]


def test_units_keep_their_weights_and_rates_keep_all() -> None:
    lab = DropoutLab()
    lab.view()
    before = lab.engine_layer().get_weights()
    lab.set("recurrent_dropout", 0.5)
    for old, new in zip(before, lab.engine_layer().get_weights(), strict=True):
        np.testing.assert_array_equal(old, new)
    lab.set("units", 5)
    kernel = lab.engine_layer().get_weights()[0]
    np.testing.assert_array_equal(kernel[:, :4], before[0][:, :4])  # gate i, units 0..3
    lab.set("units", 4)
    for old, new in zip(before, lab.engine_layer().get_weights(), strict=True):
        np.testing.assert_array_equal(old, new)


def test_settings_are_validated_by_the_spec_and_reset() -> None:
    lab = DropoutLab({"units": 8, "dropout": 0.5})
    assert [str(e) for e in lab.refused] == ["units must be a whole number 1..5"]
    assert lab.settings["units"] == 4 and lab.settings["dropout"] == 0.5
    with pytest.raises(SettingError, match=r"dropout must be a number 0\.\.0\.95"):
        lab.set("dropout", 1.0)
    lab.set("timesteps", 2)
    lab.toggle_kind()
    lab.reset()
    assert lab.kind == "LSTM" and lab.settings["timesteps"] == 6


def test_given_weights() -> None:
    source = make_layer("LSTM", 4, 0.0, 0.0)
    source.build((None, None, INPUT_DIM))
    weights = [w * 0.5 for w in source.get_weights()]
    lab = DropoutLab()
    lab.set_weights(weights)
    lab.view()
    assert lab.plain is not None
    plain = make_layer("LSTM", 4, 0.0, 0.0)
    plain.build((None, None, INPUT_DIM))
    plain.set_weights(weights)
    expected = plain.trace(input_sequence(6), training=False)
    np.testing.assert_array_equal(lab.plain.outputs, expected.outputs)
    lab.reset()
    np.testing.assert_array_equal(lab.engine_layer().get_weights()[0], weights[0])
