"""Next word: Embedding -> LSTM/GRU/SimpleRNN -> Dense(softmax) on the shipped corpus.

A panel calls ``NextWordLab.shipped("ko")`` (instant: loads the shipped weights), then
``set_prompt("나는 오늘")`` and draws ``view()``: the top-5 next words with probabilities, the
hidden state after each word, the words not in the vocabulary, and completions of the last,
partial word. ``generate`` writes a sentence word by word (greedy, or sampled at a temperature
from a seeded generator).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnntui.demos import weights_io
from rnntui.demos.corpus import check_lang
from rnntui.demos.vocab import BLANK, END, OOV, Vocabulary
from rnntui.nn import Embedding, RNNLayer, Sequential

TOP_K = 5
MAX_WORDS = 12


@dataclass(frozen=True)
class WordProb:
    """A candidate word and the model's probability for it."""

    word: str
    prob: float


@dataclass(frozen=True)
class HiddenStep:
    """The recurrent layer's hidden state h_t after reading ``word``."""

    word: str
    h: tuple[float, ...]


@dataclass(frozen=True)
class NextWordView:
    """What the next-word panel draws."""

    lang: str
    cell: str
    words: tuple[str, ...]
    oov: tuple[str, ...]
    top: tuple[WordProb, ...]
    hidden: tuple[HiddenStep, ...]
    completions: tuple[str, ...]
    units: int
    partial: str = ""
    """The last word while it is still being typed (no space after it, not in the
    vocabulary): completed, neither predicted from nor reported as OOV."""


@dataclass(frozen=True)
class Generated:
    """A generated continuation: each chosen word with the probability it had."""

    prompt: tuple[str, ...]
    steps: tuple[WordProb, ...]
    temperature: float
    seed: int | None

    @property
    def text(self) -> str:
        """The prompt and the generated words as one line (``.`` attached)."""
        words = [*self.prompt, *(s.word for s in self.steps)]
        return " ".join(words).replace(" .", ".")


def sample_index(probs: np.ndarray, temperature: float, rng: np.random.Generator) -> int:
    """Greedy (temperature <= 0) or sampling from p^(1/temperature), renormalised."""
    if temperature <= 0:
        return int(np.argmax(probs))
    logp = np.log(np.maximum(probs, 1e-300)) / temperature
    logp[probs <= 0] = -np.inf
    p = np.exp(logp - np.max(logp))
    return int(rng.choice(len(p), p=p / p.sum()))


class NextWordLab:
    """A next-word model and the student's prompt."""

    def __init__(self, model: Sequential, vocab: Vocabulary, lang: str, cell: str) -> None:
        self.model = model
        self.vocab = vocab
        self.lang = check_lang(lang)
        self.cell = cell
        self.text = ""
        self.source = "shipped"
        """Whose weights: ``shipped``, ``user`` (the student's kept run) or ``training``."""

    @classmethod
    def shipped(cls, lang: str = "ko") -> NextWordLab:
        """The shipped, trained LSTM model for ``lang``."""
        loaded = weights_io.load(f"next_word_{check_lang(lang)}")
        return cls(loaded.model, loaded.vocab, lang, loaded.spec.cell)

    # -- the prompt ------------------------------------------------------------------------
    def set_prompt(self, text: str) -> None:
        """The student's words (a trailing partial word is completed, not predicted from)."""
        self.text = text

    def split_prompt(self) -> tuple[tuple[str, ...], str]:
        """(words to predict from, partial last word or "")."""
        words = self.vocab.encode(self.text).words
        typing = bool(self.text) and not self.text[-1].isspace()
        if typing and words and words[-1] not in self.vocab:
            return words[:-1], words[-1]
        return words, ""

    # -- the model -------------------------------------------------------------------------
    def distribution(self, words: tuple[str, ...] | list[str]) -> np.ndarray:
        """P(next word | words) over the vocabulary (V,); padding, OOV and blank get 0."""
        ids = self.vocab.encode(list(words)).ids
        if not ids:
            return np.zeros(len(self.vocab))
        probs = np.array(self.model.predict(np.array([ids]))[0, -1], dtype=np.float64)
        probs[[0, OOV, BLANK]] = 0.0
        total = probs.sum()
        return probs / total if total > 0 else probs

    def top(self, words: tuple[str, ...] | list[str], k: int = TOP_K) -> tuple[WordProb, ...]:
        """The ``k`` most likely next words, most likely first."""
        probs = self.distribution(words)
        if not probs.any():
            return ()
        order = np.argsort(-probs, kind="stable")[:k]
        return tuple(WordProb(self.vocab.word(int(i)), float(probs[i])) for i in order)

    def hidden_states(self, words: tuple[str, ...] | list[str]) -> tuple[HiddenStep, ...]:
        """h_t of the recurrent layer after each word (Embedding then the RNN, as in predict)."""
        enc = self.vocab.encode(list(words))
        if not enc.ids:
            return ()
        embedding, rnn = self.model.layers[0], self.model.layers[1]
        if not isinstance(embedding, Embedding) or not isinstance(rnn, RNNLayer):
            raise ValueError("a next-word model is Embedding -> RNN -> Dense")
        h = np.asarray(rnn(embedding(np.array([enc.ids]))))
        return tuple(
            HiddenStep(w, tuple(float(v) for v in h[0, t])) for t, w in enumerate(enc.words)
        )

    def completions(self, limit: int = 8) -> tuple[str, ...]:
        """Vocabulary words the last typed word could become (none after a space)."""
        if not self.text or self.text[-1].isspace():
            return ()
        last = self.text.split()[-1] if self.text.split() else ""
        return tuple(self.vocab.complete(last, limit))

    def generate(
        self,
        words: tuple[str, ...] | list[str] | None = None,
        temperature: float = 0.0,
        seed: int | None = 0,
        max_words: int = MAX_WORDS,
    ) -> Generated:
        """Continue ``words`` (default: the prompt) word by word until ``.`` or ``max_words``."""
        prompt = tuple(self.split_prompt()[0] if words is None else words)
        rng = np.random.default_rng(seed)
        current = list(prompt)
        steps: list[WordProb] = []
        while current and len(steps) < max_words:
            probs = self.distribution(current)
            if not probs.any():
                break
            i = sample_index(probs, temperature, rng)
            word = self.vocab.word(i)
            steps.append(WordProb(word, float(probs[i])))
            current.append(word)
            if word == END:
                break
        return Generated(prompt, tuple(steps), float(temperature), seed)

    def view(self) -> NextWordView:
        """Everything the panel draws for the current prompt."""
        words, partial = self.split_prompt()
        return NextWordView(
            lang=self.lang,
            cell=self.cell,
            words=words,
            oov=self.vocab.encode(list(words)).oov,
            top=self.top(words),
            hidden=self.hidden_states(words),
            completions=self.completions(),
            units=int(getattr(self.model.layers[1], "units", 0)),
            partial=partial,
        )
