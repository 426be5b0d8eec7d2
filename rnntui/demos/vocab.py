"""Word-level tokenizer and vocabulary: word <-> id, out-of-vocabulary words reported.

Ids 0, 1 and 2 are reserved: 0 = padding (``Embedding(mask_zero=True)`` skips it), 1 = a word
the vocabulary does not know (OOV), 2 = the blank ``___`` of the fill-the-blank demo. The
words follow, most frequent first (ties in alphabetical order), as Keras' ``Tokenizer`` ranks
them. Text is NFC-normalised and lower-cased; ``.`` ``,`` ``?`` ``!`` are words of their own
(``.`` ends a sentence).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

PAD, OOV, BLANK = 0, 1, 2
PAD_TOKEN, OOV_TOKEN, BLANK_TOKEN = "<pad>", "<oov>", "___"
RESERVED = (PAD_TOKEN, OOV_TOKEN, BLANK_TOKEN)
END = "."

_PUNCT = re.compile(r"([.,?!])")
_BLANK_RE = re.compile(r"_{1,}")


def tokenize(text: str) -> list[str]:
    """Words of ``text``: NFC, lower case, punctuation split off, any run of ``_`` as ``___``."""
    norm = unicodedata.normalize("NFC", text).lower()
    norm = _BLANK_RE.sub(f" {BLANK_TOKEN} ", norm)
    return _PUNCT.sub(r" \1 ", norm).split()


@dataclass(frozen=True)
class Encoded:
    """Ids for some words, and the words that were not in the vocabulary (in order)."""

    words: tuple[str, ...]
    ids: tuple[int, ...]
    oov: tuple[str, ...]


class Vocabulary:
    """Word <-> id; ``encode`` never fails (unknown words become id 1 and are listed)."""

    def __init__(self, words: Sequence[str], counts: Sequence[int] | None = None) -> None:
        words = list(words)
        if tuple(words[:3]) != RESERVED:
            words = list(RESERVED) + [w for w in words if w not in RESERVED]
        if len(set(words)) != len(words):
            raise ValueError("a vocabulary lists every word once")
        self.words: tuple[str, ...] = tuple(words)
        self.index: dict[str, int] = {w: i for i, w in enumerate(self.words)}
        given = list(counts) if counts is not None else []
        self.counts: tuple[int, ...] = tuple(given + [0] * (len(self.words) - len(given)))

    @classmethod
    def from_sentences(cls, sentences: Iterable[str]) -> Vocabulary:
        """Every word of the sentences, most frequent first, ties alphabetical."""
        counter = Counter(w for s in sentences for w in tokenize(s) if w not in RESERVED)
        ranked = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
        return cls(list(RESERVED) + [w for w, _ in ranked], [0, 0, 0] + [c for _, c in ranked])

    def __len__(self) -> int:
        return len(self.words)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self.index and self.index[word] > BLANK

    def word(self, i: int) -> str:
        """The word for an id (``<oov>`` for an id out of range)."""
        return self.words[i] if 0 <= i < len(self.words) else OOV_TOKEN

    def encode(self, text_or_words: str | Sequence[str]) -> Encoded:
        """Ids for a text (tokenized) or a list of words; unknown words -> 1, reported."""
        if isinstance(text_or_words, str):
            words = tokenize(text_or_words)
        else:
            words = [w for t in text_or_words for w in tokenize(t)]
        ids = tuple(self.index.get(w, OOV) for w in words)
        oov = tuple(w for w, i in zip(words, ids, strict=True) if i == OOV)
        return Encoded(tuple(words), ids, oov)

    def decode(self, ids: Iterable[int]) -> list[str]:
        """Words for ids, padding left out."""
        return [self.word(int(i)) for i in ids if int(i) != PAD]

    def complete(self, prefix: str, limit: int = 8) -> list[str]:
        """Vocabulary words starting with ``prefix``, most frequent first.

        Korean is compared by jamo (NFD), so a syllable still being typed matches: ``머``
        completes to ``먹었다``.
        """
        key = unicodedata.normalize("NFD", unicodedata.normalize("NFC", prefix).lower().strip())
        found = [
            w for w in self.words[BLANK + 1 :] if unicodedata.normalize("NFD", w).startswith(key)
        ]
        return found[: max(limit, 0)]

    def to_json(self) -> dict[str, list[str] | list[int]]:
        """A JSON-ready dict (``from_json`` reads it back)."""
        return {"words": list(self.words), "counts": list(self.counts)}

    @classmethod
    def from_json(cls, data: dict[str, list[str] | list[int]]) -> Vocabulary:
        words = [str(w) for w in data["words"]]
        counts = [int(c) for c in data.get("counts", [])]
        return cls(words, counts)


def pad(rows: Sequence[Sequence[int]], length: int | None = None) -> np.ndarray:
    """Post-pad id rows with 0 into an int64 array (B, length)."""
    size = length if length is not None else max((len(r) for r in rows), default=0)
    out = np.zeros((len(rows), size), dtype=np.int64)
    for k, row in enumerate(rows):
        out[k, : min(len(row), size)] = row[:size]
    return out
