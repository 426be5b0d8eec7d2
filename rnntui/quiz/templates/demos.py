"""Generated questions from the shipped demo models (issue 13): what the trained models say.

- ``demo-next-word``: after a prompt from a held-out sentence, which word does the trained
  next-word model rate highest? The answer is the model's own top word (``model.predict``);
  the wrong choices are words it ranks lower, each with its probability.
- ``demo-fill-blank``: in a held-out sentence with one word blanked, which word does the
  Bidirectional model rate highest for the blank?
- ``demo-remember``: which cells kept the first token at T = 30 (or at another shipped T,
  which did not, or from which T on a cell failed)? The answer is read from the shipped
  results of the remembering demo (``rnntui/demos/results/remember.json``): a cell kept the
  token when its held-out accuracy is at least ``KEPT``; each wrong choice says which
  accuracy it got wrong.

The models are loaded on first use (a few tens of ms), never when the registry is imported.
"""

from __future__ import annotations

import random
from functools import cache
from typing import Any

from rnntui.content.model import Choice
from rnntui.lab.format import words
from rnntui.quiz.question import Question
from rnntui.quiz.templates.base import Template

RANKS = (1, 3, 9)
"""0-based ranks of the wrong choices (the answer is rank 0)."""


@cache
def _next_word_lab(lang: str) -> Any:
    from rnntui.demos.next_word import NextWordLab

    return NextWordLab.shipped(lang)


@cache
def _fill_blank_lab(lang: str) -> Any:
    from rnntui.demos.fill_blank import FillBlankLab

    return FillBlankLab.shipped(lang)


@cache
def _held_out(lang: str) -> tuple[tuple[str, ...], ...]:
    """The held-out sentences as words (never trained on)."""
    from rnntui.demos.corpus import load_sentences, split_held_out
    from rnntui.demos.vocab import tokenize

    _, held = split_held_out(load_sentences(lang))
    return tuple(tuple(tokenize(s)) for s in held if len(tokenize(s)) >= 4)


def _choices(
    rng: random.Random, lang: str, ranked: list[tuple[str, float]]
) -> tuple[tuple[Choice, ...], int]:
    """The top word and three lower-ranked ones, shuffled; (choices, index of the answer)."""
    top_word, top_p = ranked[0]
    picked = [ranked[0], *(ranked[r] for r in RANKS)]
    rng.shuffle(picked)
    choices = []
    for word, p in picked:
        if word == top_word:
            choices.append(Choice(word))
            continue
        why = words(
            lang,
            f"The model gives '{word}' {p:.4f}, less than '{top_word}' ({top_p:.4f}).",
            f"'{word}'의 확률은 {p:.4f}로 '{top_word}'({top_p:.4f})보다 낮습니다.",
        )
        choices.append(Choice(word, why))
    return tuple(choices), [w for w, _ in picked].index(top_word)


def _next_word(rng: random.Random, lang: str) -> Question:
    import numpy as np

    lab = _next_word_lab(lang)
    sentence = rng.choice(_held_out(lang))
    tokens = sentence[: rng.choice((2, 3))]
    probs = lab.distribution(list(tokens))
    order = np.argsort(-probs, kind="stable")
    ranked = [(lab.vocab.word(int(i)), float(probs[i])) for i in order[: max(RANKS) + 1]]
    choices, answer = _choices(rng, lang, ranked)
    prompt = " ".join(tokens)
    text = words(
        lang,
        f"The next-word demo model (LSTM, trained on the course sentences) reads '{prompt}'. "
        "Which word does it rate highest as the next one?",
        f"다음 단어 데모 모델(LSTM, 레슨 예문으로 학습)이 '{prompt}'를 읽었습니다. 다음 "
        "단어로 가장 높은 확률을 주는 단어는 무엇일까요?",
    )
    top_word, top_p = ranked[0]
    explanation = words(
        lang,
        f"The model's softmax gives '{top_word}' the largest probability, {top_p:.4f}. Try it "
        f'in the app (lesson 12, F8) or with: rnntui demo next-word --prompt "{prompt}"',
        f"모델의 softmax는 '{top_word}'에 가장 큰 확률({top_p:.4f})을 줍니다. 앱(12번 레슨, "
        f'F8)이나 rnntui demo next-word --prompt "{prompt}" 명령으로 확인해 보세요.',
    )
    return Question(
        id="",
        type="choice",
        text=text,
        answer=answer,
        choices=choices,
        explanation=explanation,
        meta={"lang": lang, "words": list(tokens), "answer_word": top_word},
    )


