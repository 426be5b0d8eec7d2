"""Embedding lab: one word as a one-hot vector and as a dense vector, memory, similarity.

A seeded ``Embedding(V, E)`` gives the dense rows; ``rnntui.nn.similarity`` gives the
one_hot @ W check, the bytes and the cosine similarities. The view only formats them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from rnntui.lab.format import cells, fmt, fmt_int, fmt_signed, pad, refused, words
from rnntui.lab.spec import SettingError
from rnntui.lab.specs import PANEL_SPECS
from rnntui.nn import Embedding
from rnntui.nn.embedding import one_hot
from rnntui.nn.layer import format_shape
from rnntui.nn.similarity import (
    LookupCheck,
    cosine_similarity,
    lookup_check,
    memory_bytes,
)

VOCAB = {
    "en": ("I", "deep-learning", "fun", "study", "travel"),
    "ko": ("나는", "딥러닝이", "재미있다", "공부", "여행"),
}
SPEC = PANEL_SPECS["embedding"]
SHOW_ALL = 16
"""One-hot vectors up to this length are printed in full."""
COSINE_ROWS = 8
LABEL = 19
"""Width of the label column of the tables."""
COLUMN = 15
"""Width of a number column of the memory table."""
COS_COLUMN = 10
"""Width of a number column of the cosine table."""
SEED = 0


@dataclass(frozen=True)
class EmbeddingView:
    """Everything the embedding panel shows."""

    size: int
    dim: int
    tokens: int
    words: tuple[str, ...]
    word: int
    lines: tuple[tuple[str, str], ...]
    """(readout id, text): vectors, check, memory, cosine."""
    notes: tuple[str, ...]


class EmbeddingLab:
    """Vocabulary size V, dimension E, sentence length T and the chosen word."""

    SPEC = SPEC

    def __init__(self, preset: Mapping[str, Any] | None = None) -> None:
        values, errors = SPEC.settle(preset)
        self.refused: tuple[SettingError, ...] = tuple(errors)
        """Preset values that were refused (the defaults were used)."""
        self._preset = values
        self.check: LookupCheck | None = None
        """The one_hot @ W check of the chosen word (what the view shows)."""
        self.cosines: list[tuple[str, float, float]] = []
        """(word, one-hot cosine, dense cosine) for the first ids."""
        self.reset()

    # -- changes ------------------------------------------------------------------------------
    def reset(self) -> None:
        """Back to the preset vocabulary, dimension, 10 tokens and word."""
        self.size = self.size_at_start()
        self.dim = int(self._preset["dim"])
        self.tokens = 10
        word, start = self._preset["word"], self.size
        found = [
            names.index(word)
            for names in (self.words(start, "en"), self.words(start, "ko"))
            if word in names
        ]
        self.word_id = found[0] if found else min(1, start - 1)
        """The chosen id (the preset word's, else id 1)."""

    def named_words(self, lang: str) -> tuple[str, ...]:
        """The vocabulary words with names (preset list, or the language's example)."""
        vocab = self._preset["vocab"]
        if isinstance(vocab, int):
            return ()
        return tuple(vocab) if vocab else VOCAB.get(lang, VOCAB["en"])

    def words(self, size: int, lang: str) -> list[str]:
        """Names for ids 0..size-1: the named words, then w5, w6, ..."""
        named = self.named_words(lang)
        return [named[i] if i < len(named) else f"w{i}" for i in range(size)]

    def set(self, name: str, value: Any) -> None:
        """``size`` (V; the chosen id kept if it fits), ``dim`` (E), ``tokens`` (T) or
        ``word`` (an id 0..V-1); SettingError if refused."""
        if name == "word":
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < self.size:
                raise SettingError("word", f"must be an id 0..{self.size - 1}")
            self.word_id = value
            return
        value = SPEC.validate(name, value)
        if name == "size":
            self.word_id = min(self.word_id, value - 1)
            self.size = value
        elif name == "dim":
            self.dim = value
        elif name == "tokens":
            self.tokens = value
        else:
            raise SettingError(name, "is set by the lesson's preset only")

    # -- view ---------------------------------------------------------------------------------
    def notes(self, lang: str) -> tuple[str, ...]:
        """Refused preset values, and a preset word missing from the vocabulary."""
        out = list(refused(lang, self.refused))
        word = self._preset["word"]
        names = self.words(self.size_at_start(), lang)
        if word is not None and word not in names:
            out.append(
                words(
                    lang,
                    f"'{word}' is not in the vocabulary",
                    f"'{word}'은(는) 어휘 사전에 없습니다",
                )
            )
        return tuple(out)

    def size_at_start(self) -> int:
        """V as the preset gives it."""
        vocab = self._preset["vocab"]
        return vocab if isinstance(vocab, int) else len(self.named_words("en"))

    def view(self, lang: str = "en") -> EmbeddingView:
        """The chosen word's vectors, the lookup check, memory and cosines, in ``lang``."""
        size, dim, tokens = self.size, self.dim, self.tokens
        names = self.words(size, lang)
        word_id = self.word_id
        word = names[word_id]
        layer = Embedding(size, dim, seed=SEED)
        layer.build((None, tokens))
        check = self.check = lookup_check(layer, [[word_id]])
        hot, row = check.one_hot[0, 0], check.lookup[0, 0]
        vectors = "\n".join(
            [
                words(
                    lang,
                    f"{word}: id {word_id}; one-hot {fmt_int(size)} numbers, dense {dim}",
                    f"{word}: id {word_id}; 원-핫 숫자 {fmt_int(size)}개, 밀집 {dim}개",
                ),
                pad(words(lang, "one-hot", "원-핫"), 13) + self._one_hot_text(hot, lang),
                pad(f"W[{word_id}]", 13) + _vector(row),
            ]
        )
        diff = fmt(check.max_abs_diff, 1) if check.equal else f"{check.max_abs_diff:.3e}"
        same = (
            words(lang, "exactly equal", "정확히 같음")
            if check.equal
            else words(lang, "differ", "다름")
        )
        shape = format_shape(layer.embeddings.shape)
        check_text = "\n".join(
            [
                pad("one_hot @ W", 13) + _vector(check.product[0, 0]),
                words(lang, "max", "최대") + f" |one_hot @ W - W[{word_id}]| = {diff} ({same})",
                words(
                    lang,
                    f"W {shape}: {fmt_int(layer.count_params())} parameters (V x E)",
                    f"W {shape}: 파라미터 {fmt_int(layer.count_params())}개 (V x E)",
                ),
            ]
        )
        lines = (
            ("vectors", vectors),
            ("check", check_text),
            ("memory", self._memory_text(size, dim, tokens, lang)),
            ("cosine", self._cosine_text(layer, word_id, word, lang)),
        )
        return EmbeddingView(size, dim, tokens, tuple(names), word_id, lines, self.notes(lang))

    @staticmethod
    def _one_hot_text(hot: np.ndarray, lang: str) -> str:
        if hot.size <= SHOW_ALL:
            return "[" + ", ".join(fmt(float(v), 0) for v in hot) + "]"
        slot = int(np.flatnonzero(hot)[0])
        zeros = fmt_int(int(np.count_nonzero(hot == 0)))
        return words(
            lang,
            f"a single 1 at slot {slot}, {zeros} zeros",
            f"{slot}번 칸에 1 하나, 0이 {zeros}개",
        )

    @staticmethod
    def _memory_text(size: int, dim: int, tokens: int, lang: str) -> str:
        v = fmt_int(size)
        lines = [
            pad(words(lang, "bytes", "바이트"), LABEL)
            + pad(words(lang, f"one-hot V={v}", f"원-핫 V={v}"), COLUMN, right=True)
            + pad(words(lang, f"dense E={dim}", f"밀집 E={dim}"), COLUMN, right=True)
        ]
        for where, count in (
            (words(lang, "per token", "토큰 하나"), 1),
            (words(lang, f"per sentence, T={tokens}", f"문장 하나, T={tokens}"), tokens),
        ):
            lines.append(where)
            for dtype, note in (
                (np.float64, words(lang, "float64 (here)", "float64 (이 패널)")),
                (np.float32, words(lang, "float32 (Keras)", "float32 (Keras)")),
            ):
                hot = fmt_int(memory_bytes((count, size), dtype))
                dense = fmt_int(memory_bytes((count, dim), dtype))
                lines.append(
                    pad(f"  {note}", LABEL)
                    + pad(f"{hot} B", COLUMN, right=True)
                    + pad(f"{dense} B", COLUMN, right=True)
                )
        return "\n".join(lines)

    def _cosine_text(self, layer: Embedding, word_id: int, word: str, lang: str) -> str:
        ids = np.arange(min(layer.input_dim, COSINE_ROWS))
        hot_rows, dense = one_hot(ids, layer.input_dim), layer(ids)
        me_hot, me_dense = one_hot(word_id, layer.input_dim), layer([word_id])[0]
        names = self.words(len(ids), lang)
        self.cosines = [
            (
                names[i],
                cosine_similarity(me_hot, hot_rows[i]),
                cosine_similarity(me_dense, dense[i]),
            )
            for i in ids
        ]
        labels = [
            f"  {name}" + (words(lang, " (itself)", " (자신)") if i == word_id else "")
            for (name, _, _), i in zip(self.cosines, ids, strict=True)
        ]
        width = max(LABEL, *(cells(label) + 1 for label in labels))
        lines = [
            words(lang, f"cosine similarity with {word}:", f"코사인 유사도, 기준 단어 {word}:"),
            " " * width
            + pad(words(lang, "one-hot", "원-핫"), COS_COLUMN, right=True)
            + pad(words(lang, "dense", "밀집"), COS_COLUMN, right=True),
        ]
        for label, (_, hot, dense_cos) in zip(labels, self.cosines, strict=True):
            lines.append(
                pad(label, width)
                + fmt_signed(hot).rjust(COS_COLUMN)
                + fmt_signed(dense_cos).rjust(COS_COLUMN)
            )
        lines.append(
            words(
                lang,
                "One-hot: 0 for any two different words. Dense: the rows are still random "
                "(-0.05..0.05), so these values mean nothing yet; training moves words used "
                "alike closer together.",
                "원-핫: 서로 다른 두 단어는 항상 0입니다. 밀집: 아직 임의의 값(-0.05..0.05)이라 "
                "유사도에 의미가 없고, 훈련하면 비슷하게 쓰이는 단어끼리 가까워집니다.",
            )
        )
        lines += [""] * (COSINE_ROWS - len(labels))  # the same height for any V
        return "\n".join(lines)


def _vector(values: np.ndarray) -> str:
    return "[" + ", ".join(fmt_signed(float(v)) for v in values) + "]"
