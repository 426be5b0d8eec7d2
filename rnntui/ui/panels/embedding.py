"""Embedding panel: draws an ``EmbeddingLab`` view (one word as a one-hot and a dense vector,
memory, similarity); the steppers and the word choice become lab calls
(``rnntui/lab/embedding.py``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widgets import Static

from rnntui.lab.embedding import EmbeddingLab
from rnntui.lab.spec import SettingError
from rnntui.nn.similarity import LookupCheck
from rnntui.ui.strings import control_label
from rnntui.ui.widgets.choice import Choice
from rnntui.ui.widgets.readout import Readout
from rnntui.ui.widgets.stepper import Stepper
from rnntui.ui.widgets.text_panel import TextPanel

STEPPERS = (("size", 100), ("dim", 8), ("tokens", 10))
"""(setting, big step) of the three number controls, in order."""


class EmbeddingPanel(TextPanel):
    """Vocabulary size V, dimension E, sentence length T and the chosen word."""

    NAME = "embedding"
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

    def __init__(
        self,
        preset: Mapping[str, Any] | None = None,
        lang: str = "en",
        *,
        lab: EmbeddingLab | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(lang, id=id, classes=classes)
        self.lab: EmbeddingLab = lab if lab is not None else EmbeddingLab(preset)
        """The model (kept by the caller across a language switch if it likes)."""
        self.notes = list(self.lab.notes(lang))

    @property
    def check(self) -> LookupCheck | None:
        """The one_hot @ W check of the chosen word (what the panel shows)."""
        return self.lab.check

    @property
    def cosines(self) -> list[tuple[str, float, float]]:
        """(word, one-hot cosine, dense cosine) for the first ids."""
        return self.lab.cosines

    def compose(self) -> ComposeResult:
        view = self.lab.view(self.lang)
        yield Static(
            self.t("Embedding: one-hot vs dense vectors", "임베딩: 원-핫과 밀집 벡터"),
            classes="panel--title",
        )
        values = {"size": view.size, "dim": view.dim, "tokens": view.tokens}
        with HorizontalGroup(classes="row"):
            for name, big in STEPPERS:
                s = self.lab.SPEC[name]
                yield self.stepper(
                    control_label(s.label, self.lang),
                    values[name],
                    lo=s.lo,
                    hi=s.hi,
                    step=1,
                    big_step=big,
                    integer=True,
                    id="vocab" if name == "size" else name,
                )
        word = control_label(self.lab.SPEC["word"].label, self.lang)
        yield Choice(word, view.words, view.word, lang=self.lang, id="word")
        for name, _text in view.lines:
            yield Readout(id=name, classes="gap")
        yield Readout("\n".join(view.notes), id="notes", classes="panel--note")

    def on_control_changed(self, stepper: Stepper) -> None:
        """Each control is one lab setting; a new V changes the word list."""
        name = "size" if stepper.id == "vocab" else stepper.id or ""
        try:
            self.lab.set(name, int(stepper.value))
        except SettingError as error:
            self.notify(str(error), severity="error", timeout=5)
        if name == "size":
            names = self.lab.words(self.lab.size, self.lang)
            self.query_one("#word", Choice).set_options(names, self.lab.word_id)
        self.request_recompute()

    def recompute(self) -> None:
        view = self.lab.view(self.lang)
        for name, value in (("vocab", view.size), ("dim", view.dim), ("tokens", view.tokens)):
            self.query_one(f"#{name}", Stepper).set_value(value, post=False)
        self.query_one("#word", Choice).set_value(view.word, post=False)
        for name, text in view.lines:
            self.show(f"#{name}", text)
