"""Fill the blank: only the bidirectional model uses the words after the blank."""

from __future__ import annotations

import numpy as np
import pytest

from rnntui.demos.corpus import load_sentences, split_held_out
from rnntui.demos.datasets import fill_blank_data
from rnntui.demos.fill_blank import FillBlankLab
from rnntui.demos.vocab import BLANK


@pytest.fixture(scope="module", params=["ko", "en"])
def lab(request: pytest.FixtureRequest) -> FillBlankLab:
    return FillBlankLab.shipped(request.param)


def test_data_blanks_one_word_per_row() -> None:
    lab = FillBlankLab.shipped("en")
    x, y = fill_blank_data(lab.vocab, ["I ate rice for lunch."])
    assert x.shape == (5, 6)
    assert (x == BLANK).sum(axis=1).tolist() == [1] * 5
    assert ((y > 0) == (x == BLANK)).all()


def test_bidirectional_beats_forward_on_held_out_blanks(lab: FillBlankLab) -> None:
    _, held = split_held_out(load_sentences(lab.lang))
    x, y = fill_blank_data(lab.vocab, held)
    loss = lab.held_out_loss(x, y)
    top5 = lab.held_out_accuracy(x, y, k=5)
    assert loss["bidirectional"] < loss["forward"] - 0.2
    assert top5["bidirectional"] > top5["forward"] + 0.1


def test_forward_model_ignores_the_words_after_the_blank(lab: FillBlankLab) -> None:
    sentence = "나는 ___ 먹었다" if lab.lang == "ko" else "I ate ___ for lunch"
    other = "나는 ___ 읽었다" if lab.lang == "ko" else "I ate ___ at home"
    ids_a = lab.vocab.encode(sentence).ids
    ids_b = lab.vocab.encode(other).ids
    at = ids_a.index(BLANK)
    fwd_a, fwd_b = lab.blank_probs("forward", ids_a, at), lab.blank_probs("forward", ids_b, at)
    np.testing.assert_allclose(fwd_a, fwd_b, rtol=0, atol=1e-12)
    bi_a, bi_b = (
        lab.blank_probs("bidirectional", ids_a, at),
        lab.blank_probs("bidirectional", ids_b, at),
    )
    assert np.abs(bi_a - bi_b).max() > 0.05


def test_view_for_the_notes_example() -> None:
    lab = FillBlankLab.shipped("ko")
    lab.set_sentence("나는 ___ 먹었다")
    view = lab.view()
    assert view.blank_at == 1 and view.problem == ""
    guesses = {g.model: g for g in view.guesses}
    assert set(guesses) == {"forward", "bidirectional"}
    bi = guesses["bidirectional"].top
    assert [w.prob for w in bi] == sorted((w.prob for w in bi), reverse=True)
    assert bi[0].word.endswith(("을", "를"))  # an object for 먹었다, e.g. 밥을
    assert "먹었다" in view.why_ko and "먹었다" in view.why_en
    assert guesses["bidirectional"].sees_after and not guesses["forward"].sees_after


def test_view_without_a_blank_explains_instead_of_failing() -> None:
    lab = FillBlankLab.shipped("en")
    lab.set_sentence("I ate rice")
    view = lab.view()
    assert view.blank_at is None and view.guesses == () and "___" in view.problem
    lab.set_sentence("I ate zorbs and ___")
    assert lab.view().oov == ("zorbs", "and") and len(lab.view().guesses) == 2
