"""Order panel (RNN vs CNN): shuffle or reverse the tokens; the RNN's final state changes,
the mean of the embeddings (GlobalAveragePooling1D, like a pooled feature map) does not.

Tokens -> ids (sorted vocabulary) -> a seeded Embedding -> SimpleRNN or LSTM. Every number is
read from the engine: the RNN trace, and GlobalAveragePooling1D of the same embeddings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal

from rnntui.nn import LSTM, Embedding, GlobalAveragePooling1D, RecurrentTrace, RNNLayer, SimpleRNN
from rnntui.ui.format import fmt
from rnntui.ui.panels.base import Panel, Readout
from rnntui.ui.widgets.stepper import Stepper

SEED = 5
EMBED_DIM = 4
MAX_TOKENS = 7
MAX_UNITS = 5
"""The h grid always has room for this many rows: a units change redraws lines in place."""


def vocabulary(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Sorted distinct tokens: a token's id is its index here."""
    return tuple(sorted(set(tokens)))


def make_embedding(vocab_size: int) -> Embedding:
    """A seeded Embedding with rows in (-1, 1) (a stand-in for trained word vectors)."""
    layer = Embedding(vocab_size, EMBED_DIM, seed=SEED)
    layer.build((None, None))
    rows = np.random.default_rng(SEED).uniform(-1, 1, size=(vocab_size, EMBED_DIM))
    layer.set_weights([rows])
    return layer


def make_rnn(kind: str, units: int) -> RNNLayer:
    """The seeded recurrent layer (returns every step's state)."""
    cls = LSTM if kind == "LSTM" else SimpleRNN
    return cls(units, return_sequences=True, seed=SEED)


def shuffle(order: tuple[int, ...], k: int) -> tuple[tuple[int, ...], int]:
    """The k-th seeded permutation of ``order`` that differs from it (and the k used)."""
    for j in range(k, k + 50):
        new = tuple(order[i] for i in np.random.default_rng(SEED + j).permutation(len(order)))
        if new != order or len(set(order)) < 2:
            return new, j
    return order, k


@dataclass(frozen=True)
class OrderRun:
    """One order of the tokens through the engine."""

    tokens: tuple[str, ...]
    ids: np.ndarray
    vectors: np.ndarray
    trace: RecurrentTrace
    pooled: np.ndarray


def run_order(
    tokens: tuple[str, ...], vocab: tuple[str, ...], emb: Embedding, rnn: RNNLayer
) -> OrderRun:
    """Embed the tokens, run the RNN, pool the embeddings (all engine calls)."""
    ids = np.asarray([[vocab.index(tok) for tok in tokens]])
    vectors = emb(ids)
    return OrderRun(tokens, ids, vectors, rnn.trace(vectors), GlobalAveragePooling1D()(vectors))


def pad(text: str, width: int) -> str:
    """Left-align ``text`` in ``width`` terminal cells (Hangul is two cells wide)."""
    return text + " " * max(0, width - cell_len(text))


def vec(values: np.ndarray) -> str:
    """``[0.1234, -0.5678]``."""
    return "[" + ", ".join(fmt(v) for v in np.ravel(values)) + "]"


class OrderPanel(Panel):
    """The same tokens in another order: an RNN notices, a mean does not."""

    NAME = "order"
    DEFAULTS: ClassVar[dict[str, Any]] = {"sentence": ["I", "go", "to", "school"], "units": 4}
    LABELS_KO: ClassVar[dict[str, str]] = {
        "Shuffle": "섞기",
        "Reverse": "뒤집기",
        "Original": "원래대로",
        "RNN cell": "RNN 셀",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "shuffle", "Shuffle"),
        Binding("r", "reverse", "Reverse"),
        Binding("o", "original", "Original"),
        Binding("c", "toggle_cell", "RNN cell"),
    ]
    DEFAULT_CSS = """
    OrderPanel .row { height: 1; layout: grid; grid-size: 2; grid-columns: 1fr 1fr; }
    OrderPanel .grid { text-wrap: nowrap; text-overflow: clip; }
    OrderPanel .gap { margin-top: 1; }
    """
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": """\
## Does order matter?

The tokens become ids (their place in the sorted vocabulary) and each id a row of a seeded
Embedding (4 numbers in (-1, 1), standing in for trained word vectors). An RNN reads the rows
one by one and carries its state h, so its final state depends on the order. The mean of
the rows (Keras `GlobalAveragePooling1D`, like global average pooling of a CNN feature map)
adds them up, so any order gives the same mean: max |diff| stays 0.0000.