def _fill_blank(rng: random.Random, lang: str) -> Question:
    import numpy as np

    from rnntui.demos.vocab import BLANK

    lab = _fill_blank_lab(lang)
    sentence = list(rng.choice(_held_out(lang)))
    at = rng.randrange(0, len(sentence) - 1)  # never the final "."
    shown = [*sentence[:at], "___", *sentence[at + 1 :]]
    ids = list(lab.vocab.encode(shown).ids)
    if ids[at] != BLANK:  # the corpus and the tokenizer disagree: a bug, not a student's slip
        raise ValueError(f"no blank at {at} in {shown}")
    probs = lab.blank_probs("bidirectional", tuple(ids), at)
    order = np.argsort(-probs, kind="stable")
    ranked = [(lab.vocab.word(int(i)), float(probs[i])) for i in order[: max(RANKS) + 1]]
    choices, answer = _choices(rng, lang, ranked)
    text_sentence = " ".join(shown).replace(" .", ".")
    text = words(
        lang,
        f"The Bidirectional demo model (GRU) reads '{text_sentence}'. Which word does it rate "
        "highest for the blank?",
        f"양방향 데모 모델(GRU)이 '{text_sentence}'를 읽었습니다. 빈칸에 가장 높은 확률을 "
        "주는 단어는 무엇일까요?",
    )
    top_word, top_p = ranked[0]
    explanation = words(
        lang,
        f"At the blank the model gives '{top_word}' the largest probability, {top_p:.4f}; it "
        "uses the words on both sides of the blank (lesson 8, F8).",
        f"빈칸 위치에서 모델은 '{top_word}'에 가장 큰 확률({top_p:.4f})을 줍니다. 빈칸 "
        "양쪽의 단어를 모두 씁니다(8번 레슨, F8).",
    )
    return Question(
        id="",
        type="choice",
        text=text,
        answer=answer,
        choices=choices,
        explanation=explanation,
        meta={"lang": lang, "words": shown, "at": at, "answer_word": top_word},
    )


KEPT = 0.9
"""Held-out accuracy from which a cell counts as having kept the first token (chance 0.5)."""
REMEMBER_T = 30
"""The T the item asks about most often (half of the "which cells kept it" questions)."""
REMEMBER_CELLS = ("SimpleRNN", "LSTM", "GRU")


@cache
def _remember_table() -> dict[int, dict[str, float]]:
    """{T: {cell label: held-out accuracy}} from the shipped remember results."""
    from rnntui.demos.results import load_doc, remember_results

    _, rows = remember_results(load_doc("remember"))
    table: dict[int, dict[str, float]] = {}
    for r in rows:
        if not r.cancelled:
            table.setdefault(r.length, {})[r.label] = r.accuracy
    if REMEMBER_T not in table or any(set(v) != set(REMEMBER_CELLS) for v in table.values()):
        raise ValueError("the shipped remember results need every cell at each T, T=30 too")
    return table


def _cells_text(lang: str, cells: frozenset[str]) -> str:
    """A set of cells as a choice: 'only SimpleRNN and LSTM', 'all three', 'none of them'."""
    names = [c for c in REMEMBER_CELLS if c in cells]
    if not names:
        return words(lang, "none of them", "하나도 없음")
    if len(names) == len(REMEMBER_CELLS):
        return words(lang, "all three", "셋 모두")
    en = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return words(lang, f"only {en}", f"{', '.join(names)}만")


def _cell_fact(lang: str, cell: str, a: float, length: int) -> str:
    """What one cell did at one T: kept the first token (accuracy >= KEPT) or not."""
    if a >= KEPT:
        return words(
            lang,
            f"{cell} reached {a:.2f} at T={length}, so it kept the first token.",
            f"{cell}: T={length}에서 {a:.2f}에 도달해 첫 토큰을 기억했습니다.",
        )
    return words(
        lang,
        f"{cell} reached only {a:.2f} at T={length} (chance is 0.5), so it did not keep the "
        "first token.",
        f"{cell}: T={length}에서 검증 정확도가 {a:.2f}뿐입니다(찍으면 0.5). 첫 토큰을 "
        "기억하지 못했습니다.",
    )


def _intro(lang: str) -> str:
    return words(
        lang,
        "In the remembering demo (lesson 13, F8) each sequence is a signal token followed by "
        "T - 1 noise tokens, and the answer is the first token. SimpleRNN, LSTM and GRU (8 "
        "units each, 12 epochs) were trained on it.",
        "기억하기 데모(13번 레슨, F8)에서 각 시퀀스는 신호 토큰 하나 뒤에 잡음 토큰 T - 1개가 "
        "이어지고, 정답은 첫 토큰입니다. SimpleRNN, LSTM, GRU(각각 유닛 8개, 12 에포크)를 이 "
        "과제로 학습했습니다.",
    )


