"""Order lab (RNN vs CNN): shuffle or reverse the tokens; the RNN's final state changes, the
mean of the embeddings (GlobalAveragePooling1D, like a pooled feature map) does not.

Tokens -> ids (sorted vocabulary) -> a seeded Embedding -> SimpleRNN or LSTM. Every number is
read from the engine: the RNN trace, and GlobalAveragePooling1D of the same embeddings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from rnntui.lab.format import cells, fmt, pad, refused, words
from rnntui.lab.spec import SettingError
from rnntui.lab.specs import PANEL_SPECS
from rnntui.lab.weights import keep_units
from rnntui.nn import LSTM, Embedding, GlobalAveragePooling1D, RecurrentTrace, RNNLayer, SimpleRNN

SEED = 5
EMBED_DIM = 4
SPEC = PANEL_SPECS["order"]
MAX_UNITS = int(SPEC["units"].hi or 1)
"""The h grid always has room for this many rows: a units change redraws lines in place."""
KINDS = ("SimpleRNN", "LSTM")


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


def vec(values: np.ndarray) -> str:
    """``[0.1234, -0.5678]``."""
    return "[" + ", ".join(fmt(v) for v in np.ravel(values)) + "]"


@dataclass(frozen=True)
class OrderView:
    """Everything the order panel shows: units, kind, and (readout id, text) lines."""

    units: int
    kind: str
    how: str
    lines: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...]


class OrderLab:
    """The same tokens in another order: an RNN notices, a mean does not."""

    SPEC = SPEC
    LINES = ("title", "keys", "tokens", "rnn", "rnn-diff", "pool", "pool-diff")
    """Every readout id of the view, in display order."""

    def __init__(self, preset: Mapping[str, Any] | None = None) -> None:
        values, errors = SPEC.settle(preset)
        self.refused: tuple[SettingError, ...] = tuple(errors)
        """Preset values that were refused (the defaults were used)."""
        self.original: tuple[str, ...] = tuple(values["sentence"])
        self.vocab = vocabulary(self.original)
        self._units = int(values["units"])
        self.reset()

    # -- changes ------------------------------------------------------------------------------
    def reset(self) -> None:
        """Back to the preset: original order, SimpleRNN, the preset units, seeded weights."""
        self.units = self._units
        self.order: tuple[int, ...] = tuple(range(len(self.original)))
        self.how = "original"
        self.shuffles = 0
        self.kind = "SimpleRNN"
        self.now: OrderRun | None = None
        self.base: OrderRun | None = None
        self._rnns: dict[str, RNNLayer] = {}
        self._embedding = make_embedding(len(self.vocab))

    def set(self, name: str, value: Any) -> None:
        """Change ``units`` (the units that remain keep their weights) or the ``sentence``."""
        value = SPEC.validate(name, value)
        if name == "sentence":
            self.original, self._units = tuple(value), self.units
            self.vocab = vocabulary(self.original)
            self.reset()
            return
        self.engine_layer()  # the weights the remaining units keep
        self.units = int(value)

    def shuffle(self) -> None:
        """A new seeded order."""
        self.order, used = shuffle(self.order, self.shuffles)
        self.shuffles, self.how = used + 1, "shuffled"

    def reverse(self) -> None:
        """Reverse the current order."""
        self.order, self.how = self.order[::-1], "reversed"

    def restore(self) -> None:
        """Back to the sentence as written."""
        self.order, self.how = tuple(range(len(self.original))), "original"

    def toggle_cell(self) -> None:
        """SimpleRNN <-> LSTM."""
        self.kind = "LSTM" if self.kind == "SimpleRNN" else "SimpleRNN"

    # -- engine -------------------------------------------------------------------------------
    def _built(self, kind: str, units: int) -> RNNLayer:
        layer = make_rnn(kind, units)
        layer.build((None, None, EMBED_DIM))
        return layer

    def engine_layer(self) -> RNNLayer:
        """The recurrent layer of the current kind and units (seeded when first used)."""
        layer = self._rnns.get(self.kind)
        if layer is None:
            layer = self._rnns[self.kind] = self._built(self.kind, self.units)
        elif layer.units != self.units:  # resized: the units that remain keep their weights
            new = self._built(self.kind, self.units)
            new.set_weights(
                keep_units(
                    layer.get_weights(), new.get_weights(), new.n_gates, layer.units, self.units
                )
            )
            layer = self._rnns[self.kind] = new
        return layer

    # -- view ---------------------------------------------------------------------------------
    def view(self, lang: str = "en") -> OrderView:
        """Both orders through the engine, as text in ``lang``."""
        rnn = self.engine_layer()
        tokens = tuple(self.original[i] for i in self.order)
        self.base = base = run_order(self.original, self.vocab, self._embedding, rnn)
        self.now = now = run_order(tokens, self.vocab, self._embedding, rnn)
        if tokens == self.original:
            self.how = "original"
        how = {
            "original": words(lang, "original", "원래 순서"),
            "shuffled": words(lang, f"shuffled (#{self.shuffles})", f"섞음 ({self.shuffles}번째)"),
            "reversed": words(lang, "reversed", "뒤집음"),
        }[self.how]
        lines = {
            "title": f"Embedding({len(self.vocab)}, {EMBED_DIM}) -> {self.kind}({self.units})  |  "
            + words(lang, f"order: {how}", f"순서: {how}"),
            "keys": words(lang, "s shuffle r reverse o original", "s 섞기  r 뒤집기  o 원래대로"),
            "tokens": self._tokens_text(now, lang),
            "rnn": self._rnn_text(now, base, lang),
            "pool": words(
                lang,
                f"mean of the embeddings (GlobalAveragePooling1D), {EMBED_DIM} numbers:",
                f"임베딩의 평균 (GlobalAveragePooling1D), 숫자 {EMBED_DIM}개:",
            )
            + self._now_and_original(now.pooled, base.pooled, lang),
            "rnn-diff": self._verdict(
                now.trace.h, base.trace.h, words(lang, "the RNN", "RNN"), lang
            ),
            "pool-diff": self._verdict(
                now.pooled, base.pooled, words(lang, "the mean", "평균"), lang
            ),
        }
        return OrderView(
            self.units,
            self.kind,
            self.how,
            tuple((name, lines[name]) for name in self.LINES),
            refused(lang, self.refused),
        )

    @staticmethod
    def _columns(run: OrderRun) -> list[int]:
        """Width of each token's column (at least 8, wide enough for Korean tokens)."""
        return [max(8, cells(tok) + 1) for tok in run.tokens]

    def _tokens_text(self, run: OrderRun, lang: str) -> str:
        widths = self._columns(run)
        toks = "".join(
            " " * (w - cells(tok)) + tok for tok, w in zip(run.tokens, widths, strict=True)
        )
        ids = "".join(str(i).rjust(w) for i, w in zip(run.ids[0], widths, strict=True))
        return pad(words(lang, "token", "토큰"), 5) + toks + "\n" + "id".ljust(5) + ids

    def _rnn_text(self, run: OrderRun, base: OrderRun, lang: str) -> str:
        widths = self._columns(run)
        lines = [
            words(lang, f"{self.kind} state h after each token:", f"토큰마다 {self.kind} 상태 h:")
        ]
        for u in range(run.trace.units):
            row = "".join(
                fmt(s.h[0, u]).rjust(w) for s, w in zip(run.trace.steps, widths, strict=True)
            )
            lines.append(f"h[{u}]".ljust(5) + row)
        lines += [""] * (MAX_UNITS - run.trace.units)
        return "\n".join(lines) + self._now_and_original(run.trace.h, base.trace.h, lang, "h_T ")

    @staticmethod
    def _now_and_original(now: np.ndarray, base: np.ndarray, lang: str, name: str = "") -> str:
        labels = (
            words(lang, f"{name}now:", f"{name}지금:"),
            words(lang, f"{name}original:", f"{name}원래:"),
        )
        width = max(cells(label) for label in labels) + 1
        return "".join(
            f"\n  {pad(label, width)}{vec(v)}" for label, v in zip(labels, (now, base), strict=True)
        )

    @staticmethod
    def _verdict(now: np.ndarray, base: np.ndarray, what: str, lang: str) -> str:
        diff = fmt(float(np.max(np.abs(now - base))))
        if diff != fmt(0.0):
            return words(
                lang,
                f"max |now - original| = {diff}: {what} changed",
                f"최대 |지금 - 원래| = {diff}: {what} 달라짐",
            )
        return words(
            lang,
            f"max |now - original| = {diff}: {what} is the same",
            f"최대 |지금 - 원래| = {diff}: {what} 같음",
        )
