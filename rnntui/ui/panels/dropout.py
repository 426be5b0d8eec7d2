"""Dropout panel: the input and recurrent masks of one call, per gate, training vs inference.

A seeded LSTM/GRU reads a seeded sequence (3 features). The engine draws the masks once per
call (``trace.masks``); the grids print each step's masked x_t and h_{t-1} from the trace.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal

from rnntui.nn import GRU, LSTM, DropoutMasks, RecurrentTrace, RNNLayer
from rnntui.ui.format import fmt
from rnntui.ui.panels.base import Panel, Readout
from rnntui.ui.widgets.stepper import Stepper

SEED = 42
INPUT_DIM = 3
MAX_UNITS = 5
"""Unit-sized grids keep room for this many rows: a units change redraws lines in place."""
MAX_STEPS = 6
"""Columns that fit the narrowest pane (about 62 cells at 120x36, side by side)."""
MAX_RATE = 0.95
GATE_LABELS = {"LSTM": ("i", "f", "c", "o"), "GRU": ("z", "r", "h")}
"""Keras' gate names (the engine calls the candidates g and hh)."""


def make_layer(kind: str, units: int, dropout: float, recurrent_dropout: float) -> RNNLayer:
    """The panel's seeded layer (same weights for any rates)."""
    cls = LSTM if kind == "LSTM" else GRU
    return cls(
        units,
        return_sequences=True,
        dropout=dropout,
        recurrent_dropout=recurrent_dropout,
        seed=SEED,
    )


def input_sequence(steps: int) -> np.ndarray:
    """The seeded input, shape (1, steps, 3); longer sequences extend shorter ones."""
    return np.random.default_rng(SEED).normal(size=(MAX_STEPS, INPUT_DIM))[None, :steps]


def _head(steps: int) -> str:
    return "".join(f"t={t}".rjust(8) for t in range(steps))


def _dropped(label: str, mask: np.ndarray) -> str:
    return " ".join(f"{label}[{k}]" for k in np.flatnonzero(mask == 0)) or "-"


class DropoutPanel(Panel):
    """dropout and recurrent_dropout of one LSTM/GRU call, training vs inference."""

    NAME = "dropout"
    DEFAULTS: ClassVar[dict[str, Any]] = {
        "dropout": 0.2,
        "recurrent_dropout": 0.2,
        "units": 4,
        "timesteps": 6,
    }
    LABELS_KO: ClassVar[dict[str, str]] = {
        "Train/Infer": "훈련/추론",
        "New masks": "새 마스크",
        "Gate": "게이트",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "toggle_mode", "Train/Infer"),
        Binding("n", "new_masks", "New masks"),
        Binding("c", "toggle_kind", "LSTM/GRU"),
        Binding("g", "next_gate", "Gate"),
    ]
    DEFAULT_CSS = """
    DropoutPanel .row { height: 1; layout: grid; grid-size: 2; grid-columns: 1fr 1fr; }
    DropoutPanel .grid { text-wrap: nowrap; text-overflow: clip; }
    DropoutPanel .gap { margin-top: 1; }
    """
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": """\
## dropout and recurrent_dropout

In training, `dropout` multiplies x_t by a mask m (one entry per feature), `recurrent_dropout`
multiplies h_{t-1} by a mask (one entry per unit). An entry is 0 with probability rate, else
1/(1-rate). The masks are drawn **once per call** and used at **every step**: a dropped row
is 0 in every column. With recurrent_dropout > 0 Keras draws a mask per gate (LSTM i, f, c,
o; GRU z, r, h). Inference: no masks, no scaling, the output equals the no-dropout output.

| key | does |
|---|---|
| Left/Right, -/+ | change the focused number (rates 0 .. 0.95) |
| t | training / inference |
| n | draw new masks (a new call) |
| c | LSTM / GRU |
| g | next gate's masks (when recurrent_dropout > 0) |
""",
        "ko": """\
## dropout과 recurrent_dropout

