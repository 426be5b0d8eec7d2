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


def _shipped_accuracy_at(length: int) -> dict[str, float]:
    """Held-out accuracy per cell at T = length, read straight from the shipped JSON."""
    import json
    from pathlib import Path

    import rnntui.demos

    path = Path(rnntui.demos.__file__).with_name("results") / "remember.json"
    rows = json.loads(path.read_text(encoding="utf-8"))["results"]
    names = {"simple_rnn": "SimpleRNN", "lstm": "LSTM", "gru": "GRU"}
    return {names[r["cell"]]: r["accuracy"] for r in rows if r["length"] == length}


def _remember_items(lang: str, form: str, n: int = 80) -> list:  # type: ignore[type-arg]
    tpl = template("demo-remember")
    found = [tpl.instance(random.Random(seed), lang) for seed in range(n)]
    return [q for q in found if q.meta["form"] == form]


def _check_choices(q, lang: str) -> None:  # type: ignore[no-untyped-def]
    right = q.choices[int(q.answer)]
    assert right.why is None and len(q.choices) >= 4
    for choice in q.choices:
        if choice is not right:
            assert choice.why  # each wrong choice says which accuracy it got wrong
    assert grade(q, str(int(q.answer) + 1), lang).correct
    assert not grade(q, str((int(q.answer) + 1) % len(q.choices) + 1), lang).correct


def _named_cells(text: str) -> set[str]:
    if text in ("all three", "셋 모두"):
        return {"SimpleRNN", "LSTM", "GRU"}
    return {c for c in ("SimpleRNN", "LSTM", "GRU") if c in text}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_remember_item_names_the_cells_that_kept_the_first_token_at_t30(lang: str) -> None:
    acc = _shipped_accuracy_at(30)
    kept = {cell for cell, a in acc.items() if a >= 0.9}
    assert kept == {"SimpleRNN", "LSTM"}  # the shipped results, read with json
    assert all(a >= 0.95 or a <= 0.75 for a in acc.values())  # no cell near the line
    items = [q for q in _remember_items(lang, "kept") if q.meta["length"] == 30]
    assert len(items) >= 5
    for q in items:
        assert "T=30" in q.text
        right = q.choices[int(q.answer)]
        assert _named_cells(right.text) == kept, right.text
        for choice in q.choices:
            if choice is not right:
                wrong = _named_cells(choice.text) ^ kept
                assert all(f"{acc[c]:.2f}" in choice.why and c in choice.why for c in wrong)
        for cell, a in acc.items():
            assert f"{cell} {a:.2f}" in q.explanation
        _check_choices(q, lang)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_remember_item_other_forms_follow_the_json(lang: str) -> None:
    lost = _remember_items(lang, "lost")
    until = _remember_items(lang, "until")
    assert lost and until
    for q in lost:
        acc = _shipped_accuracy_at(q.meta["length"])
        right = q.choices[int(q.answer)]
        assert _named_cells(right.text) == {c for c, a in acc.items() if a < 0.9}, right.text
        _check_choices(q, lang)
    for q in until:
        cell = q.meta["cell"]
        per_t = {n: _shipped_accuracy_at(n)[cell] for n in (5, 10, 20, 30, 40)}
        first = next((n for n, a in sorted(per_t.items()) if a < 0.9), None)
        right = q.choices[int(q.answer)]
        assert right.text == (f"T={first}" if first else q.choices[-1].text)
        assert {"GRU": 30, "LSTM": 40, "SimpleRNN": None}[cell] == first  # measured, shipped
        _check_choices(q, lang)


def test_remember_item_follows_the_data(monkeypatch: pytest.MonkeyPatch) -> None:
    from rnntui.quiz.templates import demos

    fake = {n: {"SimpleRNN": 0.5, "LSTM": 0.98, "GRU": 0.51} for n in (5, 30)}
    monkeypatch.setattr(demos, "_remember_table", lambda: fake)
    for q in _remember_items("en", "kept", 30):
        assert q.choices[int(q.answer)].text == "only LSTM"
        assert q.meta["answer_cells"] == ["LSTM"]
