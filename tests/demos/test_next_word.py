"""The shipped next-word model: loads fast, ranks corpus words, generates reproducibly."""

from __future__ import annotations

import time

import numpy as np
import pytest

from rnntui.demos.next_word import NextWordLab


@pytest.fixture(scope="module")
def ko() -> NextWordLab:
    return NextWordLab.shipped("ko")


@pytest.fixture(scope="module")
def en() -> NextWordLab:
    return NextWordLab.shipped("en")


def test_loading_is_fast() -> None:
    start = time.perf_counter()
    NextWordLab.shipped("en")
    assert time.perf_counter() - start < 1.0  # about 10-25 ms; the margin is for a busy machine


@pytest.mark.parametrize(
    ("lang", "prompt", "expected"),
    [
        ("ko", "나는 밥을", "먹었다"),
        ("ko", "엄마는 어제 우유를", "마셨다"),
        ("ko", "친구는 어제 책을", "읽었다"),
        ("ko", "동생은 매일 커피를", "마신다"),
        ("en", "I ate rice for", "lunch"),
        ("en", "my sister listened", "to"),
    ],
)
def test_top1_is_the_corpus_word(lang: str, prompt: str, expected: str) -> None:
    lab = NextWordLab.shipped(lang)
    assert lab.top(prompt.split())[0].word == expected


def test_the_notes_example_study_and_travel_after_today(ko: NextWordLab) -> None:
    top = ko.top(["나는", "오늘"])
    assert {top[0].word, top[1].word} == {"공부를", "여행을"}


def test_top5_is_ordered_and_a_part_of_one_distribution(ko: NextWordLab) -> None:
    ko.set_prompt("나는 오늘")
    view = ko.view()
    probs = [w.prob for w in view.top]
    assert len(probs) == 5 and probs == sorted(probs, reverse=True)
    assert 0 < sum(probs) <= 1 + 1e-12
    dist = ko.distribution(["나는", "오늘"])
    assert dist.sum() == pytest.approx(1.0) and dist[:3].tolist() == [0.0, 0.0, 0.0]
    assert probs[0] == pytest.approx(float(dist.max()))


def test_hidden_state_after_each_word(ko: NextWordLab) -> None:
    ko.set_prompt("나는 오늘 공부를")
    view = ko.view()
    assert [h.word for h in view.hidden] == ["나는", "오늘", "공부를"]
    assert all(len(h.h) == view.units for h in view.hidden)
    assert all(-1 <= v <= 1 for h in view.hidden for v in h.h)
    # h after a word depends only on the words before it
    ko.set_prompt("나는 오늘")
    assert ko.view().hidden[1].h == pytest.approx(view.hidden[1].h)


def test_oov_prompt_is_reported_and_still_predicts(en: NextWordLab) -> None:
    en.set_prompt("I ate spaceships for")
    view = en.view()
    assert view.oov == ("spaceships",)
    assert len(view.top) == 5
    en.set_prompt("")
    empty = en.view()
    assert empty.top == () and empty.hidden == ()


def test_completion_of_the_partial_last_word(ko: NextWordLab) -> None:
    ko.set_prompt("나는 오늘 공")
    view = ko.view()
    assert "공부를" in view.completions
    assert view.partial == "공" and view.oov == () and view.words == ("나는", "오늘")
    assert view.top == ko.top(["나는", "오늘"])
    ko.set_prompt("나는 오늘")  # a known last word counts even before the space
    assert ko.view().words == ("나는", "오늘") and ko.view().partial == ""
    ko.set_prompt("나는 우주선을 ")
    assert ko.view().oov == ("우주선을",) and ko.view().partial == ""
    ko.set_prompt("나는 오늘 ")
    assert ko.view().completions == ()


def test_generation_greedy_and_seeded(ko: NextWordLab) -> None:
    greedy = ko.generate(["나는", "밥을"])
    assert greedy.steps[0].word == "먹었다"
    assert greedy.steps[-1].word == "." and greedy.text.endswith(".")
    a = ko.generate(["나는"], temperature=1.5, seed=7)
    b = ko.generate(["나는"], temperature=1.5, seed=7)
    assert a == b
    others = {ko.generate(["나는"], temperature=1.5, seed=s).text for s in range(8)}
    assert len(others) > 1  # sampling does vary with the seed
    assert len(ko.generate(["나는"], temperature=1.0, seed=1, max_words=3).steps) <= 3
    assert np.isfinite([s.prob for s in a.steps]).all()