훈련 중 `dropout`은 x_t에 마스크 m(특성마다 한 값)을, `recurrent_dropout`은 h_{t-1}에
마스크(유닛마다 한 값)를 곱합니다. 각 값은 rate의 확률로 0, 아니면 1/(1-rate)입니다.
마스크는 **호출마다 한 번** 뽑아 **모든 단계**에 쓰므로 제외된 행은 모든 열에서 0입니다.
recurrent_dropout > 0이면 게이트마다 마스크를 따로 뽑습니다(LSTM i, f, c, o; GRU z, r, h).
추론: 마스크도 배율도 없고, 출력이 드롭아웃 없는 출력과 같습니다.

| 키 | 하는 일 |
|---|---|
| Left/Right, -/+ | 선택한 숫자 조절 (비율 0 .. 0.95) |
| t | 훈련 / 추론 |
| n | 새 마스크 뽑기 (새 호출) |
| c | LSTM / GRU |
| g | 다음 게이트의 마스크 (recurrent_dropout > 0일 때) |
""",
    }

    def check_preset(self, key: str, value: Any) -> Any:
        rate = key in ("dropout", "recurrent_dropout")
        lo, hi = (0, MAX_RATE) if rate else (1, MAX_UNITS if key == "units" else MAX_STEPS)
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not lo <= value <= hi
            or (not rate and value != int(value))
        ):
            raise ValueError(f"{key} must be a {'number' if rate else 'whole number'} {lo}..{hi}")
        return value

    def __init__(self, preset: dict[str, Any] | None = None, lang: str = "en", **kw: Any) -> None:
        super().__init__(preset, lang, **kw)
        self.kind, self.training, self.gate = "LSTM", True, 0
        self.draws = 0
        """How many times the current layer has drawn masks (tests replay them)."""
        self.run: RecurrentTrace | None = None
        self.plain: RecurrentTrace | None = None
        self._layer: RNNLayer | None = None
        self._key: tuple[Any, ...] = ()
        self._masks: DropoutMasks | None = None

    def compose(self) -> ComposeResult:
        p = self.preset
        yield Readout(id="title", classes="panel--title")
        with Horizontal(classes="row"):
            yield self.stepper(
                "dropout",
                p["dropout"],
                lo=0,
                hi=MAX_RATE,
                step=0.05,
                big_step=0.25,
                decimals=2,
                id="dropout",
            )
            yield self.stepper(
                "recurrent_dropout",
                p["recurrent_dropout"],
                lo=0,
                hi=MAX_RATE,
                step=0.05,
                big_step=0.25,
                decimals=2,
                id="recurrent_dropout",
            )
        with Horizontal(classes="row"):
            yield self.stepper(
                self.t("units", "유닛 수"),
                p["units"],
                lo=1,
                hi=MAX_UNITS,
                step=1,
                big_step=4,
                integer=True,
                id="units",
            )
            yield self.stepper(
                self.t("timesteps", "타임스텝"),
                p["timesteps"],
                lo=1,
                hi=MAX_STEPS,
                step=1,
                big_step=4,
                integer=True,
                id="timesteps",
            )
        # Every Readout keeps its height when only values change (a tweak redraws few lines).
        for name in ("mode", "diff", "gates", "dropped-x", "dropped-h"):
            yield Readout(id=name, classes="panel--note" if name == "mode" else "")
        for name in ("in", "rec", "run", "plain"):
            yield Readout(id=f"{name}-title", classes="gap")
            yield Readout(id=f"{name}-head", classes="grid")
            yield Readout(id=f"{name}-grid", classes="grid")

    def engine_layer(self) -> RNNLayer:
        """The layer for the current kind, units and rates (new masks after any change)."""
        key = (
            self.kind,
            *(
                self.query_one(f"#{n}", Stepper).value
                for n in ("units", "dropout", "recurrent_dropout")
            ),
        )
        if self._layer is None or key != self._key:
            self._layer = make_layer(self.kind, int(key[1]), key[2], key[3])
            self._layer.build((None, None, INPUT_DIM))
            self._key, self._masks, self.draws = key, None, 0
        return self._layer

    def action_toggle_mode(self) -> None:
        """Training (masks) / inference (no masks)."""
        self.training = not self.training
        self.request_recompute()

    def action_new_masks(self) -> None:
        """A new call: the layer draws fresh masks."""
        if not self.training:
            self.notify(
                self.t(
                    "Inference uses no masks; press t for training.",
                    "추론에는 마스크가 없습니다. t를 눌러 훈련으로 바꾸세요.",
                ),
                timeout=3,
            )
            return
        self._masks = None
        self.request_recompute()

    def action_toggle_kind(self) -> None:
        """LSTM <-> GRU."""
        self.kind, self.gate = ("GRU" if self.kind == "LSTM" else "LSTM"), 0
        self.request_recompute()

    def action_next_gate(self) -> None:
        """Show the next gate's masks."""
        self.gate = (self.gate + 1) % len(GATE_LABELS[self.kind])
        self.request_recompute()

    def recompute(self) -> None:
        layer = self.engine_layer()
        x = input_sequence(int(self.query_one("#timesteps", Stepper).value))
        if not self.training:
            run = layer.trace(x, training=False)
        elif self._masks is None:
            run = layer.trace(x, training=True)
            self._masks = run.masks
            self.draws += run.masks is not None
        else:
            run = layer.trace(x, training=True, dropout_masks=self._masks)
        plain = make_layer(self.kind, layer.units, 0.0, 0.0)  # the same weights, no dropout
        plain.build((None, None, INPUT_DIM))
        plain.set_weights(layer.get_weights())
        self.run, self.plain = run, plain.trace(x, training=False)
        rates = (
            f"dropout={fmt(layer.dropout, 2)}, recurrent_dropout={fmt(layer.recurrent_dropout, 2)}"
        )
        self.show("title", f"{self.kind}({layer.units}, {rates})")
        self.show("mode", self.mode_text(run))
        self.show_gates(run)
        for kind in ("in", "rec"):
            self.show_mask(run, kind)
        self.show_trajectories(run, self.plain)

    def show(self, name: str, text: str) -> None:
        """Put ``text`` in the Readout ``#name``."""
        self.query_one(f"#{name}", Readout).show(text)

    def mode_text(self, run: RecurrentTrace) -> str:
        """Training with which draw, or inference."""
        if not run.training:
            return self.t("inference (t): no masks, no scaling", "추론 (t): 마스크 없음, 배율 없음")
        if run.masks is None:
            return self.t("training (t): both rates 0: no masks", "훈련 (t): 비율이 0: 마스크 없음")
        return self.t(
            f"training (t): masks of call #{self.draws} (n: new call)",
            f"훈련 (t): {self.draws}번째 호출의 마스크 (n: 새 호출)",
        )

    def show_gates(self, run: RecurrentTrace) -> None:
        """Shared or per-gate masks (selected gate marked) and what each one drops."""
        names, masks = GATE_LABELS[self.kind], run.masks
        given = {
            "x": () if masks is None else masks.input,
            "h": () if masks is None else masks.recurrent,
        }
        if masks is None:
            line = self.t("no masks", "마스크 없음")
        elif max(len(given["x"]), len(given["h"])) <= 1:
            line = self.t(
                "one mask of each kind, shared by all gates",
                "종류마다 마스크 하나, 모든 게이트가 함께 씀",
            )
        else:
            marked = " ".join(f"[{n}]" if k == self.gate else n for k, n in enumerate(names))
            line = self.t(
                f"a mask per gate: {marked}  (g: next gate)",
                f"게이트마다 마스크: {marked}  (g: 다음 게이트)",
            )
        self.show("gates", line)
        for label, kind in given.items():
            word = self.t(f"{label} dropped: ", f"{label} 제외: ")
            if not kind:
                word, text = self.t(f"{label}: no mask, ", f"{label}: 마스크 없음, "), "-"
            elif len(kind) == 1:
                text = _dropped(label, kind[0][0])
            else:
                text = ", ".join(
                    f"{n} {_dropped(label, m[0])}" for n, m in zip(names, kind, strict=True)
                )
            self.show(f"dropped-{label}", word + text)

    def show_mask(self, run: RecurrentTrace, kind: str) -> None:
        """Title, header and grid of the input ("in") or recurrent ("rec") mask."""
        masks = run.masks
        given = () if masks is None else (masks.input if kind == "in" else masks.recurrent)
        arg, rate = (
            ("dropout", self._key[2]) if kind == "in" else ("recurrent_dropout", self._key[3])
        )
        what, label = ("x_t", "x") if kind == "in" else ("h_{t-1}", "h")
        k = self.gate if len(given) > 1 else 0
        mask = given[k][0] if given else None
        if not run.training:
            title = self.t(
                f"{what} at each step (inference: no mask, no scaling)",
                f"단계마다 {what} (추론: 마스크 없음, 배율 없음)",
            )
        elif mask is None:
            title = self.t(
                f"{what} at each step ({arg} = {fmt(rate, 2)}: no mask)",
                f"단계마다 {what} ({arg} = {fmt(rate, 2)}: 마스크 없음)",
            )
        else:
            kept = mask[mask > 0]
            scale = fmt(kept[0]) if kept.size else fmt(1 / (1 - rate))
            gate = GATE_LABELS[self.kind][k] if len(given) > 1 else self.t("all", "모두")
            title = self.t(
                f"{what} * m, gate {gate}; m = 0 or 1/(1-{fmt(rate, 2)}) = {scale}",
                f"{what} * m, 게이트 {gate}; m = 0 또는 1/(1-{fmt(rate, 2)}) = {scale}",
            )
        steps = run.steps
        values = [s.x_in if kind == "in" else s.h_in for s in steps]
        j = k if len(values[0]) > 1 else 0
        size = values[0][0].shape[1]
        self.show(f"{kind}-title", title)
        self.show(f"{kind}-head", " " * 5 + "m".rjust(7) + _head(len(steps)))
        rows = [
            f"{label}[{r}]".ljust(5)
            + ("-" if mask is None else fmt(mask[r])).rjust(7)
            + "".join(fmt(v[j][0, r]).rjust(8) for v in values)
            for r in range(size)
        ]
        pad = [""] * (MAX_UNITS - size) if kind == "rec" else []
        self.show(f"{kind}-grid", "\n".join(rows + pad))

    def show_trajectories(self, run: RecurrentTrace, plain: RecurrentTrace) -> None:
        """h_t of the run and of the no-dropout layer, and their max difference."""
        titles = (
            self.t(
                "h_t with dropout (training, these masks)", "드롭아웃을 쓴 h_t (훈련, 위 마스크)"
            )
            if run.training
            else self.t("h_t of the dropout layer in inference", "추론 중인 드롭아웃 층의 h_t"),
            self.t("h_t without dropout (same weights)", "드롭아웃 없는 h_t (같은 가중치)"),
        )
        for name, trace, title in (("run", run, titles[0]), ("plain", plain, titles[1])):
            self.show(f"{name}-title", title)
            self.show(f"{name}-head", " " * 5 + _head(len(trace.steps)))
            self.show(
                f"{name}-grid",
                "\n".join(
                    [
                        f"h[{u}]".ljust(5) + "".join(fmt(s.h[0, u]).rjust(8) for s in trace.steps)
                        for u in range(trace.units)
                    ]
                    + [""] * (MAX_UNITS - trace.units)
                ),
            )
        diff = fmt(float(np.max(np.abs(run.outputs - plain.outputs))))
        if run.training:
            text = self.t(
                f"h_t with vs without dropout: max |difference| = {diff}",
                f"드롭아웃 있는 h_t와 없는 h_t: 최대 |차이| = {diff}",
            )
        else:
            text = self.t(
                f"output equals the no-dropout output: max |difference| = {diff}",
                f"출력 = 드롭아웃 없는 출력: 최대 |차이| = {diff}",
            )
        self.show("diff", text)
