"""The drawn cell (rnntui/lab/diagram.py): every number equals the lab's readouts and trace,
one width for every line (Rich's cell count, Korean too), ASCII mode without box drawing, the
LSTM chain and both GRU forms in the right order, forced gates named in words."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from rich.cells import cell_len

from rnntui.lab.diagram import WIDTH, Diagram, diagram_values, lab_diagram
from rnntui.lab.gru import GRULab
from rnntui.lab.lstm import LSTMLab
from rnntui.lab.recurrent import RecurrentLab, RecurrentView
from rnntui.lab.simple_rnn import SimpleRNNLab
from rnntui.settings import ascii_boxes, load_settings, save_settings

NUMBER = re.compile(r"(?<![\d.])-?\d+\.\d{4}(?!\d)")
"""A printed value: 4 decimals (not the ``1`` of ``1-z``, not ``t=0``)."""


def numbers(text: str) -> list[str]:
    """The printed values in ``text``, in order."""
    return NUMBER.findall(text)


def is_box(char: str) -> bool:
    return 0x2500 <= ord(char) <= 0x257F


def spot_texts(diagram: Diagram) -> dict[str, str]:
    return {s.name: s.text for s in diagram.spots}


def readouts(view: RecurrentView) -> dict[str, str]:
    """The numbers the panel's readouts print, parsed back out of the view's text."""
    lines = dict(view.lines)
    out = {"x_t": f"{view.x_t:.4f}", "h_prev": f"{view.h_prev:.4f}"}
    for gate in view.gates:
        out[gate.gate] = f"{gate.value:.4f}"
        out[f"pre_{gate.gate}"] = numbers(gate.suffix)[0]
    if view.kind == "SimpleRNN":
        xw, hu, b, pre, h = numbers(lines["formula"])
        out.update(xw=xw, hu=hu, b=b, pre_h=pre, h=h)
    elif view.kind == "LSTM":
        f, c_prev, i, g, c = numbers(lines["c-line"])
        o, c2, h = numbers(lines["h-line"])
        assert (f, i, g, o, c2) == (out["f"], out["i"], out["g"], out["o"], c)
        out.update(c_prev=c_prev, c=c, h=h)
    else:
        z, h_prev, z2, hh, h = numbers(lines["h-line"])
        assert (z, z2, hh, h_prev) == (out["z"], out["z"], out["hh"], out["h_prev"])
        out["h"] = h
    out["grid_h"] = f"{view.grid_h[view.unit][view.time]:.4f}"
    out = {k: ("0.0000" if v == "-0.0000" else v) for k, v in out.items()}
    assert out.pop("grid_h") == out["h"]
    return out


def lstm_forced() -> LSTMLab:
    lab = LSTMLab({"units": 3, "sequence": [1.0, -0.5, 2.0]})
    lab.select(time=2, unit=1)
    lab.force("f", "value", 0.0)
    lab.force("g", "pre", 3.0)
    return lab


def gru_edit(reset_after: bool) -> Callable[[], GRULab]:
    def make() -> GRULab:
        lab = GRULab({"units": 2, "sequence": [0.3, -1.0, 0.8], "reset_after": reset_after})
        lab.select(time=1, unit=1)
        lab.set("h_prev", -0.7)
        lab.force("r", "value", 0.25)
        return lab

    return make


def rnn_two_dims() -> SimpleRNNLab:
    lab = SimpleRNNLab({"units": 2, "sequence": [[1.0, -2.0], [0.5, 0.25]]})
    lab.select(time=1, unit=1)
    return lab


LABS: dict[str, Callable[[], RecurrentLab]] = {
    "simple_rnn": lambda: SimpleRNNLab(None),
    "simple_rnn_2d": rnn_two_dims,
    "lstm": lambda: LSTMLab(None),
    "lstm_forced": lstm_forced,
    "gru_after": lambda: GRULab(None),
    "gru_before": lambda: GRULab({"reset_after": False}),
    "gru_after_edit": gru_edit(True),
    "gru_before_edit": gru_edit(False),
}


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("ascii", [False, True])
@pytest.mark.parametrize("name", sorted(LABS))
def test_every_number_is_the_readouts_and_the_lines_have_one_width(
    name: str, ascii: bool, lang: str
) -> None:
    lab = LABS[name]()
    view = lab.view(lang)
    diagram = lab_diagram(lab, ascii=ascii, lang=lang, view=view)
    # one width, as Rich counts cells (Korean labels are two cells a character)
    assert {cell_len(line) for line in diagram.lines} == {WIDTH} and diagram.width == WIDTH
    # each spot is where it says, and every printed value is a spot
    for spot in diagram.spots:
        assert diagram.lines[spot.line][spot.start : spot.start + len(spot.text)] == spot.text
    assert sorted(numbers(diagram.text)) == sorted(s.text for s in diagram.spots)
    # the same strings as the readouts print
    shown, expected = spot_texts(diagram), readouts(view)
    assert shown == {k: expected[k] for k in shown}
    wanted = {"x_t", "h_prev", "h"} | {
        "SimpleRNN": {"xw", "hu", "b", "pre_h"},
        "LSTM": {"c_prev", "c", "f", "i", "g", "o"},
        "GRU": {"z", "r", "hh", "pre_hh"},
    }[view.kind]
    assert set(shown) == wanted
    # and the values are the engine's (not re-derived)
    step, u = lab.steps()[view.time], view.unit
    values = {s.name: s.value for s in diagram.spots}
    assert values["h"] == float(step.h[0, u])
    for gate in step.gates:
        if gate in values:
            assert values[gate] == float(step.gates[gate][0, u])
    if step.c is not None:
        assert values["c"] == float(step.c[0, u])
    if ascii:
        assert not any(is_box(ch) for ch in diagram.text)
    else:
        assert any(is_box(ch) for ch in diagram.text)
        plain = lab_diagram(lab, ascii=True, lang=lang, view=view)
        assert [len(a) for a in plain.lines] == [len(b) for b in diagram.lines]
        assert plain.spots == diagram.spots


def test_the_lstm_chain_runs_left_to_right_and_forced_gates_are_named() -> None:
    lab = lstm_forced()
    diagram = lab_diagram(lab)
    top = next(line for line in diagram.lines if "c_{t-1}" in line)
    order = [top.index(part) for part in ("c_{t-1}", "(x)", "(+)", "c_t")]
    assert order == sorted(order)
    out = next(line for line in diagram.lines if "h_t" in line and "(x)" in line)
    assert out.index("(x)") < out.index("h_t")
    tanh_row = next(k for k, line in enumerate(diagram.lines) if "[tanh]" in line)
    top_row, out_row = diagram.lines.index(top), diagram.lines.index(out)
    assert top_row < tanh_row < out_row  # c_t -> tanh -> (x) o -> h_t
    assert "[f sig]*" in diagram.text and "[g tanh]*" in diagram.text
    assert "[i sig]*" not in diagram.text
    assert "* forced: f, g" in diagram.text
    assert spot_texts(diagram)["f"] == "0.0000"
    assert "* 고정: f, g" in lab_diagram(lab, lang="ko").text
    lab.release()
    assert "forced gates: none" in lab_diagram(lab).text


@pytest.mark.parametrize("reset_after", [True, False])
def test_gru_puts_r_before_or_after_the_recurrent_kernel(reset_after: bool) -> None:
    lab = GRULab({"reset_after": reset_after})
    text = lab_diagram(lab).text
    path = next(line for line in text.split("\n") if "U_h" in line and "(x)" in line)
    if reset_after:
        assert path.index("[U_h, b_rh]") < path.index("(x)")
        assert "r*(h_{t-1} U_h + b_rh)" in text
    else:
        assert path.index("(x)") < path.index("[U_h]")
        assert "(r*h_{t-1}) U_h" in text
    assert f"reset_after={reset_after}" in text.split("\n")[0]
    assert "h_t = z*h_{t-1} + (1-z)*hh" in text and "1-z" in text


def test_korean_labels_and_the_width_stays_while_values_change() -> None:
    lab = LSTMLab(None)
    first = lab_diagram(lab, lang="ko")
    assert "LSTM 셀" in first.lines[0] and "유닛 0" in first.lines[0]
    assert any("곱하기" in line for line in first.lines)
    for change in (
        lambda: lab.set("x_t", -4.75),
        lambda: lab.set("c_prev", -5.0),
        lambda: lab.force("o", "value", 1.0),
        lambda: lab.select(time=2),
    ):
        change()
        again = lab_diagram(lab, lang="ko")
        assert len(again.lines) == len(first.lines)
        assert {cell_len(line) for line in again.lines} == {first.width}
        assert again.lines != first.lines


def test_a_huge_input_is_printed_whole_and_every_line_keeps_one_width() -> None:
    for make in (SimpleRNNLab, LSTMLab, GRULab):  # a preset's numbers are not bounded
        diagram = lab_diagram(make({"sequence": [123456.5, 1.0]}), ascii=True)
        assert "123456.5000" in diagram.text
        assert len({cell_len(line) for line in diagram.lines}) == 1
        for spot in diagram.spots:  # no number overwrote another, or a label
            assert diagram.lines[spot.line][spot.start : spot.start + len(spot.text)] == spot.text
        assert sorted(numbers(diagram.text)) == sorted(s.text for s in diagram.spots)
        assert all(label in diagram.text for label in ("x_t", "h_{t-1}", "h_t"))


def test_values_come_from_the_view_given() -> None:
    lab = GRULab(None)
    view = lab.view("en")
    values = diagram_values(lab, view)
    assert values.x_t == view.x_t and values.h_prev == view.h_prev
    assert values.gates == {g.gate: g.value for g in view.gates}
    assert values.reset_after is True and values.c is None


def test_the_box_chars_setting_says_whether_to_draw_ascii() -> None:
    assert load_settings().box_chars is None and not ascii_boxes()
    save_settings(box_chars="ascii")
    assert ascii_boxes() and ascii_boxes(load_settings())
    save_settings(box_chars="box")
    assert not ascii_boxes()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_diagram_counts_steps_from_1_like_the_panel(lang: str) -> None:
    lab = LSTMLab()
    lab.select(time=2, unit=1)
    title = lab_diagram(lab, lang=lang).lines[0]
    assert "t=3" in title and "t=3" in lab.view(lang).title, (title, lab.view(lang).title)
