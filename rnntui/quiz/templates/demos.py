"""Generated questions from the shipped demo models (issue 13): what the trained models say.

- ``demo-next-word``: after a prompt from a held-out sentence, which word does the trained
  next-word model rate highest? The answer is the model's own top word (``model.predict``);
  the wrong choices are words it ranks lower, each with its probability.
- ``demo-fill-blank``: in a held-out sentence with one word blanked, which word does the
  Bidirectional model rate highest for the blank?

The models are loaded on first use (a few tens of ms), never when the registry is imported.
"""

from __future__ import annotations

import random
from functools import cache
from typing import Any

from rnntui.content.model import Choice
from rnntui.quiz.question import Question
from rnntui.quiz.templates.base import Template, pick

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
        why = pick(
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
    words = sentence[: rng.choice((2, 3))]
    probs = lab.distribution(list(words))
    order = np.argsort(-probs, kind="stable")
    ranked = [(lab.vocab.word(int(i)), float(probs[i])) for i in order[: max(RANKS) + 1]]
    choices, answer = _choices(rng, lang, ranked)
    prompt = " ".join(words)
    text = pick(
        lang,
        f"The next-word demo model (LSTM, trained on the course sentences) reads '{prompt}'. "
        "Which word does it rate highest as the next one?",
        f"다음 단어 데모 모델(LSTM, 강의 문장으로 학습)이 '{prompt}'를 읽었습니다. 다음 "
        "단어로 가장 높은 확률을 주는 단어는 무엇일까요?",
    )
    top_word, top_p = ranked[0]
    explanation = pick(
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
        meta={"lang": lang, "words": list(words), "answer_word": top_word},
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
    text = pick(
        lang,
        f"The Bidirectional demo model (GRU) reads '{text_sentence}'. Which word does it rate "
        "highest for the blank?",
        f"양방향 데모 모델(GRU)이 '{text_sentence}'를 읽었습니다. 빈칸에 가장 높은 확률을 "
        "주는 단어는 무엇일까요?",
    )
    top_word, top_p = ranked[0]
    explanation = pick(
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


TEMPLATES: tuple[Template, ...] = (
    Template("demo-next-word", "lstm", _next_word),
    Template("demo-fill-blank", "bidirectional", _fill_blank),
)