| key | does |
|---|---|
| s | shuffle the tokens (seeded; press again for another order) |
| r | reverse the order |
| o | back to the original order |
| c | SimpleRNN / LSTM |
| -/+ on units | number of RNN units |
""",
        "ko": """\
## 순서가 중요할까?

토큰은 id(정렬한 어휘에서의 자리)가 되고, 각 id는 시드 고정 Embedding의 한 행(-1과 1 사이의
숫자 4개, 학습된 단어 벡터 대신)이 됩니다. RNN은 행을 하나씩 읽으며 상태 h를 이어 가므로
마지막 상태가 순서에 따라 달라집니다. 행들의 평균(Keras `GlobalAveragePooling1D`, CNN
특성 맵의 전역 평균 풀링과 같은 것)은 더하기라서 어떤 순서든 같습니다: 최대 차이 0.0000.

| 키 | 하는 일 |
|---|---|
| s | 토큰 섞기 (시드 고정, 다시 누르면 다른 순서) |
| r | 순서 뒤집기 |
| o | 원래 순서로 |
| c | SimpleRNN / LSTM |
| units에서 -/+ | RNN 유닛 수 |
""",
    }

    def check_preset(self, key: str, value: Any) -> Any:
        if key == "units":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_UNITS:
                raise ValueError(f"units must be a whole number 1..{MAX_UNITS}")
            return value
        if (
            not isinstance(value, list)
            or not 1 <= len(value) <= MAX_TOKENS
            or not all(isinstance(tok, str) and tok.strip() for tok in value)
        ):
            raise ValueError(f"sentence must be a list of 1..{MAX_TOKENS} text tokens")
        return [tok.strip() for tok in value]

    def __init__(self, preset: dict[str, Any] | None = None, lang: str = "en", **kw: Any) -> None:
        super().__init__(preset, lang, **kw)
        self.original: tuple[str, ...] = tuple(self.preset["sentence"])
        self.vocab = vocabulary(self.original)
        self.order: tuple[int, ...] = tuple(range(len(self.original)))
        self.how = "original"
        self.shuffles = 0
        self.kind = "SimpleRNN"
        self.now: OrderRun | None = None
        self.base: OrderRun | None = None

    def compose(self) -> ComposeResult:
        yield Readout(id="title", classes="panel--title")
        with Horizontal(classes="row"):
            yield self.stepper(
                self.t("units", "유닛 수"),
                self.preset["units"],
                lo=1,
                hi=MAX_UNITS,
                step=1,
                big_step=4,
                integer=True,
                id="units",
            )
            yield Readout(id="keys")
        yield Readout(id="tokens", classes="gap grid")
        yield Readout(id="rnn", classes="gap grid")
        yield Readout(id="rnn-diff")
        yield Readout(id="pool", classes="gap grid")
        yield Readout(id="pool-diff")
        yield Readout(
            self.t(
                "An RNN carries its state from token to token, so the order counts. A mean adds "
                "the vectors up, and a sum does not care about order (like a CNN's global "
                "average pooling, which forgets where a feature was).",
                "RNN은 상태를 토큰에서 토큰으로 넘기므로 순서가 중요합니다. 평균은 벡터를 "
                "더하기만 하고, 더하기는 순서와 상관없습니다 (CNN의 전역 평균 풀링도 "
                "특성이 어디 있었는지 잊습니다).",
            ),
            classes="gap panel--note",
        )

    # -- actions ------------------------------------------------------------------------------
    def action_shuffle(self) -> None:
        """A new seeded order."""
        self.order, used = shuffle(self.order, self.shuffles)
        self.shuffles, self.how = used + 1, "shuffled"
        self.request_recompute()

    def action_reverse(self) -> None:
        """Reverse the current order."""
        self.order, self.how = self.order[::-1], "reversed"
        self.request_recompute()

    def action_original(self) -> None:
        """Back to the sentence as written."""
        self.order, self.how = tuple(range(len(self.original))), "original"
        self.request_recompute()

    def action_toggle_cell(self) -> None:
        """SimpleRNN <-> LSTM."""
        self.kind = "LSTM" if self.kind == "SimpleRNN" else "SimpleRNN"
        self.request_recompute()

    # -- recompute ----------------------------------------------------------------------------
    def recompute(self) -> None:
        units = int(self.query_one("#units", Stepper).value)
        emb, rnn = make_embedding(len(self.vocab)), make_rnn(self.kind, units)
        tokens = tuple(self.original[i] for i in self.order)
        self.base = base = run_order(self.original, self.vocab, emb, rnn)
        self.now = now = run_order(tokens, self.vocab, emb, rnn)
        if tokens == self.original:
            self.how = "original"
        how = {
            "original": self.t("original", "원래 순서"),
            "shuffled": self.t(f"shuffled (#{self.shuffles})", f"섞음 ({self.shuffles}번째)"),
            "reversed": self.t("reversed", "뒤집음"),
        }[self.how]
        self.query_one("#title", Readout).show(
            f"Embedding({len(self.vocab)}, {EMBED_DIM}) -> {self.kind}({units})  |  "
            + self.t(f"order: {how}", f"순서: {how}")
        )
        self.query_one("#keys", Readout).show(
            self.t("s shuffle r reverse o original", "s 섞기  r 뒤집기  o 원래대로")
        )
        self.query_one("#tokens", Readout).show(self.tokens_text(now))
        self.query_one("#rnn", Readout).show(self.rnn_text(now, base))
        self.query_one("#pool", Readout).show(
            self.t(
                f"mean of the embeddings (GlobalAveragePooling1D), {EMBED_DIM} numbers:",
                f"임베딩의 평균 (GlobalAveragePooling1D), 숫자 {EMBED_DIM}개:",
            )
            + self.now_and_original(now.pooled, base.pooled)
        )
        self.query_one("#rnn-diff", Readout).show(
            self.verdict(now.trace.h, base.trace.h, self.t("the RNN", "RNN"))
        )
        self.query_one("#pool-diff", Readout).show(
            self.verdict(now.pooled, base.pooled, self.t("the mean", "평균"))
        )

    def columns(self, run: OrderRun) -> list[int]:
        """Width of each token's column (at least 8, wide enough for Korean tokens)."""
        return [max(8, cell_len(tok) + 1) for tok in run.tokens]

    def tokens_text(self, run: OrderRun) -> str:
        """The tokens in the current order, with their ids."""
        widths = self.columns(run)
        toks = "".join(
            " " * (w - cell_len(tok)) + tok for tok, w in zip(run.tokens, widths, strict=True)
        )
        ids = "".join(str(i).rjust(w) for i, w in zip(run.ids[0], widths, strict=True))
        return pad(self.t("token", "토큰"), 5) + toks + "\n" + "id".ljust(5) + ids

    def rnn_text(self, run: OrderRun, base: OrderRun) -> str:
        """h after each token, then the final state now and for the original order."""
        widths = self.columns(run)
        lines = [self.t(f"{self.kind} state h after each token:", f"토큰마다 {self.kind} 상태 h:")]
        for u in range(run.trace.units):
            cells = "".join(
                fmt(s.h[0, u]).rjust(w) for s, w in zip(run.trace.steps, widths, strict=True)
            )
            lines.append(f"h[{u}]".ljust(5) + cells)
        lines += [""] * (MAX_UNITS - run.trace.units)
        return "\n".join(lines) + self.now_and_original(run.trace.h, base.trace.h, "h_T ")

    def now_and_original(self, now: np.ndarray, base: np.ndarray, name: str = "") -> str:
        """Two aligned lines: the vector now and for the original order."""
        labels = (self.t(f"{name}now:", f"{name}지금:"), self.t(f"{name}original:", f"{name}원래:"))
        width = max(cell_len(label) for label in labels) + 1
        return "".join(
            f"\n  {pad(label, width)}{vec(v)}" for label, v in zip(labels, (now, base), strict=True)
        )

    def verdict(self, now: np.ndarray, base: np.ndarray, what: str) -> str:
        """``max |diff| = 0.1234: the RNN changed`` (or stays the same)."""
        diff = fmt(float(np.max(np.abs(now - base))))
        if diff != fmt(0.0):
            return self.t(
                f"max |now - original| = {diff}: {what} changed",
                f"최대 |지금 - 원래| = {diff}: {what} 달라짐",
            )
        return self.t(
            f"max |now - original| = {diff}: {what} is the same",
            f"최대 |지금 - 원래| = {diff}: {what} 같음",
        )
