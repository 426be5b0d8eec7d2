"""Quiz items computed from the shipped demo models: the answer is the model's top word,
checked here against ``model.predict`` directly (not through the template's own ranking)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from rnntui.demos.fill_blank import FillBlankLab
from rnntui.demos.next_word import NextWordLab
from rnntui.demos.vocab import BLANK, OOV
from rnntui.quiz.grading import grade
from rnntui.quiz.templates.registry import template


def _argmax_word(probs: np.ndarray, vocab) -> str:  # type: ignore[no-untyped-def]
    probs = np.array(probs, dtype=np.float64)
    probs[[0, OOV, BLANK]] = 0.0
    return vocab.words[int(np.argmax(probs))]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_next_word_item_names_the_models_top_word(lang: str) -> None:
    lab = NextWordLab.shipped(lang)
    tpl = template("demo-next-word")
    for seed in range(8):
        q = tpl.instance(random.Random(seed), lang)
        ids = [lab.vocab.words.index(w) for w in q.meta["words"]]
        expected = _argmax_word(lab.model.predict(np.array([ids]))[0, -1], lab.vocab)
        assert q.choices[int(q.answer)].text == expected == q.meta["answer_word"]
        assert " ".join(q.meta["words"]) in q.text
        assert grade(q, str(int(q.answer) + 1), lang).correct


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_fill_blank_item_names_the_bidirectional_models_top_word(lang: str) -> None:
    lab = FillBlankLab.shipped(lang)
    model = lab.models["bidirectional"]
    tpl = template("demo-fill-blank")
    for seed in range(8):
        q = tpl.instance(random.Random(seed), lang)
        words, at = q.meta["words"], q.meta["at"]
        ids = [BLANK if w == "___" else lab.vocab.words.index(w) for w in words]
        expected = _argmax_word(model.predict(np.array([ids]))[0, at], lab.vocab)
        assert q.choices[int(q.answer)].text == expected
        assert words[at] == "___" and "___" in q.text
