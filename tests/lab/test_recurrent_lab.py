"""Recurrent labs without Textual: views equal the engine's traces; every change is validated."""

from __future__ import annotations

import numpy as np
import pytest

from rnntui.lab.format import fmt
from rnntui.lab.gru import GRULab
from rnntui.lab.lstm import LSTMLab
from rnntui.lab.recurrent import RecurrentLab
from rnntui.lab.simple_rnn import SimpleRNNLab
from rnntui.lab.spec import SettingError
from rnntui.nn import GRU, LSTM, GateForce, SimpleRNN

X = np.asarray([1.0, 0.5, -1.0]).reshape(1, 3, 1)
LABS: list[type[RecurrentLab]] = [SimpleRNNLab, LSTMLab, GRULab]
ENGINE = {SimpleRNNLab: SimpleRNN, LSTMLab: LSTM, GRULab: GRU}


def engine(lab_cls: type[RecurrentLab], units: int = 2, seed: int = 0):  # type: ignore[no-untyped-def]
    return ENGINE[lab_cls](units, return_sequences=True, seed=seed)


@pytest.mark.parametrize("lab_cls", LABS)
def test_view_equals_the_engine_trace(lab_cls: type[RecurrentLab]) -> None:
    lab = lab_cls()
    trace = engine(lab_cls).trace(X)
    view = lab.view("en")
    assert view.grid_h == tuple(tuple(float(s.h[0, k]) for s in trace.steps) for k in range(2))
    lab.select(time=2, unit=1)
    view = lab.view("ko")
    step = trace.steps[2]
    assert (view.time, view.unit) == (2, 1)
    assert view.h_prev == float(step.h_prev[0, 1]) and view.x_t == -1.0
    for gate in view.gates:
        assert gate.value == float(step.gates[gate.gate][0, 1])
        assert gate.suffix == f"활성화 전 값 {fmt(step.pre[gate.gate][0, 1]).rjust(8)}"
        assert "sig" not in gate.label
    h_line = {SimpleRNNLab: "formula", LSTMLab: "h-line", GRULab: "h-line"}[lab_cls]
    assert dict(view.lines)[h_line].endswith(f"= {fmt(step.h[0, 1])}")
    assert "유닛 1" in view.title and "t=3" in view.title  # steps shown from 1


def test_lstm_formula_lines_carry_the_live_operands() -> None:
    lab = LSTMLab()
    step = LSTM(2, return_sequences=True, seed=0).trace(X).steps[0]
    lines = dict(lab.view().lines)
    f, i, g = (fmt(step.gates[k][0, 0]) for k in "fig")
    assert lines["c-head"] == "c_t = f*c_{t-1} + i*g"
    assert lines["c-line"].startswith(f"    = {f}*0.0000 + {i}*")
    assert g.lstrip("-") in lines["c-line"] and lines["c-line"].endswith(fmt(step.c[0, 0]))
    assert lines["h-line"].endswith(f"= {fmt(step.h[0, 0])}")


def test_gru_params_line_is_the_engines_count() -> None:
    lab = GRULab({"units": 3})
    lstm, gru = LSTM(3), GRU(3)
    lstm.build((None, 1, 1))
    gru.build((None, 1, 1))
    params = dict(lab.view().lines)["params"]
    assert (
        f"LSTM (4 blocks) {lstm.count_params():,}, GRU (3 blocks) {gru.count_params():,}" in params
    )


@pytest.mark.parametrize("lab_cls", LABS)
def test_changing_units_keeps_the_remaining_units_weights(lab_cls: type[RecurrentLab]) -> None:
    lab = lab_cls()
    before = lab.engine_layer().get_weights()
    first = lab.view()
    lab.set("units", 3)
    gates = lab.engine_layer().n_gates
    after = lab.engine_layer().get_weights()
    for index, (old, new) in enumerate(zip(before, after, strict=True)):
        for g in range(gates):
            kept = new[..., g * 3 : g * 3 + 2]
            if index == 1:
                kept, old_block = kept[:2], old[:, g * 2 : g * 2 + 2]
            else:
                old_block = old[..., g * 2 : g * 2 + 2]
            np.testing.assert_array_equal(kept, old_block)
    assert lab.view().units == 3 and len(lab.view().grid_h) == 3
    lab.set("units", 2)
    assert lab.view().grid_h == first.grid_h  # shrinking back: the very same weights


