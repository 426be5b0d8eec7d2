"""Training arrays for the next-word and fill-the-blank demos, from sentences and a vocabulary."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from rnntui.demos.vocab import BLANK, Vocabulary, pad


def sentence_ids(vocab: Vocabulary, sentences: Sequence[str]) -> list[tuple[int, ...]]:
    """The ids of each sentence (sentences of fewer than two words left out)."""
    rows = [vocab.encode(s).ids for s in sentences]
    return [r for r in rows if len(r) >= 2]


def next_word_data(vocab: Vocabulary, sentences: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) for a per-position language model: x = words 1..n-1, y = words 2..n, post-padded.

    Row k of x is ``w1 .. w(n-1)`` and of y ``w2 .. wn``: position t predicts the word after
    the prefix ``w1 .. wt``. Padding (0) is masked by the Embedding and left out of the loss.
    """
    rows = sentence_ids(vocab, sentences)
    return pad([r[:-1] for r in rows]), pad([r[1:] for r in rows])


def fill_blank_data(vocab: Vocabulary, sentences: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(x, y): one row per sentence and word (the final ``.`` aside) with that word blanked.

    x has the blank id (2) at the position; y is 0 everywhere but there, where it holds the
    word, so ``BlankCrossentropy`` scores only the blank.
    """
    xs: list[list[int]] = []
    ys: list[list[int]] = []
    for row in sentence_ids(vocab, sentences):
        last = len(row) - 1 if vocab.word(row[-1]) == "." else len(row)
        for k in range(last):
            x = list(row)
            x[k] = BLANK
            y = [0] * len(row)
            y[k] = row[k]
            xs.append(x)
            ys.append(y)
    width = max((len(r) for r in xs), default=0)
    return pad(xs, width), pad(ys, width)


def masked_accuracy(probs: np.ndarray, y: np.ndarray, k: int = 1) -> float:
    """Share of the labelled positions (y > 0) whose label is among the ``k`` top probabilities."""
    keep = y > 0
    if not keep.any():
        return float("nan")
    p = probs[keep]
    labels = y[keep]
    if k == 1:
        return float(np.mean(np.argmax(p, axis=-1) == labels))
    top = np.argsort(-p, axis=-1)[:, :k]
    return float(np.mean(np.any(top == labels[:, None], axis=-1)))