def _remember_sets(rng: random.Random, lang: str, lost: bool) -> Question:
    """Which cells kept (or, with ``lost``, did not keep) the first token at one T?"""
    from itertools import combinations

    table = _remember_table()
    length = REMEMBER_T if rng.random() < 0.5 else rng.choice(sorted(table))
    acc = table[length]
    truth = frozenset(c for c in REMEMBER_CELLS if (acc[c] < KEPT) == lost)
    every = [frozenset(s) for n in range(4) for s in combinations(REMEMBER_CELLS, n)]
    picked = [truth, *rng.sample([s for s in every if s != truth], 3)]
    rng.shuffle(picked)
    choices = []
    for chosen in picked:
        wrong = [c for c in REMEMBER_CELLS if c in chosen ^ truth]
        why = " ".join(_cell_fact(lang, c, acc[c], length) for c in wrong) or None
        choices.append(Choice(_cells_text(lang, chosen), why))
    ask = words(
        lang,
        f"Which cells {'did not keep' if lost else 'kept'} the first token at T={length}, that "
        f"is, reached a held-out accuracy {'below' if lost else 'of'} {KEPT}"
        f"{'' if lost else ' or more'} (chance is 0.5)?",
        f"T={length}에서 첫 토큰을 {'기억하지 못한' if lost else '기억한'} 셀, 즉 검증 정확도가 "
        f"{KEPT} {'미만' if lost else '이상'}인 셀은 무엇일까요(찍으면 0.5)?",
    )
    figures = ", ".join(f"{c} {acc[c]:.2f}" for c in REMEMBER_CELLS)
    explanation = words(
        lang,
        f"The shipped results at T={length}: {figures}. They were measured with these small "
        "sizes and 12 epochs of training; another seed or size can change the ranking, which "
        "you can try with t in the demo.",
        f"T={length}의 기본 제공 결과: {figures}. 이 작은 크기와 12 에포크 학습에서 잰 "
        "값입니다. 시드나 크기가 다르면 순위가 바뀔 수 있으니 데모에서 t로 직접 학습해 보세요.",
    )
    return Question(
        id="",
        type="choice",
        text=f"{_intro(lang)} {ask}",
        answer=picked.index(truth),
        choices=tuple(choices),
        explanation=explanation,
        meta={
            "lang": lang,
            "form": "lost" if lost else "kept",
            "length": length,
            "accuracy": dict(acc),
            "answer_cells": sorted(truth),
        },
    )


def _remember_until(rng: random.Random, lang: str) -> Question:
    """At which shipped T did one cell first fail to keep the first token (or never)?"""
    table = _remember_table()
    lengths = sorted(table)
    cell = rng.choice(REMEMBER_CELLS)
    acc = {n: table[n][cell] for n in lengths}
    failed = [n for n in lengths if acc[n] < KEPT]
    first = failed[0] if failed else None
    never = words(
        lang,
        f"none: it kept it at every T up to {lengths[-1]}",
        f"없음: {lengths[-1]}까지 모두 기억함",
    )
    choices = []
    for n in lengths:
        if n == first:
            why = None
        elif first is None or n < first:
            why = _cell_fact(lang, cell, acc[n], n)
        else:
            why = _cell_fact(lang, cell, acc[first], first)
        choices.append(Choice(f"T={n}", why))
    choices.append(
        Choice(never, None if first is None else _cell_fact(lang, cell, acc[first], first))
    )
    shown = ", ".join(f"T={n}" for n in lengths)
    ask = words(
        lang,
        f"The shipped runs are at {shown}. At which of these T did {cell} first fail to keep the "
        f"first token (a held-out accuracy below {KEPT}; chance is 0.5)?",
        f"학습한 T는 {shown}입니다. 이 중 {cell} 셀이 처음으로 첫 토큰을 기억하지 못한(검증 "
        f"정확도 {KEPT} 미만, 찍으면 0.5) T는 무엇일까요?",
    )
    figures = ", ".join(f"T={n} {acc[n]:.2f}" for n in lengths)
    explanation = words(
        lang,
        f"The shipped held-out accuracies of {cell}: {figures}. Try another T with t in the demo.",
        f"{cell} 셀의 기본 제공 검증 정확도: {figures}. 데모에서 t로 다른 T도 학습해 보세요.",
    )
    return Question(
        id="",
        type="choice",
        text=f"{_intro(lang)} {ask}",
        answer=len(lengths) if first is None else lengths.index(first),
        choices=tuple(choices),
        explanation=explanation,
        meta={"lang": lang, "form": "until", "cell": cell, "accuracy": acc, "first": first},
    )


def _remember(rng: random.Random, lang: str) -> Question:
    """From the shipped remember results: mostly "which cells kept the first token at T"
    (T=30 half the time), sometimes "which did not", or "from which T on did CELL fail"."""
    form = rng.choice(("kept", "kept", "lost", "until"))
    if form == "until":
        return _remember_until(rng, lang)
    return _remember_sets(rng, lang, lost=form == "lost")


TEMPLATES: tuple[Template, ...] = (
    Template("demo-next-word", "lstm", _next_word),
    Template("demo-fill-blank", "bidirectional", _fill_blank),
    Template("demo-remember", "lstm", _remember),
)
