"""The Panel base widget: preset, language, help text and a coalesced ``recompute()`` hook.

A panel owns its controls (Steppers, toggles) and its readouts (Bars, ValueGrid, Readout).
``recompute()`` runs the engine once (``rnntui.nn`` traces) and pushes the new numbers into
the existing child widgets in place; a child refreshes only if its printed text changed, so a
tweak redraws a few lines, not the screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import on
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from rnntui.ui.keys import localize_bindings
from rnntui.ui.strings import pick, tr
from rnntui.ui.widgets.grid import ValueGrid
from rnntui.ui.widgets.lines import (
    PaintMemo,
    changed_span,
    drawn_as_widget,
    group_of,
    plain,
    repaint,
    text_strip,
)
from rnntui.ui.widgets.stepper import Stepper


class Readout(PaintMemo, Widget):
    """A block of text that repaints only the lines whose text changed (no markup).

    Lines that fit are drawn through Textual's line API (``render_line``), which costs a few
    microseconds per changed line; text that needs wrapping, tabs, or text-align/line-pad CSS
    goes through the ordinary ``render()`` path and looks the same."""

    DEFAULT_CSS = "Readout { width: 1fr; height: auto; }"
    _direct_lines = True

    def __init__(self, text: str = "", *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = ""
        self.text = text
        self._fallback_text: str | None = None
        self._wrap_cache: tuple[tuple[str, int, object], list[Strip]] | None = None

    @property
    def text(self) -> str:
        """The text shown (setting it does not repaint: use :meth:`show`)."""
        return self._text

    @text.setter
    def text(self, text: str) -> None:
        self._text = text
        self._lines = text.split("\n")
        self._widest = max(cell_len(line) for line in self._lines)
        self._plain = plain(text.replace("\n", ""))

    def show(self, text: str) -> None:
        """Display ``text``; if the line count is unchanged, only changed lines are repainted."""
        if text == self._text:
            return
        old, old_widest = self._lines, self._widest
        self.text = text
        group = group_of(self)
        if group is not None:
            group.member_changed(self)
            return
        if not self.display:
            return  # drawn with the new text when shown (showing it runs a layout anyway)
        new = self._lines
        width = self.size.width
        if (len(old) != len(new) or not self.is_mounted or width == 0
                or max(old_widest, self._widest) > width):
            self.refresh(layout=True)
            return
        direct = self._direct(width)
        regions = []
        for y, (a, b) in enumerate(zip(old, new, strict=True)):
            span = changed_span(a, b) if direct else (0, width) if a != b else None
            if span is not None:
                regions.append(Region(span[0], y, span[1] - span[0], 1))
        repaint(self, *regions)

    def _direct(self, width: int) -> bool:
        """True if the lines are drawn as they are (they fit, no wrapping or alignment)."""
        if not self._plain or self._widest > width:
            return False
        styles = self.styles
        return (styles.text_align in ("left", "start") and not styles.line_pad
                and styles.content_align == ("left", "top"))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        if self._plain:
            return self._widest
        return super().get_content_width(container, viewport)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self._direct(width):
            return len(self._lines)
        return super().get_content_height(container, viewport, width)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if not self._direct(width):
            if self._fallback_text != self._text:
                self._fallback_text = self._text
                self._render_content()
            return super().render_line(y)
        self._fallback_text = None
        self._dirty_regions.clear()
        style = self.visual_style.rich_style
        if y < len(self._lines):
            return text_strip(self._lines[y], style)
        return Strip.blank(width, style)

    def render(self) -> Text:
        return Text(self._text)

    # -- drawn by a LineGroup (see widgets/lines.py) --------------------------------------------
    def _group_texts(self, width: int) -> list[str]:
        if self._direct(width):
            return self._lines
        return [strip.text for strip in self._wrapped(width)]

    def _group_strip(self, k: int, width: int, pad: tuple[int, Style] | None = None) -> Strip:
        if self._direct(width):
            return text_strip(self._lines[k], self.visual_style.rich_style, pad)
        return self._wrapped(width)[k]

    def _wrapped(self, width: int) -> list[Strip]:
        key = (self._text, width, self.visual_style)
        if self._wrap_cache is None or self._wrap_cache[0] != key:
            self._wrap_cache = (key, drawn_as_widget(self, width, None))
        return self._wrap_cache[1]


class Panel(PaintMemo, Widget):
    """Base of every live panel (see docs/panels.md)."""

    NAME: ClassVar[str] = ""
    """Registry name, e.g. ``"lstm"``."""
    HELP: ClassVar[dict[str, str]] = {"en": "", "ko": ""}
    """F1 help Markdown per language: what the concept is and which keys do what."""
    DEFAULTS: ClassVar[dict[str, Any]] = {}
    """Preset keys this panel understands, with their default values."""
    LABELS_KO: ClassVar[dict[str, str]] = {}
    """Korean key-bar labels for this panel's own binding descriptions (English -> Korean)."""

    DEFAULT_CSS = """
    Panel { height: auto; width: 1fr; padding: 0 1; }
    Panel .panel--title { text-style: bold; }
    Panel .panel--note { text-style: italic; }
    """

    def __init__(
        self,
        preset: Mapping[str, Any] | None = None,
        lang: str = "en",
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.lang = lang
        self.notes: list[str] = []
        """Messages about preset values that were ignored (shown by the panel if it likes)."""
        self.preset: dict[str, Any] = dict(self.DEFAULTS)
        for key, value in dict(preset or {}).items():
            if key not in self.DEFAULTS:
                continue
            try:
                self.preset[key] = self.check_preset(key, value)
            except (TypeError, ValueError) as error:
                self.notes.append(tr("panel.bad_preset", lang, name=key, error=error))
        self._pending = False
        self._computing = False
        self._in_control = False
        self.last_error: Exception | None = None
        """The last exception ``recompute()`` raised (shown as a notification, not a crash)."""

    # -- hooks for subclasses -----------------------------------------------------------------
    def check_preset(self, key: str, value: Any) -> Any:
        """Validate (and convert) one preset value; raise ValueError to fall back to default."""
        return value

    def recompute(self) -> None:
        """Run the engine and update child widgets in place. Subclasses override."""

    def on_control_changed(self, stepper: Stepper) -> None:
        """A Stepper changed: by default store nothing and request a recompute."""
        self.request_recompute()

    def on_cell_selected(self, grid: ValueGrid, unit: int, t: int) -> None:
        """A ValueGrid's cursor moved: by default nothing happens."""

    # -- helpers ------------------------------------------------------------------------------
    def t(self, en: str, ko: str) -> str:
        """Pick the English or Korean literal for this panel's language."""
        return pick(self.lang, en, ko)

    def help_markdown(self) -> str:
        """The F1 help for this panel in its language."""
        return self.HELP.get(self.lang) or self.HELP.get("en", "")

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
        for node in (self, *self.query("*")):
            localize_bindings(node, self.lang, self.LABELS_KO)
            if isinstance(node, Stepper | ValueGrid):
                node.emit_hook = self._emitted  # type: ignore[attr-defined]
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
    HELP: ClassVar[dict[str, str]] = {
        "en": "This lesson's live panel is not available yet. Read the lesson text; "
        "the keys in the footer still work.",
        "ko": "이 강의의 실시간 패널은 아직 준비되지 않았습니다. 본문을 읽어 주세요. "
        "아래쪽 키는 그대로 쓸 수 있습니다.",
    }

    def __init__(self, message: str, lang: str = "en", *, id: str | None = None) -> None:
        super().__init__({}, lang, id=id)
        self.message = message

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(self.message, classes="panel--note", markup=False)
