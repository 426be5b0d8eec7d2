"""Embedding panel: one word as a one-hot vector and as a dense vector, memory, similarity.

A seeded ``Embedding(V, E)`` gives the dense rows; ``rnntui.nn.similarity`` gives the
one_hot @ W check, the bytes and the cosine similarities. The panel only formats them.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np
from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widgets import Static

from rnntui.nn import Embedding
from rnntui.nn.layer import format_shape
from rnntui.nn.similarity import (
    LookupCheck,
    cosine_similarity,
    lookup_check,
    memory_bytes,
    one_hot,
)
from rnntui.ui.format import fmt, fmt_int, fmt_signed
from rnntui.ui.panels.base import Readout
from rnntui.ui.panels.units import Choice, TextPanel, pad
from rnntui.ui.widgets.stepper import Stepper

VOCAB = {
    "en": ("I", "deep-learning", "fun", "study", "travel"),
    "ko": ("나는", "딥러닝이", "재미있다", "공부", "여행"),
}
MAX_VOCAB = 10_000
MAX_DIM = 64
MAX_TOKENS = 1_000
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


class EmbeddingPanel(TextPanel):
    """Vocabulary size V, dimension E, sentence length T and the chosen word."""

    NAME = "embedding"
    DEFAULTS: ClassVar[dict[str, Any]] = {"vocab": None, "dim": 4, "word": None}
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": "## Embedding\n\nA one-hot vector has V slots (one per vocabulary word) and a "
        "single 1. An embedding gives each word a dense row of W, E numbers long, learned in "
        "training. Looking up W[id] is exactly one_hot(id) @ W.\n\n"
        "| key | does |\n|---|---|\n| Tab | next control |\n| -/+ or Left/Right | change V, "
        "E, T or the word |\n| PgUp/PgDn | big step |\n| Enter | type a value (or a word) |",
        "ko": "## 임베딩\n\n원-핫 벡터는 칸이 V개(어휘 사전의 단어마다 하나)이고 1이 하나뿐입니다. "
        "임베딩은 단어마다 길이 E의 밀집 벡터(W의 한 행)를 주고, 이 값은 훈련으로 학습됩니다. "
        "W[id]를 꺼내는 것은 one_hot(id) @ W와 정확히 같습니다.\n\n"
        "| 키 | 기능 |\n|---|---|\n| Tab | 다음 컨트롤 |\n| -/+ 또는 Left/Right | V, E, T, "
        "단어 바꾸기 |\n| PgUp/PgDn | 크게 조절 |\n| Enter | 값(또는 단어) 입력 |",
    }
    DEFAULT_CSS = """
    EmbeddingPanel .row { height: auto; width: 1fr; }
    EmbeddingPanel .row Stepper { width: auto; margin-right: 2; }
    EmbeddingPanel .row Stepper > .stepper--label { min-width: 0; }
    EmbeddingPanel .gap { margin-top: 1; }
    """
    check: LookupCheck | None = None
    """The one_hot @ W check of the chosen word (what the panel shows)."""
    cosines: ClassVar[list[tuple[str, float, float]]] = []
    """(word, one-hot cosine, dense cosine) rows as shown."""

    def check_preset(self, key: str, value: Any) -> Any:
        """vocab: a size 1..10000 or a list of distinct words; dim 1..64; word: text."""
        if key == "vocab":
            if isinstance(value, int) and not isinstance(value, bool):
                if not 1 <= value <= MAX_VOCAB:
                    raise ValueError(f"vocab size must be 1..{MAX_VOCAB}")
                return value
            if (
                not isinstance(value, list)
                or not value
                or len(value) > 100
                or not all(isinstance(w, str) and w.strip() for w in value)
            ):
                raise ValueError("vocab must be a size or a list of up to 100 words")
            words = tuple(w.strip() for w in value)
            if len(set(words)) != len(words):
                raise ValueError("vocab words must be different")
            return words
        if key == "dim":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_DIM:
                raise ValueError(f"dim must be a whole number 1..{MAX_DIM}")
        if key == "word" and not (isinstance(value, str) and value.strip()):
            raise ValueError("word must be text")
        return value

    # -- vocabulary ---------------------------------------------------------------------------
    def named_words(self) -> tuple[str, ...]:
        """The vocabulary words with names (preset list, or the language's example)."""
        vocab = self.preset["vocab"]
        if isinstance(vocab, int):
            return ()
        return tuple(vocab) if vocab else VOCAB.get(self.lang, VOCAB["en"])

    def words(self, size: int) -> list[str]:
        """Names for ids 0..size-1: the named words, then w5, w6, ..."""
        named = self.named_words()
        return [named[i] if i < len(named) else f"w{i}" for i in range(size)]

    def compose(self) -> ComposeResult:
        vocab = self.preset["vocab"]
        size = vocab if isinstance(vocab, int) else len(self.named_words())
        words = self.words(size)
        word = self.preset["word"]
        if word is not None and word not in words:
            self.notes.append(
                self.t(f"'{word}' is not in the vocabulary", f"'{word}'은(는) 어휘 사전에 없습니다")
            )
        index = words.index(word) if word in words else min(1, size - 1)
        yield Static(
            self.t("Embedding: one-hot vs dense vectors", "임베딩: 원-핫과 밀집 벡터"),
            classes="panel--title",
        )
        with HorizontalGroup(classes="row"):
            yield self.stepper(
                self.t("vocab V", "사전 V"),
                size,
                lo=1,
                hi=MAX_VOCAB,
                step=1,
                big_step=100,
                integer=True,
                id="vocab",
            )
            yield self.stepper(
                self.t("dim E", "차원 E"),
                self.preset["dim"],
                lo=1,
                hi=MAX_DIM,
                step=1,
                big_step=8,
                integer=True,
                id="dim",
            )
            yield self.stepper(
                self.t("tokens T", "토큰 T"),
                10,
                lo=1,
                hi=MAX_TOKENS,
                step=1,
                big_step=10,
                integer=True,
                id="tokens",
            )
        yield Choice(self.t("word", "단어"), words, index, lang=self.lang, id="word")
        yield Readout(id="vectors", classes="gap")
        yield Readout(id="check", classes="gap")
        yield Readout(id="memory", classes="gap")
        yield Readout(id="cosine", classes="gap")
        yield Readout("\n".join(self.notes), id="notes", classes="panel--note")

    def on_control_changed(self, stepper: Stepper) -> None:
        """A new vocabulary size changes the word list (the chosen id is kept if it fits)."""
        if stepper.id == "vocab":
            choice = self.query_one("#word", Choice)
            size = self.int_value("vocab")
            choice.set_options(self.words(size), min(int(choice.value), size - 1))
        self.request_recompute()

    # -- recompute ----------------------------------------------------------------------------
    def recompute(self) -> None:
        size, dim, tokens = self.int_value("vocab"), self.int_value("dim"), self.int_value("tokens")
        choice = self.query_one("#word", Choice)
        word_id, word = int(choice.value), choice.choice
        layer = Embedding(size, dim, seed=SEED)
        layer.build((None, tokens))
        check = lookup_check(layer, [[word_id]])
        self.check = check
        one_hot, row = check.one_hot[0, 0], check.lookup[0, 0]
        self.show(
            "#vectors",
            "\n".join(
                [
                    self.t(
                        f"{word}: id {word_id}; one-hot {fmt_int(size)} numbers, dense {dim}",
                        f"{word}: id {word_id}; 원-핫 숫자 {fmt_int(size)}개, 밀집 {dim}개",
                    ),
                    pad(self.t("one-hot", "원-핫"), 13) + self._one_hot_text(one_hot),
                    pad(f"W[{word_id}]", 13) + self._vector(row),
                ]
            ),
        )
        diff = fmt(check.max_abs_diff, 1) if check.equal else f"{check.max_abs_diff:.3e}"
        same = self.t("exactly equal", "정확히 같음") if check.equal else self.t("differ", "다름")
        shape = format_shape(layer.embeddings.shape)
        self.show(
            "#check",
            "\n".join(
                [
                    pad("one_hot @ W", 13) + self._vector(check.product[0, 0]),
                    f"max |one_hot @ W - W[{word_id}]| = {diff} ({same})",
                    self.t(
                        f"W {shape}: {fmt_int(layer.count_params())} parameters (V x E)",
                        f"W {shape}: 파라미터 {fmt_int(layer.count_params())}개 (V x E)",
                    ),
                ]
            ),
        )
        self.show("#memory", self._memory_text(size, dim, tokens))
        self.show("#cosine", self._cosine_text(layer, word_id, word))

    def _vector(self, values: np.ndarray) -> str:
        return "[" + ", ".join(fmt_signed(float(v)) for v in values) + "]"

    def _one_hot_text(self, one_hot: np.ndarray) -> str:
        if one_hot.size <= SHOW_ALL:
            return "[" + ", ".join(fmt(float(v), 0) for v in one_hot) + "]"
        slot = int(np.flatnonzero(one_hot)[0])
        zeros = fmt_int(int(np.count_nonzero(one_hot == 0)))
        return self.t(
            f"a single 1 at slot {slot}, {zeros} zeros", f"{slot}번 칸에 1 하나, 0이 {zeros}개"
        )

    def _memory_text(self, size: int, dim: int, tokens: int) -> str:
        v = fmt_int(size)
        lines = [
            pad(self.t("bytes", "바이트"), LABEL)
            + pad(self.t(f"one-hot V={v}", f"원-핫 V={v}"), COLUMN, right=True)
            + pad(self.t(f"dense E={dim}", f"밀집 E={dim}"), COLUMN, right=True)
        ]
        for where, count in (
            (self.t("per token", "토큰 하나"), 1),
            (self.t(f"per sentence, T={tokens}", f"문장 하나, T={tokens}"), tokens),
        ):
            lines.append(where)
            for dtype, note in (
                (np.float64, self.t("float64 (here)", "float64 (이 패널)")),
                (np.float32, self.t("float32 (Keras)", "float32 (Keras)")),
            ):
                hot = fmt_int(memory_bytes((count, size), dtype))
                dense = fmt_int(memory_bytes((count, dim), dtype))
                lines.append(
                    pad(f"  {note}", LABEL)
                    + pad(f"{hot} B", COLUMN, right=True)
                    + pad(f"{dense} B", COLUMN, right=True)
                )
        return "\n".join(lines)

    def _cosine_text(self, layer: Embedding, word_id: int, word: str) -> str:
        ids = np.arange(min(layer.input_dim, COSINE_ROWS))
        hot_rows, dense = one_hot(ids, layer.input_dim), layer(ids)
        me_hot, me_dense = one_hot(word_id, layer.input_dim), layer([word_id])[0]
        names = self.words(len(ids))
        self.cosines = [
            (
                names[i],
                cosine_similarity(me_hot, hot_rows[i]),
                cosine_similarity(me_dense, dense[i]),
            )
            for i in ids
        ]
        labels = [
            f"  {name}" + (self.t(" (itself)", " (자신)") if i == word_id else "")
            for (name, _, _), i in zip(self.cosines, ids, strict=True)
        ]
        width = max(LABEL, *(cell_len(label) + 1 for label in labels))
        lines = [
            self.t(f"cosine similarity with {word}:", f"코사인 유사도, 기준 단어 {word}:"),
            " " * width
            + pad(self.t("one-hot", "원-핫"), COS_COLUMN, right=True)
            + pad(self.t("dense", "밀집"), COS_COLUMN, right=True),
        ]
        for label, (_, hot, dense_cos) in zip(labels, self.cosines, strict=True):
            lines.append(
                pad(label, width)
                + fmt_signed(hot).rjust(COS_COLUMN)
                + fmt_signed(dense_cos).rjust(COS_COLUMN)
            )
        lines.append(
            self.t(
                "One-hot: 0 for any two different words. Dense: the rows are still random "
                "(-0.05..0.05), so these values mean nothing yet; training moves words used "
                "alike closer together.",
                "원-핫: 서로 다른 두 단어는 항상 0입니다. 밀집: 아직 임의의 값(-0.05..0.05)이라 "
                "유사도에 의미가 없고, 훈련하면 비슷하게 쓰이는 단어끼리 가까워집니다.",
            )
        )
        lines += [""] * (COSINE_ROWS - len(labels))  # the same height for any V
        return "\n".join(lines)
