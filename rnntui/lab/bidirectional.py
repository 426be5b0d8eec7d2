"""Bidirectional lab: a short sentence read forwards and backwards, aligned by position.

Tokens -> a tiny seeded Embedding -> ``Bidirectional(layer, merge_mode).trace()``. The view
holds, per input position t, the forward h (it has read x_0..x_t), the backward h aligned to t
(it has read x_t..x_{T-1}), which tokens each half has seen (from the trace's step positions),
and the merged output with its shape from ``compute_output_shape``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from rnntui.lab.format import fmt_int, refused, words
from rnntui.lab.spec import SettingError
from rnntui.lab.specs import MERGE_MODES, PANEL_SPECS
from rnntui.lab.weights import keep_units
from rnntui.nn import (
    GRU,
    LSTM,
    Bidirectional,
    BidirectionalTrace,
    Embedding,
    RecurrentTrace,
    RNNLayer,
    SimpleRNN,
)
from rnntui.nn.layer import format_shape

KINDS: dict[str, type[RNNLayer]] = {"LSTM": LSTM, "GRU": GRU, "SimpleRNN": SimpleRNN}
MODES: tuple[str, ...] = MERGE_MODES
SENTENCES: tuple[tuple[str, ...], ...] = (
    ("나는", "밥을", "먹었다"),
    ("I", "ate", "rice"),
    ("the", "dog", "barked", "all", "night"),
)
EMBED_DIM = 4
SEED = 0
SPEC = PANEL_SPECS["bidirectional"]
ROW_NAMES = (("fwd", "순방향"), ("bwd", "역방향"), ("out", "출력"))
"""(English, Korean) names of the forward, backward and merged grid rows."""


def row_names(lang: str) -> tuple[str, str, str]:
    """The forward, backward and merged row names in ``lang``."""
    fwd, bwd, out = (words(lang, en, ko) for en, ko in ROW_NAMES)
    return fwd, bwd, out


def embed(tokens: Sequence[str]) -> tuple[Embedding, np.ndarray]:
    """A tiny seeded Embedding (ids in order of first appearance) and the (1, T, E) input.

    Its table is drawn from -1..1 instead of Keras' -0.05..0.05, so the states are big enough
    to read with four decimals."""
    vocab = list(dict.fromkeys(tokens))
    layer = Embedding(len(vocab), EMBED_DIM, seed=SEED)
    layer.build((None, len(tokens)))
    layer.set_weights([np.random.default_rng(SEED).uniform(-1.0, 1.0, (len(vocab), EMBED_DIM))])
    ids = np.asarray([[vocab.index(tok) for tok in tokens]])
    return layer, layer(ids)


def seen(run: RecurrentTrace, position: int) -> list[int]:
    """Input positions a direction has read when it produces the output for ``position``."""
    order = [step.position for step in run.steps]
    return sorted(order[: order.index(position) + 1])


Rows = tuple[tuple[float, ...], ...]


def rows(values: np.ndarray) -> Rows:
    """(T, n) -> one row per unit."""
    return tuple(tuple(float(v) for v in row) for row in values.T)


@dataclass(frozen=True)
class BidirectionalView:
    """Everything the bidirectional panel shows."""

    sentences: tuple[str, ...]
    sentence: int
    kind: int
    units: int
    mode: int
    tokens: tuple[str, ...]
    layer: str
    forward: Rows
    backward: Rows
    merged_title: str
    merged: Rows
    second: Rows | None
    """None unless merge_mode is None (a list of two outputs)."""
    seen: str
    inputs: str
    warnings: tuple[str, ...]


class BidirectionalLab:
    """Sentence, layer type, units and merge mode; both directions and the merged output."""

    SPEC = SPEC

    def __init__(self, preset: Mapping[str, Any] | None = None) -> None:
        values, errors = SPEC.settle(preset)
        self.refused: tuple[SettingError, ...] = tuple(errors)
        """Preset values that were refused (the defaults were used)."""
        self._preset = values
        self.reset()

    # -- changes ------------------------------------------------------------------------------
    def reset(self) -> None:
        """Back to the preset sentence, LSTM, units and merge mode, seeded weights."""
        self.chosen: tuple[str, ...] | None = None
        """The sentence chosen (None: the preset's, or the one in the view's language)."""
        self.kind = "LSTM"
        self.units = int(self._preset["units"])
        self.mode = str(self._preset["merge_mode"])
        self._layers: dict[str, Bidirectional] = {}

    def sentences(self, lang: str) -> list[tuple[str, ...]]:
        """The preset sentence (or the one in ``lang``) first, then the others."""
        first = self._preset["sentence"] or SENTENCES[0 if lang == "ko" else 1]
        return list(dict.fromkeys([tuple(first), *SENTENCES]))

    def tokens(self, lang: str) -> tuple[str, ...]:
        """The chosen sentence's tokens."""
        return self.chosen if self.chosen is not None else self.sentences(lang)[0]

    def choose_sentence(self, index: int, lang: str) -> None:
        """Choose sentence ``index`` of :meth:`sentences`."""
        options = self.sentences(lang)
        if not 0 <= index < len(options):
            raise SettingError("sentence", f"must be a choice 0..{len(options) - 1}")
        self.chosen = options[index]

    def set(self, name: str, value: Any) -> None:
        """``units`` (kept weights for the units that remain), ``merge_mode``, ``kind``
        (LSTM, GRU, SimpleRNN) or ``sentence`` (a list of words)."""
        if name == "kind":
            if value not in KINDS:
                raise SettingError("kind", f"must be one of {', '.join(KINDS)}")
            self.kind = value
            return
        value = SPEC.validate(name, value)
        if name == "sentence":
            self.chosen = value
        elif name == "merge_mode":
            self.mode = value
        else:
            self.half_layers()  # the weights the remaining units keep
            self.units = int(value)

    # -- weights ------------------------------------------------------------------------------
    def _fresh(self) -> Bidirectional:
        bi = Bidirectional(
            KINDS[self.kind](self.units, return_sequences=True, seed=SEED),
            merge_mode=None if self.mode == "None" else self.mode,
        )
        bi.build((None, None, EMBED_DIM))
        return bi

    def half_layers(self) -> tuple[RNNLayer, RNNLayer]:
        """The forward and backward layers of the current kind and units (seeded when first
        used; resized from the kind's last layer, the units that remain keeping theirs)."""
        layer = self._layers.get(self.kind)
        if layer is None:
            layer = self._layers[self.kind] = self._fresh()
        elif layer.forward_layer.units != self.units:
            layer = self._layers[self.kind] = self._resized(
                (layer.forward_layer, layer.backward_layer)
            )
        return layer.forward_layer, layer.backward_layer

    def _resized(self, old: tuple[RNNLayer, RNNLayer]) -> Bidirectional:
        bi = self._fresh()
        new = (bi.forward_layer, bi.backward_layer)
        weights: list[np.ndarray] = []
        for was, now in zip(old, new, strict=True):
            weights += keep_units(
                was.get_weights(), now.get_weights(), now.n_gates, was.units, now.units
            )
        bi.set_weights(weights)
        return bi

    def engine_layer(self) -> Bidirectional:
        """The Bidirectional layer for the current kind, units and merge mode."""
        forward, backward = self.half_layers()
        bi = self._fresh()
        bi.set_weights(forward.get_weights() + backward.get_weights())
        return bi

    # -- view ---------------------------------------------------------------------------------
    def view(self, lang: str = "en") -> BidirectionalView:
        """Both directions and the merged output, in ``lang``."""
        tokens = self.tokens(lang)
        units, mode = self.units, self.mode
        table, x = embed(tokens)
        bi = self.engine_layer()
        trace = bi.trace(x)
        shape_in = (None, len(tokens), EMBED_DIM)
        output_shape = format_shape(bi.compute_output_shape(shape_in))
        merge_text = "None" if mode == "None" else f"'{mode}'"
        one, both = fmt_int(bi.forward_layer.count_params()), fmt_int(bi.count_params())
        layer = "\n".join(
            [
                f"Bidirectional({self.kind}({units}, return_sequences=True), "
                f"merge_mode={merge_text})",
                f"{format_shape(shape_in)} -> {output_shape}; "
                + words(lang, f"params 2 x {one} = {both}", f"파라미터 2 x {one} = {both}"),
            ]
        )
        merge = None if mode == "None" else mode
        last = Bidirectional(KINDS[self.kind](units), merge_mode=merge)
        last_shape = format_shape(last.compute_output_shape(shape_in))
        ids = ", ".join(f"{tok}={i}" for i, tok in enumerate(dict.fromkeys(tokens)))
        inputs = "\n".join(
            [
                words(
                    lang,
                    f"x_t = rows of a seeded Embedding({table.input_dim}, {EMBED_DIM}), ids {ids}",
                    f"x_t = 시드 고정 Embedding({table.input_dim}, {EMBED_DIM})의 행, id {ids}",
                ),
                words(
                    lang,
                    "Each direction has its own weights, hence 2 x. Without return_sequences "
                    f"the output is {last_shape}.",
                    "방향마다 가중치가 따로 있어서 2배입니다. return_sequences가 없으면 출력은 "
                    f"{last_shape}입니다.",
                ),
            ]
        )
        if isinstance(trace.merged, list):
            merged, second = rows(trace.merged[0][0]), rows(trace.merged[1][0])
        else:
            merged, second = rows(trace.merged[0]), None
        options = self.sentences(lang)
        return BidirectionalView(
            sentences=tuple(" ".join(s) for s in options),
            sentence=options.index(tokens) if tokens in options else 0,
            kind=tuple(KINDS).index(self.kind),
            units=units,
            mode=MODES.index(mode),
            tokens=tokens,
            layer=layer,
            forward=rows(trace.forward.outputs[0]),
            backward=rows(trace.backward_aligned[0]),
            merged_title=words(lang, "output ", "출력 ") + self._merge_text(mode, units, lang),
            merged=merged,
            second=second,
            seen=self._seen_text(trace, tokens, lang),
            inputs=inputs,
            warnings=refused(lang, self.refused),
        )

    @staticmethod
    def _merge_text(mode: str, units: int, lang: str) -> str:
        fwd, bwd, out = row_names(lang)
        return {
            "concat": f"concat: {out}[0..{units - 1}] = {fwd}, "
            f"{out}[{units}..{2 * units - 1}] = {bwd}",
            "sum": f"sum: {fwd} + {bwd}",
            "mul": f"mul: {fwd} * {bwd}",
            "ave": f"ave: ({fwd} + {bwd}) / 2",
            "None": words(
                lang,
                "None: one list of two tensors, not merged; output[0] = fwd",
                "None: 합치지 않은 텐서 두 개가 든 목록 하나; output[0] = 순방향",
            ),
        }[mode]

    @staticmethod
    def _seen_text(trace: BidirectionalTrace, tokens: Sequence[str], lang: str) -> str:
        fwd_name, bwd_name, _ = row_names(lang)
        lines = [
            words(
                lang,
                "fwd reads left to right, bwd right to left; at position t they have read:",
                "순방향은 왼쪽부터, 역방향은 오른쪽부터 읽습니다. 위치 t에서 읽은 단어:",
            )
        ]
        for t, tok in enumerate(tokens):
            fwd = " ".join(tokens[p] for p in seen(trace.forward, t))
            bwd = " ".join(tokens[p] for p in seen(trace.backward, t))
            lines.append(f"t={t} {tok}: {fwd_name} [{fwd}]  {bwd_name} [{bwd}]")
        return "\n".join(lines)
