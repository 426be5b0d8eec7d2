"""The model screen: a student's own Keras model file, on their own sentence.

Top to bottom: the file's summary (a Keras-style table), a field for the input sentence, its
tokens (OOV marked), the final layer's output, a chooser of the recurrent layers (both halves
of a Bidirectional), and the chosen layer in the SAME panel the lessons use (SimpleRNN, LSTM,
GRU), run on that layer's input with the file's weights. Everything comes from a
``rnntui.lab.model.ModelLab``. A file that cannot be read shows the loader's message, what is
supported and the layers that could be read; it never raises.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from rnntui.ui.panels._recurrent import RecurrentPanel
from rnntui.ui.panels.base import Panel
from rnntui.ui.widgets.keybar import KeyBar
from rnntui.ui.widgets.readout import Readout

if TYPE_CHECKING:
    from textual.app import App

    from rnntui.lab.model import ModelLab
    from rnntui.lab.model_view import LayerChoice
    from rnntui.nn.loading import LoadError
    from rnntui.nn.sequential import ModelSummary

TEXT: dict[str, tuple[str, str]] = {
    "input": ("Input:", "입력:"),
    "layers": ("Recurrent layers (Enter opens one):", "순환층 (Enter로 열기):"),
    "no_layers": ("This model has no recurrent layer.", "이 모델에는 순환층이 없습니다."),
    "bad": ("This file cannot be opened:", "이 파일을 열 수 없습니다:"),
    "reads": ("rnntui reads:", "rnntui가 읽는 것:"),
    "partial": ("The layers read before the problem:", "문제 전까지 읽은 층:"),
    "vocab": ("The vocabulary was not used:", "사전을 쓰지 않았습니다:"),
    "what_if": (
        "Changes in the panel (x_t, forcing, state) affect this layer only; the output above "
        "is the model's.",
        "패널에서 바꾼 값(x_t, 게이트 고정, 상태)은 이 층에만 적용됩니다. 위의 출력은 모델 "
        "전체의 출력입니다.",
    ),
    "backward": (
        "Backward half: its steps run from the last word to the first (its first step reads "
        "the last word).",
        "역방향 절반: 마지막 단어부터 처음 단어로 진행합니다 (첫 스텝이 마지막 단어를 읽음).",
    ),
    "shown": ("Shown below:", "아래에 보이는 층:"),
    "too_wide": ("Cannot show this layer:", "이 층은 보여 줄 수 없습니다:"),
    "refused": ("Input refused:", "입력 거부:"),
    "help": (
        "## Your model\n\nType your input and press Enter: the model runs on it, the output "
        "shows under it. Choose a recurrent layer (Enter) to see it step by step in the "
        "lesson's panel, on the numbers that layer really reads (the embedded words, or the "
        "outputs of the layer below), with your file's weights. p pads the input at the front "
        "with 0 to the model's length, as pad_sequences() does (at the end after a "
        "TextVectorization, as it does). Escape goes back.",
        "## 내 모델\n\n입력을 쓰고 Enter를 누르면 모델이 계산하고 그 아래에 출력이 보입니다. "
        "순환층을 고르면(Enter) 레슨과 같은 패널에서 그 층이 실제로 읽는 값(임베딩된 단어, "
        "또는 아래 층의 출력)과 파일의 가중치로 스텝별 계산을 볼 수 있습니다. "
        "p는 pad_sequences()처럼 입력 앞쪽을 0으로 채워 모델의 길이에 맞춥니다 "
        "(TextVectorization이 있으면 그 층처럼 뒤쪽을 채웁니다). "
        "Escape로 돌아갑니다.",
    ),
}


def say(key: str, lang: str) -> str:
    """A string of this screen in ``lang``."""
    en, ko = TEXT[key]
    return ko if lang == "ko" else en


def layer_panels() -> dict[str, type[RecurrentPanel]]:
    """The lesson panel of each recurrent layer kind (``rnntui.nn.kinds.RECURRENT``)."""
    from rnntui.ui.panels.gru import GRUPanel
    from rnntui.ui.panels.lstm import LSTMPanel
    from rnntui.ui.panels.simple_rnn import SimpleRNNPanel

    return {"SimpleRNN": SimpleRNNPanel, "LSTM": LSTMPanel, "GRU": GRUPanel}


class ModelBody(VerticalScroll, can_focus=False):
    """Scrolls the whole screen; focus goes to its fields."""


class ModelScreen(Screen[None]):
    """A loaded model (or the reason it could not be loaded)."""

    DEFAULT_CSS = """
    ModelScreen #model-title { height: 1; background: $panel; }
    ModelScreen #model-input { height: 1; margin-bottom: 1; }
    ModelScreen #model-summary { margin-bottom: 1; }
    ModelScreen #model-layers { height: auto; max-height: 6; border: none; }
    ModelScreen #model-output { margin-bottom: 1; }
    ModelScreen .model--note { color: $warning; }
    ModelScreen #model-panel { height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back"),
        Binding("f1,question_mark", "help", "Help"),
        Binding("f3,L", "toggle_lang", "Lang"),
        Binding("p,ㅔ", "toggle_pad", "Pad"),
    ]
    LABELS_KO: ClassVar[dict[str, str]] = {"Back": "뒤로", "Pad": "패딩"}

    def __init__(
        self,
        lab: ModelLab | None,
        *,
        lang: str = "en",
        error: str = "",
        partial: ModelSummary | None = None,
        notes: tuple[str, ...] = (),
        path: str = "",
    ) -> None:
        super().__init__()
        self.lab = lab
        self.lang = lang
        self.error = error
        self.partial = partial
        self.extra_notes = notes
        self.path = path
        self.choice: LayerChoice | None = None
        self.panel: Panel | None = None
        self.load_error: LoadError | None = None
        """The loader's error (its message in either language), when the file did not load."""
        if lab is not None:
            lab.listeners.append(self._model_changed)

    @classmethod
    def for_file(
        cls,
        path: str | Path,
        *,
        vocab: str | Path | None = None,
        spec: str | None = None,
        lang: str = "en",
    ) -> ModelScreen:
        """Load ``path`` (and the vocabulary); any problem becomes a message on the screen."""
        from rnntui.lab.model import ModelLab
        from rnntui.lab.model_input import ModelInputError
        from rnntui.nn.loading import LoadError, load_model, load_vocab

        try:
            model = load_model(path, spec=spec)
        except LoadError as err:
            screen = cls(None, lang=lang, error=str(err), partial=err.partial, path=str(path))
            screen.load_error = err  # shown in the screen's language, also after F3
            return screen
        except Exception as err:  # never a crash, whatever the file holds
            return cls(None, lang=lang, error=f"{type(err).__name__}: {err}", path=str(path))
        notes: tuple[str, ...] = ()
        words = model.vocabulary  # a TextVectorization's, when the file holds one
        if vocab is not None:
            try:
                words = load_vocab(vocab)
            except LoadError as err:
                notes = (f"{say('vocab', lang)} {err.text(lang)}",)
        try:
            lab = ModelLab(model, words)
        except ModelInputError as err:  # a vocabulary that does not fit the model
            notes = (f"{say('vocab', lang)} {err.text(lang)}",)
            lab = ModelLab(model, None)
        return cls(lab, lang=lang, notes=notes, path=str(path))

    # -- compose ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Readout(self._title(), id="model-title")
        with ModelBody(id="model-body"):
            if self.lab is None:
                yield Readout(self._error_text(), id="model-error", classes="model--note")
                if self.partial is not None and self.partial.rows:
                    from rnntui.lab.model_view import summary_table

                    yield Readout(say("partial", lang), id="model-partial-head")
                    yield Readout("\n".join(summary_table(self.partial)), id="model-summary")
            else:
                view = self.lab.view(lang)
                notes = Readout(id="model-notes", classes="model--note")
                notes.text = "\n".join((*self.extra_notes, *view.notes))
                notes.display = bool(notes.text)
                yield notes
                yield Readout("\n".join(view.summary), id="model-summary")
                yield Readout(f"{say('input', lang)} {view.input_hint}", id="model-hint")
                entry = Input(view.text, id="model-input", compact=True)
                entry.cursor_blink = False
                yield entry
                yield Readout(view.tokens_text, id="model-tokens")
                yield Readout(view.output_head, id="model-output-head")
                yield Readout(view.output_text, id="model-output")
                if view.choices:
                    yield Readout(say("layers", lang), id="model-layers-head")
                    yield OptionList(
                        *(Option(Text(c.label(lang)), id=c.key) for c in view.choices),
                        id="model-layers",
                    )
                    yield Readout(id="model-layer-note", classes="model--note")
                else:
                    yield Readout(say("no_layers", lang), id="model-layers-head")
                yield Vertical(id="model-panel")
        yield KeyBar(id="keybar")

    def _title(self) -> str:
        name = Path(self.path).name if self.path else ""
        if self.lab is None:
            return f"rnntui  {name}"
        return f"rnntui  {name}  {self.lab.view(self.lang).title}"

    def _error_text(self) -> str:
        from rnntui.nn.loading.messages import supported

        error = self.load_error.text(self.lang) if self.load_error is not None else self.error
        text = f"{say('bad', self.lang)}\n{error}"
        reads = supported(self.lang)
        if reads in error:
            return text
        return f"{text}\n\n{say('reads', self.lang)} {reads}."

    async def on_mount(self) -> None:
        """Focus the input and open the first recurrent layer."""
        if self.lab is None:
            return
        self.query_one("#model-input", Input).focus()
        choices = self.lab.choices()
        if choices:
            wanted = self.choice.key if self.choice is not None else choices[0].key
            chooser = self.query_one("#model-layers", OptionList)
            keys = [c.key for c in choices]
            chooser.highlighted = keys.index(wanted) if wanted in keys else 0
            await self.show_layer(next((c for c in choices if c.key == wanted), choices[0]))
        body = self.query_one("#model-body", ModelBody)
        self.call_after_refresh(body.scroll_home, animate=False)  # the summary first

    # -- layer panel --------------------------------------------------------------------------
    async def show_layer(self, choice: LayerChoice) -> None:
        """Show ``choice`` in its lesson panel (the lab is kept: forcing survives)."""
        from rnntui.lab.model_input import ModelInputError

        assert self.lab is not None
        box = self.query_one("#model-panel", Vertical)
        note = self.query_one("#model-layer-note", Readout)
        await box.remove_children()
        self.panel, self.choice = None, choice
        try:
            lab = self.lab.lab_for(choice)
        except ModelInputError as err:
            note.show(f"{say('too_wide', self.lang)} {err.text(self.lang)}")
            return
        lines = [f"{say('shown', self.lang)} {choice.label(self.lang)}", say("what_if", self.lang)]
        if choice.direction == "backward":
            lines.insert(1, say("backward", self.lang))
        note.show("\n".join(lines))
        panel = layer_panels()[choice.kind](lang=self.lang, lab=lab, id="layer-panel")
        self.panel = panel
        await box.mount(panel)

    @on(OptionList.OptionSelected, "#model-layers")
    async def _layer_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.lab is None:
            return
        for choice in self.lab.choices():
            if choice.key == event.option_id:
                await self.show_layer(choice)
                return

    # -- input --------------------------------------------------------------------------------
    @on(Input.Submitted, "#model-input")
    def _typed(self, event: Input.Submitted) -> None:
        from rnntui.lab.model_input import ModelInputError

        event.stop()
        if self.lab is None:
            return
        try:
            self.lab.set_text(event.value)
        except ModelInputError as err:
            self.notify(f"{say('refused', self.lang)} {err.text(self.lang)}", severity="error")

    def _model_changed(self) -> None:
        """The model ran on a new input (typed here or in the layer panel): show it."""
        if self.lab is None or not self.is_attached:
            return
        view = self.lab.view(self.lang)
        entry = self.query_one("#model-input", Input)
        if entry.value != view.text:
            entry.value = view.text
        self.query_one("#model-tokens", Readout).show(view.tokens_text)
        self.query_one("#model-output-head", Readout).show(view.output_head)
        self.query_one("#model-output", Readout).show(view.output_text)
        notes = self.query_one("#model-notes", Readout)
        text = "\n".join((*self.extra_notes, *view.notes))
        notes.display = bool(text)
        notes.show(text)
        if self.panel is not None:
            self.panel.request_recompute()

    # -- actions ------------------------------------------------------------------------------
    def action_close(self) -> None:
        """Back to the lessons (or quit, when the model screen is all there is)."""
        if len(self.app.screen_stack) > 1:
            self.dismiss(None)
        else:
            self.app.exit()

    async def action_toggle_lang(self) -> None:
        """Switch Korean / English (the app's switch, saved), and redraw in it."""
        toggle = getattr(self.app, "action_toggle_lang", None)
        if toggle is not None:
            toggle()
        lang = getattr(self.app, "lang", None)
        self.lang = lang if lang in ("en", "ko") else ("en" if self.lang == "ko" else "ko")
        self.panel = None
        await self.recompose()
        await self.on_mount()

    def action_toggle_pad(self) -> None:
        """p: pad the input at the front to the model's steps (pad_sequences), or stop."""
        from rnntui.lab.model_input import ModelInputError

        if self.lab is None:
            return
        try:
            self.lab.set_padding(not self.lab.pad)
        except ModelInputError as err:
            self.notify(err.text(self.lang), severity="warning")

    def action_help(self) -> None:
        """What this screen does, then the layer panel's own help."""
        from rnntui.ui.screens.help import HelpScreen

        parts = [say("help", self.lang)]
        if self.panel is not None:
            parts.append(self.panel.help_markdown())
        self.app.push_screen(HelpScreen("\n\n".join(parts)))


def open_model_file(app: App[Any]) -> None:
    """The palette's "Open a model file...": ask for the path, then show the model screen
    (whatever the file holds, the screen shows a message instead of failing)."""
    from rnntui.ui.screens.model_open import OpenModelScreen

    lang = str(getattr(app, "lang", "en"))

    def chosen(answer: tuple[str, str] | None) -> None:
        if answer is None:
            return
        path, vocab = answer
        app.push_screen(
            ModelScreen.for_file(
                Path(path).expanduser(),
                vocab=Path(vocab).expanduser() if vocab else None,
                lang=lang,
            )
        )

    app.push_screen(OpenModelScreen(lang), chosen)
