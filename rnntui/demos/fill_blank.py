"""Fill the blank: a forward-only and a Bidirectional model, trained on the same sentences.

``FillBlankLab.shipped("ko").set_sentence("나는 ___ 먹었다")`` then ``view()``: for each model
the top-5 words for the blank with their probabilities, and a short explanation (Korean and
English) of why only the bidirectional model can use the words after the blank. Both models
predict at every position; at position t the forward-only GRU has read words 1..t only, while
the Bidirectional one also has the backward GRU's reading of words T..t.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnntui.demos import weights_io
from rnntui.demos.corpus import check_lang
from rnntui.demos.datasets import masked_accuracy
from rnntui.demos.next_word import TOP_K, WordProb
from rnntui.demos.vocab import BLANK, END, OOV, Vocabulary
from rnntui.nn import Sequential

WHY = {
    "ko": (
        "앞 방향 RNN은 빈칸 위치에서 그 앞의 단어만 읽은 상태입니다. 빈칸 뒤의 '{after}'는 "
        "아직 읽지 않았으므로 그 단어를 예측에 쓸 수 없습니다. 양방향 RNN은 뒤에서부터 읽는 "
        "RNN이 하나 더 있어서, 빈칸 위치의 출력에 뒤쪽 단어의 정보가 함께 들어갑니다."
    ),
    "en": (
        "At the blank, the forward RNN has read only the words before it. It has not yet "
        "read '{after}', so it cannot use those words. The bidirectional RNN has a second RNN "
        "that reads from the end, so its output at the blank also carries the words after it."
    ),
}
WHY_NOTHING_AFTER = {
    "ko": "빈칸 뒤에 단어가 없으면 두 모델이 볼 수 있는 정보는 같습니다.",
    "en": "With no words after the blank, both models see the same information.",
}


@dataclass(frozen=True)
class BlankGuess:
    """One model's answer for the blank."""

    model: str
    top: tuple[WordProb, ...]
    sees_after: bool
    """Whether this model's prediction at the blank depends on the words after it."""


@dataclass(frozen=True)
class FillBlankView:
    """What the fill-the-blank panel draws."""

    lang: str
    words: tuple[str, ...]
    blank_at: int | None
    oov: tuple[str, ...]
    guesses: tuple[BlankGuess, ...]
    why_ko: str
    why_en: str
    problem: str = ""
    """Empty, or why there is nothing to predict (e.g. no ``___`` in the sentence)."""


class FillBlankLab:
    """Two models (forward-only, bidirectional) and the student's sentence with a blank."""

    def __init__(
        self, forward: Sequential, bidirectional: Sequential, vocab: Vocabulary, lang: str
    ) -> None:
        self.models = {"forward": forward, "bidirectional": bidirectional}
        self.vocab = vocab
        self.lang = check_lang(lang)
        self.text = ""
        self.source = "shipped"
        """Whose weights: ``shipped``, ``user`` (the student's kept run) or ``training``."""

    @classmethod
    def shipped(cls, lang: str = "ko") -> FillBlankLab:
        """The shipped forward-only and Bidirectional GRU models for ``lang``."""
        lang = check_lang(lang)
        fwd = weights_io.load(f"fill_blank_{lang}_fwd")
        bi = weights_io.load(f"fill_blank_{lang}_bi")
        if fwd.vocab.words != bi.vocab.words:
            raise ValueError("the shipped fill-the-blank models disagree on the vocabulary")
        return cls(fwd.model, bi.model, fwd.vocab, lang)

    def set_sentence(self, text: str) -> None:
        """A sentence with one blank written as ``___`` (any run of underscores)."""
        self.text = text

    def blank_probs(self, name: str, ids: tuple[int, ...], at: int) -> np.ndarray:
        """One model's probabilities for the word at position ``at`` (specials set to 0)."""
        probs = np.array(self.models[name].predict(np.array([ids]))[0, at], dtype=np.float64)
        probs[[0, OOV, BLANK]] = 0.0
        total = probs.sum()
        return probs / total if total > 0 else probs

    def guesses(self, ids: tuple[int, ...], at: int, k: int = TOP_K) -> tuple[BlankGuess, ...]:
        """Each model's top ``k`` for the blank at ``at``."""
        out = []
        for name in self.models:
            probs = self.blank_probs(name, ids, at)
            order = np.argsort(-probs, kind="stable")[:k]
            top = tuple(WordProb(self.vocab.word(int(i)), float(probs[i])) for i in order)
            out.append(BlankGuess(name, top, sees_after=name == "bidirectional"))
        return tuple(out)

    def view(self) -> FillBlankView:
        """The blank's candidates from both models, and the explanation."""
        enc = self.vocab.encode(self.text)
        blanks = [k for k, i in enumerate(enc.ids) if i == BLANK]
        if len(blanks) != 1:
            problem = {
                "ko": "빈칸(___)을 정확히 하나 넣으세요.",
                "en": "Put exactly one blank (___) in the sentence.",
            }[self.lang]
            return FillBlankView(self.lang, enc.words, None, enc.oov, (), "", "", problem)
        at = blanks[0]
        after = [w for w in enc.words[at + 1 :] if w != END]
        if after:
            why_ko = WHY["ko"].format(after=" ".join(after))
            why_en = WHY["en"].format(after=" ".join(after))
        else:
            why_ko, why_en = WHY_NOTHING_AFTER["ko"], WHY_NOTHING_AFTER["en"]
        guesses = self.guesses(enc.ids, at)
        return FillBlankView(self.lang, enc.words, at, enc.oov, guesses, why_ko, why_en)

    def held_out_accuracy(self, x: np.ndarray, y: np.ndarray, k: int = 1) -> dict[str, float]:
        """Top-``k`` accuracy at the blanks of (x, y) from ``fill_blank_data``, per model."""
        return {
            name: masked_accuracy(model.predict(x), y, k) for name, model in self.models.items()
        }

    def held_out_loss(self, x: np.ndarray, y: np.ndarray) -> dict[str, float]:
        """Cross-entropy at the blanks of (x, y), per model (lower is better)."""
        return {name: float(model.evaluate(x, y)) for name, model in self.models.items()}
