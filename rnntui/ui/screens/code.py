"""Show me the code: the Keras 3 / PyTorch script that rebuilds what a panel shows.

``f`` switches the framework, ``c`` copies the script to the clipboard (OSC 52, through
``App.copy_to_clipboard``), ``s`` saves it to a new file in the current folder (never over an
existing one: ``rnntui_lstm_keras.py``, then ``-1``, ``-2``, ...), Escape closes. The code is
generated once per framework (``rnntui.codegen``) from the lab as it was when the screen opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.syntax import Syntax
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer, Vertical
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widgets import Static

from rnntui.codegen import FRAMEWORKS, code_for, filename_for
from rnntui.lab.format import words
from rnntui.ui.keys import with_jamo

NAMES = {"keras": "Keras 3", "torch": "PyTorch"}
HIGHLIGHT_LIMIT = 60_000
"""Longer scripts (big layers' weights) are shown without colours: highlighting them takes
seconds."""
LABELS_KO = {"Framework": "프레임워크", "Copy": "복사", "Save": "저장", "Close": "닫기"}
"""Korean key labels of this screen."""


def fresh_path(folder: Path, name: str) -> Path:
    """``folder/name`` if free, else ``stem-1.py``, ``stem-2.py``, ... (the first free one)."""
    path = folder / name
    stem, suffix = path.stem, path.suffix
    k = 0
    while path.exists():
        k += 1
        path = folder / f"{stem}-{k}{suffix}"
    return path


def save_new(folder: Path, name: str, text: str) -> Path:
    """Write ``text`` to a file that did not exist (exclusive create; the next free name if
    another file appears meanwhile) and return its path."""
    for _ in range(100):
        path = fresh_path(folder, name)
        try:
            with path.open("x", encoding="utf-8") as handle:
                handle.write(text)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"no free file name for {name} in {folder}")


class CodeScreen(ModalScreen[None]):
    """The code for one lab, in Keras 3 or PyTorch."""

    LABELS_KO: ClassVar[dict[str, str]] = LABELS_KO
    BINDINGS: ClassVar[list[BindingType]] = with_jamo(
        [
            Binding("escape,q", "close", "Close", key_display="Esc"),
            Binding("f", "switch", "Framework"),
            Binding("c", "copy", "Copy"),
            Binding("s", "save", "Save"),
            Binding("up", "scroll(0,-1)", "Scroll", show=False),
            Binding("down", "scroll(0,1)", "Scroll", show=False),
            Binding("pageup", "scroll(0,-10)", "Scroll", show=False),
            Binding("pagedown", "scroll(0,10)", "Scroll", show=False),
            Binding("left", "scroll(-8,0)", "Scroll", show=False),
            Binding("right", "scroll(8,0)", "Scroll", show=False),
            Binding("home", "top", "Scroll", show=False),
        ]
    )
    DEFAULT_CSS = """
    CodeScreen { align: center middle; }
    CodeScreen #code-box { width: 100%; height: 100%; border: solid $accent; }
    CodeScreen #code-head { height: auto; padding: 0 1; text-style: bold; }
    CodeScreen #code-body { height: 1fr; }
    CodeScreen #code-text { width: auto; height: auto; }
    """

    def __init__(
        self,
        lab: object,
        lang: str = "en",
        *,
        framework: str = "keras",
        folder: Path | None = None,
    ) -> None:
        super().__init__()
        self.lab = lab
        self.lang = lang
        self.framework = framework if framework in FRAMEWORKS else "keras"
        self.folder = folder
        """Where ``s`` saves (None: the current folder when the key is pressed)."""
        self._codes: dict[str, str] = {}

    # -- content ------------------------------------------------------------------------------
    def code(self, framework: str | None = None) -> str:
        """The script for ``framework`` (default: the one shown), generated once."""
        name = framework or self.framework
        if name not in self._codes:
            self._codes[name] = code_for(self.lab, name, self.lang)
        return self._codes[name]

    def head_text(self) -> str:
        """The first line: framework and keys."""
        other = NAMES[next(f for f in FRAMEWORKS if f != self.framework)]
        return words(
            self.lang,
            f"{NAMES[self.framework]} code  |  f: {other}  c: copy  s: save  Esc: close",
            f"{NAMES[self.framework]} 코드  |  f: {other}  c: 복사  s: 저장  Esc: 닫기",
        )

    def _syntax(self) -> Syntax | Text:
        code = self.code()
        if len(code) > HIGHLIGHT_LIMIT:
            return Text(code, no_wrap=True, end="")
        return Syntax(code, "python", theme="ansi_dark", word_wrap=False)

    def compose(self) -> ComposeResult:
        with Vertical(id="code-box"):
            yield Static(self.head_text(), id="code-head", markup=False)
            with ScrollableContainer(id="code-body", can_focus=True):
                yield Static(self._syntax(), id="code-text")

    def on_mount(self) -> None:
        """Focus the code so the arrows scroll it."""
        try:
            self.query_one("#code-body").focus()
        except NoMatches:
            pass

    # -- actions ------------------------------------------------------------------------------
    def action_close(self) -> None:
        """Close the code."""
        self.dismiss(None)

    def action_switch(self) -> None:
        """Show the other framework's code."""
        self.framework = next(f for f in FRAMEWORKS if f != self.framework)
        self.query_one("#code-head", Static).update(self.head_text())
        self.query_one("#code-text", Static).update(self._syntax())
        self.query_one("#code-body", ScrollableContainer).scroll_home(animate=False)

    def action_copy(self) -> None:
        """Copy the code to the clipboard (OSC 52) and say so."""
        self.app.copy_to_clipboard(self.code())
        self.notify(
            words(
                self.lang,
                f"{NAMES[self.framework]} code copied to the clipboard (OSC 52; if nothing "
                "arrives, your terminal blocks it: save it with s).",
                f"{NAMES[self.framework]} 코드를 클립보드에 복사했습니다 (OSC 52; 붙여 넣어지지 "
                "않으면 터미널이 막은 것이니 s로 저장하세요).",
            ),
            timeout=6,
            markup=False,
        )

    def action_save(self) -> None:
        """Save the code to a new file in the current folder and say which."""
        folder = self.folder if self.folder is not None else Path.cwd()
        try:
            path = save_new(folder, filename_for(self.lab, self.framework), self.code())
        except OSError as error:
            self.notify(
                words(self.lang, "Could not save: ", "저장하지 못했습니다: ")
                + str(error.strerror or error),
                severity="error",
                timeout=6,
                markup=False,
            )
            return
        self.notify(
            words(self.lang, f"Saved to {path}", f"{path}에 저장했습니다"), timeout=6, markup=False
        )

    def action_scroll(self, dx: int, dy: int) -> None:
        """Scroll the code."""
        try:
            body = self.query_one("#code-body", ScrollableContainer)
        except NoMatches:
            return
        body.scroll_relative(x=dx, y=dy, animate=False)

    def action_top(self) -> None:
        """Back to the first line."""
        self.query_one("#code-body", ScrollableContainer).scroll_home(animate=False)


def open_code(app: object, panel: object) -> bool:
    """Push the code screen for ``panel``'s lab on ``app``; False if the panel has none."""
    from textual.app import App

    lab = getattr(panel, "lab", None)
    if lab is None or not isinstance(app, App):
        return False
    if isinstance(app.screen, CodeScreen):
        return True
    try:
        from rnntui.codegen import panel_of

        panel_of(lab)
    except ValueError:
        return False
    app.push_screen(CodeScreen(lab, str(getattr(panel, "lang", "en"))))
    return True