@pytest.mark.parametrize("lab_cls", LABS)
def test_x_t_edit_shows_in_the_sequence_text(lab_cls: type[RecurrentLab]) -> None:
    lab = lab_cls()
    assert lab.view().sequence_text == "1.00 0.50 -1.00"
    lab.select(time=1)
    lab.set("x_t", 0.7)
    view = lab.view()
    assert view.sequence_text == "1.00 0.70 -1.00" and view.x_t == 0.7
    lab.set("x_t", 0.1234)
    assert lab.view().sequence_text == "1.00 0.1234 -1.00"
    with pytest.raises(SettingError, match=r"x_t must be a number -5\.\.5"):
        lab.set("x_t", 7)


def test_state_edit_reruns_from_the_edited_state() -> None:
    lab = LSTMLab()
    lab.select(time=1, unit=0)
    lab.set("c_prev", 0.5)
    view = lab.view()
    head = LSTM(2, return_sequences=True, seed=0).trace(X[:, :1])
    h1 = head.steps[0].h
    tail = LSTM(2, return_sequences=True, seed=0).trace(
        X[:, 1:], initial_state=[h1, np.array([[0.5, float(head.steps[0].c[0, 1])]])]
    )
    assert view.c_prev == 0.5 and "state set at t=2" in view.title  # shown from 1
    assert view.grid_c is not None and view.grid_c[0][1:] == tuple(
        float(s.c[0, 0]) for s in tail.steps
    )


def test_forcing_and_its_validation() -> None:
    lab = LSTMLab()
    lab.force("f", "value", 0.0)
    view = lab.view()
    trace = LSTM(2, return_sequences=True, seed=0).trace(X, forced={"f": GateForce("value", 0)})
    assert view.grid_h[1] == tuple(float(s.h[0, 1]) for s in trace.steps)
    bar_f = next(g for g in view.gates if g.gate == "f")
    assert bar_f.value == 0.0 and bar_f.note == "forced"
    assert [(f.gate, f.kind, f.value) for f in view.forces] == [("f", "value", 0.0)]
    with pytest.raises(SettingError, match="gate must be one of f, i, o, g"):
        lab.force("z", "value", 1.0)
    with pytest.raises(SettingError, match=r"force f must be a number 0\.0\.\.1\.0"):
        lab.force("f", "value", 2.0)
    lab.force("f", "pre", 5.0)
    lab.release("f")
    assert lab.view().forces == ()


@pytest.mark.parametrize("lab_cls", LABS)
def test_reset_undoes_everything_the_student_changed(lab_cls: type[RecurrentLab]) -> None:
    lab = lab_cls({"units": 3})
    start = lab.view()
    lab.set("units", 5)
    lab.select(time=2, unit=4)
    lab.set("x_t", 2.0)
    lab.set("h_prev", 0.5)
    if lab.FORCE_GATES:
        lab.force(lab.FORCE_GATES[0][0], "value", 1.0)
    lab.set_text("the cat sat on")
    lab.reset()
    assert lab.view() == start


