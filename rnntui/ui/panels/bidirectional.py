"""Bidirectional panel: a short sentence read forwards and backwards, aligned by position.

Tokens -> a tiny seeded Embedding -> ``Bidirectional(layer, merge_mode).trace()``. The panel
shows, per input position t, the forward h (it has read x_0..x_t), the backward h aligned to t
(it has read x_t..x_{T-1}), which tokens each half has seen (from the trace's step positions),
and the merged output with its shape from ``compute_output_shape``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

import numpy as np
from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Container, HorizontalGroup
from textual.css.scalar import Scalar

from rnntui.nn import (
    GRU,
    LSTM,
    Bidirectional,
    BidirectionalTrace,
    Embedding,
    RecurrentTrace,
    SimpleRNN,
)
from rnntui.nn.layer import format_shape
from rnntui.ui.format import fmt_int
from rnntui.ui.panels.base import Readout
from rnntui.ui.panels.units import Choice, TextPanel
from rnntui.ui.widgets.grid import ValueGrid

KINDS: dict[str, type] = {"LSTM": LSTM, "GRU": GRU, "SimpleRNN": SimpleRNN}
MODES: tuple[str, ...] = ("concat", "sum", "mul", "ave", "None")
SENTENCES: tuple[tuple[str, ...], ...] = (
    ("나는", "밥을", "먹었다"),
    ("I", "ate", "rice"),
    ("the", "dog", "barked", "all", "night"),
)
MAX_TOKENS = 8
MAX_UNITS = 4
EMBED_DIM = 4
SEED = 0
CELL = ValueGrid.CELL


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


def centred(text: str, width: int) -> str:
    """``text`` centred in ``width`` terminal cells (Hangul counts two)."""
    room = max(0, width - cell_len(text))
    return " " * (room // 2) + text + " " * (room - room // 2)


class BidirectionalPanel(TextPanel):
    """Sentence, layer type, units and merge mode; both directions and the merged output."""

    NAME = "bidirectional"
    DEFAULTS: ClassVar[dict[str, Any]] = {"sentence": None, "units": 2, "merge_mode": "concat"}
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": "## Bidirectional\n\nTwo copies of the layer with their own weights: forward "
        "reads x_0 .. x_{T-1}, backward reads x_{T-1} .. x_0. With return_sequences=True Keras "
        "flips the backward outputs back, so position t of both halves belongs to input t: "
        "forward has seen x_0..x_t, backward x_t..x_{T-1}. merge_mode joins them: concat "
        "(2n wide), sum, mul, ave (n wide) or None (a list of two).\n\n"
        "| key | does |\n|---|---|\n| Tab | next control |\n| -/+ or Left/Right | change "
        "the value or option |\n| Space | next option |\n| arrows on a grid | move the cursor |",
        "ko": "## 양방향\n\n가중치를 따로 가진 층 두 개: 순방향은 x_0 .. x_{T-1}, 역방향은 "
        "x_{T-1} .. x_0 순서로 읽습니다. return_sequences=True이면 Keras가 역방향 출력을 다시 "
        "뒤집으므로 두 방향의 위치 t는 입력 t에 해당합니다. 순방향은 x_0..x_t, 역방향은 "
        "x_t..x_{T-1}을 본 상태입니다. merge_mode로 합칩니다: concat(너비 2n), sum, mul, "
        "ave(너비 n), None(두 개의 리스트).\n\n"
        "| 키 | 기능 |\n|---|---|\n| Tab | 다음 컨트롤 |\n| -/+ 또는 Left/Right | 값이나 "
        "선택 바꾸기 |\n| Space | 다음 선택지 |\n| 표에서 화살표 | 커서 이동 |",
    }
    DEFAULT_CSS = """
    BidirectionalPanel .row { height: auto; width: 1fr; }
    BidirectionalPanel .row Stepper { width: auto; margin-right: 2; }
    BidirectionalPanel .row Stepper > .stepper--label { min-width: 0; }
    BidirectionalPanel .gap { margin-top: 1; }
    BidirectionalPanel #merged-box { height: 7; }
    BidirectionalPanel #second, BidirectionalPanel #second-title { display: none; }
    """
    trace: BidirectionalTrace | None = None
    """The trace behind every number shown."""

    def check_preset(self, key: str, value: Any) -> Any:
        """sentence: 1..8 tokens; units 1..4; merge_mode concat/sum/mul/ave/None."""
        if key == "sentence":
            if (
                not isinstance(value, list)
                or not 1 <= len(value) <= MAX_TOKENS
                or not all(isinstance(tok, str) and tok.strip() for tok in value)
            ):
                raise ValueError(f"sentence must be a list of 1..{MAX_TOKENS} words")
            return tuple(tok.strip() for tok in value)
        if key == "units":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_UNITS:
                raise ValueError(f"units must be a whole number 1..{MAX_UNITS}")
        if key == "merge_mode":
            value = "None" if value is None else value
            if value not in MODES:
                raise ValueError(f"merge_mode must be one of {', '.join(MODES)}")
        return value

    def sentences(self) -> list[tuple[str, ...]]:
        """The preset sentence (or the one in the panel's language) first, then the others."""
        first = self.preset["sentence"] or SENTENCES[0 if self.lang == "ko" else 1]
        return list(dict.fromkeys([tuple(first), *SENTENCES]))

    def compose(self) -> ComposeResult:
        yield Readout(id="layer", classes="panel--title")
        yield Choice(
            self.t("sentence", "문장"),
            [" ".join(s) for s in self.sentences()],
            lang=self.lang,
            id="sentence",
            classes="gap",
        )
        with HorizontalGroup(classes="row"):
            yield Choice(self.t("layer", "층"), tuple(KINDS), lang=self.lang, id="kind")
            yield self.stepper(
                self.t("units n", "유닛 n"),
                self.preset["units"],
                lo=1,
                hi=MAX_UNITS,
                step=1,
                big_step=1,
                integer=True,
                id="units",
            )
        yield Choice(
            "merge_mode", MODES, MODES.index(self.preset["merge_mode"]), lang=self.lang, id="mode"
        )
        yield Readout(id="tokens", classes="gap")
        yield ValueGrid(row_label="fwd", id="forward")
        yield ValueGrid(row_label="bwd", id="backward")
        yield Readout(id="merged-title")
        with Container(id="merged-box"):
            yield ValueGrid(row_label="out", id="merged")
            yield Readout("output[1] = bwd", id="second-title")
            yield ValueGrid(row_label="out", id="second")
        yield Readout(id="seen")
        yield Readout(id="inputs", classes="gap")

    def tokens(self) -> tuple[str, ...]:
        """The chosen sentence's tokens."""
        return self.sentences()[int(self.query_one("#sentence", Choice).value)]

    def recompute(self) -> None:
        tokens = self.tokens()
        kind = self.query_one("#kind", Choice).choice
        units = self.int_value("units")
        mode = self.query_one("#mode", Choice).choice
        merge = None if mode == "None" else mode
        table, x = embed(tokens)
        bi = Bidirectional(KINDS[kind](units, return_sequences=True, seed=SEED), merge_mode=merge)
        trace = bi.trace(x)
        self.trace = trace
        shape_in = (None, len(tokens), EMBED_DIM)
        self.output_shape = format_shape(bi.compute_output_shape(shape_in))
        merge_text = "None" if merge is None else f"'{merge}'"
        one, both = fmt_int(bi.forward_layer.count_params()), fmt_int(bi.count_params())
        self.show(
            "#layer",
            "\n".join(
                [
                    f"Bidirectional({kind}({units}, return_sequences=True), "
                    f"merge_mode={merge_text})",
                    f"{format_shape(shape_in)} -> {self.output_shape}; "
                    + self.t(f"params 2 x {one} = {both}", f"파라미터 2 x {one} = {both}"),
                ]
            ),
        )
        head = len(f"fwd[{units - 1}]") + 1
        self.show("#tokens", " " * head + "".join(centred(tok[: CELL - 1], CELL) for tok in tokens))
        self.query_one("#forward", ValueGrid).set_values(trace.forward.outputs[0].T.tolist())
        self.query_one("#backward", ValueGrid).set_values(trace.backward_aligned[0].T.tolist())
        self._show_merged(trace, mode, units)
        self.show("#seen", self._seen_text(trace, tokens))
        last = Bidirectional(KINDS[kind](units), merge_mode=merge)
        ids = ", ".join(f"{tok}={i}" for i, tok in enumerate(dict.fromkeys(tokens)))
        self.show(
            "#inputs",
            "\n".join(
                [
                    self.t(
                        f"x_t = rows of a seeded Embedding({table.input_dim}, {EMBED_DIM}), "
                        f"ids {ids}",
                        f"x_t = 시드 고정 Embedding({table.input_dim}, {EMBED_DIM})의 행, id {ids}",
                    ),
                    self.t(
                        "Each direction has its own weights, hence 2 x. Without return_sequences "
                        f"the output is {format_shape(last.compute_output_shape(shape_in))}.",
                        "방향마다 가중치가 따로 있어서 2배입니다. return_sequences가 없으면 출력은 "
                        f"{format_shape(last.compute_output_shape(shape_in))}입니다.",
                    ),
                ]
            ),
        )

    def _seen_text(self, trace: BidirectionalTrace, tokens: Sequence[str]) -> str:
        lines = [
            self.t(
                "fwd reads left to right, bwd right to left; at position t they have read:",
                "fwd는 왼쪽부터, bwd는 오른쪽부터 읽습니다. 위치 t에서 읽은 단어:",
            )
        ]
        for t, tok in enumerate(tokens):
            fwd = " ".join(tokens[p] for p in seen(trace.forward, t))
            bwd = " ".join(tokens[p] for p in seen(trace.backward, t))
            lines.append(f"t={t} {tok}: fwd [{fwd}]  bwd [{bwd}]")
        return "\n".join(lines)

    def _show_merged(self, trace: BidirectionalTrace, mode: str, units: int) -> None:
        what = {
            "concat": f"concat: out[0..{units - 1}] = fwd, out[{units}..{2 * units - 1}] = bwd",
            "sum": "sum: fwd + bwd",
            "mul": "mul: fwd * bwd",
            "ave": "ave: (fwd + bwd) / 2",
            "None": self.t(
                "None: a list of two, not merged; output[0] = fwd",
                "None: 합치지 않은 두 개의 리스트; output[0] = fwd",
            ),
        }[mode]
        self.show("#merged-title", self.t("output ", "출력 ") + what)
        box = self.query_one("#merged-box")
        if box.styles.height != Scalar.from_number(2 * units + 3):
            box.styles.height = 2 * units + 3  # concat's 2n rows, or None's two grids
        second = self.query_one("#second", ValueGrid)
        if isinstance(trace.merged, list):
            first, other = trace.merged
            self.query_one("#merged", ValueGrid).set_values(first[0].T.tolist())
            second.set_values(other[0].T.tolist())
        else:
            self.query_one("#merged", ValueGrid).set_values(trace.merged[0].T.tolist())
        shown = isinstance(trace.merged, list)
        if second.display != shown:
            second.display = shown
            self.query_one("#second-title").display = shown
