"""A modal screen with the weights of a recurrent panel's layer; one weight can be edited.

Draws ``rnntui.lab.weights_view`` (W, U, b block by block with their Keras names and shapes).
Arrows move a cursor over the numbers; Enter types a new value for the one under it (a lab
call, ``RecurrentLab.set_weight``); Escape closes (the panel recomputes with the new weight).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Region
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Static

from rnntui.lab.format import fmt, words
from rnntui.lab.recurrent import RecurrentLab
from rnntui.lab.spec import SettingError
from rnntui.lab.weights_view import WeightsView, weights_view
from rnntui.typed_numbers import NumberError, parse_number
from rnntui.ui.keys import with_jamo
from rnntui.ui.widgets.lines import FOCUS_STYLE


class WeightsTable(Widget, can_focus=True):
    """The weights view as text, with a cursor on one number."""

    DEFAULT_CSS = "WeightsTable { height: auto; width: auto; }"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move_line(-1)", "Cell"),
        Binding("down", "move_line(1)", "Cell"),
        Binding("left", "move(-1)", "Cell"),
        Binding("right", "move(1)", "Cell"),
    ]

    def __init__(self, view: WeightsView, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = view
        self.cursor = 0
        """Index into ``view.entries()``."""

    @property
    def entry(self) -> tuple[int, int, int] | None:
        """(weight index, row, column) under the cursor."""
        entries = self.view.entries()
        return entries[self.cursor] if entries else None

    def show(self, view: WeightsView) -> None:
        """New numbers (same layout: the cursor stays)."""
        self.view = view
        self.cursor = min(self.cursor, max(0, len(view.entries()) - 1))
        self.refresh(layout=True)

    def _where(self) -> tuple[int, int]:
        """(line, column in cells) of the cursor's number."""
        target = self.entry
        for y, line in enumerate(self.view.lines):
            x = 0
            for cell in line:
                if cell.entry == target:
                    return y, x
                x += len(cell.text)
        return 0, 0

    def render(self) -> Text:
        text = Text(no_wrap=True, end="")
        target = self.entry
        for y, line in enumerate(self.view.lines):
            if y:
                text.append("\n")
            for cell in line:
                mark = cell.entry is not None and cell.entry == target
                text.append(cell.text, FOCUS_STYLE if mark else None)
        return text

    def _go(self, index: int) -> None:
        count = len(self.view.entries())
        if not count:
            return
        self.cursor = min(max(index, 0), count - 1)
        self.refresh()
        y, x = self._where()
        parent = self.parent
        if isinstance(parent, Widget) and parent.is_scrollable:
            region = Region(x, y, 9, 1).translate(self.virtual_region.offset)
            parent.scroll_to_region(region, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        """Previous / next number."""
        self._go(self.cursor + step)

    def action_move_line(self, step: int) -> None:
        """The number in the same column of the previous / next line that has numbers."""
        y, x = self._where()
        entries = self.view.entries()
        positions: dict[tuple[int, int, int], tuple[int, int]] = {}
        for ly, line in enumerate(self.view.lines):
            cx = 0
            for cell in line:
                if cell.entry is not None:
                    positions[cell.entry] = (ly, cx)
                cx += len(cell.text)
        lines = sorted({p[0] for p in positions.values()})
        if y not in lines:
            return
        k = lines.index(y) + step
        if not 0 <= k < len(lines):
            return
        row = [e for e in entries if positions[e][0] == lines[k]]
        best = min(row, key=lambda e: abs(positions[e][1] - x))
        self._go(entries.index(best))


class WeightsScreen(ModalScreen[None]):
    """W, U, b of the layer; Enter edits the number under the cursor."""

    DEFAULT_CSS = """
    WeightsScreen { align: center middle; }
    WeightsScreen > VerticalScroll {
        width: 100%;
        max-width: 100;
        height: 1fr;
        background: $surface;
        border: solid $primary;
        padding: 0 1;
    }
    WeightsScreen #weights-head { dock: top; height: auto; background: $surface; padding: 0 1; }
    WeightsScreen #weights-foot { dock: bottom; height: auto; background: $surface; }
    WeightsScreen #weights-entry { display: none; }
    WeightsScreen #weights-status { height: auto; }
    WeightsScreen .modal--hint { text-style: italic; }
    """

    BINDINGS: ClassVar[list[BindingType]] = with_jamo(
        [
            Binding("escape,q,w", "close", "Close"),
            Binding("enter", "edit", "Type"),
            Binding("pageup", "scroll(-10)", "Scroll", show=False),
            Binding("pagedown", "scroll(10)", "Scroll", show=False),
        ]
    )

    def __init__(
        self, lab: RecurrentLab, lang: str = "en", on_change: Callable[[], None] | None = None
    ) -> None:
        super().__init__()
        self.lab = lab
        self.lang = lang
        self.on_change = on_change
        self.changed = False

    def compose(self) -> ComposeResult:
        view = weights_view(self.lab, self.lang)
        with Vertical(id="weights-head"):
            yield Static(
                Text(
                    words(
                        self.lang,
                        "Esc closes; arrows pick a number, Enter types a new value",
                        "Esc: 닫기, 화살표: 숫자 선택, Enter: 새 값 입력",
                    )
                ),
                classes="modal--hint",
            )
            yield Static(Text(view.title), id="weights-title")
        with VerticalScroll(id="weights-body"):
            yield WeightsTable(view, id="weights-table")
        with Vertical(id="weights-foot"):
            yield Static(Text(""), id="weights-status")
            entry = Input(id="weights-entry", compact=True)
            entry.cursor_blink = False
            yield entry

    def on_mount(self) -> None:
        """The cursor is on the first number."""
        self.query_one(WeightsTable).focus()

    def _status(self, text: str) -> None:
        self.query_one("#weights-status", Static).update(Text(text))

    def action_close(self) -> None:
        """Close (Escape while typing only stops typing)."""
        entry = self.query_one("#weights-entry", Input)
        if entry.display:
            entry.display = False
            self.query_one(WeightsTable).focus()
            return
        self.dismiss(None)

    def action_scroll(self, lines: int) -> None:
        """Scroll the weights."""
        self.query_one("#weights-body", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_edit(self) -> None:
        """Type a new value for the number under the cursor."""
        table = self.query_one(WeightsTable)
        if table.entry is None:
            return
        index, row, col = table.entry
        weights = self.lab.engine_layer().get_weights()[index]
        value = float(weights[row, col] if weights.ndim == 2 else weights[col])
        entry = self.query_one("#weights-entry", Input)
        entry.value = ""
        entry.placeholder = fmt(value)
        entry.display = True
        entry.focus()
        self._status(
            words(
                self.lang,
                f"Now {fmt(value)}. Type the new value, then Enter (Esc: keep it):",
                f"지금 {fmt(value)}. 새 값을 입력하고 Enter (Esc: 그대로):",
            )
        )

    @on(Input.Submitted, "#weights-entry")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        table = self.query_one(WeightsTable)
        entry = event.input
        if table.entry is None:
            return
        index, row, col = table.entry
        try:
            value = parse_number(event.value)
            self.lab.set_weight(index, row, col, value)
        except (NumberError, SettingError) as error:
            reason = error.reason if isinstance(error, SettingError) else event.value
            self._status(words(self.lang, f"Refused: {reason}", f"거부: {reason}"))
            return
        entry.display = False
        table.focus()
        table.show(weights_view(self.lab, self.lang))
        self.changed = True
        self._status(words(self.lang, f"Set to {fmt(value)}.", f"{fmt(value)}(으)로 바꿨습니다."))
        if self.on_change is not None:
            self.on_change()
