"""Parameter-count questions are counted from weight shapes: no layer is built, no weight is
drawn or allocated (drawing an LSTM's orthogonal kernel costs a QR decomposition)."""

from __future__ import annotations

import random

import pytest

from rnntui.nn.layer import Layer
from rnntui.quiz.templates.registry import templates

PARAM_TEMPLATES = [t for t in templates() if t.id.startswith("params-")]


def _refuse(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("a weight was made for a parameter count")


def test_there_are_parameter_templates() -> None:
    assert {"params-lstm", "params-bidirectional", "params-stack"} <= {
        t.id for t in PARAM_TEMPLATES
    }


@pytest.mark.parametrize("template", PARAM_TEMPLATES, ids=lambda t: t.id)
def test_a_parameter_question_makes_no_weight(template, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(Layer, "_new_weight", _refuse)
    for seed in range(10):
        for lang in ("en", "ko"):
            question = template.make(random.Random(seed), lang)
            assert question.answer is not None


def test_the_guard_catches_a_built_layer(monkeypatch: pytest.MonkeyPatch) -> None:
    from rnntui.nn import LSTM

    monkeypatch.setattr(Layer, "_new_weight", _refuse)
    with pytest.raises(AssertionError, match="a weight was made"):
        LSTM(3).build((None, 2, 4))
