"""The worked examples of lessons 3 and 4, live: the numbers the text computes (engine
directives) are the numbers the panel shows after ``e`` (``load_example``); ``rnntui check``
refuses a bad example the way the lab does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rnntui.content.commands import check_paths
from rnntui.content.loader import LessonSet, load_lessons
from rnntui.lab.derive import derive
from rnntui.lab.format import fmt
from rnntui.lab.lstm import LSTMLab
from rnntui.lab.simple_rnn import SimpleRNNLab
from tests.content.lesson_fixtures import VALID


@pytest.fixture(scope="module")
def lessons() -> LessonSet:
    return load_lessons()


def numbers_after(body: str, pattern: str) -> list[str]:
    """The 4-decimal numbers that end the lines matching ``pattern``."""
    return re.findall(pattern + r".*?(-?\d+\.\d{4})\s*$", body, flags=re.MULTILINE)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_lesson_3_example_is_the_panels_grid(lessons: LessonSet, lang: str) -> None:
    lesson = lessons.get("simple-rnn", lang)
    assert lesson is not None
    text = numbers_after(lesson.body, r"^- `h_\d = tanh")
    assert len(text) == 4
    lab = SimpleRNNLab(lesson.preset)
    assert not lab.refused and lab.units == 3
    lab.load_example()
    view = lab.view(lang)
    assert [fmt(v) for v in view.grid_h[0]] == text
    d = derive(lab, "h", 0, 1, lang)  # h_2 = tanh(0.5*0.5 + 0.8*h_1), term by term
    assert d.groups[0].terms[0].a == 0.5 and d.groups[0].terms[0].b == 0.5
    assert d.groups[1].terms[0].b == 0.8 and fmt(d.groups[1].terms[0].a) == text[0]
    assert fmt(d.result) == text[1]
    assert "`e`" in lesson.body


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_lesson_4_example_is_the_panels_step(lessons: LessonSet, lang: str) -> None:
    lesson = lessons.get("lstm", lang)
    assert lesson is not None
    body = lesson.body
    gates = {g: numbers_after(body, rf"^- {g} = (?:sigmoid|tanh)\(")[0] for g in "figo"}
    c_text = numbers_after(body, r"^- `c_t = f \* 0\.8")[0]
    h_text = numbers_after(body, r"^- `h_t = o \* tanh")[0]
    wiped = re.search(r"`i \* g` = (-?\d+\.\d{4})", body)
    kept = re.search(r"`0\.8 \+ i \* g` = (-?\d+\.\d{4})", body)
    assert wiped and kept
    lab = LSTMLab(lesson.preset)
    assert not lab.refused
    lab.load_example()
    view = lab.view(lang)
    assert {g.gate: fmt(g.value) for g in view.gates} == gates
    assert view.c_prev is not None and fmt(view.c_prev) == "0.8000"
    assert view.grid_c is not None and fmt(view.grid_c[0][0]) == c_text
    assert fmt(view.grid_h[0][0]) == h_text
    lab.force("f", "value", 0.0)
    assert fmt(lab.view(lang).grid_c[0][0]) == wiped.group(1)  # type: ignore[index]
    lab.force("f", "value", 1.0)
    assert fmt(lab.view(lang).grid_c[0][0]) == kept.group(1)  # type: ignore[index]
    assert "`e`" in body


BAD = (
    "  units: 2\n"
    "  example: {sequence: [1.0], kernel: [[0.5]], recurrent_kernel: [[0.8]], bias: [0.0]}\n"
)


def test_check_refuses_an_example_of_the_wrong_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = VALID.replace("  units: 2\n  sequence: [1.0, 0.5, -1.0]\n", BAD, 1)
    assert BAD in text  # the fixture is an LSTM lesson: 4 blocks are needed
    path = tmp_path / "en" / "09-example.md"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    assert check_paths([path]) == 1
    out = capsys.readouterr().out
    assert "preset `example` must give `kernel` rows of 4 x units numbers" in out
    good = BAD.replace("[[0.5]]", "[[0.5, 0.5, 0.5, 0.5]]").replace("[[0.8]]", "[[0, 0, 0, 0]]")
    path.write_text(
        VALID.replace(
            "  units: 2\n  sequence: [1.0, 0.5, -1.0]\n", good.replace("[0.0]}", "[0, 0, 0, 0]}"), 1
        ),
        encoding="utf-8",
    )
    assert check_paths([path]) == 0
