"""Fill-the-blank demo panel: draws a ``FillBlankLab`` view (``rnntui/demos/fill_blank.py``).

A sentence with one blank (``___``); the forward-only and the Bidirectional model's top-5 words
for it side by side, and why only the bidirectional one can use the words after the blank.
ctrl+t (``t`` outside the sentence, which takes the letter) trains both models again from
scratch, live; a finished run is kept per user.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Input

from rnntui.demos import user_models
from rnntui.demos.fill_blank import BlankGuess, FillBlankLab
from rnntui.demos.live import train_shipped_recipe
from rnntui.lab.format import fmt, pad
from rnntui.ui.panels.demo_base import TEXT_FIELD_BINDINGS, DemoPanel, run_each
from rnntui.ui.widgets.curves import Series, bar
from rnntui.ui.widgets.readout import Readout

DEFAULT_SENTENCE = {"ko": "나는 ___ 먹었다.", "en": "i ate ___ for lunch."}
KINDS = ("fwd", "bi")


def model_name(lang: str, kind: str) -> str:
    """``fill_blank_ko_fwd`` / ``fill_blank_ko_bi``: shipped and the student's own."""
    return f"fill_blank_{lang}_{kind}"


def open_lab(lang: str) -> FillBlankLab:
    """The shipped models, with the student's kept weights where there are any."""
    lab = FillBlankLab.shipped(lang)
    lab.source = "shipped"
    for kind, key in zip(KINDS, ("forward", "bidirectional"), strict=True):
        weights = user_models.load_weights(model_name(lab.lang, kind), lab.models[key])
        if weights is not None:
            lab.models[key].set_weights(weights)
            lab.source = "user"
    lab.set_sentence(DEFAULT_SENTENCE[lab.lang])
    return lab


class Guesses(Readout, can_focus=True):
    """The two columns of guesses. Focusable, so that Tab from the sentence reaches a place
    where t, x and z are the panel's keys; the panel itself is not focusable, so the demo
    opens on the sentence and words typed at once go into it."""

    DEFAULT_CSS = "Guesses:focus { background: $boost; }"