def test_typed_words_go_through_an_embedding() -> None:
    lab = SimpleRNNLab()
    lab.set_text("the cat sat")
    view = lab.view()
    assert view.dim == 2 and not view.x_editable and view.x_desc_shown
    assert view.sequence_text == "the cat sat" and "'the' (id 2)" in view.x_desc
    x = lab.seq.embedding(np.asarray([[2, 0, 1]]))  # type: ignore[misc]
    trace = SimpleRNN(2, return_sequences=True, seed=0).trace(x)
    assert view.grid_h[0] == tuple(float(s.h[0, 0]) for s in trace.steps)
    with pytest.raises(SettingError, match="cannot be set for words"):
        lab.set("x_t", 1.0)
    with pytest.raises(ValueError, match="at most 12 steps"):
        lab.set_text(" ".join(["1"] * 13))


@pytest.mark.parametrize("lab_cls", LABS)
def test_set_weights_in_keras_order(lab_cls: type[RecurrentLab]) -> None:
    source = engine(lab_cls, units=3, seed=11)
    source.build((None, 3, 1))
    lab = lab_cls()
    lab.set_weights(source.get_weights())
    trace = source.trace(X)
    view = lab.view()
    assert view.units == 3
    assert view.grid_h == tuple(tuple(float(s.h[0, k]) for s in trace.steps) for k in range(3))
    lab.set("units", 1)
    lab.reset()
    assert lab.view().grid_h == view.grid_h  # reset comes back to the given weights
    other = lab_cls()
    other.use_layer(source)
    assert other.view().grid_h == view.grid_h


def test_weights_that_do_not_fit_are_refused() -> None:
    lab = LSTMLab()
    with pytest.raises(ValueError, match="is not 4 x units"):
        lab.set_weights([np.zeros((1, 6)), np.zeros((1, 6)), np.zeros(6)])
    with pytest.raises(ValueError, match="input dim 2"):
        lab.set_weights([np.zeros((2, 8)), np.zeros((2, 8)), np.zeros(8)])
    with pytest.raises(ValueError, match="runs a LSTM layer, not GRU"):
        lab.use_layer(GRU(2))


def test_settings_are_validated_by_the_spec() -> None:
    lab = GRULab({"units": 99, "reset_after": False})
    assert lab.units == 2 and [str(e) for e in lab.refused] == [
        "units must be a whole number 1..64"
    ]
    assert lab.view("en").warnings == (
        "Preset value 'units' ignored: units must be a whole number 1..64",
    )
    assert lab.view("ko").warnings[0].startswith("프리셋 값 'units'을(를) 무시했습니다: units")
    assert lab.engine_layer().reset_after is False  # type: ignore[attr-defined]
    with pytest.raises(SettingError, match=r"units must be a whole number 1\.\.64"):
        lab.set("units", 0)
    with pytest.raises(SettingError, match=r"t must be a whole number 0\.\.2"):
        lab.select(time=3)
    with pytest.raises(SettingError, match=r"unit must be a whole number 0\.\.1"):
        lab.select(unit=2)
    lab.set("seed", 4)
    assert lab.view().grid_h[0] == tuple(
        float(s.h[0, 0])
        for s in GRU(2, return_sequences=True, seed=4, reset_after=False).trace(X).steps
    )


def test_a_units_change_does_not_depend_on_what_was_viewed() -> None:
    viewed, blind = LSTMLab(), LSTMLab()
    viewed.view()
    viewed.set("units", 3)
    blind.set("units", 3)
    assert viewed.view() == blind.view()


SRNN_EXAMPLE = {
    "sequence": [1.0, 0.5, -0.5, 0.0],
    "kernel": [[0.5]],
    "recurrent_kernel": [[0.8]],
    "bias": [0.0],
}


