"""The Panel base widget: preset, language, help text and a coalesced ``recompute()`` hook.

A panel owns its controls (Steppers, toggles) and its readouts (Bars, ValueGrid, Readout).
``recompute()`` runs the engine once (``rnntui.nn`` traces) and pushes the new numbers into
the existing child widgets in place; a child refreshes only if its printed text changed, so a
tweak redraws a few lines, not the screen.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from rnntui.lab.format import words
from rnntui.ui.keys import with_jamo
from rnntui.ui.widgets.grid import ValueGrid
from rnntui.ui.widgets.stepper import Stepper


class Panel(Widget):
    """Base of every live panel (see docs/panels.md)."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """A panel's letter keys also answer to the jamo that Hangul input mode sends."""
        if "BINDINGS" in cls.__dict__:
            cls.BINDINGS = with_jamo(list(cls.__dict__["BINDINGS"]))
        super().__init_subclass__(**kwargs)

    BINDINGS: ClassVar[list[BindingType]] = with_jamo(
        [Binding("k", "show_code", "Code", show=False)]
    )
    """Every panel: ``k`` opens the Keras / PyTorch code of what it shows (screens/code.py);
    listed in F1 help and the palette, not in the crowded key bar."""
    NAME: ClassVar[str] = ""
    """Registry name, e.g. ``"lstm"``."""
    HELP_TEXT: ClassVar[dict[str, str]] = {"en": "", "ko": ""}
    """F1 help Markdown per language: what the concept is and which keys do what."""
    LABELS_KO: ClassVar[dict[str, str]] = {}
    """Korean key-bar labels for this panel's own binding descriptions (English -> Korean)."""

    DEFAULT_CSS = """
    Panel { height: auto; width: 1fr; padding: 0 1; }
    Panel .panel--title { text-style: bold; }
    Panel .panel--note { text-style: italic; }
    """

    def __init__(
        self, lang: str = "en", *, id: str | None = None, classes: str | None = None
    ) -> None:
        """The widget part only: a subclass builds (or is handed) its lab and validates the
        lesson's preset there (``rnntui.lab``)."""
        super().__init__(id=id, classes=classes)
        self.lang = lang
        self.notes: list[str] = []
        """Messages about preset values that were ignored (shown by the panel if it likes)."""
        self._pending = False
        self._computing = False
        self._in_control = False
        self.last_error: Exception | None = None
        """The last exception ``recompute()`` raised (shown as a notification, not a crash)."""

    # -- hooks for subclasses -----------------------------------------------------------------
    def recompute(self) -> None:
        """Run the engine and update child widgets in place. Subclasses override."""

    def on_control_changed(self, stepper: Stepper) -> None:
        """A Stepper changed: by default store nothing and request a recompute."""
        self.request_recompute()

    def on_cell_selected(self, grid: ValueGrid, unit: int, t: int) -> None:
        """A ValueGrid's cursor moved: by default nothing happens."""

    def action_show_code(self) -> None:
        """``k``: the code that rebuilds this panel in Keras 3 or PyTorch (its lab, now)."""
        from rnntui.ui.screens.code import open_code

        if not open_code(self.app, self):
            self.notify(
                self.t("This panel has no code to show.", "이 패널은 보여 줄 코드가 없습니다.")
            )

    # -- helpers ------------------------------------------------------------------------------
    def t(self, en: str, ko: str) -> str:
        """Pick the English or Korean literal for this panel's language."""
        return words(self.lang, en, ko)

    def help_markdown(self) -> str:
        """The F1 help for this panel in its language."""
        return self.HELP_TEXT.get(self.lang) or self.HELP_TEXT.get("en", "")

    def stepper(self, label: str, value: float, **kwargs: Any) -> Stepper:
        """A Stepper in this panel's language (kwargs as Stepper)."""
        return Stepper(label, value, lang=self.lang, **kwargs)

    def request_recompute(self) -> None:
        """Ask for one recompute. From a control's change it runs before the key's frame is
        painted (one frame per key); otherwise right after the current message. Requests made
        while one is pending or running are merged into it."""
        if self._pending:
            return
        self._pending = True
        if not self._in_control and not self._computing:
            self.call_next(self._run_recompute)

    def _run_recompute(self) -> None:
        if self._computing:
            return
        self._computing = True
        try:
            while self._pending:
                self._pending = False
                self.recompute()
        except Exception as error:  # never crash on a bad combination; tests check last_error
            self._pending = False
            self.last_error = error
            self.notify(f"{type(error).__name__}: {error}", severity="error", timeout=5)
        finally:
            self._computing = False

    def _emitted(self, message: Message) -> None:
        """A control's message, delivered synchronously (see widgets/emit.py)."""
        outer, self._in_control = self._in_control, True
        try:
            if isinstance(message, Stepper.Changed):
                self.on_control_changed(message.stepper)
            elif isinstance(message, ValueGrid.CellSelected):
                self.on_cell_selected(message.grid, message.unit, message.t)
            else:
                self.post_message(message)
        finally:
            self._in_control = outer
        if not outer and self._pending:
            self._run_recompute()

    def on_mount(self) -> None:
        """Localize the key labels of the panel and its controls; compute once."""
        for node in self.query("*"):
            if isinstance(node, Stepper | ValueGrid):
                node.emit_hook = self._emitted  # type: ignore[union-attr]
        self._pending = True
        self._run_recompute()

    @on(Stepper.Changed)
    def _stepper_changed(self, event: Stepper.Changed) -> None:
        """A Stepper mounted later (no hook): the same handling, one message later."""
        event.stop()
        self._emitted(event)

    @on(ValueGrid.CellSelected)
    def _grid_selected(self, event: ValueGrid.CellSelected) -> None:
        event.stop()
        self._emitted(event)


class PlaceholderPanel(Panel):
    """Shown for a panel that is unknown, not built yet, or failed to start."""

    NAME = "placeholder"
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": "This lesson's live panel is not available yet. Read the lesson text; "
        "the keys in the footer still work.",
        "ko": "이 레슨의 실시간 패널은 아직 준비되지 않았습니다. 본문을 읽어 주세요. "
        "아래쪽 키는 그대로 쓸 수 있습니다.",
    }

    def __init__(self, message: str, lang: str = "en", *, id: str | None = None) -> None:
        super().__init__(lang, id=id)
        self.message = message

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(self.message, classes="panel--note", markup=False)