class FillBlankPanel(DemoPanel[FillBlankLab]):
    """The sentence, both models' guesses side by side, the explanation, live training."""

    NAME = "demo_fill_blank"
    BINDINGS: ClassVar[list[BindingType]] = list(TEXT_FIELD_BINDINGS)
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": "## Fill the blank\n\nTwo GRU models trained on the same sentences predict the "
        "word at the blank (write it as ___). At the blank, the forward model has read only "
        "the words before it; the Bidirectional model also has a second GRU that read the "
        "sentence from the end, so it can use the words after the blank. Change the words "
        "after the blank: only the bidirectional column changes.\n\n"
        "| key | does |\n|---|---|\n| typing | the sentence |\n| ctrl+t (t outside the "
        "sentence) | train both from scratch, live |\n| x (outside the sentence) | cancel the "
        "training |\n| z (outside the sentence) | back to the shipped models |",
        "ko": "## 빈칸 채우기\n\n같은 문장으로 학습한 GRU 모델 두 개가 빈칸(___)의 단어를 "
        "예측합니다. 빈칸 위치에서 앞 방향 모델은 빈칸 앞의 단어만 읽었습니다. 양방향 모델은 "
        "문장을 끝에서부터 읽은 GRU가 하나 더 있어서 빈칸 뒤의 단어도 씁니다. 빈칸 뒤의 "
        "단어를 바꿔 보세요. 양방향 쪽만 바뀝니다.\n\n"
        "| 키 | 기능 |\n|---|---|\n| 입력 | 문장 |\n| ctrl+t (문장 밖에서는 t) | 두 모델을 "
        "처음부터 학습(실시간) |\n| x (문장 밖에서) | 학습 취소 |\n| z (문장 밖에서) | 기본 "
        "제공 모델로 |",
    }
    IDLE_HINT: ClassVar[tuple[str, str]] = ("ctrl+t: train from scratch", "ctrl+t: 처음부터 학습")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.losses: dict[str, list[float]] = {}

    def open_lab(self, lang: str) -> FillBlankLab:
        return open_lab(lang)

    def compose(self) -> ComposeResult:
        yield Readout(id="title", classes="panel--title")
        yield Input(self.lab.text, placeholder="... ___ ...", id="sentence", compact=True)
        yield Readout(id="typed")
        yield Guesses(id="guesses", classes="gap")
        yield Readout(id="why", classes="gap")
        yield Readout(id="progress", classes="gap")
        yield Readout(id="curve")

    @on(Input.Changed, "#sentence")
    def _sentence_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.lab.set_sentence(event.value)
        self.request_recompute()

    # -- training -------------------------------------------------------------------------------
    def train_job(self, cancel: threading.Event, report: Callable[[Any], None]) -> Any:
        def train(kind: str, on_epoch: Callable[[Any], None], cancel: threading.Event) -> Any:
            return (kind, *train_shipped_recipe(model_name(self.lab.lang, kind), on_epoch, cancel))

        done = run_each(KINDS, train, cancel, report)
        saved = not cancel.is_set()
        for kind, model, _run in done if saved else ():
            try:  # in the thread: a file write must not stall the keys
                user_models.save(model_name(self.lab.lang, kind), model)
            except Exception:  # a read-only home must not break the demo
                saved = False
        return done, saved

    def _key(self, kind: str) -> str:
        return "forward" if kind == "fwd" else "bidirectional"

    def on_progress(self, payload: Any) -> None:
        k, kind, snap = payload
        r = snap.report
        self.lab.models[self._key(kind)].set_weights(list(snap.weights))
        self.lab.source = "training"
        self.losses.setdefault(kind, []).append(r.val_loss if r.val_loss is not None else r.loss)
        name = self.t("forward", "앞 방향") if kind == "fwd" else self.t("bidirectional", "양방향")
        status = self.t(
            f"{name} epoch {r.epoch}: val_loss {fmt(r.val_loss or 0.0)}",
            f"{name} 에포크 {r.epoch}: val_loss {fmt(r.val_loss or 0.0)}",
        )
        self.show_run_progress(k, len(KINDS), r, status)
        self.request_recompute()

    def on_trained(self, result: Any, cancelled: bool) -> None:
        if cancelled or not result or not result[0]:
            if cancelled:
                self.show_cancelled()
            return
        done, saved = result
        for kind, model, _run in done:
            self.lab.models[self._key(kind)].set_weights(model.get_weights())
        self.lab.source = "user"
        kept = self.t("kept as your models (z resets)", "내 모델로 저장됨 (z: 초기화)")
        if not saved:
            kept = self.t("not saved", "저장하지 못함")
        self.show_progress(1, 1, self.t("done, ", "완료, ") + kept)
        self.request_recompute()

    def reset_model(self) -> bool:
        had = False
        fresh = FillBlankLab.shipped(self.lab.lang)
        for kind in KINDS:
            had = user_models.reset(model_name(self.lab.lang, kind)) or had
            key = self._key(kind)
            self.lab.models[key].set_weights(fresh.models[key].get_weights())
        self.lab.source = "shipped"
        self.losses = {}
        self.show_hint()
        return had

    def action_train(self) -> None:
        self.losses = {}
        super().action_train()

    # -- drawing --------------------------------------------------------------------------------
    def recompute(self) -> None:
        view = self.lab.view()
        shown_source = self.source_label(self.lab.source, plural=True)
        self.show(
            "#title",
            self.t("Fill the blank: GRU vs Bidirectional(GRU)",
                   "빈칸 채우기: GRU 대 Bidirectional(GRU)") + f"  [{shown_source}]",
        )  # fmt: skip
        typed = self.t("words: ", "단어: ") + " ".join(view.words)
        if view.oov:
            typed += "\n" + self.t("not in the vocabulary: ", "어휘에 없는 단어: ")
            typed += ", ".join(view.oov)
        self.show("#typed", typed, lines=2)
        if view.problem:
            self.show("#guesses", view.problem, lines=7)
            self.show("#why", "", lines=3)
        else:
            self.show("#guesses", self._columns(view.guesses), lines=7)
            self.show("#why", view.why_ko if self.lang == "ko" else view.why_en, lines=3)
        self.keep_progress_line()
        if self.losses:
            fwd_name = self.t("forward val_loss", "앞 방향 val_loss")
            bi_name = self.t("bidirectional val_loss", "양방향 val_loss")
            series = [
                Series("f", fwd_name, self.losses.get("fwd", [])),
                Series("b", bi_name, self.losses.get("bi", [])),
            ]
            self.show("#curve", self.chart(series, rows=4, x=self.t("epoch", "에포크")))
        else:
            self.show("#curve", "")

    def _columns(self, guesses: tuple[BlankGuess, ...]) -> str:
        """The two models' top 5, side by side (one column each)."""
        half = max(26, self.text_width() // 2)
        names = {
            "forward": self.t("forward only (sees before)", "앞 방향만 (앞만 봄)"),
            "bidirectional": self.t("bidirectional (sees both)", "양방향 (앞뒤 모두 봄)"),
        }
        columns = []
        for guess in guesses:
            rows = [names[guess.model]]
            for w in guess.top:
                rows.append(f"{pad(w.word, 8)} {bar(w.prob, 6)} {fmt(w.prob)}")
            columns.append(rows)
        if self.text_width() < 2 * half:  # too narrow: one above the other
            return "\n\n".join("\n".join(c) for c in columns)
        height = max(len(c) for c in columns)
        out = []
        for k in range(height):
            left = columns[0][k] if k < len(columns[0]) else ""
            right = columns[1][k] if len(columns) > 1 and k < len(columns[1]) else ""
            out.append(pad(left, half) + right)
        return "\n".join(out)
