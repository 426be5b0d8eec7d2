"""Next-word demo panel: draws a ``NextWordLab`` view (``rnntui/demos/next_word.py``).

The student types words (completed from the vocabulary), sees the top-5 next words with their
probabilities as bars and the hidden state after each word, and generates a sentence (Enter
in the prompt or ``g``; greedy at temperature 0). ctrl+t (``t`` outside the prompt, which
takes the letter) trains the model again from scratch live; the numbers follow the weights
after every epoch; a finished run is kept per user.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.suggester import Suggester
from textual.widgets import Input

from rnntui.demos import user_models
from rnntui.demos.live import EpochSnapshot, train_shipped_recipe
from rnntui.demos.next_word import Generated, NextWordLab
from rnntui.demos.runner import RunResult
from rnntui.demos.vocab import Vocabulary
from rnntui.lab.format import fmt, pad
from rnntui.ui.panels.demo_base import TEXT_FIELD_BINDINGS, DemoPanel
from rnntui.ui.widgets.curves import Series, bar
from rnntui.ui.widgets.readout import Readout
from rnntui.ui.widgets.stepper import Stepper

SHOWN_UNITS = 6
SHOWN_WORDS = 6
DEFAULT_PROMPT = {"ko": "나는 오늘", "en": "i ate"}


class VocabSuggester(Suggester):
    """Completes the last word from the vocabulary (prefix matches only, as Input shows)."""

    def __init__(self, vocab: Vocabulary) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.vocab = vocab

    async def get_suggestion(self, value: str) -> str | None:
        if not value or value[-1].isspace():
            return None
        head, _, last = value.rpartition(" ")
        for word in self.vocab.complete(last, 8):
            if word.startswith(last) and word != last:
                return f"{head} {word}" if head else word
        return None


def model_name(lang: str) -> str:
    """The shipped model (and the student's own) for ``lang``."""
    return f"next_word_{lang}"


def open_lab(lang: str) -> NextWordLab:
    """The shipped model for ``lang``, with the student's kept weights if there are any."""
    lab = NextWordLab.shipped(lang)
    weights = user_models.load_weights(model_name(lang), lab.model)
    if weights is not None:
        lab.model.set_weights(weights)
        lab.source = "user"
    lab.set_prompt(DEFAULT_PROMPT[lab.lang] + " ")
    return lab


class NextWordPanel(DemoPanel[NextWordLab]):
    """Prompt, top-5 next words, hidden states, generation and live training."""

    NAME = "demo_next_word"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g", "generate", "Generate"),
        *TEXT_FIELD_BINDINGS,
    ]
    LABELS_KO: ClassVar[dict[str, str]] = {**DemoPanel.LABELS_KO, "Generate": "문장 생성"}
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": "## Next word\n\nA trained Embedding -> LSTM -> Dense(softmax) model reads your "
        "words and gives a probability to every word of its vocabulary as the next one. Type "
        "words in the prompt (Right accepts the completion). Words the model does not know are "
        "listed as out of vocabulary and read as one unknown token.\n\n"
        "| key | does |\n|---|---|\n| typing | the prompt |\n| Enter (prompt) or g | generate "
        "a sentence |\n| -/+ (temperature) | 0 = always the top word; higher = more random |\n"
        "| ctrl+t (t outside the prompt) | train from scratch, live |\n| x (outside the prompt) "
        "| cancel the training |\n| z (outside the prompt) | back to the shipped model |",
        "ko": "## 다음 단어\n\n학습된 Embedding -> LSTM -> Dense(softmax) 모델이 입력한 단어를 "
        "읽고, 어휘의 모든 단어에 다음 단어일 확률을 줍니다. 프롬프트에 단어를 입력하세요"
        "(Right로 자동 완성을 받습니다). 모델이 모르는 단어는 어휘에 없는 단어로 표시되고 "
        "하나의 모르는 토큰으로 읽힙니다.\n\n"
        "| 키 | 기능 |\n|---|---|\n| 입력 | 프롬프트 |\n| Enter(프롬프트) 또는 g | 문장 생성 |"
        "\n| -/+ (온도) | 0 = 항상 1위 단어, 높을수록 무작위 |\n| ctrl+t (프롬프트 밖에서는 t) | "
        "처음부터 학습(실시간) |\n| x (프롬프트 밖에서) | 학습 취소 |\n| z (프롬프트 밖에서) | "
        "기본 제공 모델로 |",
    }
    IDLE_HINT: ClassVar[tuple[str, str]] = ("ctrl+t: train from scratch", "ctrl+t: 처음부터 학습")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.generated: Generated | None = None
        self.losses: list[float] = []
        self.val_losses: list[float] = []

    def open_lab(self, lang: str) -> NextWordLab:
        return open_lab(lang)

    def compose(self) -> ComposeResult:
        yield Readout(id="title", classes="panel--title")
        yield Input(
            self.lab.text,
            placeholder=self.t("type words", "단어를 입력하세요"),
            suggester=VocabSuggester(self.lab.vocab),
            id="prompt",
            compact=True,
        )
        yield Readout(id="typed")
        yield Readout(id="top", classes="gap")
        yield self.stepper(
            self.t("temperature", "온도"), 0.0, lo=0.0, hi=2.0, step=0.1, big_step=0.5,
            decimals=1, id="temperature",
        )  # fmt: skip
        yield Readout(id="generated")
        yield Readout(id="hidden", classes="gap")
        yield Readout(id="progress", classes="gap")
        yield Readout(id="curve")

    # -- controls -----------------------------------------------------------------------------
    @on(Input.Changed, "#prompt")
    def _prompt_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.lab.set_prompt(event.value)
        self.generated = None
        self.request_recompute()

    @on(Input.Submitted, "#prompt")
    def _prompt_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_generate()

    def action_generate(self) -> None:
        """Write a sentence from the prompt at the chosen temperature (seeded)."""
        temperature = float(self.query_one("#temperature", Stepper).value)
        seed = 0 if self.generated is None else (self.generated.seed or 0) + 1
        self.generated = self.lab.generate(temperature=temperature, seed=seed)
        self.request_recompute()

    # -- training -------------------------------------------------------------------------------
    def train_job(self, cancel: threading.Event, report: Callable[[Any], None]) -> Any:
        """Train, then (still in the thread: a file write must not stall the keys) keep it."""
        name = model_name(self.lab.lang)
        model, run = train_shipped_recipe(name, report, cancel)
        error = ""
        if not cancel.is_set():
            try:
                user_models.save(name, model, {"epochs": run.epochs_done})
            except Exception as exc:  # a read-only home must not break the demo
                error = str(exc)
        return model, run, error

    def on_progress(self, payload: Any) -> None:
        snap: EpochSnapshot = payload
        r = snap.report
        self.lab.model.set_weights(list(snap.weights))
        self.lab.source = "training"
        self.losses.append(r.loss)
        self.val_losses.append(r.val_loss if r.val_loss is not None else float("nan"))
        top5 = "" if r.accuracy is None else f"  top-5 {fmt(r.accuracy)}"
        status = self.t(
            f"epoch {r.epoch}: loss {fmt(r.loss)}{top5}  {r.seconds:.1f} s",
            f"에포크 {r.epoch}: 손실 {fmt(r.loss)}{top5}  {r.seconds:.1f}초",
        )
        self.show_progress(r.epoch, r.epochs, status)
        self.request_recompute()

    def on_trained(self, result: Any, cancelled: bool) -> None:
        if cancelled:
            self.show_progress(
                len(self.losses), len(self.losses) or 1, self.t("cancelled", "취소됨")
            )  # how far it got, unlike show_cancelled
            return
        if result is None:
            return
        model, run, error = result
        assert isinstance(run, RunResult)
        self.lab.model.set_weights(model.get_weights())
        self.lab.source = "user"
        kept = self.t("kept as your model (z resets)", "내 모델로 저장됨 (z: 초기화)")
        if error:
            kept = self.t(f"not saved: {error}", f"저장하지 못함: {error}")
        self.show_progress(run.epochs_done, run.epochs_done, self.t("done, ", "완료, ") + kept)
        self.request_recompute()

    def reset_model(self) -> bool:
        had = user_models.reset(model_name(self.lab.lang))
        fresh = NextWordLab.shipped(self.lab.lang)
        self.lab.model.set_weights(fresh.model.get_weights())
        self.lab.source = "shipped"
        self.losses, self.val_losses = [], []
        self.show_progress(0, 1, self.t("ctrl+t: train", "ctrl+t: 학습 시작"))
        return had

    def action_train(self) -> None:
        self.losses, self.val_losses = [], []
        super().action_train()
        if self.training:
            self.show_progress(0, 1, self.t("starting ...", "시작하는 중 ..."))

    # -- drawing --------------------------------------------------------------------------------
    def recompute(self) -> None:
        view = self.lab.view()
        source = self.source_label(self.lab.source)
        vocab = len(self.lab.vocab)
        self.show(
            "#title",
            self.t("Next word", "다음 단어")
            + f": Embedding -> {view.cell.upper()}({view.units}) -> Dense({vocab}, softmax)"
            + f"  [{source}]",
        )
        typed = [
            self.t("words: ", "단어: ") + (" ".join(view.words) or "-"),
        ]
        if view.oov:
            typed.append(
                self.t("not in the vocabulary (read as one unknown token): ",
                       "어휘에 없는 단어(모르는 토큰 하나로 읽음): ")
                + ", ".join(view.oov)
            )  # fmt: skip
        if view.completions:
            typed.append(self.t("completions: ", "자동 완성: ") + " ".join(view.completions))
        self.show("#typed", "\n".join(typed), lines=2)
        if view.top:
            width = max(8, *(len(w.word) * 2 for w in view.top))
            rows = [self.t("top 5 next words:", "다음 단어 상위 5개:")]
            rows += [f"  {pad(w.word, width)} {bar(w.prob)} {fmt(w.prob)}" for w in view.top]
        else:
            rows = [
                self.t("type a word to see the next one", "단어를 입력하면 다음 단어가 나옵니다")
            ]
        self.show("#top", "\n".join(rows), lines=6)
        self.show("#generated", self._generated_text(), lines=2)
        self.show("#hidden", self._hidden_text(view), lines=SHOWN_WORDS + 1)
        self.keep_progress_line()
        if self.losses:
            series = [
                Series("*", self.t("loss", "손실"), self.losses),
                Series("o", "val_loss", self.val_losses),
            ]
            self.show("#curve", self.chart(series, rows=5, x=self.t("epoch", "에포크")))
        else:
            self.show("#curve", "")

    def _generated_text(self) -> str:
        g = self.generated
        if g is None:
            return self.t("Enter or g: generate a sentence", "Enter 또는 g: 문장 생성")
        how = (
            self.t("greedy", "탐욕적 선택")
            if g.temperature <= 0
            else self.t(f"temperature {g.temperature:.1f}, seed {g.seed}",
                        f"온도 {g.temperature:.1f}, 시드 {g.seed}")
        )  # fmt: skip
        probs = " ".join(f"{s.word}({s.prob:.2f})" for s in g.steps)
        return f"{g.text}\n  {how}: {probs}"

    def _hidden_text(self, view: Any) -> str:
        if not view.hidden:
            return ""
        head = self.t(
            f"h_t after each word (units 1-{SHOWN_UNITS} of {view.units}):",
            f"단어마다 h_t (유닛 {view.units}개 중 1-{SHOWN_UNITS}):",
        )
        rows = [head]
        for step in view.hidden[-SHOWN_WORDS:]:
            values = " ".join(fmt(v, 2).rjust(5) for v in step.h[:SHOWN_UNITS])
            rows.append(f"  {pad(step.word, 10)} {values}")
        return "\n".join(rows)
