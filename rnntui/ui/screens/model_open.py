"""A small modal that asks for a model file (and an optional vocabulary), then opens it.

Used by the command palette's "Open a model file..."; the model screen shows any problem with
the file, so nothing typed here can crash the app.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input

from rnntui.ui.widgets.readout import Readout

TEXT: dict[str, tuple[str, str]] = {
    "title": ("Open a model file (.keras, .h5)", "모델 파일 열기 (.keras, .h5)"),
    "path": ("File:", "파일:"),
    "vocab": ("Vocabulary (optional, .txt or .json):", "사전 (선택, .txt 또는 .json):"),
    "keys": (
        "Tab: next field, Enter: open, Escape: cancel",
        "Tab: 다음 칸, Enter: 열기, Escape: 취소",
    ),
    "empty": ("Type the path of a model file.", "모델 파일 경로를 입력하세요."),
}


def say(key: str, lang: str) -> str:
    """A string of this modal in ``lang``."""
    en, ko = TEXT[key]
    return ko if lang == "ko" else en


class OpenModelScreen(ModalScreen[tuple[str, str] | None]):
    """Asks for a path and a vocabulary; dismisses with (path, vocab) or None."""

    DEFAULT_CSS = """
    OpenModelScreen { align: center middle; }
    OpenModelScreen > Vertical {
        width: 76; height: auto; border: round $accent; background: $surface; padding: 0 1;
    }
    OpenModelScreen Input { margin-bottom: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    LABELS_KO: ClassVar[dict[str, str]] = {"Cancel": "취소"}

    def __init__(self, lang: str = "en") -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Readout(say("title", self.lang))
            yield Readout(say("path", self.lang))
            path = Input(id="open-path", compact=True, placeholder="model.keras")
            path.cursor_blink = False
            yield path
            yield Readout(say("vocab", self.lang))
            vocab = Input(id="open-vocab", compact=True, placeholder="vocab.txt")
            vocab.cursor_blink = False
            yield vocab
            yield Readout(say("keys", self.lang))

    def on_mount(self) -> None:
        """Start in the path field."""
        self.query_one("#open-path", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = self.query_one("#open-path", Input).value.strip()
        if not path:
            self.notify(say("empty", self.lang), severity="warning")
            self.query_one("#open-path", Input).focus()
            return
        self.dismiss((path, self.query_one("#open-vocab", Input).value.strip()))

    def action_cancel(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)