def test_the_lessons_example_runs_its_exact_weights() -> None:
    lab = SimpleRNNLab({"units": 3, "example": SRNN_EXAMPLE})
    assert lab.has_example and lab.units == 3
    lab.load_example()
    view = lab.view()
    h, expected = 0.0, []
    for x in SRNN_EXAMPLE["sequence"]:  # the lesson's hand computation
        h = float(np.tanh(x * 0.5 + h * 0.8))
        expected.append(h)
    assert view.units == 1 and view.grid_h[0] == pytest.approx(expected, abs=1e-15)
    assert "lesson's example" in view.title and "state set" not in view.title
    lab.set_weight(1, 0, 0, 0.0)  # U = 0: every step forgets the last
    assert lab.view().grid_h[0] == pytest.approx(
        [float(np.tanh(0.5 * x)) for x in [1, 0.5, -0.5, 0]]
    )
    with pytest.raises(SettingError):
        lab.set_weight(1, 0, 0, 1e6)
    with pytest.raises(SettingError):
        lab.set_weight(0, 3, 0, 1.0)
    lab.reset()
    assert lab.units == 3 and not lab.example_loaded and not SimpleRNNLab().has_example


def test_an_lstm_example_starts_from_its_c0_and_a_gru_one_picks_reset_after() -> None:
    lab = LSTMLab(
        {
            "example": {
                "sequence": [1.0],
                "kernel": [[0.2, 1.0, 0.5, 0.4]],
                "recurrent_kernel": [[0.0, 0.0, 0.0, 0.0]],
                "bias": [0.0, 0.0, 0.0, 0.0],
                "c0": [0.8],
            }
        }
    )
    lab.load_example()
    view = lab.view()
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    c = sig(1.0) * 0.8 + sig(0.2) * np.tanh(0.5)
    assert view.c_prev == 0.8 and view.grid_c == ((pytest.approx(c, abs=1e-15),),)
    assert view.grid_h[0][0] == pytest.approx(sig(0.4) * np.tanh(c), abs=1e-15)
    gru = GRULab(
        {
            "example": {
                "sequence": [1.0],
                "kernel": [[1, 2, 3]],
                "recurrent_kernel": [[0, 0, 0]],
                "bias": [0, 0, 0],
            }
        }
    )
    gru.load_example()
    assert gru.settings["reset_after"] is False and gru.engine_layer().bias.shape == (3,)


@pytest.mark.parametrize(
    ("panel", "example", "reason"),
    [
        (
            "simple_rnn",
            {"sequence": [1.0], "kernel": [[0.5, 0.1]], "recurrent_kernel": [[0.8]], "bias": [0.0]},
            "recurrent_kernel",
        ),
        (
            "lstm",
            {"sequence": [1.0], "kernel": [[0.5]], "recurrent_kernel": [[0.8]], "bias": [0.0]},
            "4 x units",
        ),
        (
            "simple_rnn",
            {"sequence": [1.0], "kernel": [[1e9]], "recurrent_kernel": [[0.8]], "bias": [0.0]},
            "-100..100",
        ),
        (
            "simple_rnn",
            {"sequence": [1.0], "kernel": [[0.5]], "recurrent_kernel": [[0.8]]},
            "`bias`",
        ),
        (
            "simple_rnn",
            {
                "sequence": [1.0],
                "kernel": [[0.5]],
                "recurrent_kernel": [[0.8]],
                "bias": [0],
                "c0": [1],
            },
            "keys",
        ),
        ("gru", "nope", "mapping"),
    ],
)
def test_bad_examples_are_refused_by_the_spec(panel: str, example: object, reason: str) -> None:
    from rnntui.lab.specs import PANEL_SPECS

    with pytest.raises(SettingError) as error:
        PANEL_SPECS[panel].validate("example", example)
    assert reason in str(error.value)


@pytest.mark.parametrize("text", ["1e308 1", "-1e308", "5.01", "1 0.5 -6"])
def test_a_typed_sequence_obeys_the_x_t_range(text: str) -> None:
    lab = LSTMLab()
    with pytest.raises(ValueError, match=r"-5\.\.5"):
        lab.set_text(text)
    lab.set_text("5 -5 0")
    assert lab.seq.steps == 3
    from rnntui.lab.sequence import refusal_ko

    with pytest.raises(ValueError) as error:
        lab.set_text(text)
    assert refusal_ko(str(error.value)) == "숫자는 x_t처럼 -5..5 사이여야 합니다"
